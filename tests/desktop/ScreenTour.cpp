// maildeck-screen-tour: screenshots of every main screen of MailDeck, in English and Japanese,
// taken from the lab (tests/lab) with the real application code.
//
//   maildeck-screen-tour --out DIR [--language en,ja] [--only NAME,…]
//
// Connects a main window to the lab through a profile shaped like the one `tests/lab/lab up`
// registers for `./dev demo`, opens each screen of kScreens in turn and writes
// DIR/<screen>.<language>.png. Fails (exit 1) when a screen cannot be opened, its image is
// blank (too little pixel variance) or any expected file is missing at the end. `./dev
// screenshots` runs it under Xvfb; CTest runs it too (label desktop, tests/desktop/CMakeLists.txt).
//
// To add a screen: one line in kScreens (a name and how to reach it).

#include "common/LabConfigLock.h"
#include "common/LabEnv.h"
#include "core/common/AppIdentity.h"
#include "core/profiles/ProfileStore.h"
#include "ui/Application.h"
#include "ui/common/Appearance.h"
#include "ui/common/WindowMemory.h"
#include "ui/compat/ChangeHistoryDialog.h"
#include "ui/compat/CompatWizard.h"
#include "ui/compat/CompatWizardPages.h"
#include "ui/connection/ConnectDialog.h"
#include "ui/connection/ProfileEditorDialog.h"
#include "ui/connection/ProfileManagerDialog.h"
#include "ui/delegation/AuditLogDialog.h"
#include "ui/delegation/DelegationTools.h"
#include "ui/delegation/DomainAdminsDialog.h"
#include "ui/domains/DomainPage.h"
#include "ui/logs/RejectEventModel.h"
#include "ui/logs/RejectLogView.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/shell/ShortcutsDialog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QPointer>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest/QTest>

#include <memory>

#include <cmath>
#include <cstdio>
#include <functional>

using namespace maildeck;
using namespace maildeck::ui;

namespace {

// The seeded domains the screens show (tests/lab/seed): the first has a mailing list, the
// second aliases, an alias address and an alias domain.
const QString kHome = QStringLiteral("example01.test");
const QString kAliases = QStringLiteral("example02.test");

// --extra-translations: a catalogue installed over the built-in one for the languages it is for
// (strings not merged into resources/translations yet).
QString g_extraTranslations;

void say(const QString &text) {
    std::fprintf(stderr, "screen-tour: %s\n", qPrintable(text));
}

// Standard deviation of the grey levels: a blank or single-colour image has (almost) none.
double pixelSpread(const QImage &image) {
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    double sum = 0, squares = 0;
    qint64 n = 0;
    for (int y = 0; y < grey.height(); y += 2) {
        const uchar *line = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); x += 2) {
            sum += line[x];
            squares += double(line[x]) * line[x];
            ++n;
        }
    }
    if (n == 0)
        return 0;
    const double mean = sum / double(n);
    return std::sqrt(std::max(0.0, squares / double(n) - mean * mean));
}

class Tour {
public:
    explicit Tour(const QString &language)
        : m_language(language) {}
    ~Tour() { delete m_window; }

    bool start();
    QString error() const { return m_error; }

