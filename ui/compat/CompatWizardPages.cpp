#include "ui/compat/CompatWizardPages.h"

#include "core/config/ChangeHistory.h"
#include "core/config/ChangeSetRunner.h"
#include "core/config/ServerConfigReader.h"
#include "core/config/ServiceControl.h"
#include "core/logs/LogTail.h"
#include "core/ssh/SshSession.h"
#include "ui/common/ThemeColors.h"
#include "ui/compat/CompatWizard.h"
#include "ui/compat/DiffView.h"
#include "ui/compat/StepChecklist.h"

#include <QButtonGroup>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace maildeck::ui {

using compat::ClientAccess;
using compat::ClientKind;
using compat::ClientProfile;

namespace {

bool sendsMail(const ClientProfile &p) {
    for (const ClientAccess &a : p.accesses)
        if (a.service == ClientAccess::Service::Smtp ||
            a.service == ClientAccess::Service::Submission ||
            a.service == ClientAccess::Service::Smtps)
            return true;
    return false;
}

// Profiles that are about one envelope (who sends as whom to whom).
bool needsEnvelope(const ClientProfile &p) {
    return p.kind == ClientKind::LanScanner || p.kind == ClientKind::ExternalWebServer;
}

bool looksLikeAddress(const QString &s) {
    static const QRegularExpression re(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$"));
    return re.match(s).hasMatch();
}

QLabel *wrapLabel(const QString &text, QWidget *parent) {
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

void setTone(QLabel *label, Tone tone) {
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, toneText(tone, label->palette()));
    label->setPalette(p);
}

QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

} // namespace

// ---------------------------------------------------------------------------------------------
// 1. Client

ClientPage::ClientPage(CompatWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    setObjectName(QStringLiteral("ClientPage"));
    setTitle(tr("Which client does not work?"));
    setSubTitle(tr("Pick the kind of client, then say who it is. The password is only used for "
                   "the test login at the end; it is never stored."));
    m_eventLabel = wrapLabel(QString(), this);
    m_eventLabel->setObjectName(QStringLiteral("EventLabel"));
    m_eventLabel->setAutoFillBackground(true);
    m_eventLabel->setMargin(6);
    m_eventLabel->hide();
    m_profiles = new QListWidget(this);
    m_profiles->setObjectName(QStringLiteral("ProfileList"));
    m_profiles->setWordWrap(true);
    for (const ClientProfile &p : ClientProfile::all()) {
        auto *item = new QListWidgetItem(p.name(), m_profiles);
        item->setData(Qt::UserRole, p.key);
        item->setToolTip(p.description());
    }
    m_profiles->setMaximumHeight(m_profiles->sizeHintForRow(0) * 6 + 8);
    m_description = wrapLabel(QString(), this);
    m_description->setObjectName(QStringLiteral("ProfileDescription"));

    const auto edit = [this](const char *name, const QString &placeholder) {
        auto *e = new QLineEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setPlaceholderText(placeholder);
        e->setMaxLength(255);
        connect(e, &QLineEdit::textChanged, this, [this] {
            m_error->clear();
            Q_EMIT completeChanged();
        });
        return e;
    };
    m_clientIp = edit("ClientIpEdit", tr("e.g. 203.0.113.25"));
    m_helo = edit("HeloEdit", tr("as the client sends it, e.g. HOME-PC"));
    m_user = edit("UserEdit", tr("full address, e.g. user@example.com"));
    m_password = edit("PasswordEdit", tr("only for the test login; never stored"));
    m_password->setEchoMode(QLineEdit::Password);
    m_sender = edit("SenderEdit", tr("envelope sender, e.g. web@example.com"));
    m_recipient = edit("RecipientEdit", tr("a recipient, e.g. someone@example.net"));
    m_form = new QFormLayout;
    m_form->addRow(tr("Client &IP address:"), m_clientIp);
    m_form->addRow(tr("&HELO name:"), m_helo);
    m_form->addRow(tr("&User:"), m_user);
    m_form->addRow(tr("&Password:"), m_password);
    m_form->addRow(tr("&Sender:"), m_sender);
    m_form->addRow(tr("&Recipient:"), m_recipient);
    m_error = wrapLabel(QString(), this);
    m_error->setObjectName(QStringLiteral("ClientError"));
    setTone(m_error, Tone::Error);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_eventLabel);
    layout->addWidget(m_profiles);
    layout->addWidget(m_description);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    connect(m_profiles, &QListWidget::currentRowChanged, this, &ClientPage::onProfileChanged);
    m_profiles->setCurrentRow(0);
}

