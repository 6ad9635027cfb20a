// The delegation windows against the lab's MariaDB, end to end: the global admin (a privileged
// test account made for this run) installs delegation if needed and creates a domain admin in the
// Domain Administrators window (New Admin dialog, credentials shown once); a second connection
// with that admin's own md_… account is detected as delegated, lists only the granted domains and
// creates a mailbox through the domain page's New Mailbox dialog (through the server's
// procedures); the global admin sees the change in the audit browser; a revoked domain disappears
// from the list and is refused on the next action, in the same open session.
//
// Names: domains <tag>-a/-b.delegui.maildeck.test, admin <tag>@partner-delegui.test, account
// mduitest_<tag>. Everything is removed at the end; earlier runs' leftovers are swept first.

#include "../delegation/DelegationLab.h"
#include "../ssh/TestPrompter.h"

#include "core/db/DbWorker.h"
#include "core/db/DomainRepository.h"
#include "core/db/MailboxRepository.h"
#include "core/delegation/AccessScope.h"
#include "core/delegation/DelegatedAccounts.h"
#include "core/delegation/DelegationNames.h"
#include "core/delegation/DelegationSchema.h"
#include "core/delegation/DomainAdmins.h"
#include "core/delegation/ForwardOnlyAccount.h"
#include "core/profiles/ConnectionFile.h"
#include "core/profiles/ProfileStore.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"
#include "ui/common/MessageBanner.h"
#include "ui/connection/ConnectionIndicator.h"
#include "ui/delegation/AccountCredentialsDialog.h"
#include "ui/delegation/AuditLogDialog.h"
#include "ui/delegation/DelegationTools.h"
#include "ui/delegation/DomainAdminsDialog.h"
#include "ui/delegation/NewDomainAdminDialog.h"
#include "ui/domains/DomainListModel.h"
#include "ui/domains/DomainPage.h"
#include "ui/domains/NewMailboxDialog.h"
#include "ui/domains/PasswordField.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::ui;
using namespace DelegationLab;

