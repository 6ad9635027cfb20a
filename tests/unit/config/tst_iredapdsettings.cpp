// iRedAPD settings.py: assignments over the defaults, edits that keep the file, safe literals.

#include "ConfigTestUtil.h"
#include "core/config/IredapdSettings.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::config;
using configtest::changedLines;
using configtest::readFixture;
using configtest::S;
using configtest::SL;

Q_DECLARE_METATYPE(maildeck::config::PyValue)

namespace {

QByteArray fixture() {
    return readFixture(S("iredapd/settings.py"));
}

// Runs python3 on a settings file: prints repr() of one name as JSON-safe text.
std::optional<QByteArray> pythonValueOf(const QByteArray &file, const QString &name) {
    // The system's python3 first (a pyenv shim on PATH is slow to start).
    QString python = QStandardPaths::findExecutable(S("python3"), {S("/usr/bin")});
    if (python.isEmpty())
        python = QStandardPaths::findExecutable(S("python3"));
    if (python.isEmpty())
        return std::nullopt;
    QTemporaryDir dir;
    QFile f(dir.filePath(S("settings.py")));
    if (!f.open(QIODevice::WriteOnly))
        return std::nullopt;
    // Stand-in for "from libs.default_settings import *".
    f.write(QByteArray(file).replace("from libs.default_settings import *", "pass"));
    f.close();
    QProcess p;
    p.start(python, {S("-c"),
                     S("import json,runpy,sys; ns = runpy.run_path(sys.argv[1]); "
                       "print(json.dumps(ns.get(sys.argv[2], '<unset>')))"),
                     f.fileName(), name});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return QByteArray("error: ") + p.readAllStandardError();
    return p.readAllStandardOutput().trimmed();
}

QByteArray jsonOf(const QString &s) {
    // JSON as Python's json.dumps writes it (ASCII-only, \uXXXX escapes).
    QByteArray out = "\"";
    for (const QChar c : s) {
        const ushort u = c.unicode();
        if (u == '"')
            out += "\\\"";
        else if (u == '\\')
            out += "\\\\";
        else if (u == '\n')
            out += "\\n";
        else if (u == '\r')
            out += "\\r";
        else if (u == '\t')
            out += "\\t";
        else if (u == 8)
            out += "\\b";
        else if (u == 12)
            out += "\\f";
        else if (u < 0x20 || u >= 0x7f)
            out += QStringLiteral("\\u%1").arg(u, 4, 16, QLatin1Char('0')).toLatin1();
        else
            out += char(u);
    }
    return out + "\"";
}

} // namespace

class TestIredapdSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void literals_data();
    void literals();
    void badLiterals_data();
    void badLiterals();
    void effective_data();
    void effective();
    void storyFix();
    void appendAndRemove();
    void everyEditIsLocal();
    void multiLineListStaysMultiLine();
    void serverDefaultsPreferred();
    void refusals();
    void hostileStrings_data();
    void hostileStrings();
    void brokenFiles_data();
    void brokenFiles();
};

void TestIredapdSettings::literals_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<PyValue>("value");
    QTest::addColumn<QString>("literal");
    QTest::newRow("True") << S("True") << PyValue::fromBool(true) << S("True");
    QTest::newRow("False") << S("False") << PyValue::fromBool(false) << S("False");
    QTest::newRow("None") << S("None") << PyValue::none() << S("None");
    QTest::newRow("int") << S("7777") << PyValue::fromInt(7777) << S("7777");
    QTest::newRow("negative int") << S("-1") << PyValue::fromInt(-1) << S("-1");
    QTest::newRow("hex, underscores") << S("0x1_0") << PyValue::fromInt(16) << S("16");
    PyValue f;
    f.kind = PyValue::Kind::Float;
    f.real = 2.5;
    QTest::newRow("float") << S("2.5") << f << S("2.5");
    QTest::newRow("double-quoted")
        << S("\"127.0.0.1\"") << PyValue::fromString(S("127.0.0.1")) << S("'127.0.0.1'");
    QTest::newRow("escapes") << S("'a\\'b\\\\c\\n\\x41\\u3042'")
                             << PyValue::fromString(S("a'b\\c\nAあ")) << S("'a\\'b\\\\c\\nAあ'");
    QTest::newRow("raw string") << S("r'\\d+'") << PyValue::fromString(S("\\d+")) << S("'\\\\d+'");
    QTest::newRow("adjacent strings")
        << S("'a' \"b\"") << PyValue::fromString(S("ab")) << S("'ab'");
    QTest::newRow("triple quoted")
        << S("'''x\ny'''") << PyValue::fromString(S("x\ny")) << S("'x\\ny'");
    QTest::newRow("list over lines, comments, trailing comma")
        << S("[\n  'a',  # one\n  \"b\",\n]") << PyValue::fromStringList(SL({"a", "b"}))
        << S("['a', 'b']");
    PyValue tuple = PyValue::fromStringList(SL({"x"}));
    tuple.kind = PyValue::Kind::Tuple;
    QTest::newRow("one-tuple") << S("('x',)") << tuple << S("('x',)");
    QTest::newRow("parenthesised value") << S("('x')") << PyValue::fromString(S("x")) << S("'x'");
    PyValue dict;
    dict.kind = PyValue::Kind::Dict;
    dict.entries.emplace_back(PyValue::fromString(S("greylisting")), PyValue::fromInt(80));
    QTest::newRow("dict") << S("{'greylisting': 80}") << dict << S("{'greylisting': 80}");
    QTest::newRow("empty list") << S("[]") << PyValue::fromStringList({}) << S("[]");
}

