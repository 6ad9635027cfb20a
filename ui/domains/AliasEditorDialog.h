#pragma once

#include "core/db/VmailTypes.h"
#include "ui/domains/EditorDialog.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;

namespace maildeck::ui {

class AddressListEditor;
class FieldErrorLabel;

// New Alias and Edit Alias (an alias account: table `alias` with its members): address, name,
// access policy, active, members (added and removed one by one, each checked), moderators
// (table `moderators`; they matter for the moderators-only policies).
class AliasEditorDialog : public EditorDialog {
    Q_OBJECT
public:
    struct Request {
        QString address; // storage form
        QString name;
        QString accessPolicy;
        bool active = true;
        QStringList members;    // storage form
        QStringList moderators; // storage form
    };

    // New alias in `domain` (storage form).
    AliasEditorDialog(DbWorker *db, const QString &domain, QWidget *parent = nullptr);
    // Edit `current`.
    AliasEditorDialog(DbWorker *db, const db::AliasAccount &current, QWidget *parent = nullptr);

    bool isNew() const { return !m_current.has_value(); }
    Request request() const { return m_request; }
    AddressListEditor *membersEditor() const { return m_members; }
    AddressListEditor *moderatorsEditor() const { return m_moderators; }

protected:
    bool isComplete() const override;
    bool validate() override;
    QFuture<Status> startWrite() override;
    bool showFieldError(const Error &error) override;

private:
    void build();

    QString m_domain;
    std::optional<db::AliasAccount> m_current;
    Request m_request;
    QLineEdit *m_localPart = nullptr;
    FieldErrorLabel *m_localPartError = nullptr;
    QLineEdit *m_name = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    QComboBox *m_policy = nullptr;
    QCheckBox *m_active = nullptr;
    AddressListEditor *m_members = nullptr;
    AddressListEditor *m_moderators = nullptr;
};

// Human names of iRedAPD's access policies.
QString accessPolicyLabel(const QString &policy);

} // namespace maildeck::ui
