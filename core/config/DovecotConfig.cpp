#include "core/config/DovecotConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <vector>

namespace maildeck::config {

namespace {

// ---------------------------------------------------------------------------------------------
// Lexer: one file's bytes -> statements with their byte spans.

struct Statement {
    enum Kind { KeyValue, KeyFile, SectionBegin, SectionEnd, Include, IncludeTry };
    Kind kind = KeyValue;
    QString key;   // setting name, section type, "!include"
    QString value; // setting value (unquoted), section name, include path
    bool quoted = false;
    int firstLine = 0;
    int lastLine = 0;
    qsizetype valueStart = 0; // byte span of the value as written (quotes included)
    qsizetype valueEnd = 0;
};

struct Lexed {
    QList<Statement> statements;
    QStringList warnings;
};

QString unescape(const QByteArray &inner) {
    QByteArray out;
    out.reserve(inner.size());
    for (qsizetype i = 0; i < inner.size(); ++i) {
        if (inner.at(i) == '\\' && i + 1 < inner.size())
            ++i;
        out.append(inner.at(i));
    }
    return QString::fromUtf8(out);
}

Result<Statement> classify(const QByteArray &full, const std::vector<qsizetype> &offs,
                           const ConfigLocation &where) {
    Statement st;
    const qsizetype n = full.size();
    const auto offsetAt = [&](qsizetype i) -> qsizetype {
        while (i < n && offs[size_t(i)] < 0)
            ++i;
        return i < n ? offs[size_t(i)] : (n > 0 ? offs[size_t(n - 1)] + 1 : 0);
    };
    qsizetype i = 0;
    while (i < n && !isBlank(full.at(i)) && full.at(i) != '=')
        ++i;
    st.key = QString::fromUtf8(full.left(i));
    while (i < n && isBlank(full.at(i)))
        ++i;
    if (st.key == QLatin1String("!include") || st.key == QLatin1String("!include_try")) {
        st.kind = st.key == QLatin1String("!include") ? Statement::Include : Statement::IncludeTry;
        QByteArray path = full.mid(i);
        if (path.size() >= 2 && (path.front() == '"' || path.front() == '\'') &&
            path.back() == path.front())
            path = path.mid(1, path.size() - 2);
        st.value = QString::fromUtf8(path);
        if (st.value.isEmpty())
            return locatedError(
                QStringLiteral("config.dovecot.include"), where,
                QCoreApplication::translate("ConfigParser", "!include needs a file name."));
        return st;
    }
    if (i < n && full.at(i) == '=') {
        if (st.key.isEmpty())
            return locatedError(
                QStringLiteral("config.dovecot.syntax"), where,
                QCoreApplication::translate("ConfigParser", "Expected a setting name before '='."));
        ++i;
        while (i < n && isBlank(full.at(i)))
            ++i;
        st.valueStart = offsetAt(i);
        st.valueEnd = n > i ? offs[size_t(n - 1)] + 1 : st.valueStart;
        if (i < n && full.at(i) == '<') {
            ++i;
            while (i < n && isBlank(full.at(i)))
                ++i;
            st.kind = Statement::KeyFile;
            st.value = QString::fromUtf8(full.mid(i));
            return st;
        }
        const QByteArray raw = full.mid(i);
        if (raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') &&
            raw.back() == raw.front()) {
            st.value = unescape(raw.mid(1, raw.size() - 2));
            st.quoted = true;
        } else {
            st.value = QString::fromUtf8(raw);
        }
        st.kind = Statement::KeyValue;
        return st;
    }
    if (st.key == QLatin1String("}") && i >= n) {
        st.kind = Statement::SectionEnd;
        return st;
    }
    if (st.key.isEmpty() || st.key == QLatin1String("}"))
        return locatedError(
            QStringLiteral("config.dovecot.syntax"), where,
            QCoreApplication::translate("ConfigParser",
                                        "Expected \"key = value\", \"section {\" or \"}\"."));
    st.kind = Statement::SectionBegin;
    if (i < n && full.at(i) != '{') {
        if (full.at(i) == '"' || full.at(i) == '\'') {
            const char q = full.at(i);
            qsizetype j = i + 1;
            while (j < n && full.at(j) != q) {
                if (full.at(j) == '\\' && j + 1 < n)
                    ++j;
                ++j;
            }
            st.value = unescape(full.mid(i + 1, j - i - 1));
            i = j + 1;
        } else {
            const qsizetype s = i;
            while (i < n && !isBlank(full.at(i)))
                ++i;
            st.value = QString::fromUtf8(full.mid(s, i - s));
        }
        while (i < n && isBlank(full.at(i)))
            ++i;
    }
    if (i >= n || full.at(i) != '{')
        return locatedError(
            QStringLiteral("config.dovecot.syntax"), where,
            QCoreApplication::translate(
                "ConfigParser",
                "Expecting '{' after the section name (or '=' after a setting name)."));
    if (i + 1 < n)
        return locatedError(QStringLiteral("config.dovecot.syntax"), where,
                            QCoreApplication::translate("ConfigParser", "Garbage after '{'."));
    return st;
}

Result<Lexed> lex(const QByteArray &content, const QString &fileName) {
    Lexed out;
    QByteArray full;
    std::vector<qsizetype> offs;
    int firstLine = 0;
    for (const TextLine &line : splitLines(content)) {
        const ConfigLocation where{fileName, line.number};
        if (QByteArrayView(content.constData() + line.start, line.contentEnd - line.start)
                .contains('\0'))
            return locatedError(
                QStringLiteral("config.dovecot.nul"), where,
                QCoreApplication::translate("ConfigParser", "The line contains a NUL byte."));
        qsizetype p = line.start;
        while (p < line.contentEnd && isBlank(content.at(p)))
            ++p;
        if (p == line.contentEnd || content.at(p) == '#')
            continue; // blank or comment (a pending continuation goes on)
        // Strip a comment: '#' outside quotes.
        qsizetype e = line.contentEnd;
        for (qsizetype k = p; k < line.contentEnd; ++k) {
            const char c = content.at(k);
            if (c == '"' || c == '\'') {
                ++k;
                while (k < line.contentEnd && content.at(k) != c) {
                    if (content.at(k) == '\\' && k + 1 < line.contentEnd)
                        ++k;
                    ++k;
                }
                if (k >= line.contentEnd)
                    break;
            } else if (c == '#') {
                if (!isBlank(content.at(k - 1)))
                    out.warnings.append(
                        where.toString() + QStringLiteral(": ") +
                        QCoreApplication::translate("ConfigParser",
                                                    "Ambiguous '#' character in line, treated as a "
                                                    "comment (Dovecot does the same)."));
                e = k;
                break;
            }
        }
        while (e > p && isBlank(content.at(e - 1)))
            --e;
        if (full.isEmpty() && offs.empty())
            firstLine = line.number;
        if (e > p && content.at(e - 1) == '\\') {
            qsizetype ce = e - 1;
            while (ce > p && isBlank(content.at(ce - 1)))
                --ce;
            for (qsizetype k = p; k < ce; ++k) {
                full.append(content.at(k));
                offs.push_back(k);
            }
            full.append(' ');
            offs.push_back(-1);
            continue;
        }
        for (qsizetype k = p; k < e; ++k) {
            full.append(content.at(k));
            offs.push_back(k);
        }
        Result<Statement> st = classify(full, offs, {fileName, firstLine});
        if (!st)
            return st.error();
        st.value().firstLine = firstLine;
        st.value().lastLine = line.number;
        out.statements.append(std::move(st).value());
        full.clear();
        offs.clear();
    }
    if (!offs.empty()) {
        // The file ends with a backslash continuation: Dovecot reads what it has.
        while (!full.isEmpty() && full.back() == ' ') {
            full.chop(1);
            offs.pop_back();
        }
        if (!full.isEmpty()) {
            Result<Statement> st = classify(full, offs, {fileName, firstLine});
            if (!st)
                return st.error();
            st.value().firstLine = firstLine;
            st.value().lastLine = firstLine;
            out.statements.append(std::move(st).value());
        }
    }
    return out;
}

bool isUnnamedList(const QString &type) {
    return type == QLatin1String("passdb") || type == QLatin1String("userdb");
}

QString dirOf(const QString &path) {
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return QStringLiteral(".");
    return slash == 0 ? QStringLiteral("/") : path.left(slash);
}

bool hasGlob(const QString &s) {
    return s.contains(QLatin1Char('*')) || s.contains(QLatin1Char('?')) ||
           s.contains(QLatin1Char('['));
}

} // namespace

// ---------------------------------------------------------------------------------------------

class DovecotParser {
public:
    struct Frame {
        QString label;
        ConfigLocation opened;
        QHash<QString, int> unnamed;
    };

