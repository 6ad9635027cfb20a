#include "core/config/IredapdSettings.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <cmath>

namespace maildeck::config {

namespace {

Error literalError(const QString &why) {
    return Error{QStringLiteral("config.python.literal"), why, {}};
}

// Recursive-descent parser for Python literals.
class LiteralParser {
public:
    explicit LiteralParser(const QString &s)
        : m_s(s) {}

    Result<PyValue> parseAll() {
        Result<PyValue> v = parseValue(0);
        if (!v)
            return v;
        skipSpace();
        if (m_i < m_s.size())
            return literalError(
                QCoreApplication::translate("ConfigParser", "Unexpected text after the value: %1")
                    .arg(m_s.mid(m_i, 40)));
        return v;
    }

private:
    QChar peek(qsizetype k = 0) const { return m_i + k < m_s.size() ? m_s.at(m_i + k) : QChar(); }

    void skipSpace() {
        while (m_i < m_s.size()) {
            const QChar c = m_s.at(m_i);
            if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') ||
                c == QLatin1Char('\r') || c == QLatin1Char('\f')) {
                ++m_i;
            } else if (c == QLatin1Char('\\') &&
                       (peek(1) == QLatin1Char('\n') || peek(1) == QLatin1Char('\r'))) {
                m_i += 2;
            } else if (c == QLatin1Char('#')) {
                while (m_i < m_s.size() && m_s.at(m_i) != QLatin1Char('\n'))
                    ++m_i;
            } else {
                break;
            }
        }
    }

    Result<PyValue> parseValue(int depth) {
        if (depth > 64)
            return literalError(
                QCoreApplication::translate("ConfigParser", "The value is nested too deeply."));
        skipSpace();
        if (m_i >= m_s.size())
            return literalError(QCoreApplication::translate("ConfigParser", "A value is missing."));
        const QChar c = peek();
        if (c == QLatin1Char('[') || c == QLatin1Char('('))
            return parseSequence(depth);
        if (c == QLatin1Char('{'))
            return parseDict(depth);
        if (c.isDigit() || c == QLatin1Char('-') || c == QLatin1Char('+') || c == QLatin1Char('.'))
            return parseNumber();
        if (c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char('"') ||
            c == QLatin1Char('\'')) {
            // string prefix?
            qsizetype k = 0;
            while (k < 2 && QStringLiteral("rRbBuU").contains(peek(k)))
                ++k;
            if (peek(k) == QLatin1Char('"') || peek(k) == QLatin1Char('\''))
                return parseStrings();
            qsizetype j = m_i;
            while (j < m_s.size() &&
                   (m_s.at(j).isLetterOrNumber() || m_s.at(j) == QLatin1Char('_')))
                ++j;
            const QString word = m_s.mid(m_i, j - m_i);
            m_i = j;
            if (word == QLatin1String("True") || word == QLatin1String("False"))
                return PyValue::fromBool(word == QLatin1String("True"));
            if (word == QLatin1String("None"))
                return PyValue::none();
            return literalError(
                QCoreApplication::translate("ConfigParser", "\"%1\" is not a literal.").arg(word));
        }
        return literalError(
            QCoreApplication::translate("ConfigParser", "Unexpected character '%1'.").arg(c));
    }

