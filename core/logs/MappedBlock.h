#pragma once

#include <cstddef>

namespace maildeck::logs {

// Zeroed anonymous memory from mmap (from the heap under AddressSanitizer), for the string pool's
// big tables and byte chunks. mmap'd memory goes back to the system when freed (a freed heap buffer
// may stay resident), pages are only resident once touched, and with `huge` the block is 2
// MiB-aligned and advised to use transparent huge pages: a probe that lands anywhere in a 64 MB
// table then costs one TLB entry per 2 MiB instead of 512. (Debian's default THP mode is "madvise":
// without the advice, none.)
class MappedBlock {
public:
    static constexpr std::size_t kHugePage = std::size_t(2) << 20;

    MappedBlock() = default;
    MappedBlock(std::size_t bytes, bool huge); // throws std::bad_alloc when mmap fails
    ~MappedBlock();
    MappedBlock(MappedBlock &&other) noexcept;
    MappedBlock &operator=(MappedBlock &&other) noexcept;
    MappedBlock(const MappedBlock &) = delete;
    MappedBlock &operator=(const MappedBlock &) = delete;

    char *data() const { return m_data; }
    std::size_t size() const { return m_size; }

private:
    void release();

    char *m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace maildeck::logs
