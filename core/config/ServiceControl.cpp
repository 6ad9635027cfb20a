#include "core/config/ServiceControl.h"

#include "core/ssh/Sudo.h"

#include <QCoreApplication>

namespace maildeck::config {

namespace {

PlannedCommand shellCommand(const QString &line) {
    PlannedCommand c;
    c.argv = {QStringLiteral("sh"), QStringLiteral("-c"), line};
    return c;
}

ServerFlavour flavourFor(ServiceManager manager) {
    switch (manager) {
    case ServiceManager::Systemd:
        return ServerFlavour::Debian;
    case ServiceManager::FreeBsdRc:
        return ServerFlavour::FreeBsd;
    case ServiceManager::OpenBsdRcctl:
        return ServerFlavour::OpenBsd;
    case ServiceManager::ProfileCommands:
        return ServerFlavour::Lab;
    }
    return ServerFlavour::Debian;
}

} // namespace

ServiceControl::ServiceControl()
    : m_paths(ServerPaths::defaultsFor(ServerFlavour::Debian)) {}

ServiceControl::ServiceControl(ServerFlavour flavour, const ServerPaths &paths)
    : m_flavour(flavour)
    , m_paths(paths) {}

ServiceControl ServiceControl::fromProfile(const ServerProfile &profile) {
    return ServiceControl(profile.flavour, profile.paths);
}

ServiceControl ServiceControl::forManager(ServiceManager manager) {
    const ServerFlavour flavour = flavourFor(manager);
    return ServiceControl(flavour, ServerPaths::defaultsFor(flavour));
}

ServiceManager ServiceControl::manager() const {
    switch (m_flavour) {
    case ServerFlavour::Debian:
    case ServerFlavour::Rhel:
        return ServiceManager::Systemd;
    case ServerFlavour::FreeBsd:
        return ServiceManager::FreeBsdRc;
    case ServerFlavour::OpenBsd:
        return ServiceManager::OpenBsdRcctl;
    case ServerFlavour::Lab:
        return ServiceManager::ProfileCommands;
    }
    return ServiceManager::Systemd;
}

QString ServiceControl::changeHistoryDir() const {
    return m_paths.changeHistoryDir.isEmpty() ? QStringLiteral("/var/lib/maildeck/changes")
                                              : m_paths.changeHistoryDir;
}

PlannedCommand ServiceControl::reloadCommand(const QString &service) const {
    // iRedAPD reads settings.py only at start: it needs a restart; the others reload.
    const bool restart = service == QLatin1String("iredapd");
    const QString verb = restart ? QStringLiteral("restart") : QStringLiteral("reload");
    PlannedCommand c;
    const bool own = manager() == ServiceManager::ProfileCommands;
    if (restart && !m_paths.iredapdRestartCommand.isEmpty()) {
        c = shellCommand(m_paths.iredapdRestartCommand);
    } else if (own && service == QLatin1String("postfix")) {
        c = shellCommand(m_paths.postfixCommand + QStringLiteral(" reload"));
    } else if (own && service == QLatin1String("dovecot")) {
        c = shellCommand(m_paths.dovecotCommand + QStringLiteral(" reload"));
    } else {
        switch (manager()) {
        case ServiceManager::Systemd:
        case ServiceManager::ProfileCommands: // no own command for this service
            c.argv = {QStringLiteral("systemctl"), verb, service};
            break;
        case ServiceManager::FreeBsdRc:
            c.argv = {QStringLiteral("service"), service, verb};
            break;
        case ServiceManager::OpenBsdRcctl:
            c.argv = {QStringLiteral("rcctl"), verb, service};
            break;
        }
    }
    c.purpose =
        restart
            ? QCoreApplication::translate("ChangeSet", "Restart %1 so it reads the new settings.")
                  .arg(service)
            : QCoreApplication::translate("ChangeSet",
                                          "Reload %1 so it reads the new configuration.")
                  .arg(service);
    return c;
}

PlannedCommand ServiceControl::isActiveCommand(const QString &service) const {
    PlannedCommand c;
    const bool own = manager() == ServiceManager::ProfileCommands;
    if (service == QLatin1String("iredapd") && !m_paths.iredapdStatusCommand.isEmpty()) {
        c = shellCommand(m_paths.iredapdStatusCommand);
    } else if (own && service == QLatin1String("postfix")) {
        c = shellCommand(m_paths.postfixCommand + QStringLiteral(" status"));
    } else if (own && service == QLatin1String("dovecot")) {
        // Dovecot's master writes its pid to <base_dir>/master.pid.
        c = shellCommand(QStringLiteral("pid=$(cat \"$(doveconf -c %1 -h base_dir)/master.pid\") "
                                        "&& kill -0 \"$pid\"")
                             .arg(Sudo::shellQuote(m_paths.dovecotConfig)));
    } else {
        switch (manager()) {
        case ServiceManager::Systemd:
        case ServiceManager::ProfileCommands:
            c.argv = {QStringLiteral("systemctl"), QStringLiteral("is-active"), service};
            break;
        case ServiceManager::FreeBsdRc:
            c.argv = {QStringLiteral("service"), service, QStringLiteral("status")};
            break;
        case ServiceManager::OpenBsdRcctl:
            c.argv = {QStringLiteral("rcctl"), QStringLiteral("check"), service};
            break;
        }
    }
    c.purpose = QCoreApplication::translate("ChangeSet", "Check that %1 is running.").arg(service);
    return c;
}

QList<PlannedCommand> ServiceControl::liveChecks(const QString &service) const {
    QList<PlannedCommand> out;
    if (service == QLatin1String("dovecot")) {
        PlannedCommand live;
        live.argv = {QStringLiteral("doveconf"), QStringLiteral("-c"), m_paths.dovecotConfig,
                     QStringLiteral("-n")};
        live.purpose =
            QCoreApplication::translate("ChangeSet", "Dovecot reads the installed configuration.");
        out << live;
    }
    return out;
}

QList<PlannedCommand> ServiceControl::validationCommands(const FileEdit &e) const {
    QList<PlannedCommand> out;
    const QString root = ChangeSet::configRootFor(e);
    const QString stage = ChangeSet::stageDirFor(e);
    switch (e.kind) {
    case ConfigFileKind::PostfixMain:
    case ConfigFileKind::PostfixMaster: {
        PlannedCommand postconf;
        postconf.argv = {QStringLiteral("postconf"), QStringLiteral("-c"), stage,
                         QStringLiteral("-n")};
        postconf.baselineArgv = {QStringLiteral("postconf"), QStringLiteral("-c"), root,
                                 QStringLiteral("-n")};
        postconf.failOnNewWarnings = true;
        postconf.forPath = e.path;
        postconf.purpose = QCoreApplication::translate(
            "ChangeSet", "Postfix reads the new configuration without new warnings.");
        PlannedCommand check;
        check.argv = {QStringLiteral("postfix"), QStringLiteral("-c"), stage,
                      QStringLiteral("check")};
        check.baselineArgv = {QStringLiteral("postfix"), QStringLiteral("-c"), root,
                              QStringLiteral("check")};
        check.failOnNewWarnings = true;
        check.forPath = e.path;
        check.purpose = QCoreApplication::translate("ChangeSet",
                                                    "postfix check accepts the new configuration.");
        out << postconf << check;
        break;
    }
    case ConfigFileKind::Dovecot: {
        // The main file of this server's Dovecot when it is in the staged tree.
        QString main = root + QStringLiteral("/dovecot.conf");
        if (m_paths.dovecotConfig.startsWith(root + QLatin1Char('/')))
            main = m_paths.dovecotConfig;
        PlannedCommand doveconf;
        doveconf.argv = {QStringLiteral("doveconf"), QStringLiteral("-c"),
                         stage + main.mid(root.size()), QStringLiteral("-n")};
        doveconf.baselineArgv = {QStringLiteral("doveconf"), QStringLiteral("-c"), main,
                                 QStringLiteral("-n")};
        doveconf.failOnNewWarnings = true;
        doveconf.forPath = e.path;
        doveconf.purpose = QCoreApplication::translate(
            "ChangeSet", "Dovecot accepts the new configuration (doveconf exits with 0).");
        out << doveconf;
        break;
    }
    case ConfigFileKind::IredapdSettings: {
        // A syntax check that writes no __pycache__ next to the file (py_compile would).
        PlannedCommand py;
        py.argv = {
            QStringLiteral("python3"), QStringLiteral("-c"),
            QStringLiteral("import ast,sys; ast.parse(open(sys.argv[1],'rb').read(), sys.argv[1])"),
            QStringLiteral("{temp}")};
        py.forPath = e.path;
        py.purpose =
            QCoreApplication::translate("ChangeSet", "The new settings.py is valid Python.");
        out << py;
        break;
    }
    case ConfigFileKind::Other:
        break;
    }
    return out;
}

} // namespace maildeck::config
