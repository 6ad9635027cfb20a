// The mailing-list UI offscreen, without a server: the list model (columns, sorting and
// filtering through the page's proxy), the list editor's validation at the field (core's
// ListSettings::normalised), what it would write, and the subscriber file parser.
// With MAILDECK_SCREENSHOTS=<dir> the dialogs are also saved as PNGs there.

#include "core/lists/ListSettings.h"
#include "ui/domains/AddressListEditor.h"
#include "ui/domains/AliasEditorDialog.h"
#include "ui/domains/DomainPage.h"
#include "ui/domains/FieldErrorLabel.h"
#include "ui/lists/ListEditorDialog.h"
#include "ui/lists/MailingListModel.h"
#include "ui/lists/SubscribersDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::ui;
using lists::ListSettings;

namespace {

template <class W> W *child(QWidget *parent, const char *name) {
    W *w = parent->findChild<W *>(QLatin1String(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

QString errorAt(QWidget *dialog, const char *fieldName) {
    auto *label =
        dialog->findChild<FieldErrorLabel *>(QLatin1String(fieldName) + QStringLiteral("Error"));
    return label && !label->isHidden() ? label->text() : QString();
}

void screenshot(QWidget *w, const QString &name) {
    const QString dir = qEnvironmentVariable("MAILDECK_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    w->show();
    QTest::qWait(50);
    QVERIFY(w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

db::MailingListRow listRow(const QString &address, const QString &name, const QString &policy,
                           bool active = true) {
    db::MailingListRow r;
    r.address = address;
    r.domain = address.section(QLatin1Char('@'), 1);
    r.name = name;
    r.accessPolicy = policy;
    r.active = active;
    return r;
}

} // namespace

class TestLists : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void modelShowsRowsThenSettings() {
        MailingListModel model;
        model.setLists(
            {listRow(QStringLiteral("news@example.com"), QStringLiteral("News"),
                     QStringLiteral("moderatorsonly")),
             listRow(QStringLiteral("all@example.com"), QStringLiteral("All"), {}, false)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(MailingListModel::ColumnCount));
        const auto cell = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(cell(0, MailingListModel::AddressColumn), QStringLiteral("news@example.com"));
        // From SQL until the control files arrive.
        QCOMPARE(cell(0, MailingListModel::PostingColumn), QStringLiteral("Moderators"));
        QCOMPARE(cell(1, MailingListModel::PostingColumn), QStringLiteral("Anyone"));
        QCOMPARE(cell(0, MailingListModel::ModeratedColumn), QStringLiteral("…"));
        QCOMPARE(cell(1, MailingListModel::ActiveColumn), QStringLiteral("No"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ListSettings s = ListSettings::defaultsFor(QStringLiteral("news@example.com"));
        s.posting = ListSettings::Posting::SubscribersOnly;
        s.moderated = true;
        s.noArchive = true;
        model.setSettings(QStringLiteral("news@example.com"), s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(0, MailingListModel::PostingColumn), QStringLiteral("Subscribers"));
        QCOMPARE(cell(0, MailingListModel::ModeratedColumn), QStringLiteral("Yes"));
        QCOMPARE(cell(0, MailingListModel::ArchiveColumn), QStringLiteral("No"));

        model.setProblem(QStringLiteral("all@example.com"), QStringLiteral("no directory"));
        QCOMPARE(cell(1, MailingListModel::ModeratedColumn), QStringLiteral("?"));
        QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("no directory"));
        QCOMPARE(model.index(1, 0).data(MailingListModel::AddressRole).toString(),
                 QStringLiteral("all@example.com"));
        // Unknown addresses are ignored.
        model.setSettings(QStringLiteral("nope@example.com"), s);
        QCOMPARE(changed.count(), 2);
    }

    void pageHasListsTabWithKeys() {
        DomainPage page;
        auto *view = child<QTableView>(&page, "ListView");
        QVERIFY(view);
        auto *tabs = page.findChild<QTabWidget *>();
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(tabs->tabText(2), QStringLiteral("Mailing lis&ts"));
        auto *newList = page.findChild<QAction *>(QStringLiteral("NewListAction"));
        auto *editList = page.findChild<QAction *>(QStringLiteral("EditListAction"));
        auto *deleteList = page.findChild<QAction *>(QStringLiteral("DeleteListAction"));
        QVERIFY(newList && editList && deleteList);
        QCOMPARE(newList->shortcut(), QKeySequence(Qt::Key_Insert));
        QCOMPARE(editList->shortcut(), QKeySequence(Qt::Key_F2));
        QCOMPARE(deleteList->shortcut(), QKeySequence(QKeySequence::Delete));
        QVERIFY(view->actions().contains(newList));
        // No server: nothing to do.
        QVERIFY(!newList->isEnabled());
        QVERIFY(!editList->isEnabled());

        // Sorting and filtering go through the page's proxy.
        auto *model = page.findChild<MailingListModel *>();
        QVERIFY(model);
        model->setLists({listRow(QStringLiteral("zeta@example.com"), QStringLiteral("Z"), {}),
                         listRow(QStringLiteral("alpha@example.com"), QStringLiteral("A"), {}),
                         listRow(QStringLiteral("news@example.com"), QStringLiteral("N"), {})});
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("alpha@example.com"));
        view->sortByColumn(MailingListModel::AddressColumn, Qt::DescendingOrder);
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("zeta@example.com"));
        child<QLineEdit>(&page, "ListFilter")->setText(QStringLiteral("NEWS"));
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("news@example.com"));
    }

    void newListValidatesAtTheField() {
        ListEditorDialog dialog(nullptr, nullptr, QStringLiteral("example.com"), 10028);
        screenshot(&dialog, QStringLiteral("new-list"));
        QVERIFY(!dialog.okButton()->isEnabled()); // no address yet
        auto *local = child<QLineEdit>(&dialog, "LocalPart");
        local->setText(QStringLiteral("news@other.com"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!errorAt(&dialog, "LocalPart").isEmpty());

        local->setText(QStringLiteral("bad list"));
        dialog.okButton()->click();
        QVERIFY(!errorAt(&dialog, "LocalPart").isEmpty());

        // Moderated without moderators: core's rule, shown at the moderators, on its tab.
        local->setText(QStringLiteral("news"));
        QVERIFY(errorAt(&dialog, "LocalPart").isEmpty());
        dialog.moderatorsEditor()->setAddresses({});
        child<QCheckBox>(&dialog, "Moderated")->setChecked(true);
        dialog.tabs()->setCurrentIndex(2);
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!errorAt(&dialog, "ModeratorsInput").isEmpty());
        QCOMPARE(dialog.tabs()->currentIndex(), 0);

        // No owner.
        dialog.moderatorsEditor()->setAddresses({QStringLiteral("mod@example.com")});
        dialog.ownersEditor()->setAddresses({});
        dialog.okButton()->click();
        QVERIFY(!errorAt(&dialog, "OwnersInput").isEmpty());

        // A bad custom header: at the field, on the headers tab.
        dialog.ownersEditor()->setAddresses({QStringLiteral("boss@example.com")});
        auto *headers = child<QPlainTextEdit>(&dialog, "CustomHeaders");
        // Filled in from the address as it was typed.
        QVERIFY(headers->toPlainText().contains(QLatin1String("List-Id: <news@example.com>")));
        headers->setPlainText(headers->toPlainText() + QStringLiteral("\nno colon here"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!errorAt(&dialog, "CustomHeaders").isEmpty());
        QCOMPARE(dialog.tabs()->currentWidget()->objectName(), QStringLiteral("DeliveryTab"));
        headers->setPlainText(QStringLiteral("X-Test: 1"));

        // Typed but not added: OK adds it first, and a bad one stops.
        dialog.ownersEditor()->input()->setText(QStringLiteral("not an address"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        dialog.ownersEditor()->input()->setText(QStringLiteral("Second@Example.com"));

        child<QComboBox>(&dialog, "Posting")
            ->setCurrentIndex(
                child<QComboBox>(&dialog, "Posting")->findData(int(ListSettings::Posting::Anyone)));
        child<QSpinBox>(&dialog, "MaxMessageSize")->setValue(2048);
        child<QLineEdit>(&dialog, "SubjectPrefix")->setText(QStringLiteral("[news]"));
        child<QCheckBox>(&dialog, "KeepArchive")->setChecked(false);
        child<QCheckBox>(&dialog, "SubConfirm")->setChecked(false);
        child<QLineEdit>(&dialog, "ListName")->setText(QStringLiteral("  News  "));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const ListSettings &s = dialog.settings();
        QCOMPARE(s.listAddress, QStringLiteral("news@example.com"));
        QCOMPARE(s.name, QStringLiteral("News"));
        QCOMPARE(s.owners.size(), 2);
        QVERIFY(s.owners.contains(QStringLiteral("boss@example.com")));
        QCOMPARE(s.moderators, QStringList{QStringLiteral("mod@example.com")});
        QCOMPARE(s.posting, ListSettings::Posting::Anyone);
        QVERIFY(s.moderated);
        QCOMPARE(s.maxMailSize, 2048 * 1024);
        QCOMPARE(s.subjectPrefix, QStringLiteral("[news]"));
        QVERIFY(s.noArchive);
        QVERIFY(s.noSubConfirm);
        QCOMPARE(s.smtpPort, 10028);
        QCOMPARE(s.customHeaders, QStringList{QStringLiteral("X-Test: 1")});
    }

    void editListKeepsWhatItDoesNotShow() {
        lists::ListState state;
        state.address = QStringLiteral("team@example.com");
        state.settings = ListSettings::defaultsFor(state.address);
        state.settings.extraAddresses = {QStringLiteral("team-alias@example.com")};
        state.settings.mlmmjFooter = QStringLiteral("mlmmj's own footer");
        state.settings.maxMailSize = 1000; // not a whole KiB
        state.settings.subjectPrefix = QStringLiteral("[team]");
        state.settings.moderateSubscription = true;
        state.settings.subscriptionModerators = {QStringLiteral("sub@example.com")};
        ListEditorDialog dialog(nullptr, nullptr, state);
        screenshot(&dialog, QStringLiteral("edit-list"));
        QVERIFY(child<QLineEdit>(&dialog, "LocalPart")->isReadOnly());
        QCOMPARE(child<QLineEdit>(&dialog, "SubjectPrefix")->text(), QStringLiteral("[team]"));
        for (int i = 1; i < dialog.tabs()->count(); ++i) {
            dialog.tabs()->setCurrentIndex(i);
            screenshot(&dialog, QStringLiteral("edit-list-%1").arg(i));
        }
        dialog.tabs()->setCurrentIndex(0);
        child<QCheckBox>(&dialog, "ClosedList")->setChecked(true);
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        ListSettings expected = *ListSettings::normalised(state.settings);
        expected.closedList = true;
        QCOMPARE(dialog.settings(), expected);
    }

    // The Subscribers column: "…" until the one remote count arrives, then the total (the kinds
    // in the tooltip); a list without a directory and a failed count show "?" with the reason.
    void modelShowsSubscriberCounts() {
        MailingListModel model;
        model.setLists({listRow(QStringLiteral("news@example.com"), QStringLiteral("News"), {}),
                        listRow(QStringLiteral("rows-only@example.com"), QString(), {}),
                        listRow(QStringLiteral("big@example.com"), QString(), {})});
        const auto cell = [&](int row, int role = Qt::DisplayRole) {
            return model.index(row, MailingListModel::SubscribersColumn).data(role);
        };
        QCOMPARE(
            model.headerData(MailingListModel::SubscribersColumn, Qt::Horizontal, Qt::DisplayRole)
                .toString(),
            QStringLiteral("Subscribers"));
        QCOMPARE(cell(0).toString(), QStringLiteral("…"));
        QVERIFY(!cell(0, Qt::ToolTipRole).toString().isEmpty());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QMap<QString, lists::MlmmjScripts::SubscriberCount> counts;
        counts.insert(QStringLiteral("news@example.com"), {12, 3, 1});
        counts.insert(QStringLiteral("big@example.com"), {10500, 0, 0});
        model.setSubscriberCounts(counts);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(0).toString(), QStringLiteral("16"));
        QVERIFY(cell(0, Qt::ToolTipRole).toString().contains(QStringLiteral("12 normal")));
        QCOMPARE(cell(1).toString(), QStringLiteral("?"));
        QVERIFY(cell(1, Qt::ToolTipRole).toString().contains(QStringLiteral("no list directory")));
        QCOMPARE(cell(2, MailingListModel::SortRole).toLongLong(), 10500);
        QVERIFY(cell(2, Qt::TextAlignmentRole).toInt() & Qt::AlignRight);

        // Sorted as numbers through a proxy (as the page sorts).
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(MailingListModel::SortRole);
        proxy.sort(MailingListModel::SubscribersColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(MailingListModel::AddressRole).toString(),
                 QStringLiteral("big@example.com"));
        QTableView view;
        view.setModel(&proxy);
        view.resize(720, 160);
        view.resizeColumnsToContents();
        screenshot(&view, QStringLiteral("lists-subscribers"));

        model.setSubscriberCountError(QStringLiteral("ssh: connection lost"));
        QCOMPARE(cell(0).toString(), QStringLiteral("?"));
        QVERIFY(cell(0, Qt::ToolTipRole).toString().contains(QStringLiteral("connection lost")));

        // New rows (a reload): back to "…"; nothing to count without MailingLists.
        model.setLists({listRow(QStringLiteral("news@example.com"), QString(), {})});
        QCOMPARE(cell(0).toString(), QStringLiteral("…"));
        model.countSubscribers(nullptr, QStringLiteral("example.com"));
        QCOMPARE(cell(0).toString(), QStringLiteral("…"));
    }

    // The description is editable after creation, validated at the field, and handed to the
    // write (maillists.description).
    void editListDescription() {
        lists::ListState state;
        state.address = QStringLiteral("team@example.com");
        state.settings = ListSettings::defaultsFor(state.address);
        state.row = db::MailingListRow{};
        state.row->address = state.address;
        state.row->description = QStringLiteral("Old text");
        ListEditorDialog dialog(nullptr, nullptr, state);
        auto *description = child<QLineEdit>(&dialog, "ListDescription");
        QCOMPARE(description->text(), QStringLiteral("Old text"));
        QVERIFY(!description->isReadOnly());
        description->setText(QStringLiteral("bad\x01text"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!errorAt(&dialog, "ListDescription").isEmpty());
        description->setText(QStringLiteral("  Neues für alle  "));
        QVERIFY(errorAt(&dialog, "ListDescription").isEmpty());
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.description(), QStringLiteral("Neues für alle"));
        QCOMPARE(dialog.settings(), *ListSettings::normalised(state.settings));
    }

    void aliasModeratorsAreEditable() {
        db::AliasAccount a;
        a.address = QStringLiteral("team@example.com");
        a.domain = QStringLiteral("example.com");
        a.accessPolicy = QStringLiteral("moderatorsonly");
        a.members = {QStringLiteral("a@example.com")};
        a.moderators = {QStringLiteral("boss@example.com")};
        AliasEditorDialog dialog(nullptr, a);
        QCOMPARE(dialog.moderatorsEditor()->addresses(), a.moderators);
        dialog.moderatorsEditor()->input()->setText(QStringLiteral("bad moderator"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!errorAt(&dialog, "ModeratorsInput").isEmpty());
        dialog.moderatorsEditor()->input()->setText(QStringLiteral("Deputy@example.com"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.request().moderators, QStringList({QStringLiteral("boss@example.com"),
                                                           QStringLiteral("deputy@example.com")}));
    }

    void subscriberFileParsing() {
        const auto parsed =
            SubscribersDialog::parseAddressFile(QStringLiteral("email,name\n"
                                                               "a@example.com,Anna\n"
                                                               "\n"
                                                               "# a comment\n"
                                                               "  b@example.com  \r\n"
                                                               "\"c@example.com\",\"C, Dr.\"\n"
                                                               "d@example.com;x\n"
                                                               "not an address\n"));
        QList<QPair<int, QString>> expected = {{2, QStringLiteral("a@example.com")},
                                               {5, QStringLiteral("b@example.com")},
                                               {6, QStringLiteral("c@example.com")},
                                               {7, QStringLiteral("d@example.com")},
                                               {8, QStringLiteral("not an address")}};
        QCOMPARE(parsed, expected);
        // A one-column file has no header to skip.
        QCOMPARE(SubscribersDialog::parseAddressFile(QStringLiteral("x@example.com")).size(), 1);
    }

    void subscriberModelIsQuickWithManyRows() {
        lists::Subscribers subs;
        for (int i = 0; i < 20000; ++i)
            subs.normal << QStringLiteral("user%1@example.com").arg(i);
        subs.digest << QStringLiteral("digest@example.com");
        subs.nomail << QStringLiteral("quiet@example.com");
        SubscribersDialog dialog(nullptr, QStringLiteral("big@example.com"));
        QElapsedTimer t;
        t.start();
        dialog.model()->setSubscribers(subs);
        dialog.show();
        QTest::qWait(20);
        QCOMPARE(dialog.shownCount(), 20002);
        dialog.filter()->setText(QStringLiteral("user1999"));
        QCOMPARE(dialog.shownCount(), 11); // user1999 and user19990..19999
        dialog.filter()->clear();
        dialog.kindFilter()->setCurrentIndex(
            dialog.kindFilter()->findData(int(lists::SubscriberKind::Digest)));
        QCOMPARE(dialog.shownCount(), 1);
        dialog.kindFilter()->setCurrentIndex(0);
        QCOMPARE(dialog.shownCount(), 20002);
        const qint64 ms = t.elapsed();
        qInfo("20 002 subscribers shown, filtered and unfiltered in %lld ms", ms);
        QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
        screenshot(&dialog, QStringLiteral("subscribers"));
    }
};

QTEST_MAIN(TestLists)
#include "tst_lists.moc"
