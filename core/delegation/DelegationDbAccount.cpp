#include "core/delegation/DelegationDbAccount.h"

#include "core/delegation/DelegationNames.h"
#include "core/session/MyCnf.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"

#include <QFileInfo>
#include <QPromise>

#include <memory>

namespace maildeck::delegation {

namespace {

// Ends the SQL part of the script's stdin; the option file's text follows it.
const QLatin1String kSqlEnd("--maildeck-end-of-sql--");

QString directoryOf(const QString &path) {
    const QString dir = QFileInfo(path).path();
    return dir.isEmpty() || dir == QLatin1String(".") ? QStringLiteral("/root") : dir;
}

QString optionFileText(const ServerProfile &profile, const QString &password) {
    // host/port as the profile reaches the database from the server, so the file also works
    // with the mysql client on the server.
    return QStringLiteral("# Written by MailDeck: the account delegation is managed with.\n"
                          "[client]\nhost=%1\nport=%2\nuser=%3\npassword=\"%4\"\n")
        .arg(profile.dbHost)
        .arg(profile.dbPort)
        .arg(DelegationDbAccount::userName(), password);
}

Error scriptFailed(const CommandOutput &out) {
    const QString text = QString::fromUtf8(Sudo::stripSudoNoise(out.stdErr)).trimmed();
    if (out.exitStatus == 4)
        return Error{QStringLiteral("delegation.dbaccount.noclient"),
                     DelegationDbAccount::tr("The server has no mysql/mariadb client to set up "
                                             "the database account with."),
                     {}};
    return Error{QStringLiteral("delegation.dbaccount.failed"),
                 DelegationDbAccount::tr("Setting up the database account %1 failed on the "
                                         "server (exit status %2): %3")
                     .arg(DelegationDbAccount::userName())
                     .arg(out.exitStatus)
                     .arg(text.isEmpty() ? DelegationDbAccount::tr("no message") : text),
                 {}};
}

} // namespace

QString DelegationDbAccount::credentialsFileFor(const ServerProfile &profile) {
    return directoryOf(profile.dbCredentialsFile) + QStringLiteral("/.my.cnf-maildeck");
}

QString DelegationDbAccount::rootCredentialsFileFor(const ServerProfile &profile) {
    return directoryOf(profile.dbCredentialsFile) + QStringLiteral("/.my.cnf");
}

QStringList DelegationDbAccount::setUpStatements(const QString &passwordHash,
                                                 const QString &vmailDb) {
    QStringList sql;
    const QString hash = DelegationNames::quoteString(passwordHash);
    const QString vmail =
        QLatin1Char('`') + QString(vmailDb).remove(QLatin1Char('`')) + QLatin1Char('`');
    for (const QString &host : DelegationNames::accountHosts()) {
        const QString spec = DelegationNames::accountSpec(userName(), host);
        sql << QStringLiteral("CREATE USER IF NOT EXISTS %1 IDENTIFIED BY PASSWORD %2")
                   .arg(spec, hash)
            << QStringLiteral("ALTER USER %1 IDENTIFIED BY PASSWORD %2 ACCOUNT UNLOCK")
                   .arg(spec, hash)
            // Start from nothing, so a re-run never keeps a privilege given by hand.
            << QStringLiteral("REVOKE ALL PRIVILEGES, GRANT OPTION FROM %1").arg(spec)
            // Daily work on vmail, as vmailadmin; GRANT OPTION to give the schema's definer its
            // table privileges.
            << QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON %1.* TO %2 WITH GRANT "
                              "OPTION")
                   .arg(vmail, spec)
            << QStringLiteral("GRANT ALL PRIVILEGES ON `maildeck_delegation`.* TO %1 WITH "
                              "GRANT OPTION")
                   .arg(spec)
            // Per-admin accounts (CREATE USER also covers ALTER/DROP/RENAME USER and REVOKE ALL),
            // views and procedures owned by the locked definer (SET USER), and ending a revoked
            // admin's open sessions (PROCESS to see them, CONNECTION ADMIN to kill them).
            << QStringLiteral("GRANT CREATE USER, SET USER, PROCESS, CONNECTION ADMIN ON *.* TO %1")
                   .arg(spec)
            // Which accounts exist, and whether they are locked: MariaDB keeps the lock only
            // in global_priv's JSON column (which also holds the password hash).
            << QStringLiteral("GRANT SELECT (`Host`, `User`) ON `mysql`.`user` TO %1").arg(spec)
            << QStringLiteral("GRANT SELECT (`Host`, `User`, `Priv`) ON `mysql`.`global_priv` "
                              "TO %1")
                   .arg(spec);
    }
    return sql;
}

