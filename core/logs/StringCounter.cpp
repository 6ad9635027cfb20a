#include "core/logs/StringCounter.h"

#include <algorithm>

namespace maildeck::logs {

namespace {

constexpr std::size_t kFirstSlots = 256;

// Huge pages once the table is big (a small tally keeps to the 4 KiB pages it touches).
MappedBlock tableOf(std::size_t slots, std::size_t slotBytes) {
    const std::size_t bytes = slots * slotBytes;
    return MappedBlock(bytes, bytes >= MappedBlock::kHugePage);
}

} // namespace

StringCounter::StringCounter()
    : m_table(tableOf(kFirstSlots, sizeof(Slot)))
    , m_slots(reinterpret_cast<Slot *>(m_table.data())) // zeroed: all empty
    , m_mask(kFirstSlots - 1) {}

void StringCounter::add(std::string_view s, std::uint64_t h, std::uint32_t n) {
    if (s.size() > ByteArena::kMaxLength) {
        s = s.substr(0, ByteArena::kMaxLength);
        h = hash(s);
    }
    const auto h32 = static_cast<std::uint32_t>(h);
    std::size_t i = h & m_mask;
    for (; m_slots[i].count; i = (i + 1) & m_mask) {
        Slot &slot = m_slots[i];
        if (slot.hash == h32 && m_bytes.view(slot.ref) == s) {
            slot.count += n;
            return;
        }
    }
    m_slots[i] = Slot{h32, n, m_bytes.store(s)};
    if (++m_size * 4 > (m_mask + 1) * 3) // load factor 3/4
        grow();
}

void StringCounter::prefetchBytes(std::uint64_t h) const {
    const Slot &slot = m_slots[h & m_mask];
    if (slot.count && slot.hash == static_cast<std::uint32_t>(h))
        __builtin_prefetch(m_bytes.view(slot.ref).data());
}

void StringCounter::grow() {
    const std::size_t count = (m_mask + 1) * 2;
    MappedBlock table = tableOf(count, sizeof(Slot));
    auto *slots = reinterpret_cast<Slot *>(table.data());
    const std::size_t mask = count - 1;
    for (std::size_t j = 0; j <= m_mask; ++j) {
        if (!m_slots[j].count)
            continue;
        std::size_t i = m_slots[j].hash & mask;
        while (slots[i].count)
            i = (i + 1) & mask;
        slots[i] = m_slots[j];
    }
    m_table = std::move(table);
    m_slots = slots;
    m_mask = mask;
}

} // namespace maildeck::logs