    DovecotParser(DovecotConfig &cfg, const ConfigFileAccess *files)
        : m_cfg(cfg)
        , m_files(files) {
        m_frames.append(Frame{});
    }

    QStringList scope() const {
        QStringList s;
        for (qsizetype i = 1; i < m_frames.size(); ++i)
            s.append(m_frames.at(i).label);
        return s;
    }

    std::optional<QString> lookup(const QString &key, QStringList scope) const {
        for (;;) {
            const QString path =
                scope.isEmpty() ? key : scope.join(QLatin1Char('/')) + QLatin1Char('/') + key;
            const auto it = m_current.constFind(path);
            if (it != m_current.constEnd())
                return it.value();
            if (scope.isEmpty())
                return std::nullopt;
            scope.removeLast();
        }
    }

    // Dovecot expands "$name" words (split on ' ') that start the value or follow a blank.
    QString expand(const QString &key, const QString &value, bool onlySelf,
                   const ConfigLocation &where) {
        const QStringList words = value.split(QLatin1Char(' '));
        QStringList out;
        for (const QString &w : words) {
            if (!w.startsWith(QLatin1Char('$')) || w.size() < 2) {
                out.append(w);
                continue;
            }
            const QString name = w.mid(1);
            if (name.startsWith(QLatin1String("ENV:")) || (onlySelf && name != key)) {
                out.append(w);
                continue;
            }
            const std::optional<QString> v = lookup(name, scope());
            if (v) {
                out.append(*v);
            } else if (name == key) {
                out.append(QString());
            } else {
                out.append(w);
                if (!onlySelf)
                    m_cfg.m_warnings.append(
                        where.toString() + QStringLiteral(": ") +
                        QCoreApplication::translate("ConfigParser", "Unknown variable: %1").arg(w));
            }
        }
        return out.join(QLatin1Char(' '));
    }

