#pragma once

#include "ui/domains/EditorDialog.h"

class QComboBox;
class QLineEdit;

namespace maildeck::ui {

class FieldErrorLabel;

// New per-user alias address: mail to the alias address is delivered to one mailbox
// (forwardings, is_alias=1), e.g. j.smith@ for john.smith@.
class UserAliasDialog : public EditorDialog {
    Q_OBJECT
public:
    // `mailboxes`: the domain's mailboxes (storage form); `target` preselected if given.
    UserAliasDialog(DbWorker *db, const QString &domain, const QStringList &mailboxes,
                    const QString &target = {}, QWidget *parent = nullptr);

    QString alias() const { return m_alias; }
    QString target() const;
    QLineEdit *aliasInput() const { return m_aliasInput; }

protected:
    bool isComplete() const override;
    bool validate() override;
    QFuture<Status> startWrite() override;
    bool showFieldError(const Error &error) override;

private:
    QString m_domain;
    QString m_alias;
    QLineEdit *m_aliasInput = nullptr;
    FieldErrorLabel *m_aliasError = nullptr;
    QComboBox *m_target = nullptr;
};

} // namespace maildeck::ui