    // The main window on `domain` with tab `tab` (0 mailboxes, 1 aliases, 2 lists).
    QImage mainTab(const QString &domain, int tab);
    // A dialog DomainPage opens with `open`, after selecting the row starting with `row` (if any)
    // on tab `tab` of `domain`.
    QImage pageDialog(const QString &domain, int tab, const QString &row,
                      void (DomainPage::*open)());
    // A dialog the main window opens with `open`.
    template <typename Dialog> QImage windowDialog(void (MainWindow::*open)()) {
        (m_window->*open)();
        Dialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = m_window->findChild<Dialog *>()) != nullptr; },
                             10000))
            return {};
        return grabAndClose(dialog);
    }
    // A window of the Tools menu (ui/delegation), once the connection's scope is known.
    template <typename Dialog> QImage tool(Dialog *(DelegationTools::*open)()) {
        auto *tools = m_window->findChild<DelegationTools *>();
        if (!tools ||
            !QTest::qWaitFor([&] { return tools->scope().access == delegation::Access::Global; },
                             10000)) {
            fail(QStringLiteral("the Tools menu did not become available"));
            return {};
        }
        return grabAndClose((tools->*open)());
    }
    // `shoot` under Preferences > Appearance > Dark (then back to the system's look).
    QImage inDark(const std::function<QImage()> &shoot) {
        applyAppearance(Appearance::Dark);
        QTest::qWait(200);
        const QImage image = shoot();
        applyAppearance(Appearance::System);
        QTest::qWait(100);
        return image;
    }
    QImage profileEditor();
    QImage connectDialog() const { return m_connectShot; }
    // View > Reject Log following the lab's mail log, the newest event selected.
    QImage rejectLog() {
        m_window->showRejectLog();
        auto *view = m_window->findChild<RejectLogView *>();
        if (!view || !QTest::qWaitFor([&] { return view->isFollowing(); }, 20000) ||
            view->model()->rowCount() == 0) {
            fail(QStringLiteral("the reject log shows no event"));
            return {};
        }
        view->resize(1400, 900);
        if (auto *table = view->findChild<QTableView *>(QStringLiteral("RejectTable")))
            table->selectRow(view->model()->rowCount() - 1);
        QTest::qWait(1200); // the panels follow at most once a second
        const QImage image = grabAndClose(view);
        view->close();
        return image;
    }

    // Tools > Client Compatibility Wizard on the lab's Windows Live Mail story, walked up to
    // `page` (the screens come in page order; the wizard stays open between them). It stops at
    // the review: nothing is applied to the lab.
    QImage compatWizard(int page) {
        CompatWizard *wizard = m_window->showCompatWizard();
        if (!wizard) {
            fail(QStringLiteral("the compatibility wizard did not open"));
            return {};
        }
        wizard->resize(1000, 720);
        if (page == CompatWizard::ClientPageId) {
            // Tests that change the lab's config (tst_compat_lab, …) run beside the tour: read
            // the story's config while none of them holds it changed.
            m_configLock = std::make_unique<LabConfigLock>();
            if (!m_configLock->isLocked())
                say(m_configLock->error());
            wizard->restart();
            wizard->selectProfile(QStringLiteral("wlm2012"));
            const QJsonObject manifest = LabEnv::manifest();
            const QString user = manifest.value(QStringLiteral("examples"))
                                     .toObject()
                                     .value(QStringLiteral("ssha512_user"))
                                     .toString();
            if (auto *e = wizard->findChild<QLineEdit *>(QStringLiteral("UserEdit")))
                e->setText(user);
            for (const QJsonValue &v : manifest.value(QStringLiteral("mailboxes")).toArray()) {
                if (v.toObject().value(QStringLiteral("email")).toString() == user) {
                    if (auto *e = wizard->findChild<QLineEdit *>(QStringLiteral("PasswordEdit")))
                        e->setText(v.toObject().value(QStringLiteral("password")).toString());
                }
            }
        }
        while (wizard->currentId() != page) {
            QWizardPage *current = wizard->currentPage();
            if (!QTest::qWaitFor([&] { return current->isComplete(); }, 30000)) {
                fail(QStringLiteral("wizard page %1 did not complete").arg(wizard->currentId()));
                return {};
            }
            // The review shows a change to the server: pick the narrowest one.
            if (wizard->currentId() == CompatWizard::OptionsPageId &&
                page == CompatWizard::ReviewPageId && wizard->diagnosis()) {
                const auto &options = wizard->diagnosis()->options;
                int best = -1;
                for (int i = 0; i < options.size(); ++i)
                    if (options[i].changesServer() &&
                        (best < 0 || options[i].rank < options[best].rank))
                        best = i;
                wizard->optionsPage()->selectOption(best);
            }
            const int before = wizard->currentId();
            wizard->next();
            if (wizard->currentId() == before) {
                fail(QStringLiteral("the wizard did not leave page %1").arg(before));
                return {};
            }
        }
        if (!QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, 30000))
            say(QStringLiteral("wizard page %1 incomplete").arg(page));
        if (!QTest::qWaitForWindowExposed(wizard))
            fail(QStringLiteral("the wizard was not shown"));
        QTest::qWait(500);
        const QImage image = wizard->grab().toImage();
        if (page == CompatWizard::ReviewPageId) {
            wizard->close();
            m_configLock.reset();
        }
        return image;
    }
    // Tools > Configuration Changes, the history read from the lab.
    QImage changeHistory() {
        ChangeHistoryDialog *dialog = m_window->showChangeHistory();
        if (!dialog) {
            fail(QStringLiteral("the change history did not open"));
            return {};
        }
        if (!QTest::qWaitFor([&] { return !dialog->statusText().endsWith(QStringLiteral("…")); },
                             15000))
            say(QStringLiteral("the change history is still loading"));
        return grabAndClose(dialog);
    }

