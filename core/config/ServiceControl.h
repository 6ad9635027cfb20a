#pragma once

#include "core/config/ChangeSet.h"
#include "core/profiles/ServerProfile.h"

#include <QList>
#include <QString>

namespace maildeck::config {

// How MailDeck controls and checks the mail services of one server, and with which paths it
// validates their configuration. Built from the profile's flavour and paths:
// - Debian/RHEL: systemd (`systemctl reload postfix`, `systemctl is-active dovecot`);
// - FreeBSD: `service postfix reload` / `service postfix status`;
// - OpenBSD: `rcctl reload postfix` / `rcctl check postfix`;
// - Lab (and every profile whose commands are given): the profile's own commands, run through
//   `sh -c`: `<postfixCommand> reload`, `<postfixCommand> status`, `<dovecotCommand> reload`,
//   a running check of Dovecot's master (`doveadm -c <conf> … ` / pid), and
//   `iredapdRestartCommand` for iRedAPD (empty: the service manager's restart).
// Validation always uses the profile's paths (`postconf -c <dir>`, `postfix -c <dir> check`,
// `doveconf -c <conf> -n`), never /etc defaults. Pure (no I/O).
class ServiceControl {
public:
    ServiceControl(); // Debian defaults
    ServiceControl(ServerFlavour flavour, const ServerPaths &paths);
    static ServiceControl fromProfile(const ServerProfile &profile);
    // Defaults for a service manager recorded in a change set (ChangeSet::serviceManager()).
    static ServiceControl forManager(ServiceManager manager);

    ServerFlavour flavour() const { return m_flavour; }
    const ServerPaths &paths() const { return m_paths; }
    ServiceManager manager() const;

    // "postfix", "dovecot", "iredapd". iRedAPD is restarted (it reads settings.py only at
    // start), the others reloaded.
    PlannedCommand reloadCommand(const QString &service) const;
    // Succeeds (exit 0) while the service runs.
    PlannedCommand isActiveCommand(const QString &service) const;
    // Post-checks beyond "is running" for one service: Dovecot reads the installed
    // configuration (`doveconf -c <conf> -n`).
    QList<PlannedCommand> liveChecks(const QString &service) const;
    // Validation of one edited file on the staged copy ({stage}/{temp} placeholders, see
    // PlannedCommand), with failOnNewWarnings and the live baseline.
    QList<PlannedCommand> validationCommands(const FileEdit &edit) const;

    // Root-only directory on the server holding the change history (one JSON per change set)
    // and, under "<dir>/run/<id>", each change set's staging area, script and journal.
    QString changeHistoryDir() const;

private:
    ServerFlavour m_flavour = ServerFlavour::Debian;
    ServerPaths m_paths;
};

} // namespace maildeck::config
