#pragma once

// Mailing lists for domain admins: the server's list agent and the jobs sent to it.
//
// mlmmj keeps each list in a directory only root may change, and a domain admin's SSH account
// may forward to the database and nothing else. So the global admin installs, once per server,
// MailDeck's list agent (resources/delegation/maildeck-list-agent.py, run as root by systemd or
// started in the background where there is no systemd) with its own MariaDB account that may
// call only the two int_agent_* procedures of migration 003. A domain admin's MailDeck sends
// each list operation (lists::ListOp: the name of one of MlmmjScripts' fixed scripts, the list,
// the operation's arguments) as a job through list_job_submit, which checks that the list is in
// one of the caller's domains; the agent checks the arguments' shapes and runs the script with
// the server's own paths; the outcome comes back as the same CommandOutput an SSH command
// gives, so lists::MailingLists parses it the same way.
//
//   // global admin, connected as root (or sudo) with a database account that may create users:
//   ListAgent::install(connection).then(this, [](Status s) { … });
//   // domain admin, on the DB worker thread (MailingLists does this):
//   Result<CommandOutput> out = ListAgent::runJob(db, MlmmjScripts::subscribe(list, …), stdin);
//
// Error codes: "delegation.listagent.down" (no agent took the job: not installed or stopped),
// "delegation.listagent.timeout", "delegation.listagent.install" (a step on the server failed;
// the message has its output), and those of the procedures ("delegation.denied", …).

#include "core/common/Result.h"
#include "core/ssh/SshTypes.h"

#include <QCoreApplication>
#include <QFuture>
#include <QSqlDatabase>
#include <QString>

namespace maildeck {
class ServerConnection;
struct ServerProfile;
} // namespace maildeck

namespace maildeck::lists {
struct ListOp;
struct MlmmjPaths;
} // namespace maildeck::lists

namespace maildeck::delegation {

struct ListAgentState {
    bool installed = false;
    bool running = false;
    QString manager;       // "systemd" or "background"
    QString version;       // of the installed files (filesVersion() when they were written)
    bool upToDate = false; // the installed files are this MailDeck's
};

class ListAgent {
    Q_DECLARE_TR_FUNCTIONS(ListAgent)

public:
    // Where the agent lives on the server (root-only).
    static QString directory();
    // The agent's MariaDB account (at localhost, 127.0.0.1 and ::1).
    static QString accountName();

    // ---- the domain admin's side (a delegated database connection) ----
    // Submits `op` and waits for its outcome, polling; blocks the calling (DB worker) thread.
    // A job no agent takes within `waitForAgentMs` is withdrawn ("delegation.listagent.down").
    static Result<CommandOutput> runJob(QSqlDatabase &db, const lists::ListOp &op,
                                        const QByteArray &stdinData = {}, int waitForAgentMs = 8000,
                                        int timeoutMs = 10 * 60 * 1000);

    // ---- the global admin's side ----
    // (Re)installs and (re)starts the agent: a new password for its account, the files, the
    // service; checks that it runs. Idempotent (an upgrade is an install).
    static QFuture<Status> install(ServerConnection *connection);
    static QFuture<Result<ListAgentState>> state(ServerConnection *connection);
    // Stops the agent, deletes its files and its MariaDB account.
    static QFuture<Status> remove(ServerConnection *connection);

    // Pieces, public for tests.
    static Result<QString> setUpDbAccount(QSqlDatabase &db); // returns the new password
    static Status dropDbAccount(QSqlDatabase &db);
    // The files of the agent's directory: name -> content (list-agent.conf, list-agent.my.cnf,
    // maildeck-list-agent, list-ops/<op>.sh).
    static QMap<QString, QByteArray> files(const ServerProfile &profile, const QString &password);
    // sha256 over files() without the two configuration files: what "up to date" compares.
    static QString filesVersion();
    // The root script that installs files() (framed on its stdin) and starts the agent.
    static QString installScript(bool systemd);
    static QByteArray frame(const QMap<QString, QByteArray> &files);
};

} // namespace maildeck::delegation
