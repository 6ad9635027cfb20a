#include "ui/domains/QuotaEdit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSpinBox>

namespace maildeck::ui {

QuotaEdit::QuotaEdit(const QString &name, QWidget *parent)
    : QWidget(parent) {
    setObjectName(name);
    m_value = new QSpinBox(this);
    m_value->setObjectName(name + QStringLiteral("Value"));
    m_value->setRange(0, 1000000000);
    m_value->setSpecialValueText(tr("Unlimited"));
    m_value->setAccelerated(true);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(name + QStringLiteral("Unit"));
    m_unit->addItem(tr("MB"), 1);
    m_unit->addItem(tr("GB"), 1024);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_value, 1);
    layout->addWidget(m_unit);
    connect(m_value, &QSpinBox::valueChanged, this, &QuotaEdit::changed);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &QuotaEdit::changed);
}

qint64 QuotaEdit::megabytes() const {
    return qint64(m_value->value()) * m_unit->currentData().toLongLong();
}

void QuotaEdit::setMegabytes(qint64 megabytes) {
    const bool gigabytes = megabytes > 0 && megabytes % 1024 == 0;
    m_unit->setCurrentIndex(gigabytes ? 1 : 0);
    m_value->setValue(int(gigabytes ? megabytes / 1024 : qMin<qint64>(megabytes, 1000000000)));
}

} // namespace maildeck::ui
