// Delegation enforced by the server, proved against the lab's MariaDB with a delegated admin's
// own credentials, through the `mysql` command-line client and through QMYSQL.
//
// The test makes two domains of its own: A (given to a test domain admin) and B (a victim the
// admin must not reach), and checks after every attack that no row of B or of the seed domains
// changed (fingerprints of every vmail table). At the end it prints the matrix: attempts made,
// attempts refused, values stored literally; any attempt that got through fails the suite.
// Everything it creates (domains, admin, accounts, rows) is removed in cleanupTestCase, also
// after a failure; the schema is uninstalled again if the test installed it.

// The many bound values here are built with operator+; QStringBuilder's lazy concatenation
// does not convert to QVariant inside braced lists, so this test uses plain QString concatenation.
#undef QT_USE_QSTRINGBUILDER

#include "DelegationLab.h"

#include "core/db/PasswordHash.h"
#include "core/delegation/AuditLog.h"
#include "core/delegation/DelegatedAccounts.h"
#include "core/delegation/DelegatedCalls.h"
#include "core/delegation/DelegationNames.h"
#include "core/delegation/DelegationSchema.h"
#include "core/delegation/DomainAdmins.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtTest/QTest>

using namespace maildeck;
using namespace maildeck::delegation;
using namespace DelegationLab;

namespace {

struct Matrix {
    int attempts = 0;
    int refused = 0;
    int literal = 0;    // accepted, and the value stored exactly as given
    int legitimate = 0; // accepted: a well-formed address the admin may use (an object of
                        // the own domain, or a destination anywhere), acted on as itself
    QStringList breaches;
};

struct Proc {
    QString name;
    QStringList kinds; // per parameter, see TestDelegationServer::value()
};

// Every public procedure with the kind of each parameter. The test fails if the server has a
// public procedure that is not listed here (so a new one cannot escape the matrix).
QList<Proc> procedures() {
    return {
        {QStringLiteral("mailbox_create"),
         {QStringLiteral("new"), QStringLiteral("hash"), QStringLiteral("text"),
          QStringLiteral("int")}},
        {QStringLiteral("mailbox_update"),
         {QStringLiteral("mailbox"), QStringLiteral("text"), QStringLiteral("lang"),
          QStringLiteral("flag")}},
        {QStringLiteral("mailbox_set_quota"), {QStringLiteral("mailbox"), QStringLiteral("int")}},
        {QStringLiteral("mailbox_set_password"),
         {QStringLiteral("mailbox"), QStringLiteral("hash")}},
        {QStringLiteral("mailbox_delete"), {QStringLiteral("mailbox"), QStringLiteral("zero")}},
        {QStringLiteral("forwarding_add"), {QStringLiteral("mailbox"), QStringLiteral("dest")}},
        {QStringLiteral("forwarding_remove"), {QStringLiteral("mailbox"), QStringLiteral("dest")}},
        {QStringLiteral("forwarding_set_keep_copy"),
         {QStringLiteral("mailbox"), QStringLiteral("flag")}},
        {QStringLiteral("alias_create"),
         {QStringLiteral("new"), QStringLiteral("text"), QStringLiteral("policy")}},
        {QStringLiteral("alias_update"),
         {QStringLiteral("alias"), QStringLiteral("text"), QStringLiteral("policy"),
          QStringLiteral("flag")}},
        {QStringLiteral("alias_delete"), {QStringLiteral("alias")}},
        {QStringLiteral("alias_member_add"), {QStringLiteral("alias"), QStringLiteral("dest")}},
        {QStringLiteral("alias_member_remove"), {QStringLiteral("alias"), QStringLiteral("dest")}},
        {QStringLiteral("maillist_create"),
         {QStringLiteral("new"), QStringLiteral("text"), QStringLiteral("policy"),
          QStringLiteral("int")}},
        {QStringLiteral("maillist_update"),
         {QStringLiteral("list"), QStringLiteral("text"), QStringLiteral("text"),
          QStringLiteral("policy"), QStringLiteral("int"), QStringLiteral("flag")}},
        {QStringLiteral("maillist_delete"), {QStringLiteral("list")}},
        {QStringLiteral("moderator_add"), {QStringLiteral("alias"), QStringLiteral("dest")}},
        {QStringLiteral("moderator_remove"), {QStringLiteral("alias"), QStringLiteral("dest")}},
        {QStringLiteral("maillist_owner_add"), {QStringLiteral("list"), QStringLiteral("dest")}},
        {QStringLiteral("maillist_owner_remove"), {QStringLiteral("list"), QStringLiteral("dest")}},
        // The list agent's queue: a job key, the operation, the list, its arguments (JSON), the
        // input (stored as given, like a text).
        {QStringLiteral("list_job_submit"),
         {QStringLiteral("request"), QStringLiteral("op"), QStringLiteral("list"),
          QStringLiteral("json"), QStringLiteral("text")}},
        {QStringLiteral("list_job_cancel"), {QStringLiteral("request")}},
    };
}

bool isStringKind(const QString &kind) {
    return kind != QLatin1String("int") && kind != QLatin1String("flag") &&
           kind != QLatin1String("zero");
}

} // namespace

class TestDelegationServer : public QObject {
    Q_OBJECT

public:
    QSqlDatabase m_root;
    bool m_installedHere = false;
    QString m_tag;
    QString m_domainA; // given to the test admin
    QString m_domainB; // not given: the victim
    QString m_admin;   // the test domain admin (standalone, outside domain)
    AccountCredentials m_creds;
    QString m_isaacUser; // account made for the seed's domain admin (read-only checks)
    QString m_isaacPassword;
    QString m_hash;                      // a valid {SSHA512} hash
    QStringList m_scope;                 // B: must never change (the seed: see seedObjects())
    QMap<QString, QString> m_before;     // rows of B
    QMap<QString, QString> m_seedBefore; // the seed rows under attack
    Matrix m_matrix;
    int m_counter = 0;

    QVariant value(const QString &kind, const QString &domain) {
        ++m_counter;
        if (kind == QLatin1String("new"))
            return QStringLiteral("n%1@%2").arg(m_counter).arg(domain);
        if (kind == QLatin1String("mailbox"))
            return QStringLiteral("user1@") + domain;
        if (kind == QLatin1String("alias"))
            return QStringLiteral("team@") + domain;
        if (kind == QLatin1String("list"))
            return QStringLiteral("news@") + domain;
        if (kind == QLatin1String("dest"))
            return QStringLiteral("d%1@outside-delegtest.test").arg(m_counter);
        if (kind == QLatin1String("hash"))
            return m_hash;
        if (kind == QLatin1String("text"))
            return QStringLiteral("Text %1").arg(m_counter);
        if (kind == QLatin1String("policy"))
            return QStringLiteral("public");
        if (kind == QLatin1String("lang"))
            return QStringLiteral("en_US");
        if (kind == QLatin1String("int"))
            return 10;
        if (kind == QLatin1String("flag"))
            return 1;
        if (kind == QLatin1String("request")) // a fresh key: no job of this caller has it
            return QString::fromLatin1(
                QCryptographicHash::hash(QByteArray::number(m_counter) + m_tag.toUtf8(),
                                         QCryptographicHash::Md5)
                    .toHex());
        if (kind == QLatin1String("op"))
            return QStringLiteral("readControl");
        if (kind == QLatin1String("json"))
            return QStringLiteral("[]");
        return 0; // "zero"
    }

    struct CallResult {
        bool ok = false;
        QString error;
    };

    CallResult callQ(QSqlDatabase &db, const QString &proc, const QVariantList &args) {
        QStringList marks;
        for (int i = 0; i < args.size(); ++i)
            marks << QStringLiteral("?");
        QSqlQuery q(db);
        q.prepare(QStringLiteral("CALL maildeck_delegation.%1(%2)")
                      .arg(proc, marks.join(QLatin1Char(','))));
        for (const QVariant &a : args)
            q.addBindValue(a);
        CallResult r;
        r.ok = q.exec();
        if (!r.ok)
            r.error = q.lastError().text();
        while (q.nextResult()) {
        }
        return r;
    }

