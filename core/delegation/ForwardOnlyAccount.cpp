#include "core/delegation/ForwardOnlyAccount.h"

#include "core/common/Logging.h"
#include "core/delegation/DelegationNames.h"
#include "core/profiles/ConnectionFile.h"
#include "core/profiles/ServerProfile.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"

#include <QHostAddress>
#include <QPointer>
#include <QPromise>
#include <QRegularExpression>

#include <memory>

namespace maildeck::delegation {

namespace {

// Marks the accounts MailDeck made (GECOS); nothing else is ever changed or removed.
const QString kGecosPrefix = QStringLiteral("MailDeck forward-only ");

// Exit statuses of the scripts (beside 0).
constexpr int kExitFailed = 3;
constexpr int kExitExists = 4;
constexpr int kExitNotFound = 5;

const QStringList &allowedKeyTypes() {
    static const QStringList types = {
        QStringLiteral("ssh-ed25519"),
        QStringLiteral("ecdsa-sha2-nistp256"),
        QStringLiteral("ecdsa-sha2-nistp384"),
        QStringLiteral("ecdsa-sha2-nistp521"),
        QStringLiteral("ssh-rsa"),
        QStringLiteral("sk-ssh-ed25519@openssh.com"),
        QStringLiteral("sk-ecdsa-sha2-nistp256@openssh.com"),
    };
    return types;
}

Error keyError(const QString &message) {
    return Error{QStringLiteral("delegation.ssh.key"), message, {}};
}

// The admin name as it may appear in a shell-quoted GECOS field and a key comment.
bool isSafeAdminName(const QString &admin) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._+@-]{1,255}$"));
    return re.match(admin).hasMatch();
}

QString q(const QString &s) {
    return Sudo::shellQuote(s);
}

QString homeOf(const ForwardOnlyOptions &o, const QString &user) {
    QString base = o.homeBase;
    while (base.size() > 1 && base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QLatin1Char('/') + user;
}

bool isSafePath(const QString &path) {
    static const QRegularExpression re(QStringLiteral("^/[A-Za-z0-9._/+-]*$"));
    return re.match(path).hasMatch() && !path.contains(QLatin1String("/../")) &&
           !path.endsWith(QLatin1String("/.."));
}

// The shell variables every script starts with.
QString prelude(const ForwardOnlyOptions &o, const QString &user) {
    return QStringLiteral("set -u; PATH=/usr/sbin:/usr/bin:/sbin:/bin; export PATH; u=%1; "
                          "home=%2; base=%3; shell=%4; ")
        .arg(q(user), q(homeOf(o, user)), q(o.homeBase), q(o.nologinShell));
}

// Checks that $u is an account MailDeck made, with the expected home (exit 5 otherwise).
QString requireOwnAccount() {
    return QStringLiteral(
               "ent=$(getent passwd \"$u\") || { echo \"no such user\" >&2; exit 5; }; "
               "gecos=$(printf '%s' \"$ent\" | cut -d: -f5); hdir=$(printf '%s' \"$ent\" | cut -d: "
               "-f6); "
               "case \"$gecos\" in %1*) ;; *) echo \"not made by MailDeck\" >&2; exit 5;; esac; "
               "[ \"$hdir\" = \"$home\" ] || { echo \"unexpected home $hdir\" >&2; exit 5; }; "
               "ak=\"$home/.ssh/authorized_keys\"; ")
        .arg(q(kGecosPrefix)); // quoted: a literal prefix in the case pattern
}

// Ends every process of the user (its sshd session processes: open forwards drop).
QString killSessions() {
    return QStringLiteral("pkill -KILL -u \"$u\" 2>/dev/null; sleep 0.2; "
                          "pkill -KILL -u \"$u\" 2>/dev/null; ");
}

Error scriptError(const CommandOutput &out, const QString &user, const QString &what) {
    const QString text = QString::fromUtf8(Sudo::stripSudoNoise(out.stdErr)).trimmed();
    if (out.exitStatus == kExitExists)
        return Error{QStringLiteral("delegation.ssh.exists"),
                     ForwardOnlyAccounts::tr("The server already has a user or home directory "
                                             "named %1 that MailDeck did not make: %2")
                         .arg(user, text),
                     {}};
    if (out.exitStatus == kExitNotFound)
        return Error{QStringLiteral("delegation.ssh.notfound"),
                     ForwardOnlyAccounts::tr("The server has no forward-only account %1 made by "
                                             "MailDeck (%2).")
                         .arg(user, text),
                     {}};
    return Error{QStringLiteral("delegation.ssh.failed"),
                 ForwardOnlyAccounts::tr("%1 failed on the server (exit status %2): %3")
                     .arg(what)
                     .arg(out.exitStatus)
                     .arg(text.isEmpty() ? ForwardOnlyAccounts::tr("no message") : text),
                 {}};
}

template <class T> QFuture<T> ready(T value) {
    QPromise<T> p;
    p.start();
    p.addResult(std::move(value));
    p.finish();
    return p.future();
}

template <class T> QFuture<T> failed(const Error &e) {
    return ready<T>(T(e));
}

Error noSession() {
    return Error{QStringLiteral("delegation.ssh.failed"),
                 ForwardOnlyAccounts::tr("There is no SSH session to the server."),
                 {}};
}

Result<QString> userFor(const QString &adminUsername, const ForwardOnlyOptions &o) {
    if (!isSafeAdminName(adminUsername))
        return Error{QStringLiteral("delegation.ssh.name"),
                     ForwardOnlyAccounts::tr("“%1” is not a valid admin name.").arg(adminUsername),
                     {}};
    const QString user = ForwardOnlyAccounts::systemUserFor(adminUsername);
    if (!ForwardOnlyAccounts::isValidSystemUser(user))
        return Error{QStringLiteral("delegation.ssh.name"),
                     ForwardOnlyAccounts::tr("No valid system user name can be made from “%1”.")
                         .arg(adminUsername),
                     {}};
    for (const QString &path : {o.homeBase, o.nologinShell, o.sshdBinary, o.sshdConfig}) {
        if (!isSafePath(path))
            return Error{QStringLiteral("delegation.ssh.name"),
                         ForwardOnlyAccounts::tr("The server path “%1” is not usable.").arg(path),
                         {}};
    }
    return user;
}

// Runs a privileged script; hands (output or error) to `done` in the session's thread.
template <class F> void runPrivileged(SshSession *ssh, const QString &script, F done) {
    ExecOptions opt;
    opt.privileged = true;
    opt.timeoutMs = 60000;
    ssh->runCommand(script, opt).then(ssh, std::move(done));
}

// Parses the authorized_keys line MailDeck wrote (options, key).
void parseAuthorizedLine(const QString &line, ForwardOnlyAccountInfo &info) {
    static const QRegularExpression permit(QStringLiteral("permitopen=\"([^\"]*)\""));
    const auto m = permit.match(line);
    if (m.hasMatch())
        info.permitOpen = m.captured(1);
    // The options field has no spaces (MailDeck writes none): key type and blob follow it.
    const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() >= 3) {
        auto key = ForwardOnlyAccounts::parsePublicKey(parts[1] + QLatin1Char(' ') + parts[2]);
        if (key) {
            info.keyType = key->type;
            info.keyFingerprint = key->fingerprint;
        }
    }
}

