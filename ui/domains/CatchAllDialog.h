#pragma once

#include "core/db/VmailTypes.h"
#include "ui/domains/EditorDialog.h"

namespace maildeck::ui {

class AddressListEditor;

// The catch-all of a domain: where mail to addresses that do not exist goes. No destinations:
// no catch-all (unknown addresses are rejected, which is usually what you want).
class CatchAllDialog : public EditorDialog {
    Q_OBJECT
public:
    CatchAllDialog(DbWorker *db, const db::CatchAll &current, QWidget *parent = nullptr);

    QStringList destinations() const { return m_destinations; }
    AddressListEditor *destinationsEditor() const { return m_editor; }

protected:
    bool validate() override;
    QFuture<Status> startWrite() override;
    bool showFieldError(const Error &error) override;

private:
    db::CatchAll m_current;
    QStringList m_destinations;
    AddressListEditor *m_editor = nullptr;
};

} // namespace maildeck::ui
