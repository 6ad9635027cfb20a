#include "core/config/ServerConfigReader.h"

#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QPromise>
#include <QSet>

#include <algorithm>

namespace maildeck::config {

namespace {

// PATH for privileged commands: postconf/doveconf live in sbin directories.
const char *const kPathPrefix =
    "PATH=\"$PATH:/usr/sbin:/sbin:/usr/local/sbin:/usr/local/bin\"; export PATH; ";

QString dirOf(const QString &path) {
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash <= 0 ? QStringLiteral("/") : path.left(slash);
}

QString defaultSettingsPath(const ServerPaths &paths) {
    if (paths.iredapdSettings.isEmpty())
        return {};
    return dirOf(paths.iredapdSettings) + QStringLiteral("/libs/default_settings.py");
}

QString scopeText(const QStringList &scope) {
    return scope.join(QStringLiteral(" / "));
}

// Whether every filter section of scope matches the client; non-filter sections never match.
bool scopeApplies(const QStringList &scope, const DovecotClient &client) {
    for (const QString &section : scope) {
        const qsizetype sp = section.indexOf(QLatin1Char(' '));
        const QString type = sp < 0 ? section : section.left(sp);
        const QString name = sp < 0 ? QString() : section.mid(sp + 1).trimmed();
        if (type == QLatin1String("protocol")) {
            const QStringList names = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            bool any = false;
            for (const QString &n : names) {
                if (n.startsWith(QLatin1Char('!')) ? n.mid(1) != client.protocol
                                                   : n == client.protocol)
                    any = true;
            }
            if (!any)
                return false;
        } else if (type == QLatin1String("remote") || type == QLatin1String("local")) {
            const QString ip = type == QLatin1String("remote") ? client.remoteIp : client.localIp;
            const QHostAddress addr(ip);
            if (addr.isNull())
                return false;
            const auto subnet = QHostAddress::parseSubnet(
                name.contains(QLatin1Char('/'))
                    ? name
                    : name + (name.contains(QLatin1Char(':')) ? QStringLiteral("/128")
                                                              : QStringLiteral("/32")));
            if (subnet.first.isNull() || !addr.isInSubnet(subnet))
                return false;
        } else if (type == QLatin1String("local_name")) {
            if (QString(name).remove(QLatin1Char('"')) != client.localName)
                return false;
        } else {
            return false;
        }
    }
    return true;
}

bool clientIsEmpty(const DovecotClient &c) {
    return c.protocol.isEmpty() && c.remoteIp.isEmpty() && c.localIp.isEmpty() &&
           c.localName.isEmpty();
}

// Framed output of the batch fetch script: per path "F <size>\n<bytes>" or "M\n"; per glob
// "G\n", then per match "P <path>\n" and its content framed like a path, then "E\n"; per command
// "C <exit> <size>\n<stdout>".
struct FetchResult {
    QHash<QString, std::optional<QByteArray>> files;
    QHash<QString, QStringList> globs;
    QList<std::pair<int, QByteArray>> commands;
};

QString fileFrame(const QString &quotedPath) {
    return QStringLiteral("if [ -f %1 ] && [ -r %1 ]; then printf 'F %s\\n' \"$(wc -c < %1 | "
                          "tr -d ' ')\"; cat -- %1; else printf 'M\\n'; fi; ")
        .arg(quotedPath);
}

QString fetchScript(const QStringList &paths, const QStringList &globs,
                    const QStringList &commands = {}) {
    QString s;
    for (const QString &p : paths)
        s += fileFrame(Sudo::shellQuote(p));
    for (const QString &g : globs) {
        s += QStringLiteral("printf 'G\\n'; for f in %1; do if [ -e \"$f\" ]; then printf 'P "
                            "%s\\n' \"$f\"; %2 fi; done; printf 'E\\n'; ")
                 .arg(shellGlobWord(g), fileFrame(QStringLiteral("\"$f\"")));
    }
    for (const QString &c : commands) {
        // The output goes through a temp file so that its exact size is known.
        s += QStringLiteral("t=$(mktemp) || exit 1; ( %1 ) >\"$t\" 2>/dev/null; r=$?; "
                            "printf 'C %s %s\\n' \"$r\" \"$(wc -c < \"$t\" | tr -d ' ')\"; "
                            "cat -- \"$t\"; rm -f -- \"$t\"; ")
                 .arg(c);
    }
    s += QStringLiteral("true");
    return s;
}

Result<FetchResult> parseFetch(const QByteArray &out, const QStringList &paths,
                               const QStringList &globs, int commands = 0) {
    FetchResult r;
    qsizetype pos = 0;
    const auto bad = [] {
        return Error{QStringLiteral("config.read.garbled"),
                     QCoreApplication::translate(
                         "maildeck::config::ServerConfigReader",
                         "The server's answer while reading configuration files was garbled."),
                     {}};
    };
    const auto line = [&](QByteArray *l) {
        const qsizetype nl = out.indexOf('\n', pos);
        if (nl < 0)
            return false;
        *l = out.mid(pos, nl - pos);
        pos = nl + 1;
        return true;
    };
    // One "F size\nbytes" / "M" frame.
    const auto frame = [&](std::optional<QByteArray> *content) {
        QByteArray l;
        if (!line(&l))
            return false;
        if (l == "M") {
            *content = std::nullopt;
            return true;
        }
        if (!l.startsWith("F "))
            return false;
        bool ok = false;
        const qsizetype size = l.mid(2).trimmed().toLongLong(&ok);
        if (!ok || size < 0 || pos + size > out.size())
            return false;
        *content = out.mid(pos, size);
        pos += size;
        return true;
    };
    for (const QString &p : paths) {
        std::optional<QByteArray> content;
        if (!frame(&content))
            return bad();
        r.files.insert(p, content);
    }
    for (const QString &g : globs) {
        QByteArray l;
        if (!line(&l) || l != "G")
            return bad();
        QStringList found;
        while (true) {
            if (!line(&l))
                return bad();
            if (l == "E")
                break;
            if (!l.startsWith("P "))
                return bad();
            const QString path = QString::fromUtf8(l.mid(2));
            std::optional<QByteArray> content;
            if (!frame(&content))
                return bad();
            found.append(path);
            r.files.insert(path, content);
        }
        std::sort(found.begin(), found.end());
        r.globs.insert(g, found);
    }
    for (int i = 0; i < commands; ++i) {
        QByteArray l;
        if (!line(&l) || !l.startsWith("C "))
            return bad();
        const QList<QByteArray> parts = l.mid(2).split(' ');
        bool ok1 = false;
        bool ok2 = false;
        const int rc = parts.size() == 2 ? parts.at(0).toInt(&ok1) : 0;
        const qsizetype size = parts.size() == 2 ? parts.at(1).toLongLong(&ok2) : 0;
        if (!ok1 || !ok2 || size < 0 || pos + size > out.size())
            return bad();
        r.commands.append({rc, out.mid(pos, size)});
        pos += size;
    }
    return r;
}

ConfigFileKind kindForPath(const ServerPaths &paths, const QString &path) {
    if (path == paths.postfixConfigDir + QStringLiteral("/main.cf"))
        return ConfigFileKind::PostfixMain;
    if (path == paths.postfixConfigDir + QStringLiteral("/master.cf"))
        return ConfigFileKind::PostfixMaster;
    if (path == paths.iredapdSettings)
        return ConfigFileKind::IredapdSettings;
    if (path == defaultSettingsPath(paths))
        return ConfigFileKind::Other;
    return ConfigFileKind::Dovecot;
}

void addFile(ServerConfigSnapshot &s, const QString &path, const QByteArray &content) {
    SnapshotFile f;
    f.path = path;
    f.kind = kindForPath(s.paths, path);
    f.content = content;
    f.sha256 = ChangeSet::sha256Hex(content);
    s.files.insert(path, f);
}

// Parses what is not Dovecot (main.cf, master.cf, postconf output, settings.py).
void parseNonDovecot(ServerConfigSnapshot &s) {
    if (const SnapshotFile *f = s.file(s.mainCfPath())) {
        auto r = PostfixMainCf::parse(f->content, f->path);
        if (r)
            s.mainCf = *r;
        else
            s.problems.append(r.error().message);
    }
    if (const SnapshotFile *f = s.file(s.masterCfPath())) {
        auto r = PostfixMasterCf::parse(f->content, f->path);
        if (r)
            s.masterCf = *r;
        else
            s.problems.append(r.error().message);
    }
    if (!s.postconfN.isEmpty()) {
        auto r = parsePostconfOutput(s.postconfN);
        if (r)
            s.postconfValues = *r;
        else
            s.problems.append(r.error().message);
    }
    if (!s.postconfM.isEmpty()) {
        auto r = parsePostconfM(s.postconfM);
        if (r)
            s.postconfServices = *r;
        else
            s.problems.append(r.error().message);
    }
    if (const SnapshotFile *f = s.file(s.paths.iredapdSettings)) {
        std::optional<QByteArray> defaults;
        if (const SnapshotFile *d = s.file(defaultSettingsPath(s.paths)))
            defaults = d->content;
        auto r = IredapdSettings::parse(f->content, f->path, defaults);
        if (r)
            s.iredapd = *r;
        else
            s.problems.append(r.error().message);
    }
    if (!s.doveconfN.isEmpty()) {
        auto r = DovecotConfig::parseText(s.doveconfN);
        if (r)
            s.doveconf = *r;
        else
            s.problems.append(r.error().message);
        if (!s.dovecotVersion.isValid())
            s.dovecotVersion = DovecotVersion::parse(s.doveconfN);
    }
}

} // namespace

QString ConfigDisagreement::text() const {
    const QString at = where ? where->toString() : QString();
    if (computed.isEmpty())
        return QCoreApplication::translate("maildeck::config::ServerConfigReader",
                                           "%1 %2: the files do not set it, %3 says \"%4\"")
            .arg(component, setting,
                 component == QLatin1String("dovecot") ? QStringLiteral("doveconf -n")
                                                       : QStringLiteral("postconf -n"),
                 reported);
    if (reported.isEmpty())
        return QCoreApplication::translate(
                   "maildeck::config::ServerConfigReader",
                   "%1 %2: the files say \"%3\" (%4), the server's tool does not list it")
            .arg(component, setting, computed, at);
    return QCoreApplication::translate(
               "maildeck::config::ServerConfigReader",
               "%1 %2: the files say \"%3\" (%4), the server's tool says \"%5\"")
        .arg(component, setting, computed, at, reported);
}

QString ServerConfigSnapshot::mainCfPath() const {
    return paths.postfixConfigDir + QStringLiteral("/main.cf");
}

QString ServerConfigSnapshot::masterCfPath() const {
    return paths.postfixConfigDir + QStringLiteral("/master.cf");
}

const SnapshotFile *ServerConfigSnapshot::file(const QString &path) const {
    const auto it = files.constFind(path);
    return it == files.constEnd() ? nullptr : &it.value();
}

bool SettingReport::disagrees() const {
    if (!reportedValue)
        return false;
    return effectiveValue.value_or(QString()) != *reportedValue;
}

QString shellGlobWord(const QString &pattern) {
    QString out;
    QString literal;
    const auto flush = [&] {
        if (!literal.isEmpty())
            out += Sudo::shellQuote(literal);
        literal.clear();
    };
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('*') || c == QLatin1Char('?')) {
            flush();
            out += c;
        } else if (c == QLatin1Char('[')) {
            // A bracket expression of plain characters stays a bracket expression.
            const qsizetype close = pattern.indexOf(QLatin1Char(']'), i + 2);
            bool plain = close > i;
            for (qsizetype j = i + 1; plain && j < close; ++j) {
                const QChar d = pattern.at(j);
                plain = d.isLetterOrNumber() || d == QLatin1Char('-') || d == QLatin1Char('_') ||
                        d == QLatin1Char('.') || (j == i + 1 && d == QLatin1Char('!'));
                plain = plain && d.unicode() < 128;
            }
            if (plain) {
                flush();
                out += pattern.mid(i, close - i + 1);
                i = close;
            } else {
                literal += c;
            }
        } else {
            literal += c;
        }
    }
    flush();
    return out.isEmpty() ? QStringLiteral("''") : out;
}

