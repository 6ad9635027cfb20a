#pragma once

#include "core/config/ChangeHistory.h"

#include <QAbstractTableModel>
#include <QList>

namespace maildeck::ui {

// The server's applied change sets, newest first: time (local), title, state, files.
class ChangeHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, TitleColumn, StateColumn, FilesColumn, ColumnCount };

    explicit ChangeHistoryModel(QObject *parent = nullptr);

    // Replaces the rows; they are shown newest first.
    void setEntries(QList<config::HistoryEntry> entries);
    const QList<config::HistoryEntry> &entries() const { return m_entries; }
    const config::HistoryEntry *entry(int row) const;

    static QString stateText(config::ChangeSet::State state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<config::HistoryEntry> m_entries;
};

} // namespace maildeck::ui
