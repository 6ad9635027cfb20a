#include "core/logs/StringPool.h"

#include <cstring>

namespace maildeck::logs {

namespace {
constexpr std::size_t kChunk = 1 << 20;
}

StringPool::StringPool() {
    m_slots.assign(1024, 0);
    m_mask = m_slots.size() - 1;
    m_views.push_back(std::string_view());
    m_hashes.push_back(static_cast<std::uint32_t>(hash(std::string_view())));
    m_slots[hash(std::string_view()) & m_mask] = 1;
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
    std::vector<std::uint32_t> slots(m_slots.size() * 2, 0);
    const std::size_t mask = slots.size() - 1;
    for (std::uint32_t id = 0; id < m_views.size(); ++id) {
        std::size_t i = hash(m_views[id]) & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = id + 1;
    }
    m_slots.swap(slots);
    m_mask = mask;
}

std::uint32_t StringPool::find(std::string_view s) const {
    const std::uint64_t h = hash(s);
    const std::uint32_t h32 = static_cast<std::uint32_t>(h);
    std::size_t i = h & m_mask;
    while (const std::uint32_t slot = m_slots[i]) {
        const std::uint32_t id = slot - 1;
        if (m_hashes[id] == h32 && m_views[id] == s)
            return id;
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
    while (const std::uint32_t slot = m_slots[i]) {
        const std::uint32_t id = slot - 1;
        if (m_hashes[id] == h32 && m_views[id] == s)
            return id;
        i = (i + 1) & m_mask;
    }
    const std::uint32_t id = static_cast<std::uint32_t>(m_views.size());
    const char *p = store(s);
    m_views.push_back(std::string_view(p, s.size()));
    m_hashes.push_back(h32);
    m_slots[i] = id + 1;
    if (m_views.size() * 4 > m_slots.size() * 3) // load factor 3/4
        grow();
    return id;
}

std::size_t StringPool::bytesUsed() const {
    return m_chunks.size() * kChunk + m_views.capacityBytes() + m_hashes.capacityBytes() +
           m_slots.capacity() * 4;
}

} // namespace maildeck::logs
