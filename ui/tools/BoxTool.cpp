// Box drawing for the AI panel.
#include "tools/BoxTool.h"

#include "widgets/SliceView.h"

#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace delineate {

QString BoxTool::name() const
{
    return tr("AI box");
}

void BoxTool::setBox(const VoxelBox& box)
{
    m_box = box;
    Q_EMIT boxChanged(m_box);
    Q_EMIT previewChanged();
}

void BoxTool::clear()
{
    setBox(VoxelBox());
}

bool BoxTool::mousePress(SliceView& view, QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !view.hasImage())
        return false;
    m_dragging = true;
    m_start = event->position();
    update(view, event->position());
    return true;
}

bool BoxTool::mouseMove(SliceView& view, QMouseEvent* event)
{
    if (m_dragging && (event->buttons() & Qt::LeftButton))
        update(view, event->position());
    return true;
}

bool BoxTool::mouseRelease(SliceView& view, QMouseEvent* event)
{
    if (!m_dragging)
        return false;
    update(view, event->position());
    m_dragging = false;
    return true;
}

void BoxTool::update(SliceView& view, const QPointF& to)
{
    const Vector3 a = view.voxelIndexAt(m_start), b = view.voxelIndexAt(to);
    const auto& size = view.model().geometry().size();
    VoxelBox box;
    for (int axis = 0; axis < 3; ++axis) {
        int64_t lo = int64_t(std::floor(std::min(a[axis], b[axis]) + 0.5));
        int64_t hi = int64_t(std::floor(std::max(a[axis], b[axis]) + 0.5));
        if (axis == view.model().sliceAxis()) {
            lo -= m_depth;
            hi += m_depth;
        }
        box.lower[axis] = std::clamp<int64_t>(lo, 0, size[axis] - 1);
        box.upper[axis] = std::clamp<int64_t>(hi, 0, size[axis] - 1);
    }
    setBox(box);
}

void BoxTool::paint(QPainter& painter, const SliceView& view)
{
    if (m_box.isEmpty() || !view.hasImage() || !m_box.containsSlice(view.model().sliceAxis(), view.currentSlice()))
        return;
    // The box's outer voxel edges on this slice.
    Vector3 lower{}, upper{};
    for (int axis = 0; axis < 3; ++axis) {
        lower[axis] = double(m_box.lower[axis]) - 0.5;
        upper[axis] = double(m_box.upper[axis]) + 0.5;
    }
    lower[view.model().sliceAxis()] = upper[view.model().sliceAxis()] = view.currentSlice();
    const QRectF rect = QRectF(view.screenPoint(lower), view.screenPoint(upper)).normalized();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0, 0, 0, 150), 3));
    painter.drawRect(rect);
    painter.setPen(QPen(QColor(80, 220, 255), 1, Qt::DashLine));
    painter.drawRect(rect);
}

} // namespace delineate
