#pragma once

#include "core/profiles/ServerProfile.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace maildeck {
class ProfileStore;
class SecretStore;
} // namespace maildeck

namespace maildeck::ui {

class FieldErrorLabel;
class MessageBanner;
class ServerPathsEditor;

// Creates or edits one server profile: the SSH side (host, port, user, how to log in, the
// known_hosts file), the database route and credentials, and the server's flavour with its paths.
// Every field is checked where it is; OK saves the profile to the ProfileStore and any password
// typed here to the keychain (SecretStore) — never to the settings file.
class ProfileEditorDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { New, Edit, Duplicate };
    enum class AuthMethod { Agent, KeyFile, Password };

    ProfileEditorDialog(ProfileStore *store, SecretStore *secrets, Mode mode,
                        const ServerProfile &profile = {}, QWidget *parent = nullptr);

    // The profile as the fields show it now.
    ServerProfile profile() const;
    AuthMethod authMethod() const;
    // Checks every field and shows messages there; true when the profile can be saved.
    bool validate();

    QPushButton *okButton() const;
    MessageBanner *banner() const { return m_banner; }
    ServerPathsEditor *pathsEditor() const { return m_paths; }

Q_SIGNALS:
    // After the profile was written to the store (before the dialog closes).
    void saved(const QString &name);

private:
    QWidget *buildServerTab();
    QWidget *buildDatabaseTab();
    void setProfile(const ServerProfile &profile);
    void updateVisibility();
    void onOk();
    void writeSecrets(const QString &name, QList<QPair<QString, QString>> secrets);
    void chooseFile(QLineEdit *target, const QString &title, const QString &startDir);
    // Adds a field with a message line under it to a form.
    QWidget *withError(QWidget *field, QWidget *extra = nullptr);

    ProfileStore *m_store = nullptr;
    QPointer<SecretStore> m_secrets;
    Mode m_mode;
    ServerProfile m_original;
    bool m_pathsTouched = false;
    bool m_busy = false;

    MessageBanner *m_banner = nullptr;
    QTabWidget *m_tabs = nullptr;
    QFormLayout *m_serverForm = nullptr;
    QFormLayout *m_dbForm = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_auth = nullptr;
    QLabel *m_authHint = nullptr;
    QWidget *m_keyRow = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QWidget *m_sshPasswordRow = nullptr;
    QLineEdit *m_sshPassword = nullptr;
    QLineEdit *m_knownHosts = nullptr;
    QComboBox *m_dbRoute = nullptr;
    QCheckBox *m_dbTls = nullptr;
    QWidget *m_dbTlsCaRow = nullptr;
    QLineEdit *m_dbTlsCa = nullptr;
    QLabel *m_dbPlainWarning = nullptr;
    QLabel *m_dbHostLabel = nullptr;
    QLineEdit *m_dbHost = nullptr;
    QSpinBox *m_dbPort = nullptr;
    QLineEdit *m_dbName = nullptr;
    QLineEdit *m_dbUser = nullptr;
    QComboBox *m_dbCredentials = nullptr;
    QWidget *m_dbFileRow = nullptr;
    QLineEdit *m_dbFile = nullptr;
    QWidget *m_dbPasswordRow = nullptr;
    QLineEdit *m_dbPassword = nullptr;
    ServerPathsEditor *m_paths = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<QWidget *, FieldErrorLabel *> m_errors;
};

} // namespace maildeck::ui
