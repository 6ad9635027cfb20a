// The mailing-list UI against the lab, through a ServerConnection (SSH as root, tunnel,
// DbWorker): a list created through ListEditorDialog in example01.test (where the lab's mlmmj
// lists live) named mdtest-ui-<tag>, a setting edited through the page's Edit action and checked
// in the control files via MailingLists::read, 2 000 subscribers imported from a temp file
// through SubscribersDialog (bad and duplicate lines reported) and compared with core's
// subscriber read, one removed, then the list deleted through the page's Delete action.
// Also iRedAdmin's DEFAULT_PASSWORD_SCHEME read over SSH: the fallback when settings.py is
// absent, and a real file. Everything made is removed again; the seed stays as it was.

#include "../ssh/TestPrompter.h"
#include "common/LabEnv.h"
#include "core/db/DbWorker.h"
#include "core/db/MailingListRepository.h"
#include "core/lists/MailingLists.h"
#include "core/session/IredadminSettings.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"
#include "ui/common/MessageBanner.h"
#include "ui/domains/AddressListEditor.h"
#include "ui/domains/DomainPage.h"
#include "ui/lists/ListEditorDialog.h"
#include "ui/lists/MailingListModel.h"
#include "ui/lists/SubscribersDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::ui;
using lists::ListSettings;

namespace {

void screenshot(QWidget *w, const QString &name) {
    const QString dir = qEnvironmentVariable("MAILDECK_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50);
    w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestListsLab : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    TestPrompter m_prompter;
    std::unique_ptr<ServerConnection> m_conn;
    lists::MailingLists *m_lists = nullptr;
    const QString m_domain = QStringLiteral("example01.test");
    const QString m_tag = QString::number(QRandomGenerator::global()->bounded(1000000));
    const QString m_address = QStringLiteral("mdtest-ui-%1@example01.test").arg(m_tag);

    QByteArray sh(const QString &cmd, int *status = nullptr) {
        ExecOptions o;
        o.privileged = true;
        auto r = awaitFuture(m_conn->ssh()->runCommand(cmd, o), 60000);
        if (status)
            *status = r && r->ok() ? r->value().exitStatus : -1;
        return r && r->ok() ? r->value().stdOut : QByteArray();
    }

    std::optional<lists::ListState> readList() {
        auto r = awaitFuture(m_lists->read(m_address));
        if (!r || !r->ok())
            return std::nullopt;
        return r->value();
    }

    // Selects the list row of m_address in the page's table (after a reload); false if absent.
    bool selectList(DomainPage &page) {
        auto *view = page.findChild<QTableView *>(QStringLiteral("ListView"));
        for (int i = 0; i < view->model()->rowCount(); ++i) {
            const QModelIndex index = view->model()->index(i, 0);
            if (index.data(MailingListModel::AddressRole).toString() == m_address) {
                view->setCurrentIndex(index);
                view->selectRow(i);
                return true;
            }
        }
        return false;
    }

    bool reloadPage(DomainPage &page) {
        QSignalSpy loaded(&page, &DomainPage::listsLoaded);
        page.reload();
        return QTest::qWaitFor([&loaded] { return !loaded.isEmpty(); }, 30000);
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        const QString knownHosts = m_tmp.path() + QStringLiteral("/known_hosts");
        QVERIFY(QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), knownHosts));
        QFile(knownHosts).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        ServerProfile p;
        p.name = QStringLiteral("listsui-%1").arg(m_tag);
        p.host = QStringLiteral("127.0.0.1");
        p.port = LabEnv::port("LAB_SSH_PORT");
        p.user = QStringLiteral("root");
        p.identityFile = LabEnv::value("LAB_ROOT_KEY");
        p.knownHostsFile = knownHosts;
        p.dbRoute = DbRoute::Tunnel;
        p.dbPort = LabEnv::port("LAB_DB_PORT");
        p.dbName = LabEnv::value("LAB_DB_NAME");
        p.dbUser = LabEnv::value("LAB_DB_ADMIN_USER");
        p.dbCredentials = DbCredentialSource::ServerFile;
        p.dbCredentialsFile = LabEnv::value("LAB_DB_ADMIN_CNF");
        p.paths.mlmmjSpool = LabEnv::value("LAB_MLMMJ_SPOOL");
        SshConfig c = SshConfig::fromProfile(p);
        c.sshConfigFile = QStringLiteral("none");
        c.sshDir = m_tmp.path() + QStringLiteral("/dotssh");
        c.useAgent = false;
        m_conn = std::make_unique<ServerConnection>(p, c, &m_prompter);
        auto st = awaitFuture(m_conn->connectToServer());
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        m_lists = new lists::MailingLists(m_conn.get(), m_conn.get());
    }

