#pragma once

#include "core/logs/Column.h"
#include "core/logs/FlatMap64.h"
#include "core/logs/LineParser.h"
#include "core/logs/ReasonClass.h"
#include "core/logs/StringPool.h"
#include "core/logs/TopN.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace maildeck::logs {

// An IPv4 (as ::ffff:a.b.c.d) or IPv6 address as 128 bits.
struct IpAddress {
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;

    static bool parse(std::string_view text, IpAddress &out);
    static IpAddress v4(std::uint32_t address) { return {0, (0xffffULL << 32) | address}; }
    bool isNull() const { return hi == 0 && lo == 0; }
    bool isV4() const { return hi == 0 && (lo >> 32) == 0xffffULL; }
    QString toString() const;
    friend bool operator==(const IpAddress &a, const IpAddress &b) {
        return a.hi == b.hi && a.lo == b.lo;
    }
};

// Where a row's raw line lives: in the store's own chunked arena (live streams) or in a file
// (history), by byte offset into the (decompressed) stream.
struct RawRef {
    std::uint64_t offset = 0;
    std::uint32_t length = 0;
    std::uint32_t source = 0;
};

struct LogSource {
    QString name; // shown to the user ("mail.log.2.gz", "mx1 live")
    QString path; // local file to re-read raw lines from; empty for in-memory sources
    bool gzip = false;
    bool inMemory = true; // raw lines copied into the store
};

// One row, materialised for display (the UI's detail pane, CSV export).
struct EventRecord {
    std::int64_t timeMs = 0;
    int utcOffsetMin = 0;
    std::uint32_t kinds = 0;
    ReasonClass reason = ReasonClass::Other;
    int smtpCode = 0;
    QString enhancedCode, server, program, clientHost, clientIp, relayGroup, sender, recipient,
        helo, protocol, stage, object, text, user;
};

// Dimensions for group-bys.
enum class Dimension {
    Reason,
    ClientIp,
    ClientHost,
    RelayGroup, // client host by registered-domain-ish suffix; "unknown" hosts by /24 (/48)
    SenderDomain,
    Sender,
    Recipient,
    RecipientDomain,
    Helo,
    User,
    Server,
    Program,
};

struct GroupCount {
    QString key;
    std::uint64_t count = 0;
    std::uint32_t id = 0; // string id (or reason index) of the key; not meaningful for ClientIp
};

// A filter over the store. Empty / default fields match everything.
struct EventFilter {
    std::int64_t fromMs = INT64_MIN; // inclusive
    std::int64_t toMs = INT64_MAX;   // exclusive
    std::vector<ReasonClass> reasons;
    std::uint32_t kindsAny = 0;  // if set: row.kinds & kindsAny != 0
    std::uint32_t kindsNone = 0; // if set: row.kinds & kindsNone == 0
    QString client;       // an IP, a CIDR ("203.0.113.0/24"), or a substring of host / relay group
    QString senderDomain; // the domain or a parent of it ("yahoo.co.jp" matches "x.yahoo.co.jp")
    QString recipientDomain; // same for recipients
    QString text;            // case-insensitive substring of any text field
};

// Columnar, append-only event storage. Strings are interned (uint32 ids), addresses are 128-bit,
// raw lines are kept by reference. Not thread-safe: one thread appends and queries (or guard it).
class EventStore {
public:
    EventStore();
    ~EventStore();
    EventStore(const EventStore &) = delete;
    EventStore &operator=(const EventStore &) = delete;

    std::uint32_t addSource(const LogSource &source);
    const LogSource &source(std::uint32_t id) const { return m_sources[id]; }

    // Appends an event (parsed.status must be Event). rawLine is copied only for in-memory sources.
    std::uint32_t append(const ParsedLine &parsed, std::string_view rawLine, std::uint32_t source,
                         std::uint64_t offset) {
        return append(parsed, keysOf(parsed), rawLine, source, offset);
    }

