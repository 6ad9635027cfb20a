#include "ui/domains/DomainPage.h"

#include "core/db/AliasRepository.h"
#include "core/db/DbWorker.h"
#include "core/db/DomainRepository.h"
#include "core/db/EmailAddress.h"
#include "core/db/MailboxRepository.h"
#include "core/db/MailingListRepository.h"
#include "core/db/VmailSettings.h"
#include "core/lists/MailingLists.h"
#include "ui/common/MessageBanner.h"
#include "ui/domains/AliasDomainDialog.h"
#include "ui/domains/AliasEditorDialog.h"
#include "ui/domains/AliasOverviewModel.h"
#include "ui/domains/CatchAllDialog.h"
#include "ui/domains/ChangePasswordDialog.h"
#include "ui/domains/DomainDeleteDialog.h"
#include "ui/domains/DomainEditorDialog.h"
#include "ui/domains/EditMailboxDialog.h"
#include "ui/domains/MailboxImportDialog.h"
#include "ui/domains/MailboxListModel.h"
#include "ui/domains/NewMailboxDialog.h"
#include "ui/domains/UserAliasDialog.h"
#include "ui/lists/ListEditorDialog.h"
#include "ui/lists/MailingListModel.h"
#include "ui/lists/SubscribersDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>
#include <utility>

namespace maildeck::ui {

DomainPage::DomainPage(QWidget *parent)
    : QWidget(parent) {
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
    m_mailboxView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mailboxView->verticalHeader()->hide();
    m_mailboxView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_mailboxView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_mailboxView->horizontalHeader()->setStretchLastSection(true);
    m_mailboxView->setWordWrap(false);
    m_mailboxView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *mailboxFilter = new QLineEdit(this);
    mailboxFilter->setObjectName(QStringLiteral("MailboxFilter"));
    mailboxFilter->setPlaceholderText(tr("Filter mailboxes"));
    mailboxFilter->setClearButtonEnabled(true);
    connect(mailboxFilter, &QLineEdit::textChanged, m_mailboxProxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_aliases = new AliasOverviewModel(this);
    // Typing filters what is loaded; rows that arrive later are filtered as they come.
    m_aliasProxy = new QSortFilterProxyModel(this);
    m_aliasProxy->setSourceModel(m_aliases);
    m_aliasProxy->setRecursiveFilteringEnabled(true);
    m_aliasProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_aliasProxy->setFilterKeyColumn(-1);
    m_aliasView = new QTreeView(this);
    m_aliasView->setObjectName(QStringLiteral("AliasView"));
    m_aliasView->setModel(m_aliasProxy);
    m_aliasView->setUniformRowHeights(true);
    m_aliasView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_aliasView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *aliasFilter = new QLineEdit(this);
    aliasFilter->setObjectName(QStringLiteral("AliasFilter"));
    aliasFilter->setPlaceholderText(tr("Filter aliases and forwardings"));
    aliasFilter->setClearButtonEnabled(true);
    connect(aliasFilter, &QLineEdit::textChanged, m_aliasProxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_mailboxLoad = makeLoadRow(QStringLiteral("MailboxLoad"));
    m_aliasLoad = makeLoadRow(QStringLiteral("AliasLoad"));
    connect(m_mailboxLoad.cancel, &QPushButton::clicked, m_mailboxes,
            &MailboxListModel::cancelLoad);
    connect(m_aliasLoad.cancel, &QPushButton::clicked, m_aliases, &AliasOverviewModel::cancelLoad);
    connect(m_mailboxes, &MailboxListModel::loadProgress, this, [this](int loaded, int total) {
        const bool first = m_mailboxLoad.loaded == 0;
        showLoadProgress(m_mailboxLoad, loaded, total);
        if (first) {
            m_mailboxView->resizeColumnsToContents();
            updateActions();
        }
    });
    connect(m_mailboxes, &MailboxListModel::loadFinished, this, [this](bool complete) {
        endLoadProgress(m_mailboxLoad, complete);
        updateActions();
        if (complete)
            Q_EMIT mailboxesLoaded(m_mailboxes->rowCount());
    });
    connect(m_mailboxes, &MailboxListModel::loadFailed, m_banner, &MessageBanner::showError);
    connect(m_aliases, &AliasOverviewModel::loadProgress, this, [this](int loaded, int total) {
        const bool first = m_aliasLoad.loaded == 0;
        showLoadProgress(m_aliasLoad, loaded, total);
        if (first) {
            m_aliasView->expand(m_aliasProxy->index(0, 0));
            m_aliasView->resizeColumnToContents(0);
            m_aliasView->resizeColumnToContents(1);
        }
    });
    connect(m_aliases, &AliasOverviewModel::loadFinished, this, [this](bool complete) {
        endLoadProgress(m_aliasLoad, complete);
        // The groups filled last: expanded once they have rows.
        for (int g = 0; g < m_aliasProxy->rowCount(); ++g)
            m_aliasView->expand(m_aliasProxy->index(g, 0));
        updateActions();
        if (complete)
            Q_EMIT aliasesLoaded();
    });
    connect(m_aliases, &AliasOverviewModel::loadFailed, m_banner, &MessageBanner::showError);

    m_listModel = new MailingListModel(this);
    m_listProxy = new QSortFilterProxyModel(this);
    m_listProxy->setSourceModel(m_listModel);
    m_listProxy->setSortRole(MailingListModel::SortRole);
    m_listProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_listProxy->setFilterKeyColumn(-1);
    m_listView = new QTableView(this);
    m_listView->setObjectName(QStringLiteral("ListView"));
    m_listView->setModel(m_listProxy);
    m_listView->setSortingEnabled(true);
    m_listView->sortByColumn(MailingListModel::AddressColumn, Qt::AscendingOrder);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->verticalHeader()->hide();
    m_listView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_listView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_listView->horizontalHeader()->setStretchLastSection(true);
    m_listView->setWordWrap(false);
    m_listView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *listFilter = new QLineEdit(this);
    listFilter->setObjectName(QStringLiteral("ListFilter"));
    listFilter->setPlaceholderText(tr("Filter mailing lists"));
    listFilter->setClearButtonEnabled(true);
    connect(listFilter, &QLineEdit::textChanged, m_listProxy,
            &QSortFilterProxyModel::setFilterFixedString);

    buildActions();

    auto *mailboxBar = new QToolBar(this);
    mailboxBar->setObjectName(QStringLiteral("MailboxToolBar"));
    mailboxBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    mailboxBar->addActions(
        {m_newMailbox, m_editMailbox, m_changePassword, m_toggleMailbox, m_deleteMailbox});
    mailboxBar->addSeparator();
    mailboxBar->addActions({m_importMailboxes, m_newUserAlias});
    auto *mailboxTab = new QWidget(this);
    auto *mailboxLayout = new QVBoxLayout(mailboxTab);
    mailboxLayout->addWidget(mailboxBar);
    mailboxLayout->addWidget(mailboxFilter);
    mailboxLayout->addWidget(m_mailboxLoad.row);
    mailboxLayout->addWidget(m_mailboxView);

    auto *aliasBar = new QToolBar(this);
    aliasBar->setObjectName(QStringLiteral("AliasToolBar"));
    aliasBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    aliasBar->addActions({m_newAlias, m_editAlias, m_deleteAlias});
    aliasBar->addSeparator();
    aliasBar->addActions({m_newUserAlias, m_newAliasDomain, m_editCatchAll});
    auto *aliasTab = new QWidget(this);
    auto *aliasLayout = new QVBoxLayout(aliasTab);
    aliasLayout->addWidget(aliasBar);
    aliasLayout->addWidget(aliasFilter);
    aliasLayout->addWidget(m_aliasLoad.row);
    aliasLayout->addWidget(m_aliasView);

    auto *listBar = new QToolBar(this);
    listBar->setObjectName(QStringLiteral("ListToolBar"));
    listBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    listBar->addActions({m_newList, m_editList, m_listSubscribers, m_deleteList});
    auto *listTab = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listTab);
    listLayout->addWidget(listBar);
    listLayout->addWidget(listFilter);
    listLayout->addWidget(m_listView);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(mailboxTab, tr("&Mailboxes"));
    m_tabs->addTab(aliasTab, tr("A&liases and forwardings"));
    m_tabs->addTab(listTab, tr("Mailing lis&ts"));

    auto *domainBar = new QToolBar(this);
    domainBar->setObjectName(QStringLiteral("DomainToolBar"));
    domainBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    domainBar->addAction(m_undo);
    domainBar->addSeparator();
    domainBar->addActions({m_editDomain, m_toggleDomain, m_deleteDomain});
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(domainBar);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(titleRow);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);

    connect(m_mailboxView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        // On a weak hash (flagged in the password column) the shortcut is a new password.
        const db::MailboxRow *row =
            m_mailboxes->mailboxAt(m_mailboxProxy->mapToSource(index).row());
        if (row && row->passwordWeak && index.column() == MailboxListModel::PasswordColumn)
            changePassword();
        else
            editMailbox();
    });
    connect(m_aliasView, &QAbstractItemView::activated, this, &DomainPage::editAliasItem);
    connect(m_listView, &QAbstractItemView::activated, this, &DomainPage::editList);
    connect(m_listView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DomainPage::updateActions);
    connect(m_mailboxView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DomainPage::updateActions);
    connect(m_aliasView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DomainPage::updateActions);
    updateActions();
}

