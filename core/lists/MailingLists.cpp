#include "core/lists/MailingLists.h"

#include "core/delegation/ListAgent.h"

#include "core/common/Logging.h"
#include "core/common/SharedPromise.h"
#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "core/db/MailingListRepository.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"

#include <QPromise>
#include <QRandomGenerator>

#include <memory>

namespace maildeck::lists {

namespace {

Error error(const QString &code, const QString &message, const QString &detail = {}) {
    return Error{code, message, detail};
}

// lupdate files these strings under the enclosing scope name; use the same context at run time.
QString tr(const char *text) {
    return QCoreApplication::translate("maildeck::lists", text);
}

Error notConnected() {
    return error(QStringLiteral("list.connection"), tr("The server connection is not open."));
}

db::NewMailingList rowsFor(const ListSettings &s, const QString &description) {
    db::NewMailingList l;
    l.address = s.listAddress;
    l.name = s.name;
    l.description = description;
    l.accessPolicy = s.accessPolicy();
    l.maxMessageSize = s.maxMailSize;
    l.isNewsletter = s.newsletterSubscription;
    l.owners = s.owners;
    l.moderators = s.moderators;
    return l;
}

QStringList sorted(QStringList l) {
    l.sort();
    return l;
}

bool rowsMatch(const db::MailingListRow &row, const ListSettings &s) {
    return row.hasForwardingRow && row.name == s.name && row.accessPolicy == s.accessPolicy() &&
           row.maxMessageSize == s.maxMailSize && row.isNewsletter == s.newsletterSubscription &&
           row.owners == sorted(s.owners) && row.moderators == sorted(s.moderators);
}

Result<QString> storageAddress(const QString &input) {
    auto a = db::EmailAddress::parse(input);
    if (!a)
        return a.error();
    return a->toStorage();
}

} // namespace

QStringList RemovalPlan::summary() const {
    QStringList lines;
    const QString shown = db::EmailAddress::displayOf(address);
    if (hasDirectory) {
        lines << (archive ? tr("The list directory %1 (%2 files, %3 KiB) is moved to the mlmmj "
                               "archive.")
                          : tr("The list directory %1 (%2 files, %3 KiB) is deleted."))
                     .arg(directory)
                     .arg(files)
                     .arg(kilobytes);
        lines << tr("%1 subscribers, %2 digest subscribers and %3 no-mail subscribers lose "
                    "their subscription; %4 archived posts go with the directory.")
                     .arg(subscribers)
                     .arg(digestSubscribers)
                     .arg(nomailSubscribers)
                     .arg(archivedPosts);
    } else {
        lines << tr("There is no list directory for %1 on the server.").arg(shown);
    }
    if (row) {
        lines << tr("The database rows of %1 are deleted: the list (maillists), its routing "
                    "(forwardings), %2 owners and %3 moderators.")
                     .arg(shown)
                     .arg(row->owners.size())
                     .arg(row->moderators.size());
    } else {
        lines << tr("There are no database rows for %1.").arg(shown);
    }
    return lines;
}

MailingLists::MailingLists(ServerConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection) {
    if (connection)
        m_paths = pathsFor(connection->profile());
}

MlmmjPaths MailingLists::pathsFor(const ServerProfile &p) {
    MlmmjPaths paths;
    if (!p.paths.mlmmjSpool.isEmpty())
        paths.spool = p.paths.mlmmjSpool;
    if (p.flavour == ServerFlavour::FreeBsd || p.flavour == ServerFlavour::OpenBsd) {
        paths.bin = QStringLiteral("/usr/local/bin");
        paths.textSkel = QStringLiteral("/usr/local/share/mlmmj/text.skel");
    }
    return paths;
}

QString MailingLists::newToken() const {
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}

QFuture<Result<CommandOutput>> MailingLists::runOp(const ListOp &op, const QByteArray &stdinData) {
    if (isDelegated()) {
        // A domain admin's connection runs no command: the server's list agent runs the same
        // fixed script, once the database has checked that the list is in the admin's domains.
        return m_connection->db()->run(
            [op, stdinData](QSqlDatabase &db) {
                return delegation::ListAgent::runJob(db, op, stdinData);
            },
            DbWorker::Retry::Never);
    }
    ExecOptions options;
    options.privileged = true;
    options.stdinData = stdinData;
    options.timeoutMs = 10 * 60 * 1000;
    return m_connection->ssh()->runCommand(MlmmjScripts::rootCommand(m_paths, op), options);
}

bool MailingLists::isDelegated() const {
    return m_connection && m_connection->profile().role == ProfileRole::Delegated;
}

Error MailingLists::remoteError(const Result<CommandOutput> &r, const QString &what) {
    if (!r.ok())
        return r.error();
    const CommandOutput &out = r.value();
    const QString detail = QString::fromUtf8(Sudo::stripSudoNoise(out.stdErr)).trimmed();
    switch (out.exitStatus) {
    case MlmmjScripts::ExitNoList:
        return error(QStringLiteral("list.notfound"),
                     tr("There is no such mailing list directory on the server (%1).").arg(what),
                     detail);
    case MlmmjScripts::ExitConflict:
        return error(QStringLiteral("list.conflict"),
                     tr("The list's files were changed on the server since they were read "
                        "(another console or the mlmmj admin API?). Reload and try again."),
                     detail);
    case MlmmjScripts::ExitExists:
        return error(QStringLiteral("list.exists"),
                     tr("A mailing list directory exists already (%1).").arg(what), detail);
    default:
        break;
    }
    return error(QStringLiteral("list.remote"),
                 tr("Could not %1 on the server; nothing was changed.").arg(what), detail);
}

Result<QStringList> MailingLists::normaliseMembers(const QStringList &members) {
    QStringList out;
    out.reserve(members.size());
    QSet<QString> seen;
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (members.at(i).trimmed().isEmpty())
            continue;
        auto a = db::EmailAddress::parse(members.at(i));
        if (!a)
            return error(QStringLiteral("list.subscriber"),
                         tr("Line %1, \"%2\": %3")
                             .arg(i + 1)
                             .arg(members.at(i).left(80).simplified(), a.error().message));
        QString stored = a->toStorage();
        if (!seen.contains(stored)) {
            seen.insert(stored);
            out << stored;
        }
    }
    return out;
}

