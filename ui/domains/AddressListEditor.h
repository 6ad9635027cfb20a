#pragma once

#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace maildeck::ui {

class FieldErrorLabel;

// A list of mail addresses with "Add" and "Remove": each address is checked
// (EmailAddress::parse) when it is added; a bad one stays in the input with the reason under it.
// Addresses are kept in storage form (punycode) and shown in Unicode. Where iRedMail accepts
// them (moderators of an alias account: iRedAPD matches "*@domain" against the sender), the
// editor can also take domain wildcards "*@domain" (setDomainWildcardsAllowed); elsewhere a
// typed wildcard is refused with a message saying so.
class AddressListEditor : public QWidget {
    Q_OBJECT
public:
    // `name` becomes the objectName; the input is `name + "Input"`.
    explicit AddressListEditor(const QString &name, QWidget *parent = nullptr);

    QStringList addresses() const; // storage form, in list order
    void setAddresses(const QStringList &storageForms);
    void setPlaceholderText(const QString &text);
    // Accept "*@domain" entries (stored "*@<punycode>", shown in Unicode). Default: off.
    void setDomainWildcardsAllowed(bool allowed) { m_wildcards = allowed; }
    bool domainWildcardsAllowed() const { return m_wildcards; }
    // Adds what is in the input; false (and a message at the field) when it is not an address.
    bool addFromInput();
    // Shows a message at the field (e.g. from the server: "no such mailbox").
    void setError(const QString &message);
    // Text typed but not added yet (OK then adds it first).
    bool hasPendingInput() const;
    QLineEdit *input() const { return m_input; }
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void changed();

private:
    void updateButtons();

    QLineEdit *m_input = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QListWidget *m_list = nullptr;
    FieldErrorLabel *m_error = nullptr;
    bool m_wildcards = false;
};

} // namespace maildeck::ui
