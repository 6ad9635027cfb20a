#pragma once

#include "core/db/MailboxRepository.h"

#include <QDialog>
#include <QPointer>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace maildeck {
class DbWorker;
}

namespace maildeck::ui {

class MessageBanner;

// Bulk import of mailboxes from a CSV file (header: address, password[, name, quota, language]).
// Every line is checked first and shown with its problem; the server is asked which addresses
// are taken; only a clean file can be imported. The import is one transaction with a progress
// bar; Cancel rolls it back, and so does any failing line.
class MailboxImportDialog : public QDialog {
    Q_OBJECT
public:
    MailboxImportDialog(DbWorker *db, const QString &domain,
                        db::PasswordScheme scheme = db::PasswordScheme::Ssha512,
                        QWidget *parent = nullptr);

    // Reads the file and shows the preview.
    bool loadFile(const QString &path);
    // Shows the preview of CSV text (tests; loadFile() ends here).
    void setCsvText(const QString &text, const QString &sourceName = {});

    struct Line {
        int line = 0;
        db::NewMailbox mailbox;
        QString error; // empty: fine
    };
    const QList<Line> &lines() const { return m_lines; }
    int errorCount() const;
    QPushButton *importButton() const { return m_import; }
    QTableWidget *preview() const { return m_table; }
    bool isImporting() const { return m_importing; }
    int createdCount() const { return m_created; }

Q_SIGNALS:
    void imported(int count);

private:
    void chooseFile();
    void showLines();
    void checkAgainstServer();
    void startImport();
    void finishImport(const Status &status);
    void updateButtons();

    QPointer<DbWorker> m_db;
    QString m_domain;
    db::PasswordScheme m_scheme;
    QList<Line> m_lines;
    QString m_fileError;
    bool m_checking = false;
    bool m_importing = false;
    int m_created = 0;
    std::shared_ptr<std::atomic<int>> m_progressCount;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<QList<db::LineError>> m_serverErrors;

    MessageBanner *m_banner = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QComboBox *m_schemeBox = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_choose = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QTimer *m_progressTimer = nullptr;
};

} // namespace maildeck::ui
