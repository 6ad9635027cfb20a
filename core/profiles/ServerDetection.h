#pragma once

#include "core/profiles/ServerProfile.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace maildeck {

// What MailDeck found out about a server's operating system on the first connect: the flavour,
// the paths that follow from it, and what to tell the admin, who accepts or corrects it (the
// profile is only changed when they do).
struct DetectedServer {
    bool recognised = false; // false: the OS could not be told; flavour is the profile's own
    ServerFlavour flavour = ServerFlavour::Debian;
    ServerPaths paths;        // the flavour's defaults, or an alternative location that exists
    QString summary;          // e.g. "Debian GNU/Linux 12 (bookworm)", "OpenBSD"; for a person
    QStringList missingPaths; // expected paths (in `paths`) that do not exist on the server
    QStringList notes;        // translated sentences: unrecognised OS, paths not found, …
};

// Pure logic of the detection; ServerConnection runs probeCommand() once over SSH.
class ServerDetection {
public:
    // The files and directories whose existence the probe reports.
    static QStringList candidatePaths();
    // One POSIX shell command: /etc/os-release, `uname -s`, then each candidate that exists.
    static QString probeCommand();

    // osRelease: the text of /etc/os-release (may be empty); uname: `uname -s` output;
    // existing: the candidates that exist; current: the profile's flavour, kept when unknown.
    static DetectedServer detect(const QString &osRelease, const QString &uname,
                                 const QStringList &existing, ServerFlavour current);
    // Splits probeCommand()'s output and calls detect().
    static DetectedServer fromProbeOutput(const QByteArray &output, ServerFlavour current);

    // The flavour an os-release text names, or nothing. Exposed for tests.
    static std::optional<ServerFlavour> flavourFromOsRelease(const QString &osRelease,
                                                             QString *prettyName = nullptr);
};

} // namespace maildeck

Q_DECLARE_METATYPE(maildeck::DetectedServer)
