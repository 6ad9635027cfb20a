#include "ui/lists/SubscribersDialog.h"

#include "core/db/EmailAddress.h"
#include "ui/common/MessageBanner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace maildeck::ui {

using lists::SubscriberKind;

namespace {
// Addresses per import command: big enough to be quick, small enough for progress and Cancel.
constexpr qsizetype ImportChunk = 500;
} // namespace

// --- SubscriberModel -------------------------------------------------------------------------

void SubscriberModel::setSubscribers(const lists::Subscribers &subscribers) {
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(subscribers.total());
    for (const QString &a : subscribers.normal)
        m_rows.append({a, SubscriberKind::Normal});
    for (const QString &a : subscribers.digest)
        m_rows.append({a, SubscriberKind::Digest});
    for (const QString &a : subscribers.nomail)
        m_rows.append({a, SubscriberKind::NoMail});
    endResetModel();
}

QString SubscriberModel::kindLabel(SubscriberKind kind) {
    switch (kind) {
    case SubscriberKind::Normal:
        return tr("Normal");
    case SubscriberKind::Digest:
        return tr("Digest");
    case SubscriberKind::NoMail:
        return tr("No mail");
    }
    return {};
}

int SubscriberModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SubscriberModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubscriberModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == AddressColumn ? db::EmailAddress::displayOf(r.address)
                                               : kindLabel(r.kind);
    case AddressRole:
        return r.address;
    case KindRole:
        return int(r.kind);
    }
    return {};
}

QVariant SubscriberModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == AddressColumn ? tr("Address") : tr("Receives");
}

// --- SubscribersDialog -----------------------------------------------------------------------