struct SshdLine {
    QString key;
    QString value;
};

QList<SshdLine> sshdLines(const QString &out) {
    QList<SshdLine> lines;
    for (const QString &raw : out.split(QLatin1Char('\n'))) {
        const QString l = raw.trimmed();
        const qsizetype sp = l.indexOf(QLatin1Char(' '));
        if (l.isEmpty())
            continue;
        if (sp < 0)
            lines.append({l.toLower(), QString()});
        else
            lines.append({l.left(sp).toLower(), l.mid(sp + 1).trimmed()});
    }
    return lines;
}

bool wildcardMatch(const QString &pattern, const QString &text) {
    const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(
        pattern, QRegularExpression::UnanchoredWildcardConversion));
    return QRegularExpression(QLatin1Char('^') + re.pattern() + QLatin1Char('$'))
        .match(text)
        .hasMatch();
}

} // namespace

ForwardOnlyOptions ForwardOnlyOptions::forProfile(const ServerProfile &profile) {
    ForwardOnlyOptions o;
    if (!profile.paths.sshdConfig.isEmpty())
        o.sshdConfig = profile.paths.sshdConfig;
    return o;
}

QString ForwardOnlyAccounts::systemUserFor(const QString &adminUsername) {
    return DelegationNames::accountNameFor(adminUsername);
}

bool ForwardOnlyAccounts::isValidSystemUser(const QString &name) {
    // Debian's NAME_REGEX and POSIX portable names; at most 31 characters (DelegationNames).
    static const QRegularExpression re(QStringLiteral("^md_[a-z0-9_]{1,28}$"));
    return re.match(name).hasMatch() && DelegationNames::isValidAccountName(name);
}

