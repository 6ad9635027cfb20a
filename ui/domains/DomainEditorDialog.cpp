#include "ui/domains/DomainEditorDialog.h"

#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "core/db/VmailSettings.h"
#include "ui/domains/FieldErrorLabel.h"
#include "ui/domains/QuotaEdit.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace maildeck::ui {

QString checkFreeText(const QString &text, int maxLength) {
    if (text.size() > maxLength)
        return QCoreApplication::translate("maildeck::ui::DomainEditorDialog",
                                           "Too long: %1 characters, at most %2 are allowed.")
            .arg(text.size())
            .arg(maxLength);
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return QCoreApplication::translate(
                "maildeck::ui::DomainEditorDialog",
                "Contains a control character (such as a tab or a line break); remove it.");
    }
    return {};
}

DomainEditorDialog::DomainEditorDialog(DbWorker *db, QWidget *parent)
    : EditorDialog(db, parent) {
    setObjectName(QStringLiteral("NewDomainDialog"));
    setWindowTitle(tr("New Domain"));
    build();
}

DomainEditorDialog::DomainEditorDialog(DbWorker *db, const db::DomainSummary &current,
                                       QWidget *parent)
    : EditorDialog(db, parent)
    , m_current(current) {
    setObjectName(QStringLiteral("EditDomainDialog"));
    setWindowTitle(tr("Edit Domain %1").arg(db::DomainName::displayOf(current.domain)));
    build();
    m_name->setText(db::DomainName::displayOf(current.domain));
    m_name->setReadOnly(true);
    m_name->setToolTip(tr("A domain cannot be renamed; create the new domain and move the "
                          "mailboxes, or add the new name as an alias domain."));
    m_description->setText(current.description);
    m_mailboxLimit->setValue(current.mailboxLimit);
    m_aliasLimit->setValue(current.aliasLimit);
    m_listLimit->setValue(current.listLimit);
    m_maxQuota->setMegabytes(current.maxQuotaMb);
    m_defaultUserQuota->setMegabytes(db::VmailSettings::parse(current.settings)
                                         .value(QStringLiteral("default_user_quota"))
                                         .toLongLong());
    m_active->setChecked(current.active);
    updateNameHint();
    updateOkButton();
}

void DomainEditorDialog::build() {
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("DomainName"));
    m_name->setPlaceholderText(tr("example.com or bücher.example"));
    m_name->setMaxLength(1000);
    m_nameHint = new QLabel(this);
    m_nameHint->setObjectName(QStringLiteral("DomainNameHint"));
    m_nameHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_nameError = new FieldErrorLabel(m_name, this);
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("DomainDescription"));
    m_descriptionError = new FieldErrorLabel(m_description, this);

    auto makeLimit = [this](const QString &name, int minimum) {
        auto *spin = new QSpinBox(this);
        spin->setObjectName(name);
        spin->setRange(minimum, 1000000);
        spin->setSpecialValueText(tr("Unlimited"));
        return spin;
    };
    m_mailboxLimit = makeLimit(QStringLiteral("MailboxLimit"), -1);
    m_mailboxLimit->setSpecialValueText(tr("No new mailboxes"));
    m_mailboxLimit->setToolTip(tr("0: unlimited; -1: no new mailboxes may be created; N: at most N "
                                  "mailboxes."));
    m_aliasLimit = makeLimit(QStringLiteral("AliasLimit"), 0);
    m_aliasLimit->setToolTip(tr("0: unlimited. iRedAdmin-Pro enforces it; MailDeck too."));
    m_listLimit = makeLimit(QStringLiteral("ListLimit"), 0);
    m_listLimit->setToolTip(tr("0: unlimited. iRedAdmin-Pro enforces it; MailDeck too."));
    m_maxQuota = new QuotaEdit(QStringLiteral("DomainQuota"), this);
    m_maxQuota->setToolTip(tr("The sum of all mailbox quotas in this domain may not exceed this."));
    m_defaultUserQuota = new QuotaEdit(QStringLiteral("DefaultUserQuota"), this);
    m_defaultUserQuota->setToolTip(tr("The quota a new mailbox gets when none is given."));
    m_active = new QCheckBox(tr("&Active"), this);
    m_active->setToolTip(tr("A disabled domain receives no mail, and its users cannot log in."));
    m_active->setObjectName(QStringLiteral("DomainActive"));
    m_active->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Domain &name:"), m_name);
    form->addRow(QString(), m_nameHint);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(QString(), m_descriptionError);
    form->addRow(tr("&Mailboxes at most (0 = unlimited):"), m_mailboxLimit);
    form->addRow(tr("A&liases at most:"), m_aliasLimit);
    form->addRow(tr("Mailing &lists at most:"), m_listLimit);
    form->addRow(tr("Domain &quota:"), m_maxQuota);
    form->addRow(tr("Default mailbox q&uota:"), m_defaultUserQuota);
    form->addRow(QString(), m_active);
    contentLayout()->addLayout(form);

    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_nameError->clearError();
        updateNameHint();
        updateOkButton();
    });
    connect(m_description, &QLineEdit::textChanged, this, [this] {
        m_descriptionError->clearError();
        updateOkButton();
    });
    setMinimumWidth(460);
    updateNameHint();
    updateOkButton();
}

