#include "core/db/PasswordHash.h"

#include <QProcess>
#include <QStandardPaths>
#include <QtTest/QTest>

using namespace maildeck::db;

class TestPasswordHash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void verifyVectors_data();
    void verifyVectors();
    void ssha512Format();
    void ssha512KnownSalt();
    void generateRoundTrip_data();
    void generateRoundTrip();
    void generateRejects();
    void classify_data();
    void classify();
    void normaliseImported();
    void crossCheckWithDoveadm_data();
    void crossCheckWithDoveadm();
};

// Vectors made with `doveadm pw -s SCHEME -p PASSWORD` (Dovecot 2.3.19), `openssl passwd -1`,
// and iRedAdmin-style hashes from the lab seed.
void TestPasswordHash::verifyVectors_data() {
    QTest::addColumn<QString>("hash");
    QTest::addColumn<QString>("password");

    const QString pw = u"Secret-pw1"_qs;
    QTest::newRow("SSHA512 doveadm 4-byte salt")
        << u"{SSHA512}ZKmMrtUq129EM+cdxiV7VlKhJE3FpW4mnQOjcEdSuCk/44d9atYTOwdAP1QvrnMrAKOZSFYLkgf9Vi725lHKxfnNtmQ="_qs
        << pw;
    QTest::newRow("SSHA512 iRedAdmin 8-byte salt (lab seed)")
        << u"{SSHA512}7fyecyqW2dgnlKfBDCMm0SDwIQ6UiNGaVR3mMvH7X1D209JOEGyKyu9p0+zUTFTqwtzo3ranqI0n9MbhWFMw4Q2PiNfyI4ro"_qs
        << u"47qZgvrFF9TS"_qs;
    QTest::newRow("SSHA") << u"{SSHA}83mHx6EqSXMsbzCYFMBTJfRRA+BEbya8"_qs << pw;
    QTest::newRow("SHA512")
        << u"{SHA512}RzqZzenpMRSdmcgJceuFO5oA2YELogBBAo4mpaGDaXuZCoTvoP3Ot3FwvaWyLQIVC0Bv2qdxo2pGaWhnwzlKUg=="_qs
        << pw;
    QTest::newRow("SHA") << u"{SHA}vWe0Vt/eSsQWMBVOqXSf56uEYbA="_qs << pw;
    QTest::newRow("SHA256") << u"{SHA256}D+nHRdD/STMAnCuNZHmv4I3L6dylQa4u63j85CozfUo="_qs << pw;
    QTest::newRow("SSHA256") << u"{SSHA256}48sVd43RYzWKZXdLEf7TVD5tgl6ugmsu1vXspbFvpyAhc8tC"_qs
                             << pw;
    QTest::newRow("PLAIN-MD5") << u"{PLAIN-MD5}edd22f3185cb328cc379c243873d0847"_qs << pw;
    QTest::newRow("LDAP-MD5") << u"{LDAP-MD5}7dIvMYXLMozDecJDhz0IRw=="_qs << pw;
    QTest::newRow("SMD5") << u"{SMD5}LrxbvNrZBP6qeAOabuvvWJioWR4="_qs << pw;
    QTest::newRow("PLAIN") << u"{PLAIN}Secret-pw1"_qs << pw;
    QTest::newRow("CLEARTEXT") << u"{CLEARTEXT}Secret-pw1"_qs << pw;
    QTest::newRow("MD5-CRYPT prefixed")
        << u"{MD5-CRYPT}$1$/AIrwMyP$Gio52m42ErNGxVHTmvW.L."_qs << pw;
    QTest::newRow("vpopmail bare $1$")
        << u"$1$abcdefgh$KJTKo1JC7CvwWuhngVsGU0"_qs << u"vpop mail"_qs;
    QTest::newRow("vpopmail {CRYPT}$1$")
        << u"{CRYPT}$1$abcdefgh$KJTKo1JC7CvwWuhngVsGU0"_qs << u"vpop mail"_qs;
    QTest::newRow("vpopmail {MD5}$1$")
        << u"{MD5}$1$abcdefgh$KJTKo1JC7CvwWuhngVsGU0"_qs << u"vpop mail"_qs;
    QTest::newRow("MD5-CRYPT doveadm")
        << u"{MD5-CRYPT}$1$In/mIAVP$EfDFQhQ51MSecIwqfai.k1"_qs << u"vpop mail"_qs;
    QTest::newRow("SHA512-CRYPT")
        << u"{SHA512-CRYPT}$6$DDmtFVO7JhbTVhJe$z7HpJxjFWLlqxVcHZfIN8t86e0Ho6n.QKdZUUyF1iYm4pvgu.P2lTlhJ40viG5jSmEclyPtJbMuzhT9jibkiZ1"_qs
        << pw;
    QTest::newRow("SHA256-CRYPT")
        << u"{SHA256-CRYPT}$5$CsJr6TZwA9flM9WI$17Z/2OYwqAB0K6pftkoJTT6EsQFPCpwf.9hY/oIAkW5"_qs
        << pw;
    QTest::newRow("BLF-CRYPT")
        << u"{BLF-CRYPT}$2y$05$ag15jl8AvXwMhzpkhEG2LOrPrBJ62Yb2HhU2N8KJSpyuWn8J57PhG"_qs << pw;
    QTest::newRow("CRYPT bcrypt")
        << u"{CRYPT}$2y$05$vekY/qPl2.E8IQASCEEI9OuS6K4Nd95hgtDvREO8k/60DKvBLVOi."_qs << pw;
    QTest::newRow("SSHA512 unicode password")
        << u"{SSHA512}P/xG8fLizVfQEyH9WJ5p+J7llX2S1abJNfal48dOCG23HRIw0ovCY3RLcS6LB7a40P7KRhM0EmP5b4LopPPYBX8JfeI="_qs
        << u"パスワード"_qs;
}

