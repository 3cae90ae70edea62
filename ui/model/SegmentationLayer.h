// How the open segmentation is shown over the views (no widgets): which document, fill or outline, opacity, the
// overlay on or off, the active label, and the colour table built from the segmentation's label table.
#pragma once

#include "edit/EditRecord.h"
#include "edit/SegmentationDocument.h"
#include "model/SliceViewModel.h"

#include <QObject>
#include <QPointer>
#include <QRgb>

#include <cstdint>
#include <vector>

namespace delineate {

class Segmentation;

class SegmentationLayer : public QObject
{
    Q_OBJECT
public:
    explicit SegmentationLayer(QObject* parent = nullptr);

    // The document shown (not owned); null shows nothing.
    void setDocument(SegmentationDocument* document);
    SegmentationDocument* document() const { return m_document; }
    const Segmentation* segmentation() const;

    double opacity() const { return m_opacity; }
    void setOpacity(double opacity);
    bool isVisible() const { return m_visible; }
    void setVisible(bool visible);
    LabelDrawing drawing() const { return m_drawing; }
    void setDrawing(LabelDrawing drawing);

    // The label tools paint with; 0 when none is chosen.
    uint16_t activeLabel() const { return m_activeLabel; }
    void setActiveLabel(uint16_t label);

    // Premultiplied colour per label value (65536 entries when a layer is 16-bit, 256 otherwise); hidden labels
    // and the background are transparent. Outlines are drawn opaque, fills with the opacity.
    const QRgb* colours() const { return m_colours.data(); }
    // True when something would be drawn at all.
    bool showsAnything() const;

Q_SIGNALS:
    void voxelsChanged(const delineate::VoxelBox& box);
    // Colours, layers, visibility, drawing or the document changed: every view redraws its labels.
    void displayChanged();
    void activeLabelChanged(quint16 label);
    // The slices marked reviewed changed (or the document did): the review strips redraw.
    void reviewedSlicesChanged();

private:
    void rebuildColours();

    QPointer<SegmentationDocument> m_document;
    double m_opacity = 0.5;
    bool m_visible = true;
    LabelDrawing m_drawing = LabelDrawing::Fill;
    uint16_t m_activeLabel = 1;
    std::vector<QRgb> m_colours = std::vector<QRgb>(256, 0);
};

} // namespace delineate