QList<ConfigDisagreement> crossCheckSnapshot(const ServerConfigSnapshot &s) {
    QList<ConfigDisagreement> out;
    if (s.dovecot && s.doveconf) {
        for (const DovecotDifference &d : crossCheck(*s.dovecot, *s.doveconf)) {
            // doveconf -n omits values equal to the default: a setting only the files list is
            // not a disagreement about the effective value.
            if (d.kind == DovecotDifference::Kind::OnlyComputed)
                continue;
            // doveconf lists some empty values the files never set (namespace location).
            if (d.kind == DovecotDifference::Kind::OnlyDoveconf && d.doveconf.isEmpty())
                continue;
            out.append({QStringLiteral("dovecot"), d.path, d.computed, d.doveconf, d.where});
        }
    }
    if (s.mainCf && !s.postconfN.isEmpty()) {
        const QMap<QString, QString> mine = s.mainCf->values();
        QSet<QString> names(s.postconfValues.keyBegin(), s.postconfValues.keyEnd());
        for (auto it = mine.constBegin(); it != mine.constEnd(); ++it)
            names.insert(it.key());
        QStringList sorted(names.begin(), names.end());
        std::sort(sorted.begin(), sorted.end());
        for (const QString &name : sorted) {
            // `postconf -c DIR -n` lists config_directory because -c sets it.
            if (name == QLatin1String("config_directory") && !mine.contains(name))
                continue;
            const QString a = mine.value(name);
            const QString b = s.postconfValues.value(name);
            if (a.simplified() == b.simplified())
                continue;
            std::optional<ConfigLocation> where;
            if (const auto e = s.mainCf->effective(name))
                where = ConfigLocation{s.mainCfPath(), e->firstLine};
            out.append({QStringLiteral("postfix"), name, a, b, where});
        }
    }
    return out;
}