bool ClientPage::selectProfile(const QString &key) {
    for (int i = 0; i < m_profiles->count(); ++i) {
        if (m_profiles->item(i)->data(Qt::UserRole).toString() == key) {
            m_profiles->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QString ClientPage::profileKey() const {
    const QListWidgetItem *item = m_profiles->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ClientPage::onProfileChanged() {
    const auto profile = ClientProfile::byKey(profileKey());
    if (!profile)
        return;
    m_description->setText(profile->description());
    // A new profile starts from its example (the lab's addresses where one plays the role).
    prefill(profile->exampleParams());
    m_password->clear();
    updateFields();
    Q_EMIT completeChanged();
}

void ClientPage::prefill(const compat::ClientParams &p) {
    m_clientIp->setText(p.clientIp);
    m_helo->setText(p.heloName);
    m_user->setText(p.user);
    if (!p.password.isEmpty())
        m_password->setText(p.password);
    m_sender->setText(p.sender);
    m_recipient->setText(p.recipient);
}

void ClientPage::showEvent(const QString &text) {
    m_eventLabel->setText(text);
    m_eventLabel->setVisible(!text.isEmpty());
    QPalette p = m_eventLabel->palette();
    p.setColor(QPalette::Window, toneBackground(Tone::Info, palette()));
    m_eventLabel->setPalette(p);
}

void ClientPage::updateFields() {
    const auto profile = ClientProfile::byKey(profileKey());
    if (!profile)
        return;
    const bool login = profile->needsLogin();
    const bool smtp = sendsMail(*profile);
    m_form->setRowVisible(m_helo, smtp);
    m_form->setRowVisible(m_user, login);
    m_form->setRowVisible(m_password, login);
    m_form->setRowVisible(m_sender, smtp);
    m_form->setRowVisible(m_recipient, smtp);
}

compat::ClientParams ClientPage::params() const {
    compat::ClientParams p;
    p.clientIp = m_clientIp->text().trimmed();
    p.heloName = m_helo->text().trimmed();
    p.user = m_user->text().trimmed();
    p.password = m_password->text();
    p.sender = m_sender->text().trimmed();
    p.recipient = m_recipient->text().trimmed();
    return p;
}

QString ClientPage::validationError() const {
    const auto profile = ClientProfile::byKey(profileKey());
    if (!profile)
        return tr("Choose the kind of client.");
    const compat::ClientParams p = params();
    if (p.clientIp.isEmpty())
        return tr("Enter the client's IP address as the server sees it.");
    QHostAddress address;
    if (!address.setAddress(p.clientIp))
        return tr("\"%1\" is not an IP address (for example 203.0.113.25 or 2001:db8::25).")
            .arg(p.clientIp);
    if (sendsMail(*profile)) {
        if (p.heloName.isEmpty())
            return tr("Enter the HELO name the client sends (its log line shows it as helo=<…>).");
        if (p.heloName.contains(QLatin1Char(' ')))
            return tr("A HELO name has no spaces.");
    }
    if (profile->needsLogin()) {
        if (p.user.isEmpty())
            return tr("Enter the user the client logs in as.");
        if (p.password.isEmpty())
            return tr("Enter the user's password: the wizard logs in as the client to prove the "
                      "fix. It is not stored.");
    }
    if (needsEnvelope(*profile)) {
        if (!looksLikeAddress(p.sender))
            return tr("Enter the sender address the client uses (user@domain).");
        if (!looksLikeAddress(p.recipient))
            return tr("Enter a recipient address (user@domain).");
    } else {
        if (!p.sender.isEmpty() && !looksLikeAddress(p.sender))
            return tr("The sender must be an address (user@domain).");
        if (!p.recipient.isEmpty() && !looksLikeAddress(p.recipient))
            return tr("The recipient must be an address (user@domain).");
    }
    return {};
}

bool ClientPage::isComplete() const {
    return !profileKey().isEmpty() && !m_clientIp->text().trimmed().isEmpty();
}

bool ClientPage::validatePage() {
    const QString error = validationError();
    m_error->setText(error);
    return error.isEmpty();
}

// ---------------------------------------------------------------------------------------------
// 2. Diagnosis

DiagnosisPage::DiagnosisPage(CompatWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    setObjectName(QStringLiteral("DiagnosisPage"));
    setTitle(tr("What blocks the client"));
    setSubTitle(tr("MailDeck reads the server's configuration as the services do, and the log "
                   "lines about this client."));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("DiagnosisProgress"));
    m_status = wrapLabel(QString(), this);
    m_status->setObjectName(QStringLiteral("DiagnosisStatus"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("DiagnosisCancel"));
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(QStringLiteral("DiagnosisRetry"));
    m_retry->hide();
    connect(m_cancel, &QPushButton::clicked, this, &DiagnosisPage::cancelReading);
    connect(m_retry, &QPushButton::clicked, this, &DiagnosisPage::startReading);
    m_report = new QTextBrowser(this);
    m_report->setObjectName(QStringLiteral("DiagnosisReport"));
    m_report->setOpenLinks(false);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_cancel);
    bar->addWidget(m_retry);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_report, 1);
}

void DiagnosisPage::initializePage() {
    startReading();
}

void DiagnosisPage::cleanupPage() {
    cancelReading();
    ++m_generation;
}

bool DiagnosisPage::isReading() const {
    return m_reader && m_reader->isRunning();
}

void DiagnosisPage::cancelReading() {
    if (m_reader && m_reader->isRunning())
        m_reader->cancel();
}

void DiagnosisPage::startReading() {
    const quint64 generation = ++m_generation;
    m_done = false;
    m_error.clear();
    m_report->clear();
    m_status->setPalette(palette());
    m_retry->hide();
    m_wizard->setDiagnosis(std::nullopt);
    Q_EMIT completeChanged();
    if (m_wizard->hasPresetSnapshot()) {
        m_progress->hide();
        m_cancel->hide();
        runDiagnosis();
        return;
    }
    if (!m_wizard->ssh()) {
        showError(tr("Not connected to the server."));
        return;
    }
    m_progress->show();
    m_progress->setRange(0, 0);
    m_cancel->show();
    m_cancel->setEnabled(true);
    m_status->setText(tr("Reading the server's configuration…"));
    delete m_reader;
    m_reader = new config::ServerConfigReader(m_wizard->ssh(), m_wizard->server().paths, this);
    connect(m_reader, &config::ServerConfigReader::progress, this,
            [this](int done, int total, const QString &what) {
                m_progress->setRange(0, total);
                m_progress->setValue(done);
                m_status->setText(what);
            });
    QPointer<DiagnosisPage> self(this);
    m_reader->read().then(this, [self, generation](Result<config::ServerConfigSnapshot> r) {
        if (!self || generation != self->m_generation)
            return;
        if (!r.ok()) {
            self->showError(r.error().code == QLatin1String("config.read.cancelled")
                                ? tr("Reading the configuration was cancelled.")
                                : tr("Cannot read the server's configuration: %1 %2")
                                      .arg(r.error().message, r.error().detail));
            return;
        }
        self->m_wizard->setSnapshot(r.value(), {});
        self->readLogLines();
    });
}

void DiagnosisPage::readLogLines() {
    const quint64 generation = m_generation;
    const compat::ClientParams p = m_wizard->params();
    m_status->setText(tr("Reading the log lines about %1…").arg(p.clientIp));
    m_progress->setRange(0, 0);
    QPointer<DiagnosisPage> self(this);
    compat::fetchClientLogLines(m_wizard->ssh(), m_wizard->server().paths, p.clientIp)
        .then(this, [self, generation](Result<QStringList> r) {
            if (!self || generation != self->m_generation)
                return;
            QStringList lines = r.ok() ? r.value() : QStringList();
            if (self->m_wizard->event() && !self->m_wizard->event()->rawLine.isEmpty() &&
                !lines.contains(self->m_wizard->event()->rawLine))
                lines.append(self->m_wizard->event()->rawLine);
            self->m_wizard->setSnapshot(*self->m_wizard->snapshot(), lines);
            if (!r.ok())
                self->m_status->setText(
                    tr("The log could not be read (%1); diagnosing from the configuration only.")
                        .arg(r.error().message));
            self->runDiagnosis();
        });
}

void DiagnosisPage::runDiagnosis() {
    m_progress->hide();
    m_cancel->hide();
    const auto profile = m_wizard->clientProfile();
    if (!profile || !m_wizard->snapshot()) {
        showError(tr("Nothing to diagnose."));
        return;
    }
    QStringList lines = m_wizard->logLines();
    if (m_wizard->event() && !m_wizard->event()->rawLine.isEmpty() &&
        !lines.contains(m_wizard->event()->rawLine))
        lines.append(m_wizard->event()->rawLine);
    const auto result = compat::diagnose(*m_wizard->snapshot(), *profile, m_wizard->params(), lines,
                                         m_wizard->server());
    if (!result.ok()) {
        showError(tr("The diagnosis failed: %1").arg(result.error().message));
        return;
    }
    const compat::Diagnosis &d = result.value();
    m_wizard->setDiagnosis(d);
    QString html;
    if (d.passes || d.blockers.isEmpty()) {
        html += QStringLiteral("<h3 style=\"color:%1\">%2</h3><p>%3</p>")
                    .arg(toneText(Tone::Success, palette(), QPalette::Base).name(),
                         esc(tr("Nothing blocks this client")),
                         esc(tr("The server's configuration lets %1 through as it is. The next "
                                "page proves it with a real login.")
                                 .arg(profile->name())));
    } else {
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("%n setting(s) block %1:", nullptr, int(d.blockers.size()))
                                 .arg(profile->name())));
    }
    for (const compat::Blocker &b : d.blockers) {
        html +=
            QStringLiteral("<h3>%1</h3>").arg(esc(b.setting.isEmpty() ? b.component : b.setting));
        html += QStringLiteral("<p>%1</p>").arg(esc(b.explanation));
        html += QLatin1String("<table cellspacing=\"4\">");
        const auto row = [&html](const QString &label, const QString &value) {
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label, value);
        };
        row(esc(tr("Component:")), esc(b.component));
        if (!b.effectiveValue.isEmpty())
            row(esc(tr("Effective value:")),
                QStringLiteral("<code>%1</code>").arg(esc(b.effectiveValue)));
        if (b.where)
            row(esc(tr("Set in:")),
                QStringLiteral("<code>%1</code> %2")
                    .arg(esc(b.where->toString()), esc(tr("(this one takes effect)"))));
        for (const config::ConfigLocation &also : b.alsoSetIn)
            row(esc(tr("Also set in:")),
                QStringLiteral("<code>%1</code>").arg(esc(also.toString())));
        html += QLatin1String("</table>");
        if (!b.logProof.isEmpty()) {
            html += QStringLiteral("<p><b>%1</b></p><pre>").arg(esc(tr("The log shows it:")));
            for (const QString &l : b.logProof)
                html += esc(l) + QLatin1Char('\n');
            html += QLatin1String("</pre>");
        }
    }
    if (!d.notes.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(esc(tr("Notes")));
        for (const QString &n : d.notes)
            html += QStringLiteral("<li>%1</li>").arg(esc(n));
        html += QLatin1String("</ul>");
    }
    const config::ServerConfigSnapshot &s = *m_wizard->snapshot();
    if (!s.problems.isEmpty() || !s.disagreements.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(esc(tr("While reading")));
        for (const QString &p : s.problems)
            html += QStringLiteral("<li>%1</li>").arg(esc(p));
        for (const config::ConfigDisagreement &x : s.disagreements)
            html += QStringLiteral("<li>%1</li>").arg(esc(x.text()));
        html += QLatin1String("</ul>");
    }
    m_report->setHtml(html);
    m_status->setText(d.passes ? tr("Nothing to fix.")
                               : tr("Next: the ways to let the client through."));
    m_done = true;
    Q_EMIT completeChanged();
    Q_EMIT diagnosed();
}