    void cleanupTestCase() {
        if (!m_conn || !m_lists)
            return;
        // Whatever a failed step left behind.
        if (auto plan = awaitFuture(m_lists->planRemoval(m_address)); plan && plan->ok()) {
            lists::RemovalPlan p = plan->value();
            p.archive = false;
            if (p.hasDirectory || p.row)
                awaitFuture(m_lists->remove(p));
        }
        QVERIFY(!readList());
    }

    void passwordSchemeFromServer() {
        // The lab has no iRedAdmin: the fallback, with a note, when settings.py is absent.
        int status = 0;
        sh(QStringLiteral("test -e /opt/www/iredadmin/settings.py"), &status);
        auto fallback = awaitFuture(IredadminSettings::readPasswordScheme(m_conn.get()));
        QVERIFY(fallback);
        if (status != 0) {
            QCOMPARE(fallback->scheme, db::PasswordScheme::Ssha512);
            QVERIFY(fallback->source.isEmpty());
            QVERIFY(fallback->note.contains(QLatin1String("/opt/www/iredadmin/settings.py")));
        }
        // A settings.py as the installer leaves it, read as root over SSH (mode 0600); a
        // missing first path is passed over.
        const QString dir = QString::fromUtf8(sh(QStringLiteral("mktemp -d"))).trimmed();
        QVERIFY(dir.startsWith(QLatin1Char('/')));
        const QString file = dir + QStringLiteral("/settings.py");
        sh(QStringLiteral("printf '%s\\n' \"webmaster = 'root@example01.test'\" "
                          "\"# DEFAULT_PASSWORD_SCHEME = 'MD5'\" "
                          "\"DEFAULT_PASSWORD_SCHEME = 'BCRYPT'  # installer\" > ") +
           Sudo::shellQuote(file) + QStringLiteral(" && chmod 0600 ") + Sudo::shellQuote(file));
        auto read = awaitFuture(IredadminSettings::readPasswordScheme(
            m_conn.get(), {dir + QStringLiteral("/missing.py"), file}));
        sh(QStringLiteral("rm -rf ") + Sudo::shellQuote(dir));
        QVERIFY(read);
        QCOMPARE(read->scheme, db::PasswordScheme::BlfCrypt);
        QCOMPARE(read->configured, QStringLiteral("BCRYPT"));
        QCOMPARE(read->source, file);
        QVERIFY2(read->note.isEmpty(), qPrintable(read->note));
    }

