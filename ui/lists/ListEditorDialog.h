#pragma once

#include "core/lists/MailingLists.h"
#include "ui/domains/EditorDialog.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;

namespace maildeck::ui {

class AddressListEditor;
class FieldErrorLabel;

// New Mailing List and Edit Mailing List (mlmmj): the address (new only), name, description
// (maillists.description), owners and moderators, and every setting of core's ListSettings, in
// tabs: General / Posting / Subscription / Archive & footer / Headers & delivery. Checked with
// ListSettings::normalised; written through MailingLists (list directory and SQL rows, all or
// nothing) in the background. Settings the dialog does not show are kept as they are.
//
// Without MailingLists (tests) OK only validates; settings() tells what would be written.
class ListEditorDialog : public EditorDialog {
    Q_OBJECT
public:
    // New list in `domain` (storage form); `smtpPort` is the port mlmmj sends through (iRedMail:
    // 10027; the domain's other lists tell what the server uses).
    ListEditorDialog(lists::MailingLists *lists, DbWorker *db, const QString &domain,
                     int smtpPort = 10027, QWidget *parent = nullptr);
    // Edit the list read as `state`.
    ListEditorDialog(lists::MailingLists *lists, DbWorker *db, const lists::ListState &state,
                     QWidget *parent = nullptr);

    bool isNew() const { return !m_state.has_value(); }
    // The settings of the last successful validate().
    const lists::ListSettings &settings() const { return m_settings; }
    QString description() const;
    QTabWidget *tabs() const { return m_tabs; }
    AddressListEditor *ownersEditor() const { return m_owners; }
    AddressListEditor *moderatorsEditor() const { return m_moderators; }

protected:
    bool isComplete() const override;
    bool validate() override;
    QFuture<Status> startWrite() override;
    bool showFieldError(const Error &error) override;

private:
    void build();
    void load(const lists::ListSettings &s);
    QString typedAddress() const; // storage form of local part @ domain; empty when invalid
    void showAt(QWidget *field, FieldErrorLabel *label, const QString &message);
    void updateEnabled();

    QPointer<lists::MailingLists> m_lists;
    QString m_domain;
    std::optional<lists::ListState> m_state;
    lists::ListSettings m_base; // what the dialog started from (keeps what it does not show)
    lists::ListSettings m_settings;
    bool m_headersEdited = false;
    bool m_loadingHeaders = false;

    QTabWidget *m_tabs = nullptr;
    // General
    QLineEdit *m_localPart = nullptr;
    FieldErrorLabel *m_localPartError = nullptr;
    QLineEdit *m_name = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    QLineEdit *m_description = nullptr;
    FieldErrorLabel *m_descriptionError = nullptr;
    AddressListEditor *m_owners = nullptr;
    AddressListEditor *m_moderators = nullptr;
    // Posting
    QComboBox *m_posting = nullptr;
    QCheckBox *m_moderated = nullptr;
    QCheckBox *m_modNonSub = nullptr;
    QCheckBox *m_modOnlyModerate = nullptr;
    QCheckBox *m_notifyMod = nullptr;
    QSpinBox *m_maxSize = nullptr; // KiB
    FieldErrorLabel *m_maxSizeError = nullptr;
    QLineEdit *m_prefix = nullptr;
    FieldErrorLabel *m_prefixError = nullptr;
    QCheckBox *m_notMeToo = nullptr;
    QCheckBox *m_tocc = nullptr;
    QCheckBox *m_replyTo = nullptr;
    QCheckBox *m_tellToCc = nullptr;
    QCheckBox *m_tellAccess = nullptr;
    QCheckBox *m_tellSubOnly = nullptr;
    QCheckBox *m_tellModOnly = nullptr;
    QCheckBox *m_tellSize = nullptr;
    // Subscription
    QCheckBox *m_closedList = nullptr;
    QCheckBox *m_closedListSub = nullptr;
    QCheckBox *m_subConfirm = nullptr;
    QCheckBox *m_subModerate = nullptr;
    AddressListEditor *m_subModerators = nullptr;
    QCheckBox *m_digestSub = nullptr;
    QCheckBox *m_digestText = nullptr;
    QCheckBox *m_nomailSub = nullptr;
    QCheckBox *m_notifySub = nullptr;
    QCheckBox *m_subModMails = nullptr;
    QCheckBox *m_newsletter = nullptr;
    QCheckBox *m_listSubsEmail = nullptr;
    // Archive & footer
    QCheckBox *m_archive = nullptr;
    QCheckBox *m_get = nullptr;
    QCheckBox *m_subOnlyGet = nullptr;
    QPlainTextEdit *m_footerText = nullptr;
    QPlainTextEdit *m_footerHtml = nullptr;
    // Headers & delivery
    QPlainTextEdit *m_customHeaders = nullptr;
    QPlainTextEdit *m_removeHeaders = nullptr;
    FieldErrorLabel *m_headersError = nullptr;
    QLineEdit *m_relayHost = nullptr;
    QLineEdit *m_smtpHelo = nullptr;
    FieldErrorLabel *m_deliveryError = nullptr;
    QSpinBox *m_smtpPort = nullptr;
    FieldErrorLabel *m_portError = nullptr;
};

} // namespace maildeck::ui
