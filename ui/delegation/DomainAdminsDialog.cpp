#include "ui/delegation/DomainAdminsDialog.h"

#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "core/db/SqlSupport.h"
#include "core/delegation/DelegationDbAccount.h"
#include "core/delegation/ForwardOnlyAccount.h"
#include "core/delegation/ListAgent.h"
#include "core/profiles/ConnectionFile.h"
#include "core/session/ServerConnection.h"
#include "ui/common/MessageBanner.h"
#include "ui/delegation/AccountCredentialsDialog.h"
#include "ui/delegation/NewDomainAdminDialog.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace maildeck::ui {

using namespace maildeck::delegation;

struct DomainAdminsDialog::Snapshot {
    Result<SchemaStatus> schema = SchemaStatus{};
    Result<QList<DomainAdminInfo>> admins = QList<DomainAdminInfo>{};
    QList<DelegatedAccount> accounts;
    QStringList domains;
    QStringList localDomains;
};

namespace {

Result<QStringList> column(QSqlDatabase &db, const QString &sql) {
    auto q = db::Sql::exec(db, sql, {}, DomainAdminsDialog::tr("list the domains"));
    if (!q)
        return q.error();
    QStringList out;
    while (q.value().next())
        out << q.value().value(0).toString();
    return out;
}

} // namespace