    Status parseContent(const QByteArray &content, const QString &path) {
        Result<Lexed> lexed = lex(content, path);
        if (!lexed)
            return lexed.error();
        m_cfg.m_warnings.append(lexed->warnings);
        for (const Statement &st : lexed->statements) {
            const ConfigLocation where{path, st.firstLine};
            switch (st.kind) {
            case Statement::KeyValue:
            case Statement::KeyFile: {
                DovecotAssignment a;
                a.scope = scope();
                a.key = st.key;
                a.rawValue = st.value;
                a.quoted = st.quoted;
                a.fileRef = st.kind == Statement::KeyFile;
                a.where = where;
                a.lastLine = st.lastLine;
                if (a.fileRef || a.quoted) {
                    a.value = a.expandedValue = a.rawValue;
                } else {
                    a.value = expand(a.key, a.rawValue, true, where);
                    a.expandedValue = expand(a.key, a.rawValue, false, where);
                }
                m_current.insert(a.path(), a.expandedValue);
                if (a.scope.isEmpty() && a.key == QLatin1String("dovecot_config_version"))
                    m_cfg.m_version = DovecotVersion::parse(a.value.toUtf8());
                m_cfg.m_assignments.append(a);
                break;
            }
            case Statement::SectionBegin: {
                Frame &parent = m_frames.last();
                QString label = st.key;
                if (!st.value.isEmpty()) {
                    label += QLatin1Char(' ') + st.value;
                } else if (isUnnamedList(st.key)) {
                    const int n = ++parent.unnamed[st.key];
                    if (n > 1)
                        label += QLatin1Char('[') + QString::number(n) + QLatin1Char(']');
                }
                m_frames.append(Frame{label, where, {}});
                break;
            }
            case Statement::SectionEnd:
                if (m_frames.size() <= 1)
                    return locatedError(QStringLiteral("config.dovecot.brace"), where,
                                        QCoreApplication::translate(
                                            "ConfigParser", "Unexpected '}': no section is open."));
                m_frames.removeLast();
                break;
            case Statement::Include:
            case Statement::IncludeTry:
                if (const Status s =
                        include(st.value, path, where, st.kind == Statement::IncludeTry);
                    !s)
                    return s;
                break;
            }
        }
        return {};
    }

