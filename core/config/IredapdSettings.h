#pragma once

#include "core/common/Result.h"
#include "core/config/ConfigText.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace maildeck::config {

// A Python literal as found in iRedAPD's settings.py. Anything that is not a plain literal
// (a name, a call, an operator) is kept as Expression with its source text.
struct PyValue {
    enum class Kind { None, Bool, Int, Float, String, List, Tuple, Dict, Expression };
    Kind kind = Kind::None;
    bool boolean = false;
    qint64 integer = 0;
    double real = 0;
    QString text;               // String: the decoded text; Expression: the source
    std::vector<PyValue> items; // List, Tuple
    std::vector<std::pair<PyValue, PyValue>> entries; // Dict

    static PyValue none() { return {}; }
    static PyValue fromBool(bool b);
    static PyValue fromInt(qint64 i);
    static PyValue fromString(const QString &s);
    static PyValue fromStringList(const QStringList &list); // a Python list of strings

    bool isTrue() const { return kind == Kind::Bool && boolean; }
    // The strings of a List/Tuple (non-strings skipped).
    QStringList toStringList() const;
    // Python source for the value: strings single-quoted with every quote, backslash and control
    // character escaped, so no text can end the literal. Expression values return their source.
    QString toLiteral() const;
    bool operator==(const PyValue &other) const;
};

// Parses one Python literal expression (the right-hand side of an assignment).
Result<PyValue> parsePythonLiteral(const QString &source);

// One top-level "NAME = value" of settings.py.
struct PyAssignment {
    QString name;
    PyValue value;
    QString source;         // the value's source text
    bool augmented = false; // "NAME += value"
    int line = 0;
    int lastLine = 0;
    qsizetype valueStart = 0; // byte span of the value's source
    qsizetype valueEnd = 0;
};

// A default of iRedAPD's libs/default_settings.py that MailDeck knows about.
struct IredapdDefault {
    QString name;
    QString literal;     // Python source of the default
    QString description; // translated
};

// /opt/iredapd/settings.py: its assignments over the defaults of libs/default_settings.py.
class IredapdSettings {
public:
    // defaultSettings: the server's libs/default_settings.py if it was read (preferred, as the
    // defaults change between releases); otherwise the built-in table is used.
    static Result<IredapdSettings>
    parse(const QByteArray &content,
          const QString &fileName = QStringLiteral("/opt/iredapd/settings.py"),
          const std::optional<QByteArray> &defaultSettings = std::nullopt);

    const QByteArray &content() const { return m_content; }
    const QList<PyAssignment> &assignments() const { return m_assignments; }
    std::optional<PyAssignment> assignment(const QString &name) const; // the last one

    struct Effective {
        PyValue value;
        bool isDefault = false;              // not set in settings.py
        std::optional<ConfigLocation> where; // the assignment in settings.py that wins
        QList<ConfigLocation> overridden;    // earlier assignments of the name
    };
    // The value iRedAPD uses (settings.py's last assignment, else the default), or nullopt
    // if neither sets the name. "+=" on lists is applied.
    std::optional<Effective> effective(const QString &name) const;
    const QStringList &warnings() const { return m_warnings; }

    // NAME = value: the last assignment's value is replaced in place, or a line is appended.
    // Fails on a name that is not a Python identifier, an Expression value, or a name that is
    // changed with "+=" (edit those by hand).
    Result<QByteArray> withValue(const QString &name, const PyValue &value) const;
    // Removes every assignment of name, so the default applies again.
    Result<QByteArray> without(const QString &name) const;

    static const QList<IredapdDefault> &builtinDefaults();
    static bool isIdentifier(const QString &name);

private:
    QByteArray m_content;
    QString m_fileName;
    QList<PyAssignment> m_assignments;
    QList<PyAssignment> m_defaults; // from the server's default_settings.py, if given
    bool m_haveServerDefaults = false;
    QStringList m_warnings;
};

} // namespace maildeck::config
