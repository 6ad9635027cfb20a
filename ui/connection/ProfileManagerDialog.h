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
// connectRequested and closes the dialog.
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
};

} // namespace maildeck::ui
