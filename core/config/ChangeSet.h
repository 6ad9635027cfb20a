#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace maildeck::config {

enum class ConfigFileKind { PostfixMain, PostfixMaster, Dovecot, IredapdSettings, Other };
// How services are controlled on the server (facts §8.1).
// ProfileCommands: the profile's own commands (the lab; ServiceControl).
enum class ServiceManager { Systemd, FreeBsdRc, OpenBsdRcctl, ProfileCommands };

class ServiceControl;

// A command the runner executes on the server. argv may hold the placeholders "{stage}"
// (this change set's staging directory) and "{temp}" (the temporary file of the edit named by
// forPath); the runner substitutes them and quotes every argument (see shellLine()).
struct PlannedCommand {
    QStringList argv;
    QString purpose;                // translated, for the UI and the history
    QString forPath;                // the edited file this command belongs to (may be empty)
    bool failOnNewWarnings = false; // warnings on stderr that baselineArgv does not print fail it
    QStringList baselineArgv; // the same check on the live configuration, for the warnings baseline
    std::optional<QString> expectStdout; // post-checks: the trimmed stdout that proves the change

    // argv as one /bin/sh command line, each argument single-quoted (so no argument can run code).
    QString shellLine() const;
    QJsonObject toJson() const;
    static PlannedCommand fromJson(const QJsonObject &o);
    bool operator==(const PlannedCommand &other) const = default;
};

// One file the change set replaces.
struct FileEdit {
    QString path; // absolute path on the server
    ConfigFileKind kind = ConfigFileKind::Other;
    QByteArray oldContent; // as read before planning
    QString oldSha256;     // hex; the runner refuses to go on if the file no longer has it
    QByteArray newContent;
    QString summary;    // "ssl = required -> ssl = yes (conf.d/10-ssl.conf:6)"
    QString backupPath; // "<path>.maildeck-YYYYmmddTHHMMSS.bak", same directory
    QString tempPath;   // "<path>.maildeck-tmp-<id>", same directory (so rename is atomic)

    QByteArray diff() const; // unified diff old -> new, labelled with the path
    QJsonObject toJson() const;
    static Result<FileEdit> fromJson(const QJsonObject &o);
};

// The ordered things the runner does; the UI shows them as a checklist.
struct PlanStep {
    enum class Kind {
        VerifyUnchanged, // sha256 of the live file == oldSha256
        Backup,          // cp -p path backupPath
        Stage,           // copy the config directory to {stage} and put the new file in it
        WriteTemp,       // write newContent to tempPath, copy mode and owner from path
        Validate,        // run a validation command; failure stops before anything is replaced
        Install,         // rename tempPath over path (atomic)
        Reload,          // reload or restart a service
        PostCheck,       // prove the service runs and the value took effect
    };
    Kind kind = Kind::VerifyUnchanged;
    QString path;                          // the file concerned, if any
    std::optional<PlannedCommand> command; // for shell steps
    QString description;                   // translated
};

// A plan for changing server configuration files safely: backup, write a temp file, validate,
// atomic rename, reload, verify, and a rollback plan. Pure data: an SSH runner executes it,
// and the applied plans form the history (JSON), each revertible in one step.
class ChangeSet {
public:
    enum class State { Planned, Applied, Failed, RolledBack };

    struct Input {
        QString path;
        ConfigFileKind kind = ConfigFileKind::Other;
        QByteArray oldContent;
        QByteArray newContent;
        QString summary;
    };

    // Builds the plan. Files whose content does not change are left out; fails if nothing
    // changes or a path is not absolute. configDir (e.g. "/etc/postfix") is used for staging
    // and is derived from each path when empty.
    static Result<ChangeSet> plan(const QString &title, const QList<Input> &edits,
                                  ServiceManager manager, const QDateTime &nowUtc);
    // The same with this server's commands and paths (validation, reload, checks).
    static Result<ChangeSet> plan(const QString &title, const QList<Input> &edits,
                                  const ServiceControl &control, const QDateTime &nowUtc);

    // "<path>.maildeck-20261127T190000.bak" (UTC).
    static QString backupPathFor(const QString &path, const QDateTime &nowUtc);

    const QString &id() const { return m_id; }
    const QString &title() const { return m_title; }
    const QDateTime &createdUtc() const { return m_created; }
    ServiceManager serviceManager() const { return m_manager; }
    const QList<FileEdit> &edits() const { return m_edits; }
    const QList<PlannedCommand> &validations() const { return m_validations; }
    const QList<PlannedCommand> &reloads() const { return m_reloads; }
    const QList<PlannedCommand> &postChecks() const { return m_postChecks; }
    // The services this change set touches ("postfix", "dovecot", "iredapd").
    QStringList services() const;

    // The wizard adds proofs, e.g. {"postconf", "-h", "smtpd_helo_restrictions"} -> expected text.
    void addPostCheck(const PlannedCommand &check) { m_postChecks.append(check); }

    // Apply order, and what to do when any step fails after Backup.
    QList<PlanStep> steps() const;
    QList<PlanStep> rollbackSteps() const;

    // All files' diffs, one after the other.
    QByteArray unifiedDiff() const;

    // A new plan that puts the old contents back (for the history's "revert"); it expects the
    // files to still hold what this change set wrote. It keeps this change set's validation,
    // reload and running checks (not the checks that expect a value).
    Result<ChangeSet> reverted(const QDateTime &nowUtc) const;

    // What made it, for programs, never translated (e.g. "compat/wlm2012/192.0.2.7"): the title
    // is in the language of whoever planned it, so it cannot be used to find a change set again.
    const QString &origin() const { return m_origin; }
    void setOrigin(const QString &origin) { m_origin = origin; }
    // The id of the change set this one reverts (set by reverted()); empty otherwise.
    const QString &revertOf() const { return m_revertOf; }

    // Who applied it ("mdadmin@host via MailDeck"), set by the runner; kept in the JSON.
    const QString &author() const { return m_author; }
    void setAuthor(const QString &author) { m_author = author; }

    State state() const { return m_state; }
    void setState(State s, const QDateTime &whenUtc, const QString &note = {});
    const QDateTime &finishedUtc() const { return m_finished; }
    const QString &note() const { return m_note; }

    QJsonObject toJson() const;
    static Result<ChangeSet> fromJson(const QJsonObject &o);

    // Commands for one service on a given service manager.
    static PlannedCommand reloadCommand(const QString &service, ServiceManager manager);
    static PlannedCommand isActiveCommand(const QString &service, ServiceManager manager);
    // Validation commands for one edited file.
    static QList<PlannedCommand> validationCommands(const FileEdit &edit);
    static QString sha256Hex(const QByteArray &data);
    // The directory staged as a whole for validating an edit ("/etc/postfix"), where it is
    // staged ("{stage}/postfix") and where the edit's new file goes in it.
    static QString configRootFor(const FileEdit &edit);
    static QString stageDirFor(const FileEdit &edit);
    static QString stagedPathFor(const FileEdit &edit);

private:
    QString m_id;
    QString m_title;
    QString m_origin;
    QString m_revertOf;
    QDateTime m_created;
    ServiceManager m_manager = ServiceManager::Systemd;
    QList<FileEdit> m_edits;
    QList<PlannedCommand> m_validations;
    QList<PlannedCommand> m_reloads;
    QList<PlannedCommand> m_postChecks;
    State m_state = State::Planned;
    QDateTime m_finished;
    QString m_note;
    QString m_author;
};

QString toString(ConfigFileKind kind);
std::optional<ConfigFileKind> configFileKindFromString(const QString &s);

} // namespace maildeck::config
