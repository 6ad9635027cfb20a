#pragma once

#include "core/logs/EventStore.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <string_view>
#include <vector>

namespace maildeck::logs {

struct PatternFinding {
    // "relay.random_sender_domains": one relay network delivering for many non-existent,
    //   random-looking sender domains (the yahoo.co.jp story);
    // "client.auth_bruteforce": one client address failing authentication many times.
    QString kind;
    QString subject;                 // relay group or client address
    std::uint64_t events = 0;        // rows that support the finding
    std::uint32_t distinct = 0;      // distinct sender domains / user names
    std::uint32_t randomLooking = 0; // of those, how many look machine-generated
    std::int64_t firstMs = 0, lastMs = 0;
    QStringList examples;            // a few domains / user names
    std::vector<std::uint32_t> rows; // evidence rows (bounded)
};

struct PatternOptions {
    std::uint32_t minDistinctDomains = 10; // per relay group
    double minRandomShare = 0.5;           // share of random-looking domains to flag
    std::uint32_t minAuthFailures = 20;    // per client address
    std::size_t maxEvidenceRows = 50;
    std::size_t maxExamples = 10;
};

class PatternDetector {
public:
    // rows: nullptr = the whole store. Findings sorted by strength (events) descending.
    static std::vector<PatternFinding> detect(const EventStore &store,
                                              const std::vector<std::uint32_t> *rows,
                                              const PatternOptions &options = {});
    // Heuristic: does the domain's registrable label look machine-generated ("zrbzzfmaewphpyi.jp")?
    static bool looksRandom(std::string_view domain);
};

} // namespace maildeck::logs
