#include "core/logs/PatternDetector.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace maildeck::logs {

namespace {
bool isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// The label that was registered: "zrbzzfmaewphpyi" of "zrbzzfmaewphpyi.jp" or "x.foo.co.jp" ->
// "foo".
std::string_view registrableLabel(std::string_view d) {
    const std::size_t last = d.rfind('.');
    if (last == std::string_view::npos || last == 0)
        return d;
    const std::size_t prev = d.rfind('.', last - 1);
    const std::string_view tld = d.substr(last + 1);
    const std::size_t secondStart = prev == std::string_view::npos ? 0 : prev + 1;
    const std::string_view second = d.substr(secondStart, last - secondStart);
    if (tld.size() == 2 && prev != std::string_view::npos && prev > 0) {
        static const std::string_view slds[] = {"co",  "ne",  "or",  "ac",  "go",
                                                "com", "net", "org", "edu", "gov"};
        for (std::string_view s : slds) {
            if (second == s) {
                const std::size_t prev2 = d.rfind('.', prev - 1);
                const std::size_t start = prev2 == std::string_view::npos ? 0 : prev2 + 1;
                return d.substr(start, prev - start);
            }
        }
    }
    return second;
}
} // namespace

bool PatternDetector::looksRandom(std::string_view domain) {
    const std::string_view l = registrableLabel(domain);
    if (l.size() < 8)
        return false;
    int vowels = 0, letters = 0, digits = 0, run = 0, maxRun = 0, rare = 0;
    for (char c : l) {
        const char lc = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        if (lc >= 'a' && lc <= 'z') {
            ++letters;
            if (isVowel(lc)) {
                ++vowels;
                run = 0;
            } else {
                maxRun = std::max(maxRun, ++run);
            }
            if (lc == 'q' || lc == 'x' || lc == 'z' || lc == 'j')
                ++rare;
        } else if (lc >= '0' && lc <= '9') {
            ++digits;
            run = 0;
        } else {
            run = 0;
        }
    }
    if (letters == 0)
        return false;
    double score = 0;
    if (maxRun >= 5)
        score += 1;
    else if (maxRun >= 4)
        score += 0.5;
    const double vowelShare = static_cast<double>(vowels) / letters;
    if (vowelShare < 0.25)
        score += 1;
    if (rare >= 2)
        score += 0.5;
    if (digits >= 2 && letters >= 4)
        score += 0.5;
    if (l.size() >= 14)
        score += 0.5;
    return score >= 1.0;
}

