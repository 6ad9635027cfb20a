#include "ui/shell/DialogPrompter.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace maildeck::ui {

DialogPrompter::DialogPrompter(QWidget *parentWindow) : Prompter(parentWindow), m_window(parentWindow) {}

void DialogPrompter::askSecret(const SecretRequest &request, SecretReply reply)
{
    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("SecretDialog"));
    switch (request.kind) {
    case SecretRequest::Kind::KeyPassphrase:
        dialog->setWindowTitle(tr("Key passphrase"));
        break;
    case SecretRequest::Kind::SudoPassword:
        dialog->setWindowTitle(tr("Password for sudo"));
        break;
    case SecretRequest::Kind::DbPassword:
        dialog->setWindowTitle(tr("Database password"));
        break;
    default:
        dialog->setWindowTitle(tr("Log in to %1").arg(request.account));
        break;
    }
    auto *layout = new QVBoxLayout(dialog);
    if (!request.instruction.isEmpty())
        layout->addWidget(new QLabel(request.instruction, dialog));
    auto *prompt = new QLabel(request.prompt, dialog);
    prompt->setWordWrap(true);
    layout->addWidget(prompt);
    if (request.attempt > 1) {
        auto *again = new QLabel(tr("That was not accepted. Please try again."), dialog);
        again->setStyleSheet(QStringLiteral("color: palette(highlight);"));
        layout->addWidget(again);
    }
    auto *edit = new QLineEdit(dialog);
    edit->setEchoMode(request.echo ? QLineEdit::Normal : QLineEdit::Password);
    prompt->setBuddy(edit);
    layout->addWidget(edit);
    QCheckBox *remember = nullptr;
    if (request.mayRemember) {
        remember = new QCheckBox(tr("Remember in the system keychain"), dialog);
        layout->addWidget(remember);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    // The reply is called exactly once, whichever way the dialog closes.
    connect(dialog, &QDialog::finished, dialog, [edit, remember, reply](int result) {
        if (result != QDialog::Accepted) {
            reply(std::nullopt);
            return;
        }
        reply(SecretAnswer{edit->text(), remember && remember->isChecked()});
        edit->clear();
    });
    dialog->open();
}

void DialogPrompter::confirmHostKey(const HostKeyInfo &info, const QString &message, TrustReply reply)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unknown server key"),
                                tr("The authenticity of %1 can't be established.").arg(info.hostPort()),
                                QMessageBox::NoButton, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("HostKeyDialog"));
    box->setInformativeText(tr("%1 key fingerprint is:\n%2\n\nCompare it with the fingerprint the "
                               "server's administrator gives you (ssh-keygen -lf on the server's "
                               "host key). Trusting it writes it to %3.")
                                .arg(info.keyTypeLabel(), info.fingerprint, info.knownHostsFile));
    if (!message.isEmpty())
        box->setDetailedText(message);
    QPushButton *trust = box->addButton(tr("Trust and connect"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, box, [box, trust, reply](int) {
        reply(box->clickedButton() == trust);
    });
    box->open();
}

} // namespace maildeck::ui
