// The client-compatibility wizard, offscreen, with the real core (the reject-log parser, the
// client profiles, the diagnosis) on the config fixtures of tests/unit/config/fixtures: page
// flow and validation, an event from the reject log prefilling the wizard, the options ranked
// narrowest first, the review's diff coloured by tone, the step checklist, and the history
// dialog's model.

#include "core/compat/ClientProfile.h"
#include "core/config/ChangeHistory.h"
#include "core/config/ServerConfigReader.h"
#include "core/config/ServiceControl.h"
#include "core/logs/RejectCatalog.h"
#include "ui/common/ThemeColors.h"
#include "ui/compat/ChangeHistoryModel.h"
#include "ui/compat/CompatWizard.h"
#include "ui/compat/CompatWizardPages.h"
#include "ui/compat/DiffView.h"
#include "ui/compat/EventPrefill.h"
#include "ui/compat/StepChecklist.h"
#include "ui/logs/RejectEventModel.h"
#include "ui/logs/RejectLogView.h"

#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>
#include <QtTest/QTest>

using namespace maildeck;
using namespace maildeck::ui;

namespace {

const QString kFixtures = QStringLiteral(MAILDECK_SOURCE_DIR "/tests/unit/config/fixtures");

// The Debian-style Dovecot tree (ssl = required in dovecot.conf and conf.d/10-ssl.conf), the
// Postfix and iRedAPD fixtures, as a server at the standard paths would hold them.
config::ServerConfigSnapshot debianSnapshot() {
    ServerPaths paths = ServerPaths::defaultsFor(ServerFlavour::Debian);
    QHash<QString, QByteArray> files;
    const auto add = [&files](const QString &dir, const QString &serverDir) {
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                files.insert(serverDir + path.mid(dir.size()), f.readAll());
        }
    };
    add(kFixtures + QStringLiteral("/dovecot-debian/etc/dovecot"), QStringLiteral("/etc/dovecot"));
    add(kFixtures + QStringLiteral("/postfix"), paths.postfixConfigDir);
    add(kFixtures + QStringLiteral("/iredapd"), QStringLiteral("/opt/iredapd"));
    paths.dovecotConfig = QStringLiteral("/etc/dovecot/dovecot.conf");
    paths.iredapdSettings = QStringLiteral("/opt/iredapd/settings.py");
    auto snapshot = config::snapshotFromFiles(paths, files);
    if (!snapshot.ok())
        qFatal("snapshot: %s", qPrintable(snapshot.error().message));
    return snapshot.value();
}

ServerProfile debianServer() {
    ServerProfile p;
    p.name = QStringLiteral("fixture");
    p.host = QStringLiteral("mail.example.test");
    p.flavour = ServerFlavour::Debian;
    p.paths = ServerPaths::defaultsFor(ServerFlavour::Debian);
    return p;
}

const QByteArray kPlaintextLine =
    "Nov 28 04:00:01 mail dovecot: pop3-login: Disconnected: Connection closed (tried to use "
    "disallowed plaintext auth): user=<>, rip=127.0.0.5, lip=127.0.0.1, session=<AbCdEf12>";

QLineEdit *edit(QWidget *w, const char *name) {
    return w->findChild<QLineEdit *>(QLatin1String(name));
}

} // namespace

