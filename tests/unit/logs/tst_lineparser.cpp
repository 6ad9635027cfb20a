// The mail-log parser on real line shapes: the stories of DESIGN.md verbatim (as full log lines),
// every shape listed in facts/logs.md, timestamp formats, year inference and garbage.

#include "core/logs/LineParser.h"

#include <QDateTime>
#include <QtTest/QtTest>

using namespace maildeck::logs;

namespace {

QString field(const ParsedLine &p, const QString &name) {
    auto s = [](std::string_view v) {
        return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
    };
    if (name == QLatin1String("host"))
        return s(p.host);
    if (name == QLatin1String("program"))
        return s(p.program);
    if (name == QLatin1String("pid"))
        return QString::number(p.pid);
    if (name == QLatin1String("code"))
        return QString::number(p.smtpCode);
    if (name == QLatin1String("dsn"))
        return s(p.enhancedCode);
    if (name == QLatin1String("client"))
        return s(p.clientHost);
    if (name == QLatin1String("ip"))
        return s(p.clientIp);
    if (name == QLatin1String("sender"))
        return s(p.sender);
    if (name == QLatin1String("rcpt"))
        return s(p.recipient);
    if (name == QLatin1String("helo"))
        return s(p.helo);
    if (name == QLatin1String("proto"))
        return s(p.protocol);
    if (name == QLatin1String("stage"))
        return s(p.stage);
    if (name == QLatin1String("object"))
        return s(p.object);
    if (name == QLatin1String("text"))
        return s(p.text);
    if (name == QLatin1String("user"))
        return s(p.user);
    if (name == QLatin1String("time"))
        return QDateTime::fromMSecsSinceEpoch(p.timeMs, Qt::UTC).toString(Qt::ISODateWithMs);
    if (name == QLatin1String("offset"))
        return QString::number(p.utcOffsetMin);
    if (name == QLatin1String("kinds"))
        return QString::number(p.kinds, 16);
    return QStringLiteral("<unknown field %1>").arg(name);
}

QString statusName(ParseStatus s) {
    switch (s) {
    case ParseStatus::Unparsed:
        return QStringLiteral("unparsed");
    case ParseStatus::Ignored:
        return QStringLiteral("ignored");
    case ParseStatus::Event:
        return QStringLiteral("event");
    }
    return {};
}

// reference: 2026-08-10 00:00 UTC, server at +09:00
LineParser makeParser() {
    LineParser parser;
    parser.time().setReference(
        QDateTime(QDate(2026, 8, 10), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(), 540);
    return parser;
}

} // namespace

class TestLineParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shapes_data();
    void shapes();
    void yearInference_data();
    void yearInference();
    void garbageNeverCrashes();
    void longLine();
    void everyPrefixOfARealLine();
};

