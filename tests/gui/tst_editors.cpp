// The editor dialogs offscreen, without a server: validation at the field for hostile input,
// OK disabled until the input is complete, and the request objects the dialogs would write.
// With MAILDECK_SCREENSHOTS=<dir> each dialog is also saved as a PNG there.

#include "core/db/EmailAddress.h"
#include "ui/domains/AddressListEditor.h"
#include "ui/domains/AliasDomainDialog.h"
#include "ui/domains/AliasEditorDialog.h"
#include "ui/domains/CatchAllDialog.h"
#include "ui/domains/ChangePasswordDialog.h"
#include "ui/domains/DomainDeleteDialog.h"
#include "ui/domains/DomainEditorDialog.h"
#include "ui/domains/EditMailboxDialog.h"
#include "ui/domains/FieldErrorLabel.h"
#include "ui/domains/MailServicesBox.h"
#include "ui/domains/MailboxImportDialog.h"
#include "ui/domains/NewMailboxDialog.h"
#include "ui/domains/PasswordField.h"
#include "ui/domains/QuotaEdit.h"
#include "ui/domains/UserAliasDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::ui;

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
    w->adjustSize();
    QTest::qWait(50);
    QVERIFY(w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

db::MailboxRow sampleMailbox() {
    db::MailboxRow m;
    m.username = QStringLiteral("john@xn--bcher-kva.example");
    m.domain = QStringLiteral("xn--bcher-kva.example");
    m.name = QStringLiteral("John Smith");
    m.quotaMb = 2048;
    m.active = true;
    for (const QString &c : db::mailboxServiceColumns())
        m.services.insert(c, true);
    m.services[QStringLiteral("pop3")] = false;
    m.passwordScheme = QStringLiteral("MD5-CRYPT");
    m.passwordWeak = true;
    m.forwardTo = {QStringLiteral("john@elsewhere.example")};
    m.keepsLocalCopy = true;
    m.version = "v1";
    return m;
}

// Hostile input for names and local parts: each must be refused with a message at the field.
void hostileRows() {
    QTest::addColumn<QString>("input");
    QTest::newRow("space") << QStringLiteral("john smith");
    QTest::newRow("quote") << QStringLiteral("o'brien");
    QTest::newRow("double quotes") << QStringLiteral("\"john\"");
    QTest::newRow("sql") << QStringLiteral("x;DROP TABLE mailbox;--");
    QTest::newRow("control") << QStringLiteral("jo\x01hn");
    QTest::newRow("newline") << QStringLiteral("jo\nhn");
    QTest::newRow("10 KB") << QString(10240, QLatin1Char('a'));
    QTest::newRow("backslash") << QStringLiteral("jo\\hn");
}

} // namespace