    // The hashes of the strings that vary from row to row, for appending in bulk: computed
    // ahead (LogIngestor does it on the parsing thread), they let the appending thread warm the
    // string pool's cache lines a few rows ahead (prefetch) — interning is bound by cache misses.
    struct RowKeys {
        std::uint64_t clientHost = 0, sender = 0, recipient = 0, helo = 0, object = 0, text = 0,
                      user = 0;
    };
    static RowKeys keysOf(const ParsedLine &parsed);
    // Step 0, 1, 2 of warming the caches for a row to be appended soon: call with step 0 a few
    // rows ahead, step 1 nearer, step 2 just before (StringPool::prefetchSlot/Entry/Bytes).
    void prefetch(const RowKeys &keys, int step) const;
    std::uint32_t append(const ParsedLine &parsed, const RowKeys &keys, std::string_view rawLine,
                         std::uint32_t source, std::uint64_t offset);

    std::uint32_t size() const { return static_cast<std::uint32_t>(m_time.size()); }
    void reserve(std::size_t rows);
    std::size_t memoryBytes() const;

    // Cheap per-row accessors (string views stay valid for the store's life).
    std::int64_t timeMs(std::uint32_t row) const { return m_time[row]; }
    std::uint32_t kinds(std::uint32_t row) const { return m_kinds[row]; }
    ReasonClass reason(std::uint32_t row) const { return static_cast<ReasonClass>(m_reason[row]); }
    int smtpCode(std::uint32_t row) const { return m_shapes[m_shape[row]].smtpCode; }
    int utcOffsetMin(std::uint32_t row) const { return m_shapes[m_shape[row]].offsetMin; }
    std::string_view enhancedCode(std::uint32_t row) const {
        return str(m_shapes[m_shape[row]].enhanced);
    }
    std::string_view server(std::uint32_t row) const { return str(m_shapes[m_shape[row]].server); }
    std::string_view program(std::uint32_t row) const {
        return str(m_shapes[m_shape[row]].program);
    }
    std::string_view protocol(std::uint32_t row) const {
        return str(m_shapes[m_shape[row]].protocol);
    }
    std::string_view stage(std::uint32_t row) const { return str(m_shapes[m_shape[row]].stage); }
    std::string_view clientHost(std::uint32_t row) const { return str(m_clientHost[row]); }
    std::string_view relayGroup(std::uint32_t row) const { return str(m_relayGroup[row]); }
    IpAddress clientIp(std::uint32_t row) const {
        if (m_ipKind[row] == kIpV6)
            return m_ip6[m_ip4[row]];
        return m_ipKind[row] == kIpV4 ? IpAddress::v4(m_ip4[row]) : IpAddress();
    }
    std::string_view sender(std::uint32_t row) const { return str(m_sender[row]); }
    std::string_view senderDomain(std::uint32_t row) const { return str(domainOf(m_sender[row])); }
    std::string_view recipient(std::uint32_t row) const { return str(m_recipient[row]); }
    std::string_view recipientDomain(std::uint32_t row) const {
        return str(domainOf(m_recipient[row]));
    }
    std::string_view helo(std::uint32_t row) const { return str(m_helo[row]); }
    std::string_view user(std::uint32_t row) const { return str(m_user[row]); }
    std::string_view object(std::uint32_t row) const { return str(m_object[row]); }
    std::string_view text(std::uint32_t row) const { return str(m_text[row]); }
    RawRef rawRef(std::uint32_t row) const {
        RawRef r;
        r.offset = m_raw[row] >> kRawLengthBits;
        r.length = static_cast<std::uint32_t>(m_raw[row] & ((1ULL << kRawLengthBits) - 1));
        r.source = m_shapes[m_shape[row]].source;
        return r;
    }

    EventRecord record(std::uint32_t row) const;
    // The raw log line (re-read from the file for file-backed sources; empty if unavailable).
    QByteArray rawLine(std::uint32_t row) const;

    // Rows matching a filter (all rows, in order). For a live view use FilteredView.
    std::vector<std::uint32_t> select(const EventFilter &filter) const;

