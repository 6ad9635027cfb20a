#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>

class QMainWindow;
class QTreeWidget;

namespace maildeck::ui {

// Help > Keyboard Shortcuts: every action of the main window that has a shortcut, by menu, then
// those that act in the domain's tables. Collected from the actions themselves, so the list
// cannot drift from what the keys do.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    struct Entry {
        QString section;
        QString action;
        QList<QKeySequence> keys;
    };

    explicit ShortcutsDialog(const QList<Entry> &entries, QWidget *parent = nullptr);

    // The entries of `window`: its menu bar's actions (menu by menu, submenus included), then its
    // other actions with shortcuts (tables' context actions) under "In the tables".
    static QList<Entry> collect(const QMainWindow *window);

    QTreeWidget *view() const { return m_view; }

private:
    QTreeWidget *m_view = nullptr;
};

} // namespace maildeck::ui
