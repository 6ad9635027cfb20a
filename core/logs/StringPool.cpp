#include "core/logs/StringPool.h"

#include <algorithm>
#include <cstring>
#include <thread>

namespace maildeck::logs {

namespace {

std::uint64_t slotFor(std::uint32_t h32, std::uint32_t id) {
    return static_cast<std::uint64_t>(h32) << 32 | (id + 1);
}

// Huge pages only once a table is big: a small pool (a live view's first minutes, a test) keeps
// to 4 KiB pages, of which only the touched ones are resident.
bool bigEnoughForHugePages(std::size_t bytes) {
    return bytes >= MappedBlock::kHugePage;
}

} // namespace

StringPool::StringPool() {
    m_slotBlock = MappedBlock(1024 * sizeof(std::uint64_t), false);
    m_slots = reinterpret_cast<std::uint64_t *>(m_slotBlock.data());
    m_mask = 1024 - 1;
    addRef(0); // id 0: the empty string
    const std::uint64_t h = hash(std::string_view());
    m_slots[h & m_mask] = slotFor(static_cast<std::uint32_t>(h), 0);
}

void StringPool::addRef(std::uint64_t ref) {
    const std::size_t perBlock = std::size_t(1) << kRefShift;
    if (m_size % perBlock == 0 && m_size / perBlock == m_refs.size())
        m_refs.emplace_back(perBlock * sizeof(std::uint64_t), !m_refs.empty());
    reinterpret_cast<std::uint64_t *>(m_refs.back().data())[m_size % perBlock] = ref;
    ++m_size;
}

std::uint64_t StringPool::hash(std::string_view s) {
    // FNV-1a over 8-byte words, then a final mix
    std::uint64_t h = 1469598103934665603ULL ^ s.size();
    const char *p = s.data();
    std::size_t n = s.size();
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 1099511628211ULL;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    while (n--) {
        h = (h ^ static_cast<unsigned char>(*p++)) * 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

std::uint64_t ByteArena::store(std::string_view s) {
    if (s.empty())
        return 0;
    if (s.size() > kChunk / 4) {
        // a large string gets a chunk of its own
        m_chunks.emplace_back(s.size(), false);
        std::memcpy(m_chunks.back().data(), s.data(), s.size());
        return static_cast<std::uint64_t>(m_chunks.size() - 1) << 44 | s.size();
    }
    if (m_current == SIZE_MAX || m_currentUsed + s.size() > kChunk) {
        // Huge pages from the second chunk on (MappedBlock): a pool that needs two is big.
        m_chunks.emplace_back(kChunk, m_current != SIZE_MAX);
        m_current = m_chunks.size() - 1;
        m_currentUsed = 0;
    }
    std::memcpy(m_chunks[m_current].data() + m_currentUsed, s.data(), s.size());
    const std::uint64_t ref = static_cast<std::uint64_t>(m_current) << 44 |
                              static_cast<std::uint64_t>(m_currentUsed) << 23 | s.size();
    m_currentUsed += s.size();
    return ref;
}

void StringPool::grow() {
    // The slot index is the hash's low bits, which the slot keeps (tables stay below 2^32).
    const std::size_t count = (m_mask + 1) * 2;
    MappedBlock block(count * sizeof(std::uint64_t),
                      bigEnoughForHugePages(count * sizeof(std::uint64_t)));
    auto *slots = reinterpret_cast<std::uint64_t *>(block.data()); // zeroed by mmap
    const std::size_t mask = count - 1;
    for (std::size_t j = 0; j <= m_mask; ++j) {
        const std::uint64_t slot = m_slots[j];
        if (!slot)
            continue;
        std::size_t i = (slot >> 32) & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = slot;
    }
    m_slotBlock = std::move(block);
    m_slots = slots;
    m_mask = mask;
}

std::uint32_t StringPool::find(std::string_view s) const {
    s = s.substr(0, kMaxLength);
    const std::uint64_t h = hash(s);
    const std::uint32_t h32 = static_cast<std::uint32_t>(h);
    std::size_t i = h & m_mask;
    while (const std::uint64_t slot = m_slots[i]) {
        if (static_cast<std::uint32_t>(slot >> 32) == h32) {
            const auto id = static_cast<std::uint32_t>(slot) - 1;
            if (view(id) == s)
                return id;
        }
        i = (i + 1) & m_mask;
    }
    return UINT32_MAX;
}

std::uint32_t StringPool::likelyId(std::uint64_t h) const {
    const std::uint64_t slot = m_slots[h & m_mask];
    if (slot && static_cast<std::uint32_t>(slot >> 32) == static_cast<std::uint32_t>(h))
        return static_cast<std::uint32_t>(slot) - 1;
    return UINT32_MAX;
}

void StringPool::prefetchEntry(std::uint64_t h) const {
    if (const std::uint32_t id = likelyId(h); id != UINT32_MAX)
        __builtin_prefetch(refAddress(id));
}

void StringPool::prefetchBytes(std::uint64_t h) const {
    if (const std::uint32_t id = likelyId(h); id != UINT32_MAX)
        __builtin_prefetch(view(id).data());
}

std::uint32_t StringPool::intern(std::string_view s, std::uint64_t h) {
    if (s.size() > kMaxLength)
        return intern(s); // cut, and hashed again
    const std::uint32_t h32 = static_cast<std::uint32_t>(h);
    std::size_t i = h & m_mask;
    while (const std::uint64_t slot = m_slots[i]) {
        if (static_cast<std::uint32_t>(slot >> 32) == h32) {
            const auto id = static_cast<std::uint32_t>(slot) - 1;
            if (view(id) == s)
                return id;
        }
        i = (i + 1) & m_mask;
    }
    const std::uint32_t id = m_size;
    addRef(m_bytes.store(s));
    m_slots[i] = slotFor(h32, id);
    if (std::size_t(m_size) * 4 > (m_mask + 1) * 3) // load factor 3/4
        grow();
    return id;
}

namespace {

char lowerAscii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalFolded(const char *p, std::string_view needle) {
    for (std::size_t i = 0; i < needle.size(); ++i)
        if (lowerAscii(p[i]) != needle[i])
            return false;
    return true;
}

// The next place in [p, end) that holds c (one or, for a letter, either case): memchr, which
// libc vectorises, per case.
class FirstByteFinder {
public:
    FirstByteFinder(char lower)
        : m_lower(lower)
        , m_upper(lower >= 'a' && lower <= 'z' ? static_cast<char>(lower - 'a' + 'A') : lower) {}

    void restart(const char *p, const char *end) {
        m_end = end;
        m_nextLower = find(p, m_lower);
        m_nextUpper = m_upper == m_lower ? m_end : find(p, m_upper);
    }
    const char *next() const { return std::min(m_nextLower, m_nextUpper); }
    void skipPast(const char *p) {
        if (m_nextLower <= p)
            m_nextLower = find(p + 1, m_lower);
        if (m_upper != m_lower && m_nextUpper <= p)
            m_nextUpper = find(p + 1, m_upper);
    }

private:
    const char *find(const char *p, char c) const {
        if (p >= m_end)
            return m_end;
        const void *hit = std::memchr(p, c, static_cast<std::size_t>(m_end - p));
        return hit ? static_cast<const char *>(hit) : m_end;
    }

    char m_lower, m_upper;
    const char *m_end = nullptr;
    const char *m_nextLower = nullptr, *m_nextUpper = nullptr;
};

} // namespace

void StringPool::markContaining(std::string_view needle, std::uint32_t first,
                                std::vector<std::uint8_t> &marks) const {
    const std::uint32_t n = size();
    marks.resize(n);
    if (first >= n)
        return;
    std::fill(marks.begin() + first, marks.end(), needle.empty() ? 1 : 0);
    if (needle.empty())
        return;
    // Ids [a, b): runs of strings that lie back to back in one chunk, searched as one text.
    auto scan = [&](std::uint32_t a, std::uint32_t b) {
        FirstByteFinder finder(needle[0]);
        std::uint32_t id = a;
        while (id < b) {
            std::uint32_t runEnd = id + 1;
            while (runEnd < b &&
                   view(runEnd).data() == view(runEnd - 1).data() + view(runEnd - 1).size())
                ++runEnd;
            const char *end = view(runEnd - 1).data() + view(runEnd - 1).size();
            finder.restart(view(id).data(), end);
            const char *hit;
            while ((hit = finder.next()) < end) {
                // the string holding `hit`
                while (view(id).data() + view(id).size() <= hit)
                    ++id;
                const char *stringEnd = view(id).data() + view(id).size();
                if (hit + needle.size() <= stringEnd && equalFolded(hit, needle)) {
                    marks[id] = 1;
                    finder.restart(stringEnd, end); // the rest of this string cannot add more
                } else {
                    finder.skipPast(hit);
                }
            }
            id = runEnd;
        }
    };
    const std::uint32_t count = n - first;
    if (count < 200000) {
        scan(first, n);
        return;
    }
    // Two halves, each writing only its own marks.
    const std::uint32_t mid = first + count / 2;
    std::thread other(scan, mid, n);
    scan(first, mid);
    other.join();
}

std::size_t ByteArena::bytesUsed() const {
    std::size_t bytes = 0;
    for (const MappedBlock &b : m_chunks)
        bytes += b.size();
    return bytes;
}

std::size_t StringPool::bytesUsed() const {
    std::size_t bytes = m_slotBlock.size() + m_bytes.bytesUsed();
    for (const MappedBlock &b : m_refs)
        bytes += b.size();
    return bytes;
}

} // namespace maildeck::logs
