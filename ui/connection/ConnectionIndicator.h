#pragma once

#include <QWidget>

class QLabel;

namespace maildeck::ui {

// The connection's state in the status bar: a coloured dot and a short text, details in the
// tooltip. Clicking it emits clicked() (the window reconnects when the connection was lost).
class ConnectionIndicator : public QWidget {
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Lost, Failed };
    Q_ENUM(State)

    explicit ConnectionIndicator(QWidget *parent = nullptr);

    void setState(State state, const QString &text, const QString &details = {});
    State state() const { return m_state; }
    QString text() const;

Q_SIGNALS:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    State m_state = State::Disconnected;
    QLabel *m_dot = nullptr;
    QLabel *m_text = nullptr;
    QString m_details;
};

} // namespace maildeck::ui
