#pragma once

#include "core/db/VmailTypes.h"

#include <QAbstractTableModel>

namespace maildeck::ui {

// The server's domains with their counts, for the list on the left of the main window.
class DomainListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        DomainColumn,
        MailboxesColumn,
        AliasesColumn,
        ListsColumn,
        QuotaColumn,
        ColumnCount
    };
    enum Role { StorageNameRole = Qt::UserRole + 1, SortRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setDomains(QList<db::DomainSummary> domains);
    const db::DomainSummary *domainAt(int row) const;
    int rowOf(const QString &storageName) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<db::DomainSummary> m_domains;
};

// "1.5 GiB" style sizes, shared by the domain and mailbox lists.
QString formatMegabytes(qint64 megabytes);
QString formatBytes(qint64 bytes);

} // namespace maildeck::ui
