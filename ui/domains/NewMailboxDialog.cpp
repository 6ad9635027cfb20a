#include "ui/domains/NewMailboxDialog.h"

#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "ui/domains/DomainEditorDialog.h"
#include "ui/domains/FieldErrorLabel.h"
#include "ui/domains/MailServicesBox.h"
#include "ui/domains/PasswordField.h"
#include "ui/domains/QuotaEdit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace maildeck::ui {

NewMailboxDialog::NewMailboxDialog(DbWorker *db, const QString &domain, qint64 defaultQuotaMb,
                                   db::PasswordScheme scheme, QWidget *parent)
    : EditorDialog(db, parent)
    , m_domain(domain) {
    setObjectName(QStringLiteral("NewMailboxDialog"));
    const QString shown = db::DomainName::displayOf(domain);
    setWindowTitle(tr("New Mailbox in %1").arg(shown));

    m_localPart = new QLineEdit(this);
    m_localPart->setObjectName(QStringLiteral("LocalPart"));
    m_localPart->setPlaceholderText(tr("john.smith"));
    m_localPart->setMaxLength(1000);
    auto *domainLabel = new QLabel(QLatin1Char('@') + shown, this);
    domainLabel->setObjectName(QStringLiteral("FixedDomain"));
    auto *addressRow = new QHBoxLayout;
    addressRow->addWidget(m_localPart, 1);
    addressRow->addWidget(domainLabel);
    m_localPartError = new FieldErrorLabel(m_localPart, this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("DisplayName"));
    m_name->setPlaceholderText(tr("John Smith"));
    m_nameError = new FieldErrorLabel(m_name, this);
    m_password = new PasswordField(QStringLiteral("Password"), this);
    m_scheme = new QComboBox(this);
    m_scheme->setObjectName(QStringLiteral("PasswordScheme"));
    PasswordField::fillSchemes(m_scheme, scheme);
    m_quota = new QuotaEdit(QStringLiteral("Quota"), this);
    m_quota->setMegabytes(defaultQuotaMb);
    m_quotaError = new FieldErrorLabel(m_quota, this);
    m_services = new MailServicesBox(this);

    auto *form = new QFormLayout;
    auto *addressLabel = new QLabel(tr("&Address:"), this);
    addressLabel->setBuddy(m_localPart);
    form->addRow(addressLabel, addressRow);
    form->addRow(QString(), m_localPartError);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Hash &scheme:"), m_scheme);
    form->addRow(tr("&Quota:"), m_quota);
    form->addRow(QString(), m_quotaError);
    contentLayout()->addLayout(form);
    contentLayout()->addWidget(m_services);

    connect(m_localPart, &QLineEdit::textChanged, this, [this] {
        m_localPartError->clearError();
        updateOkButton();
    });
    connect(m_name, &QLineEdit::textChanged, m_nameError, &FieldErrorLabel::clearError);
    connect(m_password, &PasswordField::changed, this, &NewMailboxDialog::updateOkButton);
    connect(m_quota, &QuotaEdit::changed, m_quotaError, &FieldErrorLabel::clearError);
    setMinimumWidth(520);
    updateOkButton();
}

bool NewMailboxDialog::isComplete() const {
    return !m_localPart->text().trimmed().isEmpty() && !m_password->password().isEmpty();
}

bool NewMailboxDialog::validate() {
    bool ok = true;
    QWidget *firstBad = nullptr;
    const QString local = m_localPart->text().trimmed();
    db::NewMailbox r;
    if (local.contains(QLatin1Char('@'))) {
        m_localPartError->setError(tr("Type only the part before the @; the domain is %1.")
                                       .arg(db::DomainName::displayOf(m_domain)));
        ok = false;
        firstBad = m_localPart;
    } else if (local.isEmpty()) {
        m_localPartError->setError(tr("The address is empty."));
        ok = false;
        firstBad = m_localPart;
    } else {
        auto address = db::EmailAddress::parse(local + QLatin1Char('@') + m_domain);
        if (!address) {
            m_localPartError->setError(address.error().message);
            ok = false;
            firstBad = m_localPart;
        } else {
            r.address = address->toStorage();
        }
    }
    if (const QString problem = checkFreeText(m_name->text(), 255); !problem.isEmpty()) {
        m_nameError->setError(problem);
        ok = false;
        if (!firstBad)
            firstBad = m_name;
    }
    if (m_password->password().isEmpty()) {
        m_password->setError(tr("The password is empty."));
        ok = false;
        if (!firstBad)
            firstBad = m_password->input();
    } else if (const QString problem = checkFreeText(m_password->password(), 256);
               !problem.isEmpty()) {
        m_password->setError(problem);
        ok = false;
        if (!firstBad)
            firstBad = m_password->input();
    }
    if (!ok) {
        firstBad->setFocus();
        return false;
    }
    r.name = m_name->text().trimmed();
    r.password = m_password->password();
    r.scheme = db::PasswordScheme(m_scheme->currentData().toInt());
    r.quotaMb = m_quota->megabytes();
    r.disabledServices = m_services->disabledServices();
    m_request = r;
    return true;
}

QFuture<Status> NewMailboxDialog::startWrite() {
    return db()->runInTransaction(
        [r = m_request](QSqlDatabase &sql) { return db::MailboxRepository::create(sql, r); });
}

bool NewMailboxDialog::showFieldError(const Error &error) {
    if (error.code.startsWith(QLatin1String("address.")) ||
        error.code == QLatin1String("db.duplicate")) {
        m_localPartError->setError(error.message);
        m_localPart->setFocus();
        return true;
    }
    if (error.code.startsWith(QLatin1String("password."))) {
        m_password->setError(error.message);
        return true;
    }
    if (error.code == QLatin1String("mailbox.quota")) {
        m_quotaError->setError(error.message);
        return true;
    }
    return false;
}

} // namespace maildeck::ui
