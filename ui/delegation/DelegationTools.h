#pragma once

#include "core/delegation/AccessScope.h"
#include "core/profiles/ServerProfile.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;

namespace maildeck {
class ServerConnection;
}

namespace maildeck::ui {

class AuditLogDialog;
class DomainAdminsDialog;
class DomainPage;

// The main window's delegation part: the Tools menu (Domain Administrators…, Audit Log…, for
// the global admin) and, once connected, the access scope of the connection: a per-domain
// admin's own account (AccessScope Delegated) gets the same window with only its domains, and
// the domain page offers only what the delegated procedures allow.
class DelegationTools : public QObject {
    Q_OBJECT
public:
    DelegationTools(QMainWindow *window, DomainPage *page);

    QMenu *menu() const { return m_menu; }
    // Detects the scope of `connection`'s database (nullptr: disconnected).
    void setConnection(ServerConnection *connection);
    const delegation::ScopeInfo &scope() const { return m_scope; }

    DomainAdminsDialog *showDomainAdmins();
    AuditLogDialog *showAuditLog();

Q_SIGNALS:
    void scopeDetected(const maildeck::delegation::ScopeInfo &scope);
    // The Domain Administrators window set up MailDeck's database account: the main window
    // saves the profile and reconnects with it.
    void databaseAccountReady(const maildeck::ServerProfile &profile);

private:
    void applyScope();

    QMainWindow *m_window = nullptr;
    QPointer<DomainPage> m_page;
    QPointer<ServerConnection> m_connection;
    delegation::ScopeInfo m_scope;
    QMenu *m_menu = nullptr;
    QAction *m_admins = nullptr;
    QAction *m_audit = nullptr;
    QPointer<DomainAdminsDialog> m_adminsDialog;
    QPointer<AuditLogDialog> m_auditDialog;
};

} // namespace maildeck::ui
