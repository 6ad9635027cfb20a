#include "core/session/MyCnf.h"

#include <QCoreApplication>
#include <QList>

namespace maildeck {

namespace {

QString unquote(const QString &raw) {
    QString v = raw.trimmed();
    if (v.size() >= 2 && (v.front() == QLatin1Char('"') || v.front() == QLatin1Char('\''))) {
        const QChar q = v.front();
        QString out;
        for (qsizetype i = 1; i < v.size(); ++i) {
            const QChar c = v.at(i);
            if (c == q)
                break; // anything after the closing quote is ignored (a comment)
            if (c == QLatin1Char('\\') && i + 1 < v.size()) {
                const QChar n = v.at(++i);
                switch (n.unicode()) {
                case 'n':
                    out += QLatin1Char('\n');
                    break;
                case 't':
                    out += QLatin1Char('\t');
                    break;
                case 'r':
                    out += QLatin1Char('\r');
                    break;
                case 'b':
                    out += QLatin1Char('\b');
                    break;
                case 's':
                    out += QLatin1Char(' ');
                    break;
                default:
                    out += n;
                    break; // \\ \" \' and unknown escapes: the character itself
                }
                continue;
            }
            out += c;
        }
        return out;
    }
    // Unquoted: a comment starts at a '#' after whitespace (MariaDB's rule).
    for (qsizetype i = 1; i < v.size(); ++i) {
        if (v.at(i) == QLatin1Char('#') && v.at(i - 1).isSpace()) {
            v.truncate(i);
            break;
        }
    }
    return v.trimmed();
}

QString normaliseKey(QString key) {
    key = key.trimmed().toLower();
    key.replace(QLatin1Char('-'), QLatin1Char('_'));
    return key;
}

} // namespace

Result<MyCnfCredentials> MyCnf::parse(const QByteArray &text, const QString &fileName) {
    static const QStringList groups{QStringLiteral("client"), QStringLiteral("client-server"),
                                    QStringLiteral("client-mariadb"), QStringLiteral("mysql")};
    MyCnfCredentials c;
    bool inGroup = false;
    const QString content = QString::fromUtf8(text);
    for (QString line : content.split(QLatin1Char('\n'))) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString t = line.trimmed();
        if (t.isEmpty() || t.startsWith(QLatin1Char('#')) || t.startsWith(QLatin1Char(';')) ||
            t.startsWith(QLatin1Char('!')))
            continue;
        if (t.startsWith(QLatin1Char('['))) {
            const qsizetype end = t.indexOf(QLatin1Char(']'));
            const QString g = t.mid(1, end > 0 ? end - 1 : -1).trimmed().toLower();
            inGroup = groups.contains(g);
            continue;
        }
        if (!inGroup)
            continue;
        const qsizetype eq = t.indexOf(QLatin1Char('='));
        const QString key = normaliseKey(eq < 0 ? t : t.left(eq));
        const QString value = eq < 0 ? QString() : unquote(t.mid(eq + 1));
        if (key == QLatin1String("user"))
            c.user = value;
        else if (key == QLatin1String("password")) {
            c.password = value;
            c.hasPassword = eq >= 0;
        } else if (key == QLatin1String("host"))
            c.host = value;
        else if (key == QLatin1String("port"))
            c.port = quint16(value.toUInt());
        else if (key == QLatin1String("socket"))
            c.socket = value;
        else if (key == QLatin1String("database"))
            c.database = value;
    }
    if (!c.hasPassword)
        return Error{QStringLiteral("session.mycnf.nopassword"),
                     QCoreApplication::translate("MyCnf", "%1 has no password in its [client] "
                                                          "section.")
                         .arg(fileName.isEmpty() ? QStringLiteral("The option file") : fileName),
                     {}};
    return c;
}

} // namespace maildeck