void DiagnosisPage::showError(const QString &text) {
    m_error = text;
    m_progress->hide();
    m_cancel->hide();
    m_retry->show();
    m_status->setText(text);
    setTone(m_status, Tone::Error);
    m_done = false;
    Q_EMIT completeChanged();
    Q_EMIT diagnosed();
}

QString DiagnosisPage::reportHtml() const {
    return m_report->toPlainText();
}

QString DiagnosisPage::errorText() const {
    return m_error;
}

bool DiagnosisPage::isComplete() const {
    return m_done && m_wizard->diagnosis().has_value();
}

int DiagnosisPage::nextId() const {
    const auto &d = m_wizard->diagnosis();
    if (d && (d->passes || d->options.isEmpty()))
        return CompatWizard::ProvePageId;
    return CompatWizard::OptionsPageId;
}

// ---------------------------------------------------------------------------------------------
// 3. Options

OptionsPage::OptionsPage(CompatWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    setObjectName(QStringLiteral("OptionsPage"));
    setTitle(tr("How to let the client through"));
    setSubTitle(tr("From the narrowest change to the broadest. Each says what it costs in "
                   "security."));
    m_intro = wrapLabel(QString(), this);
    m_group = new QButtonGroup(this);
    connect(m_group, &QButtonGroup::idToggled, this,
            [this](int, bool) { Q_EMIT completeChanged(); });
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_listWidget = new QWidget(scroll);
    m_list = new QVBoxLayout(m_listWidget);
    scroll->setWidget(m_listWidget);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(scroll, 1);
}

