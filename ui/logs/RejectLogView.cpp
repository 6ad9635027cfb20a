#include "ui/logs/RejectLogView.h"

#include "core/db/Csv.h"
#include "core/logs/LogFeed.h"
#include "core/logs/LogIngest.h"
#include "core/logs/LogTail.h"
#include "core/logs/PatternDetector.h"
#include "core/logs/RejectSummary.h"
#include "ui/Application.h"
#include "ui/logs/RejectEventModel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMetaMethod>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace maildeck::ui {

using namespace maildeck::logs;

namespace {

struct DimensionChoice {
    Dimension dimension;
    const char *label;
};
const DimensionChoice kDimensions[] = {
    {Dimension::ClientIp, QT_TRANSLATE_NOOP("maildeck::ui::RejectLogView", "Client addresses")},
    {Dimension::RelayGroup, QT_TRANSLATE_NOOP("maildeck::ui::RejectLogView", "Relay networks")},
    {Dimension::SenderDomain, QT_TRANSLATE_NOOP("maildeck::ui::RejectLogView", "Sender domains")},
    {Dimension::Recipient, QT_TRANSLATE_NOOP("maildeck::ui::RejectLogView", "Recipients")},
    {Dimension::Helo, QT_TRANSLATE_NOOP("maildeck::ui::RejectLogView", "HELO names")},
    {Dimension::User, QT_TRANSLATE_NOOP("maildeck::ui::RejectLogView", "Login names")},
};

constexpr qint64 kHour = 3600 * 1000;

} // namespace

RejectLogView::RejectLogView(QWidget *parent)
    : QWidget(parent)
    , m_store(std::make_unique<EventStore>()) {
    m_language = currentUiLanguage();
    if (auto catalog = RejectCatalog::load(); catalog.ok())
        m_catalog = catalog.value();
    m_model = new RejectEventModel(m_store.get(), &m_catalog, m_language, this);
    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(150);
    connect(&m_filterDelay, &QTimer::timeout, this, &RejectLogView::applyFilter);
    // The panels follow the live log at most once a second.
    m_panelDelay.setSingleShot(true);
    m_panelDelay.setInterval(1000);
    connect(&m_panelDelay, &QTimer::timeout, this, &RejectLogView::updatePanels);
    buildUi();
    populateReasonCombo();
    updateFollowUi();
}

RejectLogView::~RejectLogView() {
    stop();
}

