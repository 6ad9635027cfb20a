#include "core/ssh/HostKey.h"

#include <QCoreApplication>

namespace maildeck {

QString HostKeyInfo::hostPort() const {
    if (port == 22)
        return host;
    return QLatin1Char('[') + host + QStringLiteral("]:") + QString::number(port);
}

QString HostKeyInfo::keyTypeLabel() const {
    if (keyType == QLatin1String("ssh-ed25519") || keyType.startsWith(QLatin1String("ssh-ed25519")))
        return QStringLiteral("ED25519");
    if (keyType.startsWith(QLatin1String("ecdsa")))
        return QStringLiteral("ECDSA");
    if (keyType.startsWith(QLatin1String("ssh-rsa")) || keyType.startsWith(QLatin1String("rsa-")))
        return QStringLiteral("RSA");
    if (keyType == QLatin1String("ssh-dss"))
        return QStringLiteral("DSA");
    if (keyType.startsWith(QLatin1String("sk-ssh-ed25519")))
        return QStringLiteral("ED25519-SK");
    if (keyType.startsWith(QLatin1String("sk-ecdsa")))
        return QStringLiteral("ECDSA-SK");
    return keyType.toUpper();
}

namespace {
// lupdate files these strings under the enclosing scope name; use the same context at run time.
QString tr(const char *text) {
    return QCoreApplication::translate("maildeck::HostKeyPolicy", text);
}

QString removeCommand(const HostKeyInfo &key) {
    return QStringLiteral("ssh-keygen -f '%1' -R '%2'").arg(key.knownHostsFile, key.hostPort());
}
} // namespace

HostKeyDecision HostKeyPolicy::decide(KnownHostState state, const HostKeyInfo &key,
                                      const QString &detail) {
    HostKeyDecision d;
    switch (state) {
    case KnownHostState::Known:
        d.action = HostKeyDecision::Proceed;
        return d;
    case KnownHostState::Unknown:
        d.action = HostKeyDecision::AskUser;
        d.error.code = QStringLiteral("ssh.hostkey.unknown");
        d.error.message =
            tr("The authenticity of host '%1' can't be established.\n"
               "%2 key fingerprint is %3.\n"
               "Compare it with the fingerprint the server's administrator gives you (on the "
               "server: ssh-keygen -lf /etc/ssh/ssh_host_%4_key.pub). Trust it only if they match.")
                .arg(key.hostPort(), key.keyTypeLabel(), key.fingerprint,
                     key.keyTypeLabel().toLower().section(QLatin1Char('-'), 0, 0));
        return d;
    case KnownHostState::Changed:
        d.action = HostKeyDecision::Refuse;
        d.error.code = QStringLiteral("ssh.hostkey.changed");
        d.error.message =
            tr("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!\n"
               "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\n"
               "Someone could be eavesdropping on you right now (man-in-the-middle attack)!\n"
               "It is also possible that the host key of '%1' has just been changed (the server "
               "was reinstalled or its keys regenerated).\n"
               "The fingerprint for the %2 key sent by the remote host is\n%3.\n"
               "Nothing was sent to the server. Ask its administrator whether the key was "
               "changed. If it was, remove the old key from %4 with:\n  %5\n"
               "and connect again to review and trust the new key.")
                .arg(key.hostPort(), key.keyTypeLabel(), key.fingerprint, key.knownHostsFile,
                     removeCommand(key));
        d.error.detail = detail;
        return d;
    case KnownHostState::Other:
        d.action = HostKeyDecision::Refuse;
        d.error.code = QStringLiteral("ssh.hostkey.othertype");
        d.error.message =
            tr("WARNING: the server '%1' sent a %2 key, but %3 holds only keys of other types "
               "for this host.\n"
               "An attacker could be pretending to be the server with a key of another type, or "
               "the server's configuration changed.\n"
               "The fingerprint for the %2 key sent by the remote host is\n%4.\n"
               "Nothing was sent to the server. Ask its administrator which host keys it uses. "
               "If the change is expected, remove the old entry with:\n  %5\n"
               "and connect again to review and trust the new key.")
                .arg(key.hostPort(), key.keyTypeLabel(), key.knownHostsFile, key.fingerprint,
                     removeCommand(key));
        d.error.detail = detail;
        return d;
    case KnownHostState::Error:
        d.action = HostKeyDecision::Refuse;
        d.error.code = QStringLiteral("ssh.hostkey.error");
        d.error.message = tr("The known hosts file %1 could not be read, so the identity of '%2' "
                             "cannot be checked. Nothing was sent to the server. Check the file's "
                             "permissions and contents.")
                              .arg(key.knownHostsFile, key.hostPort());
        d.error.detail = detail;
        return d;
    }
    return d;
}

} // namespace maildeck
