#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QStackedWidget;

namespace maildeck {
class ProfileStore;
}

namespace maildeck::ui {

// The main window: the server's domains on the left, the selected domain's editors on the right,
// the reject log and the wizard one click away.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(std::shared_ptr<ProfileStore> profiles, QWidget *parent = nullptr);
    ~MainWindow() override;

    void connectToProfile(const QString &profileName);

Q_SIGNALS:
    // Emitted once, when the first server data (the domain list) is on screen.
    void firstDataLoaded();

private:
    void buildMenus();
    void showStatus(const QString &text);

    std::shared_ptr<ProfileStore> m_profiles;
    QLabel *m_connectionLabel = nullptr;
    QStackedWidget *m_pages = nullptr;
};

} // namespace maildeck::ui