Result<ServerConfigSnapshot> snapshotFromFiles(const ServerPaths &paths,
                                               const QHash<QString, QByteArray> &files,
                                               const QByteArray &postconfN,
                                               const QByteArray &postconfM,
                                               const QByteArray &doveconfN) {
    ServerConfigSnapshot s;
    s.readUtc = QDateTime::currentDateTimeUtc();
    s.paths = paths;
    s.postconfN = postconfN;
    s.postconfM = postconfM;
    s.doveconfN = doveconfN;
    QSet<QString> used;
    if (!paths.dovecotConfig.isEmpty() && files.contains(paths.dovecotConfig)) {
        auto r = DovecotConfig::load(paths.dovecotConfig, ConfigFileAccess::inMemory(files));
        if (r) {
            s.dovecot = *r;
            s.dovecotVersion = r->version();
            for (const QString &f : r->files())
                addFile(s, f, files.value(f));
        } else {
            s.problems.append(r.error().message);
        }
    }
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        if (s.files.contains(it.key()))
            continue;
        if (kindForPath(paths, it.key()) == ConfigFileKind::Dovecot)
            continue; // not part of the tree Dovecot reads
        addFile(s, it.key(), it.value());
    }
    parseNonDovecot(s);
    s.disagreements = crossCheckSnapshot(s);
    if (!s.mainCf && !s.dovecot && !s.iredapd)
        return Error{QStringLiteral("config.read.nothing"),
                     QCoreApplication::translate(
                         "maildeck::config::ServerConfigReader",
                         "None of the mail server's configuration files could be read."),
                     s.problems.join(QLatin1Char('\n'))};
    return s;
}