void TestLineParser::shapes_data() {
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("reason");
    // "field=value|field=value" checked exactly
    QTest::addColumn<QString>("expect");

    // ---- DESIGN.md stories ----
    QTest::newRow("story: iRedAPD SMTP AUTH required")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[2001]: NOQUEUE: reject: RCPT from "
               "web01.example.org[198.51.100.20]: 554 5.7.1 <bob@example.jp>: Recipient address "
               "rejected: SMTP AUTH is required for users under this sender domain; "
               "from=<www@example.jp> to=<bob@example.jp> proto=ESMTP helo=<web01.example.org>")
        << "event"
        << "policy.iredapd.smtp_auth_required"
        << "code=554|dsn=5.7.1|client=web01.example.org|ip=198.51.100.20|sender=www@example.jp|"
           "rcpt=bob@example.jp|helo=web01.example.org|proto=ESMTP|stage=RCPT|object=bob@example."
           "jp|host=mx1|program=postfix/smtpd|pid=2001|text=SMTP AUTH is required for users under "
           "this sender domain|time=2026-08-08T22:48:48.000Z|offset=540";
    QTest::newRow("story: WLM2012 POP3 plaintext (Dovecot 2.3)")
        << QByteArray(
               "Aug  9 07:48:48 mx1 dovecot: pop3-login: Disconnected (tried to use disallowed "
               "plaintext auth): user=<>, rip=192.0.2.55, lip=192.0.2.1, session=<AbCdEf12>")
        << "event"
        << "dovecot.plaintext_disallowed"
        << "ip=192.0.2.55|user=|proto=pop3|program=dovecot";
    QTest::newRow("story: WLM2012 non-FQDN HELO")
        << QByteArray("Aug  9 07:50:01 mx1 postfix/smtpd[2002]: NOQUEUE: reject: RCPT from "
                      "pc12.example.jp[192.0.2.55]: 504 5.5.2 <WIN-ABC123>: Helo command rejected: "
                      "need fully-qualified hostname; from=<taro@example.jp> "
                      "to=<hanako@example.com> proto=ESMTP helo=<WIN-ABC123>")
        << "event"
        << "helo.non_fqdn"
        << "code=504|dsn=5.5.2|object=WIN-ABC123|helo=WIN-ABC123|sender=taro@example.jp";
    QTest::newRow("story: WLM2012 HELO host not found")
        << QByteArray("Aug  9 07:51:10 mx1 postfix/smtpd[2003]: NOQUEUE: reject: RCPT from "
                      "pc12.example.jp[192.0.2.55]: 450 4.7.1 <wlm-pc.example.local>: Helo command "
                      "rejected: Host not found; from=<taro@example.jp> to=<hanako@example.com> "
                      "proto=ESMTP helo=<wlm-pc.example.local>")
        << "event"
        << "helo.unknown_host"
        << "code=450|dsn=4.7.1|object=wlm-pc.example.local|kinds=1201";
    QTest::newRow("story: WLM2012 relay denied on port 25")
        << QByteArray(
               "Aug  9 07:52:33 mx1 postfix/smtpd[2004]: NOQUEUE: reject: RCPT from "
               "pc12.example.jp[192.0.2.55]: 454 4.7.1 <hanako@example.com>: Relay access denied; "
               "from=<taro@example.jp> to=<hanako@example.com> proto=ESMTP helo=<pc12.example.jp>")
        << "event"
        << "relay.denied"
        << "code=454|dsn=4.7.1|object=hanako@example.com|rcpt=hanako@example.com";
    QTest::newRow("story: yahoo relay, random sender domain")
        << QByteArray(
               "Aug  9 08:01:02 mx1 postfix/smtpd[3003]: NOQUEUE: reject: RCPT from "
               "mta123.mail.bbt.yahoo.co.jp[182.22.12.34]: 450 4.1.8 <kvq@zrbzzfmaewphpyi.jp>: "
               "Sender address rejected: Domain not found; from=<kvq@zrbzzfmaewphpyi.jp> "
               "to=<info@example.jp> proto=ESMTP helo=<mta123.mail.bbt.yahoo.co.jp>")
        << "event"
        << "sender.unknown_domain"
        << "code=450|dsn=4.1.8|client=mta123.mail.bbt.yahoo.co.jp|object=kvq@zrbzzfmaewphpyi.jp|"
           "sender=kvq@zrbzzfmaewphpyi.jp";

    // ---- facts/logs.md §1.1 / §1.3 ----
    QTest::newRow("anatomy line (relay denied 554)")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
               "mail.example.net[203.0.113.7]: 554 5.7.1 <x@victim.test>: Relay access denied; "
               "from=<a@spam.test> to=<x@victim.test> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "relay.denied"
        << "code=554|client=mail.example.net|ip=203.0.113.7|sender=a@spam.test|rcpt=x@victim.test|"
           "helo=mail.example.net|kinds=1401";
    QTest::newRow("R2 null MX")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
                      "mail.example.net[203.0.113.7]: 550 5.7.27 <a@example.com>: Sender address "
                      "rejected: Domain example.com does not accept mail (nullMX); "
                      "from=<a@example.com> to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "sender.null_mx"
        << "dsn=5.7.27";
    QTest::newRow("R2 recipient domain not found")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
                      "mail.example.net[203.0.113.7]: 450 4.1.2 <x@nxdomain.test>: Recipient "
                      "address rejected: Domain not found; from=<a@example.net> "
                      "to=<x@nxdomain.test> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "recipient.unknown_domain"
        << "object=x@nxdomain.test";
    QTest::newRow("R4 invalid HELO")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
                      "unknown[203.0.113.7]: 501 5.5.2 <my_host>: Helo command rejected: Invalid "
                      "name; from=<a@example.net> to=<x@example.jp> proto=ESMTP helo=<my_host>")
        << "event"
        << "helo.invalid"
        << "client=unknown|object=my_host";
    QTest::newRow("R6 unknown client hostname (no <> prefix)")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
                      "unknown[203.0.113.7]: 450 4.7.25 Client host rejected: cannot find your "
                      "hostname, [203.0.113.7]; from=<a@example.net> to=<x@example.jp> proto=ESMTP "
                      "helo=<h.example.net>")
        << "event"
        << "client.unknown_hostname"
        << "dsn=4.7.25|object=";
    QTest::newRow("R7 no reverse hostname")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
                      "unknown[203.0.113.7]: 450 4.7.1 Client host rejected: cannot find your "
                      "reverse hostname, [203.0.113.7]; from=<a@example.net> to=<x@example.jp> "
                      "proto=ESMTP helo=<h.example.net>")
        << "event"
        << "client.no_reverse_hostname"
        << "code=450";
    QTest::newRow("R8 RBL with ; inside the text")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
               "unknown[203.0.113.7]: 554 5.7.1 Service unavailable; Client host [203.0.113.7] "
               "blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.7; "
               "from=<a@spam.test> to=<x@example.jp> proto=ESMTP helo=<spam.test>")
        << "event"
        << "rbl.client"
        << "object=203.0.113.7|text=zen.spamhaus.org|sender=a@spam.test|rcpt=x@example.jp";
    QTest::newRow("R8 RHSBL sender")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
               "mail.example.net[203.0.113.7]: 554 5.7.1 <a@spam.test>: Sender address rejected: "
               "Service unavailable; Sender address [spam.test] blocked using dbl.example; "
               "from=<a@spam.test> to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "rbl.sender"
        << "object=spam.test|text=dbl.example";
    QTest::newRow("R9 VRFY user unknown (no from=)")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: VRFY from "
               "mail.example.net[203.0.113.7]: 550 5.1.1 <nobody@example.jp>: Recipient address "
               "rejected: User unknown in virtual mailbox table; to=<nobody@example.jp> proto=SMTP")
        << "event"
        << "recipient.unknown_user"
        << "stage=VRFY|sender=|rcpt=nobody@example.jp|proto=SMTP";
    QTest::newRow("R10 unverified recipient")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
               "mail.example.net[203.0.113.7]: 450 4.1.1 <x@example.jp>: Recipient address "
               "rejected: undeliverable address: host backend[10.0.0.2] said: 550 5.1.1 unknown; "
               "from=<a@example.net> to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "recipient.unverified"
        << "code=450";
    QTest::newRow("R11 non-FQDN sender")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
                      "mail.example.net[203.0.113.7]: 504 5.5.2 <root@localhost>: Sender address "
                      "rejected: need fully-qualified address; from=<root@localhost> "
                      "to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "sender.non_fqdn"
        << "object=root@localhost";
    QTest::newRow("R12 login mismatch with >=3.10 sasl tail")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/submission/smtpd[4242]: NOQUEUE: reject: RCPT from "
               "pc.example.jp[192.0.2.10]: 553 5.7.1 <boss@example.jp>: Sender address rejected: "
               "not owned by user alice@example.jp; from=<boss@example.jp> to=<x@example.com> "
               "proto=ESMTP helo=<pc> sasl_method=PLAIN sasl_username=alice@example.jp")
        << "event"
        << "sender.login_mismatch"
        << "program=postfix/submission/smtpd|user=alice@example.jp|helo=pc";
    QTest::newRow("R13 postgrey")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
               "mail.example.net[203.0.113.7]: 450 4.2.0 <x@example.jp>: Recipient address "
               "rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.jp.html; "
               "from=<a@example.net> to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "policy.greylisted"
        << "dsn=4.2.0";
    QTest::newRow("R13 policyd-spf")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
               "mail.example.net[203.0.113.7]: 550 5.7.23 <x@example.jp>: Recipient address "
               "rejected: Message rejected due to: SPF fail - not authorized. Please see "
               "http://www.openspf.net/Why?s=mfrom;id=a@example.net;ip=203.0.113.7;r=x@example.jp; "
               "from=<a@example.net> to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "policy.spf_fail"
        << "sender=a@example.net";
    QTest::newRow("R13 policy service down")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
                      "mail.example.net[203.0.113.7]: 451 4.3.5 <x@example.jp>: Recipient address "
                      "rejected: Server configuration problem; from=<a@example.net> "
                      "to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "policy.service_unavailable"
        << "code=451";
    QTest::newRow("R13 iRedAPD greylisting")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
                      "mail.example.net[203.0.113.7]: 451 4.7.1 <x@example.jp>: Recipient address "
                      "rejected: Intentional policy rejection, please try again later; "
                      "from=<a@example.net> to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "policy.iredapd.greylisting"
        << "code=451";
    QTest::newRow("R13 iRedAPD login mismatch at END-OF-MESSAGE with queue id")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/submission/smtpd[4242]: 4F2A1B3C5D: reject: "
                      "END-OF-MESSAGE from pc.example.jp[192.0.2.10]: 554 5.7.1 <END-OF-MESSAGE>: "
                      "End-of-data rejected: Sender is not same as SMTP authenticate username; "
                      "from=<boss@example.jp> to=<x@example.com> proto=ESMTP helo=<pc.example.jp>")
        << "event"
        << "policy.iredapd.sender_login_mismatch"
        << "stage=END-OF-MESSAGE|object=END-OF-MESSAGE";
    QTest::newRow("R14 access map")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
                      "bad.example[203.0.113.7]: 554 5.7.1 <bad.example[203.0.113.7]>: Client host "
                      "rejected: Access denied; from=<a@bad.example> to=<x@example.jp> proto=ESMTP "
                      "helo=<bad.example>")
        << "event"
        << "access.denied"
        << "object=bad.example[203.0.113.7]";
    QTest::newRow("R15 pipelining")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
                      "unknown[203.0.113.7]: 503 5.5.0 <x@example.jp>: Recipient address rejected: "
                      "Improper use of SMTP command pipelining; from=<a@example.net> "
                      "to=<x@example.jp> proto=SMTP helo=<x>")
        << "event"
        << "protocol.pipelining"
        << "code=503";
    QTest::newRow("R16 session encryption required")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: MAIL from "
                      "unknown[203.0.113.7]: 450 4.7.1 Session encryption is required; "
                      "from=<a@example.net> proto=ESMTP helo=<x.example.net>")
        << "event"
        << "tls.required"
        << "stage=MAIL";
    QTest::newRow("R17 message size")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: MAIL from "
                      "mail.example.net[203.0.113.7]: 552 5.3.4 Message size exceeds fixed limit; "
                      "proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "size.exceeded"
        << "code=552|sender=";
    QTest::newRow("R18 temporary lookup failure")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
               "mail.example.net[203.0.113.7]: 451 4.3.0 <x@example.jp>: Temporary lookup failure; "
               "from=<a@example.net> to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "local.lookup_failure"
        << "object=x@example.jp";
    QTest::newRow("R19 milter-reject at RCPT")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: milter-reject: RCPT from "
                      "mail.example.net[203.0.113.7]: 550 5.7.1 Command rejected; "
                      "from=<a@example.net> to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "milter.rejected"
        << "code=550|text=Command rejected|kinds=1404";
    QTest::newRow("R19 cleanup milter-reject (DSN without code)")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/cleanup[999]: 4F2A1B3C5D: milter-reject: "
               "END-OF-MESSAGE from mail.example.net[203.0.113.7]: 5.7.1 Spam message rejected; "
               "from=<a@example.net> to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "milter.rejected"
        << "code=0|dsn=5.7.1|text=Spam message rejected|stage=END-OF-MESSAGE";
    QTest::newRow("R20 cleanup header check")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/cleanup[999]: 4F2A1B3C5D: reject: header "
                      "Subject: You won from mail.example.net[203.0.113.7]; from=<a@example.net> "
                      "to=<x@example.jp> proto=ESMTP helo=<mail.example.net>: 5.7.1 Spam subject")
        << "event"
        << "content.check"
        << "stage=header|client=mail.example.net|ip=203.0.113.7|sender=a@example.net|helo=mail."
           "example.net|dsn=5.7.1|text=Spam subject";
    QTest::newRow("R21 proxy-reject")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: 4F2A1B3C5D: proxy-reject: "
               "END-OF-MESSAGE: 554 5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Test-Signature; "
               "from=<a@example.net> to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "content.proxy_filter"
        << "code=554|stage=END-OF-MESSAGE";
    QTest::newRow("bare LF, IPv6 with port, no code")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: DATA from "
                      "mail.example.net[2001:db8::5]:41234: bare <LF> received; "
                      "from=<a@example.net> to=<x@example.jp> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "protocol.bare_lf"
        << "ip=2001:db8::5|code=0|stage=DATA";
    QTest::newRow("reject_warning")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject_warning: RCPT from "
               "unknown[203.0.113.7]: 450 4.7.1 <h>: Helo command rejected: need fully-qualified "
               "hostname; from=<a@example.net> to=<x@example.jp> proto=ESMTP helo=<h>")
        << "event"
        << "helo.non_fqdn"
        << "kinds=1202";
    QTest::newRow("unknown reject shape -> other, with its text")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
               "h.example[203.0.113.8]: 554 5.7.1 <h.example[203.0.113.8]>: Client host rejected: "
               "Go away, spammer; from=<a@b.test> to=<c@example.jp> proto=ESMTP helo=<h.example>")
        << "event"
        << "other"
        << "text=Go away, spammer|code=554";
    QTest::newRow("reject without a client (odd shape) -> other")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: something new happened")
        << "event"
        << "other"
        << "text=something new happened";

    // ---- postscreen (R22) ----
    QTest::newRow("postscreen DNSBL reject (comma tail)")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/postscreen[777]: NOQUEUE: reject: RCPT from "
                      "[203.0.113.7]:54321: 550 5.7.1 Service unavailable; client [203.0.113.7] "
                      "blocked using zen.spamhaus.org; from=<s@x.test>, to=<r@example.jp>, "
                      "proto=ESMTP, helo=<h.x.test>")
        << "event"
        << "postscreen.dnsbl"
        << "client=|ip=203.0.113.7|sender=s@x.test|rcpt=r@example.jp|proto=ESMTP|helo=h.x.test|"
           "text=zen.spamhaus.org|kinds=1409";
    QTest::newRow("postscreen retry 450")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/postscreen[777]: NOQUEUE: reject: RCPT from "
                      "[203.0.113.7]:54321: 450 4.3.2 Service currently unavailable; "
                      "from=<s@x.test>, to=<r@example.jp>, proto=ESMTP, helo=<h.x.test>")
        << "event"
        << "postscreen.retry"
        << "code=450";
    QTest::newRow("postscreen protocol error")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/postscreen[777]: NOQUEUE: reject: RCPT from "
                      "[203.0.113.7]:54321: 550 5.5.1 Protocol error; from=<s@x.test>, "
                      "to=<r@example.jp>, proto=SMTP, helo=<h>")
        << "event"
        << "postscreen.protocol_error"
        << "dsn=5.5.1";
    QTest::newRow("postscreen too many connections")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/postscreen[777]: NOQUEUE: reject: CONNECT from "
                      "[203.0.113.7]:54321: too many connections")
        << "event"
        << "postscreen.overload"
        << "stage=CONNECT|ip=203.0.113.7";
    QTest::newRow("postscreen PREGREET")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/postscreen[777]: PREGREET 11 after 0.09 from "
                      "[203.0.113.7]:54321: EHLO x\\r\\n")
        << "event"
        << "postscreen.pregreet"
        << "ip=203.0.113.7|object=EHLO x\\r\\n";
    QTest::newRow("postscreen DNSBL rank")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/postscreen[777]: DNSBL rank 3 for [203.0.113.7]:54321")
        << "event"
        << "postscreen.dnsbl_rank"
        << "ip=203.0.113.7|text=3 for ";
    QTest::newRow("postscreen HANGUP")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/postscreen[777]: HANGUP after 0.5 from "
                      "[203.0.113.7]:54321 in tests after SMTP handshake")
        << "event"
        << "postscreen.hangup"
        << "ip=203.0.113.7";
    QTest::newRow("postscreen COMMAND PIPELINING")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/postscreen[777]: COMMAND PIPELINING from "
                      "[203.0.113.7]:54321 after EHLO: MAIL FROM:<a@b.test>\\r\\n")
        << "event"
        << "postscreen.pipelining"
        << "ip=203.0.113.7";
    QTest::newRow("postscreen NON-SMTP COMMAND")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/postscreen[777]: NON-SMTP COMMAND from "
                      "[203.0.113.7]:54321 after CONNECT: GET / HTTP/1.1")
        << "event"
        << "postscreen.non_smtp"
        << "ip=203.0.113.7";
    QTest::newRow("postscreen DENYLISTED")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/postscreen[777]: DENYLISTED [203.0.113.7]:54321")
        << "event"
        << "postscreen.denylisted"
        << "ip=203.0.113.7";
    QTest::newRow("postscreen PASS NEW is not an event")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/postscreen[777]: PASS NEW [203.0.113.7]:54321")
        << "ignored"
        << ""
        << "";
    QTest::newRow("postscreen CONNECT is not an event")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/postscreen[777]: CONNECT from "
                      "[203.0.113.7]:54321 to [192.0.2.1]:25")
        << "ignored"
        << ""
        << "";

    // ---- §1.4 non-reject events ----
    QTest::newRow("E1 lost connection after AUTH (<=3.9)")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: lost connection after AUTH from "
                      "unknown[203.0.113.9]")
        << "event"
        << "connection.lost_after_auth"
        << "stage=AUTH|client=unknown|ip=203.0.113.9|kinds=1020";
    QTest::newRow("E1 lost connection after AUTH (>=3.10 NOQUEUE)")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: lost connection after "
                      "AUTH from unknown[203.0.113.9]")
        << "event"
        << "connection.lost_after_auth"
        << "ip=203.0.113.9";
    QTest::newRow("E1 lost connection after DATA (bytes)")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: lost connection after DATA (1234 "
                      "bytes) from mail.example.net[203.0.113.7]")
        << "event"
        << "connection.lost"
        << "stage=DATA|client=mail.example.net";
    QTest::newRow("E1b timeout") << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: timeout "
                                               "after DATA from mail.example.net[203.0.113.7]")
                                 << "event"
                                 << "connection.timeout"
                                 << "stage=DATA";
    QTest::newRow("E1c too many errors")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: too many errors after RCPT from "
                      "mail.example.net[203.0.113.7]")
        << "event"
        << "connection.too_many_errors"
        << "stage=RCPT|ip=203.0.113.7";
    QTest::newRow("E2 SASL LOGIN failed (<=3.8, stale challenge)")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: warning: unknown[203.0.113.9]: "
                      "SASL LOGIN authentication failed: UGFzc3dvcmQ6")
        << "event"
        << "sasl.auth_failed"
        << "object=LOGIN|text=UGFzc3dvcmQ6|ip=203.0.113.9|client=unknown|user=|kinds=1010";
    QTest::newRow("E2 SASL LOGIN failed (>=3.9, sasl_username)")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/submission/smtpd[12345]: warning: "
                      "unknown[203.0.113.9]: SASL LOGIN authentication failed: (reason "
                      "unavailable), sasl_username=alice@example.com")
        << "event"
        << "sasl.auth_failed"
        << "user=alice@example.com|text=(reason unavailable)";
    QTest::newRow("E2 SASL PLAIN failed, empty reason")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: warning: unknown[203.0.113.9]: "
                      "SASL PLAIN authentication failed: ")
        << "event"
        << "sasl.auth_failed"
        << "object=PLAIN|text=";
    QTest::newRow("E2 SASL aborted")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: warning: "
                      "mail.example.net[203.0.113.7]: SASL LOGIN authentication aborted")
        << "event"
        << "sasl.auth_aborted"
        << "client=mail.example.net";
    QTest::newRow("E5 anvil rate limit")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: warning: Connection rate limit "
                      "exceeded: 31 from mail.example.net[203.0.113.7] for service smtp")
        << "event"
        << "anvil.rate_limit"
        << "ip=203.0.113.7|text=Connection rate limit exceeded";
    QTest::newRow("E6 non-SMTP command")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: warning: non-SMTP command from "
                      "unknown[203.0.113.7]: GET / HTTP/1.1")
        << "event"
        << "protocol.non_smtp"
        << "text=GET / HTTP/1.1";
    QTest::newRow("R15 info: improper pipelining")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: improper command pipelining after "
                      "CONNECT from unknown[203.0.113.7]: EHLO x\\r\\nMAIL FROM:<a@b>\\r\\n")
        << "event"
        << "protocol.pipelining"
        << "stage=CONNECT";
    QTest::newRow("E3 FCrDNS warning is not an event")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: warning: hostname "
                      "mail.example.net does not resolve to address 203.0.113.7")
        << "ignored"
        << ""
        << "";
    QTest::newRow("E7 disconnect is not an event")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: disconnect from "
                      "unknown[203.0.113.7] ehlo=1 auth=0/1 commands=1/2")
        << "ignored"
        << ""
        << "";
    QTest::newRow("E9 connect is not an event")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: connect from "
                      "mail.example.net[203.0.113.7]")
        << "ignored"
        << ""
        << "";
    QTest::newRow("qmgr is not an event")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/qmgr[321]: 4F2A1B3C5D: from=<a@example.net>, "
                      "size=1234, nrcpt=1 (queue active)")
        << "ignored"
        << ""
        << "";

    // ---- Dovecot (§2) ----
    QTest::newRow("Dovecot 2.3.14 auth failed")
        << QByteArray("Aug  9 07:48:48 mx1 dovecot: imap-login: Disconnected (auth failed, 1 "
                      "attempts in 2 secs): user=<bob>, method=PLAIN, rip=203.0.113.5, "
                      "lip=192.0.2.1, TLS, session=<AbCdEf12>")
        << "event"
        << "dovecot.auth_failed"
        << "user=bob|ip=203.0.113.5|object=PLAIN|proto=imap|kinds=1040";
    QTest::newRow("Dovecot 2.3.14 aborted login")
        << QByteArray("Aug  9 07:48:48 mx1 dovecot: imap-login: Aborted login (auth failed, 1 "
                      "attempts in 2 secs): user=<bob>, method=PLAIN, rip=203.0.113.5, "
                      "lip=192.0.2.1, TLS, session=<AbCdEf12>")
        << "event"
        << "dovecot.auth_failed"
        << "user=bob";
    QTest::newRow("Dovecot 2.3.21 connection closed")
        << QByteArray("Aug  9 07:48:48 mx1 dovecot: imap-login: Disconnected: Connection closed "
                      "(auth failed, 1 attempts in 2 secs): user=<bob>, method=PLAIN, "
                      "rip=203.0.113.5, lip=192.0.2.1, TLS, session=<AbCdEf12>")
        << "event"
        << "dovecot.auth_failed"
        << "ip=203.0.113.5";
    QTest::newRow("Dovecot 2.4 login aborted (journald pid)")
        << QByteArray(
               "Jun 12 20:02:23 kvm456 dovecot[996]: imap-login: Login aborted: Connection closed "
               "(auth failed, 2 attempts in 14 secs) (auth_failed): user=<jose>, method=PLAIN, "
               "rip=198.51.100.154, lip=192.0.2.75, TLS, session=<8oNSumM3A8mK/86a>")
        << "event"
        << "dovecot.auth_failed"
        << "user=jose|ip=198.51.100.154|pid=996|host=kvm456|text=Login aborted: Connection closed "
           "(auth failed, 2 attempts in 14 secs) (auth_failed)";
    QTest::newRow("Dovecot 2.4 cleartext disallowed")
        << QByteArray("Aug  9 07:48:48 mx1 dovecot: pop3-login: Login aborted: Connection closed "
                      "(tried to use disallowed cleartext auth) (cleartext_auth_disabled): "
                      "user=<>, rip=192.0.2.55, lip=192.0.2.1, session=<AbCdEf12>")
        << "event"
        << "dovecot.plaintext_disallowed"
        << "proto=pop3|ip=192.0.2.55";
    QTest::newRow("Dovecot 2.3.15+ plaintext disallowed")
        << QByteArray("Aug  9 07:48:48 mx1 dovecot: pop3-login: Disconnected: Connection closed "
                      "(tried to use disallowed plaintext auth): user=<>, rip=192.0.2.55, "
                      "lip=192.0.2.1, session=<AbCdEf12>")
        << "event"
        << "dovecot.plaintext_disallowed"
        << "ip=192.0.2.55";
    QTest::newRow("Dovecot own log file (no host), 2.4")
        << QByteArray("Dec 01 09:14:20 pop3-login: Info: Login aborted: Connection closed (auth "
                      "failed, 1 attempts in 0 secs) (auth_failed): user=<root@example.ru>, "
                      "rip=190.197.9.185, lip=212.193.57.223, session=<f5fF491ElOW5xAi4>")
        << "event"
        << "dovecot.auth_failed"
        << "host=|program=pop3-login|user=root@example.ru|ip=190.197.9.185|time=2025-12-01T00:14:"
           "20.000Z";
    QTest::newRow("Dovecot TLS handshake failure")
        << QByteArray(
               "Aug  9 07:48:48 mx1 dovecot: pop3-login: Disconnected: Connection closed: "
               "SSL_accept() failed: error:0A000412:SSL routines::sslv3 alert bad certificate: SSL "
               "alert number 42 (no auth attempts in 1 secs): user=<>, rip=203.0.113.5, "
               "lip=192.0.2.1, TLS handshaking: SSL_accept() failed: error:0A000412:SSL "
               "routines::sslv3 alert bad certificate: SSL alert number 42, session=<AbCd>")
        << "event"
        << "dovecot.tls_failed"
        << "ip=203.0.113.5";
    QTest::newRow("Dovecot SSL required")
        << QByteArray("Aug  9 07:48:48 mx1 dovecot: imap-login: Login failed: SSL required for "
                      "authentication: user=<bob>, rip=192.0.2.55, lip=192.0.2.1, session=<AbCd>")
        << "event"
        << "dovecot.ssl_required"
        << "user=bob";
    QTest::newRow("Dovecot max userip")
        << QByteArray("Aug  9 07:48:48 mx1 dovecot: imap-login: Maximum number of connections from "
                      "user+IP exceeded (mail_max_userip_connections=10): user=<bob>, "
                      "method=PLAIN, rip=192.0.2.55, lip=192.0.2.1, TLS, session=<AbCd>")
        << "event"
        << "dovecot.max_userip"
        << "user=bob";
    QTest::newRow("Dovecot 2.3 auth password mismatch")
        << QByteArray("Aug  9 07:48:48 mx1 dovecot: auth: "
                      "sql(bob@example.com,203.0.113.5,<AbCdEf12>): Password mismatch")
        << "event"
        << "dovecot.password_mismatch"
        << "user=bob@example.com|ip=203.0.113.5";
    QTest::newRow("Dovecot 2.3 auth-worker pam")
        << QByteArray(
               "Aug  9 07:48:48 mx1 dovecot: auth-worker(1234): pam(bob,203.0.113.5,<AbCd>): "
               "pam_authenticate() failed: Authentication failure (Password mismatch?)")
        << "event"
        << "dovecot.password_mismatch"
        << "user=bob|ip=203.0.113.5";
    QTest::newRow("Dovecot 2.4 auth unknown user")
        << QByteArray(
               "Aug  9 07:48:48 mx1 dovecot: "
               "auth(bob@example.com,203.0.113.5,sasl:plain)<AbCdEf12>: passwd-file: unknown user")
        << "event"
        << "dovecot.unknown_user"
        << "user=bob@example.com|ip=203.0.113.5";
    QTest::newRow("Dovecot successful login is not an event")
        << QByteArray("Aug  9 07:48:48 mx1 dovecot: imap-login: Login: user=<bob>, method=PLAIN, "
                      "rip=203.0.113.5, lip=192.0.2.1, mpid=4242, TLS, session=<AbCd>")
        << "ignored"
        << ""
        << "";
    QTest::newRow("Dovecot no auth attempts is not an event")
        << QByteArray("Aug  9 07:48:48 mx1 dovecot: imap-login: Disconnected (no auth attempts in "
                      "0 secs): user=<>, rip=203.0.113.5, lip=192.0.2.1, session=<AbCd>")
        << "ignored"
        << ""
        << "";

    // ---- iRedAPD's own log (facts/iredmail.md §6.5) ----
    QTest::newRow("iRedAPD RCPT reject (forged sender)")
        << QByteArray(
               "Aug  9 07:48:48 mx1 iredapd [198.51.100.20] RCPT, www@example.jp -> "
               "bob@example.jp, REJECT SMTP AUTH is required for users under this sender domain "
               "[sasl_username=, sender=www@example.jp, client_name=web01.example.org, "
               "reverse_client_name=web01.example.org, helo=web01.example.org, "
               "encryption_protocol=, encryption_cipher=, server_port=25, process_time=0.0012s]")
        << "event"
        << "policy.iredapd.smtp_auth_required"
        << "ip=198.51.100.20|sender=www@example.jp|rcpt=bob@example.jp|helo=web01.example.org|"
           "client=web01.example.org|stage=RCPT|object=www@example.jp|kinds=1480";
    QTest::newRow("iRedAPD authenticated, sending as another address")
        << QByteArray(
               "2026-08-09T07:48:48+09:00 mx1 iredapd: [192.0.2.10] RCPT, alice@example.jp => "
               "boss@example.jp -> x@example.com, REJECT Sender is not same as SMTP authenticate "
               "username [sasl_username=alice@example.jp, sender=boss@example.jp, "
               "client_name=pc.example.jp, helo=pc, server_port=587, process_time=0.0020s]")
        << "event"
        << "policy.iredapd.sender_login_mismatch"
        << "user=alice@example.jp|sender=boss@example.jp|rcpt=x@example.com";
    QTest::newRow("iRedAPD greylisting")
        << QByteArray("Aug  9 07:48:48 mx1 iredapd [203.0.113.7] RCPT, a@example.net -> "
                      "x@example.jp, 451 4.7.1 Intentional policy rejection, please try again "
                      "later [sasl_username=, sender=a@example.net, client_name=mail.example.net, "
                      "helo=mail.example.net, process_time=0.0100s]")
        << "event"
        << "policy.iredapd.greylisting"
        << "code=451|dsn=4.7.1";
    QTest::newRow("iRedAPD DUNNO is not an event")
        << QByteArray(
               "Aug  9 07:48:48 mx1 iredapd [203.0.113.7] RCPT, a@example.net -> x@example.jp, "
               "DUNNO [sasl_username=, sender=a@example.net, process_time=0.0010s]")
        << "ignored"
        << ""
        << "";

    // ---- header formats (§3.1) ----
    QTest::newRow("F2 RFC 3339 with microseconds, non-ASCII host")
        << QByteArray(
               "2026-08-09T07:48:48.123456+09:00 サーバ名 postfix/smtpd[12345]: NOQUEUE: reject: "
               "RCPT from mail.example.net[203.0.113.7]: 554 5.7.1 <x@victim.test>: Relay access "
               "denied; from=<a@spam.test> to=<x@victim.test> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "relay.denied"
        << "host=サーバ名|time=2026-08-08T22:48:48.123Z|offset=540|kinds=401";
    QTest::newRow("F1 BSD syslog, non-ASCII host")
        << QByteArray(
               "Aug  9 07:48:48 サーバ名 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
               "mail.example.net[203.0.113.7]: 554 5.7.1 <x@victim.test>: Relay access denied; "
               "from=<a@spam.test> to=<x@victim.test> proto=ESMTP helo=<mail.example.net>")
        << "event"
        << "relay.denied"
        << "host=サーバ名|program=postfix/smtpd";
    QTest::newRow("F2 RFC 3339 Z, no fraction")
        << QByteArray("2026-08-09T07:48:48Z mx1 postfix/smtpd[12345]: lost connection after AUTH "
                      "from unknown[203.0.113.9]")
        << "event"
        << "connection.lost_after_auth"
        << "time=2026-08-09T07:48:48.000Z|offset=0";
    QTest::newRow("F3 RFC 5424")
        << QByteArray("<22>1 2026-08-09T07:48:48.123456+09:00 mx1 postfix/smtpd 12345 - - NOQUEUE: "
                      "reject: RCPT from mail.example.net[203.0.113.7]: 554 5.7.1 <x@victim.test>: "
                      "Relay access denied; from=<a@spam.test> to=<x@victim.test> proto=ESMTP "
                      "helo=<mail.example.net>")
        << "event"
        << "relay.denied"
        << "host=mx1|program=postfix/smtpd|pid=12345|time=2026-08-08T22:48:48.123Z";
    QTest::newRow("F4 maillog_file zero-padded day")
        << QByteArray("Aug 09 07:48:48 mx1 postfix/smtpd[12345]: warning: unknown[203.0.113.9]: "
                      "SASL LOGIN authentication failed: UGFzc3dvcmQ6")
        << "event"
        << "sasl.auth_failed"
        << "time=2026-08-08T22:48:48.000Z";
    QTest::newRow("F6 journalctl short-iso +0900")
        << QByteArray("2026-08-09T07:48:48+0900 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT "
                      "from mail.example.net[203.0.113.7]: 450 4.1.8 <a@nx.test>: Sender address "
                      "rejected: Domain not found; from=<a@nx.test> to=<x@example.jp> proto=ESMTP "
                      "helo=<mail.example.net>")
        << "event"
        << "sender.unknown_domain"
        << "time=2026-08-08T22:48:48.000Z|offset=540|kinds=201";
    QTest::newRow("F6 short-iso-precise +0900")
        << QByteArray("2026-08-09T07:48:48.654321+0900 mx1 postfix/smtpd[12345]: too many errors "
                      "after RCPT from mail.example.net[203.0.113.7]")
        << "event"
        << "connection.too_many_errors"
        << "time=2026-08-08T22:48:48.654Z";
    QTest::newRow("F6 negative offset")
        << QByteArray("2026-08-09T07:48:48-0330 mx1 postfix/smtpd[12345]: too many errors after "
                      "RCPT from mail.example.net[203.0.113.7]")
        << "event"
        << "connection.too_many_errors"
        << "time=2026-08-09T11:18:48.000Z|offset=-210";
    QTest::newRow("F7 short-unix")
        << QByteArray("1786229328.123456 mx1 postfix/smtpd[12345]: too many errors after RCPT from "
                      "mail.example.net[203.0.113.7]")
        << "event"
        << "connection.too_many_errors"
        << "time=2026-08-08T22:48:48.123Z";
    QTest::newRow("F7 short-precise")
        << QByteArray("Aug 09 07:48:48.250000 mx1 postfix/smtpd[12345]: too many errors after RCPT "
                      "from mail.example.net[203.0.113.7]")
        << "event"
        << "connection.too_many_errors"
        << "time=2026-08-08T22:48:48.250Z";
    QTest::newRow("CRLF line ending")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: lost connection after AUTH from "
                      "unknown[203.0.113.9]\r")
        << "event"
        << "connection.lost_after_auth"
        << "ip=203.0.113.9";
    QTest::newRow("multi-instance syslog_name")
        << QByteArray("Aug  9 07:48:48 mx1 postfix-out/smtpd[12345]: lost connection after AUTH "
                      "from unknown[203.0.113.9]")
        << "event"
        << "connection.lost_after_auth"
        << "program=postfix-out/smtpd";
    QTest::newRow("rsyslog repeated message")
        << QByteArray("Aug  9 07:48:48 mx1 rsyslogd: message repeated 3 times: [foo]") << "ignored"
        << ""
        << "";

    // ---- garbage ----
    QTest::newRow("empty") << QByteArray("") << "unparsed"
                           << ""
                           << "";
    QTest::newRow("truncated timestamp") << QByteArray("Aug  9 07:4") << "unparsed"
                                         << ""
                                         << "";
    QTest::newRow("header only") << QByteArray("Aug  9 07:48:48 mx1") << "unparsed"
                                 << ""
                                 << "";
    QTest::newRow("bad month") << QByteArray("Foo  9 07:48:48 mx1 postfix/smtpd[1]: x")
                               << "unparsed"
                               << ""
                               << "";
    QTest::newRow("bad time") << QByteArray("Aug  9 27:48:48 mx1 postfix/smtpd[1]: x") << "unparsed"
                              << ""
                              << "";
    QTest::newRow("journal boot marker") << QByteArray("-- Boot 0123456789abcdef --") << "unparsed"
                                         << ""
                                         << "";
    QTest::newRow("unterminated pid")
        << QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[12345") << "unparsed"
        << ""
        << "";
    QTest::newRow("binary") << QByteArray(
                                   "\x00\x01\x02\xff\xfe Aug  9 07:48:48 \x00\x00 mx1",
                                   sizeof("\x00\x01\x02\xff\xfe Aug  9 07:48:48 \x00\x00 mx1") - 1)
                            << "unparsed"
                            << ""
                            << "";
    QTest::newRow("reject truncated mid-client")
        << QByteArray(
               "Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from mail.exa")
        << "event"
        << "other"
        << "text=RCPT from mail.exa";
}