QFuture<Result<ListState>> MailingLists::read(const QString &input) {
    auto p = makePromise<Result<ListState>>();
    auto address = storageAddress(input);
    if (!address || !m_connection) {
        deliver(p, Result<ListState>(address ? notConnected() : address.error()));
        return p->future();
    }
    const QString a = address.value();
    const QString dir = m_paths.listDir(a);
    runOp(MlmmjScripts::readControl(a)).then(this, [this, p, a, dir](Result<CommandOutput> r) {
        if (!r.ok() || !r->succeeded())
            return deliver(p, Result<ListState>(remoteError(r, tr("read %1").arg(dir))));
        auto files = MlmmjScripts::parseControl(r->stdOut);
        if (!files)
            return deliver(p, Result<ListState>(files.error()));
        ListState state;
        state.address = a;
        state.directory = dir;
        state.files = files.value();
        state.settings = ListSettings::fromControlFiles(state.files);
        m_connection->db()
            ->run([a](QSqlDatabase &db) { return db::MailingListRepository::get(db, a); })
            .then(this, [p, state](Result<db::MailingListRow> row) mutable {
                if (row.ok())
                    state.row = row.value();
                else if (row.error().code != QStringLiteral("db.notfound"))
                    return deliver(p, Result<ListState>(row.error()));
                deliver(p, Result<ListState>(std::move(state)));
            });
    });
    return p->future();
}