void OptionsPage::initializePage() {
    for (QAbstractButton *b : m_group->buttons())
        m_group->removeButton(b);
    while (QLayoutItem *item = m_list->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto &d = m_wizard->diagnosis();
    if (!d)
        return;
    QList<int> order;
    for (int i = 0; i < d->options.size(); ++i)
        order << i;
    std::stable_sort(order.begin(), order.end(),
                     [&d](int a, int b) { return d->options[a].rank < d->options[b].rank; });
    int recommended = -1;
    for (int i : order) {
        const compat::FixOption &o = d->options[i];
        auto *box = new QWidget(m_listWidget);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 4, 0, 8);
        QString title = QStringLiteral("%1. %2").arg(o.rank).arg(o.title);
        if (o.recommended)
            title += QStringLiteral("  — ") + tr("recommended");
        auto *radio = new QRadioButton(title, box);
        radio->setObjectName(QStringLiteral("Option_%1").arg(o.id));
        if (o.recommended) {
            QFont f = radio->font();
            f.setBold(true);
            radio->setFont(f);
            if (recommended < 0)
                recommended = i;
        }
        m_group->addButton(radio, i);
        boxLayout->addWidget(radio);
        QString detail;
        if (!o.changesServer())
            detail = tr("Changes nothing on the server: tell the user to change the client. %1")
                         .arg(o.securityCost);
        else
            detail = tr("Security cost: %1").arg(o.securityCost);
        auto *cost = wrapLabel(detail, box);
        cost->setIndent(24);
        if (o.changesServer()) {
            QStringList files;
            for (const config::ChangeSet::Input &e : o.edits)
                files << e.path;
            cost->setToolTip(tr("Changes %1").arg(files.join(QLatin1String(", "))));
        }
        boxLayout->addWidget(cost);
        m_list->addWidget(box);
    }
    m_list->addStretch(1);
    m_intro->setText(d->options.isEmpty() ? tr("MailDeck knows no fix for this.")
                                          : tr("%n option(s):", nullptr, int(d->options.size())));
    selectOption(recommended >= 0 ? recommended : (order.isEmpty() ? -1 : order.first()));
}

int OptionsPage::optionCount() const {
    return int(m_group->buttons().size());
}

int OptionsPage::selectedOption() const {
    return m_group->checkedId();
}

void OptionsPage::selectOption(int index) {
    if (QAbstractButton *b = m_group->button(index))
        b->setChecked(true);
}

