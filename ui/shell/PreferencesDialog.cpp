#include "ui/shell/PreferencesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace maildeck::ui {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_initial(Preferences::load()) {
    setObjectName(QStringLiteral("PreferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("LanguageChoice"));
    m_language->addItem(tr("System language"), int(Preferences::Language::System));
    // Each language by its own name, as every desktop lists them.
    m_language->addItem(QStringLiteral("English"), int(Preferences::Language::English));
    m_language->addItem(QStringLiteral("日本語"), int(Preferences::Language::Japanese));
    m_language->setCurrentIndex(m_language->findData(int(m_initial.language)));
    m_languageNote = new QLabel(this);
    m_languageNote->setObjectName(QStringLiteral("LanguageNote"));
    m_languageNote->setWordWrap(true);
    m_languageNote->setText(tr("MailDeck uses the new language the next time it starts."));

    m_appearance = new QComboBox(this);
    m_appearance->setObjectName(QStringLiteral("AppearanceChoice"));
    m_appearance->addItem(tr("System"), int(Appearance::System));
    m_appearance->addItem(tr("Light"), int(Appearance::Light));
    m_appearance->addItem(tr("Dark"), int(Appearance::Dark));
    m_appearance->setCurrentIndex(m_appearance->findData(int(m_initial.appearance)));
    auto *appearanceNote = new QLabel(
        tr("System follows the desktop's light or dark setting where the desktop tells it."), this);
    appearanceNote->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_languageNote);
    form->addRow(tr("&Appearance:"), m_appearance);
    form->addRow(QString(), appearanceNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::accepted, this, &PreferencesDialog::onAccepted);
    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateNote);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    updateNote();
}

Preferences PreferencesDialog::preferences() const {
    Preferences p;
    p.language = Preferences::Language(m_language->currentData().toInt());
    p.appearance = Appearance(m_appearance->currentData().toInt());
    return p;
}

void PreferencesDialog::updateNote() {
    // The note matters once the choice differs from what this session started with.
    QFont font = m_languageNote->font();
    font.setBold(preferences().language != m_initial.language);
    m_languageNote->setFont(font);
}

void PreferencesDialog::onAccepted() {
    const Preferences chosen = preferences();
    chosen.save();
    if (chosen.appearance != m_initial.appearance)
        applyAppearance(chosen.appearance);
}

} // namespace maildeck::ui