QFuture<Status> MailingLists::create(const ListSettings &input, const QString &description) {
    auto p = makePromise<Status>();
    auto settings = ListSettings::normalised(input);
    if (!settings || !m_connection) {
        deliver(p, Status(settings ? notConnected() : settings.error()));
        return p->future();
    }
    const ListSettings s = settings.value();
    const QString dir = m_paths.listDir(s.listAddress);
    const QString token = newToken();
    runOp(MlmmjScripts::create(s.listAddress, ListSettings::toControlFiles(s), token))
        .then(this, [this, p, s, dir, description](Result<CommandOutput> r) {
            if (!r.ok() || !r->succeeded())
                return deliver(p, Status(remoteError(r, tr("create %1").arg(dir))));
            const db::NewMailingList rows = rowsFor(s, description);
            m_connection->db()
                ->run(
                    [rows](QSqlDatabase &db) {
                        return db::MailingListRepository::ensureRows(db, rows);
                    },
                    DbWorker::Retry::Never)
                .then(this, [this, p, dir,
                             address = s.listAddress](Result<db::EnsureListOutcome> e) {
                    if (e.ok())
                        return deliver(p, Status::success());
                    // Undo the directory: it was made by us a moment ago (already gone: fine).
                    const Error dbError = e.error();
                    runOp(MlmmjScripts::discard(address))
                        .then(this, [p, dbError, dir](Result<CommandOutput> undo) {
                            if (undo.ok() &&
                                (undo->succeeded() || undo->exitStatus == MlmmjScripts::ExitNoList))
                                return deliver(p, Status(dbError));
                            deliver(p, Status(error(QStringLiteral("list.undo"),
                                                    tr("%1 The list directory %2 could not be "
                                                       "removed again; remove it by hand.")
                                                        .arg(dbError.message, dir),
                                                    dbError.detail)));
                        });
                });
        });
    return p->future();
}

QFuture<Status> MailingLists::update(const ListState &base, const ListSettings &edited,
                                     const std::optional<QString> &description) {
    auto p = makePromise<Status>();
    ListSettings wanted = edited;
    wanted.listAddress = base.address; // the primary address is the list's identity
    auto settings = ListSettings::normalised(wanted);
    if (!settings || !m_connection) {
        deliver(p, Status(settings ? notConnected() : settings.error()));
        return p->future();
    }
    const ListSettings s = settings.value();
    const ControlChanges changes = ListSettings::changedFiles(base.files, s);
    const QString wantedDescription =
        description ? *description : (base.row ? base.row->description : QString());
    const bool rowsToWrite =
        !base.row || !rowsMatch(*base.row, s) || base.row->description != wantedDescription;
    const QString dir = base.directory;
    const QString address = base.address;
    const QString token = newToken();

    // Second half: the rows; on failure the files go back.
    auto writeRows = [this, p, base, s, dir, address, token, changes, wantedDescription]() {
        const std::optional<db::MailingListRow> current = base.row;
        const db::NewMailingList rows = rowsFor(s, wantedDescription);
        m_connection->db()
            ->run(
                [current, rows](QSqlDatabase &db) -> Status {
                    if (current)
                        return db::MailingListRepository::update(db, *current, rows);
                    auto e = db::MailingListRepository::ensureRows(db, rows);
                    return e.ok() ? Status::success() : Status(e.error());
                },
                DbWorker::Retry::Never)
            .then(this, [this, p, dir, address, token, changes](Status st) {
                if (changes.isEmpty())
                    return deliver(p, st);
                const ListOp op = st.ok()
                                      ? MlmmjScripts::commitBackup(address, token)
                                      : MlmmjScripts::restoreBackup(address, changes.keys(), token);
                runOp(op).then(this, [p, st, dir](Result<CommandOutput> r) {
                    const bool ok = r.ok() && r->succeeded();
                    if (st.ok()) {
                        if (!ok)
                            qCWarning(lcLists) << "backup of" << dir << "not removed";
                        return deliver(p, Status::success());
                    }
                    if (ok)
                        return deliver(p, st);
                    deliver(p, Status(error(QStringLiteral("list.undo"),
                                            tr("%1 The control files of %2 could not be "
                                               "restored; their backup is in %2/.maildeck-*.")
                                                .arg(st.error().message, dir),
                                            st.error().detail)));
                });
            });
    };

    if (changes.isEmpty()) {
        if (!rowsToWrite)
            deliver(p, Status::success());
        else
            writeRows();
        return p->future();
    }
    runOp(MlmmjScripts::applyControl(address, base.files, changes, token))
        .then(this,
              [this, p, dir, address, token, rowsToWrite, writeRows](Result<CommandOutput> r) {
                  if (!r.ok() || !r->succeeded())
                      return deliver(
                          p, Status(remoteError(r, tr("change the control files of %1").arg(dir))));
                  if (rowsToWrite)
                      return writeRows();
                  runOp(MlmmjScripts::commitBackup(address, token))
                      .then(this, [p](Result<CommandOutput>) { deliver(p, Status::success()); });
              });
    return p->future();
}

