#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QListWidget;
class QPushButton;

namespace maildeck {
class ProfileStore;
class SecretStore;
} // namespace maildeck

namespace maildeck::ui {

class MessageBanner;
class ProfileEditorDialog;

// The list of server profiles with New, Edit, Duplicate, Delete and Connect. Deleting asks first
// and also removes the profile's passwords from the keychain. Connect (or a double-click) emits
// connectRequested and closes the dialog. "Import connection file…" takes the file a global admin
// exported for a per-domain admin (core/profiles/ConnectionFile): the profile is created and the
// server's host key pinned in one step.
class ProfileManagerDialog : public QDialog {
    Q_OBJECT
public:
    ProfileManagerDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent = nullptr);

    QString currentName() const;
    void selectProfile(const QString &name);
    QListWidget *list() const { return m_list; }
    QPushButton *button(const QString &objectName) const;
    // The editor opened by New/Edit/Duplicate while it is open.
    ProfileEditorDialog *editor() const { return m_editor; }

    // Keychain kinds a profile may have entries under (for deleting them).
    static QStringList secretKinds(const QString &identityFile);

    void newProfile();
    void editProfile();
    void duplicateProfile();
    void deleteProfile();
    void connectProfile();
    // Asks for a connection file (non-blocking file dialog), then importFile().
    void importConnectionFile();
    // Imports `path` into the store (pinning the host key in ~/.ssh/known_hosts unless
    // knownHostsFile is given), selects the new profile and reports in the banner. Returns the
    // new profile's name, empty on failure (the banner shows why).
    QString importFile(const QString &path, const QString &knownHostsFile = {});

Q_SIGNALS:
    void connectRequested(const QString &name);
    // After a profile and its keychain entries are gone (ok=false: the keychain refused).
    void profileDeleted(const QString &name, bool secretsRemoved);

private:
    void reload(const QString &select = {});
    void updateButtons();
    void openEditor(ProfileEditorDialog *editor);
    void removeNow(const QString &name);

    ProfileStore *m_store = nullptr;
    QPointer<SecretStore> m_secrets;
    QPointer<ProfileEditorDialog> m_editor;
    MessageBanner *m_banner = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_import = nullptr;
};

} // namespace maildeck::ui
