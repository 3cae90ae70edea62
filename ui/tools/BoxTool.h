// Draws the box the AI runs on: a rectangle dragged on any view, extended a number of slices either side of the
// slice on screen. The box is drawn in every view whose slice it crosses.
#pragma once

#include "edit/EditRecord.h"
#include "tools/SliceTool.h"

#include <QPointF>

namespace delineate {

class BoxTool : public SliceTool
{
    Q_OBJECT
public:
    using SliceTool::SliceTool;

    QString name() const override;
    const VoxelBox& box() const { return m_box; }
    void setBox(const VoxelBox& box);
    void clear();
    // Slices added on both sides of the slice the rectangle was drawn on.
    void setDepth(int slices) { m_depth = std::max(0, slices); }
    int depth() const { return m_depth; }

    bool mousePress(SliceView& view, QMouseEvent* event) override;
    bool mouseMove(SliceView& view, QMouseEvent* event) override;
    bool mouseRelease(SliceView& view, QMouseEvent* event) override;
    void paint(QPainter& painter, const SliceView& view) override;

Q_SIGNALS:
    void boxChanged(const delineate::VoxelBox& box);

private:
    void update(SliceView& view, const QPointF& to);

    VoxelBox m_box;
    int m_depth = 5;
    bool m_dragging = false;
    QPointF m_start;
};

} // namespace delineate
