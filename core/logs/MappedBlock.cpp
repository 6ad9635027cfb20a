#include "core/logs/MappedBlock.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

#if defined(__SANITIZE_ADDRESS__)
#define MAILDECK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MAILDECK_ASAN 1
#endif
#endif

namespace maildeck::logs {

#ifdef MAILDECK_ASAN

// Under AddressSanitizer the blocks come from the heap, which ASan watches (it cannot see past
// the end of an mmap'd block): the pool's bugs stay findable in the sanitizer and fuzz builds.
MappedBlock::MappedBlock(std::size_t bytes, bool huge) {
    if (bytes == 0)
        return;
    const std::size_t page = huge ? kHugePage : 4096;
    m_size = (bytes + page - 1) / page * page;
    if (huge) {
        m_data = static_cast<char *>(std::aligned_alloc(page, m_size));
        if (m_data)
            std::memset(m_data, 0, m_size);
    } else {
        // calloc: ASan hands out big blocks zeroed from mmap, without a memset (a fuzz run makes
        // a pool per input)
        m_data = static_cast<char *>(std::calloc(1, m_size));
    }
    if (!m_data)
        throw std::bad_alloc();
}

void MappedBlock::release() {
    std::free(m_data);
    m_data = nullptr;
    m_size = 0;
}

#else

MappedBlock::MappedBlock(std::size_t bytes, bool huge) {
    if (bytes == 0)
        return;
    const std::size_t page = huge ? kHugePage : 4096;
    const std::size_t size = (bytes + page - 1) / page * page;
    // For a huge block, map one huge page more and trim both ends to 2 MiB alignment.
    const std::size_t mapped = huge ? size + kHugePage : size;
    void *p = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        throw std::bad_alloc();
    char *base = static_cast<char *>(p);
    if (huge) {
        const auto at = reinterpret_cast<std::uintptr_t>(base);
        char *aligned = base + ((kHugePage - at % kHugePage) % kHugePage);
        if (aligned > base)
            munmap(base, static_cast<std::size_t>(aligned - base));
        const std::size_t tail = mapped - static_cast<std::size_t>(aligned - base) - size;
        if (tail)
            munmap(aligned + size, tail);
        base = aligned;
        madvise(base, size, MADV_HUGEPAGE); // a hint: without THP the block still works
    }
    m_data = base;
    m_size = size;
}

void MappedBlock::release() {
    if (m_data)
        munmap(m_data, m_size);
    m_data = nullptr;
    m_size = 0;
}

#endif

MappedBlock::~MappedBlock() {
    release();
}

MappedBlock::MappedBlock(MappedBlock &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0)) {}

MappedBlock &MappedBlock::operator=(MappedBlock &&other) noexcept {
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

} // namespace maildeck::logs
