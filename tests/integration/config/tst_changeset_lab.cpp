// Applying change sets on the lab's real Postfix, Dovecot and iRedAPD stand-in through SSH:
// the value takes effect, the history lists it, revert puts the file back byte-identical;
// validation stops broken files with nothing changed; a file changed since it was read is refused.

#include "ChangeSetLab.h"
#include "core/config/PostfixMainCf.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QtTest/QtTest>

using namespace labcs;

class TestChangeSetLab : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    std::unique_ptr<SshSession> m_ssh;

    // Applies, checks the value, lists, reverts, checks byte-identity. `check` is a shell
    // command printing the value; `expected` what it prints after the change.
    void applyAndRevert(const QString &path, ConfigFileKind kind, const QByteArray &newContent,
                        const PlannedCommand &proof, const std::function<bool()> &running) {
        const QByteArray original = readLocal(path);
        auto guard = qScopeGuard([&] {
            restore(path, original);
            removeBackups(path);
        });
        const ServiceControl control = labControl();
        Result<ChangeSet> plan = ChangeSet::plan(QStringLiteral("lab test %1").arg(randomTag()),
                                                 {{path, kind, original, newContent, {}}}, control,
                                                 QDateTime::currentDateTimeUtc());
        QVERIFY2(plan.ok(), why(plan).constData());
        ChangeSet cs = *plan;
        cs.addPostCheck(proof);
        ChangeSetRunner runner(m_ssh.get(), control);
        QSignalSpy started(&runner, &ChangeSetRunner::stepStarted);
        QSignalSpy done(&runner, &ChangeSetRunner::stepFinished);
        const auto result = applyAndWait(runner, cs);
        QVERIFY(result);
        QVERIFY2(result->ok(), why(*result).constData());
        QVERIFY2((*result)->state() == ChangeSet::State::Applied, qPrintable((*result)->note()));
        QCOMPARE(readLocal(path), newContent);
        QCOMPARE(started.count(), int(cs.steps().size()));
        QCOMPARE(done.count(), int(cs.steps().size()));
        QVERIFY(running());
        QVERIFY2(leftovers(path, false).isEmpty(), qPrintable(leftovers(path, false).join(u' ')));
        QCOMPARE(journalOutcome(cs.id()), QStringLiteral("applied"));

        // The history lists it; revert puts the file back byte-identical.
        ChangeHistory history(m_ssh.get(), control);
        const auto list = awaitFuture(history.list());
        QVERIFY(list && list->ok());
        bool listed = false;
        for (const HistoryEntry &e : list->value())
            listed = listed || (e.id == cs.id() && e.state == ChangeSet::State::Applied &&
                                e.paths == QStringList{path} && !e.author.isEmpty());
        QVERIFY(listed);
        const auto loaded = awaitFuture(history.load(cs.id()));
        QVERIFY(loaded && loaded->ok());
        QCOMPARE((*loaded)->unifiedDiff(), cs.unifiedDiff());
        const auto revert = awaitFuture(history.planRevert(cs.id()));
        QVERIFY(revert);
        QVERIFY2(revert->ok(), why(*revert).constData());
        ChangeSetRunner back(m_ssh.get(), control);
        const auto reverted = applyAndWait(back, revert->value());
        QVERIFY(reverted && reverted->ok());
        QVERIFY2((*reverted)->state() == ChangeSet::State::Applied,
                 qPrintable((*reverted)->note()));
        QCOMPARE(sha(readLocal(path)), sha(original));
        QVERIFY(running());
        // The history says which change set reverted it.
        const auto relisted = awaitFuture(history.list());
        QVERIFY(relisted && relisted->ok());
        QString revertedBy;
        for (const HistoryEntry &e : relisted->value())
            if (e.id == cs.id())
                revertedBy = e.revertedBy;
        QCOMPARE(revertedBy, (*reverted)->id());
        // A second revert of the same change is refused: the file no longer holds its content.
        const auto again = awaitFuture(history.planRevert(cs.id()));
        QVERIFY(again && !again->ok());
        QCOMPARE(again->error().code, QStringLiteral("changeset.revert.changed"));
    }

    // Applies a broken file: validation stops it, nothing changes.
    void brokenIsStopped(const QString &path, ConfigFileKind kind, const QByteArray &newContent,
                         const std::function<bool()> &running) {
        const QByteArray original = readLocal(path);
        auto guard = qScopeGuard([&] {
            restore(path, original);
            removeBackups(path);
        });
        const QStringList before = leftovers(path, true);
        const ServiceControl control = labControl();
        Result<ChangeSet> plan = ChangeSet::plan(QStringLiteral("broken %1").arg(randomTag()),
                                                 {{path, kind, original, newContent, {}}}, control,
                                                 QDateTime::currentDateTimeUtc());
        QVERIFY2(plan.ok(), why(plan).constData());
        ChangeSetRunner runner(m_ssh.get(), control);
        const auto result = applyAndWait(runner, *plan);
        QVERIFY(result && result->ok());
        QCOMPARE((*result)->state(), ChangeSet::State::Failed);
        QVERIFY2(!(*result)->note().isEmpty(), "the note says what failed");
        QCOMPARE(sha(readLocal(path)), sha(original));
        QCOMPARE(leftovers(path, true), before); // no temp, no backup
        QVERIFY(running());
        QCOMPARE(journalOutcome(plan->id()), QStringLiteral("failed"));
        QVERIFY(!QDir(historyDir() + QStringLiteral("/run/") + plan->id()).exists());
        qInfo("stopped: %s", qPrintable((*result)->note().left(300)));
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        QVERIFY(m_tmp.isValid());
        QDir().mkpath(m_tmp.path() + QStringLiteral("/dotssh"));
        m_ssh = std::make_unique<SshSession>(rootConfig(m_tmp.path() + QStringLiteral("/dotssh")));
        const auto st = awaitFuture(m_ssh->connectToHost());
        QVERIFY(st && st->ok());
    }

    void postfixMainCf() {
        LabConfigLock lock;
        QVERIFY2(lock.isLocked(), qPrintable(lock.error()));
        const QByteArray original = readLocal(mainCf());
        const QString value = QStringLiteral("%1h").arg(QRandomGenerator::global()->bounded(2, 9));
        const auto edited = PostfixMainCf::parse(original)->withParameter(
            QStringLiteral("delay_warning_time"), value);
        QVERIFY(edited.ok());
        PlannedCommand proof;
        proof.argv = {QStringLiteral("postconf"), QStringLiteral("-c"),
                      env("LAB_POSTFIX_CONFIG_DIR"), QStringLiteral("-h"),
                      QStringLiteral("delay_warning_time")};
        proof.expectStdout = value;
        proof.purpose = QStringLiteral("delay_warning_time took effect");
        applyAndRevert(mainCf(), ConfigFileKind::PostfixMain, *edited, proof, postfixRuns);
    }

    void dovecotConf() {
        LabConfigLock lock;
        QVERIFY2(lock.isLocked(), qPrintable(lock.error()));
        const QString path = labcs::dovecotConf();
        QByteArray current;
        QCOMPARE(sh(QStringLiteral("doveconf -c %1 -h verbose_proctitle").arg(q(path)), &current),
                 0);
        const QString value = current == "yes" ? QStringLiteral("no") : QStringLiteral("yes");
        const QByteArray edited =
            readLocal(path) + "\n# maildeck lab test\nverbose_proctitle = " + value.toUtf8() + "\n";
        PlannedCommand proof;
        proof.argv = {QStringLiteral("doveconf"), QStringLiteral("-c"), path, QStringLiteral("-h"),
                      QStringLiteral("verbose_proctitle")};
        proof.expectStdout = value;
        proof.purpose = QStringLiteral("verbose_proctitle took effect");
        applyAndRevert(path, ConfigFileKind::Dovecot, edited, proof, dovecotRuns);
    }

    void iredapdSettings() {
        LabConfigLock lock;
        QVERIFY2(lock.isLocked(), qPrintable(lock.error()));
        const QString log = env("LAB_IREDAPD_LOG");
        const int reloadsBefore = readLocal(log).count("Settings reloaded (SIGHUP)");
        const QString tag = randomTag();
        const QByteArray edited = readLocal(settingsPy()) + "\nMAILDECK_LAB_PROBE_" + tag.toUtf8() +
                                  " = 'it''s \"$x\" `y`'\n";
        PlannedCommand proof;
        proof.argv = {QStringLiteral("grep"), QStringLiteral("-c"),
                      QStringLiteral("MAILDECK_LAB_PROBE_") + tag, settingsPy()};
        proof.expectStdout = QStringLiteral("1");
        proof.purpose = QStringLiteral("the new setting is in place");
        applyAndRevert(settingsPy(), ConfigFileKind::IredapdSettings, edited, proof, iredapdRuns);
        // Restarted (SIGHUP) on apply and on revert.
        QTRY_VERIFY_WITH_TIMEOUT(
            readLocal(log).count("Settings reloaded (SIGHUP)") >= reloadsBefore + 2, 5000);
    }

    void validationStopsBrokenFiles() {
        LabConfigLock lock;
        QVERIFY2(lock.isLocked(), qPrintable(lock.error()));
        brokenIsStopped(mainCf(), ConfigFileKind::PostfixMain,
                        readLocal(mainCf()) + "this line is not a parameter\n", postfixRuns);
        // An unknown parameter: postconf warns ("unused parameter"), a new warning fails it.
        brokenIsStopped(mainCf(), ConfigFileKind::PostfixMain,
                        readLocal(mainCf()) + "maildeck_no_such_parameter = 1\n", postfixRuns);
        brokenIsStopped(labcs::dovecotConf(), ConfigFileKind::Dovecot,
                        readLocal(labcs::dovecotConf()) +
                            "\nprotocol imap {\n  mail_max_userip_connections = 5\n",
                        dovecotRuns);
        brokenIsStopped(settingsPy(), ConfigFileKind::IredapdSettings,
                        readLocal(settingsPy()) + "\ndef broken(:\n", iredapdRuns);
    }

    void changedSincePlanIsRefused() {
        LabConfigLock lock;
        QVERIFY2(lock.isLocked(), qPrintable(lock.error()));
        const QByteArray original = readLocal(mainCf());
        auto guard = qScopeGuard([&] {
            restore(mainCf(), original);
            removeBackups(mainCf());
        });
        // Planned from a copy that differs from the live file (someone edited it meanwhile).
        const QByteArray seen = original + "# an older read\n";
        Result<ChangeSet> plan =
            ChangeSet::plan(QStringLiteral("stale"),
                            {{mainCf(), ConfigFileKind::PostfixMain, seen, seen + "# new\n", {}}},
                            labControl(), QDateTime::currentDateTimeUtc());
        QVERIFY(plan.ok());
        ChangeSetRunner runner(m_ssh.get(), labControl());
        const auto result = applyAndWait(runner, *plan);
        QVERIFY(result && result->ok());
        QCOMPARE((*result)->state(), ChangeSet::State::Failed);
        QVERIFY2((*result)->note().contains(QStringLiteral("changed on the server")),
                 qPrintable((*result)->note()));
        QCOMPARE(readLocal(mainCf()), original);
        QVERIFY(leftovers(mainCf(), false).isEmpty());
    }

    void cleanupTestCase() { m_ssh.reset(); }
};

QTEST_GUILESS_MAIN(TestChangeSetLab)
#include "tst_changeset_lab.moc"
