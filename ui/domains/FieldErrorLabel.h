#pragma once

#include <QLabel>

namespace maildeck::ui {

// A precise message under an input field ("The local part may only contain …"); hidden while
// there is nothing to say. Tests find it by the field's objectName + "Error".
class FieldErrorLabel : public QLabel {
    Q_OBJECT
public:
    explicit FieldErrorLabel(QWidget *field, QWidget *parent = nullptr);

    void setError(const QString &message);
    void clearError() { setError({}); }
    bool hasError() const { return !text().isEmpty(); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTone();
};

} // namespace maildeck::ui
