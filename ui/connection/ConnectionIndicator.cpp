#include "ui/connection/ConnectionIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>

namespace maildeck::ui {

namespace {
QColor colourOf(ConnectionIndicator::State state) {
    switch (state) {
    case ConnectionIndicator::State::Disconnected:
        return QColor(150, 150, 150);
    case ConnectionIndicator::State::Connecting:
        return QColor(230, 170, 30);
    case ConnectionIndicator::State::Connected:
        return QColor(40, 170, 70);
    case ConnectionIndicator::State::Lost:
        return QColor(230, 120, 20);
    case ConnectionIndicator::State::Failed:
        return QColor(200, 40, 40);
    }
    return {};
}
} // namespace

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("ConnectionIndicator"));
    m_dot = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("ConnectionText"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    setState(State::Disconnected, tr("Not connected"));
}

void ConnectionIndicator::setState(State state, const QString &text, const QString &details) {
    m_state = state;
    const int size = fontMetrics().height() * 2 / 3;
    const qreal ratio = devicePixelRatioF();
    QPixmap dot(QSize(size, size) * ratio);
    dot.setDevicePixelRatio(ratio);
    dot.fill(Qt::transparent);
    {
        QPainter painter(&dot);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(colourOf(state).darker(130));
        painter.setBrush(colourOf(state));
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1));
    }
    m_dot->setPixmap(dot);
    m_text->setText(text);
    setToolTip(details.isEmpty() ? text : details);
    setCursor(state == State::Lost || state == State::Failed ? Qt::PointingHandCursor
                                                             : Qt::ArrowCursor);
}

QString ConnectionIndicator::text() const {
    return m_text->text();
}

void ConnectionIndicator::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked();
    QWidget::mouseReleaseEvent(event);
}

} // namespace maildeck::ui
