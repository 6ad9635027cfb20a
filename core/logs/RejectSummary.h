#pragma once

#include "core/logs/EventStore.h"
#include "core/logs/PatternDetector.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace maildeck::logs {

// What to summarise about a set of rows (see RejectSummary).
struct SummaryRequest {
    bool classes = true;                                 // the count per reason class
    std::vector<std::pair<Dimension, std::size_t>> tops; // top N per dimension (N 0 = all)
    std::size_t relaysPerReason = 0;                     // 0: not wanted
    bool patterns = false;                               // PatternDetector::detect
};

// The reject-log view's panels and `maildeck-cli rejects`' report in one pass over the store:
// the group-bys and the pattern detection are independent reads, so they are shared out over two
// threads (at 10 M log lines they are ≈ 0.9 s of CPU). The store must not be appended to
// meanwhile — compute() returns when everything is done.
struct RejectSummary {
    std::vector<GroupCount> classes;
    std::vector<std::vector<GroupCount>> tops; // in the request's order
    std::vector<EventStore::ReasonRelays> relaysPerReason;
    std::vector<PatternFinding> findings;

    // rows: nullptr = the whole store.
    static RejectSummary compute(const EventStore &store, const std::vector<std::uint32_t> *rows,
                                 const SummaryRequest &request);
};

} // namespace maildeck::logs
