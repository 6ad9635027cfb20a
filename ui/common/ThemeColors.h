#pragma once

#include <QColor>
#include <QPalette>

namespace maildeck::ui {

// What a colour means, not which colour it is: our widgets never hard-code an RGB value; they ask
// for a tone and get a colour computed from the current palette, so the same widget is readable
// under a light palette, a dark one and the system's own.
enum class Tone { Error, Warning, Success, Info, Neutral };

// WCAG 2 contrast ratio of two colours (1 … 21).
double contrastRatio(const QColor &a, const QColor &b);

// Text (or a small mark) of `tone` readable on `background` of `palette`: the tone's hue, its
// lightness moved away from the background until the contrast is at least 4.5 : 1. Neutral is
// the palette's PlaceholderText-like mid tone between text and background (still ≥ 4.5 : 1).
QColor toneText(Tone tone, const QPalette &palette,
                QPalette::ColorRole background = QPalette::Window);

// A background tint of `tone` for a banner: the palette's Window mixed with a little of the tone;
// the palette's WindowText stays readable on it.
QColor toneBackground(Tone tone, const QPalette &palette);

// True when the palette is dark (light text on a dark window).
bool isDarkPalette(const QPalette &palette);

} // namespace maildeck::ui
