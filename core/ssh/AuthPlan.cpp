#include "core/ssh/AuthPlan.h"

#include <QCoreApplication>

namespace maildeck {

QList<AuthMethod> AuthPlan::steps(int serverMethods, bool agentAvailable, bool haveKeyFiles) {
    QList<AuthMethod> out;
    if (serverMethods & ServerAuthMethods::PublicKey) {
        if (agentAvailable)
            out << AuthMethod::Agent;
        if (haveKeyFiles)
            out << AuthMethod::PublicKey;
    }
    if (serverMethods & ServerAuthMethods::Password)
        out << AuthMethod::Password;
    // With both offered, keyboard-interactive would only ask the same password again (PAM):
    // the person gets three tries in all, as with `ssh`. It is used when the server offers it
    // without "password" (one-time codes, a second factor after a key).
    if ((serverMethods & ServerAuthMethods::Interactive) &&
        !(serverMethods & ServerAuthMethods::Password))
        out << AuthMethod::KeyboardInteractive;
    return out;
}

QString AuthPlan::permissionDenied(int serverMethods) {
    // sshd lists its methods in this order.
    QStringList names;
    if (serverMethods & ServerAuthMethods::PublicKey)
        names << QStringLiteral("publickey");
    if (serverMethods & ServerAuthMethods::GssapiMic)
        names << QStringLiteral("gssapi-with-mic");
    if (serverMethods & ServerAuthMethods::Password)
        names << QStringLiteral("password");
    if (serverMethods & ServerAuthMethods::Interactive)
        names << QStringLiteral("keyboard-interactive");
    if (serverMethods & ServerAuthMethods::HostBased)
        names << QStringLiteral("hostbased");
    if (names.isEmpty())
        return QCoreApplication::translate("AuthPlan", "Permission denied.");
    return QCoreApplication::translate("AuthPlan", "Permission denied (%1).")
        .arg(names.join(QLatin1Char(',')));
}

QStringList AuthPlan::defaultIdentityFiles(const QString &sshDir) {
    QStringList out;
    for (const char *name :
         {"id_rsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519", "id_ed25519_sk", "id_dsa"})
        out << sshDir + QLatin1Char('/') + QLatin1String(name);
    return out;
}

bool AuthPlan::isPasswordPrompt(const QString &prompt) {
    const QString p = prompt.trimmed().toLower();
    return p.startsWith(QLatin1String("password")) || p.endsWith(QLatin1String("password:")) ||
           p.contains(QLatin1String("'s password"));
}

} // namespace maildeck
