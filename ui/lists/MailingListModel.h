#pragma once

#include "core/db/VmailTypes.h"
#include "core/lists/ListSettings.h"

#include <QAbstractTableModel>

#include <optional>

namespace maildeck::ui {

// The mlmmj mailing lists of one domain: the SQL rows at once, the settings from each list's
// control files as they arrive (setSettings); until then the settings columns show "…".
class MailingListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        AddressColumn,
        NameColumn,
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
    };
    QList<Entry> m_rows;
};

} // namespace maildeck::ui
