#pragma once

#include "core/common/Result.h"
#include "core/db/VmailTypes.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace maildeck {
class DbWorker;
}

namespace maildeck::ui {

// The server's domains with their counts, for the list on the left of the main window.
//
// On a server with thousands of domains the list comes in stages: setDomains(rows, false) with
// DomainRepository::listRows() (names first, counts shown as "…"), then loadCounts() reads the
// counts (index-only, fast) and the quota sums (a pass over every mailbox row) in the background
// and fills them in with dataChanged(). A later setDomains() drops what is still on its way.
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

    // `countsKnown`: the summaries carry their counts and quota sums (DomainRepository::list()).
    void setDomains(QList<db::DomainSummary> domains, bool countsKnown = true);
    // Reads the counts, then the quota sums, of the domains set (see above).
    void loadCounts(DbWorker *db);
    bool countsKnown() const { return m_countsKnown; }
    bool quotasKnown() const { return m_quotasKnown; }
    const db::DomainSummary *domainAt(int row) const;
    int rowOf(const QString &storageName) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void countsLoaded();
    void quotasLoaded();
    void countsFailed(const maildeck::Error &error);

private:
    QList<db::DomainSummary> m_domains;
    bool m_countsKnown = true;
    bool m_quotasKnown = true;
    quint64 m_generation = 0;
};

// "1.5 GiB" style sizes, shared by the domain and mailbox lists.
QString formatMegabytes(qint64 megabytes);
QString formatBytes(qint64 bytes);

} // namespace maildeck::ui
