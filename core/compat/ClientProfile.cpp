#include "core/compat/ClientProfile.h"

#include <QCoreApplication>

namespace maildeck::compat {

namespace {

using Service = ClientAccess::Service;

ClientAccess access(Service service, quint16 port, bool startTls, bool implicitTls, bool auth,
                    const QString &tlsMax = {}) {
    ClientAccess a;
    a.service = service;
    a.standardPort = port;
    a.startTls = startTls;
    a.implicitTls = implicitTls;
    a.authenticates = auth;
    a.tlsMaxVersion = tlsMax;
    return a;
}

QList<ClientProfile> buildAll() {
    QList<ClientProfile> all;
    {
        ClientProfile p;
        p.kind = ClientKind::WindowsLiveMail2012;
        p.key = QStringLiteral("wlm2012");
        p.accesses = {access(Service::Pop3, 110, false, false, true),
                      access(Service::Smtp, 25, false, false, false)};
        all.append(p);
    }
    {
        ClientProfile p;
        p.kind = ClientKind::OldPhone;
        p.key = QStringLiteral("old-phone");
        p.accesses = {access(Service::Imap, 143, true, false, true, QStringLiteral("TLSv1")),
                      access(Service::Submission, 587, true, false, true, QStringLiteral("TLSv1"))};
        all.append(p);
    }
    {
        ClientProfile p;
        p.kind = ClientKind::LanScanner;
        p.key = QStringLiteral("scanner");
        p.accesses = {access(Service::Smtp, 25, false, false, false)};
        all.append(p);
    }
    {
        ClientProfile p;
        p.kind = ClientKind::ExternalWebServer;
        p.key = QStringLiteral("web-server");
        p.accesses = {access(Service::Smtp, 25, false, false, false)};
        all.append(p);
    }
    {
        ClientProfile p;
        p.kind = ClientKind::ModernThunderbird;
        p.key = QStringLiteral("thunderbird");
        p.accesses = {access(Service::Imap, 143, true, false, true),
                      access(Service::Submission, 587, true, false, true)};
        all.append(p);
    }
    return all;
}

} // namespace

QString ClientProfile::name() const {
    switch (kind) {
    case ClientKind::WindowsLiveMail2012:
        return QCoreApplication::translate("maildeck::compat::ClientProfile",
                                           "Windows Live Mail 2012");
    case ClientKind::OldPhone:
        return QCoreApplication::translate("maildeck::compat::ClientProfile",
                                           "Old phone (TLS 1.0/1.1 only)");
    case ClientKind::LanScanner:
        return QCoreApplication::translate("maildeck::compat::ClientProfile",
                                           "Scanner or printer on the LAN");
    case ClientKind::ExternalWebServer:
        return QCoreApplication::translate("maildeck::compat::ClientProfile",
                                           "Web server sending as the own domain");
    case ClientKind::ModernThunderbird:
        return QCoreApplication::translate("maildeck::compat::ClientProfile",
                                           "Thunderbird (current)");
    }
    return key;
}

QString ClientProfile::description() const {
    switch (kind) {
    case ClientKind::WindowsLiveMail2012:
        return QCoreApplication::translate(
            "maildeck::compat::ClientProfile",
            "Fetches mail with POP3 on port 110 without encryption and sends on port 25 "
            "with a computer name (not a full host name) as HELO.");
    case ClientKind::OldPhone:
        return QCoreApplication::translate(
            "maildeck::compat::ClientProfile",
            "Reads mail with IMAP and sends with SMTP, but can only speak TLS 1.0 or "
            "1.1, which current servers refuse.");
    case ClientKind::LanScanner:
        return QCoreApplication::translate(
            "maildeck::compat::ClientProfile",
            "Sends scans from one fixed LAN address on port 25 without logging in.");
    case ClientKind::ExternalWebServer:
        return QCoreApplication::translate(
            "maildeck::compat::ClientProfile",
            "A web server on another network sends mail (forms, notifications) with a "
            "sender address of this server's own domain, on port 25 without logging in.");
    case ClientKind::ModernThunderbird:
        return QCoreApplication::translate(
            "maildeck::compat::ClientProfile",
            "Reads mail with IMAP and STARTTLS and sends on port 587 with STARTTLS and "
            "a login. It should just work.");
    }
    return {};
}

ClientParams ClientProfile::exampleParams() const {
    ClientParams p;
    switch (kind) {
    case ClientKind::WindowsLiveMail2012:
        p.clientIp = QStringLiteral("127.0.0.5");
        p.heloName = QStringLiteral("HOME-PC");
        break;
    case ClientKind::OldPhone:
        p.clientIp = QStringLiteral("127.0.0.6");
        p.heloName = QStringLiteral("[127.0.0.6]");
        break;
    case ClientKind::LanScanner:
        p.clientIp = QStringLiteral("127.0.0.6");
        p.heloName = QStringLiteral("SCANNER");
        break;
    case ClientKind::ExternalWebServer:
        p.clientIp = QStringLiteral("127.0.0.3");
        p.heloName = QStringLiteral("www.example01.test");
        break;
    case ClientKind::ModernThunderbird:
        p.clientIp = QStringLiteral("127.0.0.2");
        p.heloName = QStringLiteral("[127.0.0.2]");
        break;
    }
    return p;
}

bool ClientProfile::needsLogin() const {
    for (const ClientAccess &a : accesses) {
        if (a.authenticates)
            return true;
    }
    return false;
}

const QList<ClientProfile> &ClientProfile::all() {
    static const QList<ClientProfile> profiles = buildAll();
    return profiles;
}

std::optional<ClientProfile> ClientProfile::byKey(const QString &key) {
    for (const ClientProfile &p : all()) {
        if (p.key == key)
            return p;
    }
    return std::nullopt;
}

ClientProfile ClientProfile::of(ClientKind kind) {
    for (const ClientProfile &p : all()) {
        if (p.kind == kind)
            return p;
    }
    return all().constLast();
}

QString toString(ClientKind kind) {
    return ClientProfile::of(kind).key;
}

} // namespace maildeck::compat
