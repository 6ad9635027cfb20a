#include "core/logs/EventStore.h"

#include "core/logs/TopN.h"

#include <QFile>

#include <arpa/inet.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <unordered_map>

namespace maildeck::logs {

namespace {

constexpr std::size_t kRawChunk = 4 << 20;
constexpr std::uint32_t kMaxRawInMemory = 64 * 1024;

// The narrow columns' limits.
static_assert(kReasonClassCount <= 256, "m_reason is one byte a row");
static_assert(kReasonClassCount <= 128, "the filters' reason masks are two 64-bit words");
static_assert(EventKind::AssumedTime < (1u << 16), "m_kinds is two bytes a row");

char lowerAscii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char &c : out)
        c = lowerAscii(c);
    return out;
}

// ASCII-case-insensitive substring search; needle must be lower-case.
bool containsFolded(std::string_view hay, std::string_view needle) {
    if (needle.empty())
        return true;
    if (hay.size() < needle.size())
        return false;
    const char first = needle[0];
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        if (lowerAscii(hay[i]) != first)
            continue;
        std::size_t j = 1;
        while (j < needle.size() && lowerAscii(hay[i + j]) == needle[j])
            ++j;
        if (j == needle.size())
            return true;
    }
    return false;
}

// domain equals d or is a subdomain of d (both lower-case)
bool domainMatches(std::string_view domain, std::string_view d) {
    if (domain.size() < d.size())
        return false;
    if (domain.substr(domain.size() - d.size()) != d)
        return false;
    return domain.size() == d.size() || domain[domain.size() - d.size() - 1] == '.';
}

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

bool isSecondLevelLabel(std::string_view l) {
    static constexpr std::array<std::string_view, 16> labels = {
        "co", "ne",  "or",  "ac",  "go",  "ed",  "gr",  "lg",
        "ad", "com", "net", "org", "edu", "gov", "mil", "ltd"};
    return std::find(labels.begin(), labels.end(), l) != labels.end();
}

} // namespace

// ---------------------------------------------------------------------------------------------

bool IpAddress::parse(std::string_view text, IpAddress &out) {
    out = IpAddress();
    if (text.empty() || text.size() > 45)
        return false;
    if (text.find(':') == std::string_view::npos) {
        std::uint32_t v = 0;
        int parts = 0;
        std::uint32_t cur = 0;
        int ndig = 0;
        for (char c : text) {
            if (c >= '0' && c <= '9') {
                cur = cur * 10 + static_cast<std::uint32_t>(c - '0');
                if (++ndig > 3 || cur > 255)
                    return false;
            } else if (c == '.') {
                if (!ndig || parts == 3)
                    return false;
                v = (v << 8) | cur;
                ++parts;
                cur = 0;
                ndig = 0;
            } else {
                return false;
            }
        }
        if (!ndig || parts != 3)
            return false;
        v = (v << 8) | cur;
        out.lo = (0xffffULL << 32) | v;
        return true;
    }
    char buf[64];
    std::memcpy(buf, text.data(), text.size());
    buf[text.size()] = '\0';
    unsigned char bytes[16];
    if (inet_pton(AF_INET6, buf, bytes) != 1)
        return false;
    for (int i = 0; i < 8; ++i)
        out.hi = (out.hi << 8) | bytes[i];
    for (int i = 8; i < 16; ++i)
        out.lo = (out.lo << 8) | bytes[i];
    return true;
}

