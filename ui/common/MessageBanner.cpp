#include "ui/common/MessageBanner.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace maildeck::ui {

MessageBanner::MessageBanner(QWidget *parent) : QFrame(parent)
{
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

void MessageBanner::showMessage(Kind kind, const QString &text, const QString &details)
{
    // Colours from the palette's own roles keep the banner readable in dark mode too.
    QPalette pal = QApplication::palette();
    QColor tint = kind == Kind::Error     ? QColor(220, 60, 60)
                  : kind == Kind::Warning ? QColor(230, 160, 40)
                                          : QColor(60, 130, 220);
    QColor base = pal.color(QPalette::Window);
    QColor mixed = QColor::fromRgbF(base.redF() * 0.8 + tint.redF() * 0.2,
                                    base.greenF() * 0.8 + tint.greenF() * 0.2,
                                    base.blueF() * 0.8 + tint.blueF() * 0.2);
    pal.setColor(QPalette::Window, mixed);
    setPalette(pal);
    m_label->setText(text);
    m_details = details;
    m_copyButton->setVisible(!details.isEmpty());
    show();
}

void MessageBanner::showError(const Error &error)
{
    QString details = error.code;
    if (!error.detail.isEmpty())
        details += QLatin1Char('\n') + error.detail;
    showMessage(Kind::Error, error.message, details);
}

QString MessageBanner::text() const
{
    return m_label->text();
}

} // namespace maildeck::ui
