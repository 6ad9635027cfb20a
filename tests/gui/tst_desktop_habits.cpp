// The habits of a desktop application, offscreen and with fresh settings in a temporary folder:
// Preferences (language, appearance) saved and read back, the main window's geometry and the
// tables' header layouts remembered across windows, a dialog's size remembered, the recent
// servers menu, the standard menus and keyboard shortcuts, and readable text of our widgets
// under a dark palette (WCAG contrast of each text colour against its background).

#include "core/common/AppIdentity.h"
#include "core/profiles/ProfileStore.h"
#include "ui/common/Appearance.h"
#include "ui/common/MessageBanner.h"
#include "ui/common/ThemeColors.h"
#include "ui/common/WindowMemory.h"
#include "ui/connection/ConnectionIndicator.h"
#include "ui/domains/FieldErrorLabel.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Preferences.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/shell/ShortcutsDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::ui;

namespace {

QMenu *menuTitled(QMainWindow &window, const QString &title) {
    const auto actions = window.menuBar()->actions();
    for (QAction *a : actions) {
        if (a->menu() && a->text().remove(QLatin1Char('&')) == title)
            return a->menu();
    }
    return nullptr;
}

ServerProfile profileNamed(const QString &name) {
    ServerProfile p;
    p.name = name;
    p.host = QStringLiteral("mail.example.org");
    return p;
}

} // namespace

class TestDesktopHabits : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<ProfileStore> m_profiles;