QFuture<Result<QMap<QString, MlmmjScripts::SubscriberCount>>>
MailingLists::subscriberCounts(const QString &domain) {
    using Counts = QMap<QString, MlmmjScripts::SubscriberCount>;
    auto p = makePromise<Result<Counts>>();
    if (!m_connection) {
        deliver(p, Result<Counts>(notConnected()));
        return p->future();
    }
    const QString where = m_paths.spool + QLatin1Char('/') + domain;
    runOp(MlmmjScripts::countSubscribers(domain))
        .then(this, [p, domain, where](Result<CommandOutput> r) {
            if (!r.ok() || !r->succeeded())
                return deliver(p, Result<Counts>(remoteError(
                                      r, tr("count the subscribers in %1").arg(where))));
            deliver(p, Result<Counts>(MlmmjScripts::parseSubscriberCounts(r->stdOut, domain)));
        });
    return p->future();
}

QFuture<Status> MailingLists::setOwners(const QString &address, const QStringList &owners) {
    auto p = makePromise<Status>();
    read(address).then(this, [this, p, owners](Result<ListState> r) {
        if (!r)
            return deliver(p, Status(r.error()));
        ListSettings s = r->settings;
        s.owners = owners;
        update(r.value(), s).then(this, [p](Status st) { deliver(p, st); });
    });
    return p->future();
}

QFuture<Status> MailingLists::setModerators(const QString &address, const QStringList &moderators) {
    auto p = makePromise<Status>();
    read(address).then(this, [this, p, moderators](Result<ListState> r) {
        if (!r)
            return deliver(p, Status(r.error()));
        ListSettings s = r->settings;
        s.moderators = moderators;
        update(r.value(), s).then(this, [p](Status st) { deliver(p, st); });
    });
    return p->future();
}

QFuture<Result<RemovalPlan>> MailingLists::planRemoval(const QString &input) {
    auto p = makePromise<Result<RemovalPlan>>();
    auto address = storageAddress(input);
    if (!address || !m_connection) {
        deliver(p, Result<RemovalPlan>(address ? notConnected() : address.error()));
        return p->future();
    }
    RemovalPlan plan;
    plan.address = address.value();
    plan.directory = m_paths.listDir(plan.address);
    runOp(MlmmjScripts::inventory(plan.address))
        .then(this, [this, p, plan](Result<CommandOutput> r) mutable {
            if (!r.ok())
                return deliver(p, Result<RemovalPlan>(r.error()));
            if (r->succeeded()) {
                const auto counts = MlmmjScripts::parseInventory(r->stdOut);
                plan.hasDirectory = true;
                plan.files = counts.value(QStringLiteral("files"));
                plan.kilobytes = counts.value(QStringLiteral("kbytes"));
                plan.subscribers = counts.value(QStringLiteral("normal"));
                plan.digestSubscribers = counts.value(QStringLiteral("digest"));
                plan.nomailSubscribers = counts.value(QStringLiteral("nomail"));
                plan.archivedPosts = counts.value(QStringLiteral("archived"));
            } else if (r->exitStatus != MlmmjScripts::ExitNoList) {
                return deliver(
                    p, Result<RemovalPlan>(remoteError(r, tr("inspect %1").arg(plan.directory))));
            }
            const QString a = plan.address;
            m_connection->db()
                ->run([a](QSqlDatabase &db) { return db::MailingListRepository::get(db, a); })
                .then(this, [p, plan](Result<db::MailingListRow> row) mutable {
                    if (row.ok())
                        plan.row = row.value();
                    else if (row.error().code != QStringLiteral("db.notfound"))
                        return deliver(p, Result<RemovalPlan>(row.error()));
                    if (!plan.hasDirectory && !plan.row)
                        return deliver(
                            p, Result<RemovalPlan>(
                                   error(QStringLiteral("list.notfound"),
                                         tr("There is no mailing list %1 on this server.")
                                             .arg(db::EmailAddress::displayOf(plan.address)))));
                    deliver(p, Result<RemovalPlan>(std::move(plan)));
                });
        });
    return p->future();
}

