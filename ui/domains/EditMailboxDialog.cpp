#include "ui/domains/EditMailboxDialog.h"

#include "core/db/AliasRepository.h"
#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "ui/common/ThemeColors.h"
#include "ui/domains/AddressListEditor.h"
#include "ui/domains/DomainEditorDialog.h"
#include "ui/domains/FieldErrorLabel.h"
#include "ui/domains/MailServicesBox.h"
#include "ui/domains/QuotaEdit.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace maildeck::ui {

QString weakHashExplanation(const QString &scheme) {
    return QCoreApplication::translate(
               "maildeck::ui::EditMailboxDialog",
               "This password is stored as %1, a weak hash (typical for mailboxes migrated from "
               "vpopmail). Dovecot 2.3 accepts it, but Dovecot 2.4 (Debian 13, Ubuntu 26.04) "
               "refuses weak schemes unless auth_allow_weak_schemes = yes is set: after such an "
               "upgrade this user can no longer log in over IMAP, POP3 or SMTP. Set a new "
               "password to store a strong hash.")
        .arg(scheme);
}

EditMailboxDialog::EditMailboxDialog(DbWorker *db, const db::MailboxRow &current, QWidget *parent)
    : EditorDialog(db, parent)
    , m_current(current) {
    setObjectName(QStringLiteral("EditMailboxDialog"));
    const QString shown = db::EmailAddress::displayOf(current.username);
    setWindowTitle(tr("Edit Mailbox %1").arg(shown));

    auto *address = new QLabel(shown, this);
    address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name = new QLineEdit(current.name, this);
    m_name->setObjectName(QStringLiteral("DisplayName"));
    m_nameError = new FieldErrorLabel(m_name, this);
    m_quota = new QuotaEdit(QStringLiteral("Quota"), this);
    m_quota->setMegabytes(current.quotaMb);
    m_quotaError = new FieldErrorLabel(m_quota, this);
    m_active = new QCheckBox(tr("&Active (may log in and receive mail)"), this);
    m_active->setObjectName(QStringLiteral("MailboxActive"));
    m_active->setChecked(current.active);

    auto *passwordRow = new QHBoxLayout;
    auto *scheme =
        new QLabel(current.passwordScheme.isEmpty() ? tr("unknown") : current.passwordScheme, this);
    scheme->setObjectName(QStringLiteral("PasswordSchemeLabel"));
    auto *setPassword = new QPushButton(tr("Set &New Password…"), this);
    setPassword->setObjectName(QStringLiteral("SetNewPassword"));
    setPassword->setAutoDefault(false);
    passwordRow->addWidget(scheme, 1);
    passwordRow->addWidget(setPassword);
    connect(setPassword, &QPushButton::clicked, this,
            [this] { Q_EMIT changePasswordRequested(m_current.username); });

    auto *form = new QFormLayout;
    form->addRow(tr("Address:"), address);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Quota:"), m_quota);
    form->addRow(QString(), m_quotaError);
    form->addRow(QString(), m_active);
    form->addRow(tr("Password:"), passwordRow);
    contentLayout()->addLayout(form);
    if (current.passwordWeak) {
        // Outside the form: a word-wrapped label in a form row gets too little height.
        auto *weak = new QLabel(weakHashExplanation(current.passwordScheme), this);
        weak->setObjectName(QStringLiteral("WeakHashWarning"));
        weak->setWordWrap(true);
        QPalette pal = weak->palette();
        pal.setColor(QPalette::WindowText, toneText(Tone::Warning, pal));
        weak->setPalette(pal);
        contentLayout()->addWidget(weak);
    }

    m_services = new MailServicesBox(this);
    m_services->setServices(current.services);
    contentLayout()->addWidget(m_services);

    auto *forwarding = new QGroupBox(tr("Forwarding"), this);
    m_forwardTo = new AddressListEditor(QStringLiteral("ForwardTo"), forwarding);
    m_forwardTo->setPlaceholderText(tr("Forward to, e.g. someone@example.org"));
    m_forwardTo->setAddresses(current.forwardTo);
    m_keepCopy = new QCheckBox(tr("&Keep a copy in the mailbox"), forwarding);
    m_keepCopy->setObjectName(QStringLiteral("KeepCopy"));
    m_keepCopy->setChecked(current.keepsLocalCopy);
    m_keepCopy->setToolTip(
        tr("Without this, mail to %1 is only forwarded: nothing is stored in the mailbox, and the "
           "user will not find it over IMAP or POP3. (iRedMail keeps the copy as a forwarding of "
           "the address to itself; MailDeck manages that row for you.)")
            .arg(shown));
    m_forwardingHint = new QLabel(forwarding);
    m_forwardingHint->setObjectName(QStringLiteral("ForwardingHint"));
    m_forwardingHint->setWordWrap(true);
    auto *fl = new QVBoxLayout(forwarding);
    fl->addWidget(m_forwardTo);
    fl->addWidget(m_keepCopy);
    fl->addWidget(m_forwardingHint);
    contentLayout()->addWidget(forwarding);

    connect(m_name, &QLineEdit::textChanged, m_nameError, &FieldErrorLabel::clearError);
    connect(m_quota, &QuotaEdit::changed, m_quotaError, &FieldErrorLabel::clearError);
    connect(m_forwardTo, &AddressListEditor::changed, this,
            &EditMailboxDialog::updateForwardingHint);
    connect(m_keepCopy, &QCheckBox::toggled, this, &EditMailboxDialog::updateForwardingHint);
    updateForwardingHint();
    setMinimumWidth(560);
    updateOkButton();
}

