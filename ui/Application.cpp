#include "ui/Application.h"

#include "core/profiles/ProfileStore.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace maildeck::ui {

namespace {

// Japanese or English: an explicit choice wins, otherwise the system's UI language.
void installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("maildeck"), QStringLiteral("_"),
                  QStringLiteral(":/maildeck/translations")))
        app.installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

} // namespace

int runApplication(QApplication &app)
{
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/maildeck/icons/maildeck.svg")));
    QApplication::setDesktopFileName(QStringLiteral("org.maildeck.MailDeck"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("Application", "MailDeck: a desktop console for iRedMail servers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"), QApplication::translate("Application", "Connect to this server profile."),
        QStringLiteral("name"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QApplication::translate("Application", "User interface language (en or ja)."),
        QStringLiteral("code"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("Application",
                                "Write a PNG of the main window once the first data has loaded, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"), QApplication::translate("Application", "Use this settings file."),
        QStringLiteral("file"));
    parser.addOptions({profileOption, languageOption, screenshotOption, settingsOption});
    parser.process(app);

    installTranslations(app, parser.value(languageOption));

    auto profiles = parser.isSet(settingsOption)
                        ? std::make_shared<ProfileStore>(parser.value(settingsOption))
                        : std::make_shared<ProfileStore>();
    const QString screenshotFile = parser.value(screenshotOption);
    MainWindow window(profiles);
    if (screenshotFile.isEmpty())
        window.restoreLayout();
    window.show();

    int exitCode = 0;
    if (!screenshotFile.isEmpty()) {
        // Give up after a minute: a demo that never loads must not hang a script.
        QTimer::singleShot(60000, &app, [&app, &exitCode] {
            std::fputs("maildeck: no data loaded within 60 s; no screenshot written\n", stderr);
            exitCode = 1;
            app.quit();
        });
        QObject::connect(&window, &MainWindow::firstDataLoaded, &app,
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
