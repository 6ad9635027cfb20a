#include "ui/domains/AliasDomainDialog.h"

#include "core/db/AliasRepository.h"
#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "ui/domains/FieldErrorLabel.h"

#include <algorithm>

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace maildeck::ui {

AliasDomainDialog::AliasDomainDialog(DbWorker *db, const QString &targetDomain, QWidget *parent)
    : EditorDialog(db, parent)
    , m_target(targetDomain) {
    setObjectName(QStringLiteral("AliasDomainDialog"));
    const QString shown = db::DomainName::displayOf(targetDomain);
    setWindowTitle(tr("New Alias Domain for %1").arg(shown));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("AliasDomainName"));
    m_name->setPlaceholderText(tr("example.net"));
    m_name->setMaxLength(1000);
    m_nameError = new FieldErrorLabel(m_name, this);
    auto *hint = new QLabel(tr("Mail to anyone@<alias domain> is delivered to anyone@%1. The alias "
                               "domain's MX record must point to this server.")
                                .arg(shown),
                            this);
    hint->setTextFormat(Qt::PlainText);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Alias domain:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("Target domain:"), new QLabel(shown, this));
    contentLayout()->addLayout(form);
    contentLayout()->addWidget(hint);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_nameError->clearError();
        updateOkButton();
    });
    setMinimumWidth(460);
    updateOkButton();
}

bool AliasDomainDialog::isComplete() const {
    return !m_name->text().trimmed().isEmpty();
}

bool AliasDomainDialog::validate() {
    auto name = db::DomainName::parse(m_name->text());
    if (!name) {
        m_nameError->setError(name.error().message);
        return false;
    }
    if (name->toStorage() == m_target) {
        m_nameError->setError(tr("A domain cannot be an alias of itself."));
        return false;
    }
    m_aliasDomain = name->toStorage();
    return true;
}

QFuture<Status> AliasDomainDialog::startWrite() {
    return db()->runInTransaction([alias = m_aliasDomain, target = m_target,
                                   slot = undoSlot()](QSqlDatabase &sql) -> Status {
        if (Status s = db::AliasRepository::createAliasDomain(sql, alias, target); !s)
            return s;
        // Undo deletes it, only while it is still as created.
        slot->description =
            AliasDomainDialog::tr("create alias domain %1").arg(db::DomainName::displayOf(alias));
        slot->revert = [alias, target](QSqlDatabase &db) -> Status {
            auto all = db::AliasRepository::listForDomain(db, target);
            if (!all)
                return all.error();
            const auto &list = all->aliasDomains;
            const bool asCreated = std::any_of(list.begin(), list.end(), [&](const auto &a) {
                return a.aliasDomain == alias && a.active;
            });
            if (!asCreated)
                return UndoableChange::changedSince(db::DomainName::displayOf(alias));
            return db::AliasRepository::removeAliasDomain(db, alias);
        };
        return {};
    });
}

bool AliasDomainDialog::showFieldError(const Error &error) {
    if (error.code == QLatin1String("db.duplicate") ||
        error.code.startsWith(QLatin1String("domain.")) ||
        error.code == QLatin1String("alias.loop")) {
        m_nameError->setError(error.message);
        return true;
    }
    return false;
}

} // namespace maildeck::ui