void DomainEditorDialog::updateNameHint() {
    // Shows how the name is stored when that differs from what was typed (IDN → punycode).
    const auto parsed = db::DomainName::parse(m_name->text());
    if (parsed && parsed->toStorage() != m_name->text().trimmed().toLower()) {
        m_nameHint->setText(tr("Stored as %1").arg(parsed->toStorage()));
        m_nameHint->show();
    } else {
        m_nameHint->clear();
        m_nameHint->hide();
    }
}

bool DomainEditorDialog::isComplete() const {
    return !m_name->text().trimmed().isEmpty();
}

bool DomainEditorDialog::validate() {
    bool ok = true;
    Request r;
    if (m_current) {
        r.domain = m_current->domain;
    } else {
        const auto parsed = db::DomainName::parse(m_name->text());
        if (!parsed) {
            m_nameError->setError(parsed.error().message);
            ok = false;
        } else {
            r.domain = parsed->toStorage();
        }
    }
    if (const QString problem = checkFreeText(m_description->text(), 255); !problem.isEmpty()) {
        m_descriptionError->setError(problem);
        ok = false;
    }
    r.description = m_description->text().trimmed();
    r.edit.description = r.description;
    r.edit.active = m_active->isChecked();
    r.edit.mailboxLimit = m_mailboxLimit->value();
    r.edit.aliasLimit = m_aliasLimit->value();
    r.edit.listLimit = m_listLimit->value();
    r.edit.maxQuotaMb = m_maxQuota->megabytes();
    r.edit.defaultUserQuotaMb = m_defaultUserQuota->megabytes();
    if (m_current)
        r.edit.transport = m_current->transport;
    if (!ok) {
        if (m_nameError->hasError())
            m_name->setFocus();
        else
            m_description->setFocus();
        return false;
    }
    m_request = r;
    return true;
}

QFuture<Status> DomainEditorDialog::startWrite() {
    if (m_current) {
        return db()->runInTransaction(
            [current = *m_current, r = m_request, slot = undoSlot()](QSqlDatabase &sql) -> Status {
                using db::DomainRepository;
                if (Status s = DomainRepository::update(sql, current, r.edit); !s)
                    return s;
                auto after = DomainRepository::get(sql, current.domain);
                if (!after)
                    return after.error();
                slot->description = DomainEditorDialog::tr("edit domain %1")
                                        .arg(db::DomainName::displayOf(current.domain));
                slot->revert = [before = current, version = after->version](QSqlDatabase &db) {
                    auto now = DomainRepository::get(db, before.domain);
                    if (!now)
                        return Status(now.error());
                    if (now->version != version)
                        return Status(
                            UndoableChange::changedSince(db::DomainName::displayOf(before.domain)));
                    db::DomainEdit edit;
                    edit.description = before.description;
                    edit.active = before.active;
                    edit.mailboxLimit = before.mailboxLimit;
                    edit.aliasLimit = before.aliasLimit;
                    edit.listLimit = before.listLimit;
                    edit.maxQuotaMb = before.maxQuotaMb;
                    edit.transport = before.transport;
                    edit.defaultUserQuotaMb = db::VmailSettings::parse(before.settings)
                                                  .value(QStringLiteral("default_user_quota"))
                                                  .toLongLong();
                    return DomainRepository::update(db, *now, edit);
                };
                return {};
            });
    }
    return db()->runInTransaction([r = m_request](QSqlDatabase &sql) -> Status {
        if (Status s = db::DomainRepository::create(sql, r.domain, r.description); !s)
            return s;
        auto created = db::DomainRepository::get(sql, r.domain);
        if (!created)
            return created.error();
        return db::DomainRepository::update(sql, *created, r.edit);
    });
}

bool DomainEditorDialog::showFieldError(const Error &error) {
    if (error.code.startsWith(QLatin1String("domain.")) ||
        (error.code == QLatin1String("db.duplicate") && isNew())) {
        m_nameError->setError(error.message);
        m_name->setFocus();
        return true;
    }
    return false;
}

} // namespace maildeck::ui
