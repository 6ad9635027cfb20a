#pragma once

#include "core/delegation/DelegatedAccounts.h"
#include "core/delegation/DomainAdmins.h"
#include "ui/domains/EditorDialog.h"

#include <memory>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace maildeck::ui {

class FieldErrorLabel;
class PasswordField;

// A new per-domain admin (Tools > Domain Administrators > New Admin): login address (also the
// contact address), name, password, language, the domains it manages and, optionally, the admin's
// SSH public key for a forward-only account. OK writes the iRedMail rows (vmail.admin,
// domain_admins, as iRedAdmin-Pro does) and creates the admin's MariaDB account (md_…); when
// the account cannot be made the admin rows are removed again. The account's generated password
// is credentials() afterwards, to be shown once.
class NewDomainAdminDialog : public EditorDialog {
    Q_OBJECT
public:
    // `domains`: the server's domains to choose from; `localDomains`: the names the login address
    // must not use (domains and alias domains of this server). Without `db` OK only validates.
    NewDomainAdminDialog(DbWorker *db, const QStringList &domains, const QStringList &localDomains,
                         bool askForSshKey, QWidget *parent = nullptr);

    // What OK writes (valid after a successful validation).
    const delegation::NewDomainAdmin &request() const { return m_request; }
    // The SSH public key line, empty when none was given.
    QString sshPublicKey() const;
    // The new MariaDB account (after written()).
    delegation::AccountCredentials credentials() const { return *m_credentials; }

    void setCheckedDomains(const QStringList &domains);

protected:
    bool isComplete() const override;
    bool validate() override;
    QFuture<Status> startWrite() override;
    bool showFieldError(const Error &error) override;

private:
    QStringList checkedDomains() const;

    QStringList m_localDomains;
    QLineEdit *m_username = nullptr;
    FieldErrorLabel *m_usernameError = nullptr;
    QLineEdit *m_name = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    PasswordField *m_password = nullptr;
    QComboBox *m_language = nullptr;
    QListWidget *m_domains = nullptr;
    FieldErrorLabel *m_domainsError = nullptr;
    QPlainTextEdit *m_sshKey = nullptr;
    FieldErrorLabel *m_sshKeyError = nullptr;
    delegation::NewDomainAdmin m_request;
    std::shared_ptr<delegation::AccountCredentials> m_credentials;
};

} // namespace maildeck::ui