DomainAdminsDialog::DomainAdminsDialog(DbWorker *db, ServerConnection *connection, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_connection(connection) {
    setObjectName(QStringLiteral("DomainAdminsDialog"));
    setWindowTitle(tr("Domain Administrators"));
    m_banner = new MessageBanner(this);

    m_schemaLabel = new QLabel(this);
    m_schemaLabel->setObjectName(QStringLiteral("SchemaStatus"));
    m_schemaLabel->setWordWrap(true);
    m_install = new QPushButton(tr("&Install…"), this);
    m_install->setObjectName(QStringLiteral("InstallSchema"));
    connect(m_install, &QPushButton::clicked, this, [this] {
        const bool upgrade = m_schema.installedVersion > 0;
        const auto answer = QMessageBox::question(
            this, upgrade ? tr("Upgrade Delegation") : tr("Install Delegation"),
            (upgrade ? tr("Upgrade the server's delegation schema from version %1 to %2?")
                           .arg(m_schema.installedVersion)
                           .arg(m_schema.latestVersion)
                     : tr("Install the delegation schema (version %1) on the database server? "
                          "It adds the schema maildeck_delegation and the locked account "
                          "maildeck_definer beside vmail; vmail itself is not changed.")
                           .arg(m_schema.latestVersion)));
        if (answer == QMessageBox::Yes)
            installSchema();
    });
    m_setUpAccount = new QPushButton(tr("&Set Up Database Account…"), this);
    m_setUpAccount->setObjectName(QStringLiteral("SetUpDbAccount"));
    m_setUpAccount->hide();
    connect(m_setUpAccount, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::question(
            this, tr("Set Up Database Account"),
            tr("The database account %1 may only read and write vmail; delegation needs more. "
               "MailDeck can create its own account %2 over SSH as root, with only what "
               "delegation needs (not root's rights), keep its password on the server in %3 "
               "(readable by root only), and use it for this profile from now on.\n\nSet it "
               "up now?")
                .arg(m_connection ? m_connection->profile().dbUser : QString(),
                     DelegationDbAccount::userName(),
                     m_connection ? DelegationDbAccount::credentialsFileFor(m_connection->profile())
                                  : QString()));
        if (answer == QMessageBox::Yes)
            setUpDatabaseAccount();
    });
    auto *schemaRow = new QHBoxLayout;
    schemaRow->addWidget(m_schemaLabel, 1);
    schemaRow->addWidget(m_setUpAccount);
    schemaRow->addWidget(m_install);

    // The list agent: what lets per-domain admins change their mailing lists (SSH only).
    m_agentLabel = new QLabel(this);
    m_agentLabel->setObjectName(QStringLiteral("ListAgentStatus"));
    m_agentLabel->setWordWrap(true);
    m_installAgent = new QPushButton(tr("Install List &Agent…"), this);
    m_installAgent->setObjectName(QStringLiteral("InstallListAgent"));
    connect(m_installAgent, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::question(
            this, tr("List Agent"),
            tr("Per-domain admins reach only the database, so their mailing-list changes are "
               "carried out on the server by MailDeck's list agent: a small program run as root "
               "(by systemd where the server has it) that takes their requests from the "
               "database, after the database checked that the list is in one of their domains. "
               "MailDeck installs it over SSH into %1, with its own database account that may "
               "only take and finish those requests.\n\nInstall (or upgrade) and start it "
               "now?")
                .arg(ListAgent::directory()));
        if (answer == QMessageBox::Yes)
            installListAgent();
    });
    auto *agentRow = new QHBoxLayout;
    agentRow->addWidget(m_agentLabel, 1);
    agentRow->addWidget(m_installAgent);
    const bool withSsh = connection != nullptr;
    m_agentLabel->setVisible(withSsh);
    m_installAgent->setVisible(withSsh);

    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("AdminTable"));
    m_table->setRootIsDecorated(false);
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({tr("Admin"), tr("Name"), tr("Domains"), tr("State"),
                              tr("Database account"), tr("SSH account")});
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(DomainsColumn, QHeaderView::Stretch);
    m_table->setColumnHidden(SshAccountColumn, !m_connection);
    connect(m_table, &QTreeWidget::currentItemChanged, this, &DomainAdminsDialog::updateButtons);

    m_new = new QPushButton(tr("&New Admin…"), this);
    m_new->setObjectName(QStringLiteral("NewAdmin"));
    connect(m_new, &QPushButton::clicked, this, &DomainAdminsDialog::newAdmin);
    m_grant = new QPushButton(tr("&Grant Domain…"), this);
    connect(m_grant, &QPushButton::clicked, this, &DomainAdminsDialog::askGrant);
    m_revoke = new QPushButton(tr("&Revoke Domain…"), this);
    connect(m_revoke, &QPushButton::clicked, this, &DomainAdminsDialog::askRevoke);
    m_toggle = new QPushButton(tr("&Disable"), this);
    connect(m_toggle, &QPushButton::clicked, this, &DomainAdminsDialog::toggleActive);
    m_remove = new QPushButton(tr("De&lete…"), this);
    connect(m_remove, &QPushButton::clicked, this, &DomainAdminsDialog::askRemove);
    m_export = new QPushButton(tr("&Export Connection File…"), this);
    m_export->setObjectName(QStringLiteral("ExportConnectionFile"));
    connect(m_export, &QPushButton::clicked, this, &DomainAdminsDialog::askExport);
    m_reload = new QPushButton(tr("Re&load"), this);
    connect(m_reload, &QPushButton::clicked, this, &DomainAdminsDialog::reload);
    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_new, m_grant, m_revoke, m_toggle, m_remove, m_export})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_reload);
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_table, 1);
    middle->addLayout(buttons);

    m_progressLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(m_progressLabel->sizeHint().height());
    m_progressLabel->hide();
    m_progress->hide();
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel);
    progressRow->addWidget(m_progress, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(schemaRow);
    layout->addLayout(agentRow);
    layout->addLayout(middle, 1);
    layout->addLayout(progressRow);
    resize(900, 480);
    updateButtons();
    reload();
}

void DomainAdminsDialog::setBusy(bool busy, const QString &text) {
    m_busy = busy;
    m_progressLabel->setText(text);
    m_progressLabel->setVisible(busy && !text.isEmpty());
    m_progress->setVisible(busy);
    updateButtons();
}

void DomainAdminsDialog::reload() {
    if (!m_db)
        return;
    setBusy(true, tr("Loading the domain administrators…"));
    m_db->run([](QSqlDatabase &db) -> Result<Snapshot> {
            Snapshot s;
            s.schema = DelegationSchema::status(db);
            if (!s.schema.ok() && DbWorker::isConnectionError(s.schema.error()))
                return s.schema.error();
            s.admins = DomainAdmins::list(db);
            if (s.schema.ok() && s.schema->installedVersion > 0) {
                auto accounts = DelegatedAccounts::list(db);
                if (accounts)
                    s.accounts = accounts.value();
            }
            auto domains = column(db, QStringLiteral("SELECT domain FROM vmail.domain "
                                                     "ORDER BY domain"));
            if (domains)
                s.domains = domains.value();
            auto aliasDomains =
                column(db, QStringLiteral("SELECT alias_domain FROM vmail.alias_domain"));
            s.localDomains = s.domains + (aliasDomains ? aliasDomains.value() : QStringList());
            return s;
        })
        .then(this, [this](Result<Snapshot> r) {
            setBusy(false);
            if (!r) {
                m_banner->showError(r.error());
                return;
            }
            apply(r.value());
            loadListAgentState(); // emits loaded() once the agent's state is there too
        });
}