void RejectLogView::buildUi() {
    auto *filterBar = new QHBoxLayout;
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("PeriodFilter"));
    m_period->addItem(tr("Last hour"), kHour);
    m_period->addItem(tr("Last 6 hours"), 6 * kHour);
    m_period->addItem(tr("Last 24 hours"), 24 * kHour);
    m_period->addItem(tr("Last 7 days"), 7 * 24 * kHour);
    m_period->addItem(tr("Everything"), qint64(0));
    m_period->setCurrentIndex(4);
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("ReasonFilter"));
    m_reason->setMinimumContentsLength(18);
    m_reason->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    const auto lineEdit = [this](const char *name, const QString &placeholder) {
        auto *e = new QLineEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setPlaceholderText(placeholder);
        e->setClearButtonEnabled(true);
        e->setMaxLength(255);
        connect(e, &QLineEdit::textChanged, &m_filterDelay, qOverload<>(&QTimer::start));
        return e;
    };
    m_client = lineEdit("ClientFilter", tr("Client (IP, CIDR or host)"));
    m_senderDomain = lineEdit("SenderDomainFilter", tr("Sender domain"));
    m_recipientDomain = lineEdit("RecipientDomainFilter", tr("Recipient domain"));
    m_text = lineEdit("TextFilter", tr("Search text"));
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        if (m_period->currentData().toLongLong() != -1) {
            m_rangeFrom = m_rangeTo = 0;
            const int chart = m_period->findData(qint64(-1));
            if (chart >= 0)
                m_period->removeItem(chart);
        }
        applyFilter();
    });
    connect(m_reason, &QComboBox::currentIndexChanged, this, &RejectLogView::applyFilter);
    filterBar->addWidget(m_period);
    filterBar->addWidget(m_reason);
    filterBar->addWidget(m_client, 2);
    filterBar->addWidget(m_senderDomain, 1);
    filterBar->addWidget(m_recipientDomain, 1);
    filterBar->addWidget(m_text, 2);

    auto *actionBar = new QHBoxLayout;
    m_follow = new QToolButton(this);
    m_follow->setObjectName(QStringLiteral("FollowButton"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setText(tr("&Follow"));
    m_follow->setToolTip(tr("Follow the log: new events appear at the bottom. Uncheck to pause."));
    connect(m_follow, &QToolButton::toggled, this, [this](bool follow) {
        m_model->setPaused(!follow);
        if (follow)
            m_table->scrollToBottom();
        updateFollowUi();
    });
    m_newRows = new QLabel(this);
    m_newRows->setObjectName(QStringLiteral("NewRowsLabel"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("TailStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *openFiles = new QPushButton(tr("Open log files…"), this);
    connect(openFiles, &QPushButton::clicked, this, &RejectLogView::chooseFiles);
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    exportButton->setObjectName(QStringLiteral("ExportCsvButton"));
    connect(exportButton, &QPushButton::clicked, this, &RejectLogView::chooseExport);
    actionBar->addWidget(m_follow);
    actionBar->addWidget(m_newRows);
    actionBar->addWidget(m_status, 1);
    actionBar->addWidget(openFiles);
    actionBar->addWidget(exportButton);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("RejectTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(
        RejectEventModel::TimeColumn,
        fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00  ")));
    m_table->setColumnWidth(RejectEventModel::ClassColumn, 220);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RejectLogView::showDetail);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow->isChecked())
            m_table->scrollToBottom();
    });

    auto *detailBox = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_detail = new QTextBrowser(detailBox);
    m_detail->setObjectName(QStringLiteral("RejectDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setPlaceholderText(tr("Select an event to see what happened and how to fix it."));
    m_openFix = new QPushButton(tr("Open the fix…"), detailBox);
    m_openFix->setObjectName(QStringLiteral("OpenFixButton"));
    m_openFix->setVisible(false);
    connect(m_openFix, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (!current.isValid())
            return;
        const std::uint32_t row = m_model->storeRow(current.row());
        const CatalogEntry *e = m_catalog.entry(m_store->reason(row));
        const QString action = e ? e->action : QString();
        if (!profileIdForEvent(m_store->reason(row), action).isEmpty() &&
            isSignalConnected(QMetaMethod::fromSignal(&RejectLogView::wizardRequested))) {
            Q_EMIT wizardRequested(
                EventPrefill::fromRecord(m_store->record(row), m_store->rawLine(row)), action);
            return;
        }
        if (e)
            Q_EMIT fixRequested(e->action, m_store->record(row));
    });
    detailLayout->addWidget(m_detail);
    detailLayout->addWidget(m_openFix, 0, Qt::AlignRight);

    m_panels = new QTabWidget(this);
    m_panels->setObjectName(QStringLiteral("RejectPanels"));
    auto *topPage = new QWidget(m_panels);
    auto *topLayout = new QVBoxLayout(topPage);
    m_topDimension = new QComboBox(topPage);
    for (const DimensionChoice &d : kDimensions)
        m_topDimension->addItem(tr(d.label), int(d.dimension));
    connect(m_topDimension, &QComboBox::currentIndexChanged, this, &RejectLogView::updatePanels);
    m_top = new QTableWidget(0, 2, topPage);
    m_top->setObjectName(QStringLiteral("TopTalkers"));
    m_top->setHorizontalHeaderLabels({tr("Key"), tr("Events")});
    m_top->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_top->verticalHeader()->hide();
    m_top->setEditTriggers(QAbstractItemView::NoEditTriggers);
    topLayout->addWidget(m_topDimension);
    topLayout->addWidget(m_top);
    m_panels->addTab(topPage, tr("Top talkers"));

    m_relays = new QTreeWidget(m_panels);
    m_relays->setObjectName(QStringLiteral("RelaysPerReason"));
    m_relays->setHeaderLabels({tr("Reason / relay network"), tr("Events")});
    m_relays->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_panels->addTab(m_relays, tr("Relays per reason"));

    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart = new QChartView(chart, m_panels);
    m_chart->setObjectName(QStringLiteral("RejectChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_panels->addTab(m_chart, tr("Over time"));

    m_patterns = new QListWidget(m_panels);
    m_patterns->setObjectName(QStringLiteral("Patterns"));
    m_patterns->setWordWrap(true);
    connect(m_patterns, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        m_client->setText(item->data(Qt::UserRole).toString());
    });
    m_panels->addTab(m_patterns, tr("Patterns"));

    auto *upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(m_table);
    upper->addWidget(detailBox);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("RejectLogSplitter"));
    split->addWidget(upper);
    split->addWidget(m_panels);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterBar);
    layout->addLayout(actionBar);
    layout->addWidget(split, 1);
}

void RejectLogView::populateReasonCombo() {
    const ReasonClass current = ReasonClass(m_reason->currentData().toInt());
    const bool hadChoice = m_reason->currentIndex() > 0;
    QSignalBlocker block(m_reason);
    m_reason->clear();
    m_reason->addItem(tr("All reasons"), -1);
    // The classes present, most frequent first.
    for (const GroupCount &g : m_store->groupBy(Dimension::Reason, nullptr, 0)) {
        const auto reason = reasonFromId(g.key.toStdString());
        if (reason)
            m_reason->addItem(
                QStringLiteral("%1 (%2)").arg(m_model->className(*reason)).arg(g.count),
                int(*reason));
    }
    if (hadChoice) {
        const int i = m_reason->findData(int(current));
        m_reason->setCurrentIndex(i >= 0 ? i : 0);
    }
}

void RejectLogView::applyFilter() {
    EventFilter f;
    if (m_rangeTo > 0) {
        f.fromMs = m_rangeFrom;
        f.toMs = m_rangeTo;
    } else if (const qint64 period = m_period->currentData().toLongLong(); period > 0) {
        f.fromMs = QDateTime::currentMSecsSinceEpoch() - period;
    }
    if (const int reason = m_reason->currentData().toInt(); reason >= 0)
        f.reasons.push_back(ReasonClass(reason));
    f.client = m_client->text().trimmed();
    f.senderDomain = m_senderDomain->text().trimmed();
    f.recipientDomain = m_recipientDomain->text().trimmed();
    f.text = m_text->text().trimmed();
    m_model->setFilter(f);
    if (m_follow->isChecked())
        m_table->scrollToBottom();
    updateFollowUi();
    updatePanels();
}

void RejectLogView::setTimeRange(qint64 fromMs, qint64 toMs) {
    m_rangeFrom = fromMs;
    m_rangeTo = toMs;
    QSignalBlocker block(m_period);
    int i = m_period->findData(qint64(-1));
    const QString label = tr("%1 – %2").arg(
        QDateTime::fromMSecsSinceEpoch(fromMs).toString(QStringLiteral("MM-dd HH:mm")),
        QDateTime::fromMSecsSinceEpoch(toMs).toString(QStringLiteral("HH:mm")));
    if (i < 0) {
        m_period->addItem(label, qint64(-1));
        i = m_period->count() - 1;
    } else {
        m_period->setItemText(i, label);
    }
    m_period->setCurrentIndex(i);
    applyFilter();
}

void RejectLogView::onRowsAppended() {
    if (m_reason->count() <= 1 || m_store->size() % 64 == 0)
        populateReasonCombo();
    m_model->refresh();
    updateFollowUi();
    if (isFollowing())
        showFollowingStatus();
    if (!m_panelDelay.isActive())
        m_panelDelay.start();
}

void RejectLogView::showFollowingStatus() {
    setStatus(tr("Following %1 (%n event(s))", nullptr, int(m_store->size())).arg(m_followedPath));
}

int RejectLogView::pendingRows() const {
    return m_model->pendingRows();
}

bool RejectLogView::isFollowing() const {
    return m_tail && m_tail->state() == LogTail::State::Following;
}

void RejectLogView::updateFollowUi() {
    const int pending = m_model->pendingRows();
    m_newRows->setVisible(pending > 0);
    m_newRows->setText(tr("%n new event(s) while paused", nullptr, pending));
}

void RejectLogView::updatePanels() {
    const std::vector<std::uint32_t> &rows = m_model->matchingRows();
    const auto dimension = Dimension(m_topDimension->currentData().toInt());
    SummaryRequest request;
    request.classes = false;
    request.tops = {{dimension, 50}};
    request.relaysPerReason = 5;
    request.patterns = true;
    const RejectSummary summary = RejectSummary::compute(*m_store, &rows, request);
    m_top->setRowCount(0);
    for (const GroupCount &g : summary.tops.front()) {
        if (g.key.isEmpty())
            continue;
        const int r = m_top->rowCount();
        m_top->insertRow(r);
        m_top->setItem(r, 0, new QTableWidgetItem(g.key));
        auto *count = new QTableWidgetItem(QString::number(g.count));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_top->setItem(r, 1, count);
    }
    m_relays->clear();
    for (const auto &rr : summary.relaysPerReason) {
        auto *reason = new QTreeWidgetItem(
            m_relays, {m_model->className(rr.reason), QString::number(rr.total)});
        for (const GroupCount &g : rr.relays)
            new QTreeWidgetItem(reason, {g.key, QString::number(g.count)});
    }
    m_relays->expandToDepth(0);
    updateChart(rows);
    m_patterns->clear();
    for (const PatternFinding &p : summary.findings) {
        QString what;
        if (p.kind == QLatin1String("relay.random_sender_domains"))
            what = tr("%1 handed over mail for %2 sender domains, %3 of them random-looking "
                      "(%4 events), e.g. %5")
                       .arg(p.subject)
                       .arg(p.distinct)
                       .arg(p.randomLooking)
                       .arg(p.events)
                       .arg(p.examples.mid(0, 3).join(QLatin1String(", ")));
        else if (p.kind == QLatin1String("client.auth_bruteforce"))
            what = tr("%1 failed to log in %2 times with %3 different user names, e.g. %4")
                       .arg(p.subject)
                       .arg(p.events)
                       .arg(p.distinct)
                       .arg(p.examples.mid(0, 3).join(QLatin1String(", ")));
        else
            what = QStringLiteral("%1: %2 (%3)").arg(p.kind, p.subject).arg(p.events);
        auto *item = new QListWidgetItem(what, m_patterns);
        item->setData(Qt::UserRole, p.subject);
        item->setToolTip(tr("Double-click to show only this client's events."));
    }
    if (m_patterns->count() == 0)
        new QListWidgetItem(tr("Nothing suspicious in the events shown."), m_patterns);
}

void RejectLogView::updateChart(const std::vector<std::uint32_t> &rows) {
    QChart *chart = m_chart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis; // removeAxis gives it back, it does not delete it
    }
    if (rows.empty())
        return;
    const qint64 first = m_store->timeMs(rows.front());
    const qint64 last = m_store->timeMs(rows.back());
    // About 48 bars over the span shown, in whole minutes.
    const qint64 span = std::max<qint64>(last - first, 60 * 1000);
    m_chartBucketMs = std::max<qint64>((span / 48 + 59999) / 60000 * 60000, 60000);
    m_chartFromMs = first / m_chartBucketMs * m_chartBucketMs;
    const std::size_t buckets = std::size_t((last - m_chartFromMs) / m_chartBucketMs + 1);
    const auto counts = m_store->histogram(&rows, m_chartFromMs, m_chartBucketMs, buckets);
    auto *set = new QBarSet(tr("Events"));
    QStringList labels;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        *set << counts[i];
        labels << QDateTime::fromMSecsSinceEpoch(m_chartFromMs + qint64(i) * m_chartBucketMs)
                      .toString(QStringLiteral("HH:mm"));
    }
    connect(set, &QBarSet::clicked, this, [this](int index) {
        const qint64 from = m_chartFromMs + qint64(index) * m_chartBucketMs;
        setTimeRange(from, from + m_chartBucketMs);
    });
    auto *series = new QBarSeries;
    series->setBarWidth(0.9);
    series->append(set);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    x->setLabelsAngle(-60);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    y->applyNiceNumbers();
}

