#include "ui/domains/FieldErrorLabel.h"

#include "ui/common/ThemeColors.h"

#include <QApplication>
#include <QEvent>

namespace maildeck::ui {

FieldErrorLabel::FieldErrorLabel(QWidget *field, QWidget *parent)
    : QLabel(parent) {
    if (field && !field->objectName().isEmpty())
        setObjectName(field->objectName() + QStringLiteral("Error"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    applyTone();
    hide();
}

void FieldErrorLabel::applyTone() {
    // The error tone computed from the palette (ui/common/ThemeColors): readable light or dark.
    QPalette pal = QApplication::palette();
    pal.setColor(QPalette::WindowText, toneText(Tone::Error, pal));
    setPalette(pal);
}

void FieldErrorLabel::changeEvent(QEvent *event) {
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyTone();
    QLabel::changeEvent(event);
}

void FieldErrorLabel::setError(const QString &message) {
    setText(message);
    setVisible(!message.isEmpty());
}

} // namespace maildeck::ui
