#pragma once

#include <QDialog>

class QLineEdit;

namespace maildeck::ui {

// Shows a new MariaDB account's generated password once, with Copy: MailDeck does not keep it.
class AccountCredentialsDialog : public QDialog {
    Q_OBJECT
public:
    AccountCredentialsDialog(const QString &adminUsername, const QString &dbUser,
                             const QString &password, QWidget *parent = nullptr);

    QString password() const;

private:
    QLineEdit *m_password = nullptr;
};

} // namespace maildeck::ui
