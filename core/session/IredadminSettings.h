#pragma once

// What MailDeck takes from iRedAdmin's settings.py on the server: the scheme new passwords are
// hashed with (DEFAULT_PASSWORD_SCHEME; facts/iredmail.md §3.1). The iRedMail installer appends
// `DEFAULT_PASSWORD_SCHEME = 'SSHA512'` to /opt/www/iredadmin/settings.py (Linux;
// /usr/local/www/iredadmin on FreeBSD, /var/www/iredadmin on OpenBSD).
//
//   IredadminSettings::readPasswordScheme(connection).then(this, [](PasswordSchemeSetting s) {
//       page->setDefaultPasswordScheme(s.scheme);
//       if (!s.note.isEmpty()) statusBar()->showMessage(s.note);
//   });
//
// Never fails: a missing or unreadable file, or a scheme MailDeck cannot write, gives SSHA512
// (iRedMail's Linux default) with a note saying why.

#include "core/db/PasswordHash.h"

#include <QCoreApplication>
#include <QFuture>
#include <QStringList>

#include <optional>

namespace maildeck {

class ServerConnection;

struct PasswordSchemeSetting {
    db::PasswordScheme scheme = db::PasswordScheme::Ssha512;
    QString configured; // the value in settings.py as written ("SSHA512"); empty when none
    QString source;     // the file it came from; empty when the fallback is used
    QString note;       // translated; empty when the server's setting is used as it is
};

class IredadminSettings {
    Q_DECLARE_TR_FUNCTIONS(IredadminSettings)

public:
    // Where iRedMail installs iRedAdmin's settings, most likely first.
    static QStringList defaultPaths();

    // The value of a top-level `NAME = <literal>` assignment in Python source: a quoted string
    // ('…', "…", with backslash escapes), or the bare text up to a comment. The last assignment
    // wins, as in Python. nullopt when there is none.
    static std::optional<QString> assignment(const QByteArray &source, const QString &name);

    // DEFAULT_PASSWORD_SCHEME from settings.py's text. Without it iRedAdmin falls back to its
    // default_settings.py ("SSHA"), which MailDeck does not write: SSHA512 with a note.
    static PasswordSchemeSetting passwordSchemeFrom(const QByteArray &settingsPy,
                                                    const QString &path);

    // Reads settings.py (as root when needed) from the first of `paths` (default:
    // defaultPaths()) that exists.
    static QFuture<PasswordSchemeSetting> readPasswordScheme(ServerConnection *connection,
                                                             QStringList paths = {});
};

} // namespace maildeck
