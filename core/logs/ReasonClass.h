#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace maildeck::logs {

// Every reason class the parser can emit. The string ids are stable: the catalog
// (resources/catalog/rejects.json), saved filters and the CLI's JSON use them.
// Adding a class here requires a catalog entry (tst_rejectcatalog checks it).
#define MAILDECK_REASON_CLASSES(X)                                                                 \
    X(Other, "other")                                                                              \
    X(RelayDenied, "relay.denied")                                                                 \
    X(SenderUnknownDomain, "sender.unknown_domain")                                                \
    X(SenderNullMx, "sender.null_mx")                                                              \
    X(SenderNonFqdn, "sender.non_fqdn")                                                            \
    X(SenderLoginMismatch, "sender.login_mismatch")                                                \
    X(SenderUnverified, "sender.unverified")                                                       \
    X(RecipientUnknownUser, "recipient.unknown_user")                                              \
    X(RecipientUnknownDomain, "recipient.unknown_domain")                                          \
    X(RecipientNonFqdn, "recipient.non_fqdn")                                                      \
    X(RecipientUnverified, "recipient.unverified")                                                 \
    X(HeloNonFqdn, "helo.non_fqdn")                                                                \
    X(HeloInvalid, "helo.invalid")                                                                 \
    X(HeloUnknownHost, "helo.unknown_host")                                                        \
    X(ClientUnknownHostname, "client.unknown_hostname")                                            \
    X(ClientNoReverseHostname, "client.no_reverse_hostname")                                       \
    X(RblClient, "rbl.client")                                                                     \
    X(RblSender, "rbl.sender")                                                                     \
    X(RblHelo, "rbl.helo")                                                                         \
    X(RblRecipient, "rbl.recipient")                                                               \
    X(AccessDenied, "access.denied")                                                               \
    X(PolicyGreylisted, "policy.greylisted")                                                       \
    X(PolicySpfFail, "policy.spf_fail")                                                            \
    X(PolicyServiceUnavailable, "policy.service_unavailable")                                      \
    X(IredapdSmtpAuthRequired, "policy.iredapd.smtp_auth_required")                                \
    X(IredapdSenderLoginMismatch, "policy.iredapd.sender_login_mismatch")                          \
    X(IredapdNullSender, "policy.iredapd.null_sender")                                             \
    X(IredapdBlacklisted, "policy.iredapd.blacklisted")                                            \
    X(IredapdNotAuthorized, "policy.iredapd.not_authorized")                                       \
    X(IredapdThrottle, "policy.iredapd.throttle")                                                  \
    X(IredapdGreylisting, "policy.iredapd.greylisting")                                            \
    X(IredapdSenderScore, "policy.iredapd.senderscore")                                            \
    X(IredapdPasswordExpired, "policy.iredapd.password_expired")                                   \
    X(IredapdRejected, "policy.iredapd.rejected")                                                  \
    X(ProtocolPipelining, "protocol.pipelining")                                                   \
    X(ProtocolBareLf, "protocol.bare_lf")                                                          \
    X(ProtocolNonSmtp, "protocol.non_smtp")                                                        \
    X(TlsRequired, "tls.required")                                                                 \
    X(SizeExceeded, "size.exceeded")                                                               \
    X(LocalLookupFailure, "local.lookup_failure")                                                  \
    X(LocalConfigError, "local.config_error")                                                      \
    X(LocalStorage, "local.storage")                                                               \
    X(DataMultiRecipientBounce, "data.multi_recipient_bounce")                                     \
    X(MilterRejected, "milter.rejected")                                                           \
    X(ContentCheck, "content.check")                                                               \
    X(ProxyRejected, "content.proxy_filter")                                                       \
    X(SaslAuthFailed, "sasl.auth_failed")                                                          \
    X(SaslAuthAborted, "sasl.auth_aborted")                                                        \
    X(RateLimit, "anvil.rate_limit")                                                               \
    X(ConnectionLostAfterAuth, "connection.lost_after_auth")                                       \
    X(ConnectionLost, "connection.lost")                                                           \
    X(ConnectionTimeout, "connection.timeout")                                                     \
    X(TooManyErrors, "connection.too_many_errors")                                                 \
    X(PostscreenPregreet, "postscreen.pregreet")                                                   \
    X(PostscreenDnsblRank, "postscreen.dnsbl_rank")                                                \
    X(PostscreenDnsbl, "postscreen.dnsbl")                                                         \
    X(PostscreenHangup, "postscreen.hangup")                                                       \
    X(PostscreenPipelining, "postscreen.pipelining")                                               \
    X(PostscreenNonSmtp, "postscreen.non_smtp")                                                    \
    X(PostscreenBareNewline, "postscreen.bare_newline")                                            \
    X(PostscreenCommandLimit, "postscreen.command_limit")                                          \
    X(PostscreenDenylisted, "postscreen.denylisted")                                               \
    X(PostscreenRetry, "postscreen.retry")                                                         \
    X(PostscreenProtocolError, "postscreen.protocol_error")                                        \
    X(PostscreenAccessDenied, "postscreen.access_denied")                                          \
    X(PostscreenOverload, "postscreen.overload")                                                   \
    X(DovecotPlaintextDisallowed, "dovecot.plaintext_disallowed")                                  \
    X(DovecotSslRequired, "dovecot.ssl_required")                                                  \
    X(DovecotAuthFailed, "dovecot.auth_failed")                                                    \
    X(DovecotTlsFailed, "dovecot.tls_failed")                                                      \
    X(DovecotUnsupportedMech, "dovecot.unsupported_mech")                                          \
    X(DovecotMaxUserIp, "dovecot.max_userip")                                                      \
    X(DovecotAuthTempFail, "dovecot.auth_tempfail")                                                \
    X(DovecotUserDisabled, "dovecot.user_disabled")                                                \
    X(DovecotPasswordMismatch, "dovecot.password_mismatch")                                        \
    X(DovecotUnknownUser, "dovecot.unknown_user")

enum class ReasonClass : std::uint16_t {
#define MAILDECK_REASON_ENUM(name, id) name,
    MAILDECK_REASON_CLASSES(MAILDECK_REASON_ENUM)
#undef MAILDECK_REASON_ENUM
        Count_
};

inline constexpr int kReasonClassCount = static_cast<int>(ReasonClass::Count_);

// The stable id ("helo.non_fqdn") of a class.
std::string_view reasonId(ReasonClass reason);
// The class of a stable id; nullopt for an unknown id.
std::optional<ReasonClass> reasonFromId(std::string_view id);

} // namespace maildeck::logs
