#include "core/logs/LineParser.h"

#include <cstring>

namespace maildeck::logs {

namespace {

using sv = std::string_view;
constexpr std::size_t npos = sv::npos;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool digits(sv s, std::size_t pos, int n, int &out) {
    if (pos + static_cast<std::size_t>(n) > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const char c = s[pos + static_cast<std::size_t>(i)];
        if (!isDigit(c))
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

int monthFromAbbrev(const char *p) {
    switch (p[0]) {
    case 'J':
        if (p[1] == 'a' && p[2] == 'n')
            return 1;
        if (p[1] == 'u' && p[2] == 'n')
            return 6;
        if (p[1] == 'u' && p[2] == 'l')
            return 7;
        return 0;
    case 'F':
        return (p[1] == 'e' && p[2] == 'b') ? 2 : 0;
    case 'M':
        if (p[1] == 'a' && p[2] == 'r')
            return 3;
        if (p[1] == 'a' && p[2] == 'y')
            return 5;
        return 0;
    case 'A':
        if (p[1] == 'p' && p[2] == 'r')
            return 4;
        if (p[1] == 'u' && p[2] == 'g')
            return 8;
        return 0;
    case 'S':
        return (p[1] == 'e' && p[2] == 'p') ? 9 : 0;
    case 'O':
        return (p[1] == 'c' && p[2] == 't') ? 10 : 0;
    case 'N':
        return (p[1] == 'o' && p[2] == 'v') ? 11 : 0;
    case 'D':
        return (p[1] == 'e' && p[2] == 'c') ? 12 : 0;
    default:
        return 0;
    }
}

// Parses up to 6 fraction digits after a '.', returns milliseconds; advances pos.
int fractionMillis(sv s, std::size_t &pos) {
    if (pos >= s.size() || s[pos] != '.')
        return 0;
    ++pos;
    int ms = 0;
    int n = 0;
    while (pos < s.size() && isDigit(s[pos])) {
        if (n < 3)
            ms = ms * 10 + (s[pos] - '0');
        ++n;
        ++pos;
    }
    while (n < 3) {
        ms *= 10;
        ++n;
    }
    return ms;
}

bool validTime(int month, int day, int h, int m, int s) {
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && h <= 23 && m <= 59 && s <= 60;
}

// "2026-08-09T07:48:48[.ffffff](Z|+09:00|+0900)" at pos; advances pos past it.
bool parseRfc3339(sv s, std::size_t &pos, std::int64_t &utcMs, int &offsetMin) {
    int y, mo, d, h, mi, se;
    if (!digits(s, pos, 4, y) || s.size() < pos + 19 || s[pos + 4] != '-' ||
        !digits(s, pos + 5, 2, mo) || s[pos + 7] != '-' || !digits(s, pos + 8, 2, d) ||
        (s[pos + 10] != 'T' && s[pos + 10] != ' ') || !digits(s, pos + 11, 2, h) ||
        s[pos + 13] != ':' || !digits(s, pos + 14, 2, mi) || s[pos + 16] != ':' ||
        !digits(s, pos + 17, 2, se))
        return false;
    if (!validTime(mo, d, h, mi, se))
        return false;
    std::size_t p = pos + 19;
    const int ms = fractionMillis(s, p);
    int off = 0;
    if (p < s.size() && s[p] == 'Z') {
        ++p;
    } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
        const int sign = s[p] == '-' ? -1 : 1;
        int oh, om;
        if (!digits(s, p + 1, 2, oh))
            return false;
        std::size_t q = p + 3;
        if (q < s.size() && s[q] == ':')
            ++q;
        if (!digits(s, q, 2, om))
            return false;
        if (oh > 18 || om > 59)
            return false;
        off = sign * (oh * 60 + om);
        p = q + 2;
    }
    const std::int64_t local =
        ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60000LL + se * 1000LL + ms;
    utcMs = local - off * 60000LL;
    offsetMin = off;
    pos = p;
    return true;
}

// ---- small string helpers (used on the event subset only) ----

bool startsWith(sv s, sv p) {
    return s.size() >= p.size() && std::memcmp(s.data(), p.data(), p.size()) == 0;
}
bool contains(sv s, sv p) {
    return s.find(p) != npos;
}
sv after(sv s, std::size_t n) {
    return n >= s.size() ? sv() : s.substr(n);
}

// "name[addr]" or "[addr]" with optional ":port" at the start of s. Returns chars consumed.
std::size_t parseClient(sv s, sv &name, sv &addr) {
    const std::size_t lb = s.find('[');
    if (lb == npos)
        return 0;
    const std::size_t rb = s.find(']', lb + 1);
    if (rb == npos)
        return 0;
    // the name must not contain a space (would mean we are reading prose)
    if (s.substr(0, lb).find(' ') != npos)
        return 0;
    name = s.substr(0, lb);
    addr = s.substr(lb + 1, rb - lb - 1);
    std::size_t p = rb + 1;
    if (p < s.size() && s[p] == ':' && p + 1 < s.size() && isDigit(s[p + 1])) {
        ++p;
        while (p < s.size() && isDigit(s[p]))
            ++p;
    }
    return p;
}

// "550 5.7.1 " / "5.7.1 " at the start; advances.
void parseCodes(sv &t, ParsedLine &out) {
    if (t.size() >= 4 && (t[0] == '4' || t[0] == '5' || t[0] == '2') && isDigit(t[1]) &&
        isDigit(t[2]) && t[3] == ' ') {
        out.smtpCode =
            static_cast<std::uint16_t>((t[0] - '0') * 100 + (t[1] - '0') * 10 + (t[2] - '0'));
        t.remove_prefix(4);
    }
    if (t.size() >= 6 && (t[0] == '2' || t[0] == '4' || t[0] == '5') && t[1] == '.') {
        std::size_t p = 2;
        std::size_t n = 0;
        while (p < t.size() && isDigit(t[p]) && n < 3) {
            ++p;
            ++n;
        }
        if (n == 0 || p >= t.size() || t[p] != '.')
            return;
        ++p;
        n = 0;
        while (p < t.size() && isDigit(t[p]) && n < 3) {
            ++p;
            ++n;
        }
        if (n == 0 || (p < t.size() && t[p] != ' '))
            return;
        out.enhancedCode = t.substr(0, p);
        t = after(t, p + 1);
    }
}

// Parses the context tail: from=<s> to=<r> proto=ESMTP helo=<h> sasl_username=u (space or
// ", " separated; values in angle brackets end at '>' followed by a separator or the end).
void parseContext(sv ctx, ParsedLine &out) {
    std::size_t p = 0;
    while (p < ctx.size()) {
        while (p < ctx.size() && (ctx[p] == ' ' || ctx[p] == ',' || ctx[p] == ';'))
            ++p;
        const std::size_t eq = ctx.find('=', p);
        if (eq == npos)
            break;
        const sv key = ctx.substr(p, eq - p);
        std::size_t v = eq + 1;
        sv value;
        if (v < ctx.size() && ctx[v] == '<') {
            std::size_t e = v + 1;
            for (;;) {
                e = ctx.find('>', e);
                if (e == npos) {
                    e = ctx.size();
                    break;
                }
                if (e + 1 >= ctx.size() || ctx[e + 1] == ' ' || ctx[e + 1] == ',' ||
                    ctx[e + 1] == ':')
                    break;
                ++e;
            }
            value = ctx.substr(v + 1, e - v - 1);
            p = e + 1;
        } else {
            std::size_t e = v;
            while (e < ctx.size() && ctx[e] != ' ' && ctx[e] != ',')
                ++e;
            value = ctx.substr(v, e - v);
            p = e;
        }
        if (key == "from")
            out.sender = value;
        else if (key == "to")
            out.recipient = value;
        else if (key == "proto")
            out.protocol = value;
        else if (key == "helo")
            out.helo = value;
        else if (key == "sasl_username")
            out.user = value;
        else if (key.find(' ') != npos)
            break; // prose, not a key
    }
}

// Where the context tail starts ("; from=<", "; to=<", ...), or npos.
std::size_t contextStart(sv s) {
    for (sv key : {sv("; from=<"), sv("; to=<"), sv("; proto="), sv("; helo=<")}) {
        const std::size_t p = s.find(key);
        if (p != npos)
            return p;
    }
    return npos;
}

bool classifyIredapd(sv t, ReasonClass &r) {
    struct Rule {
        sv text;
        ReasonClass reason;
    };
    static constexpr Rule rules[] = {
        {"SMTP AUTH is required for users under this sender domain",
         ReasonClass::IredapdSmtpAuthRequired},
        {"Sender is not same as SMTP authenticate username",
         ReasonClass::IredapdSenderLoginMismatch},
        {"Policy rejection due to null sender", ReasonClass::IredapdNullSender},
        {"Blacklisted", ReasonClass::IredapdBlacklisted},
        {"Not authorized", ReasonClass::IredapdNotAuthorized},
        {"Throttling quota exceeded", ReasonClass::IredapdThrottle},
        {"Message size is too large", ReasonClass::IredapdThrottle},
        {"Too many recipients in single message", ReasonClass::IredapdThrottle},
        {"Message size exceed (", ReasonClass::IredapdThrottle},
        {"Intentional policy rejection", ReasonClass::IredapdGreylisting},
        {"Server IP address has bad reputation", ReasonClass::IredapdSenderScore},
        {"Password expired or never changed", ReasonClass::IredapdPasswordExpired},
        {"Policy rejection", ReasonClass::IredapdRejected},
    };
    for (const Rule &rule : rules) {
        if (startsWith(t, rule.text)) {
            r = rule.reason;
            return true;
        }
    }
    return false;
}

enum class ReplyClass { None, Client, Helo, Sender, Recipient, Data, EndOfData, Other };

// Classifies the text after "<code> <dsn> " of an smtpd/postscreen reject.
void classifyRejectText(sv t, bool postscreen, ParsedLine &out) {
    if (!t.empty() && t[0] == '<') {
        const std::size_t e = t.find(">: ");
        if (e != npos) {
            out.object = t.substr(1, e - 1);
            t = after(t, e + 3);
        }
    }
    out.text = t;
    ReasonClass r = ReasonClass::Other;

    if (startsWith(t, "Relay access denied")) {
        out.reason = ReasonClass::RelayDenied;
        if (out.object.empty())
            out.object = out.recipient;
        return;
    }
    // DNSBL: "Service unavailable; Client host [1.2.3.4] blocked using zen.spamhaus.org; ..."
    if (const std::size_t b = t.find(" blocked using "); b != npos) {
        const sv head = t.substr(0, b);
        const std::size_t lb = head.rfind('[');
        if (lb != npos && head.back() == ']')
            out.object = head.substr(lb + 1, head.size() - lb - 2);
        sv list = after(t, b + 15);
        if (const std::size_t semi = list.find(';'); semi != npos)
            list = list.substr(0, semi);
        out.text = list;
        if (postscreen)
            r = ReasonClass::PostscreenDnsbl;
        else if (contains(head, "; Sender address ["))
            r = ReasonClass::RblSender;
        else if (contains(head, "; Helo command ["))
            r = ReasonClass::RblHelo;
        else if (contains(head, "; Recipient address ["))
            r = ReasonClass::RblRecipient;
        else
            r = ReasonClass::RblClient;
        out.reason = r;
        return;
    }
    if (postscreen) {
        if (startsWith(t, "Protocol error"))
            r = ReasonClass::PostscreenProtocolError;
        else if (contains(t, "too many connections") || contains(t, "all server ports busy"))
            r = ReasonClass::PostscreenOverload;
        else if (startsWith(t, "Service currently unavailable"))
            r = out.smtpCode >= 500 ? ReasonClass::PostscreenAccessDenied
                                    : ReasonClass::PostscreenRetry;
        out.reason = r;
        return;
    }

    ReplyClass rc = ReplyClass::None;
    struct Prefix {
        sv text;
        ReplyClass rc;
    };
    static constexpr Prefix prefixes[] = {
        {"Recipient address rejected: ", ReplyClass::Recipient},
        {"Sender address rejected: ", ReplyClass::Sender},
        {"Helo command rejected: ", ReplyClass::Helo},
        {"Client host rejected: ", ReplyClass::Client},
        {"Unverified Client host rejected: ", ReplyClass::Client},
        {"Data command rejected: ", ReplyClass::Data},
        {"End-of-data rejected: ", ReplyClass::EndOfData},
        {"Etrn command rejected: ", ReplyClass::Other},
        {"SASL login name rejected: ", ReplyClass::Other},
        {"Client certificate rejected: ", ReplyClass::Other},
    };
    for (const Prefix &p : prefixes) {
        if (startsWith(t, p.text)) {
            rc = p.rc;
            t = after(t, p.text.size());
            break;
        }
    }
    out.text = t;

    if (classifyIredapd(t, r)) {
        // iRedAPD answers at RCPT (Recipient address rejected) and END-OF-MESSAGE.
    } else if (startsWith(t, "Access denied")) {
        r = ReasonClass::AccessDenied;
    } else if (startsWith(t, "Improper use of SMTP command pipelining")) {
        r = ReasonClass::ProtocolPipelining;
    } else {
        switch (rc) {
        case ReplyClass::Sender:
            if (startsWith(t, "Domain not found") || startsWith(t, "Malformed DNS server reply"))
                r = ReasonClass::SenderUnknownDomain;
            else if (contains(t, "does not accept mail (nullMX)"))
                r = ReasonClass::SenderNullMx;
            else if (startsWith(t, "need fully-qualified address"))
                r = ReasonClass::SenderNonFqdn;
            else if (startsWith(t, "not owned by user") || startsWith(t, "not logged in"))
                r = ReasonClass::SenderLoginMismatch;
            else if (startsWith(t, "unverified address") ||
                     startsWith(t, "undeliverable address") ||
                     startsWith(t, "address verification problem"))
                r = ReasonClass::SenderUnverified;
            break;
        case ReplyClass::Recipient:
            if (startsWith(t, "User unknown"))
                r = ReasonClass::RecipientUnknownUser;
            else if (startsWith(t, "Domain not found") ||
                     startsWith(t, "Malformed DNS server reply") ||
                     contains(t, "does not accept mail (nullMX)"))
                r = ReasonClass::RecipientUnknownDomain;
            else if (startsWith(t, "need fully-qualified address"))
                r = ReasonClass::RecipientNonFqdn;
            else if (startsWith(t, "unverified address") ||
                     startsWith(t, "undeliverable address") ||
                     startsWith(t, "address verification problem"))
                r = ReasonClass::RecipientUnverified;
            else if (startsWith(t, "Greylisted") || contains(t, "greylist"))
                r = ReasonClass::PolicyGreylisted;
            else if (contains(t, "SPF"))
                r = ReasonClass::PolicySpfFail;
            else if (startsWith(t, "Server configuration problem"))
                r = ReasonClass::PolicyServiceUnavailable;
            break;
        case ReplyClass::Helo:
            if (startsWith(t, "need fully-qualified hostname"))
                r = ReasonClass::HeloNonFqdn;
            else if (startsWith(t, "Invalid name") || startsWith(t, "invalid ip address"))
                r = ReasonClass::HeloInvalid;
            else if (startsWith(t, "Host not found") || startsWith(t, "Malformed DNS server reply"))
                r = ReasonClass::HeloUnknownHost;
            break;
        case ReplyClass::Client:
            if (startsWith(t, "cannot find your reverse hostname"))
                r = ReasonClass::ClientNoReverseHostname;
            else if (startsWith(t, "cannot find your hostname"))
                r = ReasonClass::ClientUnknownHostname;
            break;
        case ReplyClass::Data:
            if (startsWith(t, "Multi-recipient bounce"))
                r = ReasonClass::DataMultiRecipientBounce;
            break;
        default:
            break;
        }
        if (r == ReasonClass::Other) {
            if (startsWith(t, "Session encryption is required"))
                r = ReasonClass::TlsRequired;
            else if (startsWith(t, "Message size exceeds fixed limit"))
                r = ReasonClass::SizeExceeded;
            else if (startsWith(t, "Insufficient system storage"))
                r = ReasonClass::LocalStorage;
            else if (startsWith(t, "Temporary lookup failure"))
                r = ReasonClass::LocalLookupFailure;
            else if (startsWith(t, "Server configuration error"))
                r = ReasonClass::LocalConfigError;
            else if (startsWith(t, "Server configuration problem"))
                r = ReasonClass::PolicyServiceUnavailable;
            else if (startsWith(t, "bare <LF> received"))
                r = ReasonClass::ProtocolBareLf;
        }
    }
    if (out.object.empty()) {
        if (rc == ReplyClass::Helo)
            out.object = out.helo;
        else if (rc == ReplyClass::Sender)
            out.object = out.sender;
        else if (rc == ReplyClass::Recipient)
            out.object = out.recipient;
    }
    out.reason = r;
}

void setCodeKinds(ParsedLine &out) {
    const char first = out.smtpCode ? static_cast<char>('0' + out.smtpCode / 100)
                                    : (out.enhancedCode.empty() ? '\0' : out.enhancedCode[0]);
    if (first == '4')
        out.kinds |= EventKind::Temporary;
    else if (first == '5')
        out.kinds |= EventKind::Permanent;
}

// "<action>: <where> from <client>: <code> <dsn> <text>; <ctx>"  (rest after "<action>: ")
bool parseSmtpdReject(sv rest, bool postscreen, ParsedLine &out) {
    const std::size_t colon = rest.find(": ");
    const std::size_t from = rest.find(" from ");
    sv body;
    if (from != npos && (colon == npos || from < colon)) {
        out.stage = rest.substr(0, from);
        sv name, addr;
        const sv c = after(rest, from + 6);
        const std::size_t used = parseClient(c, name, addr);
        if (used == 0 || used + 2 > c.size() || c[used] != ':' || c[used + 1] != ' ')
            return false;
        out.clientHost = name;
        out.clientIp = addr;
        body = after(c, used + 2);
    } else if (colon != npos) {
        out.stage = rest.substr(0, colon); // proxy-reject: END-OF-MESSAGE: 554 ...
        body = after(rest, colon + 2);
    } else {
        return false;
    }
    const std::size_t ctx = contextStart(body);
    if (ctx != npos) {
        parseContext(after(body, ctx + 2), out);
        body = body.substr(0, ctx);
    }
    parseCodes(body, out);
    classifyRejectText(body, postscreen, out);
    setCodeKinds(out);
    return true;
}

// cleanup: "reject: header Subject: x from host[ip]; from=<s> to=<r> proto=ESMTP helo=<h>: 5.7.1
// text"
bool parseCleanupReject(sv rest, ParsedLine &out) {
    const std::size_t sp = rest.find(' ');
    out.stage = rest.substr(0, sp == npos ? rest.size() : sp);
    const std::size_t ctx = contextStart(rest);
    sv tail;
    if (ctx != npos) {
        // the client is the last " from name[addr]" before the context
        const sv head = rest.substr(0, ctx);
        const std::size_t f = head.rfind(" from ");
        if (f != npos) {
            sv name, addr;
            if (parseClient(after(head, f + 6), name, addr)) {
                out.clientHost = name;
                out.clientIp = addr;
            }
        }
        sv c = after(rest, ctx + 2);
        // find ": <dsn>" that ends the context
        std::size_t e = c.rfind(": ");
        while (e != npos && !(e + 3 < c.size() && isDigit(c[e + 2]) && c[e + 3] == '.'))
            e = e == 0 ? npos : c.rfind(": ", e - 1);
        if (e != npos) {
            tail = after(c, e + 2);
            c = c.substr(0, e);
        }
        parseContext(c, out);
    } else {
        const std::size_t e = rest.rfind(": ");
        tail = e == npos ? sv() : after(rest, e + 2);
    }
    parseCodes(tail, out);
    out.text = tail;
    out.reason = ReasonClass::ContentCheck;
    out.kinds |= EventKind::Cleanup;
    setCodeKinds(out);
    return true;
}

// "lost connection after AUTH from unknown[1.2.3.4]" and friends (also after "NOQUEUE: ").
bool parseConnectionEvent(sv m, ParsedLine &out) {
    struct Rule {
        sv prefix;
        ReasonClass reason;
        std::uint32_t kind;
    };
    static constexpr Rule rules[] = {
        {"lost connection after ", ReasonClass::ConnectionLost, EventKind::Connection},
        {"timeout after ", ReasonClass::ConnectionTimeout, EventKind::Connection},
        {"too many errors after ", ReasonClass::TooManyErrors, EventKind::Connection},
        {"improper command pipelining after ", ReasonClass::ProtocolPipelining,
         EventKind::Protocol},
    };
    for (const Rule &rule : rules) {
        if (!startsWith(m, rule.prefix))
            continue;
        const sv rest = after(m, rule.prefix.size());
        const std::size_t f = rest.find(" from ");
        if (f == npos)
            return false;
        out.stage = rest.substr(0, f);
        if (const std::size_t sp = out.stage.find(' '); sp != npos)
            out.stage = out.stage.substr(0, sp); // "DATA (1234 bytes)"
        sv name, addr;
        const sv c = after(rest, f + 6);
        const std::size_t used = parseClient(c, name, addr);
        if (!used)
            return false;
        out.clientHost = name;
        out.clientIp = addr;
        if (used + 2 <= c.size() && c[used] == ':')
            out.text = after(c, used + 2);
        out.reason = rule.reason;
        if (rule.reason == ReasonClass::ConnectionLost && out.stage == "AUTH")
            out.reason = ReasonClass::ConnectionLostAfterAuth;
        out.object = out.stage;
        out.kinds |= rule.kind;
        return true;
    }
    return false;
}

// "warning: unknown[1.2.3.4]: SASL LOGIN authentication failed: UGFzc3dvcmQ6"
bool parsePostfixWarning(sv w, ParsedLine &out) {
    if (startsWith(w, "non-SMTP command from ")) {
        sv name, addr;
        const sv c = after(w, 22);
        const std::size_t used = parseClient(c, name, addr);
        if (!used)
            return false;
        out.clientHost = name;
        out.clientIp = addr;
        out.text = after(c, used + 2);
        out.reason = ReasonClass::ProtocolNonSmtp;
        out.kinds |= EventKind::Protocol;
        return true;
    }
    if (contains(w, " limit exceeded: ") &&
        (startsWith(w, "Connection ") || contains(w, " rate limit exceeded"))) {
        const std::size_t f = w.find(" from ");
        if (f == npos)
            return false;
        sv name, addr;
        if (!parseClient(after(w, f + 6), name, addr))
            return false;
        out.clientHost = name;
        out.clientIp = addr;
        out.text = w.substr(0, w.find(':'));
        out.reason = ReasonClass::RateLimit;
        out.kinds |= EventKind::Connection;
        return true;
    }
    sv name, addr;
    const std::size_t used = parseClient(w, name, addr);
    if (!used || used + 2 > w.size() || w[used] != ':')
        return false;
    const sv m = after(w, used + 2);
    if (!startsWith(m, "SASL "))
        return false;
    const std::size_t sp = m.find(' ', 5);
    if (sp == npos)
        return false;
    const sv mech = m.substr(5, sp - 5);
    const sv rest = after(m, sp + 1);
    if (startsWith(rest, "authentication failed")) {
        out.reason = ReasonClass::SaslAuthFailed;
        sv reason = after(rest, 21);
        if (startsWith(reason, ": "))
            reason = after(reason, 2);
        if (const std::size_t u = reason.find(", sasl_username="); u != npos) {
            out.user = after(reason, u + 16);
            reason = reason.substr(0, u);
        }
        out.text = reason;
    } else if (startsWith(rest, "authentication aborted")) {
        out.reason = ReasonClass::SaslAuthAborted;
        out.text = rest;
    } else {
        return false;
    }
    out.clientHost = name;
    out.clientIp = addr;
    out.object = mech;
    out.stage = "AUTH";
    out.kinds |= EventKind::SaslFailure;
    return true;
}

// postscreen verdict lines ("PREGREET 11 after 0.09 from [ip]:port: EHLO x\r\n", ...)
bool parsePostscreenEvent(sv m, ParsedLine &out) {
    struct Rule {
        sv prefix;
        ReasonClass reason;
    };
    static constexpr Rule rules[] = {
        {"PREGREET ", ReasonClass::PostscreenPregreet},
        {"DNSBL rank ", ReasonClass::PostscreenDnsblRank},
        {"HANGUP ", ReasonClass::PostscreenHangup},
        {"COMMAND PIPELINING ", ReasonClass::PostscreenPipelining},
        {"NON-SMTP COMMAND ", ReasonClass::PostscreenNonSmtp},
        {"BARE NEWLINE ", ReasonClass::PostscreenBareNewline},
        {"COMMAND TIME LIMIT ", ReasonClass::PostscreenCommandLimit},
        {"COMMAND COUNT LIMIT ", ReasonClass::PostscreenCommandLimit},
        {"COMMAND LENGTH LIMIT ", ReasonClass::PostscreenCommandLimit},
        {"DENYLISTED ", ReasonClass::PostscreenDenylisted},
        {"BLACKLISTED ", ReasonClass::PostscreenDenylisted},
    };
    for (const Rule &rule : rules) {
        if (!startsWith(m, rule.prefix))
            continue;
        const std::size_t lb = m.find('[', rule.prefix.size());
        if (lb == npos)
            return false;
        sv name, addr;
        const sv c = after(m, lb);
        const std::size_t used = parseClient(c, name, addr);
        if (!used)
            return false;
        out.clientIp = addr;
        out.text = m.substr(rule.prefix.size(), lb - rule.prefix.size());
        sv tail = after(c, used);
        if (startsWith(tail, ": "))
            tail = after(tail, 2);
        if (!tail.empty())
            out.object = tail;
        if (const std::size_t a = tail.find("after "); a != npos && tail.size() < 40)
            out.stage = after(tail, a + 6);
        out.reason = rule.reason;
        out.kinds |= EventKind::Postscreen;
        return true;
    }
    return false;
}

bool isQueueIdToken(sv tok) {
    if (tok == "NOQUEUE")
        return true;
    if (tok.size() < 5 || tok.size() > 24)
        return false;
    for (char c : tok) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            return false;
    }
    return true;
}

void parsePostfix(sv daemon, sv m, ParsedLine &out) {
    const bool postscreen = daemon == "postscreen";
    if (startsWith(m, "warning: ")) {
        if (parsePostfixWarning(after(m, 9), out))
            out.status = ParseStatus::Event;
        return;
    }
    const std::size_t colon = m.find(": ");
    if (colon != npos && isQueueIdToken(m.substr(0, colon))) {
        const sv rest = after(m, colon + 2);
        // action word
        struct Action {
            sv word;
            std::uint32_t kind;
        };
        static constexpr Action actions[] = {
            {"reject: ", EventKind::Reject},
            {"reject_warning: ", EventKind::RejectWarning},
            {"milter-reject: ", EventKind::MilterReject},
            {"proxy-reject: ", EventKind::MilterReject},
        };
        for (const Action &a : actions) {
            if (!startsWith(rest, a.word))
                continue;
            const sv body = after(rest, a.word.size());
            out.kinds |= a.kind;
            if (postscreen)
                out.kinds |= EventKind::Postscreen;
            bool ok;
            if (daemon == "cleanup" && a.kind != EventKind::MilterReject)
                ok = parseCleanupReject(body, out);
            else
                ok = parseSmtpdReject(body, postscreen, out);
            if (a.kind == EventKind::MilterReject && ok) {
                out.reason = startsWith(a.word, "proxy") ? ReasonClass::ProxyRejected
                                                         : ReasonClass::MilterRejected;
            }
            if (!ok) {
                // an unknown reject shape: keep it, class "other", with its text
                out.reason = ReasonClass::Other;
                out.text = body;
            }
            out.status = ParseStatus::Event;
            return;
        }
        if (parseConnectionEvent(rest, out))
            out.status = ParseStatus::Event;
        return;
    }
    if (postscreen) {
        if (parsePostscreenEvent(m, out))
            out.status = ParseStatus::Event;
        return;
    }
    if (parseConnectionEvent(m, out))
        out.status = ParseStatus::Event;
}

// ---- Dovecot ----

sv dovecotElement(sv elements, sv key) {
    std::size_t p = elements.find(key);
    while (p != npos && p != 0 && elements[p - 1] != ' ')
        p = elements.find(key, p + 1);
    if (p == npos)
        return {};
    sv v = after(elements, p + key.size());
    if (!v.empty() && v[0] == '<') {
        const std::size_t e = v.find(">,");
        const std::size_t e2 = e == npos ? v.rfind('>') : e;
        return e2 == npos ? v.substr(1) : v.substr(1, e2 - 1);
    }
    const std::size_t e = v.find(',');
    return e == npos ? v : v.substr(0, e);
}

void parseDovecot(sv service, sv m, ParsedLine &out) {
    for (sv sev : {sv("Info: "), sv("Warning: "), sv("Error: "), sv("Fatal: ")}) {
        if (startsWith(m, sev)) {
            m = after(m, sev.size());
            break;
        }
    }
    const bool login = service.size() > 6 && service.substr(service.size() - 6) == "-login";
    if (login) {
        if (!(startsWith(m, "Disconnected") || startsWith(m, "Aborted login") ||
              startsWith(m, "Login aborted") || startsWith(m, "Login failed") ||
              startsWith(m, "Maximum number of connections")))
            return;
        ReasonClass r;
        if (contains(m, "disallowed plaintext auth") || contains(m, "disallowed cleartext auth") ||
            contains(m, "disabled plaintext auth") ||
            startsWith(m, "Login failed: Plaintext authentication disabled") ||
            startsWith(m, "Login failed: Cleartext authentication disabled"))
            r = ReasonClass::DovecotPlaintextDisallowed;
        else if (startsWith(m, "Login failed: SSL required"))
            r = ReasonClass::DovecotSslRequired;
        else if (contains(m, "(auth failed") || contains(m, "(authorization failed"))
            r = ReasonClass::DovecotAuthFailed;
        else if (contains(m, "unsupported auth mechanism"))
            r = ReasonClass::DovecotUnsupportedMech;
        else if (startsWith(m, "Maximum number of connections"))
            r = ReasonClass::DovecotMaxUserIp;
        else if (contains(m, "auth service reported temporary failure"))
            r = ReasonClass::DovecotAuthTempFail;
        else if (contains(m, "(user disabled") || contains(m, "(password expired") ||
                 contains(m, "(login disabled"))
            r = ReasonClass::DovecotUserDisabled;
        else if (contains(m, "SSL_accept() failed") || contains(m, "TLS handshaking") ||
                 contains(m, "disconnected during TLS handshake"))
            r = ReasonClass::DovecotTlsFailed;
        else
            return; // no auth attempts, inactivity, ...: not a refusal
        sv elements;
        if (const std::size_t u = m.find(": user=<"); u != npos) {
            elements = after(m, u + 2);
            out.text = m.substr(0, u);
        } else if (const std::size_t u2 = m.find("): "); u2 != npos) {
            elements = after(m, u2 + 3);
            out.text = m.substr(0, u2 + 1);
        } else {
            out.text = m;
        }
        out.user = dovecotElement(elements, "user=");
        out.clientIp = dovecotElement(elements, "rip=");
        out.object = dovecotElement(elements, "method=");
        out.protocol = service.substr(0, service.size() - 6);
        out.stage = "AUTH";
        out.reason = r;
        out.kinds |= EventKind::Dovecot;
        out.status = ParseStatus::Event;
        return;
    }
    if (startsWith(service, "auth")) {
        ReasonClass r;
        if (contains(m, "Password mismatch"))
            r = ReasonClass::DovecotPasswordMismatch;
        else if (contains(m, "unknown user"))
            r = ReasonClass::DovecotUnknownUser;
        else
            return;
        // 2.3: "sql(bob,1.2.3.4,<sess>): Password mismatch"; 2.4: service
        // "auth(bob,1.2.3.4,sasl:plain)<s>"
        sv args;
        for (sv s : {service, m}) {
            const std::size_t lp = s.find('(');
            const std::size_t rp = lp == npos ? npos : s.find(')', lp);
            if (rp != npos && s.substr(lp, rp - lp).find(',') != npos) {
                args = s.substr(lp + 1, rp - lp - 1);
                break;
            }
        }
        const std::size_t c1 = args.find(',');
        if (c1 != npos) {
            out.user = args.substr(0, c1);
            sv restArgs = after(args, c1 + 1);
            out.clientIp = restArgs.substr(0, restArgs.find(','));
        }
        const std::size_t lastColon = m.rfind(": ");
        out.text = lastColon == npos ? m : after(m, lastColon + 2);
        out.stage = "AUTH";
        out.reason = r;
        out.kinds |= EventKind::Dovecot;
        out.status = ParseStatus::Event;
    }
}

// ---- iRedAPD: "[1.2.3.4] RCPT, a@x -> b@y, REJECT text [sasl_username=, sender=a@x, ...]" ----
void parseIredapd(sv m, ParsedLine &out) {
    if (startsWith(m, "iredapd "))
        m = after(m, 8);
    if (m.empty() || m[0] != '[')
        return;
    const std::size_t rb = m.find("] ");
    if (rb == npos)
        return;
    const sv ip = m.substr(1, rb - 1);
    sv rest = after(m, rb + 2);
    const std::size_t c1 = rest.find(", ");
    if (c1 == npos)
        return;
    const sv stage = rest.substr(0, c1);
    rest = after(rest, c1 + 2);
    // the trailing "[k=v, ...]"
    sv kv;
    if (!rest.empty() && rest.back() == ']') {
        const std::size_t lb = rest.rfind(" [");
        if (lb != npos) {
            kv = rest.substr(lb + 2, rest.size() - lb - 3);
            rest = rest.substr(0, lb);
        }
    }
    // who, action: the action starts after the last ", " that precedes an upper-case verb
    std::size_t c2 = npos;
    for (sv verb : {sv(", REJECT"), sv(", DEFER"), sv(", DISCARD"), sv(", HOLD"), sv(", 4"),
                    sv(", 5"), sv(", DUNNO"), sv(", OK")}) {
        const std::size_t p = rest.find(verb);
        if (p != npos && (c2 == npos || p < c2))
            c2 = p;
    }
    if (c2 == npos)
        return;
    const sv who = rest.substr(0, c2);
    sv action = after(rest, c2 + 2);
    out.status = ParseStatus::Ignored;
    if (startsWith(action, "DUNNO") || startsWith(action, "OK"))
        return;
    if (startsWith(action, "REJECT ")) {
        action = after(action, 7);
        out.kinds |= EventKind::Permanent;
    } else if (startsWith(action, "DEFER")) {
        const std::size_t sp = action.find(' ');
        action = sp == npos ? sv() : after(action, sp + 1);
        out.kinds |= EventKind::Temporary;
    } else if (startsWith(action, "DISCARD ")) {
        action = after(action, 8);
    } else {
        parseCodes(action, out);
        setCodeKinds(out);
    }
    ReasonClass r = ReasonClass::Other;
    classifyIredapd(action, r);
    out.reason = r;
    out.text = action;
    out.clientIp = ip;
    out.stage = stage;
    // who: "s -> r" | "sasl => r" | "sasl => s -> r"
    sv w = who;
    if (const std::size_t a = w.find(" => "); a != npos) {
        out.user = w.substr(0, a);
        w = after(w, a + 4);
        if (w.find(" -> ") == npos) {
            out.sender = out.user;
            out.recipient = w;
        }
    }
    if (const std::size_t a = w.find(" -> "); a != npos) {
        out.sender = w.substr(0, a);
        out.recipient = after(w, a + 4);
    } else if (out.recipient.empty()) {
        out.recipient = w;
    }
    out.helo = dovecotElement(kv, "helo=");
    out.clientHost = dovecotElement(kv, "client_name=");
    if (out.sender.empty())
        out.sender = dovecotElement(kv, "sender=");
    out.object = r == ReasonClass::IredapdSmtpAuthRequired ? out.sender : out.recipient;
    out.kinds |= EventKind::Iredapd;
    out.status = ParseStatus::Event;
}

} // namespace

std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy =
        (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {
int yearOfDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return static_cast<int>(y + (m <= 2));
}
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}
} // namespace

