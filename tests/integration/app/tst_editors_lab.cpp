// The editor dialogs against the lab's real database: a domain, mailboxes, an alias with members,
// forwarding, a password change, a CSV import, server errors shown in the dialog (duplicate,
// unknown member, conflict), and the deletion of everything again. Rows are checked through the
// repositories. Only domains named uitest-<random>.test are touched; the seed stays intact.

#include "../ssh/TestPrompter.h"
#include "common/LabEnv.h"
#include "core/db/AliasRepository.h"
#include "core/db/DbWorker.h"
#include "core/db/DomainRepository.h"
#include "core/db/EmailAddress.h"
#include "core/db/MailboxRepository.h"
#include "core/db/PasswordHash.h"
#include "core/session/ServerConnection.h"
#include "ui/common/MessageBanner.h"
#include "ui/domains/AddressListEditor.h"
#include "ui/domains/AliasEditorDialog.h"
#include "ui/domains/ChangePasswordDialog.h"
#include "ui/domains/DomainDeleteDialog.h"
#include "ui/domains/DomainEditorDialog.h"
#include "ui/domains/DomainPage.h"
#include "ui/domains/EditMailboxDialog.h"
#include "ui/domains/FieldErrorLabel.h"
#include "ui/domains/MailboxImportDialog.h"
#include "ui/domains/NewMailboxDialog.h"
#include "ui/domains/PasswordField.h"
#include "ui/domains/QuotaEdit.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::ui;

namespace {

QString errorAt(QWidget *dialog, const QString &fieldName) {
    auto *label = dialog->findChild<FieldErrorLabel *>(fieldName + QStringLiteral("Error"));
    return label && !label->isHidden() ? label->text() : QString();
}

void screenshot(QWidget *w, const QString &name) {
    const QString dir = qEnvironmentVariable("MAILDECK_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50);
    w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestEditorsLab : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    TestPrompter m_prompter;
    std::unique_ptr<ServerConnection> m_conn;
    QString m_domain = QStringLiteral("uitest-%1.test").arg(QRandomGenerator::global()->generate());

    DbWorker *db() const { return m_conn->db(); }
    QString addr(const char *local) const {
        return QLatin1String(local) + QLatin1Char('@') + m_domain;
    }

    // Presses OK and waits until the write finished; true when the dialog closed accepted.
    bool pressOk(EditorDialog &dialog) {
        dialog.okButton()->click();
        if (!QTest::qWaitFor([&] { return !dialog.isBusy(); }, 30000))
            return false;
        return dialog.result() == QDialog::Accepted;
    }

    template <class T> T read(std::function<Result<T>(QSqlDatabase &)> job) {
        auto r = awaitFuture(db()->run(std::move(job)));
        if (!r || !r->ok())
            qFatal("read failed: %s", r ? why(*r).constData() : "timeout");
        return r->value();
    }

    bool domainExists() {
        auto r = awaitFuture(db()->run(
            [d = m_domain](QSqlDatabase &sql) { return db::DomainRepository::get(sql, d); }));
        return r && r->ok();
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        const QString knownHosts = m_tmp.path() + QStringLiteral("/known_hosts");
        QVERIFY(QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), knownHosts));
        QFile(knownHosts).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        ServerProfile p;
        p.name = QStringLiteral("uitest-%1").arg(QRandomGenerator::global()->generate());
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
    }

    void cleanupTestCase() {
        if (!m_conn || !m_conn->db())
            return;
        if (domainExists()) {
            auto removed =
                awaitFuture(db()->runInTransaction([d = m_domain](QSqlDatabase &sql) -> Status {
                    auto plan = db::DomainRepository::planDeletion(sql, d);
                    if (!plan)
                        return plan.error();
                    return db::DomainRepository::remove(sql, *plan);
                }));
            QVERIFY(removed && removed->ok());
        }
        QVERIFY(!domainExists());
        m_conn.reset();
    }