DomainPage::LoadRow DomainPage::makeLoadRow(const QString &objectName) {
    LoadRow load;
    load.row = new QWidget(this);
    load.row->setObjectName(objectName);
    load.label = new QLabel(load.row);
    load.cancel = new QPushButton(tr("Cancel"), load.row);
    load.cancel->setToolTip(tr("Stop loading; the rows loaded so far stay."));
    auto *layout = new QHBoxLayout(load.row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(load.label, 1);
    layout->addWidget(load.cancel);
    load.row->hide();
    return load;
}

void DomainPage::showLoadProgress(LoadRow &load, int loaded, int total) {
    load.loaded = loaded;
    load.total = total;
    if (loaded >= total) {
        // Everything is there; what follows (the other alias groups) takes little.
        load.row->hide();
        return;
    }
    const QLocale locale;
    load.label->setText(
        tr("Loading… %1 of %2").arg(locale.toString(loaded), locale.toString(total)));
    load.cancel->show();
    load.row->show();
}

void DomainPage::endLoadProgress(LoadRow &load, bool complete) {
    if (complete || load.loaded == 0 || load.loaded >= load.total) {
        load.row->hide();
    } else {
        const QLocale locale;
        load.label->setText(tr("Loading cancelled: %1 of %2 shown. Reload (Ctrl+R) to load all.")
                                .arg(locale.toString(load.loaded), locale.toString(load.total)));
        load.cancel->hide();
        load.row->show();
    }
    load.loaded = 0;
    load.total = 0;
}

QAction *DomainPage::makeAction(const QString &text, const QKeySequence &shortcut,
                                void (DomainPage::*slot)()) {
    auto *action = new QAction(text, this);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    }
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void DomainPage::buildActions() {
    const QKeySequence insert(Qt::Key_Insert);
    const QKeySequence edit(Qt::Key_F2);
    const QKeySequence del(QKeySequence::Delete);

    m_undo = makeAction(tr("&Undo"), QKeySequence::Undo, &DomainPage::undoLastChange);
    m_undo->setObjectName(QStringLiteral("UndoAction"));
    addAction(m_undo);
    clearUndo();

    m_newDomain = new QAction(tr("&New Domain…"), this);
    m_newDomain->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    connect(m_newDomain, &QAction::triggered, this, &DomainPage::newDomain);
    m_editDomain = makeAction(tr("&Edit Domain…"), {}, &DomainPage::editDomain);
    m_toggleDomain = makeAction(tr("&Disable Domain"), {}, &DomainPage::toggleDomainActive);
    m_deleteDomain = makeAction(tr("De&lete Domain…"), {}, &DomainPage::deleteDomain);
    m_reload = makeAction(tr("&Reload"), QKeySequence(tr("Ctrl+R")), &DomainPage::reload);
    addAction(m_reload);

    m_newMailbox = makeAction(tr("&New Mailbox…"), insert, &DomainPage::newMailbox);
    m_newMailbox->setObjectName(QStringLiteral("NewMailboxAction"));
    m_editMailbox = makeAction(tr("&Edit…"), edit, &DomainPage::editMailbox);
    m_changePassword = makeAction(tr("Change &Password…"), {}, &DomainPage::changePassword);
    m_toggleMailbox = makeAction(tr("&Disable"), {}, &DomainPage::toggleMailboxActive);
    m_deleteMailbox = makeAction(tr("De&lete…"), del, &DomainPage::deleteMailboxes);
    m_importMailboxes = makeAction(tr("&Import from CSV…"), {}, &DomainPage::importMailboxes);
    m_newUserAlias = makeAction(tr("New Alias &Address…"), {}, &DomainPage::newUserAlias);
    m_mailboxView->addActions(
        {m_newMailbox, m_editMailbox, m_changePassword, m_toggleMailbox, m_deleteMailbox});
    auto *sep = new QAction(this);
    sep->setSeparator(true);
    m_mailboxView->addActions({sep, m_newUserAlias, m_importMailboxes, m_reload});

    m_newAlias = makeAction(tr("&New Alias…"), insert, &DomainPage::newAlias);
    m_newAlias->setObjectName(QStringLiteral("NewAliasAction"));
    m_editAlias = makeAction(tr("&Edit…"), edit, &DomainPage::editAliasItem);
    m_deleteAlias = makeAction(tr("De&lete…"), del, &DomainPage::deleteAliasItem);
    m_newAliasDomain = makeAction(tr("New Alias &Domain…"), {}, &DomainPage::newAliasDomain);
    m_editCatchAll = makeAction(tr("&Catch-all…"), {}, &DomainPage::editCatchAll);
    auto *sep2 = new QAction(this);
    sep2->setSeparator(true);
    m_aliasView->addActions({m_newAlias, m_editAlias, m_deleteAlias, sep2, m_newUserAlias,
                             m_newAliasDomain, m_editCatchAll, m_reload});

    m_newList = makeAction(tr("&New List…"), insert, &DomainPage::newList);
    m_newList->setObjectName(QStringLiteral("NewListAction"));
    m_editList = makeAction(tr("&Edit…"), edit, &DomainPage::editList);
    m_editList->setObjectName(QStringLiteral("EditListAction"));
    m_listSubscribers = makeAction(tr("&Subscribers…"), {}, &DomainPage::editSubscribers);
    m_listSubscribers->setObjectName(QStringLiteral("ListSubscribersAction"));
    m_deleteList = makeAction(tr("De&lete…"), del, &DomainPage::deleteList);
    m_deleteList->setObjectName(QStringLiteral("DeleteListAction"));
    auto *sep3 = new QAction(this);
    sep3->setSeparator(true);
    m_listView->addActions(
        {m_newList, m_editList, m_listSubscribers, m_deleteList, sep3, m_reload});
}

QList<QAction *> DomainPage::domainActions() const {
    return {m_newDomain, m_editDomain, m_toggleDomain, m_deleteDomain};
}

void DomainPage::installDomainListActions(QAbstractItemView *view) {
    auto *newDomain = new QAction(m_newDomain->text(), view);
    newDomain->setShortcut(QKeySequence(Qt::Key_Insert));
    newDomain->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(newDomain, &QAction::triggered, this, &DomainPage::newDomain);
    connect(m_newDomain, &QAction::changed, newDomain,
            [this, newDomain] { newDomain->setEnabled(m_newDomain->isEnabled()); });
    auto *edit = new QAction(m_editDomain->text(), view);
    edit->setShortcut(QKeySequence(Qt::Key_F2));
    edit->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(edit, &QAction::triggered, this, &DomainPage::editDomain);
    connect(m_editDomain, &QAction::changed, edit,
            [this, edit] { edit->setEnabled(m_editDomain->isEnabled()); });
    auto *del = new QAction(m_deleteDomain->text(), view);
    del->setShortcut(QKeySequence(QKeySequence::Delete));
    del->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(del, &QAction::triggered, this, &DomainPage::deleteDomain);
    connect(m_deleteDomain, &QAction::changed, del,
            [this, del] { del->setEnabled(m_deleteDomain->isEnabled()); });
    view->addActions({newDomain, edit, m_toggleDomain, del});
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

void DomainPage::setDatabase(DbWorker *db) {
    m_db = db;
    clearUndo(); // a reconnect: the last change is not this session's to undo any more
    updateActions();
}

void DomainPage::setMailingLists(lists::MailingLists *lists) {
    m_lists = lists;
    updateActions();
}

void DomainPage::clear() {
    ++m_generation;
    m_domain.clear();
    m_summary.reset();
    m_title->clear();
    m_banner->hide();
    m_mailboxes->setMailboxes({}); // drops chunks still on their way
    m_aliases->setAliases({}, {});
    m_mailboxLoad.row->hide();
    m_aliasLoad.row->hide();
    m_listModel->setLists({});
    m_listSmtpPort = 0;
    clearUndo();
    updateActions();
}

void DomainPage::showDomain(const QString &domain, DbWorker *db) {
    clear();
    m_db = db;
    m_domain = domain;
    m_title->setText(db::DomainName::displayOf(domain));
    reload();
}

void DomainPage::reload() {
    if (m_domain.isEmpty())
        return;
    ++m_generation;
    // The first chunks of both tabs first: the database worker runs jobs in order.
    loadMailboxes();
    loadAliases();
    loadSummary();
    loadLists();
}

void DomainPage::loadSummary() {
    if (!m_db)
        return;
    const quint64 generation = m_generation;
    m_db->run(
            [domain = m_domain](QSqlDatabase &db) { return db::DomainRepository::get(db, domain); })
        .then(this, [this, generation](Result<db::DomainSummary> result) {
            if (generation != m_generation)
                return;
            if (!result) {
                m_banner->showError(result.error());
                return;
            }
            m_summary = *result;
            const QString shown = db::DomainName::displayOf(m_domain);
            m_title->setText(m_summary->active ? shown : tr("%1 (disabled)").arg(shown));
            m_title->setToolTip(m_summary->description);
            updateActions();
        });
}

void DomainPage::loadMailboxes() {
    if (!m_db)
        return;
    // In chunks, first screenful first (MailboxListModel::load()); the same domain again is a
    // refresh that keeps selection and scroll.
    m_mailboxes->load(m_db, m_domain);
}

void DomainPage::loadAliases() {
    if (!m_db)
        return;
    m_aliases->load(m_db, m_domain);
}

void DomainPage::loadLists() {
    if (!m_db)
        return;
    const quint64 generation = m_generation;
    m_db->run([domain = m_domain](QSqlDatabase &db) {
            return db::MailingListRepository::listForDomain(db, domain);
        })
        .then(this, [this, generation](Result<QList<db::MailingListRow>> result) {
            if (generation != m_generation)
                return;
            if (!result) {
                m_banner->showError(result.error());
                return;
            }
            QStringList addresses;
            for (const db::MailingListRow &row : result.value())
                addresses << row.address;
            const int count = int(addresses.size());
            m_listModel->setLists(std::move(result).value());
            m_listView->resizeColumnsToContents();
            updateActions();
            Q_EMIT listsLoaded(count);
            if (!m_lists)
                return;
            m_listModel->countSubscribers(m_lists, m_domain); // one remote command for all
            // The settings from each list's control files, one after the other.
            for (const QString &address : addresses) {
                m_lists->read(address).then(
                    this, [this, generation, address](Result<lists::ListState> state) {
                        if (generation != m_generation)
                            return;
                        if (!state) {
                            m_listModel->setProblem(address, state.error().message);
                            return;
                        }
                        if (state->settings.smtpPort > 0)
                            m_listSmtpPort = state->settings.smtpPort;
                        m_listModel->setSettings(address, state->settings);
                    });
            }
        });
}

QString DomainPage::currentListAddress() const {
    const QModelIndex index = m_listView->currentIndex();
    if (!index.isValid() || !m_listView->selectionModel()->isRowSelected(index.row(), {}))
        return {};
    return index.siblingAtColumn(0).data(MailingListModel::AddressRole).toString();
}

void DomainPage::updateActions() {
    const bool haveDomain = !m_domain.isEmpty() && m_db;
    m_newDomain->setEnabled(bool(m_db));
    m_editDomain->setEnabled(haveDomain);
    m_deleteDomain->setEnabled(haveDomain);
    m_toggleDomain->setEnabled(haveDomain && m_summary.has_value());
    m_toggleDomain->setText(m_summary && !m_summary->active ? tr("En&able Domain")
                                                            : tr("&Disable Domain"));
    m_reload->setEnabled(haveDomain);

    const auto selected = selectedMailboxes();
    const db::MailboxRow *current = currentMailbox();
    m_newMailbox->setEnabled(haveDomain);
    m_importMailboxes->setEnabled(haveDomain);
    m_editMailbox->setEnabled(current != nullptr);
    m_changePassword->setEnabled(current != nullptr);
    m_toggleMailbox->setEnabled(current != nullptr);
    m_toggleMailbox->setText(current && !current->active ? tr("En&able") : tr("&Disable"));
    m_deleteMailbox->setEnabled(!selected.isEmpty());
    m_newUserAlias->setEnabled(haveDomain && m_mailboxes->rowCount() > 0);

    const QModelIndex alias = currentAliasIndex();
    const int kind = alias.data(AliasOverviewModel::KindRole).toInt();
    const bool group = alias.data(AliasOverviewModel::IsGroupRole).toBool();
    m_newAlias->setEnabled(haveDomain);
    const bool haveLists = haveDomain && m_lists;
    const bool haveList = haveLists && !currentListAddress().isEmpty();
    m_newList->setEnabled(haveLists);
    m_editList->setEnabled(haveList);
    m_listSubscribers->setEnabled(haveList);
    m_deleteList->setEnabled(haveList);
    m_newAliasDomain->setEnabled(haveDomain);
    m_editCatchAll->setEnabled(haveDomain);
    m_editAlias->setEnabled(alias.isValid() && !group &&
                            (kind == AliasOverviewModel::AliasAccountKind ||
                             kind == AliasOverviewModel::ForwardingKind ||
                             kind == AliasOverviewModel::CatchAllKind));
    m_deleteAlias->setEnabled(alias.isValid() && !group &&
                              kind != AliasOverviewModel::ForwardingKind);
    if (m_delegated)
        restrictForDelegated();
}

QList<const db::MailboxRow *> DomainPage::selectedMailboxes() const {
    QList<const db::MailboxRow *> out;
    const auto rows = m_mailboxView->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        if (const auto *row = m_mailboxes->mailboxAt(m_mailboxProxy->mapToSource(index).row()))
            out << row;
    return out;
}

const db::MailboxRow *DomainPage::currentMailbox() const {
    const QModelIndex index = m_mailboxView->currentIndex();
    if (!index.isValid() || !m_mailboxView->selectionModel()->isRowSelected(index.row(), {}))
        return nullptr;
    return m_mailboxes->mailboxAt(m_mailboxProxy->mapToSource(index).row());
}

QModelIndex DomainPage::currentAliasIndex() const {
    const QModelIndex index = m_aliasView->currentIndex();
    return index.isValid() ? index.siblingAtColumn(0) : index;
}

void DomainPage::openDialog(QDialog *dialog) {
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (auto *editor = qobject_cast<EditorDialog *>(dialog))
        connect(editor, &EditorDialog::written, this, [this, editor] {
            if (editor->undoable().isUndoable())
                setUndo(editor->undoable());
            else
                clearUndo(tr("The last change cannot be undone."));
            reload();
            Q_EMIT domainsChanged();
        });
    dialog->open();
    Q_EMIT dialogOpened(dialog);
}

void DomainPage::runWrite(QFuture<Status> future, const QString &done, bool domainsToo,
                          UndoSlot undo) {
    future.then(this, [this, done, domainsToo, undo](Status status) {
        if (!status) {
            m_banner->showError(status.error());
            return;
        }
        if (undo && undo->isUndoable())
            setUndo(*undo);
        else
            clearUndo(tr("The last change cannot be undone: %1").arg(done));
        m_banner->showMessage(MessageBanner::Kind::Info, done);
        reload();
        if (domainsToo)
            Q_EMIT domainsChanged();
    });
}

// --- domains -------------------------------------------------------------------------------

void DomainPage::newDomain() {
    if (!m_db)
        return;
    auto *dialog = new DomainEditorDialog(m_db, this);
    connect(dialog, &EditorDialog::written, this, [this, dialog] {
        // Show the new domain; the main window's reload then selects it.
        showDomain(dialog->domain(), m_db);
    });
    openDialog(dialog);
}

void DomainPage::editDomain() {
    if (!m_db || m_domain.isEmpty())
        return;
    const quint64 generation = m_generation;
    // Fresh from the server: the dialog's version is the one it was opened with.
    m_db->run(
            [domain = m_domain](QSqlDatabase &db) { return db::DomainRepository::get(db, domain); })
        .then(this, [this, generation](Result<db::DomainSummary> result) {
            if (generation != m_generation)
                return;
            if (!result) {
                m_banner->showError(result.error());
                return;
            }
            openDialog(new DomainEditorDialog(m_db, *result, this));
        });
}

void DomainPage::toggleDomainActive() {
    if (!m_db || !m_summary)
        return;
    const bool active = !m_summary->active;
    const QString shown = db::DomainName::displayOf(m_domain);
    auto undo = std::make_shared<UndoableChange>();
    runWrite(m_db->runInTransaction([domain = m_domain, active, undo](QSqlDatabase &db) {
        using db::DomainRepository;
        if (Status s = DomainRepository::setActive(db, domain, active); !s)
            return s;
        auto after = DomainRepository::get(db, domain);
        if (!after)
            return Status(after.error());
        const QString shown = db::DomainName::displayOf(domain);
        undo->description = active ? DomainPage::tr("enable %1").arg(shown)
                                   : DomainPage::tr("disable %1").arg(shown);
        undo->revert = [domain, active, version = after->version](QSqlDatabase &db) {
            auto now = DomainRepository::get(db, domain);
            if (!now)
                return Status(now.error());
            if (now->version != version)
                return Status(UndoableChange::changedSince(db::DomainName::displayOf(domain)));
            return DomainRepository::setActive(db, domain, !active);
        };
        return Status();
    }),
             active ? tr("%1 is enabled.").arg(shown)
                    : tr("%1 is disabled: mail for it is no longer accepted, and its users cannot "
                         "log in.")
                          .arg(shown),
             true, undo);
}

void DomainPage::deleteDomain() {
    if (!m_db || m_domain.isEmpty())
        return;
    auto *dialog = new DomainDeleteDialog(m_db, m_domain, this);
    connect(dialog, &EditorDialog::written, this, [this] { clear(); });
    openDialog(dialog);
    connect(dialog, &EditorDialog::written, this, [this] {
        clearUndo(tr("A deleted domain cannot be restored: its mailboxes were removed."));
    });
}

// --- mailboxes -----------------------------------------------------------------------------

void DomainPage::newMailbox() {
    if (!m_db || m_domain.isEmpty())
        return;
    qint64 defaultQuota = 0;
    if (m_summary)
        defaultQuota = db::VmailSettings::parse(m_summary->settings)
                           .value(QStringLiteral("default_user_quota"))
                           .toLongLong();
    openDialog(new NewMailboxDialog(m_db, m_domain, defaultQuota, m_scheme, this));
}

void DomainPage::editMailbox() {
    const db::MailboxRow *row = currentMailbox();
    if (!m_db || !row)
        return;
    const quint64 generation = m_generation;
    m_db->run([username = row->username](QSqlDatabase &db) {
            return db::MailboxRepository::get(db, username);
        })
        .then(this, [this, generation](Result<db::MailboxRow> result) {
            if (generation != m_generation)
                return;
            if (!result) {
                m_banner->showError(result.error());
                return;
            }
            auto *dialog = new EditMailboxDialog(m_db, *result, this);
            connect(dialog, &EditMailboxDialog::changePasswordRequested, this,
                    [this, scheme = result->passwordScheme,
                     weak = result->passwordWeak](const QString &user) {
                        openDialog(
                            new ChangePasswordDialog(m_db, user, scheme, weak, m_scheme, this));
                    });
            openDialog(dialog);
        });
}

void DomainPage::changePassword() {
    const db::MailboxRow *row = currentMailbox();
    if (!m_db || !row)
        return;
    openDialog(new ChangePasswordDialog(m_db, row->username, row->passwordScheme, row->passwordWeak,
                                        m_scheme, this));
}

void DomainPage::toggleMailboxActive() {
    const db::MailboxRow *row = currentMailbox();
    if (!m_db || !row)
        return;
    const bool active = !row->active;
    const QString shown = db::EmailAddress::displayOf(row->username);
    auto undo = std::make_shared<UndoableChange>();
    runWrite(m_db->runInTransaction([username = row->username, active, undo](QSqlDatabase &db) {
        using db::MailboxRepository;
        if (Status s = MailboxRepository::setActive(db, username, active); !s)
            return s;
        auto after = MailboxRepository::get(db, username);
        if (!after)
            return Status(after.error());
        const QString shown = db::EmailAddress::displayOf(username);
        undo->description = active ? DomainPage::tr("enable mailbox %1").arg(shown)
                                   : DomainPage::tr("disable mailbox %1").arg(shown);
        undo->revert = [username, active, version = after->version](QSqlDatabase &db) {
            auto now = MailboxRepository::get(db, username);
            if (!now)
                return Status(now.error());
            if (now->version != version)
                return Status(UndoableChange::changedSince(db::EmailAddress::displayOf(username)));
            return MailboxRepository::setActive(db, username, !active);
        };
        return Status();
    }),
             active
                 ? tr("%1 is enabled.").arg(shown)
                 : tr("%1 is disabled: it cannot log in, and mail to it is rejected.").arg(shown),
             false, undo);
}

void DomainPage::deleteMailboxes() {
    const auto rows = selectedMailboxes();
    if (!m_db || rows.isEmpty())
        return;
    QStringList usernames;
    QStringList shown;
    for (const db::MailboxRow *row : rows) {
        usernames << row->username;
        shown << db::EmailAddress::displayOf(row->username);
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Mailboxes"),
                                tr("Delete %n mailbox(es)?", nullptr, int(rows.size())),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("DeleteMailboxesConfirmation"));
    box->setInformativeText(
        tr("%1\n\nTheir rows, forwardings and memberships are removed. The maildirs stay on the "
           "disk and are recorded in deleted_mailboxes.")
            .arg(shown.mid(0, 20).join(QLatin1Char('\n')) +
                 (shown.size() > 20 ? tr("\n… and %n more", nullptr, int(shown.size() - 20))
                                    : QString())));
    QPushButton *del = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, del, usernames] {
        if (box->clickedButton() != del || !m_db)
            return;
        runWrite(m_db->runInTransaction([usernames](QSqlDatabase &db) -> Status {
            for (const QString &u : usernames)
                if (Status s = db::MailboxRepository::remove(db, u); !s)
                    return s;
            return {};
        }),
                 tr("%n mailbox(es) deleted.", nullptr, int(usernames.size())), true);
    });
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT dialogOpened(box);
}

