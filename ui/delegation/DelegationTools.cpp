#include "ui/delegation/DelegationTools.h"

#include "core/db/DbWorker.h"
#include "core/session/ServerConnection.h"
#include "ui/delegation/AuditLogDialog.h"
#include "ui/delegation/DomainAdminsDialog.h"
#include "ui/domains/DomainPage.h"

#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>

namespace maildeck::ui {

DelegationTools::DelegationTools(QMainWindow *window, DomainPage *page)
    : QObject(window)
    , m_window(window)
    , m_page(page) {
    m_menu = new QMenu(tr("&Tools"), window);
    m_menu->setObjectName(QStringLiteral("ToolsMenu"));
    m_admins =
        m_menu->addAction(tr("&Domain Administrators…"), this, &DelegationTools::showDomainAdmins);
    m_admins->setObjectName(QStringLiteral("DomainAdminsAction"));
    m_audit = m_menu->addAction(tr("&Audit Log…"), this, &DelegationTools::showAuditLog);
    m_audit->setObjectName(QStringLiteral("AuditLogAction"));
    applyScope();
}

void DelegationTools::setConnection(ServerConnection *connection) {
    m_connection = connection;
    m_scope = {};
    // Closing deletes them later (WA_DeleteOnClose); forget them now so that a window asked for
    // right after this is made anew on the new connection.
    if (m_adminsDialog)
        m_adminsDialog->close();
    if (m_auditDialog)
        m_auditDialog->close();
    m_adminsDialog = nullptr;
    m_auditDialog = nullptr;
    applyScope();
    if (!connection || !connection->db())
        return;
    connection->db()
        ->run([](QSqlDatabase &db) { return delegation::AccessScope::detect(db); })
        .then(this, [this, connection](Result<delegation::ScopeInfo> r) {
            if (connection != m_connection)
                return;
            m_scope = r ? r.value() : delegation::ScopeInfo{};
            applyScope();
            if (m_scope.access == delegation::Access::Delegated && m_window)
                m_window->statusBar()->showMessage(
                    tr("Signed in as the domain administrator %1: only your domains are shown.")
                        .arg(m_scope.adminUsername.isEmpty() ? m_scope.dbUser
                                                             : m_scope.adminUsername),
                    15000);
            Q_EMIT scopeDetected(m_scope);
        });
}

void DelegationTools::applyScope() {
    const bool global =
        m_connection && m_connection->db() && m_scope.access == delegation::Access::Global;
    const QString why = !m_connection ? tr("Connect to a server first.")
                        : m_scope.access == delegation::Access::Delegated
                            ? tr("Only the server's administrator manages domain administrators.")
                            : QString();
    for (QAction *a : {m_admins, m_audit}) {
        a->setEnabled(global);
        a->setToolTip(why);
    }
    m_menu->setToolTipsVisible(true);
    if (m_page)
        m_page->setDelegated(m_scope.access == delegation::Access::Delegated);
}

DomainAdminsDialog *DelegationTools::showDomainAdmins() {
    if (!m_connection || !m_connection->db())
        return nullptr;
    if (!m_adminsDialog) {
        m_adminsDialog = new DomainAdminsDialog(m_connection->db(), m_connection, m_window);
        m_adminsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_adminsDialog, &DomainAdminsDialog::databaseAccountReady, this,
                &DelegationTools::databaseAccountReady);
    }
    m_adminsDialog->show();
    m_adminsDialog->raise();
    m_adminsDialog->activateWindow();
    return m_adminsDialog;
}

AuditLogDialog *DelegationTools::showAuditLog() {
    if (!m_connection || !m_connection->db())
        return nullptr;
    if (!m_auditDialog) {
        m_auditDialog = new AuditLogDialog(m_connection->db(), m_window);
        m_auditDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_auditDialog->search();
    }
    m_auditDialog->show();
    m_auditDialog->raise();
    m_auditDialog->activateWindow();
    return m_auditDialog;
}

} // namespace maildeck::ui
