#pragma once

#include "core/common/Result.h"
#include "core/db/DbWorker.h"
#include "core/db/PasswordHash.h"
#include "core/db/VmailTypes.h"
#include "ui/domains/UndoableChange.h"

#include <QFuture>
#include <QPointer>
#include <QWidget>

#include <optional>

class QAbstractItemView;
class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QToolBar;
class QTreeView;

namespace maildeck {
class DbWorker;
}
namespace maildeck::lists {
class MailingLists;
}

namespace maildeck::ui {

class AliasOverviewModel;
class MailboxListModel;
class MailingListModel;
class MessageBanner;

// One domain's content: its mailboxes and what routes mail inside it, with the editors:
// Insert = new, Delete = delete, F2 / Enter = edit, Ctrl+R = reload (in the focused table), and
// the same in the tool bars and context menus.
class DomainPage : public QWidget {
    Q_OBJECT
public:
    explicit DomainPage(QWidget *parent = nullptr);

    // Shows `domain` (storage form) and loads its rows through `db` in the background.
    void showDomain(const QString &domain, DbWorker *db);
    // The database for "New Domain" while no domain is shown.
    void setDatabase(DbWorker *db);
    // The server's mlmmj lists (needs SSH); without it the lists tab shows the SQL rows only.
    void setMailingLists(lists::MailingLists *lists);
    void clear();
    QString domain() const { return m_domain; }
    void reload();

    // The scheme new passwords are hashed with (iRedAdmin's DEFAULT_PASSWORD_SCHEME).
    void setDefaultPasswordScheme(db::PasswordScheme scheme) { m_scheme = scheme; }
    // A per-domain admin's own connection (delegation::AccessScope Delegated): what only the
    // server's administrator may do (domains, alias domains, catch-all, alias addresses of users,
    // imports, mailing lists on disk) is disabled, its tool tip says why.
    void setDelegated(bool delegated);
    bool isDelegated() const { return m_delegated; }

    // Domain actions (New, Edit, Enable/Disable, Delete) for the main window's menu.
    QList<QAction *> domainActions() const;
    // Gives the main window's domain list Insert / F2 / Delete and a context menu.
    void installDomainListActions(QAbstractItemView *view);
    // "Undo: <last change>" (Ctrl+Z) for the main window's Edit menu; disabled (its tool tip
    // says why) when there is nothing to undo or the last change cannot be undone.
    QAction *undoAction() const { return m_undo; }
    // The last change's description, empty when there is none to undo.
    QString undoDescription() const { return m_lastChange.description; }

    void newDomain();
    void editDomain();
    void toggleDomainActive();
    void deleteDomain();
    void newMailbox();
    void editMailbox();
    void changePassword();
    void toggleMailboxActive();
    void deleteMailboxes();
    void importMailboxes();
    void newUserAlias();
    void newAlias();
    void editAliasItem();
    void deleteAliasItem();
    void newAliasDomain();
    void editCatchAll();
    void newList();
    void editList();
    void editSubscribers();
    void deleteList();
    // Restores the state before the last change, if nobody changed the rows since.
    void undoLastChange();

Q_SIGNALS:
    void mailboxesLoaded(int count);
    void aliasesLoaded();
    void listsLoaded(int count);
    // Domains were created, changed or deleted: the main window reloads its list (and selects
    // domain(), which is the new domain after a creation, or none after a deletion).
    void domainsChanged();
    // A dialog was opened (tests and screenshots).
    void dialogOpened(QDialog *dialog);
    // An undo finished (ok: restored; otherwise refused or failed, see the banner).
    void undoFinished(bool ok);

private:
    void buildActions();
    void loadSummary();
    void loadMailboxes();
    void loadAliases();
    void loadLists();
    QString currentListAddress() const;
    void updateActions();
    void openDialog(QDialog *dialog);
    // A write from the page itself (toggle, delete): errors to the banner, then reload.
    // `undo` (filled by the job) makes the write the one Undo reverts; without it the write
    // cannot be undone and Undo is disabled.
    void runWrite(QFuture<Status> future, const QString &done, bool domainsToo = false,
                  UndoSlot undo = {});
    // Undo now reverts `change`.
    void setUndo(const UndoableChange &change);
    // Nothing to undo; `why` (the tool tip) says why, e.g. after a delete.
    void clearUndo(const QString &why = {});
    QList<const db::MailboxRow *> selectedMailboxes() const;
    const db::MailboxRow *currentMailbox() const;
    QModelIndex currentAliasIndex() const;
    QAction *makeAction(const QString &text, const QKeySequence &shortcut,
                        void (DomainPage::*slot)());

    QPointer<DbWorker> m_db;
    QString m_domain;
    std::optional<db::DomainSummary> m_summary;
    db::PasswordScheme m_scheme = db::PasswordScheme::Ssha512;
    quint64 m_generation = 0; // drops results of a domain no longer shown
    QLabel *m_title = nullptr;
    MessageBanner *m_banner = nullptr;
    QTabWidget *m_tabs = nullptr;
    MailboxListModel *m_mailboxes = nullptr;
    QSortFilterProxyModel *m_mailboxProxy = nullptr;
    QTableView *m_mailboxView = nullptr;
    AliasOverviewModel *m_aliases = nullptr;
    QSortFilterProxyModel *m_aliasProxy = nullptr;
    QTreeView *m_aliasView = nullptr;
    // "Loading… 4 000 of 20 000" with Cancel, under each tab's filter while rows stream in.
    struct LoadRow {
        QWidget *row = nullptr;
        QLabel *label = nullptr;
        QPushButton *cancel = nullptr;
        int loaded = 0;
        int total = 0;
    };
    LoadRow m_mailboxLoad;
    LoadRow m_aliasLoad;
    LoadRow makeLoadRow(const QString &objectName);
    void showLoadProgress(LoadRow &load, int loaded, int total);
    void endLoadProgress(LoadRow &load, bool complete);
    QPointer<lists::MailingLists> m_lists;
    MailingListModel *m_listModel = nullptr;
    QSortFilterProxyModel *m_listProxy = nullptr;
    QTableView *m_listView = nullptr;
    int m_listSmtpPort = 0; // what the domain's lists use (for new ones); 0 = not known yet

    UndoableChange m_lastChange;
    QAction *m_undo = nullptr;
    QAction *m_newDomain = nullptr;
    QAction *m_editDomain = nullptr;
    QAction *m_toggleDomain = nullptr;
    QAction *m_deleteDomain = nullptr;
    QAction *m_reload = nullptr;
    QAction *m_newMailbox = nullptr;
    QAction *m_editMailbox = nullptr;
    QAction *m_changePassword = nullptr;
    QAction *m_toggleMailbox = nullptr;
    QAction *m_deleteMailbox = nullptr;
    QAction *m_importMailboxes = nullptr;
    QAction *m_newUserAlias = nullptr;
    QAction *m_newAlias = nullptr;
    QAction *m_editAlias = nullptr;
    QAction *m_deleteAlias = nullptr;
    QAction *m_newAliasDomain = nullptr;
    QAction *m_editCatchAll = nullptr;
    QAction *m_newList = nullptr;
    QAction *m_editList = nullptr;
    QAction *m_listSubscribers = nullptr;
    QAction *m_deleteList = nullptr;
    bool m_delegated = false;
    void restrictForDelegated();
};

} // namespace maildeck::ui
