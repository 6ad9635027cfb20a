#include "ui/connection/FlavourConfirmDialog.h"

#include "ui/common/ThemeColors.h"
#include "ui/connection/ServerPathsEditor.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace maildeck::ui {

FlavourConfirmDialog::FlavourConfirmDialog(const QString &profileName,
                                           const DetectedServer &detected, QWidget *parent)
    : QDialog(parent) {
    const QString &summary = detected.summary;
    const QStringList &notes = detected.notes;
    setObjectName(QStringLiteral("FlavourConfirmDialog"));
    setWindowTitle(tr("Confirm the Server's System"));

    auto *intro = new QLabel(tr("This is the first connection to %1. MailDeck looked at the server "
                                "and will use the paths below for its logs and configuration. "
                                "Check them and correct what does not fit.")
                                 .arg(profileName),
                             this);
    intro->setWordWrap(true);

    auto *found = new QGroupBox(tr("Found on the server"), this);
    auto *foundLayout = new QVBoxLayout(found);
    QString summaryText = summary.isEmpty() ? tr("The system could not be identified.") : summary;
    if (detected.recognised)
        summaryText += QStringLiteral(" — ") + ServerPathsEditor::flavourLabel(detected.flavour);
    auto *summaryLabel = new QLabel(summaryText, found);
    summaryLabel->setObjectName(QStringLiteral("DetectedSummary"));
    summaryLabel->setWordWrap(true);
    summaryLabel->setTextFormat(Qt::PlainText);
    summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    foundLayout->addWidget(summaryLabel);
    if (!notes.isEmpty()) {
        QStringList lines;
        for (const QString &note : notes)
            lines << QStringLiteral("• ") + note;
        auto *notesLabel = new QLabel(lines.join(QLatin1Char('\n')), found);
        notesLabel->setObjectName(QStringLiteral("DetectedNotes"));
        notesLabel->setWordWrap(true);
        notesLabel->setTextFormat(Qt::PlainText);
        notesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QPalette pal = notesLabel->palette();
        pal.setColor(QPalette::WindowText, toneText(Tone::Warning, pal));
        notesLabel->setPalette(pal);
        foundLayout->addWidget(notesLabel);
    }

    m_paths = new ServerPathsEditor(this);
    m_paths->setObjectName(QStringLiteral("PathsEditor"));
    m_paths->setValues(detected.flavour, detected.paths);

    auto *buttons = new QDialogButtonBox(this);
    m_accept = buttons->addButton(tr("&Use These Paths"), QDialogButtonBox::AcceptRole);
    m_accept->setObjectName(QStringLiteral("AcceptFlavour"));
    m_accept->setDefault(true);
    buttons->addButton(tr("Ask &Again Next Time"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &FlavourConfirmDialog::onAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(found);
    layout->addWidget(m_paths, 1);
    layout->addWidget(buttons);
    setMinimumWidth(620);
}

ServerFlavour FlavourConfirmDialog::flavour() const {
    return m_paths->flavour();
}

ServerPaths FlavourConfirmDialog::paths() const {
    return m_paths->paths();
}

void FlavourConfirmDialog::onAccept() {
    if (m_paths->validate())
        accept();
}

} // namespace maildeck::ui
