#include "core/logs/RejectTally.h"

#include "core/logs/TopN.h"

#include <QDateTime>
#include <QFileInfo>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

namespace maildeck::logs {

// ---------------------------------------------------------------------------------------------
// TallyBatch

void TallyBatch::put(Keys &keys, Field field, std::string_view value) {
    keys.at[field] = static_cast<std::uint32_t>(m_text.size());
    keys.length[field] = static_cast<std::uint32_t>(value.size());
    keys.hash[field] = value.empty() ? 0 : StringCounter::hash(value);
    m_text.append(value);
}

void TallyBatch::add(const ParsedLine &e) {
    Keys &k = m_keys.emplace_back();
    k.reason = e.reason;
    IpAddress::parse(e.clientIp, k.ip);
    // EventStore::relayGroupFor's rule.
    const bool unnamed = EventStore::groupsByNetwork(e.clientHost);
    k.byNetwork = unnamed && !k.ip.isNull();
    if (k.byNetwork)
        k.network = EventStore::networkKey(k.ip);
    put(k, RelayGroup,
        k.byNetwork ? std::string_view()
        : unnamed   ? e.clientHost // "unknown" without an address: the name itself
                    : EventStore::relayGroupOf(e.clientHost, m_buffer));
    put(k, SenderDomain, EventStore::addressDomain(e.sender, m_buffer));
    put(k, Recipient, e.recipient);
    put(k, Helo, e.helo);
    put(k, User, e.user);
}

void TallyBatch::clear() {
    m_keys.clear();
    m_text.clear();
}

// ---------------------------------------------------------------------------------------------
// RejectTally

RejectTally::RejectTally()
    : m_classes(kReasonClassCount, 0) {}

bool RejectTally::counts(Dimension dimension) {
    switch (dimension) {
    case Dimension::Reason:
    case Dimension::ClientIp:
    case Dimension::RelayGroup:
    case Dimension::SenderDomain:
    case Dimension::Recipient:
    case Dimension::Helo:
    case Dimension::User:
        return true;
    default:
        return false;
    }
}

void RejectTally::count(const TallyBatch &batch, const TallyBatch::Keys &k) {
    ++m_events;
    ++m_classes[static_cast<std::size_t>(k.reason)];
    if (k.ip.isV4())
        m_ip4.push_back(static_cast<std::uint32_t>(k.ip.lo));
    else if (!k.ip.isNull())
        m_ip6.push_back(k.ip);
    if (k.byNetwork)
        m_networks.addTo(k.network, 1);
    for (int f = 0; f < TallyBatch::kFields; ++f)
        if (k.length[f])
            m_counters[f].add(batch.text(k, TallyBatch::Field(f)), k.hash[f]);
}

void RejectTally::add(const TallyBatch &batch) {
    // Each key's slot is warmed kAhead events before it is counted, its bytes half as far.
    constexpr std::size_t kAhead = 16;
    const std::vector<TallyBatch::Keys> &keys = batch.m_keys;
    const std::size_t n = keys.size();
    auto warmSlots = [&](const TallyBatch::Keys &k) {
        if (k.byNetwork)
            m_networks.prefetch(k.network);
        for (int f = 0; f < TallyBatch::kFields; ++f)
            if (k.length[f])
                m_counters[f].prefetchSlot(k.hash[f]);
    };
    auto warmBytes = [&](const TallyBatch::Keys &k) {
        for (int f = 0; f < TallyBatch::kFields; ++f)
            if (k.length[f])
                m_counters[f].prefetchBytes(k.hash[f]);
    };
    for (std::size_t i = 0; i < std::min(n, kAhead); ++i)
        warmSlots(keys[i]);
    for (std::size_t i = 0; i < n; ++i) {
        if (i + kAhead < n)
            warmSlots(keys[i + kAhead]);
        if (i + kAhead / 2 < n)
            warmBytes(keys[i + kAhead / 2]);
        count(batch, keys[i]);
    }
}

void RejectTally::add(const ParsedLine &event) {
    m_single.clear();
    m_single.add(event);
    add(m_single);
}

namespace {

// The top `limit` (all for 0) of keyed counts, best first, equal counts by key: as topIds.
class TopKeys {
public:
    explicit TopKeys(std::size_t limit)
        : m_top(limit, better) {}
    void offer(std::uint32_t count, std::string_view key) {
        m_top.offer({count, std::string(key)});
    }
    std::vector<GroupCount> take() {
        std::vector<GroupCount> out;
        for (auto &[count, key] : m_top.take()) {
            GroupCount g;
            g.count = count;
            g.key = QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
            out.push_back(std::move(g));
        }
        return out;
    }

private:
    using Item = std::pair<std::uint32_t, std::string>;
    static bool better(const Item &a, const Item &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    }
    TopN<Item, bool (*)(const Item &, const Item &)> m_top;
};

// The smallest count the top `limit` can hold: anything below it cannot make the list.
std::uint32_t entryCount(std::vector<std::uint32_t> counts, std::size_t limit) {
    if (!limit || counts.size() <= limit)
        return 1;
    std::nth_element(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(limit - 1),
                     counts.end(), std::greater<>());
    return counts[limit - 1];
}

IpAddress addressOfNetworkKey(std::uint64_t key) {
    IpAddress ip;
    if (key & 1)
        ip.hi = key & ~std::uint64_t(1); // IPv6: the /48 in the high half
    else
        ip.lo = key; // IPv4: ::ffff:a.b.c.0
    return ip;
}

// The top of a counter's keys and (for relay groups) of the networks counted by key, as one
// list; a network's text is made only if its count can make the list.
std::vector<GroupCount> topOf(const StringCounter &counter, const FlatMap64 *networks,
                              std::size_t limit) {
    std::vector<std::uint32_t> counts;
    counts.reserve(counter.size() + (networks ? networks->size() : 0));
    counter.forEach([&](std::string_view, std::uint32_t c) { counts.push_back(c); });
    if (networks)
        networks->forEach([&](std::uint64_t, std::uint32_t c) { counts.push_back(c); });
    const std::uint32_t least = entryCount(std::move(counts), limit);
    TopKeys top(limit);
    counter.forEach([&](std::string_view key, std::uint32_t c) {
        if (c >= least)
            top.offer(c, key);
    });
    if (networks)
        networks->forEach([&](std::uint64_t key, std::uint32_t c) {
            if (c >= least)
                top.offer(c, EventStore::networkGroup(addressOfNetworkKey(key)));
        });
    return top.take();
}

} // namespace

std::vector<GroupCount> RejectTally::top(Dimension d, std::size_t limit) const {
    switch (d) {
    case Dimension::Reason:
        return EventStore::topReasons(m_classes, limit);
    case Dimension::ClientIp: {
        std::vector<std::uint32_t> v4 = m_ip4;
        std::vector<IpAddress> v6 = m_ip6;
        return EventStore::topAddresses(
            [&](auto offer) {
                EventStore::countSorted(v4, offer);
                EventStore::countSorted(v6, offer);
            },
            limit);
    }
    case Dimension::RelayGroup:
        return topOf(m_counters[TallyBatch::RelayGroup], &m_networks, limit);
    case Dimension::SenderDomain:
        return topOf(m_counters[TallyBatch::SenderDomain], nullptr, limit);
    case Dimension::Recipient:
        return topOf(m_counters[TallyBatch::Recipient], nullptr, limit);
    case Dimension::Helo:
        return topOf(m_counters[TallyBatch::Helo], nullptr, limit);
    case Dimension::User:
        return topOf(m_counters[TallyBatch::User], nullptr, limit);
    default:
        return {};
    }
}

// ---------------------------------------------------------------------------------------------
// tallyHistory

namespace {

constexpr std::size_t kMaxLine = 64 * 1024; // LogIngestor's default: longer lines are unparsed

struct LineBlock {
    // Whole lines; only a file's last block may end without '\n'. Not a vector: a read fills
    // the space, which need not be zeroed first.
    std::unique_ptr<char[]> data;
    std::size_t size = 0, capacity = 0;
    std::int64_t referenceMs = 0;
};

// Work from one stage of the pipeline to the next (bounded: the producer waits), and the used
// items back for reuse (their buffers keep their capacity).
template <typename T> class WorkQueue {
public:
    explicit WorkQueue(std::size_t capacity)
        : m_capacity(capacity) {}

    void push(std::unique_ptr<T> item) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return m_full.size() < m_capacity; });
        m_full.push_back(std::move(item));
        m_changed.notify_all();
    }
    // nullptr once closed and empty.
    std::unique_ptr<T> pop() {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return m_closed || !m_full.empty(); });
        if (m_full.empty())
            return nullptr;
        auto item = std::move(m_full.front());
        m_full.pop_front();
        m_changed.notify_all();
        return item;
    }
    void close() {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }
    void recycle(std::unique_ptr<T> item) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_spare.push_back(std::move(item));
    }
    std::unique_ptr<T> fresh() {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_spare.empty())
            return std::make_unique<T>();
        auto item = std::move(m_spare.back());
        m_spare.pop_back();
        return item;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<T>> m_full;
    std::vector<std::unique_ptr<T>> m_spare;
    std::size_t m_capacity;
    bool m_closed = false;
};

