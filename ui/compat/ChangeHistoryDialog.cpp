#include "ui/compat/ChangeHistoryDialog.h"

#include "core/config/ChangeHistory.h"
#include "core/config/ChangeSetRunner.h"
#include "core/config/ServiceControl.h"
#include "ui/common/ThemeColors.h"
#include "ui/compat/ChangeHistoryModel.h"
#include "ui/compat/DiffView.h"
#include "ui/compat/StepChecklist.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace maildeck::ui {

ChangeHistoryDialog::ChangeHistoryDialog(const ServerProfile &server, SshSession *ssh,
                                         QWidget *parent)
    : QDialog(parent)
    , m_server(server)
    , m_ssh(ssh) {
    setObjectName(QStringLiteral("ChangeHistoryDialog"));
    setWindowTitle(tr("Configuration Changes — %1").arg(server.name));
    resize(980, 680);
    const config::ServiceControl control = config::ServiceControl::fromProfile(server);
    m_history = new config::ChangeHistory(ssh, control, this);
    m_model = new ChangeHistoryModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("ChangeHistoryView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(ChangeHistoryModel::TimeColumn, 150);
    m_view->setColumnWidth(ChangeHistoryModel::TitleColumn, 340);
    m_view->setColumnWidth(ChangeHistoryModel::StateColumn, 150);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ChangeHistoryDialog::showSelected);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diff = new DiffView(this);
    m_diff->setObjectName(QStringLiteral("ChangeHistoryDiff"));
    m_checklist = new StepChecklist(this);
    m_checklist->hide();
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_note);
    lowerLayout->addWidget(m_diff, 1);
    lowerLayout->addWidget(m_checklist, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("ChangeHistorySplitter"));
    split->addWidget(m_view);
    split->addWidget(lower);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("ChangeHistoryStatus"));
    m_status->setWordWrap(true);
    m_revert = new QPushButton(tr("&Revert…"), this);
    m_revert->setObjectName(QStringLiteral("RevertButton"));
    m_revert->setToolTip(tr("Put back the files as they were before the selected change."));
    connect(m_revert, &QPushButton::clicked, this, [this] { revertSelected(false); });
    m_reload = new QPushButton(tr("Re&load"), this);
    connect(m_reload, &QPushButton::clicked, this, &ChangeHistoryDialog::reload);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangeHistoryDialog::reject);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_reload);
    bar->addWidget(m_revert);
    bar->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(bar);
    updateButtons();
    reload();
}

ChangeHistoryDialog::~ChangeHistoryDialog() = default;

void ChangeHistoryDialog::setStatus(const QString &text, bool error) {
    m_status->setText(text);
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText,
               error ? toneText(Tone::Error, palette()) : palette().color(QPalette::WindowText));
    m_status->setPalette(p);
}

QString ChangeHistoryDialog::statusText() const {
    return m_status->text();
}

bool ChangeHistoryDialog::isReverting() const {
    return m_runner && m_runner->isRunning();
}

void ChangeHistoryDialog::reload() {
    if (!m_ssh) {
        setStatus(tr("Not connected to the server."), true);
        return;
    }
    const quint64 generation = ++m_loadGeneration;
    setStatus(tr("Reading the change history…"));
    const QString selected = [this] {
        const auto *e = m_model->entry(m_view->currentIndex().row());
        return e ? e->id : QString();
    }();
    QPointer<ChangeHistoryDialog> self(this);
    m_history->list().then(this, [self, generation,
                                  selected](Result<QList<config::HistoryEntry>> r) {
        if (!self || generation != self->m_loadGeneration)
            return;
        if (!r.ok()) {
            self->setStatus(tr("Cannot read the change history: %1").arg(r.error().message), true);
            Q_EMIT self->loaded();
            return;
        }
        self->m_model->setEntries(r.value());
        self->setStatus(self->m_model->rowCount() == 0
                            ? tr("No configuration change was made with MailDeck on this server.")
                            : tr("%n change(s).", nullptr, self->m_model->rowCount()));
        int row = 0;
        for (int i = 0; i < self->m_model->rowCount(); ++i)
            if (self->m_model->entry(i)->id == selected)
                row = i;
        if (self->m_model->rowCount() > 0)
            self->m_view->selectRow(row);
        self->updateButtons();
        Q_EMIT self->loaded();
    });
}

