#pragma once

#include "core/logs/ReasonClass.h"

#include <cstdint>
#include <string_view>

namespace maildeck::logs {

// Bit flags describing an event (a row's "kind" mask in the store).
namespace EventKind {
enum : std::uint32_t {
    Reject = 1u << 0,        // Postfix "reject:" (smtpd, postscreen, cleanup)
    RejectWarning = 1u << 1, // "reject_warning:" (warn_if_reject: would have been rejected)
    MilterReject = 1u << 2,  // "milter-reject:" / "proxy-reject:"
    Postscreen = 1u << 3,    // logged by postscreen
    SaslFailure = 1u << 4,   // Postfix SASL authentication failed/aborted
    Connection = 1u << 5,    // lost connection / timeout / too many errors / rate limits
    Dovecot = 1u << 6,       // Dovecot login refusal or auth failure
    Iredapd = 1u << 7,       // iRedAPD's own log
    Cleanup = 1u << 8,       // content checks (cleanup)
    Temporary = 1u << 9,     // 4xx reply
    Permanent = 1u << 10,    // 5xx reply
    Protocol = 1u << 11,     // protocol violations (pipelining, non-SMTP, bare LF)
    AssumedTime = 1u << 12,  // timestamp had no year/offset: year inferred, offset assumed
};
}

enum class ParseStatus : std::uint8_t {
    Unparsed, // not a log line we understand (garbage, truncated header, binary)
    Ignored,  // a well-formed log line that is not an event (connect, delivery, ...)
    Event,    // a reject or refusal: the event fields are set
};

// The result of parsing one line. Every string_view points into the line given to parse().
struct ParsedLine {
    ParseStatus status = ParseStatus::Unparsed;
    std::int64_t timeMs = 0;       // UTC, milliseconds since the epoch
    std::int16_t utcOffsetMin = 0; // the line's own offset (or the assumed one)

    std::string_view host;    // the server that logged the line (any bytes, e.g. UTF-8)
    std::string_view program; // "postfix/submission/smtpd", "dovecot", "iredapd"
    std::uint32_t pid = 0;
    std::string_view message; // after "prog[pid]: "

    // Event fields (status == Event).
    std::uint32_t kinds = 0;
    ReasonClass reason = ReasonClass::Other;
    std::uint16_t smtpCode = 0;    // 0 when the line has none
    std::string_view enhancedCode; // "5.7.1"
    std::string_view clientHost;   // "mail.example.net", "unknown", empty for postscreen
    std::string_view clientIp;     // textual address as logged
    std::string_view sender;       // envelope sender (empty: none or null sender)
    std::string_view recipient;    // envelope recipient
    std::string_view helo;         // HELO/EHLO name
    std::string_view protocol;     // "ESMTP", "SMTP", "imap", "pop3", ...
    std::string_view stage;        // "RCPT", "CONNECT", "END-OF-MESSAGE", "AUTH", ...
    std::string_view object;       // what was rejected: HELO name, address, list, mechanism
    std::string_view text;         // the reason text as logged (for "other": the whole text)
    std::string_view user;         // SASL / Dovecot user name
};

// Resolves timestamps without a year ("Aug  9 07:48:48") and without an offset.
// The year is the reference time's year unless that puts the line more than a day after the
// reference, in which case it is the year before (a December line read in January).
// Reference: the server's clock for a live tail, the file's modification time for history.
class TimeResolver {
public:
    TimeResolver();
    // referenceUtcMs: "now" for the source; localOffsetMinutes: the server's UTC offset,
    // used for timestamps that carry none.
    void setReference(std::int64_t referenceUtcMs, int localOffsetMinutes);
    std::int64_t referenceUtcMs() const { return m_referenceUtcMs; }
    int localOffsetMinutes() const { return m_offsetMin; }

    // month 1-12; returns UTC ms.
    std::int64_t resolveYearless(int month, int day, int hour, int minute, int second,
                                 int millis) const;

private:
    std::int64_t m_referenceUtcMs = 0;
    int m_offsetMin = 0;
    int m_refYear = 1970;
    std::int64_t m_refLocalMs = 0;
    // one-entry cache: (year, month, day) -> days since epoch
    mutable int m_cacheKey = -1;
    mutable std::int64_t m_cacheDays = 0;
};

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
std::int64_t daysFromCivil(int year, int month, int day);

// Pure, allocation-free line parser. Not thread-safe only because of the TimeResolver cache;
// use one per thread.
class LineParser {
public:
    TimeResolver &time() { return m_time; }
    const TimeResolver &time() const { return m_time; }

    // Parses one line (without its '\n'; a trailing '\r' is ignored). Never throws.
    ParsedLine parse(std::string_view line) const;

private:
    TimeResolver m_time;
};

} // namespace maildeck::logs
