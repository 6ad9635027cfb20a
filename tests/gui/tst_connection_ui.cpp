// The connection UI offscreen, without the lab: the profile editor's validation at the field,
// no secret in the settings file, the flavour/paths editor, the profile manager's New / Edit /
// Duplicate / Delete / Connect round trips through a ProfileStore on a temporary file, a failed
// connect shown in the ConnectDialog (a closed local port), the flavour confirmation and the
// status-bar indicator. With MAILDECK_SCREENSHOTS=<dir> the dialogs are also saved as PNGs.

#include "../integration/ssh/TestPrompter.h"
#include "common/LabEnv.h"
#include "core/profiles/ProfileStore.h"
#include "core/profiles/ServerDetection.h"
#include "core/secrets/SecretStore.h"
#include "core/session/ServerConnection.h"
#include "ui/common/MessageBanner.h"
#include "ui/connection/ConnectDialog.h"
#include "ui/connection/ConnectionIndicator.h"
#include "ui/connection/FlavourConfirmDialog.h"
#include "ui/connection/ProfileEditorDialog.h"
#include "ui/connection/ProfileManagerDialog.h"
#include "ui/connection/ServerPathsEditor.h"
#include "ui/domains/FieldErrorLabel.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::ui;

namespace {

template <class W> W *child(QWidget *parent, const char *name) {
    W *w = parent->findChild<W *>(QLatin1String(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

QString errorAt(QWidget *dialog, const char *fieldName) {
    auto *label =
        dialog->findChild<FieldErrorLabel *>(QLatin1String(fieldName) + QStringLiteral("Error"));
    return label && !label->isHidden() ? label->text() : QString();
}

void setText(QWidget *dialog, const char *name, const QString &text) {
    auto *edit = child<QLineEdit>(dialog, name);
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, text);
}

void choose(QWidget *dialog, const char *name, int data) {
    auto *box = child<QComboBox>(dialog, name);
    QVERIFY(box);
    box->setCurrentIndex(box->findData(data));
}

void screenshot(QWidget *w, const QString &name) {
    const QString dir = qEnvironmentVariable("MAILDECK_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    w->show();
    QTest::qWait(80);
    QVERIFY(w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

bool keychainUsable() {
    SecretStore store;
    auto r = awaitFuture(store.read(QStringLiteral("probe"), QStringLiteral("probe")), 20000);
    return r &&
           (r->state == SecretLookup::State::Found || r->state == SecretLookup::State::NotFound);
}

// Fills the editor with a complete profile (agent login, DB password from a server file).
void fillValid(QWidget *d, const QString &name, const QString &host) {
    setText(d, "Name", name);
    setText(d, "Host", host);
    setText(d, "User", QStringLiteral("admin"));
    choose(d, "AuthMethod", int(ProfileEditorDialog::AuthMethod::Agent));
    choose(d, "DbCredentials", int(DbCredentialSource::ServerFile));
    setText(d, "DbCredentialsFile", QStringLiteral("/root/.my.cnf-vmailadmin"));
}

} // namespace

class TestConnectionUi : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_tag = QString::number(QRandomGenerator::global()->generate(), 16);

    QString iniFile(const char *name) const {
        return m_tmp.filePath(QLatin1String(name) + QStringLiteral(".ini"));
    }

private Q_SLOTS:
    void editorValidatesAtTheField() {
        ProfileStore store(iniFile("validate"));
        ServerProfile existing;
        existing.name = QStringLiteral("taken");
        existing.host = QStringLiteral("mx.example.org");
        store.save(existing);

        ProfileEditorDialog d(&store, nullptr, ProfileEditorDialog::Mode::New);
        d.show();
        setText(&d, "User", QString());
        setText(&d, "DbName", QString());
        d.okButton()->click();
        QVERIFY(d.result() != QDialog::Accepted);
        QVERIFY(!errorAt(&d, "Name").isEmpty());
        QVERIFY(!errorAt(&d, "Host").isEmpty());
        QVERIFY(!errorAt(&d, "User").isEmpty());
        QVERIFY(!errorAt(&d, "DbName").isEmpty());
        QCOMPARE(store.names(), QStringList{QStringLiteral("taken")});

        // Typing clears the field's message.
        setText(&d, "Host", QStringLiteral("mx one.example.org"));
        QVERIFY(errorAt(&d, "Host").isEmpty());

        setText(&d, "Name", QStringLiteral("a/b"));
        setText(&d, "User", QStringLiteral("root"));
        setText(&d, "DbName", QStringLiteral("vmail"));
        choose(&d, "AuthMethod", int(ProfileEditorDialog::AuthMethod::KeyFile));
        setText(&d, "KeyFile", m_tmp.filePath(QStringLiteral("no-such-key")));
        choose(&d, "DbCredentials", int(DbCredentialSource::ServerFile));
        setText(&d, "DbCredentialsFile", QStringLiteral("root/.my.cnf"));
        setText(&d, "MailLog", QStringLiteral("var/log/mail.log"));
        d.okButton()->click();
        QVERIFY(d.result() != QDialog::Accepted);
        QVERIFY(errorAt(&d, "Name").contains(QLatin1Char('/')));
        QVERIFY(!errorAt(&d, "Host").isEmpty()); // a space in the host name
        QVERIFY(errorAt(&d, "KeyFile").contains(QStringLiteral("no-such-key")));
        QVERIFY(!errorAt(&d, "DbCredentialsFile").isEmpty());
        QVERIFY(!errorAt(&d, "MailLog").isEmpty());
        QVERIFY(errorAt(&d, "User").isEmpty());

        setText(&d, "Name", QStringLiteral("taken"));
        d.okButton()->click();
        QVERIFY(errorAt(&d, "Name").contains(QStringLiteral("taken")));
        screenshot(&d, QStringLiteral("profile-editor-errors"));

        // Corrected: saved exactly as shown.
        const QString key = m_tmp.filePath(QStringLiteral("id_test"));
        QFile keyFile(key);
        QVERIFY(keyFile.open(QIODevice::WriteOnly));
        keyFile.close();
        setText(&d, "Name", QStringLiteral("mx1"));
        setText(&d, "Host", QStringLiteral("mx1.example.org"));
        setText(&d, "KeyFile", key);
        child<QSpinBox>(&d, "Port")->setValue(2222);
        setText(&d, "DbCredentialsFile", QStringLiteral("/root/.my.cnf-vmailadmin"));
        choose(&d, "DbRoute", int(DbRoute::Direct));
        QVERIFY(!d.findChild<QWidget *>(QStringLiteral("DbPlainWarning"))->isHidden());
        d.findChild<QAbstractButton *>(QStringLiteral("DbTls"))->setChecked(true);
        QVERIFY(d.findChild<QWidget *>(QStringLiteral("DbPlainWarning"))->isHidden());
        setText(&d, "DbTlsCaFile", QStringLiteral("/etc/maildeck/db-ca.pem"));
        setText(&d, "DbHost", QStringLiteral("db.example.org"));
        choose(&d, "Flavour", int(ServerFlavour::Rhel));
        setText(&d, "MailLog", QStringLiteral("/var/log/custom.log"));
        d.okButton()->click();
        QCOMPARE(d.result(), int(QDialog::Accepted));
        const auto saved = store.load(QStringLiteral("mx1"));
        QVERIFY(saved);
        QCOMPARE(saved->host, QStringLiteral("mx1.example.org"));
        QCOMPARE(saved->port, quint16(2222));
        QCOMPARE(saved->user, QStringLiteral("root"));
        QCOMPARE(saved->identityFile, key);
        QCOMPARE(saved->dbRoute, DbRoute::Direct);
        QCOMPARE(saved->dbHost, QStringLiteral("db.example.org"));
        QVERIFY(saved->dbTls);
        QCOMPARE(saved->dbTlsCaFile, QStringLiteral("/etc/maildeck/db-ca.pem"));
        QCOMPARE(saved->dbCredentials, DbCredentialSource::ServerFile);
        QCOMPARE(saved->flavour, ServerFlavour::Rhel);
        QCOMPARE(saved->paths.mailLog, QStringLiteral("/var/log/custom.log"));
        QCOMPARE(saved->paths.postfixConfigDir, QStringLiteral("/etc/postfix"));
        QVERIFY(saved->flavourConfirmed); // the admin chose the paths
    }

    void secretsNeverInTheSettingsFile() {
        const QString ini = iniFile("secrets");
        ProfileStore store(ini);
        SecretStore secrets;
        const QString name = QStringLiteral("sec-") + m_tag;
        const QString sshPassword = QStringLiteral("ssh-Pw-") + m_tag;
        const QString dbPassword = QStringLiteral("db-Pw-") + m_tag;
        ProfileEditorDialog d(&store, &secrets, ProfileEditorDialog::Mode::New);
        d.show();
        fillValid(&d, name, QStringLiteral("mx.example.org"));
        choose(&d, "AuthMethod", int(ProfileEditorDialog::AuthMethod::Password));
        setText(&d, "SshPassword", sshPassword);
        choose(&d, "DbCredentials", int(DbCredentialSource::Keychain));
        setText(&d, "DbPassword", dbPassword);
        d.okButton()->click();
        // Either the keychain took them (dialog closed) or it said why (dialog open, profile
        // saved).
        QVERIFY(QTest::qWaitFor(
            [&] { return d.result() == QDialog::Accepted || !d.banner()->isHidden(); }, 20000));
        QVERIFY(store.load(name));
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains(name.toUtf8()));
        QVERIFY(!content.contains(sshPassword.toUtf8()));
        QVERIFY(!content.contains(dbPassword.toUtf8()));
        qInfo("keychain %s",
              d.result() == QDialog::Accepted ? "stored the passwords" : "unavailable");
        if (d.result() == QDialog::Accepted) {
            auto found = awaitFuture(secrets.read(name, SecretStore::dbPasswordKind()));
            QVERIFY(found);
            QCOMPARE(found->secret, dbPassword);
            found = awaitFuture(secrets.read(name, SecretStore::sshPasswordKind()));
            QVERIFY(found);
            QCOMPARE(found->secret, sshPassword);
            for (const QString &kind : ProfileManagerDialog::secretKinds({}))
                awaitFuture(secrets.remove(name, kind));
        } else {
            QVERIFY(d.banner()->text().contains(QStringLiteral("saved")));
            QVERIFY(!d.banner()->text().contains(dbPassword));
        }
    }

    void pathsFollowTheFlavour() {
        ServerPathsEditor e;
        e.setValues(ServerFlavour::Debian, ServerPaths::defaultsFor(ServerFlavour::Debian));
        auto *log = child<QLineEdit>(&e, "MailLog");
        auto *postfix = child<QLineEdit>(&e, "PostfixDir");
        QCOMPARE(log->text(), QStringLiteral("/var/log/mail.log"));
        e.flavourBox()->setCurrentIndex(e.flavourBox()->findData(int(ServerFlavour::Rhel)));
        QCOMPARE(log->text(), QStringLiteral("/var/log/maillog"));
        // An edited path stays when the flavour changes; the untouched ones follow.
        log->clear();
        QTest::keyClicks(log, QStringLiteral("/srv/log/mail"));
        e.flavourBox()->setCurrentIndex(e.flavourBox()->findData(int(ServerFlavour::FreeBsd)));
        QCOMPARE(log->text(), QStringLiteral("/srv/log/mail"));
        QCOMPARE(postfix->text(), QStringLiteral("/usr/local/etc/postfix"));
        e.resetButton()->click();
        QCOMPARE(e.paths().mailLog, ServerPaths::defaultsFor(ServerFlavour::FreeBsd).mailLog);
        QCOMPARE(e.flavour(), ServerFlavour::FreeBsd);
        QVERIFY(e.validate());
        postfix->clear();
        QVERIFY(!e.validate());
    }

    // Saving a profile through the editor once dropped the fields it had no row for (sshd's
    // configuration, iRedAPD's commands, the change history): every field must round-trip.
    void pathsEditorKeepsEveryField() {
        ServerPaths in;
        in.mailLog = QStringLiteral("/l/mail.log");
        in.postfixConfigDir = QStringLiteral("/l/postfix");
        in.dovecotConfig = QStringLiteral("/l/dovecot.conf");
        in.dovecotLogDir = QStringLiteral("/l/dovecot-logs");
        in.iredapdSettings = QStringLiteral("/l/iredapd/settings.py");
        in.mlmmjSpool = QStringLiteral("/l/mlmmj");
        in.postfixCommand = QStringLiteral("postfix -c /l/postfix");
        in.dovecotCommand = QStringLiteral("dovecot -c /l/dovecot.conf");
        in.sshdConfig = QStringLiteral("/l/sshd_config");
        in.iredapdRestartCommand = QStringLiteral("/l/bin/iredapd-restart");
        in.iredapdStatusCommand = QStringLiteral("/l/bin/iredapd-status");
        in.changeHistoryDir = QStringLiteral("/l/changes");
        ServerPathsEditor e;
        e.setValues(ServerFlavour::Lab, in);
        const ServerPaths out = e.paths();
        QCOMPARE(out.mailLog, in.mailLog);
        QCOMPARE(out.postfixConfigDir, in.postfixConfigDir);
        QCOMPARE(out.dovecotConfig, in.dovecotConfig);
        QCOMPARE(out.dovecotLogDir, in.dovecotLogDir);
        QCOMPARE(out.iredapdSettings, in.iredapdSettings);
        QCOMPARE(out.mlmmjSpool, in.mlmmjSpool);
        QCOMPARE(out.postfixCommand, in.postfixCommand);
        QCOMPARE(out.dovecotCommand, in.dovecotCommand);
        QCOMPARE(out.sshdConfig, in.sshdConfig);
        QCOMPARE(out.iredapdRestartCommand, in.iredapdRestartCommand);
        QCOMPARE(out.iredapdStatusCommand, in.iredapdStatusCommand);
        QCOMPARE(out.changeHistoryDir, in.changeHistoryDir);
        QVERIFY(e.validate());

        // iRedAPD's commands may stay empty (the service manager's); the others may not.
        child<QLineEdit>(&e, "IredapdRestartCommand")->clear();
        child<QLineEdit>(&e, "IredapdStatusCommand")->clear();
        QVERIFY(e.validate());
        QVERIFY(e.paths().iredapdRestartCommand.isEmpty());
        child<QLineEdit>(&e, "SshdConfig")->setText(QStringLiteral("etc/ssh/sshd_config"));
        QVERIFY(!e.validate());
        child<QLineEdit>(&e, "SshdConfig")->setText(in.sshdConfig);
        child<QLineEdit>(&e, "ChangeHistoryDir")->clear();
        QVERIFY(!e.validate());
    }

    void managerRoundTrips() {
        ProfileStore store(iniFile("manager"));
        SecretStore secrets;
        const bool keychain = keychainUsable();
        ProfileManagerDialog m(&store, &secrets);
        m.show();
        QCOMPARE(m.list()->count(), 0);
        qInfo("keychain usable: %d", keychain);
        QVERIFY(!m.button(QStringLiteral("ConnectProfile"))->isEnabled());

        // New
        const QString name = QStringLiteral("mgr-") + m_tag;
        m.button(QStringLiteral("NewProfile"))->click();
        QVERIFY(m.editor());
        fillValid(m.editor(), name, QStringLiteral("one.example.org"));
        screenshot(m.editor(), QStringLiteral("profile-editor-new"));
        if (auto *tabs = m.editor()->findChild<QTabWidget *>()) {
            tabs->setCurrentIndex(1);
            screenshot(m.editor(), QStringLiteral("profile-editor-database"));
            tabs->setCurrentIndex(2);
            screenshot(m.editor(), QStringLiteral("profile-editor-paths"));
            tabs->setCurrentIndex(0);
        }
        m.editor()->okButton()->click();
        QTRY_VERIFY(!m.editor());
        QCOMPARE(m.list()->count(), 1);
        QCOMPARE(m.currentName(), name);
        QCOMPARE(store.load(name)->host, QStringLiteral("one.example.org"));
        QVERIFY(!store.load(name)->flavourConfirmed); // detected on the first connection

        // Edit: the name is fixed, the host changes.
        m.button(QStringLiteral("EditProfile"))->click();
        QVERIFY(m.editor());
        QVERIFY(child<QLineEdit>(m.editor(), "Name")->isReadOnly());
        QCOMPARE(child<QLineEdit>(m.editor(), "Host")->text(), QStringLiteral("one.example.org"));
        setText(m.editor(), "Host", QStringLiteral("two.example.org"));
        m.editor()->okButton()->click();
        QTRY_VERIFY(!m.editor());
        QCOMPARE(store.load(name)->host, QStringLiteral("two.example.org"));
        QCOMPARE(store.names().size(), 1);

        // Duplicate: a free name, the same settings.
        m.button(QStringLiteral("DuplicateProfile"))->click();
        QVERIFY(m.editor());
        const QString copy = child<QLineEdit>(m.editor(), "Name")->text();
        QVERIFY(copy != name && copy.startsWith(name));
        m.editor()->okButton()->click();
        QTRY_VERIFY(!m.editor());
        QCOMPARE(store.names().size(), 2);
        QCOMPARE(store.load(copy)->host, QStringLiteral("two.example.org"));
        QCOMPARE(m.currentName(), copy);
        screenshot(&m, QStringLiteral("profile-manager"));

        // Delete asks; Cancel keeps it.
        if (keychain)
            QVERIFY(
                awaitFuture(secrets.write(copy, SecretStore::dbPasswordKind(), QStringLiteral("x")))
                    ->ok());
        m.button(QStringLiteral("DeleteProfile"))->click();
        auto *box = m.findChild<QMessageBox *>(QStringLiteral("DeleteProfileBox"));
        QVERIFY(box);
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(20);
        QCOMPARE(store.names().size(), 2);
        QSignalSpy deleted(&m, &ProfileManagerDialog::profileDeleted);
        m.selectProfile(copy);
        m.button(QStringLiteral("DeleteProfile"))->click();
        box = m.findChild<QMessageBox *>(QStringLiteral("DeleteProfileBox"));
        QVERIFY(box);
        screenshot(box, QStringLiteral("profile-delete"));
        box->findChild<QPushButton *>(QStringLiteral("ConfirmDelete"))->click();
        QVERIFY(deleted.wait(20000) || deleted.count() == 1);
        QCOMPARE(deleted.first().at(0).toString(), copy);
        QCOMPARE(store.names(), QStringList{name});
        QCOMPARE(m.list()->count(), 1);
        if (keychain) {
            QVERIFY(deleted.first().at(1).toBool());
            auto gone = awaitFuture(secrets.read(copy, SecretStore::dbPasswordKind()));
            QVERIFY(gone);
            QCOMPARE(gone->state, SecretLookup::State::NotFound);
        } else if (LabEnv::required()) {
            QFAIL("no keychain under ./dev test");
        }

        // Connect and double-click.
        QSignalSpy connectSpy(&m, &ProfileManagerDialog::connectRequested);
        m.selectProfile(name);
        m.button(QStringLiteral("ConnectProfile"))->click();
        QCOMPARE(connectSpy.count(), 1);
        QCOMPARE(connectSpy.first().at(0).toString(), name);
        QCOMPARE(m.result(), int(QDialog::Accepted));
        m.show();
        QListWidgetItem *item = m.list()->currentItem();
        QVERIFY(item);
        const QPoint at = m.list()->visualItemRect(item).center();
        QTest::mouseClick(m.list()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(m.list()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(connectSpy.count(), 2);
    }

    void connectFailureStaysWithTheError() {
        // A local port nobody listens on: the connection is refused at the first step.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        ServerProfile p;
        p.name = QStringLiteral("refused");
        p.host = QStringLiteral("127.0.0.1");
        p.port = port;
        p.knownHostsFile = m_tmp.filePath(QStringLiteral("known_hosts"));
        SshConfig c = SshConfig::fromProfile(p);
        c.sshConfigFile = QStringLiteral("none");
        c.useAgent = false;
        c.timeoutSeconds = 5;
        TestPrompter prompter;
        ServerConnection conn(p, c, &prompter);
        ConnectDialog d;
        QSignalSpy retry(&d, &ConnectDialog::retryRequested);
        QSignalSpy edit(&d, &ConnectDialog::editProfileRequested);
        d.show();
        d.start(&conn);
        QVERIFY(d.cancelButton()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning(), 10000);
        QVERIFY(d.isVisible()); // stays with the error
        QCOMPARE(d.rowState(ConnectDialog::Row::Resolving), ConnectDialog::RowState::Failed);
        QCOMPARE(d.rowState(ConnectDialog::Row::Database), ConnectDialog::RowState::Pending);
        QVERIFY(!d.banner()->isHidden());
        QVERIFY(!d.banner()->text().isEmpty());
        QVERIFY(d.retryButton()->isVisible());
        QVERIFY(d.editButton()->isVisible());
        QVERIFY(!d.cancelButton()->isVisible());
        screenshot(&d, QStringLiteral("connect-failed"));
        d.retryButton()->click();
        d.editButton()->click();
        QCOMPARE(retry.count(), 1);
        QCOMPARE(edit.count(), 1);
    }

    void flavourConfirmation() {
        DetectedServer found = ServerDetection::detect(
            QStringLiteral("NAME=\"Rocky Linux\"\nID=rocky\nID_LIKE=\"rhel centos fedora\"\n"
                           "PRETTY_NAME=\"Rocky Linux 9.3 (Blue Onyx)\"\n"),
            QStringLiteral("Linux"), {QStringLiteral("/var/log/maillog")}, ServerFlavour::Debian);
        QCOMPARE(found.flavour, ServerFlavour::Rhel);
        FlavourConfirmDialog d(QStringLiteral("mx"), found);
        d.show();
        QVERIFY(child<QLabel>(&d, "DetectedSummary")->text().contains(QStringLiteral("Rocky")));
        QCOMPARE(d.flavour(), ServerFlavour::Rhel);
        QCOMPARE(d.paths().mailLog, found.paths.mailLog);
        screenshot(&d, QStringLiteral("flavour-confirm"));
        // A wrong path is caught before accepting; a corrected one is taken.
        auto *log = child<QLineEdit>(&d, "MailLog");
        log->clear();
        d.acceptButton()->click();
        QVERIFY(d.result() != QDialog::Accepted);
        QTest::keyClicks(log, QStringLiteral("/var/log/mail/all.log"));
        d.acceptButton()->click();
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.paths().mailLog, QStringLiteral("/var/log/mail/all.log"));
    }

    void indicatorStatesAndClick() {
        ConnectionIndicator ind;
        ind.show();
        QCOMPARE(ind.state(), ConnectionIndicator::State::Disconnected);
        QSignalSpy clicked(&ind, &ConnectionIndicator::clicked);
        ind.setState(ConnectionIndicator::State::Lost, QStringLiteral("mx: connection lost"),
                     QStringLiteral("details"));
        QCOMPARE(ind.text(), QStringLiteral("mx: connection lost"));
        QCOMPARE(ind.toolTip(), QStringLiteral("details"));
        QTest::mouseClick(&ind, Qt::LeftButton);
        QCOMPARE(clicked.count(), 1);
    }
};

QTEST_MAIN(TestConnectionUi)
#include "tst_connection_ui.moc"
