#pragma once

#include "core/common/Result.h"
#include "core/config/ConfigText.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace maildeck::config {

// How the parser reaches files: on the desktop for tests, over SFTP in the app.
struct ConfigFileAccess {
    // The content of an absolute path, or nullopt if it cannot be read.
    std::function<std::optional<QByteArray>(const QString &path)> read;
    // Absolute paths matching a glob pattern (*, ?, [..]) in the pattern's directory, sorted.
    std::function<QStringList(const QString &pattern)> glob;

    // The local file system; with root set, "/etc/dovecot/x" is read from root + "/etc/dovecot/x"
    // (fixtures laid out as the server's tree).
    static ConfigFileAccess local(const QString &root = {});
    // Files held in memory, keyed by absolute path.
    static ConfigFileAccess inMemory(const QHash<QString, QByteArray> &files);
};

// A Dovecot version as printed by `dovecot --version` or doveconf's header.
struct DovecotVersion {
    int major = 0;
    int minor = 0;
    int patch = 0;
    QString text; // "2.3.19.1 (9b53102964)"

    bool isValid() const { return major > 0; }
    bool atLeast(int maj, int min) const { return major > maj || (major == maj && minor >= min); }
    // From "2.3.19.1 (9b53102964)", "# 2.4.1-4 (7d8c0e5759): /etc/dovecot/dovecot.conf", or a
    // whole doveconf output (its first line); invalid if none is found.
    static DovecotVersion parse(const QByteArray &text);
};

// One "key = value" line as Dovecot read it.
struct DovecotAssignment {
    QStringList scope; // enclosing sections: {"protocol pop3"}, {"service imap-login",
                       // "inet_listener imap"}
    QString key;
    QString rawValue;      // as written, quotes removed and unescaped
    QString value;         // what `doveconf -n` shows: "$key" (self reference) expanded
    QString expandedValue; // what the daemons get (`doveconf -x`): every $setting expanded
    bool quoted = false;
    bool fileRef = false; // "key = <path": the value is the path
    ConfigLocation where; // first line of the statement
    int lastLine = 0;     // last line (backslash continuations)

    QString path() const; // "protocol pop3/ssl"
};

// A setting's effective value and every place that sets it in the same scope.
struct DovecotSetting {
    DovecotAssignment effective; // the assignment that wins (the last one read)
    QList<DovecotAssignment>
        overridden; // earlier assignments of the same key and scope, in read order

    QString path() const { return effective.path(); }
    const QString &value() const { return effective.value; }
    // Every place that sets it, earliest first (the effective one last).
    QList<ConfigLocation> locations() const;
};

// Who connects, for resolving protocol / remote / local / local_name filters.
struct DovecotClient {
    QString protocol;  // "pop3", "imap", "lmtp", … (empty: none)
    QString remoteIp;  // the client's address
    QString localIp;   // the server address it connected to
    QString localName; // TLS SNI name
};

// A difference between the computed configuration and doveconf's.
struct DovecotDifference {
    enum class Kind {
        ValueDiffers, // both set it, to different values
        OnlyComputed, // the files set it, doveconf -n does not list it (often: equals the default)
        OnlyDoveconf, // doveconf lists it, the computed tree lacks it
    };
    Kind kind = Kind::ValueDiffers;
    QString path;
    QString computed;
    QString doveconf;
    std::optional<ConfigLocation> where;
};

// A Dovecot configuration tree read the way Dovecot reads it: !include / !include_try with
// globs relative to the including file, nested sections, "key = value" (later wins),
// "key = <file", backslash continuations, '#' comments, quoted values, $key references.
class DovecotConfig {
public:
    // Reads mainFile and everything it includes. Fails with "file:line: message" on what
    // Dovecot itself refuses (missing !include, recursive include, unbalanced braces, …).
    static Result<DovecotConfig> load(const QString &mainFile, const ConfigFileAccess &files);
    // Parses one text (e.g. `doveconf -n` output) with no includes.
    static Result<DovecotConfig> parseText(const QByteArray &content,
                                           const QString &name = QStringLiteral("doveconf -n"));

