#include "ui/connection/ProfileManagerDialog.h"

#include "core/profiles/ConnectionFile.h"
#include "core/profiles/ProfileStore.h"
#include "core/secrets/SecretStore.h"
#include "core/ssh/AuthPlan.h"
#include "ui/common/MessageBanner.h"
#include "ui/connection/ProfileEditorDialog.h"
#include "ui/connection/ServerPathsEditor.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace maildeck::ui {

ProfileManagerDialog::ProfileManagerDialog(ProfileStore *store, SecretStore *secrets,
                                           QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_secrets(secrets) {
    setObjectName(QStringLiteral("ProfileManagerDialog"));
    setWindowTitle(tr("Server Profiles"));
    m_banner = new MessageBanner(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("ProfileList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("ProfileDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto makeButton = [this](const QString &name, const QString &text) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setAutoDefault(false);
        return b;
    };
    m_new = makeButton(QStringLiteral("NewProfile"), tr("&New…"));
    m_edit = makeButton(QStringLiteral("EditProfile"), tr("&Edit…"));
    m_duplicate = makeButton(QStringLiteral("DuplicateProfile"), tr("D&uplicate…"));
    m_delete = makeButton(QStringLiteral("DeleteProfile"), tr("&Delete…"));
    m_connect = makeButton(QStringLiteral("ConnectProfile"), tr("&Connect"));
    m_import = makeButton(QStringLiteral("ImportConnectionFile"), tr("&Import Connection File…"));
    m_import->setToolTip(tr("Create a profile from the connection file your server's admin gave "
                            "you (no password inside)."));
    m_connect->setDefault(true);
    connect(m_new, &QPushButton::clicked, this, &ProfileManagerDialog::newProfile);
    connect(m_edit, &QPushButton::clicked, this, &ProfileManagerDialog::editProfile);
    connect(m_duplicate, &QPushButton::clicked, this, &ProfileManagerDialog::duplicateProfile);
    connect(m_delete, &QPushButton::clicked, this, &ProfileManagerDialog::deleteProfile);
    connect(m_connect, &QPushButton::clicked, this, &ProfileManagerDialog::connectProfile);
    connect(m_import, &QPushButton::clicked, this, &ProfileManagerDialog::importConnectionFile);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &ProfileManagerDialog::connectProfile);
    connect(m_list, &QListWidget::currentRowChanged, this, &ProfileManagerDialog::updateButtons);

    auto *side = new QVBoxLayout;
    side->addWidget(m_new);
    side->addWidget(m_edit);
    side->addWidget(m_duplicate);
    side->addWidget(m_delete);
    side->addSpacing(12);
    side->addWidget(m_import);
    side->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addWidget(m_details);
    auto *middle = new QHBoxLayout;
    middle->addLayout(left, 1);
    middle->addLayout(side);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_connect, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(middle, 1);
    layout->addWidget(buttons);
    resize(560, 380);
    reload();
}

QStringList ProfileManagerDialog::secretKinds(const QString &identityFile) {
    QStringList kinds{SecretStore::sshPasswordKind(), SecretStore::sudoPasswordKind(),
                      SecretStore::dbPasswordKind()};
    QStringList keys = AuthPlan::defaultIdentityFiles(QDir::homePath() + QStringLiteral("/.ssh"));
    if (!identityFile.isEmpty())
        keys.prepend(identityFile);
    for (const QString &key : std::as_const(keys))
        kinds.append(SecretStore::keyPassphraseKind(key));
    kinds.removeDuplicates();
    return kinds;
}

QString ProfileManagerDialog::currentName() const {
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->text() : QString();
}

QPushButton *ProfileManagerDialog::button(const QString &objectName) const {
    return findChild<QPushButton *>(objectName);
}

void ProfileManagerDialog::selectProfile(const QString &name) {
    const auto found = m_list->findItems(name, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
}

void ProfileManagerDialog::reload(const QString &select) {
    const QString keep = select.isEmpty() ? currentName() : select;
    m_list->clear();
    const QStringList names = m_store ? m_store->names() : QStringList();
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, m_list);
        if (const auto p = m_store->load(name))
            item->setToolTip(QStringLiteral("%1@%2:%3").arg(p->user, p->host).arg(p->port));
    }
    if (!keep.isEmpty())
        selectProfile(keep);
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    if (names.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Info,
                              tr("There are no server profiles yet. Press New to describe your "
                                 "first server."));
    else
        m_banner->hide();
    updateButtons();
}