    void createDomain() {
        DomainEditorDialog dialog(db());
        dialog.findChild<QLineEdit *>(QStringLiteral("DomainName"))->setText(m_domain.toUpper());
        dialog.findChild<QLineEdit *>(QStringLiteral("DomainDescription"))
            ->setText(QStringLiteral("MailDeck UI test"));
        dialog.findChild<QuotaEdit *>(QStringLiteral("DefaultUserQuota"))->setMegabytes(256);
        QVERIFY(pressOk(dialog));
        auto d = read<db::DomainSummary>(
            [d = m_domain](QSqlDatabase &sql) { return db::DomainRepository::get(sql, d); });
        QCOMPARE(d.description, QStringLiteral("MailDeck UI test"));
        QVERIFY(d.active);
        QVERIFY(d.settings.contains(QStringLiteral("default_user_quota:256")));
    }

    void duplicateDomainShowsAtTheField() {
        DomainEditorDialog dialog(db());
        dialog.findChild<QLineEdit *>(QStringLiteral("DomainName"))->setText(m_domain);
        QVERIFY(!pressOk(dialog));
        QVERIFY2(errorAt(&dialog, QStringLiteral("DomainName")).contains(QStringLiteral("already")),
                 qPrintable(errorAt(&dialog, QStringLiteral("DomainName"))));
        QVERIFY(dialog.okButton()->isEnabled());
    }

    void createMailboxes() {
        for (const char *local : {"alice", "bob"}) {
            NewMailboxDialog dialog(db(), m_domain, 256);
            dialog.findChild<QLineEdit *>(QStringLiteral("LocalPart"))
                ->setText(QLatin1String(local));
            dialog.findChild<QLineEdit *>(QStringLiteral("DisplayName"))
                ->setText(QStringLiteral("User %1").arg(QLatin1String(local)));
            dialog.findChild<QLineEdit *>(QStringLiteral("PasswordInput"))
                ->setText(QStringLiteral("Initial-Secret-42"));
            dialog.findChild<QCheckBox *>(QStringLiteral("Service_pop3"))->click();
            QVERIFY(pressOk(dialog));
        }
        auto m = read<db::MailboxRow>(
            [u = addr("alice")](QSqlDatabase &sql) { return db::MailboxRepository::get(sql, u); });
        QCOMPARE(m.name, QStringLiteral("User alice"));
        QCOMPARE(m.quotaMb, qint64(256));
        QCOMPARE(m.passwordScheme, QStringLiteral("SSHA512"));
        QCOMPARE(m.services.value(QStringLiteral("pop3")), false);
        QCOMPARE(m.services.value(QStringLiteral("imap")), true);
        QVERIFY(m.keepsLocalCopy);

        // The same address again: refused at the field, nothing written.
        NewMailboxDialog again(db(), m_domain);
        again.findChild<QLineEdit *>(QStringLiteral("LocalPart"))->setText(QStringLiteral("alice"));
        again.findChild<QLineEdit *>(QStringLiteral("PasswordInput"))
            ->setText(QStringLiteral("x-Secret-1234"));
        QVERIFY(!pressOk(again));
        QVERIFY(!errorAt(&again, QStringLiteral("LocalPart")).isEmpty());
    }

    void createAliasWithMembers() {
        // A member in this server's domain that does not exist: the server says so at the field.
        {
            AliasEditorDialog dialog(db(), m_domain);
            dialog.findChild<QLineEdit *>(QStringLiteral("LocalPart"))
                ->setText(QStringLiteral("team"));
            dialog.membersEditor()->input()->setText(addr("nobody"));
            QVERIFY(!pressOk(dialog));
            QVERIFY2(!errorAt(&dialog, QStringLiteral("MembersInput")).isEmpty(),
                     qPrintable(dialog.banner()->text()));
        }
        AliasEditorDialog dialog(db(), m_domain);
        dialog.findChild<QLineEdit *>(QStringLiteral("LocalPart"))->setText(QStringLiteral("team"));
        dialog.findChild<QLineEdit *>(QStringLiteral("DisplayName"))
            ->setText(QStringLiteral("The team"));
        dialog.membersEditor()->input()->setText(addr("alice") + QStringLiteral(", ") +
                                                 addr("bob") +
                                                 QStringLiteral(", outside@example.org"));
        QVERIFY(dialog.membersEditor()->addFromInput());
        QVERIFY(pressOk(dialog));
        auto a = read<db::AliasAccount>([a = addr("team")](QSqlDatabase &sql) {
            return db::AliasRepository::getAlias(sql, a);
        });
        QCOMPARE(a.name, QStringLiteral("The team"));
        QCOMPARE(a.members,
                 (QStringList{addr("alice"), addr("bob"), QStringLiteral("outside@example.org")}));

        // Edit: remove bob.
        AliasEditorDialog edit(db(), a);
        edit.membersEditor()->setAddresses({addr("alice"), QStringLiteral("outside@example.org")});
        QVERIFY(pressOk(edit));
        a = read<db::AliasAccount>([a = addr("team")](QSqlDatabase &sql) {
            return db::AliasRepository::getAlias(sql, a);
        });
        QCOMPARE(a.members, (QStringList{addr("alice"), QStringLiteral("outside@example.org")}));
    }