void DomainAdminsDialog::apply(const Snapshot &s) {
    m_schemaReadable = s.schema.ok();
    if (s.schema.ok()) {
        m_schema = s.schema.value();
        if (m_schema.anonymousAccounts > 0)
            m_schemaLabel->setText(
                tr("The database server has %n anonymous account(s): delegation is unsafe "
                   "until they are removed (DROP USER ''@…).",
                   nullptr, m_schema.anonymousAccounts));
        else if (m_schema.installedVersion == 0)
            m_schemaLabel->setText(tr("Delegation is not installed on this server. Install it "
                                      "to give domain administrators their own login."));
        else if (m_schema.installedVersion < m_schema.latestVersion)
            m_schemaLabel->setText(tr("Delegation schema version %1 is installed; this MailDeck "
                                      "brings version %2.")
                                       .arg(m_schema.installedVersion)
                                       .arg(m_schema.latestVersion));
        else if (m_schema.installedVersion > m_schema.latestVersion)
            m_schemaLabel->setText(tr("The server's delegation schema (version %1) is newer than "
                                      "this MailDeck knows (%2). Update MailDeck.")
                                       .arg(m_schema.installedVersion)
                                       .arg(m_schema.latestVersion));
        else
            m_schemaLabel->setText(tr("Delegation schema version %1 is installed and up to date.")
                                       .arg(m_schema.installedVersion));
        m_install->setText(m_schema.installedVersion > 0 ? tr("&Upgrade…") : tr("&Install…"));
        m_install->setVisible(m_schema.installedVersion < m_schema.latestVersion);
    } else {
        m_schema = {};
        m_install->hide();
        // vmailadmin (iRedMail's account) cannot read the server's accounts: offer MailDeck's.
        const bool canSetUp = m_connection && m_connection->ssh() &&
                              m_connection->profile().role == ProfileRole::Global &&
                              !DelegationDbAccount::isUsedBy(m_connection->profile());
        m_schemaLabel->setText(
            canSetUp ? tr("The database account %1 cannot manage delegation. Set up "
                          "MailDeck's own database account to go on.\n%2")
                           .arg(m_connection->profile().dbUser, s.schema.error().message)
                     : tr("The delegation schema's state cannot be read: %1")
                           .arg(s.schema.error().message));
        m_setUpAccount->setVisible(canSetUp);
    }
    if (!s.admins.ok())
        m_banner->showError(s.admins.error());
    const QString selected = selectedAdmin();
    m_admins = s.admins.ok() ? s.admins.value() : QList<DomainAdminInfo>{};
    m_accounts = s.accounts;
    m_domains = s.domains;
    m_localDomains = s.localDomains;
    m_table->clear();
    for (const DomainAdminInfo &a : std::as_const(m_admins)) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(AdminColumn, db::EmailAddress::displayOf(a.username));
        item->setData(AdminColumn, Qt::UserRole, a.username);
        item->setText(NameColumn, a.name);
        QStringList shown;
        for (const QString &d : a.domains)
            shown << db::DomainName::displayOf(d);
        item->setText(DomainsColumn, shown.join(QStringLiteral(", ")));
        item->setToolTip(DomainsColumn, shown.join(QLatin1Char('\n')));
        item->setText(StateColumn, a.active ? tr("Active") : tr("Disabled"));
        const auto account = accountOf(a.username);
        if (!account)
            item->setText(DbAccountColumn, tr("none"));
        else
            item->setText(DbAccountColumn, account->enabled && !account->locked
                                               ? account->dbUser
                                               : tr("%1 (locked)").arg(account->dbUser));
        item->setText(SshAccountColumn, m_sshAccounts.contains(a.username)
                                            ? (m_sshAccounts.value(a.username).isEmpty()
                                                   ? tr("none")
                                                   : m_sshAccounts.value(a.username))
                                            : QString());
    }
    if (!selected.isEmpty())
        selectAdmin(selected);
    else if (m_table->topLevelItemCount() > 0)
        m_table->setCurrentItem(m_table->topLevelItem(0));
    updateButtons();
    loadSshAccounts();
}

