// Every reason class the parser can emit has a complete catalog entry in English and Japanese.

#include "core/logs/RejectCatalog.h"

#include <QRegularExpression>
#include <QtTest/QtTest>

using namespace maildeck::logs;

class TestRejectCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loadsFromResources() {
        const auto cat = RejectCatalog::load();
        QVERIFY2(cat.ok(), cat.ok() ? "" : qPrintable(cat.error().detail));
        QCOMPARE(cat->languages(), QStringList({QStringLiteral("en"), QStringLiteral("ja")}));
    }

    void everyClassComplete_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ja") << QStringLiteral("ja");
    }
    void everyClassComplete() {
        QFETCH(QString, language);
        const auto cat = RejectCatalog::load();
        QVERIFY(cat.ok());
        const QStringList missing = cat->incompleteFor(language);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void noEntriesForUnknownClasses() {
        const auto cat = RejectCatalog::load();
        QVERIFY(cat.ok());
        for (const QString &id : cat->ids())
            QVERIFY2(reasonFromId(id.toStdString()).has_value(), qPrintable(id));
    }

    void entriesAreWellFormed() {
        const auto cat = RejectCatalog::load();
        QVERIFY(cat.ok());
        static const QRegularExpression action(
            QStringLiteral("^((wizard|config):[A-Za-z0-9_.:-]+)?$"));
        static const QRegularExpression japanese(
            QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));
        const QStringList verdicts = {QStringLiteral("right"), QStringLiteral("misconfiguration"),
                                      QStringLiteral("either"), QStringLiteral("local")};
        for (int i = 0; i < kReasonClassCount; ++i) {
            const CatalogEntry *e = cat->entry(static_cast<ReasonClass>(i));
            QVERIFY(e);
            QVERIFY2(verdicts.contains(e->verdict), qPrintable(e->id));
            QVERIFY2(action.match(e->action).hasMatch(),
                     qPrintable(e->id + QStringLiteral(": ") + e->action));
            QVERIFY2(!e->daemon.isEmpty(), qPrintable(e->id));
            const CatalogText ja = e->text(QStringLiteral("ja"));
            for (const QString &t : {ja.title, ja.what, ja.who, ja.fix, ja.cost})
                QVERIFY2(japanese.match(t).hasMatch(),
                         qPrintable(e->id + QStringLiteral(": ") + t));
            const CatalogText en = e->text(QStringLiteral("en"));
            QVERIFY2(en.title != ja.title, qPrintable(e->id));
            for (const CatalogSetting &s : e->settings) {
                QVERIFY2(!s.system.isEmpty() && !s.name.isEmpty(), qPrintable(e->id));
            }
        }
    }

    void storyEntries() {
        const auto cat = RejectCatalog::load();
        QVERIFY(cat.ok());
        const CatalogEntry *iredapd = cat->entry(ReasonClass::IredapdSmtpAuthRequired);
        QVERIFY(iredapd);
        QCOMPARE(iredapd->action, QStringLiteral("config:iredapd:CHECK_SPF_IF_LOGIN_MISMATCH"));
        QVERIFY(iredapd->text(QStringLiteral("en"))
                    .fix.contains(QStringLiteral("CHECK_SPF_IF_LOGIN_MISMATCH = True")));
        QVERIFY(iredapd->text(QStringLiteral("en")).fix.contains(QStringLiteral("MYNETWORKS")));

        const CatalogEntry *plain = cat->entry(ReasonClass::DovecotPlaintextDisallowed);
        QVERIFY(plain);
        bool has23And24 = false;
        for (const CatalogSetting &s : plain->settings) {
            if (s.name == QLatin1String("disable_plaintext_auth") &&
                s.name24 == QLatin1String("auth_allow_cleartext"))
                has23And24 = true;
        }
        QVERIFY(has23And24);
        QCOMPARE(plain->action, QStringLiteral("wizard:wlm2012"));
        QCOMPARE(cat->entry(ReasonClass::HeloNonFqdn)->action, QStringLiteral("wizard:wlm2012"));
    }

    void languageFallback() {
        const auto cat = RejectCatalog::load();
        QVERIFY(cat.ok());
        const CatalogEntry *e = cat->entry(ReasonClass::RelayDenied);
        QCOMPARE(e->text(QStringLiteral("ja_JP")).title, e->text(QStringLiteral("ja")).title);
        QCOMPARE(e->text(QStringLiteral("de")).title, e->text(QStringLiteral("en")).title);
    }

    void brokenJsonIsAnError() {
        QVERIFY(!RejectCatalog::fromJson("{ nope").ok());
        QCOMPARE(RejectCatalog::fromJson("{\"languages\":[\"en\"],\"classes\":{}}").error().code,
                 QStringLiteral("logs.catalog.empty"));
        QCOMPARE(RejectCatalog::load(QStringLiteral("/nonexistent/rejects.json")).error().code,
                 QStringLiteral("logs.catalog.open"));
    }
};

QTEST_GUILESS_MAIN(TestRejectCatalog)
#include "tst_rejectcatalog.moc"
