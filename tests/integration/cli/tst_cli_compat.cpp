// maildeck-cli compat check | apply | rollback against the lab's real Postfix and iRedAPD: the
// web server case (a host elsewhere sending as the own domain, refused by SPF). The fix is
// applied with the messages in Japanese and rolled back with them in English — the rollback
// finds the change set by its untranslated origin, not by its (translated) title — and the
// files come back byte for byte.

#include "CliLab.h"
#include "integration/config/ChangeSetLab.h"

#include <QDirIterator>
#include <QScopeGuard>

class TestCliCompat : public CliLab {
    Q_OBJECT
    QString m_sender;    // a mailbox of the lab's first domain
    QString m_recipient; // another mailbox

    QStringList clientArgs() const {
        return {QStringLiteral("--client"),    QStringLiteral("web-server"),
                QStringLiteral("--ip"),        LabEnv::value("LAB_CLIENT_WEB"),
                QStringLiteral("--sender"),    m_sender,
                QStringLiteral("--recipient"), m_recipient};
    }
    Run compat(const QString &verb, const QStringList &extra = {}) {
        return cli(QStringList{QStringLiteral("--profile"), QStringLiteral("compat"),
                               QStringLiteral("compat"), verb} +
                   clientArgs() + extra);
    }
    // The change set records of the lab's history whose origin is `origin`, by id.
    static QHash<QString, QJsonObject> recordsWithOrigin(const QString &origin) {
        QHash<QString, QJsonObject> out;
        QDirIterator it(labcs::historyDir(), {QStringLiteral("*.json")}, QDir::Files);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            if (o.value(QStringLiteral("origin")).toString() == origin)
                out.insert(o.value(QStringLiteral("id")).toString(), o);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        setUp(QStringLiteral("tst_cli_compat"));
        const QJsonObject manifest = LabEnv::manifest();
        const QString firstDomain = manifest.value(QStringLiteral("domains"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("domain"))
                                        .toString();
        for (const QJsonValue &value : manifest.value(QStringLiteral("mailboxes")).toArray()) {
            const QJsonObject box = value.toObject();
            const bool usable = box.value(QStringLiteral("active")).toBool(true) &&
                                box.value(QStringLiteral("disabled_services")).toArray().isEmpty();
            if (!usable || box.value(QStringLiteral("domain")).toString() != firstDomain)
                continue;
            if (m_sender.isEmpty())
                m_sender = box.value(QStringLiteral("email")).toString();
            else if (m_recipient.isEmpty())
                m_recipient = box.value(QStringLiteral("email")).toString();
        }
        QVERIFY(!m_sender.isEmpty() && !m_recipient.isEmpty());
        // The profile the lab registers for the desktop: its paths and service commands.
        const maildeck::ServerPaths paths = labcs::labControl().paths();
        addProfile(QStringLiteral("compat"), knownHostsCopy(QStringLiteral("known_hosts_compat")),
                   {QStringLiteral("--mail-log"), LabEnv::value("LAB_MAILLOG"),
                    QStringLiteral("--postfix-config-dir"), paths.postfixConfigDir,
                    QStringLiteral("--dovecot-config"), paths.dovecotConfig,
                    QStringLiteral("--iredapd-settings"), paths.iredapdSettings,
                    QStringLiteral("--postfix-command"), paths.postfixCommand,
                    QStringLiteral("--dovecot-command"), paths.dovecotCommand,
                    QStringLiteral("--iredapd-restart-command"), paths.iredapdRestartCommand,
                    QStringLiteral("--iredapd-status-command"), paths.iredapdStatusCommand,
                    QStringLiteral("--change-history-dir"), paths.changeHistoryDir});
    }

    void applyInJapaneseRollBackInEnglish() {
        LabConfigLock lock;
        QVERIFY2(lock.isLocked(), qPrintable(lock.error()));

        // check: the web server is blocked; the SPF fix is offered with the files it changes.
        const Run check = compat(QStringLiteral("check"), {QStringLiteral("--json")});
        QVERIFY2(check.code == 0, qPrintable(check.describe()));
        const QJsonObject d = QJsonDocument::fromJson(check.out).object();
        QCOMPARE(d.value(QStringLiteral("passes")).toBool(), false);
        QVERIFY(!d.value(QStringLiteral("blockers")).toArray().isEmpty());
        int rank = 0;
        QStringList files;
        for (const QJsonValue &v : d.value(QStringLiteral("options")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("id")).toString() != QStringLiteral("web.spf"))
                continue;
            rank = o.value(QStringLiteral("rank")).toInt();
            for (const QJsonValue &f : o.value(QStringLiteral("files")).toArray())
                files.append(f.toString());
        }
        QVERIFY2(rank > 0, check.out.constData());
        QVERIFY(!files.isEmpty());

        QHash<QString, QByteArray> originals;
        for (const QString &path : files)
            originals.insert(path, labcs::readLocal(path));
        const auto guard = qScopeGuard([&originals] {
            for (auto it = originals.constBegin(); it != originals.constEnd(); ++it) {
                labcs::restore(it.key(), it.value());
                labcs::removeBackups(it.key());
            }
        });
        const QString origin =
            QStringLiteral("compat/web-server/%1").arg(LabEnv::value("LAB_CLIENT_WEB"));
        // Records of this origin that an earlier, interrupted run left would be "the last fix
        // still applied": this test's rollback must find its own.
        for (const QString &id : recordsWithOrigin(origin).keys()) {
            QFile::remove(labcs::historyDir() + QLatin1Char('/') + id + QStringLiteral(".json"));
            QFile::remove(labcs::historyDir() + QLatin1Char('/') + id + QStringLiteral(".journal"));
        }
        const QHash<QString, QJsonObject> before = recordsWithOrigin(origin);
        QVERIFY(before.isEmpty());

        // apply, in Japanese: the change set's title is Japanese, its origin is not.
        m_language = QStringLiteral("ja");
        const Run apply =
            compat(QStringLiteral("apply"), {QStringLiteral("--option"), QString::number(rank)});
        m_language = QStringLiteral("en");
        QVERIFY2(apply.code == 0, qPrintable(apply.describe()));
        for (const QString &path : files)
            QVERIFY2(labcs::readLocal(path) != originals.value(path), qPrintable(path));
        QHash<QString, QJsonObject> after = recordsWithOrigin(origin);
        for (const QString &id : before.keys())
            after.remove(id);
        QCOMPARE(after.size(), 1);
        const QJsonObject record = after.begin().value();
        QCOMPARE(record.value(QStringLiteral("state")).toString(), QStringLiteral("applied"));
        static const QRegularExpression kana(QStringLiteral("[\\x{3040}-\\x{30ff}]"));
        QVERIFY2(record.value(QStringLiteral("title")).toString().contains(kana),
                 qPrintable(record.value(QStringLiteral("title")).toString()));

        // rollback, in English: found by the origin, the files come back byte for byte.
        const Run rollback = compat(QStringLiteral("rollback"));
        QVERIFY2(rollback.code == 0, qPrintable(rollback.describe()));
        QVERIFY2(rollback.outText().contains(after.begin().key()), qPrintable(rollback.describe()));
        for (auto it = originals.constBegin(); it != originals.constEnd(); ++it)
            QCOMPARE(labcs::sha(labcs::readLocal(it.key())), labcs::sha(it.value()));
        QVERIFY(labcs::postfixRuns());
        QVERIFY(labcs::iredapdRuns());

        // The revert is recorded with its own origin, so nothing is left to roll back.
        const Run again = compat(QStringLiteral("rollback"));
        QVERIFY2(again.code != 0, qPrintable(again.describe()));
        QVERIFY2(again.errText().contains(QStringLiteral("No applied change set")),
                 qPrintable(again.describe()));
    }

    void cleanupTestCase() { closeDb(QStringLiteral("tst_cli_compat")); }
};

QTEST_GUILESS_MAIN(TestCliCompat)
#include "tst_cli_compat.moc"