QFuture<Status> MailingLists::remove(const RemovalPlan &plan) {
    auto p = makePromise<Status>();
    if (!m_connection) {
        deliver(p, Status(notConnected()));
        return p->future();
    }
    const QString token = newToken();
    const QString a = plan.address;

    auto finish = [this, p, plan, token]() {
        if (!plan.hasDirectory)
            return deliver(p, Status::success());
        runOp(MlmmjScripts::finishRemoval(plan.address, token, plan.archive))
            .then(this, [p, plan](Result<CommandOutput> r) {
                if (r.ok() && r->succeeded())
                    return deliver(p, Status::success());
                deliver(p, Status(error(QStringLiteral("list.undo"),
                                        tr("The list's database rows were deleted, but its "
                                           "directory could not be archived or deleted: it "
                                           "is left in %1/.maildeck-del-* beside the lists.")
                                            .arg(plan.directory.section(QLatin1Char('/'), 0, -2)),
                                        r.ok() ? r->stderrText() : r.error().message)));
            });
    };
    auto deleteRows = [this, p, plan, token, a, finish]() {
        if (!plan.row)
            return finish();
        m_connection->db()
            ->run([a](QSqlDatabase &db) { return db::MailingListRepository::removeRows(db, a); },
                  DbWorker::Retry::Never)
            .then(this, [this, p, plan, token, finish](Status st) {
                if (st.ok())
                    return finish();
                if (!plan.hasDirectory)
                    return deliver(p, st);
                runOp(MlmmjScripts::undoRemoval(plan.address, token))
                    .then(this, [p, st, plan](Result<CommandOutput> r) {
                        if (r.ok() && r->succeeded())
                            return deliver(p, st);
                        deliver(p, Status(error(QStringLiteral("list.undo"),
                                                tr("%1 The list directory could not be moved "
                                                   "back to %2: it is in .maildeck-del-* "
                                                   "beside it.")
                                                    .arg(st.error().message, plan.directory),
                                                st.error().detail)));
                    });
            });
    };
    if (!plan.hasDirectory) {
        deleteRows();
        return p->future();
    }
    runOp(MlmmjScripts::detach(a, token))
        .then(this, [p, plan, deleteRows](Result<CommandOutput> r) {
            if (!r.ok() || !r->succeeded())
                return deliver(p, Status(remoteError(r, tr("remove %1").arg(plan.directory))));
            deleteRows();
        });
    return p->future();
}

QFuture<Result<Subscribers>> MailingLists::subscribers(const QString &input) {
    auto p = makePromise<Result<Subscribers>>();
    auto address = storageAddress(input);
    if (!address || !m_connection) {
        deliver(p, Result<Subscribers>(address ? notConnected() : address.error()));
        return p->future();
    }
    const QString a = address.value();
    runOp(MlmmjScripts::listSubscribers(a)).then(this, [this, p, a](Result<CommandOutput> r) {
        if (!r.ok() || !r->succeeded())
            return deliver(p, Result<Subscribers>(remoteError(
                                  r, tr("list the subscribers of %1").arg(m_paths.listDir(a)))));
        auto kinds = MlmmjScripts::parseSubscribers(r->stdOut);
        Subscribers s;
        s.normal = kinds.value(SubscriberKind::Normal);
        s.digest = kinds.value(SubscriberKind::Digest);
        s.nomail = kinds.value(SubscriberKind::NoMail);
        deliver(p, Result<Subscribers>(std::move(s)));
    });
    return p->future();
}

QFuture<Status> MailingLists::subscribe(const QString &input, const QStringList &members,
                                        SubscriberKind kind, bool welcome) {
    auto p = makePromise<Status>();
    auto address = storageAddress(input);
    auto list = normaliseMembers(members);
    if (!address || !list || !m_connection) {
        deliver(p, Status(!address ? address.error() : !list ? list.error() : notConnected()));
        return p->future();
    }
    const QString a = address.value();
    runOp(MlmmjScripts::subscribe(a, kind, welcome, newToken()),
          list->join(QLatin1Char('\n')).toUtf8() + '\n')
        .then(this, [this, p, a](Result<CommandOutput> r) {
            if (r.ok() && r->succeeded())
                return deliver(p, Status::success());
            deliver(p, Status(remoteError(r, tr("subscribe to %1").arg(m_paths.listDir(a)))));
        });
    return p->future();
}

