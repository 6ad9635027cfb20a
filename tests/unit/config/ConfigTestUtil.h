#pragma once

#include "core/config/UnifiedDiff.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

#include <initializer_list>

// Helpers shared by the core/config tests.
namespace configtest {

inline QString fixtureDir() {
    return QStringLiteral(MAILDECK_SOURCE_DIR "/tests/unit/config/fixtures");
}

inline QByteArray readFixture(const QString &relative) {
    QFile f(fixtureDir() + QLatin1Char('/') + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fixture %s missing", qPrintable(relative));
    return f.readAll();
}

// The changed lines of a diff: "-old" / "+new", in order (context dropped).
inline QStringList changedLines(const QByteArray &oldText, const QByteArray &newText) {
    QStringList out;
    for (const maildeck::config::DiffHunk &h : maildeck::config::diffHunks(oldText, newText, 0)) {
        for (const maildeck::config::DiffLine &l : h.lines) {
            if (l.kind == maildeck::config::DiffLine::Kind::Removed)
                out.append(QLatin1Char('-') + QString::fromUtf8(l.text));
            else if (l.kind == maildeck::config::DiffLine::Kind::Added)
                out.append(QLatin1Char('+') + QString::fromUtf8(l.text));
        }
    }
    return out;
}

// Test data is written as plain literals; the build forbids implicit ASCII casts.
inline QString S(const char *utf8) {
    return QString::fromUtf8(utf8);
}
inline QStringList SL(std::initializer_list<const char *> items) {
    QStringList out;
    for (const char *s : items)
        out.append(QString::fromUtf8(s));
    return out;
}

} // namespace configtest
