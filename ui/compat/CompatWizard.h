#pragma once

#include "core/compat/ClientProfile.h"
#include "core/compat/Diagnosis.h"
#include "core/config/ChangeSet.h"
#include "core/config/ServerConfigReader.h"
#include "core/profiles/ServerProfile.h"
#include "core/ssh/SshSession.h"
#include "ui/compat/EventPrefill.h"

#include <QPointer>
#include <QWizard>

#include <optional>

namespace maildeck {
class SshSession;
}
namespace maildeck::config {
class ChangeSetRunner;
}

namespace maildeck::ui {

class ClientPage;
class DiagnosisPage;
class OptionsPage;
class ReviewPage;
class ApplyPage;
class ProvePage;

// The client-compatibility wizard for one server connection (non-modal): pick the client (or
// start from a reject-log event), see what blocks it on the server (setting, value, every
// file:line, the proving log lines), choose a fix from narrowest to broadest (or "tell the user
// to change the client"), review the diff, apply it as a change set (backup, validate, reload,
// automatic rollback) and prove it with real protocol probes and the live log.
//
// Everything talking to the server is asynchronous. The client's password is only kept in memory
// for the probes; it is never stored.
class CompatWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId {
        ClientPageId,
        DiagnosisPageId,
        OptionsPageId,
        ReviewPageId,
        ApplyPageId,
        ProvePageId
    };

    // ssh may be null (then a snapshot must be given with useSnapshot(), and nothing is applied).
    CompatWizard(const ServerProfile &server, SshSession *ssh, QWidget *parent = nullptr);
    ~CompatWizard() override;

    // Starts from a reject/login-failure event: picks the profile for its class and fills the
    // client's parameters. Returns false when the wizard does not handle the event's class.
    bool startFromEvent(const EventPrefill &event, const QString &catalogAction = {});
    // Selects a client profile by key ("wlm2012", …) on the first page.
    bool selectProfile(const QString &key);

    // Diagnose against this configuration (and these log lines) instead of reading the server's
    // (fixtures, or a snapshot the caller already holds).
    void useSnapshot(const config::ServerConfigSnapshot &snapshot,
                     const QStringList &logLines = {});

    const ServerProfile &server() const { return m_server; }
    SshSession *ssh() const { return m_ssh; }
    std::optional<compat::ClientProfile> clientProfile() const;
    compat::ClientParams params() const; // with the password (memory only)
    const std::optional<EventPrefill> &event() const { return m_event; }

    // Set by the pages as the wizard goes on.
    const std::optional<config::ServerConfigSnapshot> &snapshot() const { return m_snapshot; }
    const QStringList &logLines() const { return m_logLines; }
    const std::optional<compat::Diagnosis> &diagnosis() const { return m_diagnosis; }
    const compat::FixOption *chosenOption() const;
    const std::optional<config::ChangeSet> &plannedChangeSet() const { return m_planned; }
    const std::optional<config::ChangeSet> &appliedChangeSet() const { return m_applied; }
    bool hasPresetSnapshot() const { return m_presetSnapshot; }

    // A change is being applied or rolled back right now.
    bool isBusy() const;

    // After a fix that did not go in (refused, failed and rolled back, or rolled back after the
    // proof): back to the diagnosis, read afresh from the server, so another option can be
    // chosen. The client's details stay as they were entered.
    void diagnoseAgain();

    ClientPage *clientPage() const { return m_clientPage; }
    DiagnosisPage *diagnosisPage() const { return m_diagnosisPage; }
    OptionsPage *optionsPage() const { return m_optionsPage; }
    ReviewPage *reviewPage() const { return m_reviewPage; }
    ApplyPage *applyPage() const { return m_applyPage; }
    ProvePage *provePage() const { return m_provePage; }

    // Internal, for the pages.
    void setSnapshot(const config::ServerConfigSnapshot &snapshot, const QStringList &logLines);
    void setDiagnosis(const std::optional<compat::Diagnosis> &diagnosis);
    void setChosenOption(int index);
    void setPlanned(const std::optional<config::ChangeSet> &set) { m_planned = set; }
    void setApplied(const std::optional<config::ChangeSet> &set) { m_applied = set; }
    // The probes that prove the chosen option (or the diagnosis' probes), with the password.
    QList<compat::ProbeSpec> proofProbes() const;

Q_SIGNALS:
    // A change set was applied or reverted on the server (the history dialog reloads).
    void historyChanged();

public Q_SLOTS:
    void reject() override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    bool confirmLeaveWhileBusy();

    ServerProfile m_server;
    QPointer<SshSession> m_ssh;
    std::optional<EventPrefill> m_event;
    std::optional<config::ServerConfigSnapshot> m_snapshot;
    QStringList m_logLines;
    bool m_presetSnapshot = false;
    std::optional<compat::Diagnosis> m_diagnosis;
    int m_chosen = -1;
    std::optional<config::ChangeSet> m_planned;
    std::optional<config::ChangeSet> m_applied;

    ClientPage *m_clientPage = nullptr;
    DiagnosisPage *m_diagnosisPage = nullptr;
    OptionsPage *m_optionsPage = nullptr;
    ReviewPage *m_reviewPage = nullptr;
    ApplyPage *m_applyPage = nullptr;
    ProvePage *m_provePage = nullptr;
};

} // namespace maildeck::ui
