#pragma once

#include "core/common/Result.h"
#include "core/logs/EventStore.h"
#include "core/logs/FlatMap64.h"
#include "core/logs/LogIngest.h"
#include "core/logs/StringCounter.h"

#include <QStringList>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace maildeck::logs {

// The keys a tally counts for a run of events, derived from the parsed lines on any thread
// (the strings are copied: the batch outlives the lines) and counted by RejectTally::add.
class TallyBatch {
public:
    void add(const ParsedLine &event); // status Event
    void clear();
    std::size_t size() const { return m_keys.size(); }

private:
    friend class RejectTally;
    enum Field { RelayGroup, SenderDomain, Recipient, Helo, User, kFields };
    struct Keys {
        ReasonClass reason = ReasonClass::Other;
        bool byNetwork = false; // the relay group is the client's network
        IpAddress ip;
        std::uint64_t network = 0; // EventStore::networkKey, when byNetwork
        std::uint32_t at[kFields] = {}, length[kFields] = {}; // in m_text; length 0: no key
        std::uint64_t hash[kFields] = {};                     // StringCounter::hash
    };
    void put(Keys &keys, Field field, std::string_view value);
    std::string_view text(const Keys &keys, Field field) const {
        return std::string_view(m_text).substr(keys.at[field], keys.length[field]);
    }

    std::vector<Keys> m_keys;
    std::string m_text;
    std::string m_buffer; // lower-casing
};

// Counts what a report over a whole log needs — events per reason class and the top entries
// of the client address, relay group, sender domain, recipient, HELO and login dimensions —
// without keeping the events. The reject-log view keeps every row (EventStore) because it
// filters and shows them; `maildeck-cli rejects FILE`, often run from cron over a log of
// millions of lines, needs only one counter per distinct key. The keys, counts and their
// order equal EventStore::groupBy's over the same events (the same grouping rules, equal
// counts ordered by key).
class RejectTally {
public:
    RejectTally();
    RejectTally(const RejectTally &) = delete;
    RejectTally &operator=(const RejectTally &) = delete;

    // The dimensions a tally counts; the others need the rows (EventStore::groupBy).
    static bool counts(Dimension dimension);

    // Counting is bound by cache misses (a table slot and a key's bytes per dimension): the
    // batch's keys are hashed already, and their cache lines are warmed a window ahead.
    void add(const TallyBatch &batch);
    void add(const ParsedLine &event); // status Event

    // As EventStore::groupBy(dimension, nullptr, limit) over the same events (limit 0 = all).
    std::vector<GroupCount> top(Dimension dimension, std::size_t limit) const;
    std::uint64_t events() const { return m_events; }

private:
    void count(const TallyBatch &batch, const TallyBatch::Keys &keys);

    std::uint64_t m_events = 0;
    std::vector<std::uint64_t> m_classes;
    // One address per event, sorted and counted at the end: 4 bytes an event, where a map
    // would hold a 16-byte slot for each of the (mostly one-off) addresses and cost a cache miss.
    std::vector<std::uint32_t> m_ip4;
    std::vector<IpAddress> m_ip6;
    // Per TallyBatch::Field; the relay groups of clients without a name are their networks,
    // counted by key (m_networks) and made text only for the top entries.
    StringCounter m_counters[TallyBatch::kFields];
    FlatMap64 m_networks;
    TallyBatch m_single; // for add(ParsedLine)
};

struct TallyResult {
    IngestStats stats;
    std::unique_ptr<RejectTally> tally;
};

struct TallyOptions {
    int localOffsetMinutes = 0;         // as HistoryOptions
    std::int64_t referenceUtcMs = 0;    // as HistoryOptions
    unsigned parsers = 0;               // parsing threads; 0 = one per core, at most 4
    std::size_t blockBytes = 256 << 10; // whole lines handed to a parsing thread at a time
};

// Reads the files (plain or gzip, in the given order: orderRotatedSet) and tallies their
// events. This thread reads (and inflates) and cuts the stream into blocks of whole lines;
// `parsers` threads parse the blocks and derive the keys (TallyBatch); one thread counts them
// (one set of counters: no merging, no key held twice). The stats equal loadHistory's over
// the same files (a line over 64 KiB counts as unparsed). progress and cancel as loadHistory's.
Result<TallyResult> tallyHistory(const QStringList &files, const TallyOptions &options,
                                 const HistoryProgress &progress = {},
                                 const std::atomic<bool> *cancel = nullptr);

} // namespace maildeck::logs