void RejectLogView::showDetail() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        m_openFix->setVisible(false);
        return;
    }
    const std::uint32_t row = m_model->storeRow(current.row());
    const EventRecord r = m_store->record(row);
    const CatalogEntry *entry = m_catalog.entry(r.reason);
    const CatalogText t = entry ? entry->text(m_language) : CatalogText();
    QString html = QStringLiteral("<h3>%1</h3>").arg(m_model->className(r.reason).toHtmlEscaped());
    if (entry) {
        const QString verdict =
            entry->verdict == QLatin1String("right")
                ? tr("Usually right: the server is doing its job (mostly spam or abuse).")
            : entry->verdict == QLatin1String("misconfiguration")
                ? tr("Usually a misconfiguration, on this server or the sender's.")
            : entry->verdict == QLatin1String("local") ? tr("A problem on this server.")
                                                       : tr("Can be either: look at the details.");
        html += QStringLiteral("<p><i>%1</i></p>").arg(verdict.toHtmlEscaped());
        const auto section = [&html](const QString &title, const QString &body) {
            if (!body.isEmpty())
                html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                            .arg(title.toHtmlEscaped(), body.toHtmlEscaped());
        };
        section(tr("What happened"), t.what);
        section(tr("Who did it"), t.who);
        section(tr("The fix"), t.fix);
        section(tr("What the fix costs"), t.cost);
        if (!entry->settings.isEmpty()) {
            html += QStringLiteral("<p><b>%1</b><br>").arg(tr("Settings").toHtmlEscaped());
            for (const CatalogSetting &s : entry->settings) {
                QString line = s.system + QLatin1String(": ") + s.name;
                if (!s.name24.isEmpty())
                    line += QStringLiteral(" (Dovecot 2.4: %1)").arg(s.name24);
                if (!s.value.isEmpty())
                    line += QLatin1String(" = ") + s.value;
                if (!s.file.isEmpty())
                    line += QStringLiteral(" — %1").arg(s.file);
                html += line.toHtmlEscaped() + QLatin1String("<br>");
            }
            html += QLatin1String("</p>");
        }
    }
    QStringList facts;
    const auto fact = [&facts](const QString &label, const QString &value) {
        if (!value.isEmpty())
            facts
                << QStringLiteral("<b>%1</b> %2").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    fact(tr("Time:"), m_model->timeText(row));
    fact(tr("Server:"), r.server);
    fact(tr("Program:"), r.program);
    fact(tr("Client:"), r.clientIp.isEmpty()
                            ? r.clientHost
                            : QStringLiteral("%1 [%2]").arg(r.clientHost, r.clientIp));
    fact(tr("Sender:"), r.sender);
    fact(tr("Recipient:"), r.recipient);
    fact(tr("HELO:"), r.helo);
    fact(tr("User:"), r.user);
    fact(tr("Reply:"), r.smtpCode ? QString::number(r.smtpCode) + QLatin1Char(' ') + r.enhancedCode
                                  : r.enhancedCode);
    fact(tr("Text:"), r.text);
    html += QStringLiteral("<p>%1</p>").arg(facts.join(QLatin1String("<br>")));
    const QByteArray raw = m_store->rawLine(row);
    if (!raw.isEmpty())
        html += QStringLiteral("<p><b>%1</b><br><code>%2</code></p>")
                    .arg(tr("Log line").toHtmlEscaped(), QString::fromUtf8(raw).toHtmlEscaped());
    m_detail->setHtml(html);
    const bool wizard = !profileIdForEvent(r.reason, entry ? entry->action : QString()).isEmpty() &&
                        isSignalConnected(QMetaMethod::fromSignal(&RejectLogView::wizardRequested));
    m_openFix->setText(wizard ? tr("Fix with Wizard…") : tr("Open the fix…"));
    m_openFix->setVisible(
        wizard || (entry && !entry->action.isEmpty() &&
                   isSignalConnected(QMetaMethod::fromSignal(&RejectLogView::fixRequested))));
}

