#pragma once

#include "core/db/VmailTypes.h"

#include <QAbstractTableModel>

#include <array>

namespace maildeck::ui {

// The mailboxes of one domain.
class MailboxListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        AddressColumn,
        NameColumn,
        QuotaColumn,
        PasswordColumn,
        ForwardingColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setMailboxes(QList<db::MailboxRow> mailboxes);
    const db::MailboxRow *mailboxAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    using RowTexts = std::array<QString, ColumnCount>;
    static RowTexts displayTexts(const db::MailboxRow &m);

    QList<db::MailboxRow> m_rows;
    QList<RowTexts> m_display; // DisplayRole of each column, per row
};

} // namespace maildeck::ui
