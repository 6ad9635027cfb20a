#pragma once

// The connection file a global admin gives a per-domain admin: everything the other MailDeck
// needs to reach the delegated database — and no secret. JSON:
//
//   {
//     "format": "maildeck-connection", "version": 1,
//     "profileName": "mx.example.com (jane)",
//     "role": "delegated",
//     "admin": "jane@partner.test",                          // the iRedMail admin
//     "ssh": { "host": "mx.example.com", "port": 22, "user": "md_jane_3f1a9c",
//              "hostKey": { "type": "ssh-ed25519", "fingerprint": "SHA256:…",
//                           "publicKey": "AAAAC3Nz…" } },     // base64 key blob (public)
//     "database": { "host": "127.0.0.1", "port": 3306, "name": "maildeck_delegation",
//                   "user": "md_jane_3f1a9c" }
//   }
//
// parse() is strict: unknown keys, wrong types, missing fields, a fingerprint that does not match
// the public key, a key type that does not match the blob, control characters, over-long values,
// files over 64 KiB and anything else not shaped as above are refused with a precise message
// (error "profiles.connection.invalid", message names the field), a newer version with
// "profiles.connection.version", a file that is no connection file with
// "profiles.connection.format".
//
//   auto file = ConnectionFile::readFile(path);                 // parse + read errors
//   ConnectionImportOptions opt;  opt.identityFile = QStringLiteral("~/.ssh/id_ed25519");
//   auto profile = ConnectionFile::importInto(store, *file, opt);
//   // saved in the store (role Delegated, Keychain DB password, key auth), host key pinned in
//   // opt.knownHostsFile (default ~/.ssh/known_hosts) so the first connect does not ask.
//
// Export (global admin): ConnectionFile::forDelegatedAdmin(profile, hostKey, admin, sshUser,
// dbUser) then writeFile(path) (0600 not needed: nothing secret; written atomically).

#include "core/common/Result.h"
#include "core/profiles/ServerProfile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace maildeck {

class ProfileStore;

struct ConnectionImportOptions {
    QString profileName;    // empty: the file's suggestion (made unique: " (2)", " (3)", …)
    QString identityFile;   // the admin's private key; empty: agent / ~/.ssh defaults
    QString knownHostsFile; // where the host key is pinned; empty: ~/.ssh/known_hosts
    bool overwrite = false; // replace a profile of the same name instead of making a new name
};

struct ConnectionFile {
    static constexpr int kVersion = 1;
    static constexpr qint64 kMaxBytes = 64 * 1024;

    QString profileName; // suggestion
    QString adminUsername;
    QString sshHost;
    quint16 sshPort = 22;
    QString sshUser;
    QString hostKeyType;        // libssh/OpenSSH name, e.g. "ssh-ed25519"
    QString hostKeyFingerprint; // "SHA256:…" (base64, no padding)
    QString hostKeyBase64;      // the public key blob
    QString dbHost = QStringLiteral("127.0.0.1");
    quint16 dbPort = 3306;
    QString dbName = QStringLiteral("vmail");
    QString dbUser;

    QByteArray toJson() const;
    static Result<ConnectionFile> parse(const QByteArray &json);
    static Result<ConnectionFile> readFile(const QString &path);
    Status writeFile(const QString &path) const;

    // For a delegated admin of the server behind `global` (its SSH host and port, DB host and
    // port; the database is the delegation schema, the only one the md_ account may use).
    // hostKeyType/hostKeyBase64: one of the server's host keys; the fingerprint is computed.
    static Result<ConnectionFile> forDelegatedAdmin(const ServerProfile &global,
                                                    const QString &hostKeyType,
                                                    const QString &hostKeyBase64,
                                                    const QString &adminUsername,
                                                    const QString &sshUser, const QString &dbUser);

    // The profile this file describes (role Delegated, DB password from the keychain).
    ServerProfile toProfile(const QString &name, const QString &identityFile,
                            const QString &knownHostsFile) const;
    // The known_hosts line pinning the host key ("[host]:port type base64" or "host type …").
    QString knownHostsLine() const;

    // Pins the host key (adds the line unless the same key is there; a different key of the same
    // type for that host: error "profiles.connection.hostkey_conflict"), then saves the profile.
    static Result<ServerProfile> importInto(ProfileStore &store, const ConnectionFile &file,
                                            const ConnectionImportOptions &options = {});

    // "SHA256:" + base64(SHA-256(blob)) without padding.
    static QString fingerprintOf(const QByteArray &blob);

    Q_DECLARE_TR_FUNCTIONS(ConnectionFile) // last: the macro ends with "private:"
};

} // namespace maildeck
