#pragma once

#include "core/common/Result.h"

#include <QString>

namespace maildeck {

// What libssh's known-hosts check said about the key the server presented
// (mirrors enum ssh_known_hosts_e, kept free of libssh so the policy is testable).
enum class KnownHostState {
    Known,   // the key is in known_hosts
    Unknown, // the host is not in known_hosts (or the file does not exist yet)
    Changed, // known_hosts holds a different key of the same type: possible attack
    Other,   // known_hosts holds only keys of other types for this host: possible attack
    Error,   // known_hosts could not be read or parsed
};

// The server's host key as shown to a person, the way OpenSSH shows it.
struct HostKeyInfo {
    QString host; // as connected to (after ~/.ssh/config's HostName)
    quint16 port = 22;
    QString keyType;        // libssh's name, e.g. "ssh-ed25519"
    QString fingerprint;    // "SHA256:…" (base64, no padding), as `ssh` prints it
    QString knownHostsFile; // the file checked and, when trusted, written

    // "host" for port 22, "[host]:port" otherwise: the known_hosts form OpenSSH uses.
    QString hostPort() const;
    // "ED25519", "ECDSA", "RSA", … as in "ED25519 key fingerprint is …".
    QString keyTypeLabel() const;
};

// The decision of the host-key policy. Pure: no I/O, unit-tested.
struct HostKeyDecision {
    enum Action {
        Proceed, // known key: go on with authentication
        AskUser, // unknown key: show fingerprint and type, ask once; trust writes known_hosts
        Refuse,  // changed / other-type / unreadable: stop, send nothing
    };
    Action action = Refuse;
    Error error; // for AskUser and Refuse: code and a message for the person
};

class HostKeyPolicy {
public:
    static HostKeyDecision decide(KnownHostState state, const HostKeyInfo &key,
                                  const QString &detail = {});
};

} // namespace maildeck
