#include "ui/shell/MainWindow.h"

#include "core/profiles/ProfileStore.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>

namespace maildeck::ui {

MainWindow::MainWindow(std::shared_ptr<ProfileStore> profiles, QWidget *parent)
    : QMainWindow(parent), m_profiles(std::move(profiles))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("MailDeck"));
    resize(1200, 760);

    m_pages = new QStackedWidget(this);
    auto *welcome = new QLabel(tr("Choose a server from File > Connect to start."), m_pages);
    welcome->setAlignment(Qt::AlignCenter);
    m_pages->addWidget(welcome);
    setCentralWidget(m_pages);

    m_connectionLabel = new QLabel(tr("Not connected"), this);
    statusBar()->addPermanentWidget(m_connectionLabel);
    buildMenus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MailDeck"), this, [this] {
        QMessageBox::about(this, tr("About MailDeck"),
                           tr("MailDeck %1\nA desktop console for iRedMail servers.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::connectToProfile(const QString &profileName)
{
    const auto profile = m_profiles->load(profileName);
    if (!profile) {
        showStatus(tr("There is no server profile named \"%1\".").arg(profileName));
        return;
    }
    m_profiles->markUsed(profileName);
    m_connectionLabel->setText(tr("%1@%2").arg(profile->user, profile->host));
    showStatus(tr("Connecting to %1…").arg(profileName));
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text);
}

} // namespace maildeck::ui
