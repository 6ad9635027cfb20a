#pragma once

#include "core/compat/Diagnosis.h"
#include "core/logs/EventStore.h"
#include "core/logs/ReasonClass.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace maildeck::ui {

// A reject or login-failure event the wizard starts from (the reject-log view's selection).
struct EventPrefill {
    logs::ReasonClass reason = logs::ReasonClass::Other;
    QString clientIp;
    QString helo;
    QString sender;
    QString recipient;
    QString user;
    QString protocol; // "pop3", "imap", "smtp" when the log says so
    QDateTime time;   // UTC
    QString rawLine;

    static EventPrefill fromRecord(const logs::EventRecord &record, const QByteArray &rawLine = {});
    // The diagnosis' form of the event (its class as the reason class's stable id).
    compat::ClientEvent toCompatEvent() const;
};

// The client profile (compat::ClientProfile key) the wizard uses for an event of `reason`: the
// catalog's "wizard:<key>" action when it names a known profile, otherwise
// compat::profileFromEvent's choice. Empty: the wizard does not handle the class.
QString profileIdForEvent(logs::ReasonClass reason, const QString &catalogAction = {});

} // namespace maildeck::ui
