#include "core/ssh/Sudo.h"

#include <QList>

namespace maildeck {

QString Sudo::shellQuote(const QString &arg) {
    QString out = arg;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString Sudo::wrap(Mode mode, const QString &cmd) {
    switch (mode) {
    case Mode::Direct:
        return cmd;
    case Mode::NonInteractive:
        return QStringLiteral("LC_ALL=C sudo -n -- sh -c ") + shellQuote(cmd);
    case Mode::WithPassword:
        // -k: always read the password line, so it can never leak into the command's stdin.
        return QStringLiteral("LC_ALL=C sudo -S -k -p '' -- sh -c ") + shellQuote(cmd);
    }
    return cmd;
}

Sudo::Outcome Sudo::classify(int exitStatus, const QByteArray &stderrData) {
    if (exitStatus == 0)
        return Outcome::Ran;
    const QByteArray e = stderrData;
    // sudo's messages (C locale; we force LC_ALL=C for sudo is not possible from here, but the
    // English texts below are what Debian/RHEL/BSD sudo print by default).
    if (e.contains("sudo: a password is required") || e.contains("sudo: a terminal is required"))
        return Outcome::PasswordRequired;
    if (e.contains("incorrect password attempt") || e.contains("Sorry, try again.") ||
        e.contains("sudo: no password was provided"))
        return Outcome::WrongPassword;
    if (e.contains("is not in the sudoers file") || e.contains("is not allowed to execute") ||
        e.contains("may not run sudo"))
        return Outcome::NotAllowed;
    if (exitStatus == 127 &&
        (e.contains("sudo: not found") || e.contains("sudo: command not found")))
        return Outcome::NoSudo;
    return Outcome::Ran;
}

QByteArray Sudo::stripSudoNoise(const QByteArray &stderrData) {
    QByteArray out;
    const QList<QByteArray> lines = stderrData.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line == "Sorry, try again." || line.startsWith("[sudo]"))
            continue;
        out += line;
        if (i + 1 < lines.size())
            out += '\n';
    }
    return out;
}

} // namespace maildeck
