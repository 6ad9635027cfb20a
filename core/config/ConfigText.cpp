#include "core/config/ConfigText.h"

namespace maildeck::config {

QString ConfigLocation::toString() const {
    if (line <= 0)
        return file;
    return file + QLatin1Char(':') + QString::number(line);
}

QList<TextLine> splitLines(const QByteArray &content) {
    QList<TextLine> lines;
    qsizetype pos = 0;
    int number = 0;
    const qsizetype size = content.size();
    while (pos < size) {
        TextLine line;
        line.start = pos;
        line.number = ++number;
        const qsizetype nl = content.indexOf('\n', pos);
        if (nl < 0) {
            line.contentEnd = size;
            line.end = size;
        } else {
            line.contentEnd = (nl > pos && content.at(nl - 1) == '\r') ? nl - 1 : nl;
            line.end = nl + 1;
        }
        lines.append(line);
        pos = line.end;
    }
    return lines;
}

QByteArray lineTerminator(const QByteArray &content) {
    const qsizetype nl = content.indexOf('\n');
    if (nl > 0 && content.at(nl - 1) == '\r')
        return QByteArrayLiteral("\r\n");
    return QByteArrayLiteral("\n");
}

Error locatedError(const QString &code, const ConfigLocation &where, const QString &message) {
    Error error;
    error.code = code;
    error.message = where.toString() + QStringLiteral(": ") + message;
    error.detail = where.toString();
    return error;
}

QByteArray spliced(const QByteArray &content, qsizetype start, qsizetype end,
                   const QByteArray &replacement) {
    QByteArray out;
    out.reserve(content.size() - (end - start) + replacement.size());
    out.append(content.constData(), start);
    out.append(replacement);
    out.append(content.constData() + end, content.size() - end);
    return out;
}

} // namespace maildeck::config
