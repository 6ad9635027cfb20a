// The delegation windows offscreen, without a server: the New Domain Administrator dialog's
// validation, the audit browser's filter and its field-by-field before/after text, the one-time
// credentials dialog's Copy, and the domain page's actions in delegated mode.

#include "core/delegation/AuditLog.h"
#include "core/lists/MailingLists.h"
#include "core/session/ServerConnection.h"
#include "ui/delegation/AccountCredentialsDialog.h"
#include "ui/delegation/AuditLogDialog.h"
#include "ui/delegation/DelegationTools.h"
#include "ui/delegation/NewDomainAdminDialog.h"
#include "ui/domains/DomainPage.h"
#include "ui/domains/FieldErrorLabel.h"
#include "ui/domains/PasswordField.h"
#include "ui/lists/ListEditorDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::ui;

namespace {

QString errorAt(QWidget *dialog, const QString &fieldName) {
    auto *label = dialog->findChild<FieldErrorLabel *>(fieldName + QStringLiteral("Error"));
    return label && !label->isHidden() ? label->text() : QString();
}

struct AdminForm {
    NewDomainAdminDialog dialog{nullptr,
                                {QStringLiteral("example.com"), QStringLiteral("example.org"),
                                 QStringLiteral("xn--bcher-kva.example")},
                                {QStringLiteral("example.com"), QStringLiteral("example.org"),
                                 QStringLiteral("xn--bcher-kva.example"),
                                 QStringLiteral("alias.example")},
                                true};
    QLineEdit *username = dialog.findChild<QLineEdit *>(QStringLiteral("AdminUsername"));
    QLineEdit *name = dialog.findChild<QLineEdit *>(QStringLiteral("AdminName"));
    PasswordField *password = dialog.findChild<PasswordField *>();
    QListWidget *domains = dialog.findChild<QListWidget *>(QStringLiteral("AdminDomains"));
    QPlainTextEdit *key = dialog.findChild<QPlainTextEdit *>(QStringLiteral("AdminSshKey"));

    bool pressOk() {
        dialog.okButton()->click();
        return dialog.result() == QDialog::Accepted;
    }
};

AuditLogDialog::Column col(int c) {
    return AuditLogDialog::Column(c);
}

} // namespace

