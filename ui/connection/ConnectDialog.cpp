#include "ui/connection/ConnectDialog.h"

#include "ui/common/MessageBanner.h"
#include "ui/common/ThemeColors.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace maildeck::ui {

namespace {
using Row = ConnectDialog::Row;
using RowState = ConnectDialog::RowState;

bool isCancelled(const Error &e) {
    return e.code == QLatin1String("connect.cancelled") ||
           e.code == QLatin1String("session.cancelled");
}

QColor stateColour(RowState s) {
    // Tones computed from the palette (ui/common/ThemeColors): readable light or dark.
    const QPalette pal = QApplication::palette();
    switch (s) {
    case RowState::Done:
        return toneText(Tone::Success, pal);
    case RowState::Failed:
        return toneText(Tone::Error, pal);
    case RowState::Cancelled:
        return toneText(Tone::Warning, pal);
    default:
        return toneText(Tone::Neutral, pal);
    }
}
} // namespace

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("ConnectDialog"));
    setWindowTitle(tr("Connecting"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("ConnectTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);

    const QString names[kRowCount] = {
        tr("Reaching the server"), tr("Host key"), tr("Authentication"),
        tr("Database password"),   tr("Tunnel"),   tr("Database")};
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(4);
    grid->setColumnStretch(2, 1);
    const int iconWidth = fontMetrics().horizontalAdvance(QStringLiteral("MMM"));
    for (int i = 0; i < kRowCount; ++i) {
        RowWidgets &r = m_rows[i];
        r.icon = new QLabel(this);
        r.icon->setAlignment(Qt::AlignCenter);
        r.icon->setFixedWidth(iconWidth);
        r.busy = new QProgressBar(this);
        r.busy->setRange(0, 0);
        r.busy->setTextVisible(false);
        r.busy->setFixedSize(iconWidth, fontMetrics().height() / 2 + 2);
        r.busy->hide();
        r.name = new QLabel(names[i], this);
        r.status = new QLabel(this);
        r.status->setObjectName(QStringLiteral("StepStatus%1").arg(i));
        r.status->setWordWrap(true);
        r.hint = new QLabel(this);
        r.hint->setWordWrap(true);
        r.hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
        r.hint->hide();
        const int line = i * 2;
        grid->addWidget(r.icon, line, 0, Qt::AlignCenter);
        grid->addWidget(r.busy, line, 0, Qt::AlignCenter);
        grid->addWidget(r.name, line, 1);
        grid->addWidget(r.status, line, 2);
        grid->addWidget(r.hint, line + 1, 1, 1, 2);
    }
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("ConnectStatus"));
    m_status->setWordWrap(true);
    m_banner = new MessageBanner(this);

    auto *buttons = new QDialogButtonBox(this);
    m_edit = buttons->addButton(tr("&Edit Profile…"), QDialogButtonBox::ActionRole);
    m_edit->setObjectName(QStringLiteral("EditProfile"));
    m_retry = buttons->addButton(tr("&Retry"), QDialogButtonBox::ActionRole);
    m_retry->setObjectName(QStringLiteral("Retry"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("CancelConnect"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("CloseConnect"));
    connect(m_cancel, &QPushButton::clicked, this, &ConnectDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, &ConnectDialog::retryRequested);
    connect(m_edit, &QPushButton::clicked, this, &ConnectDialog::editProfileRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addSpacing(6);
    layout->addLayout(grid);
    layout->addSpacing(6);
    layout->addWidget(m_status);
    layout->addWidget(m_banner);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    for (int i = 0; i < kRowCount; ++i)
        setRow(Row(i), RowState::Pending);
    setButtons();
}

QFuture<Status> ConnectDialog::start(ServerConnection *connection) {
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    const quint64 attempt = ++m_attempt;
    m_running = true;
    m_cancelling = false;
    m_failed = false;
    const ServerProfile &p = connection->profile();
    m_directRoute = p.dbRoute == DbRoute::Direct;
    setWindowTitle(tr("Connecting to %1").arg(p.name));
    m_title->setText(tr("Connecting to %1 as %2…").arg(p.host, p.user));
    for (int i = 0; i < kRowCount; ++i)
        setRow(Row(i), RowState::Pending);
    m_status->clear();
    m_banner->hide();
    setButtons();
    connect(connection, &ServerConnection::progress, this, &ConnectDialog::onProgress);
    // The first step is announced from inside connectToServer(): connect before calling it.
    QFuture<Status> future = connection->connectToServer();
    // A watcher, not future.then(): in Qt 6.4 a future has one continuation slot, and the caller
    // attaches its own continuation to the returned future (a second then() replaces the first).
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, attempt] {
        watcher->deleteLater();
        const QFuture<Status> done = watcher->future();
        if (attempt != m_attempt)
            return;
        onFinished(done.resultCount() > 0 ? done.result()
                                          : Status(Error{QStringLiteral("connect.cancelled"),
                                                         tr("Connecting was cancelled."),
                                                         {}}));
    });
    watcher->setFuture(future);
    return future;
}

void ConnectDialog::setRow(Row row, RowState state, const QString &status) {
    RowWidgets &r = m_rows[int(row)];
    r.state = state;
    r.busy->setVisible(state == RowState::Running);
    r.icon->setVisible(state != RowState::Running);
    switch (state) {
    case RowState::Pending:
        r.icon->setText(QStringLiteral("○"));
        break;
    case RowState::Running:
        break;
    case RowState::Done:
        r.icon->setText(QStringLiteral("✓"));
        break;
    case RowState::Failed:
        r.icon->setText(QStringLiteral("✗"));
        break;
    case RowState::Skipped:
        r.icon->setText(QStringLiteral("–"));
        break;
    case RowState::Cancelled:
        r.icon->setText(QStringLiteral("⊘"));
        break;
    }
    QPalette pal = r.icon->palette();
    pal.setColor(QPalette::WindowText, stateColour(state));
    r.icon->setPalette(pal);
    QFont f = r.name->font();
    f.setBold(state == RowState::Running || state == RowState::Failed);
    r.name->setFont(f);
    QString text = status;
    if (text.isEmpty()) {
        switch (state) {
        case RowState::Pending:
            text = QString();
            break;
        case RowState::Running:
            text = tr("running…");
            break;
        case RowState::Done:
            text = tr("done");
            break;
        case RowState::Failed:
            text = tr("failed");
            break;
        case RowState::Skipped:
            text = tr("not needed");
            break;
        case RowState::Cancelled:
            text = tr("cancelled");
            break;
        }
    }
    r.status->setText(text);
    QPalette sp = r.status->palette();
    sp.setColor(QPalette::WindowText, state == RowState::Failed || state == RowState::Cancelled
                                          ? stateColour(state)
                                          : QApplication::palette().color(QPalette::WindowText));
    r.status->setPalette(sp);
    if (state != RowState::Failed)
        r.hint->hide();
}

ConnectDialog::RowState ConnectDialog::rowState(Row row) const {
    return m_rows[int(row)].state;
}

QString ConnectDialog::rowStatus(Row row) const {
    return m_rows[int(row)].status->text();
}

QString ConnectDialog::statusText() const {
    return m_status->text();
}

void ConnectDialog::onProgress(ServerConnection::Step step, const QString &text) {
    if (!m_running || m_cancelling)
        return;
    int current = kRowCount; // Done: everything before is finished
    switch (step) {
    case ServerConnection::Step::Resolving:
        current = int(Row::Resolving);
        break;
    case ServerConnection::Step::HostKey:
        current = int(Row::HostKey);
        break;
    case ServerConnection::Step::Auth:
        current = int(Row::Auth);
        break;
    case ServerConnection::Step::DbPassword:
        current = int(Row::DbPassword);
        break;
    case ServerConnection::Step::Tunnel:
        current = int(Row::Tunnel);
        break;
    case ServerConnection::Step::Database:
        current = int(Row::Database);
        break;
    case ServerConnection::Step::Done:
        break;
    }
    // Steps the connection passed without announcing them: a known host key, a direct route.
    for (int i = 0; i < current; ++i) {
        const RowState s = m_rows[i].state;
        if (s == RowState::Done || s == RowState::Skipped)
            continue;
        if (Row(i) == Row::Tunnel && m_directRoute)
            setRow(Row(i), RowState::Skipped, tr("not needed (direct route)"));
        else if (Row(i) == Row::HostKey && s == RowState::Pending)
            setRow(Row(i), RowState::Done, tr("known"));
        else
            setRow(Row(i), RowState::Done);
    }
    if (current < kRowCount)
        setRow(Row(current), RowState::Running, text);
    m_status->setText(text);
}

void ConnectDialog::onFinished(const Status &status) {
    m_running = false;
    if (status.ok()) {
        onProgress(ServerConnection::Step::Done, tr("Connected."));
        if (m_connection)
            m_title->setText(tr("Connected to %1 as %2.")
                                 .arg(m_connection->profile().host, m_connection->profile().user));
        m_status->setText(tr("Connected."));
        setButtons();
        Q_EMIT connected();
        // Long enough to see the last tick.
        QTimer::singleShot(400, this, [this] {
            if (!m_running)
                accept();
        });
        return;
    }
    const Error &error = status.error();
    int failed = -1;
    for (int i = 0; i < kRowCount && failed < 0; ++i) {
        if (m_rows[i].state == RowState::Running || m_rows[i].state == RowState::Cancelled)
            failed = i;
    }
    if (failed < 0) {
        for (int i = 0; i < kRowCount && failed < 0; ++i) {
            if (m_rows[i].state == RowState::Pending)
                failed = i;
        }
    }
    if (isCancelled(error) || m_cancelling) {
        if (failed >= 0)
            setRow(Row(failed), RowState::Cancelled);
        m_status->setText(tr("Cancelled."));
        setButtons();
        QDialog::reject();
        return;
    }
    if (failed >= 0) {
        setRow(Row(failed), RowState::Failed);
        RowWidgets &r = m_rows[failed];
        r.hint->setText(hintFor(Row(failed)));
        QPalette pal = r.hint->palette();
        pal.setColor(QPalette::WindowText,
                     QApplication::palette().color(QPalette::PlaceholderText));
        r.hint->setPalette(pal);
        r.hint->show();
    }
    m_failed = true;
    if (m_connection)
        m_title->setText(tr("Could not connect to %1 as %2.")
                             .arg(m_connection->profile().host, m_connection->profile().user));
    m_status->setText(tr("What went wrong:"));
    m_banner->showError(error);
    setButtons();
    fitHeight();
    m_retry->setDefault(true);
    m_retry->setFocus();
}

void ConnectDialog::cancel() {
    if (!m_running) {
        QDialog::reject();
        return;
    }
    if (m_cancelling)
        return;
    m_cancelling = true;
    for (int i = 0; i < kRowCount; ++i) {
        if (m_rows[i].state == RowState::Running)
            setRow(Row(i), RowState::Cancelled);
    }
    m_status->setText(tr("Cancelling…"));
    setButtons();
    if (m_connection)
        m_connection->cancelConnect();
    // The connection answers at once; should it not, the dialog still closes.
    const quint64 attempt = m_attempt;
    QTimer::singleShot(1500, this, [this, attempt] {
        if (attempt == m_attempt && m_cancelling && isVisible()) {
            m_running = false;
            m_status->setText(tr("Cancelled."));
            QDialog::reject();
        }
    });
}

void ConnectDialog::reject() {
    // Escape and the window's close button cancel a running connection.
    if (m_running)
        cancel();
    else
        QDialog::reject();
}

void ConnectDialog::setButtons() {
    const bool failed = !m_running && m_failed;
    m_cancel->setVisible(m_running);
    m_cancel->setEnabled(m_running && !m_cancelling);
    m_retry->setVisible(failed);
    m_edit->setVisible(failed);
    m_close->setVisible(!m_running);
}

void ConnectDialog::fitHeight() {
    // Wrapped hints and the banner need more height at the current width.
    if (QLayout *l = layout())
        l->activate();
    if (hasHeightForWidth())
        resize(width(), std::max(height(), heightForWidth(width())));
    else
        resize(width(), std::max(height(), sizeHint().height()));
}

QString ConnectDialog::hintFor(Row row) {
    switch (row) {
    case Row::Resolving:
        return tr("Check the host name and port in the profile, and that the server is reachable "
                  "from this computer (try: ssh -p PORT USER@HOST).");
    case Row::HostKey:
        return tr("Compare the key with the one the server's administrator gives you. If the "
                  "server was reinstalled, remove its old line from the known_hosts file "
                  "(ssh-keygen -R HOST) and connect again.");
    case Row::Auth:
        return tr("Check the user and the key file in the profile. With ssh-agent, check that "
                  "the key is loaded (ssh-add -l).");
    case Row::DbPassword:
        return tr("Check where the profile takes the database password from: the file on the "
                  "server must exist and be readable, or choose the keychain.");
    case Row::Tunnel:
        return tr("Check the database host and port in the profile (as seen from the server) and "
                  "that the SSH server allows port forwarding.");
    case Row::Database:
        return tr("Check the database name, user and password in the profile, and that MariaDB "
                  "is running.");
    }
    return {};
}

} // namespace maildeck::ui
