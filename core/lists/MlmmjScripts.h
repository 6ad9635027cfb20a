#pragma once

// The shell scripts MailDeck runs on the server (as root, one command per operation) for mlmmj
// lists, and the parsers of their output. Pure: building and parsing only, no I/O. Each script
// is all-or-nothing on its own: it stages its work in a hidden directory beside the files it
// changes (same file system, so the final step is a rename), keeps backups, and undoes what it
// did before it exits with an error.
//
// Exit statuses: 0 ok; 3 no such list directory; 20 the files changed since they were read
// (another console); 21 the list directory exists already; anything else: a failure, described
// on stderr.

#include "core/lists/ListSettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace maildeck::lists {

enum class SubscriberKind { Normal, Digest, NoMail };

struct MlmmjPaths {
    QString spool = QStringLiteral("/var/vmail/mlmmj");
    QString archive;                          // empty: <spool>-archive
    QString bin = QStringLiteral("/usr/bin"); // mlmmj-sub, mlmmj-list, …
    QString textSkel = QStringLiteral("/usr/share/mlmmj/text.skel");
    QString language = QStringLiteral("en");

    QString archiveDir() const {
        return archive.isEmpty() ? spool + QStringLiteral("-archive") : archive;
    }
    // <spool>/<domain>/<listname>; `address` in storage form.
    QString listDir(const QString &address) const;
};

class MlmmjScripts {
public:
    static constexpr int ExitNoList = 3;
    static constexpr int ExitConflict = 20;
    static constexpr int ExitExists = 21;

    static QString subdir(SubscriberKind kind); // subscribers.d, digesters.d, nomailsubs.d

    // Prints every regular file of control/ as "name\nsize\n<bytes>".
    static QString readControl(const QString &listDir);
    static Result<ControlFiles> parseControl(const QByteArray &out);

    // Creates the list directory as mlmmjadmin does (sub-directories 0700, empty index, texts
    // from the skeleton, the control files), owned like the spool, staged and renamed in place.
    static QString create(const MlmmjPaths &paths, const QString &address,
                          const ControlChanges &control, const QString &token);

    // Applies control changes: checks that each file is still what `current` says (else exit
    // 20), stages the new files, keeps the old ones in <listDir>/.maildeck-<token>, renames.
    // On failure restores everything. On success the backup stays until commitBackup() (or
    // restoreBackup() when the other half of the change failed).
    static QString applyControl(const QString &listDir, const ControlFiles &current,
                                const ControlChanges &changes, const QString &token);
    static QString commitBackup(const QString &listDir, const QString &token);
    static QString restoreBackup(const QString &listDir, const QStringList &files,
                                 const QString &token);

    // Moves the list directory aside (<domain>/.maildeck-del-<name>-<token>); then either
    // finishRemoval() (archive: to <archive>/<domain>/<name>-YYYYmmddHHMMSS, else rm -rf) or
    // undoRemoval().
    static QString detach(const MlmmjPaths &paths, const QString &address, const QString &token);
    static QString finishRemoval(const MlmmjPaths &paths, const QString &address,
                                 const QString &token, bool archive);
    static QString undoRemoval(const MlmmjPaths &paths, const QString &address,
                               const QString &token);
    // What a removal would remove: "files N", "kbytes N", "normal N", "digest N", "nomail N",
    // "archived N" lines.
    static QString inventory(const MlmmjPaths &paths, const QString &address);
    static QMap<QString, qint64> parseInventory(const QByteArray &out);

    // The subscriber counts of every list directory of `domain` (storage form) in one go: the
    // non-empty lines of the letter files in subscribers.d, digesters.d and nomailsubs.d (one
    // address a line, as mlmmj-list -c counts them). Prints "<listname> <normal> <digest>
    // <nomail>" lines; nothing when the domain has no list directory.
    static QString countSubscribers(const MlmmjPaths &paths, const QString &domain);
    struct SubscriberCount {
        qint64 normal = 0, digest = 0, nomail = 0;
        qint64 total() const { return normal + digest + nomail; }
    };
    // Keyed by list address (<listname>@<domain>).
    static QMap<QString, SubscriberCount> parseSubscriberCounts(const QByteArray &out,
                                                                const QString &domain);

    // All subscribers through mlmmj-list: "#normal", "#digest", "#nomail" headers then lines.
    static QString listSubscribers(const MlmmjPaths &paths, const QString &address);
    static QMap<SubscriberKind, QStringList> parseSubscribers(const QByteArray &out);
    static QString exportSubscribers(const MlmmjPaths &paths, const QString &address,
                                     SubscriberKind kind);

    // mlmmj-sub / mlmmj-unsub for each address on stdin (one per line), with a backup of the
    // three subscriber directories restored when one call fails.
    static QString subscribe(const MlmmjPaths &paths, const QString &address, SubscriberKind kind,
                             bool welcome, const QString &token);
    static QString unsubscribe(const MlmmjPaths &paths, const QString &address,
                               std::optional<SubscriberKind> kind, const QString &token);

    // Bulk: the addresses on stdin (storage form, one per line) are merged into (add) or taken
    // out of (remove) the letter files of one kind in one pass, in mlmmj's format (file = first
    // character, one address per line); changed letter files are renamed in place, with backups
    // restored on failure. Addresses subscribed to another kind are left there (counted).
    // Prints "added N" / "removed N" and "elsewhere N".
    static QString bulkAdd(const MlmmjPaths &paths, const QString &address, SubscriberKind kind,
                           const QString &token);
    static QString bulkRemove(const MlmmjPaths &paths, const QString &address, SubscriberKind kind,
                              const QString &token);
    static QMap<QString, qint64> parseCounts(const QByteArray &out);
};

} // namespace maildeck::lists
