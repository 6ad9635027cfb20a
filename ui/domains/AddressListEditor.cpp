#include "ui/domains/AddressListEditor.h"

#include "core/db/AliasRepository.h"
#include "core/db/EmailAddress.h"
#include "ui/domains/FieldErrorLabel.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>

namespace maildeck::ui {

namespace {
constexpr int StorageRole = Qt::UserRole + 1;
}

AddressListEditor::AddressListEditor(const QString &name, QWidget *parent)
    : QWidget(parent) {
    setObjectName(name);
    m_input = new QLineEdit(this);
    m_input->setObjectName(name + QStringLiteral("Input"));
    m_input->setPlaceholderText(tr("user@example.com"));
    m_add = new QPushButton(tr("&Add"), this);
    m_add->setAutoDefault(false);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setAutoDefault(false);
    m_list = new QListWidget(this);
    m_list->setObjectName(name + QStringLiteral("List"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setMinimumHeight(m_list->fontMetrics().height() * 5);
    m_error = new FieldErrorLabel(m_input, this);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_input, 0, 0);
    layout->addWidget(m_add, 0, 1);
    layout->addWidget(m_error, 1, 0, 1, 2);
    layout->addWidget(m_list, 2, 0, 2, 1);
    layout->addWidget(m_remove, 2, 1, Qt::AlignTop);

    connect(m_add, &QPushButton::clicked, this, &AddressListEditor::addFromInput);
    connect(m_input, &QLineEdit::returnPressed, this, &AddressListEditor::addFromInput);
    connect(m_input, &QLineEdit::textChanged, this, [this] {
        m_error->clearError();
        updateButtons();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const auto selected = m_list->selectedItems();
        for (QListWidgetItem *item : selected)
            delete item;
        updateButtons();
        Q_EMIT changed();
    });
    connect(m_list, &QListWidget::itemSelectionChanged, this, &AddressListEditor::updateButtons);
    updateButtons();
}

QStringList AddressListEditor::addresses() const {
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->data(StorageRole).toString();
    return out;
}

void AddressListEditor::setAddresses(const QStringList &storageForms) {
    m_list->clear();
    for (const QString &stored : storageForms) {
        auto *item = new QListWidgetItem(db::EmailAddress::displayOf(stored), m_list);
        item->setData(StorageRole, stored);
    }
    updateButtons();
}

void AddressListEditor::setPlaceholderText(const QString &text) {
    m_input->setPlaceholderText(text);
}

bool AddressListEditor::addFromInput() {
    const QString text = m_input->text();
    if (text.trimmed().isEmpty())
        return true;
    // Several addresses may be pasted at once, separated by commas, semicolons or spaces.
    const QStringList parts =
        text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    QStringList parsed;
    for (const QString &part : parts) {
        const bool wildcard = part.startsWith(QLatin1String("*@"));
        if (wildcard && m_wildcards) {
            // iRedAPD's "*@domain" moderator entry, checked as the repository stores it.
            auto entry = db::AliasRepository::normaliseModerators({part});
            if (!entry) {
                m_error->setError(entry.error().message);
                m_input->setFocus();
                return false;
            }
            parsed << entry->value(0);
            continue;
        }
        if (wildcard) {
            m_error->setError(tr("\"%1\": a wildcard (*@domain) is not allowed here; type one "
                                 "address.")
                                  .arg(part.left(80)));
            m_input->setFocus();
            return false;
        }
        auto address = db::EmailAddress::parse(part);
        if (!address) {
            m_error->setError(tr("\"%1\": %2").arg(part.left(80), address.error().message));
            m_input->setFocus();
            return false;
        }
        parsed << address->toStorage();
    }
    const QStringList existing = addresses();
    for (const QString &stored : std::as_const(parsed)) {
        if (existing.contains(stored))
            continue;
        auto *item = new QListWidgetItem(db::EmailAddress::displayOf(stored), m_list);
        item->setData(StorageRole, stored);
    }
    m_input->clear();
    m_error->clearError();
    updateButtons();
    Q_EMIT changed();
    return true;
}

void AddressListEditor::setError(const QString &message) {
    m_error->setError(message);
}

bool AddressListEditor::hasPendingInput() const {
    return !m_input->text().trimmed().isEmpty();
}

void AddressListEditor::updateButtons() {
    m_add->setEnabled(!m_input->text().trimmed().isEmpty());
    m_remove->setEnabled(!m_list->selectedItems().isEmpty());
}

} // namespace maildeck::ui
