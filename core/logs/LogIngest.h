#pragma once

#include "core/common/Result.h"
#include "core/logs/EventStore.h"
#include "core/logs/LineParser.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace maildeck::logs {

// Splits a byte stream into lines, carrying a partial last line over to the next chunk.
// Lines longer than maxLine are dropped (counted in oversized()), never buffered without bound.
class LineSplitter {
public:
    explicit LineSplitter(std::size_t maxLine = 64 * 1024)
        : m_maxLine(maxLine) {}

    void reset(std::uint64_t startOffset = 0) {
        m_carry.clear();
        m_skipping = false;
        m_offset = startOffset;
        m_carryOffset = startOffset;
    }

    // onLine(std::string_view line, std::uint64_t offsetOfLine) for each complete line ('\n'
    // removed).
    template <typename F> void feed(const char *data, std::size_t n, F &&onLine) {
        const char *p = data;
        const char *end = data + n;
        while (p < end) {
            const char *nl =
                static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            if (!nl) {
                appendCarry(p, static_cast<std::size_t>(end - p));
                m_offset += static_cast<std::uint64_t>(end - p);
                return;
            }
            const auto len = static_cast<std::size_t>(nl - p);
            if (m_skipping) {
                m_skipping = false;
                m_carry.clear();
            } else if (!m_carry.empty()) {
                appendCarry(p, len);
                if (!m_skipping)
                    onLine(std::string_view(m_carry), m_carryOffset);
                m_skipping = false;
                m_carry.clear();
            } else if (len > m_maxLine) {
                ++m_oversized;
            } else {
                onLine(std::string_view(p, len), m_offset);
            }
            m_offset += len + 1;
            m_carryOffset = m_offset;
            p = nl + 1;
        }
    }

    // End of stream: a last line without '\n' is delivered.
    template <typename F> void finish(F &&onLine) {
        if (!m_carry.empty() && !m_skipping)
            onLine(std::string_view(m_carry), m_carryOffset);
        m_carry.clear();
        m_skipping = false;
        m_carryOffset = m_offset;
    }

    std::uint64_t offset() const { return m_offset; }
    std::uint64_t oversized() const { return m_oversized; }
    std::size_t pendingBytes() const { return m_carry.size(); }

private:
    void appendCarry(const char *p, std::size_t n) {
        if (m_skipping)
            return;
        if (m_carry.size() + n > m_maxLine) {
            m_skipping = true;
            ++m_oversized;
            m_carry.clear();
            return;
        }
        m_carry.append(p, n);
    }

    std::size_t m_maxLine;
    std::string m_carry;
    bool m_skipping = false;
    std::uint64_t m_offset = 0;
    std::uint64_t m_carryOffset = 0;
    std::uint64_t m_oversized = 0;
};

struct IngestStats {
    std::uint64_t bytes = 0;
    std::uint64_t lines = 0;    // lines seen (incl. oversized ones)
    std::uint64_t events = 0;   // rows appended to the store
    std::uint64_t rejects = 0;  // events with EventKind::Reject ("reject:" lines)
    std::uint64_t ignored = 0;  // well-formed lines that are not events
    std::uint64_t unparsed = 0; // garbage, truncated or oversized lines
    std::uint64_t files = 0;

    IngestStats &operator+=(const IngestStats &o);
    void count(const ParsedLine &parsed); // one line's status (lines itself is the caller's)
    void countOversized(std::uint64_t n) {
        lines += n;
        unparsed += n;
    }
};

// Feeds byte chunks of one source (a file, an SSH tail stream) through the parser into a store.
// The same object serves history files and live streams: call beginSource(), feed() chunks of any
// size (partial lines are carried over), finish() at the end of the stream.
class LogIngestor {
public:
    explicit LogIngestor(EventStore &store, std::size_t maxLine = 64 * 1024);
    ~LogIngestor();

    // History loading: the store's appends (interning, most of the cost) run on a second thread
    // while this one reads, splits and parses the next chunk; each chunk is copied once so its
    // lines outlive feed(). The store is the appending thread's until finish() returns: add
    // sources and query only between finish() and the next feed().
    void setPipelined(bool on);