namespace {

void screenshot(QWidget *w, const QString &name) {
    const QString dir = qEnvironmentVariable("MAILDECK_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50);
    w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

QByteArray pageMessage(QWidget &page) {
    QStringList texts;
    for (MessageBanner *b : page.findChildren<MessageBanner *>())
        if (!b->text().isEmpty())
            texts << b->text();
    return texts.join(QStringLiteral(" | ")).toUtf8();
}

template <class T> T *lastOf(const QList<QPointer<QDialog>> &dialogs) {
    for (auto it = dialogs.crbegin(); it != dialogs.crend(); ++it)
        if (auto *d = qobject_cast<T *>(it->data()))
            return d;
    return nullptr;
}

} // namespace

class TestDelegationUiLab : public QObject {
    Q_OBJECT

    QSqlDatabase m_root;
    QString m_tag;
    QString m_domainA, m_domainB, m_admin;
    QString m_globalUser, m_globalPassword;
    QString m_dbUser, m_dbPassword;
    bool m_installedHere = false;
    DbWorker *m_global = nullptr;
    DbWorker *m_delegated = nullptr;
    SshSession *m_rootSsh = nullptr;
    delegation::ForwardOnlyOptions m_forwardOptions;
    bool m_sshAccountMade = false;
    QTemporaryDir m_tmp;

    DbEndpoint endpoint(const QString &user, const QString &password, const QString &database) {
        DbEndpoint e;
        e.host = QStringLiteral("127.0.0.1");
        e.port = LabEnv::port("LAB_DB_PORT");
        e.user = user;
        e.password = password;
        e.database = database;
        return e;
    }

    Status removeDomain(const QString &domain) {
        auto plan = db::DomainRepository::planDeletion(m_root, domain);
        if (!plan)
            return plan.error();
        return db::DomainRepository::remove(m_root, *plan);
    }

    void sweep() {
        QSqlQuery q(m_root);
        q.exec(QStringLiteral("SELECT DISTINCT username FROM vmail.domain_admins WHERE username "
                              "LIKE '%@partner-delegui.test'"));
        QStringList admins;
        while (q.next())
            admins << q.value(0).toString();
        for (const QString &a : admins)
            delegation::DomainAdmins::remove(m_root, a);
        q.exec(QStringLiteral("SELECT domain FROM vmail.domain WHERE domain LIKE "
                              "'%.delegui.maildeck.test'"));
        QStringList domains;
        while (q.next())
            domains << q.value(0).toString();
        for (const QString &d : domains)
            removeDomain(d);
        q.exec(QStringLiteral("SELECT User, Host FROM mysql.user WHERE User LIKE 'mduitest\\_%'"));
        QStringList drops;
        while (q.next())
            drops << delegation::DelegationNames::accountSpec(q.value(0).toString(),
                                                              q.value(1).toString());
        for (const QString &spec : drops)
            exec(m_root, QStringLiteral("DROP USER IF EXISTS ") + spec);
    }

    QStringList delegatedDomains() {
        auto r = awaitFuture(
            m_delegated->run([](QSqlDatabase &db) { return db::DomainRepository::list(db); }));
        if (!r || !r->ok())
            qFatal("list failed: %s", r ? why(*r).constData() : "timeout");
        QStringList out;
        for (const db::DomainSummary &d : r->value())
            out << d.domain;
        return out;
    }

    // Opens the New Mailbox dialog of `page` for `local`, presses OK and waits for the result.
    // Returns the dialog when it stayed open (refused), nullptr when it was accepted.
    QPointer<NewMailboxDialog> createMailboxThroughPage(DomainPage &page, const QString &local) {
        QList<QPointer<QDialog>> dialogs;
        auto c = connect(&page, &DomainPage::dialogOpened, this,
                         [&dialogs](QDialog *d) { dialogs << d; });
        page.newMailbox();
        disconnect(c);
        QPointer<NewMailboxDialog> dialog = lastOf<NewMailboxDialog>(dialogs);
        if (!dialog)
            qFatal("no New Mailbox dialog");
        dialog->findChild<QLineEdit *>(QStringLiteral("LocalPart"))->setText(local);
        dialog->findChild<PasswordField *>(QStringLiteral("Password"))
            ->setPassword(QStringLiteral("Delegated-Secret-1"));
        screenshot(dialog, QStringLiteral("delegated-new-mailbox"));
        dialog->okButton()->click();
        if (!QTest::qWaitFor([&] { return !dialog || !dialog->isBusy(); }, 30000))
            qFatal("the dialog did not finish");
        QTest::qWait(50);
        if (!dialog || dialog->result() == QDialog::Accepted || !dialog->isVisible())
            return nullptr;
        return dialog;
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        m_root =
            QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), QStringLiteral("delegui-root"));
        m_root.setUserName(QStringLiteral("root"));
        m_root.setDatabaseName(QStringLiteral("vmail"));
        m_root.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + LabEnv::value("LAB_DB_SOCKET"));
        QVERIFY2(m_root.open(), qPrintable(m_root.lastError().text()));
        sweep();
        m_tag = QStringLiteral("u%1%2")
                    .arg(QDateTime::currentMSecsSinceEpoch() % 100000000)
                    .arg(QRandomGenerator::global()->bounded(1000));
        m_domainA = m_tag + QStringLiteral("-a.delegui.maildeck.test");
        m_domainB = m_tag + QStringLiteral("-b.delegui.maildeck.test");
        m_admin = m_tag + QStringLiteral("@partner-delegui.test");
        for (const QString &d : {m_domainA, m_domainB}) {
            Status s =
                db::DomainRepository::create(m_root, d, QStringLiteral("delegation UI test"));
            QVERIFY2(s.ok(), why(s).constData());
        }
        // The global admin: a privileged account of its own (root logs in by socket only).
        m_globalUser = QStringLiteral("mduitest_") + m_tag;
        m_globalPassword = delegation::DelegationNames::generatePassword();
        for (const QString &host : {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")}) {
            const QString spec = delegation::DelegationNames::accountSpec(m_globalUser, host);
            QString error;
            QVERIFY2(
                exec(m_root,
                     QStringLiteral("CREATE USER ") + spec +
                         QStringLiteral(" IDENTIFIED BY PASSWORD ") +
                         delegation::DelegationNames::quoteString(
                             delegation::DelegationNames::nativePasswordHash(m_globalPassword)),
                     {}, &error),
                qPrintable(error));
            QVERIFY2(exec(m_root,
                          QStringLiteral("GRANT ALL PRIVILEGES ON *.* TO ") + spec +
                              QStringLiteral(" WITH GRANT OPTION"),
                          {}, &error),
                     qPrintable(error));
        }
        m_global = new DbWorker(this);
        auto opened = awaitFuture(
            m_global->open(endpoint(m_globalUser, m_globalPassword, QStringLiteral("vmail"))));
        QVERIFY(opened);
        QVERIFY2(opened->ok(), why(*opened).constData());
        auto scope = awaitFuture(
            m_global->run([](QSqlDatabase &db) { return delegation::AccessScope::detect(db); }));
        QVERIFY(scope && scope->ok());
        QCOMPARE(scope->value().access, delegation::Access::Global);
    }

