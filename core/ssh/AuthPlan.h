#pragma once

#include <QString>
#include <QStringList>

namespace maildeck {

// Authentication methods, as the server names them in SSH_MSG_USERAUTH_FAILURE.
enum class AuthMethod {
    Agent,               // "publickey" through ssh-agent
    PublicKey,           // "publickey" with a key file
    Password,            // "password"
    KeyboardInteractive, // "keyboard-interactive"
};

// Bit set of what the server allows (libssh's SSH_AUTH_METHOD_* values, same bits).
struct ServerAuthMethods {
    static constexpr int Password = 0x0002;
    static constexpr int PublicKey = 0x0004;
    static constexpr int HostBased = 0x0008;
    static constexpr int Interactive = 0x0010;
    static constexpr int GssapiMic = 0x0020;
};

// The order in which MailDeck tries authentication, and the error text when all fail —
// matching what `ssh` does and prints. Pure, unit-tested.
class AuthPlan {
public:
    // Steps to try given the server's methods, whether an agent is reachable, and whether key
    // files exist. Order: agent, key files, password; keyboard-interactive when the server offers
    // no "password" (then it is the way to log in with one; else it would ask the password again).
    static QList<AuthMethod> steps(int serverMethods, bool agentAvailable, bool haveKeyFiles);

    // "Permission denied (publickey,password)." — the server's methods in sshd's order.
    static QString permissionDenied(int serverMethods);

    // Default identity files of OpenSSH in the order `ssh` tries them, under sshDir.
    static QStringList defaultIdentityFiles(const QString &sshDir);

    // Whether a keyboard-interactive prompt is just asking for the account password.
    static bool isPasswordPrompt(const QString &prompt);
};

} // namespace maildeck
