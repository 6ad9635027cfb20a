#include "core/db/EmailAddress.h"

#include <QUrl>

namespace maildeck::db {

namespace {

Error fail(const char *code, const QString &message) {
    return Error{QLatin1String(code), message, {}};
}

Error fail(const QString &code, const QString &message) {
    return Error{code, message, {}};
}

bool isControl(QChar c) {
    const char16_t u = c.unicode();
    if (u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f))
        return true;
    switch (c.category()) {
    case QChar::Other_Control:
    case QChar::Other_Format: // zero-width and bidi controls
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

bool isQuote(QChar c) {
    switch (c.unicode()) {
    case u'"':
    case u'\'':
    case u'`':
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
        return true;
    default:
        return false;
    }
}

bool isSqlMeta(QChar c) {
    switch (c.unicode()) {
    case u';':
    case u'\\':
    case u'%':
    case u'*':
    case u'/':
    case u'(':
    case u')':
        return true;
    default:
        return false;
    }
}

// Checks shared by addresses and domains. `kind` is "address" or "domain".
std::optional<Error> commonChecks(const QString &text, const char *kind, int maxLength,
                                  bool isAddress) {
    const QString what =
        isAddress ? EmailAddress::tr("The address") : DomainName::tr("The domain name");
    const QString prefix = QLatin1String(kind);
    if (text.isEmpty())
        return fail(QString(prefix + QLatin1String(".empty")),
                    isAddress ? EmailAddress::tr("The address is empty.")
                              : DomainName::tr("The domain name is empty."));
    if (text.size() > maxLength)
        return fail(QString(prefix + QLatin1String(".toolong")),
                    EmailAddress::tr("%1 is too long (%2 characters; at most %3 are allowed).")
                        .arg(what)
                        .arg(text.size())
                        .arg(maxLength));
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (isControl(c))
            return fail(QString(prefix + QLatin1String(".control")),
                        EmailAddress::tr("%1 contains an invisible control character (such as a "
                                         "line break or tab) at position %2.")
                            .arg(what)
                            .arg(i + 1));
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (isQuote(c))
            return fail(QString(prefix + QLatin1String(".quotes")),
                        EmailAddress::tr("%1 must not contain quotes (%2 at position %3).")
                            .arg(what, QString(c))
                            .arg(i + 1));
        if (isSqlMeta(c))
            return fail(QString(prefix + QLatin1String(".sql")),
                        EmailAddress::tr("%1 must not contain the character %2 (position %3).")
                            .arg(what, QString(c))
                            .arg(i + 1));
        if (c.isSpace())
            return fail(
                QString(prefix + QLatin1String(".space")),
                EmailAddress::tr("%1 must not contain spaces (position %2).").arg(what).arg(i + 1));
    }
    return std::nullopt;
}

bool isLdh(QChar c) {
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
}

bool isLocalChar(QChar c) {
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') ||
           c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('+') ||
           c == QLatin1Char('=');
}

} // namespace

Result<DomainName> DomainName::parse(const QString &input) {
    const QString text = input.trimmed();
    if (auto error = commonChecks(text, "domain", MaxLength, false))
        return *error;
    if (text.contains(QLatin1Char('@')))
        return fail("domain.malformed", tr("A domain name must not contain @."));
    if (text.startsWith(QLatin1Char('.')) || text.endsWith(QLatin1Char('.')) ||
        text.contains(QLatin1String("..")))
        return fail("domain.malformed",
                    tr("The domain name must not start or end with a dot or contain two dots in "
                       "a row."));
    const QString lower = text.toLower();
    for (const QString &label : lower.split(QLatin1Char('.'))) {
        if (label.size() > MaxLabelLength)
            return fail("domain.toolong",
                        tr("The part \"%1…\" of the domain name is longer than %2 characters.")
                            .arg(label.left(20))
                            .arg(MaxLabelLength));
    }
    const QString ace = QString::fromLatin1(QUrl::toAce(lower));
    if (ace.isEmpty())
        return fail("domain.malformed",
                    tr("\"%1\" is not a valid domain name (letters, digits and hyphens, or an "
                       "internationalised name).")
                        .arg(text));
    if (ace.size() > MaxLength)
        return fail("domain.toolong",
                    tr("The domain name is too long: %1 characters in its stored (punycode) "
                       "form; at most %2 are allowed.")
                        .arg(ace.size())
                        .arg(MaxLength));
    const QStringList labels = ace.split(QLatin1Char('.'));
    if (labels.size() < 2)
        return fail("domain.malformed",
                    tr("The domain name needs at least two parts, like example.com."));
    for (const QString &label : labels) {
        if (label.isEmpty())
            return fail("domain.malformed", tr("The domain name has an empty part."));
        if (label.size() > MaxLabelLength)
            return fail("domain.toolong",
                        tr("The part \"%1…\" of the domain name is longer than %2 characters.")
                            .arg(label.left(20))
                            .arg(MaxLabelLength));
        for (QChar c : label) {
            if (!isLdh(c))
                return fail("domain.malformed",
                            tr("The domain name may contain only letters, digits, hyphens and "
                               "dots (the character %1 is not allowed).")
                                .arg(QString(c)));
        }
        if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
            return fail("domain.malformed",
                        tr("A part of the domain name must not start or end with a hyphen."));
    }
    bool numeric = true;
    for (QChar c : labels.last())
        numeric = numeric && c.isDigit();
    if (numeric)
        return fail("domain.malformed",
                    tr("The last part of the domain name must not be a number (IP addresses are "
                       "not mail domains here)."));
    DomainName name;
    name.m_ace = ace;
    return name;
}

QString DomainName::displayOf(const QString &stored) {
    if (!stored.contains(QLatin1String("xn--")))
        return stored;
    const QString shown = QUrl::fromAce(stored.toLatin1(), QUrl::IgnoreIDNWhitelist);
    return shown.isEmpty() ? stored : shown;
}

Result<EmailAddress> EmailAddress::parse(const QString &input) {
    const QString text = input.trimmed();
    if (auto error = commonChecks(text, "address", MaxLength, true))
        return *error;
    const qsizetype at = text.indexOf(QLatin1Char('@'));
    if (at < 0)
        return fail("address.malformed",
                    tr("The address needs an @ between the user name and the domain."));
    if (text.indexOf(QLatin1Char('@'), at + 1) >= 0)
        return fail("address.malformed", tr("The address contains more than one @."));
    const QString local = text.left(at);
    const QString domainText = text.mid(at + 1);
    if (local.isEmpty())
        return fail("address.local", tr("The part before the @ is empty."));
    if (local.size() > MaxLocalLength)
        return fail("address.toolong",
                    tr("The part before the @ is too long (%1 characters; at most %2 are "
                       "allowed).")
                        .arg(local.size())
                        .arg(MaxLocalLength));
    for (QChar c : local) {
        if (!isLocalChar(c))
            return fail("address.local",
                        tr("The character %1 is not allowed before the @; use letters a–z, "
                           "digits and . _ - + =.")
                            .arg(QString(c)));
    }
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) ||
        local.contains(QLatin1String("..")))
        return fail("address.local",
                    tr("The part before the @ must not start or end with a dot or contain two "
                       "dots in a row."));
    if (domainText.isEmpty())
        return fail("address.domain", tr("The part after the @ (the domain) is empty."));
    auto domain = DomainName::parse(domainText);
    if (!domain) {
        Error error = domain.error();
        error.code = QStringLiteral("address.domain");
        return error;
    }
    EmailAddress address;
    address.m_local = local.toLower();
    address.m_domain = domain.value();
    if (address.toStorage().size() > MaxLength)
        return fail("address.toolong",
                    tr("The address is too long: %1 characters in its stored (punycode) form; at "
                       "most %2 are allowed.")
                        .arg(address.toStorage().size())
                        .arg(MaxLength));
    return address;
}

QString EmailAddress::displayOf(const QString &stored) {
    const qsizetype at = stored.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return DomainName::displayOf(stored);
    return stored.left(at + 1) + DomainName::displayOf(stored.mid(at + 1));
}

} // namespace maildeck::db