    LineParser &parser() { return m_parser; }
    EventStore &store() { return m_store; }

    void beginSource(std::uint32_t sourceId, std::uint64_t startOffset = 0);
    void feed(const char *data, std::size_t size);
    void feed(std::string_view chunk) { feed(chunk.data(), chunk.size()); }
    void finish();

    const IngestStats &stats() const { return m_stats; }
    void resetStats() { m_stats = IngestStats(); }

private:
    struct Batch;
    class Appender;
    void onLine(std::string_view line, std::uint64_t offset);
    // Pipelined: splits and parses `data` into a batch the appending thread adds to the store.
    void feedBatch(const char *data, std::size_t size, bool last);

    EventStore &m_store;
    std::unique_ptr<Appender> m_appender;
    LineParser m_parser;
    LineSplitter m_splitter;
    std::uint32_t m_source = 0;
    std::uint64_t m_oversizedSeen = 0;
    IngestStats m_stats;
};

struct HistoryOptions {
    // The server's UTC offset, for timestamps without one (BSD syslog).
    int localOffsetMinutes = 0;
    // Reference "now" for year inference; 0 = each file's modification time.
    std::int64_t referenceUtcMs = 0;
    // Copy raw lines into the store (else they are re-read from the file on demand).
    bool keepRawInMemory = false;
};

// progress(bytesDone, bytesTotal, fileIndex): bytes of the files on disk (compressed for .gz).
using HistoryProgress = std::function<void(std::uint64_t, std::uint64_t, int)>;

// Orders a rotated set oldest first: mail.log.4.gz, ..., mail.log.2.gz, mail.log.1, mail.log;
// date suffixes (maillog-20260801, postfix.log.20260809-074848.gz) ascending, the live file last.
QStringList orderRotatedSet(const QStringList &files);

// Reads plain and gzip files (detected by magic bytes; concatenated gzip members are fine)
// in the given order into the store, streamed in 1 MiB chunks. Runs on the caller's thread:
// start it on a worker; cancel by setting *cancel (checked between chunks).
Result<IngestStats> loadHistory(const QStringList &files, EventStore &store,
                                const HistoryOptions &options, const HistoryProgress &progress = {},
                                const std::atomic<bool> *cancel = nullptr);

// Reads a log file's bytes, plain or gzip (told by its magic bytes; concatenated gzip members
// are one stream), into the caller's buffers: history loading reads chunks for the parser, the
// tally reads straight into the blocks its threads parse.
class LogFileReader {
public:
    LogFileReader();
    ~LogFileReader();
    LogFileReader(const LogFileReader &) = delete;
    LogFileReader &operator=(const LogFileReader &) = delete;

    Status open(const QString &path);
    bool isGzip() const { return m_gzip; }
    // Up to `capacity` bytes of the (decompressed) stream; 0 at its end. A truncated gzip file
    // (still being written) ends early with a warning in the log, a damaged one is an error.
    Result<std::size_t> read(char *buffer, std::size_t capacity);
    // Bytes of the file on disk consumed so far (compressed ones for gzip): for progress.
    std::uint64_t fileBytesRead() const { return m_fileBytes; }
    // Reads to the end: space() says where the next bytes go and how many fit, filled(n) takes
    // them, afterRead() follows each read (progress); a set *cancel ends it with an error.
    Status readAll(const std::function<std::pair<char *, std::size_t>()> &space,
                   const std::function<void(std::size_t)> &filled,
                   const std::function<void()> &afterRead, const std::atomic<bool> *cancel);

private:
    Result<std::size_t> inflateInto(char *buffer, std::size_t capacity);
    Error readError() const;

    QString m_path;
    QFile m_file;
    bool m_gzip = false;
    struct Inflater;
    std::unique_ptr<Inflater> m_inflater;
    std::uint64_t m_fileBytes = 0;
};

} // namespace maildeck::logs
