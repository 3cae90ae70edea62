// A second picture over the views besides the segmentation (no widgets): a byte per voxel drawn through a colour
// table, filled or as outlines. The AI panel shows its probability map (a heat map) or the band where the network
// is unsure (outlined) with it.
#pragma once

#include "image/LabelLayer.h"
#include "model/SliceViewModel.h"

#include <QObject>
#include <QRgb>

#include <array>
#include <memory>

namespace delineate {

class OverlayLayer : public QObject
{
    Q_OBJECT
public:
    explicit OverlayLayer(QObject* parent = nullptr);

    // Shows `layer` (on the image's grid) with 256 premultiplied colours; null hides the overlay.
    void show(std::shared_ptr<const LabelLayer> layer, const std::array<QRgb, 256>& colours, LabelDrawing drawing);
    void hide();
    bool isShown() const { return m_layer != nullptr; }
    const LabelLayer* layer() const { return m_layer.get(); }
    const QRgb* colours() const { return m_colours.data(); }
    LabelDrawing drawing() const { return m_drawing; }

    // Transparent below 0.1, then blue -> green -> yellow -> red with rising opacity: where the network sees
    // foreground and how sure it is.
    static std::array<QRgb, 256> heatColours();
    // Value 1 in one colour (opaque), everything else transparent.
    static std::array<QRgb, 256> singleColour(QRgb colour);

Q_SIGNALS:
    void changed();

private:
    std::shared_ptr<const LabelLayer> m_layer;
    std::array<QRgb, 256> m_colours{};
    LabelDrawing m_drawing = LabelDrawing::Fill;
};

} // namespace delineate
