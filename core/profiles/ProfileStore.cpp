#include "core/profiles/ProfileStore.h"

namespace maildeck {

namespace {
const QString kGroup = QStringLiteral("profiles");
const QString kRecentKey = QStringLiteral("recentProfiles");

// Profile names become settings groups; '/' and '\' would nest groups.
bool isStorableName(const QString &name) {
    return !name.isEmpty() && !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\'));
}
} // namespace

ProfileStore::ProfileStore()
    : m_settings(std::make_unique<QSettings>()) {}

ProfileStore::ProfileStore(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat)) {}

QStringList ProfileStore::names() const {
    m_settings->beginGroup(kGroup);
    QStringList result = m_settings->childGroups();
    m_settings->endGroup();
    result.sort(Qt::CaseInsensitive);
    return result;
}

std::optional<ServerProfile> ProfileStore::load(const QString &name) const {
    if (!isStorableName(name) || !names().contains(name))
        return std::nullopt;
    QSettings &s = *m_settings;
    s.beginGroup(kGroup + QLatin1Char('/') + name);
    ServerProfile p;
    p.name = name;
    p.host = s.value(QStringLiteral("host")).toString();
    p.port = quint16(s.value(QStringLiteral("port"), 22).toUInt());
    p.user = s.value(QStringLiteral("user"), p.user).toString();
    p.identityFile = s.value(QStringLiteral("identityFile")).toString();
    p.knownHostsFile = s.value(QStringLiteral("knownHostsFile")).toString();
    p.dbRoute = s.value(QStringLiteral("dbRoute")).toString() == QLatin1String("direct")
                    ? DbRoute::Direct
                    : DbRoute::Tunnel;
    p.dbHost = s.value(QStringLiteral("dbHost"), p.dbHost).toString();
    p.dbPort = quint16(s.value(QStringLiteral("dbPort"), 3306).toUInt());
    p.dbName = s.value(QStringLiteral("dbName"), p.dbName).toString();
    p.dbUser = s.value(QStringLiteral("dbUser"), p.dbUser).toString();
    p.dbTls = s.value(QStringLiteral("dbTls"), false).toBool();
    p.dbTlsCaFile = s.value(QStringLiteral("dbTlsCaFile")).toString();
    p.dbCredentials =
        s.value(QStringLiteral("dbCredentials")).toString() == QLatin1String("server-file")
            ? DbCredentialSource::ServerFile
            : DbCredentialSource::Keychain;
    p.dbCredentialsFile =
        s.value(QStringLiteral("dbCredentialsFile"), p.dbCredentialsFile).toString();
    p.flavour = flavourFromKey(s.value(QStringLiteral("flavour")).toString());
    p.flavourConfirmed = s.value(QStringLiteral("flavourConfirmed"), false).toBool();
    p.role = roleFromKey(s.value(QStringLiteral("role")).toString());
    p.delegatedAdmin = s.value(QStringLiteral("delegatedAdmin")).toString();
    p.paths = ServerPaths::defaultsFor(p.flavour);
    auto path = [&s](const char *key, QString &field) {
        field = s.value(QLatin1String("paths/") + QLatin1String(key), field).toString();
    };
    path("mailLog", p.paths.mailLog);
    path("postfixConfigDir", p.paths.postfixConfigDir);
    path("dovecotConfig", p.paths.dovecotConfig);
    path("dovecotLogDir", p.paths.dovecotLogDir);
    path("iredapdSettings", p.paths.iredapdSettings);
    path("mlmmjSpool", p.paths.mlmmjSpool);
    path("postfixCommand", p.paths.postfixCommand);
    path("dovecotCommand", p.paths.dovecotCommand);
    path("sshdConfig", p.paths.sshdConfig);
    path("iredapdRestartCommand", p.paths.iredapdRestartCommand);
    path("iredapdStatusCommand", p.paths.iredapdStatusCommand);
    path("changeHistoryDir", p.paths.changeHistoryDir);
    s.endGroup();
    return p;
}

