#include "ui/compat/CompatWizard.h"

#include "core/config/ChangeSetRunner.h"
#include "ui/compat/CompatWizardPages.h"

#include <QCloseEvent>
#include <QLocale>
#include <QMessageBox>

namespace maildeck::ui {

CompatWizard::CompatWizard(const ServerProfile &server, SshSession *ssh, QWidget *parent)
    : QWizard(parent)
    , m_server(server)
    , m_ssh(ssh) {
    setObjectName(QStringLiteral("CompatWizard"));
    setWindowTitle(tr("Client Compatibility Wizard — %1").arg(server.name));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setOption(QWizard::HaveHelpButton, false);
    setModal(false);
    resize(900, 680);
    m_clientPage = new ClientPage(this);
    m_diagnosisPage = new DiagnosisPage(this);
    m_optionsPage = new OptionsPage(this);
    m_reviewPage = new ReviewPage(this);
    m_applyPage = new ApplyPage(this);
    m_provePage = new ProvePage(this);
    setPage(ClientPageId, m_clientPage);
    setPage(DiagnosisPageId, m_diagnosisPage);
    setPage(OptionsPageId, m_optionsPage);
    setPage(ReviewPageId, m_reviewPage);
    setPage(ApplyPageId, m_applyPage);
    setPage(ProvePageId, m_provePage);
    setButtonText(QWizard::FinishButton, tr("Close"));
    // The review commits: once applied there is no way back through the pages; the change is
    // undone with "Roll back this change" on the last page (or the history).
    setButtonText(QWizard::CommitButton, tr("&Apply"));
    setStartId(ClientPageId);
}

CompatWizard::~CompatWizard() = default;

bool CompatWizard::startFromEvent(const EventPrefill &event, const QString &catalogAction) {
    const QString key = profileIdForEvent(event.reason, catalogAction);
    if (key.isEmpty() || !compat::ClientProfile::byKey(key))
        return false;
    if (currentId() != ClientPageId && !isBusy())
        restart();
    m_event = event;
    m_clientPage->selectProfile(key);
    compat::ClientParams p = compat::ClientProfile::byKey(key)->exampleParams();
    if (const auto found = compat::profileFromEvent(event.toCompatEvent());
        found && found->first.key == key) {
        p = found->second;
    } else {
        const auto take = [](QString &field, const QString &value) {
            if (!value.isEmpty())
                field = value;
        };
        take(p.clientIp, event.clientIp);
        take(p.heloName, event.helo);
        take(p.user, event.user);
        take(p.sender, event.sender);
        take(p.recipient, event.recipient);
    }
    p.password.clear();
    m_clientPage->prefill(p);
    QString text = tr("Started from the event of %1 from %2.")
                       .arg(event.time.isValid()
                                ? QLocale().toString(event.time.toLocalTime(), QLocale::ShortFormat)
                                : tr("unknown time"),
                            event.clientIp.isEmpty() ? tr("an unknown client") : event.clientIp);
    if (!event.rawLine.isEmpty())
        text += QLatin1Char('\n') + event.rawLine;
    m_clientPage->showEvent(text);
    return true;
}

bool CompatWizard::selectProfile(const QString &key) {
    return m_clientPage->selectProfile(key);
}

void CompatWizard::useSnapshot(const config::ServerConfigSnapshot &snapshot,
                               const QStringList &logLines) {
    m_presetSnapshot = true;
    setSnapshot(snapshot, logLines);
}

void CompatWizard::setSnapshot(const config::ServerConfigSnapshot &snapshot,
                               const QStringList &logLines) {
    m_snapshot = snapshot;
    m_logLines = logLines;
}

std::optional<compat::ClientProfile> CompatWizard::clientProfile() const {
    return compat::ClientProfile::byKey(m_clientPage->profileKey());
}

compat::ClientParams CompatWizard::params() const {
    return m_clientPage->params();
}

void CompatWizard::setDiagnosis(const std::optional<compat::Diagnosis> &diagnosis) {
    m_diagnosis = diagnosis;
    m_chosen = -1;
    m_planned.reset();
}

void CompatWizard::setChosenOption(int index) {
    m_chosen = index;
}

const compat::FixOption *CompatWizard::chosenOption() const {
    if (!m_diagnosis || m_chosen < 0 || m_chosen >= m_diagnosis->options.size())
        return nullptr;
    return &m_diagnosis->options[m_chosen];
}

QList<compat::ProbeSpec> CompatWizard::proofProbes() const {
    QList<compat::ProbeSpec> specs;
    if (const compat::FixOption *option = chosenOption(); option && !option->probes.isEmpty())
        specs = option->probes;
    else if (m_diagnosis)
        specs = m_diagnosis->probes;
    const compat::ClientParams p = params();
    for (compat::ProbeSpec &s : specs) {
        if (s.host.isEmpty())
            s.host = m_server.host;
        if (!s.user.isEmpty() && s.password.isEmpty())
            s.password = p.password;
    }
    return specs;
}

void CompatWizard::diagnoseAgain() {
    if (isBusy())
        return;
    m_planned.reset();
    m_applied.reset();
    restart(); // the Review page is a commit page: Back cannot cross it
    next();
}

bool CompatWizard::isBusy() const {
    return m_applyPage->isRunning() || m_provePage->isRollingBack();
}

bool CompatWizard::confirmLeaveWhileBusy() {
    if (!isBusy())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Change in progress"),
        tr("MailDeck is changing the server's configuration right now. Stop it? Before the new "
           "files are installed nothing changes; after that the old files are put back."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes && m_applyPage->isRunning())
        m_applyPage->cancelApply();
    // The window stays open until the runner has finished (it shows the outcome).
    return false;
}

void CompatWizard::reject() {
    if (!confirmLeaveWhileBusy())
        return;
    QWizard::reject();
}

void CompatWizard::closeEvent(QCloseEvent *event) {
    if (!confirmLeaveWhileBusy()) {
        event->ignore();
        return;
    }
    QWizard::closeEvent(event);
}

} // namespace maildeck::ui
