#pragma once

class QCoreApplication;
class QString;

namespace maildeck {

// Installs MailDeck's and Qt's own translations for `language` ("en", "ja"; "" = the system's UI
// language, e.g. from LANGUAGE or LANG), replacing the ones installed before: windows built
// afterwards speak it. The desktop application and maildeck-cli both call it.
void installTranslations(QCoreApplication &app, const QString &language);
// The language of MailDeck's own installed catalogue ("ja"), or "en" when none is installed:
// for data that carries its own translations (the reject catalog).
QString currentUiLanguage();

} // namespace maildeck
