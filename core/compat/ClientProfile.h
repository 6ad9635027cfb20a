#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace maildeck::compat {

// The kinds of mail clients the compatibility wizard knows.
enum class ClientKind {
    WindowsLiveMail2012, // POP3 plaintext on 110, non-FQDN HELO, SMTP on 25 instead of 587
    OldPhone,            // speaks only TLS 1.0/1.1
    LanScanner,          // a scanner/printer sending without AUTH from one LAN address
    ExternalWebServer,   // a web server elsewhere sending as the own domain without AUTH
    ModernThunderbird,   // TLS 1.2+, submission with AUTH: must just pass
};

// Who the client is (never stored with a password: password is only for probes).
struct ClientParams {
    QString clientIp;  // the address the server sees
    QString heloName;  // SMTP EHLO/HELO name as the client sends it
    QString user;      // login name (full e-mail address on iRedMail); empty: no login
    QString password;  // probes only; never written anywhere
    QString sender;    // envelope sender (MAIL FROM)
    QString recipient; // envelope recipient (RCPT TO)
};

// One thing a client does against the server.
struct ClientAccess {
    enum class Service { Smtp, Submission, Smtps, Pop3, Pop3s, Imap, Imaps };
    Service service = Service::Smtp;
    quint16 standardPort = 25; // 25, 587, 465, 110, 995, 143, 993 (lab: see compat::servicePort)
    bool startTls = false;     // STARTTLS / STLS before login
    bool implicitTls = false;
    bool authenticates = false;
    QString tlsMaxVersion; // "" (any), "TLSv1", "TLSv1.1"
};

// A client profile: data and the logic of what it does.
struct ClientProfile {
    ClientKind kind = ClientKind::ModernThunderbird;
    QString key; // "wlm2012", "old-phone", "scanner", "web-server", "thunderbird"
    QList<ClientAccess> accesses;

    QString name() const;        // translated
    QString description() const; // translated, what the client does
    // Example parameters (the lab's addresses where a lab client plays this role).
    ClientParams exampleParams() const;
    // Whether the user logs in (POP3/IMAP/SMTP AUTH), so a user and password are asked for.
    bool needsLogin() const;

    static const QList<ClientProfile> &all();
    static std::optional<ClientProfile> byKey(const QString &key);
    static ClientProfile of(ClientKind kind);
};

QString toString(ClientKind kind); // the key

} // namespace maildeck::compat