void TestPasswordHash::verifyVectors() {
    QFETCH(QString, hash);
    QFETCH(QString, password);
    auto ok = PasswordHash::verify(hash, password);
    QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message));
    QVERIFY(ok.value());
    auto wrong = PasswordHash::verify(hash, password + u"x"_qs);
    QVERIFY(wrong.ok());
    QVERIFY(!wrong.value());
    QVERIFY(PasswordHash::classify(hash).recognised);
}

void TestPasswordHash::ssha512Format() {
    auto hash = PasswordHash::generate(PasswordScheme::Ssha512, u"abc"_qs);
    QVERIFY(hash.ok());
    QVERIFY(hash->startsWith(u"{SSHA512}"_qs));
    // 64-byte digest + 8-byte salt = 72 bytes = 96 base64 characters, as iRedAdmin writes.
    QCOMPARE(hash->size(), 9 + 96);
    const QByteArray raw = QByteArray::fromBase64(hash->mid(9).toLatin1());
    QCOMPARE(raw.size(), 72);
    // Salts differ (CSPRNG).
    auto again = PasswordHash::generate(PasswordScheme::Ssha512, u"abc"_qs);
    QVERIFY(again.value() != hash.value());
    // The password is not trimmed.
    auto spaced = PasswordHash::generate(PasswordScheme::Ssha512, u" abc "_qs);
    QVERIFY(!PasswordHash::verify(spaced.value(), u"abc"_qs).value());
    QVERIFY(PasswordHash::verify(spaced.value(), u" abc "_qs).value());
}

void TestPasswordHash::ssha512KnownSalt() {
    // base64(sha512("pw" + "saltsalt") + "saltsalt"), computed independently with Python.
    const QString hash = PasswordHash::ssha512WithSalt(u"pw"_qs, QByteArrayLiteral("saltsalt"));
    QCOMPARE(
        hash,
        u"{SSHA512}mAmPaElro8MJT/+2ohnmww5w7khtVXJFkXDAy8XDcxOPwcPLePW0CbNMVMRYxOE881ntDBHHfBHceDyzpq562nNhbHRzYWx0"_qs);
    QVERIFY(PasswordHash::verify(hash, u"pw"_qs).value());
}

void TestPasswordHash::generateRoundTrip_data() {
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("SSHA512") << int(PasswordScheme::Ssha512) << u"{SSHA512}"_qs;
    QTest::newRow("BLF-CRYPT") << int(PasswordScheme::BlfCrypt) << u"{BLF-CRYPT}$2y$10$"_qs;
    QTest::newRow("SHA512-CRYPT") << int(PasswordScheme::Sha512Crypt) << u"{SHA512-CRYPT}$6$"_qs;
}