class TestCompatWizard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eventClassesMapToProfiles() {
        using logs::ReasonClass;
        QCOMPARE(profileIdForEvent(ReasonClass::DovecotPlaintextDisallowed),
                 QStringLiteral("wlm2012"));
        QCOMPARE(profileIdForEvent(ReasonClass::IredapdSmtpAuthRequired),
                 QStringLiteral("web-server"));
        QCOMPARE(profileIdForEvent(ReasonClass::RelayDenied), QStringLiteral("scanner"));
        QCOMPARE(profileIdForEvent(ReasonClass::DovecotTlsFailed), QStringLiteral("old-phone"));
        QVERIFY(profileIdForEvent(ReasonClass::RecipientUnknownUser).isEmpty());
        QVERIFY(profileIdForEvent(ReasonClass::RblClient).isEmpty());
        // The catalog's "wizard:<key>" actions name profiles the wizard has.
        const auto catalog = logs::RejectCatalog::load();
        QVERIFY(catalog.ok());
        int wizardActions = 0;
        for (int i = 0; i < logs::kReasonClassCount; ++i) {
            const logs::CatalogEntry *e = catalog.value().entry(logs::ReasonClass(i));
            if (!e || !e->action.startsWith(QLatin1String("wizard:")))
                continue;
            ++wizardActions;
            QCOMPARE(profileIdForEvent(logs::ReasonClass(i), e->action), e->action.mid(7));
        }
        QVERIFY(wizardActions > 0);
        // An unknown profile in an action falls back to the class.
        QVERIFY(profileIdForEvent(ReasonClass::Other, QStringLiteral("wizard:nonsense")).isEmpty());
    }

    void clientPageValidates() {
        CompatWizard wizard(debianServer(), nullptr);
        wizard.useSnapshot(debianSnapshot());
        ClientPage *page = wizard.clientPage();
        QVERIFY(wizard.selectProfile(QStringLiteral("wlm2012")));
        // The profile's example fills the address and HELO name; the login is asked for.
        QCOMPARE(edit(page, "ClientIpEdit")->text(), QStringLiteral("127.0.0.5"));
        QVERIFY(edit(page, "UserEdit")->isVisibleTo(page));
        QVERIFY(edit(page, "PasswordEdit")->isVisibleTo(page));
        QCOMPARE(edit(page, "PasswordEdit")->echoMode(), QLineEdit::Password);

        edit(page, "ClientIpEdit")->setText(QStringLiteral("300.1.2.3"));
        QVERIFY(page->validationError().contains(QStringLiteral("300.1.2.3")));
        QVERIFY(!page->validatePage());
        QVERIFY(!page->findChild<QLabel *>(QStringLiteral("ClientError"))->text().isEmpty());
        edit(page, "ClientIpEdit")->setText(QStringLiteral("127.0.0.5"));
        edit(page, "HeloEdit")->setText(QStringLiteral("HOME PC"));
        QVERIFY(page->validationError().contains(QStringLiteral("spaces")));
        edit(page, "HeloEdit")->setText(QStringLiteral("HOME-PC"));
        QVERIFY(page->validationError().contains(QStringLiteral("user")));
        edit(page, "UserEdit")->setText(QStringLiteral("postmaster@example01.test"));
        QVERIFY(page->validationError().contains(QStringLiteral("password")));
        edit(page, "PasswordEdit")->setText(QStringLiteral("secret"));
        QVERIFY2(page->validationError().isEmpty(), qPrintable(page->validationError()));
        QCOMPARE(wizard.params().password, QStringLiteral("secret"));

        // The web server sends without login: no password field, but a sender and recipient.
        QVERIFY(wizard.selectProfile(QStringLiteral("web-server")));
        QVERIFY(!edit(page, "PasswordEdit")->isVisibleTo(page));
        QVERIFY(edit(page, "PasswordEdit")->text().isEmpty()); // never carried over
        edit(page, "SenderEdit")->setText(QStringLiteral("not-an-address"));
        QVERIFY(page->validationError().contains(QStringLiteral("sender")));
        edit(page, "SenderEdit")->setText(QStringLiteral("www@example01.test"));
        edit(page, "RecipientEdit")->setText(QStringLiteral("someone@example02.test"));
        QVERIFY2(page->validationError().isEmpty(), qPrintable(page->validationError()));
    }

    void rejectLogEventPrefillsTheWizard() {
        // The reject-log view parses the line; its "Fix with Wizard…" button hands the event on.
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("mail.log"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kPlaintextLine + '\n');
        f.close();
        RejectLogView view;
        std::optional<EventPrefill> requested;
        QString action;
        connect(&view, &RejectLogView::wizardRequested, this,
                [&](const EventPrefill &e, const QString &a) {
                    requested = e;
                    action = a;
                });
        view.loadFiles({path});
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, 10000);
        auto *table = view.findChild<QTableView *>(QStringLiteral("RejectTable"));
        table->selectRow(0);
        auto *fix = view.findChild<QPushButton *>(QStringLiteral("OpenFixButton"));
        QVERIFY(fix && fix->isVisibleTo(&view));
        QCOMPARE(fix->text(), RejectLogView::tr("Fix with Wizard…"));
        fix->click();
        QVERIFY(requested);
        QCOMPARE(requested->reason, logs::ReasonClass::DovecotPlaintextDisallowed);
        QCOMPARE(requested->clientIp, QStringLiteral("127.0.0.5"));
        QVERIFY(requested->rawLine.contains(QStringLiteral("disallowed plaintext auth")));
        QVERIFY(requested->time.isValid());

        CompatWizard wizard(debianServer(), nullptr);
        // Start on another profile with other values: the event replaces them.
        wizard.selectProfile(QStringLiteral("thunderbird"));
        QVERIFY(wizard.startFromEvent(*requested, action));
        QCOMPARE(wizard.clientProfile()->key, QStringLiteral("wlm2012"));
        QCOMPARE(edit(wizard.clientPage(), "ClientIpEdit")->text(), QStringLiteral("127.0.0.5"));
        auto *eventLabel = wizard.clientPage()->findChild<QLabel *>(QStringLiteral("EventLabel"));
        QVERIFY(eventLabel->isVisibleTo(wizard.clientPage()));
        QVERIFY(eventLabel->text().contains(QStringLiteral("rip=127.0.0.5")));

        // A class the wizard does not handle is refused and changes nothing.
        EventPrefill other = *requested;
        other.reason = logs::ReasonClass::RecipientUnknownUser;
        other.clientIp = QStringLiteral("192.0.2.9");
        QVERIFY(!wizard.startFromEvent(other));
        QCOMPARE(edit(wizard.clientPage(), "ClientIpEdit")->text(), QStringLiteral("127.0.0.5"));
    }

    void wlmFlowDiagnosesRanksAndShowsTheDiff() {
        CompatWizard wizard(debianServer(), nullptr);
        wizard.useSnapshot(debianSnapshot(), {QString::fromLatin1(kPlaintextLine)});
        wizard.show();
        QVERIFY(wizard.selectProfile(QStringLiteral("wlm2012")));
        edit(wizard.clientPage(), "UserEdit")->setText(QStringLiteral("postmaster@example01.test"));
        edit(wizard.clientPage(), "PasswordEdit")->setText(QStringLiteral("secret"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::DiagnosisPageId));
        QTRY_VERIFY(wizard.diagnosis().has_value());
        const compat::Diagnosis &d = *wizard.diagnosis();
        QVERIFY(!d.passes);
        QVERIFY(!d.blockers.isEmpty());
        QVERIFY(d.params.password.isEmpty()); // the diagnosis never holds the password
        const QString report = wizard.diagnosisPage()->reportHtml();
        // The trap made visible: both files that set ssl, and the proving log line.
        bool bothFiles = false;
        for (const compat::Blocker &b : d.blockers) {
            QVERIFY(report.contains(b.setting));
            if (b.where)
                QVERIFY2(report.contains(b.where->toString()), qPrintable(report));
            for (const config::ConfigLocation &also : b.alsoSetIn)
                QVERIFY(report.contains(also.toString()));
            if (b.where && !b.alsoSetIn.isEmpty())
                bothFiles = true;
        }
        QVERIFY2(bothFiles, qPrintable(report));
        QVERIFY(report.contains(QStringLiteral("rip=127.0.0.5")));
        QVERIFY(wizard.diagnosisPage()->isComplete());

        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::OptionsPageId));
        OptionsPage *options = wizard.optionsPage();
        QCOMPARE(options->optionCount(), int(d.options.size()));
        // Narrowest first, as ranked; the recommended one is preselected.
        const QStringList shown = options->shownOptionIds();
        int lastRank = 0;
        for (const QString &id : shown) {
            const auto it = std::find_if(d.options.begin(), d.options.end(),
                                         [&id](const compat::FixOption &o) { return o.id == id; });
            QVERIFY(it != d.options.end());
            QVERIFY(it->rank >= lastRank);
            lastRank = it->rank;
        }
        const int selected = options->selectedOption();
        QVERIFY(selected >= 0);
        bool anyRecommended = false;
        for (const compat::FixOption &o : d.options)
            anyRecommended = anyRecommended || o.recommended;
        if (anyRecommended)
            QVERIFY(d.options[selected].recommended);
        // A client-side option leads straight to the proof; a server change to the review.
        int serverOption = -1;
        for (int i = 0; i < d.options.size(); ++i) {
            if (!d.options[i].changesServer()) {
                options->selectOption(i);
                QCOMPARE(options->nextId(), int(CompatWizard::ProvePageId));
            } else if (serverOption < 0) {
                serverOption = i;
            }
        }
        QVERIFY(serverOption >= 0);
        options->selectOption(serverOption);
        QCOMPARE(options->nextId(), int(CompatWizard::ReviewPageId));

        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::ReviewPageId));
        QVERIFY(wizard.plannedChangeSet().has_value());
        const config::ChangeSet &set = *wizard.plannedChangeSet();
        DiffView *diff = wizard.reviewPage()->diffView();
        QCOMPARE(diff->diff(), set.unifiedDiff());
        // Every file of the plan is named; the commands list backup, validation and reload.
        const QString commands = wizard.reviewPage()->commandsText();
        for (const config::FileEdit &e : set.edits()) {
            QVERIFY(wizard.reviewPage()
                        ->findChild<QLabel *>(QStringLiteral("ReviewFiles"))
                        ->text()
                        .contains(e.path));
            QVERIFY(commands.contains(e.backupPath));
        }
        QVERIFY(commands.contains(stepKindText(config::PlanStep::Kind::Validate)));
        QVERIFY(commands.contains(stepKindText(config::PlanStep::Kind::Reload)));
        // Added and removed lines are coloured with the tones, context lines are not.
        const QColor added = toneText(Tone::Success, diff->palette(), QPalette::Base);
        const QColor removed = toneText(Tone::Error, diff->palette(), QPalette::Base);
        int addedSeen = 0, removedSeen = 0;
        for (QTextBlock b = diff->document()->begin(); b.isValid(); b = b.next()) {
            const auto kind = DiffView::lineKind(b.text());
            const auto formats = b.layout()->formats();
            if (kind == DiffView::LineKind::Added) {
                QVERIFY(!formats.isEmpty());
                QCOMPARE(formats.first().format.foreground().color(), added);
                ++addedSeen;
            } else if (kind == DiffView::LineKind::Removed) {
                QVERIFY(!formats.isEmpty());
                QCOMPARE(formats.first().format.foreground().color(), removed);
                ++removedSeen;
            } else if (kind == DiffView::LineKind::Context) {
                QVERIFY(formats.isEmpty());
            }
        }
        QVERIFY(addedSeen > 0);
        QCOMPARE(removedSeen,
                 int(set.unifiedDiff().count("\n-")) - int(set.unifiedDiff().count("\n--- ")));
        // Without a connection nothing can be applied.
        QVERIFY(!wizard.reviewPage()->isComplete());

        // The probes that prove it carry the password (memory only) and the server's host.
        wizard.setChosenOption(serverOption);
        const auto probes = wizard.proofProbes();
        QVERIFY(!probes.isEmpty());
        for (const compat::ProbeSpec &p : probes) {
            QVERIFY(!p.host.isEmpty());
            if (!p.user.isEmpty())
                QCOMPARE(p.password, QStringLiteral("secret"));
        }
    }

    void thunderbirdPassesAndSkipsTheFix() {
        CompatWizard wizard(debianServer(), nullptr);
        wizard.useSnapshot(debianSnapshot());
        wizard.show();
        QVERIFY(wizard.selectProfile(QStringLiteral("thunderbird")));
        if (edit(wizard.clientPage(), "UserEdit")->isVisibleTo(wizard.clientPage())) {
            edit(wizard.clientPage(), "UserEdit")->setText(QStringLiteral("user@example01.test"));
            edit(wizard.clientPage(), "PasswordEdit")->setText(QStringLiteral("secret"));
        }
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::DiagnosisPageId));
        QTRY_VERIFY(wizard.diagnosis().has_value());
        QVERIFY2(wizard.diagnosis()->passes, qPrintable(wizard.diagnosisPage()->reportHtml()));
        QVERIFY(wizard.diagnosisPage()->reportHtml().contains(
            DiagnosisPage::tr("Nothing blocks this client")));
        QCOMPARE(wizard.diagnosisPage()->nextId(), int(CompatWizard::ProvePageId));
    }

    void diagnosisWithoutConnectionOffersRetry() {
        CompatWizard wizard(debianServer(), nullptr); // no snapshot, no SSH
        wizard.show();
        wizard.selectProfile(QStringLiteral("scanner"));
        edit(wizard.clientPage(), "SenderEdit")->setText(QStringLiteral("scan@example01.test"));
        edit(wizard.clientPage(), "RecipientEdit")->setText(QStringLiteral("a@example01.test"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CompatWizard::DiagnosisPageId));
        QVERIFY(!wizard.diagnosisPage()->errorText().isEmpty());
        QVERIFY(!wizard.diagnosisPage()->isComplete());
        auto *retry =
            wizard.diagnosisPage()->findChild<QPushButton *>(QStringLiteral("DiagnosisRetry"));
        QVERIFY(retry && retry->isVisibleTo(&wizard));
    }

    void checklistFollowsTheSteps() {
        const auto snapshot = debianSnapshot();
        const config::SnapshotFile *conf =
            snapshot.file(QStringLiteral("/etc/dovecot/conf.d/10-ssl.conf"));
        QVERIFY(conf);
        config::ChangeSet::Input input{conf->path, config::ConfigFileKind::Dovecot, conf->content,
                                       conf->content + "# changed\n", QStringLiteral("test")};
        auto set = config::ChangeSet::plan(QStringLiteral("t"), {input},
                                           config::ServiceControl::fromProfile(debianServer()),
                                           QDateTime::currentDateTimeUtc());
        QVERIFY(set.ok());
        StepChecklist list;
        const auto steps = set.value().steps();
        auto all = steps;
        all += set.value().rollbackSteps();
        list.setSteps(all, int(steps.size()));
        QCOMPARE(list.topLevelItemCount(), int(steps.size())); // rollback rows only when used
        list.markStarted(0);
        QCOMPARE(list.state(0), StepChecklist::StepState::Running);
        list.markFinished(0, true, {});
        QCOMPARE(list.state(0), StepChecklist::StepState::Done);
        list.markFinished(1, false, QStringLiteral("doveconf: Error: broken"));
        QCOMPARE(list.state(1), StepChecklist::StepState::Failed);
        QCOMPARE(list.topLevelItem(1)->childCount(), 1);
        QVERIFY(list.topLevelItem(1)->child(0)->text(2).contains(QStringLiteral("broken")));
        if (!set.value().rollbackSteps().isEmpty()) {
            list.markStarted(int(steps.size()));
            QCOMPARE(list.topLevelItemCount(), int(steps.size()) + 2); // header + the step
        }
    }

    void historyModelShowsNewestFirst() {
        config::HistoryEntry older;
        older.id = QStringLiteral("a");
        older.title = QStringLiteral("Older");
        older.createdUtc = QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);
        older.state = config::ChangeSet::State::RolledBack;
        older.paths = {QStringLiteral("/etc/postfix/main.cf")};
        config::HistoryEntry newer;
        newer.id = QStringLiteral("b");
        newer.title = QStringLiteral("Newer");
        newer.createdUtc = QDateTime(QDate(2026, 11, 2), QTime(10, 0), Qt::UTC);
        newer.state = config::ChangeSet::State::Applied;
        newer.paths = {QStringLiteral("/etc/dovecot/dovecot.conf"),
                       QStringLiteral("/etc/dovecot/conf.d/10-ssl.conf")};
        config::HistoryEntry undone = newer; // applied, then reverted by "b"
        undone.id = QStringLiteral("c");
        undone.createdUtc = QDateTime(QDate(2026, 10, 1), QTime(10, 0), Qt::UTC);
        undone.revertedBy = QStringLiteral("b");
        ChangeHistoryModel model;
        model.setEntries({older, newer, undone});
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.index(2, ChangeHistoryModel::StateColumn).data().toString() !=
                ChangeHistoryModel::stateText(config::ChangeSet::State::Applied));
        QVERIFY(model.index(2, ChangeHistoryModel::StateColumn, {})
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("b")));
        QCOMPARE(model.entry(0)->id, QStringLiteral("b"));
        QCOMPARE(model.index(0, ChangeHistoryModel::TitleColumn).data().toString(),
                 QStringLiteral("Newer"));
        QCOMPARE(model.index(0, ChangeHistoryModel::StateColumn).data().toString(),
                 ChangeHistoryModel::stateText(config::ChangeSet::State::Applied));
        QCOMPARE(model.index(1, ChangeHistoryModel::StateColumn).data().toString(),
                 ChangeHistoryModel::stateText(config::ChangeSet::State::RolledBack));
        QVERIFY(model.index(0, ChangeHistoryModel::FilesColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("10-ssl.conf")));
        QVERIFY(!model.index(0, ChangeHistoryModel::TimeColumn).data().toString().isEmpty());
        QVERIFY(!model.entry(3));
    }
};

QTEST_MAIN(TestCompatWizard)
#include "tst_compat_wizard.moc"
