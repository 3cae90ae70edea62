// Overlay display state and its colour table.
#include "model/SegmentationLayer.h"

#include "edit/SegmentationDocument.h"

#include <algorithm>
#include <cmath>

namespace delineate {

SegmentationLayer::SegmentationLayer(QObject* parent) : QObject(parent) {}

void SegmentationLayer::setDocument(SegmentationDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &SegmentationDocument::voxelsChanged, this, &SegmentationLayer::voxelsChanged);
        connect(m_document, &SegmentationDocument::labelTableChanged, this, &SegmentationLayer::rebuildColours);
        connect(m_document, &SegmentationDocument::layersChanged, this, &SegmentationLayer::rebuildColours);
        connect(m_document, &SegmentationDocument::reviewedSlicesChanged, this, &SegmentationLayer::reviewedSlicesChanged);
        // Undo of an edit that widened a layer to 16 bits leaves colours sized for it: harmless (more entries).
        const LabelTable& labels = m_document->labels();
        if (!labels.isEmpty() && !labels.contains(m_activeLabel))
            setActiveLabel(labels.at(0).value);
    }
    rebuildColours();
    Q_EMIT reviewedSlicesChanged();
}

const Segmentation* SegmentationLayer::segmentation() const
{
    return m_document ? &m_document->segmentation() : nullptr;
}

void SegmentationLayer::setOpacity(double opacity)
{
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (opacity == m_opacity)
        return;
    m_opacity = opacity;
    rebuildColours();
}

void SegmentationLayer::setVisible(bool visible)
{
    if (visible == m_visible)
        return;
    m_visible = visible;
    Q_EMIT displayChanged();
}

void SegmentationLayer::setDrawing(LabelDrawing drawing)
{
    if (drawing == m_drawing)
        return;
    m_drawing = drawing;
    rebuildColours();
}

void SegmentationLayer::setActiveLabel(uint16_t label)
{
    if (label == m_activeLabel)
        return;
    m_activeLabel = label;
    Q_EMIT activeLabelChanged(label);
}

bool SegmentationLayer::showsAnything() const
{
    return m_document && m_visible && (m_opacity > 0.0 || m_drawing == LabelDrawing::Outline);
}

void SegmentationLayer::rebuildColours()
{
    bool wide = false;
    if (m_document)
        for (int l = 0; l < m_document->segmentation().layerCount(); ++l)
            wide |= m_document->segmentation().layer(l).isWide();
    m_colours.assign(wide ? 65536 : 256, 0);
    if (m_document) {
        const double alphaScale = m_drawing == LabelDrawing::Outline ? 1.0 : m_opacity;
        for (const LabelEntry& e : m_document->labels().entries()) {
            if (!e.visible || std::size_t(e.value) >= m_colours.size())
                continue;
            const int alpha = int(std::lround(alphaScale * 255.0));
            m_colours[e.value] = qPremultiply(qRgba(int((e.colour >> 16) & 0xff), int((e.colour >> 8) & 0xff),
                                                    int(e.colour & 0xff), alpha));
        }
    }
    Q_EMIT displayChanged();
}

} // namespace delineate
