#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <utility>
#include <vector>

namespace maildeck::logs {

// Keeps the best `limit` items offered (all of them when limit is 0) without holding every
// distinct key: a heap whose top is the worst kept item. better(a, b): a ranks before b.
template <typename T, typename Better> class TopN {
public:
    TopN(std::size_t limit, Better better)
        : m_limit(limit)
        , m_better(better) {}
    void offer(const T &item) {
        if (!m_limit || m_items.size() < m_limit) {
            m_items.push_back(item);
            if (m_limit)
                std::push_heap(m_items.begin(), m_items.end(), m_better);
        } else if (m_better(item, m_items.front())) {
            std::pop_heap(m_items.begin(), m_items.end(), m_better);
            m_items.back() = item;
            std::push_heap(m_items.begin(), m_items.end(), m_better);
        }
    }
    // Best first.
    std::vector<T> take() {
        std::sort(m_items.begin(), m_items.end(), m_better);
        return std::move(m_items);
    }

private:
    std::size_t m_limit;
    Better m_better;
    std::vector<T> m_items;
};

// std::sort, with the halves of a big vector sorted on two threads and then merged: the
// client-address group-by sorts one address per event (a tenth of a report's time alone).
template <typename T, typename Less> void sortOnTwoThreads(std::vector<T> &v, Less less) {
    if (v.size() < 100000) { // a thread costs ≈ 50 µs; 100 k addresses take ≈ 5 ms to sort
        std::sort(v.begin(), v.end(), less);
        return;
    }
    const auto middle = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::thread upper([&] { std::sort(middle, v.end(), less); });
    std::sort(v.begin(), middle, less);
    upper.join();
    std::inplace_merge(v.begin(), middle, v.end(), less);
}

// The `limit` ids of 1 .. n-1 with the highest non-zero counts (all when limit is 0) as
// (count, id) pairs, best first; equal counts in the order of their keys' text. keyOf(id)
// gives a string_view; it is called only to break ties.
template <typename CountOf, typename KeyOf>
std::vector<std::pair<std::uint32_t, std::uint32_t>> topIds(std::uint32_t n, std::size_t limit,
                                                            CountOf countOf, KeyOf keyOf) {
    using Item = std::pair<std::uint32_t, std::uint32_t>;
    auto better = [&keyOf](const Item &a, const Item &b) {
        return a.first != b.first ? a.first > b.first : keyOf(a.second) < keyOf(b.second);
    };
    TopN<Item, decltype(better)> top(limit, better);
    for (std::uint32_t id = 1; id < n; ++id)
        if (const std::uint32_t c = countOf(id))
            top.offer({c, id});
    return top.take();
}

} // namespace maildeck::logs
