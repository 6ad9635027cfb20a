#pragma once

#include "core/common/Result.h"
#include "core/delegation/DelegatedAccounts.h"
#include "core/delegation/DelegationSchema.h"
#include "core/delegation/DomainAdmins.h"
#include "core/profiles/ServerProfile.h"

#include <QDialog>
#include <QFuture>
#include <QPointer>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QSqlDatabase;
class QTreeWidget;

namespace maildeck {
class DbWorker;
class ServerConnection;
} // namespace maildeck

namespace maildeck::ui {

class MessageBanner;

// Tools > Domain Administrators (global admin): the server-side delegation schema (status,
// Install / Upgrade), the per-domain admins with their domains, state, MariaDB account (md_…)
// and forward-only SSH account, and New Admin, Grant / Revoke Domain, Disable / Enable, Delete,
// Export Connection File. Every change runs on the DB worker (the SSH parts in the session) with
// a progress line; errors show in the banner.
class DomainAdminsDialog : public QDialog {
    Q_OBJECT
public:
    // `connection` (optional) gives the SSH accounts and the connection file export.
    DomainAdminsDialog(DbWorker *db, ServerConnection *connection, QWidget *parent = nullptr);

    enum Column {
        AdminColumn,
        NameColumn,
        DomainsColumn,
        StateColumn,
        DbAccountColumn,
        SshAccountColumn,
        ColumnCount
    };

    void reload();
    bool isBusy() const { return m_busy; }
    MessageBanner *banner() const { return m_banner; }
    QTreeWidget *table() const { return m_table; }
    const delegation::SchemaStatus &schemaStatus() const { return m_schema; }
    const QList<delegation::DomainAdminInfo> &admins() const { return m_admins; }
    // The MariaDB account of `admin`, when it has one.
    std::optional<delegation::DelegatedAccount> accountOf(const QString &admin) const;
    QString selectedAdmin() const;
    void selectAdmin(const QString &admin);

    // The actions, without their questions (the buttons ask first).
    void installSchema();
    // Creates MailDeck's own database account over SSH (DelegationDbAccount); on success emits
    // databaseAccountReady with the profile that uses it.
    void setUpDatabaseAccount();
    // Installs (or upgrades) and starts the server's list agent over SSH (delegation::ListAgent).
    void installListAgent();
    void newAdmin();
    void grantDomain(const QString &admin, const QString &domain);
    void revokeDomain(const QString &admin, const QString &domain);
    void setAdminActive(const QString &admin, bool active);
    void removeAdmin(const QString &admin);
    void exportConnectionFile(const QString &admin, const QString &path);

Q_SIGNALS:
    // The profile now logs in as MailDeck's delegation account: save it and reconnect.
    void databaseAccountReady(const maildeck::ServerProfile &profile);
    void loaded(); // the admins and, on an SSH connection, the list agent's state
    // A change finished (ok: made; else see the banner); the list reloads after it.
    void changeFinished(bool ok);
    void dialogOpened(QDialog *dialog);

private:
    struct Snapshot;
    void apply(const Snapshot &snapshot);
    void setBusy(bool busy, const QString &text = {});
    void runChange(std::function<Status(QSqlDatabase &)> job, const QString &progress,
                   const QString &done, std::function<void()> after = {});
    void finishChange(const Status &status, const QString &done);
    void loadSshAccounts();
    void loadListAgentState();
    void updateButtons();
    void askGrant();
    void askRevoke();
    void toggleActive();
    void askRemove();
    void askExport();
    const delegation::DomainAdminInfo *adminInfo(const QString &admin) const;

    QPointer<DbWorker> m_db;
    QPointer<ServerConnection> m_connection;
    bool m_busy = false;
    delegation::SchemaStatus m_schema;
    bool m_schemaReadable = false;
    QList<delegation::DomainAdminInfo> m_admins;
    QList<delegation::DelegatedAccount> m_accounts;
    QStringList m_domains;
    QStringList m_localDomains;
    QHash<QString, QString> m_sshAccounts; // admin -> system user ("" = none)

    MessageBanner *m_banner = nullptr;
    QLabel *m_schemaLabel = nullptr;
    QPushButton *m_install = nullptr;
    QPushButton *m_setUpAccount = nullptr;
    QLabel *m_agentLabel = nullptr;
    QPushButton *m_installAgent = nullptr;
    QTreeWidget *m_table = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_grant = nullptr;
    QPushButton *m_revoke = nullptr;
    QPushButton *m_toggle = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_reload = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
};

} // namespace maildeck::ui
