#pragma once

#include <QGroupBox>
#include <QMap>

class QCheckBox;

namespace maildeck::ui {

// The mail services of a mailbox as a person thinks of them (send, receive, POP3, IMAP, Sieve
// filters, SOGo), each mapped to the `enable<service>` columns behind it. A service whose
// columns disagree shows partially checked and is left alone unless it is clicked.
class MailServicesBox : public QGroupBox {
    Q_OBJECT
public:
    explicit MailServicesBox(QWidget *parent = nullptr);

    // From a mailbox's `services` map (column key -> enabled).
    void setServices(const QMap<QString, bool> &services);
    // The columns whose state the person set (all of a group, for each group they changed or,
    // with `all`, for every group that is not partially checked).
    QMap<QString, bool> services(bool all = false) const;
    // For a new mailbox: the columns to disable.
    QStringList disabledServices() const;

    QCheckBox *checkBox(const QString &group) const { return m_boxes.value(group); }
    static QStringList groupColumns(const QString &group);
    static QStringList groups();

private:
    QMap<QString, QCheckBox *> m_boxes;
    QMap<QString, Qt::CheckState> m_initial;
};

} // namespace maildeck::ui
