#pragma once

#include "core/profiles/ServerProfile.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace maildeck::ui {

class FieldErrorLabel;

// The server's flavour and the paths that follow from it (mail log, Postfix, Dovecot, iRedAPD,
// mlmmj, sshd, service commands, change history), with "Reset to the flavour's defaults". Every
// ServerPaths field has a row, so saving a profile through this editor keeps them all. Choosing
// another flavour moves the paths along when they still are the old flavour's defaults; edited
// paths stay.
class ServerPathsEditor : public QWidget {
    Q_OBJECT
public:
    explicit ServerPathsEditor(QWidget *parent = nullptr);

    void setValues(ServerFlavour flavour, const ServerPaths &paths);
    ServerFlavour flavour() const;
    ServerPaths paths() const;

    // Shows a message at each field that is wrong; true when all are fine.
    bool validate();

    QComboBox *flavourBox() const { return m_flavour; }
    QPushButton *resetButton() const { return m_reset; }

    // The flavour's name for people ("Debian / Ubuntu").
    static QString flavourLabel(ServerFlavour flavour);

Q_SIGNALS:
    void changed();

private:
    struct PathField {
        QString ServerPaths::*member;
        QLineEdit *edit;
        FieldErrorLabel *error;
        bool isCommand;
        bool optional; // empty means "the service manager decides" (iRedAPD's commands)
    };

    void onFlavourChanged();
    void applyDefaults(ServerFlavour flavour);

    QComboBox *m_flavour = nullptr;
    QPushButton *m_reset = nullptr;
    QList<PathField> m_fields;
    ServerFlavour m_shownFlavour = ServerFlavour::Debian;
};

} // namespace maildeck::ui