void TestLineParser::shapes() {
    QFETCH(QByteArray, line);
    QFETCH(QString, status);
    QFETCH(QString, reason);
    QFETCH(QString, expect);

    const LineParser parser = makeParser();
    const ParsedLine p =
        parser.parse(std::string_view(line.constData(), static_cast<std::size_t>(line.size())));
    QCOMPARE(statusName(p.status), status);
    if (p.status == ParseStatus::Event) {
        const std::string_view id = reasonId(p.reason);
        QCOMPARE(QString::fromLatin1(id.data(), static_cast<qsizetype>(id.size())), reason);
    }
    if (expect.isEmpty())
        return;
    for (const QString &pair : expect.split(QLatin1Char('|'))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        const QString name = pair.left(eq);
        const QString want = pair.mid(eq + 1);
        const QString got = field(p, name);
        if (got != want)
            QFAIL(qPrintable(
                QStringLiteral("field %1: got \"%2\", want \"%3\"").arg(name, got, want)));
    }
}

void TestLineParser::yearInference_data() {
    QTest::addColumn<QDateTime>("reference");
    QTest::addColumn<int>("offsetMin");
    QTest::addColumn<QByteArray>("stamp");
    QTest::addColumn<QString>("utc");

    const QDateTime jan2 = QDateTime(QDate(2027, 1, 2), QTime(3, 0), Qt::UTC);
    QTest::newRow("December line read in January is last year")
        << jan2 << 0 << QByteArray("Dec 31 23:59:59") << "2026-12-31T23:59:59.000Z";
    QTest::newRow("January line read in January is this year")
        << jan2 << 0 << QByteArray("Jan  1 00:00:01") << "2027-01-01T00:00:01.000Z";
    QTest::newRow("New Year in Tokyo, reference still Dec 31 UTC")
        << QDateTime(QDate(2026, 12, 31), QTime(15, 30), Qt::UTC) << 540
        << QByteArray("Jan  1 00:10:00") << "2026-12-31T15:10:00.000Z";
    QTest::newRow("line from later in the year than reference -> last year")
        << QDateTime(QDate(2026, 8, 10), QTime(0, 0), Qt::UTC) << 0 << QByteArray("Sep  1 10:00:00")
        << "2025-09-01T10:00:00.000Z";
    QTest::newRow("clock skew of less than a day stays this year")
        << QDateTime(QDate(2026, 8, 9), QTime(23, 0), Qt::UTC) << 0 << QByteArray("Aug 10 01:00:00")
        << "2026-08-10T01:00:00.000Z";
    QTest::newRow("Feb 29 in a leap year")
        << QDateTime(QDate(2028, 3, 1), QTime(0, 0), Qt::UTC) << 0 << QByteArray("Feb 29 12:00:00")
        << "2028-02-29T12:00:00.000Z";
}

