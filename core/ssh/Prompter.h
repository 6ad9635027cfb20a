#pragma once

#include "core/ssh/HostKey.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace maildeck {

// A secret MailDeck needs from the person at the keyboard.
struct SecretRequest {
    enum class Kind {
        KeyPassphrase,       // passphrase of a private key file (keyFile says which)
        Password,            // the SSH account's password
        KeyboardInteractive, // one prompt of keyboard-interactive authentication (prompt, echo)
        SudoPassword,        // the SSH user's password for sudo on the server
        DbPassword,          // the database user's password (profile in Keychain mode)
    };
    Kind kind = Kind::Password;
    QString profileName;      // which server profile asks
    QString account;          // "user@host" or the database user
    QString prompt;           // ready to show (translated), e.g. "Password for mdadmin@mx:"
    QString keyFile;          // KeyPassphrase: the key file
    QString instruction;      // KeyboardInteractive: the server's instruction text (may be empty)
    bool echo = false;        // KeyboardInteractive: the answer may be shown while typed
    int attempt = 1;          // 2, 3 after a wrong answer
    bool mayRemember = false; // the UI may offer "remember in the keychain"
};

struct SecretAnswer {
    QString secret;
    bool remember = false; // the person asked to keep it in the keychain
};

// What the UI implements so core can ask the person. Lives in the UI's thread: core calls the
// methods there (queued), never waits on the UI's thread, and the UI answers whenever it likes by
// calling `reply` exactly once, from any thread. std::nullopt / false = the person cancelled.
// If the prompter is destroyed before answering, core treats it as cancelled.
class Prompter : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~Prompter() override;

    using SecretReply = std::function<void(std::optional<SecretAnswer>)>;
    using TrustReply = std::function<void(bool trust)>;

    virtual void askSecret(const SecretRequest &request, SecretReply reply) = 0;
    // An unknown host key: show info.fingerprint / keyTypeLabel() / hostPort() and the message;
    // reply(true) writes the key to info.knownHostsFile.
    virtual void confirmHostKey(const HostKeyInfo &info, const QString &message,
                                TrustReply reply) = 0;
};

} // namespace maildeck