// Fills blocks of whole lines with one file's bytes: the file is read straight into a block
// (space(), filled()); a full block is cut after its last '\n' and the partial line after it
// starts the next. A line longer than kMaxLine is dropped as it streams (counted, as
// LineSplitter does), so no block grows without bound.
class BlockFiller {
public:
    BlockFiller(WorkQueue<LineBlock> &queue, std::size_t blockBytes, std::int64_t referenceMs)
        : m_queue(queue)
        , m_capacity(std::max(blockBytes, 2 * kMaxLine) + kMaxLine)
        , m_referenceMs(referenceMs) {}

    // Where the next bytes are to be read, and how many fit.
    std::pair<char *, std::size_t> space() {
        if (!m_block)
            m_block = fresh();
        return {m_block->data.get() + m_block->size, m_block->capacity - m_block->size};
    }

    // n bytes were read into space().
    void filled(std::size_t n) {
        char *added = m_block->data.get() + m_block->size;
        if (m_skipping) {
            const char *nl = static_cast<const char *>(std::memchr(added, '\n', n));
            if (!nl)
                return; // still inside the long line: dropped
            m_skipping = false;
            const std::size_t rest = n - static_cast<std::size_t>(nl + 1 - added);
            std::memmove(added, nl + 1, rest);
            n = rest;
        }
        m_block->size += n;
        if (m_block->size == m_block->capacity)
            cut();
    }