    void globalAdminCreatesDomainAdmin() {
        DomainAdminsDialog dialog(m_global, nullptr);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && dialog.table(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.schemaStatus().latestVersion > 0, 30000);
        if (!dialog.schemaStatus().upToDate()) {
            m_installedHere = dialog.schemaStatus().installedVersion == 0;
            QSignalSpy changed(&dialog, &DomainAdminsDialog::changeFinished);
            dialog.installSchema();
            QVERIFY(changed.wait(180000));
            QVERIFY2(changed.first().first().toBool(), qPrintable(dialog.banner()->text()));
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && dialog.schemaStatus().upToDate(), 30000);
        }
        screenshot(&dialog, QStringLiteral("domain-admins-before"));

        QList<QPointer<QDialog>> dialogs;
        connect(&dialog, &DomainAdminsDialog::dialogOpened, this,
                [&dialogs](QDialog *d) { dialogs << d; });
        dialog.newAdmin();
        QPointer<NewDomainAdminDialog> form = lastOf<NewDomainAdminDialog>(dialogs);
        QVERIFY(form);
        form->findChild<QLineEdit *>(QStringLiteral("AdminUsername"))->setText(m_admin);
        form->findChild<QLineEdit *>(QStringLiteral("AdminName"))
            ->setText(QStringLiteral("Delegation UI test"));
        form->findChild<PasswordField *>(QStringLiteral("AdminPassword"))
            ->setPassword(QStringLiteral("Admin-Secret-1"));
        form->setCheckedDomains({m_domainA, m_domainB});
        screenshot(form, QStringLiteral("new-domain-admin"));
        form->okButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(lastOf<AccountCredentialsDialog>(dialogs) ||
                                     (form && !form->isBusy() && form->banner()->isVisible()),
                                 60000);
        auto *shown = lastOf<AccountCredentialsDialog>(dialogs);
        QVERIFY2(shown, form ? qPrintable(form->banner()->text()) : "no credentials");
        m_dbUser = shown->findChild<QLineEdit *>(QStringLiteral("DbUser"))->text();
        m_dbPassword = shown->password();
        QVERIFY(m_dbUser.startsWith(QStringLiteral("md_")));
        QCOMPARE(m_dbPassword.size(), 32);
        screenshot(shown, QStringLiteral("domain-admin-credentials"));
        shown->close();

