#include "core/session/IredadminSettings.h"

#include "core/session/ServerConnection.h"

#include <QPromise>

#include <memory>

namespace maildeck {

namespace {

// `text` starts just after the opening quote; the string up to the closing one, unescaped.
std::optional<QString> quoted(QStringView text, QChar quote) {
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == quote)
            return out;
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            const QChar n = text.at(++i);
            if (n == QLatin1Char('n'))
                out += QLatin1Char('\n');
            else if (n == QLatin1Char('t'))
                out += QLatin1Char('\t');
            else
                out += n;
            continue;
        }
        out += c;
    }
    return std::nullopt; // unterminated
}

} // namespace

QStringList IredadminSettings::defaultPaths() {
    return {QStringLiteral("/opt/www/iredadmin/settings.py"),
            QStringLiteral("/usr/local/www/iredadmin/settings.py"),
            QStringLiteral("/var/www/iredadmin/settings.py")};
}

std::optional<QString> IredadminSettings::assignment(const QByteArray &source,
                                                     const QString &name) {
    std::optional<QString> found;
    const QStringList lines = QString::fromUtf8(source).split(QLatin1Char('\n'));
    for (const QString &rawLine : lines) {
        // Top level only: an indented line belongs to a block.
        if (!rawLine.startsWith(name))
            continue;
        QStringView rest = QStringView(rawLine).mid(name.size()).trimmed();
        if (!rest.startsWith(QLatin1Char('=')) || rest.startsWith(QLatin1String("==")))
            continue;
        rest = rest.mid(1).trimmed();
        if (rest.isEmpty())
            continue;
        const QChar first = rest.at(0);
        if (first == QLatin1Char('\'') || first == QLatin1Char('"')) {
            if (auto value = quoted(rest.mid(1), first))
                found = *value;
            continue;
        }
        const qsizetype hash = rest.indexOf(QLatin1Char('#'));
        found = (hash < 0 ? rest : rest.left(hash)).trimmed().toString();
    }
    return found;
}

PasswordSchemeSetting IredadminSettings::passwordSchemeFrom(const QByteArray &settingsPy,
                                                            const QString &path) {
    PasswordSchemeSetting s;
    const auto value = assignment(settingsPy, QStringLiteral("DEFAULT_PASSWORD_SCHEME"));
    if (!value) {
        s.note = tr("%1 does not set DEFAULT_PASSWORD_SCHEME, so iRedAdmin uses SSHA. MailDeck "
                    "does not write that weak scheme and uses SSHA512 for new passwords.")
                     .arg(path);
        return s;
    }
    s.configured = value->trimmed();
    db::PasswordScheme scheme;
    if (!db::PasswordHash::schemeFromName(s.configured, &scheme)) {
        s.note = tr("The server's DEFAULT_PASSWORD_SCHEME is \"%1\", which MailDeck does not "
                    "write; new passwords are hashed with SSHA512.")
                     .arg(s.configured.left(40));
        return s;
    }
    s.scheme = scheme;
    s.source = path;
    return s;
}

QFuture<PasswordSchemeSetting> IredadminSettings::readPasswordScheme(ServerConnection *connection,
                                                                     QStringList paths) {
    if (paths.isEmpty())
        paths = defaultPaths();
    auto promise = std::make_shared<QPromise<PasswordSchemeSetting>>();
    promise->start();
    QFuture<PasswordSchemeSetting> future = promise->future();
    auto notFound = [promise, paths] {
        PasswordSchemeSetting s;
        s.note = tr("iRedAdmin's settings.py was not found on the server (%1); new passwords are "
                    "hashed with SSHA512, iRedMail's default.")
                     .arg(paths.first());
        promise->addResult(s);
        promise->finish();
    };
    if (!connection || !connection->ssh()) {
        notFound();
        return future;
    }
    // Tries each path in turn; a missing file moves on, another failure is reported.
    auto tryPath = std::make_shared<std::function<void(int)>>();
    *tryPath = [promise, paths, connection, notFound,
                weak = std::weak_ptr<std::function<void(int)>>(tryPath)](int i) {
        if (i >= paths.size())
            return notFound();
        const QString path = paths.at(i);
        connection->readPrivilegedFile(path).then(
            // The pending read keeps the chain alive.
            connection, [promise, path, i, notFound, self = weak.lock()](Result<QByteArray> r) {
                if (r.ok()) {
                    promise->addResult(passwordSchemeFrom(r.value(), path));
                    promise->finish();
                    return;
                }
                if (r.error().message.contains(QLatin1String("No such file"))) {
                    if (self)
                        return (*self)(i + 1);
                    return notFound();
                }
                PasswordSchemeSetting s;
                s.note = tr("Could not read iRedAdmin's settings (%1); new passwords are hashed "
                            "with SSHA512.")
                             .arg(r.error().message);
                promise->addResult(s);
                promise->finish();
            });
    };
    (*tryPath)(0);
    return future;
}

} // namespace maildeck