QString DelegationDbAccount::setUpScript(const ServerProfile &profile) {
    QStringList undo;
    for (const QString &host : DelegationNames::accountHosts())
        undo << QStringLiteral("DROP USER IF EXISTS ") +
                    DelegationNames::accountSpec(userName(), host) + QLatin1Char(';');
    return QStringLiteral(
               "set -u; PATH=/usr/sbin:/usr/bin:/sbin:/bin; rootcnf=%1; out=%2; undo=%3; "
               "if command -v mariadb >/dev/null; then cli=mariadb; "
               "elif command -v mysql >/dev/null; then cli=mysql; else exit 4; fi; "
               "client() { if [ -r \"$rootcnf\" ]; then \"$cli\" --defaults-file=\"$rootcnf\" "
               "\"$@\"; else \"$cli\" \"$@\"; fi; }; "
               "sql=; while IFS= read -r line; do [ \"$line\" = %4 ] && break; "
               "sql=\"$sql$line\n\"; done; "
               "existed=$(client -N -B -e \"SELECT COUNT(*) FROM mysql.user WHERE "
               "User='%5'\" 2>&1) || { echo \"$existed\" >&2; exit 3; }; "
               "if ! err=$(printf '%s' \"$sql\" | client --batch 2>&1); then "
               "[ \"$existed\" = 0 ] && printf '%s\\n' \"$undo\" | client --batch >/dev/null 2>&1; "
               "echo \"$err\" >&2; exit 3; fi; "
               "umask 077; tmp=\"$out.maildeck-tmp-$$\"; "
               "if cat > \"$tmp\" && chmod 0400 \"$tmp\" && mv -f \"$tmp\" \"$out\"; then echo ok; "
               "else rm -f \"$tmp\"; "
               "[ \"$existed\" = 0 ] && printf '%s\\n' \"$undo\" | client --batch >/dev/null 2>&1; "
               "echo \"could not write $out\" >&2; exit 3; fi")
        .arg(Sudo::shellQuote(rootCredentialsFileFor(profile)),
             Sudo::shellQuote(credentialsFileFor(profile)), Sudo::shellQuote(undo.join(u' ')),
             Sudo::shellQuote(kSqlEnd), userName());
}

ServerProfile DelegationDbAccount::profileUsing(const ServerProfile &profile) {
    ServerProfile p = profile;
    p.dbUser = userName();
    p.dbCredentials = DbCredentialSource::ServerFile;
    p.dbCredentialsFile = credentialsFileFor(profile);
    return p;
}

bool DelegationDbAccount::isUsedBy(const ServerProfile &profile) {
    return profile.dbUser == userName();
}

QFuture<Result<ServerProfile>> DelegationDbAccount::setUp(SshSession *ssh,
                                                          const ServerProfile &profile) {
    using R = Result<ServerProfile>;
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> future = promise->future();
    if (!ssh || profile.role != ProfileRole::Global) {
        promise->addResult(R(Error{QStringLiteral("delegation.dbaccount.session"),
                                   tr("Only the server's global admin, connected over SSH, can "
                                      "set up the database account."),
                                   {}}));
        promise->finish();
        return future;
    }
    ExecOptions read;
    read.privileged = true;
    read.timeoutMs = 30000;
    const QString file = credentialsFileFor(profile);
    ssh->runCommand(QStringLiteral("cat -- %1 2>/dev/null || true").arg(Sudo::shellQuote(file)),
                    read)
        .then(ssh, [ssh, profile, promise, file](Result<CommandOutput> existing) {
            if (!existing.ok()) {
                promise->addResult(R(existing.error()));
                promise->finish();
                return;
            }
            // Keep the password other desktops already read from the file.
            QString password;
            if (auto cnf = MyCnf::parse(existing->stdOut, file);
                cnf.ok() && cnf->user == userName() && cnf->password.size() >= 16)
                password = cnf->password;
            if (password.isEmpty())
                password = DelegationNames::generatePassword();
            ExecOptions run;
            run.privileged = true;
            run.timeoutMs = 60000;
            run.stdinData =
                (setUpStatements(DelegationNames::nativePasswordHash(password), profile.dbName)
                     .join(QStringLiteral(";\n")) +
                 QStringLiteral(";\n") + kSqlEnd + QLatin1Char('\n') +
                 optionFileText(profile, password))
                    .toUtf8();
            ssh->runCommand(setUpScript(profile), run)
                .then(ssh, [profile, promise](Result<CommandOutput> r) {
                    if (!r.ok())
                        promise->addResult(R(r.error()));
                    else if (r->exitStatus != 0 || r->stdoutText().trimmed() != QLatin1String("ok"))
                        promise->addResult(R(scriptFailed(*r)));
                    else
                        promise->addResult(R(profileUsing(profile)));
                    promise->finish();
                });
        });
    return future;
}

} // namespace maildeck::delegation
