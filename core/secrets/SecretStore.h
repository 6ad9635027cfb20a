#pragma once

#include "core/common/Result.h"

#include <QFuture>
#include <QObject>
#include <QString>

namespace maildeck {

// What the keychain said. "Not found" and "no keychain" are normal states that lead to a prompt.
struct SecretLookup {
    enum class State {
        Found,
        NotFound,   // no entry for this key
        NoKeychain, // no secret service / keychain on this desktop: ask each time, store nothing
        Failed,     // the keychain refused (locked, access denied, …): message says why
    };
    State state = State::NotFound;
    QString secret; // only when Found
    QString message;

    bool found() const { return state == State::Found; }
};

// The OS keychain through QtKeychain (Secret Service on Linux). Service "MailDeck", keys
// "profile/<profile name>/<kind>". Never falls back to plain text. Asynchronous: use from a
// thread with an event loop (the GUI thread); results come as futures.
class SecretStore : public QObject {
    Q_OBJECT
public:
    // Kinds used by MailDeck (any other string works too).
    static QString sshPasswordKind() { return QStringLiteral("ssh-password"); }
    static QString sudoPasswordKind() { return QStringLiteral("sudo-password"); }
    static QString dbPasswordKind() { return QStringLiteral("db-password"); }
    static QString keyPassphraseKind(const QString &keyFile) {
        return QStringLiteral("key-passphrase:") + keyFile;
    }

    explicit SecretStore(QObject *parent = nullptr,
                         const QString &service = QStringLiteral("MailDeck"));

    static QString key(const QString &profile, const QString &kind);

    QFuture<SecretLookup> read(const QString &profile, const QString &kind);
    QFuture<Status> write(const QString &profile, const QString &kind, const QString &secret);
    QFuture<Status> remove(const QString &profile, const QString &kind); // ok when absent

    // Whether a keychain answered at least once / said it is missing (unknown before first use).
    bool knownUnavailable() const { return m_unavailable; }

private:
    QString m_service;
    bool m_unavailable = false;
};

} // namespace maildeck
