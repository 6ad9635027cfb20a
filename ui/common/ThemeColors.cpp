#include "ui/common/ThemeColors.h"

#include <algorithm>
#include <cmath>

namespace maildeck::ui {

namespace {

double channel(double c) {
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c) {
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

// The hue that carries the meaning (HSL hue in degrees, saturation 0 … 1).
struct Hue {
    int hue;
    double saturation;
};

Hue hueOf(Tone tone) {
    switch (tone) {
    case Tone::Error:
        return {0, 0.75};
    case Tone::Warning:
        return {32, 0.9};
    case Tone::Success:
        return {130, 0.6};
    case Tone::Info:
        return {212, 0.7};
    case Tone::Neutral:
        break;
    }
    return {0, 0.0};
}

QColor mix(const QColor &a, const QColor &b, double t) {
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() * (1 - t) + y.redF() * t),
                            float(x.greenF() * (1 - t) + y.greenF() * t),
                            float(x.blueF() * (1 - t) + y.blueF() * t));
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool isDarkPalette(const QPalette &palette) {
    return luminance(palette.color(QPalette::Window)) <
           luminance(palette.color(QPalette::WindowText));
}

QColor toneText(Tone tone, const QPalette &palette, QPalette::ColorRole background) {
    const QColor bg = palette.color(background);
    const bool dark = luminance(bg) < 0.18;
    constexpr double kMinimum = 4.5;
    if (tone == Tone::Neutral) {
        const QColor text =
            palette.color(background == QPalette::Base ? QPalette::Text : QPalette::WindowText);
        // As far from the text towards the background as the contrast allows.
        for (double t = 0.45; t > 0.0; t -= 0.05) {
            const QColor c = mix(text, bg, t);
            if (contrastRatio(c, bg) >= kMinimum)
                return c;
        }
        return text;
    }
    const Hue h = hueOf(tone);
    // Start at a lightness that reads well on this kind of background, then move away from the
    // background until the contrast is enough (always reached at 0 or 1).
    double lightness = dark ? 0.68 : 0.36;
    const double step = dark ? 0.02 : -0.02;
    QColor c = QColor::fromHslF(float(h.hue / 360.0), float(h.saturation), float(lightness));
    while (contrastRatio(c, bg) < kMinimum && lightness > 0.0 && lightness < 1.0) {
        lightness = std::clamp(lightness + step, 0.0, 1.0);
        c = QColor::fromHslF(float(h.hue / 360.0), float(h.saturation), float(lightness));
    }
    return c;
}

QColor toneBackground(Tone tone, const QPalette &palette) {
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    if (tone == Tone::Neutral)
        return window;
    const Hue h = hueOf(tone);
    const QColor pure = QColor::fromHslF(float(h.hue / 360.0), float(h.saturation), 0.5f);
    // A light tint; less when it would cost the text its contrast.
    for (double t = 0.22; t > 0.0; t -= 0.02) {
        const QColor c = mix(window, pure, t);
        if (contrastRatio(c, text) >= 7.0)
            return c;
    }
    return window;
}

} // namespace maildeck::ui