void DomainPage::importMailboxes() {
    if (!m_db || m_domain.isEmpty())
        return;
    auto *dialog = new MailboxImportDialog(m_db, m_domain, m_scheme, this);
    connect(dialog, &MailboxImportDialog::imported, this, [this] {
        clearUndo(tr("A bulk import cannot be undone."));
        reload();
        Q_EMIT domainsChanged();
    });
    openDialog(dialog);
}

void DomainPage::newUserAlias() {
    if (!m_db || m_domain.isEmpty())
        return;
    QStringList mailboxes;
    for (int i = 0; i < m_mailboxes->rowCount(); ++i)
        mailboxes << m_mailboxes->mailboxAt(i)->username;
    mailboxes.sort();
    QString target;
    if (const db::MailboxRow *row = currentMailbox())
        target = row->username;
    openDialog(new UserAliasDialog(m_db, m_domain, mailboxes, target, this));
}

// --- aliases -------------------------------------------------------------------------------

void DomainPage::newAlias() {
    if (!m_db || m_domain.isEmpty())
        return;
    openDialog(new AliasEditorDialog(m_db, m_domain, this));
}

void DomainPage::editAliasItem() {
    const QModelIndex index = currentAliasIndex();
    if (!m_db || !index.isValid() || index.data(AliasOverviewModel::IsGroupRole).toBool())
        return;
    const QString key = index.data(AliasOverviewModel::KeyRole).toString();
    const quint64 generation = m_generation;
    switch (index.data(AliasOverviewModel::KindRole).toInt()) {
    case AliasOverviewModel::AliasAccountKind:
        m_db->run([key](QSqlDatabase &db) { return db::AliasRepository::getAlias(db, key); })
            .then(this, [this, generation](Result<db::AliasAccount> result) {
                if (generation != m_generation)
                    return;
                if (!result)
                    return m_banner->showError(result.error());
                openDialog(new AliasEditorDialog(m_db, *result, this));
            });
        break;
    case AliasOverviewModel::ForwardingKind: {
        // A forwarding is edited in its mailbox.
        for (int i = 0; i < m_mailboxes->rowCount(); ++i) {
            if (m_mailboxes->mailboxAt(i)->username == key) {
                m_mailboxView->setCurrentIndex(
                    m_mailboxProxy->mapFromSource(m_mailboxes->index(i, 0)));
                m_mailboxView->selectRow(m_mailboxView->currentIndex().row());
                editMailbox();
                return;
            }
        }
        break;
    }
    case AliasOverviewModel::CatchAllKind:
        editCatchAll();
        break;
    default:
        break;
    }
}