private:
    std::unique_ptr<LabConfigLock> m_configLock; // held from the wizard's first page to its review
    bool showDomain(const QString &domain, int tab);
    QImage grabAndClose(QWidget *widget);
    void fail(const QString &why) {
        if (m_error.isEmpty())
            m_error = why;
    }

    QString m_language;
    QString m_error;
    QTemporaryDir m_settings;
    std::shared_ptr<ProfileStore> m_profiles;
    ServerProfile m_profile;
    QPointer<MainWindow> m_window;
    DomainPage *m_page = nullptr;
    QImage m_connectShot;
};

// name, how to reach it. One line per screen.
struct Screen {
    const char *name;
    std::function<QImage(Tour &)> shoot;
};
// clang-format off
const QList<Screen> kScreens = {
    {"main-mailboxes",   [](Tour &t) { return t.mainTab(kHome, 0); }},
    {"main-aliases",     [](Tour &t) { return t.mainTab(kAliases, 1); }},
    {"main-lists",       [](Tour &t) { return t.mainTab(kHome, 2); }},
    {"mailbox-new",      [](Tour &t) { return t.pageDialog(kHome, 0, {}, &DomainPage::newMailbox); }},
    {"mailbox-edit",     [](Tour &t) { return t.pageDialog(kHome, 0, QStringLiteral("postmaster@"), &DomainPage::editMailbox); }},
    {"alias-editor",     [](Tour &t) { return t.pageDialog(kAliases, 1, QStringLiteral("sales@"), &DomainPage::editAliasItem); }},
    {"domain-editor",    [](Tour &t) { return t.pageDialog(kHome, 0, {}, &DomainPage::editDomain); }},
    {"list-editor",      [](Tour &t) { return t.pageDialog(kHome, 2, QStringLiteral("announce@"), &DomainPage::editList); }},
    {"list-subscribers", [](Tour &t) { return t.pageDialog(kHome, 2, QStringLiteral("announce@"), &DomainPage::editSubscribers); }},
    {"profile-manager",  [](Tour &t) { return t.windowDialog<ProfileManagerDialog>(&MainWindow::showProfileManager); }},
    {"profile-editor",   [](Tour &t) { return t.profileEditor(); }},
    {"connect-dialog",   [](Tour &t) { return t.connectDialog(); }},
    {"preferences",      [](Tour &t) { return t.windowDialog<PreferencesDialog>(&MainWindow::showPreferences); }},
    {"shortcuts",        [](Tour &t) { return t.windowDialog<ShortcutsDialog>(&MainWindow::showShortcuts); }},
    {"domain-admins",    [](Tour &t) { return t.tool(&DelegationTools::showDomainAdmins); }},
    {"audit-log",        [](Tour &t) { return t.tool(&DelegationTools::showAuditLog); }},
    {"reject-log",       [](Tour &t) { return t.rejectLog(); }},
    {"compat-client",    [](Tour &t) { return t.compatWizard(CompatWizard::ClientPageId); }},
    {"compat-diagnosis", [](Tour &t) { return t.compatWizard(CompatWizard::DiagnosisPageId); }},
    {"compat-options",   [](Tour &t) { return t.compatWizard(CompatWizard::OptionsPageId); }},
    {"compat-review",    [](Tour &t) { return t.compatWizard(CompatWizard::ReviewPageId); }},
    {"change-history",   [](Tour &t) { return t.changeHistory(); }},
    {"dark-main",        [](Tour &t) { return t.inDark([&t] { return t.mainTab(kHome, 0); }); }},
    {"dark-mailbox-new", [](Tour &t) { return t.inDark([&t] { return t.pageDialog(kHome, 0, {}, &DomainPage::newMailbox); }); }},
};
// clang-format on

