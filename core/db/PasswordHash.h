#pragma once

// Password hashes in `mailbox.password` / `admin.password` (facts/iredmail.md §3).
//
//   auto hash = PasswordHash::generate(PasswordScheme::Ssha512, password);   // {SSHA512}…
//   auto ok = PasswordHash::verify(storedHash, password);                     // Result<bool>
//   SchemeInfo info = PasswordHash::classify(storedHash);  // info.weak → warn about Dovecot 2.4
//
// Generation writes what iRedAdmin writes: {SSHA512} with an 8-byte salt (CSPRNG), or
// {BLF-CRYPT}$2y$… (what doveadm writes, accepted by Dovecot ≥ 2.3 and by iRedAdmin's
// verifier; iRedAdmin does not recognise {CRYPT}$2y$), or {SHA512-CRYPT}$6$….
// The password is never trimmed or changed.

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace maildeck::db {

enum class PasswordScheme {
    Ssha512,    // iRedMail's default on Linux
    BlfCrypt,   // bcrypt; iRedMail's default on the BSDs
    Sha512Crypt // $6$
};

struct SchemeInfo {
    QString scheme;          // canonical name: "SSHA512", "MD5-CRYPT", "BLF-CRYPT", "PLAIN", …;
                             // "UNKNOWN" when not recognised
    bool recognised = false; // MailDeck can verify it
    bool weak = false;       // Dovecot 2.4 refuses it unless auth_allow_weak_schemes = yes
    bool cleartext = false;  // stored readable ({PLAIN}, {CLEARTEXT})
    bool iredadminLogin = false; // iRedAdmin's own verifier accepts it (admin login)
    QString explanation;         // for a person: what this means and what to do; empty if nothing
};

class PasswordHash {
    Q_DECLARE_TR_FUNCTIONS(PasswordHash)

public:
    static constexpr int DefaultBcryptCost = 10;

    static Result<QString> generate(PasswordScheme scheme, const QString &password,
                                    int bcryptCost = DefaultBcryptCost);
    // With a given salt (tests only: vectors).
    static QString ssha512WithSalt(const QString &password, const QByteArray &salt);

    // True when `password` matches `stored`; an error ("password.unsupported") when the scheme
    // cannot be checked here (CRAM-MD5 and other exotic schemes).
    static Result<bool> verify(const QString &stored, const QString &password);

    static SchemeInfo classify(const QString &stored);

    // A ready-made hash given for a new mailbox (migration): accepted if classify() recognises
    // it. Returns the hash to store; bare crypt strings ($1$, $5$, $6$, $2y$) get the {CRYPT}
    // prefix, as the iRedMail migration guide asks (SOGo needs a prefix).
    static Result<QString> normaliseImported(const QString &stored);

    static QString schemeName(PasswordScheme scheme);
    static bool schemeFromName(const QString &name, PasswordScheme *scheme);
};

} // namespace maildeck::db
