#pragma once

#include "core/profiles/ServerDetection.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace maildeck::ui {

class ServerPathsEditor;

// After the first connection to a server: what MailDeck found (the system, which log and
// configuration files exist) with the paths it will use, for the admin to accept or correct.
class FlavourConfirmDialog : public QDialog {
    Q_OBJECT
public:
    FlavourConfirmDialog(const QString &profileName, const DetectedServer &detected,
                         QWidget *parent = nullptr);

    ServerFlavour flavour() const;
    ServerPaths paths() const;
    ServerPathsEditor *pathsEditor() const { return m_paths; }
    QPushButton *acceptButton() const { return m_accept; }

private:
    void onAccept();

    ServerPathsEditor *m_paths = nullptr;
    QPushButton *m_accept = nullptr;
};

} // namespace maildeck::ui
