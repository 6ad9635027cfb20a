#pragma once

#include "core/logs/LogIngest.h"

#include <QObject>
#include <QString>

#include <cstdint>

namespace maildeck::logs {

class LogTail;

// Feeds what a LogTail delivers into an event store through the parser: one source per tail,
// the year inference's reference kept at "now" (a live log has no year), new rows announced.
class LogFeed : public QObject {
    Q_OBJECT
public:
    // serverUtcOffsetMinutes: the server's offset, for timestamps that carry none.
    LogFeed(EventStore &store, LogTail *tail, const QString &sourceName, int serverUtcOffsetMinutes,
            QObject *parent = nullptr);

    const IngestStats &stats() const { return m_ingestor.stats(); }
    // Lines that came from the history read at start (the rest are live).
    std::uint64_t backfillLines() const { return m_backfillLines; }

Q_SIGNALS:
    // Rows first … first+count-1 were appended to the store.
    void rowsAppended(std::uint32_t first, std::uint32_t count, bool backfill);

private:
    void onLines(const QByteArray &lines, bool backfill);

    EventStore &m_store;
    LogIngestor m_ingestor;
    int m_offsetMinutes = 0;
    std::uint64_t m_backfillLines = 0;
};

} // namespace maildeck::logs
