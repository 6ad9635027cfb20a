#pragma once

// mlmmj mailing lists on one server: the list directory over SSH (as root) and the SQL rows
// (core/db MailingListRepository) kept consistent. Every method returns at once; results come
// as futures (tie continuations to a context object, the UI never waits):
//
//   auto *lists = new MailingLists(connection, this);        // connection: Connected
//   ListSettings s = ListSettings::defaultsFor(u"news@example.com"_s);
//   s.owners = {u"boss@example.com"_s};
//   lists->create(s, {}).then(this, [](Status st) { … });
//   lists->read(u"news@example.com"_s).then(this, [](Result<ListState> r) {
//       ListSettings edited = r->settings; edited.subjectPrefix = u"[news]"_s;
//       lists->update(*r, edited);                            // files + rows, or nothing
//   });
//   lists->importSubscribers(addr, tenThousand);              // one command, addresses on stdin
//   lists->planRemoval(addr).then(this, [](Result<RemovalPlan> p) { show(p->summary()); … });
//   lists->remove(plan);                                      // after the person agreed
//
// All-or-nothing: files are staged and renamed, with backups restored on failure; the SQL side
// runs in one transaction; when one side fails after the other succeeded, the other is undone
// (the list directory removed again, the control files restored, a moved list directory moved
// back). Concurrent edits are detected: update() fails with "list.conflict" when the control
// files changed since read(), and with "db.conflict" when the rows did.
//
// Error codes: those of ListSettings::normalised, EmailAddress, MailingListRepository, SSH, and
// "list.notfound" (no list directory), "list.exists", "list.conflict", "list.remote" (a remote
// step failed; detail has its stderr), "list.undo" (a failure whose undo failed too: the
// message says what is left to fix by hand).

#include "core/common/Result.h"
#include "core/db/VmailTypes.h"
#include "core/lists/ListSettings.h"
#include "core/lists/MlmmjScripts.h"

#include <QCoreApplication>
#include <QFuture>
#include <QObject>
#include <QPointer>

#include <optional>

namespace maildeck {
class ServerConnection;
struct CommandOutput;
struct ServerProfile;
struct ExecOptions;
} // namespace maildeck

namespace maildeck::lists {

// One list as read from the server.
struct ListState {
    QString address;                       // storage form
    QString directory;                     // <spool>/<domain>/<listname>
    ListSettings settings;                 // from the control files
    ControlFiles files;                    // the control files as read (for the conflict check)
    std::optional<db::MailingListRow> row; // the SQL rows; nullopt when missing (bk_none trap)
};

// What remove() will remove; show summary() before asking.
struct RemovalPlan {
    Q_DECLARE_TR_FUNCTIONS(RemovalPlan)

public:
    QString address;
    QString directory;
    bool hasDirectory = false;
    qint64 files = 0;
    qint64 kilobytes = 0;
    qint64 subscribers = 0, digestSubscribers = 0, nomailSubscribers = 0;
    qint64 archivedPosts = 0;
    std::optional<db::MailingListRow> row; // maillists + forwardings + owners + moderators
    bool archive = true; // move the directory to the mlmmj archive (mlmmjadmin's default)

    QStringList summary() const; // translated lines
};

struct Subscribers {
    QStringList normal, digest, nomail;
    int total() const { return int(normal.size() + digest.size() + nomail.size()); }
};

struct BulkOutcome {
    qint64 changed = 0;   // added or removed
    qint64 elsewhere = 0; // (import) already subscribed to another version: left there
    qint64 unchanged = 0; // (import) already subscribed; (removal) not subscribed
};

class MailingLists : public QObject {
    Q_OBJECT

public:
    // `connection` must be connected (ssh() and db() valid) and outlive this object.
    explicit MailingLists(ServerConnection *connection, QObject *parent = nullptr);
    // The spool and tool paths (default: the profile's paths.mlmmjSpool, /usr/bin, the Debian
    // text skeleton; /usr/local on the BSDs).
    void setPaths(const MlmmjPaths &paths) { m_paths = paths; }
    // The default paths for a server profile (what the constructor uses).
    static MlmmjPaths pathsFor(const ServerProfile &profile);
    // A domain admin's own connection: the list's files change through the server's list agent
    // (delegation::ListAgent), which leaves the server settings (relay host, SMTP port and HELO)
    // to the global admin.
    bool isDelegated() const;
    const MlmmjPaths &paths() const { return m_paths; }

