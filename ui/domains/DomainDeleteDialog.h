#pragma once

#include "core/db/DomainRepository.h"
#include "ui/domains/EditorDialog.h"

#include <optional>

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace maildeck::ui {

// Delete Domain: loads the DeletionPlan (what goes, per table; which references in other
// domains stay), shows it, and enables "Delete" only once the domain's name has been typed.
class DomainDeleteDialog : public EditorDialog {
    Q_OBJECT
public:
    DomainDeleteDialog(DbWorker *db, const QString &domain, QWidget *parent = nullptr);

    // Loads the plan through the DbWorker (called by the constructor when there is one).
    void loadPlan();
    // Shows a plan (tests, or after loadPlan()).
    void setPlan(const db::DeletionPlan &plan);
    const std::optional<db::DeletionPlan> &plan() const { return m_plan; }
    QLineEdit *confirmationInput() const { return m_confirm; }
    QTreeWidget *planView() const { return m_planView; }

protected:
    bool isComplete() const override;
    bool validate() override;
    QFuture<Status> startWrite() override;

private:
    QString m_domain;
    std::optional<db::DeletionPlan> m_plan;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_planView = nullptr;
    QLineEdit *m_confirm = nullptr;
};

} // namespace maildeck::ui
