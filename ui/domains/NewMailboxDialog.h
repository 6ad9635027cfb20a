#pragma once

#include "core/db/MailboxRepository.h"
#include "ui/domains/EditorDialog.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace maildeck::ui {

class FieldErrorLabel;
class MailServicesBox;
class PasswordField;
class QuotaEdit;

// New Mailbox in a given domain: local part (the domain is fixed), name, password (with a
// strength hint and a generator), hash scheme, quota and services.
class NewMailboxDialog : public EditorDialog {
    Q_OBJECT
public:
    // `domain`: storage form. `defaultQuotaMb`: the domain's default_user_quota (0: unlimited).
    NewMailboxDialog(DbWorker *db, const QString &domain, qint64 defaultQuotaMb = 0,
                     db::PasswordScheme scheme = db::PasswordScheme::Ssha512,
                     QWidget *parent = nullptr);

    // Valid after OK.
    db::NewMailbox request() const { return m_request; }
    QString address() const { return m_request.address; }

protected:
    bool isComplete() const override;
    bool validate() override;
    QFuture<Status> startWrite() override;
    bool showFieldError(const Error &error) override;

private:
    QString m_domain;
    db::NewMailbox m_request;
    QLineEdit *m_localPart = nullptr;
    FieldErrorLabel *m_localPartError = nullptr;
    QLineEdit *m_name = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    PasswordField *m_password = nullptr;
    QComboBox *m_scheme = nullptr;
    QuotaEdit *m_quota = nullptr;
    FieldErrorLabel *m_quotaError = nullptr;
    MailServicesBox *m_services = nullptr;
};

} // namespace maildeck::ui