    Status include(const QString &pattern, const QString &fromFile, const ConfigLocation &where,
                   bool tryOnly) {
        if (!m_files)
            return locatedError(
                QStringLiteral("config.dovecot.include"), where,
                QCoreApplication::translate("ConfigParser", "!include is not followed here."));
        // Relative to the including file's directory; "a/../b" is resolved so paths name real
        // files.
        const QString full = QDir::cleanPath(pattern.startsWith(QLatin1Char('/'))
                                                 ? pattern
                                                 : dirOf(fromFile) + QLatin1Char('/') + pattern);
        QStringList paths;
        if (hasGlob(full)) {
            paths = m_files->glob(full);
        } else if (m_files->read(full)) {
            paths.append(full);
        }
        if (paths.isEmpty()) {
            if (tryOnly)
                return {};
            return locatedError(
                QStringLiteral("config.dovecot.include.missing"), where,
                QCoreApplication::translate(
                    "ConfigParser",
                    "!include %1: no such file (use !include_try for optional files).")
                    .arg(full));
        }
        for (const QString &p : paths) {
            if (const Status s = parseFile(p, where, tryOnly); !s)
                return s;
        }
        return {};
    }

    Status parseFile(const QString &path, const std::optional<ConfigLocation> &from, bool tryOnly) {
        if (m_stack.contains(path))
            return locatedError(
                QStringLiteral("config.dovecot.include.loop"),
                from.value_or(ConfigLocation{path, 0}),
                QCoreApplication::translate(
                    "ConfigParser", "Recursive include of %1 (it includes itself through: %2).")
                    .arg(path, m_stack.join(QStringLiteral(" -> "))));
        if (m_stack.size() >= 40)
            return locatedError(
                QStringLiteral("config.dovecot.include.depth"),
                from.value_or(ConfigLocation{path, 0}),
                QCoreApplication::translate("ConfigParser", "Includes are nested too deeply."));
        const std::optional<QByteArray> content = m_files->read(path);
        if (!content) {
            if (tryOnly)
                return {};
            return locatedError(
                QStringLiteral("config.dovecot.read"), from.value_or(ConfigLocation{path, 0}),
                QCoreApplication::translate("ConfigParser", "Cannot read %1.").arg(path));
        }
        m_cfg.m_files.append(path);
        m_stack.append(path);
        const Status s = parseContent(*content, path);
        m_stack.removeLast();
        return s;
    }

    Status finish() {
        if (m_frames.size() > 1) {
            const Frame &f = m_frames.last();
            return locatedError(
                QStringLiteral("config.dovecot.brace"), f.opened,
                QCoreApplication::translate(
                    "ConfigParser", "Missing '}': the section \"%1\" opened here is never closed.")
                    .arg(f.label));
        }
        return {};
    }

private:
    DovecotConfig &m_cfg;
    const ConfigFileAccess *m_files;
    QList<Frame> m_frames;
    QStringList m_stack;
    QHash<QString, QString> m_current;
};

// ---------------------------------------------------------------------------------------------

ConfigFileAccess ConfigFileAccess::local(const QString &root) {
    ConfigFileAccess a;
    a.read = [root](const QString &path) -> std::optional<QByteArray> {
        QFile f(root + path);
        if (!QFileInfo(f.fileName()).isFile() || !f.open(QIODevice::ReadOnly))
            return std::nullopt;
        return f.readAll();
    };
    a.glob = [root](const QString &pattern) {
        QStringList out;
        const QString dir = dirOf(pattern);
        const QString name = pattern.mid(pattern.lastIndexOf(QLatin1Char('/')) + 1);
        if (hasGlob(dir))
            return out; // globs only in the last component
        const QStringList names =
            QDir(root + dir)
                .entryList({name}, name.startsWith(QLatin1Char('.')) ? QDir::Files | QDir::Hidden
                                                                     : QDir::Files);
        for (const QString &n : names)
            out.append(dir == QLatin1String("/") ? QString(QLatin1Char('/') + n)
                                                 : QString(dir + QLatin1Char('/') + n));
        std::sort(out.begin(), out.end());
        return out;
    };
    return a;
}

ConfigFileAccess ConfigFileAccess::inMemory(const QHash<QString, QByteArray> &files) {
    ConfigFileAccess a;
    a.read = [files](const QString &path) -> std::optional<QByteArray> {
        const auto it = files.constFind(path);
        if (it == files.constEnd())
            return std::nullopt;
        return it.value();
    };
    a.glob = [files](const QString &pattern) {
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern));
        QStringList out;
        for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
            // Like glob(3): a wildcard does not match a leading dot of a file name.
            const QString base = it.key().mid(it.key().lastIndexOf(QLatin1Char('/')) + 1);
            const QString patternBase = pattern.mid(pattern.lastIndexOf(QLatin1Char('/')) + 1);
            if (base.startsWith(QLatin1Char('.')) && !patternBase.startsWith(QLatin1Char('.')))
                continue;
            if (re.match(it.key()).hasMatch())
                out.append(it.key());
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    return a;
}

