#include "ui/logs/RejectEventModel.h"

#include "core/logs/RejectCatalog.h"

#include <QDateTime>

namespace maildeck::ui {

using namespace maildeck::logs;

namespace {
QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
} // namespace

RejectEventModel::RejectEventModel(const EventStore *store, const RejectCatalog *catalog,
                                   QString language, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_catalog(catalog)
    , m_language(std::move(language)) {
    rebuild();
}

void RejectEventModel::setStore(const EventStore *store) {
    m_store = store;
    rebuild();
}

void RejectEventModel::setFilter(const EventFilter &filter) {
    m_filter = filter;
    rebuild();
}

void RejectEventModel::rebuild() {
    beginResetModel();
    m_view = m_store ? std::make_unique<FilteredView>(*m_store, m_filter) : nullptr;
    if (m_view)
        m_view->update();
    m_shown = m_view ? int(m_view->rows().size()) : 0;
    endResetModel();
}

std::size_t RejectEventModel::refresh() {
    if (!m_view)
        return 0;
    const std::size_t added = m_view->update();
    if (added && !m_paused) {
        const int total = int(m_view->rows().size());
        beginInsertRows({}, m_shown, total - 1);
        m_shown = total;
        endInsertRows();
    }
    return added;
}

void RejectEventModel::setPaused(bool paused) {
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused && pendingRows() > 0) {
        const int total = int(m_view->rows().size());
        beginInsertRows({}, m_shown, total - 1);
        m_shown = total;
        endInsertRows();
    }
}

int RejectEventModel::pendingRows() const {
    return m_view ? int(m_view->rows().size()) - m_shown : 0;
}

const std::vector<std::uint32_t> &RejectEventModel::matchingRows() const {
    static const std::vector<std::uint32_t> none;
    return m_view ? m_view->rows() : none;
}

std::uint32_t RejectEventModel::storeRow(int row) const {
    return m_view->rows()[std::size_t(row)];
}

QString RejectEventModel::className(ReasonClass reason) const {
    if (m_catalog)
        if (const CatalogEntry *e = m_catalog->entry(reason))
            if (const QString t = e->text(m_language).title; !t.isEmpty())
                return t;
    return text(reasonId(reason));
}

QString RejectEventModel::timeText(std::uint32_t row) const {
    return QDateTime::fromMSecsSinceEpoch(m_store->timeMs(row), Qt::OffsetFromUTC,
                                          m_store->utcOffsetMin(row) * 60)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

int RejectEventModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_shown;
}

int RejectEventModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RejectEventModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_shown)
        return {};
    const std::uint32_t row = storeRow(index.row());
    if (role == StoreRowRole)
        return row;
    if (role == Qt::ToolTipRole && index.column() == ClassColumn)
        return text(reasonId(m_store->reason(row)));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return timeText(row);
    case ClassColumn:
        return className(m_store->reason(row));
    case CodeColumn: {
        const int code = m_store->smtpCode(row);
        const QString enhanced = text(m_store->enhancedCode(row));
        if (!code)
            return enhanced;
        return enhanced.isEmpty() ? QString::number(code)
                                  : QString::number(code) + QLatin1Char(' ') + enhanced;
    }
    case ClientColumn: {
        const QString ip = m_store->clientIp(row).toString();
        const QString host = text(m_store->clientHost(row));
        if (ip.isEmpty())
            return host;
        return host.isEmpty() ? ip : QStringLiteral("%1 [%2]").arg(host, ip);
    }
    case SenderColumn:
        return text(m_store->sender(row));
    case RecipientColumn:
        return text(m_store->recipient(row));
    case DetailColumn:
        if (!m_store->user(row).empty())
            return text(m_store->user(row));
        if (!m_store->helo(row).empty())
            return text(m_store->helo(row));
        return text(m_store->object(row));
    case ProgramColumn:
        return text(m_store->program(row));
    default:
        return {};
    }
}

QVariant RejectEventModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ClassColumn:
        return tr("Reason");
    case CodeColumn:
        return tr("Code");
    case ClientColumn:
        return tr("Client");
    case SenderColumn:
        return tr("Sender");
    case RecipientColumn:
        return tr("Recipient");
    case DetailColumn:
        return tr("HELO / user");
    case ProgramColumn:
        return tr("Program");
    default:
        return {};
    }
}

QStringList RejectEventModel::csvHeader() const {
    return {
        QStringLiteral("time"),          QStringLiteral("class"),       QStringLiteral("code"),
        QStringLiteral("enhanced_code"), QStringLiteral("client_host"), QStringLiteral("client_ip"),
        QStringLiteral("sender"),        QStringLiteral("recipient"),   QStringLiteral("helo"),
        QStringLiteral("user"),          QStringLiteral("program"),     QStringLiteral("server"),
        QStringLiteral("text")};
}

QStringList RejectEventModel::csvFields(std::uint32_t row) const {
    const int code = m_store->smtpCode(row);
    return {QDateTime::fromMSecsSinceEpoch(m_store->timeMs(row), Qt::OffsetFromUTC,
                                           m_store->utcOffsetMin(row) * 60)
                .toString(Qt::ISODate),
            text(reasonId(m_store->reason(row))),
            code ? QString::number(code) : QString(),
            text(m_store->enhancedCode(row)),
            text(m_store->clientHost(row)),
            m_store->clientIp(row).toString(),
            text(m_store->sender(row)),
            text(m_store->recipient(row)),
            text(m_store->helo(row)),
            text(m_store->user(row)),
            text(m_store->program(row)),
            text(m_store->server(row)),
            text(m_store->text(row))};
}

} // namespace maildeck::ui