void ProfileManagerDialog::updateButtons() {
    const QString name = currentName();
    const bool has = !name.isEmpty();
    m_edit->setEnabled(has);
    m_duplicate->setEnabled(has);
    m_delete->setEnabled(has);
    m_connect->setEnabled(has);
    if (!has) {
        m_details->clear();
        return;
    }
    const auto p = m_store->load(name);
    if (!p) {
        m_details->clear();
        return;
    }
    const QString route = p->dbRoute == DbRoute::Tunnel
                              ? tr("database through the SSH connection")
                              : tr("database directly at %1:%2").arg(p->dbHost).arg(p->dbPort);
    if (p->role == ProfileRole::Delegated) {
        m_details->setText(tr("Per-domain admin %1: %2@%3, port %4; database account %5 through "
                              "the SSH connection")
                               .arg(p->delegatedAdmin, p->user, p->host)
                               .arg(p->port)
                               .arg(p->dbUser));
        return;
    }
    m_details->setText(tr("%1@%2, port %3; %4 (%5); %6")
                           .arg(p->user, p->host)
                           .arg(p->port)
                           .arg(route, p->dbName, ServerPathsEditor::flavourLabel(p->flavour)));
}

void ProfileManagerDialog::importConnectionFile() {
    auto *dialog = new QFileDialog(this, tr("Import Connection File"), QDir::homePath(),
                                   tr("MailDeck connection files (*.json);;All files (*)"));
    dialog->setObjectName(QStringLiteral("ImportConnectionFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { importFile(path); });
    dialog->open();
}

QString ProfileManagerDialog::importFile(const QString &path, const QString &knownHostsFile) {
    if (!m_store)
        return {};
    const Result<ConnectionFile> file = ConnectionFile::readFile(path);
    if (!file.ok()) {
        m_banner->showError(file.error());
        return {};
    }
    ConnectionImportOptions options;
    options.knownHostsFile = knownHostsFile;
    const Result<ServerProfile> profile = ConnectionFile::importInto(*m_store, *file, options);
    if (!profile.ok()) {
        m_banner->showError(profile.error());
        return {};
    }
    reload(profile->name);
    m_banner->showMessage(MessageBanner::Kind::Info,
                          tr("Imported “%1” for the per-domain admin %2. The server's host key "
                             "(%3) is trusted now. If your SSH key is not one of the usual "
                             "~/.ssh files, choose it with Edit.")
                              .arg(profile->name, file->adminUsername, file->hostKeyFingerprint));
    return profile->name;
}

void ProfileManagerDialog::openEditor(ProfileEditorDialog *editor) {
    m_editor = editor;
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &ProfileEditorDialog::saved, this,
            [this](const QString &name) { reload(name); });
    editor->open();
}

void ProfileManagerDialog::newProfile() {
    openEditor(
        new ProfileEditorDialog(m_store, m_secrets, ProfileEditorDialog::Mode::New, {}, this));
}

void ProfileManagerDialog::editProfile() {
    const auto p = m_store->load(currentName());
    if (!p)
        return;
    openEditor(
        new ProfileEditorDialog(m_store, m_secrets, ProfileEditorDialog::Mode::Edit, *p, this));
}

void ProfileManagerDialog::duplicateProfile() {
    const auto p = m_store->load(currentName());
    if (!p)
        return;
    openEditor(new ProfileEditorDialog(m_store, m_secrets, ProfileEditorDialog::Mode::Duplicate, *p,
                                       this));
}

void ProfileManagerDialog::deleteProfile() {
    const QString name = currentName();
    if (name.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Server Profile"),
                                tr("Delete the server profile \"%1\"?").arg(name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("DeleteProfileBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Its passwords and passphrases are removed from the system "
                               "keychain too. Nothing changes on the server."));
    QPushButton *yes = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("ConfirmDelete"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, yes, name](int) {
        if (box->clickedButton() == yes)
            removeNow(name);
    });
    box->open();
}

void ProfileManagerDialog::removeNow(const QString &name) {
    const auto p = m_store->load(name);
    const QStringList kinds = secretKinds(p ? p->identityFile : QString());
    m_store->remove(name);
    reload();
    if (!m_secrets) {
        Q_EMIT profileDeleted(name, false);
        return;
    }
    // The keychain answers asynchronously; count the answers.
    struct Pending {
        int left = 0;
        QStringList errors;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = int(kinds.size());
    for (const QString &kind : kinds) {
        m_secrets->remove(name, kind).then(this, [this, pending, name](Status st) {
            if (!st.ok())
                pending->errors.append(st.error().message);
            if (--pending->left > 0)
                return;
            if (pending->errors.isEmpty()) {
                m_banner->showMessage(MessageBanner::Kind::Info,
                                      tr("The profile \"%1\" was deleted.").arg(name));
            } else {
                pending->errors.removeDuplicates();
                m_banner->showMessage(MessageBanner::Kind::Warning,
                                      tr("The profile \"%1\" was deleted, but some of its "
                                         "passwords are still in the keychain: %2")
                                          .arg(name, pending->errors.join(QLatin1Char(' '))));
            }
            Q_EMIT profileDeleted(name, pending->errors.isEmpty());
        });
    }
}

void ProfileManagerDialog::connectProfile() {
    const QString name = currentName();
    if (name.isEmpty())
        return;
    Q_EMIT connectRequested(name);
    accept();
}

} // namespace maildeck::ui
