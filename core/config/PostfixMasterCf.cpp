#include "core/config/PostfixMasterCf.h"

#include "core/config/PostfixMainCf.h"

#include <QCoreApplication>

#include <vector>

namespace maildeck::config {

namespace {

struct Token {
    QByteArray text;     // braces removed and inner blanks trimmed for braced tokens
    qsizetype start = 0; // file offsets
    qsizetype end = 0;
    int line = 0;
    bool braced = false;
};

// A logical line: bytes plus, for each byte, its offset in the file (-1 for a joining blank).
struct LogicalLine {
    QByteArray text;
    std::vector<qsizetype> offsets;
    std::vector<int> lines;
    QList<int> physicalLines;
};

Result<QList<Token>> tokenize(const LogicalLine &ll, const QString &fileName) {
    QList<Token> tokens;
    const QByteArray &t = ll.text;
    qsizetype i = 0;
    const qsizetype n = t.size();
    while (i < n) {
        while (i < n && isBlank(t.at(i)))
            ++i;
        if (i >= n)
            break;
        Token tok;
        tok.start = ll.offsets[size_t(i)];
        tok.line = ll.lines[size_t(i)];
        if (t.at(i) == '{') {
            int level = 0;
            qsizetype j = i;
            for (; j < n; ++j) {
                if (t.at(j) == '{')
                    ++level;
                else if (t.at(j) == '}' && --level == 0)
                    break;
            }
            if (j >= n) {
                return locatedError(
                    QStringLiteral("config.master.brace"), {fileName, tok.line},
                    QCoreApplication::translate("ConfigParser", "Missing '}' after '{'."));
            }
            tok.text = t.mid(i + 1, j - i - 1).trimmed();
            tok.braced = true;
            tok.end = ll.offsets[size_t(j)] + 1;
            i = j + 1;
        } else {
            qsizetype j = i;
            while (j < n && !isBlank(t.at(j)))
                ++j;
            tok.text = t.mid(i, j - i);
            tok.end = ll.offsets[size_t(j - 1)] + 1;
            i = j;
        }
        tokens.append(tok);
    }
    return tokens;
}

Result<MasterService> serviceFrom(const LogicalLine &ll, const QString &fileName) {
    const Result<QList<Token>> tokens = tokenize(ll, fileName);
    if (!tokens)
        return tokens.error();
    const QList<Token> &tk = *tokens;
    const ConfigLocation where{fileName, ll.physicalLines.value(0)};
    if (tk.size() < 8) {
        return locatedError(QStringLiteral("config.master.fields"), where,
                            QCoreApplication::translate(
                                "ConfigParser",
                                "A service needs 8 fields (service type private unpriv chroot "
                                "wakeup maxproc command), but this line has %1.")
                                .arg(tk.size()));
    }
    MasterService s;
    const auto str = [&](int i) {
        return QString::fromUtf8(tk.at(i).text);
    };
    s.service = str(0);
    s.type = str(1);
    s.privateField = str(2);
    s.unprivileged = str(3);
    s.chroot = str(4);
    s.wakeup = str(5);
    s.maxproc = str(6);
    s.command = str(7);
    s.physicalLines = ll.physicalLines;
    s.firstLine = ll.physicalLines.first();
    s.lastLine = ll.physicalLines.last();
    for (qsizetype i = 8; i < tk.size(); ++i) {
        s.arguments.append(str(int(i)));
        if (tk.at(i).text != "-o" || tk.at(i).braced || i + 1 >= tk.size())
            continue;
        const Token &opt = tk.at(i + 1);
        MasterOption o;
        const qsizetype eq = opt.text.indexOf('=');
        o.name = QString::fromUtf8(eq < 0 ? opt.text : opt.text.left(eq)).trimmed();
        o.value = eq < 0 ? QString() : QString::fromUtf8(opt.text.mid(eq + 1)).trimmed();
        o.line = tk.at(i).line;
        o.start = tk.at(i).start;
        o.end = opt.end;
        o.tokenStart = opt.start;
        o.braced = opt.braced;
        s.options.append(o);
        s.arguments.append(QString::fromUtf8(opt.text));
        ++i;
    }
    return s;
}

Result<QList<MasterService>> parseServices(const QByteArray &content, const QString &fileName) {
    QList<MasterService> services;
    LogicalLine current;
    bool have = false;
    const auto flush = [&]() -> Status {
        if (!have)
            return {};
        Result<MasterService> s = serviceFrom(current, fileName);
        if (!s)
            return s.error();
        services.append(std::move(s).value());
        current = {};
        have = false;
        return {};
    };
    for (const TextLine &line : splitLines(content)) {
        qsizetype fnb = line.start;
        while (fnb < line.contentEnd && isBlank(content.at(fnb)))
            ++fnb;
        if (fnb == line.contentEnd || content.at(fnb) == '#')
            continue;
        if (QByteArrayView(content.constData() + line.start, line.contentEnd - line.start)
                .contains('\0')) {
            return locatedError(
                QStringLiteral("config.master.nul"), {fileName, line.number},
                QCoreApplication::translate("ConfigParser", "The line contains a NUL byte."));
        }
        qsizetype end = line.contentEnd;
        while (end > fnb && isBlank(content.at(end - 1)))
            --end;
        if (fnb == line.start) {
            if (const Status st = flush(); !st)
                return st.error();
            have = true;
        } else if (!have) {
            return locatedError(
                QStringLiteral("config.master.continuation"), {fileName, line.number},
                QCoreApplication::translate(
                    "ConfigParser",
                    "The line starts with white space, but no service precedes it."));
        } else {
            current.text.append(' ');
            current.offsets.push_back(-1);
            current.lines.push_back(line.number);
        }
        for (qsizetype i = fnb; i < end; ++i) {
            current.text.append(content.at(i));
            current.offsets.push_back(i);
            current.lines.push_back(line.number);
        }
        current.physicalLines.append(line.number);
    }
    if (const Status st = flush(); !st)
        return st.error();
    return services;
}

Result<QByteArray> optionText(const QString &name, const QString &value) {
    if (!PostfixMainCf::isValidName(name)) {
        return Error{QStringLiteral("config.postfix.name"),
                     QCoreApplication::translate("ConfigParser", "\"%1\" is not a parameter name.")
                         .arg(name),
                     {}};
    }
    if (value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')) ||
        value.contains(QChar(0))) {
        return Error{
            QStringLiteral("config.value.linebreak"),
            QCoreApplication::translate(
                "ConfigParser", "The value must not contain a line break or a NUL character."),
            {}};
    }
    const QString v = value.trimmed();
    int level = 0;
    bool needsBraces = false;
    for (const QChar c : v) {
        if (c == QLatin1Char('{'))
            ++level, needsBraces = true;
        else if (c == QLatin1Char('}') && --level < 0)
            break;
        else if (c == QLatin1Char(' ') || c == QLatin1Char('\t'))
            needsBraces = true;
    }
    if (level != 0) {
        return Error{
            QStringLiteral("config.master.brace"),
            QCoreApplication::translate("ConfigParser", "The value has unbalanced '{' and '}'."),
            {}};
    }
    if (needsBraces)
        return (QStringLiteral("{ ") + name + QStringLiteral(" = ") + v + QStringLiteral(" }"))
            .toUtf8();
    return (name + QLatin1Char('=') + v).toUtf8();
}

} // namespace

std::optional<QString> MasterService::option(const QString &name) const {
    std::optional<QString> out;
    for (const MasterOption &o : options) {
        if (o.name == name)
            out = o.value;
    }
    return out;
}

Result<PostfixMasterCf> PostfixMasterCf::parse(const QByteArray &content, const QString &fileName) {
    Result<QList<MasterService>> services = parseServices(content, fileName);
    if (!services)
        return services.error();
    PostfixMasterCf cf;
    cf.m_content = content;
    cf.m_fileName = fileName;
    cf.m_services = std::move(services).value();
    QHash<QString, int> seen;
    for (const MasterService &s : cf.m_services) {
        if (seen.contains(s.key())) {
            cf.m_warnings.append(
                ConfigLocation{fileName, s.firstLine}.toString() + QStringLiteral(": ") +
                QCoreApplication::translate("ConfigParser",
                                            "The service %1 is defined again (first at line %2).")
                    .arg(s.key())
                    .arg(seen.value(s.key())));
        } else {
            seen.insert(s.key(), s.firstLine);
        }
    }
    return cf;
}

std::optional<MasterService> PostfixMasterCf::service(const QString &name,
                                                      const QString &type) const {
    for (auto it = m_services.crbegin(); it != m_services.crend(); ++it) {
        if (it->service == name && it->type == type)
            return *it;
    }
    return std::nullopt;
}

Result<QByteArray> PostfixMasterCf::withOption(const QString &serviceName, const QString &type,
                                               const QString &name, const QString &value) const {
    const std::optional<MasterService> s = service(serviceName, type);
    if (!s) {
        return Error{
            QStringLiteral("config.master.noservice"),
            QCoreApplication::translate("ConfigParser", "master.cf has no service %1 of type %2.")
                .arg(serviceName, type),
            {}};
    }
    const Result<QByteArray> text = optionText(name, value);
    if (!text)
        return text.error();
    for (auto it = s->options.crbegin(); it != s->options.crend(); ++it) {
        if (it->name == name)
            return spliced(m_content, it->tokenStart, it->end, *text);
    }
    // Add a continuation line after the service's last line, indented like its last
    // continuation line (or two blanks).
    const QList<TextLine> lines = splitLines(m_content);
    const TextLine &last = lines.at(s->lastLine - 1);
    QByteArray indent = QByteArrayLiteral("  ");
    for (auto it = s->physicalLines.crbegin(); it != s->physicalLines.crend(); ++it) {
        const TextLine &l = lines.at(*it - 1);
        qsizetype p = l.start;
        while (p < l.contentEnd && isBlank(m_content.at(p)))
            ++p;
        if (p > l.start) {
            indent = m_content.mid(l.start, p - l.start);
            break;
        }
    }
    const QByteArray eol = lineTerminator(m_content);
    QByteArray insert;
    if (last.contentEnd == last.end)
        insert.append(eol); // the service's line is the last one and has no terminator
    insert.append(indent + "-o " + *text);
    if (last.contentEnd != last.end)
        insert.append(eol);
    return spliced(m_content, last.end, last.end, insert);
}

Result<QByteArray> PostfixMasterCf::withoutOption(const QString &serviceName, const QString &type,
                                                  const QString &name) const {
    const std::optional<MasterService> s = service(serviceName, type);
    if (!s) {
        return Error{
            QStringLiteral("config.master.noservice"),
            QCoreApplication::translate("ConfigParser", "master.cf has no service %1 of type %2.")
                .arg(serviceName, type),
            {}};
    }
    QByteArray out = m_content;
    for (auto it = s->options.crbegin(); it != s->options.crend(); ++it) {
        if (it->name != name)
            continue;
        qsizetype start = it->start;
        while (start > 0 && isBlank(out.at(start - 1)))
            --start;
        out = spliced(out, start, it->end, {});
        // If the line is now blank, drop it entirely.
        const qsizetype lineStart = out.lastIndexOf('\n', start - 1) + 1;
        qsizetype lineEnd = out.indexOf('\n', start);
        const qsizetype termEnd = lineEnd < 0 ? out.size() : lineEnd + 1;
        if (lineEnd < 0)
            lineEnd = out.size();
        bool blank = true;
        for (qsizetype p = lineStart; p < lineEnd && blank; ++p)
            blank = isBlank(out.at(p)) || out.at(p) == '\r';
        if (blank)
            out = spliced(out, lineStart, termEnd, {});
    }
    return out;
}

Result<QList<MasterService>> parsePostconfM(const QByteArray &output) {
    return parseServices(output, QStringLiteral("postconf -M"));
}

Result<QList<MasterOverride>> parsePostconfP(const QByteArray &output) {
    QList<MasterOverride> out;
    for (const TextLine &line : splitLines(output)) {
        const QByteArray text = output.mid(line.start, line.contentEnd - line.start);
        if (text.trimmed().isEmpty() || text.startsWith("postconf: "))
            continue;
        const qsizetype eq = text.indexOf('=');
        const QList<QByteArray> key =
            eq < 0 ? QList<QByteArray>() : text.left(eq).trimmed().split('/');
        if (key.size() != 3) {
            return locatedError(
                QStringLiteral("config.postconf.syntax"),
                {QStringLiteral("postconf -P"), line.number},
                QCoreApplication::translate("ConfigParser", "Unexpected output line: %1")
                    .arg(QString::fromUtf8(text.left(200))));
        }
        out.append({QString::fromUtf8(key.at(0)), QString::fromUtf8(key.at(1)),
                    QString::fromUtf8(key.at(2)), QString::fromUtf8(text.mid(eq + 1).trimmed())});
    }
    return out;
}

} // namespace maildeck::config
