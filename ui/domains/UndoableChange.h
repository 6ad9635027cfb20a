#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

namespace maildeck::ui {

// The inverse of one successful write, made by the writer from the rows before and after it
// (read in the write's own transaction). DomainPage keeps the last one for "Undo".
//
//   auto slot = std::make_shared<UndoableChange>();           // filled in the DB worker thread
//   db->runInTransaction([slot](QSqlDatabase &sql) -> Status {
//       before = get(sql); write(sql); after = get(sql);
//       slot->revert = [before, after](QSqlDatabase &sql) -> Status {
//           current = get(sql);
//           if (current.version != after.version) return UndoableChange::changedSince(who);
//           return update(sql, current, before);              // the same repository call
//       };
//       return {};
//   });
struct UndoableChange {
    Q_DECLARE_TR_FUNCTIONS(UndoableChange)

public:
    // What the change was, e.g. "edit mailbox alice@example.test" (shown as "Undo: …").
    QString description;
    // Restores the state before the change; run in one transaction. Fails with "db.conflict"
    // (never overwrites) when the rows are no longer as the change left them. Empty: the change
    // cannot be undone.
    std::function<Status(QSqlDatabase &)> revert;

    bool isUndoable() const { return bool(revert); }

    // The refusal when someone changed `what` (shown form) after the change.
    static Error changedSince(const QString &what);
};

using UndoSlot = std::shared_ptr<UndoableChange>;

} // namespace maildeck::ui
