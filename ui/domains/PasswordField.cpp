#include "ui/domains/PasswordField.h"

#include "ui/domains/FieldErrorLabel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSet>
#include <QToolButton>

namespace maildeck::ui {

PasswordField::PasswordField(const QString &name, QWidget *parent)
    : QWidget(parent) {
    setObjectName(name);
    m_input = new QLineEdit(this);
    m_input->setObjectName(name + QStringLiteral("Input"));
    m_input->setEchoMode(QLineEdit::Password);
    m_input->setMaxLength(256);
    m_show = new QToolButton(this);
    m_show->setText(tr("Show"));
    m_show->setCheckable(true);
    m_show->setToolTip(tr("Show the password as plain text"));
    m_generate = new QPushButton(tr("&Generate"), this);
    m_generate->setObjectName(name + QStringLiteral("Generate"));
    m_generate->setAutoDefault(false);
    m_generate->setToolTip(tr("Generate a random 16-character password and show it, so that you "
                              "can pass it on"));
    m_strength = new QLabel(this);
    m_strength->setObjectName(name + QStringLiteral("Strength"));
    m_error = new FieldErrorLabel(m_input, this);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_input, 0, 0);
    layout->addWidget(m_show, 0, 1);
    layout->addWidget(m_generate, 0, 2);
    layout->addWidget(m_strength, 1, 0, 1, 3);
    layout->addWidget(m_error, 2, 0, 1, 3);

    connect(m_show, &QToolButton::toggled, this, [this](bool on) {
        m_input->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_generate, &QPushButton::clicked, this, [this] {
        setPassword(generate());
        m_show->setChecked(true);
    });
    connect(m_input, &QLineEdit::textChanged, this, [this] {
        m_error->clearError();
        updateStrength();
        Q_EMIT changed();
    });
    updateStrength();
}

QString PasswordField::password() const {
    return m_input->text();
}

void PasswordField::setPassword(const QString &password) {
    m_input->setText(password);
}

void PasswordField::setError(const QString &message) {
    m_error->setError(message);
}

PasswordField::Strength PasswordField::strengthOf(const QString &password) {
    if (password.isEmpty())
        return Strength::Empty;
    bool lower = false, upper = false, digit = false, other = false;
    QSet<QChar> distinct;
    for (const QChar c : password) {
        distinct.insert(c);
        if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else
            other = true;
    }
    const int classes = int(lower) + int(upper) + int(digit) + int(other);
    const qsizetype length = password.size();
    if (length < 8 || distinct.size() < 5 || classes < 2)
        return Strength::Weak;
    if (length >= 14 && classes >= 3)
        return Strength::Strong;
    if (length >= 12 && classes >= 2 && distinct.size() >= 8)
        return length >= 16 ? Strength::Strong : Strength::Fair;
    return Strength::Fair;
}

QString PasswordField::generate(int length) {
    // No look-alikes (0/O, 1/l/I) and no characters that shells or CSV files treat specially.
    static const QString alphabet =
        QStringLiteral("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_.+=");
    QString out;
    auto *rng = QRandomGenerator::system();
    do {
        out.clear();
        for (int i = 0; i < length; ++i)
            out += alphabet.at(int(rng->bounded(quint32(alphabet.size()))));
    } while (strengthOf(out) != Strength::Strong);
    return out;
}

void PasswordField::fillSchemes(QComboBox *box, db::PasswordScheme preferred) {
    box->clear();
    const struct {
        db::PasswordScheme scheme;
        QString note;
    } schemes[] = {
        {db::PasswordScheme::Ssha512, tr("iRedMail's default on Linux")},
        {db::PasswordScheme::BlfCrypt, tr("bcrypt; iRedMail's default on the BSDs")},
        {db::PasswordScheme::Sha512Crypt, tr("crypt(3) $6$")},
    };
    for (const auto &s : schemes) {
        box->addItem(tr("%1 (%2)").arg(db::PasswordHash::schemeName(s.scheme), s.note),
                     int(s.scheme));
        if (s.scheme == preferred)
            box->setCurrentIndex(box->count() - 1);
    }
}

void PasswordField::updateStrength() {
    switch (strengthOf(m_input->text())) {
    case Strength::Empty:
        m_strength->setText(tr("Use at least 12 characters; mix letters, digits and symbols."));
        break;
    case Strength::Weak:
        m_strength->setText(tr("Strength: weak — easy to guess. Use 12 or more characters of "
                               "several kinds."));
        break;
    case Strength::Fair:
        m_strength->setText(tr("Strength: fair — longer would be better."));
        break;
    case Strength::Strong:
        m_strength->setText(tr("Strength: strong."));
        break;
    }
}

} // namespace maildeck::ui
