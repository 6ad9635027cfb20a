#pragma once

// The `settings` columns of `domain`, `mailbox`, `admin` and `maillists`
// (facts/iredmail.md §1.22): "key:value;key2:value2;", list values comma-joined and sorted.
// iRedAdmin's parser breaks on values containing ':' or ';', so set() refuses them.

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

namespace maildeck::db {

class VmailSettings {
    Q_DECLARE_TR_FUNCTIONS(VmailSettings)

public:
    static VmailSettings parse(const QString &text);
    QString toString() const; // "" when empty; otherwise ends with ';'

    bool contains(const QString &key) const { return m_values.contains(key); }
    QString value(const QString &key) const { return m_values.value(key); }
    QStringList list(const QString &key) const;
    // Returns false (and changes nothing) when key or value contains ':' or ';'.
    bool set(const QString &key, const QString &value);
    bool setList(const QString &key, QStringList values);
    void remove(const QString &key) { m_values.remove(key); }
    QMap<QString, QString> values() const { return m_values; }

private:
    QMap<QString, QString> m_values;
};

} // namespace maildeck::db
