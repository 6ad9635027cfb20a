#pragma once

#include "core/logs/Column.h"

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace maildeck::logs {

// Interns byte strings into dense uint32 ids. Id 0 is the empty string. The bytes live in
// fixed-size chunks that never move, so a returned string_view stays valid for the pool's life.
class StringPool {
public:
    StringPool();
    StringPool(const StringPool &) = delete;
    StringPool &operator=(const StringPool &) = delete;

    std::uint32_t intern(std::string_view s);
    // The id of s if it was interned, else UINT32_MAX.
    std::uint32_t find(std::string_view s) const;
    std::string_view view(std::uint32_t id) const { return m_views[id]; }
    // Sets marks[id] = 1 for each id >= first whose string contains `needle` (lower-case ASCII;
    // the strings are compared ASCII-case-insensitively), 0 for the others; marks grows to
    // size(). Searches the pool's bytes run by run (the strings of a chunk lie back to back)
    // rather than string by string, on two threads for large pools: the free-text filter's cost
    // follows the pool, not the rows.
    void markContaining(std::string_view needle, std::uint32_t first,
                        std::vector<std::uint8_t> &marks) const;
    std::uint32_t size() const { return static_cast<std::uint32_t>(m_views.size()); }
    std::size_t bytesUsed() const;

private:
    static std::uint64_t hash(std::string_view s);
    void grow();
    const char *store(std::string_view s);

    std::vector<std::unique_ptr<char[]>> m_chunks;
    std::size_t m_chunkUsed = 0;
    std::size_t m_chunkSize = 0;
    Column<std::string_view> m_views;
    // Open addressing: the low 32 bits of the string's hash << 32 | id + 1 (0 = empty). The
    // hash in the slot spares a look at the string (another cache line) on most probes.
    std::vector<std::uint64_t> m_slots;
    std::size_t m_mask = 0;
};

} // namespace maildeck::logs