Result<SshPublicKey> ForwardOnlyAccounts::parsePublicKey(const QString &input) {
    QString line = input.trimmed();
    if (line.isEmpty())
        return keyError(tr("The public key is empty."));
    if (line.size() > 16384)
        return keyError(tr("The public key is too long."));
    if (line.contains(QLatin1Char('\n')) || line.contains(QLatin1Char('\r')))
        return keyError(tr("The public key must be a single line (one key)."));
    for (QChar c : line) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return keyError(tr("The public key contains control characters."));
    }
    if (line.startsWith(QLatin1String("-----BEGIN")) || line.contains(QLatin1String("PRIVATE KEY")))
        return keyError(tr("This is a private key. Give the public key (the .pub file) only."));
    const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return keyError(tr("The public key must look like “ssh-ed25519 AAAA… comment”."));
    SshPublicKey key;
    key.type = parts[0];
    if (!allowedKeyTypes().contains(key.type))
        return keyError(tr("“%1” is not a supported key type (or the line has options in front "
                           "of the key).")
                            .arg(key.type.left(64)));
    static const QRegularExpression b64(QStringLiteral("^[A-Za-z0-9+/]+={0,2}$"));
    if (!b64.match(parts[1]).hasMatch() || parts[1].size() % 4 != 0)
        return keyError(tr("The key data is not valid base64."));
    const auto decoded = QByteArray::fromBase64Encoding(parts[1].toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < 8)
        return keyError(tr("The key data is not valid base64."));
    key.blob = decoded.decoded;
    const QByteArray &b = key.blob;
    const quint32 n = (quint32(quint8(b[0])) << 24) | (quint32(quint8(b[1])) << 16) |
                      (quint32(quint8(b[2])) << 8) | quint32(quint8(b[3]));
    if (n == 0 || n > quint32(b.size() - 4) || QString::fromLatin1(b.mid(4, n)) != key.type)
        return keyError(tr("The key data does not hold a %1 key.").arg(key.type));
    if (key.type == QLatin1String("ssh-ed25519") && b.size() != 51)
        return keyError(tr("The key data does not hold a %1 key.").arg(key.type));
    key.comment = parts.mid(2).join(QLatin1Char(' '));
    key.fingerprint = ConnectionFile::fingerprintOf(key.blob);
    return key;
}

QString ForwardOnlyAccounts::permitOpenTarget(const QString &dbHost, quint16 dbPort) {
    QHostAddress addr;
    if (addr.setAddress(dbHost) && addr.protocol() == QAbstractSocket::IPv6Protocol)
        return QLatin1Char('[') + dbHost + QStringLiteral("]:") + QString::number(dbPort);
    return dbHost + QLatin1Char(':') + QString::number(dbPort);
}

QString ForwardOnlyAccounts::authorizedKeysLine(const SshPublicKey &key, const QString &dbHost,
                                                quint16 dbPort, const QString &adminUsername) {
    // permitlisten: a privileged port, which sshd never lets an unprivileged user bind, so
    // every remote forward (-R) is refused; `port-forwarding` alone would allow them.
    return QStringLiteral("restrict,port-forwarding,permitopen=\"%1\","
                          "permitlisten=\"127.0.0.1:1\",command=\"/bin/false\" %2 maildeck:%3")
        .arg(permitOpenTarget(dbHost, dbPort), key.line(), adminUsername);
}

QString ForwardOnlyAccounts::sshdBlock() {
    return QStringLiteral(
        "# BEGIN MailDeck forward-only accounts (managed by MailDeck; keep it last)\n"
        "Match User md_*\n"
        "\tAllowStreamLocalForwarding no\n"
        "\tPermitTunnel no\n"
        "\tGatewayPorts no\n"
        "\tX11Forwarding no\n"
        "\tAllowAgentForwarding no\n"
        "\tPermitTTY no\n"
        "# END MailDeck forward-only accounts\n");
}

