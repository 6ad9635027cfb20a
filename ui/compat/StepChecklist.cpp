#include "ui/compat/StepChecklist.h"

#include "ui/common/ThemeColors.h"

#include <QCoreApplication>
#include <QHeaderView>

namespace maildeck::ui {

QString stepKindText(config::PlanStep::Kind kind) {
    using K = config::PlanStep::Kind;
    switch (kind) {
    case K::VerifyUnchanged:
        return QCoreApplication::translate("maildeck::ui::StepChecklist", "Check unchanged");
    case K::Backup:
        return QCoreApplication::translate("maildeck::ui::StepChecklist", "Back up");
    case K::Stage:
        return QCoreApplication::translate("maildeck::ui::StepChecklist", "Stage");
    case K::WriteTemp:
        return QCoreApplication::translate("maildeck::ui::StepChecklist", "Write");
    case K::Validate:
        return QCoreApplication::translate("maildeck::ui::StepChecklist", "Validate");
    case K::Install:
        return QCoreApplication::translate("maildeck::ui::StepChecklist", "Install");
    case K::Reload:
        return QCoreApplication::translate("maildeck::ui::StepChecklist", "Reload");
    case K::PostCheck:
        return QCoreApplication::translate("maildeck::ui::StepChecklist", "Check");
    }
    return {};
}

StepChecklist::StepChecklist(QWidget *parent)
    : QTreeWidget(parent) {
    setObjectName(QStringLiteral("StepChecklist"));
    setColumnCount(3);
    setHeaderLabels({tr("State"), tr("Step"), tr("What")});
    setRootIsDecorated(false);
    setUniformRowHeights(false);
    setWordWrap(true);
    header()->setStretchLastSection(true);
    setColumnWidth(0, fontMetrics().horizontalAdvance(tr("Running…")) + 30);
    setColumnWidth(1, fontMetrics().horizontalAdvance(QStringLiteral("Check unchanged")) + 30);
}

void StepChecklist::setSteps(const QList<config::PlanStep> &steps, int applyCount) {
    clear();
    m_steps = steps;
    m_applyCount = std::min(applyCount, int(steps.size()));
    m_states = QList<StepState>(steps.size(), StepState::Pending);
    m_items = QList<QTreeWidgetItem *>(steps.size(), nullptr);
    m_rollbackHeader = nullptr;
    for (int i = 0; i < m_applyCount; ++i)
        itemFor(i);
}

QTreeWidgetItem *StepChecklist::itemFor(int index) {
    if (index < 0 || index >= m_steps.size())
        return nullptr;
    if (!m_items[index]) {
        if (index >= m_applyCount && !m_rollbackHeader) {
            m_rollbackHeader = new QTreeWidgetItem(
                this, {QString(), tr("Rollback"), tr("Putting the old files back")});
            QFont bold = m_rollbackHeader->font(1);
            bold.setBold(true);
            m_rollbackHeader->setFont(1, bold);
            m_rollbackHeader->setFirstColumnSpanned(false);
        }
        const config::PlanStep &step = m_steps[index];
        QString what = step.description;
        if (what.isEmpty() && step.command)
            what = step.command->purpose;
        if (!step.path.isEmpty() && !what.contains(step.path))
            what += QStringLiteral(" (%1)").arg(step.path);
        auto *item = new QTreeWidgetItem(this, {QString(), stepKindText(step.kind), what});
        item->setToolTip(2, step.command ? step.command->shellLine() : step.path);
        m_items[index] = item;
        paintState(index);
    }
    return m_items[index];
}

void StepChecklist::paintState(int index) {
    QTreeWidgetItem *item = m_items.value(index);
    if (!item)
        return;
    QString text;
    Tone tone = Tone::Neutral;
    switch (m_states[index]) {
    case StepState::Pending:
        text = tr("Waiting");
        break;
    case StepState::Running:
        text = tr("Running…");
        tone = Tone::Info;
        break;
    case StepState::Done:
        text = QStringLiteral("✓ ") + tr("Done");
        tone = Tone::Success;
        break;
    case StepState::Failed:
        text = QStringLiteral("✗ ") + tr("Failed");
        tone = Tone::Error;
        break;
    }
    item->setText(0, text);
    item->setForeground(0, toneText(tone, palette(), QPalette::Base));
}

void StepChecklist::markStarted(int index) {
    if (!itemFor(index))
        return;
    m_states[index] = StepState::Running;
    paintState(index);
    scrollToItem(m_items[index]);
}

void StepChecklist::markFinished(int index, bool ok, const QString &output) {
    QTreeWidgetItem *item = itemFor(index);
    if (!item)
        return;
    m_states[index] = ok ? StepState::Done : StepState::Failed;
    paintState(index);
    if (!ok && !output.trimmed().isEmpty()) {
        auto *out = new QTreeWidgetItem(item, {QString(), QString(), output.trimmed()});
        out->setForeground(2, toneText(Tone::Error, palette(), QPalette::Base));
        out->setFont(2, QFont(QStringLiteral("monospace")));
        setRootIsDecorated(true);
        item->setExpanded(true);
    }
}

void StepChecklist::markRemainingSkipped() {
    for (int i = 0; i < m_applyCount; ++i) {
        if (m_states[i] == StepState::Pending && m_items[i]) {
            m_items[i]->setText(0, tr("Not run"));
            m_items[i]->setForeground(0, toneText(Tone::Neutral, palette(), QPalette::Base));
        }
    }
}

StepChecklist::StepState StepChecklist::state(int index) const {
    return m_states.value(index, StepState::Pending);
}

} // namespace maildeck::ui
