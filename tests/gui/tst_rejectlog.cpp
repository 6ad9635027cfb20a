// The reject-log view, offscreen, on lines captured from the lab's real Postfix and Dovecot
// (tests/data/lab-mail.log): a followed file grows while the view follows and
// while it is paused; filters narrow the table; the detail pane explains the selected event
// from the catalog; the chart's bars add up to the table and a click filters to a bar; CSV
// export writes what the table holds, hostile text defused; the panels summarise the rows shown.

#include "core/db/Csv.h"
#include "core/logs/EventStore.h"
#include "core/logs/LogIngest.h"
#include "core/logs/PatternDetector.h"
#include "core/logs/RejectCatalog.h"
#include "ui/logs/RejectEventModel.h"
#include "ui/logs/RejectLogView.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest/QTest>

using namespace maildeck;
using namespace maildeck::logs;
using namespace maildeck::ui;

namespace {
// Lines captured from the lab's mail log after its traffic script ran (every reject shape it
// makes, and one in eight of the other lines).
QByteArray labLines() {
    QFile f(QStringLiteral(MAILDECK_SOURCE_DIR "/tests/data/lab-mail.log"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestRejectLog : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QByteArray m_lines;

    QString writeLog(const char *name, const QByteArray &data) {
        const QString path = m_tmp.filePath(QLatin1String(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
            return {};
        return path;
    }
    static void append(const QString &path, const QByteArray &data) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        QCOMPARE(f.write(data), data.size());
    }
    // How many events the store holds for these lines, parsed on their own.
    static std::uint32_t eventsIn(const QByteArray &lines) {
        EventStore store;
        LogIngestor ingestor(store);
        ingestor.beginSource(store.addSource({}));
        ingestor.feed(lines.constData(), std::size_t(lines.size()));
        ingestor.finish();
        return store.size();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_lines = labLines();
        QVERIFY2(eventsIn(m_lines) > 200, "the captured lab lines hold too few events");
    }

    void followsAndPauses() {
        const qsizetype half = m_lines.indexOf('\n', m_lines.size() / 2) + 1;
        const QString path = writeLog("follow.log", m_lines.left(half));
        RejectLogView view;
        view.resize(1200, 800);
        view.followFile(path);
        const int first = int(eventsIn(m_lines.left(half)));
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), first, 10000);

        // Paused: new events are counted, the table stays as it is.
        auto *follow = view.findChild<QToolButton *>(QStringLiteral("FollowButton"));
        QVERIFY(follow);
        follow->setChecked(false);
        append(path, m_lines.mid(half));
        const int all = int(eventsIn(m_lines));
        QTRY_COMPARE_WITH_TIMEOUT(int(view.model()->matchingRows().size()), all, 10000);
        QCOMPARE(view.model()->rowCount(), first);
        QCOMPARE(view.pendingRows(), all - first);
        follow->setChecked(true);
        QCOMPARE(view.model()->rowCount(), all);
        QCOMPARE(view.pendingRows(), 0);
        view.stop();
    }

    void filtersDetailChartAndExport() {
        const QString path = writeLog("all.log", m_lines);
        RejectLogView view;
        view.resize(1400, 900);
        view.loadFiles({path});
        const int all = int(eventsIn(m_lines));
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), all, 10000);

        // The panels show the summary of the rows shown (RejectSummary): the top entries of the
        // chosen dimension, the relays per reason, the patterns (or the "nothing" line).
        {
            const std::vector<std::uint32_t> &rows = view.model()->matchingRows();
            auto *top = view.findChild<QTableWidget *>(QStringLiteral("TopTalkers"));
            auto *dimension = top->parentWidget()->findChild<QComboBox *>();
            const auto expectedTop =
                view.store().groupBy(Dimension(dimension->currentData().toInt()), &rows, 50);
            QVERIFY(top->rowCount() > 0);
            QCOMPARE(top->item(0, 0)->text(), expectedTop.front().key);
            QCOMPARE(top->item(0, 1)->text(), QString::number(expectedTop.front().count));
            auto *relays = view.findChild<QTreeWidget *>(QStringLiteral("RelaysPerReason"));
            QCOMPARE(std::size_t(relays->topLevelItemCount()),
                     view.store().topRelaysPerReason(&rows, 5).size());
            QVERIFY(relays->topLevelItemCount() > 0);
            auto *patterns = view.findChild<QListWidget *>(QStringLiteral("Patterns"));
            const auto findings = PatternDetector::detect(view.store(), &rows);
            QCOMPARE(std::size_t(patterns->count()), std::max<std::size_t>(findings.size(), 1));
        }

        // The reason filter: the combo lists the classes present; choosing one keeps only it.
        auto *reason = view.findChild<QComboBox *>(QStringLiteral("ReasonFilter"));
        QVERIFY(reason && reason->count() > 2);
        reason->setCurrentIndex(1);
        const auto chosen = ReasonClass(reason->currentData().toInt());
        QVERIFY(view.model()->rowCount() > 0 && view.model()->rowCount() < all);
        for (int r = 0; r < view.model()->rowCount(); ++r)
            QCOMPARE(view.store().reason(view.model()->storeRow(r)), chosen);
        reason->setCurrentIndex(0);
        QCOMPARE(view.model()->rowCount(), all);

        // Client filter (an address from the lab's traffic), then free text.
        auto *client = view.findChild<QLineEdit *>(QStringLiteral("ClientFilter"));
        client->setText(QStringLiteral("127.0.0.2"));
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowCount() < all, 3000);
        QVERIFY(view.model()->rowCount() > 0);
        for (int r = 0; r < view.model()->rowCount(); ++r)
            QCOMPARE(view.store().clientIp(view.model()->storeRow(r)).toString(),
                     QStringLiteral("127.0.0.2"));
        client->clear();
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), all, 3000);

        // The detail pane explains the selected event from the catalog, in the UI's language.
        auto *table = view.findChild<QTableView *>(QStringLiteral("RejectTable"));
        table->selectRow(0);
        const auto catalog = RejectCatalog::load();
        QVERIFY(catalog.ok());
        const CatalogEntry *entry =
            catalog.value().entry(view.store().reason(view.model()->storeRow(0)));
        QVERIFY(entry);
        auto *detail = view.findChild<QTextBrowser *>(QStringLiteral("RejectDetail"));
        QVERIFY2(detail->toPlainText().contains(entry->text(QStringLiteral("en")).what),
                 qPrintable(detail->toPlainText()));
        QVERIFY(detail->toPlainText().contains(
            QString::fromUtf8(view.store().rawLine(view.model()->storeRow(0)))));

        // The chart's bars add up to the table; a click on a bar filters the table to it.
        auto *chartView = view.findChild<QChartView *>(QStringLiteral("RejectChart"));
        const auto series = chartView->chart()->series();
        QCOMPARE(series.size(), 1);
        QBarSet *set = static_cast<QBarSeries *>(series.first())->barSets().first();
        double sum = 0;
        int busiest = 0;
        for (int i = 0; i < set->count(); ++i) {
            sum += set->at(i);
            if (set->at(i) > set->at(busiest))
                busiest = i;
        }
        QCOMPARE(int(sum), all);
        const int inBar = int(set->at(busiest));
        Q_EMIT set->clicked(busiest);
        QCOMPARE(view.model()->rowCount(), inBar);

        // CSV of what is shown: the header and one record a row.
        const QString csvPath = m_tmp.filePath(QStringLiteral("export.csv"));
        QString error;
        QVERIFY2(view.exportCsv(csvPath, &error), qPrintable(error));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const auto records = db::Csv::parse(QString::fromUtf8(csv.readAll()));
        QVERIFY(records.ok());
        QCOMPARE(records.value().size(), inBar + 1);
        QCOMPARE(records.value().first().fields.first(), QStringLiteral("time"));
    }

    void hostileTextIsDefusedInCsv() {
        // A sender address that a spreadsheet would run, and a HELO with quotes and commas.
        const QByteArray line =
            "Nov 27 19:01:02 mx postfix/smtpd[123]: NOQUEUE: reject: RCPT from "
            "unknown[203.0.113.9]: 554 5.7.1 <x@example01.test>: Relay access denied; "
            "from=<=HYPERLINK(\"http://evil\")@evil.test> to=<x@example01.test> proto=ESMTP "
            "helo=<a,\"b\">\n";
        const QString path = writeLog("hostile.log", line);
        RejectLogView view;
        view.loadFiles({path});
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, 10000);
        const QString csvPath = m_tmp.filePath(QStringLiteral("hostile.csv"));
        QVERIFY(view.exportCsv(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const auto records = db::Csv::parse(QString::fromUtf8(csv.readAll()));
        QVERIFY(records.ok());
        QCOMPARE(records.value().size(), 2);
        const QStringList fields = records.value().at(1).fields;
        QCOMPARE(fields.at(6), QStringLiteral("'=HYPERLINK(\"http://evil\")@evil.test"));
        QCOMPARE(fields.at(8), QStringLiteral("a,\"b\""));
    }

    void brokenFilesSayWhy() {
        RejectLogView view;
        view.loadFiles({m_tmp.filePath(QStringLiteral("missing.log"))});
        auto *status = view.findChild<QLabel *>(QStringLiteral("TailStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(!status->text().isEmpty(), 10000);
        QVERIFY2(status->text().startsWith(QStringLiteral("Cannot read")),
                 qPrintable(status->text()));
        QCOMPARE(view.model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestRejectLog)
#include "tst_rejectlog.moc"
