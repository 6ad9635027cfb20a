#include "ui/common/WindowMemory.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QHeaderView>
#include <QPointer>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

namespace maildeck::ui {

namespace {

const char *const kRememberedProperty = "maildeckLayoutRemembered";

// "maildeck::ui::NewMailboxDialog" -> "NewMailboxDialog"; only MailDeck's own windows count.
QString windowName(const QWidget *window) {
    const QString cls = QString::fromLatin1(window->metaObject()->className());
    if (!cls.startsWith(QLatin1String("maildeck::")))
        return {};
    return cls.mid(cls.lastIndexOf(QLatin1Char(':')) + 1);
}

QHeaderView *headerOf(QWidget *view) {
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    return nullptr;
}

QString dialogSizeKey(const QWidget *dialog) {
    const QString name = windowName(dialog);
    return name.isEmpty() ? QString() : QStringLiteral("layout/%1/size").arg(name);
}

void save(QHeaderView *header, const QString &key) {
    if (!key.isEmpty() && header->count() > 0)
        QSettings().setValue(key, header->saveState());
}

} // namespace

WindowMemory::WindowMemory(QObject *parent)
    : QObject(parent) {}

void WindowMemory::install() {
    if (qApp->findChild<WindowMemory *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    qApp->installEventFilter(new WindowMemory(qApp));
}

QString WindowMemory::headerKey(const QWidget *view) {
    if (!view || view->objectName().isEmpty())
        return {};
    const QString window = windowName(view->window());
    if (window.isEmpty())
        return {};
    return QStringLiteral("layout/%1/%2").arg(window, view->objectName());
}

void WindowMemory::remember(QHeaderView *header, const QString &key) {
    if (!header || key.isEmpty() || header->property(kRememberedProperty).toBool())
        return;
    header->setProperty(kRememberedProperty, true);
    QPointer<QHeaderView> guard(header);
    auto restoreAndWatch = [guard, key] {
        if (!guard)
            return;
        const QByteArray state = QSettings().value(key).toByteArray();
        if (!state.isEmpty())
            guard->restoreState(state);
        // Every later change (by the user, a sort click, or contents resizing a column) is kept
        // half a second later, once; and when the application quits.
        auto *timer = new QTimer(guard);
        timer->setSingleShot(true);
        timer->setInterval(500);
        connect(timer, &QTimer::timeout, guard, [guard, key] { save(guard, key); });
        auto later = [timer] {
            timer->start();
        };
        connect(guard, &QHeaderView::sectionResized, timer, later);
        connect(guard, &QHeaderView::sectionMoved, timer, later);
        connect(guard, &QHeaderView::sortIndicatorChanged, timer, later);
        connect(qApp, &QCoreApplication::aboutToQuit, timer, [guard, key, timer] {
            if (timer->isActive())
                save(guard, key);
        });
    };
    if (header->count() > 0) {
        restoreAndWatch();
        return;
    }
    // No columns yet (no model): restore when the first ones arrive.
    auto *once = new QObject(header);
    connect(header, &QHeaderView::sectionCountChanged, once, [once, restoreAndWatch](int, int now) {
        if (now <= 0)
            return;
        once->deleteLater();
        restoreAndWatch();
    });
}

bool WindowMemory::eventFilter(QObject *watched, QEvent *event) {
    if ((event->type() == QEvent::Show || event->type() == QEvent::Polish) &&
        watched->isWidgetType()) {
        auto *widget = static_cast<QWidget *>(watched);
        if (auto *view = qobject_cast<QAbstractItemView *>(widget)) {
            // Polish: when its window first shows, even on a page of a stack not shown yet.
            if (QHeaderView *header = headerOf(view))
                remember(header, headerKey(view));
        } else if (event->type() == QEvent::Show && widget->isWindow() &&
                   qobject_cast<QDialog *>(widget) &&
                   !widget->property(kRememberedProperty).toBool()) {
            widget->setProperty(kRememberedProperty, true);
            const QString key = dialogSizeKey(widget);
            const QSize size = key.isEmpty() ? QSize() : QSettings().value(key).toSize();
            if (size.isValid())
                widget->resize(size.expandedTo(widget->minimumSizeHint()));
        }
    } else if (event->type() == QEvent::Hide && watched->isWidgetType()) {
        auto *widget = static_cast<QWidget *>(watched);
        if (widget->isWindow()) {
            // The window's tables keep their last layout even when it closes right after a change.
            const auto views = widget->findChildren<QAbstractItemView *>();
            for (QAbstractItemView *view : views) {
                QHeaderView *header = headerOf(view);
                if (header && header->property(kRememberedProperty).toBool())
                    save(header, headerKey(view));
            }
            if (qobject_cast<QDialog *>(widget)) {
                const QString key = dialogSizeKey(widget);
                if (!key.isEmpty())
                    QSettings().setValue(key, widget->size());
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace maildeck::ui
