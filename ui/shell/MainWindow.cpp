#include "ui/shell/MainWindow.h"

#include "core/db/DbWorker.h"
#include "core/db/DomainRepository.h"
#include "core/lists/MailingLists.h"
#include "core/profiles/ProfileStore.h"
#include "core/secrets/SecretStore.h"
#include "core/session/IredadminSettings.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"
#include "ui/common/MessageBanner.h"
#include "ui/compat/ChangeHistoryDialog.h"
#include "ui/compat/CompatWizard.h"
#include "ui/connection/ConnectDialog.h"
#include "ui/connection/ConnectionIndicator.h"
#include "ui/connection/FlavourConfirmDialog.h"
#include "ui/connection/ProfileEditorDialog.h"
#include "ui/connection/ProfileManagerDialog.h"
#include "ui/connection/ServerPathsEditor.h"
#include "ui/delegation/DelegationTools.h"
#include "ui/domains/DomainListModel.h"
#include "ui/domains/DomainPage.h"
#include "ui/logs/RejectLogView.h"
#include "ui/shell/DialogPrompter.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/shell/ShortcutsDialog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace maildeck::ui {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kSplitterKey = QStringLiteral("mainWindow/splitter");
} // namespace

MainWindow::MainWindow(std::shared_ptr<ProfileStore> profiles, QWidget *parent)
    : QMainWindow(parent)
    , m_profiles(std::move(profiles)) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("MailDeck"));
    resize(1200, 760);
    m_prompter = new DialogPrompter(this);
    m_secrets = new SecretStore(this);

    m_banner = new MessageBanner(this);
    m_pages = new QStackedWidget(this);
    auto *welcome = new QLabel(tr("Choose a server with File > Connect to start."), m_pages);
    welcome->setAlignment(Qt::AlignCenter);
    m_pages->addWidget(welcome);
    buildDomainPanel();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_indicator = new ConnectionIndicator(this);
    connect(m_indicator, &ConnectionIndicator::clicked, this, &MainWindow::onIndicatorClicked);
    statusBar()->addPermanentWidget(m_indicator);
    buildMenus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDomainPanel() {
    m_domainModel = new DomainListModel(this);
    m_domainProxy = new QSortFilterProxyModel(this);
    m_domainProxy->setSourceModel(m_domainModel);
    m_domainProxy->setSortRole(DomainListModel::SortRole);
    m_domainProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_domainProxy->setFilterKeyColumn(DomainListModel::DomainColumn);

    m_domainFilter = new QLineEdit(this);
    m_domainFilter->setObjectName(QStringLiteral("DomainFilter"));
    m_domainFilter->setPlaceholderText(tr("Search domains"));
    m_domainFilter->setClearButtonEnabled(true);
    connect(m_domainFilter, &QLineEdit::textChanged, m_domainProxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_domainView = new QTableView(this);
    m_domainView->setObjectName(QStringLiteral("DomainView"));
    m_domainView->setModel(m_domainProxy);
    m_domainView->setSortingEnabled(true);
    m_domainView->sortByColumn(DomainListModel::DomainColumn, Qt::AscendingOrder);
    m_domainView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_domainView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_domainView->verticalHeader()->hide();
    m_domainView->setWordWrap(false);
    // A few hundred domains at most: measuring the count columns is cheap.
    m_domainView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_domainView->horizontalHeader()->setSectionResizeMode(DomainListModel::DomainColumn,
                                                           QHeaderView::Stretch);
    m_domainView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_domainView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    connect(m_domainView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onDomainSelected);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_domainFilter);
    leftLayout->addWidget(m_domainView);

    m_domainPage = new DomainPage(this);
    // The page's editors change the domain list (new, edited, disabled, deleted domains).
    connect(m_domainPage, &DomainPage::domainsChanged, this, &MainWindow::reloadDomains);
    m_domainPage->installDomainListActions(m_domainView);
    connect(m_domainPage, &DomainPage::mailboxesLoaded, this, [this] {
        if (!m_firstDataSignalled) {
            m_firstDataSignalled = true;
            Q_EMIT firstDataLoaded();
        }
    });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("DomainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_domainPage);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({600, 680}); // room for the domain list's columns in Japanese too
    m_pages->addWidget(splitter);
}

void MainWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction =
        file->addAction(tr("&Connect to Server…"), this, &MainWindow::showProfileManager);
    connectAction->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    m_recentMenu = file->addMenu(tr("Recent &Servers"));
    m_recentMenu->setObjectName(QStringLiteral("RecentServersMenu"));
    // Rebuilt when it opens: profiles may have been used, renamed or deleted meanwhile.
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcuts(standardKeys(QKeySequence::Quit, QKeySequence(tr("Ctrl+Q"))));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_domainPage->undoAction());
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("PreferencesAction"));
    preferences->setShortcuts(standardKeys(QKeySequence::Preferences, QKeySequence(tr("Ctrl+,"))));
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_reloadAction = view->addAction(tr("&Reload"), this, &MainWindow::reloadDomains);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setEnabled(false);
    QAction *find = view->addAction(tr("&Find Domain"), this, [this] {
        m_domainFilter->setFocus();
        m_domainFilter->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *rejectLog = view->addAction(tr("Reject &Log"), this, &MainWindow::showRejectLog);
    rejectLog->setObjectName(QStringLiteral("RejectLogAction"));
    rejectLog->setShortcut(QKeySequence(tr("Ctrl+L")));
    view->addSeparator();
    // The domain's tabs by number, as browsers do.
    if (auto *tabs = m_domainPage->findChild<QTabWidget *>()) {
        for (int i = 0; i < tabs->count() && i < 9; ++i) {
            QAction *tab = view->addAction(tabs->tabText(i), this, [this, tabs, i] {
                if (m_pages->currentIndex() == 1)
                    tabs->setCurrentIndex(i);
            });
            tab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        }
    }

    QMenu *domainMenu = menuBar()->addMenu(tr("&Domain"));
    domainMenu->addActions(m_domainPage->domainActions());

    m_delegation = new DelegationTools(this, m_domainPage);
    menuBar()->addMenu(m_delegation->menu());
    m_delegation->menu()->addSeparator();
    m_compatAction = m_delegation->menu()->addAction(tr("Client &Compatibility Wizard…"), this,
                                                     &MainWindow::showCompatWizard);
    m_compatAction->setObjectName(QStringLiteral("CompatWizardAction"));
    m_historyAction = m_delegation->menu()->addAction(tr("Configuration &Changes…"), this,
                                                      &MainWindow::showChangeHistory);
    m_historyAction->setObjectName(QStringLiteral("ChangeHistoryAction"));
    connect(m_delegation->menu(), &QMenu::aboutToShow, this, &MainWindow::updateCompatActions);
    updateCompatActions();
    connect(m_delegation, &DelegationTools::databaseAccountReady, this,
            [this](const ServerProfile &profile) {
                // The open windows hold the old connection's database: reconnect, then show the
                // Domain Administrators window again on the new one.
                m_profiles->save(profile);
                m_reopenDomainAdmins = true;
                m_delegation->setConnection(nullptr);
                QMetaObject::invokeMethod(
                    this, [this, name = profile.name] { connectToProfile(name); },
                    Qt::QueuedConnection);
            });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts =
        help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("ShortcutsAction"));
    shortcuts->setShortcuts(standardKeys(QKeySequence::HelpContents, QKeySequence(Qt::Key_F1)));
    help->addSeparator();
    QAction *about = help->addAction(tr("&About MailDeck"), this, [this] {
        QMessageBox::about(this, tr("About MailDeck"),
                           tr("MailDeck %1\nA desktop console for iRedMail servers.")
                               .arg(QApplication::applicationVersion()));
    });
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

QList<QKeySequence> MainWindow::standardKeys(QKeySequence::StandardKey key,
                                             const QKeySequence &fallback) {
    // Some platform themes (offscreen, a bare X session) bind no key to a standard action.
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    if (keys.isEmpty())
        keys.append(fallback);
    return keys;
}

void MainWindow::showPreferences() {
    if (auto *open = findChild<PreferencesDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showShortcuts() {
    if (auto *open = findChild<ShortcutsDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new ShortcutsDialog(ShortcutsDialog::collect(this), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showRejectLog() {
    if (!m_rejectLog) {
        m_rejectLog = new RejectLogView(this);
        m_rejectLog->setWindowFlag(Qt::Window);
        m_rejectLog->setAttribute(Qt::WA_DeleteOnClose);
        m_rejectLog->setObjectName(QStringLiteral("RejectLogWindow"));
        connect(m_rejectLog, &RejectLogView::wizardRequested, this,
                &MainWindow::showCompatWizardFor);
        m_rejectLog->setWindowTitle(tr("Reject Log"));
        m_rejectLog->resize(1200, 800);
        m_rejectLogProfile.clear();
    }
    // A per-domain admin's account has no shell: the server's log is the global admin's.
    const bool canFollow = m_connection &&
                           m_connection->state() == ServerConnection::State::Connected &&
                           m_connection->profile().role == ProfileRole::Global;
    if (canFollow && m_rejectLogProfile != m_profileName) {
        m_rejectLogProfile = m_profileName;
        const ServerProfile &profile = m_connection->profile();
        m_rejectLog->setWindowTitle(tr("Reject Log — %1").arg(profile.name));
        // Syslog timestamps carry no offset: ask the server for its own.
        QPointer<SshSession> ssh = m_connection->ssh();
        const QString path = profile.paths.mailLog;
        QPointer<RejectLogView> view = m_rejectLog;
        ssh->runCommand(QStringLiteral("date +%z"))
            .then(this, [view, ssh, path](Result<CommandOutput> r) {
                if (!view || !ssh)
                    return;
                int offset = 0;
                const QString z = r.ok() ? r.value().stdoutText().trimmed() : QString();
                if (z.size() == 5)
                    offset = (z.mid(1, 2).toInt() * 60 + z.mid(3, 2).toInt()) *
                             (z.startsWith(QLatin1Char('-')) ? -1 : 1);
                view->followServer(ssh, path, offset);
            });
    }
    m_rejectLog->show();
    m_rejectLog->raise();
    m_rejectLog->activateWindow();
}

void MainWindow::updateCompatActions() {
    // The configuration is the server's administrator's: a per-domain admin has no shell.
    const bool connected =
        m_connection && m_connection->state() == ServerConnection::State::Connected;
    const bool global = connected && m_connection->profile().role == ProfileRole::Global;
    const QString why = !connected ? tr("Connect to a server first.")
                        : !global  ? tr("Only the server's administrator changes its mail "
                                         "configuration.")
                                   : QString();
    for (QAction *a : {m_compatAction, m_historyAction}) {
        if (!a)
            continue;
        a->setEnabled(global);
        a->setToolTip(why);
    }
}

CompatWizard *MainWindow::showCompatWizard() {
    updateCompatActions();
    if (!m_compatAction->isEnabled()) {
        statusBar()->showMessage(m_compatAction->toolTip(), 8000);
        return nullptr;
    }
    // One wizard per server connection; one left open for another server is replaced unless
    // it is changing that server right now.
    if (m_compatWizard && m_compatWizard->server().name != m_connection->profile().name &&
        !m_compatWizard->isBusy()) {
        m_compatWizard->close();
        m_compatWizard = nullptr;
    }
    if (!m_compatWizard) {
        m_compatWizard = new CompatWizard(m_connection->profile(), m_connection->ssh(), this);
        m_compatWizard->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_compatWizard, &CompatWizard::historyChanged, this, [this] {
            if (m_changeHistory)
                m_changeHistory->reload();
        });
    }
    m_compatWizard->show();
    m_compatWizard->raise();
    m_compatWizard->activateWindow();
    return m_compatWizard;
}

CompatWizard *MainWindow::showCompatWizardFor(const EventPrefill &event,
                                              const QString &catalogAction) {
    CompatWizard *wizard = showCompatWizard();
    if (wizard && !wizard->isBusy())
        wizard->startFromEvent(event, catalogAction);
    return wizard;
}

ChangeHistoryDialog *MainWindow::showChangeHistory() {
    updateCompatActions();
    if (!m_historyAction->isEnabled()) {
        statusBar()->showMessage(m_historyAction->toolTip(), 8000);
        return nullptr;
    }
    if (m_changeHistory && m_changeHistory->windowTitle().endsWith(m_connection->profile().name)) {
        m_changeHistory->raise();
        m_changeHistory->activateWindow();
        return m_changeHistory;
    }
    if (m_changeHistory)
        m_changeHistory->close();
    m_changeHistory = new ChangeHistoryDialog(m_connection->profile(), m_connection->ssh(), this);
    m_changeHistory->setAttribute(Qt::WA_DeleteOnClose);
    m_changeHistory->show();
    return m_changeHistory;
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = m_profiles->recent();
    int number = 0;
    for (const QString &name : recent) {
        ++number;
        // "&1 lab": the first nine open with their digit; a profile's own & stays literal.
        QString label = QString(name).replace(QLatin1Char('&'), QStringLiteral("&&"));
        if (number <= 9)
            label = QStringLiteral("&%1 %2").arg(number).arg(label);
        QAction *entry =
            m_recentMenu->addAction(label, this, [this, name] { connectToProfile(name); });
        entry->setData(name);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::connectToProfile(const QString &profileName) {
    const auto profile = m_profiles->load(profileName);
    if (!profile) {
        statusBar()->showMessage(tr("There is no server profile named \"%1\".").arg(profileName));
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("There is no server profile named \"%1\".").arg(profileName));
        return;
    }
    m_profiles->markUsed(profileName);
    rebuildRecentMenu();
    m_profileName = profileName;
    m_banner->hide();
    m_domainPage->clear();
    m_domainModel->setDomains({});
    m_connection = std::make_unique<ServerConnection>(*profile, m_prompter);
    m_connection->setSecretStore(m_secrets);
    m_indicator->setState(ConnectionIndicator::State::Connecting,
                          tr("Connecting to %1…").arg(profileName),
                          tr("%1 (%2@%3)").arg(profileName, profile->user, profile->host));
    statusBar()->showMessage(
        tr("Connecting to %1 (%2@%3)…").arg(profileName, profile->user, profile->host));
    connect(m_connection.get(), &ServerConnection::progress, this,
            [this](ServerConnection::Step step, const QString &text) {
                statusBar()->showMessage(text);
                if (step != ServerConnection::Step::Done)
                    m_indicator->setState(ConnectionIndicator::State::Connecting,
                                          tr("%1: %2").arg(m_profileName, text), text);
            });
    connect(m_connection.get(), &ServerConnection::stateChanged, this,
            [this](ServerConnection::State state, const Error &error) {
                if (state == ServerConnection::State::ConnectionLost) {
                    m_indicator->setState(ConnectionIndicator::State::Lost,
                                          tr("%1: connection lost").arg(m_profileName),
                                          error.message + QLatin1Char('\n') +
                                              tr("MailDeck reconnects on the next action; click "
                                                 "here to reconnect now."));
                    m_banner->showError(error);
                } else if (state == ServerConnection::State::Connected &&
                           m_pages->currentIndex() == 1) {
                    showConnectedState();
                    m_banner->hide();
                }
            });
    if (!m_connectDialog) {
        m_connectDialog = new ConnectDialog(this);
        m_connectDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_connectDialog, &ConnectDialog::retryRequested, this,
                [this] { connectToProfile(m_profileName); });
        connect(m_connectDialog, &ConnectDialog::editProfileRequested, this,
                &MainWindow::editProfileAndRetry);
    }
    // The dialog connects to the progress before it calls connectToServer().
    QFuture<Status> connecting = m_connectDialog->start(m_connection.get());
    m_connectDialog->open();
    connecting.then(this, [this, connection = m_connection.get()](Status status) {
        if (connection != m_connection.get())
            return; // a newer connection replaced this one
        if (!status) {
            showConnectionError(status.error());
            return;
        }
        onConnected();
        // The first connection detected the server's system (ServerConnection::serverDetected):
        // asked once connected, since the question is about this server, not about connecting.
        if (m_connection->detectedServer())
            confirmFlavour(*m_connection->detectedServer());
    });
}

ConnectDialog *MainWindow::connectDialog() const {
    return m_connectDialog;
}

void MainWindow::showProfileManager() {
    auto *dialog = new ProfileManagerDialog(m_profiles.get(), m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_profileName.isEmpty())
        dialog->selectProfile(m_profileName);
    connect(dialog, &ProfileManagerDialog::connectRequested, this, &MainWindow::connectToProfile);
    connect(dialog, &QDialog::finished, this, [this] { rebuildRecentMenu(); });
    dialog->open();
}

void MainWindow::editProfileAndRetry() {
    const auto profile = m_profiles->load(m_profileName);
    if (!profile)
        return;
    auto *editor = new ProfileEditorDialog(m_profiles.get(), m_secrets,
                                           ProfileEditorDialog::Mode::Edit, *profile, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &ProfileEditorDialog::accepted, this,
            [this] { connectToProfile(m_profileName); });
    editor->open();
}

void MainWindow::confirmFlavour(const DetectedServer &detected) {
    if (findChild<FlavourConfirmDialog *>())
        return; // already asking
    auto *dialog = new FlavourConfirmDialog(m_profileName, detected, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, name = m_profileName] {
        auto profile = m_profiles->load(name);
        if (!profile)
            return;
        profile->flavour = dialog->flavour();
        profile->paths = dialog->paths();
        profile->flavourConfirmed = true;
        m_profiles->save(*profile);
        statusBar()->showMessage(tr("Saved the paths of %1 (%2).")
                                     .arg(name, ServerPathsEditor::flavourLabel(profile->flavour)),
                                 5000);
    });
    dialog->open();
}

void MainWindow::onIndicatorClicked() {
    if (!m_connection || m_profileName.isEmpty())
        return;
    switch (m_connection->state()) {
    case ServerConnection::State::ConnectionLost:
        // Any operation reconnects the session; then the domains are fresh again.
        m_indicator->setState(ConnectionIndicator::State::Connecting,
                              tr("Reconnecting to %1…").arg(m_profileName));
        m_connection->ssh()
            ->runCommand(QStringLiteral("true"))
            .then(this, [this](Result<CommandOutput> r) {
                if (!r) {
                    m_indicator->setState(ConnectionIndicator::State::Lost,
                                          tr("%1: connection lost").arg(m_profileName),
                                          r.error().message);
                    m_banner->showError(r.error());
                    return;
                }
                showConnectedState();
                m_banner->hide();
                reloadDomains();
            });
        break;
    case ServerConnection::State::Failed:
    case ServerConnection::State::Disconnected:
        connectToProfile(m_profileName);
        break;
    default:
        break;
    }
}

void MainWindow::showConnectionError(const Error &error) {
    statusBar()->clearMessage();
    if (error.code == QLatin1String("connect.cancelled")) {
        m_indicator->setState(ConnectionIndicator::State::Disconnected, tr("Not connected"));
        return;
    }
    m_indicator->setState(ConnectionIndicator::State::Failed,
                          tr("%1: not connected").arg(m_profileName),
                          error.message + QLatin1Char('\n') + tr("Click to try again."));
    m_banner->showError(error);
}

void MainWindow::onConnected() {
    showConnectedState();
    m_delegation->setConnection(m_connection.get());
    if (std::exchange(m_reopenDomainAdmins, false))
        m_delegation->showDomainAdmins();
    setWindowTitle(tr("%1 — MailDeck").arg(m_profileName));
    m_pages->setCurrentIndex(1);
    m_reloadAction->setEnabled(true);
    m_domainPage->setDatabase(m_connection->db());
    auto *mailingLists = m_connection->findChild<lists::MailingLists *>();
    m_domainPage->setMailingLists(
        mailingLists ? mailingLists
                     : new lists::MailingLists(m_connection.get(), m_connection.get()));
    IredadminSettings::readPasswordScheme(m_connection.get())
        .then(this, [this](const PasswordSchemeSetting &scheme) {
            m_domainPage->setDefaultPasswordScheme(scheme.scheme);
            if (!scheme.note.isEmpty())
                statusBar()->showMessage(scheme.note, 15000);
        });
    reloadDomains();
}

void MainWindow::showConnectedState() {
    const ServerProfile &p = m_connection->profile();
    const QString route =
        p.dbRoute == DbRoute::Tunnel
            ? tr("through the SSH tunnel (local port %1)").arg(m_connection->tunnelPort())
            : (p.dbTls ? tr("directly to %1:%2 with TLS") : tr("directly to %1:%2"))
                  .arg(p.dbHost)
                  .arg(p.dbPort);
    m_indicator->setState(
        ConnectionIndicator::State::Connected, tr("%1@%2 · %3").arg(p.user, p.host, p.dbName),
        tr("Connected to %1 (%2@%3, port %4)\nDatabase %5 as %6, %7\nSystem: %8")
            .arg(m_profileName, p.user, p.host)
            .arg(p.port)
            .arg(p.dbName, p.dbUser, route, ServerPathsEditor::flavourLabel(p.flavour)));
}

void MainWindow::reloadDomains() {
    if (!m_connection || !m_connection->db())
        return;
    statusBar()->showMessage(tr("Loading domains…"));
    const QString selected = m_domainPage->domain();
    m_connection
        ->db()
        // The rows first (names are enough to pick one); the counts follow (loadCounts()).
        ->run([](QSqlDatabase &db) { return db::DomainRepository::listRows(db); })
        .then(this, [this, selected](Result<QList<db::DomainSummary>> result) {
            if (!result) {
                statusBar()->clearMessage();
                m_banner->showError(result.error());
                return;
            }
            const int count = int(result->size());
            m_domainModel->setDomains(std::move(result).value(), false);
            statusBar()->showMessage(tr("%n domain(s)", nullptr, count), 5000);
            int row = m_domainModel->rowOf(selected);
            QModelIndex index = row >= 0
                                    ? m_domainProxy->mapFromSource(m_domainModel->index(row, 0))
                                    : m_domainProxy->index(0, 0);
            if (index.isValid())
                m_domainView->setCurrentIndex(index);
            // After the selected domain's first rows: the worker runs jobs in order.
            m_domainModel->loadCounts(m_connection->db());
        });
}

void MainWindow::onDomainSelected() {
    const QModelIndex current = m_domainView->currentIndex();
    if (!current.isValid() || !m_connection)
        return;
    const QString domain = current.data(DomainListModel::StorageNameRole).toString();
    if (domain != m_domainPage->domain())
        m_domainPage->showDomain(domain, m_connection->db());
}

void MainWindow::restoreLayout() {
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("DomainSplitter")))
        splitter->restoreState(settings.value(kSplitterKey).toByteArray());
}

void MainWindow::saveLayout() {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("DomainSplitter")))
        settings.setValue(kSplitterKey, splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveLayout();
    event->accept();
}

} // namespace maildeck::ui