void DomainPage::deleteAliasItem() {
    const QModelIndex index = currentAliasIndex();
    if (!m_db || !index.isValid() || index.data(AliasOverviewModel::IsGroupRole).toBool())
        return;
    const int kind = index.data(AliasOverviewModel::KindRole).toInt();
    const QString key = index.data(AliasOverviewModel::KeyRole).toString();
    QString question;
    QString done;
    std::function<Status(QSqlDatabase &)> job;
    switch (kind) {
    case AliasOverviewModel::AliasAccountKind:
        question = tr("Delete the alias %1? Mail to it will be rejected.")
                       .arg(db::EmailAddress::displayOf(key));
        done = tr("The alias %1 was deleted.").arg(db::EmailAddress::displayOf(key));
        job = [key](QSqlDatabase &db) {
            return db::AliasRepository::removeAlias(db, key);
        };
        break;
    case AliasOverviewModel::UserAliasKind:
        question = tr("Delete the alias address %1?").arg(db::EmailAddress::displayOf(key));
        done = tr("The alias address %1 was deleted.").arg(db::EmailAddress::displayOf(key));
        job = [key](QSqlDatabase &db) {
            return db::AliasRepository::removeUserAlias(db, key);
        };
        break;
    case AliasOverviewModel::AliasDomainKind:
        question = tr("Delete the alias domain %1? Mail to it will be rejected.")
                       .arg(db::DomainName::displayOf(key));
        done = tr("The alias domain %1 was deleted.").arg(db::DomainName::displayOf(key));
        job = [key](QSqlDatabase &db) {
            return db::AliasRepository::removeAliasDomain(db, key);
        };
        break;
    case AliasOverviewModel::CatchAllKind: {
        question = tr("Remove the catch-all of %1? Mail to unknown addresses will be rejected.")
                       .arg(db::DomainName::displayOf(m_domain));
        done = tr("The catch-all was removed.");
        job = [domain = m_domain](QSqlDatabase &db) -> Status {
            auto current = db::AliasRepository::getCatchAll(db, domain);
            if (!current)
                return current.error();
            return db::AliasRepository::setCatchAll(db, *current, {});
        };
        break;
    }
    default:
        return;
    }
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Delete"), question, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("DeleteAliasConfirmation"));
    QPushButton *del = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, del, job, done] {
        if (box->clickedButton() == del && m_db)
            runWrite(m_db->runInTransaction(job), done, true);
    });
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT dialogOpened(box);
}

