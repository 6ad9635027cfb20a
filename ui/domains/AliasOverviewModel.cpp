#include "ui/domains/AliasOverviewModel.h"

#include "core/db/AliasRepository.h"
#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"

#include <QFont>

#include <algorithm>

namespace maildeck::ui {

namespace {
QString displayList(const QStringList &addresses) {
    QStringList shown;
    for (const QString &a : addresses)
        shown << db::EmailAddress::displayOf(a);
    return shown.join(QStringLiteral(", "));
}

// Group rows have internal id 0; a child row has its group's row + 1.
constexpr quintptr kGroupId = 0;
} // namespace

AliasOverviewModel::AliasOverviewModel(QObject *parent)
    : QAbstractItemModel(parent) {}

AliasOverviewModel::Entry AliasOverviewModel::accountEntry(const db::AliasAccount &a) const {
    QString note =
        a.accessPolicy.isEmpty() ? QString() : tr("who may send: %1").arg(a.accessPolicy);
    if (!a.active)
        note = tr("disabled");
    return {a.address, {db::EmailAddress::displayOf(a.address), displayList(a.members), note}};
}

QList<AliasOverviewModel::Entry>
AliasOverviewModel::routeEntries(Group group, const db::DomainAliases &aliases) const {
    QList<Entry> entries;
    switch (group) {
    case Accounts:
        for (const db::AliasAccount &a : aliases.accounts)
            entries.append(accountEntry(a));
        break;
    case Forwardings:
        for (const db::UserForwarding &f : aliases.forwardings)
            entries.append({f.address,
                            {db::EmailAddress::displayOf(f.address), displayList(f.destinations),
                             f.keepLocalCopy ? tr("keeps a copy in the mailbox")
                                             : tr("no copy kept in the mailbox")}});
        break;
    case UserAliases:
        for (const db::UserAliasAddress &u : aliases.userAliases)
            entries.append({u.alias,
                            {db::EmailAddress::displayOf(u.alias),
                             db::EmailAddress::displayOf(u.target), QString()}});
        break;
    case AliasDomains:
        for (const db::AliasDomain &d : aliases.aliasDomains)
            entries.append({d.aliasDomain,
                            {db::DomainName::displayOf(d.aliasDomain),
                             db::DomainName::displayOf(d.targetDomain),
                             tr("x@%1 goes to x@%2")
                                 .arg(db::DomainName::displayOf(d.aliasDomain),
                                      db::DomainName::displayOf(d.targetDomain))}});
        break;
    case CatchAllGroup:
        if (!aliases.catchAll.destinations.isEmpty())
            entries.append({m_domain,
                            {tr("any unknown address @%1").arg(db::DomainName::displayOf(m_domain)),
                             displayList(aliases.catchAll.destinations), QString()}});
        break;
    case GroupCount:
        break;
    }
    return entries;
}

void AliasOverviewModel::setAliases(const QString &domain, const db::DomainAliases &aliases) {
    reset(domain, aliases, true);
}

void AliasOverviewModel::reset(const QString &domain, const db::DomainAliases &aliases,
                               bool loaded) {
    if (m_loading)
        finishLoad(false);
    ++m_generation;
    beginResetModel();
    m_domain = domain;
    m_aliases = aliases;
    for (int g = 0; g < GroupCount; ++g) {
        m_groups[g] = routeEntries(Group(g), aliases);
        m_groupLoaded[g] = loaded;
    }
    rebuildAccountIndex();
    endResetModel();
}

void AliasOverviewModel::rebuildAccountIndex() {
    m_accountIndex.clear();
    m_accountIndex.reserve(m_groups[Accounts].size());
    for (int i = 0; i < m_groups[Accounts].size(); ++i)
        m_accountIndex.insert(m_groups[Accounts].at(i).key, i);
}

void AliasOverviewModel::setChunkSizes(int firstChunk, int chunk) {
    m_firstChunk = std::max(1, firstChunk);
    m_chunk = std::max(1, chunk);
}

void AliasOverviewModel::load(DbWorker *db, const QString &domain) {
    const bool sameDomain = domain == m_domain && m_groupLoaded[Accounts];
    if (sameDomain) {
        if (m_loading)
            finishLoad(false);
        ++m_generation;
    } else {
        reset(domain, {}, false); // cancels a running load
    }
    m_db = db;
    m_refresh = sameDomain;
    m_seen = QList<bool>(m_groups[Accounts].size(), false);
    m_loaded = 0;
    m_total = -1;
    m_loading = true;
    requestPage(QString(), m_firstChunk, true);
}

void AliasOverviewModel::cancelLoad() {
    if (!m_loading)
        return;
    ++m_generation;
    finishLoad(false);
}

void AliasOverviewModel::requestPage(const QString &after, int limit, bool countTotal) {
    if (!m_db)
        return finishLoad(false);
    const quint64 generation = m_generation;
    m_db->run([domain = m_domain, after, limit, countTotal](QSqlDatabase &db) {
            return db::AliasRepository::listAliasPage(db, domain, after, limit, countTotal);
        })
        .then(this, [this, generation, limit](Result<db::AliasPage> result) {
            if (generation != m_generation || !m_loading)
                return; // cancelled, or another domain meanwhile
            if (!result) {
                finishLoad(false);
                Q_EMIT loadFailed(result.error());
                return;
            }
            db::AliasPage page = std::move(result).value();
            if (page.total >= 0)
                m_total = page.total;
            m_loaded += int(page.accounts.size());
            // The next read first: the worker reads it while this thread shows this chunk. Then
            // growing chunks (fewer round trips), up to m_chunk.
            if (page.more)
                requestPage(page.last, std::min(m_chunk, std::max(2 * limit, 1000)), false);
            else
                requestRoutes();
            mergeAccounts(std::move(page.accounts));
            Q_EMIT loadProgress(m_loaded, std::max(m_total, m_loaded));
        });
}

void AliasOverviewModel::requestRoutes() {
    if (!m_db)
        return finishLoad(false);
    const quint64 generation = m_generation;
    m_db->run([domain = m_domain](QSqlDatabase &db) {
            return db::AliasRepository::listRoutes(db, domain);
        })
        .then(this, [this, generation](Result<db::DomainAliases> result) {
            if (generation != m_generation || !m_loading)
                return;
            if (!result) {
                finishLoad(false);
                Q_EMIT loadFailed(result.error());
                return;
            }
            applyRoutes(result.value());
            finishLoad(true);
        });
}

void AliasOverviewModel::mergeAccounts(QList<db::AliasAccount> accounts) {
    QList<db::AliasAccount> fresh;
    const QModelIndex group = index(Accounts, 0);
    for (db::AliasAccount &a : accounts) {
        const int at = m_accountIndex.value(a.address, -1);
        if (at < 0) {
            fresh.append(std::move(a));
            continue;
        }
        if (at < m_seen.size())
            m_seen[at] = true;
        Entry entry = accountEntry(a);
        m_aliases.accounts[at] = std::move(a);
        if (entry != m_groups[Accounts].at(at)) {
            m_groups[Accounts][at] = std::move(entry);
            Q_EMIT dataChanged(index(at, 0, group), index(at, 2, group));
        }
    }
    if (!fresh.isEmpty()) {
        const int first = int(m_groups[Accounts].size());
        beginInsertRows(group, first, first + int(fresh.size()) - 1);
        for (db::AliasAccount &a : fresh) {
            m_accountIndex.insert(a.address, int(m_groups[Accounts].size()));
            m_groups[Accounts].append(accountEntry(a));
            m_aliases.accounts.append(std::move(a));
        }
        endInsertRows();
    }
    groupTitleChanged(Accounts);
}

void AliasOverviewModel::applyRoutes(const db::DomainAliases &routes) {
    if (m_refresh) {
        // Accounts the refresh did not deliver are gone: remove them, block by block.
        const QModelIndex group = index(Accounts, 0);
        int end = int(m_seen.size());
        while (end > 0) {
            if (m_seen.at(end - 1)) {
                --end;
                continue;
            }
            int begin = end - 1;
            while (begin > 0 && !m_seen.at(begin - 1))
                --begin;
            beginRemoveRows(group, begin, end - 1);
            m_groups[Accounts].remove(begin, end - begin);
            m_aliases.accounts.remove(begin, end - begin);
            endRemoveRows();
            end = begin;
        }
        rebuildAccountIndex();
        m_seen.clear();
    }
    m_groupLoaded[Accounts] = true;
    groupTitleChanged(Accounts);
    m_aliases.forwardings = routes.forwardings;
    m_aliases.userAliases = routes.userAliases;
    m_aliases.aliasDomains = routes.aliasDomains;
    m_aliases.catchAll = routes.catchAll;
    for (Group g : {Forwardings, UserAliases, AliasDomains, CatchAllGroup})
        replaceGroup(g, routeEntries(g, routes));
}

void AliasOverviewModel::replaceGroup(Group group, QList<Entry> entries) {
    const QModelIndex parent = index(group, 0);
    QList<Entry> &rows = m_groups[group];
    if (rows != entries) {
        // Same rows first (updated in place), then whatever is more or less.
        const int common = int(std::min(rows.size(), entries.size()));
        for (int i = 0; i < common; ++i) {
            if (rows.at(i) != entries.at(i)) {
                rows[i] = entries.at(i);
                Q_EMIT dataChanged(index(i, 0, parent), index(i, 2, parent));
            }
        }
        if (rows.size() > entries.size()) {
            beginRemoveRows(parent, common, int(rows.size()) - 1);
            rows.resize(common);
            endRemoveRows();
        } else if (entries.size() > rows.size()) {
            beginInsertRows(parent, common, int(entries.size()) - 1);
            rows.append(entries.mid(common));
            endInsertRows();
        }
    }
    m_groupLoaded[group] = true;
    groupTitleChanged(group);
}

void AliasOverviewModel::groupTitleChanged(Group group) {
    const QModelIndex title = index(group, 0);
    Q_EMIT dataChanged(title, title, {Qt::DisplayRole});
}

void AliasOverviewModel::finishLoad(bool complete) {
    m_loading = false;
    m_refresh = false;
    m_seen.clear();
    Q_EMIT loadFinished(complete);
}

QModelIndex AliasOverviewModel::index(int row, int column, const QModelIndex &parent) const {
    if (column < 0 || column >= 3 || row < 0)
        return {};
    if (!parent.isValid())
        return row < GroupCount ? createIndex(row, column, kGroupId) : QModelIndex();
    if (parent.internalId() != kGroupId || parent.column() != 0 || parent.row() >= GroupCount)
        return {};
    if (row >= m_groups[parent.row()].size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex AliasOverviewModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupId);
}

int AliasOverviewModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return GroupCount;
    if (parent.internalId() != kGroupId || parent.column() != 0)
        return 0;
    return int(m_groups[parent.row()].size());
}

