#pragma once

#include "core/lists/MailingLists.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace maildeck::ui {

class MessageBanner;

// The subscribers of one list, one row each (address, kind).
class SubscriberModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { AddressColumn, KindColumn, ColumnCount };
    enum Role { AddressRole = Qt::UserRole + 1, KindRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setSubscribers(const lists::Subscribers &subscribers);
    static QString kindLabel(lists::SubscriberKind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        QString address;
        lists::SubscriberKind kind;
    };
    QList<Row> m_rows;
};

// A list's subscribers (normal, digest, no-mail, as mlmmj keeps them) in a filterable table:
// add one or several addresses, remove the selected ones, import a file (one address per line,
// or CSV: the first column) in chunks through core's bulk import with progress and Cancel,
// listing every refused address and why, and export the shown addresses to a file.
class SubscribersDialog : public QDialog {
    Q_OBJECT
public:
    SubscribersDialog(lists::MailingLists *lists, const QString &address,
                      QWidget *parent = nullptr);

    struct Refused {
        int line = 0;
        QString text;
        QString reason;
    };
    struct ImportReport {
        qint64 added = 0;
        qint64 elsewhere = 0; // already subscribed as another kind (core left them there)
        QList<Refused> refused;
        bool canceled = false;
        std::optional<Error> error;
    };

    void reload();
    // Reads the addresses of `path` and imports them as `kind` (the dialog's choice when not
    // given). false when the file cannot be read (then the banner says why).
    bool importFile(const QString &path);
    bool exportFile(const QString &path);
    // Addresses in "a, b c" or one per line: subscribed at once (mlmmj-sub).
    void addAddresses(const QString &text);
    void removeSelected();
    void cancelImport();

    SubscriberModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filter() const { return m_filter; }
    QComboBox *kindFilter() const { return m_kindFilter; }
    QComboBox *addKind() const { return m_addKind; }
    QProgressBar *progress() const { return m_progress; }
    QPlainTextEdit *report() const { return m_report; }
    MessageBanner *banner() const { return m_banner; }
    bool isBusy() const { return m_busy; }
    int shownCount() const;

    // Splits file text into candidate addresses with their line numbers: one per line, the
    // first CSV column (quotes removed); blank lines and '#' comments skipped.
    static QList<QPair<int, QString>> parseAddressFile(const QString &text);

Q_SIGNALS:
    void loaded(int total);
    void importFinished(const maildeck::ui::SubscribersDialog::ImportReport &report);
    void writeFinished(bool ok);

private:
    void setBusy(bool busy);
    void importNextChunk();
    void finishImport();
    void afterWrite(const Status &status, const QString &done);
    void updateSummary();

    QPointer<lists::MailingLists> m_lists;
    QString m_address;
    lists::Subscribers m_current;
    bool m_busy = false;

    // The running import.
    QStringList m_pending;
    qsizetype m_sent = 0;
    lists::SubscriberKind m_importKind = lists::SubscriberKind::Normal;
    ImportReport m_importReport;
    bool m_cancel = false;

    MessageBanner *m_banner = nullptr;
    SubscriberModel *m_model = nullptr;
    QSortFilterProxyModel *m_kindProxy = nullptr;
    QSortFilterProxyModel *m_textProxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_kindFilter = nullptr;
    QLabel *m_summary = nullptr;
    QLineEdit *m_addInput = nullptr;
    QComboBox *m_addKind = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QPlainTextEdit *m_report = nullptr;
};

} // namespace maildeck::ui