// ---------------------------------------------------------------------------------------------

SettingReport dovecotWhere(const ServerConfigSnapshot &snapshot, const QString &key,
                           const DovecotClient &client) {
    SettingReport rep;
    rep.component = QStringLiteral("dovecot");
    rep.setting = key;
    rep.reportedBy = QStringLiteral("doveconf -n");
    if (!snapshot.dovecot)
        return rep;
    QStringList names{key};
    for (const QString &n :
         {dovecotName(dovecotName23(key), snapshot.dovecotVersion), dovecotName23(key)}) {
        if (!names.contains(n))
            names.append(n);
    }
    QString used = key;
    for (const QString &n : names) {
        if (!snapshot.dovecot->everywhere(n).isEmpty()) {
            used = n;
            break;
        }
    }
    rep.setting = used;
    const bool anyClient = !clientIsEmpty(client);
    const std::optional<DovecotSetting> eff =
        anyClient ? snapshot.dovecot->resolveFor(used, client) : snapshot.dovecot->setting(used);
    const QList<DovecotAssignment> &all = snapshot.dovecot->assignments();
    std::optional<SettingPlace> effectivePlace;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const DovecotAssignment &a = all.at(i);
        if (a.key != used)
            continue;
        SettingPlace p;
        p.where = a.where;
        p.scope = scopeText(a.scope);
        p.value = a.value;
        p.applies = a.scope.isEmpty() || (anyClient && scopeApplies(a.scope, client));
        for (qsizetype j = i + 1; j < all.size(); ++j) {
            if (all.at(j).key == used && all.at(j).scope == a.scope) {
                p.overridden = true;
                break;
            }
        }
        if (eff && eff->effective.where == a.where) {
            p.effective = true;
            effectivePlace = p;
            continue;
        }
        rep.places.append(p);
    }
    if (effectivePlace) {
        rep.places.append(*effectivePlace);
        rep.effectiveValue = effectivePlace->value;
    }
    if (snapshot.doveconf) {
        const auto r = anyClient ? snapshot.doveconf->resolveFor(used, client)
                                 : snapshot.doveconf->setting(used);
        if (r)
            rep.reportedValue = r->value();
        else if (!snapshot.doveconfN.isEmpty())
            rep.reportedValue = QString(); // not listed: the default
    }
    return rep;
}