void DomainAdminsDialog::loadSshAccounts() {
    if (!m_connection || !m_connection->ssh() ||
        m_connection->state() != ServerConnection::State::Connected)
        return;
    for (const DomainAdminInfo &a : std::as_const(m_admins)) {
        ForwardOnlyAccounts::info(m_connection->ssh(), a.username,
                                  ForwardOnlyOptions::forProfile(m_connection->profile()))
            .then(this, [this,
                         admin = a.username](Result<std::optional<ForwardOnlyAccountInfo>> r) {
                QString text;
                if (!r)
                    text = tr("unknown: %1").arg(r.error().message);
                else if (!r.value())
                    m_sshAccounts.insert(admin, QString());
                else
                    m_sshAccounts.insert(
                        admin, r.value()->enabled ? r.value()->systemUser
                                                  : tr("%1 (disabled)").arg(r.value()->systemUser));
                for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
                    QTreeWidgetItem *item = m_table->topLevelItem(i);
                    if (item->data(AdminColumn, Qt::UserRole).toString() != admin)
                        continue;
                    if (text.isEmpty())
                        text = m_sshAccounts.value(admin).isEmpty() ? tr("none")
                                                                    : m_sshAccounts.value(admin);
                    item->setText(SshAccountColumn, text);
                }
                updateButtons();
            });
    }
}

std::optional<DelegatedAccount> DomainAdminsDialog::accountOf(const QString &admin) const {
    for (const DelegatedAccount &a : m_accounts) {
        if (a.adminUsername == admin)
            return a;
    }
    return std::nullopt;
}

const DomainAdminInfo *DomainAdminsDialog::adminInfo(const QString &admin) const {
    for (const DomainAdminInfo &a : m_admins) {
        if (a.username == admin)
            return &a;
    }
    return nullptr;
}

QString DomainAdminsDialog::selectedAdmin() const {
    QTreeWidgetItem *item = m_table->currentItem();
    return item ? item->data(AdminColumn, Qt::UserRole).toString() : QString();
}

void DomainAdminsDialog::selectAdmin(const QString &admin) {
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        if (m_table->topLevelItem(i)->data(AdminColumn, Qt::UserRole).toString() == admin) {
            m_table->setCurrentItem(m_table->topLevelItem(i));
            return;
        }
    }
}

void DomainAdminsDialog::updateButtons() {
    const DomainAdminInfo *admin = adminInfo(selectedAdmin());
    const bool installed = m_schema.installedVersion > 0;
    const bool idle = !m_busy && m_db;
    m_install->setEnabled(idle && m_schemaReadable && m_schema.anonymousAccounts == 0);
    m_setUpAccount->setEnabled(idle);
    m_installAgent->setEnabled(idle && m_schema.installedVersion >= 3 && m_connection);
    m_new->setEnabled(idle && installed);
    m_new->setToolTip(installed ? QString()
                                : tr("Install delegation first: each domain administrator gets "
                                     "an own database account."));
    m_grant->setEnabled(idle && admin);
    m_revoke->setEnabled(idle && admin && !admin->domains.isEmpty());
    m_toggle->setEnabled(idle && admin);
    m_toggle->setText(admin && !admin->active ? tr("En&able") : tr("&Disable"));
    m_remove->setEnabled(idle && admin);
    const bool canExport = m_connection && admin && accountOf(admin->username).has_value();
    m_export->setEnabled(idle && canExport);
    m_export->setToolTip(
        m_connection ? QString() : tr("Needs the server's SSH connection (for its host key)."));
    m_reload->setEnabled(idle);
}

void DomainAdminsDialog::runChange(std::function<Status(QSqlDatabase &)> job,
                                   const QString &progress, const QString &done,
                                   std::function<void()> after) {
    if (!m_db || m_busy)
        return;
    m_banner->hide();
    setBusy(true, progress);
    m_db->run(std::move(job), DbWorker::Retry::Never)
        .then(this, [this, done, after = std::move(after)](Status status) {
            setBusy(false);
            if (status && after)
                after();
            finishChange(status, done);
        });
}