    CallResult callCli(const QString &user, const QString &password, const QString &proc,
                       const QVariantList &args) {
        QStringList values;
        for (const QVariant &a : args)
            values << (a.typeId() == QMetaType::Int ? a.toString() : literal(a.toString()));
        const CliResult r = mysqlCli(user, password,
                                     QStringLiteral("CALL maildeck_delegation.%1(%2)")
                                         .arg(proc, values.join(QLatin1Char(','))));
        return {r.ok(), r.err.trimmed()};
    }

    // An attempt that must be refused.
    void expectRefused(const QString &what, bool ok, const QString &error) {
        ++m_matrix.attempts;
        if (ok)
            m_matrix.breaches << what;
        else
            ++m_matrix.refused;
        Q_UNUSED(error);
    }

    // Nothing outside the admin's domain changed: every row of the victim domain B, the seed
    // rows the attacks aim at, and the vmail structure.
    void checkScopeUnchanged(const char *step) {
        const auto now = fingerprint(m_root, m_scope);
        QVERIFY2(now == m_before, qPrintable(QString::fromLatin1(step) + QStringLiteral(": ") +
                                             diff(m_before, now)));
        const auto seed = seedObjects(m_root);
        QVERIFY2(seed == m_seedBefore,
                 qPrintable(QString::fromLatin1(step) + QStringLiteral(" (seed): ") +
                            diff(m_seedBefore, seed)));
    }

    void createTestDomains() {
        const QString now = QStringLiteral("2026-01-01 00:00:00");
        for (const QString &d : {m_domainA, m_domainB}) {
            QVERIFY(exec(m_root,
                         QStringLiteral("INSERT INTO vmail.domain (domain, description, transport, "
                                        "created, active) VALUES (?, 'delegation test', "
                                        "'dovecot', ?, 1)"),
                         {d, now}));
            for (const QString &local : {QStringLiteral("user1"), QStringLiteral("user2")}) {
                const QString u = local + QLatin1Char('@') + d;
                QVERIFY(exec(m_root,
                             QStringLiteral("INSERT INTO vmail.mailbox (username, password, name, "
                                            "domain, maildir, quota, created, active) VALUES "
                                            "(?, ?, ?, ?, ?, 100, ?, 1)"),
                             {u, m_hash, local, d,
                              d + QStringLiteral("/u/s/e/") + local + QLatin1Char('/'), now}));
                QVERIFY(exec(m_root,
                             QStringLiteral("INSERT INTO vmail.forwardings (address, forwarding, "
                                            "domain, dest_domain, is_forwarding, active) VALUES "
                                            "(?, ?, ?, ?, 1, 1)"),
                             {u, u, d, d}));
            }
            QVERIFY(exec(m_root,
                         QStringLiteral("INSERT INTO vmail.alias (address, name, accesspolicy, "
                                        "domain, created, active) VALUES (?, 'Team', 'public', ?, "
                                        "?, 1)"),
                         {QStringLiteral("team@") + d, d, now}));
            QVERIFY(exec(m_root,
                         QStringLiteral("INSERT INTO vmail.forwardings (address, forwarding, "
                                        "domain, dest_domain, is_list, active) VALUES (?, ?, ?, "
                                        "?, 1, 1)"),
                         {QStringLiteral("team@") + d, QStringLiteral("user1@") + d, d, d}));
            QVERIFY(exec(m_root,
                         QStringLiteral("INSERT INTO vmail.moderators (address, moderator, domain, "
                                        "dest_domain) VALUES (?, ?, ?, ?)"),
                         {QStringLiteral("team@") + d, QStringLiteral("user2@") + d, d, d}));
            QVERIFY(exec(m_root,
                         QStringLiteral("INSERT INTO vmail.maillists (address, domain, transport, "
                                        "accesspolicy, name, mlid, created, active) VALUES (?, ?, "
                                        "?, 'public', 'News', UUID(), ?, 1)"),
                         {QStringLiteral("news@") + d, d,
                          QStringLiteral("mlmmj:") + d + QStringLiteral("/news"), now}));
            QVERIFY(exec(m_root,
                         QStringLiteral("INSERT INTO vmail.forwardings (address, forwarding, "
                                        "domain, dest_domain, is_maillist, active) VALUES (?, ?, "
                                        "?, ?, 1, 1)"),
                         {QStringLiteral("news@") + d, QStringLiteral("news@") + d, d, d}));
            QVERIFY(
                exec(m_root,
                     QStringLiteral("INSERT INTO vmail.maillist_owners (address, owner, domain, "
                                    "dest_domain) VALUES (?, ?, ?, ?)"),
                     {QStringLiteral("news@") + d, QStringLiteral("user1@") + d, d, d}));
        }
    }

    void removeTestRows() {
        for (const QString &d : {m_domainA, m_domainB}) {
            if (d.isEmpty())
                continue;
            for (const QString &table :
                 {QStringLiteral("mailbox"), QStringLiteral("alias"), QStringLiteral("maillists"),
                  QStringLiteral("moderators"), QStringLiteral("maillist_owners"),
                  QStringLiteral("used_quota"), QStringLiteral("deleted_mailboxes"),
                  QStringLiteral("domain_admins"), QStringLiteral("domain")})
                exec(m_root, QStringLiteral("DELETE FROM vmail.%1 WHERE domain = ?").arg(table),
                     {d});
            exec(
                m_root,
                QStringLiteral("DELETE FROM vmail.forwardings WHERE domain = ? OR dest_domain = ?"),
                {d, d});
        }
    }