DovecotVersion DovecotVersion::parse(const QByteArray &text) {
    static const QRegularExpression re(
        QStringLiteral("^(?:#\\s*)?(\\d+)\\.(\\d+)(?:\\.(\\d+))?[^\\s:]*(?:\\s*\\([0-9a-f]+\\))?"),
        QRegularExpression::MultilineOption);
    DovecotVersion v;
    const QString s = QString::fromUtf8(text.left(4096));
    const QRegularExpressionMatch m = re.match(s);
    if (!m.hasMatch())
        return v;
    v.major = m.captured(1).toInt();
    v.minor = m.captured(2).toInt();
    v.patch = m.captured(3).toInt();
    v.text = m.captured(0);
    if (v.text.startsWith(QLatin1Char('#')))
        v.text = v.text.mid(1).trimmed();
    return v;
}

QString DovecotAssignment::path() const {
    if (scope.isEmpty())
        return key;
    return scope.join(QLatin1Char('/')) + QLatin1Char('/') + key;
}

QList<ConfigLocation> DovecotSetting::locations() const {
    QList<ConfigLocation> out;
    for (const DovecotAssignment &a : overridden)
        out.append(a.where);
    out.append(effective.where);
    return out;
}

Result<DovecotConfig> DovecotConfig::load(const QString &mainFile, const ConfigFileAccess &files) {
    DovecotConfig cfg;
    DovecotParser parser(cfg, &files);
    if (const Status s = parser.parseFile(mainFile, std::nullopt, false); !s)
        return s.error();
    if (const Status s = parser.finish(); !s)
        return s.error();
    return cfg;
}

Result<DovecotConfig> DovecotConfig::parseText(const QByteArray &content, const QString &name) {
    DovecotConfig cfg;
    DovecotParser parser(cfg, nullptr);
    if (const Status s = parser.parseContent(content, name); !s)
        return s.error();
    if (const Status s = parser.finish(); !s)
        return s.error();
    cfg.m_files.append(name);
    if (!cfg.m_version.isValid())
        cfg.m_version = DovecotVersion::parse(content);
    // doveconf -n prints secrets as "key = # hidden, use -P to show it".
    static const QRegularExpression hidden(QStringLiteral("^\\s*(\\S+)\\s*=\\s*# hidden"),
                                           QRegularExpression::MultilineOption);
    auto it = hidden.globalMatch(QString::fromUtf8(content));
    while (it.hasNext())
        cfg.m_hidden.append(it.next().captured(1));
    return cfg;
}

QList<DovecotSetting> DovecotConfig::settings() const {
    QList<DovecotSetting> out;
    QHash<QString, qsizetype> index;
    for (const DovecotAssignment &a : m_assignments) {
        const QString p = a.path();
        const auto it = index.constFind(p);
        if (it == index.constEnd()) {
            index.insert(p, out.size());
            out.append(DovecotSetting{a, {}});
        } else {
            DovecotSetting &s = out[*it];
            s.overridden.append(s.effective);
            s.effective = a;
        }
    }
    return out;
}

