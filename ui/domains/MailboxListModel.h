#pragma once

#include "core/common/Result.h"
#include "core/db/VmailTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <array>

namespace maildeck {
class DbWorker;
}

namespace maildeck::ui {

// The mailboxes of one domain.
//
// load() reads them in chunks through a DbWorker (MailboxRepository::listPage(), username
// order): the first chunk is small so that the first screenful shows at once, the rest follows
// chunk after chunk, each appended with beginInsertRows() (no reset: selection and scroll stay).
// Loading the domain already shown (a refresh) updates rows in place, appends new ones and
// removes the vanished ones at the end. load() of another domain, cancelLoad(), setMailboxes()
// and destruction drop every chunk still on its way.
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
    int rowOf(const QString &username) const;

    // Loading in chunks (see above). `firstChunk` rows first, then growing chunks of at most
    // `chunk` rows.
    void load(DbWorker *db, const QString &domain);
    void cancelLoad();
    bool isLoading() const { return m_loading; }
    QString domain() const { return m_domain; }
    void setChunkSizes(int firstChunk, int chunk);
    // A first screenful, then chunks growing (x2, from 1 000) up to DefaultChunk: seven round
    // trips for a domain of 20 000 (bench/data).
    static constexpr int DefaultFirstChunk = 300;
    static constexpr int DefaultChunk = 5000;
    // Appends or updates the rows of one chunk (what load() does with each chunk).
    void mergeChunk(QList<db::MailboxRow> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    // After each chunk: rows of this load so far, and the domain's count (-1 while unknown).
    void loadProgress(int loaded, int total);
    // The load ended: every row is there (complete), or it was cancelled (not complete).
    void loadFinished(bool complete);
    void loadFailed(const maildeck::Error &error);

private:
    using RowTexts = std::array<QString, ColumnCount>;
    static RowTexts displayTexts(const db::MailboxRow &m);
    void requestChunk(const QString &after, int limit, bool countTotal);
    void finishLoad(bool complete);
    void rebuildIndex();

    QList<db::MailboxRow> m_rows;
    QList<RowTexts> m_display;   // DisplayRole of each column, per row
    QHash<QString, int> m_index; // username -> row

    QPointer<DbWorker> m_db;
    QString m_domain;
    quint64 m_generation = 0; // drops chunks of an abandoned load
    bool m_loading = false;
    bool m_refresh = false; // the load replaces rows that were there before it
    QList<bool> m_seen;     // during a refresh: which rows the load has delivered
    int m_loaded = 0;
    int m_total = -1;
    int m_firstChunk = DefaultFirstChunk;
    int m_chunk = DefaultChunk;
};

} // namespace maildeck::ui