void TestLineParser::yearInference() {
    QFETCH(QDateTime, reference);
    QFETCH(int, offsetMin);
    QFETCH(QByteArray, stamp);
    QFETCH(QString, utc);
    LineParser parser;
    parser.time().setReference(reference.toMSecsSinceEpoch(), offsetMin);
    const QByteArray line = stamp + " mx1 postfix/smtpd[1]: connect from a[192.0.2.1]";
    const ParsedLine p =
        parser.parse(std::string_view(line.constData(), static_cast<std::size_t>(line.size())));
    QCOMPARE(p.status, ParseStatus::Ignored);
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(p.timeMs, Qt::UTC).toString(Qt::ISODateWithMs), utc);
    QVERIFY(p.kinds & EventKind::AssumedTime);
}

void TestLineParser::garbageNeverCrashes() {
    // deterministic pseudo-random bytes, and random mutations of real lines
    const LineParser parser = makeParser();
    std::uint64_t x = 0x2545F4914F6CDD1DULL;
    auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    const QByteArray real(
        "Aug  9 07:48:48 mx1 postfix/postscreen[777]: NOQUEUE: reject: RCPT from "
        "[203.0.113.7]:54321: 550 5.7.1 Service unavailable; client [203.0.113.7] blocked using "
        "zen.spamhaus.org; from=<s@x.test>, to=<r@example.jp>, proto=ESMTP, helo=<h.x.test>");
    int events = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray b;
        if (i % 2) {
            const int n = static_cast<int>(next() % 300);
            b.resize(n);
            for (int j = 0; j < n; ++j)
                b[j] = static_cast<char>(next());
        } else {
            b = real;
            const int flips = 1 + static_cast<int>(next() % 8);
            for (int j = 0; j < flips; ++j)
                b[static_cast<qsizetype>(next() % static_cast<std::uint64_t>(b.size()))] =
                    static_cast<char>(next());
            b.truncate(static_cast<qsizetype>(next() % static_cast<std::uint64_t>(b.size() + 1)));
        }
        const ParsedLine p =
            parser.parse(std::string_view(b.constData(), static_cast<std::size_t>(b.size())));
        if (p.status == ParseStatus::Event)
            ++events;
        // every view points into the input
        for (std::string_view v : {p.host, p.program, p.message, p.clientHost, p.clientIp, p.sender,
                                   p.recipient, p.helo, p.object, p.text, p.user, p.stage}) {
            if (!v.empty()) {
                QVERIFY(v.data() >= b.constData());
                QVERIFY(v.data() + v.size() <= b.constData() + b.size());
            }
        }
    }
    QVERIFY(events > 0);
}

