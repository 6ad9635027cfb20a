#include "core/config/PostfixMainCf.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace maildeck::config {

namespace {

qsizetype firstNonBlank(const QByteArray &c, qsizetype from, qsizetype to) {
    while (from < to && isBlank(c.at(from)))
        ++from;
    return from;
}

qsizetype trimmedEnd(const QByteArray &c, qsizetype from, qsizetype to) {
    while (to > from && isBlank(c.at(to - 1)))
        --to;
    return to;
}

Result<QByteArray> checkedValueBytes(const QString &value) {
    if (value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')) ||
        value.contains(QChar(0))) {
        return Error{
            QStringLiteral("config.value.linebreak"),
            QCoreApplication::translate(
                "ConfigParser", "The value must not contain a line break or a NUL character."),
            {}};
    }
    return value.trimmed().toUtf8();
}

} // namespace

bool PostfixMainCf::isValidName(const QString &name) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]*$"));
    return re.match(name).hasMatch();
}

Result<PostfixMainCf> PostfixMainCf::parse(const QByteArray &content, const QString &fileName) {
    PostfixMainCf cf;
    cf.m_content = content;
    cf.m_fileName = fileName;
    const QList<TextLine> lines = splitLines(content);
    PostfixParameter *current = nullptr;
    QHash<QString, int> lastIndex;

    for (const TextLine &line : lines) {
        const ConfigLocation where{fileName, line.number};
        const qsizetype fnb = firstNonBlank(content, line.start, line.contentEnd);
        if (fnb == line.contentEnd)
            continue; // blank: skipped, does not end a statement
        if (content.at(fnb) == '#')
            continue; // comment
        if (QByteArrayView(content.constData() + line.start, line.contentEnd - line.start)
                .contains('\0')) {
            return locatedError(
                QStringLiteral("config.postfix.nul"), where,
                QCoreApplication::translate("ConfigParser", "The line contains a NUL byte."));
        }
        const qsizetype end = trimmedEnd(content, fnb, line.contentEnd);
        if (fnb > line.start) { // continuation
            if (!current) {
                return locatedError(
                    QStringLiteral("config.postfix.continuation"), where,
                    QCoreApplication::translate(
                        "ConfigParser",
                        "The line starts with white space, but no parameter precedes it."));
            }
            const QString part = QString::fromUtf8(content.constData() + fnb, end - fnb);
            current->value =
                current->value.isEmpty() ? part : current->value + QLatin1Char(' ') + part;
            current->lastLine = line.number;
            current->valueEnd = end;
            current->physicalLines.append(line.number);
            continue;
        }
        const qsizetype eq = content.indexOf('=', line.start);
        if (eq < 0 || eq >= line.contentEnd) {
            return locatedError(
                QStringLiteral("config.postfix.syntax"), where,
                QCoreApplication::translate("ConfigParser",
                                            "Expected \"name = value\", but there is no '='."));
        }
        const qsizetype nameEnd = trimmedEnd(content, line.start, eq);
        const QString name =
            QString::fromUtf8(content.constData() + line.start, nameEnd - line.start);
        if (name.isEmpty() || name.contains(QLatin1Char(' ')) || name.contains(QLatin1Char('\t'))) {
            return locatedError(
                QStringLiteral("config.postfix.name"), where,
                QCoreApplication::translate("ConfigParser", "\"%1\" is not a parameter name.")
                    .arg(name));
        }
        PostfixParameter p;
        p.name = name;
        p.firstLine = p.lastLine = line.number;
        p.valueStart = firstNonBlank(content, eq + 1, line.contentEnd);
        p.valueEnd = std::max(p.valueStart, trimmedEnd(content, eq + 1, line.contentEnd));
        p.value = QString::fromUtf8(content.constData() + p.valueStart, p.valueEnd - p.valueStart);
        p.physicalLines.append(line.number);
        if (lastIndex.contains(name)) {
            const PostfixParameter &earlier = cf.m_entries.at(lastIndex.value(name));
            cf.m_warnings.append(
                where.toString() + QStringLiteral(": ") +
                QCoreApplication::translate("ConfigParser",
                                            "%1 is set again; the value at line %2 is ignored.")
                    .arg(name)
                    .arg(earlier.firstLine));
        }
        lastIndex.insert(name, int(cf.m_entries.size()));
        cf.m_entries.append(p);
        current = &cf.m_entries.last();
    }
    return cf;
}

