#include "core/db/PasswordHash.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <crypt.h>

#include <cstring>
#include <memory>

namespace maildeck::db {

namespace {

struct Parsed {
    QString scheme;   // upper case, without the encoding suffix; "CRYPT" when no prefix
    QString encoding; // "", "HEX", "B64", "BASE64"
    QString body;
    bool prefixed = false;
};

Parsed parse(const QString &stored) {
    Parsed p;
    if (stored.startsWith(QLatin1Char('{'))) {
        const qsizetype end = stored.indexOf(QLatin1Char('}'));
        if (end > 1) {
            QString scheme = stored.mid(1, end - 1).toUpper();
            const qsizetype dot = scheme.indexOf(QLatin1Char('.'));
            if (dot > 0) {
                p.encoding = scheme.mid(dot + 1);
                scheme = scheme.left(dot);
            }
            p.scheme = scheme;
            p.body = stored.mid(end + 1);
            p.prefixed = true;
            return p;
        }
    }
    p.scheme = QStringLiteral("CRYPT");
    p.body = stored;
    return p;
}

// The crypt(3) family a hash string belongs to.
QString cryptFamily(const QString &body) {
    if (body.startsWith(QLatin1String("$1$")))
        return QStringLiteral("MD5-CRYPT");
    if (body.startsWith(QLatin1String("$5$")))
        return QStringLiteral("SHA256-CRYPT");
    if (body.startsWith(QLatin1String("$6$")))
        return QStringLiteral("SHA512-CRYPT");
    if (body.startsWith(QLatin1String("$2a$")) || body.startsWith(QLatin1String("$2b$")) ||
        body.startsWith(QLatin1String("$2y$")) || body.startsWith(QLatin1String("$2x$")))
        return QStringLiteral("BLF-CRYPT");
    if (body.startsWith(QLatin1String("$y$")))
        return QStringLiteral("YESCRYPT");
    if (body.size() == 13 && !body.startsWith(QLatin1Char('$')))
        return QStringLiteral("DES-CRYPT");
    return {};
}

bool isCryptScheme(const QString &scheme) {
    return scheme == QLatin1String("CRYPT") || scheme == QLatin1String("MD5") ||
           scheme == QLatin1String("MD5-CRYPT") || scheme == QLatin1String("DES-CRYPT") ||
           scheme == QLatin1String("SHA256-CRYPT") || scheme == QLatin1String("SHA512-CRYPT") ||
           scheme == QLatin1String("BLF-CRYPT");
}

struct DigestScheme {
    const char *name;
    QCryptographicHash::Algorithm algorithm;
    int length;
    bool salted;
    bool hexDefault;
};

const DigestScheme *digestScheme(const QString &scheme) {
    static const DigestScheme schemes[] = {
        {"SHA", QCryptographicHash::Sha1, 20, false, false},
        {"SHA1", QCryptographicHash::Sha1, 20, false, false},
        {"SSHA", QCryptographicHash::Sha1, 20, true, false},
        {"SHA256", QCryptographicHash::Sha256, 32, false, false},
        {"SSHA256", QCryptographicHash::Sha256, 32, true, false},
        {"SHA512", QCryptographicHash::Sha512, 64, false, false},
        {"SSHA512", QCryptographicHash::Sha512, 64, true, false},
        {"PLAIN-MD5", QCryptographicHash::Md5, 16, false, true},
        {"LDAP-MD5", QCryptographicHash::Md5, 16, false, false},
        {"SMD5", QCryptographicHash::Md5, 16, true, false},
    };
    for (const DigestScheme &s : schemes) {
        if (scheme == QLatin1String(s.name))
            return &s;
    }
    return nullptr;
}

bool isHex(const QString &text) {
    for (QChar c : text) {
        if (!c.isDigit() && !(c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')))
            return false;
    }
    return !text.isEmpty();
}

// Decodes the body the way Dovecot does: explicit suffix, else hex when the length says so,
// else base64.
std::optional<QByteArray> decodeBody(const Parsed &p, const DigestScheme &s) {
    const QByteArray latin = p.body.toLatin1();
    const bool hexDigest = isHex(p.body) && p.body.size() == 2 * s.length;
    if (p.encoding == QLatin1String("HEX") || (p.encoding.isEmpty() && !s.salted && hexDigest))
        return QByteArray::fromHex(latin);
    auto decoded = QByteArray::fromBase64Encoding(latin, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray randomBytes(int count) {
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator *rng = QRandomGenerator::system();
    for (int i = 0; i < count; ++i)
        bytes[i] = char(rng->bounded(256));
    return bytes;
}

std::optional<QByteArray> cryptHash(const QByteArray &password, const QByteArray &setting) {
    auto data = std::make_unique<crypt_data>();
    std::memset(data.get(), 0, sizeof(crypt_data));
    const char *out = crypt_r(password.constData(), setting.constData(), data.get());
    if (!out || out[0] == '*' || out[0] == '\0')
        return std::nullopt;
    return QByteArray(out);
}

std::optional<QByteArray> cryptSetting(const char *prefix, unsigned long count) {
    const QByteArray random = randomBytes(16);
    char buffer[CRYPT_GENSALT_OUTPUT_SIZE];
    const char *setting = crypt_gensalt_rn(prefix, count, random.constData(), int(random.size()),
                                           buffer, int(sizeof buffer));
    if (!setting)
        return std::nullopt;
    return QByteArray(setting);
}

} // namespace

QString PasswordHash::schemeName(PasswordScheme scheme) {
    switch (scheme) {
    case PasswordScheme::Ssha512:
        return QStringLiteral("SSHA512");
    case PasswordScheme::BlfCrypt:
        return QStringLiteral("BLF-CRYPT");
    case PasswordScheme::Sha512Crypt:
        return QStringLiteral("SHA512-CRYPT");
    }
    return {};
}

bool PasswordHash::schemeFromName(const QString &name, PasswordScheme *scheme) {
    const QString upper = name.trimmed().toUpper();
    if (upper == QLatin1String("SSHA512"))
        *scheme = PasswordScheme::Ssha512;
    else if (upper == QLatin1String("BLF-CRYPT") || upper == QLatin1String("BCRYPT"))
        *scheme = PasswordScheme::BlfCrypt;
    else if (upper == QLatin1String("SHA512-CRYPT"))
        *scheme = PasswordScheme::Sha512Crypt;
    else
        return false;
    return true;
}

QString PasswordHash::ssha512WithSalt(const QString &password, const QByteArray &salt) {
    QCryptographicHash hash(QCryptographicHash::Sha512);
    hash.addData(password.toUtf8());
    hash.addData(salt);
    return QStringLiteral("{SSHA512}") +
           QString::fromLatin1(QByteArray(hash.result() + salt).toBase64());
}

Result<QString> PasswordHash::generate(PasswordScheme scheme, const QString &password,
                                       int bcryptCost) {
    if (password.isEmpty())
        return Error{QStringLiteral("password.empty"), tr("The password is empty."), {}};
    if (password.contains(QChar(0)))
        return Error{QStringLiteral("password.invalid"),
                     tr("The password contains a NUL character, which no mail client can send."),
                     {}};
    const QByteArray utf8 = password.toUtf8();
    switch (scheme) {
    case PasswordScheme::Ssha512:
        // As iRedAdmin: 8 random bytes of salt (os.urandom(8)).
        return ssha512WithSalt(password, randomBytes(8));
    case PasswordScheme::BlfCrypt: {
        if (utf8.size() > 72)
            return Error{QStringLiteral("password.toolong"),
                         tr("BLF-CRYPT uses only the first 72 bytes of a password; this one has "
                            "%1. Use a shorter password or the SSHA512 scheme.")
                             .arg(utf8.size()),
                         {}};
        auto setting = cryptSetting("$2y$", (unsigned long)qBound(4, bcryptCost, 31));
        if (!setting)
            return Error{QStringLiteral("password.crypt"),
                         tr("The system's crypt library cannot make BLF-CRYPT hashes."),
                         {}};
        auto hashed = cryptHash(utf8, *setting);
        if (!hashed)
            return Error{QStringLiteral("password.crypt"),
                         tr("The system's crypt library cannot make BLF-CRYPT hashes."),
                         {}};
        return QString(QStringLiteral("{BLF-CRYPT}") + QString::fromLatin1(*hashed));
    }
    case PasswordScheme::Sha512Crypt: {
        auto setting = cryptSetting("$6$", 0);
        auto hashed = setting ? cryptHash(utf8, *setting) : std::nullopt;
        if (!hashed)
            return Error{QStringLiteral("password.crypt"),
                         tr("The system's crypt library cannot make SHA512-CRYPT hashes."),
                         {}};
        return QString(QStringLiteral("{SHA512-CRYPT}") + QString::fromLatin1(*hashed));
    }
    }
    return Error{QStringLiteral("password.unsupported"), tr("Unknown password scheme."), {}};
}

Result<bool> PasswordHash::verify(const QString &stored, const QString &password) {
    const Parsed p = parse(stored);
    const QByteArray utf8 = password.toUtf8();
    if (p.scheme == QLatin1String("PLAIN") || p.scheme == QLatin1String("CLEARTEXT"))
        return constantTimeEquals(p.body.toUtf8(), utf8);
    if (const DigestScheme *s = digestScheme(p.scheme)) {
        auto raw = decodeBody(p, *s);
        if (!raw || raw->size() < s->length || (!s->salted && raw->size() != s->length))
            return Error{
                QStringLiteral("password.malformed"),
                tr("The stored %1 hash is damaged (wrong length or encoding).").arg(p.scheme),
                {}};
        const QByteArray digest = raw->left(s->length);
        const QByteArray salt = raw->mid(s->length);
        QCryptographicHash hash(s->algorithm);
        hash.addData(utf8);
        hash.addData(salt);
        return constantTimeEquals(hash.result(), digest);
    }
    if (p.scheme == QLatin1String("NTLM")) {
        QByteArray utf16;
        for (QChar c : password) {
            utf16.append(char(c.unicode() & 0xff));
            utf16.append(char(c.unicode() >> 8));
        }
        const QByteArray digest = QCryptographicHash::hash(utf16, QCryptographicHash::Md4);
        return constantTimeEquals(digest.toHex(), p.body.toLower().toLatin1());
    }
    if (isCryptScheme(p.scheme)) {
        const QString family = cryptFamily(p.body);
        if (family.isEmpty())
            return Error{QStringLiteral("password.malformed"),
                         tr("The stored crypt hash is not in a known format."),
                         {}};
        auto hashed = cryptHash(utf8, p.body.toLatin1());
        if (!hashed)
            return Error{QStringLiteral("password.unsupported"),
                         tr("The system's crypt library cannot check %1 hashes.").arg(family),
                         {}};
        return constantTimeEquals(*hashed, p.body.toLatin1());
    }
    return Error{QStringLiteral("password.unsupported"),
                 tr("MailDeck cannot check passwords stored as %1; Dovecot may still accept "
                    "them.")
                     .arg(p.scheme.isEmpty() ? tr("an unknown scheme") : p.scheme),
                 {}};
}

SchemeInfo PasswordHash::classify(const QString &stored) {
    SchemeInfo info;
    if (stored.isEmpty()) {
        info.scheme = QStringLiteral("NONE");
        info.explanation = tr("No password is set: this account cannot log in.");
        return info;
    }
    const Parsed p = parse(stored);
    QString scheme = p.scheme;
    if (isCryptScheme(scheme)) {
        const QString family = cryptFamily(p.body);
        scheme = family.isEmpty() ? QStringLiteral("UNKNOWN") : family;
        info.recognised = !family.isEmpty();
    } else if (p.scheme == QLatin1String("PLAIN") || p.scheme == QLatin1String("CLEARTEXT")) {
        info.recognised = true;
        info.cleartext = true;
    } else if (digestScheme(p.scheme) || p.scheme == QLatin1String("NTLM")) {
        info.recognised = true;
    } else {
        scheme = p.scheme;
    }
    info.scheme = scheme;

    // Dovecot 2.4's weak schemes (password-scheme.c, .weak = TRUE) and the crypt forms its
    // CRYPT verifier refuses.
    static const QStringList weak = {
        QStringLiteral("MD5"),       QStringLiteral("MD5-CRYPT"), QStringLiteral("SMD5"),
        QStringLiteral("PLAIN-MD5"), QStringLiteral("LDAP-MD5"),  QStringLiteral("HMAC-MD5"),
        QStringLiteral("CRAM-MD5"),  QStringLiteral("PLAIN-MD4"), QStringLiteral("DES-CRYPT"),
    };
    info.weak = weak.contains(scheme) || weak.contains(p.scheme);

    // iRedAdmin's verify_password_hash (facts §3.3), for admin logins only.
    const QString upperPrefix = p.prefixed ? p.scheme : QString();
    const QString body = p.body;
    if (upperPrefix == QLatin1String("PLAIN"))
        info.iredadminLogin = stored.startsWith(QLatin1String("{PLAIN}")) ||
                              stored.startsWith(QLatin1String("{plain}"));
    else if ((upperPrefix == QLatin1String("MD5") || upperPrefix == QLatin1String("CRYPT")) &&
             body.startsWith(QLatin1String("$1$")))
        info.iredadminLogin = body.size() == 34 && body.count(QLatin1Char('$')) == 3;
    else if (upperPrefix == QLatin1String("SSHA") || upperPrefix == QLatin1String("SHA") ||
             upperPrefix == QLatin1String("SSHA512") || upperPrefix == QLatin1String("SHA512") ||
             upperPrefix == QLatin1String("PLAIN-MD5") || upperPrefix == QLatin1String("NTLM") ||
             upperPrefix == QLatin1String("CRAM-MD5"))
        info.iredadminLogin = true;
    else if (upperPrefix == QLatin1String("CRYPT"))
        info.iredadminLogin = body.startsWith(QLatin1String("$2a$")) ||
                              body.startsWith(QLatin1String("$2b$")) ||
                              body.startsWith(QLatin1String("$6$"));
    else if (upperPrefix == QLatin1String("BLF-CRYPT"))
        info.iredadminLogin = body.startsWith(QLatin1String("$2a$")) ||
                              body.startsWith(QLatin1String("$2b$")) ||
                              body.startsWith(QLatin1String("$2y$"));

    QStringList notes;
    if (!info.recognised && scheme != QLatin1String("UNKNOWN"))
        notes << tr("MailDeck cannot check %1 hashes itself; Dovecot may accept them.").arg(scheme);
    if (scheme == QLatin1String("UNKNOWN"))
        notes << tr("The stored password is not in a format MailDeck recognises; this account "
                    "probably cannot log in.");
    if (info.weak)
        notes << tr("%1 is a weak scheme: Dovecot 2.4 (Debian 13, Ubuntu 26.04) refuses it "
                    "unless auth_allow_weak_schemes = yes is set, so after an upgrade this "
                    "account can no longer log in. Dovecot 2.3 still accepts it. Set a new "
                    "password (stored as SSHA512) or enable that setting.")
                     .arg(scheme);
    if (info.cleartext)
        notes << tr("The password is stored readable in the database. Set a new password to "
                    "store a hash instead.");
    if (info.recognised && !info.iredadminLogin)
        notes << tr("iRedAdmin's own login does not accept this form (this matters only if the "
                    "account logs in to iRedAdmin as an admin).");
    info.explanation = notes.join(QLatin1Char(' '));
    return info;
}

Result<QString> PasswordHash::normaliseImported(const QString &storedInput) {
    const QString stored = storedInput.trimmed();
    for (QChar c : stored) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return Error{QStringLiteral("password.malformed"),
                         tr("A password hash contains only printable ASCII characters without "
                            "spaces."),
                         {}};
    }
    const SchemeInfo info = classify(stored);
    if (!info.recognised)
        return Error{QStringLiteral("password.unsupported"),
                     tr("The password hash is not in a scheme MailDeck recognises (expected "
                        "e.g. {SSHA512}…, {CRYPT}$1$…, $6$…, {BLF-CRYPT}$2y$…)."),
                     {}};
    if (stored.startsWith(QLatin1Char('$')))
        return QString(QStringLiteral("{CRYPT}") + stored);
    return stored;
}

} // namespace maildeck::db