bool Tour::start() {
    // Fresh settings: no remembered sizes or column widths, the same pictures every time.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    installTranslations(*qApp, m_language);
    if (!g_extraTranslations.isEmpty()) {
        auto *extra = new QTranslator(qApp);
        extra->setObjectName(QStringLiteral("maildeckTranslator")); // replaced with the others
        if (extra->load(g_extraTranslations) && extra->language().startsWith(m_language))
            QCoreApplication::installTranslator(extra);
    }

    // The profile `tests/lab/lab up` registers as "lab" (what `./dev demo` opens).
    m_profile.name = QStringLiteral("lab");
    m_profile.host = QStringLiteral("127.0.0.1");
    m_profile.port = LabEnv::port("LAB_SSH_PORT");
    m_profile.user = QStringLiteral("root");
    m_profile.identityFile = LabEnv::value("LAB_ROOT_KEY");
    m_profile.knownHostsFile = LabEnv::value("LAB_KNOWN_HOSTS");
    m_profile.dbPort = LabEnv::port("LAB_DB_PORT");
    m_profile.dbName = LabEnv::value("LAB_DB_NAME");
    m_profile.dbUser = LabEnv::value("LAB_DB_ADMIN_USER");
    m_profile.dbCredentials = DbCredentialSource::ServerFile;
    m_profile.dbCredentialsFile = LabEnv::value("LAB_DB_ADMIN_CNF");
    m_profile.flavour = ServerFlavour::Lab;
    m_profile.paths = ServerPaths::defaultsFor(ServerFlavour::Lab);
    m_profile.paths.mailLog = LabEnv::value("LAB_MAILLOG");
    m_profile.paths.postfixConfigDir = LabEnv::value("LAB_POSTFIX_CONFIG_DIR");
    m_profile.paths.dovecotConfig = LabEnv::value("LAB_DOVECOT_CONFIG");
    m_profile.paths.iredapdSettings =
        LabEnv::value("LAB_IREDAPD_DIR") + QStringLiteral("/settings.py");
    m_profile.paths.mlmmjSpool = LabEnv::value("LAB_MLMMJ_SPOOL");
    m_profile.flavourConfirmed = true;
    m_profiles =
        std::make_shared<ProfileStore>(m_settings.filePath(QStringLiteral("profiles.ini")));
    m_profiles->save(m_profile);
    ServerProfile backup = m_profile;
    backup.name = QStringLiteral("backup-mx");
    backup.host = QStringLiteral("mx2.example.org");
    backup.port = 22;
    backup.identityFile.clear();
    backup.knownHostsFile.clear();
    backup.flavour = ServerFlavour::Debian;
    backup.paths = ServerPaths::defaultsFor(ServerFlavour::Debian);
    m_profiles->save(backup);

    m_window = new MainWindow(m_profiles);
    m_window->resize(1440, 860);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window)) {
        fail(QStringLiteral("the main window was not shown"));
        return false;
    }
    m_page = m_window->findChild<DomainPage *>();
    bool loaded = false;
    QObject::connect(m_window, &MainWindow::firstDataLoaded, m_window,
                     [&loaded] { loaded = true; });
    m_window->connectToProfile(m_profile.name);
    // The connect dialog with every step done: taken the moment it says so.
    if (ConnectDialog *dialog = m_window->connectDialog()) {
        QObject::connect(dialog, &ConnectDialog::connected, dialog,
                         [this, dialog] { m_connectShot = dialog->grab().toImage(); });
    }
    if (!QTest::qWaitFor([&] { return loaded; }, 60000)) {
        fail(QStringLiteral("the lab's data did not load within 60 s"));
        return false;
    }
    // Only the seeded domains: tests running at the same time add their own for a moment.
    auto *domainView = m_window->findChild<QTableView *>(QStringLiteral("DomainView"));
    if (auto *proxy = qobject_cast<QSortFilterProxyModel *>(domainView->model()))
        proxy->setFilterRegularExpression(QStringLiteral("^(example\\d+|alias\\d+)\\.test$"));
    return true;
}

