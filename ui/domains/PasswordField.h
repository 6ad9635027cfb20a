#pragma once

#include "core/db/PasswordHash.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace maildeck::ui {

class FieldErrorLabel;

// A new password: the input (hidden unless "Show"), a "Generate" button (16 characters from the
// system's CSPRNG, shown so it can be passed on) and a strength hint that updates as one types.
class PasswordField : public QWidget {
    Q_OBJECT
public:
    enum class Strength { Empty, Weak, Fair, Strong };

    explicit PasswordField(const QString &name, QWidget *parent = nullptr);

    QString password() const; // exactly as typed: never trimmed
    void setPassword(const QString &password);
    void setError(const QString &message);
    QLineEdit *input() const { return m_input; }
    QLabel *strengthLabel() const { return m_strength; }

    static Strength strengthOf(const QString &password);
    static QString generate(int length = 16);
    // Fills a combo box with the schemes MailDeck writes, `preferred` selected (data: int scheme).
    static void fillSchemes(QComboBox *box, db::PasswordScheme preferred);

Q_SIGNALS:
    void changed();

private:
    void updateStrength();

    QLineEdit *m_input = nullptr;
    QToolButton *m_show = nullptr;
    QPushButton *m_generate = nullptr;
    QLabel *m_strength = nullptr;
    FieldErrorLabel *m_error = nullptr;
};

} // namespace maildeck::ui