QFuture<Status> MailingLists::unsubscribe(const QString &input, const QStringList &members,
                                          std::optional<SubscriberKind> kind) {
    auto p = makePromise<Status>();
    auto address = storageAddress(input);
    auto list = normaliseMembers(members);
    if (!address || !list || !m_connection) {
        deliver(p, Status(!address ? address.error() : !list ? list.error() : notConnected()));
        return p->future();
    }
    const QString a = address.value();
    runOp(MlmmjScripts::unsubscribe(a, kind, newToken()),
          list->join(QLatin1Char('\n')).toUtf8() + '\n')
        .then(this, [this, p, a](Result<CommandOutput> r) {
            if (r.ok() && r->succeeded())
                return deliver(p, Status::success());
            deliver(p, Status(remoteError(r, tr("unsubscribe from %1").arg(m_paths.listDir(a)))));
        });
    return p->future();
}

QFuture<Result<BulkOutcome>> MailingLists::importSubscribers(const QString &input,
                                                             const QStringList &members,
                                                             SubscriberKind kind) {
    auto p = makePromise<Result<BulkOutcome>>();
    auto address = storageAddress(input);
    auto list = normaliseMembers(members);
    if (!address || !list || !m_connection) {
        deliver(p, Result<BulkOutcome>(!address ? address.error()
                                       : !list  ? list.error()
                                                : notConnected()));
        return p->future();
    }
    const QString a = address.value();
    const qint64 total = list->size();
    runOp(MlmmjScripts::bulkAdd(a, kind, newToken()), list->join(QLatin1Char('\n')).toUtf8() + '\n')
        .then(this, [this, p, a, total](Result<CommandOutput> r) {
            if (!r.ok() || !r->succeeded())
                return deliver(p, Result<BulkOutcome>(remoteError(
                                      r, tr("import subscribers to %1").arg(m_paths.listDir(a)))));
            const auto counts = MlmmjScripts::parseCounts(r->stdOut);
            BulkOutcome o;
            o.changed = counts.value(QStringLiteral("added"));
            o.elsewhere = counts.value(QStringLiteral("elsewhere"));
            o.unchanged = total - o.changed - o.elsewhere;
            deliver(p, Result<BulkOutcome>(o));
        });
    return p->future();
}

QFuture<Result<BulkOutcome>> MailingLists::removeSubscribers(const QString &input,
                                                             const QStringList &members,
                                                             SubscriberKind kind) {
    auto p = makePromise<Result<BulkOutcome>>();
    auto address = storageAddress(input);
    auto list = normaliseMembers(members);
    if (!address || !list || !m_connection) {
        deliver(p, Result<BulkOutcome>(!address ? address.error()
                                       : !list  ? list.error()
                                                : notConnected()));
        return p->future();
    }
    const QString a = address.value();
    const qint64 total = list->size();
    runOp(MlmmjScripts::bulkRemove(a, kind, newToken()),
          list->join(QLatin1Char('\n')).toUtf8() + '\n')
        .then(this, [this, p, a, total](Result<CommandOutput> r) {
            if (!r.ok() || !r->succeeded())
                return deliver(p, Result<BulkOutcome>(remoteError(
                                      r, tr("remove subscribers of %1").arg(m_paths.listDir(a)))));
            BulkOutcome o;
            o.changed = MlmmjScripts::parseCounts(r->stdOut).value(QStringLiteral("removed"));
            o.unchanged = total - o.changed;
            deliver(p, Result<BulkOutcome>(o));
        });
    return p->future();
}

QFuture<Result<QStringList>> MailingLists::exportSubscribers(const QString &input,
                                                             SubscriberKind kind) {
    auto p = makePromise<Result<QStringList>>();
    auto address = storageAddress(input);
    if (!address || !m_connection) {
        deliver(p, Result<QStringList>(address ? notConnected() : address.error()));
        return p->future();
    }
    const QString a = address.value();
    runOp(MlmmjScripts::exportSubscribers(a, kind))
        .then(this, [this, p, a](Result<CommandOutput> r) {
            if (!r.ok() || !r->succeeded())
                return deliver(p,
                               Result<QStringList>(remoteError(
                                   r, tr("export the subscribers of %1").arg(m_paths.listDir(a)))));
            QStringList out;
            const QList<QByteArray> rows = r->stdOut.split('\n');
            out.reserve(rows.size());
            for (const QByteArray &row : rows)
                if (!row.trimmed().isEmpty())
                    out << QString::fromUtf8(row.trimmed());
            deliver(p, Result<QStringList>(std::move(out)));
        });
    return p->future();
}

} // namespace maildeck::lists
