#pragma once

#include <QPalette>

#include <optional>

namespace maildeck::ui {

// The light or dark look of the application (Preferences > Appearance).
enum class Appearance { System, Light, Dark };

// Fusion's palette made dark: light text on dark grey, a blue highlight. Every role is set, so a
// widget reading any of them stays readable.
QPalette darkPalette();

// What the desktop asks for through the XDG desktop portal (org.freedesktop.appearance
// color-scheme over D-Bus): true = prefer dark, false = prefer light, nullopt = no preference,
// no portal or no session bus. Qt 6.4 on Linux does not read it by itself.
std::optional<bool> portalPrefersDark();

// Applies `appearance` to the running application. Dark: the Fusion style with darkPalette().
// Light: the style's own light palette. System: the portal's preference when it states one,
// otherwise the palette the platform gave at start-up (a KDE or GTK theme may already be dark).
// Our widgets follow at once (they recompute their colours on ApplicationPaletteChange).
void applyAppearance(Appearance appearance);

} // namespace maildeck::ui
