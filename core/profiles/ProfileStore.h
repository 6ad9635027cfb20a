#pragma once

#include "core/profiles/ServerProfile.h"

#include <QSettings>
#include <QStringList>

#include <memory>
#include <optional>

namespace maildeck {

// Server profiles in QSettings (group "profiles/<name>"). Secrets never go here.
class ProfileStore {
public:
    ProfileStore();                                  // the user's MailDeck settings
    explicit ProfileStore(const QString &iniFile);   // a given file (tests, --settings)

    QStringList names() const;
    std::optional<ServerProfile> load(const QString &name) const;
    void save(const ServerProfile &profile);
    bool remove(const QString &name);

    // Most recently used first; at most kRecentLimit entries.
    QStringList recent() const;
    void markUsed(const QString &name);
    static constexpr int kRecentLimit = 8;

    QString fileName() const { return m_settings->fileName(); }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace maildeck
