#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace maildeck::config {

// A place in a configuration file: the file as the server names it and a 1-based line.
struct ConfigLocation {
    QString file;
    int line = 0;

    QString toString() const; // "/etc/dovecot/dovecot.conf:12"
    bool operator==(const ConfigLocation &other) const = default;
};

// One physical line of a file, as byte offsets into the file's content.
struct TextLine {
    qsizetype start = 0;      // first byte of the line
    qsizetype contentEnd = 0; // first byte of the terminator ("\n" or "\r\n"), or the end
    qsizetype end = 0;        // first byte after the terminator
    int number = 0;           // 1-based
};

// Splits content into physical lines; a last line without terminator counts as a line.
QList<TextLine> splitLines(const QByteArray &content);

// The line terminator a file uses ("\r\n" if its first line ends so, else "\n").
QByteArray lineTerminator(const QByteArray &content);

// An Error whose message starts with "file:line: " (line 0: just "file: ").
Error locatedError(const QString &code, const ConfigLocation &where, const QString &message);

// Replaces bytes [start, end) of content with replacement.
QByteArray spliced(const QByteArray &content, qsizetype start, qsizetype end,
                   const QByteArray &replacement);

// True for a space or a tab.
inline bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

} // namespace maildeck::config
