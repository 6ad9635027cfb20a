#include "ui/domains/FieldErrorLabel.h"

#include <QApplication>

namespace maildeck::ui {

FieldErrorLabel::FieldErrorLabel(QWidget *field, QWidget *parent)
    : QLabel(parent) {
    if (field && !field->objectName().isEmpty())
        setObjectName(field->objectName() + QStringLiteral("Error"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette pal = palette();
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    pal.setColor(QPalette::WindowText, dark ? QColor(255, 120, 120) : QColor(180, 20, 20));
    setPalette(pal);
    hide();
}

void FieldErrorLabel::setError(const QString &message) {
    setText(message);
    setVisible(!message.isEmpty());
}

} // namespace maildeck::ui
