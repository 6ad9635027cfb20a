#include "ui/delegation/AuditLogDialog.h"

#include "core/db/DbWorker.h"
#include "ui/common/MessageBanner.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace maildeck::ui {

using delegation::AuditEntry;
using delegation::AuditFilter;

namespace {

QString valueText(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("NULL");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace

AuditLogDialog::AuditLogDialog(DbWorker *db, QWidget *parent)
    : QDialog(parent)
    , m_db(db) {
    setObjectName(QStringLiteral("AuditLogDialog"));
    setWindowTitle(tr("Audit Log"));
    m_banner = new MessageBanner(this);

    m_admin = new QLineEdit(this);
    m_admin->setObjectName(QStringLiteral("AuditAdmin"));
    m_admin->setPlaceholderText(tr("any admin"));
    m_admin->setClearButtonEnabled(true);
    m_domain = new QLineEdit(this);
    m_domain->setObjectName(QStringLiteral("AuditDomain"));
    m_domain->setPlaceholderText(tr("any domain"));
    m_domain->setClearButtonEnabled(true);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("AuditAction"));
    m_action->setEditable(true);
    m_action->addItem(QString());
    for (const char *prefix : {"mailbox.", "forwarding.", "alias.", "maillist.", "moderator.",
                               "maillist_owner.", "admin.", "account."})
        m_action->addItem(QLatin1String(prefix));
    m_action->lineEdit()->setPlaceholderText(tr("any action (or a prefix such as mailbox.)"));
    const QDateTime now = QDateTime::currentDateTime();
    m_useFrom = new QCheckBox(tr("&From:"), this);
    m_from = new QDateTimeEdit(now.addDays(-7), this);
    m_from->setObjectName(QStringLiteral("AuditFrom"));
    m_from->setCalendarPopup(true);
    m_from->setEnabled(false);
    m_useTo = new QCheckBox(tr("&Until:"), this);
    m_to = new QDateTimeEdit(now, this);
    m_to->setObjectName(QStringLiteral("AuditTo"));
    m_to->setCalendarPopup(true);
    m_to->setEnabled(false);
    connect(m_useFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useTo, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    m_search = new QPushButton(tr("&Search"), this);
    m_search->setObjectName(QStringLiteral("AuditSearch"));
    m_search->setDefault(true);
    connect(m_search, &QPushButton::clicked, this, &AuditLogDialog::search);
    connect(m_admin, &QLineEdit::returnPressed, this, &AuditLogDialog::search);
    connect(m_domain, &QLineEdit::returnPressed, this, &AuditLogDialog::search);

    auto *filters = new QFormLayout;
    auto *firstRow = new QHBoxLayout;
    firstRow->addWidget(m_admin, 1);
    firstRow->addWidget(new QLabel(tr("&Domain:"), this));
    firstRow->addWidget(m_domain, 1);
    firstRow->addWidget(new QLabel(tr("A&ction:"), this));
    firstRow->addWidget(m_action, 1);
    qobject_cast<QLabel *>(firstRow->itemAt(1)->widget())->setBuddy(m_domain);
    qobject_cast<QLabel *>(firstRow->itemAt(3)->widget())->setBuddy(m_action);
    auto *adminLabel = new QLabel(tr("&Admin:"), this);
    adminLabel->setBuddy(m_admin);
    filters->addRow(adminLabel, firstRow);
    auto *secondRow = new QHBoxLayout;
    secondRow->addWidget(m_useFrom);
    secondRow->addWidget(m_from);
    secondRow->addWidget(m_useTo);
    secondRow->addWidget(m_to);
    secondRow->addStretch(1);
    secondRow->addWidget(m_search);
    filters->addRow(tr("Time:"), secondRow);

    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("AuditTable"));
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({tr("Time"), tr("Admin"), tr("Domain"), tr("Action"), tr("Object"),
                              tr("Database account")});
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(ObjectColumn, QHeaderView::Stretch);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copyAction = new QAction(tr("&Copy Row"), m_table);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &AuditLogDialog::copyCurrentRow);
    m_table->addAction(copyAction);
    connect(m_table, &QTreeWidget::currentItemChanged, this, &AuditLogDialog::showCurrent);

    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("AuditDetail"));
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a row to see what changed."));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_older = new QPushButton(tr("&Older"), this);
    m_older->setObjectName(QStringLiteral("AuditOlder"));
    m_older->setEnabled(false);
    connect(m_older, &QPushButton::clicked, this, &AuditLogDialog::loadOlder);
    m_copy = new QPushButton(tr("Copy &Row"), this);
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, &AuditLogDialog::copyCurrentRow);
    auto *close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_older);
    bottom->addWidget(m_copy);
    bottom->addStretch(1);
    bottom->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);
    resize(960, 620);
}

