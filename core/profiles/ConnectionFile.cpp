#include "core/profiles/ConnectionFile.h"

#include "core/common/Logging.h"
#include "core/delegation/DelegationNames.h"
#include "core/delegation/ForwardOnlyAccount.h"
#include "core/profiles/ProfileStore.h"
#include "core/ssh/HostKey.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSaveFile>

#include <cmath>

namespace maildeck {

namespace {

const QString kFormat = QStringLiteral("maildeck-connection");

Error invalid(const QString &message) {
    return Error{QStringLiteral("profiles.connection.invalid"), message, {}};
}

bool hasControl(const QString &s) {
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029 ||
            u == 0x202e || u == 0x202d || u == 0xfeff)
            return true;
    }
    return false;
}

bool isHostName(const QString &host) {
    if (host.isEmpty() || host.size() > 253)
        return false;
    QHostAddress a;
    if (a.setAddress(host))
        return true;
    // DNS names: labels of letters, digits and '-', not starting with '-' (never an ssh option).
    static const QRegularExpression re(
        QStringLiteral("^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"));
    return re.match(host).hasMatch();
}

bool isAdminName(const QString &admin) {
    static const QRegularExpression re(
        QStringLiteral("^[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$"));
    return re.match(admin).hasMatch();
}

// Reads the members of one JSON object strictly: every key must be read, every type right.
class Fields {
public:
    Fields(const QJsonObject &object, const QString &where)
        : m_object(object)
        , m_where(where) {}

    // A required (or optional) string, at most maxLength characters, no control characters.
    bool string(const char *key, QString &out, int maxLength, bool required = true) {
        const QString name = path(key);
        m_seen << QLatin1String(key);
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined()) {
            if (required)
                return fail(ConnectionFile::tr("“%1” is missing.").arg(name));
            return true;
        }
        if (!v.isString())
            return fail(ConnectionFile::tr("“%1” must be a string.").arg(name));
        const QString s = v.toString();
        if (s.size() > maxLength)
            return fail(
                ConnectionFile::tr("“%1” is longer than %2 characters.").arg(name).arg(maxLength));
        if (hasControl(s))
            return fail(ConnectionFile::tr("“%1” contains control characters.").arg(name));
        if (s != s.trimmed() || (required && s.isEmpty()))
            return fail(ConnectionFile::tr("“%1” is empty or has spaces around it.").arg(name));
        out = s;
        return true;
    }

    bool port(const char *key, quint16 &out) {
        const QString name = path(key);
        m_seen << QLatin1String(key);
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined())
            return fail(ConnectionFile::tr("“%1” is missing.").arg(name));
        const double d = v.toDouble(-1);
        if (!v.isDouble() || std::floor(d) != d || d < 1 || d > 65535)
            return fail(
                ConnectionFile::tr("“%1” must be a port number from 1 to 65535.").arg(name));
        out = quint16(d);
        return true;
    }

    bool object(const char *key, QJsonObject &out) {
        const QString name = path(key);
        m_seen << QLatin1String(key);
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined())
            return fail(ConnectionFile::tr("“%1” is missing.").arg(name));
        if (!v.isObject())
            return fail(ConnectionFile::tr("“%1” must be an object.").arg(name));
        out = v.toObject();
        return true;
    }

    // No key beyond those read.
    bool noOthers() {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_seen.contains(it.key()))
                return fail(ConnectionFile::tr("Unknown field “%1”.")
                                .arg(m_where.isEmpty()
                                         ? it.key().left(64)
                                         : m_where + QLatin1Char('.') + it.key().left(64)));
        }
        return true;
    }

    void seen(const char *key) { m_seen << QLatin1String(key); }
    const Error &error() const { return m_error; }
    QString path(const char *key) const {
        return m_where.isEmpty() ? QString::fromLatin1(key)
                                 : m_where + QLatin1Char('.') + QLatin1String(key);
    }
    bool fail(const QString &message) {
        m_error = invalid(message);
        return false;
    }

private:
    QJsonObject m_object;
    QString m_where;
    QStringList m_seen;
    Error m_error;
};

