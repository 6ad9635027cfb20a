#include "ui/domains/AliasEditorDialog.h"

#include "core/db/AliasRepository.h"
#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "ui/domains/AddressListEditor.h"
#include "ui/domains/DomainEditorDialog.h"
#include "ui/domains/FieldErrorLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace maildeck::ui {

QString accessPolicyLabel(const QString &policy) {
    const char *context = "maildeck::ui::AliasEditorDialog";
    if (policy == QLatin1String("public"))
        return QCoreApplication::translate(context, "Anyone may send to it (public)");
    if (policy == QLatin1String("domain"))
        return QCoreApplication::translate(context, "Only senders of this domain (domain)");
    if (policy == QLatin1String("subdomain"))
        return QCoreApplication::translate(context,
                                           "Senders of this domain and its subdomains (subdomain)");
    if (policy == QLatin1String("membersonly"))
        return QCoreApplication::translate(context, "Only its members (membersonly)");
    if (policy == QLatin1String("moderatorsonly"))
        return QCoreApplication::translate(context, "Only its moderators (moderatorsonly)");
    if (policy == QLatin1String("membersandmoderatorsonly"))
        return QCoreApplication::translate(context,
                                           "Members and moderators (membersandmoderatorsonly)");
    return policy;
}

AliasEditorDialog::AliasEditorDialog(DbWorker *db, const QString &domain, QWidget *parent)
    : EditorDialog(db, parent)
    , m_domain(domain) {
    setObjectName(QStringLiteral("NewAliasDialog"));
    setWindowTitle(tr("New Alias in %1").arg(db::DomainName::displayOf(domain)));
    build();
}

AliasEditorDialog::AliasEditorDialog(DbWorker *db, const db::AliasAccount &current, QWidget *parent)
    : EditorDialog(db, parent)
    , m_domain(current.domain)
    , m_current(current) {
    setObjectName(QStringLiteral("EditAliasDialog"));
    setWindowTitle(tr("Edit Alias %1").arg(db::EmailAddress::displayOf(current.address)));
    build();
    m_localPart->setText(current.address.section(QLatin1Char('@'), 0, 0));
    m_localPart->setReadOnly(true);
    m_name->setText(current.name);
    const int policy = m_policy->findData(current.accessPolicy);
    if (policy >= 0) {
        m_policy->setCurrentIndex(policy);
    } else if (!current.accessPolicy.isEmpty()) {
        m_policy->addItem(current.accessPolicy, current.accessPolicy);
        m_policy->setCurrentIndex(m_policy->count() - 1);
    }
    m_active->setChecked(current.active);
    m_members->setAddresses(current.members);
    for (const QString &m : current.moderators)
        m_moderators->addItem(db::EmailAddress::displayOf(m));
    updateOkButton();
}