    void forwardingWithoutCopy() {
        auto m = read<db::MailboxRow>(
            [u = addr("alice")](QSqlDatabase &sql) { return db::MailboxRepository::get(sql, u); });
        EditMailboxDialog dialog(db(), m);
        dialog.forwardingEditor()->input()->setText(addr("bob"));
        dialog.keepCopyBox()->setChecked(false);
        QVERIFY(pressOk(dialog));
        auto f = read<db::UserForwarding>([u = addr("alice")](QSqlDatabase &sql) {
            return db::AliasRepository::getForwarding(sql, u);
        });
        QCOMPARE(f.destinations, QStringList{addr("bob")});
        QVERIFY(!f.keepLocalCopy);

        // A second console changed the domain meanwhile: the stale dialog says so in its banner.
        auto stale = read<db::DomainSummary>(
            [d = m_domain](QSqlDatabase &sql) { return db::DomainRepository::get(sql, d); });
        DomainEditorDialog first(db(), stale);
        first.findChild<QLineEdit *>(QStringLiteral("DomainDescription"))
            ->setText(QStringLiteral("first"));
        QVERIFY(pressOk(first));
        DomainEditorDialog second(db(), stale);
        second.findChild<QLineEdit *>(QStringLiteral("DomainDescription"))
            ->setText(QStringLiteral("second"));
        QVERIFY(!pressOk(second));
        QVERIFY2(second.banner()->text().contains(QStringLiteral("someone else")),
                 qPrintable(second.banner()->text()));
        second.show();
        screenshot(&second, QStringLiteral("lab-conflict"));
    }

    void changePassword() {
        ChangePasswordDialog dialog(db(), addr("bob"), QStringLiteral("SSHA512"), false);
        dialog.passwordField()->input()->setText(QStringLiteral("Changed-Secret-77"));
        QVERIFY(pressOk(dialog));
        auto hash = read<QString>([u = addr("bob")](QSqlDatabase &sql) -> Result<QString> {
            QSqlQuery q(sql);
            q.prepare(QStringLiteral("SELECT password FROM mailbox WHERE username = ?"));
            q.addBindValue(u);
            if (!q.exec() || !q.next())
                return Error{QStringLiteral("test"), QStringLiteral("no row"), {}};
            return q.value(0).toString();
        });
        QCOMPARE(db::PasswordHash::verify(hash, QStringLiteral("Changed-Secret-77")).value(), true);
        QCOMPARE(db::PasswordHash::verify(hash, QStringLiteral("Initial-Secret-42")).value(),
                 false);
    }

    void importFromCsv() {
        MailboxImportDialog dialog(db(), m_domain);
        dialog.setCsvText(QStringLiteral("address,password,name\n"
                                         "carol,Import-Secret-1,Carol\n"
                                         "alice,Import-Secret-2,Alice again\n"));
        // The server check marks alice as taken.
        QVERIFY(QTest::qWaitFor([&] { return dialog.errorCount() == 1; }, 20000));
        QVERIFY(!dialog.importButton()->isEnabled());
        dialog.setCsvText(QStringLiteral("address,password,name,quota\n"
                                         "carol,Import-Secret-1,Carol,100\n"
                                         "dave,Import-Secret-2,Dave,\n"));
        QVERIFY(QTest::qWaitFor([&] { return dialog.importButton()->isEnabled(); }, 20000));
        QSignalSpy imported(&dialog, &MailboxImportDialog::imported);
        dialog.importButton()->click();
        QVERIFY(imported.wait(30000));
        QCOMPARE(imported.first().first().toInt(), 2);
        auto boxes = read<QList<db::MailboxRow>>([d = m_domain](QSqlDatabase &sql) {
            return db::MailboxRepository::listForDomain(sql, d);
        });
        QCOMPARE(boxes.size(), 4);
    }