    // The end of the file: what is left (a last line without '\n') goes too.
    void finish() {
        if (m_block && m_block->size && !m_skipping)
            push(std::move(m_block));
        m_block.reset();
    }

    std::uint64_t oversized() const { return m_oversized; }

private:
    std::unique_ptr<LineBlock> fresh() {
        std::unique_ptr<LineBlock> block = m_queue.fresh();
        if (block->capacity != m_capacity) {
            block->data = std::make_unique_for_overwrite<char[]>(m_capacity);
            block->capacity = m_capacity;
        }
        block->size = 0; // a recycled one holds its last lines
        return block;
    }

    void cut() {
        const char *begin = m_block->data.get();
        const char *nl = static_cast<const char *>(memrchr(begin, '\n', m_block->size));
        const std::size_t whole = nl ? static_cast<std::size_t>(nl + 1 - begin) : 0;
        const std::size_t partial = m_block->size - whole;
        std::unique_ptr<LineBlock> next = fresh();
        if (partial > kMaxLine) {
            ++m_oversized; // the line so far is already too long: drop it up to its '\n'
            m_skipping = true;
        } else {
            std::memcpy(next->data.get(), begin + whole, partial);
            next->size = partial;
        }
        m_block->size = whole;
        if (whole)
            push(std::move(m_block));
        else
            m_queue.recycle(std::move(m_block));
        m_block = std::move(next);
    }

    void push(std::unique_ptr<LineBlock> block) {
        block->referenceMs = m_referenceMs;
        m_queue.push(std::move(block));
    }

    WorkQueue<LineBlock> &m_queue;
    std::size_t m_capacity;
    std::int64_t m_referenceMs;
    std::unique_ptr<LineBlock> m_block;
    bool m_skipping = false;
    std::uint64_t m_oversized = 0;
};