std::optional<DovecotSetting> DovecotConfig::setting(const QString &key,
                                                     const QStringList &scope) const {
    std::optional<DovecotSetting> out;
    for (const DovecotAssignment &a : m_assignments) {
        if (a.key != key || a.scope != scope)
            continue;
        if (!out) {
            out = DovecotSetting{a, {}};
        } else {
            out->overridden.append(out->effective);
            out->effective = a;
        }
    }
    return out;
}

std::optional<DovecotSetting> DovecotConfig::resolve(const QString &key,
                                                     const QStringList &scope) const {
    QStringList s = scope;
    for (;;) {
        if (std::optional<DovecotSetting> found = setting(key, s))
            return found;
        if (s.isEmpty())
            return std::nullopt;
        s.removeLast();
    }
}

namespace {

// How specifically a scope matches a client, compared the way Dovecot 2.3 orders its filters
// (config-filter.c): local network bits, then remote network bits, then local_name, then protocol.
struct FilterRank {
    int localBits = 0;
    int remoteBits = 0;
    bool localName = false;
    bool protocol = false;
    auto operator<=>(const FilterRank &) const = default;
};

// Adds one section label to rank; false if it is not a filter or does not match the client.
bool matchFilter(const QString &label, const DovecotClient &client, FilterRank &rank) {
    const qsizetype blank = label.indexOf(QLatin1Char(' '));
    if (blank < 0)
        return false;
    const QString type = label.left(blank);
    const QString arg = label.mid(blank + 1).trimmed();
    if (type == QLatin1String("protocol")) {
        rank.protocol = true;
        if (arg.startsWith(QLatin1Char('!')))
            return arg.mid(1) != client.protocol;
        return arg == client.protocol;
    }
    if (type == QLatin1String("local_name")) {
        rank.localName = true;
        return arg.split(QLatin1Char(' '), Qt::SkipEmptyParts)
            .contains(client.localName, Qt::CaseInsensitive);
    }
    if (type == QLatin1String("remote") || type == QLatin1String("local")) {
        const bool remote = type == QLatin1String("remote");
        const QHostAddress address(remote ? client.remoteIp : client.localIp);
        if (address.isNull())
            return false;
        QPair<QHostAddress, int> net = QHostAddress::parseSubnet(arg);
        if (net.first.isNull()) {
            const QHostAddress single(arg);
            if (single.isNull())
                return false;
            net = {single, single.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
        }
        (remote ? rank.remoteBits : rank.localBits) = net.second;
        return address.isInSubnet(net);
    }
    return false;
}

} // namespace

std::optional<DovecotSetting> DovecotConfig::resolveFor(const QString &key,
                                                        const DovecotClient &client) const {
    std::optional<DovecotSetting> best;
    FilterRank bestRank;
    for (const DovecotSetting &s : settings()) {
        if (s.effective.key != key)
            continue;
        FilterRank rank;
        bool matches = true;
        for (const QString &label : s.effective.scope)
            matches = matches && matchFilter(label, client, rank);
        if (!matches)
            continue;
        if (!best || rank >= bestRank) {
            best = s;
            bestRank = rank;
        }
    }
    return best;
}

QList<DovecotSetting> DovecotConfig::everywhere(const QString &key) const {
    QList<DovecotSetting> out;
    for (const DovecotSetting &s : settings()) {
        if (s.effective.key == key)
            out.append(s);
    }
    return out;
}

QList<DovecotDifference> crossCheck(const DovecotConfig &computed, const DovecotConfig &doveconf) {
    const auto shown = [](const DovecotAssignment &a) {
        const QString v = a.value.simplified();
        return a.fileRef ? QLatin1Char('<') + v : v;
    };
    QList<DovecotDifference> out;
    QHash<QString, DovecotAssignment> theirs;
    QStringList theirOrder;
    for (const DovecotSetting &s : doveconf.settings()) {
        theirs.insert(s.path(), s.effective);
        theirOrder.append(s.path());
    }
    const QStringList hidden = doveconf.hiddenKeys();
    QSet<QString> seen;
    for (const DovecotSetting &s : computed.settings()) {
        const QString p = s.path();
        seen.insert(p);
        if (hidden.contains(s.effective.key))
            continue;
        const auto it = theirs.constFind(p);
        if (it == theirs.constEnd()) {
            out.append({DovecotDifference::Kind::OnlyComputed,
                        p,
                        shown(s.effective),
                        {},
                        s.effective.where});
        } else if (shown(*it) != shown(s.effective)) {
            out.append({DovecotDifference::Kind::ValueDiffers, p, shown(s.effective), shown(*it),
                        s.effective.where});
        }
    }
    for (const QString &p : theirOrder) {
        if (!seen.contains(p) && !hidden.contains(theirs.value(p).key))
            out.append({DovecotDifference::Kind::OnlyDoveconf,
                        p,
                        {},
                        shown(theirs.value(p)),
                        std::nullopt});
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Edits

Result<QString> dovecotValueLiteral(const QString &value) {
    if (value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')) ||
        value.contains(QChar(0)))
        return Error{
            QStringLiteral("config.value.linebreak"),
            QCoreApplication::translate(
                "ConfigParser", "The value must not contain a line break or a NUL character."),
            {}};
    bool plain =
        !value.isEmpty() && !isBlank(value.front().toLatin1()) && !isBlank(value.back().toLatin1());
    for (const QChar c : value) {
        const ushort u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                        (u >= '0' && u <= '9') || QStringLiteral(" ._:/,@*+=%!~^-[]()").contains(c);
        if (!ok) {
            plain = false;
            break;
        }
    }
    if (plain || value.isEmpty())
        return value;
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out.append(QLatin1Char('\\'));
        out.append(c);
    }
    out.append(QLatin1Char('"'));
    return out;
}

namespace {

Result<Statement> statementAt(const QByteArray &content, const QString &fileName, int line,
                              const QString &key) {
    Result<Lexed> lexed = lex(content, fileName);
    if (!lexed)
        return lexed.error();
    for (const Statement &st : lexed->statements) {
        if (st.firstLine != line)
            continue;
        if ((st.kind == Statement::KeyValue || st.kind == Statement::KeyFile) && st.key == key)
            return st;
        break;
    }
    return locatedError(QStringLiteral("config.dovecot.stale"), {fileName, line},
                        QCoreApplication::translate(
                            "ConfigParser", "This line does not set %1 (has the file changed?).")
                            .arg(key));
}

bool validKey(const QString &key) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]*$"));
    return re.match(key).hasMatch();
}

} // namespace

