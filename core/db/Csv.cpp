#include "core/db/Csv.h"

namespace maildeck::db {

namespace {

QChar detectDelimiter(const QString &text) {
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    const QString first = end < 0 ? text : text.left(end);
    if (first.contains(QLatin1Char(',')))
        return QLatin1Char(',');
    if (first.contains(QLatin1Char(';')))
        return QLatin1Char(';');
    if (first.contains(QLatin1Char('\t')))
        return QLatin1Char('\t');
    return QLatin1Char(',');
}

bool isBlank(const QStringList &fields) {
    return fields.size() == 1 && fields.first().trimmed().isEmpty();
}

} // namespace

Result<QList<CsvRecord>> Csv::parse(const QString &input, QChar delimiter) {
    QString text = input;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (delimiter.isNull())
        delimiter = detectDelimiter(text);

    QList<CsvRecord> records;
    CsvRecord record;
    QString field;
    int line = 1;
    int column = 1;
    record.line = 1;
    bool inQuotes = false;
    bool wasQuoted = false;  // the current field was quoted
    bool afterQuote = false; // a closing quote was seen; only delimiter/line end may follow
    int quoteLine = 0;

    const auto endField = [&] {
        record.fields << field;
        field.clear();
        wasQuoted = false;
        afterQuote = false;
    };
    const auto endRecord = [&] {
        endField();
        if (!isBlank(record.fields))
            records << record;
        record = CsvRecord();
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                    ++column;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else {
                if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) {
                    field += QLatin1Char('\n');
                    ++i;
                    ++line;
                    column = 0;
                } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
                    field += QLatin1Char('\n');
                    ++line;
                    column = 0;
                } else {
                    field += c;
                }
            }
            ++column;
            continue;
        }
        if (c == delimiter) {
            endField();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
            ++line;
            column = 0;
            record.line = line;
        } else if (afterQuote) {
            return Error{QStringLiteral("csv.quote"),
                         tr("Line %1, column %2: unexpected text after a closing quote (a quote "
                            "inside a quoted field must be doubled: \"\").")
                             .arg(line)
                             .arg(column),
                         {}};
        } else if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || wasQuoted)
                return Error{QStringLiteral("csv.quote"),
                             tr("Line %1, column %2: a quote inside an unquoted field. Put the "
                                "whole field in quotes and double the quote.")
                                 .arg(line)
                                 .arg(column),
                             {}};
            inQuotes = true;
            wasQuoted = true;
            quoteLine = line;
        } else {
            field += c;
        }
        ++column;
    }
    if (inQuotes)
        return Error{
            QStringLiteral("csv.unterminated"),
            tr("Line %1: a quoted field is not closed before the end of the file.").arg(quoteLine),
            {}};
    if (!field.isEmpty() || !record.fields.isEmpty() || wasQuoted)
        endRecord();
    return records;
}

QString Csv::formatRecord(const QStringList &fields) {
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        QString field = fields.at(i);
        if (!field.isEmpty() && QStringView(u"=+-@\t\r").contains(field.front()))
            field.prepend(QLatin1Char('\''));
        if (field.contains(QLatin1Char('"')) || field.contains(QLatin1Char(',')) ||
            field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r')) ||
            field.contains(QLatin1Char(';'))) {
            field.replace(QLatin1Char('"'), QLatin1String("\"\""));
            field = QLatin1Char('"') + field + QLatin1Char('"');
        }
        if (i)
            line += QLatin1Char(',');
        line += field;
    }
    return line + QLatin1String("\r\n");
}

} // namespace maildeck::db