    QFuture<Result<ListState>> read(const QString &address);
    // The directory (as mlmmjadmin makes it) then the rows (ensureRows: adds what is missing,
    // keeps an existing mlid). If the rows fail, the directory is removed again.
    QFuture<Status> create(const ListSettings &settings, const QString &description = {});
    // Control files (only those whose meaning changes) and the rows (name, description,
    // policy, size, owners, moderators). Missing rows (a list made by mlmmjadmin with bk_none)
    // are added. The description lives only in maillists.description (mlmmj has no control
    // file for it; iRedAdmin-Pro shows it on the newsletter page); nullopt keeps the row's.
    QFuture<Status> update(const ListState &base, const ListSettings &edited,
                           const std::optional<QString> &description = std::nullopt);
    QFuture<Status> setOwners(const QString &address, const QStringList &owners);
    QFuture<Status> setModerators(const QString &address, const QStringList &moderators);

    QFuture<Result<RemovalPlan>> planRemoval(const QString &address);
    // Moves the directory aside, deletes the rows (also owners and moderators), then archives
    // or deletes the directory; a failed SQL delete moves the directory back.
    QFuture<Status> remove(const RemovalPlan &plan);

    QFuture<Result<Subscribers>> subscribers(const QString &address);
    // The subscriber counts of all lists of `domain` (storage form), one remote command; keyed
    // by list address. Lists without a directory are absent.
    QFuture<Result<QMap<QString, MlmmjScripts::SubscriberCount>>>
    subscriberCounts(const QString &domain);
    // mlmmj-sub / mlmmj-unsub (the server's own tools), quietly, no confirmation mail; all
    // addresses validated first; one command; all or nothing.
    QFuture<Status> subscribe(const QString &address, const QStringList &members,
                              SubscriberKind kind = SubscriberKind::Normal, bool welcome = false);
    QFuture<Status> unsubscribe(const QString &address, const QStringList &members,
                                std::optional<SubscriberKind> kind = std::nullopt);
    // 10 000+ addresses: one command, the addresses streamed on stdin, merged into mlmmj's
    // files in one pass (mlmmj-sub per address takes ~6 ms each). All addresses validated
    // first: one bad address and nothing is sent.
    QFuture<Result<BulkOutcome>> importSubscribers(const QString &address,
                                                   const QStringList &members,
                                                   SubscriberKind kind = SubscriberKind::Normal);
    QFuture<Result<BulkOutcome>> removeSubscribers(const QString &address,
                                                   const QStringList &members,
                                                   SubscriberKind kind = SubscriberKind::Normal);
    QFuture<Result<QStringList>> exportSubscribers(const QString &address,
                                                   SubscriberKind kind = SubscriberKind::Normal);

    // Validates addresses for subscribing: storage form, deduplicated. Error: the first bad one
    // ("list.subscriber", with its line number).
    static Result<QStringList> normaliseMembers(const QStringList &members);

private:
    // Runs one list operation as root over SSH (MlmmjScripts::rootCommand), `stdinData` on its
    // stdin. The same ListOp may later also be sent to the server's list agent instead.
    QFuture<Result<CommandOutput>> runOp(const ListOp &op, const QByteArray &stdinData = {});
    static Error remoteError(const Result<CommandOutput> &r, const QString &what);
    QString newToken() const;

    QPointer<ServerConnection> m_connection;
    MlmmjPaths m_paths;
};

} // namespace maildeck::lists
