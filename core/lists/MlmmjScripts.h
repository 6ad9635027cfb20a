#pragma once

// The shell scripts MailDeck runs on the server (as root, one command per operation) for mlmmj
// lists, and the parsers of their output. Pure: building and parsing only, no I/O. Each script
// is all-or-nothing on its own: it stages its work in a hidden directory beside the files it
// changes (same file system, so the final step is a rename), keeps backups, and undoes what it
// did before it exits with an error.
//
// Every operation is a FIXED body (body(name): the same text whatever the list, the paths or
// the contents) plus positional arguments: the common ones (commonArgs(): spool, archive, bin,
// text skeleton with the language), the target (the list address in storage form; a domain for
// "countSubscribers") and the operation's own arguments (ListOp::args). The bodies never
// evaluate an argument as code, so the same files can be installed on the server and run by a
// root agent that receives only (validated) arguments:
//
//   ListOp op = MlmmjScripts::subscribe(u"news@example.com"_s, SubscriberKind::Digest, false, t);
//   ssh->runCommand(MlmmjScripts::rootCommand(paths, op), options);   // addresses on stdin
//
// Operations and their arguments (kind: "normal", "digest", "nomail"; token: [0-9a-z]{1,16}):
//   readControl, inventory, listSubscribers, discard   -
//   countSubscribers (target: a domain)                 -
//   exportSubscribers                                   kind
//   create             token, then name, base64(content) for each control file (sorted)
//   applyControl       token, then name, sha256 hex of the current content or "absent",
//                      base64(new content) or "-" (delete) for each change (sorted)
//   commitBackup, detach, undoRemoval                   token
//   restoreBackup      token, names…
//   finishRemoval      token, "archive" or "delete"
//   subscribe          kind, "1"/"0" (welcome), token
//   unsubscribe        kind or "any", token
//   bulkAdd, bulkRemove                                 kind, token
//
// Exit statuses: 0 ok; 3 no such list directory; 20 the files changed since they were read
// (another console); 21 the list directory exists already; anything else: a failure, described
// on stderr.

#include "core/lists/ListSettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace maildeck::lists {

enum class SubscriberKind { Normal, Digest, NoMail };

// One operation on one list (or, for countSubscribers, one domain): the name of its fixed
// body, the target, and the operation's own arguments.
struct ListOp {
    QString name;     // one of MlmmjScripts::opNames()
    QString target;   // list address in storage form (for "countSubscribers": a domain)
    QStringList args; // the operation's arguments (see above)
};

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

    // All operation names.
    static QStringList opNames();
    // The fixed body of an operation (empty for an unknown name). It reads
    // `spool archive bin skel target` then the operation's arguments from its positional
    // parameters.
    static QString body(const QString &name);
    // {spool, archiveDir(), bin, textSkel + "/" + language}.
    static QStringList commonArgs(const MlmmjPaths &paths);
    // The command line that runs `op` (as root over SSH):
    // sh -c '<body>' maildeck-list-<name> <common args> <target> <args>, every word quoted.
    // The caller passes the operation's stdin separately.
    static QString rootCommand(const MlmmjPaths &paths, const ListOp &op);

    // Prints every regular file of control/ as "name\nsize\n<bytes>".
    static ListOp readControl(const QString &address);
    static Result<ControlFiles> parseControl(const QByteArray &out);

    // Creates the list directory as mlmmjadmin does (sub-directories 0700, empty index, texts
    // from the skeleton, the control files), owned like the spool, staged and renamed in place.
    static ListOp create(const QString &address, const ControlChanges &control,
                         const QString &token);

    // Applies control changes: checks that each file is still what `current` says (else exit
    // 20), stages the new files, keeps the old ones in <listDir>/.maildeck-<token>, renames.
    // On failure restores everything. On success the backup stays until commitBackup() (or
    // restoreBackup() when the other half of the change failed).
    static ListOp applyControl(const QString &address, const ControlFiles &current,
                               const ControlChanges &changes, const QString &token);
    static ListOp commitBackup(const QString &address, const QString &token);
    static ListOp restoreBackup(const QString &address, const QStringList &files,
                                const QString &token);
    // Removes a list directory just made by create() (when the other half of the creation
    // failed); exit 3 when there is none.
    static ListOp discard(const QString &address);

    // Moves the list directory aside (<domain>/.maildeck-del-<name>-<token>); then either
    // finishRemoval() (archive: to <archive>/<domain>/<name>-YYYYmmddHHMMSS, else rm -rf) or
    // undoRemoval().
    static ListOp detach(const QString &address, const QString &token);
    static ListOp finishRemoval(const QString &address, const QString &token, bool archive);
    static ListOp undoRemoval(const QString &address, const QString &token);
    // What a removal would remove: "files N", "kbytes N", "normal N", "digest N", "nomail N",
    // "archived N" lines.
    static ListOp inventory(const QString &address);
    static QMap<QString, qint64> parseInventory(const QByteArray &out);

    // The subscriber counts of every list directory of `domain` (storage form) in one go: the
    // non-empty lines of the letter files in subscribers.d, digesters.d and nomailsubs.d (one
    // address a line, as mlmmj-list -c counts them). Prints "<listname> <normal> <digest>
    // <nomail>" lines; nothing when the domain has no list directory.
    static ListOp countSubscribers(const QString &domain);
    struct SubscriberCount {
        qint64 normal = 0, digest = 0, nomail = 0;
        qint64 total() const { return normal + digest + nomail; }
    };
    // Keyed by list address (<listname>@<domain>).
    static QMap<QString, SubscriberCount> parseSubscriberCounts(const QByteArray &out,
                                                                const QString &domain);

    // All subscribers through mlmmj-list: "#normal", "#digest", "#nomail" headers then lines.
    static ListOp listSubscribers(const QString &address);
    static QMap<SubscriberKind, QStringList> parseSubscribers(const QByteArray &out);
    static ListOp exportSubscribers(const QString &address, SubscriberKind kind);

    // mlmmj-sub / mlmmj-unsub for each address on stdin (one per line), with a backup of the
    // three subscriber directories restored when one call fails.
    static ListOp subscribe(const QString &address, SubscriberKind kind, bool welcome,
                            const QString &token);
    static ListOp unsubscribe(const QString &address, std::optional<SubscriberKind> kind,
                              const QString &token);

    // Bulk: the addresses on stdin (storage form, one per line) are merged into (add) or taken
    // out of (remove) the letter files of one kind in one pass, in mlmmj's format (file = first
    // character, one address per line); changed letter files are renamed in place, with backups
    // restored on failure. Addresses subscribed to another kind are left there (counted).
    // Prints "added N" / "removed N" and "elsewhere N".
    static ListOp bulkAdd(const QString &address, SubscriberKind kind, const QString &token);
    static ListOp bulkRemove(const QString &address, SubscriberKind kind, const QString &token);
    static QMap<QString, qint64> parseCounts(const QByteArray &out);
};

} // namespace maildeck::lists
