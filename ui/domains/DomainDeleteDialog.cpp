#include "ui/domains/DomainDeleteDialog.h"

#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "ui/common/MessageBanner.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace maildeck::ui {

DomainDeleteDialog::DomainDeleteDialog(DbWorker *db, const QString &domain, QWidget *parent)
    : EditorDialog(db, parent)
    , m_domain(domain) {
    const QString shown = db::DomainName::displayOf(domain);
    setObjectName(QStringLiteral("DeleteDomainDialog"));
    setWindowTitle(tr("Delete Domain %1").arg(shown));
    m_summary = new QLabel(tr("Reading what belongs to %1…").arg(shown), this);
    m_summary->setWordWrap(true);
    m_planView = new QTreeWidget(this);
    m_planView->setObjectName(QStringLiteral("DeletionPlanView"));
    m_planView->setHeaderLabels({tr("Table"), tr("Rows"), tr("Which")});
    m_planView->setRootIsDecorated(true);
    m_planView->setMinimumHeight(260);
    m_planView->header()->setStretchLastSection(true);
    auto *prompt =
        new QLabel(tr("This cannot be undone. Type the domain name <b>%1</b> to confirm:")
                       .arg(shown.toHtmlEscaped()),
                   this);
    prompt->setWordWrap(true);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("DeleteConfirmation"));
    m_confirm->setPlaceholderText(shown);
    contentLayout()->addWidget(m_summary);
    contentLayout()->addWidget(m_planView, 1);
    contentLayout()->addWidget(prompt);
    contentLayout()->addWidget(m_confirm);
    okButton()->setText(tr("&Delete Domain"));
    okButton()->setDefault(false);
    connect(m_confirm, &QLineEdit::textChanged, this, &DomainDeleteDialog::updateOkButton);
    setMinimumSize(560, 460);
    resize(640, 540);
    updateOkButton();
    if (this->db())
        loadPlan();
}

void DomainDeleteDialog::loadPlan() {
    setBusy(true, tr("Reading what will be deleted…"));
    db()->run([domain = m_domain](QSqlDatabase &sql) {
            return db::DomainRepository::planDeletion(sql, domain);
        })
        .then(this, [this](Result<db::DeletionPlan> plan) {
            setBusy(false);
            if (!plan) {
                showServerError(plan.error());
                m_summary->setText(tr("The domain cannot be deleted now."));
                return;
            }
            setPlan(*plan);
        });
}

void DomainDeleteDialog::setPlan(const db::DeletionPlan &plan) {
    m_plan = plan;
    m_planView->clear();
    auto *deleted = new QTreeWidgetItem(
        m_planView, {tr("Deleted"), QString::number(plan.totalRows()), tr("rows of this domain")});
    QFont bold = deleted->font(0);
    bold.setBold(true);
    deleted->setFont(0, bold);
    for (const auto &t : plan.tables) {
        auto *item = new QTreeWidgetItem(deleted, {t.table, QString::number(t.rows), t.condition});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        if (t.rows == 0)
            item->setForeground(0, m_planView->palette().brush(QPalette::Disabled, QPalette::Text));
    }
    if (!plan.mailboxes.isEmpty()) {
        auto *boxes = new QTreeWidgetItem(
            m_planView, {tr("Mailboxes"), QString::number(plan.mailboxes.size()),
                         tr("maildirs stay on disk, recorded in deleted_mailboxes")});
        boxes->setFont(0, bold);
        for (const QString &m : plan.mailboxes)
            new QTreeWidgetItem(boxes, {db::EmailAddress::displayOf(m)});
    }
    if (!plan.mailingLists.isEmpty()) {
        auto *lists = new QTreeWidgetItem(m_planView, {tr("Mailing lists"),
                                                       QString::number(plan.mailingLists.size()),
                                                       tr("list directories on the server stay")});
        lists->setFont(0, bold);
        for (const QString &l : plan.mailingLists)
            new QTreeWidgetItem(lists, {db::EmailAddress::displayOf(l)});
    }
    int kept = 0;
    for (const auto &t : plan.keptReferences)
        kept += t.rows;
    auto *keptItem = new QTreeWidgetItem(
        m_planView, {tr("Kept"), QString::number(kept), tr("references from other domains")});
    keptItem->setFont(0, bold);
    keptItem->setToolTip(0, tr("Rows of other domains that point into this domain stay; mail to "
                               "them will bounce after the deletion. Remove them if they are no "
                               "longer wanted."));
    for (const auto &t : plan.keptReferences)
        new QTreeWidgetItem(keptItem, {t.table, QString::number(t.rows), t.condition});
    m_planView->expandItem(deleted);
    m_planView->expandItem(keptItem);
    m_planView->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_planView->setColumnWidth(0, 220);
    m_planView->resizeColumnToContents(1);
    m_summary->setText(
        tr("Deleting %1 removes %n row(s) from the database:", nullptr, plan.totalRows())
            .arg(db::DomainName::displayOf(m_domain)));
    updateOkButton();
}

bool DomainDeleteDialog::isComplete() const {
    if (!m_plan)
        return false;
    const QString typed = m_confirm->text().trimmed();
    return typed == db::DomainName::displayOf(m_domain) || typed.toLower() == m_domain;
}

bool DomainDeleteDialog::validate() {
    return isComplete();
}

QFuture<Status> DomainDeleteDialog::startWrite() {
    return db()->runInTransaction([plan = *m_plan](QSqlDatabase &sql) {
        db::DomainDeleteOptions options;
        options.adminName = QStringLiteral("maildeck");
        return db::DomainRepository::remove(sql, plan, options);
    });
}

} // namespace maildeck::ui
