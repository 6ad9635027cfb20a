#include "ui/domains/EditorDialog.h"

#include "core/db/DbWorker.h"
#include "ui/common/MessageBanner.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace maildeck::ui {

EditorDialog::EditorDialog(DbWorker *db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_writes(db != nullptr) {
    m_banner = new MessageBanner(this);
    m_contentWidget = new QWidget(this);
    m_content = new QVBoxLayout(m_contentWidget);
    m_content->setContentsMargins(0, 0, 0, 0);
    m_progressLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(m_progressLabel->sizeHint().height());
    m_progressLabel->hide();
    m_progress->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EditorDialog::onOk);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel);
    progressRow->addWidget(m_progress, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_contentWidget, 1);
    layout->addLayout(progressRow);
    layout->addWidget(m_buttons);
}

QPushButton *EditorDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

bool EditorDialog::showFieldError(const Error &) {
    return false;
}

void EditorDialog::updateOkButton() {
    okButton()->setEnabled(!m_busy && isComplete());
}

void EditorDialog::setBusy(bool busy, const QString &text) {
    m_busy = busy;
    m_contentWidget->setEnabled(!busy);
    m_progressLabel->setText(text);
    m_progressLabel->setVisible(busy && !text.isEmpty());
    m_progress->setVisible(busy);
    updateOkButton();
}

void EditorDialog::showServerError(const Error &error) {
    if (showFieldError(error))
        return;
    if (error.code == QLatin1String("db.conflict")) {
        // The message already says to reload; say how.
        m_banner->showMessage(MessageBanner::Kind::Error,
                              error.message + QLatin1Char(' ') +
                                  tr("Close this dialog and press Ctrl+R."),
                              error.code + QLatin1Char('\n') + error.detail);
        return;
    }
    m_banner->showError(error);
}

void EditorDialog::onOk() {
    if (m_busy)
        return;
    m_banner->hide();
    if (!validate()) {
        updateOkButton();
        return;
    }
    if (!m_writes) {
        accept();
        return;
    }
    if (!m_db) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The connection to the server was closed. Connect again and "
                                 "reopen this dialog."));
        return;
    }
    setBusy(true, tr("Saving…"));
    startWrite()
        .then(this,
              [this](Status status) {
                  setBusy(false);
                  if (!status) {
                      showServerError(status.error());
                      return;
                  }
                  Q_EMIT written();
                  accept();
              })
        .onCanceled(this, [this] {
            setBusy(false);
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The connection to the database was closed before the "
                                     "change was confirmed. Reload to see whether it was made."));
        });
}

} // namespace maildeck::ui
