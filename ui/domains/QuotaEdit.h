#pragma once

#include <QWidget>

class QComboBox;
class QSpinBox;

namespace maildeck::ui {

// A quota in MB or GB; 0 means unlimited. iRedMail stores megabytes (facts §1.3).
class QuotaEdit : public QWidget {
    Q_OBJECT
public:
    explicit QuotaEdit(const QString &name, QWidget *parent = nullptr);

    qint64 megabytes() const;
    // Shows whole gigabytes in GB, anything else in MB.
    void setMegabytes(qint64 megabytes);
    QSpinBox *spinBox() const { return m_value; }
    QComboBox *unitBox() const { return m_unit; }

Q_SIGNALS:
    void changed();

private:
    QSpinBox *m_value = nullptr;
    QComboBox *m_unit = nullptr;
};

} // namespace maildeck::ui
