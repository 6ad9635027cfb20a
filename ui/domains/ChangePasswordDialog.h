#pragma once

#include "core/db/PasswordHash.h"
#include "ui/domains/EditorDialog.h"

class QComboBox;

namespace maildeck::ui {

class PasswordField;

// Change Password of a mailbox: the new password, hashed with the chosen scheme (the server's
// default preselected). For a weak stored hash it says what Dovecot 2.4 would do.
class ChangePasswordDialog : public EditorDialog {
    Q_OBJECT
public:
    ChangePasswordDialog(DbWorker *db, const QString &username, const QString &currentScheme,
                         bool currentWeak,
                         db::PasswordScheme defaultScheme = db::PasswordScheme::Ssha512,
                         QWidget *parent = nullptr);

    QString password() const;
    db::PasswordScheme scheme() const;
    PasswordField *passwordField() const { return m_password; }

protected:
    bool isComplete() const override;
    bool validate() override;
    QFuture<Status> startWrite() override;
    bool showFieldError(const Error &error) override;

private:
    QString m_username;
    PasswordField *m_password = nullptr;
    QComboBox *m_scheme = nullptr;
};

} // namespace maildeck::ui