AuditFilter AuditLogDialog::filter() const {
    AuditFilter f;
    f.adminUsername = m_admin->text().trimmed().toLower();
    f.domain = m_domain->text().trimmed().toLower();
    f.action = m_action->currentText().trimmed();
    if (m_useFrom->isChecked())
        f.from = m_from->dateTime().toUTC();
    if (m_useTo->isChecked())
        f.to = m_to->dateTime().toUTC();
    f.limit = PageSize;
    return f;
}

void AuditLogDialog::setFilter(const AuditFilter &f) {
    m_admin->setText(f.adminUsername);
    m_domain->setText(f.domain);
    m_action->setCurrentText(f.action);
    m_useFrom->setChecked(f.from.isValid());
    if (f.from.isValid())
        m_from->setDateTime(f.from.toLocalTime());
    m_useTo->setChecked(f.to.isValid());
    if (f.to.isValid())
        m_to->setDateTime(f.to.toLocalTime());
}

void AuditLogDialog::search() {
    m_entries.clear();
    m_table->clear();
    m_detail->clear();
    load(0);
}

void AuditLogDialog::loadOlder() {
    if (m_entries.isEmpty() || !m_more)
        return;
    load(m_entries.last().id);
}

void AuditLogDialog::load(qint64 beforeId) {
    if (!m_db || m_busy)
        return;
    AuditFilter f = filter();
    const QString action = f.action;
    if (!action.isEmpty() && !action.endsWith(QLatin1Char('.')) &&
        !action.contains(QLatin1Char('.'))) {
        // A bare word ("mailbox") means its prefix.
        f.action = action + QLatin1Char('.');
    }
    f.beforeId = beforeId;
    m_busy = true;
    m_search->setEnabled(false);
    m_older->setEnabled(false);
    m_banner->hide();
    m_db->run([f](QSqlDatabase &db) { return delegation::AuditLog::list(db, f); })
        .then(this, [this](Result<QList<AuditEntry>> r) {
            m_busy = false;
            m_search->setEnabled(true);
            if (!r) {
                m_banner->showError(r.error());
                Q_EMIT loaded(-1);
                return;
            }
            const QList<AuditEntry> rows = r.value();
            m_more = rows.size() >= PageSize;
            for (const AuditEntry &e : rows) {
                auto *item = new QTreeWidgetItem(m_table);
                item->setText(
                    TimeColumn,
                    QLocale().toString(e.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")));
                item->setToolTip(TimeColumn, e.at.toString(Qt::ISODateWithMs));
                item->setText(AdminColumn, e.adminUsername);
                item->setText(DomainColumn, e.domain);
                item->setText(ActionColumn, e.action);
                item->setText(ObjectColumn, e.object);
                item->setText(AccountColumn, e.dbUser);
                item->setToolTip(AccountColumn, e.client);
                item->setData(TimeColumn, Qt::UserRole, int(m_entries.size()));
                m_entries.append(e);
            }
            m_older->setEnabled(m_more);
            m_older->setToolTip(m_more ? QString() : tr("There are no older rows."));
            if (!m_table->currentItem() && m_table->topLevelItemCount() > 0)
                m_table->setCurrentItem(m_table->topLevelItem(0));
            if (m_entries.isEmpty())
                m_banner->showMessage(MessageBanner::Kind::Info,
                                      tr("No audit entries match this filter."));
            Q_EMIT loaded(int(rows.size()));
        });
}

void AuditLogDialog::showCurrent() {
    QTreeWidgetItem *item = m_table->currentItem();
    m_copy->setEnabled(item != nullptr);
    if (!item) {
        m_detail->clear();
        return;
    }
    const int index = item->data(TimeColumn, Qt::UserRole).toInt();
    if (index < 0 || index >= m_entries.size())
        return;
    const AuditEntry &e = m_entries.at(index);
    QString text = tr("%1 by %2 (%3) at %4 UTC")
                       .arg(e.action, e.adminUsername.isEmpty() ? e.dbUser : e.adminUsername,
                            e.client, e.at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    if (!e.object.isEmpty())
        text += QLatin1Char('\n') + tr("Object: %1").arg(e.object);
    text += QStringLiteral("\n\n") + describeChange(e);
    m_detail->setPlainText(text);
}

QString AuditLogDialog::detailText() const {
    return m_detail->toPlainText();
}

QString AuditLogDialog::describeChange(const AuditEntry &entry) {
    const QJsonObject before = entry.before();
    const QJsonObject after = entry.after();
    QStringList keys = before.keys();
    for (const QString &k : after.keys()) {
        if (!keys.contains(k))
            keys << k;
    }
    std::sort(keys.begin(), keys.end());
    if (keys.isEmpty())
        return tr("No field values were recorded.");
    QStringList changed, same;
    for (const QString &k : std::as_const(keys)) {
        const bool inBefore = before.contains(k), inAfter = after.contains(k);
        if (inBefore && inAfter) {
            const QString b = valueText(before.value(k)), a = valueText(after.value(k));
            if (b == a)
                same << QStringLiteral("  %1: %2").arg(k, a);
            else
                changed << QStringLiteral("~ %1: %2 → %3").arg(k, b, a);
        } else if (inAfter) {
            changed << QStringLiteral("+ %1: %2").arg(k, valueText(after.value(k)));
        } else {
            changed << QStringLiteral("− %1: %2").arg(k, valueText(before.value(k)));
        }
    }
    QString out;
    if (entry.beforeJson.isEmpty())
        out += tr("Created with:") + QLatin1Char('\n');
    else if (entry.afterJson.isEmpty())
        out += tr("Deleted; it was:") + QLatin1Char('\n');
    else
        out += changed.isEmpty() ? tr("No field changed.") + QLatin1Char('\n')
                                 : tr("Changed:") + QLatin1Char('\n');
    out += changed.join(QLatin1Char('\n'));
    if (!same.isEmpty()) {
        if (!changed.isEmpty())
            out += QStringLiteral("\n\n");
        out += tr("Unchanged:") + QLatin1Char('\n') + same.join(QLatin1Char('\n'));
    }
    return out;
}

QString AuditLogDialog::rowText(const AuditEntry &e) {
    QStringList fields{QString::number(e.id),
                       e.at.toString(Qt::ISODateWithMs),
                       e.adminUsername,
                       e.domain,
                       e.action,
                       e.object,
                       e.dbUser,
                       e.client};
    return fields.join(QLatin1Char('\t')) + QLatin1Char('\n') + QStringLiteral("before: ") +
           (e.beforeJson.isEmpty() ? QStringLiteral("-") : e.beforeJson) + QLatin1Char('\n') +
           QStringLiteral("after: ") + (e.afterJson.isEmpty() ? QStringLiteral("-") : e.afterJson);
}

void AuditLogDialog::copyCurrentRow() {
    QTreeWidgetItem *item = m_table->currentItem();
    if (!item)
        return;
    const int index = item->data(TimeColumn, Qt::UserRole).toInt();
    if (index >= 0 && index < m_entries.size())
        QApplication::clipboard()->setText(rowText(m_entries.at(index)));
}

} // namespace maildeck::ui
