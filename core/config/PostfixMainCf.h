#pragma once

#include "core/common/Result.h"
#include "core/config/ConfigText.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace maildeck::config {

// One "name = value" assignment of main.cf, with where it sits in the file.
struct PostfixParameter {
    QString name;
    QString value;     // continuation lines joined by one space, trimmed (as postconf shows it)
    int firstLine = 0; // 1-based line of "name ="
    int lastLine = 0;  // last line of its continuation lines
    qsizetype valueStart = 0; // byte span of the value as written (may cover several lines)
    qsizetype valueEnd = 0;
    QList<int> physicalLines; // the lines that make up the statement (not interleaved comments)
};

// Postfix main.cf as written. Parsing keeps the bytes; edits return new bytes in which only
// the edited statement differs. Rules as in postconf(5): '#' starts a comment only as the first
// non-blank character of a line; blank and comment lines are skipped; a line starting with
// white space continues the previous statement; the last assignment of a name wins.
class PostfixMainCf {
public:
    static Result<PostfixMainCf> parse(const QByteArray &content,
                                       const QString &fileName = QStringLiteral("main.cf"));

    const QByteArray &content() const { return m_content; }
    const QString &fileName() const { return m_fileName; }
    const QList<PostfixParameter> &entries() const {
        return m_entries;
    } // file order, duplicates kept

    // The assignment that takes effect (the last one), if any.
    std::optional<PostfixParameter> effective(const QString &name) const;
    // Every assignment of a name, in file order (more than one: the earlier ones are ignored).
    QList<PostfixParameter> assignments(const QString &name) const;
    // name -> effective raw value, sorted by name (like postconf -n without defaults).
    QMap<QString, QString> values() const;
    // Human-readable notes such as "main.cf:11: myhostname is set again; line 1 is ignored".
    const QStringList &warnings() const { return m_warnings; }

    // The effective value with $name, ${name}, $(name), ${name?x}, ${name:x} expanded against
    // the other parameters, then against fallback (e.g. `postconf -d` output) — for display.
    QString expandedValue(const QString &name, const QMap<QString, QString> &fallback = {}) const;

    // Sets name = value: the effective assignment's value is replaced in place (a multi-line
    // value becomes one line; comment lines inside it stay), or "name = value" is appended.
    // Fails on a bad name or a value with a line break or NUL. Earlier, overridden
    // assignments are left alone (see assignments()).
    Result<QByteArray> withParameter(const QString &name, const QString &value) const;
    // Removes every assignment of name (removing only the last would revive an earlier one).
    Result<QByteArray> withoutParameter(const QString &name) const;

    static bool isValidName(const QString &name);

private:
    QByteArray m_content;
    QString m_fileName;
    QList<PostfixParameter> m_entries;
    QStringList m_warnings;
};

// Expands Postfix $-references in value; lookup returns nullopt for unknown names (kept as
// written). Recursion is limited, so loops ($a = $b, $b = $a) terminate.
QString expandPostfixValue(const QString &value,
                           const std::function<std::optional<QString>(const QString &)> &lookup);

// Parses `postconf -n` / `postconf -d` / `postconf NAME…` output: "name = value" per line.
Result<QMap<QString, QString>> parsePostconfOutput(const QByteArray &output);

} // namespace maildeck::config
