// The mailbox model fed chunk by chunk, as MailboxListModel::load() feeds it, behind the
// sorting, filtering proxy the mailbox tab uses: every chunk is appended (rows inserted, never a
// reset), the proxy's order and filter stay right for the rows that arrive later, a selected
// row stays selected, and a row delivered again (a refresh) is updated in place.

#include "ui/domains/MailboxListModel.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QtTest/QtTest>

#include <algorithm>

using namespace maildeck;
using namespace maildeck::ui;

namespace {

db::MailboxRow row(int i, const QString &name) {
    db::MailboxRow m;
    m.username = QStringLiteral("u%1@chunk.test").arg(i, 4, 10, QLatin1Char('0'));
    m.domain = QStringLiteral("chunk.test");
    m.name = name;
    m.quotaMb = (i % 4) * 512;
    m.passwordScheme = QStringLiteral("SSHA512");
    m.version = QByteArray::number(i);
    return m;
}

// Whether the proxy shows exactly the loaded rows matching `term`, sorted by `column`
// (SortRole), descending.
bool proxyConsistent(const MailboxListModel &model, const QSortFilterProxyModel &proxy,
                     const QString &term, int column) {
    int expected = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c) {
            if (model.index(r, c).data().toString().contains(term, Qt::CaseInsensitive)) {
                ++expected;
                break;
            }
        }
    }
    if (proxy.rowCount() != expected) {
        qWarning("proxy shows %d rows, %d match", proxy.rowCount(), expected);
        return false;
    }
    for (int r = 1; r < proxy.rowCount(); ++r) {
        const QVariant before = proxy.index(r - 1, column).data(MailboxListModel::SortRole);
        const QVariant after = proxy.index(r, column).data(MailboxListModel::SortRole);
        if (QVariant::compare(before, after) == QPartialOrdering::Less) {
            qWarning("proxy rows %d and %d out of order", r - 1, r);
            return false;
        }
    }
    return true;
}

} // namespace

class TestChunkedModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sortAndFilterWhileRowsArrive();
    void refreshUpdatesInPlace();
    void resetDropsEverything();
};

void TestChunkedModels::sortAndFilterWhileRowsArrive() {
    MailboxListModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(MailboxListModel::SortRole);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterKeyColumn(-1);
    QTableView view; // selection lives in the view, as on the page
    view.setModel(&proxy);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setSortingEnabled(true);
    view.sortByColumn(MailboxListModel::NameColumn, Qt::DescendingOrder);
    const QString term = QStringLiteral("mika");
    proxy.setFilterFixedString(term);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    static const char *const names[] = {"Mikawa Ren", "Tanaka Yui", "Sato Mika", "Ito Ken",
                                        "Kato Aoi",   "Mikami Ai",  "Abe Sota",  "Ono Rin"};
    // 2 000 rows in chunks of 300, as the server sends them (username order), names shuffled.
    QList<db::MailboxRow> all;
    for (int i = 0; i < 2000; ++i)
        all << row(i, QString::fromLatin1(names[(i * 7) % 8]) + QStringLiteral(" %1").arg(i % 97));
    QPersistentModelIndex selected;
    QString selectedUser;
    int chunks = 0;
    for (qsizetype at = 0; at < all.size(); at += 300) {
        model.mergeChunk(all.mid(at, 300));
        ++chunks;
        QCOMPARE(model.rowCount(), int(std::min<qsizetype>(all.size(), at + 300)));
        QVERIFY(proxyConsistent(model, proxy, term, MailboxListModel::NameColumn));
        if (!selected.isValid()) {
            // The user picks a row from the first screenful; later chunks must not move the
            // selection to another mailbox.
            view.selectRow(3);
            selected = QPersistentModelIndex(proxy.index(3, 0));
            selectedUser = proxy.index(3, MailboxListModel::AddressColumn).data().toString();
            QVERIFY(!selectedUser.isEmpty());
        }
        QVERIFY(selected.isValid());
        QCOMPARE(
            selected.sibling(selected.row(), MailboxListModel::AddressColumn).data().toString(),
            selectedUser);
        const QModelIndexList rows = view.selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data().toString(), selectedUser);
    }
    QCOMPARE(inserted.size(), chunks);
    QCOMPARE(reset.size(), 0);
    // Clearing the filter shows every loaded row, still sorted.
    proxy.setFilterFixedString(QString());
    QVERIFY(proxyConsistent(model, proxy, QString(), MailboxListModel::NameColumn));
    QCOMPARE(proxy.rowCount(), 2000);
    // Another sort column while nothing arrives; then one more chunk lands sorted.
    view.sortByColumn(MailboxListModel::QuotaColumn, Qt::DescendingOrder);
    model.mergeChunk({row(5000, QStringLiteral("Late Mika")), row(5001, QStringLiteral("Late"))});
    QVERIFY(proxyConsistent(model, proxy, QString(), MailboxListModel::QuotaColumn));
    QCOMPARE(proxy.rowCount(), 2002);
}

void TestChunkedModels::refreshUpdatesInPlace() {
    MailboxListModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(MailboxListModel::SortRole);
    proxy.sort(MailboxListModel::NameColumn, Qt::AscendingOrder);
    QList<db::MailboxRow> first;
    for (int i = 0; i < 50; ++i)
        first << row(i, QStringLiteral("Name %1").arg(i, 2, 10, QLatin1Char('0')));
    model.mergeChunk(first);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // The same rows again: nothing changes, nothing is signalled.
    model.mergeChunk(first);
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    // One row renamed (new version): updated where it is, and the proxy moves it.
    db::MailboxRow renamed = row(10, QStringLiteral("AAA first now"));
    renamed.version = "changed";
    model.mergeChunk({renamed});
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.mailboxAt(10)->name, u"AAA first now"_qs);
    QCOMPARE(model.mailboxAt(10)->version, QByteArray("changed"));
    QCOMPARE(proxy.index(0, MailboxListModel::NameColumn).data().toString(), u"AAA first now"_qs);
    QCOMPARE(model.rowOf(renamed.username), 10);
}

void TestChunkedModels::resetDropsEverything() {
    MailboxListModel model;
    model.mergeChunk({row(1, QStringLiteral("One")), row(2, QStringLiteral("Two"))});
    QSignalSpy finished(&model, &MailboxListModel::loadFinished);
    model.setMailboxes({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOf(row(1, {}).username), -1);
    QCOMPARE(finished.size(), 0); // nothing was loading
    model.cancelLoad();
    QCOMPARE(finished.size(), 0);
    QVERIFY(!model.isLoading());
}

QTEST_MAIN(TestChunkedModels)
#include "tst_chunked_models.moc"