void TestIredapdSettings::literals() {
    QFETCH(QString, source);
    QFETCH(PyValue, value);
    QFETCH(QString, literal);
    const Result<PyValue> parsed = parsePythonLiteral(source);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QVERIFY(*parsed == value);
    QCOMPARE(parsed->toLiteral(), literal);
    QVERIFY(*parsePythonLiteral(literal) == value);
}

void TestIredapdSettings::badLiterals_data() {
    QTest::addColumn<QString>("source");
    QTest::newRow("name") << S("backend");
    QTest::newRow("call") << S("os.getenv('X')");
    QTest::newRow("operator") << S("1 + 2");
    QTest::newRow("unterminated string") << S("'abc");
    QTest::newRow("unterminated list") << S("['a'");
    QTest::newRow("missing comma") << S("['a' 1]");
    QTest::newRow("empty") << S("");
    QTest::newRow("deep nesting") << QString(200, QLatin1Char('[')) +
                                         QString(200, QLatin1Char(']'));
}

void TestIredapdSettings::badLiterals() {
    QFETCH(QString, source);
    QVERIFY(!parsePythonLiteral(source).ok());
}

void TestIredapdSettings::effective_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("literal");
    QTest::addColumn<bool>("isDefault");
    QTest::addColumn<int>("line");
    QTest::newRow("set twice: last wins")
        << S("CHECK_SPF_IF_LOGIN_MISMATCH") << S("False") << false << 66;
    QTest::newRow("multi-line list")
        << S("MYNETWORKS") << S("['192.168.10.0/24', '10.0.0.5']") << false << 50;
    QTest::newRow("tuple over two lines")
        << S("ALLOWED_LOGIN_MISMATCH_SENDERS") << S("('noreply@example.com', '@example.org')")
        << false << 55;
    QTest::newRow("default") << S("ALLOWED_LOGIN_MISMATCH_LIST_MEMBER") << S("False") << true << 0;
    QTest::newRow("default list") << S("ALLOWED_FORGED_SENDERS") << S("[]") << true << 0;
    QTest::newRow("plugins")
        << S("plugins")
        << S("['reject_null_sender', 'wblist_rdns', 'reject_sender_login_mismatch', "
             "'greylisting', 'throttle', 'amavisd_wblist', 'sql_alias_access_policy', "
             "'sql_ml_access_policy']")
        << false << 30;
    QTest::newRow("float") << S("DNS_QUERY_TIMEOUT") << S("2.5") << false << 62;
}

void TestIredapdSettings::effective() {
    QFETCH(QString, name);
    QFETCH(QString, literal);
    QFETCH(bool, isDefault);
    QFETCH(int, line);
    const Result<IredapdSettings> s = IredapdSettings::parse(fixture());
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
    const std::optional<IredapdSettings::Effective> e = s->effective(name);
    QVERIFY(e);
    QCOMPARE(e->value.toLiteral(), literal);
    QCOMPARE(e->isDefault, isDefault);
    QCOMPARE(e->where ? e->where->line : 0, line);
}

void TestIredapdSettings::storyFix() {
    // The web-server story: CHECK_SPF_IF_LOGIN_MISMATCH = True. The effective (last) line changes.
    const QByteArray original = fixture();
    const Result<IredapdSettings> s = IredapdSettings::parse(original);
    QVERIFY(s.ok());
    QCOMPARE(s->effective(S("CHECK_SPF_IF_LOGIN_MISMATCH"))->overridden.size(), 1);
    QCOMPARE(s->warnings().size(), 1);
    const Result<QByteArray> edited =
        s->withValue(S("CHECK_SPF_IF_LOGIN_MISMATCH"), PyValue::fromBool(true));
    QVERIFY(edited.ok());
    QCOMPARE(changedLines(original, *edited),
             SL({"-CHECK_SPF_IF_LOGIN_MISMATCH = False  # still off",
                 "+CHECK_SPF_IF_LOGIN_MISMATCH = True  # still off"}));
    QVERIFY(IredapdSettings::parse(*edited)
                ->effective(S("CHECK_SPF_IF_LOGIN_MISMATCH"))
                ->value.isTrue());
    // The alternative: one more trusted network.
    QStringList nets = s->effective(S("MYNETWORKS"))->value.toStringList();
    nets << S("203.0.113.7");
    const Result<QByteArray> withNet = s->withValue(S("MYNETWORKS"), PyValue::fromStringList(nets));
    QVERIFY(withNet.ok());
    QCOMPARE(IredapdSettings::parse(*withNet)->effective(S("MYNETWORKS"))->value.toStringList(),
             nets);
}

