// Overlay colour tables.
#include "model/OverlayLayer.h"

#include <QColor>

#include <algorithm>
#include <cmath>

namespace delineate {

OverlayLayer::OverlayLayer(QObject* parent) : QObject(parent) {}

void OverlayLayer::show(std::shared_ptr<const LabelLayer> layer, const std::array<QRgb, 256>& colours, LabelDrawing drawing)
{
    m_layer = std::move(layer);
    m_colours = colours;
    m_drawing = drawing;
    Q_EMIT changed();
}

void OverlayLayer::hide()
{
    if (!m_layer)
        return;
    m_layer.reset();
    Q_EMIT changed();
}

std::array<QRgb, 256> OverlayLayer::heatColours()
{
    std::array<QRgb, 256> table{};
    for (int b = 0; b < 256; ++b) {
        const double p = b / 255.0;
        if (p < 0.1)
            continue;
        // Hue from 240 (blue, unsure foreground) down to 0 (red, sure).
        const double t = (p - 0.1) / 0.9;
        const QColor colour = QColor::fromHsvF(float((1.0 - t) * 240.0 / 360.0), 1.0f, 1.0f);
        const int alpha = int(std::lround(90 + 110 * t));
        table[std::size_t(b)] = qPremultiply(qRgba(colour.red(), colour.green(), colour.blue(), alpha));
    }
    return table;
}

std::array<QRgb, 256> OverlayLayer::singleColour(QRgb colour)
{
    std::array<QRgb, 256> table{};
    table[1] = qPremultiply(colour);
    return table;
}

} // namespace delineate