SubscribersDialog::SubscribersDialog(lists::MailingLists *lists, const QString &address,
                                     QWidget *parent)
    : QDialog(parent)
    , m_lists(lists)
    , m_address(address) {
    setObjectName(QStringLiteral("SubscribersDialog"));
    setWindowTitle(tr("Subscribers of %1").arg(db::EmailAddress::displayOf(address)));
    m_banner = new MessageBanner(this);

    m_model = new SubscriberModel(this);
    m_kindProxy = new QSortFilterProxyModel(this);
    m_kindProxy->setSourceModel(m_model);
    m_kindProxy->setFilterRole(SubscriberModel::KindRole);
    m_kindProxy->setFilterKeyColumn(SubscriberModel::KindColumn);
    m_textProxy = new QSortFilterProxyModel(this);
    m_textProxy->setSourceModel(m_kindProxy);
    m_textProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_textProxy->setFilterKeyColumn(SubscriberModel::AddressColumn);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("SubscriberView"));
    m_view->setModel(m_textProxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SubscriberModel::AddressColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights and column widths: 10 000+ rows stay quick to show and scroll.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(SubscriberModel::AddressColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(SubscriberModel::KindColumn,
                                                     QHeaderView::ResizeToContents);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("SubscriberFilter"));
    m_filter->setPlaceholderText(tr("Filter subscribers"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_textProxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_kindFilter = new QComboBox(this);
    m_kindFilter->setObjectName(QStringLiteral("KindFilter"));
    m_kindFilter->addItem(tr("All kinds"), -1);
    for (auto k : {SubscriberKind::Normal, SubscriberKind::Digest, SubscriberKind::NoMail})
        m_kindFilter->addItem(SubscriberModel::kindLabel(k), int(k));
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int kind = m_kindFilter->currentData().toInt();
        m_kindProxy->setFilterRegularExpression(kind < 0 ? QString()
                                                         : QStringLiteral("^%1$").arg(kind));
        updateSummary();
    });
    connect(m_textProxy, &QAbstractItemModel::rowsInserted, this,
            &SubscribersDialog::updateSummary);
    connect(m_textProxy, &QAbstractItemModel::rowsRemoved, this, &SubscribersDialog::updateSummary);
    connect(m_textProxy, &QAbstractItemModel::modelReset, this, &SubscribersDialog::updateSummary);
    connect(m_textProxy, &QAbstractItemModel::layoutChanged, this,
            &SubscribersDialog::updateSummary);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("SubscriberSummary"));

    m_addInput = new QLineEdit(this);
    m_addInput->setObjectName(QStringLiteral("AddSubscribersInput"));
    m_addInput->setPlaceholderText(tr("Add: user@example.com, other@example.org …"));
    m_addKind = new QComboBox(this);
    m_addKind->setObjectName(QStringLiteral("AddKind"));
    for (auto k : {SubscriberKind::Normal, SubscriberKind::Digest, SubscriberKind::NoMail})
        m_addKind->addItem(SubscriberModel::kindLabel(k), int(k));
    m_addKind->setToolTip(tr("How new and imported subscribers receive the list."));
    m_add = new QPushButton(tr("&Add"), this);
    m_add->setAutoDefault(false);
    connect(m_add, &QPushButton::clicked, this, [this] { addAddresses(m_addInput->text()); });
    connect(m_addInput, &QLineEdit::returnPressed, this,
            [this] { addAddresses(m_addInput->text()); });
    m_remove = new QPushButton(tr("&Remove Selected…"), this);
    m_remove->setAutoDefault(false);
    connect(m_remove, &QPushButton::clicked, this, &SubscribersDialog::removeSelected);
    m_import = new QPushButton(tr("&Import from File…"), this);
    m_import->setAutoDefault(false);
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import Subscribers"), {}, tr("Address lists (*.txt *.csv);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    m_export = new QPushButton(tr("E&xport Shown…"), this);
    m_export->setAutoDefault(false);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Subscribers"),
            m_address.section(QLatin1Char('@'), 0, 0) + QStringLiteral("-subscribers.txt"),
            tr("Address lists (*.txt);;All files (*)"));
        if (!path.isEmpty())
            exportFile(path);
    });
    m_progressLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("ImportProgress"));
    m_cancelButton = new QPushButton(tr("&Cancel Import"), this);
    m_cancelButton->setAutoDefault(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &SubscribersDialog::cancelImport);
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("ImportReport"));
    m_report->setReadOnly(true);
    m_report->setMaximumHeight(fontMetrics().height() * 7);
    m_report->hide();
    m_progressLabel->hide();
    m_progress->hide();
    m_cancelButton->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_kindFilter);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_addInput, 1);
    addRow->addWidget(m_addKind);
    addRow->addWidget(m_add);
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_summary, 1);
    actionRow->addWidget(m_remove);
    actionRow->addWidget(m_import);
    actionRow->addWidget(m_export);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(actionRow);
    layout->addLayout(addRow);
    layout->addLayout(progressRow);
    layout->addWidget(m_report);
    layout->addWidget(buttons);

    auto *del = new QAction(this);
    del->setShortcut(QKeySequence::Delete);
    del->setShortcutContext(Qt::WidgetShortcut);
    connect(del, &QAction::triggered, this, &SubscribersDialog::removeSelected);
    m_view->addAction(del);
    auto *reloadAction = new QAction(this);
    reloadAction->setShortcut(QKeySequence(tr("Ctrl+R")));
    connect(reloadAction, &QAction::triggered, this, &SubscribersDialog::reload);
    addAction(reloadAction);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SubscribersDialog::updateSummary);
    resize(620, 560);
    updateSummary();
    reload();
}

int SubscribersDialog::shownCount() const {
    return m_textProxy->rowCount();
}

void SubscribersDialog::updateSummary() {
    const int shown = m_textProxy->rowCount();
    const int total = m_model->rowCount();
    m_summary->setText(shown == total
                           ? tr("%n subscriber(s)", nullptr, total)
                           : tr("%1 of %n subscriber(s) shown", nullptr, total).arg(shown));
    const bool ready = !m_busy && m_lists;
    m_remove->setEnabled(ready && m_view->selectionModel()->hasSelection());
    m_add->setEnabled(ready);
    m_import->setEnabled(ready);
    m_export->setEnabled(!m_busy && shown > 0);
}

void SubscribersDialog::setBusy(bool busy) {
    m_busy = busy;
    m_addInput->setEnabled(!busy);
    m_addKind->setEnabled(!busy);
    updateSummary();
}

void SubscribersDialog::reload() {
    if (!m_lists)
        return;
    m_lists->subscribers(m_address).then(this, [this](Result<lists::Subscribers> result) {
        if (!result) {
            m_banner->showError(result.error());
            return;
        }
        m_current = result.value();
        m_model->setSubscribers(m_current);
        updateSummary();
        Q_EMIT loaded(m_current.total());
    });
}