void RejectLogView::setStatus(const QString &text) {
    m_status->setText(text);
    Q_EMIT statusChanged(text);
}

void RejectLogView::followServer(SshSession *ssh, const QString &path, int serverUtcOffsetMinutes,
                                 qint64 backfillSeconds) {
    TailOptions options{path};
    options.backfillSeconds = backfillSeconds;
    startTail(new LogTail(ssh, options, this), path, serverUtcOffsetMinutes);
}

void RejectLogView::followFile(const QString &path) {
    TailOptions options{path};
    options.backfillSeconds = 400 * 24 * 3600; // the whole file: rotated ones only when recent
    startTail(new LogTail(options, this), path, QDateTime::currentDateTime().offsetFromUtc() / 60);
}

void RejectLogView::startTail(LogTail *tail, const QString &path, int utcOffsetMinutes) {
    QPointer<LogTail> keep(tail);
    stop();
    replaceStore(std::make_unique<EventStore>());
    m_tail = keep;
    m_followedPath = path;
    m_feed = new LogFeed(*m_store, m_tail, path, utcOffsetMinutes, m_tail);
    connect(m_feed, &LogFeed::rowsAppended, this, &RejectLogView::onRowsAppended);
    connect(m_tail, &LogTail::stateChanged, this, [this, path](LogTail::State state) {
        switch (state) {
        case LogTail::State::Starting:
            setStatus(tr("Opening %1…").arg(path));
            break;
        case LogTail::State::Backfilling:
            setStatus(tr("Reading the last hours of %1…").arg(path));
            break;
        case LogTail::State::Following:
            showFollowingStatus();
            break;
        case LogTail::State::Reconnecting:
            setStatus(tr("Connection lost; reconnecting and resuming where it stopped…"));
            break;
        case LogTail::State::Failed:
        case LogTail::State::Idle:
            break;
        }
    });
    connect(m_tail, &LogTail::backfillFinished, this, [this] {
        populateReasonCombo();
        updatePanels();
    });
    connect(m_tail, &LogTail::gap, this, [this](const QString &why) {
        setStatus(tr("Some lines may be missing after the reconnect: %1").arg(why));
    });
    connect(m_tail, &LogTail::failed, this, [this](const Error &e) {
        setStatus(tr("Cannot follow the log: %1 %2").arg(e.message, e.detail));
    });
    tail->start();
}

