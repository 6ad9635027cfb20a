// MailingLists against the lab: list directories made and removed over SSH as root, the SQL
// rows beside them, settings written to control files and read back with cat, subscribers
// through mlmmj's own tools, a 10 000-address bulk import, failure injection, delivery.
// Everything it makes lives in example01.test under names starting with "mdtest-" and is
// removed again; the seeded list announce@example01.test is only read.

#include "../ssh/TestPrompter.h"
#include "common/LabEnv.h"
#include "core/db/DbWorker.h"
#include "core/db/MailingListRepository.h"
#include "core/lists/MailingLists.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace maildeck;
using namespace maildeck::lists;

class TestMailingLists : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_knownHosts;
    TestPrompter m_prompter;
    ServerConnection *m_conn = nullptr;
    MailingLists *m_lists = nullptr;
    QString m_domain = QStringLiteral("example01.test");
    QString m_tag = QString::number(QRandomGenerator::global()->generate() % 100000);
    QStringList m_made; // list addresses to clean up

    QString address(const QString &name) {
        const QString a = QStringLiteral("mdtest-%1-%2@%3").arg(name, m_tag, m_domain);
        m_made << a;
        return a;
    }
    QString dirOf(const QString &a) const { return m_lists->paths().listDir(a); }

    // A shell command on the lab as root; its stdout.
    QByteArray sh(const QString &cmd, int *status = nullptr) {
        ExecOptions o;
        o.privileged = true;
        auto r = awaitFuture(m_conn->ssh()->runCommand(cmd, o), 120000);
        if (!r || !r->ok()) {
            if (status)
                *status = -1;
            return {};
        }
        if (status)
            *status = r->value().exitStatus;
        return r->value().stdOut;
    }
    QByteArray cat(const QString &a, const QString &file) {
        return sh(QStringLiteral("cat ") + Sudo::shellQuote(dirOf(a) + QLatin1Char('/') + file));
    }
    bool exists(const QString &path) {
        int st = 0;
        sh(QStringLiteral("test -e ") + Sudo::shellQuote(path), &st);
        return st == 0;
    }
    std::optional<db::MailingListRow> row(const QString &a) {
        auto r = awaitFuture(m_conn->db()->run(
            [a](QSqlDatabase &db) { return db::MailingListRepository::get(db, a); }));
        if (!r || !r->ok())
            return std::nullopt;
        return r->value();
    }
    int count(const QString &sql, const QString &bind) {
        auto r = awaitFuture(m_conn->db()->run([sql, bind](QSqlDatabase &db) -> Result<int> {
            QSqlQuery q(db);
            q.prepare(sql);
            q.addBindValue(bind);
            if (!q.exec() || !q.next())
                return Error{QStringLiteral("test"), QStringLiteral("query failed"), {}};
            return q.value(0).toInt();
        }));
        return r && r->ok() ? r->value() : -1;
    }
    int rowsOf(const QString &a) {
        int n = 0;
        for (const char *table : {"maillists", "forwardings", "maillist_owners", "moderators"})
            n += count(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE address = ?")
                           .arg(QLatin1String(table)),
                       a);
        return n;
    }
    Status create(const QString &a, const std::function<void(ListSettings &)> &edit = {}) {
        ListSettings s = ListSettings::defaultsFor(a, 10028);
        s.name = QStringLiteral("MailDeck test list");
        if (edit)
            edit(s);
        auto st = awaitFuture(m_lists->create(s));
        return st ? *st : Status(Error{QStringLiteral("test.timeout"), {}, {}});
    }
    ListState read(const QString &a) {
        auto r = awaitFuture(m_lists->read(a));
        if (!r || !r->ok())
            qWarning() << "read failed" << (r ? why(*r) : QByteArray("timeout"));
        return r && r->ok() ? r->value() : ListState{};
    }
    QStringList lines(const QByteArray &out) {
        QStringList l = QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        l.sort();
        return l;
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        m_knownHosts = m_tmp.path() + QStringLiteral("/known_hosts");
        QVERIFY(QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), m_knownHosts));
        ServerProfile p;
        p.name = QStringLiteral("lab-lists-%1").arg(m_tag);
        p.host = QStringLiteral("127.0.0.1");
        p.port = LabEnv::port("LAB_SSH_PORT");
        p.user = QStringLiteral("root");
        p.identityFile = LabEnv::value("LAB_ROOT_KEY");
        p.knownHostsFile = m_knownHosts;
        p.dbRoute = DbRoute::Tunnel;
        p.dbPort = LabEnv::port("LAB_DB_PORT");
        p.dbName = LabEnv::value("LAB_DB_NAME");
        p.dbUser = LabEnv::value("LAB_DB_ADMIN_USER");
        p.dbCredentials = DbCredentialSource::ServerFile;
        p.dbCredentialsFile = LabEnv::value("LAB_DB_ADMIN_CNF");
        p.paths.mlmmjSpool = LabEnv::value("LAB_MLMMJ_SPOOL");
        SshConfig c = SshConfig::fromProfile(p);
        c.sshConfigFile = QStringLiteral("none");
        c.sshDir = m_tmp.path() + QStringLiteral("/dotssh");
        c.useAgent = false;
        m_conn = new ServerConnection(p, c, &m_prompter, this);
        auto st = awaitFuture(m_conn->connectToServer());
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        m_lists = new MailingLists(m_conn, this);
        QCOMPARE(m_lists->paths().spool, LabEnv::value("LAB_MLMMJ_SPOOL"));
    }

    void cleanupTestCase() {
        if (!m_conn || !m_lists)
            return;
        for (const QString &a : std::as_const(m_made)) {
            sh(QStringLiteral("rm -rf ") + Sudo::shellQuote(dirOf(a)));
            awaitFuture(m_conn->db()->run(
                [a](QSqlDatabase &db) { return db::MailingListRepository::removeRows(db, a); }));
        }
        sh(QStringLiteral("rm -rf ") +
           Sudo::shellQuote(m_lists->paths().archiveDir() + QLatin1Char('/') + m_domain) +
           QStringLiteral("/mdtest-*-") + m_tag + QStringLiteral("-*"));
        // The archive's domain folder, if the archive test made it (rmdir: only when empty).
        sh(QStringLiteral("rmdir ") +
           Sudo::shellQuote(m_lists->paths().archiveDir() + QLatin1Char('/') + m_domain) +
           QStringLiteral(" 2>/dev/null"));
    }

    // The seeded list, read only: what MailDeck shows is what is on disk and in SQL.
    void readSeededList() {
        const QJsonObject ml =
            LabEnv::manifest().value(QStringLiteral("maillists")).toArray().first().toObject();
        const QString a = ml.value(QStringLiteral("address")).toString();
        ListState s = read(a);
        QCOMPARE(s.address, a);
        QCOMPARE(s.settings.listAddress, a);
        QCOMPARE(s.settings.name, ml.value(QStringLiteral("name")).toString());
        QCOMPARE(int(s.settings.posting), int(ListSettings::Posting::SubscribersOnly));
        QVERIFY(s.row);
        QCOMPARE(s.row->mlid, ml.value(QStringLiteral("mlid")).toString());
        auto subs = awaitFuture(m_lists->subscribers(a));
        QVERIFY(subs && subs->ok());
        QStringList expected;
        for (const QJsonValue &v : ml.value(QStringLiteral("subscribers")).toArray())
            expected << v.toString();
        expected.sort();
        QStringList got = subs->value().normal;
        got.sort();
        QCOMPARE(got, expected);
    }

    void createReadAndRows() {
        const QString a = address(QStringLiteral("basic"));
        Status st = create(a);
        QVERIFY2(st.ok(), why(st).constData());
        const QString dir = dirOf(a);
        // The tree mlmmjadmin makes, owned like the spool (mlmmj), 0700.
        QCOMPARE(sh(QStringLiteral("stat -c '%U %a' ") + Sudo::shellQuote(dir)).trimmed(),
                 QByteArray("mlmmj 700"));
        for (const char *sub : {"archive", "control", "subscribers.d", "digesters.d",
                                "nomailsubs.d", "queue/discarded", "text", "moderation"})
            QVERIFY2(exists(dir + QLatin1Char('/') + QLatin1String(sub)), sub);
        QVERIFY(exists(dir + QStringLiteral("/index")));
        QVERIFY(exists(dir + QStringLiteral("/text/finish")));
        QCOMPARE(sh(QStringLiteral("find ") + Sudo::shellQuote(dir) +
                    QStringLiteral(" ! -user mlmmj | wc -l"))
                     .trimmed(),
                 QByteArray("0"));
        QCOMPARE(cat(a, QStringLiteral("control/listaddress")), (a + QLatin1Char('\n')).toUtf8());
        QCOMPARE(cat(a, QStringLiteral("control/owner")),
                 QByteArray("postmaster@example01.test\n"));
        QCOMPARE(cat(a, QStringLiteral("control/smtpport")), QByteArray("10028"));
        QVERIFY(exists(dir + QStringLiteral("/control/subonlypost")));
        QVERIFY(!exists(dir + QStringLiteral("/control/modonlypost")));
        QVERIFY(!exists(dir + QStringLiteral("/.maildeck-new-")));
        QCOMPARE(sh(QStringLiteral("ls -a ") +
                    Sudo::shellQuote(m_lists->paths().spool + QLatin1Char('/') + m_domain) +
                    QStringLiteral(" | grep -c maildeck"))
                     .trimmed(),
                 QByteArray("0"));
        // The rows as bk_iredmail_sql writes them.
        auto r = row(a);
        QVERIFY(r);
        QCOMPARE(r->transport,
                 QStringLiteral("mlmmj:%1/%2").arg(m_domain, a.section(QLatin1Char('@'), 0, 0)));
        QCOMPARE(r->accessPolicy, QStringLiteral("membersonly"));
        QVERIFY(r->hasForwardingRow);
        QCOMPARE(r->owners, QStringList{QStringLiteral("postmaster@example01.test")});
        QCOMPARE(r->name, QStringLiteral("MailDeck test list"));
        // mlmmj itself sees it.
        QCOMPARE(sh(QStringLiteral("/usr/bin/mlmmj-list -L ") + Sudo::shellQuote(dir) +
                    QStringLiteral(" -o"))
                     .trimmed(),
                 QByteArray("postmaster@example01.test"));
        // Created twice: refused, nothing changed.
        st = create(a);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("list.exists"));
        ListState state = read(a);
        QVERIFY(state.row);
        ListSettings expected = ListSettings::defaultsFor(a, 10028);
        expected.name = QStringLiteral("MailDeck test list");
        QVERIFY(state.settings == expected);
    }

    void settingsRoundTrip() {
        const QString a = address(QStringLiteral("settings"));
        QVERIFY(create(a).ok());
        ListState base = read(a);
        ListSettings s = base.settings;
        s.posting = ListSettings::Posting::ModeratorsOnly;
        s.moderated = true;
        s.moderators = {QStringLiteral("postmaster@example01.test"),
                        QStringLiteral("chris.walker@example01.test")};
        s.subjectPrefix = QStringLiteral("[md test]");
        s.maxMailSize = 2097152;
        s.noArchive = true;
        s.closedListSub = true;
        s.footerText = QStringLiteral("-- \nMailDeck test\nline 3");
        s.footerHtml = QStringLiteral("<p>MailDeck test</p>");
        s.customHeaders << QStringLiteral("X-MailDeck: yes");
        s.removeHeaders = {QStringLiteral("DKIM-Signature")};
        s.name = QStringLiteral("Renamed list");
        auto st = awaitFuture(m_lists->update(base, s));
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        // Read back with cat.
        QCOMPARE(cat(a, QStringLiteral("control/prefix")), QByteArray("[md test]"));
        QCOMPARE(cat(a, QStringLiteral("control/maxmailsize")), QByteArray("2097152"));
        QCOMPARE(cat(a, QStringLiteral("control/moderators")),
                 QByteArray("postmaster@example01.test\nchris.walker@example01.test\n"));
        QCOMPARE(cat(a, QStringLiteral("control/footer_text")),
                 QByteArray("-- \nMailDeck test\nline 3"));
        QCOMPARE(cat(a, QStringLiteral("control/delheaders")), QByteArray("DKIM-Signature:\n"));
        QCOMPARE(cat(a, QStringLiteral("control/name")), QByteArray("Renamed list"));
        QVERIFY(cat(a, QStringLiteral("control/customheaders")).endsWith("X-MailDeck: yes\n"));
        QVERIFY(exists(dirOf(a) + QStringLiteral("/control/modonlypost")));
        QVERIFY(!exists(dirOf(a) + QStringLiteral("/control/subonlypost")));
        QVERIFY(exists(dirOf(a) + QStringLiteral("/control/noarchive")));
        QVERIFY(exists(dirOf(a) + QStringLiteral("/control/closedlistsub")));
        QCOMPARE(sh(QStringLiteral("stat -c %U ") +
                    Sudo::shellQuote(dirOf(a) + QStringLiteral("/control/prefix")))
                     .trimmed(),
                 QByteArray("mlmmj"));
        QCOMPARE(sh(QStringLiteral("ls -a ") + Sudo::shellQuote(dirOf(a)) +
                    QStringLiteral(" | grep -c maildeck"))
                     .trimmed(),
                 QByteArray("0")); // backups gone after success
        // The rows follow.
        auto r = row(a);
        QVERIFY(r);
        QCOMPARE(r->accessPolicy, QStringLiteral("moderatorsonly"));
        QCOMPARE(r->maxMessageSize, qint64(2097152));
        QCOMPARE(r->name, QStringLiteral("Renamed list"));
        QCOMPARE(r->moderators, (QStringList{QStringLiteral("chris.walker@example01.test"),
                                             QStringLiteral("postmaster@example01.test")}));
        // And read() gives the same settings back.
        ListState again = read(a);
        auto normalised = ListSettings::normalised(s);
        QVERIFY(normalised.ok());
        QVERIFY(again.settings == normalised.value());
        // Nothing to change: no write at all.
        const QByteArray before =
            sh(QStringLiteral("stat -c %Y.%i ") +
               Sudo::shellQuote(dirOf(a) + QStringLiteral("/control/prefix")));
        st = awaitFuture(m_lists->update(again, again.settings));
        QVERIFY(st && st->ok());
        QCOMPARE(sh(QStringLiteral("stat -c %Y.%i ") +
                    Sudo::shellQuote(dirOf(a) + QStringLiteral("/control/prefix"))),
                 before);
    }

    void concurrentEditDetected() {
        const QString a = address(QStringLiteral("conflict"));
        QVERIFY(create(a).ok());
        ListState base = read(a);
        // Another console changes the prefix meanwhile.
        sh(QStringLiteral("printf '[other]' > ") +
           Sudo::shellQuote(dirOf(a) + QStringLiteral("/control/prefix")));
        ListSettings s = base.settings;
        s.subjectPrefix = QStringLiteral("[mine]");
        s.noArchive = true;
        auto st = awaitFuture(m_lists->update(base, s));
        QVERIFY(st && !st->ok());
        QCOMPARE(st->error().code, QStringLiteral("list.conflict"));
        QCOMPARE(cat(a, QStringLiteral("control/prefix")), QByteArray("[other]"));
        QVERIFY(!exists(dirOf(a) + QStringLiteral("/control/noarchive")));
    }

    // The description lives in maillists.description only; an edit from a stale read is refused
    // (db.conflict) and leaves the row as the other console wrote it.
    void descriptionEditedWithConflictCheck() {
        const QString a = address(QStringLiteral("descr"));
        QVERIFY(create(a).ok());
        const ListState base = read(a);
        QVERIFY(base.row);
        const QByteArray filesBefore =
            sh(QStringLiteral("stat -c %Y.%i ") +
               Sudo::shellQuote(dirOf(a) + QStringLiteral("/control/")) + QStringLiteral("*"));
        const QString first = QStringLiteral("Für das Team – %1").arg(m_tag);
        auto st = awaitFuture(m_lists->update(base, base.settings, first));
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        QCOMPARE(row(a)->description, first);
        QCOMPARE(sh(QStringLiteral("stat -c %Y.%i ") +
                    Sudo::shellQuote(dirOf(a) + QStringLiteral("/control/")) + QStringLiteral("*")),
                 filesBefore); // no control file touched
        // `base` is stale now: a second console's edit from it is refused.
        st = awaitFuture(m_lists->update(base, base.settings, QStringLiteral("stale")));
        QVERIFY(st && !st->ok());
        QCOMPARE(st->error().code, QStringLiteral("db.conflict"));
        QCOMPARE(row(a)->description, first);
        // nullopt keeps the description while other settings change.
        ListState now = read(a);
        ListSettings s = now.settings;
        s.subjectPrefix = QStringLiteral("[descr]");
        st = awaitFuture(m_lists->update(now, s));
        QVERIFY(st && st->ok());
        QCOMPARE(row(a)->description, first);
    }

    // All lists of the domain counted in one command, as mlmmj-list -c counts them.
    void subscriberCountsOfDomain() {
        const QString a = address(QStringLiteral("count"));
        QVERIFY(create(a).ok());
        auto st = awaitFuture(m_lists->subscribe(a, {QStringLiteral("c1@example.org"),
                                                     QStringLiteral("c2@example.org"),
                                                     QStringLiteral("c3@example.net")}));
        QVERIFY(st && st->ok());
        st = awaitFuture(
            m_lists->subscribe(a, {QStringLiteral("d1@example.org")}, SubscriberKind::Digest));
        QVERIFY(st && st->ok());
        auto counts = awaitFuture(m_lists->subscriberCounts(m_domain));
        QVERIFY(counts);
        QVERIFY2(counts->ok(), why(*counts).constData());
        QVERIFY(counts->value().contains(a));
        const auto mine = counts->value().value(a);
        QCOMPARE(mine.normal, qint64(3));
        QCOMPARE(mine.digest, qint64(1));
        QCOMPARE(mine.nomail, qint64(0));
        // Every list directory of the domain is there, with mlmmj's own count.
        const QString seeded = QStringLiteral("announce@") + m_domain;
        QVERIFY(counts->value().contains(seeded));
        const QByteArray listed =
            sh(QStringLiteral("/usr/bin/mlmmj-list -s -c -L ") + Sudo::shellQuote(dirOf(seeded)));
        QCOMPARE(counts->value().value(seeded).normal, listed.trimmed().toLongLong());
        // A domain without list directories: no lists, no error.
        counts = awaitFuture(m_lists->subscriberCounts(QStringLiteral("no-lists.invalid")));
        QVERIFY(counts && counts->ok());
        QVERIFY(counts->value().isEmpty());
    }

    // A write that fails midway (control/smtphelo is a directory, so the rename onto it fails
    // after maxmailsize and prefix were replaced) leaves the previous files.
    void failedWriteRollsBack() {
        const QString a = address(QStringLiteral("midway"));
        QVERIFY(create(a).ok());
        ListState base = read(a);
        const QByteArray ownerBefore = cat(a, QStringLiteral("control/owner"));
        sh(QStringLiteral("printf '[before]' > %1/control/prefix; mkdir %1/control/smtphelo")
               .arg(Sudo::shellQuote(dirOf(a))));
        base = read(a);
        ListSettings s = base.settings;
        s.subjectPrefix = QStringLiteral("[after]");
        s.maxMailSize = 1000;
        s.smtpHelo = QStringLiteral("lists.example01.test");
        auto st = awaitFuture(m_lists->update(base, s));
        QVERIFY(st && !st->ok());
        QCOMPARE(st->error().code, QStringLiteral("list.remote"));
        QVERIFY(st->error().detail.contains(QStringLiteral("smtphelo")));
        QCOMPARE(cat(a, QStringLiteral("control/prefix")), QByteArray("[before]"));
        QVERIFY(!exists(dirOf(a) + QStringLiteral("/control/maxmailsize")));
        QCOMPARE(cat(a, QStringLiteral("control/owner")), ownerBefore);
        QCOMPARE(row(a)->maxMessageSize, qint64(0)); // SQL untouched
        QCOMPARE(sh(QStringLiteral("ls -a ") + Sudo::shellQuote(dirOf(a)) +
                    QStringLiteral(" | grep -c maildeck"))
                     .trimmed(),
                 QByteArray("0"));
        sh(QStringLiteral("rmdir %1/control/smtphelo").arg(Sudo::shellQuote(dirOf(a))));
    }

    // The files were written, then the SQL side refused (an owner in the list's own domain
    // that does not exist): the files go back.
    void failedRowsRestoreFiles() {
        const QString a = address(QStringLiteral("dbfail"));
        QVERIFY(create(a).ok());
        ListState base = read(a);
        ListSettings s = base.settings;
        s.owners = {QStringLiteral("nobody-%1@example01.test").arg(m_tag)};
        s.subjectPrefix = QStringLiteral("[x]");
        auto st = awaitFuture(m_lists->update(base, s));
        QVERIFY(st && !st->ok());
        QCOMPARE(st->error().code, QStringLiteral("address.unknown"));
        QCOMPARE(cat(a, QStringLiteral("control/owner")),
                 QByteArray("postmaster@example01.test\n"));
        QVERIFY(!exists(dirOf(a) + QStringLiteral("/control/prefix")));
        QCOMPARE(row(a)->owners, QStringList{QStringLiteral("postmaster@example01.test")});
        QCOMPARE(sh(QStringLiteral("ls -a ") + Sudo::shellQuote(dirOf(a)) +
                    QStringLiteral(" | grep -c maildeck"))
                     .trimmed(),
                 QByteArray("0"));
    }

    // The directory was made, then the rows were refused: the directory goes again.
    void failedCreateRemovesDirectory() {
        const QString a = address(QStringLiteral("createfail"));
        Status st = create(a, [this](ListSettings &s) {
            s.owners = {QStringLiteral("nobody-%1@example01.test").arg(m_tag)};
        });
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("address.unknown"));
        QVERIFY(!exists(dirOf(a)));
        QCOMPARE(rowsOf(a), 0);
    }

    void ownersAndModerators() {
        const QString a = address(QStringLiteral("people"));
        QVERIFY(create(a).ok());
        auto st = awaitFuture(m_lists->setOwners(
            a, {QStringLiteral("postmaster@example01.test"), QStringLiteral("Boss@Example.ORG")}));
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        QCOMPARE(cat(a, QStringLiteral("control/owner")),
                 QByteArray("postmaster@example01.test\nboss@example.org\n"));
        QCOMPARE(sh(QStringLiteral("/usr/bin/mlmmj-list -o -L ") + Sudo::shellQuote(dirOf(a))),
                 QByteArray("postmaster@example01.test\nboss@example.org\n"));
        st = awaitFuture(m_lists->setModerators(a, {QStringLiteral("d.garcia@example01.test")}));
        QVERIFY(st && st->ok());
        QCOMPARE(cat(a, QStringLiteral("control/moderators")),
                 QByteArray("d.garcia@example01.test\n"));
        auto r = row(a);
        QVERIFY(r);
        QCOMPARE(r->owners, (QStringList{QStringLiteral("boss@example.org"),
                                         QStringLiteral("postmaster@example01.test")}));
        QCOMPARE(r->moderators, QStringList{QStringLiteral("d.garcia@example01.test")});
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM maillist_owners WHERE address = ? "
                                      "AND dest_domain = 'example.org'"),
                       a),
                 1);
        // An owner list without anyone is refused before anything is written.
        st = awaitFuture(m_lists->setOwners(a, {}));
        QVERIFY(st && !st->ok());
        QCOMPARE(st->error().code, QStringLiteral("list.owner.empty"));
    }

    void subscribeAndUnsubscribe() {
        const QString a = address(QStringLiteral("subs"));
        QVERIFY(create(a).ok());
        auto st = awaitFuture(m_lists->subscribe(a, {QStringLiteral("Chris.Walker@example01.test"),
                                                     QStringLiteral("f.clarke@example01.test"),
                                                     QStringLiteral("someone@example.org"),
                                                     QStringLiteral("someone@example.org")}));
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        st = awaitFuture(
            m_lists->subscribe(a, {QStringLiteral("digest@example.org")}, SubscriberKind::Digest));
        QVERIFY(st && st->ok());
        auto subs = awaitFuture(m_lists->subscribers(a));
        QVERIFY(subs && subs->ok());
        QStringList normal = subs->value().normal;
        normal.sort();
        QCOMPARE(normal, (QStringList{QStringLiteral("chris.walker@example01.test"),
                                      QStringLiteral("f.clarke@example01.test"),
                                      QStringLiteral("someone@example.org")}));
        QCOMPARE(subs->value().digest, QStringList{QStringLiteral("digest@example.org")});
        // mlmmj's files: one per first letter.
        QCOMPARE(cat(a, QStringLiteral("subscribers.d/s")), QByteArray("someone@example.org\n"));
        // mlmmj-list shows exactly what MailDeck shows.
        QCOMPARE(lines(sh(QStringLiteral("/usr/bin/mlmmj-list -L ") + Sudo::shellQuote(dirOf(a)))),
                 normal);
        st = awaitFuture(m_lists->unsubscribe(
            a, {QStringLiteral("f.clarke@example01.test"), QStringLiteral("digest@example.org")}));
        QVERIFY(st && st->ok());
        subs = awaitFuture(m_lists->subscribers(a));
        QCOMPARE(subs->value().total(), 2);
        // A bad address: nothing is sent, nothing changes.
        st = awaitFuture(m_lists->subscribe(
            a, {QStringLiteral("ok@example.org"), QStringLiteral("bad address@example.org")}));
        QVERIFY(st && !st->ok());
        QCOMPARE(st->error().code, QStringLiteral("list.subscriber"));
        QVERIFY(st->error().message.contains(QStringLiteral("Line 2")));
        subs = awaitFuture(m_lists->subscribers(a));
        QCOMPARE(subs->value().total(), 2);
    }

    void bulkImportAndExport() {
        const QString a = address(QStringLiteral("bulk"));
        QVERIFY(create(a).ok());
        QStringList members;
        for (int i = 0; i < 10000; ++i)
            members << QStringLiteral("%1user%2@bulk%3.example.org")
                           .arg(QChar(u'a' + i % 26))
                           .arg(i)
                           .arg(i % 7);
        QElapsedTimer timer;
        timer.start();
        auto r = awaitFuture(m_lists->importSubscribers(a, members), 300000);
        const qint64 importMs = timer.elapsed();
        QVERIFY(r);
        QVERIFY2(r->ok(), why(*r).constData());
        QCOMPARE(r->value().changed, qint64(10000));
        QCOMPARE(
            sh(QStringLiteral("/usr/bin/mlmmj-list -c -L ") + Sudo::shellQuote(dirOf(a))).trimmed(),
            QByteArray("10000"));
        QCOMPARE(sh(QStringLiteral("ls ") +
                    Sudo::shellQuote(dirOf(a) + QStringLiteral("/subscribers.d")) +
                    QStringLiteral(" | wc -l"))
                     .trimmed(),
                 QByteArray("26"));
        timer.restart();
        auto exported = awaitFuture(m_lists->exportSubscribers(a), 300000);
        const qint64 exportMs = timer.elapsed();
        QVERIFY(exported && exported->ok());
        QStringList got = exported->value();
        got.sort();
        QStringList want = members;
        want.sort();
        QCOMPARE(got, want);
        // Again, with 100 new ones: only those are added.
        for (int i = 0; i < 100; ++i)
            members << QStringLiteral("new%1@example.org").arg(i);
        timer.restart();
        r = awaitFuture(m_lists->importSubscribers(a, members), 300000);
        const qint64 reimportMs = timer.elapsed();
        QVERIFY(r && r->ok());
        QCOMPARE(r->value().changed, qint64(100));
        QCOMPARE(r->value().unchanged, qint64(10000));
        // Remove half.
        timer.restart();
        r = awaitFuture(m_lists->removeSubscribers(a, members.mid(0, 5000)), 300000);
        const qint64 removeMs = timer.elapsed();
        QVERIFY(r && r->ok());
        QCOMPARE(r->value().changed, qint64(5000));
        QCOMPARE(
            sh(QStringLiteral("/usr/bin/mlmmj-list -c -L ") + Sudo::shellQuote(dirOf(a))).trimmed(),
            QByteArray("5100"));
        // The same 100 through mlmmj-sub, one process per address (for the ratio).
        QStringList few;
        for (int i = 0; i < 100; ++i)
            few << QStringLiteral("tool%1@example.org").arg(i);
        timer.restart();
        auto st = awaitFuture(m_lists->subscribe(a, few), 300000);
        const qint64 toolMs = timer.elapsed();
        QVERIFY(st && st->ok());
        qInfo().noquote() << QStringLiteral(
                                 "bulk: import 10000 in %1 ms, export 10000 in %2 ms, re-import "
                                 "10100 (100 new) in %3 ms, remove 5000 in %4 ms; mlmmj-sub x100 "
                                 "in %5 ms (~%6 ms for 10000)")
                                 .arg(importMs)
                                 .arg(exportMs)
                                 .arg(reimportMs)
                                 .arg(removeMs)
                                 .arg(toolMs)
                                 .arg(toolMs * 100);
        // A bad address among 10 000: nothing is sent.
        QStringList bad = members;
        bad.insert(5000, QStringLiteral("x@@example.org"));
        r = awaitFuture(m_lists->importSubscribers(a, bad), 300000);
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().code, QStringLiteral("list.subscriber"));
        QVERIFY(r->error().message.contains(QStringLiteral("5001")));
        QCOMPARE(
            sh(QStringLiteral("/usr/bin/mlmmj-list -c -L ") + Sudo::shellQuote(dirOf(a))).trimmed(),
            QByteArray("5200"));
    }

    // Subscriptions by mail (mlmmj-sub) that arrive while bulk imports replace the same letter
    // files are kept: the import holds mlmmj's own locks while it reads and replaces them.
    void bulkImportKeepsConcurrentMlmmjSub() {
        const QString a = address(QStringLiteral("locks"));
        QVERIFY(create(a).ok());
        ExecOptions o;
        o.privileged = true;
        const int bySub = 300;
        auto loop = m_conn->ssh()->runCommand(
            QStringLiteral("d=%1; i=0; while [ $i -lt %2 ]; do i=$((i+1)); "
                           "c=$(printf abcdefgh | cut -c $((i % 8 + 1))); "
                           "/usr/bin/mlmmj-sub -L \"$d\" -a \"${c}mail$i@example.net\" -f -q -s "
                           "|| exit 1; done")
                .arg(Sudo::shellQuote(dirOf(a)))
                .arg(bySub),
            o);
        QStringList expected;
        for (int i = 1; i <= bySub; ++i)
            expected << QStringLiteral("%1mail%2@example.net")
                            .arg(QLatin1Char("abcdefgh"[i % 8]))
                            .arg(i);
        int rounds = 0;
        // Import batches until the mlmmj-sub loop has finished, so the two surely overlap.
        while (!loop.isFinished() || rounds < 2) {
            QVERIFY2(rounds < 60, "the mlmmj-sub loop did not finish");
            QStringList batch;
            for (int i = 0; i < 1000; ++i)
                batch << QStringLiteral("%1bulk%2-%3@example.org")
                             .arg(QChar(u'a' + i % 8))
                             .arg(rounds)
                             .arg(i);
            auto r = awaitFuture(m_lists->importSubscribers(a, batch), 120000);
            QVERIFY(r);
            QVERIFY2(r->ok(), why(*r).constData());
            expected += batch;
            ++rounds;
        }
        auto done = awaitFuture(loop, 120000);
        QVERIFY(done && done->ok());
        QVERIFY2(done->value().exitStatus == 0, done->value().stdErr.constData());
        expected.sort();
        QCOMPARE(lines(sh(QStringLiteral("/usr/bin/mlmmj-list -L ") + Sudo::shellQuote(dirOf(a)))),
                 expected);
        // No lock file is left behind.
        QCOMPARE(sh(QStringLiteral("ls -A ") +
                    Sudo::shellQuote(dirOf(a) + QStringLiteral("/subscribers.d")) +
                    QStringLiteral(" | grep -c lock"))
                     .trimmed(),
                 QByteArray("0"));
    }

    // A bulk import that fails while renaming letter files (subscribers.d/z is a directory)
    // restores the files it had already replaced.
    void bulkFailureRestores() {
        const QString a = address(QStringLiteral("bulkfail"));
        QVERIFY(create(a).ok());
        QVERIFY(awaitFuture(m_lists->importSubscribers(a, {QStringLiteral("alpha@example.org"),
                                                           QStringLiteral("mike@example.org")}))
                    ->ok());
        sh(QStringLiteral("mkdir %1/subscribers.d/z").arg(Sudo::shellQuote(dirOf(a))));
        QStringList members;
        for (char c = 'a'; c <= 'z'; ++c)
            members << QStringLiteral("%1-new@example.org").arg(QLatin1Char(c));
        auto r = awaitFuture(m_lists->importSubscribers(a, members));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().code, QStringLiteral("list.remote"));
        sh(QStringLiteral("rmdir %1/subscribers.d/z").arg(Sudo::shellQuote(dirOf(a))));
        QCOMPARE(
            lines(sh(QStringLiteral("cat %1/subscribers.d/*").arg(Sudo::shellQuote(dirOf(a))))),
            (QStringList{QStringLiteral("alpha@example.org"), QStringLiteral("mike@example.org")}));
        QCOMPARE(sh(QStringLiteral("ls ") +
                    Sudo::shellQuote(dirOf(a) + QStringLiteral("/subscribers.d"))),
                 QByteArray("a\nm\n"));
    }

    void removeShowsThenCleans() {
        for (bool archive : {false, true}) {
            const QString a = address(archive ? QStringLiteral("rmarch") : QStringLiteral("rm"));
            QVERIFY(create(a).ok());
            QVERIFY(awaitFuture(m_lists->subscribe(a, {QStringLiteral("x@example.org")}))->ok());
            auto plan = awaitFuture(m_lists->planRemoval(a));
            QVERIFY(plan && plan->ok());
            RemovalPlan pl = plan->value();
            QVERIFY(pl.hasDirectory);
            QCOMPARE(pl.subscribers, qint64(1));
            QVERIFY(pl.files > 10);
            QVERIFY(pl.row);
            QCOMPARE(pl.summary().size(), 3);
            pl.archive = archive;
            qInfo().noquote() << pl.summary().join(QLatin1Char('\n'));
            auto st = awaitFuture(m_lists->remove(pl));
            QVERIFY(st);
            QVERIFY2(st->ok(), why(*st).constData());
            QVERIFY(!exists(dirOf(a)));
            QCOMPARE(rowsOf(a), 0);
            const QString archived = m_lists->paths().archiveDir() + QLatin1Char('/') + m_domain +
                                     QLatin1Char('/') + a.section(QLatin1Char('@'), 0, 0);
            int status = 0;
            sh(QStringLiteral("ls -d %1-2* >/dev/null 2>&1").arg(Sudo::shellQuote(archived)),
               &status);
            QCOMPARE(status == 0, archive);
            plan = awaitFuture(m_lists->planRemoval(a));
            QVERIFY(plan && !plan->ok());
            QCOMPARE(plan->error().code, QStringLiteral("list.notfound"));
        }
    }

    // Rows without a directory (or the reverse) are removed as well.
    void removeRowsOnly() {
        const QString a = address(QStringLiteral("rowsonly"));
        QVERIFY(create(a).ok());
        sh(QStringLiteral("rm -rf ") + Sudo::shellQuote(dirOf(a)));
        auto plan = awaitFuture(m_lists->planRemoval(a));
        QVERIFY(plan && plan->ok());
        QVERIFY(!plan->value().hasDirectory);
        QVERIFY(awaitFuture(m_lists->remove(plan->value()))->ok());
        QCOMPARE(rowsOf(a), 0);
    }

    // The same through an admin account that becomes root with sudo and a password: the
    // password and the addresses share stdin.
    void throughSudo() {
        TestPrompter prompter;
        prompter.answer(TestPrompter::Kind::SudoPassword, LabEnv::value("LAB_ADMIN_PASSWORD"));
        ServerProfile p = m_conn->profile();
        p.user = LabEnv::value("LAB_ADMIN_USER");
        p.identityFile = LabEnv::value("LAB_ADMIN_KEY");
        SshConfig c = SshConfig::fromProfile(p);
        c.sshConfigFile = QStringLiteral("none");
        c.sshDir = m_tmp.path() + QStringLiteral("/dotssh");
        c.useAgent = false;
        ServerConnection conn(p, c, &prompter);
        auto st = awaitFuture(conn.connectToServer());
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        MailingLists lists(&conn);
        const QString a = address(QStringLiteral("sudo"));
        ListSettings s = ListSettings::defaultsFor(a, 10028);
        st = awaitFuture(lists.create(s));
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        auto r = awaitFuture(lists.importSubscribers(
            a, {QStringLiteral("one@example.org"), QStringLiteral("two@example.org")}));
        QVERIFY(r);
        QVERIFY2(r->ok(), why(*r).constData());
        QCOMPARE(r->value().changed, qint64(2));
        QVERIFY(awaitFuture(lists.subscribe(a, {QStringLiteral("three@example.org")}))->ok());
        auto subs = awaitFuture(lists.subscribers(a));
        QVERIFY(subs && subs->ok());
        QCOMPARE(subs->value().normal.size(), 3);
        QCOMPARE(sh(QStringLiteral("stat -c %U ") +
                    Sudo::shellQuote(dirOf(a) + QStringLiteral("/subscribers.d/o")))
                     .trimmed(),
                 QByteArray("mlmmj"));
        auto plan = awaitFuture(lists.planRemoval(a));
        QVERIFY(plan && plan->ok());
        RemovalPlan pl = plan->value();
        pl.archive = false;
        QVERIFY(awaitFuture(lists.remove(pl))->ok());
        QVERIFY(!exists(dirOf(a)));
        QCOMPARE(prompter.count(TestPrompter::Kind::SudoPassword), 1);
    }

    // A post from a subscriber reaches mlmmj through the lab's Postfix (archive grows).
    void deliveryThroughPostfix() {
        if (QStandardPaths::findExecutable(QStringLiteral("swaks")).isEmpty())
            QSKIP("swaks is not installed");
        const QString a = address(QStringLiteral("post"));
        QVERIFY(create(a, [](ListSettings &s) {
                    s.posting = ListSettings::Posting::SubscribersOnly;
                }).ok());
        QVERIFY(awaitFuture(m_lists->subscribe(a, {QStringLiteral("chris.walker@example01.test"),
                                                   QStringLiteral("f.clarke@example01.test")}))
                    ->ok());
        const QString archive = dirOf(a) + QStringLiteral("/archive");
        QProcess swaks;
        swaks.start(QStringLiteral("swaks"),
                    {QStringLiteral("--server"), QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"), LabEnv::value("LAB_SMTP_PORT"),
                     QStringLiteral("--from"), QStringLiteral("chris.walker@example01.test"),
                     QStringLiteral("--to"), a, QStringLiteral("--h-Subject"),
                     QStringLiteral("MailDeck list test %1").arg(m_tag)});
        QVERIFY(swaks.waitForFinished(60000));
        QVERIFY2(swaks.exitCode() == 0, swaks.readAllStandardOutput().right(800).constData());
        QDeadlineTimer deadline(60000);
        QByteArray n;
        while (!deadline.hasExpired()) {
            n = sh(QStringLiteral("ls %1 | wc -l").arg(Sudo::shellQuote(archive))).trimmed();
            if (n != "0")
                break;
            QTest::qWait(500);
        }
        QCOMPARE(n, QByteArray("1"));
        QVERIFY(sh(QStringLiteral("cat %1/1").arg(Sudo::shellQuote(archive)))
                    .contains(QStringLiteral("MailDeck list test %1").arg(m_tag).toUtf8()));
        // A non-subscriber's post is held for the moderators once modnonsubposts is set.
        ListState state = read(a);
        ListSettings s = state.settings;
        s.moderateNonSubscriberPosts = true;
        auto st = awaitFuture(m_lists->update(state, s));
        QVERIFY(st && st->ok());
        swaks.start(QStringLiteral("swaks"),
                    {QStringLiteral("--server"), QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"), LabEnv::value("LAB_SMTP_PORT"),
                     QStringLiteral("--from"), QStringLiteral("stranger@example.org"),
                     QStringLiteral("--to"), a, QStringLiteral("--h-Subject"),
                     QStringLiteral("MailDeck stranger %1").arg(m_tag)});
        QVERIFY(swaks.waitForFinished(60000));
        QCOMPARE(swaks.exitCode(), 0);
        const QString moderation = dirOf(a) + QStringLiteral("/moderation");
        QDeadlineTimer held(60000);
        while (!held.hasExpired()) {
            n = sh(QStringLiteral("ls %1 | wc -l").arg(Sudo::shellQuote(moderation))).trimmed();
            if (n != "0")
                break;
            QTest::qWait(500);
        }
        QVERIFY2(n != "0", "the non-subscriber's post was not held for moderation");
        QCOMPARE(sh(QStringLiteral("ls %1 | wc -l").arg(Sudo::shellQuote(archive))).trimmed(),
                 QByteArray("1"));
    }
};

QTEST_GUILESS_MAIN(TestMailingLists)
#include "tst_mailinglists.moc"
