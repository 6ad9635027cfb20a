#pragma once

class QApplication;
class QCoreApplication;
class QString;

namespace maildeck::ui {

// Parses the command line, installs the translation, shows the main window and runs the event
// loop. Returns the process exit code.
int runApplication(QApplication &app);

// Installs MailDeck's and Qt's own translations for `language` ("en", "ja"; "" = the system's UI
// language), replacing the ones installed before: windows built afterwards speak it.
void installTranslations(QCoreApplication &app, const QString &language);
// The language of MailDeck's own installed catalogue ("ja"), or "en" when none is installed:
// for data that carries its own translations (the reject catalog).
QString currentUiLanguage();

} // namespace maildeck::ui