private Q_SLOTS:
    void initTestCase() {
        applyAppIdentity();
        QVERIFY(m_dir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        m_profiles = std::make_shared<ProfileStore>(m_dir.filePath(QStringLiteral("p.ini")));
        WindowMemory::install();
    }

    void init() { QSettings().clear(); }

    void cleanup() { applyAppearance(Appearance::Light); }

    void preferencesRoundTrip() {
        QCOMPARE(Preferences::load().language, Preferences::Language::System);
        QCOMPARE(Preferences::load().appearance, Appearance::System);
        Preferences p;
        p.language = Preferences::Language::Japanese;
        p.appearance = Appearance::Dark;
        p.save();
        const Preferences back = Preferences::load();
        QCOMPARE(back.language, Preferences::Language::Japanese);
        QCOMPARE(back.appearance, Appearance::Dark);
        QCOMPARE(Preferences::languageCode(back.language), QStringLiteral("ja"));
        QCOMPARE(Preferences::languageCode(Preferences::Language::System), QString());
    }

    void preferencesDialogSavesAndApplies() {
        applyAppearance(Appearance::Light);
        QVERIFY(!isDarkPalette(QApplication::palette()));
        PreferencesDialog dialog;
        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("LanguageChoice"));
        auto *appearance = dialog.findChild<QComboBox *>(QStringLiteral("AppearanceChoice"));
        QVERIFY(language && appearance);
        QCOMPARE(language->count(), 3);
        QCOMPARE(appearance->count(), 3);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("LanguageNote"))
                    ->text()
                    .contains(QStringLiteral("next time")));
        language->setCurrentIndex(language->findData(int(Preferences::Language::English)));
        appearance->setCurrentIndex(appearance->findData(int(Appearance::Dark)));
        dialog.accept();
        QCOMPARE(Preferences::load().language, Preferences::Language::English);
        QCOMPARE(Preferences::load().appearance, Appearance::Dark);
        // Dark applies at once: Fusion with the dark palette.
        QVERIFY(isDarkPalette(QApplication::palette()));
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        // A second dialog starts from the saved choice; Cancel changes nothing.
        PreferencesDialog again;
        auto *appearance2 = again.findChild<QComboBox *>(QStringLiteral("AppearanceChoice"));
        QCOMPARE(Appearance(appearance2->currentData().toInt()), Appearance::Dark);
        appearance2->setCurrentIndex(appearance2->findData(int(Appearance::Light)));
        again.reject();
        QCOMPARE(Preferences::load().appearance, Appearance::Dark);
        QVERIFY(isDarkPalette(QApplication::palette()));
    }

    void windowGeometryRoundTrip() {
        {
            MainWindow window(m_profiles);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(911, 633);
            QTRY_COMPARE(window.size(), QSize(911, 633));
            window.close();
        }
        MainWindow again(m_profiles);
        again.restoreLayout();
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(911, 633));
    }

    void headerLayoutRoundTrip() {
        {
            MainWindow window(m_profiles);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *view = window.findChild<QTableView *>(QStringLiteral("DomainView"));
            QVERIFY(view);
            QHeaderView *header = view->horizontalHeader();
            QVERIFY(header->count() >= 3);
            QCOMPARE(WindowMemory::headerKey(view), QStringLiteral("layout/MainWindow/DomainView"));
            header->moveSection(header->count() - 1, 0);
            header->setSectionHidden(1, true);
            header->setSortIndicator(2, Qt::DescendingOrder);
            window.close(); // saved when the window hides, even within the save delay
        }
        QVERIFY(QSettings().contains(QStringLiteral("layout/MainWindow/DomainView")));
        MainWindow again(m_profiles);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QHeaderView *header =
            again.findChild<QTableView *>(QStringLiteral("DomainView"))->horizontalHeader();
        QCOMPARE(header->logicalIndex(0), header->count() - 1);
        QVERIFY(header->isSectionHidden(1));
        QCOMPARE(header->sortIndicatorSection(), 2);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    }

    void headerChangeSavedWhileOpen() {
        MainWindow window(m_profiles);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QHeaderView *header =
            window.findChild<QTableView *>(QStringLiteral("DomainView"))->horizontalHeader();
        const QString key = QStringLiteral("layout/MainWindow/DomainView");
        QSettings().remove(key);
        header->setSortIndicator(1, Qt::AscendingOrder);
        // Kept shortly after the change, without closing anything (a crash loses nothing).
        QTRY_VERIFY_WITH_TIMEOUT(QSettings().contains(key), 3000);
    }

    void dialogSizeRoundTrip() {
        MainWindow window(m_profiles);
        {
            ShortcutsDialog dialog(ShortcutsDialog::collect(&window));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.resize(701, 655);
            QTRY_COMPARE(dialog.size(), QSize(701, 655));
            dialog.close();
        }
        ShortcutsDialog again(ShortcutsDialog::collect(&window));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(701, 655));
    }

    void recentServers() {
        for (const char *name : {"alpha", "beta", "gamma"})
            m_profiles->save(profileNamed(QLatin1String(name)));
        MainWindow window(m_profiles);
        auto *menu = window.findChild<QMenu *>(QStringLiteral("RecentServersMenu"));
        QVERIFY(menu);
        QVERIFY(menuTitled(window, QStringLiteral("File"))->actions().contains(menu->menuAction()));
        m_profiles->markUsed(QStringLiteral("gamma"));
        m_profiles->markUsed(QStringLiteral("alpha"));
        Q_EMIT menu->aboutToShow(); // rebuilt each time it opens
        QVERIFY(menu->isEnabled());
        QStringList names;
        QStringList labels;
        for (QAction *a : menu->actions()) {
            if (!a->isSeparator()) {
                names.append(a->data().toString());
                labels.append(a->text());
            }
        }
        QCOMPARE(names, QStringList({QStringLiteral("alpha"), QStringLiteral("gamma")}));
        QCOMPARE(labels.first(), QStringLiteral("&1 alpha"));
        // A deleted profile leaves the list.
        QVERIFY(m_profiles->remove(QStringLiteral("alpha")));
        Q_EMIT menu->aboutToShow();
        QCOMPARE(menu->actions().size(), 1);
        QCOMPARE(menu->actions().first()->data().toString(), QStringLiteral("gamma"));
        m_profiles->remove(QStringLiteral("beta"));
        m_profiles->remove(QStringLiteral("gamma"));
        Q_EMIT menu->aboutToShow();
        QVERIFY(!menu->isEnabled());
    }

    void standardMenusAndShortcuts() {
        MainWindow window(m_profiles);
        for (const char *title : {"File", "Edit", "View", "Help"})
            QVERIFY2(menuTitled(window, QLatin1String(title)), title);
        QStringList help;
        for (QAction *a : menuTitled(window, QStringLiteral("Help"))->actions())
            help.append(a->text().remove(QLatin1Char('&')));
        QVERIFY(help.contains(QStringLiteral("About MailDeck")));
        QVERIFY(help.contains(QStringLiteral("About Qt")));
        QVERIFY(help.contains(QStringLiteral("Keyboard Shortcuts")));

        const QList<ShortcutsDialog::Entry> entries = ShortcutsDialog::collect(&window);
        QHash<QString, QString> keysOf;
        for (const auto &e : entries) {
            QVERIFY2(!e.keys.isEmpty(), qPrintable(e.action));
            keysOf.insert(e.action, e.keys.first().toString(QKeySequence::PortableText));
        }
        // The frequent actions all have keys.
        QCOMPARE(keysOf.value(QStringLiteral("Quit")), QStringLiteral("Ctrl+Q"));
        QVERIFY(!keysOf.value(QStringLiteral("Preferences…")).isEmpty());
        for (const char *action :
             {"Connect to Server…", "Reload", "Find Domain", "Undo", "New Domain…", "New Mailbox…",
              "New Alias…", "New List…", "Keyboard Shortcuts", "Mailboxes"})
            QVERIFY2(keysOf.contains(QString::fromUtf8(action)), action);
        // No two menu-bar actions share a key.
        QHash<QString, QString> byKey;
        for (const auto &e : entries) {
            if (e.section == ShortcutsDialog::tr("In the tables"))
                continue;
            for (const QKeySequence &k : e.keys) {
                const QString key = k.toString(QKeySequence::PortableText);
                QVERIFY2(!byKey.contains(key),
                         qPrintable(key + QStringLiteral(": ") + byKey.value(key) +
                                    QStringLiteral(" and ") + e.action));
                byKey.insert(key, e.action);
            }
        }
        ShortcutsDialog dialog(entries);
        QVERIFY(dialog.view()->topLevelItemCount() >= 4);
        // Ctrl+2 shows the aliases tab.
        auto *tabs = window.findChild<QTabWidget *>();
        QVERIFY(tabs);
    }

    void darkPaletteReadability_data() {
        QTest::addColumn<int>("appearance");
        QTest::newRow("light") << int(Appearance::Light);
        QTest::newRow("dark") << int(Appearance::Dark);
    }

    void darkPaletteReadability() {
        QFETCH(int, appearance);
        // Widgets made before the switch follow it too.
        MessageBanner banner;
        FieldErrorLabel fieldError(nullptr);
        fieldError.setError(QStringLiteral("The local part may only contain letters."));
        ConnectionIndicator indicator;
        applyAppearance(Appearance(appearance));
        QCOMPARE(isDarkPalette(QApplication::palette()), appearance == int(Appearance::Dark));
        const QPalette app = QApplication::palette();

        for (Tone tone : {Tone::Error, Tone::Warning, Tone::Success, Tone::Info, Tone::Neutral}) {
            for (QPalette::ColorRole bg : {QPalette::Window, QPalette::Base}) {
                const double c = contrastRatio(toneText(tone, app, bg), app.color(bg));
                QVERIFY2(c >= 4.5, qPrintable(QString::number(c)));
            }
        }
        for (auto kind : {MessageBanner::Kind::Error, MessageBanner::Kind::Warning,
                          MessageBanner::Kind::Info}) {
            banner.showMessage(kind, QStringLiteral("Text"), QStringLiteral("details"));
            const QPalette p = banner.palette();
            const double c =
                contrastRatio(p.color(QPalette::WindowText), p.color(QPalette::Window));
            QVERIFY2(c >= 7.0, qPrintable(QString::number(c)));
            // The tint follows the palette: dark on dark, light on light.
            QCOMPARE(isDarkPalette(p), isDarkPalette(app));
        }
        const QPalette fe = fieldError.palette();
        const double feContrast =
            contrastRatio(fe.color(QPalette::WindowText), fe.color(QPalette::Window));
        QVERIFY2(feContrast >= 4.5, qPrintable(QString::number(feContrast)));
        auto *text = indicator.findChild<QLabel *>(QStringLiteral("ConnectionText"));
        const double ic = contrastRatio(text->palette().color(QPalette::WindowText),
                                        text->palette().color(QPalette::Window));
        QVERIFY2(ic >= 4.5, qPrintable(QString::number(ic)));
    }

    void errorsOfferCopyDetails() {
        MessageBanner banner;
        banner.showError(Error{QStringLiteral("db.denied"), QStringLiteral("Access denied."),
                               QStringLiteral("MariaDB said 1045")});
        QPushButton *copy = nullptr;
        for (QPushButton *b : banner.findChildren<QPushButton *>()) {
            if (b->text() == QStringLiteral("Copy details"))
                copy = b;
        }
        QVERIFY(copy);
        QVERIFY(!copy->isHidden());
        copy->click();
        const QString clip = QApplication::clipboard()->text();
        QVERIFY(clip.contains(QStringLiteral("Access denied.")));
        QVERIFY(clip.contains(QStringLiteral("db.denied")));
        QVERIFY(clip.contains(QStringLiteral("1045")));
    }
};

QTEST_MAIN(TestDesktopHabits)
#include "tst_desktop_habits.moc"
