#include "ui/shell/MainWindow.h"

#include "core/db/DbWorker.h"
#include "core/db/DomainRepository.h"
#include "core/profiles/ProfileStore.h"
#include "core/session/ServerConnection.h"
#include "ui/common/MessageBanner.h"
#include "ui/domains/DomainListModel.h"
#include "ui/domains/DomainPage.h"
#include "ui/shell/DialogPrompter.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace maildeck::ui {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kSplitterKey = QStringLiteral("mainWindow/splitter");
const QString kDomainHeaderKey = QStringLiteral("mainWindow/domainHeader");
} // namespace

MainWindow::MainWindow(std::shared_ptr<ProfileStore> profiles, QWidget *parent)
    : QMainWindow(parent), m_profiles(std::move(profiles))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("MailDeck"));
    resize(1200, 760);
    m_prompter = new DialogPrompter(this);

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

    m_connectionLabel = new QLabel(tr("Not connected"), this);
    statusBar()->addPermanentWidget(m_connectionLabel);
    buildMenus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDomainPanel()
{
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
    m_domainView->horizontalHeader()->setSectionResizeMode(DomainListModel::DomainColumn, QHeaderView::Stretch);
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
    splitter->setSizes({520, 680});
    m_pages->addWidget(splitter);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(tr("&Connect to Server…"), this, [this] {
        const QStringList names = m_profiles->names();
        if (names.isEmpty()) {
            m_banner->showMessage(MessageBanner::Kind::Info,
                                  tr("There are no server profiles yet. Create one with "
                                     "maildeck-cli profile add."));
            return;
        }
        bool ok = false;
        const QString name = QInputDialog::getItem(this, tr("Connect to Server"), tr("Server profile:"),
                                                   names, 0, false, &ok);
        if (ok)
            connectToProfile(name);
    });
    connectAction->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    m_recentMenu = file->addMenu(tr("Recent &Servers"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_reloadAction = view->addAction(tr("&Reload"), this, &MainWindow::reloadDomains);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setEnabled(false);
    QAction *find = view->addAction(tr("&Find Domain"), this, [this] {
        m_domainFilter->setFocus();
        m_domainFilter->selectAll();
    });
    find->setShortcut(QKeySequence::Find);

    QMenu *domainMenu = menuBar()->addMenu(tr("&Domain"));
    domainMenu->addActions(m_domainPage->domainActions());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MailDeck"), this, [this] {
        QMessageBox::about(this, tr("About MailDeck"),
                           tr("MailDeck %1\nA desktop console for iRedMail servers.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_profiles->recent();
    for (const QString &name : recent)
        m_recentMenu->addAction(name, this, [this, name] { connectToProfile(name); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::connectToProfile(const QString &profileName)
{
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
    m_connectionLabel->setText(tr("Connecting to %1…").arg(profileName));
    statusBar()->showMessage(tr("Connecting to %1 (%2@%3)…").arg(profileName, profile->user, profile->host));
    connect(m_connection.get(), &ServerConnection::progress, this,
            [this](ServerConnection::Step, const QString &text) { statusBar()->showMessage(text); });
    connect(m_connection.get(), &ServerConnection::stateChanged, this,
            [this](ServerConnection::State state, const Error &error) {
                if (state == ServerConnection::State::ConnectionLost) {
                    m_connectionLabel->setText(tr("%1: connection lost").arg(m_profileName));
                    m_banner->showError(error);
                } else if (state == ServerConnection::State::Connected && m_pages->currentIndex() == 1) {
                    m_connectionLabel->setText(tr("Connected to %1").arg(m_profileName));
                    m_banner->hide();
                }
            });
    m_connection->connectToServer().then(this, [this, connection = m_connection.get()](Status status) {
        if (connection != m_connection.get())
            return; // a newer connection replaced this one
        if (!status) {
            showConnectionError(status.error());
            return;
        }
        onConnected();
    });
}

void MainWindow::showConnectionError(const Error &error)
{
    m_connectionLabel->setText(tr("%1: not connected").arg(m_profileName));
    statusBar()->clearMessage();
    m_banner->showError(error);
}

void MainWindow::onConnected()
{
    m_connectionLabel->setText(tr("Connected to %1").arg(m_profileName));
    setWindowTitle(tr("%1 — MailDeck").arg(m_profileName));
    m_pages->setCurrentIndex(1);
    m_reloadAction->setEnabled(true);
    m_domainPage->setDatabase(m_connection->db());
    reloadDomains();
}

void MainWindow::reloadDomains()
{
    if (!m_connection || !m_connection->db())
        return;
    statusBar()->showMessage(tr("Loading domains…"));
    const QString selected = m_domainPage->domain();
    m_connection->db()
        ->run([](QSqlDatabase &db) { return db::DomainRepository::list(db); })
        .then(this, [this, selected](Result<QList<db::DomainSummary>> result) {
            if (!result) {
                statusBar()->clearMessage();
                m_banner->showError(result.error());
                return;
            }
            const int count = int(result->size());
            m_domainModel->setDomains(std::move(result).value());
            statusBar()->showMessage(tr("%n domain(s)", nullptr, count), 5000);
            int row = m_domainModel->rowOf(selected);
            QModelIndex index = row >= 0 ? m_domainProxy->mapFromSource(m_domainModel->index(row, 0))
                                         : m_domainProxy->index(0, 0);
            if (index.isValid())
                m_domainView->setCurrentIndex(index);
        });
}

void MainWindow::onDomainSelected()
{
    const QModelIndex current = m_domainView->currentIndex();
    if (!current.isValid() || !m_connection)
        return;
    const QString domain = current.data(DomainListModel::StorageNameRole).toString();
    if (domain != m_domainPage->domain())
        m_domainPage->showDomain(domain, m_connection->db());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("DomainSplitter")))
        splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    m_domainView->horizontalHeader()->restoreState(settings.value(kDomainHeaderKey).toByteArray());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("DomainSplitter")))
        settings.setValue(kSplitterKey, splitter->saveState());
    settings.setValue(kDomainHeaderKey, m_domainView->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

} // namespace maildeck::ui