// A parsing thread: blocks of lines in, their events' keys out.
class ParseWorker {
public:
    ParseWorker(WorkQueue<LineBlock> &blocks, WorkQueue<TallyBatch> &batches, int offsetMinutes)
        : m_blocks(blocks)
        , m_batches(batches)
        , m_offsetMinutes(offsetMinutes)
        , m_thread([this] { run(); }) {}
    void join() { m_thread.join(); }
    const IngestStats &stats() const { return m_stats; }

private:
    void run() {
        while (std::unique_ptr<LineBlock> block = m_blocks.pop()) {
            m_parser.time().setReference(block->referenceMs, m_offsetMinutes);
            std::unique_ptr<TallyBatch> batch = m_batches.fresh();
            batch->clear(); // a recycled one holds its last keys
            const char *p = block->data.get();
            const char *end = p + block->size;
            while (p < end) {
                const char *nl = static_cast<const char *>(
                    std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
                const char *lineEnd = nl ? nl : end;
                parseLine(std::string_view(p, static_cast<std::size_t>(lineEnd - p)), *batch);
                p = lineEnd + 1;
            }
            m_blocks.recycle(std::move(block));
            m_batches.push(std::move(batch));
        }
    }

    void parseLine(std::string_view line, TallyBatch &batch) {
        if (line.size() > kMaxLine) {
            m_stats.countOversized(1);
            return;
        }
        ++m_stats.lines;
        const ParsedLine parsed = m_parser.parse(line);
        m_stats.count(parsed);
        if (parsed.status == ParseStatus::Event)
            batch.add(parsed);
    }

    WorkQueue<LineBlock> &m_blocks;
    WorkQueue<TallyBatch> &m_batches;
    int m_offsetMinutes;
    LineParser m_parser;
    IngestStats m_stats;
    std::thread m_thread; // last: starts once the rest is set up
};

} // namespace

Result<TallyResult> tallyHistory(const QStringList &files, const TallyOptions &options,
                                 const HistoryProgress &progress, const std::atomic<bool> *cancel) {
    const unsigned parsers =
        options.parsers ? options.parsers : std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    std::uint64_t total = 0;
    for (const QString &f : files)
        total += static_cast<std::uint64_t>(std::max<qint64>(QFileInfo(f).size(), 0));

    TallyResult result;
    result.tally = std::make_unique<RejectTally>();
    // Two items per parsing thread in flight at each stage: enough to keep all busy.
    WorkQueue<LineBlock> blocks(2 * parsers);
    WorkQueue<TallyBatch> batches(2 * parsers);
    std::thread counter([&batches, tally = result.tally.get()] {
        while (std::unique_ptr<TallyBatch> batch = batches.pop()) {
            tally->add(*batch);
            batches.recycle(std::move(batch));
        }
    });
    std::vector<std::unique_ptr<ParseWorker>> workers;
    for (unsigned i = 0; i < parsers; ++i)
        workers.push_back(
            std::make_unique<ParseWorker>(blocks, batches, options.localOffsetMinutes));

    Status status;
    std::uint64_t done = 0;
    for (int i = 0; i < files.size() && status.ok(); ++i) {
        const QString &path = files.at(i);
        const std::int64_t reference = options.referenceUtcMs
                                           ? options.referenceUtcMs
                                           : QFileInfo(path).lastModified().toMSecsSinceEpoch();
        LogFileReader reader;
        BlockFiller filler(blocks, options.blockBytes, reference);
        status = reader.open(path);
        if (status.ok())
            status = reader.readAll([&filler] { return filler.space(); },
                                    [&](std::size_t n) {
                                        result.stats.bytes += n;
                                        filler.filled(n);
                                    },
                                    [&] {
                                        if (progress)
                                            progress(done + reader.fileBytesRead(), total, i);
                                    },
                                    cancel);
        done += reader.fileBytesRead();
        filler.finish();
        result.stats.countOversized(filler.oversized());
        ++result.stats.files;
    }
    blocks.close();
    for (auto &w : workers) {
        w->join();
        result.stats += w->stats();
    }
    batches.close();
    counter.join();
    if (!status.ok())
        return status.error();
    return result;
}

} // namespace maildeck::logs