void RejectLogView::stop() {
    if (m_tail) {
        m_tail->stop();
        delete m_tail; // also the feed, its child
    }
}

void RejectLogView::replaceStore(std::unique_ptr<EventStore> store) {
    // The model first: it must never point at a store that is gone.
    m_model->setStore(store.get());
    m_store = std::move(store);
    populateReasonCombo();
    updateFollowUi();
    updatePanels();
    showDetail();
}

void RejectLogView::loadFiles(const QStringList &files) {
    if (m_loading || files.isEmpty())
        return;
    stop();
    m_loading = true;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto progress = std::make_shared<std::atomic<int>>(0);
    auto *dialog = new QProgressDialog(tr("Reading %n log file(s)…", nullptr, int(files.size())),
                                       tr("Cancel"), 0, 1000, this);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(300);
    connect(dialog, &QProgressDialog::canceled, this, [cancel] { *cancel = true; });
    auto *poll = new QTimer(dialog);
    connect(poll, &QTimer::timeout, dialog, [dialog, progress] { dialog->setValue(*progress); });
    poll->start(100);
    const QStringList ordered = orderRotatedSet(files);
    auto *watcher = new QFutureWatcher<std::pair<Status, EventStore *>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, dialog, files] {
        auto [status, store] = watcher->result();
        std::unique_ptr<EventStore> loaded(store);
        watcher->deleteLater();
        dialog->deleteLater();
        m_loading = false;
        if (!status.ok()) {
            setStatus(status.error().code == QLatin1String("logs.cancelled")
                          ? tr("Reading the files was cancelled.")
                          : tr("Cannot read the files: %1").arg(status.error().message));
            return;
        }
        replaceStore(std::move(loaded));
        setStatus(tr("%n event(s) from %1", nullptr, int(m_store->size()))
                      .arg(files.size() == 1 ? files.first()
                                             : tr("%n file(s)", nullptr, int(files.size()))));
    });
    watcher->setFuture(QtConcurrent::run([ordered, cancel, progress] {
        auto store = std::make_unique<EventStore>();
        HistoryOptions options;
        options.localOffsetMinutes = QDateTime::currentDateTime().offsetFromUtc() / 60;
        const auto r = loadHistory(
            ordered, *store, options,
            [progress](std::uint64_t done, std::uint64_t total, int) {
                *progress = total ? int(done * 1000 / total) : 0;
            },
            cancel.get());
        if (!r.ok())
            return std::pair<Status, EventStore *>(Status(r.error()), nullptr);
        if (*cancel)
            return std::pair<Status, EventStore *>(
                Status(Error{QStringLiteral("logs.cancelled"), QString(), QString()}), nullptr);
        return std::pair<Status, EventStore *>(Status(), store.release());
    }));
}

void RejectLogView::chooseFiles() {
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Open mail log files"), QString(),
                                      tr("Mail logs (*.log* maillog* *.gz);;All files (*)"));
    loadFiles(files);
}

bool RejectLogView::exportCsv(const QString &fileName, QString *error) const {
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QByteArray chunk = db::Csv::formatRecord(m_model->csvHeader()).toUtf8();
    for (std::uint32_t row : m_model->matchingRows()) {
        chunk += db::Csv::formatRecord(m_model->csvFields(row)).toUtf8();
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void RejectLogView::chooseExport() {
    const QString name = QFileDialog::getSaveFileName(
        this, tr("Export events"), QStringLiteral("rejects.csv"), tr("CSV files (*.csv)"));
    if (name.isEmpty())
        return;
    QString error;
    if (exportCsv(name, &error))
        setStatus(tr("Exported %n event(s) to %1", nullptr, int(m_model->matchingRows().size()))
                      .arg(name));
    else
        setStatus(tr("Cannot write %1: %2").arg(name, error));
}

} // namespace maildeck::ui
