#pragma once

#include "core/logs/MappedBlock.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace maildeck::logs {

// Byte strings copied into fixed-size chunks that never move, each known by a 64-bit
// reference: chunk index << 44 | offset in the chunk << 23 | length. Small strings lie back to
// back in 2 MiB chunks (transparent huge pages from the second on); a string over a quarter
// of a chunk gets a chunk of its own. At most kMaxLength bytes.
class ByteArena {
public:
    static constexpr std::size_t kMaxLength = (std::size_t(1) << 23) - 1;
    static constexpr std::size_t kChunk = std::size_t(2) << 20; // 2^21: the offset's 21 bits

    std::uint64_t store(std::string_view s); // s.size() <= kMaxLength; "" gives reference 0
    std::string_view view(std::uint64_t ref) const {
        const std::size_t length = ref & kMaxLength;
        if (!length)
            return {};
        return {m_chunks[ref >> 44].data() + ((ref >> 23) & (kChunk - 1)), length};
    }
    std::size_t bytesUsed() const;

private:
    std::vector<MappedBlock> m_chunks;
    std::size_t m_current = SIZE_MAX; // the chunk small strings are appended to
    std::size_t m_currentUsed = 0;
};

// Interns byte strings into dense uint32 ids. Id 0 is the empty string. The bytes live in
// fixed-size chunks that never move, so a returned string_view stays valid for the pool's life.
// A string is at most kMaxLength bytes (longer ones are cut; log fields are far shorter).
// Per string the pool keeps its bytes, an 8-byte reference (chunk, offset, length) and a slot
// in the hash table; the big tables use transparent huge pages (MappedBlock).
class StringPool {
public:
    StringPool();
    StringPool(const StringPool &) = delete;
    StringPool &operator=(const StringPool &) = delete;

    static constexpr std::size_t kMaxLength = ByteArena::kMaxLength;

    std::uint32_t intern(std::string_view s) {
        s = s.substr(0, kMaxLength);
        return s.empty() ? 0 : intern(s, hash(s));
    }
    // With the string's hash() computed beforehand (e.g. on another thread).
    std::uint32_t intern(std::string_view s, std::uint64_t hash);
    static std::uint64_t hash(std::string_view s);

    // Interning is bound by cache misses, not by work: the table slot, the string's entry and
    // its bytes are three dependent loads. A caller that knows the hashes of what it will
    // intern soon warms them in three steps, a few strings ahead of the intern: the slot
    // (prefetchSlot), then the entry the slot names (prefetchEntry, once the slot is cached),
    // then the bytes (prefetchBytes). Only the first probe is warmed; all three are hints.
    void prefetchSlot(std::uint64_t hash) const { __builtin_prefetch(&m_slots[hash & m_mask]); }
    void prefetchEntry(std::uint64_t hash) const;
    void prefetchBytes(std::uint64_t hash) const;
    // The id the first probe for `hash` names if its stored hash matches, else UINT32_MAX
    // (a hint for prefetching what belongs to that id).
    std::uint32_t likelyId(std::uint64_t hash) const;
    // The id of s if it was interned, else UINT32_MAX.
    std::uint32_t find(std::string_view s) const;
    std::string_view view(std::uint32_t id) const { return m_bytes.view(refOf(id)); }
    // Sets marks[id] = 1 for each id >= first whose string contains `needle` (lower-case ASCII;
    // the strings are compared ASCII-case-insensitively), 0 for the others; marks grows to
    // size(). Searches the pool's bytes run by run (the strings of a chunk lie back to back)
    // rather than string by string, on two threads for large pools: the free-text filter's cost
    // follows the pool, not the rows.
    void markContaining(std::string_view needle, std::uint32_t first,
                        std::vector<std::uint8_t> &marks) const;
    std::uint32_t size() const { return m_size; }
    std::size_t bytesUsed() const;

private:
    static constexpr unsigned kRefShift = 18; // 2 MiB of references (ByteArena's) a block
    const std::uint64_t *refAddress(std::uint32_t id) const {
        return reinterpret_cast<const std::uint64_t *>(m_refs[id >> kRefShift].data()) +
               (id & ((1u << kRefShift) - 1));
    }
    std::uint64_t refOf(std::uint32_t id) const { return *refAddress(id); }
    void grow();
    void addRef(std::uint64_t ref);

    ByteArena m_bytes;
    std::vector<MappedBlock> m_refs;
    std::uint32_t m_size = 0;
    // Open addressing: the low 32 bits of the string's hash << 32 | id + 1 (0 = empty). The
    // hash in the slot spares a look at the string (another cache line) on most probes.
    MappedBlock m_slotBlock;
    std::uint64_t *m_slots = nullptr;
    std::size_t m_mask = 0;
};

} // namespace maildeck::logs
