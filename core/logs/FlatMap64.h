#pragma once

#include <cstdint>
#include <vector>

namespace maildeck::logs {

// uint64 -> uint32, open addressing in one flat array (load factor at most 3/4): the store's
// per-event look-ups (a shape, the relay group of an "unknown" client's network) and the
// tally's count per network touch one cache line, where std::unordered_map follows a pointer
// to a node.
class FlatMap64 {
public:
    FlatMap64() { m_slots.resize(64); }

    bool find(std::uint64_t key, std::uint32_t &value) const {
        for (std::size_t i = mix(key) & mask();; i = (i + 1) & mask()) {
            const Slot &s = m_slots[i];
            if (s.valuePlusOne == 0)
                return false;
            if (s.key == key) {
                value = s.valuePlusOne - 1;
                return true;
            }
        }
    }

    // `key` must not be in the map yet; `value` < UINT32_MAX.
    void insert(std::uint64_t key, std::uint32_t value) {
        if ((m_size + 1) * 4 > m_slots.size() * 3)
            grow();
        place(m_slots, key, value + 1);
        ++m_size;
    }

    // Adds n to key's value, a key not in the map starting at 0 (a counter per key).
    void addTo(std::uint64_t key, std::uint32_t n) {
        for (std::size_t i = mix(key) & mask();; i = (i + 1) & mask()) {
            Slot &s = m_slots[i];
            if (s.valuePlusOne == 0)
                break;
            if (s.key == key) {
                s.valuePlusOne += n;
                return;
            }
        }
        insert(key, n);
    }
    void prefetch(std::uint64_t key) const { __builtin_prefetch(&m_slots[mix(key) & mask()]); }
    // f(key, value) for every entry.
    template <typename F> void forEach(F &&f) const {
        for (const Slot &s : m_slots)
            if (s.valuePlusOne != 0)
                f(s.key, s.valuePlusOne - 1);
    }

    std::size_t size() const { return m_size; }

private:
    struct Slot {
        std::uint64_t key = 0;
        std::uint32_t valuePlusOne = 0; // 0: empty
    };

    std::size_t mask() const { return m_slots.size() - 1; }

    static std::size_t mix(std::uint64_t k) {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdULL;
        k ^= k >> 33;
        return static_cast<std::size_t>(k);
    }

    static void place(std::vector<Slot> &slots, std::uint64_t key, std::uint32_t valuePlusOne) {
        const std::size_t m = slots.size() - 1;
        std::size_t i = mix(key) & m;
        while (slots[i].valuePlusOne != 0)
            i = (i + 1) & m;
        slots[i] = Slot{key, valuePlusOne};
    }

    void grow() {
        std::vector<Slot> bigger(m_slots.size() * 2);
        for (const Slot &s : m_slots)
            if (s.valuePlusOne != 0)
                place(bigger, s.key, s.valuePlusOne);
        m_slots.swap(bigger);
    }

    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
};

} // namespace maildeck::logs
