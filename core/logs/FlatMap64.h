#pragma once

#include <cstdint>
#include <vector>

namespace maildeck::logs {

// uint64 -> uint32, open addressing in one flat array (load factor at most 1/2): the store's
// per-event look-ups (a shape, the relay group of an "unknown" client's network) touch one
// cache line, where std::unordered_map follows a pointer to a node.
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
        if ((m_size + 1) * 2 > m_slots.size())
            grow();
        place(m_slots, key, value + 1);
        ++m_size;
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
