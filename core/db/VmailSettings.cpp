#include "core/db/VmailSettings.h"

namespace maildeck::db {

namespace {
bool isClean(const QString &text) {
    return !text.contains(QLatin1Char(':')) && !text.contains(QLatin1Char(';'));
}
} // namespace

VmailSettings VmailSettings::parse(const QString &text) {
    VmailSettings settings;
    const QStringList items = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const qsizetype colon = item.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        const QString key = item.left(colon).trimmed();
        const QString value = item.mid(colon + 1).trimmed();
        if (!key.isEmpty() && !value.isEmpty())
            settings.m_values.insert(key, value);
    }
    return settings;
}

QString VmailSettings::toString() const {
    QString out;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        out += it.key() + QLatin1Char(':') + it.value() + QLatin1Char(';');
    }
    return out;
}

QStringList VmailSettings::list(const QString &key) const {
    return value(key).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

bool VmailSettings::set(const QString &key, const QString &value) {
    if (key.isEmpty() || !isClean(key) || !isClean(value))
        return false;
    if (value.isEmpty())
        m_values.remove(key);
    else
        m_values.insert(key, value);
    return true;
}

bool VmailSettings::setList(const QString &key, QStringList values) {
    for (const QString &v : values) {
        if (!isClean(v) || v.contains(QLatin1Char(',')))
            return false;
    }
    values.removeAll(QString());
    values.sort();
    values.removeDuplicates();
    return set(key, values.join(QLatin1Char(',')));
}

} // namespace maildeck::db
