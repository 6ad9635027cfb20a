// "Undo last change" of the domain page against the lab's real database: a mailbox edit, a
// password change, alias member edits and an alias creation are undone through the page's Undo
// action; an undo after another console changed the row is refused (and keeps that change);
// a delete leaves nothing to undo. Only a domain named undotest-<random>.test is touched.

#include "../ssh/TestPrompter.h"
#include "common/LabEnv.h"
#include "core/db/AliasRepository.h"
#include "core/db/DbWorker.h"
#include "core/db/DomainRepository.h"
#include "core/db/MailboxRepository.h"
#include "core/db/PasswordHash.h"
#include "core/session/ServerConnection.h"
#include "ui/common/MessageBanner.h"
#include "ui/domains/AddressListEditor.h"
#include "ui/domains/AliasEditorDialog.h"
#include "ui/domains/AliasOverviewModel.h"
#include "ui/domains/ChangePasswordDialog.h"
#include "ui/domains/DomainPage.h"
#include "ui/domains/EditMailboxDialog.h"
#include "ui/domains/PasswordField.h"
#include "ui/domains/QuotaEdit.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::ui;

namespace {

void screenshot(QWidget *w, const QString &name) {
    const QString dir = qEnvironmentVariable("MAILDECK_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    w->show();
    QTest::qWait(50);
    w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestUndoLab : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    TestPrompter m_prompter;
    std::unique_ptr<ServerConnection> m_conn;
    std::unique_ptr<DomainPage> m_page;
    QString m_domain =
        QStringLiteral("undotest-%1.test").arg(QRandomGenerator::global()->generate());

    DbWorker *db() const { return m_conn->db(); }
    QString addr(const char *local) const {
        return QLatin1String(local) + QLatin1Char('@') + m_domain;
    }
    QAction *undo() const { return m_page->undoAction(); }

    template <class T> T read(std::function<Result<T>(QSqlDatabase &)> job) {
        auto r = awaitFuture(db()->run(std::move(job)));
        if (!r || !r->ok())
            qFatal("read failed: %s", r ? why(*r).constData() : "timeout");
        return r->value();
    }
    db::MailboxRow mailbox(const QString &username) {
        return read<db::MailboxRow>(
            [username](QSqlDatabase &sql) { return db::MailboxRepository::get(sql, username); });
    }
    QString passwordHash(const QString &username) {
        return read<QString>([username](QSqlDatabase &sql) -> Result<QString> {
            auto p = db::MailboxRepository::storedPassword(sql, username);
            if (!p)
                return p.error();
            return p->hash;
        });
    }
    Status write(std::function<Status(QSqlDatabase &)> job) {
        auto r = awaitFuture(db()->runInTransaction(std::move(job)));
        return r ? *r
                 : Status(Error{QStringLiteral("test.timeout"), QStringLiteral("timeout"), {}});
    }

    // Reloads the page and waits until both tabs are loaded.
    bool reloaded() {
        QSignalSpy boxes(m_page.get(), &DomainPage::mailboxesLoaded);
        QSignalSpy aliases(m_page.get(), &DomainPage::aliasesLoaded);
        m_page->reload();
        // Counted, not waited for: a load may finish inside reload() when the worker is quick.
        return QTest::qWaitFor([&] { return !boxes.isEmpty() && !aliases.isEmpty(); }, 20000);
    }
    // Makes `username` the page's current mailbox.
    bool selectMailbox(const QString &username) {
        if (!reloaded())
            return false;
        auto *view = m_page->findChild<QTableView *>(QStringLiteral("MailboxView"));
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            if (view->model()->index(row, 0).data().toString() == username) {
                view->setCurrentIndex(view->model()->index(row, 0));
                view->selectRow(row);
                return true;
            }
        }
        return false;
    }
    bool selectAlias(const QString &address) {
        if (!reloaded())
            return false;
        auto *view = m_page->findChild<QTreeView *>(QStringLiteral("AliasView"));
        const QAbstractItemModel *model = view->model();
        for (int g = 0; g < model->rowCount(); ++g) {
            const QModelIndex group = model->index(g, 0);
            for (int row = 0; row < model->rowCount(group); ++row) {
                const QModelIndex index = model->index(row, 0, group);
                if (index.data(AliasOverviewModel::KeyRole).toString() == address) {
                    view->setCurrentIndex(index);
                    return true;
                }
            }
        }
        return false;
    }
    // Calls `open` on the page and returns the dialog it opened.
    template <class D> D *opened(void (DomainPage::*open)()) {
        QSignalSpy spy(m_page.get(), &DomainPage::dialogOpened);
        (m_page.get()->*open)();
        if (spy.isEmpty() && !spy.wait(20000))
            return nullptr;
        return qobject_cast<D *>(spy.first().first().value<QDialog *>());
    }
    bool pressOk(EditorDialog *dialog) {
        QSignalSpy done(dialog, &QDialog::finished);
        dialog->okButton()->click();
        return (done.count() > 0 || done.wait(30000)) && done.first().first() == QDialog::Accepted;
    }
    // Triggers Undo and waits for its outcome: 1 undone, 0 refused or failed, -1 nothing ran.
    int undoNow() {
        QSignalSpy finished(m_page.get(), &DomainPage::undoFinished);
        if (!undo()->isEnabled())
            return -1;
        undo()->trigger();
        if (!finished.wait(30000))
            return -1;
        return finished.first().first().toBool() ? 1 : 0;
    }
    QString bannerText() const { return m_page->findChild<MessageBanner *>()->text(); }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        const QString knownHosts = m_tmp.path() + QStringLiteral("/known_hosts");
        QVERIFY(QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), knownHosts));
        QFile(knownHosts).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        ServerProfile p;
        p.name = QStringLiteral("undotest-%1").arg(QRandomGenerator::global()->generate());
        p.host = QStringLiteral("127.0.0.1");
        p.port = LabEnv::port("LAB_SSH_PORT");
        p.user = QStringLiteral("root");
        p.identityFile = LabEnv::value("LAB_ROOT_KEY");
        p.knownHostsFile = knownHosts;
        p.dbRoute = DbRoute::Tunnel;
        p.dbHost = QStringLiteral("127.0.0.1");
        p.dbPort = LabEnv::port("LAB_DB_PORT");
        p.dbName = LabEnv::value("LAB_DB_NAME");
        p.dbUser = LabEnv::value("LAB_DB_ADMIN_USER");
        p.dbCredentials = DbCredentialSource::ServerFile;
        p.dbCredentialsFile =
            LabEnv::value("LAB_ROOT") + QStringLiteral("/root/.my.cnf-vmailadmin");
        SshConfig c = SshConfig::fromProfile(p);
        c.sshConfigFile = QStringLiteral("none");
        c.sshDir = m_tmp.path() + QStringLiteral("/dotssh");
        c.useAgent = false;
        c.timeoutSeconds = 10;
        m_conn = std::make_unique<ServerConnection>(p, c, &m_prompter);
        auto st = awaitFuture(m_conn->connectToServer());
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());

        // The rows the tests start from (written directly: their creation is not under test).
        Status created = write([this](QSqlDatabase &sql) -> Status {
            if (Status s = db::DomainRepository::create(sql, m_domain, QStringLiteral("undo")); !s)
                return s;
            for (const char *local : {"alice", "bob", "carol"}) {
                db::NewMailbox box;
                box.address = addr(local);
                box.password = QStringLiteral("Initial-Secret-42");
                box.name = QStringLiteral("User %1").arg(QLatin1String(local));
                box.quotaMb = 256;
                if (Status s = db::MailboxRepository::create(sql, box); !s)
                    return s;
            }
            return db::AliasRepository::createAlias(sql, addr("team"), QStringLiteral("Team"),
                                                    {addr("alice"), addr("bob")});
        });
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));

        m_page = std::make_unique<DomainPage>();
        m_page->resize(1000, 640);
        QSignalSpy loaded(m_page.get(), &DomainPage::mailboxesLoaded);
        m_page->showDomain(m_domain, db());
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        QVERIFY(!undo()->isEnabled());
    }

    void cleanupTestCase() {
        m_page.reset();
        if (!m_conn || !m_conn->db())
            return;
        Status removed = write([d = m_domain](QSqlDatabase &sql) -> Status {
            auto plan = db::DomainRepository::planDeletion(sql, d);
            if (!plan)
                return plan.error();
            return db::DomainRepository::remove(sql, *plan);
        });
        QVERIFY(removed);
        m_conn.reset();
    }

    void editMailboxThenUndo() {
        const db::MailboxRow before = mailbox(addr("alice"));
        QVERIFY(selectMailbox(addr("alice")));
        auto *dialog = opened<EditMailboxDialog>(&DomainPage::editMailbox);
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("DisplayName"))
            ->setText(QStringLiteral("Changed name"));
        dialog->findChild<QuotaEdit *>()->setMegabytes(512);
        dialog->findChild<QCheckBox *>(QStringLiteral("Service_imap"))->click();
        dialog->forwardingEditor()->setAddresses({addr("bob")});
        dialog->keepCopyBox()->setChecked(false);
        QVERIFY(pressOk(dialog));
        const db::MailboxRow changed = mailbox(addr("alice"));
        QCOMPARE(changed.name, QStringLiteral("Changed name"));
        QCOMPARE(changed.quotaMb, qint64(512));
        QCOMPARE(changed.forwardTo, QStringList{addr("bob")});
        QVERIFY(!changed.keepsLocalCopy);

        QVERIFY(undo()->isEnabled());
        QVERIFY2(undo()->text().contains(QStringLiteral("edit mailbox ") + addr("alice")),
                 qPrintable(undo()->text()));
        screenshot(m_page.get(), QStringLiteral("lab-undo-available"));
        QCOMPARE(undoNow(), 1);
        QVERIFY2(bannerText().contains(addr("alice")), qPrintable(bannerText()));
        QVERIFY(!undo()->isEnabled()); // one level

        const db::MailboxRow after = mailbox(addr("alice"));
        QCOMPARE(after.name, before.name);
        QCOMPARE(after.quotaMb, before.quotaMb);
        QCOMPARE(after.active, before.active);
        QCOMPARE(after.services, before.services);
        QVERIFY(after.allowNets == before.allowNets);
        QCOMPARE(after.forwardTo, before.forwardTo);
        QCOMPARE(after.keepsLocalCopy, before.keepsLocalCopy);
    }

    void passwordChangeThenUndo() {
        const QString oldHash = passwordHash(addr("bob"));
        QVERIFY(selectMailbox(addr("bob")));
        auto *dialog = opened<ChangePasswordDialog>(&DomainPage::changePassword);
        QVERIFY(dialog);
        dialog->passwordField()->input()->setText(QStringLiteral("Changed-Secret-77"));
        QVERIFY(pressOk(dialog));
        QCOMPARE(
            db::PasswordHash::verify(passwordHash(addr("bob")), QStringLiteral("Changed-Secret-77"))
                .value(),
            true);
        QVERIFY(undo()->text().contains(QStringLiteral("password")));
        QCOMPARE(undoNow(), 1);
        const QString restored = passwordHash(addr("bob"));
        QCOMPARE(restored, oldHash);
        QCOMPARE(db::PasswordHash::verify(restored, QStringLiteral("Initial-Secret-42")).value(),
                 true);
        QCOMPARE(db::PasswordHash::verify(restored, QStringLiteral("Changed-Secret-77")).value(),
                 false);
        // The hash never reaches the page.
        QVERIFY(!bannerText().contains(oldHash));
    }

    void aliasMembersEditThenUndo() {
        auto getTeam = [this] {
            return read<db::AliasAccount>([a = addr("team")](QSqlDatabase &sql) {
                return db::AliasRepository::getAlias(sql, a);
            });
        };
        const db::AliasAccount before = getTeam();
        QVERIFY(selectAlias(addr("team")));
        auto *dialog = opened<AliasEditorDialog>(&DomainPage::editAliasItem);
        QVERIFY(dialog);
        dialog->membersEditor()->setAddresses({addr("carol"), QStringLiteral("out@example.org")});
        dialog->moderatorsEditor()->setAddresses({addr("alice")});
        QVERIFY(pressOk(dialog));
        QCOMPARE(getTeam().members,
                 (QStringList{addr("carol"), QStringLiteral("out@example.org")}));
        QVERIFY(undo()->text().contains(QStringLiteral("edit alias")));
        QCOMPARE(undoNow(), 1);
        const db::AliasAccount after = getTeam();
        QCOMPARE(after.members, before.members);
        QCOMPARE(after.moderators, before.moderators);
        QCOMPARE(after.name, before.name);
        QCOMPARE(after.accessPolicy, before.accessPolicy);
    }

    void createAliasThenUndo() {
        auto *dialog = opened<AliasEditorDialog>(&DomainPage::newAlias);
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("LocalPart"))->setText(QStringLiteral("new"));
        dialog->membersEditor()->setAddresses({addr("alice")});
        QVERIFY(pressOk(dialog));
        auto exists = [this] {
            return awaitFuture(db()->run([a = addr("new")](QSqlDatabase &sql) {
                       return db::AliasRepository::getAlias(sql, a);
                   }))
                ->ok();
        };
        QVERIFY(exists());
        QVERIFY(undo()->text().contains(QStringLiteral("create alias ") + addr("new")));
        QCOMPARE(undoNow(), 1);
        QVERIFY(!exists());
    }

    void undoRefusedAfterAnotherConsoleChangedTheRow() {
        QVERIFY(selectMailbox(addr("carol")));
        auto *dialog = opened<EditMailboxDialog>(&DomainPage::editMailbox);
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("DisplayName"))
            ->setText(QStringLiteral("Mine"));
        QVERIFY(pressOk(dialog));
        QVERIFY(undo()->isEnabled());
        // Another console edits the same row.
        QVERIFY(write([u = addr("carol")](QSqlDatabase &sql) -> Status {
            QSqlQuery q(sql);
            q.prepare(QStringLiteral("UPDATE mailbox SET name = 'Other console' "
                                     "WHERE username = ?"));
            q.addBindValue(u);
            if (!q.exec())
                return Error{QStringLiteral("test"), q.lastError().text(), {}};
            return {};
        }));
        QCOMPARE(undoNow(), 0);
        QVERIFY2(bannerText().contains(QStringLiteral("not undone"), Qt::CaseInsensitive),
                 qPrintable(bannerText()));
        QCOMPARE(mailbox(addr("carol")).name, QStringLiteral("Other console"));
        screenshot(m_page.get(), QStringLiteral("lab-undo-refused"));
        QVERIFY(!undo()->isEnabled());
    }

    void toggleThenUndoThenDeleteIsNotUndoable() {
        QVERIFY(selectMailbox(addr("carol")));
        QSignalSpy loaded(m_page.get(), &DomainPage::mailboxesLoaded);
        m_page->toggleMailboxActive();
        QVERIFY(QTest::qWaitFor([&] { return undo()->isEnabled(); }, 20000));
        QVERIFY(!mailbox(addr("carol")).active);
        QVERIFY(undo()->text().contains(QStringLiteral("disable mailbox")));
        QCOMPARE(undoNow(), 1);
        QVERIFY(mailbox(addr("carol")).active);

        // An undoable change, then a delete: nothing to undo, and the tool tip says why.
        QVERIFY(selectMailbox(addr("carol")));
        m_page->toggleMailboxActive();
        QVERIFY(QTest::qWaitFor([&] { return undo()->isEnabled(); }, 20000));
        QVERIFY(selectMailbox(addr("carol")));
        auto *confirm = opened<QMessageBox>(&DomainPage::deleteMailboxes);
        QVERIFY(confirm);
        QPushButton *del = nullptr;
        for (QAbstractButton *b : confirm->buttons())
            if (confirm->buttonRole(b) == QMessageBox::DestructiveRole)
                del = qobject_cast<QPushButton *>(b);
        QVERIFY(del);
        del->click();
        QVERIFY(QTest::qWaitFor([&] { return !undo()->isEnabled(); }, 20000));
        QVERIFY2(undo()->toolTip().contains(QStringLiteral("cannot be undone")),
                 qPrintable(undo()->toolTip()));
        auto gone = awaitFuture(db()->run(
            [u = addr("carol")](QSqlDatabase &sql) { return db::MailboxRepository::get(sql, u); }));
        QVERIFY(gone && !gone->ok());
        // Ctrl+Z does nothing now.
        QSignalSpy finished(m_page.get(), &DomainPage::undoFinished);
        m_page->undoLastChange();
        QVERIFY(!finished.wait(300));
    }
};

QTEST_MAIN(TestUndoLab)
#include "tst_undo_lab.moc"
