#pragma once

#include "core/common/Result.h"

#include <QKeySequence>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace maildeck {
class ProfileStore;
class SecretStore;
class ServerConnection;
struct ServerProfile;
struct DetectedServer;
} // namespace maildeck

namespace maildeck::ui {

class RejectLogView;
class CompatWizard;
class ChangeHistoryDialog;
struct EventPrefill;

class ConnectDialog;
class ConnectionIndicator;
class DialogPrompter;
class DomainListModel;
class DomainPage;
class DelegationTools;
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

    // Connects to the named profile in the background; progress shows in a ConnectDialog (with
    // Cancel, Retry, Edit Profile) and in the status bar's connection indicator.
    void connectToProfile(const QString &profileName);
    // The server profiles (File > Connect): connect to one, create, edit, delete.
    void showProfileManager();
    // Edit > Preferences (language, appearance) and Help > Keyboard Shortcuts.
    void showPreferences();
    void showShortcuts();
    // View > Reject Log: the connected server's mail log, followed live and explained.
    void showRejectLog();
    // Tools > Client Compatibility Wizard… / Configuration Changes… (global admins only): one
    // wizard per server connection; an event from the reject log starts it prefilled.
    CompatWizard *showCompatWizard();
    CompatWizard *showCompatWizardFor(const EventPrefill &event, const QString &catalogAction);
    ChangeHistoryDialog *showChangeHistory();
    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    ConnectDialog *connectDialog() const;
    ServerConnection *connection() const { return m_connection.get(); }

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
    // The platform's keys for a standard action, or `fallback` when the platform binds none.
    static QList<QKeySequence> standardKeys(QKeySequence::StandardKey key,
                                            const QKeySequence &fallback);
    void showConnectionError(const Error &error);
    void onConnected();
    void showConnectedState();
    void onIndicatorClicked();
    void editProfileAndRetry();
    void confirmFlavour(const DetectedServer &detected);
    void reloadDomains();
    void onDomainSelected();
    void saveLayout();
    void updateCompatActions();

    std::shared_ptr<ProfileStore> m_profiles;
    std::unique_ptr<ServerConnection> m_connection;
    DialogPrompter *m_prompter = nullptr;
    SecretStore *m_secrets = nullptr;
    QPointer<ConnectDialog> m_connectDialog;
    QString m_profileName;
    bool m_firstDataSignalled = false;
    bool m_reopenDomainAdmins = false; // after reconnecting with MailDeck's database account

    MessageBanner *m_banner = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_reloadAction = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_domainFilter = nullptr;
    QTableView *m_domainView = nullptr;
    DomainListModel *m_domainModel = nullptr;
    QSortFilterProxyModel *m_domainProxy = nullptr;
    DomainPage *m_domainPage = nullptr;
    DelegationTools *m_delegation = nullptr; // Tools menu, delegated (per-domain admin) mode
    QPointer<RejectLogView> m_rejectLog;
    QString m_rejectLogProfile; // the profile whose log it follows
    QAction *m_compatAction = nullptr;
    QAction *m_historyAction = nullptr;
    QPointer<CompatWizard> m_compatWizard;
    QPointer<ChangeHistoryDialog> m_changeHistory;
};

} // namespace maildeck::ui
