// The main window on a stock iRedMail profile (vmailadmin, which cannot manage delegation):
// Tools > Domain Administrators offers MailDeck's own database account, sets it up over SSH,
// saves the profile, reconnects with it and opens the window again on the new connection, where
// the delegation schema's state is readable. Against the lab's real sshd and MariaDB.
#include "../ssh/TestPrompter.h"
#include "common/LabEnv.h"
#include "core/delegation/DelegationDbAccount.h"
#include "core/delegation/DelegationNames.h"
#include "core/profiles/ProfileStore.h"
#include "core/session/ServerConnection.h"
#include "ui/connection/ConnectionIndicator.h"
#include "ui/delegation/DelegationTools.h"
#include "ui/delegation/DomainAdminsDialog.h"
#include "ui/shell/MainWindow.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::ui;
using maildeck::delegation::DelegationDbAccount;

namespace {
// With MAILDECK_SCREENSHOTS set, saves what the admin sees (to look at, not compared).
void screenshot(QWidget *w, const QString &name) {
    const QString dir = qEnvironmentVariable("MAILDECK_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50);
    w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}
} // namespace

class TestDbAccountMainWindowLab : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_knownHosts;
    QString m_optionFile;
    bool m_hadOptionFile = false;

    ServerProfile labProfile() const {
        ServerProfile p;
        p.name = QStringLiteral("dbacct-mw-%1").arg(QRandomGenerator::global()->generate(), 0, 16);
        p.host = QStringLiteral("127.0.0.1");
        p.port = LabEnv::port("LAB_SSH_PORT");
        p.user = QStringLiteral("root");
        p.identityFile = LabEnv::value("LAB_ROOT_KEY");
        p.knownHostsFile = m_knownHosts;
        p.dbPort = LabEnv::port("LAB_DB_PORT");
        p.dbName = LabEnv::value("LAB_DB_NAME");
        p.dbUser = LabEnv::value("LAB_DB_ADMIN_USER");
        p.dbCredentials = DbCredentialSource::ServerFile;
        p.dbCredentialsFile = LabEnv::value("LAB_DB_ADMIN_CNF");
        p.flavour = ServerFlavour::Lab;
        p.paths = ServerPaths::defaultsFor(ServerFlavour::Lab);
        p.flavourConfirmed = true;
        return p;
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        if (QFile::exists(QDir::homePath() + QStringLiteral("/.ssh/config")))
            QSKIP("an ~/.ssh/config exists; the window would honour it");
        m_knownHosts = m_tmp.path() + QStringLiteral("/known_hosts");
        QVERIFY(QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), m_knownHosts));
        m_optionFile = DelegationDbAccount::credentialsFileFor(labProfile());
        m_hadOptionFile = QFile::exists(m_optionFile);
    }

    void setUpFromTheDomainAdministratorsWindow() {
        auto store = std::make_shared<ProfileStore>(m_tmp.filePath(QStringLiteral("mw.ini")));
        const ServerProfile p = labProfile();
        store->save(p);
        MainWindow window(store);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::firstDataLoaded);
        window.connectToProfile(p.name);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.connectionIndicator()->state() == ConnectionIndicator::State::Connected, 60000);
        QVERIFY(loaded.wait(30000) || loaded.count() == 1);

        auto *tools = window.findChild<DelegationTools *>();
        QVERIFY(tools);
        QPointer<DomainAdminsDialog> first = tools->showDomainAdmins();
        QVERIFY(first);
        auto *setUp = first->findChild<QPushButton *>(QStringLiteral("SetUpDbAccount"));
        QVERIFY(setUp);
        QTRY_VERIFY_WITH_TIMEOUT(!first->isBusy() && setUp->isVisible(), 30000);
        auto *label = first->findChild<QLabel *>(QStringLiteral("SchemaStatus"));
        QVERIFY(label->text().contains(p.dbUser));
        screenshot(first, QStringLiteral("domain-admins-needs-db-account"));

        first->setUpDatabaseAccount();
        // Reconnected with the new account; the window opened again on the new connection.
        QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<DomainAdminsDialog *>() &&
                                     window.findChild<DomainAdminsDialog *>()->isVisible(),
                                 60000);
        auto *second = window.findChild<DomainAdminsDialog *>();
        QTRY_VERIFY_WITH_TIMEOUT(!second->isBusy(), 30000);
        QVERIFY(!second->findChild<QPushButton *>(QStringLiteral("SetUpDbAccount"))->isVisible());
        const QString state = second->findChild<QLabel *>(QStringLiteral("SchemaStatus"))->text();
        QVERIFY2(!state.contains(QStringLiteral("cannot")), qPrintable(state));
        QVERIFY2(state.contains(QStringLiteral("Delegation")), qPrintable(state));
        screenshot(second, QStringLiteral("domain-admins-with-db-account"));

        const auto saved = store->load(p.name);
        QVERIFY(saved);
        QCOMPARE(saved->dbUser, DelegationDbAccount::userName());
        QCOMPARE(saved->dbCredentials, DbCredentialSource::ServerFile);
        QCOMPARE(saved->dbCredentialsFile, m_optionFile);
        QVERIFY(window.connection());
        QCOMPARE(window.connection()->profile().dbUser, DelegationDbAccount::userName());
        QCOMPARE(window.connectionIndicator()->state(), ConnectionIndicator::State::Connected);
        second->close();
    }

    void cleanupTestCase() {
        if (!LabEnv::available() || m_hadOptionFile)
            return;
        QFile::remove(m_optionFile);
        {
            QSqlDatabase root =
                QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), QStringLiteral("mw-root"));
            root.setUserName(QStringLiteral("root"));
            root.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + LabEnv::value("LAB_DB_SOCKET"));
            if (root.open()) {
                QSqlQuery q(root);
                for (const QString &h : delegation::DelegationNames::accountHosts())
                    q.exec(QStringLiteral("DROP USER IF EXISTS ") +
                           delegation::DelegationNames::accountSpec(DelegationDbAccount::userName(),
                                                                    h));
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("mw-root"));
    }
};

QTEST_MAIN(TestDbAccountMainWindowLab)
#include "tst_dbaccount_mainwindow_lab.moc"