void DomainAdminsDialog::finishChange(const Status &status, const QString &done) {
    if (!status)
        m_banner->showError(status.error());
    else if (!done.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Info, done);
    Q_EMIT changeFinished(status.ok());
    reload();
}

void DomainAdminsDialog::loadListAgentState() {
    if (!m_connection || !m_connection->ssh()) {
        Q_EMIT loaded();
        return;
    }
    m_agentLabel->setText(tr("Looking at the list agent…"));
    ListAgent::state(m_connection).then(this, [this](Result<ListAgentState> r) {
        if (!r) {
            m_agentLabel->setText(
                tr("The list agent's state could not be read: %1").arg(r.error().message));
            Q_EMIT loaded();
            return;
        }
        const ListAgentState &st = r.value();
        if (!st.installed)
            m_agentLabel->setText(tr("The list agent is not installed: per-domain admins cannot "
                                     "change mailing lists."));
        else if (!st.upToDate)
            m_agentLabel->setText(tr("The list agent is from another version of MailDeck: "
                                     "upgrade it."));
        else if (!st.running)
            m_agentLabel->setText(tr("The list agent is installed but not running: per-domain "
                                     "admins cannot change mailing lists."));
        else
            m_agentLabel->setText(tr("The list agent runs (%1): per-domain admins manage the "
                                     "mailing lists of their domains.")
                                      .arg(st.manager));
        m_installAgent->setText(!st.installed  ? tr("Install List &Agent…")
                                : !st.upToDate ? tr("Upgrade List &Agent…")
                                : !st.running  ? tr("Start List &Agent…")
                                               : tr("Reinstall List &Agent…"));
        Q_EMIT loaded();
    });
}

void DomainAdminsDialog::installListAgent() {
    if (!m_connection)
        return;
    setBusy(true, tr("Installing the list agent…"));
    ListAgent::install(m_connection).then(this, [this](Status s) {
        setBusy(false);
        finishChange(s, tr("The list agent is installed and running: per-domain admins can now "
                           "manage the mailing lists of their domains."));
    });
}

void DomainAdminsDialog::installSchema() {
    const bool upgrade = m_schema.installedVersion > 0;
    runChange(
        [upgrade](QSqlDatabase &db) {
            return upgrade ? DelegationSchema::upgrade(db) : DelegationSchema::install(db);
        },
        upgrade ? tr("Upgrading the delegation schema…") : tr("Installing the delegation schema…"),
        upgrade ? tr("The delegation schema was upgraded.")
                : tr("Delegation is installed. Create the domain administrators now."));
}

void DomainAdminsDialog::setUpDatabaseAccount() {
    if (!m_connection || !m_connection->ssh())
        return;
    setBusy(true, tr("Setting up the database account %1…").arg(DelegationDbAccount::userName()));
    DelegationDbAccount::setUp(m_connection->ssh(), m_connection->profile())
        .then(this, [this](Result<ServerProfile> r) {
            setBusy(false);
            if (!r) {
                m_banner->showError(r.error());
                return;
            }
            m_banner->showMessage(MessageBanner::Kind::Info,
                                  tr("The database account %1 is ready. Reconnecting with it…")
                                      .arg(DelegationDbAccount::userName()));
            Q_EMIT databaseAccountReady(r.value());
        });
}

