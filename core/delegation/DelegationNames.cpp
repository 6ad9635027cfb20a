#include "core/delegation/DelegationNames.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace maildeck::delegation {

QStringList DelegationNames::accountHosts() {
    return {QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
}

QString DelegationNames::accountNameFor(const QString &adminUsername) {
    const QString lower = adminUsername.trimmed().toLower();
    const qsizetype at = lower.lastIndexOf(QLatin1Char('@'));
    const QString local = at < 0 ? lower : lower.left(at);
    QString stem;
    for (QChar c : local) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            stem += c;
        else if (!stem.endsWith(QLatin1Char('_')))
            stem += QLatin1Char('_');
        if (stem.size() >= 21)
            break;
    }
    while (stem.startsWith(QLatin1Char('_')))
        stem.remove(0, 1);
    while (stem.endsWith(QLatin1Char('_')))
        stem.chop(1);
    if (stem.isEmpty())
        stem = QStringLiteral("admin");
    const QByteArray digest =
        QCryptographicHash::hash(lower.toUtf8(), QCryptographicHash::Sha256).toHex().left(6);
    return QStringLiteral("md_") + stem + QLatin1Char('_') + QString::fromLatin1(digest);
}

bool DelegationNames::isValidAccountName(const QString &name) {
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("md_[a-z0-9_]{1,28}")));
    return name.size() <= MaxAccountNameLength && re.match(name).hasMatch();
}

bool DelegationNames::isValidObjectName(const QString &name) {
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z][a-z0-9_]{0,63}")));
    return re.match(name).hasMatch();
}

QString DelegationNames::generatePassword(int length) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    constexpr int size = int(sizeof(alphabet)) - 1;
    QString out;
    out.reserve(length);
    QRandomGenerator *rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[rng->bounded(size)]);
    return out;
}

QString DelegationNames::nativePasswordHash(const QString &password) {
    const QByteArray once = QCryptographicHash::hash(password.toUtf8(), QCryptographicHash::Sha1);
    const QByteArray twice = QCryptographicHash::hash(once, QCryptographicHash::Sha1);
    return QLatin1Char('*') + QString::fromLatin1(twice.toHex().toUpper());
}

QString DelegationNames::quoteString(const QString &text) {
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('\'');
    for (QChar c : text) {
        if (c == QLatin1Char('\''))
            out += QLatin1String("''");
        else if (c == QLatin1Char('\\'))
            out += QLatin1String("\\\\");
        else
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString DelegationNames::accountSpec(const QString &user, const QString &host) {
    return quoteString(user) + QLatin1Char('@') + quoteString(host);
}

} // namespace maildeck::delegation
