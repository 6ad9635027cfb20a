#include "ui/domains/DomainListModel.h"

#include "core/db/DbWorker.h"
#include "core/db/DomainRepository.h"
#include "core/db/EmailAddress.h"

#include <QLocale>
#include <QPalette>

namespace maildeck::ui {

QString formatBytes(qint64 bytes) {
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString formatMegabytes(qint64 megabytes) {
    return formatBytes(megabytes * 1024 * 1024);
}

void DomainListModel::setDomains(QList<db::DomainSummary> domains, bool countsKnown) {
    ++m_generation;
    beginResetModel();
    m_domains = std::move(domains);
    m_countsKnown = countsKnown;
    m_quotasKnown = countsKnown;
    endResetModel();
}

void DomainListModel::loadCounts(DbWorker *db) {
    if (!db)
        return;
    const quint64 generation = m_generation;
    QPointer<DbWorker> worker = db;
    db->run([](QSqlDatabase &sql) {
          return db::DomainRepository::listCounts(sql);
      }).then(this, [this, generation, worker](Result<QHash<QString, db::DomainCounts>> counts) {
        if (generation != m_generation)
            return;
        if (!counts) {
            Q_EMIT countsFailed(counts.error());
            return;
        }
        for (db::DomainSummary &d : m_domains)
            db::DomainRepository::apply(d, counts->value(d.domain));
        m_countsKnown = true;
        if (!m_domains.isEmpty())
            Q_EMIT dataChanged(index(0, MailboxesColumn),
                               index(int(m_domains.size()) - 1, ListsColumn));
        Q_EMIT countsLoaded();
        if (!worker)
            return;
        worker->run([](QSqlDatabase &sql) { return db::DomainRepository::listQuotas(sql); })
            .then(this, [this, generation](Result<QHash<QString, db::DomainQuota>> quotas) {
                if (generation != m_generation)
                    return;
                if (!quotas) {
                    Q_EMIT countsFailed(quotas.error());
                    return;
                }
                for (db::DomainSummary &d : m_domains)
                    db::DomainRepository::apply(d, quotas->value(d.domain));
                m_quotasKnown = true;
                if (!m_domains.isEmpty())
                    Q_EMIT dataChanged(index(0, QuotaColumn),
                                       index(int(m_domains.size()) - 1, QuotaColumn));
                Q_EMIT quotasLoaded();
            });
    });
}

const db::DomainSummary *DomainListModel::domainAt(int row) const {
    return row >= 0 && row < m_domains.size() ? &m_domains.at(row) : nullptr;
}

int DomainListModel::rowOf(const QString &storageName) const {
    for (int i = 0; i < m_domains.size(); ++i) {
        if (m_domains.at(i).domain == storageName)
            return i;
    }
    return -1;
}

int DomainListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_domains.size());
}

int DomainListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DomainListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const db::DomainSummary &d = m_domains.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() != DomainColumn &&
            !(index.column() == QuotaColumn ? m_quotasKnown : m_countsKnown))
            return QStringLiteral("…"); // still being counted
        switch (index.column()) {
        case DomainColumn:
            return db::DomainName::displayOf(d.domain);
        case MailboxesColumn:
            return d.mailboxLimit > 0 ? tr("%1 / %2").arg(d.mailboxCount).arg(d.mailboxLimit)
                                      : QString::number(d.mailboxCount);
        case AliasesColumn:
            return QString::number(d.aliasCount);
        case ListsColumn:
            return QString::number(d.listCount);
        case QuotaColumn:
            if (d.quotaUsedBytes)
                return tr("%1 of %2")
                    .arg(formatBytes(*d.quotaUsedBytes), formatMegabytes(d.quotaAllocatedMb));
            return formatMegabytes(d.quotaAllocatedMb);
        }
        break;
    case Qt::ToolTipRole: {
        QString tip = db::DomainName::displayOf(d.domain);
        if (db::DomainName::displayOf(d.domain) != d.domain)
            tip += QLatin1Char('\n') + tr("Stored as %1").arg(d.domain);
        if (!d.description.isEmpty())
            tip += QLatin1Char('\n') + d.description;
        if (!d.active)
            tip += QLatin1Char('\n') +
                   tr("Disabled: no mail is accepted or delivered for this domain.");
        if (d.backupMx)
            tip += QLatin1Char('\n') + tr("Backup MX: mail is relayed, not stored here.");
        return tip;
    }
    case Qt::ForegroundRole:
        if (!d.active)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != DomainColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StorageNameRole:
        return d.domain;
    case SortRole:
        if (index.column() != DomainColumn &&
            !(index.column() == QuotaColumn ? m_quotasKnown : m_countsKnown))
            return -1;
        switch (index.column()) {
        case DomainColumn:
            return db::DomainName::displayOf(d.domain);
        case MailboxesColumn:
            return d.mailboxCount;
        case AliasesColumn:
            return d.aliasCount;
        case ListsColumn:
            return d.listCount;
        case QuotaColumn:
            return d.quotaUsedBytes ? *d.quotaUsedBytes : d.quotaAllocatedMb * 1024 * 1024;
        }
        break;
    }
    return {};
}

QVariant DomainListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DomainColumn:
        return tr("Domain");
    case MailboxesColumn:
        return tr("Mailboxes");
    case AliasesColumn:
        return tr("Aliases");
    case ListsColumn:
        return tr("Lists");
    case QuotaColumn:
        return tr("Quota");
    }
    return {};
}

} // namespace maildeck::ui
