#include "ui/common/MessageBanner.h"

#include "ui/common/ThemeColors.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace maildeck::ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent) {
    setObjectName(QStringLiteral("MessageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyButton = new QPushButton(tr("Copy details"), this);
    auto *close = new QToolButton(this);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Dismiss"));
    close->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_copyButton);
    layout->addWidget(close);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_copyButton, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_label->text() + QLatin1Char('\n') + m_details);
    });
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text, const QString &details) {
    m_kind = kind;
    applyTone();
    m_label->setText(text);
    m_details = details;
    m_copyButton->setVisible(!details.isEmpty());
    show();
}

void MessageBanner::applyTone() {
    // A tint of the palette's own window colour: readable in light, dark and system palettes.
    const Tone tone = m_kind == Kind::Error     ? Tone::Error
                      : m_kind == Kind::Warning ? Tone::Warning
                                                : Tone::Info;
    const QPalette app = QApplication::palette();
    QPalette pal = app;
    pal.setColor(QPalette::Window, toneBackground(tone, app));
    setPalette(pal);
}

void MessageBanner::changeEvent(QEvent *event) {
    // Preferences switched light/dark: take the new palette's tint.
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyTone();
    QFrame::changeEvent(event);
}

void MessageBanner::showError(const Error &error) {
    QString details = error.code;
    if (!error.detail.isEmpty())
        details += QLatin1Char('\n') + error.detail;
    showMessage(Kind::Error, error.message, details);
}

QString MessageBanner::text() const {
    return m_label->text();
}

} // namespace maildeck::ui