std::optional<PostfixParameter> PostfixMainCf::effective(const QString &name) const {
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (it->name == name)
            return *it;
    }
    return std::nullopt;
}

QList<PostfixParameter> PostfixMainCf::assignments(const QString &name) const {
    QList<PostfixParameter> out;
    for (const PostfixParameter &p : m_entries) {
        if (p.name == name)
            out.append(p);
    }
    return out;
}

QMap<QString, QString> PostfixMainCf::values() const {
    QMap<QString, QString> out;
    for (const PostfixParameter &p : m_entries)
        out.insert(p.name, p.value);
    return out;
}

QString PostfixMainCf::expandedValue(const QString &name,
                                     const QMap<QString, QString> &fallback) const {
    const QMap<QString, QString> own = values();
    const auto lookup = [&](const QString &n) -> std::optional<QString> {
        if (own.contains(n))
            return own.value(n);
        if (fallback.contains(n))
            return fallback.value(n);
        return std::nullopt;
    };
    const std::optional<QString> raw = lookup(name);
    return raw ? expandPostfixValue(*raw, lookup) : QString();
}

namespace {

bool isNameChar(QChar c) {
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
}

QString expandDepth(const QString &value,
                    const std::function<std::optional<QString>(const QString &)> &lookup,
                    int depth) {
    if (depth > 20)
        return value;
    QString out;
    const qsizetype n = value.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = value.at(i);
        if (c != QLatin1Char('$') || i + 1 >= n) {
            out.append(c);
            continue;
        }
        const QChar next = value.at(i + 1);
        if (next == QLatin1Char('$')) { // "$$" is a literal '$'
            out.append(QLatin1Char('$'));
            ++i;
            continue;
        }
        if (next == QLatin1Char('{') || next == QLatin1Char('(')) {
            const QChar close = next == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char(')');
            // find the matching close, allowing nested braces in ${name?{text}}
            int level = 0;
            qsizetype j = i + 1;
            for (; j < n; ++j) {
                if (value.at(j) == next)
                    ++level;
                else if (value.at(j) == close && --level == 0)
                    break;
            }
            if (j >= n) { // unterminated: keep as written
                out.append(value.mid(i));
                break;
            }
            const QString inner = value.mid(i + 2, j - i - 2);
            qsizetype k = 0;
            while (k < inner.size() && isNameChar(inner.at(k)))
                ++k;
            const QString name = inner.left(k);
            const QString rest = inner.mid(k);
            const std::optional<QString> v = lookup(name);
            if (rest.isEmpty()) {
                if (v)
                    out.append(expandDepth(*v, lookup, depth + 1));
                else
                    out.append(value.mid(i, j - i + 1));
            } else if (rest.startsWith(QLatin1Char('?')) || rest.startsWith(QLatin1Char(':'))) {
                QString text = rest.mid(1);
                if (text.startsWith(QLatin1Char('{')) && text.endsWith(QLatin1Char('}')))
                    text = text.mid(1, text.size() - 2).trimmed();
                const bool nonEmpty = v && !expandDepth(*v, lookup, depth + 1).isEmpty();
                const bool want = rest.startsWith(QLatin1Char('?')) ? nonEmpty : !nonEmpty;
                if (!v && rest.startsWith(QLatin1Char('?')))
                    out.append(value.mid(i, j - i + 1)); // unknown: cannot decide
                else if (want)
                    out.append(expandDepth(text, lookup, depth + 1));
            } else {
                out.append(value.mid(i, j - i + 1)); // other operators: keep as written
            }
            i = j;
            continue;
        }
        qsizetype j = i + 1;
        while (j < n && isNameChar(value.at(j)))
            ++j;
        if (j == i + 1) {
            out.append(c);
            continue;
        }
        const QString name = value.mid(i + 1, j - i - 1);
        const std::optional<QString> v = lookup(name);
        if (v)
            out.append(expandDepth(*v, lookup, depth + 1));
        else
            out.append(value.mid(i, j - i));
        i = j - 1;
    }
    return out;
}

} // namespace