int AliasOverviewModel::columnCount(const QModelIndex &) const {
    return 3;
}

QVariant AliasOverviewModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    static const Kind kinds[GroupCount] = {AliasAccountKind, ForwardingKind, UserAliasKind,
                                           AliasDomainKind, CatchAllKind};
    if (index.internalId() == kGroupId) {
        const Group group = Group(index.row());
        switch (role) {
        case Qt::DisplayRole: {
            if (index.column() != 0)
                return {};
            QString title;
            switch (group) {
            case Accounts:
                title = tr("Alias accounts");
                break;
            case Forwardings:
                title = tr("Forwardings");
                break;
            case UserAliases:
                title = tr("Alias addresses of users");
                break;
            case AliasDomains:
                title = tr("Alias domains");
                break;
            case CatchAllGroup:
            case GroupCount:
                title = tr("Catch-all");
                break;
            }
            if (!m_groupLoaded[group])
                return m_groups[group].isEmpty()
                           ? tr("%1 (loading…)").arg(title)
                           : tr("%1 (%2, loading…)").arg(title).arg(m_groups[group].size());
            return tr("%1 (%2)").arg(title).arg(m_groups[group].size());
        }
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case KindRole:
            return index.column() == 0 ? QVariant(int(kinds[group])) : QVariant();
        case IsGroupRole:
            return index.column() == 0 ? QVariant(true) : QVariant();
        }
        return {};
    }
    const int group = int(index.internalId() - 1);
    const Entry &entry = m_groups[group].at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.texts.at(index.column());
    case KindRole:
        return index.column() == 0 ? QVariant(int(kinds[group])) : QVariant();
    case KeyRole:
        return index.column() == 0 ? QVariant(entry.key) : QVariant();
    case IsGroupRole:
        return index.column() == 0 ? QVariant(false) : QVariant();
    }
    return {};
}

QVariant AliasOverviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case 0:
        return tr("Address");
    case 1:
        return tr("Delivered to");
    case 2:
        return tr("Notes");
    }
    return {};
}

} // namespace maildeck::ui
