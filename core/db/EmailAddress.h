#pragma once

// Validated, normalised domain names and mail addresses.
//
// Storage form (what goes into SQL): lower case, the domain in punycode (QUrl::toAce), exactly as
// iRedMail stores it. Display form: the domain in Unicode (QUrl::fromAce).
//
//   auto addr = EmailAddress::parse(lineEdit->text());
//   if (!addr) showFieldError(addr.error().message);     // precise, translated
//   else insert(addr->toStorage());                        // "user@xn--bcher-kva.example"
//   label->setText(EmailAddress::displayOf(row.username)); // "user@bücher.example"
//
// Limits (RFC 5321 §4.5.3.1): local part 64 octets, domain 253 octets (storage form),
// address 254 octets. The local part is restricted to what iRedAdmin accepts
// (letters, digits, . _ - + =), since iRedAdmin and iRedAPD must handle the same rows.
//
// Error codes: "address.empty", "address.toolong", "address.control", "address.quotes",
// "address.sql", "address.space", "address.malformed", "address.local", "address.domain" (the
// domain part is wrong; the message says how); for DomainName the same with "domain." and
// "domain.malformed".

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace maildeck::db {

class DomainName {
    Q_DECLARE_TR_FUNCTIONS(DomainName)

public:
    static constexpr int MaxLength = 253;
    static constexpr int MaxLabelLength = 63;

    // Accepts Unicode or punycode input; surrounding white space is ignored.
    static Result<DomainName> parse(const QString &input);
    // The display (Unicode) form of a stored (punycode) name; the input if it is not punycode.
    static QString displayOf(const QString &stored);

    const QString &toStorage() const { return m_ace; }
    QString toDisplay() const { return displayOf(m_ace); }
    bool operator==(const DomainName &other) const = default;

private:
    QString m_ace;
};

class EmailAddress {
    Q_DECLARE_TR_FUNCTIONS(EmailAddress)

public:
    static constexpr int MaxLocalLength = 64;
    static constexpr int MaxLength = 254;

    static Result<EmailAddress> parse(const QString &input);
    static QString displayOf(const QString &stored);

    const QString &localPart() const { return m_local; }
    const DomainName &domain() const { return m_domain; }
    QString toStorage() const { return m_local + QLatin1Char('@') + m_domain.toStorage(); }
    QString toDisplay() const { return m_local + QLatin1Char('@') + m_domain.toDisplay(); }
    bool operator==(const EmailAddress &other) const = default;

private:
    QString m_local;
    DomainName m_domain;
};

} // namespace maildeck::db
