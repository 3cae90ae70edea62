// What a tool draws over a slice view's image (brush outline, contour, seed points), on every repaint.
#pragma once

class QPainter;

namespace delineate {

class SliceView;

class SliceOverlay
{
public:
    virtual ~SliceOverlay() = default;
    // Widget coordinates; SliceView::screenPoint()/voxelIndexAt() map to and from voxel indices. Keep it cheap:
    // it runs on every repaint, including crosshair moves.
    virtual void paint(QPainter& painter, const SliceView& view) = 0;
};

} // namespace delineate