    // Leftovers of an earlier run that was interrupted (killed, or the lab stopped under it):
    // its domains, admins and accounts all carry the test's name patterns.
    void sweepEarlierRuns() {
        QSqlQuery admins(m_root);
        admins.exec(QStringLiteral("SELECT username FROM vmail.admin WHERE username LIKE "
                                   "'%@partner-delegtest.test'"));
        QStringList old;
        while (admins.next())
            old << admins.value(0).toString();
        for (const QString &admin : old)
            DomainAdmins::remove(m_root, admin);
        if (count(m_root, QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE "
                                         "TABLE_SCHEMA = 'maildeck_delegation' AND TABLE_NAME = "
                                         "'account_map'")) > 0) {
            auto accounts = DelegatedAccounts::list(m_root);
            if (accounts.ok())
                for (const DelegatedAccount &a : accounts.value())
                    if (a.adminUsername.endsWith(QLatin1String("@partner-delegtest.test")))
                        DelegatedAccounts::remove(m_root, a.dbUser);
            // Nobody but this test (and its account for the seed's admin) uses the schema in
            // the lab: a schema left with no other account is a leftover, removed so that the
            // lifecycle test runs from scratch.
            auto rest = DelegatedAccounts::list(m_root);
            bool onlyOurs = rest.ok();
            if (rest.ok())
                for (const DelegatedAccount &a : rest.value())
                    onlyOurs =
                        onlyOurs && a.adminUsername == QLatin1String("isaacbernard@example02.test");
            if (onlyOurs)
                DelegationSchema::uninstall(m_root);
        }
        QSqlQuery domains(m_root);
        domains.exec(QStringLiteral("SELECT domain FROM vmail.domain WHERE domain LIKE "
                                    "'%.delegtest.maildeck.test'"));
        QStringList oldDomains;
        while (domains.next())
            oldDomains << domains.value(0).toString();
        const QString keepA = m_domainA;
        const QString keepB = m_domainB;
        for (const QString &d : oldDomains) {
            m_domainA = d;
            m_domainB.clear();
            removeTestRows();
        }
        m_domainA = keepA;
        m_domainB = keepB;
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        m_root = openRoot(QStringLiteral("deleg-root"));
        QVERIFY2(m_root.isOpen(), qPrintable(m_root.lastError().text()));
        m_tag = QStringLiteral("t%1%2")
                    .arg(QDateTime::currentMSecsSinceEpoch() % 100000000)
                    .arg(QRandomGenerator::global()->bounded(1000));
        m_domainA = m_tag + QStringLiteral("-a.delegtest.maildeck.test");
        m_domainB = m_tag + QStringLiteral("-b.delegtest.maildeck.test");
        m_admin = m_tag + QStringLiteral("-admin@partner-delegtest.test");
        auto hash =
            db::PasswordHash::generate(db::PasswordScheme::Ssha512, QStringLiteral("Secret-1"));
        QVERIFY(hash.ok());
        m_hash = hash.value();
        QVERIFY(seedDomains().size() >= 10);
        m_scope = {m_domainB};
        sweepEarlierRuns();
    }

    // install (first migration) → upgrade → uninstall leaves vmail as it was, with no trace
    // of the schema or its accounts.
    void lifecycle() {
        auto st = DelegationSchema::status(m_root);
        QVERIFY2(st.ok(), st.ok() ? "" : qPrintable(st.error().message));
        if (st->installedVersion > 0)
            QSKIP("delegation is already installed in the lab; the lifecycle test would remove it");
        // The vmail structure and grants, and the seed rows, before and after each step.
        const auto before = structure(m_root);
        const auto seedBefore = seedObjects(m_root);
        QVERIFY(DelegationSchema::preflight(m_root).ok());
        QCOMPARE(st->anonymousAccounts, 0);

        Status s = DelegationSchema::install(m_root, 1);
        m_installedHere = true; // removed in cleanupTestCase if a check below fails
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message + s.error().detail));
        st = DelegationSchema::status(m_root);
        QCOMPARE(st->installedVersion, 1);
        QVERIFY(st->definerExists);
        QCOMPARE(structure(m_root), before);
        QCOMPARE(seedObjects(m_root), seedBefore);
        // The definer is locked.
        QCOMPARE(count(m_root, QStringLiteral("SELECT COUNT(*) FROM mysql.global_priv WHERE "
                                              "User = 'maildeck_definer' AND JSON_EXTRACT(Priv, "
                                              "'$.account_locked') = 'true'")),
                 1);

        s = DelegationSchema::upgrade(m_root);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message + s.error().detail));
        st = DelegationSchema::status(m_root);
        QCOMPARE(st->installedVersion, st->latestVersion);
        QCOMPARE(structure(m_root), before);
        QCOMPARE(seedObjects(m_root), seedBefore);
        // A second upgrade is a no-op.
        QVERIFY(DelegationSchema::upgrade(m_root).ok());

        // A recorded migration whose text changed is reported, not re-applied.
        QVERIFY(exec(m_root, QStringLiteral("UPDATE maildeck_delegation.schema_version SET "
                                            "checksum = REPEAT('0', 64) WHERE version = 1")));
        s = DelegationSchema::upgrade(m_root);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("delegation.migration.modified"));

        s = DelegationSchema::uninstall(m_root);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        m_installedHere = false;
        QCOMPARE(structure(m_root), before);
        QCOMPARE(seedObjects(m_root), seedBefore);
        QCOMPARE(count(m_root, QStringLiteral("SELECT COUNT(*) FROM information_schema.SCHEMATA "
                                              "WHERE SCHEMA_NAME = 'maildeck_delegation'")),
                 0);
        QCOMPARE(count(m_root, QStringLiteral("SELECT COUNT(*) FROM mysql.global_priv WHERE "
                                              "User = 'maildeck_definer' OR User LIKE 'md\\_%'")),
                 0);
        QCOMPARE(DelegationSchema::status(m_root)->installedVersion, 0);
    }

    void setUpDelegation() {
        auto st = DelegationSchema::status(m_root);
        QVERIFY(st.ok());
        if (st->installedVersion == 0) {
            Status s = DelegationSchema::install(m_root);
            QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message + s.error().detail));
            m_installedHere = true;
        } else {
            QVERIFY(DelegationSchema::upgrade(m_root).ok());
        }
        createTestDomains();
        m_before = fingerprint(m_root, m_scope);
        m_seedBefore = seedObjects(m_root);

        NewDomainAdmin a;
        a.username = m_admin;
        a.name = QStringLiteral("Delegation Test");
        a.password = QStringLiteral("Admin-Secret-1");
        a.domains = {m_domainA};
        Status s = DomainAdmins::create(m_root, a);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        // Rows as iRedAdmin-Pro keeps them.
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.admin WHERE username = ? "
                                      "AND active = 1 AND password LIKE '{SSHA512}%' AND "
                                      "language = 'en_US'"),
                       {m_admin}),
                 1);
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.domain_admins WHERE "
                                      "username = ? AND domain = ? AND active = 1"),
                       {m_admin, m_domainA}),
                 1);
        // Standalone admins in a local domain are refused, as iRedAdmin does.
        NewDomainAdmin local = a;
        local.username = QStringLiteral("someone@") + m_domainB;
        QCOMPARE(DomainAdmins::create(m_root, local).error().code,
                 QStringLiteral("delegation.admin.local_domain"));

        auto creds = DelegatedAccounts::create(m_root, m_admin);
        QVERIFY2(creds.ok(),
                 creds.ok() ? "" : qPrintable(creds.error().message + creds.error().detail));
        m_creds = creds.value();
        QVERIFY(DelegationNames::isValidAccountName(m_creds.dbUser));
        QCOMPARE(m_creds.password.size(), 32);
        // The account exists at every loopback host, with nothing but the public objects.
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM mysql.global_priv WHERE User = ?"),
                       {m_creds.dbUser}),
                 3);
        QCOMPARE(count(m_root, QStringLiteral("SELECT COUNT(*) FROM mysql.db WHERE User = ?"),
                       {m_creds.dbUser}),
                 0);
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM mysql.tables_priv WHERE User = ? "
                                      "AND (Db <> 'maildeck_delegation' OR Table_name NOT "
                                      "LIKE 'v\\_%' OR Table_priv <> 'Select')"),
                       {m_creds.dbUser}),
                 0);
        // A second account for the same admin is refused; global admins get none.
        QCOMPARE(DelegatedAccounts::create(m_root, m_admin).error().code,
                 QStringLiteral("delegation.account.exists"));
        QCOMPARE(DelegatedAccounts::create(m_root, QStringLiteral("globaladmin@maildeck.test"))
                     .error()
                     .code,
                 QStringLiteral("delegation.admin.notfound"));

        // The seed's mailbox domain admin (example02, example03), for the read-only checks.
        // (An account left by an interrupted run is replaced.)
        auto leftover =
            DelegatedAccounts::forAdmin(m_root, QStringLiteral("isaacbernard@example02.test"));
        if (leftover.ok() && leftover.value())
            DelegatedAccounts::remove(m_root, leftover.value()->dbUser);
        auto isaac =
            DelegatedAccounts::create(m_root, QStringLiteral("isaacbernard@example02.test"));
        QVERIFY2(isaac.ok(), isaac.ok() ? "" : qPrintable(isaac.error().message));
        m_isaacUser = isaac->dbUser;
        m_isaacPassword = isaac->password;

        // Every public procedure on the server is covered by the matrix.
        auto procs = DelegationSchema::publicProcedures(m_root);
        QVERIFY(procs.ok());
        QStringList listed;
        for (const Proc &p : procedures())
            listed << p.name;
        listed.sort();
        QCOMPARE(procs.value(), listed);
        checkScopeUnchanged("set-up");
    }

    // SELECT, INSERT, UPDATE, DELETE on every vmail table, and the schema's own tables and
    // internal objects: denied, through both clients.
    void directTableAccessDenied() {
        QSqlDatabase db = openAs(QStringLiteral("deleg-direct"), m_creds.dbUser, m_creds.password);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        QSqlQuery tables(m_root);
        QVERIFY(tables.exec(QStringLiteral("SELECT TABLE_NAME FROM information_schema.TABLES WHERE "
                                           "TABLE_SCHEMA = 'vmail'")));
        QStringList targets;
        while (tables.next())
            targets << QStringLiteral("vmail.`%1`").arg(tables.value(0).toString());
        QVERIFY(targets.size() >= 15);
        targets << QStringLiteral("maildeck_delegation.account_map")
                << QStringLiteral("maildeck_delegation.audit_log")
                << QStringLiteral("maildeck_delegation.schema_version")
                << QStringLiteral("maildeck_delegation.int_caller_domains");
        for (const QString &t : targets) {
            const QStringList statements = {
                QStringLiteral("SELECT * FROM %1 LIMIT 1").arg(t),
                QStringLiteral("INSERT INTO %1 () VALUES ()").arg(t),
                QStringLiteral("UPDATE %1 SET active = 0").arg(t),
                QStringLiteral("DELETE FROM %1").arg(t),
            };
            for (const QString &sql : statements) {
                QSqlQuery q(db);
                const bool ok = q.exec(sql);
                expectRefused(QStringLiteral("QMYSQL: ") + sql, ok, q.lastError().text());
                const CliResult r = mysqlCli(m_creds.dbUser, m_creds.password, sql);
                expectRefused(QStringLiteral("mysql: ") + sql, r.ok(), r.err);
            }
        }
        // The views are read-only.
        for (const QString &sql :
             {QStringLiteral("UPDATE maildeck_delegation.v_mailboxes SET quota = 1"),
              QStringLiteral("DELETE FROM maildeck_delegation.v_forwardings"),
              QStringLiteral(
                  "INSERT INTO maildeck_delegation.v_aliases (address) VALUES ('x@y.test')")}) {
            QSqlQuery q(db);
            expectRefused(QStringLiteral("QMYSQL: ") + sql, q.exec(sql), q.lastError().text());
            const CliResult r = mysqlCli(m_creds.dbUser, m_creds.password, sql);
            expectRefused(QStringLiteral("mysql: ") + sql, r.ok(), r.err);
        }
        QVERIFY2(m_matrix.breaches.isEmpty(),
                 qPrintable(m_matrix.breaches.join(QLatin1Char('\n'))));
        checkScopeUnchanged("direct table access");
    }

    // Account administration and the server's own data: denied.
    void serverAdministrationDenied() {
        QSqlDatabase db = openAs(QStringLiteral("deleg-admin"), m_creds.dbUser, m_creds.password);
        QVERIFY(db.isOpen());
        const QStringList statements = {
            QStringLiteral("GRANT SELECT ON vmail.* TO '%1'@'localhost'").arg(m_creds.dbUser),
            QStringLiteral("GRANT EXECUTE ON PROCEDURE maildeck_delegation.mailbox_create TO "
                           "'vmail'@'localhost'"),
            QStringLiteral("CREATE USER 'md_evil'@'%' IDENTIFIED BY 'x'"),
            QStringLiteral("SET PASSWORD FOR 'root'@'localhost' = PASSWORD('x')"),
            QStringLiteral("SET PASSWORD FOR 'vmailadmin'@'localhost' = PASSWORD('x')"),
            QStringLiteral("SET PASSWORD FOR '%1'@'localhost' = PASSWORD('x')").arg(m_isaacUser),
            QStringLiteral("ALTER USER 'root'@'localhost' IDENTIFIED BY 'x'"),
            QStringLiteral("DROP USER '%1'@'localhost'").arg(m_isaacUser),
            QStringLiteral("SELECT * FROM mysql.user"),
            QStringLiteral("SELECT * FROM mysql.global_priv"),
            QStringLiteral("SELECT * FROM mysql.proc"),
            QStringLiteral("SHOW GRANTS FOR 'root'@'localhost'"),
            QStringLiteral("CREATE DATABASE md_evil"),
            QStringLiteral("DROP DATABASE maildeck_delegation"),
            QStringLiteral("DROP PROCEDURE maildeck_delegation.mailbox_create"),
            QStringLiteral("CREATE PROCEDURE maildeck_delegation.evil() SELECT 1"),
            QStringLiteral("CREATE VIEW maildeck_delegation.v_evil AS SELECT 1"),
            QStringLiteral("CALL maildeck_delegation.int_audit('x', 'y', 'z', 'o', NULL, NULL)"),
            QStringLiteral("CALL maildeck_delegation.int_fail('x')"),
            QStringLiteral("CALL maildeck_delegation.int_require_domain('%1', @a)").arg(m_domainA),
            QStringLiteral("SELECT maildeck_delegation.int_caller_admin()"),
            QStringLiteral("SET GLOBAL general_log = 1"),
            QStringLiteral("USE vmail"),
            QStringLiteral("SHOW CREATE TABLE vmail.mailbox"),
            QStringLiteral("CREATE TEMPORARY TABLE vmail.t (x INT)"),
            QStringLiteral("LOCK TABLES vmail.mailbox READ"),
        };
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            expectRefused(QStringLiteral("QMYSQL: ") + sql, q.exec(sql), q.lastError().text());
            const CliResult r = mysqlCli(m_creds.dbUser, m_creds.password, sql);
            expectRefused(QStringLiteral("mysql: ") + sql, r.ok(), r.err);
        }
        // Reading files needs FILE: LOAD_FILE answers NULL.
        const CliResult file = mysqlCli(m_creds.dbUser, m_creds.password,
                                        QStringLiteral("SELECT LOAD_FILE('/etc/passwd') IS NULL"));
        expectRefused(QStringLiteral("mysql: LOAD_FILE"), file.out.trimmed() != QLatin1String("1"),
                      file.err);
        // SHOW DATABASES lists only what the account may use.
        const CliResult dbs =
            mysqlCli(m_creds.dbUser, m_creds.password, QStringLiteral("SHOW DATABASES"));
        QVERIFY(dbs.ok());
        expectRefused(QStringLiteral("mysql: SHOW DATABASES shows vmail or mysql"),
                      dbs.out.split(QLatin1Char('\n')).contains(QStringLiteral("vmail")) ||
                          dbs.out.split(QLatin1Char('\n')).contains(QStringLiteral("mysql")),
                      {});
        QVERIFY2(m_matrix.breaches.isEmpty(),
                 qPrintable(m_matrix.breaches.join(QLatin1Char('\n'))));
        // The other admin's account still works with its own password.
        QVERIFY(mysqlCli(m_isaacUser, m_isaacPassword, QStringLiteral("SELECT 1")).ok());
        checkScopeUnchanged("administration");
    }

    void viewsShowOnlyOwnDomains() {
        QSqlDatabase db = openAs(QStringLiteral("deleg-views"), m_creds.dbUser, m_creds.password);
        QVERIFY(db.isOpen());
        const QStringList views = {QStringLiteral("v_domains:domain"),
                                   QStringLiteral("v_mailboxes:domain"),
                                   QStringLiteral("v_forwardings:domain"),
                                   QStringLiteral("v_aliases:domain"),
                                   QStringLiteral("v_maillists:domain"),
                                   QStringLiteral("v_moderators:domain"),
                                   QStringLiteral("v_maillist_owners:domain"),
                                   QStringLiteral("v_used_quota:domain"),
                                   QStringLiteral("v_alias_domains:target_domain")};
        for (const QString &v : views) {
            const QString view = v.section(QLatin1Char(':'), 0, 0);
            const QString column = v.section(QLatin1Char(':'), 1, 1);
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("SELECT DISTINCT %1 FROM maildeck_delegation.%2")
                                .arg(column, view)),
                     qPrintable(q.lastError().text()));
            while (q.next()) {
                ++m_matrix.attempts;
                if (q.value(0).toString() != m_domainA)
                    m_matrix.breaches << view + QStringLiteral(" shows ") + q.value(0).toString();
                else
                    ++m_matrix.refused; // counted as "only the own domain"
            }
            // Asking for another domain explicitly returns nothing.
            for (const QString &other : {m_domainB, QStringLiteral("example01.test")}) {
                const CliResult r = mysqlCli(
                    m_creds.dbUser, m_creds.password,
                    QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.%1 WHERE %2 = %3")
                        .arg(view, column, literal(other)));
                QVERIFY2(r.ok(), qPrintable(r.err));
                expectRefused(QStringLiteral("mysql: %1 for %2").arg(view, other),
                              r.out.trimmed() != QLatin1String("0"), r.err);
            }
        }
        QSqlQuery mine(db);
        QVERIFY(mine.exec(QStringLiteral("SELECT domain FROM maildeck_delegation.v_domains")));
        QVERIFY(mine.next());
        QCOMPARE(mine.value(0).toString(), m_domainA);
        QVERIFY(!mine.next());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.v_mailboxes")),
                 2);
        // No password hashes through the views.
        QSqlQuery cols(db);
        QVERIFY(cols.exec(QStringLiteral("SELECT * FROM maildeck_delegation.v_mailboxes LIMIT 1")));
        QVERIFY(cols.record().indexOf(QStringLiteral("password")) < 0);
        QVERIFY(cols.record().indexOf(QStringLiteral("password_scheme")) >= 0);
        QSqlQuery me(db);
        QVERIFY(me.exec(
            QStringLiteral("SELECT admin_username, db_user FROM maildeck_delegation.v_me")));
        QVERIFY(me.next());
        QCOMPARE(me.value(0).toString(), m_admin);
        QCOMPARE(me.value(1).toString(), m_creds.dbUser);

        // The seed's domain admin sees exactly example02 and example03.
        const CliResult isaac =
            mysqlCli(m_isaacUser, m_isaacPassword,
                     QStringLiteral("SELECT domain FROM maildeck_delegation.v_domains "
                                    "ORDER BY domain"));
        QVERIFY2(isaac.ok(), qPrintable(isaac.err));
        QCOMPARE(isaac.out.trimmed().split(QLatin1Char('\n')),
                 QStringList({QStringLiteral("example02.test"), QStringLiteral("example03.test")}));
        const CliResult isaacBoxes = mysqlCli(
            m_isaacUser, m_isaacPassword,
            QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.v_mailboxes WHERE domain NOT "
                           "IN ('example02.test', 'example03.test')"));
        QCOMPARE(isaacBoxes.out.trimmed(), QStringLiteral("0"));
        QVERIFY2(m_matrix.breaches.isEmpty(),
                 qPrintable(m_matrix.breaches.join(QLatin1Char('\n'))));
    }

    // Every procedure with another domain's objects (the victim B and a seed domain): refused.
    void proceduresRefuseOtherDomains() {
        QSqlDatabase db = openAs(QStringLiteral("deleg-other"), m_creds.dbUser, m_creds.password);
        QVERIFY(db.isOpen());
        for (const Proc &p : procedures()) {
            for (const QString &other :
                 {m_domainB, QStringLiteral("example01.test"), QStringLiteral("example02.test")}) {
                QVariantList args;
                for (const QString &kind : p.kinds)
                    args << value(kind, other);
                // Seed objects that exist, so that "not found" cannot hide a missing check.
                if (other == QLatin1String("example01.test") &&
                    p.kinds.first() == QLatin1String("mailbox"))
                    args[0] = QStringLiteral("ursularobinson@example01.test");
                const CallResult q = callQ(db, p.name, args);
                expectRefused(QStringLiteral("QMYSQL %1(%2)").arg(p.name, args.first().toString()),
                              q.ok, q.error);
                if (!q.ok && !q.error.contains(QLatin1String("maildeck.denied")))
                    m_matrix.breaches
                        << p.name + QStringLiteral(" refused without 'denied': ") + q.error;
                const CallResult c = callCli(m_creds.dbUser, m_creds.password, p.name, args);
                expectRefused(QStringLiteral("mysql %1(%2)").arg(p.name, args.first().toString()),
                              c.ok, c.error);
            }
        }
        QVERIFY2(m_matrix.breaches.isEmpty(),
                 qPrintable(m_matrix.breaches.join(QLatin1Char('\n'))));
        checkScopeUnchanged("other domains");
    }

    // SQL injection in every string parameter of every procedure: refused, or stored exactly
    // as given; no row outside the admin's domain changes.
    void injectionHarmless() {
        QSqlDatabase db = openAs(QStringLiteral("deleg-inject"), m_creds.dbUser, m_creds.password);
        QVERIFY(db.isOpen());
        const QString a = m_domainA;
        const QString b = m_domainB;
        const QStringList payloads = {
            QStringLiteral("x'; DROP TABLE vmail.mailbox; --"),
            QStringLiteral("' OR '1'='1"),
            QStringLiteral("user1@%1' OR '1'='1").arg(a),
            QStringLiteral("user1@%1'; UPDATE vmail.mailbox SET quota=1 WHERE domain='%2'; --")
                .arg(a, b),
            QStringLiteral("\\' OR 1=1 -- "),
            QStringLiteral("user1@%1\" OR \"\"=\"").arg(a),
            QStringLiteral("%@%1").arg(a),
            QStringLiteral("_ser1@%1").arg(a),
            QStringLiteral("user1@%1\nvictim@%2").arg(a, b),
            QStringLiteral("USER1@%1").arg(a.toUpper()),
            QStringLiteral("user1@%1 ").arg(a),
            QStringLiteral("user1@%1' -- ").arg(a),
            QStringLiteral("CONCAT('user1','@','%1')").arg(b),
            QStringLiteral("'); DELETE FROM vmail.domain; --"),
            QStringLiteral("ユーザー@%1").arg(a),
            QStringLiteral("..@%1").arg(a),
            QStringLiteral("user1@%1").arg(b),
            QString(5000, QLatin1Char('x')),
            QStringLiteral("user1@%1").arg(a) + QChar(0) + QStringLiteral("user1@%1").arg(b),
        };
        for (const Proc &p : procedures()) {
            for (int i = 0; i < p.kinds.size(); ++i) {
                if (!isStringKind(p.kinds.at(i)))
                    continue;
                for (const QString &payload : payloads) {
                    QVariantList args;
                    for (const QString &kind : p.kinds)
                        args << value(kind, a);
                    args[i] = payload;
                    const bool nul = payload.contains(QChar(0));
                    const CallResult q = callQ(db, p.name, args);
                    ++m_matrix.attempts;
                    if (!q.ok) {
                        ++m_matrix.refused;
                    } else if (p.kinds.at(i) == QLatin1String("text") && literalStored(payload)) {
                        ++m_matrix.literal;
                    } else if (legitimateAddress(payload, p.kinds.at(i))) {
                        ++m_matrix.legitimate;
                    } else {
                        m_matrix.breaches << QStringLiteral("QMYSQL %1 param %2 accepted %3")
                                                 .arg(p.name)
                                                 .arg(i + 1)
                                                 .arg(payload.left(60));
                    }
                    if (nul)
                        continue; // the command line cannot carry NUL
                    args = {};
                    for (const QString &kind : p.kinds)
                        args << value(kind, a);
                    args[i] = payload;
                    const CallResult c = callCli(m_creds.dbUser, m_creds.password, p.name, args);
                    ++m_matrix.attempts;
                    if (!c.ok) {
                        ++m_matrix.refused;
                    } else if (p.kinds.at(i) == QLatin1String("text") && literalStored(payload)) {
                        ++m_matrix.literal;
                    } else if (legitimateAddress(payload, p.kinds.at(i))) {
                        ++m_matrix.legitimate;
                    } else {
                        m_matrix.breaches << QStringLiteral("mysql %1 param %2 accepted %3")
                                                 .arg(p.name)
                                                 .arg(i + 1)
                                                 .arg(payload.left(60));
                    }
                }
            }
            checkScopeUnchanged(qPrintable(QStringLiteral("injection into ") + p.name));
        }
        QVERIFY2(m_matrix.breaches.isEmpty(),
                 qPrintable(m_matrix.breaches.join(QLatin1Char('\n'))));
        // The admin's own rows are intact too: the two mailboxes and their self rows.
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.forwardings WHERE domain = ? "
                                      "AND address = forwarding AND is_forwarding = 1 AND "
                                      "address IN (?, ?)"),
                       {a, QStringLiteral("user1@") + a, QStringLiteral("user2@") + a}),
                 2);
    }

    // A payload that is a plain lower-case address is a legitimate value: an object of the
    // admin's own domain, or (for destinations) any address. `_` is not a wildcard anywhere.
    bool legitimateAddress(const QString &payload, const QString &kind) {
        static const QRegularExpression address(QRegularExpression::anchoredPattern(
            QStringLiteral("[a-z0-9_+=-]+(\\.[a-z0-9_+=-]+)*@[a-z0-9-]+(\\.[a-z0-9-]+)+")));
        if (!address.match(payload).hasMatch())
            return false;
        return kind == QLatin1String("dest") || payload.section(QLatin1Char('@'), 1) == m_domainA;
    }

    bool literalStored(const QString &text) {
        return count(m_root,
                     QStringLiteral("SELECT (SELECT COUNT(*) FROM vmail.mailbox WHERE domain = ? "
                                    "AND BINARY name = BINARY ?) + (SELECT COUNT(*) FROM "
                                    "vmail.alias WHERE domain = ? AND BINARY name = BINARY ?) + "
                                    "(SELECT COUNT(*) FROM vmail.maillists WHERE domain = ? AND "
                                    "(BINARY name = BINARY ? OR BINARY description = BINARY ?)) + "
                                    "(SELECT COUNT(*) FROM maildeck_delegation.list_jobs WHERE "
                                    "domain = ? AND BINARY stdin = BINARY ?)"),
                     {m_domainA, text, m_domainA, text, m_domainA, text, text, m_domainA,
                      text.toUtf8()}) > 0;
    }

    // What a domain admin may do, with the rows iRedMail expects and one audit row per change.
    void ownDomainWorksAndIsAudited() {
        const QDateTime start = QDateTime::currentDateTimeUtc().addMSecs(-1000);
        QSqlDatabase db = openAs(QStringLiteral("deleg-own"), m_creds.dbUser, m_creds.password);
        QVERIFY(db.isOpen());
        const QString a = m_domainA;
        const QString box = QStringLiteral("new.user@") + a;
        auto auditCount = [&] {
            return count(m_root,
                         QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.audit_log "
                                        "WHERE admin_username = ? AND db_user = ?"),
                         {m_admin, m_creds.dbUser});
        };
        struct Step {
            QString proc;
            QVariantList args;
            QString action;
        };
        const QString hash2 =
            db::PasswordHash::generate(db::PasswordScheme::BlfCrypt, QStringLiteral("Other-2"), 5)
                .value();
        const QList<Step> steps = {
            {QStringLiteral("mailbox_create"),
             {box, m_hash, QStringLiteral("New User"), 50},
             QStringLiteral("mailbox.create")},
            {QStringLiteral("mailbox_update"),
             {box, QStringLiteral("Renamed"), QStringLiteral("ja_JP"), 1},
             QStringLiteral("mailbox.update")},
            {QStringLiteral("mailbox_set_quota"), {box, 70}, QStringLiteral("mailbox.set_quota")},
            {QStringLiteral("mailbox_set_password"),
             {box, hash2},
             QStringLiteral("mailbox.set_password")},
            {QStringLiteral("forwarding_add"),
             {box, QStringLiteral("away@outside-delegtest.test")},
             QStringLiteral("forwarding.add")},
            {QStringLiteral("forwarding_set_keep_copy"),
             {box, 0},
             QStringLiteral("forwarding.keep_copy")},
            {QStringLiteral("forwarding_set_keep_copy"),
             {box, 1},
             QStringLiteral("forwarding.keep_copy")},
            {QStringLiteral("forwarding_remove"),
             {box, QStringLiteral("away@outside-delegtest.test")},
             QStringLiteral("forwarding.remove")},
            {QStringLiteral("alias_create"),
             {QStringLiteral("sales@") + a, QStringLiteral("Sales"), QStringLiteral("domain")},
             QStringLiteral("alias.create")},
            {QStringLiteral("alias_member_add"),
             {QStringLiteral("sales@") + a, box},
             QStringLiteral("alias.member_add")},
            {QStringLiteral("moderator_add"),
             {QStringLiteral("sales@") + a, QStringLiteral("user1@") + a},
             QStringLiteral("moderator.add")},
            {QStringLiteral("alias_update"),
             {QStringLiteral("sales@") + a, QStringLiteral("Sales 2"),
              QStringLiteral("membersonly"), 1},
             QStringLiteral("alias.update")},
            {QStringLiteral("moderator_remove"),
             {QStringLiteral("sales@") + a, QStringLiteral("user1@") + a},
             QStringLiteral("moderator.remove")},
            {QStringLiteral("alias_member_remove"),
             {QStringLiteral("sales@") + a, box},
             QStringLiteral("alias.member_remove")},
            {QStringLiteral("alias_delete"),
             {QStringLiteral("sales@") + a},
             QStringLiteral("alias.delete")},
            {QStringLiteral("maillist_create"),
             {QStringLiteral("list2@") + a, QStringLiteral("List 2"), QStringLiteral("membersonly"),
              1048576},
             QStringLiteral("maillist.create")},
            {QStringLiteral("maillist_owner_add"),
             {QStringLiteral("list2@") + a, box},
             QStringLiteral("maillist.owner_add")},
            {QStringLiteral("maillist_update"),
             {QStringLiteral("list2@") + a, QStringLiteral("List two"), QStringLiteral("About"),
              QStringLiteral("public"), 0, 1},
             QStringLiteral("maillist.update")},
            {QStringLiteral("maillist_owner_remove"),
             {QStringLiteral("list2@") + a, box},
             QStringLiteral("maillist.owner_remove")},
            {QStringLiteral("maillist_delete"),
             {QStringLiteral("list2@") + a},
             QStringLiteral("maillist.delete")},
            {QStringLiteral("mailbox_delete"), {box, 7}, QStringLiteral("mailbox.delete")},
        };
        for (const Step &s : steps) {
            const int before = auditCount();
            const CallResult r = callQ(db, s.proc, s.args);
            QVERIFY2(r.ok, qPrintable(s.proc + QStringLiteral(": ") + r.error));
            QCOMPARE(auditCount(), before + 1);
            QSqlQuery last(m_root);
            QVERIFY(last.exec(
                QStringLiteral("SELECT action, domain, object, client FROM "
                               "maildeck_delegation.audit_log ORDER BY id DESC LIMIT 1")));
            QVERIFY(last.next());
            QCOMPARE(last.value(0).toString(), s.action);
            QCOMPARE(last.value(1).toString(), a);
            QCOMPARE(last.value(2).toString(), s.args.first().toString());
            QVERIFY(last.value(3).toString().startsWith(m_creds.dbUser + QLatin1Char('@')));

            if (s.proc == QLatin1String("mailbox_create")) {
                // The rows iRedAdmin writes: mailbox with a server-made maildir, and the self row.
                static const QRegularExpression maildir(QStringLiteral(
                    "^[^/]+/n/e/w/new\\.user-\\d{4}\\.\\d\\d\\.\\d\\d\\.\\d\\d\\.\\d\\d\\.\\d\\d/"
                    "$"));
                QSqlQuery row(m_root);
                QVERIFY(row.exec(QStringLiteral("SELECT maildir, quota, password, domain, active, "
                                                "isadmin, storagebasedirectory FROM vmail.mailbox "
                                                "WHERE username = '%1'")
                                     .arg(box)));
                QVERIFY(row.next());
                QVERIFY2(maildir.match(row.value(0).toString()).hasMatch(),
                         qPrintable(row.value(0).toString()));
                QVERIFY(row.value(0).toString().startsWith(a + QLatin1Char('/')));
                QCOMPARE(row.value(1).toInt(), 50);
                QCOMPARE(row.value(2).toString(), m_hash);
                QCOMPARE(row.value(4).toInt(), 1);
                QCOMPARE(row.value(5).toInt(), 0);
                QVERIFY(!row.value(6).toString().isEmpty());
                QCOMPARE(
                    count(m_root,
                          QStringLiteral("SELECT COUNT(*) FROM vmail.forwardings WHERE "
                                         "address = ? AND forwarding = ? AND "
                                         "is_forwarding = 1 AND domain = ? AND dest_domain = ?"),
                          {box, box, a, a}),
                    1);
            }
            if (s.proc == QLatin1String("mailbox_set_password")) {
                QCOMPARE(count(m_root,
                               QStringLiteral("SELECT COUNT(*) FROM vmail.mailbox WHERE "
                                              "username = ? AND password = ?"),
                               {box, hash2}),
                         1);
                // The hash itself is not written to the audit log.
                QCOMPARE(count(m_root,
                               QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.audit_log "
                                              "WHERE after_json LIKE CONCAT('%', ?, '%')"),
                               {hash2.mid(20, 20)}),
                         0);
            }
            if (s.proc == QLatin1String("maillist_create")) {
                QCOMPARE(
                    count(m_root,
                          QStringLiteral("SELECT COUNT(*) FROM vmail.maillists WHERE "
                                         "address = ? AND transport = ? AND LENGTH(mlid) = 36"),
                          {QStringLiteral("list2@") + a,
                           QStringLiteral("mlmmj:") + a + QStringLiteral("/list2")}),
                    1);
            }
        }
        // Deleting kept the maildir for the cron job, as iRedAdmin does.
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.deleted_mailboxes WHERE "
                                      "username = ? AND admin = ? AND delete_date IS NOT NULL"),
                       {box, m_admin}),
                 1);
        QCOMPARE(
            count(m_root,
                  QStringLiteral(
                      "SELECT COUNT(*) FROM vmail.forwardings WHERE address = ? OR forwarding = ?"),
                  {box, box}),
            0);
        // The global admin browses the log with filters; the delegated admin sees their own.
        AuditFilter f;
        f.adminUsername = m_admin;
        f.domain = a;
        f.action = QStringLiteral("mailbox.");
        f.from = start;
        auto rows = AuditLog::list(m_root, f);
        QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().message));
        QCOMPARE(rows->size(), 5);
        QCOMPARE(rows->first().action, QStringLiteral("mailbox.delete"));
        QCOMPARE(rows->last().action, QStringLiteral("mailbox.create"));
        QCOMPARE(rows->last().after().value(QStringLiteral("quota")).toInt(), 50);
        QCOMPARE(rows->at(3).before().value(QStringLiteral("name")).toString(),
                 QStringLiteral("New User"));
        f.to = QDateTime::currentDateTimeUtc().addSecs(-3600);
        f.from = {};
        QCOMPARE(AuditLog::list(m_root, f)->size(), 0);
        QVERIFY(count(db, QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.v_audit_log")) >=
                steps.size());
        // Another admin's trail is not visible (the seed admin sees only rows about itself,
        // such as the creation of its account).
        QCOMPARE(mysqlCli(m_isaacUser, m_isaacPassword,
                          QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.v_audit_log "
                                         "WHERE admin_username <> 'isaacbernard@example02.test' "
                                         "OR action NOT LIKE 'account.%'"))
                     .out.trimmed(),
                 QStringLiteral("0"));
        checkScopeUnchanged("own domain");
    }

    void limitsAndProtectedMailboxes() {
        QSqlDatabase db = openAs(QStringLiteral("deleg-limits"), m_creds.dbUser, m_creds.password);
        QVERIFY(db.isOpen());
        const QString a = m_domainA;
        // mailboxes: -1 = no new users; N = at most N.
        QVERIFY(exec(m_root,
                     QStringLiteral("UPDATE vmail.domain SET mailboxes = -1 WHERE domain = ?"),
                     {a}));
        CallResult r = callQ(db, QStringLiteral("mailbox_create"),
                             {QStringLiteral("lim1@") + a, m_hash, QStringLiteral("x"), 10});
        QVERIFY(!r.ok && r.error.contains(QLatin1String("maildeck.limit")));
        QVERIFY(exec(
            m_root, QStringLiteral("UPDATE vmail.domain SET mailboxes = 2 WHERE domain = ?"), {a}));
        r = callQ(db, QStringLiteral("mailbox_create"),
                  {QStringLiteral("lim1@") + a, m_hash, QStringLiteral("x"), 10});
        QVERIFY(!r.ok && r.error.contains(QLatin1String("maildeck.limit")));
        // The domain's quota: what its mailboxes hold now + 50 MB.
        const int used = count(
            m_root, QStringLiteral("SELECT SUM(quota) FROM vmail.mailbox WHERE domain = ?"), {a});
        QVERIFY(used >= 200);
        QVERIFY(exec(
            m_root,
            QStringLiteral("UPDATE vmail.domain SET mailboxes = 0, maxquota = ? WHERE domain = ?"),
            {used + 50, a}));
        r = callQ(db, QStringLiteral("mailbox_create"),
                  {QStringLiteral("lim1@") + a, m_hash, QStringLiteral("x"), 51});
        QVERIFY2(!r.ok && r.error.contains(QLatin1String("maildeck.limit")), qPrintable(r.error));
        r = callQ(db, QStringLiteral("mailbox_create"),
                  {QStringLiteral("lim1@") + a, m_hash, QStringLiteral("x"), 0});
        QVERIFY2(!r.ok && r.error.contains(QLatin1String("maildeck.limit")), qPrintable(r.error));
        r = callQ(db, QStringLiteral("mailbox_set_quota"), {QStringLiteral("user1@") + a, 151});
        QVERIFY2(!r.ok && r.error.contains(QLatin1String("maildeck.limit")), qPrintable(r.error));
        r = callQ(db, QStringLiteral("mailbox_set_quota"), {QStringLiteral("user1@") + a, 150});
        QVERIFY2(r.ok, qPrintable(r.error));
        r = callQ(db, QStringLiteral("mailbox_set_quota"), {QStringLiteral("user1@") + a, 100});
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(exec(
            m_root,
            QStringLiteral("UPDATE vmail.domain SET mailboxes = 0, maxquota = 0 WHERE domain = ?"),
            {a}));

        // An administrator's mailbox in the admin's own domain is off limits.
        QVERIFY(exec(
            m_root, QStringLiteral("UPDATE vmail.mailbox SET isglobaladmin = 1 WHERE username = ?"),
            {QStringLiteral("user2@") + a}));
        for (const auto &call : QList<QPair<QString, QVariantList>>{
                 {QStringLiteral("mailbox_set_password"), {QStringLiteral("user2@") + a, m_hash}},
                 {QStringLiteral("mailbox_delete"), {QStringLiteral("user2@") + a, 0}},
                 {QStringLiteral("forwarding_add"),
                  {QStringLiteral("user2@") + a, QStringLiteral("spy@outside-delegtest.test")}},
                 {QStringLiteral("mailbox_update"),
                  {QStringLiteral("user2@") + a, QStringLiteral("x"), QStringLiteral(""), 0}}}) {
            r = callQ(db, call.first, call.second);
            expectRefused(QStringLiteral("protected ") + call.first, r.ok, r.error);
            QVERIFY2(r.error.contains(QLatin1String("maildeck.protected")), qPrintable(r.error));
        }
        QVERIFY(exec(
            m_root, QStringLiteral("UPDATE vmail.mailbox SET isglobaladmin = 0 WHERE username = ?"),
            {QStringLiteral("user2@") + a}));
        // The seed's domain admin cannot change its own admin mailbox either.
        const CliResult self = mysqlCli(m_isaacUser, m_isaacPassword,
                                        QStringLiteral("CALL maildeck_delegation.mailbox_set_quota("
                                                       "'isaacbernard@example02.test', 1)"));
        expectRefused(QStringLiteral("mysql: admin changes own admin mailbox"), self.ok(),
                      self.err);
        QVERIFY(self.err.contains(QLatin1String("maildeck.protected")));
        checkScopeUnchanged("limits");
    }

    // Revoking a domain, disabling the admin, rotating the password: effective on the next
    // statement, also in a session that is already open.
    void revocationIsImmediate() {
        QSqlDatabase db = openAs(QStringLiteral("deleg-revoke"), m_creds.dbUser, m_creds.password);
        QVERIFY(db.isOpen());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.v_domains")),
                 1);

        QVERIFY(DomainAdmins::revokeDomain(m_root, m_admin, m_domainA).ok());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.v_domains")),
                 0);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.v_mailboxes")),
                 0);
        CallResult r = callQ(db, QStringLiteral("mailbox_set_quota"),
                             {QStringLiteral("user1@") + m_domainA, 20});
        expectRefused(QStringLiteral("call after revokeDomain"), r.ok, r.error);
        QVERIFY(DomainAdmins::grantDomain(m_root, m_admin, m_domainA).ok());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.v_domains")),
                 1);
        // Giving B as well shows B; taking it away hides it again.
        QVERIFY(DomainAdmins::grantDomain(m_root, m_admin, m_domainB).ok());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.v_domains")),
                 2);
        QVERIFY(DomainAdmins::revokeDomain(m_root, m_admin, m_domainB).ok());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.v_domains")),
                 1);

        // Disabling the admin: the open session is ended, new logins are refused.
        QVERIFY(DomainAdmins::setActive(m_root, m_admin, false).ok());
        QCOMPARE(count(m_root,
                       QStringLiteral(
                           "SELECT COUNT(*) FROM vmail.admin WHERE username = ? AND active = 0"),
                       {m_admin}),
                 1);
        QSqlQuery after(db);
        expectRefused(
            QStringLiteral("open session after disable"),
            after.exec(QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.v_domains")) &&
                after.next() && after.value(0).toInt() > 0,
            after.lastError().text());
        const CliResult locked =
            mysqlCli(m_creds.dbUser, m_creds.password, QStringLiteral("SELECT 1"));
        expectRefused(QStringLiteral("login after disable"), locked.ok(), locked.err);
        auto accounts = DelegatedAccounts::forAdmin(m_root, m_admin);
        QVERIFY(accounts.ok() && accounts.value().has_value());
        QVERIFY(accounts.value()->locked);
        QVERIFY(!accounts.value()->enabled);
        QVERIFY(DomainAdmins::setActive(m_root, m_admin, true).ok());
        QVERIFY(mysqlCli(m_creds.dbUser, m_creds.password, QStringLiteral("SELECT 1")).ok());

        // Rotating: the old password stops working, the new one works.
        auto fresh = DelegatedAccounts::rotatePassword(m_root, m_creds.dbUser);
        QVERIFY(fresh.ok());
        QVERIFY(fresh.value() != m_creds.password);
        const CliResult old =
            mysqlCli(m_creds.dbUser, m_creds.password, QStringLiteral("SELECT 1"));
        expectRefused(QStringLiteral("login with the old password"), old.ok(), old.err);
        m_creds.password = fresh.value();
        QVERIFY(mysqlCli(m_creds.dbUser, m_creds.password, QStringLiteral("SELECT 1")).ok());
        QVERIFY2(m_matrix.breaches.isEmpty(),
                 qPrintable(m_matrix.breaches.join(QLatin1Char('\n'))));

        // The global admin's audit trail of these changes.
        AuditFilter f;
        f.adminUsername = m_admin;
        f.action = QStringLiteral("admin.");
        auto rows = AuditLog::list(m_root, f);
        QVERIFY(rows.ok());
        QStringList actions;
        for (const AuditEntry &e : *rows)
            actions << e.action;
        QVERIFY2(actions.contains(QStringLiteral("admin.revoke_domain")) &&
                     actions.contains(QStringLiteral("admin.grant_domain")) &&
                     actions.contains(QStringLiteral("admin.disable")) &&
                     actions.contains(QStringLiteral("admin.create")),
                 qPrintable(actions.join(QLatin1Char(','))));
        checkScopeUnchanged("revocation");
    }

    // The typed C++ calls of the delegated side, with the admin's own (rotated) credentials.
    void typedCallsThroughOwnAccount() {
        QSqlDatabase db = openAs(QStringLiteral("deleg-typed"), m_creds.dbUser, m_creds.password);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        QCOMPARE(DelegatedCalls::whoAmI(db).value(), m_admin);
        QCOMPARE(DelegatedCalls::myDomains(db).value(), QStringList{m_domainA});
        const QString box = QStringLiteral("typed.user@") + m_domainA;
        Status s = DelegatedCalls::createMailbox(db, QStringLiteral("Typed.User@") + m_domainA,
                                                 QStringLiteral("Pw-typed-1"),
                                                 QStringLiteral("Typed"), 20);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        auto stored = [&] {
            QSqlQuery q(m_root);
            q.prepare(QStringLiteral("SELECT password FROM vmail.mailbox WHERE username = ?"));
            q.addBindValue(box);
            return q.exec() && q.next() ? q.value(0).toString() : QString();
        };
        QVERIFY(db::PasswordHash::verify(stored(), QStringLiteral("Pw-typed-1")).value());
        QVERIFY(DelegatedCalls::setPassword(db, box, QStringLiteral("Pw-typed-2")).ok());
        QVERIFY(db::PasswordHash::verify(stored(), QStringLiteral("Pw-typed-2")).value());
        QCOMPARE(DelegatedCalls::createMailbox(db, box, QStringLiteral("x"), {}, 20).error().code,
                 QStringLiteral("delegation.exists"));
        QCOMPARE(DelegatedCalls::createMailbox(db, QStringLiteral("typed@") + m_domainB,
                                               QStringLiteral("x"), {}, 20)
                     .error()
                     .code,
                 QStringLiteral("delegation.denied"));
        QCOMPARE(
            DelegatedCalls::setQuota(db, QStringLiteral("nobody@") + m_domainA, 5).error().code,
            QStringLiteral("delegation.not_found"));
        QCOMPARE(DelegatedCalls::createAlias(db, QStringLiteral("a1@") + m_domainA,
                                             QStringLiteral("A"), QStringLiteral("everyone"))
                     .error()
                     .code,
                 QStringLiteral("delegation.invalid"));
        QVERIFY(!DelegatedCalls::setQuota(db, QStringLiteral("not an address"), 5).ok());
        QVERIFY(DelegatedCalls::deleteMailbox(db, box).ok());
        checkScopeUnchanged("typed calls");
    }

    // The global admin's own account (vmailadmin) and the iRedMail rows are unaffected.
    void globalAdminUnaffected() {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), QStringLiteral("deleg-vmailadmin"));
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(LabEnv::port("LAB_DB_PORT"));
        db.setUserName(LabEnv::value("LAB_DB_ADMIN_USER"));
        db.setPassword(LabEnv::value("LAB_DB_ADMIN_PASSWORD"));
        db.setDatabaseName(QStringLiteral("vmail"));
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QVERIFY(count(db, QStringLiteral("SELECT COUNT(*) FROM mailbox WHERE domain = ?"),
                      {m_domainA}) >= 2);
        QVERIFY(exec(db,
                     QStringLiteral("UPDATE mailbox SET name = 'by vmailadmin' WHERE username = ?"),
                     {QStringLiteral("user1@") + m_domainA}));
        auto list = DomainAdmins::list(m_root);
        QVERIFY(list.ok());
        bool found = false;
        for (const DomainAdminInfo &i : *list) {
            if (i.username == m_admin) {
                found = true;
                QCOMPARE(i.domains, QStringList{m_domainA});
                QVERIFY(!i.isMailbox);
                QVERIFY(i.active);
            }
            QVERIFY(i.username != QLatin1String("globaladmin@maildeck.test"));
        }
        QVERIFY(found);
    }

    void cleanupTestCase() {
        if (!m_root.isOpen())
            return;
        if (!m_admin.isEmpty()) {
            DomainAdmins::remove(m_root, m_admin); // drops its account too
            // In case the admin row was never made but the account was.
            if (!m_creds.dbUser.isEmpty())
                DelegatedAccounts::remove(m_root, m_creds.dbUser);
        }
        if (!m_isaacUser.isEmpty())
            DelegatedAccounts::remove(m_root, m_isaacUser);
        removeTestRows();
        if (m_installedHere) {
            Status s = DelegationSchema::uninstall(m_root);
            QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        }
        qInfo().noquote()
            << QStringLiteral(
                   "delegation matrix: %1 attempts, %2 refused, %3 stored "
                   "literally, %4 legitimate own-domain or destination addresses, %5 got through")
                   .arg(m_matrix.attempts)
                   .arg(m_matrix.refused)
                   .arg(m_matrix.literal)
                   .arg(m_matrix.legitimate)
                   .arg(m_matrix.breaches.size());
        for (const QString &b : m_matrix.breaches)
            qWarning().noquote() << "got through:" << b;
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.domain WHERE domain IN (?, ?)"),
                       {m_domainA, m_domainB}),
                 0);
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.admin WHERE username = ?"),
                       {m_admin}),
                 0);
        // The seed is as it was (B is gone now, so compare the seed domains only).
        QCOMPARE(m_matrix.breaches.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDelegationServer)
#include "tst_delegation_server.moc"
