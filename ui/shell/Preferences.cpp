#include "ui/shell/Preferences.h"

#include <QSettings>

namespace maildeck::ui {

namespace {
const QString kLanguageKey = QStringLiteral("preferences/language");
const QString kAppearanceKey = QStringLiteral("preferences/appearance");
} // namespace

Preferences Preferences::load() {
    QSettings settings;
    Preferences p;
    const QString language = settings.value(kLanguageKey).toString();
    if (language == QLatin1String("en"))
        p.language = Language::English;
    else if (language == QLatin1String("ja"))
        p.language = Language::Japanese;
    const QString appearance = settings.value(kAppearanceKey).toString();
    if (appearance == QLatin1String("light"))
        p.appearance = Appearance::Light;
    else if (appearance == QLatin1String("dark"))
        p.appearance = Appearance::Dark;
    return p;
}

void Preferences::save() const {
    QSettings settings;
    settings.setValue(kLanguageKey, languageCode(language));
    settings.setValue(kAppearanceKey, appearance == Appearance::Light  ? QStringLiteral("light")
                                      : appearance == Appearance::Dark ? QStringLiteral("dark")
                                                                       : QString());
}

QString Preferences::languageCode(Language language) {
    switch (language) {
    case Language::English:
        return QStringLiteral("en");
    case Language::Japanese:
        return QStringLiteral("ja");
    case Language::System:
        break;
    }
    return {};
}

} // namespace maildeck::ui
