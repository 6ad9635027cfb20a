#pragma once

#include "ui/shell/Preferences.h"

#include <QDialog>

class QComboBox;
class QLabel;

namespace maildeck::ui {

// Edit > Preferences: the interface language (System / English / 日本語, used from the next
// start) and the appearance (System / Light / Dark, applied at once). OK saves and applies.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    Preferences preferences() const;

private:
    void updateNote();
    void onAccepted();

    Preferences m_initial;
    QComboBox *m_language = nullptr;
    QComboBox *m_appearance = nullptr;
    QLabel *m_languageNote = nullptr;
};

} // namespace maildeck::ui
