#include "ui/domains/UndoableChange.h"

namespace maildeck::ui {

Error UndoableChange::changedSince(const QString &what) {
    return Error{QStringLiteral("db.conflict"),
                 tr("%1 was changed since — not undone. The later change is kept.").arg(what),
                 {}};
}

} // namespace maildeck::ui