QString expandPostfixValue(const QString &value,
                           const std::function<std::optional<QString>(const QString &)> &lookup) {
    return expandDepth(value, lookup, 0);
}

Result<QByteArray> PostfixMainCf::withParameter(const QString &name, const QString &value) const {
    if (!isValidName(name)) {
        return Error{QStringLiteral("config.postfix.name"),
                     QCoreApplication::translate("ConfigParser", "\"%1\" is not a parameter name.")
                         .arg(name),
                     {}};
    }
    const Result<QByteArray> bytes = checkedValueBytes(value);
    if (!bytes)
        return bytes.error();
    if (const std::optional<PostfixParameter> p = effective(name)) {
        // The value goes on the statement's first line; its continuation lines are removed,
        // comment lines between them stay where they are.
        const QList<TextLine> lines = splitLines(m_content);
        QByteArray out = m_content;
        for (auto it = p->physicalLines.crbegin(); it != p->physicalLines.crend(); ++it) {
            if (*it == p->firstLine)
                break;
            const TextLine &l = lines.at(*it - 1);
            out = spliced(out, l.start, l.end, {});
        }
        const TextLine &first = lines.at(p->firstLine - 1);
        const qsizetype end =
            std::max(p->valueStart, trimmedEnd(m_content, p->valueStart, first.contentEnd));
        QByteArray replacement = *bytes;
        if (p->valueStart == end && p->valueStart > 0 && m_content.at(p->valueStart - 1) == '=' &&
            !replacement.isEmpty())
            replacement.prepend(' ');
        return spliced(out, p->valueStart, end, replacement);
    }
    QByteArray out = m_content;
    const QByteArray eol = lineTerminator(m_content);
    if (!out.isEmpty() && !out.endsWith('\n'))
        out.append(eol);
    out.append(name.toUtf8());
    out.append(bytes->isEmpty() ? QByteArrayLiteral(" =") : QByteArrayLiteral(" = ") + *bytes);
    out.append(eol);
    return out;
}

Result<QByteArray> PostfixMainCf::withoutParameter(const QString &name) const {
    QList<int> remove;
    for (const PostfixParameter &p : m_entries) {
        if (p.name == name)
            remove.append(p.physicalLines);
    }
    if (remove.isEmpty())
        return m_content;
    const QList<TextLine> lines = splitLines(m_content);
    std::sort(remove.begin(), remove.end());
    QByteArray out = m_content;
    for (auto it = remove.crbegin(); it != remove.crend(); ++it) {
        const TextLine &l = lines.at(*it - 1);
        out = spliced(out, l.start, l.end, {});
    }
    return out;
}

Result<QMap<QString, QString>> parsePostconfOutput(const QByteArray &output) {
    QMap<QString, QString> out;
    for (const TextLine &line : splitLines(output)) {
        const QByteArray text = output.mid(line.start, line.contentEnd - line.start);
        if (text.trimmed().isEmpty())
            continue;
        if (text.startsWith("postconf: ") || text.contains(": warning: "))
            continue; // diagnostics merged into the output
        const qsizetype eq = text.indexOf('=');
        if (eq <= 0) {
            return locatedError(
                QStringLiteral("config.postconf.syntax"), {QStringLiteral("postconf"), line.number},
                QCoreApplication::translate("ConfigParser", "Unexpected output line: %1")
                    .arg(QString::fromUtf8(text.left(200))));
        }
        out.insert(QString::fromUtf8(text.left(eq).trimmed()),
                   QString::fromUtf8(text.mid(eq + 1).trimmed()));
    }
    return out;
}

} // namespace maildeck::config