    // Top-N group-by over rows (nullptr = all rows). limit 0 = all groups. Sorted by count,
    // descending; equal counts by key (text; addresses numerically), so that any way of counting
    // agrees.
    std::vector<GroupCount> groupBy(Dimension dim, const std::vector<std::uint32_t> *rows,
                                    std::size_t limit) const;
    // The reason classes with a count (counts[class]), as groupBy(Dimension::Reason) orders them.
    static std::vector<GroupCount> topReasons(const std::vector<std::uint64_t> &counts,
                                              std::size_t limit);
    // The top `limit` client addresses, ordered as groupBy orders them (count descending, then
    // address): forEachCounted(offer) calls offer(address, count) once for each address.
    template <typename ForEachCounted>
    static std::vector<GroupCount> topAddresses(ForEachCounted forEachCounted, std::size_t limit) {
        using Item = std::pair<IpAddress, std::uint64_t>;
        auto better = [](const Item &a, const Item &b) {
            if (a.second != b.second)
                return a.second > b.second;
            return a.first.hi != b.first.hi ? a.first.hi < b.first.hi : a.first.lo < b.first.lo;
        };
        TopN<Item, decltype(better)> top(limit, better);
        forEachCounted([&top](const IpAddress &a, std::uint64_t count) { top.offer({a, count}); });
        std::vector<GroupCount> out;
        for (const Item &item : top.take()) {
            GroupCount g;
            g.count = item.second;
            g.key = item.first.toString();
            out.push_back(std::move(g));
        }
        return out;
    }
    // Sorts the addresses (IPv6, or IPv4 as 32 bits) and calls offer(address, count) once for
    // each distinct one.
    template <typename Address, typename Offer>
    static void countSorted(std::vector<Address> &v, Offer offer) {
        sortOnTwoThreads(v, [](const Address &a, const Address &b) {
            if constexpr (std::is_same_v<Address, IpAddress>)
                return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo;
            else
                return a < b;
        });
        for (std::size_t i = 0; i < v.size();) {
            std::size_t j = i + 1;
            while (j < v.size() && v[j] == v[i])
                ++j;
            if constexpr (std::is_same_v<Address, IpAddress>)
                offer(v[i], j - i);
            else
                offer(IpAddress::v4(v[i]), j - i);
            i = j;
        }
    }
    // Top relay groups for each reason class present in rows.
    struct ReasonRelays {
        ReasonClass reason;
        std::uint64_t total = 0;
        std::vector<GroupCount> relays;
    };
    std::vector<ReasonRelays> topRelaysPerReason(const std::vector<std::uint32_t> *rows,
                                                 std::size_t perReason) const;
    // Counts per time bucket: bucket i covers [fromMs + i*bucketMs, fromMs + (i+1)*bucketMs).
    std::vector<std::uint32_t> histogram(const std::vector<std::uint32_t> *rows,
                                         std::int64_t fromMs, std::int64_t bucketMs,
                                         std::size_t buckets) const;

    // Ids of domains (for senderDomain/recipientDomain grouping); UINT32_MAX = not a domain-bearing
    // id.
    std::uint32_t senderDomainId(std::uint32_t row) const { return domainOf(m_sender[row]); }
    std::uint32_t recipientDomainId(std::uint32_t row) const { return domainOf(m_recipient[row]); }
    std::uint32_t relayGroupId(std::uint32_t row) const { return m_relayGroup[row]; }
    std::uint32_t clientHostId(std::uint32_t row) const { return m_clientHost[row]; }
    const StringPool &strings() const { return m_strings; }
    std::string_view str(std::uint32_t id) const { return m_strings.view(id); }

