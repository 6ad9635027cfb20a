#pragma once

// The pages of CompatWizard (one class per page; tests reach them through the wizard).

#include "core/compat/Diagnosis.h"
#include "core/compat/Probe.h"
#include "core/config/ChangeSet.h"

#include <QPointer>
#include <QWizardPage>

class QButtonGroup;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;
class QVBoxLayout;

namespace maildeck::config {
class ChangeSetRunner;
class ServerConfigReader;
} // namespace maildeck::config
namespace maildeck::logs {
class LogTail;
}

namespace maildeck::ui {

class CompatWizard;
class DiffView;
class StepChecklist;

// 1. The client: a profile (or an event's) and its parameters, validated.
class ClientPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ClientPage(CompatWizard *wizard);

    bool selectProfile(const QString &key);
    QString profileKey() const;
    void prefill(const compat::ClientParams &params);
    void showEvent(const QString &text); // the event the wizard started from ("" hides it)
    compat::ClientParams params() const;

    // The first problem with the parameters ("" when they are fine).
    QString validationError() const;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void onProfileChanged();
    void updateFields();

    CompatWizard *m_wizard;
    QListWidget *m_profiles = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_eventLabel = nullptr;
    QLineEdit *m_clientIp = nullptr;
    QLineEdit *m_helo = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_sender = nullptr;
    QLineEdit *m_recipient = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_error = nullptr;
};

// 2. What blocks the client: reads the server's configuration (progress, Cancel, Retry) and
// shows the diagnosis.
class DiagnosisPage : public QWizardPage {
    Q_OBJECT
public:
    explicit DiagnosisPage(CompatWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    int nextId() const override;

    bool isReading() const;
    QString reportHtml() const;
    QString errorText() const;

Q_SIGNALS:
    void diagnosed(); // the report is on screen (or an error)

private:
    void startReading();
    void readLogLines();
    void runDiagnosis();
    void showError(const QString &text);
    void cancelReading();

    CompatWizard *m_wizard;
    QPointer<config::ServerConfigReader> m_reader;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QTextBrowser *m_report = nullptr;
    QString m_error;
    bool m_done = false;
    quint64 m_generation = 0;
};

// 3. The fix options, narrowest first, each with its security cost.
class OptionsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit OptionsPage(CompatWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    int optionCount() const;
    int selectedOption() const; // index into the diagnosis' options, -1 none
    void selectOption(int index);
    // The options as shown, top to bottom (ids).
    QStringList shownOptionIds() const;

private:
    CompatWizard *m_wizard;
    QVBoxLayout *m_list = nullptr;
    QButtonGroup *m_group = nullptr;
    QLabel *m_intro = nullptr;
    QWidget *m_listWidget = nullptr;
};

// 4. The change set: the diff, the files and the commands that will run.
class ReviewPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ReviewPage(CompatWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    DiffView *diffView() const { return m_diff; }
    QString commandsText() const;

private:
    CompatWizard *m_wizard;
    QLabel *m_title = nullptr;
    QLabel *m_files = nullptr;
    DiffView *m_diff = nullptr;
    QPlainTextEdit *m_commands = nullptr;
    QLabel *m_error = nullptr;
};

// 5. Applying: the runner's steps with live state; Cancel before install; rollback shown.
class ApplyPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ApplyPage(CompatWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool isRunning() const;
    void cancelApply();
    StepChecklist *checklist() const { return m_checklist; }
    QString statusText() const;

Q_SIGNALS:
    void applyFinished(bool applied);

private:
    void finish(const config::ChangeSet &result);
    void failWith(const QString &text);

    CompatWizard *m_wizard;
    QPointer<config::ChangeSetRunner> m_runner;
    StepChecklist *m_checklist = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_again = nullptr; // "Diagnose Again" once nothing was applied
    bool m_applied = false;
    bool m_running = false;
    bool m_installed = false;
};

// 6. Proof: the probes step by step and the live log's lines about the client; roll back.
class ProvePage : public QWizardPage {
    Q_OBJECT
public:
    explicit ProvePage(CompatWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    void runProbes();
    void rollBack();
    bool isRunning() const { return m_probeIndex >= 0; }
    bool isRollingBack() const;
    // After the last run: every probe passed.
    bool allPassed() const { return m_allPassed; }
    int probesRun() const { return m_results; }
    QStringList logLinesShown() const;
    QString rollbackStatus() const;

Q_SIGNALS:
    void probesFinished(bool allPassed);
    void rolledBack(bool ok);

private:
    void startLog();
    void stopLog();
    void nextProbe();
    void onLogLines(const QByteArray &lines);

    CompatWizard *m_wizard;
    QList<compat::ProbeSpec> m_specs;
    int m_probeIndex = -1;
    int m_results = 0;
    bool m_allPassed = false;
    bool m_anyFailed = false;
    compat::Probe *m_probe = nullptr;
    QTreeWidgetItem *m_current = nullptr;
    QList<QPointer<logs::LogTail>> m_tails;
    QPointer<config::ChangeSetRunner> m_rollbackRunner;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_steps = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QPushButton *m_again = nullptr;
    QPushButton *m_rollback = nullptr;
    QPushButton *m_diagnoseAgain = nullptr; // once rolled back: try another option
    QLabel *m_rollbackStatus = nullptr;
    QString m_clientIp;
};

} // namespace maildeck::ui
