#pragma once

#include <QObject>
#include <QString>

class QHeaderView;
class QWidget;

namespace maildeck::ui {

// Remembers, in QSettings group "layout", the header layout (column widths, order, hidden
// columns, sort column) of every table and tree of MailDeck, and the size of each of its dialogs.
// Installed once on the application; it watches widgets being shown, so a new table or dialog is
// covered without any code of its own, provided the view has an objectName (the key is
// "<window class>/<view objectName>"). The main window keeps its own geometry and dock state.
class WindowMemory : public QObject {
    Q_OBJECT
public:
    explicit WindowMemory(QObject *parent = nullptr);

    // Creates the application's instance (a child of qApp) and starts watching.
    static void install();

    // The settings key of `view`'s header layout, or "" when it cannot be remembered (no
    // objectName).
    static QString headerKey(const QWidget *view);
    // Restores `header` from `key` now (or once it has columns) and saves every later change.
    static void remember(QHeaderView *header, const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace maildeck::ui
