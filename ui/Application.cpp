#include "ui/Application.h"

#include "core/profiles/ProfileStore.h"
#include "ui/common/Appearance.h"
#include "ui/common/WindowMemory.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Preferences.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTimer>

#include <cstdio>

namespace maildeck::ui {

int runApplication(QApplication &app) {
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/maildeck/icons/maildeck.svg")));
    QApplication::setDesktopFileName(QStringLiteral("org.maildeck.MailDeck"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "Application", "MailDeck: a desktop console for iRedMail servers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QApplication::translate("Application", "Connect to this server profile."),
        QStringLiteral("name"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QApplication::translate("Application", "User interface language (en or ja)."),
        QStringLiteral("code"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate(
            "Application",
            "Write a PNG of the main window once the first data has loaded, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"),
        QApplication::translate("Application", "Use this settings file."), QStringLiteral("file"));
    parser.addOptions({profileOption, languageOption, screenshotOption, settingsOption});
    parser.process(app);

    // The command line's language wins over Preferences' (which apply from the next start).
    const Preferences preferences = Preferences::load();
    installTranslations(app, parser.isSet(languageOption)
                                 ? parser.value(languageOption)
                                 : Preferences::languageCode(preferences.language));
    applyAppearance(preferences.appearance);

    auto profiles = parser.isSet(settingsOption)
                        ? std::make_shared<ProfileStore>(parser.value(settingsOption))
                        : std::make_shared<ProfileStore>();
    const QString screenshotFile = parser.value(screenshotOption);
    MainWindow window(profiles);
    if (screenshotFile.isEmpty()) {
        // Window sizes and table layouts from the last session (a screenshot looks the same
        // every time instead).
        WindowMemory::install();
        window.restoreLayout();
    }
    window.show();

    int exitCode = 0;
    if (!screenshotFile.isEmpty()) {
        // Give up after a minute: a demo that never loads must not hang a script.
        QTimer::singleShot(60000, &app, [&app, &exitCode] {
            std::fputs("maildeck: no data loaded within 60 s; no screenshot written\n", stderr);
            exitCode = 1;
            app.quit();
        });
        QObject::connect(
            &window, &MainWindow::firstDataLoaded, &app,
            [&window, &app, &exitCode, screenshotFile] {
                // Let the views paint the new rows before grabbing.
                QTimer::singleShot(500, &window, [&window, &app, &exitCode, screenshotFile] {
                    if (!window.grab().save(screenshotFile, "PNG")) {
                        std::fputs("maildeck: could not write the screenshot\n", stderr);
                        exitCode = 1;
                    }
                    app.quit();
                });
            });
    }
    if (parser.isSet(profileOption))
        window.connectToProfile(parser.value(profileOption));

    const int loopResult = app.exec();
    return exitCode != 0 ? exitCode : loopResult;
}

} // namespace maildeck::ui
