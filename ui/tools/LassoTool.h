// The lasso in the views: an outline drawn with the left button on the slice on screen is filled with the active
// label when the button is released (core's fillPolygon: voxels whose centres lie inside, under the overwrite
// policy); with Shift held at the press it erases the active label inside instead. Escape drops the outline.
#pragma once

#include "edit/Brush.h"
#include "edit/SegmentationDocument.h"
#include "tools/SliceTool.h"

#include <QVector>

#include <array>
#include <functional>

namespace delineate {

class SegmentationLayer;

class LassoTool : public SliceTool
{
    Q_OBJECT
public:
    // `ensureDocument` returns the document to fill into, creating one when there is none (null: cannot fill).
    LassoTool(SegmentationLayer* layer, std::function<SegmentationDocument*()> ensureDocument, QObject* parent = nullptr);

    QString name() const override;
    const OverwritePolicy& policy() const { return m_policy; }
    void setPolicy(const OverwritePolicy& policy);
    bool isDrawing() const { return m_view != nullptr; }
    // The outline being drawn, in continuous voxel indices of its slice (the two in-plane axes, ascending).
    const QVector<std::array<double, 2>>& outline() const { return m_points; }

    bool mousePress(SliceView& view, QMouseEvent* event) override;
    bool mouseMove(SliceView& view, QMouseEvent* event) override;
    bool mouseRelease(SliceView& view, QMouseEvent* event) override;
    bool keyPress(SliceView& view, QKeyEvent* event) override;
    void deactivate() override;
    void paint(QPainter& painter, const SliceView& view) override;

Q_SIGNALS:
    void settingsChanged();
    // An outline was filled or erased (its history text).
    void filled(const QString& description);

private:
    std::array<double, 2> outlinePoint(const SliceView& view, const QPointF& position) const;
    void addPoint(const SliceView& view, const QPointF& position);
    void cancel();

    SegmentationLayer* m_layer;
    std::function<SegmentationDocument*()> m_ensureDocument;
    OverwritePolicy m_policy;

    const SliceView* m_view = nullptr; // of the outline being drawn
    int m_axis = 2;
    int64_t m_slice = 0;
    bool m_erase = false;
    QVector<std::array<double, 2>> m_points;
    QPointF m_lastScreen;
};

} // namespace delineate
