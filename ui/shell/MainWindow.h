#pragma once

#include "core/common/Result.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace maildeck {
class ProfileStore;
class ServerConnection;
struct ServerProfile;
}

namespace maildeck::ui {

class DialogPrompter;
class DomainListModel;
class DomainPage;
class MessageBanner;

// The main window: the server's domains on the left, the selected domain's content on the right.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(std::shared_ptr<ProfileStore> profiles, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Window geometry, splitter and column layout from the last session (off for screenshots,
    // which must look the same every time).
    void restoreLayout();

    // Connects to the named profile in the background; progress shows in the status bar.
    void connectToProfile(const QString &profileName);

Q_SIGNALS:
    // Emitted once, when the first server data (the domain list and the first domain's
    // mailboxes) is on screen.
    void firstDataLoaded();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildDomainPanel();
    void rebuildRecentMenu();
    void showConnectionError(const Error &error);
    void onConnected();
    void reloadDomains();
    void onDomainSelected();
    void saveLayout();

    std::shared_ptr<ProfileStore> m_profiles;
    std::unique_ptr<ServerConnection> m_connection;
    DialogPrompter *m_prompter = nullptr;
    QString m_profileName;
    bool m_firstDataSignalled = false;

    MessageBanner *m_banner = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_reloadAction = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_domainFilter = nullptr;
    QTableView *m_domainView = nullptr;
    DomainListModel *m_domainModel = nullptr;
    QSortFilterProxyModel *m_domainProxy = nullptr;
    DomainPage *m_domainPage = nullptr;
};

} // namespace maildeck::ui
