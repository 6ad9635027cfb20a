#include "core/compat/Diagnosis.h"

#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QMap>
#include <QRegularExpression>

namespace maildeck::compat {

using config::ChangeSet;
using config::ConfigFileKind;
using config::ConfigLocation;
using config::DovecotClient;
using config::DovecotSetting;
using config::PlannedCommand;
using config::PyValue;
using config::ServerConfigSnapshot;

namespace {

// ---------------------------------------------------------------------------------------------
// Edits of several files at once, starting from the snapshot's bytes.

class EditBuffer {
public:
    explicit EditBuffer(const ServerConfigSnapshot &s)
        : m_s(s) {}

    std::optional<QByteArray> content(const QString &path) const {
        if (m_new.contains(path))
            return m_new.value(path);
        if (const config::SnapshotFile *f = m_s.file(path))
            return f->content;
        return std::nullopt;
    }
    Status set(const QString &path, ConfigFileKind kind, const Result<QByteArray> &r,
               const QString &summary) {
        if (!r)
            return r.error();
        if (!m_new.contains(path)) {
            m_order.append(path);
            m_kinds.insert(path, kind);
        }
        m_new.insert(path, *r);
        m_summaries[path].append(summary);
        return {};
    }
    QList<ChangeSet::Input> inputs() const {
        QList<ChangeSet::Input> out;
        for (const QString &path : m_order) {
            const config::SnapshotFile *f = m_s.file(path);
            ChangeSet::Input in;
            in.path = path;
            in.kind = m_kinds.value(path);
            in.oldContent = f ? f->content : QByteArray();
            in.newContent = m_new.value(path);
            in.summary = m_summaries.value(path).join(QStringLiteral("; "));
            if (in.oldContent != in.newContent)
                out.append(in);
        }
        return out;
    }

private:
    const ServerConfigSnapshot &m_s;
    QHash<QString, QByteArray> m_new;
    QHash<QString, ConfigFileKind> m_kinds;
    QHash<QString, QStringList> m_summaries;
    QStringList m_order;
};

// Appends "header {\n  key = value\n}\n" at the end of a Dovecot file.
Result<QByteArray> appendDovecotSection(const QByteArray &content, const QString &header,
                                        const QList<std::pair<QString, QString>> &settings) {
    const QByteArray nl = config::lineTerminator(content);
    QByteArray out = content;
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += nl;
    out += header.toUtf8() + " {" + nl;
    for (const auto &[key, value] : settings) {
        const Result<QString> lit = config::dovecotValueLiteral(value);
        if (!lit)
            return lit.error();
        out += "    " + key.toUtf8() + " = " + lit->toUtf8() + nl;
    }
    out += "}" + nl;
    return out;
}

struct Ctx {
    const ServerConfigSnapshot &s;
    const ClientProfile &profile;
    ClientParams params;
    QStringList proof;
    ServerProfile server;
};

// The name and value of a Dovecot 2.3 setting on this server's version.
std::pair<QString, QString> dovecotNamed(const Ctx &c, const QString &name23,
                                         const QString &value23) {
    const QString name = config::dovecotName(name23, c.s.dovecotVersion);
    const QString value =
        config::dovecotValue(name23, value23, c.s.dovecotVersion).value_or(value23);
    return {name, value};
}

std::optional<DovecotSetting> dovecotFor(const Ctx &c, const QString &name23,
                                         const QString &protocol) {
    if (!c.s.dovecot)
        return std::nullopt;
    DovecotClient client;
    client.protocol = protocol;
    client.remoteIp = c.params.clientIp;
    const QString name = config::dovecotName(name23, c.s.dovecotVersion);
    return c.s.dovecot->resolveFor(name, client);
}

QList<ConfigLocation> otherPlaces(const Ctx &c, const QString &name,
                                  const std::optional<ConfigLocation> &effective) {
    QList<ConfigLocation> out;
    if (!c.s.dovecot)
        return out;
    for (const config::DovecotAssignment &a : c.s.dovecot->assignments()) {
        if (a.key == name && (!effective || !(a.where == *effective)))
            out.append(a.where);
    }
    return out;
}

// Dovecot edits for one client IP (kind Remote), one protocol (kind Protocol) or globally.
enum class DovecotScope { Remote, Protocol, Global };

Status dovecotEdit(const Ctx &c, EditBuffer &buf, DovecotScope scope, const QString &protocol,
                   const QList<std::pair<QString, QString>> &settings23) {
    const QString mainFile = c.s.paths.dovecotConfig;
    QList<std::pair<QString, QString>> toAppend;
    const QString sectionName = scope == DovecotScope::Remote
                                    ? QStringLiteral("remote ") + c.params.clientIp
                                    : QStringLiteral("protocol ") + protocol;
    // The file that already holds this client's remote section, if any (later wins there).
    QString appendFile = mainFile;
    if (c.s.dovecot) {
        for (const config::DovecotAssignment &a : c.s.dovecot->assignments()) {
            if (a.scope.size() == 1 && a.scope.first() == sectionName)
                appendFile = a.where.file;
        }
    }
    for (const auto &[name23, value23] : settings23) {
        const auto [name, value] = dovecotNamed(c, name23, value23);
        std::optional<DovecotSetting> existing;
        if (c.s.dovecot) {
            if (scope == DovecotScope::Global)
                existing = c.s.dovecot->setting(name);
            else
                existing = c.s.dovecot->setting(name, {sectionName});
        }
        if (existing) {
            const ConfigLocation at = existing->effective.where;
            const auto content = buf.content(at.file);
            if (!content)
                return Error{
                    QStringLiteral("compat.file.missing"),
                    QCoreApplication::translate("maildeck::compat::Diagnosis", "%1 was not read.")
                        .arg(at.file),
                    {}};
            const Status st =
                buf.set(at.file, ConfigFileKind::Dovecot,
                        config::dovecotSetValue(*content, at.file, at.line, name, value),
                        QStringLiteral("%1: %2 = %3 -> %4")
                            .arg(at.toString(), name, existing->value(), value));
            if (!st)
                return st;
        } else if (scope == DovecotScope::Global) {
            const auto content = buf.content(mainFile);
            if (!content)
                return Error{
                    QStringLiteral("compat.file.missing"),
                    QCoreApplication::translate("maildeck::compat::Diagnosis", "%1 was not read.")
                        .arg(mainFile),
                    {}};
            const Status st = buf.set(mainFile, ConfigFileKind::Dovecot,
                                      config::dovecotAppendSetting(*content, mainFile, name, value),
                                      QStringLiteral("%1: + %2 = %3").arg(mainFile, name, value));
            if (!st)
                return st;
        } else {
            toAppend.append({name, value});
        }
    }
    if (!toAppend.isEmpty()) {
        const auto content = buf.content(appendFile);
        if (!content)
            return Error{
                QStringLiteral("compat.file.missing"),
                QCoreApplication::translate("maildeck::compat::Diagnosis", "%1 was not read.")
                    .arg(appendFile),
                {}};
        QStringList what;
        for (const auto &[k, v] : toAppend)
            what << k + QStringLiteral(" = ") + v;
        const Status st =
            buf.set(appendFile, ConfigFileKind::Dovecot,
                    appendDovecotSection(*content, sectionName, toAppend),
                    QStringLiteral("%1: + %2 { %3 }")
                        .arg(appendFile, sectionName, what.join(QStringLiteral("; "))));
        if (!st)
            return st;
    }
    return {};
}

PlannedCommand doveconfCheck(const Ctx &c, const QString &protocol, bool forClient,
                             const QString &name23, const QString &value23) {
    const auto [name, value] = dovecotNamed(c, name23, value23);
    PlannedCommand p;
    p.argv = {QStringLiteral("doveconf"), QStringLiteral("-c"), c.s.paths.dovecotConfig};
    if (forClient)
        p.argv << QStringLiteral("-f") << QStringLiteral("remote=") + c.params.clientIp;
    if (!protocol.isEmpty())
        p.argv << QStringLiteral("-f") << QStringLiteral("protocol=") + protocol;
    p.argv << QStringLiteral("-h") << name;
    p.purpose = QCoreApplication::translate("maildeck::compat::Diagnosis",
                                            "Dovecot gives the client %1 = %2")
                    .arg(name, value);
    p.expectStdout = value;
    return p;
}

PlannedCommand postconfCheck(const Ctx &c, const QString &name, const QString &value) {
    PlannedCommand p;
    p.argv = {QStringLiteral("postconf"), QStringLiteral("-c"), c.s.paths.postfixConfigDir,
              QStringLiteral("-h"), name};
    p.purpose = QCoreApplication::translate("maildeck::compat::Diagnosis", "Postfix uses %1 = %2")
                    .arg(name, value);
    p.expectStdout = value;
    return p;
}

ProbeSpec probe(const Ctx &c, ProbeProtocol protocol, quint16 standardPort, ProbeTls tls) {
    ProbeSpec p;
    p.protocol = protocol;
    p.host = c.server.host.isEmpty() ? QStringLiteral("127.0.0.1") : c.server.host;
    p.port = servicePort(c.server, standardPort);
    p.tls = tls;
    p.sourceAddress = c.params.clientIp;
    p.heloName = c.params.heloName;
    return p;
}

ProbeSpec loginProbe(const Ctx &c, ProbeProtocol protocol, quint16 port, ProbeTls tls) {
    ProbeSpec p = probe(c, protocol, port, tls);
    p.user = c.params.user;
    return p;
}

ProbeSpec sendProbe(const Ctx &c, quint16 port, ProbeTls tls, bool auth) {
    ProbeSpec p = probe(c, ProbeProtocol::Smtp, port, tls);
    if (auth)
        p.user = c.params.user;
    p.mailFrom = c.params.sender;
    if (!c.params.recipient.isEmpty())
        p.rcptTo = {c.params.recipient};
    return p;
}

Blocker dovecotBlocker(const Ctx &c, const QString &id, const QString &name23,
                       const std::optional<DovecotSetting> &eff, const QString &defaultValue,
                       const QString &explanation, const QRegularExpression &proofPattern) {
    Blocker b;
    b.id = id;
    b.component = QStringLiteral("dovecot");
    b.setting = config::dovecotName(name23, c.s.dovecotVersion);
    if (eff) {
        b.effectiveValue = eff->value();
        b.where = eff->effective.where;
    } else {
        b.effectiveValue = defaultValue;
    }
    b.alsoSetIn = otherPlaces(c, b.setting, b.where);
    b.explanation = explanation;
    for (const QString &l : c.proof) {
        if (proofPattern.match(l).hasMatch())
            b.logProof.append(l);
    }
    return b;
}

FixOption clientSide(const QString &id, const QString &title, const QString &cost) {
    FixOption o;
    o.scope = FixOption::Scope::ClientSide;
    o.id = id;
    o.title = title;
    o.securityCost = cost;
    return o;
}

bool inNetworks(const QString &ip, const QStringList &networks) {
    const QHostAddress addr(ip);
    for (QString n : networks) {
        n = n.trimmed();
        if (n.startsWith(QLatin1Char('[')))
            n.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
        if (n == ip)
            return true;
        if (n.contains(QLatin1Char('/'))) {
            const auto subnet = QHostAddress::parseSubnet(n);
            if (!subnet.first.isNull() && addr.isInSubnet(subnet))
                return true;
        }
    }
    return false;
}

QStringList postfixList(const QString &value) {
    return value.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
}

// TLS 1.0, which the old phone speaks (deprecated in Qt: only probes use it).
QSsl::SslProtocol tls10() {
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED
    return QSsl::TlsV1_0;
    QT_WARNING_POP
}

QString domainOf(const QString &address) {
    return address.mid(address.lastIndexOf(QLatin1Char('@')) + 1).toLower();
}

// ---------------------------------------------------------------------------------------------

void diagnoseWlm(Ctx &c, Diagnosis &d) {
    const auto ssl = dovecotFor(c, QStringLiteral("ssl"), QStringLiteral("pop3"));
    const auto dpa =
        dovecotFor(c, QStringLiteral("disable_plaintext_auth"), QStringLiteral("pop3"));
    const QString sslValue = ssl ? ssl->value() : QStringLiteral("yes");
    bool plaintextBlocked = false;
    QString dpaValue = dpa ? dpa->value() : QStringLiteral("yes");
    if (c.s.dovecotVersion.atLeast(2, 4)) // auth_allow_cleartext: inverted
        dpaValue = dpaValue == QLatin1String("yes") ? QStringLiteral("no") : QStringLiteral("yes");
    static const QRegularExpression plainProof(
        QStringLiteral("plaintext auth|disallowed plaintext|ssl_required|SSL required"),
        QRegularExpression::CaseInsensitiveOption);
    if (sslValue == QLatin1String("required")) {
        plaintextBlocked = true;
        d.blockers.append(dovecotBlocker(
            c, QStringLiteral("dovecot.ssl-required"), QStringLiteral("ssl"), ssl,
            QStringLiteral("yes"),
            QCoreApplication::translate(
                "maildeck::compat::Diagnosis",
                "Dovecot requires TLS for this client (ssl = required): a login without "
                "encryption on port 110 is always refused."),
            plainProof));
    }
    if (dpaValue == QLatin1String("yes")) {
        plaintextBlocked = true;
        d.blockers.append(dovecotBlocker(
            c, QStringLiteral("dovecot.plaintext-auth"), QStringLiteral("disable_plaintext_auth"),
            dpa, QStringLiteral("yes"),
            QCoreApplication::translate(
                "maildeck::compat::Diagnosis",
                "Dovecot refuses passwords sent without encryption for this client "
                "(disable_plaintext_auth = yes): Windows Live Mail sends USER/PASS in plain text "
                "on port 110."),
            plainProof));
    }
    // SMTP on port 25 with a computer name as HELO.
    bool heloBlocked = false;
    if (c.s.mainCf) {
        const QString helo = c.params.heloName;
        const QString restrictions =
            c.s.mainCf->effective(QStringLiteral("smtpd_helo_restrictions"))
                .value_or(config::PostfixParameter{})
                .value;
        if (!helo.contains(QLatin1Char('.')) && !helo.startsWith(QLatin1Char('[')) &&
            postfixList(restrictions).contains(QStringLiteral("reject_non_fqdn_helo_hostname"))) {
            heloBlocked = true;
            Blocker b;
            b.id = QStringLiteral("postfix.helo-non-fqdn");
            b.component = QStringLiteral("postfix");
            b.setting = QStringLiteral("smtpd_helo_restrictions");
            b.effectiveValue = restrictions;
            if (const auto e = c.s.mainCf->effective(b.setting))
                b.where = ConfigLocation{c.s.mainCfPath(), e->firstLine};
            b.explanation = QCoreApplication::translate(
                                "maildeck::compat::Diagnosis",
                                "Postfix rejects the HELO name \"%1\" on port 25 "
                                "(reject_non_fqdn_helo_hostname): it is not a full host name. "
                                "On port 587 with a login this check does not apply.")
                                .arg(helo);
            for (const QString &l : c.proof) {
                if (l.contains(QLatin1String("Helo command rejected"), Qt::CaseInsensitive))
                    b.logProof.append(l);
            }
            d.blockers.append(b);
        }
    }
    if (!plaintextBlocked && !heloBlocked)
        return;

    FixOption client = clientSide(
        QStringLiteral("wlm.client-ssl"),
        QCoreApplication::translate(
            "maildeck::compat::Diagnosis",
            "Tell the user to use POP3 over SSL on port 995 and SMTP on port 587 with STARTTLS "
            "and authentication"),
        QCoreApplication::translate(
            "maildeck::compat::Diagnosis",
            "None: the server stays as it is and the password is no longer sent in plain text."));
    client.recommended = true;
    client.probes.append(loginProbe(c, ProbeProtocol::Pop3, 995, ProbeTls::Implicit));
    d.options.append(client);
    if (!plaintextBlocked || !c.s.dovecot)
        return;

    QList<std::pair<QString, QString>> settings{
        {QStringLiteral("disable_plaintext_auth"), QStringLiteral("no")}};
    if (sslValue == QLatin1String("required"))
        settings.append({QStringLiteral("ssl"), QStringLiteral("yes")});
    const ProbeSpec pop3Plain = loginProbe(c, ProbeProtocol::Pop3, 110, ProbeTls::None);

    struct Variant {
        DovecotScope scope;
        FixOption::Scope optionScope;
        const char *id;
        QString title;
        QString cost;
    };
    const QList<Variant> variants{
        {DovecotScope::Remote, FixOption::Scope::ThisClient, "wlm.remote-plaintext",
         QCoreApplication::translate("maildeck::compat::Diagnosis",
                                     "Allow plain-text POP3 logins only from %1 (remote %1 { … })")
             .arg(c.params.clientIp),
         QCoreApplication::translate(
             "maildeck::compat::Diagnosis",
             "The password of every user logging in from %1 crosses the network unencrypted "
             "and can be read by anyone on the path. Other addresses are not affected.")
             .arg(c.params.clientIp)},
        {DovecotScope::Protocol, FixOption::Scope::Protocol, "wlm.protocol-pop3",
         QCoreApplication::translate("maildeck::compat::Diagnosis",
                                     "Allow plain-text logins for POP3 (protocol pop3 { … })"),
         QCoreApplication::translate(
             "maildeck::compat::Diagnosis",
             "Every POP3 client from anywhere may send its password unencrypted; attackers "
             "can read passwords on the network.")},
        {DovecotScope::Global, FixOption::Scope::Global, "wlm.global",
         QCoreApplication::translate("maildeck::compat::Diagnosis",
                                     "Allow plain-text logins everywhere (global setting)"),
         QCoreApplication::translate(
             "maildeck::compat::Diagnosis",
             "Every protocol (IMAP, POP3, SMTP AUTH through Dovecot) accepts unencrypted "
             "passwords from anywhere: the broadest and weakest choice.")},
    };
    for (const Variant &v : variants) {
        EditBuffer buf(c.s);
        if (!dovecotEdit(c, buf, v.scope, QStringLiteral("pop3"), settings))
            continue;
        FixOption o;
        o.scope = v.optionScope;
        o.id = QString::fromLatin1(v.id);
        o.title = v.title;
        o.securityCost = v.cost;
        o.changeTitle =
            QCoreApplication::translate("maildeck::compat::Diagnosis", "Compatibility: %1 for %2")
                .arg(c.profile.name(), c.params.clientIp);
        o.edits = buf.inputs();
        for (const auto &[k, val] : settings)
            o.postChecks.append(doveconfCheck(c, QStringLiteral("pop3"), true, k, val));
        o.probes.append(pop3Plain);
        d.options.append(o);
    }
    d.probes.append(pop3Plain);
}

void diagnoseOldPhone(Ctx &c, Diagnosis &d) {
    const auto minProto = dovecotFor(c, QStringLiteral("ssl_min_protocol"), QStringLiteral("imap"));
    const auto ciphers = dovecotFor(c, QStringLiteral("ssl_cipher_list"), QStringLiteral("imap"));
    const QString minValue = minProto ? minProto->value() : QStringLiteral("TLSv1.2");
    const QString cipherValue =
        ciphers ? ciphers->value()
                : QStringLiteral("ALL:!kRSA:!SRP:!kDHd:!DSS:!aNULL:!eNULL:!EXPORT:!DES:!3DES:!"
                                 "MD5:!PSK:!RC4:!ADH:!LOW@STRENGTH");
    static const QRegularExpression tlsProof(
        QStringLiteral("SSL|TLS|unsupported protocol|wrong version|no shared cipher"),
        QRegularExpression::CaseInsensitiveOption);
    const bool dovecotBlocks = c.s.dovecot && minValue != QLatin1String("TLSv1") &&
                               minValue != QLatin1String("SSLv3") &&
                               minValue != QLatin1String("ANY");
    if (dovecotBlocks) {
        d.blockers.append(dovecotBlocker(
            c, QStringLiteral("dovecot.tls-min"), QStringLiteral("ssl_min_protocol"), minProto,
            QStringLiteral("TLSv1.2"),
            QCoreApplication::translate(
                "maildeck::compat::Diagnosis",
                "Dovecot accepts TLS %1 or later for this client; the phone only speaks TLS 1.0 "
                "or 1.1.")
                .arg(minValue),
            tlsProof));
    }
    // Postfix submission: smtpd_tls_mandatory_protocols (encrypt level) and smtpd_tls_protocols.
    QStringList postfixBlocking;
    std::optional<config::MasterService> submission;
    if (c.s.masterCf) {
        for (const config::MasterService &svc : c.s.masterCf->services()) {
            const QString port = QString::number(servicePort(c.server, 587));
            if (svc.type == QLatin1String("inet") &&
                (svc.service == QLatin1String("submission") ||
                 svc.service.endsWith(QLatin1Char(':') + port) || svc.service == port))
                submission = svc;
        }
    }
    if (c.s.mainCf && submission) {
        for (const QString &name : {QStringLiteral("smtpd_tls_mandatory_protocols"),
                                    QStringLiteral("smtpd_tls_protocols")}) {
            QString value = submission->option(name).value_or(
                c.s.mainCf->effective(name).value_or(config::PostfixParameter{}).value);
            const QStringList items = postfixList(value);
            if (items.contains(QStringLiteral("!TLSv1")) ||
                value.contains(QLatin1String(">=TLSv1.2")) ||
                value.contains(QLatin1String(">=TLSv1.1"))) {
                postfixBlocking.append(name);
                Blocker b;
                b.id = QStringLiteral("postfix.") + name;
                b.component = QStringLiteral("postfix");
                b.setting = name;
                b.effectiveValue = value;
                if (const auto o = submission->option(name)) {
                    for (const config::MasterOption &mo : submission->options) {
                        if (mo.name == name)
                            b.where = ConfigLocation{c.s.masterCfPath(), mo.line};
                    }
                } else if (const auto e = c.s.mainCf->effective(name)) {
                    b.where = ConfigLocation{c.s.mainCfPath(), e->firstLine};
                }
                b.explanation = QCoreApplication::translate(
                                    "maildeck::compat::Diagnosis",
                                    "Postfix's submission service refuses TLS 1.0/1.1 (%1 = %2).")
                                    .arg(name, value);
                for (const QString &l : c.proof) {
                    if (l.contains(QLatin1String("postfix")) && tlsProof.match(l).hasMatch())
                        b.logProof.append(l);
                }
                d.blockers.append(b);
            }
        }
    }
    if (!dovecotBlocks && postfixBlocking.isEmpty())
        return;

    FixOption client = clientSide(
        QStringLiteral("phone.client-update"),
        QCoreApplication::translate("maildeck::compat::Diagnosis",
                                    "Update the phone or use a mail app that supports TLS 1.2"),
        QCoreApplication::translate(
            "maildeck::compat::Diagnosis",
            "None: TLS 1.0 and 1.1 have known weaknesses; keeping them off protects every user."));
    client.recommended = true;
    d.options.append(client);

    const QString seclevelCiphers = cipherValue.contains(QLatin1String("@SECLEVEL="))
                                        ? cipherValue
                                        : cipherValue + QStringLiteral(":@SECLEVEL=0");
    const QList<std::pair<QString, QString>> settings{
        {QStringLiteral("ssl_min_protocol"), QStringLiteral("TLSv1")},
        {QStringLiteral("ssl_cipher_list"), seclevelCiphers}};
    ProbeSpec imapOld = loginProbe(c, ProbeProtocol::Imap, 143, ProbeTls::StartTls);
    imapOld.tlsVersion = tls10();
    const QString opensslCost = QCoreApplication::translate(
        "maildeck::compat::Diagnosis",
        " OpenSSL 3 refuses TLS 1.0/1.1 at its default security level, so the cipher list "
        "gets @SECLEVEL=0, which also allows weak keys and hashes for these connections.");
    if (dovecotBlocks) {
        EditBuffer buf(c.s);
        if (dovecotEdit(c, buf, DovecotScope::Remote, {}, settings)) {
            FixOption o;
            o.scope = FixOption::Scope::ThisClient;
            o.id = QStringLiteral("phone.remote-tls10");
            o.title = QCoreApplication::translate(
                          "maildeck::compat::Diagnosis",
                          "Allow TLS 1.0 in Dovecot only for %1 (remote %1 { … })")
                          .arg(c.params.clientIp);
            o.securityCost =
                QCoreApplication::translate(
                    "maildeck::compat::Diagnosis",
                    "Connections from %1 may use TLS 1.0, which an attacker on the path may be "
                    "able to weaken or decrypt.")
                    .arg(c.params.clientIp) +
                opensslCost;
            o.changeTitle = QCoreApplication::translate("maildeck::compat::Diagnosis",
                                                        "Compatibility: %1 for %2")
                                .arg(c.profile.name(), c.params.clientIp);
            o.edits = buf.inputs();
            o.postChecks.append(doveconfCheck(c, {}, true, QStringLiteral("ssl_min_protocol"),
                                              QStringLiteral("TLSv1")));
            o.probes.append(imapOld);
            d.options.append(o);
        }
    }
    if (!postfixBlocking.isEmpty() && submission && c.s.masterCf) {
        QByteArray content = c.s.masterCf->content();
        bool ok = true;
        QStringList what;
        for (const QString &name : postfixBlocking) {
            auto parsed = config::PostfixMasterCf::parse(content, c.s.masterCfPath());
            if (!parsed) {
                ok = false;
                break;
            }
            auto r = parsed->withOption(submission->service, submission->type, name,
                                        QStringLiteral("!SSLv2,!SSLv3"));
            if (!r) {
                ok = false;
                break;
            }
            content = *r;
            what << QStringLiteral("-o %1=!SSLv2,!SSLv3").arg(name);
        }
        if (ok) {
            FixOption o;
            o.scope = FixOption::Scope::ThisService;
            o.id = QStringLiteral("phone.submission-tls10");
            o.title = QCoreApplication::translate(
                "maildeck::compat::Diagnosis",
                "Allow TLS 1.0 on the submission port only (master.cf -o overrides)");
            o.securityCost = QCoreApplication::translate(
                "maildeck::compat::Diagnosis",
                "Every client of the submission port may use TLS 1.0; port 25 and the other "
                "services keep their settings. Where OpenSSL's system-wide security level "
                "still refuses TLS 1.0, Postfix also needs @SECLEVEL=0 in its cipher list.");
            o.changeTitle = QCoreApplication::translate("maildeck::compat::Diagnosis",
                                                        "Compatibility: %1 for %2")
                                .arg(c.profile.name(), c.params.clientIp);
            ChangeSet::Input in;
            in.path = c.s.masterCfPath();
            in.kind = ConfigFileKind::PostfixMaster;
            in.oldContent = c.s.masterCf->content();
            in.newContent = content;
            in.summary = QStringLiteral("%1 %2: %3")
                             .arg(in.path, submission->key(), what.join(QLatin1Char(' ')));
            o.edits.append(in);
            ProbeSpec smtpOld = sendProbe(c, 587, ProbeTls::StartTls, true);
            smtpOld.tlsVersion = tls10();
            o.probes.append(smtpOld);
            d.options.append(o);
        }
    }
    if (dovecotBlocks) {
        EditBuffer buf(c.s);
        if (dovecotEdit(c, buf, DovecotScope::Global, {}, settings)) {
            FixOption o;
            o.scope = FixOption::Scope::Global;
            o.id = QStringLiteral("phone.global-tls10");
            o.title = QCoreApplication::translate(
                "maildeck::compat::Diagnosis",
                "Allow TLS 1.0 in Dovecot for everyone (global setting)");
            o.securityCost =
                QCoreApplication::translate("maildeck::compat::Diagnosis",
                                            "Every IMAP and POP3 client may use TLS 1.0.") +
                opensslCost;
            o.changeTitle = QCoreApplication::translate("maildeck::compat::Diagnosis",
                                                        "Compatibility: %1 for %2")
                                .arg(c.profile.name(), c.params.clientIp);
            o.edits = buf.inputs();
            o.postChecks.append(doveconfCheck(c, {}, false, QStringLiteral("ssl_min_protocol"),
                                              QStringLiteral("TLSv1")));
            o.probes.append(imapOld);
            d.options.append(o);
        }
    }
    if (dovecotBlocks)
        d.probes.append(imapOld);
}

// iRedAPD's reject_sender_login_mismatch for an unauthenticated sender in a local domain.
struct IredapdState {
    bool pluginOn = false;
    bool checkForged = true;
    bool spfAllowed = true;
    QStringList mynetworks;
    QStringList allowedForged;
    std::optional<ConfigLocation> spfWhere;
    std::optional<ConfigLocation> mynetworksWhere;
};

IredapdState iredapdState(const Ctx &c) {
    IredapdState st;
    if (!c.s.iredapd)
        return st;
    const auto &ir = *c.s.iredapd;
    if (const auto p = ir.effective(QStringLiteral("plugins")))
        st.pluginOn =
            p->value.toStringList().contains(QStringLiteral("reject_sender_login_mismatch"));
    if (const auto v = ir.effective(QStringLiteral("CHECK_FORGED_SENDER")))
        st.checkForged = v->value.isTrue();
    if (const auto v = ir.effective(QStringLiteral("CHECK_SPF_IF_LOGIN_MISMATCH"))) {
        st.spfAllowed = v->value.isTrue();
        st.spfWhere = v->where;
    }
    if (const auto v = ir.effective(QStringLiteral("MYNETWORKS"))) {
        st.mynetworks = v->value.toStringList();
        st.mynetworksWhere = v->where;
    }
    if (const auto v = ir.effective(QStringLiteral("ALLOWED_FORGED_SENDERS")))
        st.allowedForged = v->value.toStringList();
    return st;
}

bool forgedAllowed(const QStringList &allowed, const QString &sender) {
    const QString s = sender.toLower();
    const QString domain = domainOf(s);
    const QString local = s.left(s.lastIndexOf(QLatin1Char('@')));
    for (const QString &a : allowed) {
        const QString x = a.toLower();
        if (x == s || x == domain || x == QStringLiteral("@") + domain ||
            x == local + QStringLiteral("@*"))
            return true;
    }
    return false;
}

Status iredapdSetList(const Ctx &c, EditBuffer &buf, const QString &name, const QStringList &list) {
    if (!c.s.iredapd)
        return Error{QStringLiteral("compat.iredapd.missing"),
                     QCoreApplication::translate("maildeck::compat::Diagnosis",
                                                 "iRedAPD's settings.py was not read."),
                     {}};
    const QString path = c.s.paths.iredapdSettings;
    const auto content = buf.content(path);
    auto parsed = config::IredapdSettings::parse(*content, path);
    if (!parsed)
        return parsed.error();
    return buf.set(
        path, ConfigFileKind::IredapdSettings,
        parsed->withValue(name, PyValue::fromStringList(list)),
        QStringLiteral("%1: %2 = %3").arg(path, name, PyValue::fromStringList(list).toLiteral()));
}

Blocker iredapdBlocker(const Ctx &c, const IredapdState &st) {
    Blocker b;
    b.id = QStringLiteral("iredapd.smtp-auth-required");
    b.component = QStringLiteral("iredapd");
    b.setting = QStringLiteral("MYNETWORKS");
    b.effectiveValue = PyValue::fromStringList(st.mynetworks).toLiteral();
    b.where = st.mynetworksWhere;
    if (st.spfWhere)
        b.alsoSetIn.append(*st.spfWhere);
    b.explanation =
        QCoreApplication::translate(
            "maildeck::compat::Diagnosis",
            "iRedAPD (reject_sender_login_mismatch) rejects mail from %1 with a sender in a local "
            "domain (%2) that did not log in: \"SMTP AUTH is required for users under this sender "
            "domain\". %1 is not in MYNETWORKS, the sender is not in ALLOWED_FORGED_SENDERS, and "
            "CHECK_SPF_IF_LOGIN_MISMATCH = %3.")
            .arg(c.params.clientIp, domainOf(c.params.sender),
                 st.spfAllowed ? QStringLiteral("True") : QStringLiteral("False"));
    for (const QString &l : c.proof) {
        if (l.contains(QLatin1String("SMTP AUTH is required"), Qt::CaseInsensitive))
            b.logProof.append(l);
    }
    return b;
}

void diagnoseScanner(Ctx &c, Diagnosis &d) {
    QString mynetworks;
    std::optional<ConfigLocation> where;
    if (c.s.mainCf) {
        if (const auto e = c.s.mainCf->effective(QStringLiteral("mynetworks"))) {
            mynetworks = e->value;
            where = ConfigLocation{c.s.mainCfPath(), e->firstLine};
        }
    }
    const bool postfixTrusts = inNetworks(c.params.clientIp, postfixList(mynetworks));
    const IredapdState st = iredapdState(c);
    const bool iredapdTrusts = !st.pluginOn || c.params.clientIp == QLatin1String("127.0.0.1") ||
                               inNetworks(c.params.clientIp, st.mynetworks);
    if (!postfixTrusts) {
        Blocker b;
        b.id = QStringLiteral("postfix.mynetworks");
        b.component = QStringLiteral("postfix");
        b.setting = QStringLiteral("mynetworks");
        b.effectiveValue = mynetworks;
        b.where = where;
        b.explanation =
            QCoreApplication::translate(
                "maildeck::compat::Diagnosis",
                "Postfix does not trust %1 (not in mynetworks): without a login it may not relay "
                "to other domains, and a HELO name like \"%2\" is rejected.")
                .arg(c.params.clientIp, c.params.heloName);
        for (const QString &l : c.proof) {
            if (l.contains(QLatin1String("reject:")))
                b.logProof.append(l);
        }
        d.blockers.append(b);
    }
    if (!iredapdTrusts && st.checkForged)
        d.blockers.append(iredapdBlocker(c, st));
    if (d.blockers.isEmpty())
        return;

    FixOption client = clientSide(
        QStringLiteral("scanner.client-auth"),
        QCoreApplication::translate(
            "maildeck::compat::Diagnosis",
            "Configure the scanner to log in (SMTP AUTH) with a mailbox on port 587"),
        QCoreApplication::translate(
            "maildeck::compat::Diagnosis",
            "None on the server, but the scanner must support STARTTLS and a login, and its "
            "password is stored in the device."));
    d.options.append(client);

    EditBuffer buf(c.s);
    const QString cidr = c.params.clientIp.contains(QLatin1Char(':'))
                             ? c.params.clientIp + QStringLiteral("/128")
                             : c.params.clientIp + QStringLiteral("/32");
    QString newNetworks = mynetworks.trimmed();
    bool ok = true;
    if (!postfixTrusts && c.s.mainCf) {
        newNetworks = newNetworks.isEmpty() ? cidr : newNetworks + QLatin1Char(' ') + cidr;
        const auto content = buf.content(c.s.mainCfPath());
        auto parsed = config::PostfixMainCf::parse(*content, c.s.mainCfPath());
        ok = parsed &&
             buf.set(c.s.mainCfPath(), ConfigFileKind::PostfixMain,
                     parsed->withParameter(QStringLiteral("mynetworks"), newNetworks),
                     QStringLiteral("%1: mynetworks = %2").arg(c.s.mainCfPath(), newNetworks));
    }
    if (ok && !iredapdTrusts)
        ok = bool(iredapdSetList(c, buf, QStringLiteral("MYNETWORKS"),
                                 st.mynetworks + QStringList{c.params.clientIp}));
    if (ok) {
        FixOption o;
        o.scope = FixOption::Scope::ThisClient;
        o.id = QStringLiteral("scanner.mynetworks");
        o.title =
            QCoreApplication::translate("maildeck::compat::Diagnosis",
                                        "Trust %1 in Postfix (mynetworks) and iRedAPD (MYNETWORKS)")
                .arg(c.params.clientIp);
        o.securityCost = QCoreApplication::translate(
                             "maildeck::compat::Diagnosis",
                             "Anything at %1 may send mail anywhere without a login, as any "
                             "sender: a compromised or replaced device there can relay spam "
                             "through this server.")
                             .arg(c.params.clientIp);
        o.recommended = true;
        o.changeTitle =
            QCoreApplication::translate("maildeck::compat::Diagnosis", "Compatibility: %1 for %2")
                .arg(c.profile.name(), c.params.clientIp);
        o.edits = buf.inputs();
        if (!postfixTrusts)
            o.postChecks.append(postconfCheck(c, QStringLiteral("mynetworks"), newNetworks));
        o.probes.append(sendProbe(c, 25, ProbeTls::None, false));
        d.options.append(o);
    }
    d.probes.append(sendProbe(c, 25, ProbeTls::None, false));
}

void diagnoseWebServer(Ctx &c, Diagnosis &d) {
    const IredapdState st = iredapdState(c);
    const bool trusted = c.params.clientIp == QLatin1String("127.0.0.1") ||
                         inNetworks(c.params.clientIp, st.mynetworks);
    if (!st.pluginOn || !st.checkForged || trusted ||
        forgedAllowed(st.allowedForged, c.params.sender))
        return;
    Blocker b = iredapdBlocker(c, st);
    if (!st.spfAllowed) {
        b.setting = QStringLiteral("CHECK_SPF_IF_LOGIN_MISMATCH");
        b.effectiveValue = QStringLiteral("False");
        b.where = st.spfWhere;
        b.alsoSetIn.clear();
        if (st.mynetworksWhere)
            b.alsoSetIn.append(*st.mynetworksWhere);
    }
    d.blockers.append(b);

    FixOption client = clientSide(
        QStringLiteral("web.client-auth"),
        QCoreApplication::translate(
            "maildeck::compat::Diagnosis",
            "Let the web application send with SMTP AUTH on port 587 (a mailbox for it)"),
        QCoreApplication::translate(
            "maildeck::compat::Diagnosis",
            "None: the server keeps requiring a login for senders of its own domains."));
    client.recommended = true;
    d.options.append(client);
    const ProbeSpec send = sendProbe(c, 25, ProbeTls::None, false);
    const QString title =
        QCoreApplication::translate("maildeck::compat::Diagnosis", "Compatibility: %1 for %2")
            .arg(c.profile.name(), c.params.clientIp);
    if (!st.spfAllowed && c.s.iredapd) {
        EditBuffer buf(c.s);
        const QString path = c.s.paths.iredapdSettings;
        if (buf.set(path, ConfigFileKind::IredapdSettings,
                    c.s.iredapd->withValue(QStringLiteral("CHECK_SPF_IF_LOGIN_MISMATCH"),
                                           PyValue::fromBool(true)),
                    QStringLiteral("%1: CHECK_SPF_IF_LOGIN_MISMATCH = True").arg(path))) {
            FixOption o;
            o.scope = FixOption::Scope::ThisAddress;
            o.id = QStringLiteral("web.spf");
            o.title = QCoreApplication::translate(
                "maildeck::compat::Diagnosis",
                "Accept unauthenticated senders of a local domain from hosts listed in "
                "that domain's SPF record (CHECK_SPF_IF_LOGIN_MISMATCH = True)");
            o.securityCost = QCoreApplication::translate(
                                 "maildeck::compat::Diagnosis",
                                 "Works only if %1 is in the SPF record of %2. Every host in the "
                                 "SPF records of your domains may then send as any address of "
                                 "that domain without a login.")
                                 .arg(c.params.clientIp, domainOf(c.params.sender));
            o.changeTitle = title;
            o.edits = buf.inputs();
            o.probes.append(send);
            d.options.append(o);
        }
    }
    {
        EditBuffer buf(c.s);
        if (iredapdSetList(c, buf, QStringLiteral("MYNETWORKS"),
                           st.mynetworks + QStringList{c.params.clientIp})) {
            FixOption o;
            o.scope = FixOption::Scope::ThisClient;
            o.id = QStringLiteral("web.mynetworks");
            o.title = QCoreApplication::translate("maildeck::compat::Diagnosis",
                                                  "Trust %1 in iRedAPD (MYNETWORKS)")
                          .arg(c.params.clientIp);
            o.securityCost = QCoreApplication::translate(
                                 "maildeck::compat::Diagnosis",
                                 "%1 skips iRedAPD's sender checks (and other policy checks): "
                                 "it may send as any address of your domains.")
                                 .arg(c.params.clientIp);
            o.changeTitle = title;
            o.edits = buf.inputs();
            o.probes.append(send);
            d.options.append(o);
        }
    }
    if (!c.params.sender.isEmpty()) {
        EditBuffer buf(c.s);
        if (iredapdSetList(c, buf, QStringLiteral("ALLOWED_FORGED_SENDERS"),
                           st.allowedForged + QStringList{c.params.sender.toLower()})) {
            FixOption o;
            o.scope = FixOption::Scope::Global;
            o.id = QStringLiteral("web.allowed-forged");
            o.title =
                QCoreApplication::translate("maildeck::compat::Diagnosis",
                                            "Allow %1 as sender without a login from anywhere "
                                            "(ALLOWED_FORGED_SENDERS)")
                    .arg(c.params.sender);
            o.securityCost = QCoreApplication::translate(
                                 "maildeck::compat::Diagnosis",
                                 "Any host on the internet may send mail as %1 without a login; "
                                 "spammers can forge it freely.")
                                 .arg(c.params.sender);
            o.changeTitle = title;
            o.edits = buf.inputs();
            o.probes.append(send);
            d.options.append(o);
        }
    }
    d.probes.append(send);
}

void diagnoseThunderbird(Ctx &c, Diagnosis &d) {
    // Modern clients: TLS 1.2+, STARTTLS, a login. Blocked only if the server turned TLS off.
    const auto ssl = dovecotFor(c, QStringLiteral("ssl"), QStringLiteral("imap"));
    if (ssl && ssl->value() == QLatin1String("no")) {
        d.blockers.append(dovecotBlocker(
            c, QStringLiteral("dovecot.ssl-off"), QStringLiteral("ssl"), ssl, QStringLiteral("yes"),
            QCoreApplication::translate("maildeck::compat::Diagnosis",
                                        "Dovecot has TLS switched off (ssl = no)."),
            QRegularExpression(QStringLiteral("STARTTLS"))));
    }
    d.probes.append(loginProbe(c, ProbeProtocol::Imap, 143, ProbeTls::StartTls));
    d.probes.append(sendProbe(c, 587, ProbeTls::StartTls, true));
}

} // namespace

QStringList proofLines(const QStringList &logLines, const ClientProfile &profile,
                       const ClientParams &params) {
    QStringList out;
    if (params.clientIp.isEmpty())
        return out;
    const QRegularExpression ip(QStringLiteral("(?<![0-9.])") +
                                QRegularExpression::escape(params.clientIp) +
                                QStringLiteral("(?![0-9])"));
    QString pattern;
    switch (profile.kind) {
    case ClientKind::WindowsLiveMail2012:
        pattern = QStringLiteral("plaintext|Helo command rejected|auth failed|reject:");
        break;
    case ClientKind::OldPhone:
        pattern = QStringLiteral("SSL|TLS|unsupported protocol|wrong version|no shared cipher");
        break;
    case ClientKind::LanScanner:
    case ClientKind::ExternalWebServer:
        pattern = QStringLiteral("reject:|SMTP AUTH is required|Relay access denied|REJECT");
        break;
    case ClientKind::ModernThunderbird:
        pattern = QStringLiteral("reject:|auth failed|Disconnected|SSL|TLS");
        break;
    }
    const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    for (const QString &l : logLines) {
        if (ip.match(l).hasMatch() && re.match(l).hasMatch())
            out.append(l);
    }
    return out;
}

Result<Diagnosis> diagnose(const ServerConfigSnapshot &snapshot, const ClientProfile &profile,
                           const ClientParams &params, const QStringList &logLines,
                           const ServerProfile &server) {
    if (QHostAddress(params.clientIp).isNull())
        return Error{QStringLiteral("compat.params.ip"),
                     QCoreApplication::translate("maildeck::compat::Diagnosis",
                                                 "\"%1\" is not an IP address.")
                         .arg(params.clientIp),
                     {}};
    Ctx c{snapshot, profile, params, proofLines(logLines, profile, params), server};
    c.params.password.clear();
    Diagnosis d;
    d.profile = profile;
    d.params = c.params;
    for (const config::ConfigDisagreement &dis : snapshot.disagreements)
        d.notes.append(dis.text());
    switch (profile.kind) {
    case ClientKind::WindowsLiveMail2012:
        diagnoseWlm(c, d);
        break;
    case ClientKind::OldPhone:
        diagnoseOldPhone(c, d);
        break;
    case ClientKind::LanScanner:
        diagnoseScanner(c, d);
        break;
    case ClientKind::ExternalWebServer:
        diagnoseWebServer(c, d);
        break;
    case ClientKind::ModernThunderbird:
        diagnoseThunderbird(c, d);
        break;
    }
    // The newest proof is enough to show (the caller has every line).
    for (Blocker &b : d.blockers) {
        while (b.logProof.size() > 5)
            b.logProof.removeFirst();
    }
    d.passes = d.blockers.isEmpty();
    if (d.passes)
        d.notes.append(QCoreApplication::translate(
            "maildeck::compat::Diagnosis",
            "Nothing blocks this client: it passes, no change is needed."));
    for (qsizetype i = 0; i < d.options.size(); ++i) {
        d.options[i].rank = int(i + 1);
        if (d.options[i].changesServer())
            d.options[i].changeOrigin = changeOrigin(profile, c.params.clientIp);
    }
    return d;
}

QString changeOrigin(const ClientProfile &profile, const QString &clientIp) {
    return QStringLiteral("compat/%1/%2").arg(profile.key, clientIp);
}

QFuture<Result<QStringList>> fetchClientLogLines(SshSession *session, const ServerPaths &paths,
                                                 const QString &clientIp, int maxLines) {
    if (!session || QHostAddress(clientIp).isNull()) {
        return QtFuture::makeReadyFuture(Result<QStringList>(
            Error{QStringLiteral("compat.logs.args"),
                  QCoreApplication::translate("maildeck::compat::Diagnosis",
                                              "No session or no client address."),
                  {}}));
    }
    QStringList files;
    if (!paths.mailLog.isEmpty()) {
        files << Sudo::shellQuote(paths.mailLog);
        const QString dir = paths.mailLog.left(paths.mailLog.lastIndexOf(QLatin1Char('/')));
        files << Sudo::shellQuote(dir + QStringLiteral("/iredapd/iredapd.log"));
    }
    if (!paths.dovecotLogDir.isEmpty())
        files << config::shellGlobWord(paths.dovecotLogDir + QStringLiteral("/*.log"));
    const QString cmd = QStringLiteral("grep -h -F -- %1 %2 2>/dev/null | tail -n %3")
                            .arg(Sudo::shellQuote(clientIp), files.join(QLatin1Char(' ')))
                            .arg(qMax(1, maxLines) * 4);
    ExecOptions opts;
    opts.privileged = true;
    opts.timeoutMs = 30000;
    return session->runCommand(cmd, opts).then([clientIp, maxLines](Result<CommandOutput> r) {
        if (!r)
            return Result<QStringList>(r.error());
        const QRegularExpression ip(QStringLiteral("(?<![0-9.])") +
                                    QRegularExpression::escape(clientIp) +
                                    QStringLiteral("(?![0-9])"));
        QStringList out;
        for (const QString &l : r->stdoutText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (ip.match(l).hasMatch())
                out.append(l);
        }
        while (out.size() > maxLines)
            out.removeFirst();
        return Result<QStringList>(out);
    });
}

std::optional<std::pair<ClientProfile, ClientParams>> profileFromEvent(const ClientEvent &event) {
    const QString cls = event.eventClass;
    std::optional<ClientKind> kind;
    if (cls == QLatin1String("dovecot.plaintext_disallowed") ||
        cls == QLatin1String("dovecot.ssl_required") || cls == QLatin1String("helo.non_fqdn"))
        kind = ClientKind::WindowsLiveMail2012;
    else if (cls == QLatin1String("dovecot.tls_failed"))
        kind = ClientKind::OldPhone;
    else if (cls == QLatin1String("policy.iredapd.smtp_auth_required"))
        kind = ClientKind::ExternalWebServer;
    else if (cls == QLatin1String("relay.denied"))
        kind = ClientKind::LanScanner;
    if (!kind)
        return std::nullopt;
    const ClientProfile profile = ClientProfile::of(*kind);
    ClientParams p = profile.exampleParams();
    p.clientIp = event.clientIp;
    if (!event.heloName.isEmpty())
        p.heloName = event.heloName;
    p.sender = event.sender;
    p.recipient = event.recipient;
    p.user = event.user;
    return std::make_pair(profile, p);
}

} // namespace maildeck::compat
