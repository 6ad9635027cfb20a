#pragma once

#include "core/common/Result.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace maildeck::ui {

// An inline message shown where something happened (not a modal box): what went wrong, what to
// do, and "Copy details" for a report.
class MessageBanner : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text, const QString &details = {});
    void showError(const Error &error);
    QString text() const;
    // The text "Copy details" puts on the clipboard.
    QString details() const { return m_details; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTone();

    Kind m_kind = Kind::Info;
    QLabel *m_label = nullptr;
    QPushButton *m_copyButton = nullptr;
    QString m_details;
};

} // namespace maildeck::ui
