#include "ui/domains/ChangePasswordDialog.h"

#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "core/db/MailboxRepository.h"
#include "ui/common/ThemeColors.h"
#include "ui/domains/DomainEditorDialog.h"
#include "ui/domains/EditMailboxDialog.h"
#include "ui/domains/PasswordField.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace maildeck::ui {

ChangePasswordDialog::ChangePasswordDialog(DbWorker *db, const QString &username,
                                           const QString &currentScheme, bool currentWeak,
                                           db::PasswordScheme defaultScheme, QWidget *parent)
    : EditorDialog(db, parent)
    , m_username(username) {
    setObjectName(QStringLiteral("ChangePasswordDialog"));
    const QString shown = db::EmailAddress::displayOf(username);
    setWindowTitle(tr("Change Password of %1").arg(shown));
    m_password = new PasswordField(QStringLiteral("Password"), this);
    m_scheme = new QComboBox(this);
    m_scheme->setObjectName(QStringLiteral("PasswordScheme"));
    PasswordField::fillSchemes(m_scheme, defaultScheme);
    auto *form = new QFormLayout;
    form->addRow(tr("Mailbox:"), new QLabel(shown, this));
    form->addRow(tr("Stored now as:"),
                 new QLabel(currentScheme.isEmpty() ? tr("unknown") : currentScheme, this));
    form->addRow(tr("&New password:"), m_password);
    form->addRow(tr("Hash &scheme:"), m_scheme);
    contentLayout()->addLayout(form);
    if (currentWeak) {
        auto *weak = new QLabel(weakHashExplanation(currentScheme), this);
        weak->setObjectName(QStringLiteral("WeakHashWarning"));
        weak->setWordWrap(true);
        QPalette pal = weak->palette();
        pal.setColor(QPalette::WindowText, toneText(Tone::Warning, pal));
        weak->setPalette(pal);
        contentLayout()->addWidget(weak);
    }
    okButton()->setText(tr("&Change Password"));
    connect(m_password, &PasswordField::changed, this, &ChangePasswordDialog::updateOkButton);
    setMinimumWidth(520);
    updateOkButton();
}

QString ChangePasswordDialog::password() const {
    return m_password->password();
}

db::PasswordScheme ChangePasswordDialog::scheme() const {
    return db::PasswordScheme(m_scheme->currentData().toInt());
}

bool ChangePasswordDialog::isComplete() const {
    return !m_password->password().isEmpty();
}

bool ChangePasswordDialog::validate() {
    if (m_password->password().isEmpty()) {
        m_password->setError(tr("The password is empty."));
        return false;
    }
    if (const QString problem = checkFreeText(m_password->password(), 256); !problem.isEmpty()) {
        m_password->setError(problem);
        return false;
    }
    return true;
}

QFuture<Status> ChangePasswordDialog::startWrite() {
    return db()->runInTransaction([username = m_username, password = password(), scheme = scheme(),
                                   slot = undoSlot()](QSqlDatabase &sql) {
        using db::MailboxRepository;
        // The old hash, read in this transaction: undo puts it back (it is never shown).
        auto before = MailboxRepository::storedPassword(sql, username);
        if (!before)
            return Status(before.error());
        if (Status s = MailboxRepository::setPassword(sql, username, password, scheme); !s)
            return s;
        auto after = MailboxRepository::storedPassword(sql, username);
        if (!after)
            return Status(after.error());
        slot->description = ChangePasswordDialog::tr("change the password of %1")
                                .arg(db::EmailAddress::displayOf(username));
        slot->revert = [username, before = *before, newHash = after->hash](QSqlDatabase &db) {
            return MailboxRepository::restorePassword(db, username, newHash, before);
        };
        return Status();
    });
}

bool ChangePasswordDialog::showFieldError(const Error &error) {
    if (error.code.startsWith(QLatin1String("password."))) {
        m_password->setError(error.message);
        return true;
    }
    return false;
}

} // namespace maildeck::ui