    const QList<DovecotAssignment> &assignments() const { return m_assignments; } // read order
    QList<DovecotSetting> settings() const; // effective settings, ordered by first appearance
    std::optional<DovecotSetting> setting(const QString &key, const QStringList &scope = {}) const;
    // The setting as it applies inside scope: the innermost of scope, its parents, global.
    // resolve("ssl", {"protocol pop3"}) is pop3's ssl.
    std::optional<DovecotSetting> resolve(const QString &key, const QStringList &scope = {}) const;
    // The value a given client gets: among the places that set key at the top level or inside
    // filter sections only (protocol, remote, local, local_name, nested in any order), those whose
    // filters all match the client; the most specific wins as Dovecot 2.3 ranks filters (longer
    // local network, then longer remote network, then local_name, then protocol), else the later.
    // resolveFor("disable_plaintext_auth", {"pop3", "192.168.10.7"}) finds iRedMail's "remote
    // 192.168.10.0/24 { … }" exception.
    std::optional<DovecotSetting> resolveFor(const QString &key, const DovecotClient &client) const;
    // The key in every scope that sets it (global, protocol pop3, remote 10.0.0.1, …).
    QList<DovecotSetting> everywhere(const QString &key) const;

    QStringList files() const { return m_files; }              // files read, in order
    const QStringList &warnings() const { return m_warnings; } // "file:line: …"
    QStringList hiddenKeys() const { return m_hidden; }        // doveconf's "# hidden" values
    // dovecot_config_version (2.4) if set, else the version from a doveconf header comment.
    DovecotVersion version() const { return m_version; }

private:
    friend class DovecotParser;
    QList<DovecotAssignment> m_assignments;
    QStringList m_files;
    QStringList m_warnings;
    QStringList m_hidden;
    DovecotVersion m_version;
};

// Differences between a computed tree and `doveconf -n` output (parsed with parseText()).
QList<DovecotDifference> crossCheck(const DovecotConfig &computed, const DovecotConfig &doveconf);

// Byte-preserving edits of one Dovecot file. line is the statement's first line as reported
// in DovecotAssignment::where; key must match what is there (a stale line number fails).
// Values are written quoted when they hold anything beyond plain words, so '#', '$', '<',
// quotes or braces stay literal text.
Result<QByteArray> dovecotSetValue(const QByteArray &content, const QString &fileName, int line,
                                   const QString &key, const QString &value);
Result<QByteArray> dovecotRemoveSetting(const QByteArray &content, const QString &fileName,
                                        int line, const QString &key);
// Appends "key = value" at the end of the file (top level; fails if the file ends inside a
// section).
Result<QByteArray> dovecotAppendSetting(const QByteArray &content, const QString &fileName,
                                        const QString &key, const QString &value);
// The value as Dovecot syntax (quoted if needed). Fails on line breaks and NUL.
Result<QString> dovecotValueLiteral(const QString &value);

// Dovecot 2.3 -> 2.4 setting names.
struct DovecotRename {
    enum class Conversion {
        Same,                // name and value unchanged
        Renamed,             // new name, same value
        InvertedBool,        // new name, yes <-> no
        FileRefToPath,       // "name = </path" -> "new_name = /path"
        PreferServerCiphers, // yes -> server, no -> client
        Removed,             // no direct equivalent
    };
    QString name23;
    QString name24;
    Conversion conversion = Conversion::Same;
};
const QList<DovecotRename> &dovecotRenames();
// The name of a 2.3 setting on a server of the given version (unchanged before 2.4).
QString dovecotName(const QString &name23, const DovecotVersion &version);
// The 2.3 name of a setting (a 2.4 name is mapped back; other names are returned as is).
QString dovecotName23(const QString &name);
// A 2.3 value converted for the given version; nullopt if the setting has no 2.4 equivalent.
std::optional<QString> dovecotValue(const QString &name23, const QString &value23,
                                    const DovecotVersion &version);

} // namespace maildeck::config
