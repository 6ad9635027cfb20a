#include "ui/connection/ConnectionIndicator.h"

#include "ui/common/ThemeColors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>

namespace maildeck::ui {

namespace {
// The dot's colour: a tone computed from the palette (ui/common/ThemeColors), never a fixed RGB.
Tone toneOf(ConnectionIndicator::State state) {
    switch (state) {
    case ConnectionIndicator::State::Disconnected:
        return Tone::Neutral;
    case ConnectionIndicator::State::Connecting:
    case ConnectionIndicator::State::Lost:
        return Tone::Warning;
    case ConnectionIndicator::State::Connected:
        return Tone::Success;
    case ConnectionIndicator::State::Failed:
        return Tone::Error;
    }
    return Tone::Neutral;
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
        const QColor colour = toneText(toneOf(state), palette());
        painter.setPen(palette().color(QPalette::WindowText));
        painter.setBrush(colour);
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1));
    }
    m_dot->setPixmap(dot);
    m_text->setText(text);
    m_details = details;
    setToolTip(details.isEmpty() ? text : details);
    setCursor(state == State::Lost || state == State::Failed ? Qt::PointingHandCursor
                                                             : Qt::ArrowCursor);
}

QString ConnectionIndicator::text() const {
    return m_text->text();
}

void ConnectionIndicator::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    // Light/dark switched: draw the dot again in the new palette's tone.
    if (event->type() == QEvent::PaletteChange)
        setState(m_state, m_text->text(), m_details);
}

void ConnectionIndicator::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked();
    QWidget::mouseReleaseEvent(event);
}

} // namespace maildeck::ui
