#include "core/db/Csv.h"

#include <QtTest/QTest>

using namespace maildeck::db;

class TestCsv : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void lineNumbers();
};

using Rows = QList<QStringList>;

void TestCsv::parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<Rows>("rows");

    QTest::newRow("simple") << u"a,b,c\n1,2,3\n"_qs
                            << Rows{{u"a"_qs, u"b"_qs, u"c"_qs}, {u"1"_qs, u"2"_qs, u"3"_qs}};
    QTest::newRow("no final newline") << u"a,b"_qs << Rows{{u"a"_qs, u"b"_qs}};
    QTest::newRow("crlf") << u"a,b\r\n1,2\r\n"_qs << Rows{{u"a"_qs, u"b"_qs}, {u"1"_qs, u"2"_qs}};
    QTest::newRow("cr only") << u"a,b\r1,2"_qs << Rows{{u"a"_qs, u"b"_qs}, {u"1"_qs, u"2"_qs}};
    QTest::newRow("quoted comma") << u"\"a,b\",c"_qs << Rows{{u"a,b"_qs, u"c"_qs}};
    QTest::newRow("escaped quote")
        << u"\"say \"\"hi\"\"\",x"_qs << Rows{{u"say \"hi\""_qs, u"x"_qs}};
    QTest::newRow("quoted newline crlf")
        << u"\"line1\r\nline2\",x\r\n"_qs << Rows{{u"line1\nline2"_qs, u"x"_qs}};
    QTest::newRow("empty fields") << u",,\n"_qs << Rows{{QString(), QString(), QString()}};
    QTest::newRow("empty quoted") << u"a,\"\"\n"_qs << Rows{{u"a"_qs, QString()}};
    QTest::newRow("blank lines skipped") << u"a\n\n\r\nb\n"_qs << Rows{{u"a"_qs}, {u"b"_qs}};
    QTest::newRow("bom") << QString(QChar(0xFEFF) + u"a,b"_qs) << Rows{{u"a"_qs, u"b"_qs}};
    QTest::newRow("semicolon detected")
        << u"a;b\n1;\"2;3\""_qs << Rows{{u"a"_qs, u"b"_qs}, {u"1"_qs, u"2;3"_qs}};
    QTest::newRow("unicode") << u"太郎@日本語.test,パス"_qs
                             << Rows{{u"太郎@日本語.test"_qs, u"パス"_qs}};
    QTest::newRow("spaces kept") << u" a , b "_qs << Rows{{u" a "_qs, u" b "_qs}};
    QTest::newRow("sql kept literally")
        << u"x'); DROP TABLE mailbox;--,y"_qs << Rows{{u"x'); DROP TABLE mailbox;--"_qs, u"y"_qs}};
}

void TestCsv::parse() {
    QFETCH(QString, text);
    QFETCH(Rows, rows);
    auto parsed = Csv::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    Rows got;
    for (const CsvRecord &r : parsed.value())
        got << r.fields;
    QCOMPARE(got, rows);
}

void TestCsv::errors_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("where");
    QTest::newRow("unterminated") << u"a,b\n\"open,c\nd"_qs << u"csv.unterminated"_qs
                                  << u"Line 2"_qs;
    QTest::newRow("text after closing quote") << u"\"a\"b,c"_qs << u"csv.quote"_qs << u"Line 1"_qs;
    QTest::newRow("quote inside unquoted") << u"a,b\nab\"c,d"_qs << u"csv.quote"_qs << u"Line 2"_qs;
}

void TestCsv::errors() {
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(QString, where);
    auto parsed = Csv::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, code);
    QVERIFY2(parsed.error().message.contains(where), qPrintable(parsed.error().message));
}

void TestCsv::lineNumbers() {
    auto parsed = Csv::parse(u"h1,h2\r\n\"multi\nline\",x\r\n\r\nlast,y\r\n"_qs);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->size(), 3);
    QCOMPARE(parsed->at(0).line, 1);
    QCOMPARE(parsed->at(1).line, 2);
    QCOMPARE(parsed->at(2).line, 5);
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
