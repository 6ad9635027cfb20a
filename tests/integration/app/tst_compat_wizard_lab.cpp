// The Windows Live Mail story through the compatibility wizard against the lab's real Dovecot:
// the diagnosis finds the setting in iredmail/wlm-story.conf and dovecot.conf, the remote-IP
// option is applied as a change set (the runner's checklist all done), the POP3 probe from
// 127.0.0.5 then passes and the live log shows the client's login, "Roll back this change"
// puts every file back byte-identical. Holds the lab's config lock; files are restored also on
// failure.

#include "common/LabConfigLock.h"
#include "common/LabEnv.h"
#include "core/compat/Probe.h"
#include "core/config/ServiceControl.h"
#include "core/ssh/SshSession.h"
#include "integration/config/ChangeSetLab.h"
#include "integration/ssh/TestPrompter.h"
#include "ui/compat/CompatWizard.h"
#include "ui/compat/CompatWizardPages.h"
#include "ui/compat/StepChecklist.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace maildeck;
using namespace maildeck::ui;

namespace {

// Every file of the lab's Dovecot configuration (dovecot.conf and iredmail/*.conf), by path.
QHash<QString, QByteArray> dovecotFiles() {
    QHash<QString, QByteArray> out;
    const QString dir = QFileInfo(labcs::dovecotConf()).absolutePath();
    QDirIterator it(dir, {QStringLiteral("*.conf")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out.insert(path, labcs::readLocal(path));
    }
    return out;
}

} // namespace

class TestCompatWizardLab : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<SshSession> m_ssh;
    ServerProfile m_server;
    QString m_user;
    QString m_password;

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        m_ssh = std::make_unique<SshSession>(
            labcs::rootConfig(m_tmp.path() + QStringLiteral("/dotssh")));
        const auto st = awaitFuture(m_ssh->connectToHost());
        QVERIFY(st);
        QVERIFY2(st->ok(), qPrintable(st->ok() ? QString() : st->error().message));
        m_server.name = QStringLiteral("lab");
        m_server.host = QStringLiteral("127.0.0.1");
        m_server.port = LabEnv::port("LAB_SSH_PORT");
        m_server.user = QStringLiteral("root");
        m_server.flavour = ServerFlavour::Lab;
        m_server.paths = labcs::labControl().paths();
        m_server.paths.mailLog = LabEnv::value("LAB_MAILLOG");
        m_server.paths.dovecotLogDir = LabEnv::value("LAB_DOVECOT_LOG_DIR");
        const QJsonObject manifest = LabEnv::manifest();
        m_user = manifest.value(QStringLiteral("examples"))
                     .toObject()
                     .value(QStringLiteral("ssha512_user"))
                     .toString();
        for (const QJsonValue &v : manifest.value(QStringLiteral("mailboxes")).toArray()) {
            if (v.toObject().value(QStringLiteral("email")).toString() == m_user)
                m_password = v.toObject().value(QStringLiteral("password")).toString();
        }
        QVERIFY(!m_user.isEmpty() && !m_password.isEmpty());
    }

    void wlmStory() {
        LabConfigLock lock;
        QVERIFY2(lock.isLocked(), qPrintable(lock.error()));
        const QHash<QString, QByteArray> before = dovecotFiles();
        QVERIFY(before.contains(labcs::dovecotConf()));
        const QString story = QFileInfo(labcs::dovecotConf()).absolutePath() +
                              QStringLiteral("/iredmail/wlm-story.conf");
        QVERIFY(before.contains(story));
        const auto restoreAll = qScopeGuard([&before] {
            for (auto it = before.begin(); it != before.end(); ++it) {
                labcs::restore(it.key(), it.value());
                labcs::removeBackups(it.key());
            }
        });

        // The probe that proves the story fails before.
        compat::ProbeSpec pop3;
        pop3.protocol = compat::ProbeProtocol::Pop3;
        pop3.host = QStringLiteral("127.0.0.1");
        pop3.port = LabEnv::port("LAB_POP3_PORT");
        pop3.sourceAddress = LabEnv::value("LAB_CLIENT_PC");
        pop3.user = m_user;
        pop3.password = m_password;
        QVERIFY(!compat::runProbeBlocking(pop3).passed);

        CompatWizard wizard(m_server, m_ssh.get());
        wizard.show();
        QVERIFY(wizard.selectProfile(QStringLiteral("wlm2012")));
        wizard.findChild<QLineEdit *>(QStringLiteral("UserEdit"))->setText(m_user);
        wizard.findChild<QLineEdit *>(QStringLiteral("PasswordEdit"))->setText(m_password);
        QVERIFY2(wizard.clientPage()->validationError().isEmpty(),
                 qPrintable(wizard.clientPage()->validationError()));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::DiagnosisPageId));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.diagnosis().has_value() ||
                                     !wizard.diagnosisPage()->errorText().isEmpty(),
                                 60000);
        QVERIFY2(wizard.diagnosis(), qPrintable(wizard.diagnosisPage()->errorText()));
        const compat::Diagnosis &d = *wizard.diagnosis();
        QVERIFY(!d.passes);
        // What blocks it is dovecot.conf's disable_plaintext_auth (this client's ssl = yes comes
        // from wlm-story.conf's remote block, so ssl itself does not block it).
        bool mainFound = false;
        for (const compat::Blocker &b : d.blockers)
            mainFound = mainFound || (b.setting == QLatin1String("disable_plaintext_auth") &&
                                      b.where && b.where->file == labcs::dovecotConf());
        const QString report = wizard.diagnosisPage()->reportHtml();
        QVERIFY2(mainFound, qPrintable(report));
        QVERIFY(report.contains(labcs::dovecotConf()));

        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::OptionsPageId));
        int remote = -1;
        for (int i = 0; i < d.options.size(); ++i) {
            if (d.options[i].id == QLatin1String("wlm.remote-plaintext"))
                remote = i;
        }
        QVERIFY2(remote >= 0, qPrintable(wizard.optionsPage()->shownOptionIds().join(u',')));
        wizard.optionsPage()->selectOption(remote);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::ReviewPageId));
        QVERIFY(wizard.plannedChangeSet());
        QVERIFY(wizard.reviewPage()->isComplete());
        // The narrowest fix goes where this client's remote block already is: wlm-story.conf.
        QCOMPARE(wizard.plannedChangeSet()->edits().size(), 1);
        QCOMPARE(wizard.plannedChangeSet()->edits().first().path, story);

        // Someone edits the file between the review and the apply: the change set refuses to
        // overwrite it (nothing changes) and the wizard offers to diagnose again, which reads
        // the file as it is now.
        QByteArray edited = before.value(story);
        edited += "# edited by another admin while MailDeck's wizard was open\n";
        labcs::restore(story, edited);
        QHash<QString, QByteArray> expected = before;
        expected.insert(story, edited);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::ApplyPageId));
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.applyPage()->isRunning(), 120000);
        QVERIFY(!wizard.applyPage()->isComplete());
        QVERIFY(!wizard.appliedChangeSet());
        QCOMPARE(labcs::readLocal(story), edited);
        auto *again =
            wizard.applyPage()->findChild<QPushButton *>(QStringLiteral("ApplyDiagnoseAgain"));
        QVERIFY(again && again->isVisibleTo(&wizard));
        again->click();
        QCOMPARE(wizard.currentId(), int(CompatWizard::DiagnosisPageId));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.diagnosis().has_value() ||
                                     !wizard.diagnosisPage()->errorText().isEmpty(),
                                 60000);
        QVERIFY2(wizard.diagnosis(), qPrintable(wizard.diagnosisPage()->errorText()));
        QCOMPARE(wizard.params().user, m_user); // what the admin entered stays
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::OptionsPageId));
        remote = -1;
        for (int i = 0; i < wizard.diagnosis()->options.size(); ++i) {
            if (wizard.diagnosis()->options[i].id == QLatin1String("wlm.remote-plaintext"))
                remote = i;
        }
        QVERIFY(remote >= 0);
        wizard.optionsPage()->selectOption(remote);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::ReviewPageId));
        QVERIFY(wizard.plannedChangeSet());
        QCOMPARE(wizard.plannedChangeSet()->edits().first().oldContent, edited);

        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::ApplyPageId));
        QVERIFY(wizard.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.applyPage()->isRunning(), 120000);
        QVERIFY2(wizard.applyPage()->isComplete(), qPrintable(wizard.applyPage()->statusText()));
        QVERIFY(wizard.appliedChangeSet());
        // Found again later by what made it, in any language (maildeck-cli compat rollback).
        QCOMPARE(wizard.appliedChangeSet()->origin(),
                 QStringLiteral("compat/wlm2012/") + LabEnv::value("LAB_CLIENT_PC"));
        const int applySteps = int(wizard.appliedChangeSet()->steps().size());
        for (int i = 0; i < applySteps; ++i)
            QCOMPARE(wizard.applyPage()->checklist()->state(i), StepChecklist::StepState::Done);
        QVERIFY(labcs::dovecotRuns());

        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::ProvePageId));
        ProvePage *prove = wizard.provePage();
        QTRY_VERIFY_WITH_TIMEOUT(prove->probesRun() > 0 && !prove->isRunning(), 60000);
        QVERIFY(prove->allPassed());
        // The live log shows the client's login.
        QTRY_VERIFY_WITH_TIMEOUT(!prove->logLinesShown().isEmpty(), 15000);
        for (const QString &line : prove->logLinesShown())
            QVERIFY(line.contains(LabEnv::value("LAB_CLIENT_PC")));
        QVERIFY(compat::runProbeBlocking(pop3).passed);

        // Roll back from the last page: every file as before, the probe fails again.
        auto *rollback = prove->findChild<QPushButton *>(QStringLiteral("RollbackButton"));
        QVERIFY(rollback && rollback->isVisibleTo(&wizard));
        QSignalSpy rolled(prove, &ProvePage::rolledBack);
        rollback->click();
        QTRY_VERIFY_WITH_TIMEOUT(rolled.count() == 1, 120000);
        QVERIFY2(rolled.first().first().toBool(), qPrintable(prove->rollbackStatus()));
        const QHash<QString, QByteArray> after = dovecotFiles();
        QCOMPARE(after.keys().size(), expected.keys().size());
        for (auto it = expected.begin(); it != expected.end(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));
        QVERIFY(labcs::dovecotRuns());
        QVERIFY(!compat::runProbeBlocking(pop3).passed);
        QVERIFY(!wizard.isBusy());
        // Rolled back: another option may be tried from a fresh diagnosis.
        auto *diagnoseAgain = prove->findChild<QPushButton *>(QStringLiteral("ProveDiagnoseAgain"));
        QVERIFY(diagnoseAgain && diagnoseAgain->isVisibleTo(&wizard));
        diagnoseAgain->click();
        QCOMPARE(wizard.currentId(), int(CompatWizard::DiagnosisPageId));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.diagnosis().has_value(), 60000);
        QVERIFY(!wizard.diagnosis()->passes);
    }
};

QTEST_MAIN(TestCompatWizardLab)
#include "tst_compat_wizard_lab.moc"
