#pragma once

#include "core/db/VmailTypes.h"

#include <QStandardItemModel>

namespace maildeck::ui {

// Read-only tree of what routes mail inside one domain: alias accounts with their members,
// per-user forwardings, per-user alias addresses, alias domains and the catch-all.
class AliasOverviewModel : public QStandardItemModel {
    Q_OBJECT
public:
    explicit AliasOverviewModel(QObject *parent = nullptr);
    void setAliases(const QString &domain, const db::DomainAliases &aliases);
};

} // namespace maildeck::ui
