#pragma once

#include "core/common/Result.h"
#include "core/logs/EventStore.h"
#include "core/logs/RejectCatalog.h"
#include "ui/compat/EventPrefill.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSplitter;
class QTableView;
class QTableWidget;
class QTabWidget;
class QTextBrowser;
class QToolButton;
class QTreeWidget;

class QChartView;
class QBarSeries;

namespace maildeck {
class SshSession;
}
namespace maildeck::logs {
class LogFeed;
class LogTail;
} // namespace maildeck::logs

namespace maildeck::ui {

class RejectEventModel;

// The live reject-log view: the server's mail log followed over SSH (or log files opened here),
// every reject classified and explained. A filter bar, the table (follow or pause), the detail
// pane with the catalog's explanation and fix, and panels for the top talkers, the relays per
// reason, rejects over time (click a bar to filter the table to it) and suspicious patterns.
class RejectLogView : public QWidget {
    Q_OBJECT
public:
    explicit RejectLogView(QWidget *parent = nullptr);
    ~RejectLogView() override;

    // Follows `path` on the server, first reading the last `backfillSeconds` of rotated logs.
    void followServer(SshSession *ssh, const QString &path, int serverUtcOffsetMinutes,
                      qint64 backfillSeconds = 24 * 3600);
    // Follows a log file on this machine the same way (the whole file first).
    void followFile(const QString &path);
    // Replaces what is shown by these files (a rotated set, plain or gzip), read on a worker.
    void loadFiles(const QStringList &files);
    void stop();

    // For tests and the status line.
    RejectEventModel *model() const { return m_model; }
    const logs::EventStore &store() const { return *m_store; }
    int pendingRows() const;
    // The history is read and the live log is being followed.
    bool isFollowing() const;
    bool exportCsv(const QString &fileName, QString *error = nullptr) const;
    // Restricts the table to [fromMs, toMs) (what a click on the chart does).
    void setTimeRange(qint64 fromMs, qint64 toMs);

Q_SIGNALS:
    // "Open the fix" for the selected event: the catalog's action ("wizard:…", "config:…").
    void fixRequested(const QString &action, const maildeck::logs::EventRecord &event);
    void statusChanged(const QString &text);
    // "Fix with Wizard…" for an event whose class the compatibility wizard handles
    // (profileIdForEvent), with the catalog's action.
    void wizardRequested(const maildeck::ui::EventPrefill &event, const QString &catalogAction);

private:
    void buildUi();
    void applyFilter();
    void onRowsAppended();
    void updateFollowUi();
    void updatePanels();
    void updateChart(const std::vector<std::uint32_t> &rows);
    void showDetail();
    void setStatus(const QString &text);
    void showFollowingStatus();
    void chooseFiles();
    void chooseExport();
    void populateReasonCombo();
    void replaceStore(std::unique_ptr<logs::EventStore> store);
    void startTail(logs::LogTail *tail, const QString &path, int utcOffsetMinutes);

    std::unique_ptr<logs::EventStore> m_store;
    logs::RejectCatalog m_catalog;
    QString m_language;
    RejectEventModel *m_model = nullptr;
    QPointer<logs::LogTail> m_tail;
    QPointer<logs::LogFeed> m_feed;
    bool m_loading = false;
    QString m_followedPath;

    QComboBox *m_period = nullptr;
    QComboBox *m_reason = nullptr;
    QLineEdit *m_client = nullptr;
    QLineEdit *m_senderDomain = nullptr;
    QLineEdit *m_recipientDomain = nullptr;
    QLineEdit *m_text = nullptr;
    QToolButton *m_follow = nullptr;
    QLabel *m_newRows = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    QPushButton *m_openFix = nullptr;
    QTabWidget *m_panels = nullptr;
    QComboBox *m_topDimension = nullptr;
    QTableWidget *m_top = nullptr;
    QTreeWidget *m_relays = nullptr;
    QChartView *m_chart = nullptr;
    QListWidget *m_patterns = nullptr;
    QTimer m_filterDelay;
    QTimer m_panelDelay;
    qint64 m_rangeFrom = 0, m_rangeTo = 0; // a range picked on the chart (0: none)
    qint64 m_chartFromMs = 0, m_chartBucketMs = 0;
};

} // namespace maildeck::ui
