#pragma once

// A small RFC 4180 CSV reader for bulk imports: quoted fields, doubled quotes inside quotes,
// delimiters and line breaks inside quotes, CRLF / LF / CR line ends, a leading UTF-8 BOM.
// Blank lines are skipped. Errors name the line and column. And the writer for exports.

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace maildeck::db {

struct CsvRecord {
    int line = 0; // 1-based line on which the record starts
    QStringList fields;
};

class Csv {
    Q_DECLARE_TR_FUNCTIONS(Csv)

public:
    // delimiter 0: ',' unless the first line has ';' or a tab but no ','.
    static Result<QList<CsvRecord>> parse(const QString &text, QChar delimiter = QChar());
    // One record, fields quoted where needed, ending in CRLF. Exported text often comes from
    // strangers (a sender address, a HELO name): a field that a spreadsheet would run as a formula
    // (starting with = + - @, a tab or a CR) gets a leading apostrophe.
    static QString formatRecord(const QStringList &fields);
};

} // namespace maildeck::db
