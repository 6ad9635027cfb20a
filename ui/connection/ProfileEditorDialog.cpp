#include "ui/connection/ProfileEditorDialog.h"

#include "core/profiles/ProfileStore.h"
#include "core/secrets/SecretStore.h"
#include "ui/common/MessageBanner.h"
#include "ui/connection/ServerPathsEditor.h"
#include "ui/domains/FieldErrorLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace maildeck::ui {

namespace {
bool hasSpace(const QString &s) {
    for (QChar c : s) {
        if (c.isSpace())
            return true;
    }
    return false;
}
} // namespace

ProfileEditorDialog::ProfileEditorDialog(ProfileStore *store, SecretStore *secrets, Mode mode,
                                         const ServerProfile &profile, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_mode(mode)
    , m_original(profile) {
    setObjectName(QStringLiteral("ProfileEditorDialog"));
    switch (mode) {
    case Mode::New:
        setWindowTitle(tr("New Server Profile"));
        break;
    case Mode::Edit:
        setWindowTitle(tr("Edit Server Profile \"%1\"").arg(profile.name));
        break;
    case Mode::Duplicate:
        setWindowTitle(tr("Duplicate Server Profile \"%1\"").arg(profile.name));
        break;
    }
    m_banner = new MessageBanner(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildServerTab(), tr("&Server"));
    m_tabs->addTab(buildDatabaseTab(), tr("&Database"));
    m_paths = new ServerPathsEditor(this);
    m_paths->setObjectName(QStringLiteral("PathsEditor"));
    auto *pathsPage = new QWidget(this);
    auto *pathsLayout = new QVBoxLayout(pathsPage);
    auto *pathsNote = new QLabel(tr("MailDeck detects the system on the first connection and asks "
                                    "you to confirm. Change these only when your server keeps its "
                                    "files elsewhere."),
                                 pathsPage);
    pathsNote->setWordWrap(true);
    pathsLayout->addWidget(pathsNote);
    pathsLayout->addWidget(m_paths, 1);
    m_tabs->addTab(pathsPage, tr("Server &paths"));
    connect(m_paths, &ServerPathsEditor::changed, this, [this] { m_pathsTouched = true; });

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    okButton()->setText(mode == Mode::Edit ? tr("&Save") : tr("&Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileEditorDialog::onOk);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_buttons);

    ServerProfile shown = profile;
    if (mode == Mode::Duplicate) {
        // A free name: "mx copy", "mx copy 2", …
        QString name = tr("%1 copy").arg(profile.name);
        const QStringList taken = m_store ? m_store->names() : QStringList();
        for (int i = 2; taken.contains(name); ++i)
            name = tr("%1 copy %2").arg(profile.name).arg(i);
        shown.name = name;
    }
    setProfile(shown);
    if (mode == Mode::Edit) {
        m_name->setReadOnly(true);
        m_name->setToolTip(tr("To use another name, duplicate the profile and delete this one."));
    }
    resize(sizeHint().width() + 80, sizeHint().height());
}

QWidget *ProfileEditorDialog::withError(QWidget *field, QWidget *extra) {
    auto *box = new QWidget(this);
    box->setFocusProxy(field); // the row's mnemonic focuses the field
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    if (extra) {
        auto *h = new QHBoxLayout;
        h->addWidget(field, 1);
        h->addWidget(extra);
        v->addLayout(h);
    } else {
        v->addWidget(field);
    }
    auto *error = new FieldErrorLabel(field, box);
    v->addWidget(error);
    m_errors.insert(field, error);
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        connect(edit, &QLineEdit::textEdited, error, &FieldErrorLabel::clearError);
    return box;
}

QWidget *ProfileEditorDialog::buildServerTab() {
    auto *page = new QWidget(this);
    m_serverForm = new QFormLayout(page);
    m_serverForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("Name"));
    m_name->setPlaceholderText(tr("e.g. mx1"));
    m_serverForm->addRow(tr("&Name:"), withError(m_name));

    m_host = new QLineEdit(page);
    m_host->setObjectName(QStringLiteral("Host"));
    m_host->setPlaceholderText(tr("mail.example.com, an address, or a Host from ~/.ssh/config"));
    m_serverForm->addRow(tr("&Host:"), withError(m_host));

    m_port = new QSpinBox(page);
    m_port->setObjectName(QStringLiteral("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(22);
    m_serverForm->addRow(tr("&Port:"), withError(m_port));

    m_user = new QLineEdit(page);
    m_user->setObjectName(QStringLiteral("User"));
    m_serverForm->addRow(tr("&User:"), withError(m_user));

    m_auth = new QComboBox(page);
    m_auth->setObjectName(QStringLiteral("AuthMethod"));
    m_auth->addItem(tr("SSH agent and the keys in ~/.ssh"), int(AuthMethod::Agent));
    m_auth->addItem(tr("Key file"), int(AuthMethod::KeyFile));
    m_auth->addItem(tr("Password"), int(AuthMethod::Password));
    m_authHint = new QLabel(page);
    m_authHint->setWordWrap(true);
    m_authHint->setObjectName(QStringLiteral("AuthHint"));
    QPalette hintPalette = m_authHint->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    m_authHint->setPalette(hintPalette);
    auto *authBox = new QWidget(page);
    authBox->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *authLayout = new QVBoxLayout(authBox);
    authLayout->setContentsMargins(0, 0, 0, 0);
    authLayout->setSpacing(2);
    auto *authRow = new QHBoxLayout;
    authRow->addWidget(m_auth);
    authRow->addStretch(1);
    authLayout->addLayout(authRow);
    authLayout->addWidget(m_authHint);
    m_serverForm->addRow(tr("&Log in with:"), authBox);

    m_keyFile = new QLineEdit(page);
    m_keyFile->setObjectName(QStringLiteral("KeyFile"));
    m_keyFile->setPlaceholderText(tr("~/.ssh/id_ed25519"));
    auto *keyBrowse = new QPushButton(tr("&Browse…"), page);
    keyBrowse->setObjectName(QStringLiteral("KeyFileBrowse"));
    connect(keyBrowse, &QPushButton::clicked, this, [this] {
        chooseFile(m_keyFile, tr("Choose the private key"),
                   QDir::homePath() + QStringLiteral("/.ssh"));
    });
    m_keyRow = withError(m_keyFile, keyBrowse);
    m_serverForm->addRow(tr("&Key file:"), m_keyRow);

    m_sshPassword = new QLineEdit(page);
    m_sshPassword->setObjectName(QStringLiteral("SshPassword"));
    m_sshPassword->setEchoMode(QLineEdit::Password);
    m_sshPassword->setPlaceholderText(tr("Leave empty to be asked when connecting"));
    m_sshPasswordRow = withError(m_sshPassword);
    m_serverForm->addRow(tr("SSH pass&word:"), m_sshPasswordRow);

    m_knownHosts = new QLineEdit(page);
    m_knownHosts->setObjectName(QStringLiteral("KnownHosts"));
    m_knownHosts->setPlaceholderText(tr("~/.ssh/known_hosts (default)"));
    auto *knownBrowse = new QPushButton(tr("Bro&wse…"), page);
    knownBrowse->setObjectName(QStringLiteral("KnownHostsBrowse"));
    connect(knownBrowse, &QPushButton::clicked, this, [this] {
        chooseFile(m_knownHosts, tr("Choose the known_hosts file"),
                   QDir::homePath() + QStringLiteral("/.ssh"));
    });
    m_serverForm->addRow(tr("Known &hosts file:"), withError(m_knownHosts, knownBrowse));

    connect(m_auth, &QComboBox::currentIndexChanged, this, &ProfileEditorDialog::updateVisibility);
    return page;
}

QWidget *ProfileEditorDialog::buildDatabaseTab() {
    auto *page = new QWidget(this);
    m_dbForm = new QFormLayout(page);
    m_dbForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_dbRoute = new QComboBox(page);
    m_dbRoute->setObjectName(QStringLiteral("DbRoute"));
    m_dbRoute->addItem(tr("Through the SSH connection (iRedMail's default)"), int(DbRoute::Tunnel));
    m_dbRoute->addItem(tr("Directly over the network"), int(DbRoute::Direct));
    m_dbForm->addRow(tr("&Route:"), m_dbRoute);

    m_dbTls = new QCheckBox(tr("Require &TLS"), page);
    m_dbTls->setObjectName(QStringLiteral("DbTls"));
    m_dbForm->addRow(QString(), m_dbTls);

    m_dbTlsCa = new QLineEdit(page);
    m_dbTlsCa->setObjectName(QStringLiteral("DbTlsCaFile"));
    m_dbTlsCa->setPlaceholderText(tr("The system's CAs (default)"));
    auto *caBrowse = new QPushButton(tr("Brows&e…"), page);
    caBrowse->setObjectName(QStringLiteral("DbTlsCaFileBrowse"));
    connect(caBrowse, &QPushButton::clicked, this, [this] {
        chooseFile(m_dbTlsCa, tr("Choose the CA certificate of the database server"),
                   QDir::homePath());
    });
    m_dbTlsCaRow = withError(m_dbTlsCa, caBrowse);
    m_dbForm->addRow(tr("TLS C&A file:"), m_dbTlsCaRow);

    m_dbPlainWarning =
        new QLabel(tr("Not encrypted: passwords and data cross the network in plain text."), page);
    m_dbPlainWarning->setObjectName(QStringLiteral("DbPlainWarning"));
    m_dbForm->addRow(QString(), m_dbPlainWarning);

    m_dbHost = new QLineEdit(page);
    m_dbHost->setObjectName(QStringLiteral("DbHost"));
    m_dbHostLabel = new QLabel(page);
    m_dbHostLabel->setBuddy(m_dbHost);
    m_dbForm->addRow(m_dbHostLabel, withError(m_dbHost));

    m_dbPort = new QSpinBox(page);
    m_dbPort->setObjectName(QStringLiteral("DbPort"));
    m_dbPort->setRange(1, 65535);
    m_dbForm->addRow(tr("P&ort:"), withError(m_dbPort));

    m_dbName = new QLineEdit(page);
    m_dbName->setObjectName(QStringLiteral("DbName"));
    m_dbForm->addRow(tr("Data&base:"), withError(m_dbName));

    m_dbUser = new QLineEdit(page);
    m_dbUser->setObjectName(QStringLiteral("DbUser"));
    m_dbForm->addRow(tr("&User:"), withError(m_dbUser));

    m_dbCredentials = new QComboBox(page);
    m_dbCredentials->setObjectName(QStringLiteral("DbCredentials"));
    m_dbCredentials->addItem(tr("A file on the server (my.cnf format)"),
                             int(DbCredentialSource::ServerFile));
    m_dbCredentials->addItem(tr("The system keychain"), int(DbCredentialSource::Keychain));
    m_dbForm->addRow(tr("Password &from:"), m_dbCredentials);

    m_dbFile = new QLineEdit(page);
    m_dbFile->setObjectName(QStringLiteral("DbCredentialsFile"));
    m_dbFile->setPlaceholderText(QStringLiteral("/root/.my.cnf-vmailadmin"));
    m_dbFileRow = withError(m_dbFile);
    m_dbForm->addRow(tr("&File on the server:"), m_dbFileRow);

    m_dbPassword = new QLineEdit(page);
    m_dbPassword->setObjectName(QStringLiteral("DbPassword"));
    m_dbPassword->setEchoMode(QLineEdit::Password);
    m_dbPassword->setPlaceholderText(tr("Leave empty to keep it or to be asked when connecting"));
    m_dbPasswordRow = withError(m_dbPassword);
    m_dbForm->addRow(tr("Pass&word:"), m_dbPasswordRow);

    connect(m_dbRoute, &QComboBox::currentIndexChanged, this,
            &ProfileEditorDialog::updateVisibility);
    connect(m_dbTls, &QCheckBox::toggled, this, &ProfileEditorDialog::updateVisibility);
    connect(m_dbCredentials, &QComboBox::currentIndexChanged, this,
            &ProfileEditorDialog::updateVisibility);
    return page;
}

void ProfileEditorDialog::setProfile(const ServerProfile &p) {
    m_name->setText(p.name);
    m_host->setText(p.host);
    m_port->setValue(p.port == 0 ? 22 : p.port);
    m_user->setText(p.user);
    m_keyFile->setText(p.identityFile);
    m_auth->setCurrentIndex(
        m_auth->findData(int(p.identityFile.isEmpty() ? AuthMethod::Agent : AuthMethod::KeyFile)));
    m_knownHosts->setText(p.knownHostsFile);
    m_dbRoute->setCurrentIndex(m_dbRoute->findData(int(p.dbRoute)));
    m_dbTls->setChecked(p.dbTls);
    m_dbTlsCa->setText(p.dbTlsCaFile);
    m_dbHost->setText(p.dbHost);
    m_dbPort->setValue(p.dbPort == 0 ? 3306 : p.dbPort);
    m_dbName->setText(p.dbName);
    m_dbUser->setText(p.dbUser);
    m_dbCredentials->setCurrentIndex(m_dbCredentials->findData(int(p.dbCredentials)));
    m_dbFile->setText(p.dbCredentialsFile);
    m_paths->setValues(p.flavour, p.paths);
    m_pathsTouched = false;
    updateVisibility();
}

ProfileEditorDialog::AuthMethod ProfileEditorDialog::authMethod() const {
    return AuthMethod(m_auth->currentData().toInt());
}

ServerProfile ProfileEditorDialog::profile() const {
    ServerProfile p = m_original;
    p.name = m_name->text().trimmed();
    p.host = m_host->text().trimmed();
    p.port = quint16(m_port->value());
    p.user = m_user->text().trimmed();
    p.identityFile = authMethod() == AuthMethod::KeyFile ? m_keyFile->text().trimmed() : QString();
    p.knownHostsFile = m_knownHosts->text().trimmed();
    p.dbRoute = DbRoute(m_dbRoute->currentData().toInt());
    p.dbTls = p.dbRoute == DbRoute::Direct && m_dbTls->isChecked();
    p.dbTlsCaFile = p.dbTls ? m_dbTlsCa->text().trimmed() : QString();
    p.dbHost = m_dbHost->text().trimmed();
    p.dbPort = quint16(m_dbPort->value());
    p.dbName = m_dbName->text().trimmed();
    p.dbUser = m_dbUser->text().trimmed();
    p.dbCredentials = DbCredentialSource(m_dbCredentials->currentData().toInt());
    p.dbCredentialsFile = m_dbFile->text().trimmed();
    p.flavour = m_paths->flavour();
    p.paths = m_paths->paths();
    // Paths the admin set by hand count as confirmed; a new profile is otherwise detected on the
    // first connection.
    if (m_pathsTouched)
        p.flavourConfirmed = true;
    else if (m_mode != Mode::Edit)
        p.flavourConfirmed = false;
    return p;
}

void ProfileEditorDialog::updateVisibility() {
    const AuthMethod auth = authMethod();
    m_serverForm->setRowVisible(m_keyRow, auth == AuthMethod::KeyFile);
    m_serverForm->setRowVisible(m_sshPasswordRow, auth == AuthMethod::Password);
    switch (auth) {
    case AuthMethod::Agent:
        m_authHint->setText(tr("Like ssh: the agent's keys, then the default keys in ~/.ssh; a "
                               "password is asked for when the server wants one."));
        break;
    case AuthMethod::KeyFile:
        m_authHint->setText(tr("A passphrase is asked for when the key needs one; you can keep "
                               "it in the system keychain."));
        break;
    case AuthMethod::Password:
        m_authHint->setText(tr("The password is kept only in the system keychain, never in "
                               "MailDeck's settings."));
        break;
    }
    const bool direct = DbRoute(m_dbRoute->currentData().toInt()) == DbRoute::Direct;
    m_dbTls->setEnabled(direct);
    m_dbForm->setRowVisible(m_dbTlsCaRow, direct);
    m_dbTlsCaRow->setEnabled(m_dbTls->isChecked());
    m_dbForm->setRowVisible(m_dbPlainWarning, direct && !m_dbTls->isChecked());
    m_dbHostLabel->setText(direct ? tr("&Host:") : tr("&Host (seen from the server):"));
    const bool serverFile = DbCredentialSource(m_dbCredentials->currentData().toInt()) ==
                            DbCredentialSource::ServerFile;
    m_dbForm->setRowVisible(m_dbFileRow, serverFile);
    m_dbForm->setRowVisible(m_dbPasswordRow, !serverFile);
}

void ProfileEditorDialog::chooseFile(QLineEdit *target, const QString &title,
                                     const QString &startDir) {
    // Non-modal for the event loop: the answer comes through fileSelected.
    auto *dialog =
        new QFileDialog(this, title, target->text().isEmpty() ? startDir : target->text());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    connect(dialog, &QFileDialog::fileSelected, this, [this, target](const QString &file) {
        target->setText(file);
        if (FieldErrorLabel *error = m_errors.value(target))
            error->clearError();
    });
    dialog->open();
}

QPushButton *ProfileEditorDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

bool ProfileEditorDialog::validate() {
    QHash<QWidget *, QString> messages;
    const ServerProfile p = profile();

    if (p.name.isEmpty())
        messages.insert(m_name, tr("Enter a name for the profile."));
    else if (p.name.contains(QLatin1Char('/')) || p.name.contains(QLatin1Char('\\')))
        messages.insert(m_name, tr("The name may not contain \"/\" or \"\\\"."));
    else if (m_mode != Mode::Edit && m_store && m_store->names().contains(p.name))
        messages.insert(m_name, tr("A profile named \"%1\" exists already.").arg(p.name));

    if (p.host.isEmpty())
        messages.insert(m_host, tr("Enter the server's host name or address."));
    else if (hasSpace(p.host))
        messages.insert(m_host, tr("A host name has no spaces."));

    if (p.user.isEmpty())
        messages.insert(m_user, tr("Enter the user to log in as (e.g. root)."));
    else if (hasSpace(p.user))
        messages.insert(m_user, tr("A user name has no spaces."));

    if (authMethod() == AuthMethod::KeyFile) {
        const QString key = m_keyFile->text().trimmed();
        if (key.isEmpty())
            messages.insert(m_keyFile, tr("Choose the private key file."));
        else if (!QFileInfo(QDir::fromNativeSeparators(key)).isFile())
            messages.insert(m_keyFile, tr("There is no file %1 on this computer.").arg(key));
    }

    const QString knownHosts = p.knownHostsFile;
    if (!knownHosts.isEmpty() && !QFileInfo(QFileInfo(knownHosts).absolutePath()).isDir())
        messages.insert(m_knownHosts,
                        tr("The folder of %1 does not exist on this computer.").arg(knownHosts));

    if (p.dbHost.isEmpty())
        messages.insert(m_dbHost, tr("Enter the database host (127.0.0.1 for iRedMail)."));
    if (p.dbName.isEmpty())
        messages.insert(m_dbName, tr("Enter the database name (vmail for iRedMail)."));
    if (p.dbUser.isEmpty())
        messages.insert(m_dbUser, tr("Enter the database user (vmailadmin for iRedMail)."));
    if (p.dbCredentials == DbCredentialSource::ServerFile) {
        if (p.dbCredentialsFile.isEmpty())
            messages.insert(m_dbFile, tr("Enter the file's path on the server."));
        else if (!p.dbCredentialsFile.startsWith(QLatin1Char('/')))
            messages.insert(m_dbFile, tr("Enter an absolute path, starting with \"/\"."));
    }

    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        it.value()->setError(messages.value(it.key()));
    const bool pathsOk = m_paths->validate();

    // Show the first tab with a problem.
    if (!messages.isEmpty()) {
        QWidget *first = nullptr;
        for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_host),
                           static_cast<QWidget *>(m_user), static_cast<QWidget *>(m_keyFile),
                           static_cast<QWidget *>(m_knownHosts), static_cast<QWidget *>(m_dbHost),
                           static_cast<QWidget *>(m_dbName), static_cast<QWidget *>(m_dbUser),
                           static_cast<QWidget *>(m_dbFile)}) {
            if (messages.contains(w)) {
                first = w;
                break;
            }
        }
        if (first) {
            for (int i = 0; i < m_tabs->count(); ++i) {
                if (m_tabs->widget(i)->isAncestorOf(first)) {
                    m_tabs->setCurrentIndex(i);
                    break;
                }
            }
            first->setFocus();
        }
        return false;
    }
    if (!pathsOk) {
        m_tabs->setCurrentIndex(2);
        return false;
    }
    // Whatever the fields do not cover.
    const QString invalid = p.validationError();
    if (!invalid.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Error, invalid);
        return false;
    }
    m_banner->hide();
    return true;
}

