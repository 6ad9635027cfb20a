#include "ui/domains/AliasOverviewModel.h"

#include "core/db/EmailAddress.h"

namespace maildeck::ui {

namespace {
QList<QStandardItem *> row(const QString &what, const QString &where, const QString &note = {})
{
    QList<QStandardItem *> items{new QStandardItem(what), new QStandardItem(where), new QStandardItem(note)};
    for (QStandardItem *item : items)
        item->setEditable(false);
    return items;
}

QString displayList(const QStringList &addresses)
{
    QStringList shown;
    for (const QString &a : addresses)
        shown << db::EmailAddress::displayOf(a);
    return shown.join(QStringLiteral(", "));
}
} // namespace

AliasOverviewModel::AliasOverviewModel(QObject *parent) : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({tr("Address"), tr("Delivered to"), tr("Notes")});
}

void AliasOverviewModel::setAliases(const QString &domain, const db::DomainAliases &aliases)
{
    removeRows(0, rowCount());
    auto addGroup = [this](const QString &title, int count) {
        auto *group = new QStandardItem(tr("%1 (%2)").arg(title).arg(count));
        group->setEditable(false);
        QFont font = group->font();
        font.setBold(true);
        group->setFont(font);
        appendRow({group, new QStandardItem(), new QStandardItem()});
        return group;
    };

    QStandardItem *accounts = addGroup(tr("Alias accounts"), int(aliases.accounts.size()));
    for (const db::AliasAccount &a : aliases.accounts) {
        QString note = a.accessPolicy.isEmpty() ? QString() : tr("who may send: %1").arg(a.accessPolicy);
        if (!a.active)
            note = tr("disabled");
        accounts->appendRow(row(db::EmailAddress::displayOf(a.address), displayList(a.members), note));
    }
    QStandardItem *forwardings = addGroup(tr("Forwardings"), int(aliases.forwardings.size()));
    for (const db::UserForwarding &f : aliases.forwardings) {
        forwardings->appendRow(row(db::EmailAddress::displayOf(f.address), displayList(f.destinations),
                                   f.keepLocalCopy ? tr("keeps a copy in the mailbox")
                                                   : tr("no copy kept in the mailbox")));
    }
    QStandardItem *userAliases = addGroup(tr("Alias addresses of users"), int(aliases.userAliases.size()));
    for (const db::UserAliasAddress &u : aliases.userAliases)
        userAliases->appendRow(row(db::EmailAddress::displayOf(u.alias), db::EmailAddress::displayOf(u.target)));
    QStandardItem *aliasDomains = addGroup(tr("Alias domains"), int(aliases.aliasDomains.size()));
    for (const db::AliasDomain &d : aliases.aliasDomains) {
        aliasDomains->appendRow(row(db::DomainName::displayOf(d.aliasDomain),
                                    db::DomainName::displayOf(d.targetDomain),
                                    tr("x@%1 goes to x@%2")
                                        .arg(db::DomainName::displayOf(d.aliasDomain),
                                             db::DomainName::displayOf(d.targetDomain))));
    }
    QStandardItem *catchAll = addGroup(tr("Catch-all"), aliases.catchAll.destinations.isEmpty() ? 0 : 1);
    if (!aliases.catchAll.destinations.isEmpty()) {
        catchAll->appendRow(row(tr("any unknown address @%1").arg(db::DomainName::displayOf(domain)),
                                displayList(aliases.catchAll.destinations)));
    }
}

} // namespace maildeck::ui