Result<QByteArray> dovecotSetValue(const QByteArray &content, const QString &fileName, int line,
                                   const QString &key, const QString &value) {
    const Result<QString> literal = dovecotValueLiteral(value);
    if (!literal)
        return literal.error();
    const Result<Statement> st = statementAt(content, fileName, line, key);
    if (!st)
        return st.error();
    QByteArray replacement = literal->toUtf8();
    if (st->valueStart == st->valueEnd && st->valueStart > 0 &&
        content.at(st->valueStart - 1) == '=' && !replacement.isEmpty())
        replacement.prepend(' ');
    return spliced(content, st->valueStart, st->valueEnd, replacement);
}

Result<QByteArray> dovecotRemoveSetting(const QByteArray &content, const QString &fileName,
                                        int line, const QString &key) {
    const Result<Statement> st = statementAt(content, fileName, line, key);
    if (!st)
        return st.error();
    const QList<TextLine> lines = splitLines(content);
    return spliced(content, lines.at(st->firstLine - 1).start, lines.at(st->lastLine - 1).end, {});
}

Result<QByteArray> dovecotAppendSetting(const QByteArray &content, const QString &fileName,
                                        const QString &key, const QString &value) {
    if (!validKey(key))
        return Error{
            QStringLiteral("config.dovecot.name"),
            QCoreApplication::translate("ConfigParser", "\"%1\" is not a setting name.").arg(key),
            {}};
    const Result<QString> literal = dovecotValueLiteral(value);
    if (!literal)
        return literal.error();
    Result<Lexed> lexed = lex(content, fileName);
    if (!lexed)
        return lexed.error();
    int depth = 0;
    for (const Statement &st : lexed->statements) {
        if (st.kind == Statement::SectionBegin)
            ++depth;
        else if (st.kind == Statement::SectionEnd)
            --depth;
    }
    if (depth != 0)
        return locatedError(
            QStringLiteral("config.dovecot.brace"), {fileName, 0},
            QCoreApplication::translate(
                "ConfigParser", "The file ends inside a section; the setting cannot be appended."));
    QByteArray out = content;
    const QByteArray eol = lineTerminator(content);
    if (!out.isEmpty() && !out.endsWith('\n'))
        out.append(eol);
    out.append(key.toUtf8() + " = " + literal->toUtf8());
    out.append(eol);
    return out;
}