void ProfileEditorDialog::onOk() {
    if (m_busy)
        return;
    if (!validate())
        return;
    const ServerProfile p = profile();
    if (m_store)
        m_store->save(p);
    Q_EMIT saved(p.name);

    QList<QPair<QString, QString>> secrets;
    if (authMethod() == AuthMethod::Password && !m_sshPassword->text().isEmpty())
        secrets.append({SecretStore::sshPasswordKind(), m_sshPassword->text()});
    if (p.dbCredentials == DbCredentialSource::Keychain && !m_dbPassword->text().isEmpty())
        secrets.append({SecretStore::dbPasswordKind(), m_dbPassword->text()});
    m_sshPassword->clear();
    m_dbPassword->clear();
    if (secrets.isEmpty() || !m_secrets) {
        accept();
        return;
    }
    writeSecrets(p.name, std::move(secrets));
}

void ProfileEditorDialog::writeSecrets(const QString &name,
                                       QList<QPair<QString, QString>> secrets) {
    // One after the other; the dialog stays open (disabled) until the keychain answered.
    if (!m_secrets || secrets.isEmpty()) {
        accept();
        return;
    }
    m_busy = true;
    m_tabs->setEnabled(false);
    okButton()->setEnabled(false);
    const auto [kind, secret] = secrets.takeFirst();
    m_secrets->write(name, kind, secret).then(this, [this, name, secrets](Status st) {
        m_busy = false;
        m_tabs->setEnabled(true);
        okButton()->setEnabled(true);
        if (!st.ok()) {
            // The profile is saved; the password is asked for when connecting instead.
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("The profile was saved, but the password was not: %1 "
                                     "MailDeck will ask for it when connecting.")
                                      .arg(st.error().message),
                                  st.error().detail);
            m_mode = Mode::Edit;
            m_name->setReadOnly(true);
            okButton()->setText(tr("&Close"));
            return;
        }
        if (secrets.isEmpty())
            accept();
        else
            writeSecrets(name, secrets);
    });
}

} // namespace maildeck::ui
