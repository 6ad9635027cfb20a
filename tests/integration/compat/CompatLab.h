#pragma once

// Shared by tst_compat_lab and tst_compat_lab_tls: the compatibility fixes end to end on the
// lab's real Postfix, Dovecot and iRedAPD stand-in. The server's configuration is read over SSH
// (ServerConfigReader), diagnosed for a client profile, the probe from that client's address
// fails, the chosen fix is applied with the ChangeSetRunner, the probe passes, the change is
// reverted from the history, every file is byte-identical again (sha256) and the probe fails
// again.

#include "common/LabConfigLock.h"
#include "common/LabEnv.h"
#include "core/compat/Diagnosis.h"
#include "core/compat/Probe.h"
#include "core/config/ServerConfigReader.h"
#include "integration/config/ChangeSetLab.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QTest>

using namespace maildeck;
using namespace maildeck::compat;
using namespace maildeck::config;
using namespace labcs;

class CompatLab {
public:
    QTemporaryDir m_tmp;
    std::unique_ptr<SshSession> m_ssh;
    QString m_user;
    QString m_password;
    QString m_localSender; // an existing mailbox of the first domain (example01.test)
    QList<QSslCertificate> m_ca;

    ServerProfile server() const {
        ServerProfile p;
        p.name = QStringLiteral("lab");
        p.host = QStringLiteral("127.0.0.1");
        p.flavour = ServerFlavour::Lab;
        p.paths = labControl().paths();
        p.paths.mailLog = env("LAB_MAILLOG");
        p.paths.dovecotLogDir = env("LAB_DOVECOT_LOG_DIR");
        return p;
    }

    std::optional<ServerConfigSnapshot> readSnapshot() {
        ServerConfigReader reader(m_ssh.get(), server().paths);
        int progress = 0;
        QObject::connect(&reader, &ServerConfigReader::progress, [&progress] { ++progress; });
        const auto r = awaitFuture(reader.read(), 60000);
        if (!r || !r->ok()) {
            qWarning("read failed: %s", r ? qPrintable(r->error().message) : "timeout");
            return std::nullopt;
        }
        if (progress == 0)
            qWarning("no progress reported");
        return r->value();
    }

    ProbeResult probe(ProbeSpec spec) const {
        if (!spec.user.isEmpty())
            spec.password = m_password;
        spec.caCertificates = m_ca;
        spec.peerName = env("LAB_HOSTNAME");
        spec.timeoutMs = 15000;
        return runProbeBlocking(spec);
    }

    static QString dump(const ProbeResult &r) {
        QStringList lines{r.failureCode + QStringLiteral(": ") + r.failure};
        for (const ProbeStep &s : r.steps)
            lines << QStringLiteral("[%1] %2 > %3 < %4")
                         .arg(s.ok ? QStringLiteral("ok") : QStringLiteral("FAIL"), s.title, s.sent,
                              s.reply);
        return lines.join(QLatin1Char('\n'));
    }

    // The probe, retried for a few seconds (a service re-reads its configuration after reload).
    ProbeResult probeExpecting(const ProbeSpec &spec, bool pass) const {
        ProbeResult r;
        for (int i = 0; i < 10; ++i) {
            r = probe(spec);
            if (r.passed == pass)
                return r;
            QTest::qWait(300);
        }
        return r;
    }

    std::optional<ChangeSet> apply(const ChangeSet &plan) {
        ChangeSetRunner runner(m_ssh.get(), labControl());
        const auto r = applyAndWait(runner, plan, 120000);
        if (!r || !r->ok()) {
            qWarning("apply: %s", r ? qPrintable(r->error().message) : "timeout");
            return std::nullopt;
        }
        return r->value();
    }