TimeResolver::TimeResolver() {
    setReference(0, 0);
}

void TimeResolver::setReference(std::int64_t referenceUtcMs, int localOffsetMinutes) {
    m_referenceUtcMs = referenceUtcMs;
    m_offsetMin = localOffsetMinutes;
    m_refLocalMs = referenceUtcMs + localOffsetMinutes * 60000LL;
    m_refYear = yearOfDays(floorDiv(m_refLocalMs, 86400000LL));
    m_cacheKey = -1;
}

std::int64_t TimeResolver::resolveYearless(int month, int day, int hour, int minute, int second,
                                           int millis) const {
    const int key = month * 32 + day;
    std::int64_t days;
    if (key == m_cacheKey) {
        days = m_cacheDays;
    } else {
        days = daysFromCivil(m_refYear, month, day);
        // more than a day after the reference: it is from the year before
        if ((days - 1) * 86400000LL > m_refLocalMs)
            days = daysFromCivil(m_refYear - 1, month, day);
        m_cacheKey = key;
        m_cacheDays = days;
    }
    const std::int64_t local =
        ((days * 24 + hour) * 60 + minute) * 60000LL + second * 1000LL + millis;
    return local - m_offsetMin * 60000LL;
}

ParsedLine LineParser::parse(std::string_view line) const {
    ParsedLine out;
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    const std::size_t n = line.size();
    if (n < 16)
        return out;
    std::size_t pos = 0;
    bool rfc5424 = false;

    if (line[0] == '<') {
        // RFC 5424: "<22>1 2026-08-09T07:48:48.123456+09:00 host app procid msgid sd msg"
        std::size_t p = 1;
        while (p < n && p < 5 && isDigit(line[p]))
            ++p;
        if (p >= n || line[p] != '>' || p + 2 >= n || line[p + 1] != '1' || line[p + 2] != ' ')
            return out;
        pos = p + 3;
        int off = 0;
        if (!parseRfc3339(line, pos, out.timeMs, off))
            return out;
        out.utcOffsetMin = static_cast<std::int16_t>(off);
        rfc5424 = true;
    } else if (isDigit(line[0])) {
        if (line[4] == '-') {
            int off = 0;
            if (!parseRfc3339(line, pos, out.timeMs, off))
                return out;
            out.utcOffsetMin = static_cast<std::int16_t>(off);
        } else {
            // journalctl -o short-unix: "1786229328.123456 host ..."
            std::int64_t secs = 0;
            std::size_t p = 0;
            while (p < n && isDigit(line[p]) && p < 12) {
                secs = secs * 10 + (line[p] - '0');
                ++p;
            }
            if (p < 9)
                return out;
            const int ms = fractionMillis(line, p);
            out.timeMs = secs * 1000 + ms;
            pos = p;
        }
    } else {
        // "Aug  9 07:48:48" (syslog) or "Aug 09 07:48:48" (postlogd, journalctl, dovecot)
        const int month = monthFromAbbrev(line.data());
        if (!month || line[3] != ' ')
            return out;
        std::size_t p = 4;
        int day = 0;
        if (line[p] == ' ' && isDigit(line[p + 1])) {
            day = line[p + 1] - '0';
            p += 2;
        } else if (isDigit(line[p]) && isDigit(line[p + 1])) {
            day = (line[p] - '0') * 10 + (line[p + 1] - '0');
            p += 2;
        } else if (isDigit(line[p]) && line[p + 1] == ' ') {
            day = line[p] - '0';
            p += 1;
        } else {
            return out;
        }
        int h, mi, s;
        if (p + 9 > n || line[p] != ' ' || !digits(line, p + 1, 2, h) || line[p + 3] != ':' ||
            !digits(line, p + 4, 2, mi) || line[p + 6] != ':' || !digits(line, p + 7, 2, s))
            return out;
        if (!validTime(month, day, h, mi, s))
            return out;
        p += 9;
        const int ms = fractionMillis(line, p);
        out.timeMs = m_time.resolveYearless(month, day, h, mi, s, ms);
        out.utcOffsetMin = static_cast<std::int16_t>(m_time.localOffsetMinutes());
        out.kinds |= EventKind::AssumedTime;
        pos = p;
    }
    if (pos >= n || line[pos] != ' ')
        return out;
    ++pos;

    // host (any bytes up to a space) -- unless the token is already "prog:" (no host field)
    const char *base = line.data();
    const void *spv = std::memchr(base + pos, ' ', n - pos);
    if (!spv)
        return out;
    std::size_t sp = static_cast<std::size_t>(static_cast<const char *>(spv) - base);
    if (sp == pos)
        return out;
    std::size_t progStart;
    if (rfc5424) {
        out.host = line.substr(pos, sp - pos);
        // app procid msgid sd
        const std::size_t a = sp + 1;
        const std::size_t ae = line.find(' ', a);
        if (ae == npos)
            return out;
        out.program = line.substr(a, ae - a);
        const std::size_t pe = line.find(' ', ae + 1);
        if (pe == npos)
            return out;
        const sv procid = line.substr(ae + 1, pe - ae - 1);
        for (char c : procid) {
            if (!isDigit(c))
                break;
            out.pid = out.pid * 10 + static_cast<std::uint32_t>(c - '0');
        }
        const std::size_t me = line.find(' ', pe + 1);
        if (me == npos)
            return out;
        std::size_t p = me + 1;
        if (p < n && line[p] == '-') {
            ++p;
        } else {
            while (p < n && line[p] == '[') {
                bool esc = false;
                ++p;
                while (p < n && (esc || line[p] != ']')) {
                    esc = !esc && line[p] == '\\';
                    ++p;
                }
                ++p;
            }
        }
        if (p < n && line[p] == ' ')
            ++p;
        out.message = after(line, p);
        if (startsWith(out.message, "\xEF\xBB\xBF"))
            out.message.remove_prefix(3);
    } else {
        if (line[sp - 1] == ':' && (sp - pos) > 1) {
            progStart = pos; // "Aug 09 07:48:48 imap-login: Info: ..." (Dovecot's own file)
        } else {
            out.host = line.substr(pos, sp - pos);
            progStart = sp + 1;
        }
        // program up to '[', ':' or ' '
        std::size_t p = progStart;
        while (p < n && line[p] != '[' && line[p] != ':' && line[p] != ' ')
            ++p;
        if (p == progStart || p >= n)
            return out;
        out.program = line.substr(progStart, p - progStart);
        if (line[p] == '[') {
            ++p;
            std::uint32_t pid = 0;
            while (p < n && isDigit(line[p])) {
                pid = pid * 10 + static_cast<std::uint32_t>(line[p] - '0');
                ++p;
            }
            if (p >= n || line[p] != ']')
                return out;
            out.pid = pid;
            ++p;
        }
        if (p < n && line[p] == ':')
            ++p;
        else if (!(p < n && line[p] == ' ' && out.program == "iredapd"))
            return out;
        if (p < n && line[p] == ' ')
            ++p;
        out.message = after(line, p);
    }
    out.status = ParseStatus::Ignored;

    // dispatch on the program
    const sv prog = out.program;
    const std::size_t slash = prog.rfind('/');
    const sv m = out.message;
    if (slash != npos || startsWith(prog, "postfix")) {
        const sv daemon = slash == npos ? prog : prog.substr(slash + 1);
        parsePostfix(daemon, m, out);
    } else if (prog == "dovecot") {
        const std::size_t c = m.find(": ");
        if (c != npos)
            parseDovecot(m.substr(0, c), after(m, c + 2), out);
    } else if (prog.size() > 6 && prog.substr(prog.size() - 6) == "-login") {
        parseDovecot(prog, m, out); // Dovecot's own log file
    } else if (startsWith(prog, "auth")) {
        parseDovecot(prog, m, out);
    } else if (prog == "iredapd") {
        parseIredapd(m, out);
    }
    return out;
}

} // namespace maildeck::logs
