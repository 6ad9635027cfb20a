#include "ui/domains/AliasOverviewModel.h"

#include "core/db/EmailAddress.h"

namespace maildeck::ui {

namespace {
QList<QStandardItem *> row(AliasOverviewModel::Kind kind, const QString &key, const QString &what,
                           const QString &where, const QString &note = {}) {
    QList<QStandardItem *> items{new QStandardItem(what), new QStandardItem(where),
                                 new QStandardItem(note)};
    for (QStandardItem *item : items)
        item->setEditable(false);
    items.first()->setData(int(kind), AliasOverviewModel::KindRole);
    items.first()->setData(key, AliasOverviewModel::KeyRole);
    items.first()->setData(false, AliasOverviewModel::IsGroupRole);
    return items;
}

QString displayList(const QStringList &addresses) {
    QStringList shown;
    for (const QString &a : addresses)
        shown << db::EmailAddress::displayOf(a);
    return shown.join(QStringLiteral(", "));
}
} // namespace

AliasOverviewModel::AliasOverviewModel(QObject *parent)
    : QStandardItemModel(parent) {
    setHorizontalHeaderLabels({tr("Address"), tr("Delivered to"), tr("Notes")});
}

void AliasOverviewModel::setAliases(const QString &domain, const db::DomainAliases &aliases) {
    removeRows(0, rowCount());
    m_aliases = aliases;
    // Each group is filled before it joins the model: one rowsInserted per group instead of one
    // per row (tens of thousands in a large domain, each re-filtered by an attached proxy).
    QList<QList<QStandardItem *>> groups;
    auto addGroup = [&groups](const QString &title, int count, Kind kind) {
        auto *group = new QStandardItem(tr("%1 (%2)").arg(title).arg(count));
        group->setEditable(false);
        group->setData(int(kind), KindRole);
        group->setData(true, IsGroupRole);
        QFont font = group->font();
        font.setBold(true);
        group->setFont(font);
        groups.append({group, new QStandardItem(), new QStandardItem()});
        return group;
    };

    QStandardItem *accounts =
        addGroup(tr("Alias accounts"), int(aliases.accounts.size()), AliasAccountKind);
    for (const db::AliasAccount &a : aliases.accounts) {
        QString note =
            a.accessPolicy.isEmpty() ? QString() : tr("who may send: %1").arg(a.accessPolicy);
        if (!a.active)
            note = tr("disabled");
        accounts->appendRow(row(AliasAccountKind, a.address, db::EmailAddress::displayOf(a.address),
                                displayList(a.members), note));
    }
    QStandardItem *forwardings =
        addGroup(tr("Forwardings"), int(aliases.forwardings.size()), ForwardingKind);
    for (const db::UserForwarding &f : aliases.forwardings) {
        forwardings->appendRow(row(ForwardingKind, f.address,
                                   db::EmailAddress::displayOf(f.address),
                                   displayList(f.destinations),
                                   f.keepLocalCopy ? tr("keeps a copy in the mailbox")
                                                   : tr("no copy kept in the mailbox")));
    }
    QStandardItem *userAliases =
        addGroup(tr("Alias addresses of users"), int(aliases.userAliases.size()), UserAliasKind);
    for (const db::UserAliasAddress &u : aliases.userAliases)
        userAliases->appendRow(row(UserAliasKind, u.alias, db::EmailAddress::displayOf(u.alias),
                                   db::EmailAddress::displayOf(u.target)));
    QStandardItem *aliasDomains =
        addGroup(tr("Alias domains"), int(aliases.aliasDomains.size()), AliasDomainKind);
    for (const db::AliasDomain &d : aliases.aliasDomains) {
        aliasDomains->appendRow(row(AliasDomainKind, d.aliasDomain,
                                    db::DomainName::displayOf(d.aliasDomain),
                                    db::DomainName::displayOf(d.targetDomain),
                                    tr("x@%1 goes to x@%2")
                                        .arg(db::DomainName::displayOf(d.aliasDomain),
                                             db::DomainName::displayOf(d.targetDomain))));
    }
    QStandardItem *catchAll =
        addGroup(tr("Catch-all"), aliases.catchAll.destinations.isEmpty() ? 0 : 1, CatchAllKind);
    if (!aliases.catchAll.destinations.isEmpty()) {
        catchAll->appendRow(
            row(CatchAllKind, domain,
                tr("any unknown address @%1").arg(db::DomainName::displayOf(domain)),
                displayList(aliases.catchAll.destinations)));
    }
    for (const QList<QStandardItem *> &group : groups)
        appendRow(group);
}

} // namespace maildeck::ui