bool Tour::showDomain(const QString &domain, int tab) {
    auto *domainView = m_window->findChild<QTableView *>(QStringLiteral("DomainView"));
    QAbstractItemModel *model = domainView->model();
    QModelIndex target;
    for (int r = 0; r < model->rowCount() && !target.isValid(); ++r) {
        if (model->index(r, 0).data().toString() == domain)
            target = model->index(r, 0);
    }
    if (!target.isValid()) {
        fail(QStringLiteral("the domain %1 is not in the list").arg(domain));
        return false;
    }
    if (m_page->domain() != domain)
        domainView->setCurrentIndex(target);
    auto *tabs = m_page->findChild<QTabWidget *>();
    tabs->setCurrentIndex(tab);
    static const char *const views[] = {"MailboxView", "AliasView", "ListView"};
    auto *view = m_page->findChild<QAbstractItemView *>(QLatin1String(views[tab]));
    if (!QTest::qWaitFor(
            [&] { return m_page->domain() == domain && view->model()->rowCount() > 0; }, 20000)) {
        fail(QStringLiteral("tab %1 of %2 stayed empty").arg(tab).arg(domain));
        return false;
    }
    // Cells still loading show "…" (a list's settings come over SSH after its row).
    const auto loading = [view] {
        const QAbstractItemModel *model = view->model();
        for (int c = 0; c < model->columnCount(); ++c) {
            if (model->index(0, c).data().toString() == QStringLiteral("…"))
                return true;
        }
        return false;
    };
    if (!QTest::qWaitFor([&] { return !loading(); }, 5000))
        say(QStringLiteral("tab %1 of %2: some cells still loading").arg(tab).arg(domain));
    QTest::qWait(300); // the last rows and the counts paint
    return true;
}

QImage Tour::mainTab(const QString &domain, int tab) {
    if (!showDomain(domain, tab))
        return {};
    return m_window->grab().toImage();
}

QImage Tour::pageDialog(const QString &domain, int tab, const QString &row,
                        void (DomainPage::*open)()) {
    if (!showDomain(domain, tab))
        return {};
    if (!row.isEmpty()) {
        static const char *const views[] = {"MailboxView", "AliasView", "ListView"};
        auto *view = m_page->findChild<QAbstractItemView *>(QLatin1String(views[tab]));
        QAbstractItemModel *model = view->model();
        QModelIndex found;
        // Top-level rows and one level below (the alias tree's groups).
        for (int r = 0; r < model->rowCount() && !found.isValid(); ++r) {
            const QModelIndex top = model->index(r, 0);
            if (top.data().toString().startsWith(row))
                found = top;
            for (int c = 0; c < model->rowCount(top) && !found.isValid(); ++c) {
                if (model->index(c, 0, top).data().toString().startsWith(row))
                    found = model->index(c, 0, top);
            }
        }
        if (!found.isValid()) {
            fail(QStringLiteral("no row %1 on tab %2 of %3").arg(row).arg(tab).arg(domain));
            return {};
        }
        view->setCurrentIndex(found);
    }
    QPointer<QDialog> dialog;
    const auto connection = QObject::connect(m_page, &DomainPage::dialogOpened, m_page,
                                             [&dialog](QDialog *d) { dialog = d; });
    (m_page->*open)();
    const bool opened = QTest::qWaitFor([&] { return !dialog.isNull(); }, 15000);
    QObject::disconnect(connection);
    if (!opened || !dialog) {
        fail(QStringLiteral("the dialog did not open"));
        return {};
    }
    return grabAndClose(dialog);
}

QImage Tour::profileEditor() {
    ProfileEditorDialog editor(m_profiles.get(), nullptr, ProfileEditorDialog::Mode::Edit,
                               m_profile, m_window);
    editor.show();
    return grabAndClose(&editor);
}

