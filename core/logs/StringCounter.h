#pragma once

#include "core/logs/MappedBlock.h"
#include "core/logs/StringPool.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace maildeck::logs {

// A count per distinct byte string, for tallies over millions of log events. A StringPool
// and a count per id would do, but finding a string there takes three dependent cache misses
// (the slot, the string's reference, its bytes); here the 16-byte slot holds the hash, the
// count and the bytes' reference: two. Callers that know the hashes ahead warm both
// (prefetchSlot, then prefetchBytes once the slot has arrived), as interning does.
class StringCounter {
public:
    StringCounter();
    StringCounter(const StringCounter &) = delete;
    StringCounter &operator=(const StringCounter &) = delete;

    static std::uint64_t hash(std::string_view s) { return StringPool::hash(s); }
    // s must not be empty; n >= 1. Strings over ByteArena::kMaxLength bytes are cut.
    void add(std::string_view s, std::uint64_t hash, std::uint32_t n = 1);
    void add(std::string_view s, std::uint32_t n = 1) { add(s, hash(s), n); }

    void prefetchSlot(std::uint64_t hash) const { __builtin_prefetch(&m_slots[hash & m_mask]); }
    void prefetchBytes(std::uint64_t hash) const;

    // f(std::string_view key, std::uint32_t count) for every key, in no particular order.
    template <typename F> void forEach(F &&f) const {
        for (std::size_t i = 0; i <= m_mask; ++i)
            if (m_slots[i].count)
                f(m_bytes.view(m_slots[i].ref), m_slots[i].count);
    }
    std::size_t size() const { return m_size; }

private:
    struct Slot {
        std::uint32_t hash = 0;  // the low 32 bits (the index's bits: tables stay below 2^32)
        std::uint32_t count = 0; // 0: empty
        std::uint64_t ref = 0;   // ByteArena's
    };
    void grow();

    ByteArena m_bytes;
    MappedBlock m_table;
    Slot *m_slots = nullptr;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

} // namespace maildeck::logs