QList<SshdProblem> ForwardOnlyAccounts::checkSshdSettings(const QString &out,
                                                          const QString &systemUser,
                                                          const QString &dbHost, quint16 dbPort) {
    QList<SshdProblem> problems;
    const QList<SshdLine> lines = sshdLines(out);
    auto values = [&lines](const char *key) {
        QStringList v;
        for (const SshdLine &l : lines) {
            if (l.key == QLatin1String(key))
                v += l.value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        }
        return v;
    };
    auto add = [&problems](const char *setting, const QString &value, const QString &message) {
        problems.append({QString::fromLatin1(setting), value, message});
    };
    const QString target = permitOpenTarget(dbHost, dbPort);

    const QStringList fwd = values("allowtcpforwarding");
    if (!fwd.isEmpty() && fwd.first() != QLatin1String("yes") &&
        fwd.first() != QLatin1String("all") && fwd.first() != QLatin1String("local"))
        add("allowtcpforwarding", fwd.first(),
            tr("AllowTcpForwarding is “%1”: the delegated admin could not forward to the "
               "database. Set it to “local” (or “yes”), at least in a Match User block for %2.")
                .arg(fwd.first(), systemUser));
    const QStringList disable = values("disableforwarding");
    if (!disable.isEmpty() && disable.first() == QLatin1String("yes"))
        add("disableforwarding", disable.first(),
            tr("DisableForwarding is on: every forward, the database one too, is refused."));
    const QStringList permit = values("permitopen");
    if (!permit.isEmpty() && !permit.contains(QLatin1String("any"))) {
        bool allowed = false;
        for (const QString &p : permit) {
            const qsizetype colon = p.lastIndexOf(QLatin1Char(':'));
            if (colon < 0)
                continue;
            const QString host = p.left(colon);
            const QString port = p.mid(colon + 1);
            const QString wanted = target.left(target.lastIndexOf(QLatin1Char(':')));
            if ((host == QLatin1String("*") || host == wanted) &&
                (port == QLatin1String("*") || port == QString::number(dbPort)))
                allowed = true;
        }
        if (!allowed)
            add("permitopen", permit.join(QLatin1Char(' ')),
                tr("PermitOpen (%1) does not allow %2: the forward to the database would be "
                   "refused.")
                    .arg(permit.join(QLatin1Char(' ')), target));
    }
    const QStringList streamLocal = values("allowstreamlocalforwarding");
    if (!streamLocal.isEmpty() && streamLocal.first() != QLatin1String("no"))
        add("allowstreamlocalforwarding", streamLocal.first(),
            tr("AllowStreamLocalForwarding is “%1” for %2: the account could reach Unix sockets "
               "on the server. Let MailDeck add its sshd block first (admin ssh-account "
               "prepare-server).")
                .arg(streamLocal.first(), systemUser));
    const QStringList pubkey = values("pubkeyauthentication");
    if (!pubkey.isEmpty() && pubkey.first() == QLatin1String("no"))
        add("pubkeyauthentication", pubkey.first(),
            tr("PubkeyAuthentication is off: the delegated admin logs in with a key only."));
    const QStringList akf = values("authorizedkeysfile");
    if (!akf.isEmpty()) {
        bool homeFile = false;
        for (const QString &f : akf) {
            if (f == QLatin1String(".ssh/authorized_keys") ||
                f == QLatin1String("%h/.ssh/authorized_keys") ||
                f == QLatin1String("~/.ssh/authorized_keys"))
                homeFile = true;
        }
        if (!homeFile)
            add("authorizedkeysfile", akf.join(QLatin1Char(' ')),
                tr("AuthorizedKeysFile (%1) does not read ~/.ssh/authorized_keys, where MailDeck "
                   "puts the admin's key.")
                    .arg(akf.join(QLatin1Char(' '))));
    }
    auto userMatches = [&systemUser](const QString &pattern) {
        const QString userPart = pattern.section(QLatin1Char('@'), 0, 0);
        return wildcardMatch(userPart, systemUser);
    };
    const QStringList allowUsers = values("allowusers");
    if (!allowUsers.isEmpty() && std::none_of(allowUsers.begin(), allowUsers.end(), userMatches))
        add("allowusers", allowUsers.join(QLatin1Char(' ')),
            tr("AllowUsers (%1) does not include %2: sshd would refuse the login.")
                .arg(allowUsers.join(QLatin1Char(' ')), systemUser));
    const QStringList allowGroups = values("allowgroups");
    if (!allowGroups.isEmpty() &&
        std::none_of(allowGroups.begin(), allowGroups.end(),
                     [&systemUser](const QString &g) { return wildcardMatch(g, systemUser); }))
        add("allowgroups", allowGroups.join(QLatin1Char(' ')),
            tr("AllowGroups (%1) does not include the group %2: sshd would refuse the login.")
                .arg(allowGroups.join(QLatin1Char(' ')), systemUser));
    const QStringList denyUsers = values("denyusers");
    if (std::any_of(denyUsers.begin(), denyUsers.end(), userMatches))
        add("denyusers", denyUsers.join(QLatin1Char(' ')),
            tr("DenyUsers (%1) shuts out %2.").arg(denyUsers.join(QLatin1Char(' ')), systemUser));
    const QStringList denyGroups = values("denygroups");
    if (std::any_of(denyGroups.begin(), denyGroups.end(),
                    [&systemUser](const QString &g) { return wildcardMatch(g, systemUser); }))
        add("denygroups", denyGroups.join(QLatin1Char(' ')),
            tr("DenyGroups (%1) shuts out the group %2.")
                .arg(denyGroups.join(QLatin1Char(' ')), systemUser));
    return problems;
}