void ChangeHistoryDialog::showSelected() {
    updateButtons();
    const config::HistoryEntry *entry = m_model->entry(m_view->currentIndex().row());
    m_diff->setDiff({});
    m_note->clear();
    if (!entry || !m_ssh)
        return;
    const QString id = entry->id;
    QPointer<ChangeHistoryDialog> self(this);
    m_history->load(id).then(this, [self, id](Result<config::ChangeSet> r) {
        if (!self)
            return;
        const config::HistoryEntry *current =
            self->m_model->entry(self->m_view->currentIndex().row());
        if (!current || current->id != id)
            return;
        if (!r.ok()) {
            self->m_note->setText(tr("Cannot read this change: %1").arg(r.error().message));
            return;
        }
        self->m_diff->setDiff(r.value().unifiedDiff());
        self->m_note->setText(r.value().note());
        self->m_note->setVisible(!r.value().note().isEmpty());
    });
}

void ChangeHistoryDialog::updateButtons() {
    const config::HistoryEntry *entry = m_model->entry(m_view->currentIndex().row());
    const bool canRevert = entry && entry->state == config::ChangeSet::State::Applied &&
                           entry->revertedBy.isEmpty() && !isReverting() && m_ssh;
    m_revert->setEnabled(canRevert);
    m_reload->setEnabled(!isReverting());
}

void ChangeHistoryDialog::revertSelected(bool confirmed) {
    const config::HistoryEntry *entry = m_model->entry(m_view->currentIndex().row());
    if (!entry || entry->state != config::ChangeSet::State::Applied ||
        !entry->revertedBy.isEmpty() || isReverting() || !m_ssh)
        return;
    if (!confirmed) {
        const auto answer = QMessageBox::question(
            this, tr("Revert the change?"),
            tr("Revert \"%1\"? These files get back the content they had before it:\n\n%2\n\n"
               "The services are reloaded; if anything fails, nothing changes.")
                .arg(entry->title, entry->paths.join(QLatin1Char('\n'))),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    const QString id = entry->id;
    setStatus(tr("Planning the revert…"));
    m_revert->setEnabled(false);
    QPointer<ChangeHistoryDialog> self(this);
    m_history->planRevert(id).then(this, [self](Result<config::ChangeSet> plan) {
        if (!self)
            return;
        if (!plan.ok()) {
            self->setStatus(tr("Cannot revert: %1").arg(plan.error().message), true);
            self->updateButtons();
            Q_EMIT self->reverted(false);
            return;
        }
        const config::ServiceControl control = config::ServiceControl::fromProfile(self->m_server);
        delete self->m_runner;
        self->m_runner = new config::ChangeSetRunner(self->m_ssh, control, self);
        const QList<config::PlanStep> steps = plan.value().steps();
        QList<config::PlanStep> all = steps;
        all += plan.value().rollbackSteps();
        self->m_checklist->setSteps(all, int(steps.size()));
        self->m_checklist->show();
        connect(
            self->m_runner, &config::ChangeSetRunner::stepStarted, self->m_checklist,
            [self](int index, const config::PlanStep &) { self->m_checklist->markStarted(index); });
        connect(self->m_runner, &config::ChangeSetRunner::stepFinished, self->m_checklist,
                &StepChecklist::markFinished);
        self->setStatus(tr("Reverting…"));
        self->updateButtons();
        self->m_runner->apply(plan.value()).then(self, [self](Result<config::ChangeSet> r) {
            if (!self)
                return;
            const bool ok = r.ok() && r.value().state() == config::ChangeSet::State::Applied;
            self->m_checklist->markRemainingSkipped();
            if (ok)
                self->setStatus(tr("Reverted."));
            else
                self->setStatus(tr("The revert did not go through: %1")
                                    .arg(r.ok() ? r.value().note() : r.error().message),
                                true);
            Q_EMIT self->reverted(ok);
            self->reload();
        });
    });
}

void ChangeHistoryDialog::reject() {
    if (isReverting()) {
        QMessageBox::information(this, tr("Revert in progress"),
                                 tr("Wait until the revert has finished; it shows its outcome "
                                    "here."));
        return;
    }
    QDialog::reject();
}

} // namespace maildeck::ui
