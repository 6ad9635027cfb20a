#include "core/logs/LogIngest.h"

#include "core/common/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <zlib.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace maildeck::logs {

IngestStats &IngestStats::operator+=(const IngestStats &o) {
    bytes += o.bytes;
    lines += o.lines;
    events += o.events;
    rejects += o.rejects;
    ignored += o.ignored;
    unparsed += o.unparsed;
    files += o.files;
    return *this;
}

void IngestStats::count(const ParsedLine &p) {
    switch (p.status) {
    case ParseStatus::Unparsed:
        ++unparsed;
        break;
    case ParseStatus::Ignored:
        ++ignored;
        break;
    case ParseStatus::Event:
        ++events;
        if (p.kinds & EventKind::Reject)
            ++rejects;
        break;
    }
}

// One chunk's events, parsed, with the bytes their string_views point into.
struct LogIngestor::Batch {
    std::vector<char> bytes;
    std::deque<std::string> carried; // lines that began in an earlier chunk
    struct Event {
        ParsedLine parsed;
        EventStore::RowKeys keys; // hashed here, on the parsing thread
        std::string_view line;
        std::uint64_t offset;
    };
    std::vector<Event> events;
    std::uint32_t source = 0;
};

// The appending thread: takes batches in order; the parser runs at most one batch ahead (each
// batch holds a 1 MiB chunk and its parsed events: memory, not speed, sets the bound).
class LogIngestor::Appender {
public:
    explicit Appender(EventStore &store)
        : m_store(store)
        , m_thread([this] { run(); }) {}

    ~Appender() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

    void push(std::unique_ptr<Batch> batch) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return m_queue.size() < 1; });
        m_queue.push_back(std::move(batch));
        m_changed.notify_all();
    }

    // Returns when every batch pushed so far is in the store.
    void drain() {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return m_queue.empty() && !m_busy; });
    }

private:
    void run() {
        for (;;) {
            std::unique_ptr<Batch> batch;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || !m_queue.empty(); });
                if (m_queue.empty())
                    return; // stopping, nothing left
                batch = std::move(m_queue.front());
                m_queue.pop_front();
                m_busy = true;
            }
            m_changed.notify_all();
            appendAll(*batch);
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_busy = false;
            }
            m_changed.notify_all();
        }
    }

    // Rows ahead of the one appended, for each prefetch step (EventStore::prefetch): a row's
    // append takes about as long as a cache miss, so one or two rows per step is enough.
    static constexpr std::size_t kAhead[3] = {4, 2, 1};

    void appendAll(const Batch &batch) {
        const std::vector<Batch::Event> &events = batch.events;
        const std::size_t n = events.size();
        for (std::size_t i = 0; i < std::min(n, kAhead[0]); ++i)
            m_store.prefetch(events[i].keys, 0);
        for (std::size_t i = 0; i < n; ++i) {
            for (int step = 0; step < 3; ++step)
                if (i + kAhead[step] < n)
                    m_store.prefetch(events[i + kAhead[step]].keys, step);
            const Batch::Event &e = events[i];
            m_store.append(e.parsed, e.keys, e.line, batch.source, e.offset);
        }
    }

    EventStore &m_store;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<Batch>> m_queue;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread; // last: starts once the rest is set up
};

LogIngestor::LogIngestor(EventStore &store, std::size_t maxLine)
    : m_store(store)
    , m_splitter(maxLine) {}

LogIngestor::~LogIngestor() = default;

void LogIngestor::setPipelined(bool on) {
    if (on && !m_appender)
        m_appender = std::make_unique<Appender>(m_store);
    else if (!on)
        m_appender.reset(); // appends what is queued, then stops
}

void LogIngestor::feedBatch(const char *data, std::size_t size, bool last) {
    auto batch = std::make_unique<Batch>();
    batch->source = m_source;
    batch->bytes.assign(data, data + size);
    batch->events.reserve(size / 256); // mail logs: ≈ 170 bytes a line, half of them events
    const char *base = batch->bytes.data();
    auto onLine = [&](std::string_view line, std::uint64_t offset) {
        if (line.empty() || line.data() < base || line.data() >= base + size) {
            // from the splitter's carry-over buffer, which the next chunk reuses
            batch->carried.emplace_back(line);
            line = batch->carried.back();
        }
        ++m_stats.lines;
        const ParsedLine p = m_parser.parse(line);
        m_stats.count(p);
        if (p.status == ParseStatus::Event)
            batch->events.push_back({p, EventStore::keysOf(p), line, offset});
    };
    if (last)
        m_splitter.finish(onLine);
    else
        m_splitter.feed(base, size, onLine);
    if (!batch->events.empty())
        m_appender->push(std::move(batch));
}

void LogIngestor::beginSource(std::uint32_t sourceId, std::uint64_t startOffset) {
    m_source = sourceId;
    m_splitter.reset(startOffset);
}

