#include "ui/domains/MailboxListModel.h"

#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "core/db/MailboxRepository.h"
#include "ui/common/ThemeColors.h"
#include "ui/domains/DomainListModel.h"

#include <QApplication>
#include <QPalette>

#include <algorithm>

namespace maildeck::ui {

void MailboxListModel::setMailboxes(QList<db::MailboxRow> mailboxes) {
    if (m_loading)
        finishLoad(false);
    ++m_generation;
    beginResetModel();
    m_rows = std::move(mailboxes);
    // The shown texts once per row: sorting and filtering ask for them many times per row.
    m_display.clear();
    m_display.reserve(m_rows.size());
    for (const db::MailboxRow &m : std::as_const(m_rows))
        m_display.append(displayTexts(m));
    rebuildIndex();
    endResetModel();
}

void MailboxListModel::rebuildIndex() {
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).username, i);
}

int MailboxListModel::rowOf(const QString &username) const {
    return m_index.value(username, -1);
}

void MailboxListModel::setChunkSizes(int firstChunk, int chunk) {
    m_firstChunk = std::max(1, firstChunk);
    m_chunk = std::max(1, chunk);
}

void MailboxListModel::load(DbWorker *db, const QString &domain) {
    const bool sameDomain = domain == m_domain && !m_rows.isEmpty();
    if (sameDomain) {
        if (m_loading)
            finishLoad(false);
        ++m_generation;
    } else {
        setMailboxes({}); // cancels a running load
    }
    m_db = db;
    m_domain = domain;
    m_refresh = sameDomain;
    m_seen = QList<bool>(m_rows.size(), false);
    m_loaded = 0;
    m_total = -1;
    m_loading = true;
    requestChunk(QString(), m_firstChunk, true);
}

void MailboxListModel::cancelLoad() {
    if (!m_loading)
        return;
    ++m_generation;
    finishLoad(false);
}

void MailboxListModel::requestChunk(const QString &after, int limit, bool countTotal) {
    if (!m_db) {
        finishLoad(false);
        return;
    }
    const quint64 generation = m_generation;
    m_db->run([domain = m_domain, after, limit, countTotal](QSqlDatabase &db) {
            return db::MailboxRepository::listPage(db, domain, after, limit, countTotal);
        })
        .then(this, [this, generation, limit](Result<db::MailboxPage> result) {
            if (generation != m_generation || !m_loading)
                return; // cancelled, or another domain meanwhile
            if (!result) {
                finishLoad(false);
                Q_EMIT loadFailed(result.error());
                return;
            }
            db::MailboxPage page = std::move(result).value();
            if (page.total >= 0)
                m_total = page.total;
            m_loaded += int(page.rows.size());
            // The next read first: the worker reads it while this thread shows this chunk. Then
            // growing chunks (fewer round trips), up to m_chunk.
            if (page.more)
                requestChunk(page.last, std::min(m_chunk, std::max(2 * limit, 1000)), false);
            mergeChunk(std::move(page.rows));
            Q_EMIT loadProgress(m_loaded, std::max(m_total, m_loaded));
            if (generation != m_generation || !m_loading)
                return; // a slot cancelled this load or started another one
            if (!page.more)
                finishLoad(true);
        });
}

void MailboxListModel::mergeChunk(QList<db::MailboxRow> rows) {
    QList<db::MailboxRow> fresh;
    for (db::MailboxRow &row : rows) {
        const int at = m_index.value(row.username, -1);
        if (at < 0) {
            fresh.append(std::move(row));
            continue;
        }
        if (at < m_seen.size())
            m_seen[at] = true;
        RowTexts texts = displayTexts(row);
        const db::MailboxRow &old = m_rows.at(at);
        const bool changed = old.version != row.version || texts != m_display.at(at) ||
                             old.usedBytes != row.usedBytes || old.active != row.active ||
                             old.passwordWeak != row.passwordWeak;
        m_rows[at] = std::move(row);
        if (changed) {
            m_display[at] = std::move(texts);
            Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
        }
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows.reserve(first + fresh.size());
    m_display.reserve(first + fresh.size());
    for (db::MailboxRow &row : fresh) {
        m_index.insert(row.username, int(m_rows.size()));
        m_display.append(displayTexts(row));
        m_rows.append(std::move(row));
    }
    endInsertRows();
}

void MailboxListModel::finishLoad(bool complete) {
    m_loading = false;
    if (complete && m_refresh) {
        // Rows the refresh did not deliver are gone from the server: remove them, block by
        // block from the end (rows appended by this load are past m_seen and stay).
        int end = int(m_seen.size());
        while (end > 0) {
            if (m_seen.at(end - 1)) {
                --end;
                continue;
            }
            int begin = end - 1;
            while (begin > 0 && !m_seen.at(begin - 1))
                --begin;
            beginRemoveRows({}, begin, end - 1);
            m_rows.remove(begin, end - begin);
            m_display.remove(begin, end - begin);
            endRemoveRows();
            end = begin;
        }
        rebuildIndex();
    }
    m_refresh = false;
    m_seen.clear();
    Q_EMIT loadFinished(complete);
}

MailboxListModel::RowTexts MailboxListModel::displayTexts(const db::MailboxRow &m) {
    RowTexts texts;
    texts[AddressColumn] = db::EmailAddress::displayOf(m.username);
    texts[NameColumn] = m.name;
    const QString limit = m.quotaMb > 0 ? formatMegabytes(m.quotaMb) : tr("unlimited");
    texts[QuotaColumn] = m.usedBytes ? tr("%1 of %2").arg(formatBytes(*m.usedBytes), limit) : limit;
    texts[PasswordColumn] =
        m.passwordWeak ? tr("%1 (weak)").arg(m.passwordScheme) : m.passwordScheme;
    if (!m.forwardTo.isEmpty())
        texts[ForwardingColumn] =
            m.keepsLocalCopy
                ? tr("→ %1, keeps a copy").arg(m.forwardTo.join(QStringLiteral(", ")))
                : tr("→ %1 only, no copy kept").arg(m.forwardTo.join(QStringLiteral(", ")));
    return texts;
}

const db::MailboxRow *MailboxListModel::mailboxAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int MailboxListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MailboxListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MailboxListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const db::MailboxRow &m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return m_display.at(index.row()).at(index.column());
    case Qt::ToolTipRole:
        if (index.column() == PasswordColumn && m.passwordWeak)
            return tr("This hash scheme is weak. Dovecot 2.4 refuses it unless "
                      "auth_allow_weak_schemes = yes; the user cannot log in after an upgrade "
                      "until the password is set again.");
        if (!m.active)
            return tr("Disabled: this user can neither log in nor receive mail.");
        break;
    case Qt::ForegroundRole:
        if (!m.active)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        if (index.column() == PasswordColumn && m.passwordWeak)
            return toneText(Tone::Error, QApplication::palette(), QPalette::Base);
        break;
    case SortRole:
        switch (index.column()) {
        case QuotaColumn:
            return m.usedBytes ? *m.usedBytes : m.quotaMb;
        default:
            return m_display.at(index.row()).at(index.column());
        }
    }
    return {};
}

QVariant MailboxListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AddressColumn:
        return tr("Address");
    case NameColumn:
        return tr("Name");
    case QuotaColumn:
        return tr("Quota");
    case PasswordColumn:
        return tr("Password scheme");
    case ForwardingColumn:
        return tr("Forwarding");
    }
    return {};
}

} // namespace maildeck::ui
