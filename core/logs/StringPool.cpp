#include "core/logs/StringPool.h"

#include <algorithm>
#include <cstring>
#include <thread>

namespace maildeck::logs {

namespace {
constexpr std::size_t kChunk = 1 << 20;
}

namespace {

std::uint64_t slotFor(std::uint32_t h32, std::uint32_t id) {
    return static_cast<std::uint64_t>(h32) << 32 | (id + 1);
}

} // namespace

StringPool::StringPool() {
    m_slots.assign(1024, 0);
    m_mask = m_slots.size() - 1;
    m_views.push_back(std::string_view());
    const std::uint64_t h = hash(std::string_view());
    m_slots[h & m_mask] = slotFor(static_cast<std::uint32_t>(h), 0);
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

const char *StringPool::store(std::string_view s) {
    if (s.empty())
        return "";
    if (s.size() > kChunk / 4) {
        // a large string gets a chunk of its own
        m_chunks.emplace_back(new char[s.size()]);
        std::memcpy(m_chunks.back().get(), s.data(), s.size());
        const char *p = m_chunks.back().get();
        // keep the current small-string chunk at the end
        if (m_chunks.size() >= 2 && m_chunkSize)
            std::swap(m_chunks[m_chunks.size() - 1], m_chunks[m_chunks.size() - 2]);
        return p;
    }
    if (!m_chunkSize || m_chunkUsed + s.size() > m_chunkSize) {
        m_chunks.emplace_back(new char[kChunk]);
        m_chunkSize = kChunk;
        m_chunkUsed = 0;
    }
    char *p = m_chunks.back().get() + m_chunkUsed;
    std::memcpy(p, s.data(), s.size());
    m_chunkUsed += s.size();
    return p;
}

void StringPool::grow() {
    // The slot index is the hash's low bits, which the slot keeps (tables stay below 2^32).
    std::vector<std::uint64_t> slots(m_slots.size() * 2, 0);
    const std::size_t mask = slots.size() - 1;
    for (const std::uint64_t slot : m_slots) {
        if (!slot)
            continue;
        std::size_t i = (slot >> 32) & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = slot;
    }
    m_slots.swap(slots);
    m_mask = mask;
}

std::uint32_t StringPool::find(std::string_view s) const {
    const std::uint64_t h = hash(s);
    const std::uint32_t h32 = static_cast<std::uint32_t>(h);
    std::size_t i = h & m_mask;
    while (const std::uint64_t slot = m_slots[i]) {
        if (static_cast<std::uint32_t>(slot >> 32) == h32) {
            const auto id = static_cast<std::uint32_t>(slot) - 1;
            if (m_views[id] == s)
                return id;
        }
        i = (i + 1) & m_mask;
    }
    return UINT32_MAX;
}

std::uint32_t StringPool::intern(std::string_view s) {
    if (s.empty())
        return 0;
    const std::uint64_t h = hash(s);
    const std::uint32_t h32 = static_cast<std::uint32_t>(h);
    std::size_t i = h & m_mask;
    while (const std::uint64_t slot = m_slots[i]) {
        if (static_cast<std::uint32_t>(slot >> 32) == h32) {
            const auto id = static_cast<std::uint32_t>(slot) - 1;
            if (m_views[id] == s)
                return id;
        }
        i = (i + 1) & m_mask;
    }
    const std::uint32_t id = static_cast<std::uint32_t>(m_views.size());
    const char *p = store(s);
    m_views.push_back(std::string_view(p, s.size()));
    m_slots[i] = slotFor(h32, id);
    if (m_views.size() * 4 > m_slots.size() * 3) // load factor 3/4
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
            while (runEnd < b && m_views[runEnd].data() ==
                                     m_views[runEnd - 1].data() + m_views[runEnd - 1].size())
                ++runEnd;
            const char *end = m_views[runEnd - 1].data() + m_views[runEnd - 1].size();
            finder.restart(m_views[id].data(), end);
            const char *hit;
            while ((hit = finder.next()) < end) {
                // the string holding `hit`
                while (m_views[id].data() + m_views[id].size() <= hit)
                    ++id;
                const char *stringEnd = m_views[id].data() + m_views[id].size();
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

std::size_t StringPool::bytesUsed() const {
    return m_chunks.size() * kChunk + m_views.capacityBytes() + m_slots.capacity() * 8;
}

} // namespace maildeck::logs
