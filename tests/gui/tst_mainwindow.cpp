#include "core/common/AppIdentity.h"
#include "core/profiles/ProfileStore.h"
#include "ui/shell/MainWindow.h"

#include <QMenuBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensWithMenus()
    {
        QTemporaryDir dir;
        auto profiles = std::make_shared<ProfileStore>(dir.filePath(QStringLiteral("s.ini")));
        ui::MainWindow window(profiles);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.menuBar()->actions().size() >= 2);
        QCOMPARE(window.windowTitle(), QStringLiteral("MailDeck"));
    }

    void unknownProfileIsReported()
    {
        QTemporaryDir dir;
        auto profiles = std::make_shared<ProfileStore>(dir.filePath(QStringLiteral("s.ini")));
        ui::MainWindow window(profiles);
        window.connectToProfile(QStringLiteral("nope"));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("nope")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