QString IpAddress::toString() const {
    if (isNull())
        return {};
    if (isV4()) {
        const auto v = static_cast<std::uint32_t>(lo);
        return QStringLiteral("%1.%2.%3.%4")
            .arg(v >> 24)
            .arg((v >> 16) & 255)
            .arg((v >> 8) & 255)
            .arg(v & 255);
    }
    unsigned char bytes[16];
    for (int i = 0; i < 8; ++i)
        bytes[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
    for (int i = 0; i < 8; ++i)
        bytes[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
    char buf[INET6_ADDRSTRLEN];
    if (!inet_ntop(AF_INET6, bytes, buf, sizeof buf))
        return {};
    return QString::fromLatin1(buf);
}

// ---------------------------------------------------------------------------------------------

EventStore::EventStore() {
    m_shapes.push_back(Shape());
}

EventStore::~EventStore() = default;

std::uint32_t EventStore::addSource(const LogSource &source) {
    m_sources.push_back(source);
    return static_cast<std::uint32_t>(m_sources.size() - 1);
}

void EventStore::reserve(std::size_t rows) {
    m_time.reserve(rows);
    m_kinds.reserve(rows);
    m_reason.reserve(rows);
    m_shape.reserve(rows);
    for (auto *v : {&m_clientHost, &m_relayGroup, &m_sender, &m_recipient, &m_helo, &m_user,
                    &m_object, &m_text})
        v->reserve(rows);
    m_ipKind.reserve(rows);
    m_ip4.reserve(rows);
    m_raw.reserve(rows);
}

std::size_t EventStore::memoryBytes() const {
    std::size_t columns = m_time.capacityBytes() + m_kinds.capacityBytes() +
                          m_reason.capacityBytes() + m_ipKind.capacityBytes() +
                          m_shape.capacityBytes() + m_ip4.capacityBytes() + m_raw.capacityBytes();
    for (const auto *c : {&m_clientHost, &m_relayGroup, &m_sender, &m_recipient, &m_helo, &m_user,
                          &m_object, &m_text})
        columns += c->capacityBytes();
    return columns + m_ip6.capacity() * sizeof(IpAddress) + m_strings.bytesUsed() +
           m_rawChunks.size() * kRawChunk + m_domainOf.capacityBytes() +
           m_groupOfHost.capacityBytes();
}

std::uint32_t EventStore::shapeId(const Shape &s) {
    const std::uint64_t h =
        (static_cast<std::uint64_t>(s.server) * 0x9E3779B97F4A7C15ULL) ^
        (static_cast<std::uint64_t>(s.program) << 7) ^
        (static_cast<std::uint64_t>(s.protocol) << 19) ^
        (static_cast<std::uint64_t>(s.stage) << 29) ^
        (static_cast<std::uint64_t>(s.enhanced) << 37) ^
        (static_cast<std::uint64_t>(s.smtpCode) << 51) ^
        (static_cast<std::uint64_t>(static_cast<std::uint16_t>(s.offsetMin)) << 3) ^
        (static_cast<std::uint64_t>(s.source) << 45);
    if (m_lastShape < m_shapes.size() && m_shapes[m_lastShape] == s)
        return m_lastShape;
    std::uint32_t known = 0;
    const bool indexed = m_shapeIndex.find(h, known);
    if (indexed && m_shapes[known] == s)
        return m_lastShape = known;
    if (indexed) {
        // hash collision: fall back to a scan
        for (std::uint32_t id = 0; id < m_shapes.size(); ++id) {
            if (m_shapes[id] == s)
                return m_lastShape = id;
        }
    }
    m_shapes.push_back(s);
    const auto id = static_cast<std::uint32_t>(m_shapes.size() - 1);
    if (!indexed)
        m_shapeIndex.insert(h, id);
    return m_lastShape = id;
}

std::uint32_t EventStore::internAddress(std::string_view address, std::uint64_t hash) {
    const std::uint32_t id = address.empty() ? 0 : m_strings.intern(address, hash);
    if (id >= m_domainOf.size())
        m_domainOf.growTo(id + 1, UINT32_MAX);
    if (m_domainOf[id] == UINT32_MAX) {
        std::string buffer;
        const std::uint32_t dom = m_strings.intern(addressDomain(address, buffer));
        if (dom >= m_domainOf.size())
            m_domainOf.growTo(dom + 1, UINT32_MAX);
        m_domainOf[id] = dom;
    }
    return id;
}

std::string_view EventStore::addressDomain(std::string_view address, std::string &buffer) {
    const std::size_t at = address.rfind('@');
    buffer.clear();
    if (at != std::string_view::npos)
        for (const char c : address.substr(at + 1))
            buffer.push_back(lowerAscii(c));
    return buffer;
}

std::string_view EventStore::relayGroupOf(std::string_view host, std::string &buffer) {
    buffer.clear();
    for (const char c : host)
        buffer.push_back(lowerAscii(c));
    while (!buffer.empty() && buffer.back() == '.')
        buffer.pop_back();
    const std::string_view h = buffer;
    // The first dot and the last two: all the rule below looks at.
    std::size_t dots = 0, first = 0, last = 0, secondLast = 0;
    for (std::size_t i = 0; i < h.size(); ++i) {
        if (h[i] != '.')
            continue;
        if (dots++ == 0)
            first = i;
        secondLast = last;
        last = i;
    }
    const std::size_t labels = dots + 1;
    if (labels <= 2)
        return h;
    // public-suffix-ish: "co.jp", "com.au", ... count as one suffix
    const std::string_view lastLabel = h.substr(last + 1);
    const std::string_view second = h.substr(secondLast + 1, last - secondLast - 1);
    const std::size_t suffixLabels = (lastLabel.size() == 2 && isSecondLevelLabel(second)) ? 2 : 1;
    if (labels <= suffixLabels + 1)
        return h;
    // drop the leftmost label (the per-machine part)
    return h.substr(first + 1);
}

std::uint64_t EventStore::networkKey(const IpAddress &ip) {
    return ip.isV4() ? (ip.lo & 0xffffffffffffff00ULL) : (ip.hi & 0xffffffffffff0000ULL) | 1;
}

std::string EventStore::networkGroup(const IpAddress &ip) {
    if (ip.isV4()) {
        const auto v = static_cast<std::uint32_t>(ip.lo);
        return std::to_string(v >> 24) + '.' + std::to_string((v >> 16) & 255) + '.' +
               std::to_string((v >> 8) & 255) + ".0/24";
    }
    IpAddress net = ip;
    net.hi &= 0xffffffffffff0000ULL;
    net.lo = 0;
    return net.toString().toStdString() + "/48";
}

std::uint32_t EventStore::relayGroupFor(std::uint32_t hostId, std::string_view host,
                                        const IpAddress &ip) {
    if (groupsByNetwork(host)) {
        if (ip.isNull())
            return hostId;
        const std::uint64_t netKey = networkKey(ip);
        if (std::uint32_t known = 0; m_groupOfNet.find(netKey, known))
            return known;
        const std::uint32_t gid = m_strings.intern(networkGroup(ip));
        m_groupOfNet.insert(netKey, gid);
        return gid;
    }
    if (hostId >= m_groupOfHost.size())
        m_groupOfHost.growTo(hostId + 1, UINT32_MAX);
    std::uint32_t &g = m_groupOfHost[hostId];
    if (g == UINT32_MAX) {
        std::string buffer;
        const std::uint32_t gid = m_strings.intern(relayGroupOf(host, buffer));
        m_groupOfHost[hostId] = gid; // (the reference may be stale after intern; re-index)
        return gid;
    }
    return g;
}

std::uint64_t EventStore::storeRaw(std::string_view raw, std::uint32_t source,
                                   std::uint64_t offset) {
    constexpr std::uint64_t maxLength = (1ULL << kRawLengthBits) - 1;
    if (source < m_sources.size() && !m_sources[source].inMemory)
        return (offset << kRawLengthBits) | std::min<std::uint64_t>(raw.size(), maxLength);
    const std::size_t len = std::min<std::size_t>(raw.size(), kMaxRawInMemory);
    if (m_rawChunks.empty() || m_rawUsed + len > kRawChunk) {
        m_rawChunks.emplace_back(new char[kRawChunk]);
        m_rawUsed = 0;
    }
    std::memcpy(m_rawChunks.back().get() + m_rawUsed, raw.data(), len);
    const std::uint64_t at = (m_rawChunks.size() - 1) * kRawChunk + m_rawUsed;
    m_rawUsed += len;
    return (at << kRawLengthBits) | len;
}

namespace {

// The reason text as stored: long ones (a whole unknown message) are cut at 1 KiB.
std::string_view storedText(const ParsedLine &p) {
    return p.text.size() > 1024 ? p.text.substr(0, 1024) : p.text;
}

// The object rejected is most often the sender, the recipient or the HELO name: the same
// string, interned once. Returns the given value for the field the object is, else own().
template <class T, class Own>
T forObject(const ParsedLine &p, T sender, T recipient, T helo, Own own) {
    if (p.object == p.sender)
        return sender;
    if (p.object == p.recipient)
        return recipient;
    if (p.object == p.helo)
        return helo;
    return own();
}

} // namespace

EventStore::RowKeys EventStore::keysOf(const ParsedLine &p) {
    RowKeys k;
    k.clientHost = StringPool::hash(p.clientHost);
    k.sender = StringPool::hash(p.sender);
    k.recipient = StringPool::hash(p.recipient);
    k.helo = StringPool::hash(p.helo);
    k.object =
        forObject(p, k.sender, k.recipient, k.helo, [&] { return StringPool::hash(p.object); });
    k.text = StringPool::hash(storedText(p));
    k.user = StringPool::hash(p.user);
    return k;
}

void EventStore::prefetch(const RowKeys &k, int step) const {
    for (const std::uint64_t h : {k.clientHost, k.sender, k.recipient, k.helo, k.object, k.text}) {
        if (step == 0)
            m_strings.prefetchSlot(h);
        else if (step == 1)
            m_strings.prefetchEntry(h);
        else
            m_strings.prefetchBytes(h);
    }
    if (step != 2)
        return;
    // What the row looks up by the ids: the sender's and recipient's domain, the host's group.
    auto warm = [](const Column<std::uint32_t> &map, std::uint32_t id) {
        if (id < map.size())
            __builtin_prefetch(&map[id]);
    };
    warm(m_groupOfHost, m_strings.likelyId(k.clientHost));
    warm(m_domainOf, m_strings.likelyId(k.sender));
    warm(m_domainOf, m_strings.likelyId(k.recipient));
}

std::uint32_t EventStore::append(const ParsedLine &p, const RowKeys &k, std::string_view rawLine,
                                 std::uint32_t source, std::uint64_t offset) {
    const auto row = static_cast<std::uint32_t>(m_time.size());
    Shape shape;
    shape.server = m_strings.intern(p.host);
    shape.program = m_strings.intern(p.program);
    shape.protocol = m_strings.intern(p.protocol);
    shape.stage = m_strings.intern(p.stage);
    shape.enhanced = m_strings.intern(p.enhancedCode);
    shape.smtpCode = p.smtpCode;
    shape.offsetMin = p.utcOffsetMin;
    shape.source = source;

    IpAddress ip;
    IpAddress::parse(p.clientIp, ip);
    auto intern = [this](std::string_view s, std::uint64_t hash) {
        return s.empty() ? 0 : m_strings.intern(s, hash);
    };
    const std::uint32_t hostId = intern(p.clientHost, k.clientHost);
    const std::uint32_t senderId = internAddress(p.sender, k.sender);
    const std::uint32_t recipientId = internAddress(p.recipient, k.recipient);
    const std::uint32_t heloId = intern(p.helo, k.helo);
    const std::uint32_t objectId =
        forObject(p, senderId, recipientId, heloId, [&] { return intern(p.object, k.object); });

    m_time.push_back(p.timeMs);
    m_kinds.push_back(static_cast<std::uint16_t>(p.kinds));
    m_reason.push_back(static_cast<std::uint8_t>(p.reason));
    m_shape.push_back(shapeId(shape));
    m_clientHost.push_back(hostId);
    m_relayGroup.push_back(relayGroupFor(hostId, p.clientHost, ip));
    m_sender.push_back(senderId);
    m_recipient.push_back(recipientId);
    m_helo.push_back(heloId);
    m_user.push_back(intern(p.user, k.user));
    m_object.push_back(objectId);
    m_text.push_back(intern(storedText(p), k.text));
    if (ip.isNull()) {
        m_ipKind.push_back(kIpNone);
        m_ip4.push_back(0);
    } else if (ip.isV4()) {
        m_ipKind.push_back(kIpV4);
        m_ip4.push_back(static_cast<std::uint32_t>(ip.lo));
    } else {
        m_ipKind.push_back(kIpV6);
        m_ip4.push_back(static_cast<std::uint32_t>(m_ip6.size()));
        m_ip6.push_back(ip);
    }
    m_raw.push_back(storeRaw(rawLine, source, offset));
    return row;
}

EventRecord EventStore::record(std::uint32_t row) const {
    EventRecord r;
    r.timeMs = timeMs(row);
    r.utcOffsetMin = utcOffsetMin(row);
    r.kinds = kinds(row);
    r.reason = reason(row);
    r.smtpCode = smtpCode(row);
    r.enhancedCode = qs(enhancedCode(row));
    r.server = qs(server(row));
    r.program = qs(program(row));
    r.clientHost = qs(clientHost(row));
    r.clientIp = clientIp(row).toString();
    r.relayGroup = qs(relayGroup(row));
    r.sender = qs(sender(row));
    r.recipient = qs(recipient(row));
    r.helo = qs(helo(row));
    r.protocol = qs(protocol(row));
    r.stage = qs(stage(row));
    r.object = qs(object(row));
    r.text = qs(text(row));
    r.user = qs(user(row));
    return r;
}

QByteArray EventStore::rawLine(std::uint32_t row) const {
    const RawRef ref = rawRef(row);
    if (ref.source >= m_sources.size() || m_sources[ref.source].inMemory) {
        const std::size_t chunk = ref.offset / kRawChunk;
        if (chunk >= m_rawChunks.size())
            return {};
        return QByteArray(m_rawChunks[chunk].get() + ref.offset % kRawChunk, ref.length);
    }
    const LogSource &src = m_sources[ref.source];
    if (!src.gzip) {
        QFile f(src.path);
        if (!f.open(QIODevice::ReadOnly) || !f.seek(static_cast<qint64>(ref.offset)))
            return {};
        return f.read(ref.length);
    }
    // gzip: inflate from the start up to the offset (detail-pane use only)
    gzFile gz = gzopen(QFile::encodeName(src.path).constData(), "rb");
    if (!gz)
        return {};
    gzbuffer(gz, 256 * 1024);
    QByteArray out;
    if (gzseek(gz, static_cast<z_off_t>(ref.offset), SEEK_SET) ==
        static_cast<z_off_t>(ref.offset)) {
        out.resize(ref.length);
        const int got = gzread(gz, out.data(), ref.length);
        out.resize(std::max(got, 0));
    }
    gzclose(gz);
    return out;
}

bool EventStore::rowMatchesSimple(std::uint32_t row, const EventFilter &f) const {
    const std::int64_t t = m_time[row];
    if (t < f.fromMs || t >= f.toMs)
        return false;
    const std::uint32_t k = m_kinds[row];
    if (f.kindsAny && !(k & f.kindsAny))
        return false;
    if (f.kindsNone && (k & f.kindsNone))
        return false;
    return true;
}

std::vector<std::uint32_t> EventStore::select(const EventFilter &filter) const {
    FilteredView view(*this, filter);
    view.update();
    return view.rows();
}

std::vector<GroupCount> EventStore::topReasons(const std::vector<std::uint64_t> &counts,
                                               std::size_t limit) {
    std::vector<GroupCount> out;
    for (std::size_t r = 0; r < counts.size() && r < kReasonClassCount; ++r) {
        if (!counts[r])
            continue;
        GroupCount g;
        g.id = static_cast<std::uint32_t>(r);
        g.count = counts[r];
        const std::string_view id = reasonId(static_cast<ReasonClass>(r));
        g.key = QString::fromLatin1(id.data(), static_cast<qsizetype>(id.size()));
        out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(), [](const GroupCount &a, const GroupCount &b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    if (limit && out.size() > limit)
        out.resize(limit);
    return out;
}

std::vector<GroupCount> EventStore::groupBy(Dimension dim, const std::vector<std::uint32_t> *rows,
                                            std::size_t limit) const {
    const std::uint32_t n = rows ? static_cast<std::uint32_t>(rows->size()) : size();
    auto rowAt = [&](std::uint32_t i) {
        return rows ? (*rows)[i] : i;
    };
    std::vector<GroupCount> out;

    if (dim == Dimension::ClientIp) {
        // Sort and count runs: 4 bytes a row for IPv4 (most clients have few events, so a
        // hash map would hold a node of ~48 bytes for nearly every row).
        std::vector<std::uint32_t> v4;
        std::vector<IpAddress> v6;
        v4.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            const std::uint32_t row = rowAt(i);
            if (m_ipKind[row] == kIpV4)
                v4.push_back(m_ip4[row]);
            else if (m_ipKind[row] == kIpV6)
                v6.push_back(m_ip6[m_ip4[row]]);
        }
        return topAddresses(
            [&](auto offer) {
                countSorted(v4, offer);
                countSorted(v6, offer);
            },
            limit);
    } else if (dim == Dimension::Reason) {
        std::vector<std::uint64_t> counts(kReasonClassCount, 0);
        for (std::uint32_t i = 0; i < n; ++i)
            ++counts[m_reason[rowAt(i)]];
        return topReasons(counts, limit);
    } else {
        std::vector<std::uint32_t> counts(m_strings.size(), 0);
        auto keyOf = [&](std::uint32_t row) -> std::uint32_t {
            switch (dim) {
            case Dimension::ClientHost:
                return m_clientHost[row];
            case Dimension::RelayGroup:
                return m_relayGroup[row];
            case Dimension::SenderDomain:
                return domainOf(m_sender[row]);
            case Dimension::Sender:
                return m_sender[row];
            case Dimension::Recipient:
                return m_recipient[row];
            case Dimension::RecipientDomain:
                return domainOf(m_recipient[row]);
            case Dimension::Helo:
                return m_helo[row];
            case Dimension::User:
                return m_user[row];
            case Dimension::Server:
                return m_shapes[m_shape[row]].server;
            case Dimension::Program:
                return m_shapes[m_shape[row]].program;
            default:
                return 0;
            }
        };
        for (std::uint32_t i = 0; i < n; ++i) {
            const std::uint32_t k = keyOf(rowAt(i));
            if (k != 0 && k < counts.size())
                ++counts[k];
        }
        // The keys' text is made for the kept ones only.
        const auto kept = topIds(
            static_cast<std::uint32_t>(counts.size()), limit,
            [&](std::uint32_t id) { return counts[id]; },
            [this](std::uint32_t id) { return str(id); });
        std::vector<std::uint32_t>().swap(counts);
        out.reserve(kept.size());
        for (const auto &[count, id] : kept) {
            GroupCount g;
            g.id = id;
            g.count = count;
            g.key = qs(str(id));
            out.push_back(std::move(g));
        }
        return out;
    }
}

std::vector<EventStore::ReasonRelays>
EventStore::topRelaysPerReason(const std::vector<std::uint32_t> *rows,
                               std::size_t perReason) const {
    const std::uint32_t n = rows ? static_cast<std::uint32_t>(rows->size()) : size();
    // Rows bucketed by reason (a counting sort), then per reason one counter per relay group
    // in an array shared by all reasons: no map of every (reason, group) pair, which on a log
    // of millions of mostly one-off clients held a node for nearly every row.
    std::vector<std::uint32_t> start(kReasonClassCount + 1, 0);
    for (std::uint32_t i = 0; i < n; ++i)
        ++start[m_reason[rows ? (*rows)[i] : i] + 1u];
    std::vector<std::uint64_t> totals(kReasonClassCount, 0);
    for (int r = 0; r < kReasonClassCount; ++r) {
        totals[static_cast<std::size_t>(r)] = start[static_cast<std::size_t>(r) + 1];
        start[static_cast<std::size_t>(r) + 1] += start[static_cast<std::size_t>(r)];
    }
    std::vector<std::uint32_t> order(n);
    {
        std::vector<std::uint32_t> cursor(start.begin(), start.end() - 1);
        for (std::uint32_t i = 0; i < n; ++i) {
            const std::uint32_t row = rows ? (*rows)[i] : i;
            order[cursor[m_reason[row]]++] = row;
        }
    }
    std::vector<std::uint32_t> counts(m_strings.size(), 0);
    std::vector<ReasonRelays> out;
    using Item = std::pair<std::uint32_t, std::uint32_t>; // count, group id
    auto byCount = [this](const Item &a, const Item &b) {
        return a.first != b.first ? a.first > b.first : str(a.second) < str(b.second);
    };
    for (int r = 0; r < kReasonClassCount; ++r) {
        if (!totals[static_cast<std::size_t>(r)])
            continue;
        const std::uint32_t from = start[static_cast<std::size_t>(r)];
        const std::uint32_t to = start[static_cast<std::size_t>(r) + 1];
        for (std::uint32_t i = from; i < to; ++i)
            ++counts[m_relayGroup[order[i]]];
        TopN<Item, decltype(byCount)> top(perReason, byCount);
        for (std::uint32_t i = from; i < to; ++i) {
            const std::uint32_t g = m_relayGroup[order[i]];
            if (counts[g] && g != 0)
                top.offer({counts[g], g});
            counts[g] = 0; // offered once; the array is clean for the next reason
        }
        ReasonRelays rr;
        rr.reason = static_cast<ReasonClass>(r);
        rr.total = totals[static_cast<std::size_t>(r)];
        for (const Item &item : top.take()) {
            GroupCount g;
            g.id = item.second;
            g.count = item.first;
            g.key = qs(str(g.id));
            rr.relays.push_back(std::move(g));
        }
        out.push_back(std::move(rr));
    }
    std::sort(out.begin(), out.end(),
              [](const ReasonRelays &a, const ReasonRelays &b) { return a.total > b.total; });
    return out;
}

std::vector<std::uint32_t> EventStore::histogram(const std::vector<std::uint32_t> *rows,
                                                 std::int64_t fromMs, std::int64_t bucketMs,
                                                 std::size_t buckets) const {
    std::vector<std::uint32_t> out(buckets, 0);
    if (bucketMs <= 0 || buckets == 0)
        return out;
    const std::uint32_t n = rows ? static_cast<std::uint32_t>(rows->size()) : size();
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::int64_t t = m_time[rows ? (*rows)[i] : i];
        if (t < fromMs)
            continue;
        const auto b = static_cast<std::uint64_t>((t - fromMs) / bucketMs);
        if (b < buckets)
            ++out[b];
    }
    return out;
}

// ---------------------------------------------------------------------------------------------

FilteredView::FilteredView(const EventStore &store, EventFilter filter)
    : m_store(store)
    , m_filter(std::move(filter)) {
    m_anyReason = m_filter.reasons.empty();
    for (ReasonClass r : m_filter.reasons) {
        const auto i = static_cast<unsigned>(r);
        m_reasonMask[i / 64] |= 1ULL << (i % 64);
    }
    const QString client = m_filter.client.trimmed();
    if (!client.isEmpty()) {
        const qsizetype slash = client.indexOf(QLatin1Char('/'));
        const QByteArray addr = (slash >= 0 ? client.left(slash) : client).toLatin1();
        IpAddress ip;
        if (IpAddress::parse(
                std::string_view(addr.constData(), static_cast<std::size_t>(addr.size())), ip)) {
            m_clientIsIp = true;
            int prefix = 128;
            if (slash >= 0) {
                bool ok = false;
                prefix = client.mid(slash + 1).toInt(&ok);
                if (!ok)
                    prefix = 128;
                if (ip.isV4())
                    prefix += 96;
            }
            m_clientPrefix = std::clamp(prefix, 0, 128);
            auto mask = [](int bits) -> std::uint64_t {
                return bits <= 0 ? 0 : bits >= 64 ? ~0ULL : ~0ULL << (64 - bits);
            };
            m_clientNet.hi = ip.hi & mask(m_clientPrefix);
            m_clientNet.lo = ip.lo & mask(m_clientPrefix - 64);
        } else {
            m_clientNeedle = lowered(client.toUtf8().toStdString());
        }
    }
    m_textNeedle = lowered(m_filter.text.trimmed().toUtf8().toStdString());
    m_textLooksLikeIp =
        !m_textNeedle.empty() && std::all_of(m_textNeedle.begin(), m_textNeedle.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '.' || c == ':';
        });
    for (int r = 0; r < kReasonClassCount; ++r)
        if (containsFolded(reasonId(static_cast<ReasonClass>(r)), m_textNeedle))
            m_reasonHasText[r / 64] |= 1ULL << (r % 64);
    m_senderDomain = lowered(m_filter.senderDomain.trimmed().toUtf8().toStdString());
    m_recipientDomain = lowered(m_filter.recipientDomain.trimmed().toUtf8().toStdString());
    for (std::string *d : {&m_senderDomain, &m_recipientDomain}) {
        if (!d->empty() && (*d)[0] == '@')
            d->erase(0, 1);
    }
}

void FilteredView::extendStringCaches() {
    const StringPool &pool = m_store.strings();
    const std::uint32_t n = pool.size();
    if (n == m_scannedStrings)
        return;
    auto extend = [&](std::vector<std::uint8_t> &cache, bool active, auto pred) {
        if (!active)
            return;
        cache.resize(n);
        for (std::uint32_t id = m_scannedStrings; id < n; ++id)
            cache[id] = pred(pool.view(id)) ? 1 : 0;
    };
    if (!m_clientNeedle.empty())
        pool.markContaining(m_clientNeedle, m_scannedStrings, m_clientMatch);
    if (!m_textNeedle.empty())
        pool.markContaining(m_textNeedle, m_scannedStrings, m_textMatch);
    extend(m_senderDomMatch, !m_senderDomain.empty(),
           [&](std::string_view s) { return domainMatches(s, m_senderDomain); });
    extend(m_recipientDomMatch, !m_recipientDomain.empty(),
           [&](std::string_view s) { return domainMatches(s, m_recipientDomain); });
    m_scannedStrings = n;
}

std::size_t FilteredView::update() {
    const std::uint32_t total = m_store.size();
    if (total == m_scannedRows)
        return 0;
    extendStringCaches();
    const std::size_t before = m_rows.size();
    const EventStore &s = m_store;
    auto mask = [](int bits) -> std::uint64_t {
        return bits <= 0 ? 0 : bits >= 64 ? ~0ULL : ~0ULL << (64 - bits);
    };
    const std::uint64_t mhi = mask(m_clientPrefix), mlo = mask(m_clientPrefix - 64);
    for (std::uint32_t row = m_scannedRows; row < total; ++row) {
        if (!s.rowMatchesSimple(row, m_filter))
            continue;
        if (!m_anyReason) {
            const unsigned r = s.m_reason[row];
            if (!(m_reasonMask[r / 64] & (1ULL << (r % 64))))
                continue;
        }
        if (m_clientIsIp) {
            const IpAddress ip = s.clientIp(row);
            if ((ip.hi & mhi) != m_clientNet.hi || (ip.lo & mlo) != m_clientNet.lo)
                continue;
        } else if (!m_clientNeedle.empty()) {
            if (!m_clientMatch[s.m_clientHost[row]] && !m_clientMatch[s.m_relayGroup[row]])
                continue;
        }
        if (!m_senderDomain.empty() && !m_senderDomMatch[s.domainOf(s.m_sender[row])])
            continue;
        if (!m_recipientDomain.empty() && !m_recipientDomMatch[s.domainOf(s.m_recipient[row])])
            continue;
        if (!m_textNeedle.empty()) {
            const auto &t = m_textMatch;
            if (!(t[s.m_clientHost[row]] || t[s.m_sender[row]] || t[s.m_recipient[row]] ||
                  t[s.m_helo[row]] || t[s.m_user[row]] || t[s.m_object[row]] || t[s.m_text[row]] ||
                  t[s.m_relayGroup[row]])) {
                // reason id and (for needles that look like an address) the client address
                const unsigned r = s.m_reason[row];
                if (!(m_reasonHasText[r / 64] & (1ULL << (r % 64))) &&
                    !(m_textLooksLikeIp &&
                      containsFolded(s.clientIp(row).toString().toStdString(), m_textNeedle)))
                    continue;
            }
        }
        m_rows.push_back(row);
    }
    m_scannedRows = total;
    return m_rows.size() - before;
}

} // namespace maildeck::logs