class TestEditors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void newDomainOkNeedsName() {
        DomainEditorDialog dialog(nullptr);
        QVERIFY(!dialog.okButton()->isEnabled());
        child<QLineEdit>(&dialog, "DomainName")->setText(QStringLiteral("example.com"));
        QVERIFY(dialog.okButton()->isEnabled());
        child<QLineEdit>(&dialog, "DomainName")->setText(QStringLiteral("   "));
        QVERIFY(!dialog.okButton()->isEnabled());
    }

    void newDomainRefusesHostileNames_data() {
        hostileRows();
        QTest::newRow("dot dot") << QStringLiteral("example..com");
        QTest::newRow("label too long") << (QString(64, QLatin1Char('a')) + QStringLiteral(".com"));
        QTest::newRow("address") << QStringLiteral("user@example.com");
    }
    void newDomainRefusesHostileNames() {
        QFETCH(QString, input);
        DomainEditorDialog dialog(nullptr);
        child<QLineEdit>(&dialog, "DomainName")->setText(input);
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY2(!errorAt(&dialog, "DomainName").isEmpty(), qPrintable(input.left(40)));
        // Typing again clears the message.
        child<QLineEdit>(&dialog, "DomainName")->setText(QStringLiteral("example.com"));
        QVERIFY(errorAt(&dialog, "DomainName").isEmpty());
    }

    void newDomainRequestIsPunycodeWithLimits() {
        DomainEditorDialog dialog(nullptr);
        child<QLineEdit>(&dialog, "DomainName")->setText(QStringLiteral(" Bücher.Example "));
        QVERIFY(child<QLabel>(&dialog, "DomainNameHint")
                    ->text()
                    .contains(QStringLiteral("xn--bcher-kva.example")));
        child<QLineEdit>(&dialog, "DomainDescription")->setText(QStringLiteral("Books"));
        child<QSpinBox>(&dialog, "MailboxLimit")->setValue(50);
        child<QSpinBox>(&dialog, "AliasLimit")->setValue(7);
        auto *quota = child<QuotaEdit>(&dialog, "DomainQuota");
        quota->unitBox()->setCurrentIndex(1); // GB
        quota->spinBox()->setValue(3);
        child<QuotaEdit>(&dialog, "DefaultUserQuota")->setMegabytes(512);
        child<QCheckBox>(&dialog, "DomainActive")->setChecked(false);
        screenshot(&dialog, QStringLiteral("new-domain"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto r = dialog.request();
        QCOMPARE(r.domain, QStringLiteral("xn--bcher-kva.example"));
        QCOMPARE(r.description, QStringLiteral("Books"));
        QCOMPARE(r.edit.mailboxLimit, 50);
        QCOMPARE(r.edit.aliasLimit, 7);
        QCOMPARE(r.edit.maxQuotaMb, qint64(3072));
        QCOMPARE(r.edit.defaultUserQuotaMb.value_or(-1), qint64(512));
        QCOMPARE(r.edit.active, false);
    }

    void descriptionRefusesControlCharacters() {
        DomainEditorDialog dialog(nullptr);
        child<QLineEdit>(&dialog, "DomainName")->setText(QStringLiteral("example.com"));
        child<QLineEdit>(&dialog, "DomainDescription")->setText(QStringLiteral("a\tb"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!errorAt(&dialog, "DomainDescription").isEmpty());
    }

    void editDomainKeepsNameAndShowsValues() {
        db::DomainSummary d;
        d.domain = QStringLiteral("xn--bcher-kva.example");
        d.description = QStringLiteral("Books");
        d.mailboxLimit = -1;
        d.maxQuotaMb = 10240;
        d.settings = QStringLiteral("default_user_quota:1024;");
        d.transport = QStringLiteral("dovecot");
        DomainEditorDialog dialog(nullptr, d);
        auto *name = child<QLineEdit>(&dialog, "DomainName");
        QVERIFY(name->isReadOnly());
        QCOMPARE(name->text(), QStringLiteral("bücher.example"));
        QCOMPARE(child<QuotaEdit>(&dialog, "DomainQuota")->megabytes(), qint64(10240));
        QCOMPARE(child<QuotaEdit>(&dialog, "DefaultUserQuota")->megabytes(), qint64(1024));
        screenshot(&dialog, QStringLiteral("edit-domain"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.request().edit.mailboxLimit, -1);
        QCOMPARE(dialog.request().edit.transport, QStringLiteral("dovecot"));
    }

    void deleteDomainNeedsTypedName() {
        DomainDeleteDialog dialog(nullptr, QStringLiteral("xn--bcher-kva.example"));
        QVERIFY(!dialog.okButton()->isEnabled()); // no plan yet
        db::DeletionPlan plan;
        plan.domain = QStringLiteral("xn--bcher-kva.example");
        plan.tables = {
            {QStringLiteral("mailbox"), QStringLiteral("domain = xn--bcher-kva.example"), 2},
            {QStringLiteral("alias"), QStringLiteral("domain = xn--bcher-kva.example"), 1},
            {QStringLiteral("forwardings"), QStringLiteral("domain = xn--bcher-kva.example"), 4}};
        plan.mailboxes = {QStringLiteral("a@xn--bcher-kva.example"),
                          QStringLiteral("b@xn--bcher-kva.example")};
        plan.keptReferences = {
            {QStringLiteral("forwardings"), QStringLiteral("forwarding in other domains"), 1}};
        dialog.setPlan(plan);
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.planView()->topLevelItemCount() >= 3);
        dialog.confirmationInput()->setText(QStringLiteral("bücher.exampl"));
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.confirmationInput()->setText(QStringLiteral("bücher.example"));
        QVERIFY(dialog.okButton()->isEnabled());
        dialog.confirmationInput()->setText(QStringLiteral("xn--bcher-kva.example"));
        QVERIFY(dialog.okButton()->isEnabled());
        screenshot(&dialog, QStringLiteral("delete-domain"));
    }

    void newMailboxOkNeedsAddressAndPassword() {
        NewMailboxDialog dialog(nullptr, QStringLiteral("example.com"));
        QVERIFY(!dialog.okButton()->isEnabled());
        child<QLineEdit>(&dialog, "LocalPart")->setText(QStringLiteral("john"));
        QVERIFY(!dialog.okButton()->isEnabled());
        child<QLineEdit>(&dialog, "PasswordInput")->setText(QStringLiteral("x"));
        QVERIFY(dialog.okButton()->isEnabled());
    }

    void newMailboxRefusesHostileLocalParts_data() {
        hostileRows();
        QTest::newRow("with domain") << QStringLiteral("john@other.example");
        QTest::newRow("65 characters") << QString(65, QLatin1Char('j'));
    }
    void newMailboxRefusesHostileLocalParts() {
        QFETCH(QString, input);
        NewMailboxDialog dialog(nullptr, QStringLiteral("example.com"));
        child<QLineEdit>(&dialog, "LocalPart")->setText(input);
        child<QLineEdit>(&dialog, "PasswordInput")->setText(QStringLiteral("Secret-123456"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY2(!errorAt(&dialog, "LocalPart").isEmpty(), qPrintable(input.left(40)));
    }

    void newMailboxRequest() {
        NewMailboxDialog dialog(nullptr, QStringLiteral("xn--bcher-kva.example"), 1024,
                                db::PasswordScheme::BlfCrypt);
        QCOMPARE(child<QuotaEdit>(&dialog, "Quota")->megabytes(), qint64(1024));
        QCOMPARE(child<QLabel>(&dialog, "FixedDomain")->text(), QStringLiteral("@bücher.example"));
        child<QLineEdit>(&dialog, "LocalPart")->setText(QStringLiteral("John.Smith"));
        child<QLineEdit>(&dialog, "DisplayName")->setText(QStringLiteral("John Smith"));
        child<QPushButton>(&dialog, "PasswordGenerate")->click();
        const QString generated = child<QLineEdit>(&dialog, "PasswordInput")->text();
        QCOMPARE(generated.size(), 16);
        QCOMPARE(PasswordField::strengthOf(generated), PasswordField::Strength::Strong);
        QCOMPARE(child<QLineEdit>(&dialog, "PasswordInput")->echoMode(), QLineEdit::Normal);
        child<QCheckBox>(&dialog, "Service_pop3")->click();
        auto *quota = child<QuotaEdit>(&dialog, "Quota");
        quota->setMegabytes(2048);
        QCOMPARE(quota->unitBox()->currentIndex(), 1);
        screenshot(&dialog, QStringLiteral("new-mailbox"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const db::NewMailbox r = dialog.request();
        QCOMPARE(r.address, QStringLiteral("john.smith@xn--bcher-kva.example"));
        QCOMPARE(r.name, QStringLiteral("John Smith"));
        QCOMPARE(r.password, generated);
        QCOMPARE(r.scheme, db::PasswordScheme::BlfCrypt);
        QCOMPARE(r.quotaMb.value_or(-1), qint64(2048));
        QStringList disabled = r.disabledServices;
        disabled.sort();
        QCOMPARE(disabled, (QStringList{QStringLiteral("pop3"), QStringLiteral("pop3secured"),
                                        QStringLiteral("pop3tls")}));
    }

    void passwordStrengthHint() {
        QCOMPARE(PasswordField::strengthOf(QString()), PasswordField::Strength::Empty);
        QCOMPARE(PasswordField::strengthOf(QStringLiteral("secret")),
                 PasswordField::Strength::Weak);
        QCOMPARE(PasswordField::strengthOf(QStringLiteral("aaaaaaaaaaaaaaaa")),
                 PasswordField::Strength::Weak);
        QCOMPARE(PasswordField::strengthOf(QStringLiteral("Summer2026x")),
                 PasswordField::Strength::Fair);
        QCOMPARE(PasswordField::strengthOf(QStringLiteral("c0rrect-Horse-battery")),
                 PasswordField::Strength::Strong);
        PasswordField field(QStringLiteral("P"));
        field.input()->setText(QStringLiteral("secret"));
        QVERIFY(field.strengthLabel()->text().contains(QStringLiteral("weak")));
    }

    void editMailboxForwardingAndServices() {
        EditMailboxDialog dialog(nullptr, sampleMailbox());
        // The weak hash is flagged with what Dovecot 2.4 does.
        auto *weak = child<QLabel>(&dialog, "WeakHashWarning");
        QVERIFY(weak && weak->text().contains(QStringLiteral("2.4")));
        QVERIFY(child<QPushButton>(&dialog, "SetNewPassword"));
        QSignalSpy passwordAsked(&dialog, &EditMailboxDialog::changePasswordRequested);
        child<QPushButton>(&dialog, "SetNewPassword")->click();
        QCOMPARE(passwordAsked.count(), 1);
        // POP3 was off in the row: it shows unchecked.
        QCOMPARE(child<QCheckBox>(&dialog, "Service_pop3")->checkState(), Qt::PartiallyChecked);
        QVERIFY(dialog.keepCopyBox()->isEnabled());
        QVERIFY(dialog.keepCopyBox()->toolTip().contains(QStringLiteral("only forwarded")));

        AddressListEditor *fwd = dialog.forwardingEditor();
        fwd->input()->setText(QStringLiteral("bad address@x"));
        QVERIFY(!fwd->addFromInput());
        QVERIFY(!errorAt(&dialog, "ForwardToInput").isEmpty());
        fwd->input()->setText(QStringLiteral("Mary@Bücher.Example"));
        QVERIFY(fwd->addFromInput());
        QVERIFY(errorAt(&dialog, "ForwardToInput").isEmpty());
        dialog.keepCopyBox()->setChecked(false);
        child<QCheckBox>(&dialog, "Service_imap")->click(); // off
        screenshot(&dialog, QStringLiteral("edit-mailbox"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto r = dialog.request();
        QVERIFY(r.forwardingChanged);
        QCOMPARE(r.forwardTo, (QStringList{QStringLiteral("john@elsewhere.example"),
                                           QStringLiteral("mary@xn--bcher-kva.example")}));
        QCOMPARE(r.keepLocalCopy, false);
        QCOMPARE(r.edit.quotaMb, qint64(2048));
        // Only the service group that was clicked changes.
        QCOMPARE(r.edit.services.value(QStringLiteral("imap"), true), false);
        QCOMPARE(r.edit.services.value(QStringLiteral("imaptls"), true), false);
        QVERIFY(!r.edit.services.contains(QStringLiteral("pop3")));
        QVERIFY(!r.edit.services.contains(QStringLiteral("smtp")));
    }

    void editMailboxWithoutForwardingKeepsCopy() {
        db::MailboxRow m = sampleMailbox();
        m.forwardTo.clear();
        m.passwordWeak = false;
        EditMailboxDialog dialog(nullptr, m);
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("WeakHashWarning")));
        QVERIFY(!dialog.keepCopyBox()->isEnabled());
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.request().forwardingChanged);
        QVERIFY(dialog.request().keepLocalCopy);
    }

    void changePasswordDialog() {
        ChangePasswordDialog dialog(nullptr, QStringLiteral("john@example.com"),
                                    QStringLiteral("MD5-CRYPT"), true, db::PasswordScheme::Ssha512);
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(child<QLabel>(&dialog, "WeakHashWarning")
                    ->text()
                    .contains(QStringLiteral("Dovecot 2.4")));
        QCOMPARE(dialog.scheme(), db::PasswordScheme::Ssha512);
        dialog.passwordField()->input()->setText(QStringLiteral(" with spaces kept "));
        screenshot(&dialog, QStringLiteral("change-password"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.password(), QStringLiteral(" with spaces kept "));
    }

    void aliasEditorMembers_data() { hostileRows(); }
    void aliasEditorMembers() {
        QFETCH(QString, input);
        AliasEditorDialog dialog(nullptr, QStringLiteral("example.com"));
        QVERIFY(!dialog.okButton()->isEnabled());
        child<QLineEdit>(&dialog, "LocalPart")->setText(QStringLiteral("sales"));
        QVERIFY(dialog.okButton()->isEnabled());
        AddressListEditor *members = dialog.membersEditor();
        members->input()->setText(input + QStringLiteral("@example.com"));
        QVERIFY(!members->addFromInput());
        QVERIFY(!errorAt(&dialog, "MembersInput").isEmpty());
        QCOMPARE(members->addresses().size(), 0);
        // OK with the bad text still in the input: refused at the field.
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void aliasEditorRequest() {
        AliasEditorDialog dialog(nullptr, QStringLiteral("example.com"));
        child<QLineEdit>(&dialog, "LocalPart")->setText(QStringLiteral("Sales"));
        child<QLineEdit>(&dialog, "DisplayName")->setText(QStringLiteral("Sales team"));
        auto *policy = child<QComboBox>(&dialog, "AccessPolicy");
        policy->setCurrentIndex(policy->findData(QStringLiteral("membersonly")));
        AddressListEditor *members = dialog.membersEditor();
        members->input()->setText(QStringLiteral("a@example.com, B@Example.com; c@bücher.example"));
        QVERIFY(members->addFromInput());
        members->input()->setText(QStringLiteral("a@example.com"));
        QVERIFY(members->addFromInput()); // duplicate ignored
        members->list()->setCurrentRow(1);
        members->list()->item(1)->setSelected(true);
        members->findChild<QPushButton *>(QString(), Qt::FindDirectChildrenOnly);
        const auto buttons = members->findChildren<QPushButton *>();
        for (QPushButton *b : buttons)
            if (b->text().contains(QStringLiteral("Remove")))
                b->click();
        members->input()->setText(QStringLiteral("d@example.org")); // added by OK
        screenshot(&dialog, QStringLiteral("new-alias"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto r = dialog.request();
        QCOMPARE(r.address, QStringLiteral("sales@example.com"));
        QCOMPARE(r.name, QStringLiteral("Sales team"));
        QCOMPARE(r.accessPolicy, QStringLiteral("membersonly"));
        QCOMPARE(r.members, (QStringList{QStringLiteral("a@example.com"),
                                         QStringLiteral("c@xn--bcher-kva.example"),
                                         QStringLiteral("d@example.org")}));
    }

    void aliasCannotBeItsOwnMember() {
        AliasEditorDialog dialog(nullptr, QStringLiteral("example.com"));
        child<QLineEdit>(&dialog, "LocalPart")->setText(QStringLiteral("loop"));
        dialog.membersEditor()->input()->setText(QStringLiteral("loop@example.com"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!errorAt(&dialog, "MembersInput").isEmpty());
    }

    void editAliasShowsMembersAndModerators() {
        db::AliasAccount a;
        a.address = QStringLiteral("team@example.com");
        a.domain = QStringLiteral("example.com");
        a.name = QStringLiteral("Team");
        a.accessPolicy = QStringLiteral("moderatorsonly");
        a.members = {QStringLiteral("a@example.com"), QStringLiteral("b@example.com")};
        a.moderators = {QStringLiteral("boss@example.com")};
        AliasEditorDialog dialog(nullptr, a);
        QVERIFY(child<QLineEdit>(&dialog, "LocalPart")->isReadOnly());
        QCOMPARE(child<QListWidget>(&dialog, "ModeratorsList")->count(), 1);
        child<QCheckBox>(&dialog, "AliasActive")->setChecked(false);
        screenshot(&dialog, QStringLiteral("edit-alias"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.request().members, a.members);
        QCOMPARE(dialog.request().accessPolicy, QStringLiteral("moderatorsonly"));
        QCOMPARE(dialog.request().active, false);
    }

    // iRedMail accepts "*@domain" as an alias moderator (iRedAPD); the alias editor takes it,
    // checked, stored in punycode and shown in Unicode. Members, and list moderators, do not.
    void aliasModeratorWildcards() {
        db::AliasAccount a;
        a.address = QStringLiteral("team@example.com");
        a.domain = QStringLiteral("example.com");
        a.accessPolicy = QStringLiteral("moderatorsonly");
        a.members = {QStringLiteral("a@example.com")};
        a.moderators = {QStringLiteral("*@xn--bcher-kva.example")}; // as read from the table
        AliasEditorDialog dialog(nullptr, a);
        auto *list = child<QListWidget>(&dialog, "ModeratorsList");
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), QStringLiteral("*@bücher.example"));

        // A wildcard with a bad domain: refused at the field, nothing added.
        dialog.moderatorsEditor()->input()->setText(QStringLiteral("*@bad domain"));
        QVERIFY(!dialog.moderatorsEditor()->addFromInput());
        QVERIFY(!errorAt(&dialog, "ModeratorsInput").isEmpty());
        QCOMPARE(list->count(), 1);
        // "*" is only a whole local part: "x*@example.com" is not a wildcard.
        dialog.moderatorsEditor()->input()->setText(QStringLiteral("x*@example.com"));
        QVERIFY(!dialog.moderatorsEditor()->addFromInput());

        dialog.moderatorsEditor()->input()->setText(
            QStringLiteral("*@Example.ORG, *@Mañana.example boss@example.com"));
        QVERIFY(dialog.moderatorsEditor()->addFromInput());
        QCOMPARE(list->count(), 4);
        QCOMPARE(list->item(2)->text(), QStringLiteral("*@mañana.example"));
        screenshot(&dialog, QStringLiteral("alias-moderator-wildcards"));
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(
            dialog.request().moderators,
            (QStringList{QStringLiteral("*@xn--bcher-kva.example"), QStringLiteral("*@example.org"),
                         QStringLiteral("*@xn--maana-pta.example"),
                         QStringLiteral("boss@example.com")}));

        // Not for members: a member is one address.
        dialog.membersEditor()->input()->setText(QStringLiteral("*@example.com"));
        QVERIFY(!dialog.membersEditor()->addFromInput());
        QVERIFY(errorAt(&dialog, "MembersInput").contains(QStringLiteral("wildcard")));
        QVERIFY(!dialog.membersEditor()->domainWildcardsAllowed());

        // A plain editor (list owners, moderators, subscribers) refuses it too.
        AddressListEditor plain(QStringLiteral("Plain"));
        plain.input()->setText(QStringLiteral("*@example.com"));
        QVERIFY(!plain.addFromInput());
        QVERIFY(plain.addresses().isEmpty());
    }

    void userAliasAliasDomainCatchAll() {
        UserAliasDialog ua(nullptr, QStringLiteral("example.com"),
                           {QStringLiteral("a@example.com"), QStringLiteral("john@example.com")},
                           QStringLiteral("john@example.com"));
        QCOMPARE(ua.target(), QStringLiteral("john@example.com"));
        ua.aliasInput()->setText(QStringLiteral("j'smith"));
        ua.okButton()->click();
        QVERIFY(!errorAt(&ua, "AliasAddress").isEmpty());
        ua.aliasInput()->setText(QStringLiteral("J.Smith"));
        screenshot(&ua, QStringLiteral("user-alias"));
        ua.okButton()->click();
        QCOMPARE(ua.result(), int(QDialog::Accepted));
        QCOMPARE(ua.alias(), QStringLiteral("j.smith@example.com"));

        AliasDomainDialog ad(nullptr, QStringLiteral("example.com"));
        QVERIFY(!ad.okButton()->isEnabled());
        ad.nameInput()->setText(QStringLiteral("example.com"));
        ad.okButton()->click();
        QVERIFY(!errorAt(&ad, "AliasDomainName").isEmpty());
        ad.nameInput()->setText(QStringLiteral("bad domain.com"));
        ad.okButton()->click();
        QVERIFY(!errorAt(&ad, "AliasDomainName").isEmpty());
        ad.nameInput()->setText(QStringLiteral("Bücher.Example"));
        screenshot(&ad, QStringLiteral("alias-domain"));
        ad.okButton()->click();
        QCOMPARE(ad.result(), int(QDialog::Accepted));
        QCOMPARE(ad.aliasDomain(), QStringLiteral("xn--bcher-kva.example"));

        db::CatchAll current;
        current.domain = QStringLiteral("example.com");
        current.destinations = {QStringLiteral("postmaster@example.com")};
        CatchAllDialog ca(nullptr, current);
        ca.destinationsEditor()->input()->setText(QStringLiteral("x@y@z"));
        ca.okButton()->click();
        QCOMPARE(ca.result(), int(QDialog::Rejected));
        QVERIFY(!errorAt(&ca, "CatchAllInput").isEmpty());
        ca.destinationsEditor()->input()->setText(QStringLiteral("admin@example.org"));
        screenshot(&ca, QStringLiteral("catch-all"));
        ca.okButton()->click();
        QCOMPARE(ca.result(), int(QDialog::Accepted));
        QCOMPARE(ca.destinations(), (QStringList{QStringLiteral("postmaster@example.com"),
                                                 QStringLiteral("admin@example.org")}));
    }

    void importPreviewShowsLineErrors() {
        MailboxImportDialog dialog(nullptr, QStringLiteral("example.com"));
        QVERIFY(!dialog.importButton()->isEnabled());
        dialog.setCsvText(QStringLiteral("address,password,name,quota\n"
                                         "anna,Secret-1234567,Anna,100\n"
                                         "bad user,Secret-1234567,Bad,\n"
                                         "carl@other.example,Secret-1234567,Carl,\n"
                                         "anna@example.com,Secret-1234567,Anna again,\n"
                                         "dora,,Dora,\n"
                                         "emil,Secret-1234567,Emil,lots\n"
                                         "\"fritz\",\"Se,cret-1234567\",\"Fritz \"\"F\"\"\",0\n"),
                          QStringLiteral("users.csv"));
        QCOMPARE(dialog.lines().size(), 7);
        QCOMPARE(dialog.errorCount(), 5);
        QVERIFY(dialog.lines()[0].error.isEmpty());
        QCOMPARE(dialog.lines()[0].mailbox.address, QStringLiteral("anna@example.com"));
        QCOMPARE(dialog.lines()[0].mailbox.quotaMb.value_or(-1), qint64(100));
        QCOMPARE(dialog.lines()[1].line, 3);
        QVERIFY(dialog.lines()[1].error.startsWith(QStringLiteral("Address")));
        QVERIFY(dialog.lines()[2].error.contains(QStringLiteral("not in the domain")));
        QVERIFY(dialog.lines()[3].error.contains(QStringLiteral("twice")));
        QVERIFY(dialog.lines()[4].error.startsWith(QStringLiteral("Password")));
        QVERIFY(dialog.lines()[5].error.startsWith(QStringLiteral("Quota")));
        QVERIFY(dialog.lines()[6].error.isEmpty());
        QCOMPARE(dialog.lines()[6].mailbox.password, QStringLiteral("Se,cret-1234567"));
        QCOMPARE(dialog.lines()[6].mailbox.name, QStringLiteral("Fritz \"F\""));
        QVERIFY(!dialog.importButton()->isEnabled());
        QCOMPARE(dialog.preview()->rowCount(), 7);
        screenshot(&dialog, QStringLiteral("import-errors"));

        dialog.setCsvText(
            QStringLiteral("email;password\nanna;Secret-1234567\nbert;Secret-7654321\n"));
        QCOMPARE(dialog.errorCount(), 0);
        QVERIFY(dialog.importButton()->isEnabled());
        QVERIFY(dialog.importButton()->text().contains(QLatin1Char('2')));

        dialog.setCsvText(QStringLiteral("user,secret\nanna,x\n"));
        QVERIFY(!dialog.importButton()->isEnabled());
    }
};

QTEST_MAIN(TestEditors)
#include "tst_editors.moc"
