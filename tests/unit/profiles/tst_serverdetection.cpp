// ServerDetection: the flavour, paths and notes from real os-release files, `uname -s` and the
// list of paths that exist; the probe command's output format.

#include "core/profiles/ServerDetection.h"

#include <QFile>
#include <QProcess>
#include <QtTest/QTest>

using namespace maildeck;

namespace {
// Real /etc/os-release files of the systems iRedMail 1.8 supports.
const char kDebian12[] = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                         "NAME=\"Debian GNU/Linux\"\n"
                         "VERSION_ID=\"12\"\n"
                         "VERSION=\"12 (bookworm)\"\n"
                         "VERSION_CODENAME=bookworm\n"
                         "ID=debian\n"
                         "HOME_URL=\"https://www.debian.org/\"\n"
                         "SUPPORT_URL=\"https://www.debian.org/support\"\n"
                         "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n";
const char kUbuntu2404[] =
    "PRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\n"
    "NAME=\"Ubuntu\"\n"
    "VERSION_ID=\"24.04\"\n"
    "VERSION=\"24.04.1 LTS (Noble Numbat)\"\n"
    "VERSION_CODENAME=noble\n"
    "ID=ubuntu\n"
    "ID_LIKE=debian\n"
    "HOME_URL=\"https://www.ubuntu.com/\"\n"
    "SUPPORT_URL=\"https://help.ubuntu.com/\"\n"
    "BUG_REPORT_URL=\"https://bugs.launchpad.net/ubuntu/\"\n"
    "PRIVACY_POLICY_URL=\"https://www.ubuntu.com/legal/terms-and-policies/privacy-policy\"\n"
    "UBUNTU_CODENAME=noble\n"
    "LOGO=ubuntu-logo\n";
const char kRocky9[] = "NAME=\"Rocky Linux\"\n"
                       "VERSION=\"9.4 (Blue Onyx)\"\n"
                       "ID=\"rocky\"\n"
                       "ID_LIKE=\"rhel centos fedora\"\n"
                       "VERSION_ID=\"9.4\"\n"
                       "PLATFORM_ID=\"platform:el9\"\n"
                       "PRETTY_NAME=\"Rocky Linux 9.4 (Blue Onyx)\"\n"
                       "ANSI_COLOR=\"0;32\"\n"
                       "LOGO=\"fedora-logo-icon\"\n"
                       "CPE_NAME=\"cpe:/o:rocky:rocky:9::baseos\"\n"
                       "HOME_URL=\"https://rockylinux.org/\"\n"
                       "BUG_REPORT_URL=\"https://bugs.rockylinux.org/\"\n"
                       "SUPPORT_END=\"2032-05-31\"\n"
                       "ROCKY_SUPPORT_PRODUCT=\"Rocky-Linux-9\"\n"
                       "ROCKY_SUPPORT_PRODUCT_VERSION=\"9.4\"\n"
                       "REDHAT_SUPPORT_PRODUCT=\"Rocky Linux\"\n"
                       "REDHAT_SUPPORT_PRODUCT_VERSION=\"9.4\"\n";
const char kAlma9[] = "NAME=\"AlmaLinux\"\n"
                      "VERSION=\"9.4 (Seafoam Ocelot)\"\n"
                      "ID=\"almalinux\"\n"
                      "ID_LIKE=\"rhel centos fedora\"\n"
                      "VERSION_ID=\"9.4\"\n"
                      "PLATFORM_ID=\"platform:el9\"\n"
                      "PRETTY_NAME=\"AlmaLinux 9.4 (Seafoam Ocelot)\"\n"
                      "ANSI_COLOR=\"0;34\"\n"
                      "LOGO=\"fedora-logo-icon\"\n"
                      "CPE_NAME=\"cpe:/o:almalinux:almalinux:9::baseos\"\n"
                      "HOME_URL=\"https://almalinux.org/\"\n"
                      "DOCUMENTATION_URL=\"https://wiki.almalinux.org/\"\n"
                      "BUG_REPORT_URL=\"https://bugs.almalinux.org/\"\n"
                      "ALMALINUX_MANTISBT_PROJECT=\"AlmaLinux-9\"\n"
                      "ALMALINUX_MANTISBT_PROJECT_VERSION=\"9.4\"\n"
                      "REDHAT_SUPPORT_PRODUCT=\"AlmaLinux\"\n"
                      "REDHAT_SUPPORT_PRODUCT_VERSION=\"9.4\"\n"
                      "SUPPORT_END=2032-06-01\n";
const char kCentosStream9[] = "NAME=\"CentOS Stream\"\n"
                              "VERSION=\"9\"\n"
                              "ID=\"centos\"\n"
                              "ID_LIKE=\"rhel fedora\"\n"
                              "VERSION_ID=\"9\"\n"
                              "PLATFORM_ID=\"platform:el9\"\n"
                              "PRETTY_NAME=\"CentOS Stream 9\"\n"
                              "ANSI_COLOR=\"0;31\"\n"
                              "LOGO=\"fedora-logo-icon\"\n"
                              "CPE_NAME=\"cpe:/o:centos:centos:9\"\n"
                              "HOME_URL=\"https://centos.org/\"\n"
                              "BUG_REPORT_URL=\"https://issues.redhat.com/\"\n"
                              "REDHAT_SUPPORT_PRODUCT=\"Red Hat Enterprise Linux 9\"\n"
                              "REDHAT_SUPPORT_PRODUCT_VERSION=\"CentOS Stream\"\n";
const char kFreeBsd14[] = "NAME=FreeBSD\n"
                          "VERSION=\"14.1-RELEASE\"\n"
                          "VERSION_ID=\"14.1\"\n"
                          "ID=freebsd\n"
                          "ANSI_COLOR=\"0;31\"\n"
                          "PRETTY_NAME=\"FreeBSD 14.1-RELEASE\"\n"
                          "CPE_NAME=\"cpe:/o:freebsd:freebsd:14.1\"\n"
                          "HOME_URL=\"https://FreeBSD.org/\"\n"
                          "BUG_REPORT_URL=\"https://bugs.FreeBSD.org/\"\n";
const char kGarbage[] = "\x7f"
                        "ELF\x02\x01 not an os-release file\n= =\nid=debian\n#ID=debian\n";

QStringList list(std::initializer_list<const char *> items) {
    QStringList out;
    for (const char *i : items)
        out << QString::fromLatin1(i);
    return out;
}

// A whole iRedMail installation's files on each OS.
const QStringList kDebianFiles =
    list({"/var/log/mail.log", "/var/log/maillog", "/etc/postfix", "/etc/dovecot/dovecot.conf",
          "/var/log/dovecot", "/opt/iredapd/settings.py", "/var/vmail/mlmmj"});
const QStringList kRhelFiles =
    list({"/var/log/maillog", "/etc/postfix", "/etc/dovecot/dovecot.conf", "/var/log/dovecot",
          "/opt/iredapd/settings.py", "/var/vmail/mlmmj"});
const QStringList kFreeBsdFiles =
    list({"/var/log/maillog", "/usr/local/etc/postfix", "/usr/local/etc/dovecot/dovecot.conf",
          "/var/log/dovecot", "/opt/iredapd/settings.py", "/var/vmail/mlmmj"});
} // namespace

