#include "ui/connection/ServerPathsEditor.h"

#include "ui/domains/FieldErrorLabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace maildeck::ui {

namespace {
constexpr ServerFlavour kFlavours[] = {ServerFlavour::Debian, ServerFlavour::Rhel,
                                       ServerFlavour::FreeBsd, ServerFlavour::OpenBsd,
                                       ServerFlavour::Lab};
} // namespace

QString ServerPathsEditor::flavourLabel(ServerFlavour flavour) {
    switch (flavour) {
    case ServerFlavour::Debian:
        return tr("Debian / Ubuntu");
    case ServerFlavour::Rhel:
        return tr("RHEL / Rocky / AlmaLinux / CentOS");
    case ServerFlavour::FreeBsd:
        return tr("FreeBSD");
    case ServerFlavour::OpenBsd:
        return tr("OpenBSD");
    case ServerFlavour::Lab:
        return tr("MailDeck test lab");
    }
    return {};
}

ServerPathsEditor::ServerPathsEditor(QWidget *parent)
    : QWidget(parent) {
    m_flavour = new QComboBox(this);
    m_flavour->setObjectName(QStringLiteral("Flavour"));
    for (ServerFlavour f : kFlavours)
        m_flavour->addItem(flavourLabel(f), int(f));
    m_flavour->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_reset = new QPushButton(tr("&Reset to the flavour's defaults"), this);
    m_reset->setObjectName(QStringLiteral("ResetPaths"));
    m_reset->setToolTip(tr("Replaces every path and command below with the defaults of iRedMail "
                           "on the chosen system."));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *flavourRow = new QHBoxLayout;
    flavourRow->addWidget(m_flavour, 1);
    flavourRow->addWidget(m_reset);
    auto *flavourLabel = new QLabel(tr("Operating &system:"), this);
    flavourLabel->setBuddy(m_flavour);
    form->addRow(flavourLabel, flavourRow);

    auto add = [this, form](QString ServerPaths::*member, const QString &name, const QString &label,
                            bool isCommand, bool optional = false) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(name);
        auto *error = new FieldErrorLabel(edit, this);
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->addWidget(edit);
        box->addWidget(error);
        auto *caption = new QLabel(label, this);
        caption->setBuddy(edit);
        form->addRow(caption, box);
        connect(edit, &QLineEdit::textEdited, this, [this, error] {
            error->clearError();
            Q_EMIT changed();
        });
        if (optional)
            edit->setPlaceholderText(tr("Empty: the service manager's restart and status"));
        m_fields.append({member, edit, error, isCommand, optional});
    };
    add(&ServerPaths::mailLog, QStringLiteral("MailLog"), tr("&Mail log:"), false);
    add(&ServerPaths::postfixConfigDir, QStringLiteral("PostfixDir"), tr("&Postfix directory:"),
        false);
    add(&ServerPaths::dovecotConfig, QStringLiteral("DovecotConfig"), tr("&Dovecot configuration:"),
        false);
    add(&ServerPaths::dovecotLogDir, QStringLiteral("DovecotLogDir"), tr("Dovecot &log directory:"),
        false);
    add(&ServerPaths::iredapdSettings, QStringLiteral("IredapdSettings"), tr("&iRedAPD settings:"),
        false);
    add(&ServerPaths::mlmmjSpool, QStringLiteral("MlmmjSpool"), tr("m&lmmj spool:"), false);
    add(&ServerPaths::postfixCommand, QStringLiteral("PostfixCommand"), tr("Postfix &command:"),
        true);
    add(&ServerPaths::dovecotCommand, QStringLiteral("DovecotCommand"), tr("Dovecot c&ommand:"),
        true);
    add(&ServerPaths::iredapdRestartCommand, QStringLiteral("IredapdRestartCommand"),
        tr("iRedAPD r&estart command:"), true, true);
    add(&ServerPaths::iredapdStatusCommand, QStringLiteral("IredapdStatusCommand"),
        tr("iRedAPD s&tatus command:"), true, true);
    add(&ServerPaths::sshdConfig, QStringLiteral("SshdConfig"), tr("ss&hd configuration:"), false);
    add(&ServerPaths::changeHistoryDir, QStringLiteral("ChangeHistoryDir"),
        tr("Chan&ge history directory:"), false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addStretch(1);

    connect(m_flavour, &QComboBox::currentIndexChanged, this, &ServerPathsEditor::onFlavourChanged);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        applyDefaults(flavour());
        Q_EMIT changed();
    });
    setValues(ServerFlavour::Debian, ServerPaths::defaultsFor(ServerFlavour::Debian));
}

void ServerPathsEditor::setValues(ServerFlavour flavour, const ServerPaths &paths) {
    m_shownFlavour = flavour;
    {
        const QSignalBlocker block(m_flavour);
        m_flavour->setCurrentIndex(m_flavour->findData(int(flavour)));
    }
    for (const PathField &f : std::as_const(m_fields)) {
        f.edit->setText(paths.*(f.member));
        f.error->clearError();
    }
}

ServerFlavour ServerPathsEditor::flavour() const {
    return ServerFlavour(m_flavour->currentData().toInt());
}

ServerPaths ServerPathsEditor::paths() const {
    ServerPaths p;
    for (const PathField &f : m_fields)
        p.*(f.member) = f.edit->text().trimmed();
    return p;
}

bool ServerPathsEditor::validate() {
    bool ok = true;
    for (const PathField &f : std::as_const(m_fields)) {
        const QString text = f.edit->text().trimmed();
        QString message;
        if (text.isEmpty() && f.optional)
            message.clear();
        else if (text.isEmpty())
            message = f.isCommand ? tr("Enter the command (for example \"postfix\").")
                                  : tr("Enter the path on the server.");
        else if (!f.isCommand && !text.startsWith(QLatin1Char('/')))
            message = tr("Enter an absolute path, starting with \"/\".");
        f.error->setError(message);
        ok = ok && message.isEmpty();
    }
    return ok;
}

void ServerPathsEditor::onFlavourChanged() {
    // Paths nobody edited follow the flavour; edited ones stay until "Reset" is pressed.
    const ServerPaths oldDefaults = ServerPaths::defaultsFor(m_shownFlavour);
    const ServerPaths newDefaults = ServerPaths::defaultsFor(flavour());
    for (const PathField &f : std::as_const(m_fields)) {
        if (f.edit->text().trimmed() == oldDefaults.*(f.member)) {
            f.edit->setText(newDefaults.*(f.member));
            f.error->clearError();
        }
    }
    m_shownFlavour = flavour();
    Q_EMIT changed();
}

void ServerPathsEditor::applyDefaults(ServerFlavour flavour) {
    const ServerPaths defaults = ServerPaths::defaultsFor(flavour);
    for (const PathField &f : std::as_const(m_fields)) {
        f.edit->setText(defaults.*(f.member));
        f.error->clearError();
    }
    m_shownFlavour = flavour;
}

} // namespace maildeck::ui
