#pragma once

#include "core/common/Result.h"
#include "core/config/ChangeSet.h"
#include "core/config/ConfigText.h"
#include "core/config/DovecotConfig.h"
#include "core/config/IredapdSettings.h"
#include "core/config/PostfixMainCf.h"
#include "core/config/PostfixMasterCf.h"
#include "core/profiles/ServerProfile.h"
#include "core/ssh/SshTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace maildeck {
class SshSession;
}

namespace maildeck::config {

// One configuration file exactly as read from the server (the change set's oldContent).
struct SnapshotFile {
    QString path; // absolute path on the server
    ConfigFileKind kind = ConfigFileKind::Other;
    QByteArray content;
    QString sha256; // hex of content
};

// The effective value of one setting disagrees between MailDeck's parse of the files and the
// server's own tool (doveconf -n / postconf -n). Always reported, never hidden.
struct ConfigDisagreement {
    QString component; // "dovecot", "postfix"
    QString setting;   // "ssl", "protocol pop3/ssl", "smtpd_helo_required"
    QString computed;  // from the parsed files (empty: not set there)
    QString reported;  // from doveconf -n / postconf -n (empty: not listed)
    std::optional<ConfigLocation> where;
    QString text() const; // translated, one line
};

// Everything MailDeck read of the server's mail configuration at one moment.
struct ServerConfigSnapshot {
    QDateTime readUtc;
    ServerPaths paths;

    // Every file read, keyed by absolute path (main.cf, master.cf, each Dovecot file,
    // settings.py, libs/default_settings.py).
    QHash<QString, SnapshotFile> files;

    // Postfix
    std::optional<PostfixMainCf> mainCf;
    std::optional<PostfixMasterCf> masterCf;
    QByteArray postconfN;                  // `postconf -c DIR -n` output
    QMap<QString, QString> postconfValues; // parsed postconf -n
    QByteArray postconfM;                  // `postconf -c DIR -M` output
    QList<MasterService> postconfServices;

    // Dovecot
    std::optional<DovecotConfig> dovecot;  // the tree as Dovecot reads it (file + line)
    std::optional<DovecotConfig> doveconf; // `doveconf -c CONF -n` parsed
    QByteArray doveconfN;
    DovecotVersion dovecotVersion;

    // iRedAPD
    std::optional<IredapdSettings> iredapd;

    // What could not be read (each a translated line; reading goes on without it).
    QStringList problems;
    // The parsed files and the server's tools disagree here.
    QList<ConfigDisagreement> disagreements;

    QString mainCfPath() const;                          // paths.postfixConfigDir + "/main.cf"
    QString masterCfPath() const;                        // paths.postfixConfigDir + "/master.cf"
    const SnapshotFile *file(const QString &path) const; // nullptr if not read
};

// One place that sets a setting, for `config where` and the diagnosis.
struct SettingPlace {
    ConfigLocation where;
    QString scope; // "" (global), "protocol pop3", "remote 127.0.0.5", "submission/inet"
    QString value;
    bool effective = false;  // this is the assignment that applies (for the client asked about)
    bool overridden = false; // a later assignment of the same scope replaces it
    bool applies = true;     // its filters match the client asked about (Dovecot)
};

// A setting's effective value and every file:line that sets it (earliest first, effective last).
struct SettingReport {
    QString component; // "dovecot", "postfix"
    QString setting;
    std::optional<QString> effectiveValue; // nullopt: not set in any file (default applies)
    QList<SettingPlace> places;
    std::optional<QString> reportedValue; // doveconf -n / postconf -n (global scope)
    QString reportedBy;                   // "doveconf -n", "postconf -n"
    bool disagrees() const;
};

// Dovecot: key as the client sees it (DovecotClient filters; empty client: global scope).
// A 2.4 name is accepted on 2.3 and the other way round (dovecotName / dovecotName23).
SettingReport dovecotWhere(const ServerConfigSnapshot &snapshot, const QString &key,
                           const DovecotClient &client = {});
// Postfix: main.cf assignments plus every master.cf "-o name=" override of that parameter.
SettingReport postfixWhere(const ServerConfigSnapshot &snapshot, const QString &name);

// Builds a snapshot from contents already in hand (tests, fixtures); commands' outputs may be
// empty. files: absolute path -> content (the Dovecot tree is loaded from them).
Result<ServerConfigSnapshot> snapshotFromFiles(const ServerPaths &paths,
                                               const QHash<QString, QByteArray> &files,
                                               const QByteArray &postconfN = {},
                                               const QByteArray &postconfM = {},
                                               const QByteArray &doveconfN = {});

// The parsed tree and the tools' output compared (fills snapshot.disagreements).
QList<ConfigDisagreement> crossCheckSnapshot(const ServerConfigSnapshot &snapshot);

// Quotes a glob pattern for /bin/sh so that only *, ? and [...] are expanded: every other
// character is single-quoted ("/etc/dovecot/conf.d/*.conf" -> "'/etc/dovecot/conf.d/'*'.conf'").
// (Single words: Sudo::shellQuote.)
QString shellGlobWord(const QString &pattern);

// Reads the server's configuration over the profile's SSH session with privileged commands
// (config files may be root-only): main.cf, master.cf, postconf -n/-M, the Dovecot tree
// (includes followed over SSH), doveconf -n, the Dovecot version, settings.py and
// libs/default_settings.py. Asynchronous; cancellable; one read at a time per reader.
class ServerConfigReader : public QObject {
    Q_OBJECT
public:
    ServerConfigReader(SshSession *session, const ServerPaths &paths, QObject *parent = nullptr);
    ~ServerConfigReader() override;

    // Starts reading. The future finishes with the snapshot or an error (only when nothing of
    // the mail configuration could be read, or on cancel: code "config.read.cancelled").
    QFuture<Result<ServerConfigSnapshot>> read();
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    // done of total steps; what: translated ("Reading /etc/postfix/main.cf").
    void progress(int done, int total, const QString &what);

private:
    struct Run;
    void step();
    void finish(Result<ServerConfigSnapshot> result);
    QPointer<SshSession> m_session;
    ServerPaths m_paths;
    std::shared_ptr<Run> m_run;
};

} // namespace maildeck::config