// The host part of a known_hosts line matches hostPort ("host" or "[host]:port")?
bool knownHostsEntryMatches(const QString &hostsField, const QString &hostPort) {
    for (const QString &pattern : hostsField.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (pattern.startsWith(QLatin1String("|1|"))) {
            const QStringList parts = pattern.split(QLatin1Char('|'));
            if (parts.size() != 4)
                continue;
            const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
            const QByteArray hash = QByteArray::fromBase64(parts[3].toLatin1());
            if (QMessageAuthenticationCode::hash(hostPort.toUtf8(), salt,
                                                 QCryptographicHash::Sha1) == hash)
                return true;
        } else if (pattern.compare(hostPort, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

QString defaultKnownHosts() {
    return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

QString expandHome(const QString &path) {
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

} // namespace

QString ConnectionFile::fingerprintOf(const QByteArray &blob) {
    QByteArray b64 = QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toBase64();
    while (b64.endsWith('='))
        b64.chop(1);
    return QStringLiteral("SHA256:") + QString::fromLatin1(b64);
}

QByteArray ConnectionFile::toJson() const {
    QJsonObject hostKey{{QStringLiteral("type"), hostKeyType},
                        {QStringLiteral("fingerprint"), hostKeyFingerprint},
                        {QStringLiteral("publicKey"), hostKeyBase64}};
    QJsonObject ssh{{QStringLiteral("host"), sshHost},
                    {QStringLiteral("port"), int(sshPort)},
                    {QStringLiteral("user"), sshUser},
                    {QStringLiteral("hostKey"), hostKey}};
    QJsonObject db{{QStringLiteral("host"), dbHost},
                   {QStringLiteral("port"), int(dbPort)},
                   {QStringLiteral("name"), dbName},
                   {QStringLiteral("user"), dbUser}};
    QJsonObject root{{QStringLiteral("format"), kFormat},
                     {QStringLiteral("version"), kVersion},
                     {QStringLiteral("profileName"), profileName},
                     {QStringLiteral("role"), QStringLiteral("delegated")},
                     {QStringLiteral("admin"), adminUsername},
                     {QStringLiteral("ssh"), ssh},
                     {QStringLiteral("database"), db}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<ConnectionFile> ConnectionFile::parse(const QByteArray &json) {
    if (json.size() > kMaxBytes)
        return invalid(tr("The file is larger than %1 KiB: it is no MailDeck connection file.")
                           .arg(kMaxBytes / 1024));
    if (json.trimmed().isEmpty())
        return invalid(tr("The file is empty."));
    if (json.contains('\0'))
        return invalid(tr("The file contains NUL bytes: it is no MailDeck connection file."));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return invalid(tr("The file is not valid JSON (at byte %1: %2).")
                           .arg(pe.offset)
                           .arg(pe.errorString()));
    if (!doc.isObject())
        return Error{QStringLiteral("profiles.connection.format"),
                     tr("The file is no MailDeck connection file (no JSON object)."),
                     {}};
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return Error{
            QStringLiteral("profiles.connection.format"),
            tr("The file is no MailDeck connection file (“format” is not “%1”).").arg(kFormat),
            {}};
    const QJsonValue version = root.value(QStringLiteral("version"));
    const double v = version.toDouble(-1);
    if (!version.isDouble() || std::floor(v) != v || v < 1)
        return invalid(tr("“version” must be a whole number from 1."));
    if (v > kVersion)
        return Error{QStringLiteral("profiles.connection.version"),
                     tr("The connection file has version %1; this MailDeck reads version %2. "
                        "Update MailDeck.")
                         .arg(qint64(std::min(v, 1e15)))
                         .arg(kVersion),
                     {}};

    ConnectionFile f;
    Fields top(root, QString());
    QString format, role;
    QJsonObject ssh, db, hostKey;
    top.string("format", format, 64);
    top.seen("version"); // checked above
    if (!top.string("profileName", f.profileName, 100, false) || !top.string("role", role, 32) ||
        !top.string("admin", f.adminUsername, 255) || !top.object("ssh", ssh) ||
        !top.object("database", db) || !top.noOthers())
        return top.error();
    if (role != QLatin1String("delegated"))
        return invalid(tr("“role” must be “delegated”; a connection file never gives global "
                          "admin access."));
    if (f.profileName.contains(QLatin1Char('/')) || f.profileName.contains(QLatin1Char('\\')))
        return invalid(tr("“profileName” must not contain “/” or “\\”."));
    if (!isAdminName(f.adminUsername))
        return invalid(tr("“admin” must be an e-mail address."));

    Fields s(ssh, QStringLiteral("ssh"));
    if (!s.string("host", f.sshHost, 253) || !s.port("port", f.sshPort) ||
        !s.string("user", f.sshUser, 32) || !s.object("hostKey", hostKey) || !s.noOthers())
        return s.error();
    if (!isHostName(f.sshHost))
        return invalid(tr("“ssh.host” must be a host name or an IP address."));
    if (!delegation::ForwardOnlyAccounts::isValidSystemUser(f.sshUser))
        return invalid(tr("“ssh.user” must be a MailDeck forward-only account name (md_…)."));

    Fields k(hostKey, QStringLiteral("ssh.hostKey"));
    if (!k.string("type", f.hostKeyType, 64) ||
        !k.string("fingerprint", f.hostKeyFingerprint, 64) ||
        !k.string("publicKey", f.hostKeyBase64, 8192) || !k.noOthers())
        return k.error();
    const auto key = delegation::ForwardOnlyAccounts::parsePublicKey(
        f.hostKeyType + QLatin1Char(' ') + f.hostKeyBase64);
    if (!key)
        return invalid(tr("“ssh.hostKey” is not a valid host key: %1").arg(key.error().message));
    if (key->fingerprint != f.hostKeyFingerprint)
        return invalid(tr("“ssh.hostKey.fingerprint” does not match the public key in the file: "
                          "the file was altered or damaged."));

    Fields d(db, QStringLiteral("database"));
    if (!d.string("host", f.dbHost, 253) || !d.port("port", f.dbPort) ||
        !d.string("name", f.dbName, 64) || !d.string("user", f.dbUser, 32) || !d.noOthers())
        return d.error();
    if (!isHostName(f.dbHost))
        return invalid(tr("“database.host” must be a host name or an IP address."));
    static const QRegularExpression dbNameRe(QStringLiteral("^[A-Za-z0-9_]{1,64}$"));
    if (!dbNameRe.match(f.dbName).hasMatch())
        return invalid(tr("“database.name” may hold only letters, digits and “_”."));
    if (!delegation::DelegationNames::isValidAccountName(f.dbUser))
        return invalid(tr("“database.user” must be a MailDeck delegated account name (md_…)."));
    return f;
}

Result<ConnectionFile> ConnectionFile::readFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("profiles.connection.read"),
                     tr("Could not read %1: %2").arg(path, file.errorString()),
                     {}};
    const QByteArray data = file.read(kMaxBytes + 1);
    return parse(data);
}

Status ConnectionFile::writeFile(const QString &path) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit())
        return Error{QStringLiteral("profiles.connection.write"),
                     tr("Could not write %1: %2").arg(path, file.errorString()),
                     {}};
    return {};
}

Result<ConnectionFile>
ConnectionFile::forDelegatedAdmin(const ServerProfile &global, const QString &hostKeyType,
                                  const QString &hostKeyBase64, const QString &adminUsername,
                                  const QString &sshUser, const QString &dbUser) {
    ConnectionFile f;
    f.profileName = QStringLiteral("%1 (%2)").arg(global.host, adminUsername);
    f.profileName.replace(QLatin1Char('/'), QLatin1Char('_'));
    f.profileName.replace(QLatin1Char('\\'), QLatin1Char('_'));
    f.profileName = f.profileName.left(100);
    f.adminUsername = adminUsername;
    f.sshHost = global.host;
    f.sshPort = global.port;
    f.sshUser = sshUser;
    f.hostKeyType = hostKeyType;
    f.hostKeyBase64 = hostKeyBase64;
    const auto key = delegation::ForwardOnlyAccounts::parsePublicKey(
        hostKeyType + QLatin1Char(' ') + hostKeyBase64);
    if (key)
        f.hostKeyFingerprint = key->fingerprint;
    f.dbHost = global.dbHost;
    f.dbPort = global.dbPort;
    // The delegated account may use only the delegation schema (not vmail): its default DB.
    f.dbName = delegation::DelegationNames::schemaName();
    f.dbUser = dbUser;
    // What the other side will accept: the same strict parser.
    return parse(f.toJson());
}

ServerProfile ConnectionFile::toProfile(const QString &name, const QString &identityFile,
                                        const QString &knownHostsFile) const {
    ServerProfile p;
    p.name = name;
    p.host = sshHost;
    p.port = sshPort;
    p.user = sshUser;
    p.identityFile = identityFile;
    p.knownHostsFile = knownHostsFile;
    p.dbRoute = DbRoute::Tunnel;
    p.dbHost = dbHost;
    p.dbPort = dbPort;
    p.dbName = dbName;
    p.dbUser = dbUser;
    p.dbTls = false;
    p.dbCredentials = DbCredentialSource::Keychain;
    p.dbCredentialsFile.clear();
    p.flavourConfirmed = true; // nothing is detected on a delegated connection
    p.role = ProfileRole::Delegated;
    p.delegatedAdmin = adminUsername;
    return p;
}

QString ConnectionFile::knownHostsLine() const {
    HostKeyInfo info;
    info.host = sshHost;
    info.port = sshPort;
    return info.hostPort() + QLatin1Char(' ') + hostKeyType + QLatin1Char(' ') + hostKeyBase64;
}

Result<ServerProfile> ConnectionFile::importInto(ProfileStore &store, const ConnectionFile &file,
                                                 const ConnectionImportOptions &options) {
    // Re-check: the caller may have built or changed the struct by hand.
    const auto checked = parse(file.toJson());
    if (!checked)
        return checked.error();

    QString name = options.profileName.trimmed();
    if (name.isEmpty())
        name = file.profileName.isEmpty()
                   ? QStringLiteral("%1 (%2)").arg(file.sshHost, file.adminUsername)
                   : file.profileName;
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) || hasControl(name))
        return invalid(tr("The profile name must not contain “/”, “\\” or control characters."));
    const QStringList existing = store.names();
    if (existing.contains(name) && !options.overwrite) {
        if (!options.profileName.trimmed().isEmpty())
            return Error{QStringLiteral("profiles.connection.exists"),
                         tr("A profile named “%1” exists already.").arg(name),
                         {}};
        const QString base = name;
        for (int i = 2; existing.contains(name); ++i)
            name = QStringLiteral("%1 (%2)").arg(base).arg(i);
    }

    // Pin the host key.
    const QString knownHosts =
        options.knownHostsFile.isEmpty() ? defaultKnownHosts() : expandHome(options.knownHostsFile);
    HostKeyInfo info;
    info.host = file.sshHost;
    info.port = file.sshPort;
    const QString hostPort = info.hostPort();
    QByteArray content;
    {
        QFile in(knownHosts);
        if (in.exists()) {
            if (!in.open(QIODevice::ReadOnly))
                return Error{QStringLiteral("profiles.connection.known_hosts"),
                             tr("Could not read %1: %2").arg(knownHosts, in.errorString()),
                             {}};
            content = in.readAll();
        }
    }
    bool pinned = false;
    for (const QByteArray &raw : content.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QStringList f = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        QString marker;
        if (!f.isEmpty() && f.first().startsWith(QLatin1Char('@')))
            marker = f.takeFirst();
        if (f.size() < 3 || !knownHostsEntryMatches(f[0], hostPort))
            continue;
        if (marker == QLatin1String("@revoked") && f[2] == file.hostKeyBase64)
            return Error{QStringLiteral("profiles.connection.hostkey_conflict"),
                         tr("%1 marks this host key of %2 as revoked; it is not imported.")
                             .arg(knownHosts, hostPort),
                         {}};
        if (!marker.isEmpty() || f[1] != file.hostKeyType)
            continue;
        if (f[2] == file.hostKeyBase64) {
            pinned = true;
            continue;
        }
        return Error{QStringLiteral("profiles.connection.hostkey_conflict"),
                     tr("%1 already holds a different %2 key for %3. Either the server's key "
                        "changed or the connection file is not genuine; ask the server's admin "
                        "before removing the old entry.")
                         .arg(knownHosts, file.hostKeyType, hostPort),
                     {}};
    }
    if (!pinned) {
        QDir().mkpath(QFileInfo(knownHosts).absolutePath());
        if (!content.isEmpty() && !content.endsWith('\n'))
            content += '\n';
        content += file.knownHostsLine().toUtf8() + '\n';
        QSaveFile out(knownHosts);
        if (!out.open(QIODevice::WriteOnly) || out.write(content) < 0 || !out.commit())
            return Error{
                QStringLiteral("profiles.connection.known_hosts"),
                tr("Could not write the host key to %1: %2").arg(knownHosts, out.errorString()),
                {}};
        qCInfo(lcProfiles) << "pinned host key" << file.hostKeyFingerprint << "for" << hostPort;
    }

    const ServerProfile profile =
        file.toProfile(name, options.identityFile, options.knownHostsFile);
    store.save(profile);
    qCInfo(lcProfiles) << "imported delegated profile" << name;
    return profile;
}

} // namespace maildeck
