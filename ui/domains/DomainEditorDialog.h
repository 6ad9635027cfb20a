#pragma once

#include "core/db/DomainRepository.h"
#include "ui/domains/EditorDialog.h"

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace maildeck::ui {

class FieldErrorLabel;
class QuotaEdit;

// New Domain and Edit Domain: the name (Unicode allowed, stored as punycode), description,
// limits, quotas and whether the domain is active.
class DomainEditorDialog : public EditorDialog {
    Q_OBJECT
public:
    // What the dialog writes: a new domain `domain` (storage form) or the edit of `current`.
    struct Request {
        QString domain;
        QString description;
        db::DomainEdit edit;
    };

    // New Domain.
    explicit DomainEditorDialog(DbWorker *db, QWidget *parent = nullptr);
    // Edit Domain.
    DomainEditorDialog(DbWorker *db, const db::DomainSummary &current, QWidget *parent = nullptr);

    bool isNew() const { return !m_current.has_value(); }
    // Valid after validate() succeeded (after OK).
    Request request() const { return m_request; }
    QString domain() const { return m_request.domain; }

protected:
    bool isComplete() const override;
    bool validate() override;
    QFuture<Status> startWrite() override;
    bool showFieldError(const Error &error) override;

private:
    void build();
    void updateNameHint();

    std::optional<db::DomainSummary> m_current;
    Request m_request;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameHint = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    QLineEdit *m_description = nullptr;
    FieldErrorLabel *m_descriptionError = nullptr;
    QSpinBox *m_mailboxLimit = nullptr;
    QSpinBox *m_aliasLimit = nullptr;
    QSpinBox *m_listLimit = nullptr;
    QuotaEdit *m_maxQuota = nullptr;
    QuotaEdit *m_defaultUserQuota = nullptr;
    QCheckBox *m_active = nullptr;
};

// A free-text field such as a description or a display name: no control characters, at most
// `maxLength` characters. Returns an empty string when fine, else the message for the field.
QString checkFreeText(const QString &text, int maxLength);

} // namespace maildeck::ui
