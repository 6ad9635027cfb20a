#pragma once

#include "core/logs/EventStore.h"

#include <QAbstractTableModel>
#include <QString>

#include <memory>

namespace maildeck::logs {
class RejectCatalog;
}

namespace maildeck::ui {

// The reject-log table: the store's events that pass the filter, oldest first. It grows as the
// live log brings rows (refresh()); while paused, matching rows are counted but not shown, so
// the rows under the admin's eyes do not move.
class RejectEventModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ClassColumn,
        CodeColumn,
        ClientColumn,
        SenderColumn,
        RecipientColumn,
        DetailColumn, // HELO name, login name or the object rejected
        ProgramColumn,
        ColumnCount
    };
    static constexpr int StoreRowRole = Qt::UserRole + 1;

    RejectEventModel(const logs::EventStore *store, const logs::RejectCatalog *catalog,
                     QString language, QObject *parent = nullptr);

    // A new store (files loaded) or the same one; the filter is applied from scratch.
    void setStore(const logs::EventStore *store);
    void setFilter(const logs::EventFilter &filter);
    const logs::EventFilter &filter() const { return m_filter; }

    // Looks at rows appended to the store since the last call; returns how many match.
    std::size_t refresh();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Matching rows that arrived while paused.
    int pendingRows() const;

    const logs::EventStore *store() const { return m_store; }
    // Store rows of every matching event (also those held back while paused).
    const std::vector<std::uint32_t> &matchingRows() const;
    std::uint32_t storeRow(int row) const;
    QString className(logs::ReasonClass reason) const;
    QString timeText(std::uint32_t storeRow) const;
    QStringList csvHeader() const;
    QStringList csvFields(std::uint32_t storeRow) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    const logs::EventStore *m_store = nullptr;
    const logs::RejectCatalog *m_catalog = nullptr;
    QString m_language;
    logs::EventFilter m_filter;
    std::unique_ptr<logs::FilteredView> m_view;
    int m_shown = 0;
    bool m_paused = false;
};

} // namespace maildeck::ui