void AliasEditorDialog::build() {
    m_localPart = new QLineEdit(this);
    m_localPart->setObjectName(QStringLiteral("LocalPart"));
    m_localPart->setPlaceholderText(tr("sales"));
    m_localPart->setMaxLength(1000);
    auto *addressRow = new QHBoxLayout;
    addressRow->addWidget(m_localPart, 1);
    addressRow->addWidget(new QLabel(QLatin1Char('@') + db::DomainName::displayOf(m_domain), this));
    m_localPartError = new FieldErrorLabel(m_localPart, this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("DisplayName"));
    m_nameError = new FieldErrorLabel(m_name, this);
    m_policy = new QComboBox(this);
    m_policy->setObjectName(QStringLiteral("AccessPolicy"));
    for (const QString &p : db::AliasRepository::accessPolicies())
        m_policy->addItem(accessPolicyLabel(p), p);
    m_policy->setToolTip(tr("Who may send to this alias; iRedAPD enforces it."));
    m_active = new QCheckBox(tr("&Active"), this);
    m_active->setObjectName(QStringLiteral("AliasActive"));
    m_active->setChecked(true);
    m_active->setVisible(m_current.has_value()); // a new alias is always created active

    auto *form = new QFormLayout;
    auto *addressLabel = new QLabel(tr("&Address:"), this);
    addressLabel->setBuddy(m_localPart);
    form->addRow(addressLabel, addressRow);
    form->addRow(QString(), m_localPartError);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("Who may &send:"), m_policy);
    form->addRow(QString(), m_active);
    contentLayout()->addLayout(form);

    auto *membersBox = new QGroupBox(tr("Members (mail to the alias goes to each of them)"), this);
    m_members = new AddressListEditor(QStringLiteral("Members"), membersBox);
    m_members->setPlaceholderText(tr("Add members: user@example.com, …"));
    auto *ml = new QVBoxLayout(membersBox);
    ml->addWidget(m_members);
    contentLayout()->addWidget(membersBox, 1);

    auto *moderatorsBox = new QGroupBox(tr("Moderators"), this);
    m_moderators = new QListWidget(moderatorsBox);
    m_moderators->setObjectName(QStringLiteral("ModeratorsList"));
    m_moderators->setMaximumHeight(m_moderators->fontMetrics().height() * 4);
    auto *moderatorsNote = new QLabel(tr("Moderators matter only for the policies \"moderators\" "
                                         "and \"members and moderators\". They are shown here; "
                                         "editing them is not available yet."),
                                      moderatorsBox);
    moderatorsNote->setWordWrap(true);
    auto *mdl = new QVBoxLayout(moderatorsBox);
    mdl->addWidget(m_moderators);
    mdl->addWidget(moderatorsNote);
    contentLayout()->addWidget(moderatorsBox);
    moderatorsBox->setVisible(m_current.has_value()); // a new alias has none yet

    connect(m_localPart, &QLineEdit::textChanged, this, [this] {
        m_localPartError->clearError();
        updateOkButton();
    });
    connect(m_name, &QLineEdit::textChanged, m_nameError, &FieldErrorLabel::clearError);
    setMinimumWidth(540);
    updateOkButton();
}

bool AliasEditorDialog::isComplete() const {
    return !m_localPart->text().trimmed().isEmpty();
}

bool AliasEditorDialog::validate() {
    bool ok = true;
    Request r;
    if (m_current) {
        r.address = m_current->address;
    } else {
        const QString local = m_localPart->text().trimmed();
        if (local.contains(QLatin1Char('@'))) {
            m_localPartError->setError(tr("Type only the part before the @; the domain is %1.")
                                           .arg(db::DomainName::displayOf(m_domain)));
            ok = false;
        } else {
            auto address = db::EmailAddress::parse(local + QLatin1Char('@') + m_domain);
            if (!address) {
                m_localPartError->setError(address.error().message);
                ok = false;
            } else {
                r.address = address->toStorage();
            }
        }
    }
    if (const QString problem = checkFreeText(m_name->text(), 255); !problem.isEmpty()) {
        m_nameError->setError(problem);
        ok = false;
    }
    if (m_members->hasPendingInput() && !m_members->addFromInput())
        ok = false;
    r.members = m_members->addresses();
    if (ok && r.members.contains(r.address)) {
        m_members->setError(tr("An alias cannot be its own member."));
        ok = false;
    }
    if (!ok)
        return false;
    r.name = m_name->text().trimmed();
    r.accessPolicy = m_policy->currentData().toString();
    r.active = m_active->isChecked();
    m_request = r;
    return true;
}

QFuture<Status> AliasEditorDialog::startWrite() {
    if (m_current) {
        return db()->runInTransaction([current = *m_current, r = m_request](QSqlDatabase &sql) {
            return db::AliasRepository::updateAlias(sql, current, r.name, r.accessPolicy, r.active,
                                                    r.members);
        });
    }
    return db()->runInTransaction([r = m_request](QSqlDatabase &sql) {
        return db::AliasRepository::createAlias(sql, r.address, r.name, r.members, r.accessPolicy);
    });
}

bool AliasEditorDialog::showFieldError(const Error &error) {
    // The address itself was checked before; the server's address errors concern members.
    if (isNew() && error.code == QLatin1String("db.duplicate")) {
        m_localPartError->setError(error.message);
        return true;
    }
    if (error.code.startsWith(QLatin1String("address.")) ||
        error.code == QLatin1String("alias.loop")) {
        m_members->setError(error.message);
        return true;
    }
    return false;
}

} // namespace maildeck::ui