void SubscribersDialog::afterWrite(const Status &status, const QString &done) {
    setBusy(false);
    if (!status) {
        m_banner->showError(status.error());
        Q_EMIT writeFinished(false);
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Info, done);
    reload();
    Q_EMIT writeFinished(true);
}

void SubscribersDialog::addAddresses(const QString &text) {
    if (m_busy || !m_lists)
        return;
    const QStringList input =
        text.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts);
    if (input.isEmpty())
        return;
    // Checked here first, so that the bad one is named before anything is sent.
    auto members = lists::MailingLists::normaliseMembers(input);
    if (!members) {
        m_banner->showError(members.error());
        return;
    }
    m_banner->hide();
    setBusy(true);
    const int count = int(members->size());
    m_lists->subscribe(m_address, *members, SubscriberKind(m_addKind->currentData().toInt()), false)
        .then(this, [this, count](Status status) {
            if (status)
                m_addInput->clear();
            afterWrite(status, tr("%n address(es) subscribed.", nullptr, count));
        });
}

void SubscribersDialog::removeSelected() {
    if (m_busy || !m_lists)
        return;
    QMap<SubscriberKind, QStringList> byKind;
    const auto rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        byKind[SubscriberKind(index.data(SubscriberModel::KindRole).toInt())]
            << index.data(SubscriberModel::AddressRole).toString();
    const int count = int(rows.size());
    if (count == 0)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove Subscribers"),
                                tr("Unsubscribe %n address(es) from %1?", nullptr, count)
                                    .arg(db::EmailAddress::displayOf(m_address)),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("RemoveSubscribersConfirmation"));
    box->setInformativeText(tr("No goodbye mail is sent."));
    QPushButton *remove = box->addButton(tr("&Unsubscribe"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, byKind, count] {
        if (box->clickedButton() != remove || !m_lists)
            return;
        setBusy(true);
        // One bulk command per kind, one after the other.
        auto kinds = std::make_shared<QList<SubscriberKind>>(byKind.keys());
        auto step = std::make_shared<std::function<void()>>();
        *step = [this, kinds, byKind, count, weak = std::weak_ptr(step)] {
            if (kinds->isEmpty())
                return afterWrite({}, tr("%n address(es) unsubscribed.", nullptr, count));
            const SubscriberKind kind = kinds->takeFirst();
            m_lists->removeSubscribers(m_address, byKind.value(kind), kind)
                .then(this, [this, self = weak.lock()](Result<lists::BulkOutcome> r) {
                    if (!r)
                        return afterWrite(r.error(), {});
                    if (self)
                        (*self)();
                });
        };
        (*step)();
    });
    box->open();
}

QList<QPair<int, QString>> SubscribersDialog::parseAddressFile(const QString &text) {
    QList<QPair<int, QString>> out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QString first;
        if (line.startsWith(QLatin1Char('"'))) {
            const qsizetype end = line.indexOf(QLatin1Char('"'), 1);
            first = end < 0 ? line.mid(1) : line.mid(1, end - 1);
        } else {
            const qsizetype sep = line.indexOf(QRegularExpression(QStringLiteral("[,;\\t]")));
            first = sep < 0 ? line : line.left(sep);
        }
        first = first.trimmed();
        // A CSV header line ("email", "address") is no address and no mistake.
        if (out.isEmpty() && !first.contains(QLatin1Char('@')) &&
            line.contains(QRegularExpression(QStringLiteral("[,;\\t]"))))
            continue;
        out.append({i + 1, first});
    }
    return out;
}