void LogIngestor::onLine(std::string_view line, std::uint64_t offset) {
    ++m_stats.lines;
    const ParsedLine p = m_parser.parse(line);
    m_stats.count(p);
    if (p.status == ParseStatus::Event)
        m_store.append(p, line, m_source, offset);
}

void LogIngestor::feed(const char *data, std::size_t size) {
    m_stats.bytes += size;
    if (m_appender)
        feedBatch(data, size, false);
    else
        m_splitter.feed(data, size,
                        [this](std::string_view line, std::uint64_t off) { onLine(line, off); });
    m_stats.countOversized(m_splitter.oversized() - m_oversizedSeen);
    m_oversizedSeen = m_splitter.oversized();
}

void LogIngestor::finish() {
    if (m_appender) {
        feedBatch(nullptr, 0, true);
        m_appender->drain();
    } else {
        m_splitter.finish([this](std::string_view line, std::uint64_t off) { onLine(line, off); });
    }
    m_stats.countOversized(m_splitter.oversized() - m_oversizedSeen);
    m_oversizedSeen = m_splitter.oversized();
}

// ---------------------------------------------------------------------------------------------

namespace {

struct RotationKey {
    int group = 0;  // 0 = dated, 1 = numbered, 2 = the live file
    QString stamp;  // date suffix, sortable as text
    int number = 0; // .N suffix
    QString name;
};

RotationKey rotationKey(const QString &path) {
    RotationKey k;
    QString name = QFileInfo(path).fileName();
    k.name = name;
    if (name.endsWith(QLatin1String(".gz")))
        name.chop(3);
    static const QRegularExpression numbered(QStringLiteral("\\.(\\d{1,3})$"));
    static const QRegularExpression dated(QStringLiteral("[-.](\\d{8}(?:-\\d{6})?|\\d{10})$"));
    if (const auto m = numbered.match(name); m.hasMatch()) {
        k.group = 1;
        k.number = m.captured(1).toInt();
    } else if (const auto d = dated.match(name); d.hasMatch()) {
        k.group = 0;
        k.stamp = d.captured(1);
    } else {
        k.group = 2;
    }
    return k;
}

} // namespace

QStringList orderRotatedSet(const QStringList &files) {
    QList<QPair<RotationKey, QString>> keyed;
    for (const QString &f : files)
        keyed.append({rotationKey(f), f});
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
        const RotationKey &x = a.first;
        const RotationKey &y = b.first;
        if (x.group == 1 && y.group == 1)
            return x.number > y.number; // .4 is older than .1
        if (x.group == 0 && y.group == 0)
            return x.stamp < y.stamp;
        if (x.group != y.group) {
            // dated and numbered sets rarely mix; either way the live file comes last
            return x.group < y.group;
        }
        return x.name < y.name;
    });
    QStringList out;
    for (const auto &k : keyed)
        out << k.second;
    return out;
}

// ---------------------------------------------------------------------------------------------
// LogFileReader

namespace {

constexpr std::size_t kReadChunk = std::size_t(1) << 20;

Error openError(const QString &path, const QString &why) {
    return Error{QStringLiteral("logs.history.open"),
                 QCoreApplication::translate("LogHistory", "A log file could not be opened."),
                 path + QStringLiteral(": ") + why};
}

Error historyCancelled() {
    return Error{
        QStringLiteral("logs.history.cancelled"),
        QCoreApplication::translate("LogHistory", "Loading the log history was cancelled."),
        {}};
}

} // namespace

struct LogFileReader::Inflater {
    z_stream zs{};
    bool initialised = false;
    std::vector<char> in = std::vector<char>(kReadChunk);
    bool fileEnded = false;
    bool memberEnded = false; // the last gzip member's end was seen (else: truncated)
    ~Inflater() {
        if (initialised)
            inflateEnd(&zs);
    }
};

LogFileReader::LogFileReader() = default;
LogFileReader::~LogFileReader() = default;

Status LogFileReader::open(const QString &path) {
    m_path = path;
    m_fileBytes = 0;
    m_inflater.reset();
    m_file.close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return openError(path, m_file.errorString());
    char magic[2] = {};
    m_gzip = m_file.peek(magic, 2) == 2 && static_cast<unsigned char>(magic[0]) == 0x1f &&
             static_cast<unsigned char>(magic[1]) == 0x8b;
    if (m_gzip) {
        m_inflater = std::make_unique<Inflater>();
        if (inflateInit2(&m_inflater->zs, 15 + 32) != Z_OK)
            return Error{QStringLiteral("logs.history.zlib"),
                         QCoreApplication::translate("LogHistory",
                                                     "A compressed log file could not be read."),
                         path};
        m_inflater->initialised = true;
    }
    return Status::success();
}

Error LogFileReader::readError() const {
    return Error{QStringLiteral("logs.history.read"),
                 QCoreApplication::translate("LogHistory", "A log file could not be read."),
                 m_path + QStringLiteral(": ") + m_file.errorString()};
}

