#include "core/profiles/ServerProfile.h"

#include <QCoreApplication>

namespace maildeck {

namespace {
struct FlavourName {
    ServerFlavour flavour;
    const char *key;
};
constexpr FlavourName kFlavourNames[] = {
    {ServerFlavour::Debian, "debian"},   {ServerFlavour::Rhel, "rhel"},
    {ServerFlavour::FreeBsd, "freebsd"}, {ServerFlavour::OpenBsd, "openbsd"},
    {ServerFlavour::Lab, "lab"},
};
} // namespace

QString flavourKey(ServerFlavour flavour) {
    for (const auto &entry : kFlavourNames) {
        if (entry.flavour == flavour)
            return QString::fromLatin1(entry.key);
    }
    return QStringLiteral("debian");
}

ServerFlavour flavourFromKey(const QString &key, bool *ok) {
    for (const auto &entry : kFlavourNames) {
        if (key == QLatin1String(entry.key)) {
            if (ok)
                *ok = true;
            return entry.flavour;
        }
    }
    if (ok)
        *ok = false;
    return ServerFlavour::Debian;
}

QString roleKey(ProfileRole role) {
    return role == ProfileRole::Delegated ? QStringLiteral("delegated") : QStringLiteral("global");
}

ProfileRole roleFromKey(const QString &key, bool *ok) {
    const bool known = key == QLatin1String("global") || key == QLatin1String("delegated");
    if (ok)
        *ok = known;
    return key == QLatin1String("delegated") ? ProfileRole::Delegated : ProfileRole::Global;
}

// Paths follow iRedMail's installer per OS (facts/iredmail.md section 8).
ServerPaths ServerPaths::defaultsFor(ServerFlavour flavour) {
    ServerPaths p;
    p.postfixConfigDir = QStringLiteral("/etc/postfix");
    p.dovecotConfig = QStringLiteral("/etc/dovecot/dovecot.conf");
    p.dovecotLogDir = QStringLiteral("/var/log/dovecot");
    p.iredapdSettings = QStringLiteral("/opt/iredapd/settings.py");
    p.mlmmjSpool = QStringLiteral("/var/vmail/mlmmj");
    p.postfixCommand = QStringLiteral("postfix");
    p.dovecotCommand = QStringLiteral("dovecot");
    p.sshdConfig = QStringLiteral("/etc/ssh/sshd_config");
    p.changeHistoryDir = QStringLiteral("/var/lib/maildeck/changes");
    switch (flavour) {
    case ServerFlavour::Debian:
    case ServerFlavour::Lab:
        p.mailLog = QStringLiteral("/var/log/mail.log");
        break;
    case ServerFlavour::Rhel:
        p.mailLog = QStringLiteral("/var/log/maillog");
        break;
    case ServerFlavour::FreeBsd:
        p.mailLog = QStringLiteral("/var/log/maillog");
        p.postfixConfigDir = QStringLiteral("/usr/local/etc/postfix");
        p.dovecotConfig = QStringLiteral("/usr/local/etc/dovecot/dovecot.conf");
        p.iredapdSettings = QStringLiteral("/opt/iredapd/settings.py");
        p.sshdConfig = QStringLiteral("/usr/local/etc/ssh/sshd_config");
        break;
    case ServerFlavour::OpenBsd:
        p.mailLog = QStringLiteral("/var/log/maillog");
        break;
    }
    return p;
}

QString ServerProfile::validationError() const {
    if (name.trimmed().isEmpty())
        return QCoreApplication::translate("ServerProfile", "The profile needs a name.");
    if (host.trimmed().isEmpty())
        return QCoreApplication::translate("ServerProfile", "The profile needs a host name.");
    if (port == 0)
        return QCoreApplication::translate("ServerProfile",
                                           "The SSH port must be between 1 and 65535.");
    if (dbPort == 0)
        return QCoreApplication::translate("ServerProfile",
                                           "The database port must be between 1 and 65535.");
    if (dbUser.isEmpty())
        return QCoreApplication::translate("ServerProfile", "The profile needs a database user.");
    return {};
}

} // namespace maildeck
