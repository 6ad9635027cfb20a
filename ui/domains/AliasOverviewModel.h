#pragma once

#include "core/common/Result.h"
#include "core/db/VmailTypes.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

#include <array>

namespace maildeck {
class DbWorker;
}

namespace maildeck::ui {

// Read-only tree of what routes mail inside one domain: alias accounts with their members,
// per-user forwardings, per-user alias addresses, alias domains and the catch-all (five groups,
// always present, each with its rows as children).
//
// load() reads a domain through a DbWorker in chunks: the alias accounts page by page
// (AliasRepository::listAliasPage(), address order; the first page small so that the first
// screenful shows at once), each page appended with beginInsertRows() (no reset: selection and
// scroll stay), then the other groups (AliasRepository::listRoutes()). Loading the domain
// already shown (a refresh) updates rows in place and removes vanished ones at the end.
// load() of another domain, cancelLoad(), setAliases() drop every chunk still on its way.
class AliasOverviewModel : public QAbstractItemModel {
    Q_OBJECT
public:
    // What a row is; KindRole on the first column, on groups (their children's kind) as well.
    enum Kind {
        NoKind,
        AliasAccountKind,
        ForwardingKind,
        UserAliasKind,
        AliasDomainKind,
        CatchAllKind
    };
    enum Role {
        KindRole = Qt::UserRole + 1,
        KeyRole,     // storage form: the alias / mailbox address, the alias domain
        IsGroupRole, // true on the group rows
    };

    explicit AliasOverviewModel(QObject *parent = nullptr);
    void setAliases(const QString &domain, const db::DomainAliases &aliases);
    // What is loaded: every account so far, the other groups once they arrived.
    const db::DomainAliases &aliases() const { return m_aliases; }

    void load(DbWorker *db, const QString &domain);
    void cancelLoad();
    bool isLoading() const { return m_loading; }
    QString domain() const { return m_domain; }
    void setChunkSizes(int firstChunk, int chunk);
    // A first screenful, then chunks growing (x2, from 1 000) up to DefaultChunk: seven round
    // trips for a domain of 20 000 (bench/data).
    static constexpr int DefaultFirstChunk = 300;
    static constexpr int DefaultChunk = 5000;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    // After each chunk: alias accounts of this load so far and the domain's count of them.
    void loadProgress(int loaded, int total);
    void loadFinished(bool complete);
    void loadFailed(const maildeck::Error &error);

private:
    struct Entry {
        QString key;
        std::array<QString, 3> texts;
        bool operator==(const Entry &other) const = default;
    };
    enum Group { Accounts, Forwardings, UserAliases, AliasDomains, CatchAllGroup, GroupCount };

    void reset(const QString &domain, const db::DomainAliases &aliases, bool loaded);
    Entry accountEntry(const db::AliasAccount &a) const;
    QList<Entry> routeEntries(Group group, const db::DomainAliases &aliases) const;
    void replaceGroup(Group group, QList<Entry> entries);
    void mergeAccounts(QList<db::AliasAccount> accounts);
    void applyRoutes(const db::DomainAliases &routes);
    void requestPage(const QString &after, int limit, bool countTotal);
    void requestRoutes();
    void finishLoad(bool complete);
    void rebuildAccountIndex();
    void groupTitleChanged(Group group);

    std::array<QList<Entry>, GroupCount> m_groups;
    std::array<bool, GroupCount> m_groupLoaded{};
    QHash<QString, int> m_accountIndex; // address -> row in the accounts group
    db::DomainAliases m_aliases;

    QPointer<DbWorker> m_db;
    QString m_domain;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_refresh = false;
    QList<bool> m_seen; // during a refresh: accounts the load delivered
    int m_loaded = 0;
    int m_total = -1;
    int m_firstChunk = DefaultFirstChunk;
    int m_chunk = DefaultChunk;
};

} // namespace maildeck::ui
