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
    if (policy == QLatin1String("public"))
        return QCoreApplication::translate("maildeck::ui::AliasEditorDialog",
                                           "Anyone may send to it (public)");
    if (policy == QLatin1String("domain"))
        return QCoreApplication::translate("maildeck::ui::AliasEditorDialog",
                                           "Only senders of this domain (domain)");
    if (policy == QLatin1String("subdomain"))
        return QCoreApplication::translate("maildeck::ui::AliasEditorDialog",
                                           "Senders of this domain and its subdomains (subdomain)");
    if (policy == QLatin1String("membersonly"))
        return QCoreApplication::translate("maildeck::ui::AliasEditorDialog",
                                           "Only its members (membersonly)");
    if (policy == QLatin1String("moderatorsonly"))
        return QCoreApplication::translate("maildeck::ui::AliasEditorDialog",
                                           "Only its moderators (moderatorsonly)");
    if (policy == QLatin1String("membersandmoderatorsonly"))
        return QCoreApplication::translate("maildeck::ui::AliasEditorDialog",
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
    m_moderators->setAddresses(current.moderators);
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
    m_moderators = new AddressListEditor(QStringLiteral("Moderators"), moderatorsBox);
    m_moderators->setDomainWildcardsAllowed(true); // iRedAPD matches "*@domain" (facts §1.6)
    m_moderators->setPlaceholderText(tr("Add moderators: user@example.com, *@example.com, …"));
    auto *moderatorsNote = new QLabel(tr("Moderators matter only for the policies \"moderators\" "
                                         "and \"members and moderators\": they may send to the "
                                         "alias. *@example.com stands for every address in "
                                         "example.com."),
                                      moderatorsBox);
    moderatorsNote->setWordWrap(true);
    auto *mdl = new QVBoxLayout(moderatorsBox);
    mdl->addWidget(m_moderators);
    mdl->addWidget(moderatorsNote);
    contentLayout()->addWidget(moderatorsBox);

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
    if (m_moderators->hasPendingInput() && !m_moderators->addFromInput())
        ok = false;
    r.moderators = m_moderators->addresses();
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

namespace {

// Sets the moderators, then the rest (re-read, as the moderators changed its version).
Status applyAliasEdit(QSqlDatabase &sql, const db::AliasAccount &current, const QString &name,
                      const QString &accessPolicy, bool active, const QStringList &members,
                      const QStringList &moderators) {
    db::AliasAccount base = current;
    QStringList before = current.moderators, after = moderators;
    before.sort();
    after.sort();
    if (before != after) {
        if (Status s = db::AliasRepository::setAliasModerators(sql, current, moderators); !s)
            return s;
        auto fresh = db::AliasRepository::getAlias(sql, current.address);
        if (!fresh)
            return fresh.error();
        base = fresh.value();
    }
    return db::AliasRepository::updateAlias(sql, base, name, accessPolicy, active, members);
}

// The alias as the change left it (`version`), or the refusal to touch it.
Result<db::AliasAccount> aliasUnchangedSince(QSqlDatabase &sql, const QString &address,
                                             const QByteArray &version) {
    auto now = db::AliasRepository::getAlias(sql, address);
    if (!now)
        return now.error();
    if (now->version != version)
        return UndoableChange::changedSince(db::EmailAddress::displayOf(address));
    return now;
}

} // namespace

QFuture<Status> AliasEditorDialog::startWrite() {
    // One transaction: the write, then the alias as it left it (for undo).
    if (m_current) {
        return db()->runInTransaction(
            [current = *m_current, r = m_request, slot = undoSlot()](QSqlDatabase &sql) -> Status {
                if (Status s = applyAliasEdit(sql, current, r.name, r.accessPolicy, r.active,
                                              r.members, r.moderators);
                    !s)
                    return s;
                auto after = db::AliasRepository::getAlias(sql, current.address);
                if (!after)
                    return after.error();
                slot->description = AliasEditorDialog::tr("edit alias %1")
                                        .arg(db::EmailAddress::displayOf(current.address));
                slot->revert = [before = current, version = after->version](QSqlDatabase &db) {
                    auto now = aliasUnchangedSince(db, before.address, version);
                    if (!now)
                        return Status(now.error());
                    return applyAliasEdit(db, *now, before.name, before.accessPolicy, before.active,
                                          before.members, before.moderators);
                };
                return {};
            });
    }
    return db()->runInTransaction([r = m_request, slot = undoSlot()](QSqlDatabase &sql) -> Status {
        if (Status s =
                db::AliasRepository::createAlias(sql, r.address, r.name, r.members, r.accessPolicy);
            !s)
            return s;
        auto created = db::AliasRepository::getAlias(sql, r.address);
        if (!created)
            return created.error();
        if (!r.moderators.isEmpty()) {
            if (Status s = db::AliasRepository::setAliasModerators(sql, *created, r.moderators); !s)
                return s;
            created = db::AliasRepository::getAlias(sql, r.address);
            if (!created)
                return created.error();
        }
        // Undo deletes the alias, only while it is still as created.
        slot->description = AliasEditorDialog::tr("create alias %1")
                                .arg(db::EmailAddress::displayOf(created->address));
        slot->revert = [address = created->address,
                        version = created->version](QSqlDatabase &db) -> Status {
            if (auto now = aliasUnchangedSince(db, address, version); !now)
                return now.error();
            return db::AliasRepository::removeAlias(db, address);
        };
        return {};
    });
}

bool AliasEditorDialog::showFieldError(const Error &error) {
    // The address itself was checked before; the server's address errors concern members.
    if (isNew() && error.code == QLatin1String("db.duplicate")) {
        m_localPartError->setError(error.message);
        return true;
    }
    if (error.code == QLatin1String("alias.moderator")) {
        m_moderators->setError(error.message);
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
