#pragma once

#include "core/db/VmailTypes.h"

#include <QStandardItemModel>

namespace maildeck::ui {

// Read-only tree of what routes mail inside one domain: alias accounts with their members,
// per-user forwardings, per-user alias addresses, alias domains and the catch-all.
class AliasOverviewModel : public QStandardItemModel {
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
    const db::DomainAliases &aliases() const { return m_aliases; }

private:
    db::DomainAliases m_aliases;
};

} // namespace maildeck::ui
