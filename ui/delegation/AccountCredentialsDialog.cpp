#include "ui/delegation/AccountCredentialsDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace maildeck::ui {

AccountCredentialsDialog::AccountCredentialsDialog(const QString &adminUsername,
                                                   const QString &dbUser, const QString &password,
                                                   QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("AccountCredentialsDialog"));
    setWindowTitle(tr("Database Account of %1").arg(adminUsername));
    auto *intro = new QLabel(
        tr("The domain administrator %1 logs in to the database with this account. Pass the "
           "password on safely: it is shown only now, and MailDeck does not keep it.")
            .arg(adminUsername),
        this);
    intro->setWordWrap(true);
    auto *user = new QLineEdit(dbUser, this);
    user->setObjectName(QStringLiteral("DbUser"));
    user->setReadOnly(true);
    m_password = new QLineEdit(password, this);
    m_password->setObjectName(QStringLiteral("DbPassword"));
    m_password->setReadOnly(true);
    auto *copy = new QPushButton(tr("&Copy"), this);
    copy->setObjectName(QStringLiteral("CopyPassword"));
    connect(copy, &QPushButton::clicked, this, [this, copy] {
        QApplication::clipboard()->setText(m_password->text());
        copy->setText(tr("Copied"));
    });
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(copy);
    auto *form = new QFormLayout;
    form->addRow(tr("Account:"), user);
    form->addRow(tr("Password:"), passwordRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

QString AccountCredentialsDialog::password() const {
    return m_password->text();
}

} // namespace maildeck::ui