void DomainAdminsDialog::newAdmin() {
    auto *dialog = new NewDomainAdminDialog(m_db, m_domains, m_localDomains,
                                            m_connection && m_connection->ssh(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewDomainAdminDialog::written, this, [this, dialog] {
        const auto creds = dialog->credentials();
        const QString admin = dialog->request().username;
        const QString key = dialog->sshPublicKey();
        m_banner->showMessage(
            MessageBanner::Kind::Info,
            tr("The domain administrator %1 was created.").arg(db::EmailAddress::displayOf(admin)));
        auto *shown = new AccountCredentialsDialog(admin, creds.dbUser, creds.password, this);
        shown->setAttribute(Qt::WA_DeleteOnClose);
        shown->open();
        Q_EMIT dialogOpened(shown);
        if (!key.isEmpty() && m_connection && m_connection->ssh()) {
            ForwardOnlySpec spec;
            spec.adminUsername = admin;
            spec.publicKey = key;
            spec.dbHost = m_connection->profile().dbHost;
            spec.dbPort = m_connection->profile().dbPort;
            setBusy(true, tr("Creating the SSH account…"));
            ForwardOnlyAccounts::create(m_connection->ssh(), spec,
                                        ForwardOnlyOptions::forProfile(m_connection->profile()))
                .then(this, [this](Result<ForwardOnlyAccountInfo> r) {
                    setBusy(false);
                    if (!r)
                        m_banner->showError(r.error());
                    reload();
                });
        }
        Q_EMIT changeFinished(true);
        reload();
    });
    dialog->open();
    Q_EMIT dialogOpened(dialog);
}

void DomainAdminsDialog::grantDomain(const QString &admin, const QString &domain) {
    runChange(
        [admin, domain](QSqlDatabase &db) { return DomainAdmins::grantDomain(db, admin, domain); },
        tr("Granting %1…").arg(db::DomainName::displayOf(domain)),
        tr("%1 now manages %2.")
            .arg(db::EmailAddress::displayOf(admin), db::DomainName::displayOf(domain)));
}

void DomainAdminsDialog::revokeDomain(const QString &admin, const QString &domain) {
    runChange(
        [admin, domain](QSqlDatabase &db) { return DomainAdmins::revokeDomain(db, admin, domain); },
        tr("Revoking %1…").arg(db::DomainName::displayOf(domain)),
        tr("%1 no longer manages %2.")
            .arg(db::EmailAddress::displayOf(admin), db::DomainName::displayOf(domain)));
}

void DomainAdminsDialog::setAdminActive(const QString &admin, bool active) {
    const bool hasSsh = !m_sshAccounts.value(admin).isEmpty();
    runChange(
        [admin, active](QSqlDatabase &db) { return DomainAdmins::setActive(db, admin, active); },
        active ? tr("Enabling…") : tr("Disabling…"),
        active ? tr("%1 is enabled.").arg(db::EmailAddress::displayOf(admin))
               : tr("%1 is disabled; its database sessions were ended.")
                     .arg(db::EmailAddress::displayOf(admin)),
        [this, admin, active, hasSsh] {
            if (hasSsh && m_connection && m_connection->ssh())
                ForwardOnlyAccounts::setEnabled(
                    m_connection->ssh(), admin, active,
                    ForwardOnlyOptions::forProfile(m_connection->profile()))
                    .then(this, [this](Status s) {
                        if (!s)
                            m_banner->showError(s.error());
                    });
        });
}

void DomainAdminsDialog::removeAdmin(const QString &admin) {
    const bool hasSsh = !m_sshAccounts.value(admin).isEmpty();
    runChange(
        [admin](QSqlDatabase &db) { return DomainAdmins::remove(db, admin); },
        tr("Deleting %1…").arg(db::EmailAddress::displayOf(admin)),
        tr("The domain administrator %1 was deleted.").arg(db::EmailAddress::displayOf(admin)),
        [this, admin, hasSsh] {
            if (hasSsh && m_connection && m_connection->ssh())
                ForwardOnlyAccounts::remove(m_connection->ssh(), admin,
                                            ForwardOnlyOptions::forProfile(m_connection->profile()))
                    .then(this, [this](Status s) {
                        if (!s)
                            m_banner->showError(s.error());
                    });
        });
}

void DomainAdminsDialog::askGrant() {
    const DomainAdminInfo *admin = adminInfo(selectedAdmin());
    if (!admin)
        return;
    QStringList choices;
    for (const QString &d : std::as_const(m_domains)) {
        if (!admin->domains.contains(d))
            choices << d;
    }
    if (choices.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Info,
                              tr("%1 already manages every domain of this server.")
                                  .arg(db::EmailAddress::displayOf(admin->username)));
        return;
    }
    bool ok = false;
    const QString domain = QInputDialog::getItem(
        this, tr("Grant Domain"),
        tr("Domain for %1:").arg(db::EmailAddress::displayOf(admin->username)), choices, 0, false,
        &ok);
    if (ok && !domain.isEmpty())
        grantDomain(admin->username, domain);
}