    // The grouping rules, shared with RejectTally (which counts without keeping rows).
    // A client's relay group: its host name's registered-domain-ish part, lower-cased
    // ("mta123.mail.bbt.yahoo.co.jp" -> "mail.bbt.yahoo.co.jp"), or for a client without a
    // name ("unknown") its network, /24 or /48 ("203.0.113.0/24").
    static std::string_view relayGroupOf(std::string_view host, std::string &buffer);
    static bool groupsByNetwork(std::string_view host) { return host.empty() || host == "unknown"; }
    static std::uint64_t networkKey(const IpAddress &ip); // the same for the same network
    static std::string networkGroup(const IpAddress &ip);
    // An address's domain, lower-cased (empty if it has none); the view points into buffer.
    static std::string_view addressDomain(std::string_view address, std::string &buffer);

private:
    friend class FilteredView;
    // What many rows share (a few hundred distinct at most): one id per row.
    struct Shape {
        std::uint32_t server = 0, program = 0, protocol = 0, stage = 0, enhanced = 0, source = 0;
        std::uint16_t smtpCode = 0;
        std::int16_t offsetMin = 0;
        bool operator==(const Shape &) const = default;
    };
    std::uint32_t shapeId(const Shape &shape);
    std::uint32_t domainOf(std::uint32_t addressId) const {
        return addressId < m_domainOf.size() ? m_domainOf[addressId] : 0;
    }
    std::uint32_t internAddress(std::string_view address, std::uint64_t hash);
    std::uint32_t relayGroupFor(std::uint32_t hostId, std::string_view host, const IpAddress &ip);
    std::uint64_t storeRaw(std::string_view raw, std::uint32_t source, std::uint64_t offset);
    // A raw line's reference packed in 64 bits: byte offset (up to 1 TiB) and length.
    static constexpr int kRawLengthBits = 24;
    bool rowMatchesSimple(std::uint32_t row, const EventFilter &f) const;

    StringPool m_strings;
    std::vector<LogSource> m_sources;
    std::vector<Shape> m_shapes;
    FlatMap64 m_shapeIndex; // hash -> id
    std::uint32_t m_lastShape = 0;

    // One vector per column, 60 bytes a row: raw lines are not kept (file offsets; copied only
    // for live streams), strings are ids, an IPv4 address is its 32 bits (IPv6 ones, rare in
    // mail logs, go to m_ip6 and the row keeps their index).
    Column<std::int64_t> m_time;
    Column<std::uint16_t> m_kinds;
    Column<std::uint8_t> m_reason;
    enum : std::uint8_t { kIpNone, kIpV4, kIpV6 };
    Column<std::uint8_t> m_ipKind; // kIpV6: m_ip4 is an index into m_ip6
    Column<std::uint32_t> m_shape;
    Column<std::uint32_t> m_clientHost, m_relayGroup, m_sender, m_recipient, m_helo, m_user,
        m_object, m_text;
    Column<std::uint32_t> m_ip4;
    std::vector<IpAddress> m_ip6;
    Column<std::uint64_t> m_raw; // offset << kRawLengthBits | length

    Column<std::uint32_t> m_domainOf;    // string id -> domain string id (0 = none)
    Column<std::uint32_t> m_groupOfHost; // string id -> relay group id (UINT32_MAX = unset)
    FlatMap64 m_groupOfNet;              // /24 (/48) of "unknown" clients -> group id
    std::vector<std::unique_ptr<char[]>> m_rawChunks;
    std::size_t m_rawUsed = 0;
};

// An incrementally maintained filter result: update() scans only rows appended since the last
// call (and only strings interned since then), so a live view costs O(new rows).
class FilteredView {
public:
    FilteredView(const EventStore &store, EventFilter filter);
    const EventFilter &filter() const { return m_filter; }
    // Scans new rows; returns how many matching rows were added.
    std::size_t update();
    const std::vector<std::uint32_t> &rows() const { return m_rows; }

private:
    void extendStringCaches();

    const EventStore &m_store;
    EventFilter m_filter;
    std::vector<std::uint32_t> m_rows;
    std::uint32_t m_scannedRows = 0;
    std::uint32_t m_scannedStrings = 0;
    std::uint64_t m_reasonMask[2] = {0, 0};
    std::uint64_t m_reasonHasText[2] = {0, 0}; // reason ids that contain the free text
    bool m_anyReason = true;
    bool m_textLooksLikeIp = false;
    // client filter
    bool m_clientIsIp = false;
    IpAddress m_clientNet;
    int m_clientPrefix = 128;
    std::string m_clientNeedle, m_textNeedle, m_senderDomain, m_recipientDomain;
    std::vector<std::uint8_t> m_clientMatch, m_textMatch, m_senderDomMatch, m_recipientDomMatch;
};

} // namespace maildeck::logs