void ProfileStore::save(const ServerProfile &p) {
    Q_ASSERT(isStorableName(p.name));
    if (!isStorableName(p.name))
        return;
    QSettings &s = *m_settings;
    s.remove(kGroup + QLatin1Char('/') + p.name);
    s.beginGroup(kGroup + QLatin1Char('/') + p.name);
    s.setValue(QStringLiteral("host"), p.host);
    s.setValue(QStringLiteral("port"), p.port);
    s.setValue(QStringLiteral("user"), p.user);
    s.setValue(QStringLiteral("identityFile"), p.identityFile);
    s.setValue(QStringLiteral("knownHostsFile"), p.knownHostsFile);
    s.setValue(QStringLiteral("dbRoute"),
               p.dbRoute == DbRoute::Direct ? QStringLiteral("direct") : QStringLiteral("tunnel"));
    s.setValue(QStringLiteral("dbHost"), p.dbHost);
    s.setValue(QStringLiteral("dbPort"), p.dbPort);
    s.setValue(QStringLiteral("dbName"), p.dbName);
    s.setValue(QStringLiteral("dbUser"), p.dbUser);
    s.setValue(QStringLiteral("dbTls"), p.dbTls);
    s.setValue(QStringLiteral("dbTlsCaFile"), p.dbTlsCaFile);
    s.setValue(QStringLiteral("dbCredentials"), p.dbCredentials == DbCredentialSource::ServerFile
                                                    ? QStringLiteral("server-file")
                                                    : QStringLiteral("keychain"));
    s.setValue(QStringLiteral("dbCredentialsFile"), p.dbCredentialsFile);
    s.setValue(QStringLiteral("flavour"), flavourKey(p.flavour));
    s.setValue(QStringLiteral("flavourConfirmed"), p.flavourConfirmed);
    s.setValue(QStringLiteral("role"), roleKey(p.role));
    if (p.role == ProfileRole::Delegated)
        s.setValue(QStringLiteral("delegatedAdmin"), p.delegatedAdmin);
    s.setValue(QStringLiteral("paths/mailLog"), p.paths.mailLog);
    s.setValue(QStringLiteral("paths/postfixConfigDir"), p.paths.postfixConfigDir);
    s.setValue(QStringLiteral("paths/dovecotConfig"), p.paths.dovecotConfig);
    s.setValue(QStringLiteral("paths/dovecotLogDir"), p.paths.dovecotLogDir);
    s.setValue(QStringLiteral("paths/iredapdSettings"), p.paths.iredapdSettings);
    s.setValue(QStringLiteral("paths/mlmmjSpool"), p.paths.mlmmjSpool);
    s.setValue(QStringLiteral("paths/postfixCommand"), p.paths.postfixCommand);
    s.setValue(QStringLiteral("paths/dovecotCommand"), p.paths.dovecotCommand);
    s.setValue(QStringLiteral("paths/sshdConfig"), p.paths.sshdConfig);
    s.setValue(QStringLiteral("paths/iredapdRestartCommand"), p.paths.iredapdRestartCommand);
    s.setValue(QStringLiteral("paths/iredapdStatusCommand"), p.paths.iredapdStatusCommand);
    s.setValue(QStringLiteral("paths/changeHistoryDir"), p.paths.changeHistoryDir);
    s.endGroup();
    s.sync();
}

bool ProfileStore::remove(const QString &name) {
    if (!isStorableName(name) || !names().contains(name))
        return false;
    m_settings->remove(kGroup + QLatin1Char('/') + name);
    QStringList list = recent();
    list.removeAll(name);
    m_settings->setValue(kRecentKey, list);
    m_settings->sync();
    return true;
}

QStringList ProfileStore::recent() const {
    QStringList list = m_settings->value(kRecentKey).toStringList();
    const QStringList existing = names();
    list.removeIf([&existing](const QString &n) { return !existing.contains(n); });
    return list;
}

void ProfileStore::markUsed(const QString &name) {
    QStringList list = m_settings->value(kRecentKey).toStringList();
    list.removeAll(name);
    list.prepend(name);
    while (list.size() > kRecentLimit)
        list.removeLast();
    m_settings->setValue(kRecentKey, list);
    m_settings->sync();
}

} // namespace maildeck
