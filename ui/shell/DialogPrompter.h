#pragma once

#include "core/ssh/Prompter.h"

#include <QPointer>

class QWidget;

namespace maildeck::ui {

// Asks the person at the keyboard for secrets and host-key trust, with window-modal dialogs that
// never block the event loop (QDialog::open, answered through the reply callback).
class DialogPrompter : public Prompter {
    Q_OBJECT
public:
    explicit DialogPrompter(QWidget *parentWindow);

    void askSecret(const SecretRequest &request, SecretReply reply) override;
    void confirmHostKey(const HostKeyInfo &info, const QString &message, TrustReply reply) override;

private:
    QPointer<QWidget> m_window;
};

} // namespace maildeck::ui
