#pragma once

#include "core/common/Result.h"
#include "core/db/DbWorker.h"
#include "ui/domains/UndoableChange.h"

#include <QDialog>
#include <QFuture>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace maildeck {
class DbWorker;
}

namespace maildeck::ui {

class MessageBanner;

// The frame every editor dialog shares: a banner for server errors at the top, the dialog's own
// content, a progress line and OK/Cancel. A write runs as one DbWorker job; while it runs the
// content and OK are disabled; success closes the dialog, a failure shows in the banner (or at
// the field, if the subclass knows the field) and leaves the dialog open.
//
// Without a DbWorker (tests) OK only validates and accepts; the subclass's request() then tells
// what would have been written.
class EditorDialog : public QDialog {
    Q_OBJECT
public:
    explicit EditorDialog(DbWorker *db, QWidget *parent = nullptr);

    QPushButton *okButton() const;
    MessageBanner *banner() const { return m_banner; }
    bool isBusy() const { return m_busy; }
    // How to undo the last successful write (valid after written()); not undoable when the
    // dialog's write did not fill undoSlot().
    const UndoableChange &undoable() const { return *m_undo; }

protected:
    // Content goes here (between the banner and the buttons).
    QVBoxLayout *contentLayout() const { return m_content; }
    DbWorker *db() const { return m_db; }
    // For startWrite()'s job: fill it (description + revert) after the write succeeded.
    UndoSlot undoSlot() const { return m_undo; }

    // Input is complete enough to press OK (enables the button).
    virtual bool isComplete() const { return true; }
    // Validates every field and shows messages at the fields; true when all is well.
    virtual bool validate() = 0;
    // Starts the write; called after validate() when a DbWorker is present.
    virtual QFuture<Status> startWrite() = 0;
    // Shows a server error at its field; false when no field fits (then the banner shows it).
    virtual bool showFieldError(const Error &error);

    // Call when an input changed: enables OK according to isComplete().
    void updateOkButton();
    void setBusy(bool busy, const QString &text = {});
    void showServerError(const Error &error);

Q_SIGNALS:
    // After a successful write (before the dialog closes).
    void written();

private:
    void onOk();

    QPointer<DbWorker> m_db;
    MessageBanner *m_banner = nullptr;
    QWidget *m_contentWidget = nullptr;
    QVBoxLayout *m_content = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
    bool m_writes = false; // built with a DbWorker: OK writes (else only validates: tests)
    UndoSlot m_undo = std::make_shared<UndoableChange>();
};

} // namespace maildeck::ui
