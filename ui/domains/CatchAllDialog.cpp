#include "ui/domains/CatchAllDialog.h"

#include "core/db/AliasRepository.h"
#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "ui/domains/AddressListEditor.h"

#include <QLabel>
#include <QVBoxLayout>

namespace maildeck::ui {

CatchAllDialog::CatchAllDialog(DbWorker *db, const db::CatchAll &current, QWidget *parent)
    : EditorDialog(db, parent)
    , m_current(current) {
    setObjectName(QStringLiteral("CatchAllDialog"));
    const QString shown = db::DomainName::displayOf(current.domain);
    setWindowTitle(tr("Catch-all of %1").arg(shown));
    auto *intro = new QLabel(
        tr("Mail to any address of %1 that has no mailbox, alias or list goes to these "
           "addresses. Leave the list empty to have such mail rejected. A catch-all attracts spam "
           "sent to guessed addresses.")
            .arg(shown),
        this);
    intro->setWordWrap(true);
    m_editor = new AddressListEditor(QStringLiteral("CatchAll"), this);
    m_editor->setAddresses(current.destinations);
    contentLayout()->addWidget(intro);
    contentLayout()->addWidget(m_editor, 1);
    setMinimumWidth(480);
}

bool CatchAllDialog::validate() {
    if (m_editor->hasPendingInput() && !m_editor->addFromInput())
        return false;
    m_destinations = m_editor->addresses();
    return true;
}

QFuture<Status> CatchAllDialog::startWrite() {
    return db()->runInTransaction(
        [current = m_current, d = m_destinations, slot = undoSlot()](QSqlDatabase &sql) -> Status {
            using db::AliasRepository;
            if (Status s = AliasRepository::setCatchAll(sql, current, d); !s)
                return s;
            auto after = AliasRepository::getCatchAll(sql, current.domain);
            if (!after)
                return after.error();
            const QString shown = db::DomainName::displayOf(current.domain);
            slot->description = current.destinations.isEmpty()
                                    ? CatchAllDialog::tr("create the catch-all of %1").arg(shown)
                                    : CatchAllDialog::tr("edit the catch-all of %1").arg(shown);
            slot->revert = [before = current, version = after->version](QSqlDatabase &db) {
                auto now = AliasRepository::getCatchAll(db, before.domain);
                if (!now)
                    return Status(now.error());
                if (now->version != version)
                    return Status(UndoableChange::changedSince(
                        CatchAllDialog::tr("The catch-all of %1")
                            .arg(db::DomainName::displayOf(before.domain))));
                return AliasRepository::setCatchAll(db, *now, before.destinations);
            };
            return {};
        });
}

bool CatchAllDialog::showFieldError(const Error &error) {
    if (!error.code.startsWith(QLatin1String("address.")))
        return false;
    m_editor->setError(error.message);
    return true;
}

} // namespace maildeck::ui