QStringList OptionsPage::shownOptionIds() const {
    QStringList ids;
    const auto &d = m_wizard->diagnosis();
    if (!d)
        return ids;
    for (int i = 0; i < m_list->count(); ++i) {
        QWidget *w = m_list->itemAt(i)->widget();
        if (!w)
            continue;
        if (auto *radio = w->findChild<QRadioButton *>()) {
            const int id = m_group->id(radio);
            if (id >= 0 && id < d->options.size())
                ids << d->options[id].id;
        }
    }
    return ids;
}

bool OptionsPage::isComplete() const {
    return selectedOption() >= 0;
}

bool OptionsPage::validatePage() {
    m_wizard->setChosenOption(selectedOption());
    return selectedOption() >= 0;
}

int OptionsPage::nextId() const {
    const auto &d = m_wizard->diagnosis();
    const int i = selectedOption();
    if (d && i >= 0 && i < d->options.size() && !d->options[i].changesServer())
        return CompatWizard::ProvePageId;
    return CompatWizard::ReviewPageId;
}

// ---------------------------------------------------------------------------------------------
// 4. Review

ReviewPage::ReviewPage(CompatWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    setObjectName(QStringLiteral("ReviewPage"));
    setTitle(tr("Review the change"));
    setSubTitle(tr("Exactly what will change on the server, and the commands that back it up, "
                   "check it and reload the service. Nothing has changed yet."));
    m_title = wrapLabel(QString(), this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_files = wrapLabel(QString(), this);
    m_files->setObjectName(QStringLiteral("ReviewFiles"));
    m_diff = new DiffView(this);
    m_diff->setObjectName(QStringLiteral("ReviewDiff"));
    m_commands = new QPlainTextEdit(this);
    m_commands->setObjectName(QStringLiteral("ReviewCommands"));
    m_commands->setReadOnly(true);
    m_commands->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_commands->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_error = wrapLabel(QString(), this);
    setTone(m_error, Tone::Error);
    setCommitPage(true);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_diff);
    split->addWidget(m_commands);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_files);
    layout->addWidget(split, 1);
    layout->addWidget(m_error);
}

void ReviewPage::initializePage() {
    m_error->clear();
    m_diff->setDiff({});
    m_commands->clear();
    m_wizard->setPlanned(std::nullopt);
    const compat::FixOption *option = m_wizard->chosenOption();
    if (!option) {
        m_error->setText(tr("No option chosen."));
        return;
    }
    const config::ServiceControl control = config::ServiceControl::fromProfile(m_wizard->server());
    auto planned =
        config::ChangeSet::plan(option->changeTitle.isEmpty() ? option->title : option->changeTitle,
                                option->edits, control, QDateTime::currentDateTimeUtc());
    if (!planned.ok()) {
        m_error->setText(tr("The change cannot be planned: %1").arg(planned.error().message));
        Q_EMIT completeChanged();
        return;
    }
    config::ChangeSet set = planned.value();
    set.setOrigin(option->changeOrigin);
    for (const config::PlannedCommand &check : option->postChecks)
        set.addPostCheck(check);
    m_wizard->setPlanned(set);
    m_title->setText(set.title());
    QStringList files;
    for (const config::FileEdit &e : set.edits())
        files << QStringLiteral("%1 — %2").arg(e.path, e.summary);
    m_files->setText(tr("Files: %1").arg(files.join(QLatin1String("; "))));
    m_diff->setDiff(set.unifiedDiff());
    QStringList commands;
    for (const config::PlanStep &step : set.steps()) {
        QString line = stepKindText(step.kind) + QLatin1String(": ");
        if (step.command)
            line += step.command->shellLine();
        else
            line += step.description.isEmpty() ? step.path : step.description;
        commands << line;
    }
    commands << QString()
             << tr("If any step fails, the backups are put back and the service "
                   "reloaded.");
    m_commands->setPlainText(commands.join(QLatin1Char('\n')));
    Q_EMIT completeChanged();
}

bool ReviewPage::isComplete() const {
    return m_wizard->plannedChangeSet().has_value() && m_wizard->ssh();
}

QString ReviewPage::commandsText() const {
    return m_commands->toPlainText();
}

// ---------------------------------------------------------------------------------------------
// 5. Apply

ApplyPage::ApplyPage(CompatWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    setObjectName(QStringLiteral("ApplyPage"));
    setTitle(tr("Applying the change"));
    setSubTitle(tr("Every step is checked; if one fails, the old files are put back "
                   "automatically."));
    m_checklist = new StepChecklist(this);
    m_status = wrapLabel(QString(), this);
    m_status->setObjectName(QStringLiteral("ApplyStatus"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("ApplyCancel"));
    m_cancel->setToolTip(tr("Stops before the new files are installed; nothing changes."));
    connect(m_cancel, &QPushButton::clicked, this, &ApplyPage::cancelApply);
    m_again = new QPushButton(tr("&Diagnose Again"), this);
    m_again->setObjectName(QStringLiteral("ApplyDiagnoseAgain"));
    m_again->setToolTip(tr("Reads the server's configuration again and shows the options, to "
                           "choose another one."));
    m_again->hide();
    connect(m_again, &QPushButton::clicked, m_wizard, &CompatWizard::diagnoseAgain);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_cancel);
    bar->addWidget(m_again);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_checklist, 1);
    layout->addLayout(bar);
}

