// The SSH connection dies at every step of an apply: this connection's sshd processes (found by
// the client's source port with `ss -tnp`) are killed the moment the journal shows step N begin.
// Afterwards main.cf is wholly old or wholly new, Postfix runs, and the runner (after it
// reconnected) reports the same final state as the script's journal.

#include "ChangeSetLab.h"
#include "core/config/PostfixMainCf.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QtTest/QtTest>

#include <atomic>
#include <csignal>
#include <sys/types.h>
#include <thread>

using namespace labcs;

namespace {

// The sshd processes serving this process's connection(s) to the lab's sshd.
QList<qint64> sshdPidsOfThisProcess() {
    QByteArray table;
    if (sh(QStringLiteral("ss -tnpH state established"), &table) != 0)
        return {};
    const QString sshPort = QString::number(LabEnv::port("LAB_SSH_PORT"));
    const QString me = QStringLiteral("pid=%1,").arg(QCoreApplication::applicationPid());
    QStringList clientPorts;
    const QList<QByteArray> lines = table.split('\n');
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    for (const QByteArray &raw : lines) {
        const QStringList f = QString::fromUtf8(raw).split(ws, Qt::SkipEmptyParts);
        if (f.size() >= 5 && f.join(u' ').contains(me) &&
            f.at(3).endsWith(QLatin1Char(':') + sshPort))
            clientPorts.append(f.at(2).section(QLatin1Char(':'), -1));
    }
    QList<qint64> pids;
    static const QRegularExpression pidRe(QStringLiteral("pid=(\\d+)"));
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw);
        const QStringList f = line.split(ws, Qt::SkipEmptyParts);
        if (f.size() < 5 || !f.at(2).endsWith(QLatin1Char(':') + sshPort))
            continue;
        if (!clientPorts.contains(f.at(3).section(QLatin1Char(':'), -1)))
            continue;
        auto it = pidRe.globalMatch(line);
        while (it.hasNext())
            pids.append(it.next().captured(1).toLongLong());
    }
    return pids;
}

} // namespace

class TestChangeSetKill : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    std::unique_ptr<SshSession> m_ssh;

    // One apply with the connection killed at journal step `killAt`. Returns the outcome.
    void applyKilledAt(const ChangeSet &cs, int killAt, const QByteArray &original) {
        // Connected, and the sshd processes of this connection known, before the apply.
        const auto ping = awaitFuture(m_ssh->runCommand(QStringLiteral("true")));
        QVERIFY(ping && ping->ok());
        const QList<qint64> pids = sshdPidsOfThisProcess();
        QVERIFY2(!pids.isEmpty(), "no sshd process found for this connection");

        const QString journal =
            historyDir() + QStringLiteral("/run/") + cs.id() + QStringLiteral("/journal");
        const QByteArray marker = QByteArray(QByteArray::number(killAt) + " begin\n");
        std::atomic<bool> stop{false};
        std::atomic<bool> killed{false};
        std::thread watcher([&] {
            QDeadlineTimer deadline(30000);
            while (!stop && !deadline.hasExpired()) {
                const QByteArray j = readLocal(journal);
                if (j.startsWith(marker) || j.contains(QByteArray("\n" + marker))) {
                    for (const qint64 pid : pids)
                        ::kill(pid_t(pid), SIGKILL);
                    killed = true;
                    return;
                }
                std::this_thread::sleep_for(std::chrono::microseconds(500));
            }
        });
        auto joinWatcher = qScopeGuard([&] {
            stop = true;
            watcher.join();
        });
        ChangeSetRunner runner(m_ssh.get(), labControl());
        runner.setReconnectTimeout(40000);
        QSignalSpy lost(&runner, &ChangeSetRunner::connectionLost);
        QElapsedTimer clock;
        clock.start();
        if (qEnvironmentVariableIsSet("MAILDECK_TEST_TRACE"))
            connect(&runner, &ChangeSetRunner::stepStarted, this,
                    [&clock](int i, const PlanStep &) {
                        qInfo("%lld ms: step %d begins", clock.elapsed(), i);
                    });
        const auto result = applyAndWait(runner, cs, 90000);
        joinWatcher.dismiss();
        stop = true;
        watcher.join();
        QVERIFY2(killed, qPrintable(QStringLiteral("step %1 never began").arg(killAt)));
        QVERIFY(result);
        QVERIFY2(result->ok(), why(*result).constData());
        // The runner's final state is the script's.
        const QString outcome = journalOutcome(cs.id());
        QCOMPARE(stateKey((*result)->state()), outcome);
        // main.cf wholly old or wholly new, matching the outcome; Postfix runs; no temp file.
        const QByteArray now = readLocal(mainCf());
        if (outcome == QLatin1String("applied"))
            QCOMPARE(sha(now), sha(cs.edits().first().newContent));
        else
            QCOMPARE(sha(now), sha(original));
        QVERIFY(postfixRuns());
        QVERIFY2(leftovers(mainCf(), false).isEmpty(),
                 qPrintable(leftovers(mainCf(), false).join(u' ')));
        qInfo("killed at step %d (%s): outcome %s after %lld ms, connection lost seen: %d", killAt,
              qPrintable(runner.journalSteps().value(killAt).description), qPrintable(outcome),
              clock.elapsed(), int(lost.count()));
    }

    ChangeSet plan(const QByteArray &original, bool failingProof) {
        const QString value = QStringLiteral("%1h").arg(QRandomGenerator::global()->bounded(2, 9));
        const QByteArray edited = *PostfixMainCf::parse(original)->withParameter(
            QStringLiteral("delay_warning_time"), value);
        ChangeSet cs =
            *ChangeSet::plan(QStringLiteral("kill test %1").arg(randomTag()),
                             {{mainCf(), ConfigFileKind::PostfixMain, original, edited, {}}},
                             labControl(), QDateTime::currentDateTimeUtc());
        PlannedCommand proof;
        proof.argv = {QStringLiteral("postconf"), QStringLiteral("-c"),
                      env("LAB_POSTFIX_CONFIG_DIR"), QStringLiteral("-h"),
                      QStringLiteral("delay_warning_time")};
        proof.expectStdout = failingProof ? QStringLiteral("never") : value;
        proof.purpose = QStringLiteral("delay_warning_time took effect");
        cs.addPostCheck(proof);
        return cs;
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

    void killAtEveryStep_data() {
        QTest::addColumn<int>("step");
        QTest::addColumn<bool>("failingProof");
        // The plan's steps (the proof is the last one), then a rollback step (the proof fails).
        // Two executables (each well under a minute): the steps up to the backup, then the rest.
        const int steps = int(plan("a = 1\n", false).steps().size());
        const int split = 6;
        for (int i = 0; i < steps; ++i) {
            if ((MAILDECK_KILL_PART == 1) == (i < split))
                QTest::addRow("step %d", i) << i << false;
        }
        if (MAILDECK_KILL_PART == 2)
            QTest::addRow("rollback install") << steps + 1 << true;
    }

    void killAtEveryStep() {
        QFETCH(int, step);
        QFETCH(bool, failingProof);
        LabConfigLock lock;
        QVERIFY2(lock.isLocked(), qPrintable(lock.error()));
        const QByteArray original = readLocal(mainCf());
        auto guard = qScopeGuard([&] {
            restore(mainCf(), original);
            removeBackups(mainCf());
        });
        const ChangeSet cs = plan(original, failingProof);
        applyKilledAt(cs, step, original);
    }

    void cleanupTestCase() { m_ssh.reset(); }
};

QTEST_GUILESS_MAIN(TestChangeSetKill)
#include "tst_changeset_kill.moc"