void TestIredapdSettings::appendAndRemove() {
    const QByteArray original = fixture();
    const Result<IredapdSettings> s = IredapdSettings::parse(original);
    const Result<QByteArray> added =
        s->withValue(S("ALLOWED_LOGIN_MISMATCH_LIST_MEMBER"), PyValue::fromBool(true));
    QVERIFY(added.ok());
    QCOMPARE(changedLines(original, *added), SL({"+ALLOWED_LOGIN_MISMATCH_LIST_MEMBER = True"}));
    const Result<QByteArray> removed = s->without(S("CHECK_SPF_IF_LOGIN_MISMATCH"));
    QVERIFY(removed.ok());
    QCOMPARE(changedLines(original, *removed).size(), 2);
    const std::optional<IredapdSettings::Effective> back =
        IredapdSettings::parse(*removed)->effective(S("CHECK_SPF_IF_LOGIN_MISMATCH"));
    QVERIFY(back->isDefault);
    // Removing a two-line tuple removes both lines, not the comment above.
    const Result<QByteArray> noTuple = s->without(S("ALLOWED_LOGIN_MISMATCH_SENDERS"));
    QCOMPARE(changedLines(original, *noTuple).size(), 2);
    // A file without a final newline gets one before the new line.
    const Result<IredapdSettings> bare = IredapdSettings::parse("a = 1");
    QCOMPARE(*bare->withValue(S("b"), PyValue::fromInt(2)), QByteArray("a = 1\nb = 2\n"));
}

void TestIredapdSettings::everyEditIsLocal() {
    const QByteArray original = fixture();
    const Result<IredapdSettings> s = IredapdSettings::parse(original);
    QVERIFY(s.ok());
    QSet<QString> names;
    for (const PyAssignment &a : s->assignments())
        names.insert(a.name);
    for (const QString &name : names) {
        const Result<QByteArray> edited = s->withValue(name, PyValue::fromInt(42));
        QVERIFY(edited.ok());
        const PyAssignment last = *s->assignment(name);
        QCOMPARE(changedLines(original, *edited).size(), last.lastLine - last.line + 2);
        const Result<IredapdSettings> again = IredapdSettings::parse(*edited);
        QVERIFY(again.ok());
        QCOMPARE(again->assignments().size(), s->assignments().size());
        for (const QString &other : names) {
            if (other != name)
                QVERIFY(again->effective(other)->value == s->effective(other)->value);
        }
        QCOMPARE(again->effective(name)->value.integer, 42);
    }
}

void TestIredapdSettings::multiLineListStaysMultiLine() {
    const QByteArray original = fixture();
    const Result<IredapdSettings> s = IredapdSettings::parse(original);
    const Result<QByteArray> edited =
        s->withValue(S("MYNETWORKS"), PyValue::fromStringList(SL({"10.0.0.5"})));
    QVERIFY(edited.ok());
    QCOMPARE(changedLines(original, *edited), SL({"-    '192.168.10.0/24',   # office LAN",
                                                  "-    \"10.0.0.5\",", "+    '10.0.0.5',"}));
}

void TestIredapdSettings::serverDefaultsPreferred() {
    const QByteArray defaults =
        "CHECK_SPF_IF_LOGIN_MISMATCH = False\nMYNETWORKS = []\nMYNETWORKS += ['1.2.3.4']\n";
    const Result<IredapdSettings> s =
        IredapdSettings::parse("x = 1\n", S("/opt/iredapd/settings.py"), defaults);
    QVERIFY(s.ok());
    QCOMPARE(s->effective(S("CHECK_SPF_IF_LOGIN_MISMATCH"))->value.toLiteral(), S("False"));
    QCOMPARE(s->effective(S("MYNETWORKS"))->value.toStringList(), SL({"1.2.3.4"}));
    QVERIFY(!s->effective(S("GREYLISTING_BYPASS_SPF"))); // not in the server's defaults
    // Built-in table otherwise.
    const Result<IredapdSettings> b = IredapdSettings::parse("x = 1\n");
    QVERIFY(b->effective(S("CHECK_SPF_IF_LOGIN_MISMATCH"))->value.isTrue());
    for (const IredapdDefault &d : IredapdSettings::builtinDefaults())
        QVERIFY2(parsePythonLiteral(d.literal).ok(), qPrintable(d.name));
}

