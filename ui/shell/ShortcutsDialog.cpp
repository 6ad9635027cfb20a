#include "ui/shell/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace maildeck::ui {

namespace {

// "&Find Domain" -> "Find Domain", "ファイル(&F)" -> "ファイル" (a doubled && stays one &).
QString plainText(QString text) {
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\(&[^)&]\\)"));
    static const QRegularExpression mnemonic(QStringLiteral("&(?!&)"));
    text.remove(cjkMnemonic);
    text.remove(mnemonic);
    text.replace(QStringLiteral("&&"), QStringLiteral("&"));
    return text.trimmed();
}

void collectMenu(const QMenu *menu, const QString &section, QList<ShortcutsDialog::Entry> &out,
                 QSet<const QAction *> &seen) {
    const auto actions = menu->actions();
    for (const QAction *action : actions) {
        if (action->menu()) {
            collectMenu(action->menu(), section, out, seen);
            continue;
        }
        if (action->isSeparator() || action->shortcuts().isEmpty() || seen.contains(action))
            continue;
        seen.insert(action);
        out.append({section, plainText(action->text()), action->shortcuts()});
    }
}

} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::collect(const QMainWindow *window) {
    QList<Entry> entries;
    QSet<const QAction *> seen;
    const auto menus = window->menuBar()->actions();
    for (const QAction *menuAction : menus) {
        if (menuAction->menu())
            collectMenu(menuAction->menu(), plainText(menuAction->text()), entries, seen);
    }
    // The tables' own actions (Insert, F2, Delete …), once per text and keys.
    QSet<QString> shown;
    for (const Entry &e : std::as_const(entries))
        shown.insert(e.action + QKeySequence::listToString(e.keys));
    const auto all = window->findChildren<QAction *>();
    for (const QAction *action : all) {
        if (seen.contains(action) || action->shortcuts().isEmpty() || action->isSeparator())
            continue;
        const QString text = plainText(action->text());
        const QString id = text + QKeySequence::listToString(action->shortcuts());
        if (text.isEmpty() || shown.contains(id))
            continue;
        shown.insert(id);
        entries.append({tr("In the tables"), text, action->shortcuts()});
    }
    return entries;
}

ShortcutsDialog::ShortcutsDialog(const QList<Entry> &entries, QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("ShortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_view = new QTreeWidget(this);
    m_view->setObjectName(QStringLiteral("ShortcutsView"));
    m_view->setColumnCount(2);
    m_view->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_view->setRootIsDecorated(false);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setFocusPolicy(Qt::NoFocus);
    QTreeWidgetItem *section = nullptr;
    for (const Entry &entry : entries) {
        if (!section || section->text(0) != entry.section) {
            section = new QTreeWidgetItem(m_view, {entry.section});
            QFont bold = section->font(0);
            bold.setBold(true);
            section->setFont(0, bold);
            section->setFirstColumnSpanned(true);
        }
        QStringList keys;
        for (const QKeySequence &k : entry.keys)
            keys.append(k.toString(QKeySequence::NativeText));
        new QTreeWidgetItem(section, {entry.action, keys.join(tr(", "))});
    }
    m_view->expandAll();
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    resize(520, 560);
}

} // namespace maildeck::ui
