#pragma once

#include "ui/common/Appearance.h"

#include <QString>

namespace maildeck::ui {

// The user's choices in Preferences, kept in QSettings (group "preferences").
struct Preferences {
    enum class Language { System, English, Japanese };

    Language language = Language::System;
    Appearance appearance = Appearance::System;

    static Preferences load();
    void save() const;

    // "" (the system's), "en" or "ja": what Application's --language option takes.
    static QString languageCode(Language language);
};

} // namespace maildeck::ui
