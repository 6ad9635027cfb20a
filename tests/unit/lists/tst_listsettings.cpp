// ListSettings: mlmmj control files <-> settings, as mlmmj 1.3 reads them and mlmmjadmin writes
// them (facts/iredmail.md §5.2).

#include "core/lists/ListSettings.h"

#include <QtTest/QTest>

using namespace maildeck::lists;
using Posting = ListSettings::Posting;
using Files = QMap<QString, QByteArray>;

Q_DECLARE_METATYPE(maildeck::lists::ListSettings)

namespace {

Files labFiles() {
    // What the lab (and mlmmjadmin on create) leaves in control/.
    return {
        {QStringLiteral("customheaders"),
         "Precedence: bulk\nList-Id: <announce@example01.test>\nReply-To: "
         "announce@example01.test\nList-Post: <mailto:announce@example01.test>\n"
         "List-Subscribe: <mailto:announce+subscribe@example01.test?subject=Subscribe>\n"
         "List-Unsubscribe: <mailto:announce+unsubscribe@example01.test?subject=Unsubscribe>\n"},
        {QStringLiteral("ifmodsendonlymodmoderate"), ""},
        {QStringLiteral("listaddress"), "announce@example01.test\n"},
        {QStringLiteral("moderators"), "postmaster@example01.test\n"},
        {QStringLiteral("name"), "Announcements\n"},
        {QStringLiteral("noget"), ""},
        {QStringLiteral("owner"), "postmaster@example01.test\n"},
        {QStringLiteral("smtpport"), "10027\n"},
        {QStringLiteral("tocc"), ""},
        {QStringLiteral("subonlypost"), ""},
        {QStringLiteral("subonlyget"), ""},
    };
}

ListSettings none() {
    // Every file absent.
    ListSettings s;
    s.posting = Posting::Anyone;
    s.ifModSendOnlyModModerate = false;
    s.noGet = false;
    s.subOnlyGet = false;
    s.tocc = false;
    return s;
}

} // namespace

class TestListSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fromControlFiles_data() {
        QTest::addColumn<Files>("files");
        QTest::addColumn<ListSettings>("expected");

