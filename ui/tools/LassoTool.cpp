// Lasso outlines through core's polygon fill and the document's edit path.
#include "tools/LassoTool.h"

#include "edit/LabelTools.h"
#include "model/SegmentationLayer.h"
#include "widgets/SliceView.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace delineate {

namespace {
// Screen pixels the pointer must move before the outline gets another point: enough to keep the outline small,
// little enough that it follows the hand.
constexpr double kMinimumStep = 2.0;

int firstInPlaneAxis(int sliceAxis) { return sliceAxis == 0 ? 1 : 0; }
int secondInPlaneAxis(int sliceAxis) { return sliceAxis == 2 ? 1 : 2; }
} // namespace

LassoTool::LassoTool(SegmentationLayer* layer, std::function<SegmentationDocument*()> ensureDocument, QObject* parent)
    : SliceTool(parent), m_layer(layer), m_ensureDocument(std::move(ensureDocument))
{
}

QString LassoTool::name() const
{
    return tr("Lasso");
}

void LassoTool::setPolicy(const OverwritePolicy& policy)
{
    m_policy = policy;
    Q_EMIT settingsChanged();
}

std::array<double, 2> LassoTool::outlinePoint(const SliceView& view, const QPointF& position) const
{
    const Vector3 index = view.voxelIndexAt(position);
    return {index[firstInPlaneAxis(m_axis)], index[secondInPlaneAxis(m_axis)]};
}

void LassoTool::addPoint(const SliceView& view, const QPointF& position)
{
    m_points.push_back(outlinePoint(view, position));
    m_lastScreen = position;
    Q_EMIT previewChanged();
}

bool LassoTool::mousePress(SliceView& view, QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !view.hasImage())
        return false;
    cancel();
    m_view = &view;
    m_axis = view.model().sliceAxis();
    m_slice = view.currentSlice();
    m_erase = event->modifiers() & Qt::ShiftModifier;
    addPoint(view, event->position());
    return true;
}

bool LassoTool::mouseMove(SliceView& view, QMouseEvent* event)
{
    if (m_view != &view || !(event->buttons() & Qt::LeftButton))
        return false;
    if (QLineF(m_lastScreen, event->position()).length() >= kMinimumStep)
        addPoint(view, event->position());
    return true;
}

bool LassoTool::mouseRelease(SliceView& view, QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_view != &view)
        return false;
    if (m_lastScreen != event->position())
        m_points.push_back(outlinePoint(view, event->position()));
    const QVector<std::array<double, 2>> polygon = m_points;
    const int axis = m_axis;
    const int64_t slice = m_slice;
    const bool erase = m_erase;
    cancel();
    if (polygon.size() < 3) {
        Q_EMIT message(tr("Draw an outline with the left button held down; it is filled when you let go."));
        return true;
    }
    SegmentationDocument* document = m_ensureDocument ? m_ensureDocument() : nullptr;
    if (!document)
        return true;
    if (document->isEditing()) {
        Q_EMIT message(tr("Finish the edit in progress first."));
        return true;
    }
    const uint64_t before = document->history().currentSequence();
    auto changed = fillPolygon(*document, axis, slice, polygon, m_layer->activeLabel(), m_policy, erase);
    const bool committed = document->history().currentSequence() != before;
    if (!changed)
        Q_EMIT message(committed ? tr("The edit is kept, but could not be written to the recovery journal: %1")
                                       .arg(changed.error().message)
                                 : changed.error().message);
    else if (*changed == 0)
        Q_EMIT message(erase ? tr("Nothing erased: the active label has no voxels inside the outline.")
                             : tr("Nothing filled: every voxel inside the outline holds the label already or may not "
                                  "be overwritten."));
    if (committed)
        Q_EMIT filled(document->history().undoRecord()->description);
    return true;
}

bool LassoTool::keyPress(SliceView& view, QKeyEvent* event)
{
    Q_UNUSED(view);
    if (event->key() == Qt::Key_Escape && isDrawing()) {
        cancel();
        return true;
    }
    return false;
}

void LassoTool::deactivate()
{
    cancel();
}

void LassoTool::cancel()
{
    const bool had = isDrawing();
    m_view = nullptr;
    m_points.clear();
    if (had)
        Q_EMIT previewChanged();
}

void LassoTool::paint(QPainter& painter, const SliceView& view)
{
    if (m_view != &view || m_points.isEmpty() || view.currentSlice() != m_slice)
        return;
    const int a = firstInPlaneAxis(m_axis), b = secondInPlaneAxis(m_axis);
    QPolygonF outline;
    for (const auto& p : m_points) {
        Vector3 index{};
        index[m_axis] = double(m_slice);
        index[a] = p[0];
        index[b] = p[1];
        outline << view.screenPoint(index);
    }
    const QColor colour = m_erase ? QColor(255, 255, 255) : QColor(255, 230, 80);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0, 0, 0, 160), 3));
    painter.drawPolyline(outline);
    painter.setPen(QPen(colour, 1.5));
    painter.drawPolyline(outline);
    // The closing edge the fill will use.
    if (outline.size() > 2) {
        painter.setPen(QPen(colour, 1, Qt::DashLine));
        painter.drawLine(outline.last(), outline.first());
    }
}

} // namespace delineate