bool SubscribersDialog::importFile(const QString &path) {
    if (m_busy || !m_lists)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Could not read %1: %2").arg(path, file.errorString()));
        return false;
    }
    const auto candidates = parseAddressFile(QString::fromUtf8(file.readAll()));
    m_banner->hide();

    // What mlmmj has already (any kind), by lower-case address.
    QHash<QString, SubscriberKind> existing;
    for (const QString &a : m_current.normal)
        existing.insert(a.toLower(), SubscriberKind::Normal);
    for (const QString &a : m_current.digest)
        existing.insert(a.toLower(), SubscriberKind::Digest);
    for (const QString &a : m_current.nomail)
        existing.insert(a.toLower(), SubscriberKind::NoMail);

    m_importReport = {};
    m_pending.clear();
    m_sent = 0;
    m_cancel = false;
    m_importKind = SubscriberKind(m_addKind->currentData().toInt());
    QHash<QString, int> seen; // address -> line
    for (const auto &[line, text] : candidates) {
        auto address = db::EmailAddress::parse(text);
        if (!address) {
            m_importReport.refused.append({line, text, address.error().message});
            continue;
        }
        const QString stored = address->toStorage();
        const QString key = stored.toLower();
        if (seen.contains(key)) {
            m_importReport.refused.append(
                {line, text, tr("appears already on line %1").arg(seen.value(key))});
            continue;
        }
        seen.insert(key, line);
        if (existing.contains(key)) {
            m_importReport.refused.append(
                {line, text,
                 tr("already subscribed (%1)")
                     .arg(SubscriberModel::kindLabel(existing.value(key)).toLower())});
            continue;
        }
        m_pending << stored;
    }
    m_report->clear();
    m_report->hide();
    setBusy(true);
    m_progress->setRange(0, int(qMax<qsizetype>(1, m_pending.size())));
    m_progress->setValue(0);
    m_progressLabel->setText(tr("Importing %n address(es)…", nullptr, int(m_pending.size())));
    m_progressLabel->show();
    m_progress->show();
    m_cancelButton->show();
    m_cancelButton->setEnabled(true);
    importNextChunk();
    return true;
}

void SubscribersDialog::cancelImport() {
    m_cancel = true;
    m_cancelButton->setEnabled(false);
    m_progressLabel->setText(tr("Stopping after the current part…"));
}

void SubscribersDialog::importNextChunk() {
    if (m_cancel || m_sent >= m_pending.size() || !m_lists) {
        m_importReport.canceled = m_cancel && m_sent < m_pending.size();
        return finishImport();
    }
    const QStringList chunk = m_pending.mid(m_sent, ImportChunk);
    m_lists->importSubscribers(m_address, chunk, m_importKind)
        .then(this, [this, size = chunk.size()](Result<lists::BulkOutcome> result) {
            if (!result) {
                m_importReport.error = result.error();
                return finishImport();
            }
            m_importReport.added += result->changed;
            m_importReport.elsewhere += result->elsewhere;
            m_sent += size;
            m_progress->setValue(int(m_sent));
            importNextChunk();
        });
}

void SubscribersDialog::finishImport() {
    m_progressLabel->hide();
    m_progress->hide();
    m_cancelButton->hide();
    setBusy(false);
    const ImportReport &r = m_importReport;
    QString summary = tr("%n address(es) subscribed.", nullptr, int(r.added));
    if (r.elsewhere > 0)
        summary += QLatin1Char(' ') + tr("%n were already subscribed in another way and were "
                                         "left as they are.",
                                         nullptr, int(r.elsewhere));
    if (!r.refused.isEmpty())
        summary += QLatin1Char(' ') +
                   tr("%n line(s) refused (listed below).", nullptr, int(r.refused.size()));
    if (r.canceled)
        summary += QLatin1Char(' ') + tr("Canceled: %n address(es) were not sent.", nullptr,
                                         int(m_pending.size() - m_sent));
    if (r.error) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              r.error->message + QLatin1Char(' ') +
                                  tr("Parts sent before stay subscribed.") + QLatin1Char(' ') +
                                  summary,
                              r.error->code + QLatin1Char('\n') + r.error->detail);
    } else {
        m_banner->showMessage(r.refused.isEmpty() && !r.canceled ? MessageBanner::Kind::Info
                                                                 : MessageBanner::Kind::Warning,
                              summary);
    }
    if (!r.refused.isEmpty()) {
        QStringList lines;
        lines.reserve(r.refused.size());
        for (const Refused &x : r.refused)
            lines << tr("Line %1: %2 — %3").arg(x.line).arg(x.text.left(100), x.reason);
        m_report->setPlainText(lines.join(QLatin1Char('\n')));
        m_report->show();
    }
    m_pending.clear();
    reload();
    Q_EMIT importFinished(r);
}

bool SubscribersDialog::exportFile(const QString &path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    QByteArray out;
    for (int i = 0; i < m_textProxy->rowCount(); ++i)
        out +=
            m_textProxy->index(i, 0).data(SubscriberModel::AddressRole).toString().toUtf8() + '\n';
    file.write(out);
    if (!file.commit()) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_banner->showMessage(
        MessageBanner::Kind::Info,
        tr("%n address(es) written to %1.", nullptr, m_textProxy->rowCount()).arg(path));
    return true;
}

} // namespace maildeck::ui