std::vector<PatternFinding> PatternDetector::detect(const EventStore &store,
                                                    const std::vector<std::uint32_t> *rows,
                                                    const PatternOptions &options) {
    const std::uint32_t n = rows ? static_cast<std::uint32_t>(rows->size()) : store.size();
    auto rowAt = [&](std::uint32_t i) {
        return rows ? (*rows)[i] : i;
    };

    // Memory: a relay's sender domains are collected as plain ids (sorted and made unique at
    // the end), and auth failures are first counted per address by sorting, so that only the
    // few addresses over the threshold get an accumulator (not every one-off client).
    struct RelayAcc {
        std::vector<std::uint32_t> domains;
        std::vector<std::uint32_t> rows;
        std::uint64_t events = 0;
        std::int64_t first = INT64_MAX, last = INT64_MIN;
    };
    struct AuthAcc {
        std::unordered_set<std::uint32_t> users;
        std::vector<std::uint32_t> rows;
        std::uint64_t events = 0;
        std::int64_t first = INT64_MAX, last = INT64_MIN;
    };
    std::unordered_map<std::uint32_t, RelayAcc> relays;
    struct H {
        std::size_t operator()(const IpAddress &a) const {
            return a.hi * 0x9E3779B97F4A7C15ULL ^ a.lo;
        }
    };
    std::unordered_map<IpAddress, AuthAcc, H> auth;
    const auto isAuthFailure = [](ReasonClass r) {
        return r == ReasonClass::SaslAuthFailed || r == ReasonClass::DovecotAuthFailed ||
               r == ReasonClass::DovecotPasswordMismatch || r == ReasonClass::DovecotUnknownUser ||
               r == ReasonClass::ConnectionLostAfterAuth;
    };
    const auto before = [](const IpAddress &a, const IpAddress &b) {
        return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo;
    };
    std::vector<IpAddress> hammering; // addresses with at least minAuthFailures, sorted
    {
        std::vector<IpAddress> all;
        for (std::uint32_t i = 0; i < n; ++i) {
            const std::uint32_t row = rowAt(i);
            if (isAuthFailure(store.reason(row))) {
                const IpAddress ip = store.clientIp(row);
                if (!ip.isNull())
                    all.push_back(ip);
            }
        }
        std::sort(all.begin(), all.end(), before);
        for (std::size_t i = 0; i < all.size();) {
            std::size_t j = i + 1;
            while (j < all.size() && all[j] == all[i])
                ++j;
            if (j - i >= options.minAuthFailures)
                hammering.push_back(all[i]);
            i = j;
        }
    }

    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t row = rowAt(i);
        const ReasonClass r = store.reason(row);
        const std::int64_t t = store.timeMs(row);
        if (r == ReasonClass::SenderUnknownDomain || r == ReasonClass::SenderNullMx) {
            const std::uint32_t dom = store.senderDomainId(row);
            if (dom == 0 || dom == UINT32_MAX)
                continue;
            RelayAcc &a = relays[store.relayGroupId(row)];
            a.domains.push_back(dom);
            ++a.events;
            a.first = std::min(a.first, t);
            a.last = std::max(a.last, t);
            if (a.rows.size() < options.maxEvidenceRows)
                a.rows.push_back(row);
        } else if (isAuthFailure(r)) {
            const IpAddress ip = store.clientIp(row);
            if (ip.isNull() || !std::binary_search(hammering.begin(), hammering.end(), ip, before))
                continue;
            AuthAcc &a = auth[ip];
            ++a.events;
            const std::string_view u = store.user(row);
            if (!u.empty())
                a.users.insert(store.strings().find(u));
            a.first = std::min(a.first, t);
            a.last = std::max(a.last, t);
            if (a.rows.size() < options.maxEvidenceRows)
                a.rows.push_back(row);
        }
    }

    std::vector<PatternFinding> out;
    for (auto &[group, a] : relays) {
        std::sort(a.domains.begin(), a.domains.end());
        a.domains.erase(std::unique(a.domains.begin(), a.domains.end()), a.domains.end());
        const auto distinct = static_cast<std::uint32_t>(a.domains.size());
        if (distinct < options.minDistinctDomains)
            continue;
        PatternFinding f;
        f.kind = QStringLiteral("relay.random_sender_domains");
        const std::string_view g = store.str(group);
        f.subject = QString::fromUtf8(g.data(), static_cast<qsizetype>(g.size()));
        f.events = a.events;
        f.distinct = distinct;
        for (std::uint32_t d : a.domains) {
            const std::string_view ds = store.str(d);
            const bool random = looksRandom(ds);
            f.randomLooking += random ? 1 : 0;
            if (random && static_cast<std::size_t>(f.examples.size()) < options.maxExamples)
                f.examples << QString::fromUtf8(ds.data(), static_cast<qsizetype>(ds.size()));
        }
        if (static_cast<double>(f.randomLooking) / distinct < options.minRandomShare &&
            distinct < 5 * options.minDistinctDomains)
            continue;
        f.firstMs = a.first;
        f.lastMs = a.last;
        f.rows = std::move(a.rows);
        out.push_back(std::move(f));
    }
    for (auto &[ip, a] : auth) {
        if (a.events < options.minAuthFailures)
            continue;
        PatternFinding f;
        f.kind = QStringLiteral("client.auth_bruteforce");
        f.subject = ip.toString();
        f.events = a.events;
        f.distinct = static_cast<std::uint32_t>(a.users.size());
        for (std::uint32_t u : a.users) {
            if (u == UINT32_MAX ||
                static_cast<std::size_t>(f.examples.size()) >= options.maxExamples)
                continue;
            const std::string_view us = store.str(u);
            f.examples << QString::fromUtf8(us.data(), static_cast<qsizetype>(us.size()));
        }
        f.examples.sort();
        f.firstMs = a.first;
        f.lastMs = a.last;
        f.rows = std::move(a.rows);
        out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(), [](const PatternFinding &a, const PatternFinding &b) {
        return a.events != b.events ? a.events > b.events : a.subject < b.subject;
    });
    return out;
}

} // namespace maildeck::logs
