#include "ui/domains/MailServicesBox.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QRegularExpression>

namespace maildeck::ui {

QStringList MailServicesBox::groups() {
    return {QStringLiteral("send"), QStringLiteral("receive"), QStringLiteral("pop3"),
            QStringLiteral("imap"), QStringLiteral("sieve"),   QStringLiteral("sogo")};
}

QStringList MailServicesBox::groupColumns(const QString &group) {
    if (group == QLatin1String("send"))
        return {QStringLiteral("smtp"), QStringLiteral("smtpsecured")};
    if (group == QLatin1String("receive"))
        return {QStringLiteral("deliver"), QStringLiteral("lda"), QStringLiteral("lmtp")};
    if (group == QLatin1String("pop3"))
        return {QStringLiteral("pop3"), QStringLiteral("pop3secured"), QStringLiteral("pop3tls")};
    if (group == QLatin1String("imap"))
        return {QStringLiteral("imap"), QStringLiteral("imapsecured"), QStringLiteral("imaptls")};
    if (group == QLatin1String("sieve"))
        return {QStringLiteral("managesieve"), QStringLiteral("managesievesecured"),
                QStringLiteral("sieve"), QStringLiteral("sievesecured"),
                QStringLiteral("sievetls")};
    if (group == QLatin1String("sogo"))
        return {QStringLiteral("sogo")};
    return {};
}

MailServicesBox::MailServicesBox(QWidget *parent)
    : QGroupBox(tr("Services"), parent) {
    setObjectName(QStringLiteral("Services"));
    const QMap<QString, QString> labels = {
        {QStringLiteral("send"), tr("Send mail (SMTP submission)")},
        {QStringLiteral("receive"), tr("Receive mail (delivery)")},
        {QStringLiteral("pop3"), tr("POP3")},
        {QStringLiteral("imap"), tr("IMAP")},
        {QStringLiteral("sieve"), tr("Mail filters (Sieve)")},
        {QStringLiteral("sogo"), tr("SOGo groupware")},
    };
    auto *layout = new QGridLayout(this);
    int i = 0;
    for (const QString &group : groups()) {
        auto *box = new QCheckBox(labels.value(group), this);
        box->setObjectName(QStringLiteral("Service_") + group);
        box->setChecked(true);
        box->setToolTip(tr("Columns: %1")
                            .arg(groupColumns(group)
                                     .replaceInStrings(QRegularExpression(QStringLiteral("^")),
                                                       QStringLiteral("enable"))
                                     .join(QStringLiteral(", "))));
        // Partially checked only comes from the data; a click sets on or off.
        connect(box, &QCheckBox::clicked, box, [box](bool checked) {
            box->setTristate(false);
            box->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        });
        m_boxes.insert(group, box);
        m_initial.insert(group, Qt::Checked);
        layout->addWidget(box, i / 2, i % 2);
        ++i;
    }
}

void MailServicesBox::setServices(const QMap<QString, bool> &services) {
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
        int on = 0;
        int known = 0;
        for (const QString &column : groupColumns(it.key())) {
            if (!services.contains(column))
                continue;
            ++known;
            on += services.value(column) ? 1 : 0;
        }
        Qt::CheckState state = on == known ? Qt::Checked
                               : on == 0   ? Qt::Unchecked
                                           : Qt::PartiallyChecked;
        it.value()->setTristate(state == Qt::PartiallyChecked);
        it.value()->setCheckState(state);
        m_initial[it.key()] = state;
    }
}

QMap<QString, bool> MailServicesBox::services(bool all) const {
    QMap<QString, bool> out;
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
        const Qt::CheckState state = it.value()->checkState();
        if (state == Qt::PartiallyChecked)
            continue;
        if (!all && state == m_initial.value(it.key()))
            continue;
        for (const QString &column : groupColumns(it.key()))
            out.insert(column, state == Qt::Checked);
    }
    return out;
}

QStringList MailServicesBox::disabledServices() const {
    QStringList out;
    const QMap<QString, bool> all = services(true);
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        if (!it.value())
            out << it.key();
    return out;
}

} // namespace maildeck::ui
