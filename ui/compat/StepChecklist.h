#pragma once

#include "core/config/ChangeSet.h"

#include <QTreeWidget>

namespace maildeck::ui {

// A change set's steps as a checklist with live state (pending, running, done, failed, skipped),
// fed by ChangeSetRunner's signals; a failed step shows its output as a child row. Rollback
// steps are listed below a separator once the runner starts them.
class StepChecklist : public QTreeWidget {
    Q_OBJECT
public:
    enum class StepState { Pending, Running, Done, Failed };

    explicit StepChecklist(QWidget *parent = nullptr);

    // steps: ChangeSetRunner::journalSteps() order; the first applyCount are the apply steps.
    void setSteps(const QList<config::PlanStep> &steps, int applyCount);
    void markStarted(int index);
    void markFinished(int index, bool ok, const QString &output);
    // Every step not finished becomes "not run" (after a failure or cancel).
    void markRemainingSkipped();

    StepState state(int index) const;
    int stepCount() const { return int(m_states.size()); }

private:
    QTreeWidgetItem *itemFor(int index);
    void paintState(int index);

    QList<config::PlanStep> m_steps;
    QList<StepState> m_states;
    QList<QTreeWidgetItem *> m_items;
    int m_applyCount = 0;
    QTreeWidgetItem *m_rollbackHeader = nullptr;
};

// A translated name for a plan step kind ("Back up", "Validate", …).
QString stepKindText(config::PlanStep::Kind kind);

} // namespace maildeck::ui