namespace {
QString sshdTCommand(const ForwardOnlyOptions &o, const QString &user, const QString &addr) {
    return QStringLiteral("%1 -T -f %2 -C %3")
        .arg(q(o.sshdBinary), q(o.sshdConfig),
             q(QStringLiteral("user=") + user + QStringLiteral(",host=localhost,addr=") + addr));
}

// The address the server sees this session come from (for Match Address in sshd -T).
QString clientAddress(const Result<CommandOutput> &r) {
    if (!r.ok())
        return QStringLiteral("127.0.0.1");
    const QString first = r->stdoutText().trimmed().section(QLatin1Char(' '), 0, 0);
    QHostAddress a;
    return a.setAddress(first) ? a.toString() : QStringLiteral("127.0.0.1");
}
} // namespace

QFuture<Result<QList<SshdProblem>>>
ForwardOnlyAccounts::checkSshd(SshSession *ssh, const QString &systemUser, const QString &dbHost,
                               quint16 dbPort, const ForwardOnlyOptions &o) {
    using R = Result<QList<SshdProblem>>;
    if (!ssh)
        return failed<R>(noSession());
    if (!isValidSystemUser(systemUser) || !isSafePath(o.sshdBinary) || !isSafePath(o.sshdConfig))
        return failed<R>(Error{QStringLiteral("delegation.ssh.name"),
                               tr("The user name or the sshd paths are not usable."),
                               {}});
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> f = promise->future();
    QPointer<SshSession> session = ssh;
    ssh->runCommand(QStringLiteral("printf '%s' \"${SSH_CONNECTION:-}\""))
        .then(ssh, [session, promise, systemUser, dbHost, dbPort, o](Result<CommandOutput> a) {
            if (!session) {
                promise->addResult(R(noSession()));
                promise->finish();
                return;
            }
            runPrivileged(
                session.data(), sshdTCommand(o, systemUser, clientAddress(a)),
                [promise, systemUser, dbHost, dbPort, o](Result<CommandOutput> r) {
                    if (!r.ok())
                        promise->addResult(R(r.error()));
                    else if (r->exitStatus != 0)
                        promise->addResult(R(Error{
                            QStringLiteral("delegation.ssh.sshd_config"),
                            tr("Could not read the effective sshd settings (%1 -T -f %2): %3")
                                .arg(o.sshdBinary, o.sshdConfig,
                                     QString::fromUtf8(Sudo::stripSudoNoise(r->stdErr)).trimmed()),
                            {}}));
                    else
                        promise->addResult(
                            R(checkSshdSettings(r->stdoutText(), systemUser, dbHost, dbPort)));
                    promise->finish();
                });
        });
    return f;
}

QFuture<Result<bool>> ForwardOnlyAccounts::prepareSshd(SshSession *ssh,
                                                       const ForwardOnlyOptions &o) {
    using R = Result<bool>;
    if (!ssh)
        return failed<R>(noSession());
    if (!isSafePath(o.sshdBinary) || !isSafePath(o.sshdConfig))
        return failed<R>(
            Error{QStringLiteral("delegation.ssh.name"), tr("The sshd paths are not usable."), {}});
    const QString script =
        QStringLiteral("set -u; PATH=/usr/sbin:/usr/bin:/sbin:/bin; cfg=%1; sshd=%2; block=%3; "
                       "grep -q '^# BEGIN MailDeck forward-only accounts' \"$cfg\" && "
                       "{ echo present; exit 0; }; "
                       "bak=\"$cfg.maildeck-$$\"; cp -p \"$cfg\" \"$bak\" || exit 3; "
                       "printf '\\n%s' \"$block\" >> \"$cfg\" || "
                       "{ cp -p \"$bak\" \"$cfg\"; rm -f \"$bak\"; exit 3; }; "
                       "if ! err=$(\"$sshd\" -t -f \"$cfg\" 2>&1); then cp -p \"$bak\" "
                       "\"$cfg\"; rm -f \"$bak\"; echo \"sshd -t refused the change: $err\" >&2; "
                       "exit 3; fi; rm -f \"$bak\"; "
                       "pidf=$(\"$sshd\" -T -f \"$cfg\" -C user=root,host=localhost,"
                       "addr=127.0.0.1 | awk '$1==\"pidfile\"{print $2}'); "
                       "pid=$(cat \"$pidf\" 2>/dev/null); "
                       "if [ -n \"$pid\" ] && kill -HUP \"$pid\"; then :; "
                       "elif command -v systemctl >/dev/null && "
                       "{ systemctl reload ssh || systemctl reload sshd; }; then :; "
                       "else echo \"could not make sshd reload its settings\" >&2; exit 3; fi; "
                       "sleep 1; echo added")
            .arg(q(o.sshdConfig), q(o.sshdBinary), q(sshdBlock()));
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> f = promise->future();
    runPrivileged(ssh, script, [promise, o](Result<CommandOutput> r) {
        if (!r.ok())
            promise->addResult(R(r.error()));
        else if (r->exitStatus != 0)
            promise->addResult(R(
                scriptError(*r, QString(), tr("Adding MailDeck's block to %1").arg(o.sshdConfig))));
        else
            promise->addResult(R(r->stdoutText().trimmed() == QLatin1String("added")));
        promise->finish();
    });
    return f;
}