        QTest::newRow("empty directory") << Files{} << none();
        {
            ListSettings s = ListSettings::defaultsFor(QStringLiteral("announce@example01.test"));
            s.name = QStringLiteral("Announcements");
            QTest::newRow("mlmmjadmin defaults") << labFiles() << s;
        }
        {
            ListSettings s = none();
            s.posting = Posting::ModeratorsOnly;
            QTest::newRow("modonlypost wins over subonlypost")
                << Files{{QStringLiteral("modonlypost"), ""}, {QStringLiteral("subonlypost"), ""}}
                << s;
        }
        {
            ListSettings s = none();
            s.moderated = true;
            s.noArchive = true;
            QTest::newRow("boolean: presence, not content")
                << Files{{QStringLiteral("moderated"), "no\n"}, {QStringLiteral("noarchive"), "0"}}
                << s;
        }
        {
            ListSettings s = none();
            s.maxMailSize = 1048576;
            QTest::newRow("normal: first line only")
                << Files{{QStringLiteral("maxmailsize"), "1048576\nline two is a comment\n"}} << s;
        }
        QTest::newRow("maxmailsize garbage = no limit")
            << Files{{QStringLiteral("maxmailsize"), "big\n"}} << none();
        QTest::newRow("maxmailsize 0 = no limit")
            << Files{{QStringLiteral("maxmailsize"), "0"}} << none();
        {
            ListSettings s = none();
            s.subjectPrefix = QStringLiteral("[news] ");
            QTest::newRow("prefix keeps spaces, loses CRLF")
                << Files{{QStringLiteral("prefix"), "[news] \r\n"}} << s;
        }
        {
            ListSettings s = none();
            s.owners = {QStringLiteral("boss@example.com"), QStringLiteral("deputy@example.com")};
            QTest::newRow("list: trimmed, blank lines dropped, lower case")
                << Files{{QStringLiteral("owner"), "  Boss@Example.com \r\n\n\ndeputy@example.com"}}
                << s;
        }
        {
            ListSettings s = none();
            s.footerText = QStringLiteral("-- \nThe news list\n\nBye");
            QTest::newRow("text: whole file, one trailing newline off")
                << Files{{QStringLiteral("footer_text"), "-- \nThe news list\n\nBye\n"}} << s;
        }
        {
            ListSettings s = none();
            s.moderateSubscription = true;
            QTest::newRow("submod empty: owners moderate")
                << Files{{QStringLiteral("submod"), ""}} << s;
        }
        {
            ListSettings s = none();
            s.moderateSubscription = true;
            s.subscriptionModerators = {QStringLiteral("gate@example.com")};
            QTest::newRow("submod with addresses")
                << Files{{QStringLiteral("submod"), "gate@example.com\n"}} << s;
        }
        {
            ListSettings s = none();
            s.listAddress = QStringLiteral("news@example.com");
            s.extraAddresses = {QStringLiteral("news@lists.example.com")};
            QTest::newRow("listaddress: primary first")
                << Files{{QStringLiteral("listaddress"),
                          "news@example.com\nNews@Lists.example.com\n"}}
                << s;
        }
        {
            ListSettings s = none();
            s.smtpPort = 10027;
            s.relayHost = QStringLiteral("127.0.0.1");
            QTest::newRow("smtpport and relayhost")
                << Files{{QStringLiteral("smtpport"), "10027"},
                         {QStringLiteral("relayhost"), "127.0.0.1\n"}}
                << s;
        }
        QTest::newRow("smtpport out of range ignored")
            << Files{{QStringLiteral("smtpport"), "70000"}} << none();
        {
            ListSettings s = none();
            s.removeHeaders = {QStringLiteral("DKIM-Signature:"),
                               QStringLiteral("Authentication-Results:")};
            QTest::newRow("delheaders") << Files{{QStringLiteral("delheaders"),
                                                  "DKIM-Signature:\nAuthentication-Results:\n"}}
                                        << s;
        }
        QTest::newRow("unknown files are not settings")
            << Files{{QStringLiteral("access"), "deny\n"},
                     {QStringLiteral("digestinterval"), "86400"}}
            << none();
    }
    void fromControlFiles() {
        QFETCH(Files, files);
        QFETCH(ListSettings, expected);
        const ListSettings got = ListSettings::fromControlFiles(files);
        QCOMPARE(got.owners, expected.owners);
        QCOMPARE(got.customHeaders, expected.customHeaders);
        QCOMPARE(got.footerText, expected.footerText);
        QCOMPARE(int(got.posting), int(expected.posting));
        QVERIFY(got == expected);
    }

    void toControlFiles_data() {
        QTest::addColumn<ListSettings>("settings");
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QByteArray>("content");

        const ListSettings d = ListSettings::defaultsFor(QStringLiteral("news@example.com"));
        QTest::newRow("bool yes: empty file")
            << d << QStringLiteral("tocc") << true << QByteArray();
        QTest::newRow("bool no: no file")
            << d << QStringLiteral("noarchive") << false << QByteArray();
        QTest::newRow("subscribers only")
            << d << QStringLiteral("subonlypost") << true << QByteArray();
        QTest::newRow("then not moderators only")
            << d << QStringLiteral("modonlypost") << false << QByteArray();
        QTest::newRow("normal: no trailing newline (mlmmjadmin)")
            << d << QStringLiteral("smtpport") << true << QByteArray("10027");
        QTest::newRow("list: one per line, final newline")
            << d << QStringLiteral("owner") << true << QByteArray("postmaster@example.com\n");
        QTest::newRow("listaddress always written")
            << d << QStringLiteral("listaddress") << true << QByteArray("news@example.com\n");
        QTest::newRow("default custom headers")
            << d << QStringLiteral("customheaders") << true
            << QByteArray("Precedence: bulk\nList-Id: <news@example.com>\n"
                          "Reply-To: news@example.com\nList-Post: <mailto:news@example.com>\n"
                          "List-Subscribe: <mailto:news+subscribe@example.com?subject=Subscribe>\n"
                          "List-Unsubscribe: "
                          "<mailto:news+unsubscribe@example.com?subject=Unsubscribe>\n");
        QTest::newRow("no size limit: no file")
            << d << QStringLiteral("maxmailsize") << false << QByteArray();
        {
            ListSettings s = d;
            s.maxMailSize = 5242880;
            QTest::newRow("size in bytes")
                << s << QStringLiteral("maxmailsize") << true << QByteArray("5242880");
        }
        {
            ListSettings s = d;
            s.posting = Posting::ModeratorsOnly;
            QTest::newRow("moderators only: modonlypost")
                << s << QStringLiteral("modonlypost") << true << QByteArray();
            QTest::newRow("moderators only: no subonlypost")
                << s << QStringLiteral("subonlypost") << false << QByteArray();
        }
        {
            ListSettings s = d;
            s.posting = Posting::Anyone;
            QTest::newRow("anyone: no subonlypost")
                << s << QStringLiteral("subonlypost") << false << QByteArray();
        }
        {
            ListSettings s = d;
            s.footerHtml = QStringLiteral("<p>bye</p>");
            QTest::newRow("html footer only: empty footer_text (mlmmjadmin)")
                << s << QStringLiteral("footer_text") << true << QByteArray();
            QTest::newRow("html footer as given")
                << s << QStringLiteral("footer_html") << true << QByteArray("<p>bye</p>");
        }
        {
            ListSettings s = d;
            s.moderateSubscription = true;
            QTest::newRow("submod by owners: empty file")
                << s << QStringLiteral("submod") << true << QByteArray();
        }
        {
            ListSettings s = d;
            s.subscriptionModerators = {QStringLiteral("gate@example.com")};
            QTest::newRow("submod moderators without moderation: no file")
                << s << QStringLiteral("submod") << false << QByteArray();
        }
        {
            ListSettings s = d;
            s.subjectPrefix = QStringLiteral("[news]");
            QTest::newRow("prefix")
                << s << QStringLiteral("prefix") << true << QByteArray("[news]");
        }
        {
            ListSettings s = d;
            s.name = QStringLiteral("日本語のリスト");
            QTest::newRow("name in UTF-8")
                << s << QStringLiteral("name") << true << QStringLiteral("日本語のリスト").toUtf8();
        }
    }
    void toControlFiles() {
        QFETCH(ListSettings, settings);
        QFETCH(QString, file);
        QFETCH(bool, present);
        QFETCH(QByteArray, content);
        const ControlChanges out = ListSettings::toControlFiles(settings);
        QVERIFY2(out.contains(file), qPrintable(file));
        QCOMPARE(out.value(file).has_value(), present);
        if (present)
            QCOMPARE(*out.value(file), content);
        // Every managed file has an entry, nothing else.
        QCOMPARE(out.keys(), ListSettings::managedFiles());
    }

    void roundTrip_data() {
        QTest::addColumn<ListSettings>("settings");
        ListSettings d = ListSettings::defaultsFor(QStringLiteral("news@example.com"));
        QTest::newRow("defaults") << d;
        ListSettings all = d;
        all.name = QStringLiteral("News");
        all.extraAddresses = {QStringLiteral("news@lists.example.com")};
        all.owners << QStringLiteral("boss@example.org");
        all.moderators = {QStringLiteral("mod1@example.com"), QStringLiteral("mod2@example.com")};
        all.posting = Posting::ModeratorsOnly;
        all.moderated = true;
        all.moderateNonSubscriberPosts = true;
        all.notifySenderWhenModerated = true;
        all.closedList = true;
        all.closedListSub = true;
        all.noSubConfirm = true;
        all.moderateSubscription = true;
        all.subscriptionModerators = {QStringLiteral("gate@example.com")};
        all.noDigestSub = all.noDigestText = all.noNomailSub = all.notifySub = true;
        all.noSubModMails = all.noArchive = all.noListSubsEmail = all.notMeToo = true;
        all.noGet = all.subOnlyGet = all.tocc = false;
        all.replyTo = all.newsletterSubscription = true;
        all.noToCcDenyMails = all.noAccessDenyMails = all.noSubOnlyDenyMails = true;
        all.noModOnlyDenyMails = all.noMaxMailSizeDenyMails = true;
        all.maxMailSize = 10485760;
        all.subjectPrefix = QStringLiteral("[news]");
        all.relayHost = QStringLiteral("192.0.2.25");
        all.smtpHelo = QStringLiteral("lists.example.com");
        all.smtpPort = 10027;
        all.customHeaders = {QStringLiteral("X-Test: 1")};
        all.removeHeaders = {QStringLiteral("DKIM-Signature:")};
        all.footerText = QStringLiteral("-- \nNews\n");
        all.footerHtml = QStringLiteral("<p>News</p>");
        all.mlmmjFooter = QStringLiteral("plain footer");
        QTest::newRow("everything set") << all;
        ListSettings anyone = d;
        anyone.posting = Posting::Anyone;
        anyone.customHeaders.clear();
        anyone.moderators.clear();
        QTest::newRow("open list, no headers") << anyone;
    }
    void roundTrip() {
        QFETCH(ListSettings, settings);
        Files files;
        const ControlChanges out = ListSettings::toControlFiles(settings);
        for (auto it = out.constBegin(); it != out.constEnd(); ++it)
            if (it.value())
                files.insert(it.key(), *it.value());
        ListSettings back = ListSettings::fromControlFiles(files);
        // A text's one trailing newline is not kept by mlmmj's ctrlcontent(); compare modulo it.
        if (settings.footerText.endsWith(QLatin1Char('\n')))
            back.footerText += QLatin1Char('\n');
        QVERIFY(back == settings);
        QVERIFY(ListSettings::changedFiles(files, back).isEmpty() ||
                settings.footerText.endsWith(QLatin1Char('\n')));
    }

    void changedFiles_data() {
        QTest::addColumn<QStringList>("changed");
        QTest::addColumn<QStringList>("deleted");
        QTest::addColumn<ListSettings>("settings");
        ListSettings s = ListSettings::fromControlFiles(labFiles());
        QTest::newRow("same meaning, other spelling: nothing")
            << QStringList() << QStringList() << s;
        ListSettings prefix = s;
        prefix.subjectPrefix = QStringLiteral("[a]");
        QTest::newRow("prefix") << QStringList{QStringLiteral("prefix")} << QStringList() << prefix;
        ListSettings mods = s;
        mods.posting = Posting::ModeratorsOnly;
        QTest::newRow("posting: both files") << QStringList{QStringLiteral("modonlypost")}
                                             << QStringList{QStringLiteral("subonlypost")} << mods;
        ListSettings size = s;
        size.maxMailSize = 1000;
        size.noGet = false;
        QTest::newRow("size and noget") << QStringList{QStringLiteral("maxmailsize")}
                                        << QStringList{QStringLiteral("noget")} << size;
        ListSettings owners = s;
        owners.owners << QStringLiteral("boss@example01.test");
        QTest::newRow("owners") << QStringList{QStringLiteral("owner")} << QStringList() << owners;
    }
    void changedFiles() {
        QFETCH(QStringList, changed);
        QFETCH(QStringList, deleted);
        QFETCH(ListSettings, settings);
        const ControlChanges out = ListSettings::changedFiles(labFiles(), settings);
        QStringList gotChanged, gotDeleted;
        for (auto it = out.constBegin(); it != out.constEnd(); ++it)
            (it.value() ? gotChanged : gotDeleted) << it.key();
        QCOMPARE(gotChanged, changed);
        QCOMPARE(gotDeleted, deleted);
    }

    void normalised_data() {
        QTest::addColumn<ListSettings>("settings");
        QTest::addColumn<QString>("code");
        const ListSettings d = ListSettings::defaultsFor(QStringLiteral("news@example.com"));
        QTest::newRow("defaults are fine") << d << QString();
        ListSettings s = d;
        s.listAddress = QStringLiteral("not an address");
        QTest::newRow("bad list address") << s << QStringLiteral("list.address");
        s = d;
        s.owners = {QStringLiteral("boss@example.com'; DROP TABLE maillists; --")};
        QTest::newRow("sql in owner") << s << QStringLiteral("list.owner");
        s = d;
        s.owners.clear();
        QTest::newRow("no owner") << s << QStringLiteral("list.owner.empty");
        s = d;
        s.moderators.clear();
        s.moderated = true;
        QTest::newRow("moderated without moderators")
            << s << QStringLiteral("list.moderator.empty");
        s = d;
        s.moderators.clear();
        s.posting = ListSettings::Posting::ModeratorsOnly;
        QTest::newRow("moderators only without moderators")
            << s << QStringLiteral("list.moderator.empty");
        s = d;
        s.moderators = {QStringLiteral("x\n@example.com")};
        QTest::newRow("control character in moderator") << s << QStringLiteral("list.moderator");
        s = d;
        s.subjectPrefix = QStringLiteral("[a]\nBcc: victim@example.org");
        QTest::newRow("line break in prefix") << s << QStringLiteral("list.value");
        s = d;
        s.customHeaders = {QStringLiteral("no colon here")};
        QTest::newRow("header without colon") << s << QStringLiteral("list.header");
        s = d;
        s.removeHeaders = {QStringLiteral("Two Words")};
        QTest::newRow("delheader with space") << s << QStringLiteral("list.header");
        s = d;
        s.maxMailSize = -1;
        QTest::newRow("negative size") << s << QStringLiteral("list.size");
        s = d;
        s.smtpPort = 70000;
        QTest::newRow("port") << s << QStringLiteral("list.port");
        s = d;
        s.subscriptionModerators = {QStringLiteral("@@")};
        s.moderateSubscription = true;
        QTest::newRow("bad submod") << s << QStringLiteral("list.submod");
    }
    void normalised() {
        QFETCH(ListSettings, settings);
        QFETCH(QString, code);
        auto r = ListSettings::normalised(settings);
        if (code.isEmpty()) {
            QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, code);
            QVERIFY(!r.error().message.isEmpty());
        }
    }

    void normalisedForms() {
        ListSettings s = ListSettings::defaultsFor(QStringLiteral("news@example.com"));
        s.listAddress = QStringLiteral("News@Bücher.example");
        s.owners = {QStringLiteral("Boss@Bücher.example"), QStringLiteral("boss@bücher.example")};
        s.removeHeaders = {QStringLiteral("DKIM-Signature"), QStringLiteral("dkim-signature:")};
        s.customHeaders = {QStringLiteral("  X-A: 1  "), QString()};
        s.subscriptionModerators = {QStringLiteral("gate@example.com")};
        auto r = ListSettings::normalised(s);
        QVERIFY(r.ok());
        QCOMPARE(r->listAddress, QStringLiteral("news@xn--bcher-kva.example"));
        QCOMPARE(r->owners, QStringList{QStringLiteral("boss@xn--bcher-kva.example")});
        QCOMPARE(r->removeHeaders, QStringList{QStringLiteral("DKIM-Signature:")});
        QCOMPARE(r->customHeaders, QStringList{QStringLiteral("X-A: 1")});
        QVERIFY(r->subscriptionModerators.isEmpty()); // no submod without moderation
    }

    void accessPolicy_data() {
        QTest::addColumn<int>("posting");
        QTest::addColumn<QString>("policy");
        QTest::newRow("anyone") << int(Posting::Anyone) << QString();
        QTest::newRow("subscribers")
            << int(Posting::SubscribersOnly) << QStringLiteral("membersonly");
        QTest::newRow("moderators")
            << int(Posting::ModeratorsOnly) << QStringLiteral("moderatorsonly");
    }
    void accessPolicy() {
        QFETCH(int, posting);
        QFETCH(QString, policy);
        ListSettings s;
        s.posting = Posting(posting);
        QCOMPARE(s.accessPolicy(), policy);
    }
};

QTEST_GUILESS_MAIN(TestListSettings)
#include "tst_listsettings.moc"
