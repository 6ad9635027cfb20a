#include "ui/domains/DomainPage.h"

#include "core/db/AliasRepository.h"
#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "core/db/MailboxRepository.h"
#include "ui/common/MessageBanner.h"
#include "ui/domains/AliasOverviewModel.h"
#include "ui/domains/MailboxListModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace maildeck::ui {

DomainPage::DomainPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("DomainPage"));
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner = new MessageBanner(this);

    m_mailboxes = new MailboxListModel(this);
    m_mailboxProxy = new QSortFilterProxyModel(this);
    m_mailboxProxy->setSourceModel(m_mailboxes);
    m_mailboxProxy->setSortRole(MailboxListModel::SortRole);
    m_mailboxProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_mailboxProxy->setFilterKeyColumn(-1);
    m_mailboxView = new QTableView(this);
    m_mailboxView->setObjectName(QStringLiteral("MailboxView"));
    m_mailboxView->setModel(m_mailboxProxy);
    m_mailboxView->setSortingEnabled(true);
    m_mailboxView->sortByColumn(MailboxListModel::AddressColumn, Qt::AscendingOrder);
    m_mailboxView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_mailboxView->verticalHeader()->hide();
    m_mailboxView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_mailboxView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_mailboxView->horizontalHeader()->setStretchLastSection(true);
    m_mailboxView->setWordWrap(false);
    auto *mailboxFilter = new QLineEdit(this);
    mailboxFilter->setPlaceholderText(tr("Filter mailboxes"));
    mailboxFilter->setClearButtonEnabled(true);
    connect(mailboxFilter, &QLineEdit::textChanged, m_mailboxProxy,
            &QSortFilterProxyModel::setFilterFixedString);
    auto *mailboxTab = new QWidget(this);
    auto *mailboxLayout = new QVBoxLayout(mailboxTab);
    mailboxLayout->addWidget(mailboxFilter);
    mailboxLayout->addWidget(m_mailboxView);

    m_aliases = new AliasOverviewModel(this);
    m_aliasView = new QTreeView(this);
    m_aliasView->setObjectName(QStringLiteral("AliasView"));
    m_aliasView->setModel(m_aliases);
    m_aliasView->setUniformRowHeights(true);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(mailboxTab, tr("&Mailboxes"));
    m_tabs->addTab(m_aliasView, tr("A&liases and forwardings"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
}

void DomainPage::clear()
{
    ++m_generation;
    m_domain.clear();
    m_title->clear();
    m_banner->hide();
    m_mailboxes->setMailboxes({});
    m_aliases->setAliases({}, {});
}

void DomainPage::showDomain(const QString &domain, DbWorker *db)
{
    clear();
    m_db = db;
    m_domain = domain;
    m_title->setText(db::DomainName::displayOf(domain));
    loadMailboxes();
    loadAliases();
}

void DomainPage::loadMailboxes()
{
    if (!m_db)
        return;
    const quint64 generation = m_generation;
    m_db->run([domain = m_domain](QSqlDatabase &db) { return db::MailboxRepository::listForDomain(db, domain); })
        .then(this, [this, generation](Result<QList<db::MailboxRow>> result) {
            if (generation != m_generation)
                return;
            if (!result) {
                m_banner->showError(result.error());
                return;
            }
            const int count = int(result->size());
            m_mailboxes->setMailboxes(std::move(result).value());
            m_mailboxView->resizeColumnsToContents();
            Q_EMIT mailboxesLoaded(count);
        });
}

void DomainPage::loadAliases()
{
    if (!m_db)
        return;
    const quint64 generation = m_generation;
    m_db->run([domain = m_domain](QSqlDatabase &db) { return db::AliasRepository::listForDomain(db, domain); })
        .then(this, [this, generation](Result<db::DomainAliases> result) {
            if (generation != m_generation)
                return;
            if (!result) {
                m_banner->showError(result.error());
                return;
            }
            m_aliases->setAliases(m_domain, *result);
            m_aliasView->expandAll();
            m_aliasView->resizeColumnToContents(0);
            m_aliasView->resizeColumnToContents(1);
        });
}

} // namespace maildeck::ui
