#include "ui/compat/ChangeHistoryModel.h"

#include "ui/common/ThemeColors.h"

#include <QApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace maildeck::ui {

ChangeHistoryModel::ChangeHistoryModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ChangeHistoryModel::setEntries(QList<config::HistoryEntry> entries) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const config::HistoryEntry &a, const config::HistoryEntry &b) {
                         return a.createdUtc > b.createdUtc;
                     });
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

const config::HistoryEntry *ChangeHistoryModel::entry(int row) const {
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

QString ChangeHistoryModel::stateText(config::ChangeSet::State state) {
    switch (state) {
    case config::ChangeSet::State::Planned:
        return tr("Planned");
    case config::ChangeSet::State::Applied:
        return tr("Applied");
    case config::ChangeSet::State::Failed:
        return tr("Failed (rolled back)");
    case config::ChangeSet::State::RolledBack:
        return tr("Reverted");
    }
    return {};
}

int ChangeHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ChangeHistoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangeHistoryModel::data(const QModelIndex &index, int role) const {
    const config::HistoryEntry *set = entry(index.row());
    if (!set)
        return {};
    const QStringList &files = set->paths;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(set->createdUtc.toLocalTime(), QLocale::ShortFormat);
        case TitleColumn:
            return set->title;
        case StateColumn:
            return set->revertedBy.isEmpty() ? stateText(set->state) : tr("Applied, then reverted");
        case FilesColumn:
            return files.join(QLatin1String(", "));
        }
    } else if (role == Qt::ToolTipRole) {
        if (index.column() == FilesColumn)
            return files.join(QLatin1Char('\n'));
        if (index.column() == StateColumn && !set->revertedBy.isEmpty())
            return tr("Reverted by change set %1").arg(set->revertedBy);
        if (index.column() == StateColumn && !set->author.isEmpty())
            return tr("By %1").arg(set->author);
    } else if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        const QPalette palette = QApplication::palette();
        switch (set->revertedBy.isEmpty() ? set->state : config::ChangeSet::State::RolledBack) {
        case config::ChangeSet::State::Applied:
            return toneText(Tone::Success, palette, QPalette::Base);
        case config::ChangeSet::State::Failed:
            return toneText(Tone::Error, palette, QPalette::Base);
        default:
            return toneText(Tone::Neutral, palette, QPalette::Base);
        }
    }
    return {};
}

QVariant ChangeHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TitleColumn:
        return tr("Change");
    case StateColumn:
        return tr("State");
    case FilesColumn:
        return tr("Files");
    }
    return {};
}

} // namespace maildeck::ui
