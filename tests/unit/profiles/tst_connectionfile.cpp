// ConnectionFile: strict parsing of hostile and broken files, import (profile + pinned host key),
// and the pure parts of ForwardOnlyAccounts (public keys, the authorized_keys line, sshd -T).

#include "core/delegation/ForwardOnlyAccount.h"
#include "core/profiles/ConnectionFile.h"
#include "core/profiles/ProfileStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::delegation;

namespace {

// A real key and the fingerprint `ssh-keygen -lf` printed for it.
const QString kKeyType = QStringLiteral("ssh-ed25519");
const QString kKeyB64 =
    QStringLiteral("AAAAC3NzaC1lZDI1NTE5AAAAIFyIP1e1uIq/WsK0OtprRJV92O9HSuV0NyxbjE5fC5uo");
const QString kKeyFp = QStringLiteral("SHA256:SDLgSUOzWjAHXGviIh+AO1nd9kfwYx7jXcGiRXuHnxY");
// Another ed25519 key (the lab's host key).
const QString kOtherB64 =
    QStringLiteral("AAAAC3NzaC1lZDI1NTE5AAAAIOLhh5TnCIyqeY+qGYEH/2JvIIBl8sQzlWVDVRhq9B0/");

QJsonObject validObject() {
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("maildeck-connection")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("profileName"), QStringLiteral("mx.example.com (jane)")},
        {QStringLiteral("role"), QStringLiteral("delegated")},
        {QStringLiteral("admin"), QStringLiteral("jane@partner.test")},
        {QStringLiteral("ssh"),
         QJsonObject{
             {QStringLiteral("host"), QStringLiteral("mx.example.com")},
             {QStringLiteral("port"), 2222},
             {QStringLiteral("user"), QStringLiteral("md_jane_3f1a9c")},
             {QStringLiteral("hostKey"), QJsonObject{{QStringLiteral("type"), kKeyType},
                                                     {QStringLiteral("fingerprint"), kKeyFp},
                                                     {QStringLiteral("publicKey"), kKeyB64}}}}},
        {QStringLiteral("database"),
         QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                     {QStringLiteral("port"), 3306},
                     {QStringLiteral("name"), QStringLiteral("vmail")},
                     {QStringLiteral("user"), QStringLiteral("md_jane_3f1a9c")}}},
    };
}

QByteArray json(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Sets a value at a dotted path ("ssh.hostKey.type"); an undefined value removes the key.
QJsonObject with(QJsonObject o, const QString &path, const QJsonValue &value) {
    const QStringList parts = path.split(QLatin1Char('.'));
    std::function<QJsonObject(QJsonObject, int)> set = [&](QJsonObject obj, int i) {
        if (i == parts.size() - 1) {
            if (value.isUndefined())
                obj.remove(parts[i]);
            else
                obj.insert(parts[i], value);
        } else {
            obj.insert(parts[i], set(obj.value(parts[i]).toObject(), i + 1));
        }
        return obj;
    };
    return set(o, 0);
}

QString sshdT(const QString &extra) {
    return QStringLiteral("usepam yes\npubkeyauthentication yes\nstrictmodes yes\n"
                          "allowtcpforwarding yes\ndisableforwarding no\n"
                          "authorizedkeysfile .ssh/authorized_keys .ssh/authorized_keys2\n"
                          "permitopen any\npermitlisten any\n") +
           extra;
}

} // namespace

class TestConnectionFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fingerprintMatchesSshKeygen() {
        const auto blob = QByteArray::fromBase64(kKeyB64.toLatin1());
        QCOMPARE(ConnectionFile::fingerprintOf(blob), kKeyFp);
    }

    void validFileParses() {
        const auto f = ConnectionFile::parse(json(validObject()));
        QVERIFY2(f.ok(), qPrintable(f.ok() ? QString() : f.error().message));
        QCOMPARE(f->sshHost, QStringLiteral("mx.example.com"));
        QCOMPARE(f->sshPort, quint16(2222));
        QCOMPARE(f->sshUser, QStringLiteral("md_jane_3f1a9c"));
        QCOMPARE(f->hostKeyFingerprint, kKeyFp);
        QCOMPARE(f->dbUser, QStringLiteral("md_jane_3f1a9c"));
        QCOMPARE(f->adminUsername, QStringLiteral("jane@partner.test"));
        // Writing and reading again gives the same file.
        const auto again = ConnectionFile::parse(f->toJson());
        QVERIFY(again.ok());
        QCOMPARE(again->toJson(), f->toJson());
        QVERIFY(!f->toJson().contains("password"));
    }

    void hostileFilesAreRefused_data() {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions"); // a word the message must contain
        const QString inv = QStringLiteral("profiles.connection.invalid");
        const QString fmt = QStringLiteral("profiles.connection.format");
        const QJsonObject v = validObject();
        auto row = [](const char *name, const QByteArray &d, const QString &c, const char *m) {
            QTest::newRow(name) << d << c << QString::fromUtf8(m);
        };
        row("empty", QByteArray(), inv, "empty");
        row("not json", "{\"format\": ", inv, "JSON");
        row("array", "[1,2]", fmt, "connection");
        row("nul byte", json(v).replace(10, 0, QByteArray(1, '\0')), inv, "NUL");
        row("too large", QByteArray(70 * 1024, ' ') + json(v), inv, "KiB");
        row("deep nesting", QByteArray(5000, '[') + QByteArray(5000, ']'), inv, "JSON");
        row("other format", json(with(v, QStringLiteral("format"), QStringLiteral("ssh"))), fmt,
            "format");
        row("newer version", json(with(v, QStringLiteral("version"), 2)),
            QStringLiteral("profiles.connection.version"), "2");
        row("version as string", json(with(v, QStringLiteral("version"), QStringLiteral("1"))), inv,
            "version");
        row("version fraction", json(with(v, QStringLiteral("version"), 1.5)), inv, "version");
        row("unknown top key", json(with(v, QStringLiteral("password"), QStringLiteral("x"))), inv,
            "password");
        row("unknown nested key",
            json(with(v, QStringLiteral("ssh.proxyCommand"), QStringLiteral("nc evil 22"))), inv,
            "ssh.proxyCommand");
        row("role global", json(with(v, QStringLiteral("role"), QStringLiteral("global"))), inv,
            "role");
        row("admin missing", json(with(v, QStringLiteral("admin"), QJsonValue::Undefined)), inv,
            "admin");
        row("admin not an address", json(with(v, QStringLiteral("admin"), QStringLiteral("root"))),
            inv, "admin");
        row("ssh not object", json(with(v, QStringLiteral("ssh"), QStringLiteral("x"))), inv,
            "ssh");
        row("port zero", json(with(v, QStringLiteral("ssh.port"), 0)), inv, "ssh.port");
        row("port too big", json(with(v, QStringLiteral("ssh.port"), 70000)), inv, "ssh.port");
        row("port string", json(with(v, QStringLiteral("ssh.port"), QStringLiteral("22"))), inv,
            "ssh.port");
        row("port fraction", json(with(v, QStringLiteral("ssh.port"), 22.5)), inv, "ssh.port");
        row("host is an ssh option",
            json(with(v, QStringLiteral("ssh.host"), QStringLiteral("-oProxyCommand=sh"))), inv,
            "ssh.host");
        row("host with space",
            json(with(v, QStringLiteral("ssh.host"), QStringLiteral("a b.example"))), inv,
            "ssh.host");
        row("host with newline",
            json(with(v, QStringLiteral("ssh.host"), QStringLiteral("mx\n.example"))), inv,
            "ssh.host");
        row("host padded",
            json(with(v, QStringLiteral("ssh.host"), QStringLiteral(" mx.example.com"))), inv,
            "ssh.host");
        row("ssh user root", json(with(v, QStringLiteral("ssh.user"), QStringLiteral("root"))), inv,
            "ssh.user");
        row("fingerprint mismatch",
            json(with(v, QStringLiteral("ssh.hostKey.publicKey"), kOtherB64)), inv, "fingerprint");
        row("key type vs blob",
            json(with(v, QStringLiteral("ssh.hostKey.type"), QStringLiteral("ssh-rsa"))), inv,
            "hostKey");
        row("key not base64",
            json(with(v, QStringLiteral("ssh.hostKey.publicKey"), QStringLiteral("AAAA$$$$"))), inv,
            "hostKey");
        row("key type unknown",
            json(with(v, QStringLiteral("ssh.hostKey.type"), QStringLiteral("ssh-dss"))), inv,
            "hostKey");
        row("db user root", json(with(v, QStringLiteral("database.user"), QStringLiteral("root"))),
            inv, "database.user");
        row("db name injection",
            json(with(v, QStringLiteral("database.name"), QStringLiteral("vmail`; DROP"))), inv,
            "database.name");
        row("db port negative", json(with(v, QStringLiteral("database.port"), -1)), inv,
            "database.port");
        row("db host missing",
            json(with(v, QStringLiteral("database.host"), QJsonValue::Undefined)), inv,
            "database.host");
        row("profile name with slash",
            json(with(v, QStringLiteral("profileName"), QStringLiteral("../../evil"))), inv,
            "profileName");
        row("profile name bidi override",
            json(with(v, QStringLiteral("profileName"),
                      QString(QString(QChar(0x202e)) + QStringLiteral("x")))),
            inv, "profileName");
        row("over-long admin",
            json(with(v, QStringLiteral("admin"),
                      QString(QString(300, QLatin1Char('a')) + QStringLiteral("@x.test")))),
            inv, "admin");
        row("null value", json(with(v, QStringLiteral("ssh.user"), QJsonValue::Null)), inv,
            "ssh.user");
    }

    void hostileFilesAreRefused() {
        QFETCH(QByteArray, data);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const auto f = ConnectionFile::parse(data);
        QVERIFY(!f.ok());
        QCOMPARE(f.error().code, code);
        QVERIFY2(f.error().message.contains(mentions), qPrintable(f.error().message));
    }

    void importCreatesProfileAndPinsHostKey() {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("s.ini")));
        const QString kh = dir.filePath(QStringLiteral("known_hosts"));
        QFile pre(kh);
        QVERIFY(pre.open(QIODevice::WriteOnly));
        pre.write("other.example ssh-ed25519 " + kOtherB64.toLatin1() + "\n");
        pre.close();
        const auto file = ConnectionFile::parse(json(validObject()));
        QVERIFY(file.ok());
        ConnectionImportOptions o;
        o.knownHostsFile = kh;
        o.identityFile = QStringLiteral("/home/jane/.ssh/id_ed25519");
        const auto p = ConnectionFile::importInto(store, *file, o);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        const auto loaded = store.load(QStringLiteral("mx.example.com (jane)"));
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->role, ProfileRole::Delegated);
        QCOMPARE(loaded->delegatedAdmin, QStringLiteral("jane@partner.test"));
        QCOMPARE(loaded->user, QStringLiteral("md_jane_3f1a9c"));
        QCOMPARE(loaded->port, quint16(2222));
        QCOMPARE(loaded->dbUser, QStringLiteral("md_jane_3f1a9c"));
        QCOMPARE(loaded->dbCredentials, DbCredentialSource::Keychain);
        QCOMPARE(loaded->identityFile, o.identityFile);
        QCOMPARE(loaded->knownHostsFile, kh);
        QVERIFY(loaded->flavourConfirmed);

        QFile in(kh);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray content = in.readAll();
        QVERIFY(content.startsWith("other.example "));
        QVERIFY(content.contains(
            QByteArray("[mx.example.com]:2222 ssh-ed25519 " + kKeyB64.toLatin1() + "\n")));
        in.close();

        // Again: a second profile with a unique name, no second known_hosts line.
        const auto p2 = ConnectionFile::importInto(store, *file, o);
        QVERIFY(p2.ok());
        QCOMPARE(p2->name, QStringLiteral("mx.example.com (jane) (2)"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(in.readAll(), content);
        // A chosen name that exists is refused unless overwrite.
        o.profileName = QStringLiteral("mx.example.com (jane)");
        QCOMPARE(ConnectionFile::importInto(store, *file, o).error().code,
                 QStringLiteral("profiles.connection.exists"));
        o.overwrite = true;
        QVERIFY(ConnectionFile::importInto(store, *file, o).ok());
    }

    void importRefusesAConflictingPinnedKey_data() {
        QTest::addColumn<QByteArray>("line");
        const QByteArray other = kOtherB64.toLatin1();
        QTest::newRow("plain") << QByteArray("[mx.example.com]:2222 ssh-ed25519 " + other);
        QTest::newRow("in a list")
            << QByteArray("mx,[MX.example.com]:2222,1.2.3.4 ssh-ed25519 " + other);
        // OpenSSH's HashKnownHosts form: |1|salt|HMAC-SHA1(salt, "[host]:port").
        const QByteArray salt = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233");
        const QByteArray mac = QMessageAuthenticationCode::hash("[mx.example.com]:2222", salt,
                                                                QCryptographicHash::Sha1);
        QTest::newRow("hashed") << QByteArray("|1|" + salt.toBase64() + "|" + mac.toBase64() +
                                              " ssh-ed25519 " + other);
    }

    void importRefusesAConflictingPinnedKey() {
        QFETCH(QByteArray, line);
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("s.ini")));
        const QString kh = dir.filePath(QStringLiteral("known_hosts"));
        QFile pre(kh);
        QVERIFY(pre.open(QIODevice::WriteOnly));
        pre.write(line + "\n");
        pre.close();
        const auto file = ConnectionFile::parse(json(validObject()));
        ConnectionImportOptions o;
        o.knownHostsFile = kh;
        const auto p = ConnectionFile::importInto(store, *file, o);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, QStringLiteral("profiles.connection.hostkey_conflict"));
        QVERIFY(store.names().isEmpty()); // nothing saved
    }

    void roleIsPersisted() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("s.ini"));
        ServerProfile p;
        p.name = QStringLiteral("global one");
        p.host = QStringLiteral("mx");
        ProfileStore(ini).save(p);
        QCOMPARE(ProfileStore(ini).load(p.name)->role, ProfileRole::Global);
        p.role = ProfileRole::Delegated;
        p.delegatedAdmin = QStringLiteral("jane@partner.test");
        p.paths.sshdConfig = QStringLiteral("/srv/ssh/sshd_config");
        ProfileStore(ini).save(p);
        const auto loaded = ProfileStore(ini).load(p.name);
        QCOMPARE(loaded->role, ProfileRole::Delegated);
        QCOMPARE(loaded->delegatedAdmin, p.delegatedAdmin);
        QCOMPARE(loaded->paths.sshdConfig, p.paths.sshdConfig);
        bool ok = true;
        QCOMPARE(roleFromKey(QStringLiteral("superuser"), &ok), ProfileRole::Global);
        QVERIFY(!ok);
    }

    void publicKeysAreValidated_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ed25519 with comment")
            << kKeyType + QLatin1Char(' ') + kKeyB64 + QStringLiteral(" jane@laptop") << true;
        QTest::newRow("no comment") << kKeyType + QLatin1Char(' ') + kKeyB64 << true;
        QTest::newRow("options in front")
            << QStringLiteral("command=\"sh\" ") + kKeyType + QLatin1Char(' ') + kKeyB64 << false;
        QTest::newRow("two lines")
            << kKeyType + QLatin1Char(' ') + kKeyB64 + QStringLiteral("\nssh-ed25519 ") + kOtherB64
            << false;
        QTest::newRow("private key")
            << QStringLiteral("-----BEGIN OPENSSH PRIVATE KEY-----") << false;
        QTest::newRow("type mismatch") << QStringLiteral("ssh-rsa ") + kKeyB64 << false;
        QTest::newRow("truncated blob") << kKeyType + QLatin1Char(' ') + kKeyB64.left(40) << false;
        QTest::newRow("dss") << QStringLiteral("ssh-dss ") + kKeyB64 << false;
        QTest::newRow("empty") << QString() << false;
    }

    void publicKeysAreValidated() {
        QFETCH(QString, line);
        QFETCH(bool, valid);
        const auto key = ForwardOnlyAccounts::parsePublicKey(line);
        QCOMPARE(key.ok(), valid);
        if (valid)
            QCOMPARE(key->fingerprint, kKeyFp);
        else
            QCOMPARE(key.error().code, QStringLiteral("delegation.ssh.key"));
    }

    void authorizedKeysLineRestrictsEverything() {
        const auto key = ForwardOnlyAccounts::parsePublicKey(
            kKeyType + QLatin1Char(' ') + kKeyB64 + QStringLiteral(" \"evil\",command=\"sh\""));
        QVERIFY(key.ok());
        const QString line = ForwardOnlyAccounts::authorizedKeysLine(
            *key, QStringLiteral("127.0.0.1"), 3306, QStringLiteral("jane@partner.test"));
        QCOMPARE(line, QStringLiteral("restrict,port-forwarding,permitopen=\"127.0.0.1:3306\","
                                      "permitlisten=\"127.0.0.1:1\",command=\"/bin/false\" "
                                      "ssh-ed25519 ") +
                           kKeyB64 + QStringLiteral(" maildeck:jane@partner.test"));
        QCOMPARE(ForwardOnlyAccounts::permitOpenTarget(QStringLiteral("::1"), 3306),
                 QStringLiteral("[::1]:3306"));
        QVERIFY(ForwardOnlyAccounts::isValidSystemUser(
            ForwardOnlyAccounts::systemUserFor(QStringLiteral("jane@partner.test"))));
        QVERIFY(!ForwardOnlyAccounts::isValidSystemUser(QStringLiteral("root")));
        QVERIFY(!ForwardOnlyAccounts::isValidSystemUser(QStringLiteral("md_x;rm")));
    }

    void sshdSettingsAreChecked_data() {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QStringList>("settings");
        QTest::newRow("fine") << sshdT(QString()) << QStringList();
        QTest::newRow("lab form")
            << sshdT(QStringLiteral("authorizedkeysfile /etc/ssh/keys/%u .ssh/authorized_keys"))
            << QStringList();
        QTest::newRow("forwarding local")
            << sshdT(QStringLiteral("allowtcpforwarding local")) << QStringList();
        QTest::newRow("forwarding off")
            << QStringLiteral("allowtcpforwarding no\nauthorizedkeysfile .ssh/authorized_keys\n")
            << QStringList{QStringLiteral("allowtcpforwarding")};
        QTest::newRow("forwarding remote only")
            << QStringLiteral("allowtcpforwarding remote\n")
            << QStringList{QStringLiteral("allowtcpforwarding")};
        QTest::newRow("disableforwarding")
            << QStringLiteral("allowtcpforwarding yes\ndisableforwarding yes\n")
            << QStringList{QStringLiteral("disableforwarding")};
        QTest::newRow("permitopen none")
            << QStringLiteral("permitopen none\n") << QStringList{QStringLiteral("permitopen")};
        QTest::newRow("permitopen other") << QStringLiteral("permitopen 127.0.0.1:25\n")
                                          << QStringList{QStringLiteral("permitopen")};
        QTest::newRow("permitopen db")
            << QStringLiteral("permitopen 127.0.0.1:25 127.0.0.1:3306\n") << QStringList();
        QTest::newRow("allowusers")
            << QStringLiteral("allowusers root\nallowusers admin@10.0.0.*\n")
            << QStringList{QStringLiteral("allowusers")};
        QTest::newRow("allowusers pattern") << QStringLiteral("allowusers md_*\n") << QStringList();
        QTest::newRow("allowgroups") << QStringLiteral("allowgroups sshusers\n")
                                     << QStringList{QStringLiteral("allowgroups")};
        QTest::newRow("denyusers")
            << QStringLiteral("denyusers md_*\n") << QStringList{QStringLiteral("denyusers")};
        QTest::newRow("keys elsewhere") << QStringLiteral("authorizedkeysfile /etc/ssh/keys/%u\n")
                                        << QStringList{QStringLiteral("authorizedkeysfile")};
        QTest::newRow("pubkey off") << QStringLiteral("pubkeyauthentication no\n")
                                    << QStringList{QStringLiteral("pubkeyauthentication")};
    }

    void sshdSettingsAreChecked() {
        QFETCH(QString, output);
        QFETCH(QStringList, settings);
        const auto problems = ForwardOnlyAccounts::checkSshdSettings(
            output, QStringLiteral("md_jane_3f1a9c"), QStringLiteral("127.0.0.1"), 3306);
        QStringList found;
        for (const SshdProblem &p : problems) {
            found << p.setting;
            QVERIFY(!p.message.isEmpty());
        }
        QCOMPARE(found, settings);
    }
};

QTEST_GUILESS_MAIN(TestConnectionFile)
#include "tst_connectionfile.moc"
