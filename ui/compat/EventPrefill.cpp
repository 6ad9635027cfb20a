#include "ui/compat/EventPrefill.h"

namespace maildeck::ui {

using logs::ReasonClass;

EventPrefill EventPrefill::fromRecord(const logs::EventRecord &record, const QByteArray &rawLine) {
    EventPrefill e;
    e.reason = record.reason;
    e.clientIp = record.clientIp;
    e.helo = record.helo;
    e.sender = record.sender;
    e.recipient = record.recipient;
    e.user = record.user;
    e.protocol = record.protocol.toLower();
    if (record.timeMs)
        e.time = QDateTime::fromMSecsSinceEpoch(record.timeMs, Qt::UTC);
    e.rawLine = QString::fromUtf8(rawLine);
    return e;
}

compat::ClientEvent EventPrefill::toCompatEvent() const {
    compat::ClientEvent e;
    e.eventClass = QString::fromLatin1(logs::reasonId(reason).data(),
                                       qsizetype(logs::reasonId(reason).size()));
    e.clientIp = clientIp;
    e.heloName = helo;
    e.sender = sender;
    e.recipient = recipient;
    e.user = user;
    e.rawLine = rawLine;
    return e;
}

QString profileIdForEvent(ReasonClass reason, const QString &catalogAction) {
    const QLatin1String prefix("wizard:");
    if (catalogAction.startsWith(prefix)) {
        const QString key = catalogAction.mid(prefix.size());
        if (compat::ClientProfile::byKey(key))
            return key;
    }
    EventPrefill event;
    event.reason = reason;
    if (const auto found = compat::profileFromEvent(event.toCompatEvent()))
        return found->first.key;
    return {};
}

} // namespace maildeck::ui
