#pragma once

// A small RFC 4180 CSV reader for bulk imports: quoted fields, doubled quotes inside quotes,
// delimiters and line breaks inside quotes, CRLF / LF / CR line ends, a leading UTF-8 BOM.
// Blank lines are skipped. Errors name the line and column.

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
};

} // namespace maildeck::db
