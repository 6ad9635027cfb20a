#pragma once

#include "core/delegation/AuditLog.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace maildeck {
class DbWorker;
}

namespace maildeck::ui {

class MessageBanner;

// Tools > Audit Log (global admin): the delegation audit log (maildeck_delegation.audit_log),
// newest first, filtered by admin, domain, action prefix and time range; "Older" loads the next
// page (AuditFilter::beforeId); the detail pane shows before/after field by field; Copy Row puts
// the selected row on the clipboard.
class AuditLogDialog : public QDialog {
    Q_OBJECT
public:
    explicit AuditLogDialog(DbWorker *db, QWidget *parent = nullptr);

    enum Column {
        TimeColumn,
        AdminColumn,
        DomainColumn,
        ActionColumn,
        ObjectColumn,
        AccountColumn,
        ColumnCount
    };
    static constexpr int PageSize = 200;

    // The filter the fields describe (limit PageSize, no beforeId).
    delegation::AuditFilter filter() const;
    void setFilter(const delegation::AuditFilter &filter);
    // Loads from the newest row matching the filter.
    void search();
    // Appends the next page (rows older than the last shown).
    void loadOlder();
    const QList<delegation::AuditEntry> &entries() const { return m_entries; }
    QTreeWidget *table() const { return m_table; }
    QString detailText() const;
    void copyCurrentRow();
    MessageBanner *banner() const { return m_banner; }

    // Before/after as readable lines, one per field: "name: old → new", "+ name: value" (added),
    // "− name: value" (removed), and the unchanged fields after them.
    static QString describeChange(const delegation::AuditEntry &entry);
    // One row as text (tab-separated header fields, then the before/after JSON).
    static QString rowText(const delegation::AuditEntry &entry);

Q_SIGNALS:
    void loaded(int rows);

private:
    void load(qint64 beforeId);
    void showCurrent();

    QPointer<DbWorker> m_db;
    QList<delegation::AuditEntry> m_entries;
    bool m_more = false;
    bool m_busy = false;

    MessageBanner *m_banner = nullptr;
    QLineEdit *m_admin = nullptr;
    QLineEdit *m_domain = nullptr;
    QComboBox *m_action = nullptr;
    QCheckBox *m_useFrom = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QCheckBox *m_useTo = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QPushButton *m_search = nullptr;
    QTreeWidget *m_table = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QPushButton *m_older = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace maildeck::ui
