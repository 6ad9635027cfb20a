#include "ui/domains/UserAliasDialog.h"

#include "core/db/AliasRepository.h"
#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "ui/domains/FieldErrorLabel.h"

#include <algorithm>

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace maildeck::ui {

UserAliasDialog::UserAliasDialog(DbWorker *db, const QString &domain, const QStringList &mailboxes,
                                 const QString &target, QWidget *parent)
    : EditorDialog(db, parent)
    , m_domain(domain) {
    setObjectName(QStringLiteral("UserAliasDialog"));
    setWindowTitle(tr("New Alias Address"));
    m_aliasInput = new QLineEdit(this);
    m_aliasInput->setObjectName(QStringLiteral("AliasAddress"));
    m_aliasInput->setPlaceholderText(tr("j.smith@%1").arg(db::DomainName::displayOf(domain)));
    m_aliasInput->setMaxLength(1000);
    m_aliasError = new FieldErrorLabel(m_aliasInput, this);
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("AliasTarget"));
    for (const QString &m : mailboxes)
        m_target->addItem(db::EmailAddress::displayOf(m), m);
    if (const int i = m_target->findData(target); i >= 0)
        m_target->setCurrentIndex(i);
    auto *hint =
        new QLabel(tr("Mail to the alias address is delivered to the mailbox; the user can "
                      "also send as the alias if the server allows it."),
                   this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Alias address:"), m_aliasInput);
    form->addRow(QString(), m_aliasError);
    form->addRow(tr("&Delivered to:"), m_target);
    contentLayout()->addLayout(form);
    contentLayout()->addWidget(hint);
    connect(m_aliasInput, &QLineEdit::textChanged, this, [this] {
        m_aliasError->clearError();
        updateOkButton();
    });
    setMinimumWidth(460);
    updateOkButton();
}

QString UserAliasDialog::target() const {
    return m_target->currentData().toString();
}

bool UserAliasDialog::isComplete() const {
    return !m_aliasInput->text().trimmed().isEmpty() && m_target->currentIndex() >= 0;
}

bool UserAliasDialog::validate() {
    QString text = m_aliasInput->text().trimmed();
    if (!text.isEmpty() && !text.contains(QLatin1Char('@')))
        text += QLatin1Char('@') + m_domain;
    auto address = db::EmailAddress::parse(text);
    if (!address) {
        m_aliasError->setError(address.error().message);
        m_aliasInput->setFocus();
        return false;
    }
    if (address->toStorage() == target()) {
        m_aliasError->setError(tr("The alias address is the mailbox's own address."));
        return false;
    }
    m_alias = address->toStorage();
    return true;
}

QFuture<Status> UserAliasDialog::startWrite() {
    return db()->runInTransaction([alias = m_alias, target = target(), domain = m_domain,
                                   slot = undoSlot()](QSqlDatabase &sql) -> Status {
        if (Status s = db::AliasRepository::addUserAlias(sql, alias, target); !s)
            return s;
        // Undo deletes it, only while it still points to `target`.
        slot->description =
            UserAliasDialog::tr("create alias address %1").arg(db::EmailAddress::displayOf(alias));
        slot->revert = [alias, target, domain](QSqlDatabase &db) -> Status {
            auto all = db::AliasRepository::listForDomain(db, domain);
            if (!all)
                return all.error();
            const auto &list = all->userAliases;
            const bool asCreated = std::any_of(list.begin(), list.end(), [&](const auto &a) {
                return a.alias == alias && a.target == target && a.active;
            });
            if (!asCreated)
                return UndoableChange::changedSince(db::EmailAddress::displayOf(alias));
            return db::AliasRepository::removeUserAlias(db, alias);
        };
        return {};
    });
}

bool UserAliasDialog::showFieldError(const Error &error) {
    if (error.code == QLatin1String("db.duplicate") ||
        error.code.startsWith(QLatin1String("address."))) {
        m_aliasError->setError(error.message);
        return true;
    }
    return false;
}

} // namespace maildeck::ui