QImage Tour::grabAndClose(QWidget *widget) {
    if (!widget) {
        fail(QStringLiteral("the window did not open"));
        return {};
    }
    if (!QTest::qWaitForWindowExposed(widget))
        fail(QStringLiteral("the window was not shown"));
    // Whatever the dialog loads (subscribers, a list's settings) arrives and paints.
    QTest::qWait(700);
    const QImage image = widget->grab().toImage();
    if (auto *dialog = qobject_cast<QDialog *>(widget))
        dialog->reject();
    QTest::qWait(50);
    return image;
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    applyAppIdentity();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/maildeck/icons/maildeck.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Screenshots of every MailDeck screen from the lab."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output folder."),
                                       QStringLiteral("dir"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            QStringLiteral("Languages, comma-separated."),
                                            QStringLiteral("codes"), QStringLiteral("en,ja"));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
                                        QStringLiteral("Only these screens, comma-separated."),
                                        QStringLiteral("names"));
    const QCommandLineOption extraOption(
        QStringLiteral("extra-translations"),
        QStringLiteral("A .qm installed over the built-in catalogue of its language."),
        QStringLiteral("file"));
    parser.addOptions({outOption, languageOption, onlyOption, extraOption});
    parser.process(app);
    g_extraTranslations = parser.value(extraOption);
    const QString out = parser.value(outOption);
    if (out.isEmpty()) {
        say(QStringLiteral("--out DIR is required"));
        return 2;
    }
    if (!LabEnv::available()) {
        say(QStringLiteral("the lab is not running: export the variables of `tests/lab/lab env`"));
        return LabEnv::required() ? 1 : 77;
    }
    QDir().mkpath(out);
    const QStringList only = parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts);

    QElapsedTimer clock;
    clock.start();
    QStringList failures;
    QStringList expected;
    const QStringList languages =
        parser.value(languageOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &language : languages) {
        QStringList names;
        for (const Screen &screen : kScreens) {
            const QString name = QString::fromLatin1(screen.name);
            if (only.isEmpty() || only.contains(name))
                names.append(name);
        }
        for (const QString &name : std::as_const(names)) {
            const QString file = QStringLiteral("%1/%2.%3.png").arg(out, name, language);
            expected.append(file);
            QFile::remove(file);
        }
        Tour tour(language);
        WindowMemory::install(); // as in the application (fresh settings: nothing restored)
        if (!tour.start()) {
            failures.append(QStringLiteral("%1: %2").arg(language, tour.error()));
            continue;
        }
        for (const Screen &screen : kScreens) {
            const QString name = QString::fromLatin1(screen.name);
            if (!names.contains(name))
                continue;
            const QImage image = screen.shoot(tour);
            const QString file = QStringLiteral("%1/%2.%3.png").arg(out, name, language);
            const double spread = image.isNull() ? 0.0 : pixelSpread(image);
            if (image.isNull() || image.width() < 200 || image.height() < 100) {
                failures.append(
                    QStringLiteral("%1.%2: no image (%3)").arg(name, language, tour.error()));
                continue;
            }
            if (spread < 12.0) {
                failures.append(QStringLiteral("%1.%2: blank (grey-level spread %3)")
                                    .arg(name, language)
                                    .arg(spread, 0, 'f', 1));
                continue;
            }
            if (!image.save(file, "PNG")) {
                failures.append(QStringLiteral("%1: could not be written").arg(file));
                continue;
            }
            say(QStringLiteral("%1 (%2×%3, spread %4)")
                    .arg(QFileInfo(file).fileName())
                    .arg(image.width())
                    .arg(image.height())
                    .arg(spread, 0, 'f', 1));
        }
    }
    for (const QString &file : std::as_const(expected)) {
        if (!QFile::exists(file))
            failures.append(QStringLiteral("missing: %1").arg(file));
    }
    say(QStringLiteral("%1 screens in %2 s")
            .arg(expected.size())
            .arg(clock.elapsed() / 1000.0, 0, 'f', 1));
    for (const QString &f : std::as_const(failures))
        say(QStringLiteral("FAIL %1").arg(f));
    return failures.isEmpty() ? 0 : 1;
}