    Result<PyValue> parseNumber() {
        static const QRegularExpression re(
            QStringLiteral("[-+]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|"
                           "(?:[0-9][0-9_]*)?\\.?[0-9_]*(?:[eE][-+]?[0-9]+)?)"));
        const QRegularExpressionMatch m = re.match(m_s, m_i, QRegularExpression::NormalMatch,
                                                   QRegularExpression::AnchorAtOffsetMatchOption);
        QString t = m.captured(0);
        if (!m.hasMatch() || t.isEmpty() || t == QLatin1String("-") || t == QLatin1String("+") ||
            t == QLatin1String("."))
            return literalError(QCoreApplication::translate("ConfigParser", "Not a number."));
        m_i += t.size();
        t.remove(QLatin1Char('_'));
        bool ok = false;
        QString digits = t;
        bool negative = false;
        if (digits.startsWith(QLatin1Char('-')) || digits.startsWith(QLatin1Char('+'))) {
            negative = digits.startsWith(QLatin1Char('-'));
            digits = digits.mid(1);
        }
        const QString lower = digits.toLower();
        PyValue v;
        if (lower.startsWith(QLatin1String("0x")) || lower.startsWith(QLatin1String("0o")) ||
            lower.startsWith(QLatin1String("0b"))) {
            const int base = lower.at(1) == QLatin1Char('x')   ? 16
                             : lower.at(1) == QLatin1Char('o') ? 8
                                                               : 2;
            v.kind = PyValue::Kind::Int;
            v.integer = digits.mid(2).toLongLong(&ok, base);
        } else if (digits.contains(QLatin1Char('.')) || lower.contains(QLatin1Char('e'))) {
            v.kind = PyValue::Kind::Float;
            v.real = digits.toDouble(&ok);
        } else {
            v.kind = PyValue::Kind::Int;
            v.integer = digits.toLongLong(&ok, 10);
        }
        if (!ok)
            return literalError(
                QCoreApplication::translate("ConfigParser", "Not a number: %1").arg(t));
        if (negative) {
            v.integer = -v.integer;
            v.real = -v.real;
        }
        return v;
    }

    Result<QString> parseOneString() {
        bool raw = false;
        while (QStringLiteral("rRbBuU").contains(peek())) {
            if (peek() == QLatin1Char('r') || peek() == QLatin1Char('R'))
                raw = true;
            ++m_i;
        }
        const QChar q = peek();
        const bool triple = peek(1) == q && peek(2) == q;
        m_i += triple ? 3 : 1;
        QString out;
        for (;;) {
            if (m_i >= m_s.size())
                return literalError(
                    QCoreApplication::translate("ConfigParser", "The string is not terminated."));
            const QChar c = m_s.at(m_i);
            if (c == q && (!triple || (peek(1) == q && peek(2) == q))) {
                m_i += triple ? 3 : 1;
                return out;
            }
            if (!triple && (c == QLatin1Char('\n') || c == QLatin1Char('\r')))
                return literalError(
                    QCoreApplication::translate("ConfigParser", "The string is not terminated."));
            if (c != QLatin1Char('\\')) {
                out.append(c);
                ++m_i;
                continue;
            }
            const QChar e = peek(1);
            if (raw) {
                out.append(c);
                if (!e.isNull())
                    out.append(e);
                m_i += 2;
                continue;
            }
            m_i += 2;
            switch (e.unicode()) {
            case '\n':
                break;
            case '\\':
                out.append(QLatin1Char('\\'));
                break;
            case '\'':
                out.append(QLatin1Char('\''));
                break;
            case '"':
                out.append(QLatin1Char('"'));
                break;
            case 'n':
                out.append(QLatin1Char('\n'));
                break;
            case 'r':
                out.append(QLatin1Char('\r'));
                break;
            case 't':
                out.append(QLatin1Char('\t'));
                break;
            case 'a':
                out.append(QChar(7));
                break;
            case 'b':
                out.append(QChar(8));
                break;
            case 'f':
                out.append(QChar(12));
                break;
            case 'v':
                out.append(QChar(11));
                break;
            case 'x':
            case 'u':
            case 'U': {
                const int len = e == QLatin1Char('x') ? 2 : e == QLatin1Char('u') ? 4 : 8;
                bool ok = false;
                const uint code = m_s.mid(m_i, len).toUInt(&ok, 16);
                if (!ok || m_s.mid(m_i, len).size() != len || code > 0x10FFFF)
                    return literalError(
                        QCoreApplication::translate("ConfigParser", "Bad escape in a string."));
                m_i += len;
                const char32_t cp = code;
                out.append(QString::fromUcs4(&cp, 1));
                break;
            }
            default:
                if (e >= QLatin1Char('0') && e <= QLatin1Char('7')) {
                    uint code = uint(e.unicode() - '0');
                    for (int k = 0;
                         k < 2 && peek() >= QLatin1Char('0') && peek() <= QLatin1Char('7');
                         ++k, ++m_i)
                        code = code * 8 + uint(peek().unicode() - '0');
                    out.append(QChar(char16_t(code)));
                } else {
                    out.append(QLatin1Char('\\'));
                    if (!e.isNull())
                        out.append(e);
                }
            }
        }
    }

