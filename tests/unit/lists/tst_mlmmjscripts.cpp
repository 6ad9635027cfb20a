// MlmmjScripts: parsing the remote scripts' output; the scripts' shape (paths quoted, the
// conflict check present, nothing unquoted from the input).

#include "core/lists/MlmmjScripts.h"

#include <QtTest/QTest>

using namespace maildeck::lists;

class TestMlmmjScripts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseControl_data() {
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("count");
        QTest::newRow("nothing") << QByteArray() << true << 0;
        QTest::newRow("one empty file") << QByteArray("tocc\n0\n") << true << 1;
        QTest::newRow("two files")
            << QByteArray("owner\n14\na@example.com\nprefix\n3\n[a]") << true << 2;
        QTest::newRow("content with framing-like lines")
            << QByteArray("footer_text\n8\nx\n5\nabc\ntocc\n0\n") << true << 2;
        QTest::newRow("BSD wc pads with spaces")
            << QByteArray("prefix\n       3\n[a]") << true << 1;
        QTest::newRow("truncated") << QByteArray("owner\n13\na@exa") << false << 0;
        QTest::newRow("no size") << QByteArray("owner\n") << false << 0;
        QTest::newRow("bad size") << QByteArray("owner\nx\n") << false << 0;
    }
    void parseControl() {
        QFETCH(QByteArray, out);
        QFETCH(bool, ok);
        QFETCH(int, count);
        auto r = MlmmjScripts::parseControl(out);
        QCOMPARE(r.ok(), ok);
        if (ok)
            QCOMPARE(r->size(), count);
    }

    void parseControlContent() {
        auto r = MlmmjScripts::parseControl(QByteArray("footer_text\n8\nx\n5\nabc\ntocc\n0\n"));
        QVERIFY(r.ok());
        QCOMPARE(r->value(QStringLiteral("footer_text")), QByteArray("x\n5\nabc\n"));
        QVERIFY(r->contains(QStringLiteral("tocc")));
        QCOMPARE(r->value(QStringLiteral("tocc")), QByteArray());
    }

    void parseSubscribers() {
        const QByteArray out = "#normal\na@example.com\nb@example.com\n#digest\n#nomail\n"
                               "c@example.com\n";
        const auto kinds = MlmmjScripts::parseSubscribers(out);
        QCOMPARE(kinds.value(SubscriberKind::Normal),
                 (QStringList{QStringLiteral("a@example.com"), QStringLiteral("b@example.com")}));
        QVERIFY(kinds.value(SubscriberKind::Digest).isEmpty());
        QCOMPARE(kinds.value(SubscriberKind::NoMail), QStringList{QStringLiteral("c@example.com")});
    }

    void parseCounts() {
        const auto c = MlmmjScripts::parseCounts("added 10000\nelsewhere 3\nnoise\n");
        QCOMPARE(c.value(QStringLiteral("added")), 10000);
        QCOMPARE(c.value(QStringLiteral("elsewhere")), 3);
        QCOMPARE(c.size(), 2);
    }

    void listDir() {
        MlmmjPaths p;
        QCOMPARE(p.listDir(QStringLiteral("news@example.com")),
                 QStringLiteral("/var/vmail/mlmmj/example.com/news"));
        QCOMPARE(p.archiveDir(), QStringLiteral("/var/vmail/mlmmj-archive"));
    }

    void scriptsQuoteTheirInput() {
        MlmmjPaths p;
        p.spool = QStringLiteral("/srv/it's here");
        const QString s = MlmmjScripts::create(p, QStringLiteral("news@example.com"),
                                               {{QStringLiteral("prefix"), QByteArray("[$(id)]")}},
                                               QStringLiteral("tok"));
        QVERIFY(s.contains(QStringLiteral("s='/srv/it'\\''s here'")));
        QVERIFY(!s.contains(QStringLiteral("$(id)"))); // content travels as base64
        QVERIFY(s.contains(QStringLiteral("exit 21")));
    }

    void applyControlChecksFirst() {
        const ControlFiles current{{QStringLiteral("prefix"), QByteArray("[old]")}};
        const ControlChanges changes{{QStringLiteral("prefix"), QByteArray("[new]")},
                                     {QStringLiteral("noarchive"), std::nullopt}};
        const QString s = MlmmjScripts::applyControl(QStringLiteral("/l"), current, changes,
                                                     QStringLiteral("tok"));
        // sha256("[old]") and "absent" are what the files must still be.
        QVERIFY(s.contains(QStringLiteral("= absent ] || {")));
        const qsizetype check = s.indexOf(QStringLiteral("exit 20"));
        const qsizetype write = s.indexOf(QStringLiteral("mv -fT"));
        QVERIFY(check > 0 && write > check);
        QVERIFY(s.contains(QStringLiteral("rollback")));
    }
};

QTEST_GUILESS_MAIN(TestMlmmjScripts)
#include "tst_mlmmjscripts.moc"