void ApplyPage::initializePage() {
    m_applied = false;
    m_installed = false;
    m_again->hide();
    const auto &set = m_wizard->plannedChangeSet();
    if (!set || !m_wizard->ssh()) {
        failWith(tr("Nothing to apply."));
        return;
    }
    const QList<config::PlanStep> steps = set->steps();
    QList<config::PlanStep> all = steps;
    all += set->rollbackSteps();
    m_checklist->setSteps(all, int(steps.size()));
    delete m_runner;
    m_runner = new config::ChangeSetRunner(
        m_wizard->ssh(), config::ServiceControl::fromProfile(m_wizard->server()), this);
    connect(m_runner, &config::ChangeSetRunner::stepStarted, this,
            [this](int index, const config::PlanStep &step) {
                m_checklist->markStarted(index);
                if (step.kind == config::PlanStep::Kind::Install) {
                    m_installed = true;
                    m_cancel->setEnabled(false);
                    m_cancel->setToolTip(tr("The new files are being installed; it can no longer "
                                            "be stopped (a failure puts the old ones back)."));
                }
                m_status->setText(step.description);
            });
    connect(m_runner, &config::ChangeSetRunner::stepFinished, m_checklist,
            &StepChecklist::markFinished);
    connect(m_runner, &config::ChangeSetRunner::rollingBack, this, [this](const QString &why) {
        m_status->setText(tr("Rolling back: %1").arg(why));
        setTone(m_status, Tone::Warning);
    });
    connect(m_runner, &config::ChangeSetRunner::connectionLost, this, [this] {
        m_status->setText(tr("The connection dropped; the change goes on on the server. "
                             "Reconnecting…"));
    });
    m_running = true;
    m_cancel->setEnabled(true);
    m_cancel->show();
    m_status->setText(tr("Starting…"));
    setTone(m_status, Tone::Neutral);
    Q_EMIT completeChanged();
    QPointer<ApplyPage> self(this);
    m_runner->apply(*set).then(this, [self](Result<config::ChangeSet> r) {
        if (!self)
            return;
        if (!r.ok()) {
            self->failWith(tr("The outcome is not known: %1 %2. The server's change history "
                              "has it once the server is reachable.")
                               .arg(r.error().message, r.error().detail));
            return;
        }
        self->finish(r.value());
    });
}

void ApplyPage::finish(const config::ChangeSet &result) {
    m_running = false;
    m_cancel->hide();
    m_checklist->markRemainingSkipped();
    m_applied = result.state() == config::ChangeSet::State::Applied;
    if (m_applied) {
        m_wizard->setApplied(result);
        m_status->setText(tr("Applied. Next: prove that the client gets through."));
        setTone(m_status, Tone::Success);
    } else if (result.state() == config::ChangeSet::State::RolledBack) {
        m_status->setText(
            tr("Rolled back: the old files are in place again. %1").arg(result.note()));
        setTone(m_status, Tone::Warning);
    } else {
        m_status->setText(tr("Not applied: %1. Nothing was changed.").arg(result.note()));
        setTone(m_status, Tone::Error);
    }
    // Known not applied (the files are as they were): another option may be tried. When the
    // outcome is unknown (failWith) it is not offered: the history must be looked at first.
    m_again->setVisible(!m_applied);
    Q_EMIT m_wizard->historyChanged();
    Q_EMIT completeChanged();
    Q_EMIT applyFinished(m_applied);
}

void ApplyPage::failWith(const QString &text) {
    m_running = false;
    m_cancel->hide();
    m_status->setText(text);
    setTone(m_status, Tone::Error);
    Q_EMIT completeChanged();
    Q_EMIT applyFinished(false);
}

bool ApplyPage::isComplete() const {
    return m_applied && !m_running;
}

bool ApplyPage::isRunning() const {
    return m_running;
}

void ApplyPage::cancelApply() {
    if (m_runner && m_running) {
        m_status->setText(m_installed ? tr("Stopping: the old files are being put back…")
                                      : tr("Stopping…"));
        m_runner->cancel();
    }
}

QString ApplyPage::statusText() const {
    return m_status->text();
}

// ---------------------------------------------------------------------------------------------
// 6. Prove