    void createEditImportDelete() {
        DomainPage page;
        page.resize(1000, 600);
        page.setMailingLists(m_lists);
        page.showDomain(m_domain, m_conn->db());
        QVERIFY(reloadPage(page));

        // --- create through the dialog (the page's New List action opens it) ---------------
        QPointer<QDialog> opened;
        connect(&page, &DomainPage::dialogOpened, this, [&opened](QDialog *d) { opened = d; });
        auto *newList = page.findChild<QAction *>(QStringLiteral("NewListAction"));
        QVERIFY(newList->isEnabled());
        newList->trigger();
        auto *create = qobject_cast<ListEditorDialog *>(opened.data());
        QVERIFY(create);
        create->findChild<QLineEdit *>(QStringLiteral("LocalPart"))
            ->setText(m_address.section(QLatin1Char('@'), 0, 0));
        create->findChild<QLineEdit *>(QStringLiteral("ListName"))
            ->setText(QStringLiteral("MailDeck UI test"));
        create->findChild<QLineEdit *>(QStringLiteral("ListDescription"))
            ->setText(QStringLiteral("made by tst_lists_lab"));
        create->ownersEditor()->setAddresses({QStringLiteral("postmaster@example01.test")});
        screenshot(create, QStringLiteral("lab-new-list"));
        create->okButton()->click();
        QVERIFY(QTest::qWaitFor([&] { return !opened || !create->isBusy(); }, 60000));
        QVERIFY2(!opened || create->result() == QDialog::Accepted,
                 qPrintable(opened ? create->banner()->text() : QString()));
        QVERIFY(QTest::qWaitFor([&] { return !opened; }, 5000)); // closed and deleted

        auto state = readList();
        QVERIFY(state);
        QCOMPARE(state->settings.name, QStringLiteral("MailDeck UI test"));
        QCOMPARE(state->settings.owners, QStringList{QStringLiteral("postmaster@example01.test")});
        QVERIFY(state->row);
        QCOMPARE(state->row->description, QStringLiteral("made by tst_lists_lab"));
        // The port of the domain's other lists (the lab's reinjection port), not a guess.
        QVERIFY(state->settings.smtpPort > 0);
        QVERIFY(
            state->settings.customHeaders.contains(QStringLiteral("List-Id: <%1>").arg(m_address)));

        // --- edit a setting through the page's Edit action ---------------------------------
        QVERIFY(reloadPage(page));
        QVERIFY(selectList(page));
        auto *editList = page.findChild<QAction *>(QStringLiteral("EditListAction"));
        QVERIFY(editList->isEnabled());
        opened = nullptr;
        editList->trigger();
        QVERIFY(QTest::qWaitFor([&] { return !opened.isNull(); }, 30000));
        auto *edit = qobject_cast<ListEditorDialog *>(opened.data());
        QVERIFY(edit);
        QVERIFY(!edit->isNew());
        const QString prefix = QStringLiteral("[ui-%1]").arg(m_tag);
        edit->findChild<QLineEdit *>(QStringLiteral("SubjectPrefix"))->setText(prefix);
        edit->findChild<QSpinBox *>(QStringLiteral("MaxMessageSize"))->setValue(512);
        edit->findChild<QCheckBox *>(QStringLiteral("KeepArchive"))->setChecked(false);
        edit->findChild<QLineEdit *>(QStringLiteral("ListDescription"))
            ->setText(QStringLiteral("edited by tst_lists_lab"));
        edit->okButton()->click();
        QVERIFY(QTest::qWaitFor([&] { return !opened || !edit->isBusy(); }, 60000));
        QVERIFY2(!opened || edit->result() == QDialog::Accepted,
                 qPrintable(opened ? edit->banner()->text() : QString()));

        state = readList();
        QVERIFY(state);
        QCOMPARE(state->files.value(QStringLiteral("prefix")).trimmed(), prefix.toUtf8());
        QCOMPARE(state->files.value(QStringLiteral("maxmailsize")).trimmed(), QByteArray("524288"));
        QVERIFY(state->files.contains(QStringLiteral("noarchive")));
        QCOMPARE(state->settings.subjectPrefix, prefix);
        QVERIFY(state->row);
        QCOMPARE(state->row->maxMessageSize, 524288);
        QCOMPARE(state->row->description, QStringLiteral("edited by tst_lists_lab"));
        // Everything else as it was.
        QCOMPARE(state->settings.name, QStringLiteral("MailDeck UI test"));

        // --- 2 000 subscribers from a file ---------------------------------------------------
        QStringList expected;
        QByteArray file = "email,name\n";
        for (int i = 0; i < 2000; ++i) {
            const QString a = QStringLiteral("sub%1-%2@example.net").arg(i).arg(m_tag);
            expected << a;
            file += a.toUtf8() + ",Subscriber " + QByteArray::number(i) + '\n';
        }
        file += "not an address,x\n";                                 // line 2002
        file += expected.first().toUpper().toUtf8() + ",duplicate\n"; // line 2003
        const QString path = m_tmp.path() + QStringLiteral("/subscribers.csv");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(file);
        }
        SubscribersDialog subs(m_lists, m_address);
        QSignalSpy loaded(&subs, &SubscribersDialog::loaded);
        subs.show();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        QCOMPARE(loaded.first().first().toInt(), 0);
        QSignalSpy finished(&subs, &SubscribersDialog::importFinished);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(subs.importFile(path));
        QVERIFY(subs.isBusy());
        QVERIFY(subs.progress()->isVisible());
        QVERIFY(finished.wait(120000));
        qInfo("2 000 subscribers imported through the dialog in %lld ms", timer.elapsed());
        const auto report = finished.first().first().value<SubscribersDialog::ImportReport>();
        QVERIFY2(!report.error, qPrintable(report.error ? report.error->message : QString()));
        QCOMPARE(report.added, 2000);
        QCOMPARE(report.refused.size(), 2);
        QCOMPARE(report.refused.at(0).line, 2002);
        QCOMPARE(report.refused.at(1).line, 2003);
        QVERIFY(report.refused.at(1).reason.contains(QLatin1String("line 2")));
        QVERIFY(subs.report()->toPlainText().contains(QLatin1String("Line 2002")));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2, 30000); // reloaded after the import
        QCOMPARE(subs.shownCount(), 2000);
        screenshot(&subs, QStringLiteral("lab-subscribers"));

        auto core = awaitFuture(m_lists->subscribers(m_address));
        QVERIFY(core && core->ok());
        QStringList normal = core->value().normal;
        normal.sort();
        expected.sort();
        QCOMPARE(normal, expected);

        // The lists tab counts them (one remote command for the domain, after the rows).
        QVERIFY(reloadPage(page));
        auto *model = page.findChild<MailingListModel *>();
        QVERIFY(model);
        const int listRow = model->rowOf(m_address);
        QVERIFY(listRow >= 0);
        const QModelIndex count = model->index(listRow, MailingListModel::SubscribersColumn);
        QVERIFY(
            QTest::qWaitFor([&] { return count.data().toString() != QStringLiteral("…"); }, 30000));
        QCOMPARE(count.data().toString(), QStringLiteral("2000"));
        QVERIFY(count.data(Qt::ToolTipRole).toString().contains(QStringLiteral("2000 normal")));
        screenshot(&page, QStringLiteral("lab-lists-tab-counted"));

        // Importing the same file again refuses every line as already subscribed.
        finished.clear();
        QVERIFY(subs.importFile(path));
        // Nothing to send: the report comes at once.
        QVERIFY(!finished.isEmpty() || finished.wait(60000));
        const auto again = finished.first().first().value<SubscribersDialog::ImportReport>();
        QCOMPARE(again.added, 0);
        QCOMPARE(again.refused.size(), 2002);

        // Remove one selected subscriber (confirmed).
        subs.filter()->setText(expected.first());
        QCOMPARE(subs.shownCount(), 1);
        subs.view()->selectRow(0);
        subs.removeSelected();
        auto *box = subs.findChild<QMessageBox *>(QStringLiteral("RemoveSubscribersConfirmation"));
        QVERIFY(box);
        QSignalSpy wrote(&subs, &SubscribersDialog::writeFinished);
        const qsizetype loadsBefore = loaded.count();
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        QVERIFY(wrote.wait(30000));
        QCOMPARE(wrote.first().first().toBool(), true);
        core = awaitFuture(m_lists->subscribers(m_address));
        QVERIFY(core && core->ok());
        QCOMPARE(core->value().normal.size(), 1999);
        QVERIFY(!core->value().normal.contains(expected.first()));

        // Export what is shown.
        subs.filter()->clear();
        // The dialog reloads after the removal.
        QVERIFY(QTest::qWaitFor([&] { return loaded.count() > loadsBefore; }, 30000));
        QCOMPARE(subs.shownCount(), 1999);
        const QString out = m_tmp.path() + QStringLiteral("/export.txt");
        QVERIFY(subs.exportFile(out));
        QFile exported(out);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(exported.readAll().count('\n'), 1999);
        subs.close();

        // --- delete through the page (confirmation, without an archive copy) -------------
        QVERIFY(reloadPage(page));
        QVERIFY(selectList(page));
        if (!qEnvironmentVariableIsEmpty("MAILDECK_SCREENSHOTS")) {
            page.findChild<QTabWidget *>()->setCurrentIndex(2);
            page.show();
            QTest::qWait(1500); // the settings columns fill in
            screenshot(&page, QStringLiteral("lab-lists-tab"));
        }
        opened = nullptr;
        page.findChild<QAction *>(QStringLiteral("DeleteListAction"))->trigger();
        QVERIFY(QTest::qWaitFor([&] { return !opened.isNull(); }, 30000));
        auto *confirm = qobject_cast<QMessageBox *>(opened.data());
        QVERIFY(confirm);
        QCOMPARE(confirm->objectName(), QStringLiteral("DeleteListConfirmation"));
        QVERIFY(confirm->informativeText().contains(QLatin1String("1999")));
        QVERIFY(confirm->checkBox()->isChecked());
        confirm->checkBox()->setChecked(false);
        QVERIFY(confirm->informativeText().contains(QLatin1String("deleted for good")));
        screenshot(confirm, QStringLiteral("lab-delete-list"));
        QSignalSpy reloaded(&page, &DomainPage::listsLoaded);
        for (QAbstractButton *b : confirm->buttons())
            if (confirm->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 60000);
        QVERIFY(!selectList(page));
        QVERIFY(!readList());
        auto rows = awaitFuture(m_conn->db()->run(
            [a = m_address](QSqlDatabase &db) { return db::MailingListRepository::get(db, a); }));
        QVERIFY(rows && !rows->ok());
        int status = 0;
        sh(QStringLiteral("test -e ") + Sudo::shellQuote(m_lists->paths().listDir(m_address)),
           &status);
        QCOMPARE(status, 1);
    }
};

QTEST_MAIN(TestListsLab)
#include "tst_lists_lab.moc"