Result<std::size_t> LogFileReader::read(char *buffer, std::size_t capacity) {
    if (m_gzip)
        return inflateInto(buffer, capacity);
    const qint64 got = m_file.read(buffer, static_cast<qint64>(capacity));
    if (got < 0)
        return readError();
    m_fileBytes += static_cast<std::uint64_t>(got);
    return static_cast<std::size_t>(got);
}

Status LogFileReader::readAll(const std::function<std::pair<char *, std::size_t>()> &space,
                              const std::function<void(std::size_t)> &filled,
                              const std::function<void()> &afterRead,
                              const std::atomic<bool> *cancel) {
    for (;;) {
        const auto [at, room] = space();
        const Result<std::size_t> got = read(at, room);
        if (!got.ok())
            return got.error();
        if (*got == 0)
            return Status::success();
        filled(*got);
        if (afterRead)
            afterRead();
        if (cancel && cancel->load(std::memory_order_relaxed))
            return historyCancelled();
    }
}

Result<std::size_t> LogFileReader::inflateInto(char *buffer, std::size_t capacity) {
    Inflater &z = *m_inflater;
    for (;;) {
        if (z.zs.avail_in == 0 && !z.fileEnded) {
            const qint64 got = m_file.read(z.in.data(), static_cast<qint64>(z.in.size()));
            if (got < 0)
                return readError();
            m_fileBytes += static_cast<std::uint64_t>(got);
            z.fileEnded = got == 0;
            z.zs.next_in = reinterpret_cast<Bytef *>(z.in.data());
            z.zs.avail_in = static_cast<uInt>(got);
        }
        if (z.zs.avail_in == 0 && z.fileEnded) {
            if (!z.memberEnded) {
                // truncated .gz (e.g. still being written): keep what was read, but say so
                qCWarning(lcLogs) << "compressed log ends early:" << m_path;
                z.memberEnded = true;
            }
            return std::size_t(0);
        }
        z.zs.next_out = reinterpret_cast<Bytef *>(buffer);
        z.zs.avail_out = static_cast<uInt>(std::min<std::size_t>(capacity, 1u << 30));
        const int rc = inflate(&z.zs, Z_NO_FLUSH);
        const std::size_t produced = capacity - z.zs.avail_out;
        z.memberEnded = rc == Z_STREAM_END;
        if (rc == Z_STREAM_END && z.zs.avail_in > 0)
            inflateReset(&z.zs); // another gzip member follows (concatenated .gz)
        else if (rc != Z_OK && rc != Z_STREAM_END && !(rc == Z_BUF_ERROR && z.zs.avail_in == 0))
            return Error{
                QStringLiteral("logs.history.corrupt"),
                QCoreApplication::translate("LogHistory", "A compressed log file is damaged."),
                m_path + QStringLiteral(": ") +
                    QString::fromLatin1(z.zs.msg ? z.zs.msg : "inflate error")};
        if (produced)
            return produced;
    }
}

Result<IngestStats> loadHistory(const QStringList &files, EventStore &store,
                                const HistoryOptions &options, const HistoryProgress &progress,
                                const std::atomic<bool> *cancel) {
    std::uint64_t total = 0;
    for (const QString &f : files)
        total += static_cast<std::uint64_t>(std::max<qint64>(QFileInfo(f).size(), 0));
    std::uint64_t done = 0;
    IngestStats stats;
    LogIngestor ingestor(store);
    ingestor.setPipelined(true);
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files.at(i);
        LogFileReader reader;
        if (const Status opened = reader.open(path); !opened.ok())
            return opened.error();
        LogSource src;
        src.name = QFileInfo(path).fileName();
        src.path = QFileInfo(path).absoluteFilePath();
        src.gzip = reader.isGzip();
        src.inMemory = options.keepRawInMemory;
        const std::uint32_t sourceId = store.addSource(src);
        const std::int64_t reference = options.referenceUtcMs
                                           ? options.referenceUtcMs
                                           : QFileInfo(path).lastModified().toMSecsSinceEpoch();
        ingestor.parser().time().setReference(reference, options.localOffsetMinutes);
        ingestor.beginSource(sourceId);
        ingestor.resetStats();
        std::vector<char> chunk(kReadChunk);
        const Status status =
            reader.readAll([&chunk] { return std::pair(chunk.data(), chunk.size()); },
                           [&](std::size_t n) { ingestor.feed(chunk.data(), n); },
                           [&] {
                               if (progress)
                                   progress(done + reader.fileBytesRead(), total, i);
                           },
                           cancel);
        done += reader.fileBytesRead();
        ingestor.finish();
        stats += ingestor.stats();
        ++stats.files;
        if (!status.ok())
            return status.error();
    }
    return stats;
}

} // namespace maildeck::logs