void TestPasswordHash::generateRoundTrip() {
    QFETCH(int, scheme);
    QFETCH(QString, prefix);
    const QStringList passwords = {u"simple"_qs, u"パスワード🔑"_qs,
                                   u"x'); DROP TABLE mailbox;--"_qs, u"  spaces  "_qs};
    for (const QString &pw : passwords) {
        auto hash = PasswordHash::generate(PasswordScheme(scheme), pw);
        QVERIFY2(hash.ok(), qPrintable(hash.ok() ? QString() : hash.error().message));
        QVERIFY2(hash->startsWith(prefix), qPrintable(hash.value()));
        QVERIFY(PasswordHash::verify(hash.value(), pw).value());
        QVERIFY(!PasswordHash::verify(hash.value(), pw + u"1"_qs).value());
        QVERIFY(!PasswordHash::classify(hash.value()).weak);
        QVERIFY(PasswordHash::classify(hash.value()).iredadminLogin ||
                PasswordScheme(scheme) == PasswordScheme::Sha512Crypt);
    }
}

void TestPasswordHash::generateRejects() {
    QCOMPARE(PasswordHash::generate(PasswordScheme::Ssha512, QString()).error().code,
             u"password.empty"_qs);
    QCOMPARE(
        PasswordHash::generate(PasswordScheme::Ssha512, QString(u"a"_qs + QChar(0))).error().code,
        u"password.invalid"_qs);
    QCOMPARE(PasswordHash::generate(PasswordScheme::BlfCrypt, QString(73, u'a')).error().code,
             u"password.toolong"_qs);
}

void TestPasswordHash::classify_data() {
    QTest::addColumn<QString>("hash");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<bool>("weak");
    QTest::addColumn<bool>("iredadmin");

    QTest::newRow("ssha512")
        << u"{SSHA512}ZKmMrtUq129EM+cdxiV7VlKhJE3FpW4mnQOjcEdSuCk/44d9atYTOwdAP1QvrnMrAKOZSFYLkgf9Vi725lHKxfnNtmQ="_qs
        << u"SSHA512"_qs << false << true;
    QTest::newRow("bare $1$") << u"$1$abcdefgh$KJTKo1JC7CvwWuhngVsGU0"_qs << u"MD5-CRYPT"_qs << true
                              << false;
    QTest::newRow("{CRYPT}$1$") << u"{CRYPT}$1$abcdefgh$KJTKo1JC7CvwWuhngVsGU0"_qs
                                << u"MD5-CRYPT"_qs << true << true;
    QTest::newRow("{MD5-CRYPT}$1$")
        << u"{MD5-CRYPT}$1$abcdefgh$KJTKo1JC7CvwWuhngVsGU0"_qs << u"MD5-CRYPT"_qs << true << false;
    QTest::newRow("{CRYPT}$1$ short salt")
        << u"{CRYPT}$1$abcd$KJTKo1JC7CvwWuhngVsGU0"_qs << u"MD5-CRYPT"_qs << true << false;
    QTest::newRow("plain-md5") << u"{PLAIN-MD5}edd22f3185cb328cc379c243873d0847"_qs
                               << u"PLAIN-MD5"_qs << true << true;
    QTest::newRow("des") << u"abJnggxhB/yWI"_qs << u"DES-CRYPT"_qs << true << false;
    QTest::newRow("sha512-crypt prefix")
        << u"{SHA512-CRYPT}$6$x$y"_qs << u"SHA512-CRYPT"_qs << false << false;
    QTest::newRow("crypt $6$") << u"{CRYPT}$6$x$y"_qs << u"SHA512-CRYPT"_qs << false << true;
    QTest::newRow("crypt $2y$") << u"{CRYPT}$2y$05$abc"_qs << u"BLF-CRYPT"_qs << false << false;
    QTest::newRow("crypt $2b$") << u"{CRYPT}$2b$12$abc"_qs << u"BLF-CRYPT"_qs << false << true;
    QTest::newRow("blf $2y$") << u"{BLF-CRYPT}$2y$05$abc"_qs << u"BLF-CRYPT"_qs << false << true;
    QTest::newRow("cram-md5") << u"{CRAM-MD5}abcdef"_qs << u"CRAM-MD5"_qs << true << true;
    QTest::newRow("plain") << u"{PLAIN}x"_qs << u"PLAIN"_qs << false << true;
}

