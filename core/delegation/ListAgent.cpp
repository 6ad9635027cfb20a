#include "core/delegation/ListAgent.h"

#include "core/common/SharedPromise.h"

#include "core/db/DbWorker.h"
#include "core/db/SqlSupport.h"
#include "core/delegation/DelegatedCalls.h"
#include "core/delegation/DelegationNames.h"
#include "core/delegation/DelegationSchema.h"
#include "core/lists/ListSettings.h"
#include "core/lists/MailingLists.h"
#include "core/lists/MlmmjScripts.h"
#include "core/profiles/ServerProfile.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>

#include <memory>

namespace maildeck::delegation {

namespace {

Error installError(const QString &message, const QString &detail = {}) {
    return Error{QStringLiteral("delegation.listagent.install"), message, detail};
}

// The control files a domain admin may write: those MailDeck's list editor manages, without
// the server settings (where and how list mail leaves the server: the global admin's call).
QStringList controlFiles() {
    QStringList names = lists::ListSettings::managedFiles();
    for (const char *server : {"relayhost", "smtphelo", "smtpport"})
        names.removeAll(QLatin1String(server));
    return names;
}

QByteArray agentProgram() {
    QFile f(QStringLiteral(":/maildeck/delegation/maildeck-list-agent.py"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList agentHosts() {
    return DelegationNames::accountHosts();
}

ExecOptions rootOptions(const QByteArray &stdinData = {}) {
    ExecOptions o;
    o.privileged = true;
    o.stdinData = stdinData;
    o.timeoutMs = 2 * 60 * 1000;
    return o;
}

// Unpacks frame() ("<name>\n<mode>\n<size>\n<bytes>"…) from stdin into $1: each file written
// beside its place and renamed, so a half-done install never leaves a broken file behind.
const char kUnpack[] = R"PY(
import os, sys
d = sys.argv[1]
data = sys.stdin.buffer.read()
pos = 0
def field():
    global pos
    end = data.index(b"\n", pos)
    value = data[pos:end]
    pos = end + 1
    return value
while pos < len(data):
    name = field().decode()
    mode = int(field(), 8)
    size = int(field())
    body = data[pos:pos + size]
    pos += size
    if len(body) != size or name.startswith("/") or ".." in name.split("/"):
        sys.exit("bad file " + name)
    path = os.path.join(d, name)
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    tmp = path + ".new"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as f:
        f.write(body)
    os.chmod(tmp, mode)
    os.replace(tmp, path)
)PY";

} // namespace

QString ListAgent::directory() {
    return QStringLiteral("/usr/local/lib/maildeck/list-agent");
}

QString ListAgent::accountName() {
    return QStringLiteral("maildeck_listagent");
}

// ------------------------------------------------------------------ the domain admin's side

Result<CommandOutput> ListAgent::runJob(QSqlDatabase &db, const lists::ListOp &op,
                                        const QByteArray &stdinData, int waitForAgentMs,
                                        int timeoutMs) {
    const QString what = tr("send the list operation to the server");
    const QString args = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(op.args)).toJson(QJsonDocument::Compact));
    // The job is found again by a key of our own: the procedures return no result sets.
    const QString request = QString::fromLatin1(
        QByteArray::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0') +
        QByteArray::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0'));
    if (Status s = DelegatedCalls::call(db, QStringLiteral("list_job_submit"),
                                        {request, op.name, op.target, args, stdinData}, what);
        !s)
        return s.error();

    QElapsedTimer clock;
    clock.start();
    int pause = 20;
    bool withdrawn = false;
    for (;;) {
        auto q = db::Sql::exec(db,
                               QStringLiteral("SELECT state, exit_status, stdout, stderr FROM "
                                              "maildeck_delegation.v_list_jobs WHERE request = ?"),
                               {request}, what);
        if (!q)
            return q.error();
        if (!q.value().next())
            return Error{QStringLiteral("delegation.listagent.protocol"),
                         tr("The server no longer knows this list job."),
                         {}};
        const QString state = q.value().value(0).toString();
        if (state == QLatin1String("done")) {
            CommandOutput out;
            out.exitStatus = q.value().value(1).toInt();
            out.stdOut = q.value().value(2).toByteArray();
            out.stdErr = q.value().value(3).toByteArray();
            return out;
        }
        if (state == QLatin1String("cancelled"))
            return Error{QStringLiteral("delegation.listagent.down"),
                         tr("The server's list agent did not take the job: it is not installed "
                            "or not running. Nothing was changed. Ask the server's "
                            "administrator to install or start it (Tools > Domain "
                            "Administrators > List Agent)."),
                         QString::fromUtf8(q.value().value(3).toByteArray())};
        if (state == QLatin1String("pending") && !withdrawn && clock.elapsed() > waitForAgentMs) {
            // Withdrawn unless the agent takes it this very moment; the next look tells which.
            // Refused when the agent took it meanwhile: then it runs, and the next look says so.
            DelegatedCalls::call(db, QStringLiteral("list_job_cancel"), {request}, what);
            withdrawn = true;
            continue;
        }
        if (clock.elapsed() > timeoutMs)
            return Error{QStringLiteral("delegation.listagent.timeout"),
                         tr("The server's list agent has not finished the job after %n "
                            "minute(s); it may still finish it. Reload before you try again.",
                            nullptr, timeoutMs / 60000),
                         {}};
        QThread::msleep(pause);
        pause = std::min(pause * 2, 100);
    }
}

// ------------------------------------------------------------------ the global admin's side

Result<QString> ListAgent::setUpDbAccount(QSqlDatabase &db) {
    auto schema = DelegationSchema::status(db);
    if (!schema)
        return schema.error();
    if (schema->installedVersion < 3)
        return installError(tr("Install or upgrade delegation first (the server has version %1 "
                               "of MailDeck's delegation schema; the list agent needs 3).")
                                .arg(schema->installedVersion));
    const QString password = DelegationNames::generatePassword();
    const QString hash =
        DelegationNames::quoteString(DelegationNames::nativePasswordHash(password));
    const QString what = tr("set up the list agent's database account");
    for (const QString &host : agentHosts()) {
        const QString spec = DelegationNames::accountSpec(accountName(), host);
        const QStringList statements{
            QStringLiteral("CREATE USER IF NOT EXISTS %1 IDENTIFIED BY PASSWORD %2")
                .arg(spec, hash),
            QStringLiteral("ALTER USER %1 IDENTIFIED BY PASSWORD %2 WITH MAX_USER_CONNECTIONS 4")
                .arg(spec, hash),
            QStringLiteral("REVOKE ALL PRIVILEGES, GRANT OPTION FROM %1").arg(spec),
            QStringLiteral("GRANT EXECUTE ON PROCEDURE maildeck_delegation.int_agent_take_job "
                           "TO %1")
                .arg(spec),
            QStringLiteral("GRANT EXECUTE ON PROCEDURE maildeck_delegation.int_agent_finish_job "
                           "TO %1")
                .arg(spec)};
        for (const QString &sql : statements)
            if (Status s = DelegationSchema::execDirect(db, sql, what); !s)
                return s.error();
    }
    return password;
}

Status ListAgent::dropDbAccount(QSqlDatabase &db) {
    for (const QString &host : agentHosts())
        if (Status s = DelegationSchema::execDirect(
                db,
                QStringLiteral("DROP USER IF EXISTS %1")
                    .arg(DelegationNames::accountSpec(accountName(), host)),
                tr("remove the list agent's database account"));
            !s)
            return s;
    return Status::success();
}

QMap<QString, QByteArray> ListAgent::files(const ServerProfile &profile, const QString &password) {
    const lists::MlmmjPaths paths = lists::MailingLists::pathsFor(profile);
    QMap<QString, QByteArray> out;
    out.insert(QStringLiteral("maildeck-list-agent"), agentProgram());
    const QStringList ops = lists::MlmmjScripts::opNames();
    for (const QString &op : ops)
        out.insert(QStringLiteral("list-ops/%1.sh").arg(op),
                   lists::MlmmjScripts::body(op).toUtf8());
    const QStringList common = lists::MlmmjScripts::commonArgs(paths);
    QJsonObject conf{{QStringLiteral("spool"), common.value(0)},
                     {QStringLiteral("archive"), common.value(1)},
                     {QStringLiteral("bin"), common.value(2)},
                     {QStringLiteral("skel"), common.value(3)},
                     {QStringLiteral("smtpport"), QString()}, // filled in on the server
                     {QStringLiteral("mysql"), QStringLiteral("mysql")},
                     {QStringLiteral("control_files"), QJsonArray::fromStringList(controlFiles())}};
    out.insert(QStringLiteral("list-agent.conf"), QJsonDocument(conf).toJson());
    // The agent reaches the database where MailDeck's tunnel does (host and port as seen from
    // the server), over TCP.
    out.insert(QStringLiteral("list-agent.my.cnf"),
               QStringLiteral("[client]\nuser=%1\npassword=%2\nhost=%3\nport=%4\nprotocol=TCP\n")
                   .arg(accountName(), password, profile.dbHost)
                   .arg(profile.dbPort)
                   .toUtf8());
    out.insert(QStringLiteral("VERSION"), filesVersion().toUtf8() + '\n');
    return out;
}

QString ListAgent::filesVersion() {
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(agentProgram());
    const QStringList ops = lists::MlmmjScripts::opNames();
    for (const QString &op : ops) {
        h.addData(QByteArray(op.toUtf8() + '\0'));
        h.addData(QByteArray(lists::MlmmjScripts::body(op).toUtf8() + '\0'));
    }
    return QString::fromLatin1(h.result().toHex().left(16));
}

QByteArray ListAgent::frame(const QMap<QString, QByteArray> &files) {
    QByteArray out;
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        const bool secret = it.key().endsWith(QLatin1String(".my.cnf"));
        const bool program = it.key() == QLatin1String("maildeck-list-agent");
        out += it.key().toUtf8() + '\n' +
               (secret    ? "0600"
                : program ? "0700"
                          : "0600") +
               '\n' + QByteArray::number(it.value().size()) + '\n' + it.value();
    }
    return out;
}

QString ListAgent::installScript(bool systemd) {
    QString s =
        QStringLiteral("set -u\nD=%1\nunit=/etc/systemd/system/maildeck-list-agent.service\n")
            .arg(Sudo::shellQuote(directory()));
    s +=
        QStringLiteral(
            "fail() { echo \"$1\" >&2; exit 5; }\n"
            "command -v python3 >/dev/null || fail 'python3 is not installed on the server'\n"
            "my=$(command -v mariadb || command -v mysql) || fail 'no mysql client on the server'\n"
            "umask 077\nmkdir -p \"$D\" && chown root:root \"$D\" && chmod 0700 \"$D\" || "
            "fail \"cannot create $D\"\n"
            "python3 -c %1 \"$D\" || fail 'cannot write the files'\n")
            .arg(Sudo::shellQuote(QString::fromLatin1(kUnpack)));
    // The list texts' SMTP port (iRedMail: Postfix's reinjection port for mlmmj) as the existing
    // lists have it; new lists made through the agent get the same.
    s += QStringLiteral(
        "spool=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[\"spool\"])' "
        "\"$D/list-agent.conf\")\n"
        "port=$(cat \"$spool\"/*/*/control/smtpport 2>/dev/null | head -n 1 | tr -cd 0-9)\n"
        "python3 - \"$D/list-agent.conf\" \"$port\" \"$my\" <<'EOF' || fail 'cannot write the "
        "configuration'\n"
        "import json, sys\n"
        "c = json.load(open(sys.argv[1]))\nc['smtpport'] = sys.argv[2]\nc['mysql'] = sys.argv[3]\n"
        "open(sys.argv[1], 'w').write(json.dumps(c, indent=1))\n"
        "EOF\n"
        "out=$(python3 \"$D/maildeck-list-agent\" --dir \"$D\" --check 2>&1) || fail \"the "
        "agent's check failed: $out\"\n"
        "stop_background() {\n"
        "  [ -f \"$D/list-agent.pid\" ] || return 0\n"
        "  pid=$(cat \"$D/list-agent.pid\"); kill \"$pid\" 2>/dev/null\n"
        "  i=0; while kill -0 \"$pid\" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); "
        "done\n"
        "  rm -f \"$D/list-agent.pid\"\n"
        "}\n");
    if (systemd)
        s += QStringLiteral(
            "stop_background\n"
            "cat > \"$unit.new\" <<EOF || fail 'cannot write the systemd unit'\n"
            "[Unit]\nDescription=MailDeck list agent (mailing lists for domain admins)\n"
            "After=network.target mariadb.service mysql.service\n\n"
            "[Service]\nExecStart=/usr/bin/env python3 $D/maildeck-list-agent --dir $D\n"
            "Restart=always\nRestartSec=2\n\n[Install]\nWantedBy=multi-user.target\nEOF\n"
            "mv -f \"$unit.new\" \"$unit\" && systemctl daemon-reload && "
            "systemctl enable maildeck-list-agent.service >/dev/null 2>&1 && "
            "systemctl restart maildeck-list-agent.service || fail 'systemctl could not start "
            "maildeck-list-agent.service'\n"
            "echo systemd > \"$D/manager\"\n");
    else
        s += QStringLiteral(
            "stop_background\n"
            "setsid python3 \"$D/maildeck-list-agent\" --dir \"$D\" </dev/null "
            ">>\"$D/list-agent.log\" 2>&1 &\n"
            "echo $! > \"$D/list-agent.pid\"\n"
            "echo background > \"$D/manager\"\n"
            "sleep 0.3; kill -0 \"$(cat \"$D/list-agent.pid\")\" 2>/dev/null || fail 'the agent "
            "stopped at once'\n");
    return s;
}

namespace {

// The state script: "installed 0|1", "running 0|1", "manager …", "version …".
QString stateScript() {
    return QStringLiteral(
               "D=%1\n"
               "if [ -f \"$D/maildeck-list-agent\" ]; then echo 'installed 1'; else echo "
               "'installed 0'; fi\n"
               "m=$(cat \"$D/manager\" 2>/dev/null); echo \"manager $m\"\n"
               "echo \"version $(cat \"$D/VERSION\" 2>/dev/null)\"\n"
               "r=0\n"
               "if [ \"$m\" = systemd ]; then systemctl is-active --quiet "
               "maildeck-list-agent.service && r=1\n"
               "elif [ -f \"$D/list-agent.pid\" ]; then kill -0 \"$(cat \"$D/list-agent.pid\")\" "
               "2>/dev/null && r=1; fi\n"
               "echo \"running $r\"\n")
        .arg(Sudo::shellQuote(ListAgent::directory()));
}

QString removeScript() {
    return QStringLiteral(
               "D=%1\nunit=/etc/systemd/system/maildeck-list-agent.service\n"
               "if [ -f \"$unit\" ]; then systemctl disable --now maildeck-list-agent.service "
               ">/dev/null 2>&1; rm -f \"$unit\"; systemctl daemon-reload; fi\n"
               "if [ -f \"$D/list-agent.pid\" ]; then kill \"$(cat \"$D/list-agent.pid\")\" "
               "2>/dev/null; fi\n"
               "rm -rf \"$D\"\n")
        .arg(Sudo::shellQuote(ListAgent::directory()));
}

Error remoteFailure(const Result<CommandOutput> &r, const QString &what) {
    if (!r.ok())
        return r.error();
    return installError(what, QString::fromUtf8(Sudo::stripSudoNoise(r->stdErr)).trimmed());
}

} // namespace

QFuture<Status> ListAgent::install(ServerConnection *connection) {
    auto p = makePromise<Status>();
    if (!connection || !connection->db() || !connection->ssh()) {
        deliver(p, Status(installError(tr("Not connected to the server."))));
        return p->future();
    }
    const ServerProfile profile = connection->profile();
    SshSession *ssh = connection->ssh();
    DbWorker *db = connection->db();
    db->run([](QSqlDatabase &d) { return setUpDbAccount(d); }, DbWorker::Retry::Never)
        .then([p, ssh, db, profile](Result<QString> password) {
            if (!password)
                return deliver(p, Status(password.error()));
            const bool systemd = profile.flavour != ServerFlavour::Lab;
            // Without systemd on the server (the BSDs, some containers) the agent is started in
            // the background: it does not come back after a reboot by itself.
            const QString script =
                systemd ? QStringLiteral("if [ -d /run/systemd/system ]; then\n%1\nelse\n%2\nfi\n")
                              .arg(installScript(true), installScript(false))
                        : installScript(false);
            ssh->runCommand(script, rootOptions(frame(files(profile, password.value()))))
                .then([p, db](Result<CommandOutput> r) {
                    if (r.ok() && r->succeeded())
                        return deliver(p, Status::success());
                    const Error e = remoteFailure(
                        r, tr("The list agent could not be installed on the server."));
                    // Leave no account behind whose password nobody has.
                    db->run([](QSqlDatabase &d) { return dropDbAccount(d); },
                            DbWorker::Retry::Never)
                        .then([p, e](Status) { deliver(p, Status(e)); });
                });
        });
    return p->future();
}

QFuture<Result<ListAgentState>> ListAgent::state(ServerConnection *connection) {
    auto p = makePromise<Result<ListAgentState>>();
    if (!connection || !connection->ssh()) {
        deliver(p, Result<ListAgentState>(installError(tr("Not connected to the server."))));
        return p->future();
    }
    connection->ssh()->runCommand(stateScript(), rootOptions()).then([p](Result<CommandOutput> r) {
        if (!r.ok() || !r->succeeded())
            return deliver(p, Result<ListAgentState>(
                                  remoteFailure(r, tr("Could not read the list agent's state."))));
        ListAgentState st;
        const QStringList lines = r->stdoutText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            const QString key = line.section(QLatin1Char(' '), 0, 0);
            const QString value = line.section(QLatin1Char(' '), 1).trimmed();
            if (key == QLatin1String("installed"))
                st.installed = value == QLatin1String("1");
            else if (key == QLatin1String("running"))
                st.running = value == QLatin1String("1");
            else if (key == QLatin1String("manager"))
                st.manager = value;
            else if (key == QLatin1String("version"))
                st.version = value;
        }
        st.upToDate = st.installed && st.version == filesVersion();
        deliver(p, Result<ListAgentState>(st));
    });
    return p->future();
}

QFuture<Status> ListAgent::remove(ServerConnection *connection) {
    auto p = makePromise<Status>();
    if (!connection || !connection->db() || !connection->ssh()) {
        deliver(p, Status(installError(tr("Not connected to the server."))));
        return p->future();
    }
    DbWorker *db = connection->db();
    connection->ssh()
        ->runCommand(removeScript(), rootOptions())
        .then([p, db](Result<CommandOutput> r) {
            if (!r.ok() || !r->succeeded())
                return deliver(p, Status(remoteFailure(r, tr("Could not remove the list agent."))));
            db->run([](QSqlDatabase &d) { return dropDbAccount(d); }, DbWorker::Retry::Never)
                .then([p](Status s) { deliver(p, s); });
        });
    return p->future();
}

} // namespace maildeck::delegation
