#pragma once

#include "core/db/MailboxRepository.h"
#include "ui/domains/EditorDialog.h"

class QCheckBox;
class QLabel;
class QLineEdit;

namespace maildeck::ui {

class AddressListEditor;
class FieldErrorLabel;
class MailServicesBox;
class QuotaEdit;

// Edit Mailbox: name, quota, active, services, and forwarding (destinations plus "keep a copy
// in the mailbox"). Shows the password's scheme and, for a weak hash, what Dovecot 2.4 will do.
class EditMailboxDialog : public EditorDialog {
    Q_OBJECT
public:
    struct Request {
        db::MailboxEdit edit;
        bool forwardingChanged = false;
        QStringList forwardTo; // storage form
        bool keepLocalCopy = true;
    };

    EditMailboxDialog(DbWorker *db, const db::MailboxRow &current, QWidget *parent = nullptr);

    Request request() const { return m_request; }
    AddressListEditor *forwardingEditor() const { return m_forwardTo; }
    QCheckBox *keepCopyBox() const { return m_keepCopy; }

Q_SIGNALS:
    // "Set new password…" was pressed (the page opens the password dialog).
    void changePasswordRequested(const QString &username);

protected:
    bool validate() override;
    QFuture<Status> startWrite() override;
    bool showFieldError(const Error &error) override;

private:
    void updateForwardingHint();

    db::MailboxRow m_current;
    Request m_request;
    QLineEdit *m_name = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    QuotaEdit *m_quota = nullptr;
    FieldErrorLabel *m_quotaError = nullptr;
    QCheckBox *m_active = nullptr;
    MailServicesBox *m_services = nullptr;
    AddressListEditor *m_forwardTo = nullptr;
    QCheckBox *m_keepCopy = nullptr;
    QLabel *m_forwardingHint = nullptr;
};

// What a weak (MD5-CRYPT, …) hash means on a Dovecot 2.4 server, for a person.
QString weakHashExplanation(const QString &scheme);

} // namespace maildeck::ui