void EditMailboxDialog::updateForwardingHint() {
    const bool forwards = !m_forwardTo->addresses().isEmpty();
    m_keepCopy->setEnabled(forwards);
    if (!forwards)
        m_forwardingHint->setText(tr("No forwarding: mail is delivered to the mailbox."));
    else if (m_keepCopy->isChecked())
        m_forwardingHint->setText(tr("Mail is delivered to the mailbox and forwarded."));
    else
        m_forwardingHint->setText(tr("Mail is only forwarded. Nothing stays in this mailbox."));
}

bool EditMailboxDialog::validate() {
    bool ok = true;
    if (const QString problem = checkFreeText(m_name->text(), 255); !problem.isEmpty()) {
        m_nameError->setError(problem);
        m_name->setFocus();
        ok = false;
    }
    if (m_forwardTo->hasPendingInput() && !m_forwardTo->addFromInput())
        ok = false;
    if (!ok)
        return false;
    Request r;
    r.edit.name = m_name->text().trimmed();
    r.edit.language = m_current.language;
    r.edit.quotaMb = m_quota->megabytes();
    r.edit.active = m_active->isChecked();
    r.edit.employeeId = m_current.employeeId;
    r.edit.department = m_current.department;
    r.edit.services = m_services->services();
    r.edit.allowNets = m_current.allowNets;
    r.forwardTo = m_forwardTo->addresses();
    r.forwardTo.sort();
    r.keepLocalCopy = r.forwardTo.isEmpty() || m_keepCopy->isChecked();
    QStringList before = m_current.forwardTo;
    before.sort();
    r.forwardingChanged = r.forwardTo != before || r.keepLocalCopy != m_current.keepsLocalCopy;
    m_request = r;
    return true;
}

namespace {

db::MailboxEdit editOf(const db::MailboxRow &row) {
    db::MailboxEdit edit;
    edit.name = row.name;
    edit.language = row.language;
    edit.quotaMb = row.quotaMb;
    edit.active = row.active;
    edit.employeeId = row.employeeId;
    edit.department = row.department;
    edit.services = row.services;
    edit.allowNets = row.allowNets;
    return edit;
}

// Puts the mailbox and its forwarding back as `before`, if both are still as the change left
// them (`after`, `afterForwarding`).
Status revertMailboxEdit(QSqlDatabase &sql, const db::MailboxRow &before, const QByteArray &after,
                         const QByteArray &afterForwarding) {
    const QString shown = db::EmailAddress::displayOf(before.username);
    auto now = db::MailboxRepository::get(sql, before.username);
    if (!now)
        return now.error();
    auto forwarding = db::AliasRepository::getForwarding(sql, before.username);
    if (!forwarding)
        return forwarding.error();
    if (now->version != after || forwarding->version != afterForwarding)
        return UndoableChange::changedSince(shown);
    if (Status s = db::MailboxRepository::update(sql, *now, editOf(before)); !s)
        return s;
    forwarding = db::AliasRepository::getForwarding(sql, before.username);
    if (!forwarding)
        return forwarding.error();
    QStringList have = forwarding->destinations, want = before.forwardTo;
    have.sort();
    want.sort();
    if (have == want && forwarding->keepLocalCopy == before.keepsLocalCopy)
        return {};
    return db::AliasRepository::setForwarding(sql, *forwarding, before.forwardTo,
                                              before.keepsLocalCopy);
}

} // namespace

QFuture<Status> EditMailboxDialog::startWrite() {
    auto write = [](QSqlDatabase &sql, const db::MailboxRow &current, const Request &r) -> Status {
        if (Status s = db::MailboxRepository::update(sql, current, r.edit); !s)
            return s;
        if (!r.forwardingChanged)
            return {};
        auto forwarding = db::AliasRepository::getForwarding(sql, current.username);
        if (!forwarding)
            return forwarding.error();
        QStringList now = forwarding->destinations;
        now.sort();
        QStringList before = current.forwardTo;
        before.sort();
        if (now != before || forwarding->keepLocalCopy != current.keepsLocalCopy)
            return Error{QStringLiteral("db.conflict"),
                         EditMailboxDialog::tr("The forwarding of %1 was changed by someone else "
                                               "since you opened it.")
                             .arg(db::EmailAddress::displayOf(current.username)),
                         {}};
        return db::AliasRepository::setForwarding(sql, *forwarding, r.forwardTo, r.keepLocalCopy);
    };
    return db()->runInTransaction([write, current = m_current, r = m_request,
                                   slot = undoSlot()](QSqlDatabase &sql) -> Status {
        if (Status s = write(sql, current, r); !s)
            return s;
        // The rows as this change left them: undo only while they still are.
        auto after = db::MailboxRepository::get(sql, current.username);
        if (!after)
            return after.error();
        auto afterForwarding = db::AliasRepository::getForwarding(sql, current.username);
        if (!afterForwarding)
            return afterForwarding.error();
        slot->description = EditMailboxDialog::tr("edit mailbox %1")
                                .arg(db::EmailAddress::displayOf(current.username));
        slot->revert = [before = current, version = after->version,
                        fwVersion = afterForwarding->version](QSqlDatabase &db) {
            return revertMailboxEdit(db, before, version, fwVersion);
        };
        return {};
    });
}

bool EditMailboxDialog::showFieldError(const Error &error) {
    if (error.code == QLatin1String("mailbox.quota")) {
        m_quotaError->setError(error.message);
        return true;
    }
    if (error.code.startsWith(QLatin1String("address."))) {
        m_forwardTo->setError(error.message);
        return true;
    }
    return false;
}

} // namespace maildeck::ui
