#pragma once

#include "core/config/ChangeSet.h"
#include "core/profiles/ServerProfile.h"
#include "core/ssh/SshSession.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;
class QTableView;

namespace maildeck {
class SshSession;
}
namespace maildeck::config {
class ChangeHistory;
class ChangeSetRunner;
} // namespace maildeck::config

namespace maildeck::ui {

class ChangeHistoryModel;
class DiffView;
class StepChecklist;

// Tools > Configuration Changes: the change sets applied to this server's configuration (by the
// wizard, the command line or a revert), the diff of the selected one, and Revert (confirmation
// naming the files; the revert runs as a change set of its own, with its steps shown).
class ChangeHistoryDialog : public QDialog {
    Q_OBJECT
public:
    ChangeHistoryDialog(const ServerProfile &server, SshSession *ssh, QWidget *parent = nullptr);
    ~ChangeHistoryDialog() override;

    ChangeHistoryModel *model() const { return m_model; }
    DiffView *diffView() const { return m_diff; }
    QTableView *view() const { return m_view; }
    bool isReverting() const;
    QString statusText() const;

public Q_SLOTS:
    void reload();
    // Reverts the selected change set; asks first unless confirmed is true (tests).
    void revertSelected(bool confirmed = false);
    void reject() override;

Q_SIGNALS:
    void loaded();
    void reverted(bool ok);

private:
    void showSelected();
    void setStatus(const QString &text, bool error = false);
    void updateButtons();

    ServerProfile m_server;
    QPointer<SshSession> m_ssh;
    config::ChangeHistory *m_history = nullptr;
    QPointer<config::ChangeSetRunner> m_runner;
    ChangeHistoryModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    DiffView *m_diff = nullptr;
    StepChecklist *m_checklist = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_note = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_reload = nullptr;
    quint64 m_loadGeneration = 0;
};

} // namespace maildeck::ui
