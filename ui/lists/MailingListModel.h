#pragma once

#include "core/db/VmailTypes.h"
#include "core/lists/ListSettings.h"
#include "core/lists/MlmmjScripts.h"

#include <QAbstractTableModel>

#include <optional>

namespace maildeck::lists {
class MailingLists;
}

namespace maildeck::ui {

// The mlmmj mailing lists of one domain: the SQL rows at once, the settings from each list's
// control files as they arrive (setSettings); until then the settings columns show "…". The
// subscriber counts of all lists come in one remote command (countSubscribers) after the rows
// are shown: "…" until then, "?" with the error as tooltip when counting failed.
class MailingListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        AddressColumn,
        NameColumn,
        SubscribersColumn,
        PostingColumn,
        ModeratedColumn,
        ArchiveColumn,
        ActiveColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, AddressRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setLists(QList<db::MailingListRow> lists);
    // The settings read from the list's directory; `problem` (translated) when it could not be
    // read (e.g. the directory is missing: a list with rows only).
    void setSettings(const QString &address, const lists::ListSettings &settings);
    void setProblem(const QString &address, const QString &problem);
    // Asks `lists` for the counts of `domain` (one remote command) and shows them; a later
    // setLists() makes a pending answer stale.
    void countSubscribers(lists::MailingLists *lists, const QString &domain);
    // Lists missing from `counts` have no list directory.
    void setSubscriberCounts(const QMap<QString, lists::MlmmjScripts::SubscriberCount> &counts);
    void setSubscriberCountError(const QString &problem);
    const db::MailingListRow *listAt(int row) const;
    int rowOf(const QString &address) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString postingLabel(lists::ListSettings::Posting posting);

private:
    struct Entry {
        db::MailingListRow row;
        std::optional<lists::ListSettings> settings;
        QString problem;
        std::optional<lists::MlmmjScripts::SubscriberCount> subscribers;
        QString countProblem; // translated; set when the count is unknown for good
    };
    void subscriberCountsChanged();
    QList<Entry> m_rows;
    quint64 m_generation = 0;
};

} // namespace maildeck::ui