        // The window lists the new admin with its domains and account.
        QTRY_VERIFY_WITH_TIMEOUT(dialog.accountOf(m_admin).has_value() && !dialog.isBusy(), 30000);
        bool found = false;
        for (const delegation::DomainAdminInfo &a : dialog.admins()) {
            if (a.username != m_admin)
                continue;
            found = true;
            QCOMPARE(a.domains, (QStringList{m_domainA, m_domainB}));
            QVERIFY(a.active);
        }
        QVERIFY(found);
        QCOMPARE(dialog.accountOf(m_admin)->dbUser, m_dbUser);
        dialog.selectAdmin(m_admin);
        QCOMPARE(dialog.selectedAdmin(), m_admin);
        screenshot(&dialog, QStringLiteral("domain-admins-after"));
        // iRedAdmin-Pro's rows.
        QCOMPARE(
            count(m_root,
                  QStringLiteral("SELECT COUNT(*) FROM vmail.domain_admins WHERE username = ?"),
                  {m_admin}),
            2);
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.admin WHERE username = ?"),
                       {m_admin}),
                 1);
    }

    void delegatedConnectionSeesOnlyItsDomains() {
        QVERIFY(!m_dbUser.isEmpty());
        m_delegated = new DbWorker(this);
        auto opened = awaitFuture(m_delegated->open(
            endpoint(m_dbUser, m_dbPassword, delegation::DelegationNames::schemaName())));
        QVERIFY(opened);
        QVERIFY2(opened->ok(), why(*opened).constData());
        auto scope = awaitFuture(
            m_delegated->run([](QSqlDatabase &db) { return delegation::AccessScope::detect(db); }));
        QVERIFY(scope && scope->ok());
        QCOMPARE(scope->value().access, delegation::Access::Delegated);
        QCOMPARE(scope->value().adminUsername, m_admin);
        QCOMPARE(delegatedDomains(), (QStringList{m_domainA, m_domainB}));
        // A seed domain is not there for this account.
        const QString seed = seedDomains().first();
        auto other = awaitFuture(m_delegated->run(
            [seed](QSqlDatabase &db) { return db::DomainRepository::get(db, seed); }));
        QVERIFY(other);
        QVERIFY(!other->ok());
        QCOMPARE(other->error().code, QStringLiteral("db.notfound"));
    }

    // The per-domain admin's own desktop, end to end: the global admin makes the forward-only SSH
    // account and the connection file; the file is imported into empty settings; the main window
    // logs in with the admin's key (no shell, no sudo), asks only for the database password and
    // shows only the admin's domains, with the global admin's tools unavailable.
    void delegatedLoginThroughMainWindow() {
        QVERIFY(!m_dbUser.isEmpty());
        if (QFile::exists(QDir::homePath() + QStringLiteral("/.ssh/config")))
            QSKIP("an ~/.ssh/config exists; the window would honour it");
        ServerProfile global;
        global.name = QStringLiteral("delegui-global-") + m_tag;
        global.host = QStringLiteral("127.0.0.1");
        global.port = LabEnv::port("LAB_SSH_PORT");
        global.user = QStringLiteral("root");
        global.identityFile = LabEnv::value("LAB_ROOT_KEY");
        global.knownHostsFile = LabEnv::value("LAB_KNOWN_HOSTS");
        global.dbHost = QStringLiteral("127.0.0.1");
        global.dbPort = LabEnv::port("LAB_DB_PORT");
        global.flavour = ServerFlavour::Lab;
        global.paths = ServerPaths::defaultsFor(ServerFlavour::Lab);
        global.paths.sshdConfig = LabEnv::value("LAB_SSHD_CONFIG");
        SshConfig rootConfig = SshConfig::fromProfile(global);
        rootConfig.sshConfigFile = QStringLiteral("none");
        rootConfig.sshDir = m_tmp.filePath(QStringLiteral("dotssh"));
        rootConfig.useAgent = false;
        m_rootSsh = new SshSession(rootConfig, nullptr, this);
        auto up = awaitFuture(m_rootSsh->connectToHost());
        QVERIFY(up && up->ok());
        m_forwardOptions = delegation::ForwardOnlyOptions::forProfile(global);

        const QString key = m_tmp.filePath(QStringLiteral("admin_ed25519"));
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                      QStringLiteral("-N"), QString(), QStringLiteral("-f"), key});
        QVERIFY(keygen.waitForFinished(30000) && keygen.exitCode() == 0);
        QFile pub(key + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        delegation::ForwardOnlySpec spec;
        spec.adminUsername = m_admin;
        spec.publicKey = QString::fromUtf8(pub.readAll());
        spec.dbHost = QStringLiteral("127.0.0.1");
        spec.dbPort = LabEnv::port("LAB_DB_PORT");
        auto account =
            awaitFuture(delegation::ForwardOnlyAccounts::create(m_rootSsh, spec, m_forwardOptions));
        QVERIFY(account);
        QVERIFY2(account->ok(), why(*account).constData());
        m_sshAccountMade = true;
        auto hostKeys = awaitFuture(
            delegation::ForwardOnlyAccounts::serverHostKeys(m_rootSsh, m_forwardOptions));
        QVERIFY(hostKeys && hostKeys->ok() && !hostKeys->value().isEmpty());
        const auto &hostKey = hostKeys->value().first().key;
        auto file = ConnectionFile::forDelegatedAdmin(
            global, hostKey.type, hostKey.base64(), m_admin, account->value().systemUser, m_dbUser);
        QVERIFY2(file.ok(), why(file).constData());

        auto store =
            std::make_shared<ProfileStore>(m_tmp.filePath(QStringLiteral("admin-desktop.ini")));
        ConnectionImportOptions options;
        options.identityFile = key;
        options.knownHostsFile = m_tmp.filePath(QStringLiteral("admin_known_hosts"));
        auto profile = ConnectionFile::importInto(*store, *file, options);
        QVERIFY2(profile.ok(), why(profile).constData());

        MainWindow window(store);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::firstDataLoaded);
        window.connectToProfile(profile->name);
        // The only question: the database password (nothing about host keys, sudo or SSH).
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QDialog *>(QStringLiteral("SecretDialog")),
                                 60000);
        auto *ask = window.findChild<QDialog *>(QStringLiteral("SecretDialog"));
        QCOMPARE(ask->windowTitle(), QStringLiteral("Database password"));
        if (auto *remember = ask->findChild<QCheckBox *>())
            remember->setChecked(false); // keep the test's keychain clean
        ask->findChild<QLineEdit *>()->setText(m_dbPassword);
        ask->accept();
        QTRY_VERIFY_WITH_TIMEOUT(
            window.connectionIndicator()->state() == ConnectionIndicator::State::Connected, 60000);
        QVERIFY(loaded.wait(30000) || loaded.count() == 1);
        QVERIFY(!window.findChild<QDialog *>(QStringLiteral("SecretDialog")));
        QVERIFY(!window.findChild<QDialog *>(QStringLiteral("HostKeyDialog")));
        QCOMPARE(window.connection()->delegatedAdmin(), m_admin);

        auto *domains = window.findChild<DomainListModel *>();
        QVERIFY(domains);
        QTRY_VERIFY_WITH_TIMEOUT(domains->rowCount() == 2, 30000);
        QStringList names;
        for (int row = 0; row < domains->rowCount(); ++row)
            names << domains->domainAt(row)->domain;
        names.sort();
        QCOMPARE(names, (QStringList{m_domainA, m_domainB}));
        // Counts and quota sums come through the delegated views too.
        QTRY_VERIFY_WITH_TIMEOUT(domains->countsKnown() && domains->quotasKnown(), 30000);
        auto *tools = window.findChild<DelegationTools *>();
        QTRY_COMPARE_WITH_TIMEOUT(tools->scope().access, delegation::Access::Delegated, 30000);
        for (QAction *a : tools->menu()->actions())
            if (!a->isSeparator() && !a->text().isEmpty() &&
                a->text().contains(QStringLiteral("Domain Administrators")))
                QVERIFY(!a->isEnabled());
        screenshot(&window, QStringLiteral("delegated-main-window"));
    }

    void delegatedNewMailboxThroughDialog() {
        QVERIFY(m_delegated);
        DomainPage page;
        page.setDelegated(true);
        page.resize(900, 600);
        page.show();
        QSignalSpy loaded(&page, &DomainPage::mailboxesLoaded);
        page.showDomain(m_domainA, m_delegated);
        QTRY_VERIFY2_WITH_TIMEOUT(!loaded.isEmpty(), pageMessage(page).constData(), 30000);
        // Domain-level actions are not offered to a domain admin.
        for (QAction *a : page.domainActions())
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));

        QVERIFY(createMailboxThroughPage(page, QStringLiteral("box1")) == nullptr);
        const QString address = QStringLiteral("box1@") + m_domainA;
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.mailbox WHERE username = ? "
                                      "AND domain = ? AND active = 1"),
                       {address, m_domainA}),
                 1);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2, 30000); // the page reloaded
        auto boxes = awaitFuture(m_delegated->run([d = m_domainA](QSqlDatabase &db) {
            return db::MailboxRepository::listForDomain(db, d);
        }));
        QVERIFY(boxes && boxes->ok());
        QCOMPARE(boxes->value().size(), 1);
        QCOMPARE(boxes->value().first().username, address);
        QVERIFY(boxes->value().first().keepsLocalCopy);
        screenshot(&page, QStringLiteral("delegated-domain-page"));

        // The same address again: the server refuses; the dialog stays open and says why.
        QPointer<NewMailboxDialog> refused = createMailboxThroughPage(page, QStringLiteral("box1"));
        QVERIFY(refused);
        // Shown at the address field or in the banner.
        const QString atField =
            refused->findChild<QLabel *>(QStringLiteral("LocalPartError"))
                ? refused->findChild<QLabel *>(QStringLiteral("LocalPartError"))->text()
                : QString();
        const QString text = refused->banner()->isVisible() ? refused->banner()->text() : atField;
        QVERIFY2(!text.isEmpty(), "the refusal is not shown");
        // A taken address is shown at the address field, as on the global path.
        QVERIFY2(!atField.isEmpty(), qPrintable(text));
        qInfo().noquote() << "refused:" << text;
        refused->close();
    }

    void globalAdminSeesItInAuditLog() {
        AuditLogDialog audit(m_global);
        audit.show();
        delegation::AuditFilter f;
        f.adminUsername = m_admin;
        f.action = QStringLiteral("mailbox.");
        audit.setFilter(f);
        QSignalSpy loaded(&audit, &AuditLogDialog::loaded);
        audit.search();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        QVERIFY2(loaded.first().first().toInt() >= 1, qPrintable(audit.banner()->text()));
        const QString address = QStringLiteral("box1@") + m_domainA;
        int row = -1;
        for (int i = 0; i < audit.entries().size(); ++i) {
            const auto &e = audit.entries().at(i);
            QVERIFY(e.action.startsWith(QStringLiteral("mailbox.")));
            QCOMPARE(e.adminUsername, m_admin);
            if (e.action == QStringLiteral("mailbox.create") && e.object == address)
                row = i;
        }
        QVERIFY2(row >= 0, "mailbox.create not audited");
        QCOMPARE(audit.entries().at(row).dbUser, m_dbUser);
        QCOMPARE(audit.entries().at(row).domain, m_domainA);
        audit.table()->setCurrentItem(audit.table()->topLevelItem(row));
        QVERIFY2(audit.detailText().contains(QStringLiteral("Created with:")),
                 qPrintable(audit.detailText()));
        QVERIFY2(audit.detailText().contains(address), qPrintable(audit.detailText()));
        screenshot(&audit, QStringLiteral("audit-log"));

        // Another admin's filter finds none of these rows.
        f.adminUsername = QStringLiteral("nobody-") + m_admin;
        audit.setFilter(f);
        loaded.clear();
        audit.search();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        QCOMPARE(audit.entries().size(), 0);
    }

    void revokedDomainDisappearsAndIsRefused() {
        QVERIFY(m_delegated);
        DomainPage page;
        page.setDelegated(true);
        QSignalSpy loaded(&page, &DomainPage::mailboxesLoaded);
        page.showDomain(m_domainB, m_delegated);
        QTRY_VERIFY2_WITH_TIMEOUT(!loaded.isEmpty(), pageMessage(page).constData(), 30000);

        DomainAdminsDialog dialog(m_global, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && dialog.accountOf(m_admin).has_value(), 30000);
        QSignalSpy changed(&dialog, &DomainAdminsDialog::changeFinished);
        dialog.revokeDomain(m_admin, m_domainB);
        QVERIFY(changed.wait(30000));
        QVERIFY2(changed.first().first().toBool(), qPrintable(dialog.banner()->text()));

        // The open delegated session: the next statement already sees only A.
        QCOMPARE(delegatedDomains(), QStringList{m_domainA});
        // The page still shows B; its next action is refused by the server.
        QPointer<NewMailboxDialog> refused = createMailboxThroughPage(page, QStringLiteral("late"));
        QVERIFY(refused);
        QVERIFY2(!refused->banner()->text().isEmpty(), "the refusal is not shown");
        qInfo().noquote() << "refused after the revocation:" << refused->banner()->text();
        refused->close();
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.mailbox WHERE domain = ?"),
                       {m_domainB}),
                 0);

        // Disabled: nothing at all.
        changed.clear();
        dialog.setAdminActive(m_admin, false);
        QVERIFY(changed.wait(30000));
        QVERIFY2(changed.first().first().toBool(), qPrintable(dialog.banner()->text()));
        // Disabling ends the admin's sessions; the worker reconnects and then sees no domain
        // (or is refused at login: the account is locked).
        auto r = awaitFuture(
            m_delegated->run([](QSqlDatabase &db) { return db::DomainRepository::list(db); }));
        QVERIFY(r);
        QVERIFY(!r->ok() || r->value().isEmpty());
    }

    void cleanupTestCase() {
        if (m_rootSsh && m_sshAccountMade)
            awaitFuture(
                delegation::ForwardOnlyAccounts::remove(m_rootSsh, m_admin, m_forwardOptions));
        delete m_rootSsh;
        m_rootSsh = nullptr;
        delete m_delegated;
        m_delegated = nullptr;
        delete m_global;
        m_global = nullptr;
        if (!m_root.isOpen())
            return;
        if (!m_admin.isEmpty())
            delegation::DomainAdmins::remove(m_root, m_admin);
        if (!m_dbUser.isEmpty())
            delegation::DelegatedAccounts::remove(m_root, m_dbUser);
        for (const QString &d : {m_domainA, m_domainB})
            if (!d.isEmpty())
                removeDomain(d);
        for (const QString &host : {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")})
            if (!m_globalUser.isEmpty())
                exec(m_root, QStringLiteral("DROP USER IF EXISTS ") +
                                 delegation::DelegationNames::accountSpec(m_globalUser, host));
        if (m_installedHere) {
            Status s = delegation::DelegationSchema::uninstall(m_root);
            QVERIFY2(s.ok(), why(s).constData());
        }
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.domain WHERE domain IN (?, ?)"),
                       {m_domainA, m_domainB}),
                 0);
        QCOMPARE(count(m_root, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = ?"),
                       {m_globalUser}),
                 0);
    }
};

QTEST_MAIN(TestDelegationUiLab)
#include "tst_delegation_ui_lab.moc"
