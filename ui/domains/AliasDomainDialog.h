#pragma once

#include "ui/domains/EditorDialog.h"

class QLineEdit;

namespace maildeck::ui {

class FieldErrorLabel;

// New alias domain: mail to anyone@<alias domain> goes to anyone@<this domain>.
class AliasDomainDialog : public EditorDialog {
    Q_OBJECT
public:
    AliasDomainDialog(DbWorker *db, const QString &targetDomain, QWidget *parent = nullptr);

    QString aliasDomain() const { return m_aliasDomain; } // storage form, after OK
    QLineEdit *nameInput() const { return m_name; }

protected:
    bool isComplete() const override;
    bool validate() override;
    QFuture<Status> startWrite() override;
    bool showFieldError(const Error &error) override;

private:
    QString m_target;
    QString m_aliasDomain;
    QLineEdit *m_name = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
};

} // namespace maildeck::ui