QFuture<Result<ForwardOnlyAccountInfo>> ForwardOnlyAccounts::create(SshSession *ssh,
                                                                    const ForwardOnlySpec &spec,
                                                                    const ForwardOnlyOptions &o) {
    using R = Result<ForwardOnlyAccountInfo>;
    if (!ssh)
        return failed<R>(noSession());
    const Result<QString> user = userFor(spec.adminUsername, o);
    if (!user)
        return failed<R>(user.error());
    const Result<SshPublicKey> key = parsePublicKey(spec.publicKey);
    if (!key)
        return failed<R>(key.error());
    static const QRegularExpression hostRe(QStringLiteral("^[A-Za-z0-9.:_-]{1,253}$"));
    if (!hostRe.match(spec.dbHost).hasMatch() || spec.dbPort == 0)
        return failed<R>(
            Error{QStringLiteral("delegation.ssh.name"),
                  tr("“%1:%2” is not a usable database address.").arg(spec.dbHost).arg(spec.dbPort),
                  {}});

    ForwardOnlyAccountInfo info;
    info.systemUser = *user;
    info.adminUsername = spec.adminUsername;
    info.home = homeOf(o, *user);
    info.enabled = true;
    info.keyType = key->type;
    info.keyFingerprint = key->fingerprint;
    info.permitOpen = permitOpenTarget(spec.dbHost, spec.dbPort);
    const QString line = authorizedKeysLine(*key, spec.dbHost, spec.dbPort, spec.adminUsername);

    // One script, all-or-nothing: `undo` removes what the steps before the failing one made.
    const QString script =
        prelude(o, *user) + QStringLiteral("gecos=%1; ").arg(q(kGecosPrefix + spec.adminUsername)) +
        QStringLiteral(
            "made=0; undo() { echo \"$1\" >&2; if [ \"$made\" = 1 ]; then "
            "pkill -KILL -u \"$u\" 2>/dev/null; userdel \"$u\" 2>/dev/null; "
            "getent group \"$u\" >/dev/null && groupdel \"$u\" 2>/dev/null; rm -rf -- \"$home\"; "
            "fi; exit 3; }; "
            "if getent passwd \"$u\" >/dev/null || getent group \"$u\" >/dev/null; then "
            "echo \"the user or group $u exists\" >&2; exit 4; fi; "
            "if [ -e \"$home\" ]; then echo \"$home exists\" >&2; exit 4; fi; "
            "[ -x \"$shell\" ] || undo \"$shell is missing\"; "
            "command -v useradd >/dev/null || undo \"useradd is missing (Linux only)\"; "
            "if [ ! -d \"$base\" ]; then mkdir -p -m 0755 -- \"$base\" && chown root:root "
            "\"$base\" "
            "|| undo \"could not make $base\"; fi; "
            "useradd --system --user-group --no-create-home --home-dir \"$home\" "
            "--shell \"$shell\" --comment \"$gecos\" \"$u\" || undo \"useradd failed\"; made=1; "
            "usermod -L \"$u\" || undo \"could not lock the password\"; "
            "mkdir -m 0755 -- \"$home\" \"$home/.ssh\" || undo \"could not make $home\"; "
            "chown root:root \"$home\" \"$home/.ssh\" && chmod 0755 \"$home\" \"$home/.ssh\" "
            "|| undo \"could not set the owner of $home\"; "
            "umask 022; tmp=\"$home/.ssh/.ak.$$\"; ") +
        QStringLiteral("printf '%s\\n' %1 > \"$tmp\" && chown root:root \"$tmp\" && "
                       "chmod 0644 \"$tmp\" && mv -f \"$tmp\" \"$home/.ssh/authorized_keys\" "
                       "|| undo \"could not write the key\"; echo created")
            .arg(q(line));

    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> f = promise->future();
    QPointer<SshSession> session = ssh;
    checkSshd(ssh, *user, spec.dbHost, spec.dbPort, o)
        .then(ssh, [session, promise, script, info](Result<QList<SshdProblem>> check) {
            auto finish = [promise](R r) {
                promise->addResult(std::move(r));
                promise->finish();
            };
            if (!check)
                return finish(R(check.error()));
            if (!check->isEmpty()) {
                QStringList texts;
                for (const SshdProblem &p : *check)
                    texts << p.message;
                return finish(R(Error{QStringLiteral("delegation.ssh.sshd_config"),
                                      tr("The server's sshd settings would break the "
                                         "forward-only account; nothing was changed:\n%1")
                                          .arg(texts.join(QLatin1Char('\n'))),
                                      {}}));
            }
            if (!session)
                return finish(R(noSession()));
            runPrivileged(session.data(), script, [finish, info](Result<CommandOutput> r) {
                if (!r.ok())
                    return finish(R(r.error()));
                if (r->exitStatus != 0)
                    return finish(R(
                        scriptError(*r, info.systemUser, tr("Creating the forward-only account"))));
                qCInfo(lcSsh) << "forward-only account" << info.systemUser << "created";
                finish(R(info));
            });
        });
    return f;
}