void TestIredapdSettings::refusals() {
    const Result<IredapdSettings> s = IredapdSettings::parse("A = 1\nB = []\nB += ['x']\n");
    QVERIFY(s.ok());
    QVERIFY(!s->withValue(S("B"), PyValue::fromStringList({})).ok()); // "+=" lines: by hand
    QVERIFY(!s->withValue(S("import os; X"), PyValue::fromInt(1)).ok());
    QVERIFY(!s->withValue(S("X\nimport os"), PyValue::fromInt(1)).ok());
    QVERIFY(!s->withValue(S("class"), PyValue::fromInt(1)).ok());
    QVERIFY(!s->withValue(S("1X"), PyValue::fromInt(1)).ok());
    PyValue expr;
    expr.kind = PyValue::Kind::Expression;
    expr.text = S("__import__('os').system('id')");
    QVERIFY(!s->withValue(S("A"), expr).ok());
}

void TestIredapdSettings::hostileStrings_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("quote and code") << S("x'; import os; os.system('id'); '");
    QTest::newRow("double quote") << S("x\"; import os #");
    QTest::newRow("backslash at end") << S("abc\\");
    QTest::newRow("backslash quote") << S("\\'");
    QTest::newRow("newline and code") << S("a\nimport os\nos.system('id')");
    QTest::newRow("CR, tab, NUL, DEL") << S("a\rb\tc") + QChar(0) + QChar(0x7f);
    QTest::newRow("triple quotes") << S("''' \"\"\"");
    QTest::newRow("unicode line separators")
        << S("a") + QChar(0x2028) + S("b") + QChar(0x85) + S("c");
    QTest::newRow("Japanese") << S("受信拒否");
    QTest::newRow("form feed, vertical tab") << S("\f\v");
    QTest::newRow("10 KB") << QString(10240, QLatin1Char('q'));
}

void TestIredapdSettings::hostileStrings() {
    // Whatever the text, the file keeps exactly one assignment of exactly that text; python3
    // (when installed) agrees.
    QFETCH(QString, text);
    const QByteArray original = fixture();
    const Result<IredapdSettings> s = IredapdSettings::parse(original);
    const Result<QByteArray> edited =
        s->withValue(S("GREYLISTING_MESSAGE"), PyValue::fromString(text));
    QVERIFY(edited.ok());
    QCOMPARE(changedLines(original, *edited).size(), 2);
    const Result<IredapdSettings> again = IredapdSettings::parse(*edited);
    QVERIFY(again.ok());
    QCOMPARE(again->assignments().size(), s->assignments().size());
    QCOMPARE(again->effective(S("GREYLISTING_MESSAGE"))->value.text, text);
    const std::optional<QByteArray> py = pythonValueOf(*edited, S("GREYLISTING_MESSAGE"));
    if (!py)
        QSKIP("python3 is not installed");
    QCOMPARE(*py, jsonOf(text));
    QCOMPARE(*pythonValueOf(*edited, S("CHECK_SPF_IF_LOGIN_MISMATCH")), QByteArray("false"));
}

void TestIredapdSettings::brokenFiles_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::newRow("unterminated string")
        << QByteArray("a = 1\nb = 'abc\nc = 2\n") << S("config.python.string") << 2;
    QTest::newRow("unclosed list")
        << QByteArray("a = [\n 'x',\n") << S("config.python.bracket") << 1;
    QTest::newRow("stray bracket") << QByteArray("a = 1\n]\n") << S("config.python.bracket") << 2;
    QTest::newRow("NUL") << QByteArray("a = 1\nb = 2\0\n", 13) << S("config.python.nul") << 2;
}

void TestIredapdSettings::brokenFiles() {
    QFETCH(QByteArray, content);
    QFETCH(QString, code);
    QFETCH(int, line);
    const Result<IredapdSettings> s = IredapdSettings::parse(content, S("settings.py"));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, code);
    QVERIFY2(s.error().message.startsWith(S("settings.py:%1: ").arg(line)),
             qPrintable(s.error().message));
    // Garbage bytes and a 10 KB line are fine.
    QVERIFY(
        IredapdSettings::parse("x = '\xff\xfe'\n# \x80\x81\ny = '" + QByteArray(10240, 'y') + "'\n")
            .ok());
}

QTEST_GUILESS_MAIN(TestIredapdSettings)
#include "tst_iredapdsettings.moc"
