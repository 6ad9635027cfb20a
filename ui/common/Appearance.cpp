#include "ui/common/Appearance.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>

namespace maildeck::ui {

namespace {

// What the platform gave before we changed anything, to return to for "System".
struct Original {
    QString styleName;
    QPalette palette;
};

Original &original() {
    static Original saved = [] {
        Original o;
        if (QApplication::style())
            o.styleName = QApplication::style()->name();
        o.palette = QApplication::palette();
        return o;
    }();
    return saved;
}

void useStyle(const QString &name) {
    if (!QApplication::style() || QApplication::style()->name().compare(name, Qt::CaseInsensitive))
        QApplication::setStyle(QStyleFactory::create(name));
}

} // namespace

QPalette darkPalette() {
    const QColor window(45, 45, 48);
    const QColor base(30, 30, 32);
    const QColor alternate(40, 40, 43);
    const QColor text(230, 230, 230);
    const QColor disabledText(130, 130, 130);
    const QColor button(55, 55, 58);
    const QColor highlight(42, 110, 187);
    const QColor link(110, 170, 255);

    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Light, QColor(75, 75, 78));
    p.setColor(QPalette::Midlight, QColor(62, 62, 65));
    p.setColor(QPalette::Mid, QColor(38, 38, 40));
    p.setColor(QPalette::Dark, QColor(25, 25, 27));
    p.setColor(QPalette::Shadow, QColor(10, 10, 10));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, QColor(255, 255, 255));
    p.setColor(QPalette::Link, link);
    p.setColor(QPalette::LinkVisited, QColor(190, 150, 255));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 80, 80));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    return p;
}

std::optional<bool> portalPrefersDark() {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return std::nullopt;
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.portal.Desktop"),
        QStringLiteral("/org/freedesktop/portal/desktop"),
        QStringLiteral("org.freedesktop.portal.Settings"), QStringLiteral("Read"));
    call << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme");
    // Short: a desktop without the portal must not delay the start.
    const QDBusMessage reply = bus.call(call, QDBus::Block, 500);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return std::nullopt;
    // Read() answers a variant holding a variant (the value); unwrap both.
    QVariant value = reply.arguments().constFirst();
    while (value.canConvert<QDBusVariant>() && value.userType() == qMetaTypeId<QDBusVariant>())
        value = qvariant_cast<QDBusVariant>(value).variant();
    bool ok = false;
    const uint scheme = value.toUInt(&ok);
    if (!ok)
        return std::nullopt;
    // 0 no preference, 1 prefer dark, 2 prefer light.
    if (scheme == 1)
        return true;
    if (scheme == 2)
        return false;
    return std::nullopt;
}

void applyAppearance(Appearance appearance) {
    const Original &start = original();
    std::optional<bool> dark;
    switch (appearance) {
    case Appearance::Dark:
        dark = true;
        break;
    case Appearance::Light:
        dark = false;
        break;
    case Appearance::System:
        dark = portalPrefersDark();
        break;
    }
    // Untouched until there is something to change: an application palette set explicitly
    // would stop following the platform theme's own changes.
    static bool changed = false;
    if (dark.value_or(false)) {
        useStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        changed = true;
    } else if (dark.has_value()) {
        if (!start.styleName.isEmpty())
            useStyle(start.styleName);
        QApplication::setPalette(QApplication::style()->standardPalette());
        changed = true;
    } else if (changed) {
        if (!start.styleName.isEmpty())
            useStyle(start.styleName);
        QApplication::setPalette(start.palette);
        changed = false;
    }
}

} // namespace maildeck::ui