QFuture<Result<std::optional<ForwardOnlyAccountInfo>>>
ForwardOnlyAccounts::info(SshSession *ssh, const QString &adminUsername,
                          const ForwardOnlyOptions &o) {
    using R = Result<std::optional<ForwardOnlyAccountInfo>>;
    if (!ssh)
        return failed<R>(noSession());
    const Result<QString> user = userFor(adminUsername, o);
    if (!user)
        return failed<R>(user.error());
    const QString script =
        prelude(o, *user) +
        QStringLiteral("getent passwd \"$u\" >/dev/null || { echo absent; exit 0; }; ") +
        requireOwnAccount() +
        QStringLiteral("if [ -s \"$ak\" ]; then echo enabled; head -n 1 \"$ak\"; "
                       "elif [ -s \"$ak.disabled\" ]; then echo disabled; "
                       "head -n 1 \"$ak.disabled\"; else echo nokey; fi");
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> f = promise->future();
    ForwardOnlyAccountInfo base;
    base.systemUser = *user;
    base.adminUsername = adminUsername;
    base.home = homeOf(o, *user);
    runPrivileged(ssh, script, [promise, base](Result<CommandOutput> r) {
        if (!r.ok())
            promise->addResult(R(r.error()));
        else if (r->exitStatus != 0)
            promise->addResult(
                R(scriptError(*r, base.systemUser, tr("Reading the forward-only account"))));
        else {
            const QStringList lines = r->stdoutText().split(QLatin1Char('\n'));
            const QString state = lines.value(0).trimmed();
            if (state == QLatin1String("absent")) {
                promise->addResult(R(std::optional<ForwardOnlyAccountInfo>()));
            } else {
                ForwardOnlyAccountInfo i = base;
                i.enabled = state == QLatin1String("enabled");
                parseAuthorizedLine(lines.value(1), i);
                promise->addResult(R(std::optional<ForwardOnlyAccountInfo>(i)));
            }
        }
        promise->finish();
    });
    return f;
}

namespace {
QFuture<Status> runAccountScript(SshSession *ssh, const QString &user, const QString &script,
                                 const QString &what) {
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> f = promise->future();
    runPrivileged(ssh, script, [promise, user, what](Result<CommandOutput> r) {
        if (!r.ok())
            promise->addResult(Status(r.error()));
        else if (r->exitStatus != 0)
            promise->addResult(Status(scriptError(*r, user, what)));
        else
            promise->addResult(Status());
        promise->finish();
    });
    return f;
}
} // namespace

QFuture<Status> ForwardOnlyAccounts::setEnabled(SshSession *ssh, const QString &adminUsername,
                                                bool enabled, const ForwardOnlyOptions &o) {
    if (!ssh)
        return failed<Status>(noSession());
    const Result<QString> user = userFor(adminUsername, o);
    if (!user)
        return failed<Status>(user.error());
    QString script = prelude(o, *user) + requireOwnAccount();
    if (enabled)
        script += QStringLiteral(
            "if [ -s \"$ak.disabled\" ]; then mv -f \"$ak.disabled\" \"$ak\" || exit 3; "
            "elif [ ! -s \"$ak\" ]; then echo \"no key to enable\" >&2; exit 3; fi; echo enabled");
    else
        script +=
            QStringLiteral("if [ -s \"$ak\" ]; then mv -f \"$ak\" \"$ak.disabled\" || exit 3; "
                           "fi; ") +
            killSessions() + QStringLiteral("echo disabled");
    return runAccountScript(ssh, *user, script,
                            enabled ? tr("Enabling the forward-only account")
                                    : tr("Disabling the forward-only account"));
}