void DomainPage::newAliasDomain() {
    if (!m_db || m_domain.isEmpty())
        return;
    openDialog(new AliasDomainDialog(m_db, m_domain, this));
}

void DomainPage::editCatchAll() {
    if (!m_db || m_domain.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_db->run([domain = m_domain](QSqlDatabase &db) {
            return db::AliasRepository::getCatchAll(db, domain);
        })
        .then(this, [this, generation](Result<db::CatchAll> result) {
            if (generation != m_generation)
                return;
            if (!result)
                return m_banner->showError(result.error());
            openDialog(new CatchAllDialog(m_db, *result, this));
        });
}

} // namespace maildeck::ui

namespace maildeck::ui {

// --- mailing lists -------------------------------------------------------------------------

void DomainPage::newList() {
    if (!m_db || !m_lists || m_domain.isEmpty())
        return;
    openDialog(new ListEditorDialog(m_lists, m_db, m_domain,
                                    m_listSmtpPort > 0 ? m_listSmtpPort : 10027, this));
}

void DomainPage::editList() {
    const QString address = currentListAddress();
    if (!m_db || !m_lists || address.isEmpty())
        return;
    const quint64 generation = m_generation;
    // Fresh from the server: the dialog's conflict check starts from what it shows.
    m_lists->read(address).then(this, [this, generation](Result<lists::ListState> result) {
        if (generation != m_generation)
            return;
        if (!result)
            return m_banner->showError(result.error());
        openDialog(new ListEditorDialog(m_lists, m_db, *result, this));
    });
}

void DomainPage::editSubscribers() {
    const QString address = currentListAddress();
    if (!m_lists || address.isEmpty())
        return;
    auto *dialog = new SubscribersDialog(m_lists, address, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The Subscribers column counts again once the dialog has changed them.
    connect(dialog, &QDialog::finished, this,
            [this] { m_listModel->countSubscribers(m_lists, m_domain); });
    dialog->open();
    Q_EMIT dialogOpened(dialog);
}

void DomainPage::deleteList() {
    const QString address = currentListAddress();
    if (!m_lists || address.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_lists->planRemoval(address).then(this, [this, generation](Result<lists::RemovalPlan> plan) {
        if (generation != m_generation)
            return;
        if (!plan)
            return m_banner->showError(plan.error());
        const QString shown = db::EmailAddress::displayOf(plan->address);
        auto *box = new QMessageBox(
            QMessageBox::Warning, tr("Delete Mailing List"),
            tr("Delete the mailing list %1? Mail to it will be rejected.").arg(shown),
            QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("DeleteListConfirmation"));
        auto *keep = new QCheckBox(tr("&Keep a copy in the mlmmj archive directory"), box);
        keep->setChecked(plan->archive);
        box->setCheckBox(keep);
        auto describe = [box, plan = *plan](bool archive) {
            lists::RemovalPlan p = plan;
            p.archive = archive;
            box->setInformativeText(
                p.summary().join(QLatin1Char('\n')) + QStringLiteral("\n\n") +
                (archive ? tr("The list directory, its subscribers and its archive of posts are "
                              "removed from the spool; only the copy in the archive directory "
                              "stays.")
                         : tr("The list directory, its subscribers and its archive of posts are "
                              "deleted for good.")));
        };
        describe(plan->archive);
        connect(keep, &QCheckBox::toggled, box, describe);
        QPushButton *del = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
        box->setDefaultButton(QMessageBox::Cancel);
        connect(box, &QMessageBox::finished, this, [this, box, del, keep, plan = *plan, shown] {
            if (box->clickedButton() != del || !m_lists)
                return;
            lists::RemovalPlan p = plan;
            p.archive = keep->isChecked();
            runWrite(m_lists->remove(p), tr("The mailing list %1 was deleted.").arg(shown), true);
        });
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        Q_EMIT dialogOpened(box);
    });
}

// --- undo ----------------------------------------------------------------------------------

void DomainPage::setUndo(const UndoableChange &change) {
    m_lastChange = change;
    m_undo->setEnabled(true);
    m_undo->setText(tr("&Undo: %1").arg(change.description));
    m_undo->setToolTip(tr("Restore the state before: %1 (only if nobody changed it since)")
                           .arg(change.description));
}

void DomainPage::clearUndo(const QString &why) {
    m_lastChange = {};
    m_undo->setEnabled(false);
    m_undo->setText(tr("&Undo"));
    m_undo->setToolTip(why.isEmpty() ? tr("Nothing to undo.") : why);
}

void DomainPage::undoLastChange() {
    if (!m_db || !m_lastChange.isUndoable())
        return;
    const UndoableChange change = std::exchange(m_lastChange, {});
    clearUndo(tr("Only the last change can be undone."));
    m_db->runInTransaction(change.revert)
        .then(this, [this, description = change.description](Status status) {
            if (!status) {
                if (status.error().code == QLatin1String("db.conflict"))
                    m_banner->showMessage(
                        MessageBanner::Kind::Error,
                        tr("Changed since — not undone: %1. Someone else changed it after you; "
                           "their change is kept.")
                            .arg(description),
                        status.error().code + QLatin1Char('\n') + status.error().message);
                else
                    m_banner->showError(status.error());
                reload();
                Q_EMIT undoFinished(false);
                return;
            }
            reload();
            m_banner->showMessage(MessageBanner::Kind::Info, tr("Undone: %1.").arg(description));
            Q_EMIT domainsChanged();
            Q_EMIT undoFinished(true);
        });
}

void DomainPage::setDelegated(bool delegated) {
    if (m_delegated == delegated)
        return;
    m_delegated = delegated;
    if (!delegated) {
        for (QAction *a :
             {m_newDomain, m_editDomain, m_toggleDomain, m_deleteDomain, m_newAliasDomain,
              m_editCatchAll, m_newUserAlias, m_importMailboxes, m_newList, m_editList,
              m_listSubscribers, m_deleteList, m_editAlias, m_deleteAlias})
            a->setToolTip(QString());
    }
    updateActions();
}

void DomainPage::restrictForDelegated() {
    const QString why = tr("Only the server's administrator can do this.");
    for (QAction *a : {m_newDomain, m_editDomain, m_toggleDomain, m_deleteDomain, m_newAliasDomain,
                       m_editCatchAll, m_newUserAlias, m_importMailboxes}) {
        a->setEnabled(false);
        a->setToolTip(why);
    }
    // Mailing lists stay offered: their files change through the server's list agent
    // (delegation::ListAgent), which the procedures let work on the admin's own lists only.
    const int kind = currentAliasIndex().data(AliasOverviewModel::KindRole).toInt();
    if (kind != AliasOverviewModel::AliasAccountKind &&
        kind != AliasOverviewModel::ForwardingKind) {
        m_editAlias->setEnabled(false);
        m_deleteAlias->setEnabled(false);
        m_editAlias->setToolTip(why);
        m_deleteAlias->setToolTip(why);
    } else {
        m_editAlias->setToolTip(QString());
        m_deleteAlias->setToolTip(QString());
    }
}

} // namespace maildeck::ui