void TestLineParser::longLine() {
    const LineParser parser = makeParser();
    QByteArray line("Aug  9 07:48:48 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
                    "mail.example.net[203.0.113.7]: 554 5.7.1 <x@victim.test>: Relay access "
                    "denied; from=<a@spam.test> to=<x@victim.test> proto=ESMTP helo=<");
    line += QByteArray(10 * 1024, 'h');
    line += ">";
    const ParsedLine p =
        parser.parse(std::string_view(line.constData(), static_cast<std::size_t>(line.size())));
    QCOMPARE(p.status, ParseStatus::Event);
    QCOMPARE(p.reason, ReasonClass::RelayDenied);
    QCOMPARE(p.helo.size(), std::size_t(10 * 1024));
}

void TestLineParser::everyPrefixOfARealLine() {
    const LineParser parser = makeParser();
    const QByteArray lines[] = {
        "Aug  9 07:48:48 mx1 postfix/smtpd[3003]: NOQUEUE: reject: RCPT from "
        "mta123.mail.bbt.yahoo.co.jp[182.22.12.34]: 450 4.1.8 <kvq@zrbzzfmaewphpyi.jp>: Sender "
        "address rejected: Domain not found; from=<kvq@zrbzzfmaewphpyi.jp> to=<info@example.jp> "
        "proto=ESMTP helo=<mta123.mail.bbt.yahoo.co.jp>",
        "2026-08-09T07:48:48.123456+09:00 mx1 dovecot: imap-login: Login aborted: Connection "
        "closed (auth failed, 1 attempts in 2 secs) (auth_failed): user=<bob>, method=PLAIN, "
        "rip=203.0.113.5, lip=192.0.2.1, TLS, session=<AbCdEf12>",
        "<22>1 2026-08-09T07:48:48.123456+09:00 mx1 postfix/cleanup 12345 - [x a=\"]\"] 4F2A1B: "
        "reject: header Subject: x from h[1.2.3.4]; from=<a@b> to=<c@d> proto=ESMTP helo=<h>: "
        "5.7.1 no",
        "Aug  9 07:48:48 mx1 iredapd [198.51.100.20] RCPT, a => b -> c, REJECT Blacklisted "
        "[helo=x]",
    };
    for (const QByteArray &full : lines) {
        for (qsizetype n = 0; n <= full.size(); ++n) {
            const QByteArray b = full.left(n); // a real allocation of exactly n bytes
            const ParsedLine p =
                parser.parse(std::string_view(b.constData(), static_cast<std::size_t>(b.size())));
            Q_UNUSED(p);
        }
    }
}

QTEST_GUILESS_MAIN(TestLineParser)
#include "tst_lineparser.moc"