SettingReport postfixWhere(const ServerConfigSnapshot &snapshot, const QString &name) {
    SettingReport rep;
    rep.component = QStringLiteral("postfix");
    rep.setting = name;
    rep.reportedBy = QStringLiteral("postconf -n");
    if (snapshot.mainCf) {
        const QList<PostfixParameter> as = snapshot.mainCf->assignments(name);
        for (qsizetype i = 0; i < as.size(); ++i) {
            SettingPlace p;
            p.where = {snapshot.mainCfPath(), as.at(i).firstLine};
            p.value = as.at(i).value;
            p.overridden = i + 1 < as.size();
            p.effective = i + 1 == as.size();
            rep.places.append(p);
        }
        if (!as.isEmpty())
            rep.effectiveValue = as.last().value;
    }
    if (snapshot.masterCf) {
        // Overrides per service: effective for that service only; listed before the global one.
        QList<SettingPlace> overrides;
        for (const MasterService &svc : snapshot.masterCf->services()) {
            for (const MasterOption &o : svc.options) {
                if (o.name != name)
                    continue;
                SettingPlace p;
                p.where = {snapshot.masterCfPath(), o.line};
                p.scope = svc.key();
                p.value = o.value;
                p.applies = false;
                overrides.append(p);
            }
        }
        rep.places = overrides + rep.places;
    }
    if (!snapshot.postconfN.isEmpty())
        rep.reportedValue = snapshot.postconfValues.value(name);
    return rep;
}

// ---------------------------------------------------------------------------------------------

struct ServerConfigReader::Run {
    std::shared_ptr<QPromise<Result<ServerConfigSnapshot>>> promise;
    ServerConfigSnapshot snapshot;
    CancelToken cancel;
    bool cancelled = false;
    int phase = 0;
    int done = 0;
    int total = 2;
    // The Dovecot tree, fetched as the parser asks for it.
    QHash<QString, std::optional<QByteArray>> dovecotFiles;
    QHash<QString, QStringList> dovecotGlobs;
    int dovecotRounds = 0;
    QFuture<Result<ServerConfigSnapshot>> future;
};