    Result<PyValue> parseStrings() {
        QString all;
        for (;;) {
            Result<QString> s = parseOneString();
            if (!s)
                return s.error();
            all += *s;
            const qsizetype save = m_i;
            skipSpace();
            qsizetype k = 0;
            while (k < 2 && QStringLiteral("rRbBuU").contains(peek(k)))
                ++k;
            if (peek(k) != QLatin1Char('"') && peek(k) != QLatin1Char('\'')) {
                m_i = save;
                break;
            }
        }
        return PyValue::fromString(all);
    }

    Result<PyValue> parseSequence(int depth) {
        const QChar open = peek();
        const QChar close = open == QLatin1Char('[') ? QLatin1Char(']') : QLatin1Char(')');
        ++m_i;
        PyValue v;
        v.kind = open == QLatin1Char('[') ? PyValue::Kind::List : PyValue::Kind::Tuple;
        bool sawComma = false;
        for (;;) {
            skipSpace();
            if (peek() == close) {
                ++m_i;
                break;
            }
            Result<PyValue> item = parseValue(depth + 1);
            if (!item)
                return item;
            v.items.push_back(std::move(item).value());
            skipSpace();
            if (peek() == QLatin1Char(',')) {
                ++m_i;
                sawComma = true;
                continue;
            }
            if (peek() == close) {
                ++m_i;
                break;
            }
            return literalError(
                QCoreApplication::translate("ConfigParser", "Expected ',' or '%1'.").arg(close));
        }
        if (v.kind == PyValue::Kind::Tuple && v.items.size() == 1 && !sawComma)
            return v.items.front(); // "(x)" is just x
        return v;
    }

    Result<PyValue> parseDict(int depth) {
        ++m_i;
        PyValue v;
        v.kind = PyValue::Kind::Dict;
        for (;;) {
            skipSpace();
            if (peek() == QLatin1Char('}')) {
                ++m_i;
                break;
            }
            Result<PyValue> key = parseValue(depth + 1);
            if (!key)
                return key;
            skipSpace();
            if (peek() != QLatin1Char(':'))
                return literalError(
                    QCoreApplication::translate("ConfigParser", "Expected ':' in a dict."));
            ++m_i;
            Result<PyValue> value = parseValue(depth + 1);
            if (!value)
                return value;
            v.entries.emplace_back(std::move(key).value(), std::move(value).value());
            skipSpace();
            if (peek() == QLatin1Char(',')) {
                ++m_i;
                continue;
            }
            if (peek() == QLatin1Char('}')) {
                ++m_i;
                break;
            }
            return literalError(
                QCoreApplication::translate("ConfigParser", "Expected ',' or '}'."));
        }
        return v;
    }