void DomainAdminsDialog::askRevoke() {
    const DomainAdminInfo *admin = adminInfo(selectedAdmin());
    if (!admin || admin->domains.isEmpty())
        return;
    bool ok = false;
    const QString domain = QInputDialog::getItem(
        this, tr("Revoke Domain"),
        tr("Take this domain away from %1 (effective on the admin's next statement):")
            .arg(db::EmailAddress::displayOf(admin->username)),
        admin->domains, 0, false, &ok);
    if (ok && !domain.isEmpty())
        revokeDomain(admin->username, domain);
}

void DomainAdminsDialog::toggleActive() {
    const DomainAdminInfo *admin = adminInfo(selectedAdmin());
    if (admin)
        setAdminActive(admin->username, !admin->active);
}

void DomainAdminsDialog::askRemove() {
    const DomainAdminInfo *admin = adminInfo(selectedAdmin());
    if (!admin)
        return;
    const QString shown = db::EmailAddress::displayOf(admin->username);
    QStringList removed;
    removed << (admin->isMailbox
                    ? tr("the admin flag of the mail user %1 (the mailbox itself stays)").arg(shown)
                    : tr("the admin %1 (table admin)").arg(shown));
    removed << tr("%n domain grant(s): %1", nullptr, int(admin->domains.size()))
                   .arg(admin->domains.join(QStringLiteral(", ")));
    if (const auto account = accountOf(admin->username))
        removed
            << tr("the database account %1 (its open sessions end at once)").arg(account->dbUser);
    if (!m_sshAccounts.value(admin->username).isEmpty())
        removed << tr("the SSH account %1 and its home directory")
                       .arg(m_sshAccounts.value(admin->username));
    QMessageBox box(QMessageBox::Warning, tr("Delete Domain Administrator"),
                    tr("Delete the domain administrator %1?").arg(shown), QMessageBox::Cancel,
                    this);
    box.setInformativeText(tr("This removes:") + QStringLiteral("\n• ") +
                           removed.join(QStringLiteral("\n• ")));
    QPushButton *del = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == del)
        removeAdmin(admin->username);
}

void DomainAdminsDialog::askExport() {
    const QString admin = selectedAdmin();
    if (admin.isEmpty())
        return;
    const QString suggested =
        ForwardOnlyAccounts::systemUserFor(admin) + QStringLiteral(".maildeck");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Connection File"), suggested,
                                     tr("MailDeck connection files (*.maildeck);;All files (*)"));
    if (!path.isEmpty())
        exportConnectionFile(admin, path);
}

void DomainAdminsDialog::exportConnectionFile(const QString &admin, const QString &path) {
    const auto account = accountOf(admin);
    if (!m_connection || !m_connection->ssh() || !account || m_busy)
        return;
    setBusy(true, tr("Reading the server's host key…"));
    ForwardOnlyAccounts::serverHostKeys(m_connection->ssh(),
                                        ForwardOnlyOptions::forProfile(m_connection->profile()))
        .then(this, [this, admin, path,
                     dbUser = account->dbUser](Result<QList<ServerHostKey>> keys) {
            setBusy(false);
            if (!keys || keys->isEmpty()) {
                if (!keys)
                    m_banner->showError(keys.error());
                else
                    m_banner->showMessage(MessageBanner::Kind::Error,
                                          tr("The server has no SSH host key to put in the file."));
                return;
            }
            const ServerHostKey *key = &keys->first();
            for (const ServerHostKey &k : std::as_const(*keys)) {
                if (k.key.type == QLatin1String("ssh-ed25519"))
                    key = &k;
            }
            auto file = ConnectionFile::forDelegatedAdmin(
                m_connection->profile(), key->key.type, key->key.base64(), admin,
                ForwardOnlyAccounts::systemUserFor(admin), dbUser);
            if (!file) {
                m_banner->showError(file.error());
                return;
            }
            if (Status s = file->writeFile(path); !s) {
                m_banner->showError(s.error());
                return;
            }
            m_banner->showMessage(
                MessageBanner::Kind::Info,
                m_sshAccounts.value(admin).isEmpty()
                    ? tr("Saved %1. The admin has no SSH account yet: the file works once it "
                         "has one.")
                          .arg(path)
                    : tr("Saved %1. It holds no password: give the admin the database password "
                         "separately.")
                          .arg(path));
        });
}

} // namespace maildeck::ui