class TestDelegationUi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void newAdminNeedsAddressAndPassword() {
        AdminForm f;
        QVERIFY(f.username && f.name && f.password && f.domains && f.key);
        QCOMPARE(f.domains->count(), 3);
        QCOMPARE(f.domains->item(2)->text(), QStringLiteral("bücher.example"));
        QVERIFY(!f.dialog.okButton()->isEnabled());
        f.username->setText(QStringLiteral("jane@partner.test"));
        QVERIFY(!f.dialog.okButton()->isEnabled());
        f.password->setPassword(QStringLiteral("Secret-123456"));
        QVERIFY(f.dialog.okButton()->isEnabled());
    }

    void newAdminRefusesBadInput_data() {
        QTest::addColumn<QString>("username");
        QTest::addColumn<bool>("checkDomain");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("not an address") << QStringLiteral("jane") << true << QString()
                                        << QStringLiteral("AdminUsername") << QString();
        QTest::newRow("local domain") << QStringLiteral("jane@Example.COM") << true << QString()
                                      << QStringLiteral("AdminUsername")
                                      << QStringLiteral("example.com is a domain of this server");
        QTest::newRow("alias domain")
            << QStringLiteral("jane@alias.example") << true << QString()
            << QStringLiteral("AdminUsername") << QStringLiteral("alias.example is a domain");
        QTest::newRow("no domain")
            << QStringLiteral("jane@partner.test") << false << QString()
            << QStringLiteral("AdminDomains") << QStringLiteral("at least one domain");
        QTest::newRow("bad key") << QStringLiteral("jane@partner.test") << true
                                 << QStringLiteral("ssh-ed25519 notbase64!!")
                                 << QStringLiteral("AdminSshKey") << QString();
        QTest::newRow("key with options")
            << QStringLiteral("jane@partner.test") << true
            << QStringLiteral(
                   "command=\"/bin/sh\" ssh-ed25519 "
                   "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl")
            << QStringLiteral("AdminSshKey") << QString();
    }

    void newAdminRefusesBadInput() {
        QFETCH(QString, username);
        QFETCH(bool, checkDomain);
        QFETCH(QString, key);
        QFETCH(QString, field);
        QFETCH(QString, message);
        AdminForm f;
        f.username->setText(username);
        f.password->setPassword(QStringLiteral("Secret-123456"));
        if (checkDomain)
            f.dialog.setCheckedDomains({QStringLiteral("example.org")});
        f.key->setPlainText(key);
        QVERIFY(!f.pressOk());
        const QString error = errorAt(&f.dialog, field);
        QVERIFY2(!error.isEmpty(), qPrintable(field));
        if (!message.isEmpty())
            QVERIFY2(error.contains(message), qPrintable(error));
        // The other fields are fine.
        for (const QString &other : {QStringLiteral("AdminUsername"),
                                     QStringLiteral("AdminDomains"), QStringLiteral("AdminSshKey")})
            if (other != field)
                QVERIFY2(errorAt(&f.dialog, other).isEmpty(), qPrintable(other));
    }

    void newAdminRequest() {
        AdminForm f;
        f.username->setText(QStringLiteral("  Jane@Partner.TEST "));
        f.name->setText(QStringLiteral("Jane Doe"));
        f.password->setPassword(QStringLiteral(" Secret-123456 "));
        f.dialog.setCheckedDomains(
            {QStringLiteral("example.org"), QStringLiteral("xn--bcher-kva.example")});
        f.key->setPlainText(QStringLiteral(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl "
            "jane@laptop"));
        QVERIFY(f.pressOk());
        const delegation::NewDomainAdmin &r = f.dialog.request();
        QCOMPARE(r.username, QStringLiteral("jane@partner.test"));
        QCOMPARE(r.name, QStringLiteral("Jane Doe"));
        QCOMPARE(r.password, QStringLiteral(" Secret-123456 ")); // never trimmed
        QCOMPARE(r.domains, (QStringList{QStringLiteral("example.org"),
                                         QStringLiteral("xn--bcher-kva.example")}));
        QCOMPARE(r.language, QStringLiteral("en_US"));
        QVERIFY(f.dialog.sshPublicKey().startsWith(QStringLiteral("ssh-ed25519 AAAA")));
    }

    void newAdminNameWithControlCharacters() {
        AdminForm f;
        f.username->setText(QStringLiteral("jane@partner.test"));
        f.name->setText(QStringLiteral("Jane\x01"));
        f.password->setPassword(QStringLiteral("Secret-123456"));
        f.dialog.setCheckedDomains({QStringLiteral("example.com")});
        QVERIFY(!f.pressOk());
        QVERIFY(!errorAt(&f.dialog, QStringLiteral("AdminName")).isEmpty());
    }

    void credentialsCopy() {
        AccountCredentialsDialog d(QStringLiteral("jane@partner.test"),
                                   QStringLiteral("md_jane_abc123"), QStringLiteral("pw123XYZ"));
        QCOMPARE(d.findChild<QLineEdit *>(QStringLiteral("DbUser"))->text(),
                 QStringLiteral("md_jane_abc123"));
        QApplication::clipboard()->clear();
        d.findChild<QPushButton *>(QStringLiteral("CopyPassword"))->click();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("pw123XYZ"));
    }

    void auditChangeText() {
        delegation::AuditEntry e;
        e.action = QStringLiteral("mailbox.update");
        e.beforeJson =
            QStringLiteral(R"({"name":"John","quota":100,"active":1,"language":"en_US"})");
        e.afterJson = QStringLiteral(R"({"name":"John Smith","quota":200,"active":1,"isadmin":0})");
        const QString text = AuditLogDialog::describeChange(e);
        QVERIFY2(text.contains(QStringLiteral("~ name: John → John Smith")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("~ quota: 100 → 200")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("+ isadmin: 0")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("− language: en_US")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("  active: 1")), qPrintable(text));
        // Changed fields come before the unchanged ones.
        QVERIFY(text.indexOf(QStringLiteral("quota")) < text.indexOf(QStringLiteral("active")));

        delegation::AuditEntry created;
        created.afterJson = QStringLiteral(R"({"username":"a@example.com"})");
        QVERIFY(AuditLogDialog::describeChange(created).contains(
            QStringLiteral("+ username: a@example.com")));
        delegation::AuditEntry deleted;
        deleted.beforeJson = QStringLiteral(R"({"username":"a@example.com"})");
        QVERIFY(AuditLogDialog::describeChange(deleted).contains(
            QStringLiteral("− username: a@example.com")));

        e.id = 42;
        e.adminUsername = QStringLiteral("jane@partner.test");
        e.object = QStringLiteral("john@example.com");
        const QString row = AuditLogDialog::rowText(e);
        QVERIFY(row.startsWith(QStringLiteral("42\t")));
        QVERIFY(row.contains(QStringLiteral("\tjohn@example.com\t")));
        QVERIFY(row.contains(e.beforeJson) && row.contains(e.afterJson));
    }

    void auditFilter() {
        AuditLogDialog d(nullptr);
        QCOMPARE(d.table()->columnCount(), int(AuditLogDialog::ColumnCount));
        QCOMPARE(d.table()->headerItem()->text(col(AuditLogDialog::ActionColumn)),
                 QStringLiteral("Action"));
        delegation::AuditFilter none = d.filter();
        QVERIFY(none.adminUsername.isEmpty() && none.domain.isEmpty() && none.action.isEmpty());
        QVERIFY(!none.from.isValid() && !none.to.isValid());
        QCOMPARE(none.limit, AuditLogDialog::PageSize);
        QCOMPARE(none.beforeId, 0);

        delegation::AuditFilter f;
        f.adminUsername = QStringLiteral("jane@partner.test");
        f.domain = QStringLiteral("example.com");
        f.action = QStringLiteral("mailbox.");
        f.from = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 0), Qt::UTC);
        f.to = QDateTime(QDate(2026, 2, 3), QTime(4, 5, 0), Qt::UTC);
        d.setFilter(f);
        const delegation::AuditFilter back = d.filter();
        QCOMPARE(back.adminUsername, f.adminUsername);
        QCOMPARE(back.domain, f.domain);
        QCOMPARE(back.action, f.action);
        QCOMPARE(back.from, f.from);
        QCOMPARE(back.to, f.to);
        // No database: searching does nothing rather than crash.
        d.search();
        QCOMPARE(d.entries().size(), 0);
    }

    void toolsMenuNeedsGlobalConnection() {
        QMainWindow window;
        auto *page = new DomainPage(&window);
        DelegationTools tools(&window, page);
        QCOMPARE(tools.menu()->objectName(), QStringLiteral("ToolsMenu"));
        const QList<QAction *> actions = tools.menu()->actions();
        QCOMPARE(actions.size(), 2);
        for (QAction *a : actions) {
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
            QCOMPARE(a->toolTip(), QStringLiteral("Connect to a server first."));
        }
        QCOMPARE(tools.scope().access, delegation::Access::Unknown);
        QVERIFY(!page->isDelegated());
        QVERIFY(tools.showDomainAdmins() == nullptr);
        QVERIFY(tools.showAuditLog() == nullptr);
    }

    // A domain admin's list editor: the server settings the list agent refuses are not offered
    // (relay host, HELO name, SMTP port); the global admin's editor offers them.
    void listEditorLeavesServerSettingsToTheServerAdmin() {
        for (const bool delegated : {true, false}) {
            ServerProfile p;
            p.name = QStringLiteral("lists-ui");
            p.host = QStringLiteral("192.0.2.1");
            p.role = delegated ? ProfileRole::Delegated : ProfileRole::Global;
            ServerConnection connection(p, nullptr);
            lists::MailingLists lists(&connection);
            QCOMPARE(lists.isDelegated(), delegated);
            ui::ListEditorDialog dialog(&lists, nullptr, QStringLiteral("example.com"));
            const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
            int serverSettings = 0;
            for (QLineEdit *e : edits)
                if (e->placeholderText() == QLatin1String("127.0.0.1")) { // the relay host
                    ++serverSettings;
                    QCOMPARE(e->isEnabled(), !delegated);
                }
            QCOMPARE(serverSettings, 1);
            auto *port = dialog.findChild<QSpinBox *>(QStringLiteral("SmtpPort"));
            QVERIFY(port);
            QCOMPARE(port->isEnabled(), !delegated);
            QCOMPARE(port->toolTip().contains(QLatin1String("server's administrator")), delegated);
        }
    }

    void domainPageInDelegatedMode() {
        DomainPage page;
        const QList<QAction *> domainActions = page.domainActions();
        QVERIFY(!domainActions.isEmpty());
        page.setDelegated(true);
        QVERIFY(page.isDelegated());
        for (QAction *a : domainActions) {
            if (a->text().contains(QLatin1String("Reload")))
                continue;
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
            QVERIFY2(a->toolTip().contains(QStringLiteral("server's administrator")),
                     qPrintable(a->text() + QStringLiteral(": ") + a->toolTip()));
        }
        page.setDelegated(false);
        for (QAction *a : domainActions)
            QVERIFY2(!a->toolTip().contains(QStringLiteral("server's administrator")),
                     qPrintable(a->text()));
    }
};

QTEST_MAIN(TestDelegationUi)
#include "tst_delegation_ui.moc"
