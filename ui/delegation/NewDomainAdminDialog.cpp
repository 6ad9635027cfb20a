#include "ui/delegation/NewDomainAdminDialog.h"

#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "core/delegation/ForwardOnlyAccount.h"
#include "ui/domains/DomainEditorDialog.h"
#include "ui/domains/FieldErrorLabel.h"
#include "ui/domains/PasswordField.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>

namespace maildeck::ui {

NewDomainAdminDialog::NewDomainAdminDialog(DbWorker *db, const QStringList &domains,
                                           const QStringList &localDomains, bool askForSshKey,
                                           QWidget *parent)
    : EditorDialog(db, parent)
    , m_localDomains(localDomains)
    , m_credentials(std::make_shared<delegation::AccountCredentials>()) {
    setObjectName(QStringLiteral("NewDomainAdminDialog"));
    setWindowTitle(tr("New Domain Administrator"));

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("AdminUsername"));
    m_username->setPlaceholderText(tr("jane@partner.example"));
    m_username->setMaxLength(255);
    m_usernameError = new FieldErrorLabel(m_username, this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("AdminName"));
    m_name->setPlaceholderText(tr("Jane Doe"));
    m_nameError = new FieldErrorLabel(m_name, this);
    m_password = new PasswordField(QStringLiteral("AdminPassword"), this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("AdminLanguage"));
    m_language->addItem(tr("English"), QStringLiteral("en_US"));
    m_language->addItem(tr("Japanese"), QStringLiteral("ja_JP"));
    m_domains = new QListWidget(this);
    m_domains->setObjectName(QStringLiteral("AdminDomains"));
    for (const QString &domain : domains) {
        auto *item = new QListWidgetItem(db::DomainName::displayOf(domain), m_domains);
        item->setData(Qt::UserRole, domain);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_domains->setMinimumHeight(120);
    m_domainsError = new FieldErrorLabel(m_domains, this);

    auto *hint = new QLabel(tr("The login address is also how the admin is reached. It must not "
                               "be in a domain of this server (as in iRedAdmin-Pro)."),
                            this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Login address:"), m_username);
    form->addRow(QString(), m_usernameError);
    form->addRow(QString(), hint);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("L&anguage:"), m_language);
    form->addRow(tr("&Domains:"), m_domains);
    form->addRow(QString(), m_domainsError);
    if (askForSshKey) {
        m_sshKey = new QPlainTextEdit(this);
        m_sshKey->setObjectName(QStringLiteral("AdminSshKey"));
        m_sshKey->setPlaceholderText(tr("ssh-ed25519 AAAA… (optional: the admin's public key "
                                        "for a forward-only SSH account)"));
        m_sshKey->setMaximumHeight(60);
        m_sshKeyError = new FieldErrorLabel(m_sshKey, this);
        form->addRow(tr("SSH &key:"), m_sshKey);
        form->addRow(QString(), m_sshKeyError);
    }
    contentLayout()->addLayout(form);

    connect(m_username, &QLineEdit::textChanged, this, [this] {
        m_usernameError->clearError();
        updateOkButton();
    });
    connect(m_name, &QLineEdit::textChanged, m_nameError, &FieldErrorLabel::clearError);
    connect(m_password, &PasswordField::changed, this, &NewDomainAdminDialog::updateOkButton);
    connect(m_domains, &QListWidget::itemChanged, this, [this] {
        m_domainsError->clearError();
        updateOkButton();
    });
    setMinimumWidth(520);
    updateOkButton();
}

QString NewDomainAdminDialog::sshPublicKey() const {
    return m_sshKey ? m_sshKey->toPlainText().trimmed() : QString();
}

void NewDomainAdminDialog::setCheckedDomains(const QStringList &domains) {
    for (int i = 0; i < m_domains->count(); ++i) {
        QListWidgetItem *item = m_domains->item(i);
        item->setCheckState(domains.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                  : Qt::Unchecked);
    }
}

QStringList NewDomainAdminDialog::checkedDomains() const {
    QStringList out;
    for (int i = 0; i < m_domains->count(); ++i) {
        if (m_domains->item(i)->checkState() == Qt::Checked)
            out << m_domains->item(i)->data(Qt::UserRole).toString();
    }
    return out;
}

bool NewDomainAdminDialog::isComplete() const {
    return !m_username->text().trimmed().isEmpty() && !m_password->password().isEmpty();
}

bool NewDomainAdminDialog::validate() {
    QWidget *firstBad = nullptr;
    auto bad = [&firstBad](QWidget *w) {
        if (!firstBad)
            firstBad = w;
    };
    delegation::NewDomainAdmin r;
    const QString username = m_username->text().trimmed();
    if (username.isEmpty()) {
        m_usernameError->setError(tr("The login address is empty."));
        bad(m_username);
    } else if (auto address = db::EmailAddress::parse(username); !address) {
        m_usernameError->setError(address.error().message);
        bad(m_username);
    } else if (m_localDomains.contains(address->domain().toStorage())) {
        m_usernameError->setError(
            tr("%1 is a domain of this server. Use an address outside this server's domains.")
                .arg(address->domain().toDisplay()));
        bad(m_username);
    } else {
        r.username = address->toStorage();
    }
    if (const QString problem = checkFreeText(m_name->text(), 255); !problem.isEmpty()) {
        m_nameError->setError(problem);
        bad(m_name);
    }
    if (m_password->password().isEmpty()) {
        m_password->setError(tr("The password is empty."));
        bad(m_password->input());
    } else if (const QString problem = checkFreeText(m_password->password(), 256);
               !problem.isEmpty()) {
        m_password->setError(problem);
        bad(m_password->input());
    }
    r.domains = checkedDomains();
    if (r.domains.isEmpty()) {
        m_domainsError->setError(tr("Choose at least one domain for this admin."));
        bad(m_domains);
    }
    if (m_sshKey && !sshPublicKey().isEmpty()) {
        if (auto key = delegation::ForwardOnlyAccounts::parsePublicKey(sshPublicKey()); !key) {
            m_sshKeyError->setError(key.error().message);
            bad(m_sshKey);
        }
    }
    if (firstBad) {
        firstBad->setFocus();
        return false;
    }
    r.name = m_name->text().trimmed();
    r.password = m_password->password();
    r.language = m_language->currentData().toString();
    m_request = r;
    return true;
}

QFuture<Status> NewDomainAdminDialog::startWrite() {
    return db()->run(
        [r = m_request, out = m_credentials](QSqlDatabase &sql) -> Status {
            if (Status s = delegation::DomainAdmins::create(sql, r); !s)
                return s;
            auto account = delegation::DelegatedAccounts::create(sql, r.username);
            if (!account) {
                // All or nothing: without its account the admin could not log in.
                delegation::DomainAdmins::remove(sql, r.username);
                return account.error();
            }
            *out = account.value();
            return {};
        },
        DbWorker::Retry::Never);
}

bool NewDomainAdminDialog::showFieldError(const Error &error) {
    if (error.code.startsWith(QLatin1String("address.")) ||
        error.code == QLatin1String("delegation.admin.exists") ||
        error.code == QLatin1String("delegation.admin.local_domain") ||
        error.code == QLatin1String("delegation.account.exists")) {
        m_usernameError->setError(error.message);
        m_username->setFocus();
        return true;
    }
    if (error.code.startsWith(QLatin1String("password."))) {
        m_password->setError(error.message);
        return true;
    }
    if (error.code == QLatin1String("delegation.domain.notfound")) {
        m_domainsError->setError(error.message);
        return true;
    }
    return false;
}

} // namespace maildeck::ui
