#include "core/config/ChangeSet.h"

#include "core/config/ServiceControl.h"
#include "core/config/UnifiedDiff.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>
#include <QUuid>

namespace maildeck::config {

namespace {

QString dirOf(const QString &path) {
    return path.left(std::max<qsizetype>(1, path.lastIndexOf(QLatin1Char('/'))));
}

QString serviceFor(ConfigFileKind kind) {
    switch (kind) {
    case ConfigFileKind::PostfixMain:
    case ConfigFileKind::PostfixMaster:
        return QStringLiteral("postfix");
    case ConfigFileKind::Dovecot:
        return QStringLiteral("dovecot");
    case ConfigFileKind::IredapdSettings:
        return QStringLiteral("iredapd");
    case ConfigFileKind::Other:
        break;
    }
    return {};
}

QJsonArray toArray(const QStringList &l) {
    return QJsonArray::fromStringList(l);
}

QStringList fromArray(const QJsonValue &v) {
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

QString stateName(ChangeSet::State s) {
    switch (s) {
    case ChangeSet::State::Planned:
        return QStringLiteral("planned");
    case ChangeSet::State::Applied:
        return QStringLiteral("applied");
    case ChangeSet::State::Failed:
        return QStringLiteral("failed");
    case ChangeSet::State::RolledBack:
        return QStringLiteral("rolled-back");
    }
    return {};
}

QString managerName(ServiceManager m) {
    switch (m) {
    case ServiceManager::Systemd:
        return QStringLiteral("systemd");
    case ServiceManager::FreeBsdRc:
        return QStringLiteral("freebsd-rc");
    case ServiceManager::OpenBsdRcctl:
        return QStringLiteral("openbsd-rcctl");
    case ServiceManager::ProfileCommands:
        return QStringLiteral("profile-commands");
    }
    return {};
}

} // namespace

// The directory that is staged as a whole for validation: /etc/postfix, /etc/dovecot.
QString ChangeSet::configRootFor(const FileEdit &e) {
    if (e.kind == ConfigFileKind::Dovecot) {
        const qsizetype at = e.path.indexOf(QLatin1String("/dovecot/"));
        if (at >= 0)
            return e.path.left(at + 8);
    }
    return dirOf(e.path);
}

QString ChangeSet::stageDirFor(const FileEdit &e) {
    const QString root = configRootFor(e);
    return QStringLiteral("{stage}/") + root.mid(root.lastIndexOf(QLatin1Char('/')) + 1);
}

QString ChangeSet::stagedPathFor(const FileEdit &e) {
    const QString root = configRootFor(e);
    return stageDirFor(e) + e.path.mid(root.size());
}

QString toString(ConfigFileKind kind) {
    switch (kind) {
    case ConfigFileKind::PostfixMain:
        return QStringLiteral("postfix-main");
    case ConfigFileKind::PostfixMaster:
        return QStringLiteral("postfix-master");
    case ConfigFileKind::Dovecot:
        return QStringLiteral("dovecot");
    case ConfigFileKind::IredapdSettings:
        return QStringLiteral("iredapd-settings");
    case ConfigFileKind::Other:
        return QStringLiteral("other");
    }
    return {};
}

std::optional<ConfigFileKind> configFileKindFromString(const QString &s) {
    for (const ConfigFileKind k :
         {ConfigFileKind::PostfixMain, ConfigFileKind::PostfixMaster, ConfigFileKind::Dovecot,
          ConfigFileKind::IredapdSettings, ConfigFileKind::Other}) {
        if (toString(k) == s)
            return k;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------

QString PlannedCommand::shellLine() const {
    QStringList quoted;
    for (const QString &arg : argv) {
        QString q = arg;
        q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
        quoted.append(QLatin1Char('\'') + q + QLatin1Char('\''));
    }
    return quoted.join(QLatin1Char(' '));
}

QJsonObject PlannedCommand::toJson() const {
    QJsonObject o{{QStringLiteral("argv"), toArray(argv)}, {QStringLiteral("purpose"), purpose}};
    if (!forPath.isEmpty())
        o.insert(QStringLiteral("forPath"), forPath);
    if (failOnNewWarnings)
        o.insert(QStringLiteral("failOnNewWarnings"), true);
    if (!baselineArgv.isEmpty())
        o.insert(QStringLiteral("baselineArgv"), toArray(baselineArgv));
    if (expectStdout)
        o.insert(QStringLiteral("expectStdout"), *expectStdout);
    return o;
}

PlannedCommand PlannedCommand::fromJson(const QJsonObject &o) {
    PlannedCommand c;
    c.argv = fromArray(o.value(QStringLiteral("argv")));
    c.purpose = o.value(QStringLiteral("purpose")).toString();
    c.forPath = o.value(QStringLiteral("forPath")).toString();
    c.failOnNewWarnings = o.value(QStringLiteral("failOnNewWarnings")).toBool();
    c.baselineArgv = fromArray(o.value(QStringLiteral("baselineArgv")));
    if (o.contains(QStringLiteral("expectStdout")))
        c.expectStdout = o.value(QStringLiteral("expectStdout")).toString();
    return c;
}

// ---------------------------------------------------------------------------------------------

QByteArray FileEdit::diff() const {
    return unifiedDiff(oldContent, newContent, QStringLiteral("a") + path,
                       QStringLiteral("b") + path);
}

QJsonObject FileEdit::toJson() const {
    return QJsonObject{
        {QStringLiteral("path"), path},
        {QStringLiteral("kind"), toString(kind)},
        {QStringLiteral("oldSha256"), oldSha256},
        {QStringLiteral("newSha256"), ChangeSet::sha256Hex(newContent)},
        {QStringLiteral("old"), QString::fromLatin1(oldContent.toBase64())},
        {QStringLiteral("new"), QString::fromLatin1(newContent.toBase64())},
        {QStringLiteral("summary"), summary},
        {QStringLiteral("backupPath"), backupPath},
        {QStringLiteral("tempPath"), tempPath},
    };
}

Result<FileEdit> FileEdit::fromJson(const QJsonObject &o) {
    FileEdit e;
    e.path = o.value(QStringLiteral("path")).toString();
    const std::optional<ConfigFileKind> kind =
        configFileKindFromString(o.value(QStringLiteral("kind")).toString());
    const auto decode = [](const QJsonValue &v, QByteArray &out) {
        const auto r = QByteArray::fromBase64Encoding(v.toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        out = r.decoded;
        return bool(r);
    };
    const bool okOld = decode(o.value(QStringLiteral("old")), e.oldContent);
    const bool okNew = decode(o.value(QStringLiteral("new")), e.newContent);
    e.oldSha256 = o.value(QStringLiteral("oldSha256")).toString();
    e.summary = o.value(QStringLiteral("summary")).toString();
    e.backupPath = o.value(QStringLiteral("backupPath")).toString();
    e.tempPath = o.value(QStringLiteral("tempPath")).toString();
    if (!kind || !okOld || !okNew || !e.path.startsWith(QLatin1Char('/')) ||
        e.oldSha256 != ChangeSet::sha256Hex(e.oldContent) ||
        o.value(QStringLiteral("newSha256")).toString() != ChangeSet::sha256Hex(e.newContent)) {
        return Error{
            QStringLiteral("changeset.json.invalid"),
            QCoreApplication::translate("ChangeSet", "A recorded change set is damaged (file %1).")
                .arg(e.path),
            {}};
    }
    e.kind = *kind;
    return e;
}

// ---------------------------------------------------------------------------------------------

QString ChangeSet::sha256Hex(const QByteArray &data) {
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString ChangeSet::backupPathFor(const QString &path, const QDateTime &nowUtc) {
    return path + QStringLiteral(".maildeck-") +
           nowUtc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss")) + QStringLiteral(".bak");
}

PlannedCommand ChangeSet::reloadCommand(const QString &service, ServiceManager manager) {
    return ServiceControl::forManager(manager).reloadCommand(service);
}

PlannedCommand ChangeSet::isActiveCommand(const QString &service, ServiceManager manager) {
    return ServiceControl::forManager(manager).isActiveCommand(service);
}

QList<PlannedCommand> ChangeSet::validationCommands(const FileEdit &e) {
    return ServiceControl().validationCommands(e);
}

Result<ChangeSet> ChangeSet::plan(const QString &title, const QList<Input> &inputs,
                                  ServiceManager manager, const QDateTime &nowUtc) {
    return plan(title, inputs, ServiceControl::forManager(manager), nowUtc);
}

Result<ChangeSet> ChangeSet::plan(const QString &title, const QList<Input> &inputs,
                                  const ServiceControl &control, const QDateTime &nowUtc) {
    const ServiceManager manager = control.manager();
    ChangeSet cs;
    cs.m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    cs.m_title = title;
    cs.m_created = nowUtc.toUTC();
    cs.m_manager = manager;
    QSet<QString> paths;
    for (const Input &in : inputs) {
        if (!in.path.startsWith(QLatin1Char('/')) || in.path.contains(QLatin1String("/../")) ||
            in.path.contains(QChar(0)) || in.path.contains(QLatin1Char('\n'))) {
            return Error{
                QStringLiteral("changeset.path"),
                QCoreApplication::translate("ChangeSet", "\"%1\" is not an absolute file path.")
                    .arg(in.path),
                {}};
        }
        if (paths.contains(in.path))
            return Error{
                QStringLiteral("changeset.path.twice"),
                QCoreApplication::translate("ChangeSet", "%1 is edited twice in one change set.")
                    .arg(in.path),
                {}};
        paths.insert(in.path);
        if (in.oldContent == in.newContent)
            continue;
        FileEdit e;
        e.path = in.path;
        e.kind = in.kind;
        e.oldContent = in.oldContent;
        e.oldSha256 = sha256Hex(in.oldContent);
        e.newContent = in.newContent;
        e.summary = in.summary;
        e.backupPath = backupPathFor(in.path, nowUtc);
        e.tempPath = in.path + QStringLiteral(".maildeck-tmp-") + cs.m_id.left(8);
        cs.m_edits.append(e);
    }
    if (cs.m_edits.isEmpty())
        return Error{QStringLiteral("changeset.empty"),
                     QCoreApplication::translate("ChangeSet", "The change set changes nothing."),
                     {}};
    for (const FileEdit &e : cs.m_edits)
        cs.m_validations.append(control.validationCommands(e));
    for (const QString &service : cs.services()) {
        cs.m_reloads.append(control.reloadCommand(service));
        cs.m_postChecks.append(control.isActiveCommand(service));
        cs.m_postChecks.append(control.liveChecks(service));
    }
    return cs;
}

QStringList ChangeSet::services() const {
    QStringList out;
    for (const FileEdit &e : m_edits) {
        const QString s = serviceFor(e.kind);
        if (!s.isEmpty() && !out.contains(s))
            out.append(s);
    }
    return out;
}

QList<PlanStep> ChangeSet::steps() const {
    QList<PlanStep> out;
    for (const FileEdit &e : m_edits)
        out.append({PlanStep::Kind::VerifyUnchanged, e.path, std::nullopt,
                    QCoreApplication::translate("ChangeSet",
                                                "Check that %1 has not changed since it was read.")
                        .arg(e.path)});
    QSet<QString> staged;
    for (const FileEdit &e : m_edits) {
        if (e.kind == ConfigFileKind::Other || e.kind == ConfigFileKind::IredapdSettings) {
            continue;
        }
        const QString root = configRootFor(e);
        if (!staged.contains(root)) {
            staged.insert(root);
            PlannedCommand copy;
            copy.argv = {QStringLiteral("cp"), QStringLiteral("-a"), root, stageDirFor(e)};
            copy.purpose =
                QCoreApplication::translate("ChangeSet", "Copy %1 to a private staging directory.")
                    .arg(root);
            out.append({PlanStep::Kind::Stage, e.path, copy,
                        QCoreApplication::translate("ChangeSet",
                                                    "Stage %1 with the new files for validation.")
                            .arg(root)});
        }
        out.append({PlanStep::Kind::Stage, e.path, std::nullopt,
                    QCoreApplication::translate("ChangeSet", "Write the new %1 to %2.")
                        .arg(e.path, stagedPathFor(e))});
    }
    for (const FileEdit &e : m_edits) {
        out.append({PlanStep::Kind::WriteTemp, e.path, std::nullopt,
                    QCoreApplication::translate(
                        "ChangeSet", "Write the new content to %1 with the mode and owner of %2.")
                        .arg(e.tempPath, e.path)});
    }
    for (const PlannedCommand &v : m_validations)
        out.append({PlanStep::Kind::Validate, v.forPath, v, v.purpose});
    for (const FileEdit &e : m_edits) {
        PlannedCommand cp;
        cp.argv = {QStringLiteral("cp"), QStringLiteral("-p"), e.path, e.backupPath};
        cp.purpose = QCoreApplication::translate("ChangeSet", "Back up %1.").arg(e.path);
        out.append({PlanStep::Kind::Backup, e.path, cp, cp.purpose});
    }
    for (const FileEdit &e : m_edits) {
        PlannedCommand mv;
        mv.argv = {QStringLiteral("mv"), QStringLiteral("-f"), e.tempPath, e.path};
        mv.purpose =
            QCoreApplication::translate("ChangeSet", "Replace %1 in one step.").arg(e.path);
        out.append({PlanStep::Kind::Install, e.path, mv, mv.purpose});
    }
    for (const PlannedCommand &r : m_reloads)
        out.append({PlanStep::Kind::Reload, {}, r, r.purpose});
    for (const PlannedCommand &p : m_postChecks)
        out.append({PlanStep::Kind::PostCheck, p.forPath, p, p.purpose});
    return out;
}

QList<PlanStep> ChangeSet::rollbackSteps() const {
    QList<PlanStep> out;
    for (const FileEdit &e : m_edits) {
        // Copy the backup to a temp file, then rename: the live file is never half-written.
        PlannedCommand cp;
        cp.argv = {QStringLiteral("cp"), QStringLiteral("-p"), e.backupPath, e.tempPath};
        cp.purpose = QCoreApplication::translate("ChangeSet", "Copy the backup of %1 next to it.")
                         .arg(e.path);
        out.append({PlanStep::Kind::WriteTemp, e.path, cp, cp.purpose});
        PlannedCommand mv;
        mv.argv = {QStringLiteral("mv"), QStringLiteral("-f"), e.tempPath, e.path};
        mv.purpose = QCoreApplication::translate("ChangeSet", "Put the old %1 back in one step.")
                         .arg(e.path);
        out.append({PlanStep::Kind::Install, e.path, mv, mv.purpose});
    }
    for (const PlannedCommand &r : m_reloads)
        out.append({PlanStep::Kind::Reload, {}, r, r.purpose});
    // The running checks of this plan (not the ones proving the new value).
    for (const PlannedCommand &c : m_postChecks) {
        if (!c.expectStdout)
            out.append({PlanStep::Kind::PostCheck, {}, c, c.purpose});
    }
    return out;
}

QByteArray ChangeSet::unifiedDiff() const {
    QByteArray out;
    for (const FileEdit &e : m_edits)
        out += e.diff();
    return out;
}

Result<ChangeSet> ChangeSet::reverted(const QDateTime &nowUtc) const {
    QList<Input> inputs;
    for (const FileEdit &e : m_edits)
        inputs.append({e.path, e.kind, e.newContent, e.oldContent,
                       QCoreApplication::translate("ChangeSet", "Revert: %1").arg(e.summary)});
    Result<ChangeSet> r = plan(QCoreApplication::translate("ChangeSet", "Revert: %1").arg(m_title),
                               inputs, m_manager, nowUtc);
    if (!r)
        return r;
    // The same server: its recorded commands, not the defaults of the service manager.
    ChangeSet &cs = r.value();
    if (!m_origin.isEmpty())
        cs.m_origin = QStringLiteral("revert:") + m_origin;
    cs.m_revertOf = m_id;
    cs.m_manager = m_manager;
    cs.m_validations = m_validations;
    cs.m_reloads = m_reloads;
    cs.m_postChecks.clear();
    for (const PlannedCommand &c : m_postChecks) {
        if (!c.expectStdout)
            cs.m_postChecks.append(c);
    }
    return r;
}

void ChangeSet::setState(State s, const QDateTime &whenUtc, const QString &note) {
    m_state = s;
    m_finished = whenUtc.toUTC();
    m_note = note;
}

QJsonObject ChangeSet::toJson() const {
    QJsonArray edits, validations, reloads, checks;
    for (const FileEdit &e : m_edits)
        edits.append(e.toJson());
    for (const PlannedCommand &c : m_validations)
        validations.append(c.toJson());
    for (const PlannedCommand &c : m_reloads)
        reloads.append(c.toJson());
    for (const PlannedCommand &c : m_postChecks)
        checks.append(c.toJson());
    QJsonObject o{
        {QStringLiteral("format"), 1},
        {QStringLiteral("id"), m_id},
        {QStringLiteral("title"), m_title},
        {QStringLiteral("created"), m_created.toString(Qt::ISODate)},
        {QStringLiteral("serviceManager"), managerName(m_manager)},
        {QStringLiteral("state"), stateName(m_state)},
        {QStringLiteral("edits"), edits},
        {QStringLiteral("validations"), validations},
        {QStringLiteral("reloads"), reloads},
        {QStringLiteral("postChecks"), checks},
    };
    if (m_finished.isValid())
        o.insert(QStringLiteral("finished"), m_finished.toString(Qt::ISODate));
    if (!m_note.isEmpty())
        o.insert(QStringLiteral("note"), m_note);
    if (!m_author.isEmpty())
        o.insert(QStringLiteral("author"), m_author);
    if (!m_origin.isEmpty())
        o.insert(QStringLiteral("origin"), m_origin);
    if (!m_revertOf.isEmpty())
        o.insert(QStringLiteral("revertOf"), m_revertOf);
    return o;
}

Result<ChangeSet> ChangeSet::fromJson(const QJsonObject &o) {
    const Error damaged{
        QStringLiteral("changeset.json.invalid"),
        QCoreApplication::translate("ChangeSet", "A recorded change set is damaged."),
        {}};
    if (o.value(QStringLiteral("format")).toInt() != 1)
        return damaged;
    ChangeSet cs;
    cs.m_id = o.value(QStringLiteral("id")).toString();
    cs.m_title = o.value(QStringLiteral("title")).toString();
    cs.m_origin = o.value(QStringLiteral("origin")).toString();
    cs.m_revertOf = o.value(QStringLiteral("revertOf")).toString();
    cs.m_created =
        QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
    bool okManager = false;
    for (const ServiceManager m : {ServiceManager::Systemd, ServiceManager::FreeBsdRc,
                                   ServiceManager::OpenBsdRcctl, ServiceManager::ProfileCommands}) {
        if (managerName(m) == o.value(QStringLiteral("serviceManager")).toString()) {
            cs.m_manager = m;
            okManager = true;
        }
    }
    bool okState = false;
    for (const State s : {State::Planned, State::Applied, State::Failed, State::RolledBack}) {
        if (stateName(s) == o.value(QStringLiteral("state")).toString()) {
            cs.m_state = s;
            okState = true;
        }
    }
    if (cs.m_id.isEmpty() || !cs.m_created.isValid() || !okManager || !okState)
        return damaged;
    for (const QJsonValue &v : o.value(QStringLiteral("edits")).toArray()) {
        Result<FileEdit> e = FileEdit::fromJson(v.toObject());
        if (!e)
            return e.error();
        cs.m_edits.append(std::move(e).value());
    }
    for (const QJsonValue &v : o.value(QStringLiteral("validations")).toArray())
        cs.m_validations.append(PlannedCommand::fromJson(v.toObject()));
    for (const QJsonValue &v : o.value(QStringLiteral("reloads")).toArray())
        cs.m_reloads.append(PlannedCommand::fromJson(v.toObject()));
    for (const QJsonValue &v : o.value(QStringLiteral("postChecks")).toArray())
        cs.m_postChecks.append(PlannedCommand::fromJson(v.toObject()));
    if (o.contains(QStringLiteral("finished")))
        cs.m_finished =
            QDateTime::fromString(o.value(QStringLiteral("finished")).toString(), Qt::ISODate);
    cs.m_note = o.value(QStringLiteral("note")).toString();
    cs.m_author = o.value(QStringLiteral("author")).toString();
    return cs;
}

} // namespace maildeck::config