    // Fail before, apply option, pass, revert, byte-identical, fail again.
    void runCase(ClientKind kind, const ClientParams &params, const QString &optionId) {
        LabConfigLock lock;
        QVERIFY2(lock.isLocked(), qPrintable(lock.error()));
        QElapsedTimer timer;
        timer.start();
        const auto phase = [&timer](const char *what) {
            qInfo("%s after %lld ms", what, timer.elapsed());
        };
        const auto snapshot = readSnapshot();
        QVERIFY(snapshot);
        QVERIFY(snapshot->dovecot);
        QVERIFY(snapshot->mainCf);
        QVERIFY(snapshot->iredapd);
        phase("read");
        QVERIFY2(snapshot->dovecotVersion.atLeast(2, 3), qPrintable(snapshot->dovecotVersion.text));

        // The log proof from the server's logs over SSH (may be empty on a fresh lab).
        const auto logs = awaitFuture(
            fetchClientLogLines(m_ssh.get(), server().paths, params.clientIp, 200), 30000);
        QVERIFY(logs && logs->ok());
        phase("logs");
        for (const QString &l : logs->value())
            QVERIFY(l.contains(params.clientIp));

        const auto d =
            diagnose(*snapshot, ClientProfile::of(kind), params, logs->value(), server());
        QVERIFY2(d, d ? "" : qPrintable(d.error().message));
        QVERIFY(!d->passes);
        QVERIFY(!d->blockers.isEmpty());
        const FixOption *option = nullptr;
        for (const FixOption &o : d->options) {
            if (o.id == optionId)
                option = &o;
        }
        QVERIFY2(option, qPrintable(optionId));
        QVERIFY(option->changesServer());
        QVERIFY(!option->probes.isEmpty());

        // The files as they are now: the snapshot read them exactly.
        QHash<QString, QByteArray> originals;
        for (const ChangeSet::Input &in : option->edits) {
            const QByteArray live = readLocal(in.path);
            QCOMPARE(sha(live), sha(in.oldContent));
            originals.insert(in.path, live);
        }
        const auto guard = qScopeGuard([&originals] {
            for (auto it = originals.constBegin(); it != originals.constEnd(); ++it) {
                restore(it.key(), it.value());
                removeBackups(it.key());
            }
        });

        phase("diagnosed");
        const ProbeSpec spec = option->probes.first();
        const ProbeResult before = probe(spec);
        phase("probed before");
        QVERIFY2(!before.passed, qPrintable(dump(before)));

        auto plan = ChangeSet::plan(option->changeTitle, option->edits, labControl(),
                                    QDateTime::currentDateTimeUtc());
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
        plan.value().setOrigin(option->changeOrigin);
        for (const PlannedCommand &check : option->postChecks)
            plan.value().addPostCheck(check);
        const auto applied = apply(*plan);
        QVERIFY(applied);
        QVERIFY2(applied->state() == ChangeSet::State::Applied, qPrintable(applied->note()));
        for (const ChangeSet::Input &in : option->edits)
            QCOMPARE(sha(readLocal(in.path)), sha(in.newContent));

        phase("applied");
        const ProbeResult after = probeExpecting(spec, true);
        phase("probed after");
        QVERIFY2(after.passed, qPrintable(dump(after)));

        // Revert from the history: the files come back byte for byte.
        ChangeHistory history(m_ssh.get(), labControl());
        const auto revert = awaitFuture(history.planRevert(applied->id()), 30000);
        QVERIFY(revert && revert->ok());
        const auto reverted = apply(revert->value());
        QVERIFY(reverted);
        QVERIFY2(reverted->state() == ChangeSet::State::Applied, qPrintable(reverted->note()));
        for (auto it = originals.constBegin(); it != originals.constEnd(); ++it)
            QCOMPARE(sha(readLocal(it.key())), sha(it.value()));

        phase("reverted");
        const ProbeResult again = probeExpecting(spec, false);
        phase("probed again");
        QVERIFY2(!again.passed, qPrintable(dump(again)));
        QVERIFY(postfixRuns());
        QVERIFY(dovecotRuns());
        QVERIFY(iredapdRuns());
    }

    void init() {
        LAB_REQUIRE();
        const QJsonObject manifest = LabEnv::manifest();
        QVERIFY2(!manifest.isEmpty(), "the seed manifest is not readable");
        m_user = manifest.value(QStringLiteral("examples"))
                     .toObject()
                     .value(QStringLiteral("ssha512_user"))
                     .toString();
        const QString firstDomain = manifest.value(QStringLiteral("domains"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("domain"))
                                        .toString();
        for (const QJsonValue &value : manifest.value(QStringLiteral("mailboxes")).toArray()) {
            const QJsonObject box = value.toObject();
            const QString email = box.value(QStringLiteral("email")).toString();
            const bool usable = box.value(QStringLiteral("active")).toBool(true) &&
                                box.value(QStringLiteral("disabled_services")).toArray().isEmpty();
            if (email == m_user)
                m_password = box.value(QStringLiteral("password")).toString();
            if (m_localSender.isEmpty() && usable &&
                box.value(QStringLiteral("domain")).toString() == firstDomain)
                m_localSender = email;
        }
        QVERIFY(!m_user.isEmpty());
        QVERIFY(!m_password.isEmpty());
        QVERIFY(!m_localSender.isEmpty());
        m_ca = QSslCertificate::fromPath(env("LAB_TLS_CERT"));
        QVERIFY(!m_ca.isEmpty());
        QVERIFY(m_tmp.isValid());
        QDir().mkpath(m_tmp.path() + QStringLiteral("/dotssh"));
        m_ssh = std::make_unique<SshSession>(rootConfig(m_tmp.path() + QStringLiteral("/dotssh")));
        const auto st = awaitFuture(m_ssh->connectToHost());
        QVERIFY(st && st->ok());
    }
};
