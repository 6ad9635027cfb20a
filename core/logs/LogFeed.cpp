#include "core/logs/LogFeed.h"

#include "core/logs/LogTail.h"

#include <QDateTime>

namespace maildeck::logs {

LogFeed::LogFeed(EventStore &store, LogTail *tail, const QString &sourceName,
                 int serverUtcOffsetMinutes, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_ingestor(store)
    , m_offsetMinutes(serverUtcOffsetMinutes) {
    LogSource source;
    source.name = sourceName;
    source.inMemory = true; // nothing local to re-read the raw lines from
    m_ingestor.beginSource(m_store.addSource(source));
    connect(tail, &LogTail::linesArrived, this, &LogFeed::onLines);
}

void LogFeed::onLines(const QByteArray &lines, bool backfill) {
    m_ingestor.parser().time().setReference(QDateTime::currentMSecsSinceEpoch(), m_offsetMinutes);
    const std::uint32_t before = m_store.size();
    const std::uint64_t linesBefore = m_ingestor.stats().lines;
    m_ingestor.feed(lines.constData(), std::size_t(lines.size()));
    if (backfill)
        m_backfillLines += m_ingestor.stats().lines - linesBefore;
    if (m_store.size() > before)
        Q_EMIT rowsAppended(before, m_store.size() - before, backfill);
}

} // namespace maildeck::logs
