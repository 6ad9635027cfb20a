#include "ui/domains/MailboxListModel.h"

#include "core/db/EmailAddress.h"
#include "ui/domains/DomainListModel.h"

#include <QPalette>

namespace maildeck::ui {

void MailboxListModel::setMailboxes(QList<db::MailboxRow> mailboxes) {
    beginResetModel();
    m_rows = std::move(mailboxes);
    // The shown texts once per row: sorting and filtering ask for them many times per row.
    m_display.clear();
    m_display.reserve(m_rows.size());
    for (const db::MailboxRow &m : std::as_const(m_rows))
        m_display.append(displayTexts(m));
    endResetModel();
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
            return QColor(Qt::darkRed);
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