void TestPasswordHash::classify() {
    QFETCH(QString, hash);
    QFETCH(QString, scheme);
    QFETCH(bool, weak);
    QFETCH(bool, iredadmin);
    const SchemeInfo info = PasswordHash::classify(hash);
    QCOMPARE(info.scheme, scheme);
    QCOMPARE(info.weak, weak);
    QCOMPARE(info.iredadminLogin, iredadmin);
    if (weak) {
        QVERIFY(info.explanation.contains(u"auth_allow_weak_schemes"_qs));
        QVERIFY(info.explanation.contains(u"2.4"_qs));
    }
}

void TestPasswordHash::normaliseImported() {
    QCOMPARE(PasswordHash::normaliseImported(u"$1$abcdefgh$KJTKo1JC7CvwWuhngVsGU0"_qs).value(),
             u"{CRYPT}$1$abcdefgh$KJTKo1JC7CvwWuhngVsGU0"_qs);
    QCOMPARE(PasswordHash::normaliseImported(u"{SSHA}83mHx6EqSXMsbzCYFMBTJfRRA+BEbya8"_qs).value(),
             u"{SSHA}83mHx6EqSXMsbzCYFMBTJfRRA+BEbya8"_qs);
    QVERIFY(!PasswordHash::normaliseImported(u"not a hash"_qs).ok());
    QVERIFY(!PasswordHash::normaliseImported(u"{FOO}bar"_qs).ok());
    QVERIFY(!PasswordHash::normaliseImported(u"x'; DROP TABLE mailbox"_qs).ok());
}

void TestPasswordHash::crossCheckWithDoveadm_data() {
    QTest::addColumn<int>("scheme");
    QTest::newRow("SSHA512") << int(PasswordScheme::Ssha512);
    QTest::newRow("BLF-CRYPT") << int(PasswordScheme::BlfCrypt);
    QTest::newRow("SHA512-CRYPT") << int(PasswordScheme::Sha512Crypt);
}

// Our hashes must be accepted by Dovecot's own verifier (`doveadm pw -t`), and Dovecot's by
// ours. Skips when doveadm is not installed.
void TestPasswordHash::crossCheckWithDoveadm() {
    QFETCH(int, scheme);
    const QString doveadm = QStandardPaths::findExecutable(u"doveadm"_qs);
    if (doveadm.isEmpty())
        QSKIP("doveadm is not installed");
    const QString pw = u"Kreuz-Prüfung 1"_qs;
    auto ours = PasswordHash::generate(PasswordScheme(scheme), pw);
    QVERIFY(ours.ok());
    QProcess test;
    test.start(doveadm, {u"pw"_qs, u"-t"_qs, ours.value(), u"-p"_qs, pw});
    QVERIFY(test.waitForFinished(30000));
    QVERIFY2(test.exitCode() == 0, test.readAllStandardError().constData());
    QVERIFY(test.readAllStandardOutput().contains("verified"));

    QProcess wrong;
    wrong.start(doveadm, {u"pw"_qs, u"-t"_qs, ours.value(), u"-p"_qs, pw + u"x"_qs});
    QVERIFY(wrong.waitForFinished(30000));
    QVERIFY(wrong.exitCode() != 0);

    QProcess make;
    make.start(doveadm, {u"pw"_qs, u"-s"_qs, PasswordHash::schemeName(PasswordScheme(scheme)),
                         u"-p"_qs, pw});
    QVERIFY(make.waitForFinished(30000));
    QCOMPARE(make.exitCode(), 0);
    const QString theirs = QString::fromUtf8(make.readAllStandardOutput()).trimmed();
    QVERIFY(PasswordHash::verify(theirs, pw).value());
    QVERIFY(!PasswordHash::verify(theirs, pw + u"x"_qs).value());
}

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