ProvePage::ProvePage(CompatWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    setObjectName(QStringLiteral("ProvePage"));
    setTitle(tr("Prove it"));
    setSubTitle(tr("MailDeck talks to the server as the client does, step by step, and shows "
                   "what the server's log says about it."));
    m_summary = wrapLabel(QString(), this);
    m_summary->setObjectName(QStringLiteral("ProveSummary"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("ProbeSteps"));
    m_steps->setHeaderLabels({tr("Step"), tr("Sent"), tr("Reply")});
    m_steps->setWordWrap(true);
    m_steps->header()->setStretchLastSection(true);
    m_steps->setColumnWidth(0, 260);
    m_steps->setColumnWidth(1, 220);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("ProveLog"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("The server's log lines about the client appear here."));
    m_again = new QPushButton(tr("Run the &probes again"), this);
    m_again->setObjectName(QStringLiteral("ProbeAgain"));
    connect(m_again, &QPushButton::clicked, this, &ProvePage::runProbes);
    m_rollback = new QPushButton(tr("R&oll back this change"), this);
    m_rollback->setObjectName(QStringLiteral("RollbackButton"));
    connect(m_rollback, &QPushButton::clicked, this, &ProvePage::rollBack);
    m_rollbackStatus = wrapLabel(QString(), this);
    m_rollbackStatus->setObjectName(QStringLiteral("RollbackStatus"));
    m_diagnoseAgain = new QPushButton(tr("&Diagnose Again"), this);
    m_diagnoseAgain->setObjectName(QStringLiteral("ProveDiagnoseAgain"));
    m_diagnoseAgain->setToolTip(tr("Reads the server's configuration again and shows the "
                                   "options, to choose another one."));
    m_diagnoseAgain->hide();
    connect(m_diagnoseAgain, &QPushButton::clicked, m_wizard, &CompatWizard::diagnoseAgain);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_steps);
    auto *logBox = new QWidget(split);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(new QLabel(tr("Live log, this client only:"), logBox));
    logLayout->addWidget(m_log);
    split->addWidget(logBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_rollbackStatus, 1);
    bar->addWidget(m_again);
    bar->addWidget(m_rollback);
    bar->addWidget(m_diagnoseAgain);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addLayout(bar);
    m_probe = new compat::Probe(this);
    connect(m_probe, &compat::Probe::stepDone, this, [this](const compat::ProbeStep &step) {
        if (!m_current)
            return;
        auto *item = new QTreeWidgetItem(
            m_current, {(step.ok ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + step.title,
                        step.sent, step.reply.trimmed()});
        item->setForeground(
            0, toneText(step.ok ? Tone::Success : Tone::Error, palette(), QPalette::Base));
        item->setToolTip(2, step.reply);
        m_current->setExpanded(true);
        m_steps->scrollToItem(item);
    });
    connect(m_probe, &compat::Probe::finished, this, [this](const compat::ProbeResult &r) {
        // finished() is queued: a probe cancelled because the page was left still reports here.
        if (m_probeIndex < 0 || r.failureCode == QLatin1String("probe.cancelled"))
            return;
        ++m_results;
        if (m_current) {
            QString head = m_current->text(0);
            head +=
                QStringLiteral(" — ") + (r.passed ? tr("passed") : tr("failed: %1").arg(r.failure));
            m_current->setText(0, head);
            m_current->setForeground(
                0, toneText(r.passed ? Tone::Success : Tone::Error, palette(), QPalette::Base));
        }
        if (!r.passed)
            m_anyFailed = true;
        ++m_probeIndex;
        nextProbe();
    });
}

void ProvePage::initializePage() {
    const bool applied = m_wizard->appliedChangeSet().has_value();
    m_rollback->setVisible(applied);
    m_rollback->setEnabled(applied);
    m_diagnoseAgain->hide();
    m_rollbackStatus->clear();
    m_log->clear();
    m_clientIp = m_wizard->params().clientIp;
    startLog();
    // Let the log tail start before the first probe, so its lines are caught.
    QPointer<ProvePage> self(this);
    QTimer::singleShot(m_tails.isEmpty() ? 0 : 1500, this, [self] {
        if (self && self->wizard() && self->wizard()->currentPage() == self)
            self->runProbes();
    });
}

void ProvePage::cleanupPage() {
    m_probeIndex = -1; // no next probe once the page is left
    m_probe->cancel();
    stopLog();
}

void ProvePage::startLog() {
    stopLog();
    const ServerPaths &paths = m_wizard->server().paths;
    if (!m_wizard->ssh())
        return;
    // Postfix and iRedAPD write to the mail log (iRedAPD also to its own), Dovecot to its own
    // files on iRedMail (rsyslog splits them off).
    QStringList files;
    if (!paths.mailLog.isEmpty()) {
        files << paths.mailLog;
        files << paths.mailLog.left(paths.mailLog.lastIndexOf(QLatin1Char('/'))) +
                     QStringLiteral("/iredapd/iredapd.log");
    }
    if (!paths.dovecotLogDir.isEmpty())
        files << paths.dovecotLogDir + QStringLiteral("/dovecot.log");
    for (const QString &file : files) {
        logs::TailOptions options{file};
        options.backfillSeconds = 0;
        options.privileged = m_wizard->server().user != QLatin1String("root");
        auto *tail = new logs::LogTail(m_wizard->ssh(), options, this);
        connect(tail, &logs::LogTail::linesArrived, this,
                [this](const QByteArray &lines, bool backfill) {
                    if (!backfill)
                        onLogLines(lines);
                });
        m_tails.append(tail);
        tail->start();
    }
}

void ProvePage::stopLog() {
    for (const QPointer<logs::LogTail> &tail : std::as_const(m_tails)) {
        if (tail) {
            tail->stop();
            delete tail.data();
        }
    }
    m_tails.clear();
}

void ProvePage::onLogLines(const QByteArray &lines) {
    if (m_clientIp.isEmpty())
        return;
    // The address on its own ("[127.0.0.5]", "rip=127.0.0.5", "client_address=127.0.0.5"),
    // never as a part of a longer one (127.0.0.50).
    const QRegularExpression ip(QStringLiteral("(?<![0-9.])") +
                                QRegularExpression::escape(m_clientIp) +
                                QStringLiteral("(?![0-9])"));
    for (const QByteArray &raw : lines.split('\n')) {
        if (raw.isEmpty())
            continue;
        const QString line = QString::fromUtf8(raw);
        if (ip.match(line).hasMatch())
            m_log->appendPlainText(line);
    }
}

QStringList ProvePage::logLinesShown() const {
    return m_log->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void ProvePage::runProbes() {
    if (isRunning())
        return;
    m_specs = m_wizard->proofProbes();
    m_steps->clear();
    m_results = 0;
    m_anyFailed = false;
    m_allPassed = false;
    m_again->setEnabled(false);
    if (m_specs.isEmpty()) {
        m_summary->setText(tr("No probe proves this option."));
        m_again->setEnabled(true);
        Q_EMIT completeChanged();
        return;
    }
    m_summary->setText(tr("Running %n probe(s)…", nullptr, int(m_specs.size())));
    setTone(m_summary, Tone::Neutral);
    m_probeIndex = 0;
    Q_EMIT completeChanged();
    nextProbe();
}

void ProvePage::nextProbe() {
    if (m_probeIndex < 0)
        return;
    if (m_probeIndex >= m_specs.size()) {
        m_probeIndex = -1;
        m_current = nullptr;
        m_allPassed = !m_anyFailed;
        m_summary->setText(m_allPassed ? tr("The client gets through.")
                                       : tr("The client is still refused."));
        setTone(m_summary, m_allPassed ? Tone::Success : Tone::Error);
        m_again->setEnabled(true);
        Q_EMIT completeChanged();
        Q_EMIT probesFinished(m_allPassed);
        return;
    }
    const compat::ProbeSpec &spec = m_specs[m_probeIndex];
    m_current = new QTreeWidgetItem(m_steps, {spec.describe()});
    QFont f = m_current->font(0);
    f.setBold(true);
    m_current->setFont(0, f);
    m_current->setFirstColumnSpanned(true);
    m_probe->start(spec);
}

bool ProvePage::isRollingBack() const {
    return m_rollbackRunner && m_rollbackRunner->isRunning();
}

void ProvePage::rollBack() {
    const auto &applied = m_wizard->appliedChangeSet();
    if (!applied || !m_wizard->ssh() || isRollingBack())
        return;
    m_rollback->setEnabled(false);
    m_rollbackStatus->setText(tr("Planning the rollback…"));
    setTone(m_rollbackStatus, Tone::Neutral);
    const config::ServiceControl control = config::ServiceControl::fromProfile(m_wizard->server());
    auto *history = new config::ChangeHistory(m_wizard->ssh(), control, this);
    QPointer<ProvePage> self(this);
    history->planRevert(applied->id())
        .then(this, [self, history, control](Result<config::ChangeSet> plan) {
            history->deleteLater();
            if (!self)
                return;
            if (!plan.ok()) {
                self->m_rollbackStatus->setText(
                    tr("Cannot roll back: %1").arg(plan.error().message));
                setTone(self->m_rollbackStatus, Tone::Error);
                self->m_rollback->setEnabled(true);
                Q_EMIT self->rolledBack(false);
                return;
            }
            delete self->m_rollbackRunner;
            self->m_rollbackRunner =
                new config::ChangeSetRunner(self->m_wizard->ssh(), control, self);
            connect(self->m_rollbackRunner, &config::ChangeSetRunner::stepStarted, self,
                    [self](int, const config::PlanStep &step) {
                        self->m_rollbackStatus->setText(
                            tr("Rolling back: %1").arg(step.description));
                    });
            self->m_rollbackRunner->apply(plan.value())
                .then(self, [self](Result<config::ChangeSet> r) {
                    if (!self)
                        return;
                    const bool ok =
                        r.ok() && r.value().state() == config::ChangeSet::State::Applied;
                    if (ok) {
                        self->m_rollbackStatus->setText(
                            tr("Rolled back: the files are as they were before."));
                        setTone(self->m_rollbackStatus, Tone::Success);
                        self->m_wizard->setApplied(std::nullopt);
                        self->m_rollback->hide();
                        self->m_diagnoseAgain->show();
                    } else {
                        self->m_rollbackStatus->setText(
                            tr("The rollback failed: %1")
                                .arg(r.ok() ? r.value().note() : r.error().message));
                        setTone(self->m_rollbackStatus, Tone::Error);
                        self->m_rollback->setEnabled(true);
                    }
                    Q_EMIT self->m_wizard->historyChanged();
                    Q_EMIT self->rolledBack(ok);
                });
        });
}

QString ProvePage::rollbackStatus() const {
    return m_rollbackStatus->text();
}

bool ProvePage::isComplete() const {
    return !isRunning() && !isRollingBack();
}

} // namespace maildeck::ui
