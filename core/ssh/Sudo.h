#pragma once

#include <QByteArray>
#include <QString>

namespace maildeck {

// How a privileged command runs on the server and how sudo's answers are read. Pure.
class Sudo {
public:
    enum class Mode {
        Direct,         // the SSH user is root
        NonInteractive, // `sudo -n`: works when sudo needs no password (NOPASSWD, cached)
        WithPassword,   // `sudo -S -p ''`: the password is the first line written to stdin
    };

    enum class Outcome {
        Ran,              // sudo ran the command (its exit status is the command's)
        PasswordRequired, // sudo -n refused because a password is needed
        WrongPassword,    // the password written to stdin was not accepted
        NotAllowed,       // the user may not use sudo (for this command)
        NoSudo,           // sudo is not installed
    };

    // Single-quotes a string for a POSIX shell.
    static QString shellQuote(const QString &arg);

    // The command line to run: `cmd` is a shell command; it runs under `sh -c` via sudo.
    static QString wrap(Mode mode, const QString &cmd);

    // What sudo's stderr (and the exit status) mean.
    static Outcome classify(int exitStatus, const QByteArray &stderrData);

    // sudo's own lines removed from stderr (what is left is the command's).
    static QByteArray stripSudoNoise(const QByteArray &stderrData);
};

} // namespace maildeck
