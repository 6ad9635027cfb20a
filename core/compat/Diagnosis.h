#pragma once

#include "core/common/Result.h"
#include "core/compat/ClientProfile.h"
#include "core/compat/Probe.h"
#include "core/config/ChangeSet.h"
#include "core/config/ServerConfigReader.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace maildeck {
class SshSession;
}

namespace maildeck::compat {

// One thing on the server that blocks the client.
struct Blocker {
    QString id;        // stable: "dovecot.plaintext-auth", "iredapd.sender-login-mismatch", …
    QString component; // "dovecot", "postfix", "iredapd", "client"
    QString setting;   // "disable_plaintext_auth", "ssl_min_protocol", "MYNETWORKS", …
    QString effectiveValue;                      // for THIS client
    std::optional<config::ConfigLocation> where; // the line that sets it (effective)
    QList<config::ConfigLocation> alsoSetIn;     // the other places that set it (the trap)
    QString explanation;                         // translated, plain words
    QStringList logProof; // log lines that prove it (empty when none were given/found)
};

// One way to make the client work, ranked narrowest (1) to broadest.
struct FixOption {
    enum class Scope { ClientSide, ThisClient, ThisService, ThisAddress, Protocol, Global };
    int rank = 0;
    Scope scope = Scope::Global;
    QString id;           // stable: "wlm.client-pop3s", "wlm.remote-plaintext", …
    QString title;        // translated
    QString securityCost; // translated, plain words
    bool recommended = false;
    // ClientSide options change nothing on the server (edits empty): tell the user instead.
    bool changesServer() const { return !edits.isEmpty(); }
    QString changeTitle;                      // title of the ChangeSet to plan
    QString changeOrigin;                     // its ChangeSet::origin (compat::changeOrigin)
    QList<config::ChangeSet::Input> edits;    // oldContent = the snapshot's bytes
    QList<config::PlannedCommand> postChecks; // added to the ChangeSet (ChangeSet::addPostCheck)
    // Probes that prove the option: fail before, pass after. Host/port are filled from the
    // profile (compat::servicePort); passwords are added by the caller (never stored).
    QList<ProbeSpec> probes;
};

// The result of diagnosing one client against one configuration snapshot.
struct Diagnosis {
    ClientProfile profile;
    ClientParams params; // password cleared
    bool passes = false; // nothing blocks it ("passes, no change needed")
    QList<Blocker> blockers;
    QList<FixOption> options; // ranked, narrowest first
    QStringList notes;        // translated remarks (disagreements, assumptions)
    // Probes that show the problem now / the success after a fix (without password).
    QList<ProbeSpec> probes;
};

// What blocks the client and how to fix it. logLines: lines of the mail/dovecot log (the
// caller passes them, e.g. from fetchClientLogLines); the ones about this client become proof.
// server: host name/address the probes connect to; lab flavour ports via compat::servicePort.
Result<Diagnosis> diagnose(const config::ServerConfigSnapshot &snapshot,
                           const ClientProfile &profile, const ClientParams &params,
                           const QStringList &logLines = {}, const ServerProfile &server = {});

// The untranslated ChangeSet::origin of a fix for this client: "compat/<profile key>/<ip>".
QString changeOrigin(const ClientProfile &profile, const QString &clientIp);

// Lines of logLines that concern the client's IP (and match the profile's failure patterns).
QStringList proofLines(const QStringList &logLines, const ClientProfile &profile,
                       const ClientParams &params);

// Greps the server's mail log and Dovecot log(s) (paths from ServerPaths) for the client IP over
// SSH (privileged), the last maxLines matches.
QFuture<Result<QStringList>> fetchClientLogLines(SshSession *session, const ServerPaths &paths,
                                                 const QString &clientIp, int maxLines = 200);

// A log event (from the reject-log view) to a profile and parameters.
struct ClientEvent {
    QString eventClass; // the catalog's class, e.g. "dovecot.plaintext", "iredapd.sender-mismatch"
    QString clientIp;
    QString heloName;
    QString sender;
    QString recipient;
    QString user;
    QString rawLine;
};
// Picks the profile that fits the event (nullopt: none fits) and fills the parameters.
std::optional<std::pair<ClientProfile, ClientParams>> profileFromEvent(const ClientEvent &event);

} // namespace maildeck::compat