    const QString &m_s;
    qsizetype m_i = 0;
};

QString stringLiteral(const QString &s) {
    QString out = QStringLiteral("'");
    const QList<uint> ucs4 = s.toUcs4();
    for (const uint cp : ucs4) {
        switch (cp) {
        case '\\':
            out += QLatin1String("\\\\");
            continue;
        case '\'':
            out += QLatin1String("\\'");
            continue;
        case '\n':
            out += QLatin1String("\\n");
            continue;
        case '\r':
            out += QLatin1String("\\r");
            continue;
        case '\t':
            out += QLatin1String("\\t");
            continue;
        default:
            break;
        }
        if (cp < 0x20 || cp == 0x7f) {
            out += QStringLiteral("\\x%1").arg(cp, 2, 16, QLatin1Char('0'));
        } else if (cp < 0x80) {
            out += QChar(char16_t(cp));
        } else {
            const char32_t c = cp;
            const QString ch = QString::fromUcs4(&c, 1);
            // Keep printable text (Japanese names, accents) readable; escape the rest.
            if (cp <= 0xFFFF && QChar(char16_t(cp)).isPrint() && !QChar(char16_t(cp)).isSurrogate())
                out += ch;
            else if (cp > 0xFFFF && QChar::isPrint(cp))
                out += ch;
            else if (cp <= 0xFFFF)
                out += QStringLiteral("\\u%1").arg(cp, 4, 16, QLatin1Char('0'));
            else
                out += QStringLiteral("\\U%1").arg(cp, 8, 16, QLatin1Char('0'));
        }
    }
    out += QLatin1Char('\'');
    return out;
}

// One logical line of Python source: [start, end) with end at its final '\n' (or EOF).
struct Logical {
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype codeEnd = 0; // after the last code character (before a trailing comment / blanks)
    int firstLine = 0;
    int lastLine = 0;
};

Result<Logical> scanLogical(const QByteArray &c, qsizetype pos, int line, const QString &fileName) {
    Logical l;
    l.start = pos;
    l.firstLine = line;
    l.codeEnd = pos;
    QList<std::pair<char, int>> open;
    const qsizetype n = c.size();
    qsizetype i = pos;
    while (i < n) {
        const char ch = c.at(i);
        if (ch == '#') {
            while (i < n && c.at(i) != '\n')
                ++i;
            continue;
        }
        if (ch == '\\' && i + 1 < n &&
            (c.at(i + 1) == '\n' || (c.at(i + 1) == '\r' && i + 2 < n && c.at(i + 2) == '\n'))) {
            i += c.at(i + 1) == '\n' ? 2 : 3;
            ++line;
            continue;
        }
        if (ch == '\n') {
            if (open.isEmpty())
                break;
            ++line;
            ++i;
            continue;
        }
        if (ch == '\'' || ch == '"') {
            const bool triple = i + 2 < n && c.at(i + 1) == ch && c.at(i + 2) == ch;
            const int startLine = line;
            i += triple ? 3 : 1;
            bool closed = false;
            while (i < n) {
                const char d = c.at(i);
                if (d == '\\' && i + 1 < n) {
                    if (c.at(i + 1) == '\n')
                        ++line;
                    i += 2;
                    continue;
                }
                if (d == '\n') {
                    if (!triple)
                        break;
                    ++line;
                }
                if (d == ch && (!triple || (i + 2 < n && c.at(i + 1) == ch && c.at(i + 2) == ch))) {
                    i += triple ? 3 : 1;
                    closed = true;
                    break;
                }
                ++i;
            }
            if (!closed)
                return locatedError(
                    QStringLiteral("config.python.string"), {fileName, startLine},
                    QCoreApplication::translate("ConfigParser",
                                                "The string that starts here is not terminated."));
            l.codeEnd = i;
            continue;
        }
        if (ch == '(' || ch == '[' || ch == '{') {
            open.append({ch, line});
        } else if (ch == ')' || ch == ']' || ch == '}') {
            const char want = ch == ')' ? '(' : ch == ']' ? '[' : '{';
            if (open.isEmpty() || open.last().first != want)
                return locatedError(QStringLiteral("config.python.bracket"), {fileName, line},
                                    QCoreApplication::translate("ConfigParser", "Unmatched '%1'.")
                                        .arg(QLatin1Char(ch)));
            open.removeLast();
        }
        if (!isBlank(ch) && ch != '\r')
            l.codeEnd = i + 1;
        ++i;
    }
    if (!open.isEmpty())
        return locatedError(
            QStringLiteral("config.python.bracket"), {fileName, open.last().second},
            QCoreApplication::translate("ConfigParser", "The '%1' opened here is never closed.")
                .arg(QLatin1Char(open.last().first)));
    l.end = i;
    l.lastLine = line;
    return l;
}

Result<QList<PyAssignment>> parseAssignments(const QByteArray &content, const QString &fileName) {
    static const QRegularExpression assign(
        QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*)[ \\t]*(\\+?=)(?!=)[ \\t]*"));
    QList<PyAssignment> out;
    qsizetype pos = 0;
    int line = 1;
    const qsizetype n = content.size();
    while (pos < n) {
        if (content.at(pos) == '\0')
            return locatedError(
                QStringLiteral("config.python.nul"), {fileName, line},
                QCoreApplication::translate("ConfigParser", "The line contains a NUL byte."));
        const Result<Logical> l = scanLogical(content, pos, line, fileName);
        if (!l)
            return l.error();
        const QByteArray code = content.mid(l->start, l->codeEnd - l->start);
        if (code.contains('\0'))
            return locatedError(
                QStringLiteral("config.python.nul"), {fileName, l->firstLine},
                QCoreApplication::translate("ConfigParser", "The line contains a NUL byte."));
        if (!code.isEmpty() && !isBlank(code.at(0))) {
            const QString text = QString::fromUtf8(code);
            const QRegularExpressionMatch m = assign.match(text);
            if (m.hasMatch()) {
                PyAssignment a;
                a.name = m.captured(1);
                a.augmented = m.captured(2) == QLatin1String("+=");
                a.line = l->firstLine;
                a.lastLine = l->lastLine;
                a.valueStart = l->start + m.capturedEnd(0); // the prefix is ASCII: bytes == chars
                a.valueEnd = std::max(a.valueStart, l->codeEnd);
                a.source = QString::fromUtf8(content.mid(a.valueStart, a.valueEnd - a.valueStart));
                Result<PyValue> v = parsePythonLiteral(a.source);
                if (v) {
                    a.value = std::move(v).value();
                } else {
                    a.value.kind = PyValue::Kind::Expression;
                    a.value.text = a.source;
                }
                out.append(a);
            }
        }
        line = l->lastLine + 1;
        pos = l->end < n ? l->end + 1 : n;
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------

PyValue PyValue::fromBool(bool b) {
    PyValue v;
    v.kind = Kind::Bool;
    v.boolean = b;
    return v;
}

PyValue PyValue::fromInt(qint64 i) {
    PyValue v;
    v.kind = Kind::Int;
    v.integer = i;
    return v;
}

PyValue PyValue::fromString(const QString &s) {
    PyValue v;
    v.kind = Kind::String;
    v.text = s;
    return v;
}

PyValue PyValue::fromStringList(const QStringList &list) {
    PyValue v;
    v.kind = Kind::List;
    for (const QString &s : list)
        v.items.push_back(fromString(s));
    return v;
}

QStringList PyValue::toStringList() const {
    QStringList out;
    for (const PyValue &item : items) {
        if (item.kind == Kind::String)
            out.append(item.text);
    }
    return out;
}

QString PyValue::toLiteral() const {
    switch (kind) {
    case Kind::None:
        return QStringLiteral("None");
    case Kind::Bool:
        return boolean ? QStringLiteral("True") : QStringLiteral("False");
    case Kind::Int:
        return QString::number(integer);
    case Kind::Float: {
        if (!std::isfinite(real))
            return QStringLiteral("float('%1')")
                .arg(std::isnan(real) ? QStringLiteral("nan")
                     : real > 0       ? QStringLiteral("inf")
                                      : QStringLiteral("-inf"));
        QString s = QString::number(real, 'g', 17);
        if (!s.contains(QLatin1Char('.')) && !s.contains(QLatin1Char('e')))
            s += QStringLiteral(".0");
        return s;
    }
    case Kind::String:
        return stringLiteral(text);
    case Kind::List:
    case Kind::Tuple: {
        QStringList parts;
        for (const PyValue &item : items)
            parts.append(item.toLiteral());
        if (kind == Kind::List)
            return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
        if (parts.size() == 1)
            return QLatin1Char('(') + parts.first() + QStringLiteral(",)");
        return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    case Kind::Dict: {
        QStringList parts;
        for (const auto &[k, v] : entries)
            parts.append(k.toLiteral() + QStringLiteral(": ") + v.toLiteral());
        return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    case Kind::Expression:
        return text;
    }
    return {};
}

bool PyValue::operator==(const PyValue &o) const {
    if (kind != o.kind)
        return false;
    switch (kind) {
    case Kind::None:
        return true;
    case Kind::Bool:
        return boolean == o.boolean;
    case Kind::Int:
        return integer == o.integer;
    case Kind::Float:
        return real == o.real;
    case Kind::String:
    case Kind::Expression:
        return text == o.text;
    case Kind::List:
    case Kind::Tuple:
        return items == o.items;
    case Kind::Dict:
        return entries == o.entries;
    }
    return false;
}

Result<PyValue> parsePythonLiteral(const QString &source) {
    LiteralParser p(source);
    return p.parseAll();
}

// ---------------------------------------------------------------------------------------------

const QList<IredapdDefault> &IredapdSettings::builtinDefaults() {
    // facts/iredmail.md §6.3 (iRedAPD 6.x libs/default_settings.py). The server's own
    // default_settings.py, when read, takes precedence over this table.
    static const QList<IredapdDefault> table = [] {
        const auto d = [](const char *name, const char *literal, const QString &description) {
            return IredapdDefault{QString::fromLatin1(name), QString::fromLatin1(literal),
                                  description};
        };
        return QList<IredapdDefault>{
            d("SYSLOG_SERVER", "'/dev/log'", {}),
            d("SYSLOG_PORT", "514", {}),
            d("SYSLOG_FACILITY", "'local5'", {}),
            d("PLUGIN_PRIORITIES", "{}", {}),
            d("MYNETWORKS", "[]",
              QCoreApplication::translate(
                  "ConfigParser",
                  "Trusted client addresses (IPs, wildcards, CIDR networks); 127.0.0.1 and ::1 are "
                  "always trusted.")),
            d("RECIPIENT_DELIMITERS", "['+']", {}),
            d("SQL_CONNECTION_POOL_SIZE", "10", {}),
            d("SQL_CONNECTION_MAX_OVERFLOW", "10", {}),
            d("SQL_CONNECTION_POOL_RECYCLE", "60", {}),
            d("DNS_QUERY_TIMEOUT", "3.0", {}),
            d("LOG_SMTP_SESSIONS", "True", {}),
            d("LOG_SMTP_SESSIONS_EXPIRE_DAYS", "7", {}),
            d("LOG_SMTP_SESSIONS_BYPASS_DUNNO", "False", {}),
            d("LOG_SMTP_SESSIONS_BYPASS_GREYLISTING", "False", {}),
            d("LOG_SMTP_SESSIONS_BYPASS_WHITELIST", "False", {}),
            d("SPF_MAX_DNS_QUERIES", "20", {}),
            d("ENABLE_ALL_WILDCARD_IP", "False", {}),
            d("WBLIST_BYPASS_OUTGOING_EMAIL", "False", {}),
            d("WBLIST_DISCARD_INSTEAD_OF_REJECT", "False", {}),
            d("CHANGE_PASSWORD_DAYS", "90", {}),
            d("CHANGE_PASSWORD_MESSAGE",
              "'Password expired or never changed, please change your password in webmail before "
              "sending email'",
              {}),
            d("CHANGE_PASSWORD_NEVER_EXPIRE_USERS", "[]", {}),
            d("CHECK_FORGED_SENDER", "True",
              QCoreApplication::translate(
                  "ConfigParser",
                  "An unauthenticated sender in a local domain is treated as forged.")),
            d("ALLOWED_FORGED_SENDERS", "[]", {}),
            d("CHECK_SPF_IF_LOGIN_MISMATCH", "True",
              QCoreApplication::translate(
                  "ConfigParser",
                  "Before rejecting a forged sender, allow the client if the sender domain's SPF "
                  "record lists its IP address.")),
            d("ALLOWED_LOGIN_MISMATCH_SENDERS", "[]",
              QCoreApplication::translate(
                  "ConfigParser", "Authenticated users or domains that may send as any address.")),
            d("ALLOWED_LOGIN_MISMATCH_STRICTLY", "True", {}),
            d("ALLOWED_LOGIN_MISMATCH_LIST_MEMBER", "False",
              QCoreApplication::translate(
                  "ConfigParser",
                  "Members of a mailing list or alias may send as the list's address.")),
            d("GREYLISTING_MESSAGE", "'Intentional policy rejection, please try again later'", {}),
            d("GREYLISTING_TRAINING_MODE", "False", {}),
            d("GREYLISTING_BLOCK_EXPIRE", "15", {}),
            d("GREYLISTING_AUTH_TRIPLET_EXPIRE", "30", {}),
            d("GREYLISTING_UNAUTH_TRIPLET_EXPIRE", "1", {}),
            d("GREYLISTING_BYPASS_SPF", "True", {}),
            d("WL_RCPT_FOR_GREYLISTING", "True", {}),
            d("WL_RCPT_WITHOUT_SPF", "False", {}),
            d("WL_RCPT_LOCAL_ACCOUNT", "'user'", {}),
            d("WL_RCPT_RCPT", "'user'", {}),
            d("WL_RCPT_WHITELIST_DOMAIN_FOR_GREYLISTING", "False", {}),
            d("THROTTLE_BYPASS_MYNETWORKS", "False", {}),
            d("THROTTLE_BYPASS_LOCAL_RECIPIENT", "True", {}),
            d("THROTTLE_BYPASS_SAME_DOMAIN", "True", {}),
            d("SENDERSCORE_REJECT_SCORE", "30", {}),
            d("SENDERSCORE_CACHE_DAYS", "2", {}),
            d("MLMMJADMIN_API_AUTH_TOKEN_HEADER_NAME", "'X-MLMMJADMIN-API-AUTH-TOKEN'", {}),
            d("CMD_SENDMAIL", "'/usr/sbin/sendmail'", {}),
            d("NOTIFICATION_RECIPIENTS", "['root']", {}),
            d("CLEANUP_QUERY_SIZE_LIMIT", "1000", {}),
        };
    }();
    return table;
}

bool IredapdSettings::isIdentifier(const QString &name) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    static const QStringList keywords = {
        QStringLiteral("False"),  QStringLiteral("None"),     QStringLiteral("True"),
        QStringLiteral("and"),    QStringLiteral("as"),       QStringLiteral("assert"),
        QStringLiteral("async"),  QStringLiteral("await"),    QStringLiteral("break"),
        QStringLiteral("class"),  QStringLiteral("continue"), QStringLiteral("def"),
        QStringLiteral("del"),    QStringLiteral("elif"),     QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"),  QStringLiteral("for"),
        QStringLiteral("from"),   QStringLiteral("global"),   QStringLiteral("if"),
        QStringLiteral("import"), QStringLiteral("in"),       QStringLiteral("is"),
        QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"),     QStringLiteral("pass"),     QStringLiteral("raise"),
        QStringLiteral("return"), QStringLiteral("try"),      QStringLiteral("while"),
        QStringLiteral("with"),   QStringLiteral("yield")};
    return re.match(name).hasMatch() && !keywords.contains(name);
}

Result<IredapdSettings> IredapdSettings::parse(const QByteArray &content, const QString &fileName,
                                               const std::optional<QByteArray> &defaultSettings) {
    IredapdSettings s;
    s.m_content = content;
    s.m_fileName = fileName;
    Result<QList<PyAssignment>> a = parseAssignments(content, fileName);
    if (!a)
        return a.error();
    s.m_assignments = std::move(a).value();
    if (defaultSettings) {
        Result<QList<PyAssignment>> d =
            parseAssignments(*defaultSettings, QStringLiteral("default_settings.py"));
        if (!d)
            return d.error();
        s.m_defaults = std::move(d).value();
        s.m_haveServerDefaults = true;
    }
    QHash<QString, int> seen;
    for (const PyAssignment &x : s.m_assignments) {
        if (seen.contains(x.name) && !x.augmented)
            s.m_warnings.append(
                ConfigLocation{fileName, x.line}.toString() + QStringLiteral(": ") +
                QCoreApplication::translate("ConfigParser",
                                            "%1 is set again; the value at line %2 is ignored.")
                    .arg(x.name)
                    .arg(seen.value(x.name)));
        seen.insert(x.name, x.line);
    }
    return s;
}

std::optional<PyAssignment> IredapdSettings::assignment(const QString &name) const {
    for (auto it = m_assignments.crbegin(); it != m_assignments.crend(); ++it) {
        if (it->name == name)
            return *it;
    }
    return std::nullopt;
}

std::optional<IredapdSettings::Effective> IredapdSettings::effective(const QString &name) const {
    std::optional<Effective> e;
    // The default first.
    if (m_haveServerDefaults) {
        for (const PyAssignment &d : m_defaults) {
            if (d.name != name)
                continue;
            if (!e || !d.augmented)
                e = Effective{d.value, true, std::nullopt, {}};
            else if (d.value.kind == PyValue::Kind::List && e->value.kind == PyValue::Kind::List)
                e->value.items.insert(e->value.items.end(), d.value.items.begin(),
                                      d.value.items.end());
        }
    } else {
        for (const IredapdDefault &d : builtinDefaults()) {
            if (d.name == name) {
                Result<PyValue> v = parsePythonLiteral(d.literal);
                if (v)
                    e = Effective{std::move(v).value(), true, std::nullopt, {}};
            }
        }
    }
    for (const PyAssignment &a : m_assignments) {
        if (a.name != name)
            continue;
        const ConfigLocation where{m_fileName, a.line};
        if (a.augmented && e && e->value.kind == PyValue::Kind::List &&
            a.value.kind == PyValue::Kind::List) {
            e->value.items.insert(e->value.items.end(), a.value.items.begin(), a.value.items.end());
            e->isDefault = false;
            if (e->where)
                e->overridden.append(*e->where);
            e->where = where;
            continue;
        }
        QList<ConfigLocation> earlier = e ? e->overridden : QList<ConfigLocation>();
        if (e && e->where)
            earlier.append(*e->where);
        e = Effective{a.value, false, where, earlier};
    }
    return e;
}

Result<QByteArray> IredapdSettings::withValue(const QString &name, const PyValue &value) const {
    if (!isIdentifier(name))
        return Error{
            QStringLiteral("config.python.name"),
            QCoreApplication::translate("ConfigParser", "\"%1\" is not a valid setting name.")
                .arg(name),
            {}};
    if (value.kind == PyValue::Kind::Expression)
        return Error{QStringLiteral("config.python.expression"),
                     QCoreApplication::translate(
                         "ConfigParser",
                         "Only plain values (True/False, numbers, text, lists) can be written."),
                     {}};
    for (const PyAssignment &a : m_assignments) {
        if (a.name == name && a.augmented)
            return locatedError(
                QStringLiteral("config.python.augmented"), {m_fileName, a.line},
                QCoreApplication::translate("ConfigParser",
                                            "%1 is extended with \"+=\" here; change it by hand.")
                    .arg(name));
    }
    QString literal = value.toLiteral();
    const std::optional<PyAssignment> last = assignment(name);
    if (last) {
        // A list that was written over several lines stays one item per line.
        if ((value.kind == PyValue::Kind::List || value.kind == PyValue::Kind::Tuple) &&
            !value.items.empty() && last->source.contains(QLatin1Char('\n'))) {
            const bool list = value.kind == PyValue::Kind::List;
            literal = list ? QStringLiteral("[\n") : QStringLiteral("(\n");
            for (const PyValue &item : value.items)
                literal += QStringLiteral("    ") + item.toLiteral() + QStringLiteral(",\n");
            literal += list ? QLatin1Char(']') : QLatin1Char(')');
            if (lineTerminator(m_content) == "\r\n")
                literal.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
        }
        return spliced(m_content, last->valueStart, last->valueEnd, literal.toUtf8());
    }
    QByteArray out = m_content;
    const QByteArray eol = lineTerminator(m_content);
    if (!out.isEmpty() && !out.endsWith('\n'))
        out.append(eol);
    out.append(name.toUtf8() + " = " + literal.toUtf8() + eol);
    return out;
}

Result<QByteArray> IredapdSettings::without(const QString &name) const {
    const QList<TextLine> lines = splitLines(m_content);
    QByteArray out = m_content;
    for (auto it = m_assignments.crbegin(); it != m_assignments.crend(); ++it) {
        if (it->name != name)
            continue;
        out = spliced(out, lines.at(it->line - 1).start, lines.at(it->lastLine - 1).end, {});
    }
    return out;
}

} // namespace maildeck::config
