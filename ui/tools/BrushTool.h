// The brush and the eraser in the views: a stroke is one edit (one undo step, one journal record) made of dabs
// painted as the pointer moves; the outline under the pointer shows the brush's size in the current slice.
#pragma once

#include "edit/Brush.h"
#include "edit/SegmentationDocument.h"
#include "tools/SliceTool.h"

#include <QPointF>
#include <QPointer>

#include <functional>
#include <memory>

namespace delineate {

class SegmentationLayer;

class BrushTool : public SliceTool
{
    Q_OBJECT
public:
    // `ensureDocument` returns the document to paint into, creating one when there is none (null: cannot paint).
    BrushTool(bool eraser, SegmentationLayer* layer, std::function<SegmentationDocument*()> ensureDocument,
              QObject* parent = nullptr);

    QString name() const override;
    bool isEraser() const { return m_eraser; }

    // Radius, unit, shape, policy and intensity range (label, slice axis and image are filled in per stroke).
    const BrushSettings& settings() const { return m_settings; }
    void setSettings(const BrushSettings& settings);
    void setRadius(double radius);
    // With the intensity range on: each stroke takes its range from the value under the pointer at the press,
    // plus and minus `tolerance` (the settings' lower and upper follow, so the panel shows the range used).
    bool seedsRangeFromCursor() const { return m_seedRange; }
    double seedTolerance() const { return m_seedTolerance; }
    void setRangeSeeding(bool fromCursor, double tolerance);

    bool mousePress(SliceView& view, QMouseEvent* event) override;
    bool mouseMove(SliceView& view, QMouseEvent* event) override;
    bool mouseRelease(SliceView& view, QMouseEvent* event) override;
    bool keyPress(SliceView& view, QKeyEvent* event) override;
    void leave(SliceView& view) override;
    void deactivate() override;
    void paint(QPainter& painter, const SliceView& view) override;

    // Radius bounds: 0.1-100 mm or 0.5-200 voxels.
    static double minimumRadius(BrushUnit unit);
    static double maximumRadius(BrushUnit unit);

Q_SIGNALS:
    void settingsChanged();
    // A stroke was committed (its history text).
    void strokeFinished(const QString& description);

private:
    BrushSettings strokeSettings(const SliceView& view) const;
    void finishStroke();

    bool m_eraser;
    SegmentationLayer* m_layer;
    std::function<SegmentationDocument*()> m_ensureDocument;
    BrushSettings m_settings;
    bool m_seedRange = false;
    double m_seedTolerance = 50.0;

    QPointer<SegmentationDocument> m_document; // of the stroke in progress
    BrushSettings m_strokeSettings;
    std::shared_ptr<const Volume> m_strokeImage; // keeps the image of a range-limited stroke alive
    Vector3 m_last{};
    int m_dabs = 0;
    const SliceView* m_hoverView = nullptr;
    QPointF m_hoverPosition;
};

} // namespace delineate
