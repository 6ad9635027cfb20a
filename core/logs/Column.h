#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace maildeck::logs {

// An append-only array in fixed blocks of 64 Ki elements. Unlike std::vector it never moves
// what it holds: growing costs no copy, and no old buffer is left behind. (A vector that doubles
// frees its old buffers into the heap, where they stay resident: with fifteen columns that grow
// together, that was a third of the event store's peak memory.) Element addresses are stable.
template <typename T> class Column {
public:
    static constexpr unsigned kShift = 16;
    static constexpr std::size_t kBlock = std::size_t(1) << kShift;

    Column() = default;
    Column(const Column &) = delete;
    Column &operator=(const Column &) = delete;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    // Bytes held (whole blocks).
    std::size_t capacityBytes() const {
        return m_blocks.size() * kBlock * sizeof(T) + m_blocks.capacity() * sizeof(void *);
    }

    T &operator[](std::size_t i) { return m_blocks[i >> kShift][i & (kBlock - 1)]; }
    const T &operator[](std::size_t i) const { return m_blocks[i >> kShift][i & (kBlock - 1)]; }

    void push_back(const T &value) {
        if ((m_size & (kBlock - 1)) == 0 && (m_size >> kShift) == m_blocks.size())
            m_blocks.emplace_back(new T[kBlock]);
        m_blocks[m_size >> kShift][m_size & (kBlock - 1)] = value;
        ++m_size;
    }

    // Grows to n elements (no-op if already that long), new ones set to fill.
    void growTo(std::size_t n, const T &fill) {
        while (m_size < n)
            push_back(fill);
    }

    // Reserves the block table only (blocks are allocated as they fill).
    void reserve(std::size_t n) { m_blocks.reserve((n + kBlock - 1) >> kShift); }

private:
    std::vector<std::unique_ptr<T[]>> m_blocks;
    std::size_t m_size = 0;
};

} // namespace maildeck::logs
