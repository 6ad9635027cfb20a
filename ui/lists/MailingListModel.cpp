#include "ui/lists/MailingListModel.h"

#include "core/db/EmailAddress.h"
#include "core/lists/MailingLists.h"
#include "ui/common/ThemeColors.h"

#include <QApplication>
#include <QColor>
#include <QPalette>

namespace maildeck::ui {

using lists::ListSettings;

void MailingListModel::setLists(QList<db::MailingListRow> lists) {
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    for (db::MailingListRow &row : lists)
        m_rows.append(Entry{std::move(row), std::nullopt, {}, std::nullopt, {}});
    endResetModel();
}

int MailingListModel::rowOf(const QString &address) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).row.address == address)
            return i;
    return -1;
}

void MailingListModel::setSettings(const QString &address, const ListSettings &settings) {
    const int row = rowOf(address);
    if (row < 0)
        return;
    m_rows[row].settings = settings;
    m_rows[row].problem.clear();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void MailingListModel::setProblem(const QString &address, const QString &problem) {
    const int row = rowOf(address);
    if (row < 0)
        return;
    m_rows[row].problem = problem;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void MailingListModel::countSubscribers(lists::MailingLists *lists, const QString &domain) {
    if (!lists || m_rows.isEmpty())
        return;
    const quint64 generation = m_generation;
    lists->subscriberCounts(domain).then(
        this, [this, generation](Result<QMap<QString, lists::MlmmjScripts::SubscriberCount>> r) {
            if (generation != m_generation)
                return;
            if (r.ok())
                setSubscriberCounts(r.value());
            else
                setSubscriberCountError(r.error().message);
        });
}

void MailingListModel::setSubscriberCounts(
    const QMap<QString, lists::MlmmjScripts::SubscriberCount> &counts) {
    for (Entry &e : m_rows) {
        const auto it = counts.constFind(e.row.address);
        if (it != counts.constEnd()) {
            e.subscribers = *it;
            e.countProblem.clear();
        } else {
            e.subscribers.reset();
            e.countProblem = tr("There is no list directory on the server for this list.");
        }
    }
    subscriberCountsChanged();
}

void MailingListModel::setSubscriberCountError(const QString &problem) {
    for (Entry &e : m_rows) {
        e.subscribers.reset();
        e.countProblem = tr("The subscribers could not be counted: %1").arg(problem);
    }
    subscriberCountsChanged();
}

void MailingListModel::subscriberCountsChanged() {
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, SubscribersColumn), index(rowCount() - 1, SubscribersColumn));
}

const db::MailingListRow *MailingListModel::listAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).row : nullptr;
}

int MailingListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MailingListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString MailingListModel::postingLabel(ListSettings::Posting posting) {
    switch (posting) {
    case ListSettings::Posting::Anyone:
        return tr("Anyone");
    case ListSettings::Posting::SubscribersOnly:
        return tr("Subscribers");
    case ListSettings::Posting::ModeratorsOnly:
        return tr("Moderators");
    }
    return {};
}

QVariant MailingListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_rows.at(index.row());
    const auto yesNo = [](bool b) {
        return b ? tr("Yes") : tr("No");
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AddressColumn:
            return db::EmailAddress::displayOf(e.row.address);
        case NameColumn:
            return e.row.name;
        case SubscribersColumn:
            if (e.subscribers)
                return QString::number(e.subscribers->total());
            return e.countProblem.isEmpty() ? QStringLiteral("…") : tr("?");
        case PostingColumn:
            if (e.settings)
                return postingLabel(e.settings->posting);
            // Until the control files are read: what the SQL row says.
            if (e.row.accessPolicy == QLatin1String("moderatorsonly"))
                return postingLabel(ListSettings::Posting::ModeratorsOnly);
            if (e.row.accessPolicy == QLatin1String("membersonly"))
                return postingLabel(ListSettings::Posting::SubscribersOnly);
            return postingLabel(ListSettings::Posting::Anyone);
        case ModeratedColumn:
            if (!e.problem.isEmpty())
                return tr("?");
            return e.settings ? yesNo(e.settings->moderated) : QStringLiteral("…");
        case ArchiveColumn:
            if (!e.problem.isEmpty())
                return tr("?");
            return e.settings ? yesNo(!e.settings->noArchive) : QStringLiteral("…");
        case ActiveColumn:
            return yesNo(e.row.active);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == SubscribersColumn) {
            if (e.subscribers)
                return tr("%1 normal, %2 digest, %3 no-mail subscribers")
                    .arg(e.subscribers->normal)
                    .arg(e.subscribers->digest)
                    .arg(e.subscribers->nomail);
            if (!e.countProblem.isEmpty())
                return e.countProblem;
            return tr("Counting the subscribers on the server…");
        }
        if (!e.problem.isEmpty())
            return e.problem;
        if (!e.row.description.isEmpty())
            return e.row.description;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SubscribersColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if ((index.column() == SubscribersColumn && !e.countProblem.isEmpty()) ||
            !e.problem.isEmpty())
            return toneText(Tone::Error, QApplication::palette(), QPalette::Base);
        if (!e.row.active)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case AddressRole:
        return e.row.address;
    case SortRole:
        if (index.column() == SubscribersColumn)
            return e.subscribers ? e.subscribers->total() : qint64(-1);
        return data(index, Qt::DisplayRole);
    }
    return {};
}

QVariant MailingListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AddressColumn:
        return tr("Address");
    case NameColumn:
        return tr("Name");
    case SubscribersColumn:
        return tr("Subscribers");
    case PostingColumn:
        return tr("Who may post");
    case ModeratedColumn:
        return tr("Moderated");
    case ArchiveColumn:
        return tr("Archive");
    case ActiveColumn:
        return tr("Active");
    }
    return {};
}

} // namespace maildeck::ui