    void domainPageLoadsAndOpensEditors() {
        DomainPage page;
        page.resize(1000, 640);
        QSignalSpy loaded(&page, &DomainPage::mailboxesLoaded);
        QSignalSpy aliases(&page, &DomainPage::aliasesLoaded);
        page.showDomain(m_domain, db());
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        QCOMPARE(loaded.first().first().toInt(), 4);
        QVERIFY(aliases.count() > 0 || aliases.wait(20000));
        page.show();
        screenshot(&page, QStringLiteral("lab-domain-page"));
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        // A closed dialog leaves no active window on the offscreen platform: activate the page.
        auto focus = [&page](QWidget *w) {
            QApplication::setActiveWindow(&page);
            w->setFocus();
        };
        auto *view = page.findChild<QTableView *>(QStringLiteral("MailboxView"));
        focus(view);
        QSignalSpy opened(&page, &DomainPage::dialogOpened);
        // Insert = new mailbox.
        QTest::keyClick(view, Qt::Key_Insert);
        QCOMPARE(opened.count(), 1);
        auto *dialog =
            qobject_cast<NewMailboxDialog *>(opened.takeFirst().first().value<QDialog *>());
        QVERIFY(dialog);
        dialog->close();
        focus(view);
        view->selectRow(0);
        // F2 = edit (the row is read fresh first), Enter too.
        QTest::keyClick(view, Qt::Key_F2);
        QVERIFY(opened.count() == 1 || opened.wait(20000));
        auto *edit =
            qobject_cast<EditMailboxDialog *>(opened.takeFirst().first().value<QDialog *>());
        QVERIFY(edit);
        screenshot(edit, QStringLiteral("lab-edit-mailbox"));
        edit->close();
        focus(view);
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(opened.count() == 1 || opened.wait(20000));
        auto *edit2 =
            qobject_cast<EditMailboxDialog *>(opened.takeFirst().first().value<QDialog *>());
        QVERIFY(edit2);
        edit2->close();
        // Delete = delete, after a confirmation (cancelled here).
        focus(view);
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(opened.count(), 1);
        auto *confirm = opened.takeFirst().first().value<QDialog *>();
        QCOMPARE(confirm->objectName(), QStringLiteral("DeleteMailboxesConfirmation"));
        confirm->reject();
        // Ctrl+R = reload.
        loaded.clear();
        focus(view);
        QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        // The alias tab: Insert = new alias.
        auto *aliasView = page.findChild<QTreeView *>(QStringLiteral("AliasView"));
        page.findChild<QTabWidget *>()->setCurrentIndex(1);
        screenshot(&page, QStringLiteral("lab-domain-page-aliases"));
        focus(aliasView);
        QTest::keyClick(aliasView, Qt::Key_Insert);
        QCOMPARE(opened.count(), 1);
        QVERIFY(qobject_cast<AliasEditorDialog *>(opened.takeFirst().first().value<QDialog *>()));
    }

    void deleteDomain() {
        DomainDeleteDialog dialog(db(), m_domain);
        QVERIFY(QTest::qWaitFor([&] { return dialog.plan().has_value(); }, 20000));
        QCOMPARE(dialog.plan()->mailboxes.size(), 4);
        QVERIFY(dialog.plan()->totalRows() > 4);
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.confirmationInput()->setText(m_domain);
        dialog.show();
        screenshot(&dialog, QStringLiteral("lab-delete-domain"));
        QVERIFY(pressOk(dialog));
        QVERIFY(!domainExists());
        auto mailbox = awaitFuture(db()->run(
            [u = addr("alice")](QSqlDatabase &sql) { return db::MailboxRepository::get(sql, u); }));
        QVERIFY(mailbox && !mailbox->ok());
        QCOMPARE(mailbox->error().code, QStringLiteral("db.notfound"));
    }
};

QTEST_MAIN(TestEditorsLab)
#include "tst_editors_lab.moc"