ServerConfigReader::ServerConfigReader(SshSession *session, const ServerPaths &paths,
                                       QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_paths(paths) {}

ServerConfigReader::~ServerConfigReader() {
    cancel();
}

bool ServerConfigReader::isRunning() const {
    return m_run != nullptr;
}

QFuture<Result<ServerConfigSnapshot>> ServerConfigReader::read() {
    if (m_run)
        return m_run->future;
    m_run = std::make_shared<Run>();
    m_run->promise = std::make_shared<QPromise<Result<ServerConfigSnapshot>>>();
    m_run->promise->start();
    m_run->future = m_run->promise->future();
    m_run->snapshot.paths = m_paths;
    m_run->snapshot.readUtc = QDateTime::currentDateTimeUtc();
    const auto future = m_run->future;
    step();
    return future;
}

void ServerConfigReader::cancel() {
    if (!m_run)
        return;
    m_run->cancelled = true;
    m_run->cancel.cancel();
    finish(Error{QStringLiteral("config.read.cancelled"),
                 QCoreApplication::translate("maildeck::config::ServerConfigReader",
                                             "Reading the server's configuration was cancelled."),
                 {}});
}

void ServerConfigReader::finish(Result<ServerConfigSnapshot> result) {
    if (!m_run)
        return;
    auto run = m_run;
    m_run.reset();
    run->promise->addResult(std::move(result));
    run->promise->finish();
}

void ServerConfigReader::step() {
    auto run = m_run;
    if (!run || run->cancelled)
        return;
    if (!m_session) {
        finish(Error{QStringLiteral("config.read.nosession"),
                     QCoreApplication::translate("maildeck::config::ServerConfigReader",
                                                 "There is no connection to the server."),
                     {}});
        return;
    }
    ServerConfigSnapshot &s = run->snapshot;
    ExecOptions opts;
    opts.privileged = true;
    opts.cancel = run->cancel;
    opts.timeoutMs = 60000;

    // Runs one command; handler gets the output (or the error is noted as a problem).
    const auto runStep = [this, run, opts](const QString &what, const QString &command,
                                           std::function<void(const CommandOutput &)> handler) {
        Q_EMIT progress(run->done, run->total, what);
        m_session->runCommand(QString::fromLatin1(kPathPrefix) + command, opts)
            .then(this, [this, run, what, handler](Result<CommandOutput> r) {
                if (run != m_run || run->cancelled)
                    return;
                if (!r) {
                    if (r.error().code.startsWith(QLatin1String("ssh.connection")) ||
                        r.error().code.startsWith(QLatin1String("ssh.auth"))) {
                        finish(r.error());
                        return;
                    }
                    run->snapshot.problems.append(what + QStringLiteral(": ") + r.error().message);
                } else {
                    handler(*r);
                }
                ++run->done;
                step();
            });
    };

    const QString postfixDir = Sudo::shellQuote(m_paths.postfixConfigDir);
    switch (run->phase++) {
    case 0: {
        // One round trip: the Postfix and iRedAPD files, Dovecot's main file and the tools'
        // views (postconf -n, postconf -M, doveconf -n, the Dovecot version).
        QStringList paths;
        if (!m_paths.postfixConfigDir.isEmpty())
            paths << s.mainCfPath() << s.masterCfPath();
        if (!m_paths.iredapdSettings.isEmpty())
            paths << m_paths.iredapdSettings << defaultSettingsPath(m_paths);
        if (!m_paths.dovecotConfig.isEmpty())
            paths << m_paths.dovecotConfig;
        const QString noop = QStringLiteral("false");
        const QStringList commands{
            m_paths.postfixConfigDir.isEmpty()
                ? noop
                : QStringLiteral("postconf -c %1 -n").arg(postfixDir),
            m_paths.postfixConfigDir.isEmpty()
                ? noop
                : QStringLiteral("postconf -c %1 -M").arg(postfixDir),
            m_paths.dovecotConfig.isEmpty()
                ? noop
                : QStringLiteral("doveconf -c %1 -n").arg(Sudo::shellQuote(m_paths.dovecotConfig)),
            m_paths.dovecotConfig.isEmpty() ? noop : QStringLiteral("dovecot --version"),
        };
        runStep(QCoreApplication::translate("maildeck::config::ServerConfigReader",
                                            "Reading the mail server's configuration"),
                fetchScript(paths, {}, commands),
                [run, paths, commands, this](const CommandOutput &o) {
                    auto f = parseFetch(o.stdOut, paths, {}, int(commands.size()));
                    if (!f) {
                        run->snapshot.problems.append(f.error().message);
                        return;
                    }
                    for (auto it = f->files.constBegin(); it != f->files.constEnd(); ++it) {
                        if (it.key() == m_paths.dovecotConfig) {
                            run->dovecotFiles.insert(it.key(), it.value());
                            continue;
                        }
                        if (it.value())
                            addFile(run->snapshot, it.key(), *it.value());
                        else if (!it.key().endsWith(QLatin1String("default_settings.py")))
                            run->snapshot.problems.append(
                                QCoreApplication::translate("maildeck::config::ServerConfigReader",
                                                            "%1 could not be read.")
                                    .arg(it.key()));
                    }
                    ServerConfigSnapshot &snap = run->snapshot;
                    const auto take = [&](int i, QByteArray *target, const QString &what) {
                        const auto &[rc, output] = f->commands.at(i);
                        if (commands.at(i) == QLatin1String("false"))
                            return;
                        if (rc == 0)
                            *target = output;
                        else
                            snap.problems.append(
                                QCoreApplication::translate("maildeck::config::ServerConfigReader",
                                                            "%1 failed (exit status %2).")
                                    .arg(what)
                                    .arg(rc));
                    };
                    take(0, &snap.postconfN, QStringLiteral("postconf -n"));
                    take(1, &snap.postconfM, QStringLiteral("postconf -M"));
                    take(2, &snap.doveconfN, QStringLiteral("doveconf -n"));
                    QByteArray version;
                    take(3, &version, QStringLiteral("dovecot --version"));
                    if (!version.isEmpty())
                        snap.dovecotVersion = DovecotVersion::parse(version);
                });
        return;
    }
    case 1: {
        if (m_paths.dovecotConfig.isEmpty())
            break;
        // Load the tree from what was fetched; what the parser missed is fetched next round.
        QStringList missingFiles;
        QStringList missingGlobs;
        ConfigFileAccess access;
        access.read = [run, &missingFiles](const QString &path) -> std::optional<QByteArray> {
            const auto it = run->dovecotFiles.constFind(path);
            if (it != run->dovecotFiles.constEnd())
                return it.value();
            if (!missingFiles.contains(path))
                missingFiles.append(path);
            return std::nullopt;
        };
        access.glob = [run, &missingGlobs](const QString &pattern) -> QStringList {
            const auto it = run->dovecotGlobs.constFind(pattern);
            if (it != run->dovecotGlobs.constEnd())
                return it.value();
            if (!missingGlobs.contains(pattern))
                missingGlobs.append(pattern);
            return {};
        };
        auto loaded = DovecotConfig::load(m_paths.dovecotConfig, access);
        if ((!missingFiles.isEmpty() || !missingGlobs.isEmpty()) && run->dovecotRounds < 12) {
            ++run->dovecotRounds;
            ++run->total;
            run->phase = 1; // again after this fetch
            runStep(QCoreApplication::translate("maildeck::config::ServerConfigReader",
                                                "Reading Dovecot's configuration files"),
                    fetchScript(missingFiles, missingGlobs),
                    [run, missingFiles, missingGlobs](const CommandOutput &o) {
                        auto f = parseFetch(o.stdOut, missingFiles, missingGlobs);
                        if (!f) {
                            run->snapshot.problems.append(f.error().message);
                            run->dovecotRounds = 100; // give up on the tree
                            return;
                        }
                        for (auto it = f->files.constBegin(); it != f->files.constEnd(); ++it)
                            run->dovecotFiles.insert(it.key(), it.value());
                        for (auto it = f->globs.constBegin(); it != f->globs.constEnd(); ++it)
                            run->dovecotGlobs.insert(it.key(), it.value());
                    });
            return;
        }
        if (loaded) {
            s.dovecot = *loaded;
            for (const QString &f : loaded->files()) {
                if (const auto c = run->dovecotFiles.value(f))
                    addFile(s, f, *c);
            }
        } else {
            s.problems.append(loaded.error().message);
        }
        break;
    }
    default: {
        parseNonDovecot(s);
        if (!s.dovecotVersion.isValid() && s.dovecot)
            s.dovecotVersion = s.dovecot->version();
        s.disagreements = crossCheckSnapshot(s);
        Q_EMIT progress(
            run->total, run->total,
            QCoreApplication::translate("maildeck::config::ServerConfigReader", "Done"));
        if (!s.mainCf && !s.dovecot && !s.iredapd) {
            finish(Error{QStringLiteral("config.read.nothing"),
                         QCoreApplication::translate(
                             "maildeck::config::ServerConfigReader",
                             "None of the mail server's configuration files could be read."),
                         s.problems.join(QLatin1Char('\n'))});
            return;
        }
        finish(s);
        return;
    }
    }
    // A phase with nothing to do: go on.
    ++run->done;
    step();
}

} // namespace maildeck::config