QFuture<Status> ForwardOnlyAccounts::rotateKey(SshSession *ssh, const QString &adminUsername,
                                               const QString &publicKey,
                                               const ForwardOnlyOptions &o) {
    if (!ssh)
        return failed<Status>(noSession());
    const Result<QString> user = userFor(adminUsername, o);
    if (!user)
        return failed<Status>(user.error());
    const Result<SshPublicKey> key = parsePublicKey(publicKey);
    if (!key)
        return failed<Status>(key.error());
    // The forward target stays as it was: read it from the current line.
    const QString script =
        prelude(o, *user) + requireOwnAccount() +
        QStringLiteral("if [ -s \"$ak\" ]; then cur=\"$ak\"; elif [ -s \"$ak.disabled\" ]; then "
                       "cur=\"$ak.disabled\"; else echo \"no key\" >&2; exit 3; fi; "
                       "opts=$(head -n 1 \"$cur\" | cut -d' ' -f1); "
                       "case \"$opts\" in restrict,port-forwarding,permitopen=*) ;; "
                       "*) echo \"unexpected key options\" >&2; exit 3;; esac; "
                       "umask 022; tmp=\"$home/.ssh/.ak.$$\"; "
                       "printf '%s %s\\n' \"$opts\" ") +
        q(key->line() + QStringLiteral(" maildeck:") + adminUsername) +
        QStringLiteral(" > \"$tmp\" && chown root:root \"$tmp\" && chmod 0644 \"$tmp\" && "
                       "mv -f \"$tmp\" \"$cur\" || { rm -f \"$tmp\"; exit 3; }; ") +
        killSessions() + QStringLiteral("echo rotated");
    return runAccountScript(ssh, *user, script,
                            tr("Replacing the key of the forward-only account"));
}

QFuture<Status> ForwardOnlyAccounts::remove(SshSession *ssh, const QString &adminUsername,
                                            const ForwardOnlyOptions &o) {
    if (!ssh)
        return failed<Status>(noSession());
    const Result<QString> user = userFor(adminUsername, o);
    if (!user)
        return failed<Status>(user.error());
    const QString script =
        prelude(o, *user) + requireOwnAccount() + killSessions() +
        QStringLiteral("userdel \"$u\" || { sleep 1; pkill -KILL -u \"$u\" 2>/dev/null; "
                       "userdel \"$u\"; } || exit 3; "
                       "getent group \"$u\" >/dev/null && groupdel \"$u\" 2>/dev/null; "
                       "rm -rf -- \"$home\"; echo removed");
    return runAccountScript(ssh, *user, script, tr("Removing the forward-only account"));
}

QFuture<Result<QList<ServerHostKey>>>
ForwardOnlyAccounts::serverHostKeys(SshSession *ssh, const ForwardOnlyOptions &o) {
    using R = Result<QList<ServerHostKey>>;
    if (!ssh)
        return failed<R>(noSession());
    if (!isSafePath(o.sshdBinary) || !isSafePath(o.sshdConfig))
        return failed<R>(
            Error{QStringLiteral("delegation.ssh.name"), tr("The sshd paths are not usable."), {}});
    const QString script =
        QStringLiteral("set -u; PATH=/usr/sbin:/usr/bin:/sbin:/bin; keys=$(") +
        sshdTCommand(o, QStringLiteral("root"), QStringLiteral("127.0.0.1")) +
        QStringLiteral(" | awk '$1==\"hostkey\"{print $2}') || exit 3; "
                       "for k in $keys; do [ -r \"$k.pub\" ] && printf '%s ' \"$k.pub\" && "
                       "head -n 1 \"$k.pub\"; done; exit 0");
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> f = promise->future();
    runPrivileged(ssh, script, [promise](Result<CommandOutput> r) {
        if (!r.ok()) {
            promise->addResult(R(r.error()));
        } else if (r->exitStatus != 0) {
            promise->addResult(R(scriptError(*r, QString(), tr("Reading the server's host keys"))));
        } else {
            QList<ServerHostKey> keys;
            for (const QString &l : r->stdoutText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                const qsizetype sp = l.indexOf(QLatin1Char(' '));
                if (sp < 0)
                    continue;
                auto key = parsePublicKey(l.mid(sp + 1));
                if (key)
                    keys.append({*key, l.left(sp)});
            }
            if (keys.isEmpty())
                promise->addResult(R(Error{QStringLiteral("delegation.ssh.failed"),
                                           tr("The server's host keys could not be read."),
                                           {}}));
            else
                promise->addResult(R(keys));
        }
        promise->finish();
    });
    return f;
}

} // namespace maildeck::delegation