// ---------------------------------------------------------------------------------------------
// 2.3 -> 2.4 names

const QList<DovecotRename> &dovecotRenames() {
    using C = DovecotRename::Conversion;
    static const QList<DovecotRename> table = {
        {QStringLiteral("disable_plaintext_auth"), QStringLiteral("auth_allow_cleartext"),
         C::InvertedBool},
        {QStringLiteral("ssl"), QStringLiteral("ssl"), C::Same},
        {QStringLiteral("ssl_min_protocol"), QStringLiteral("ssl_min_protocol"), C::Same},
        {QStringLiteral("auth_mechanisms"), QStringLiteral("auth_mechanisms"), C::Same},
        {QStringLiteral("auth_verbose"), QStringLiteral("auth_verbose"), C::Same},
        {QStringLiteral("auth_verbose_passwords"), QStringLiteral("auth_verbose_passwords"),
         C::Same},
        {QStringLiteral("auth_failure_delay"), QStringLiteral("auth_failure_delay"), C::Same},
        {QStringLiteral("ssl_cert"), QStringLiteral("ssl_server_cert_file"), C::FileRefToPath},
        {QStringLiteral("ssl_key"), QStringLiteral("ssl_server_key_file"), C::FileRefToPath},
        {QStringLiteral("ssl_dh"), QStringLiteral("ssl_server_dh_file"), C::FileRefToPath},
        {QStringLiteral("ssl_ca"), QStringLiteral("ssl_server_ca_file"), C::FileRefToPath},
        {QStringLiteral("ssl_prefer_server_ciphers"), QStringLiteral("ssl_server_prefer_ciphers"),
         C::PreferServerCiphers},
        {QStringLiteral("verbose_ssl"), QString(), C::Removed},
        {QStringLiteral("mail_location"), QString(), C::Removed}, // mail_driver + mail_path in 2.4
    };
    return table;
}

QString dovecotName(const QString &name23, const DovecotVersion &version) {
    if (!version.atLeast(2, 4))
        return name23;
    for (const DovecotRename &r : dovecotRenames()) {
        if (r.name23 == name23)
            return r.name24.isEmpty() ? name23 : r.name24;
    }
    return name23;
}

QString dovecotName23(const QString &name) {
    for (const DovecotRename &r : dovecotRenames()) {
        if (!r.name24.isEmpty() && r.name24 == name)
            return r.name23;
    }
    return name;
}

std::optional<QString> dovecotValue(const QString &name23, const QString &value23,
                                    const DovecotVersion &version) {
    if (!version.atLeast(2, 4))
        return value23;
    using C = DovecotRename::Conversion;
    for (const DovecotRename &r : dovecotRenames()) {
        if (r.name23 != name23)
            continue;
        const QString v = value23.trimmed();
        switch (r.conversion) {
        case C::Same:
        case C::Renamed:
            return value23;
        case C::InvertedBool:
            if (v == QLatin1String("yes"))
                return QStringLiteral("no");
            if (v == QLatin1String("no"))
                return QStringLiteral("yes");
            return std::nullopt;
        case C::FileRefToPath:
            return v.startsWith(QLatin1Char('<')) ? v.mid(1).trimmed() : v;
        case C::PreferServerCiphers:
            if (v == QLatin1String("yes"))
                return QStringLiteral("server");
            if (v == QLatin1String("no"))
                return QStringLiteral("client");
            return std::nullopt;
        case C::Removed:
            return std::nullopt;
        }
    }
    return value23;
}

} // namespace maildeck::config