class TestServerDetection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void systems_data() {
        QTest::addColumn<QString>("osRelease");
        QTest::addColumn<QString>("uname");
        QTest::addColumn<QStringList>("existing");
        QTest::addColumn<int>("current");
        QTest::addColumn<bool>("recognised");
        QTest::addColumn<int>("flavour");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("mailLog");
        QTest::addColumn<QString>("postfixDir");
        QTest::addColumn<QString>("dovecotConfig");
        QTest::addColumn<QStringList>("missing");

        const auto row = [](const char *name, const char *osRelease, const char *uname,
                            const QStringList &existing, ServerFlavour current, bool recognised,
                            ServerFlavour flavour, const char *summary, const char *mailLog,
                            const char *postfixDir, const char *dovecotConfig,
                            const QStringList &missing) {
            QTest::newRow(name) << QString::fromLatin1(osRelease) << QString::fromLatin1(uname)
                                << existing << int(current) << recognised << int(flavour)
                                << QString::fromLatin1(summary) << QString::fromLatin1(mailLog)
                                << QString::fromLatin1(postfixDir)
                                << QString::fromLatin1(dovecotConfig) << missing;
        };
        const QStringList none;
        row("debian 12", kDebian12, "Linux\n", kDebianFiles, ServerFlavour::Rhel, true,
            ServerFlavour::Debian, "Debian GNU/Linux 12 (bookworm)", "/var/log/mail.log",
            "/etc/postfix", "/etc/dovecot/dovecot.conf", none);
        row("ubuntu 24.04", kUbuntu2404, "Linux\n", kDebianFiles, ServerFlavour::Rhel, true,
            ServerFlavour::Debian, "Ubuntu 24.04.1 LTS", "/var/log/mail.log", "/etc/postfix",
            "/etc/dovecot/dovecot.conf", none);
        row("rocky 9", kRocky9, "Linux\n", kRhelFiles, ServerFlavour::Debian, true,
            ServerFlavour::Rhel, "Rocky Linux 9.4 (Blue Onyx)", "/var/log/maillog", "/etc/postfix",
            "/etc/dovecot/dovecot.conf", none);
        row("alma 9", kAlma9, "Linux\n", kRhelFiles, ServerFlavour::Debian, true,
            ServerFlavour::Rhel, "AlmaLinux 9.4 (Seafoam Ocelot)", "/var/log/maillog",
            "/etc/postfix", "/etc/dovecot/dovecot.conf", none);
        row("centos stream 9", kCentosStream9, "Linux\n", kRhelFiles, ServerFlavour::Debian, true,
            ServerFlavour::Rhel, "CentOS Stream 9", "/var/log/maillog", "/etc/postfix",
            "/etc/dovecot/dovecot.conf", none);
        row("freebsd 14", kFreeBsd14, "FreeBSD\n", kFreeBsdFiles, ServerFlavour::Debian, true,
            ServerFlavour::FreeBsd, "FreeBSD 14.1-RELEASE", "/var/log/maillog",
            "/usr/local/etc/postfix", "/usr/local/etc/dovecot/dovecot.conf", none);
        row("openbsd (uname only)", "", "OpenBSD\n", kRhelFiles, ServerFlavour::Debian, true,
            ServerFlavour::OpenBsd, "OpenBSD", "/var/log/maillog", "/etc/postfix",
            "/etc/dovecot/dovecot.conf", none);
        // Unknown: the profile's flavour stays (here RHEL) with its defaults.
        row("garbage", kGarbage, "Linux\n", kRhelFiles, ServerFlavour::Rhel, false,
            ServerFlavour::Rhel, "Linux", "/var/log/maillog", "/etc/postfix",
            "/etc/dovecot/dovecot.conf", none);
        row("nothing at all", "", "", none, ServerFlavour::FreeBsd, false, ServerFlavour::FreeBsd,
            "Unknown operating system", "/var/log/maillog", "/usr/local/etc/postfix",
            "/usr/local/etc/dovecot/dovecot.conf",
            list({"/var/log/maillog", "/usr/local/etc/postfix",
                  "/usr/local/etc/dovecot/dovecot.conf", "/var/log/dovecot",
                  "/opt/iredapd/settings.py", "/var/vmail/mlmmj"}));
        // Debian without mail.log but with maillog (rsyslog set up by hand): maillog is used.
        row("debian, only maillog", kDebian12, "Linux\n",
            list({"/var/log/maillog", "/etc/postfix", "/etc/dovecot/dovecot.conf"}),
            ServerFlavour::Debian, true, ServerFlavour::Debian, "Debian GNU/Linux 12 (bookworm)",
            "/var/log/maillog", "/etc/postfix", "/etc/dovecot/dovecot.conf",
            list({"/var/log/dovecot", "/opt/iredapd/settings.py", "/var/vmail/mlmmj"}));
        // A plain Debian 12 without iRedMail's logs (the lab's shape: logs elsewhere).
        row("debian, no mail log", kDebian12, "Linux\n",
            list({"/etc/postfix", "/etc/dovecot/dovecot.conf"}), ServerFlavour::Debian, true,
            ServerFlavour::Debian, "Debian GNU/Linux 12 (bookworm)", "/var/log/mail.log",
            "/etc/postfix", "/etc/dovecot/dovecot.conf",
            list({"/var/log/mail.log", "/var/log/dovecot", "/opt/iredapd/settings.py",
                  "/var/vmail/mlmmj"}));
    }

    void systems() {
        QFETCH(QString, osRelease);
        QFETCH(QString, uname);
        QFETCH(QStringList, existing);
        QFETCH(int, current);
        QFETCH(bool, recognised);
        QFETCH(int, flavour);
        QFETCH(QString, summary);
        QFETCH(QString, mailLog);
        QFETCH(QString, postfixDir);
        QFETCH(QString, dovecotConfig);
        QFETCH(QStringList, missing);

        const DetectedServer d =
            ServerDetection::detect(osRelease, uname, existing, ServerFlavour(current));
        QCOMPARE(d.recognised, recognised);
        QCOMPARE(int(d.flavour), flavour);
        QCOMPARE(d.summary, summary);
        QCOMPARE(d.paths.mailLog, mailLog);
        QCOMPARE(d.paths.postfixConfigDir, postfixDir);
        QCOMPARE(d.paths.dovecotConfig, dovecotConfig);
        QCOMPARE(d.missingPaths, missing);
        // Said so: unknown OS, paths not found, a path used instead of the default.
        QCOMPARE(d.notes.join(QLatin1Char('\n')).contains(summary), !recognised);
        for (const QString &m : missing)
            QVERIFY2(d.notes.join(QLatin1Char('\n')).contains(m), qPrintable(m));
        if (missing.isEmpty() && recognised &&
            mailLog == ServerPaths::defaultsFor(ServerFlavour(flavour)).mailLog)
            QVERIFY2(d.notes.isEmpty(), qPrintable(d.notes.join(QLatin1Char('\n'))));
        if (mailLog != ServerPaths::defaultsFor(ServerFlavour(flavour)).mailLog)
            QVERIFY(d.notes.join(QLatin1Char('\n')).contains(mailLog));
    }

    void quotingAndEscapes() {
        QString pretty;
        const auto f = ServerDetection::flavourFromOsRelease(
            QStringLiteral("ID='ubuntu'\nPRETTY_NAME=\"My \\\"Server\\\" 24\"\n"), &pretty);
        QVERIFY(f.has_value());
        QCOMPARE(*f, ServerFlavour::Debian);
        QCOMPARE(pretty, QStringLiteral("My \"Server\" 24"));
        // Fedora by ID_LIKE only (an unknown RHEL rebuild).
        QCOMPARE(ServerDetection::flavourFromOsRelease(
                     QStringLiteral("ID=\"navy\"\nID_LIKE=\"rhel fedora\"\n")),
                 std::optional<ServerFlavour>(ServerFlavour::Rhel));
        QCOMPARE(ServerDetection::flavourFromOsRelease(QStringLiteral("ID=arch\n")),
                 std::optional<ServerFlavour>());
        // No PRETTY_NAME: NAME and VERSION.
        ServerDetection::flavourFromOsRelease(
            QStringLiteral("NAME=FreeBSD\nVERSION=14.0-RELEASE\nID=freebsd\n"), &pretty);
        QCOMPARE(pretty, QStringLiteral("FreeBSD 14.0-RELEASE"));
    }

    void probeOutputIsSplit() {
        const QByteArray out = QByteArray(kRocky9) +
                               "@@maildeck-uname@@\nLinux\n@@maildeck-exists@@\n"
                               "/var/log/maillog\n/etc/postfix\n";
        const DetectedServer d = ServerDetection::fromProbeOutput(out, ServerFlavour::Debian);
        QVERIFY(d.recognised);
        QCOMPARE(d.flavour, ServerFlavour::Rhel);
        QCOMPARE(d.summary, QStringLiteral("Rocky Linux 9.4 (Blue Onyx)"));
        QVERIFY(!d.missingPaths.contains(QStringLiteral("/var/log/maillog")));
        QVERIFY(d.missingPaths.contains(QStringLiteral("/etc/dovecot/dovecot.conf")));
        // OpenBSD: no os-release, cat prints nothing.
        const DetectedServer o = ServerDetection::fromProbeOutput(
            "@@maildeck-uname@@\nOpenBSD\n@@maildeck-exists@@\n", ServerFlavour::Debian);
        QCOMPARE(o.flavour, ServerFlavour::OpenBsd);
        // Output that is not the probe's: unknown, the current flavour kept.
        const DetectedServer g =
            ServerDetection::fromProbeOutput("sh: 1: syntax error", ServerFlavour::Rhel);
        QVERIFY(!g.recognised);
        QCOMPARE(g.flavour, ServerFlavour::Rhel);
    }

    // The probe is valid POSIX shell: run here with /bin/sh, it reports this machine.
    void probeRunsInAPosixShell() {
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"), ServerDetection::probeCommand()});
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(sh.exitCode(), 0);
        const QByteArray out = sh.readAllStandardOutput();
        QVERIFY(sh.readAllStandardError().isEmpty());
        QStringList existing;
        for (const QString &p : ServerDetection::candidatePaths())
            if (QFile::exists(p))
                existing << p;
        QFile osRelease(QStringLiteral("/etc/os-release"));
        const QString text = osRelease.open(QIODevice::ReadOnly)
                                 ? QString::fromUtf8(osRelease.readAll())
                                 : QString();
        const DetectedServer expected = ServerDetection::detect(text, QStringLiteral("Linux"),
                                                                existing, ServerFlavour::FreeBsd);
        const DetectedServer got = ServerDetection::fromProbeOutput(out, ServerFlavour::FreeBsd);
        QCOMPARE(got.flavour, expected.flavour);
        QCOMPARE(got.summary, expected.summary);
        QCOMPARE(got.missingPaths, expected.missingPaths);
    }
};

QTEST_GUILESS_MAIN(TestServerDetection)
#include "tst_serverdetection.moc"
