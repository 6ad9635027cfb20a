#pragma once

#include "core/common/Result.h"
#include "core/session/ServerConnection.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;

namespace maildeck::ui {

class MessageBanner;

// The progress of one connection as a checklist: reaching the server, its host key, logging in,
// the database password, the tunnel and the database, each pending, running (busy), done, failed
// (with what to do), skipped or cancelled. Cancel stops the connection without waiting for it.
// When connecting fails the dialog stays with the error and offers "Edit Profile" and "Retry";
// when it succeeds the dialog closes by itself.
//
// Host-key and password questions keep coming from the window's DialogPrompter.
class ConnectDialog : public QDialog {
    Q_OBJECT
public:
    enum class Row { Resolving, HostKey, Auth, DbPassword, Tunnel, Database };
    Q_ENUM(Row)
    enum class RowState { Pending, Running, Done, Failed, Skipped, Cancelled };
    Q_ENUM(RowState)
    static constexpr int kRowCount = 6;

    explicit ConnectDialog(QWidget *parent = nullptr);

    // Shows the connection's progress from the start and calls connectToServer(); returns its
    // future. The connection may be deleted meanwhile (then the dialog forgets it).
    QFuture<Status> start(ServerConnection *connection);

    RowState rowState(Row row) const;
    QString rowStatus(Row row) const; // the text shown next to the row
    QString statusText() const;
    bool isRunning() const { return m_running; }

    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *editButton() const { return m_edit; }
    MessageBanner *banner() const { return m_banner; }

    void reject() override;

Q_SIGNALS:
    void connected();
    void retryRequested();
    void editProfileRequested();

private:
    struct RowWidgets {
        QLabel *icon = nullptr;
        QProgressBar *busy = nullptr;
        QLabel *name = nullptr;
        QLabel *status = nullptr;
        QLabel *hint = nullptr;
        RowState state = RowState::Pending;
    };

    void setRow(Row row, RowState state, const QString &status = {});
    void onProgress(ServerConnection::Step step, const QString &text);
    void onFinished(const Status &status);
    void cancel();
    void setButtons();
    void fitHeight();
    static QString hintFor(Row row);

    QPointer<ServerConnection> m_connection;
    quint64 m_attempt = 0;
    bool m_running = false;
    bool m_cancelling = false;
    bool m_failed = false;
    bool m_directRoute = false;
    RowWidgets m_rows[kRowCount];
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    MessageBanner *m_banner = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace maildeck::ui
