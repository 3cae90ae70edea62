// Ruler, rectangle, ellipse and angle drawing and editing on the slice views.
#include "tools/MeasureTool.h"

#include "model/MeasurementList.h"
#include "widgets/MeasurementOverlay.h"
#include "widgets/SliceView.h"

#include <QKeyEvent>
#include <QLineF>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {

constexpr double kHandleRadius = 7.0; // screen pixels
constexpr double kLineReach = 5.0;
constexpr double kClick = 4.0;        // a press and release closer than this are a click, not a drag

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0.0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    return QLineF(p, a + t * ab).length();
}

} // namespace

MeasureTool::MeasureTool(MeasurementList* list, QObject* parent) : SliceTool(parent), m_list(list)
{
    // Another series on screen: a measurement half drawn on the last one is dropped, not added to this one.
    connect(m_list, &QAbstractItemModel::modelReset, this, [this]() {
        cancelDraft();
        m_drag = Drag::None;
    });
}

QString MeasureTool::name() const
{
    switch (m_kind) {
    case MeasurementKind::Ruler:
        return tr("Ruler");
    case MeasurementKind::Rectangle:
        return tr("Rectangle region");
    case MeasurementKind::Ellipse:
        return tr("Ellipse region");
    case MeasurementKind::Angle:
        return tr("Angle");
    }
    return QString();
}

void MeasureTool::setKind(MeasurementKind kind)
{
    if (kind != m_kind)
        cancelDraft();
    m_kind = kind;
}

Vector3 MeasureTool::pointAt(const SliceView& view, const QPointF& position) const
{
    Vector3 index = view.voxelIndexAt(position);
    // Inside the image: from the first voxel's outer edge to the last one's.
    const auto& size = view.model().geometry().size();
    for (int axis = 0; axis < 3; ++axis)
        index[std::size_t(axis)] = std::clamp(index[std::size_t(axis)], -0.5, double(size[std::size_t(axis)]) - 0.5);
    index[std::size_t(view.model().sliceAxis())] = double(view.currentSlice());
    return index;
}

std::pair<int, int> MeasureTool::hit(const SliceView& view, const QPointF& position) const
{
    // Handles first (the selected measurement's before the others'), then the shapes.
    std::vector<const Measurement*> onSlice;
    for (const Measurement& m : m_list->measurements())
        if (MeasurementOverlay::isOnSlice(m, view))
            onSlice.push_back(&m);
    std::stable_sort(onSlice.begin(), onSlice.end(), [this](const Measurement* a, const Measurement* b) {
        return (a->id == m_list->selectedId()) > (b->id == m_list->selectedId());
    });
    for (const Measurement* m : onSlice)
        for (std::size_t n = 0; n < m->points.size(); ++n)
            if (QLineF(view.screenPoint(m->points[n]), position).length() <= kHandleRadius)
                return {m->id, int(n)};
    for (const Measurement* m : onSlice) {
        const QPointF a = view.screenPoint(m->points[0]), b = view.screenPoint(m->points[1]);
        bool near = false;
        if (m->isRegion())
            near = QRectF(a, b).normalized().adjusted(-kLineReach, -kLineReach, kLineReach, kLineReach).contains(position);
        else
            near = distanceToSegment(position, a, b) <= kLineReach
                   || (m->points.size() > 2 && distanceToSegment(position, b, view.screenPoint(m->points[2])) <= kLineReach);
        if (near)
            return {m->id, -1};
    }
    return {0, -1};
}

bool MeasureTool::mousePress(SliceView& view, QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !view.hasImage())
        return false;
    const QPointF position = event->position();
    m_pressPosition = position;
    if (m_drawing && m_kind == MeasurementKind::Angle && m_draftView == &view) {
        // The next point of the angle.
        m_draft.points[std::size_t(m_fixed)] = pointAt(view, position);
        if (++m_fixed == pointCount(m_kind)) {
            finishDraft();
            return true;
        }
        m_draft.points.push_back(pointAt(view, position));
        m_drag = Drag::Draft;
        Q_EMIT previewChanged();
        return true;
    }
    cancelDraft();
    const auto [id, point] = hit(view, position);
    if (id != 0) {
        m_list->setSelectedId(id);
        m_editId = id;
        m_editPoint = point;
        m_drag = point >= 0 ? Drag::Handle : Drag::Whole;
        m_pressPoints = m_list->find(id)->points;
        m_pressIndex = pointAt(view, position);
        return true;
    }
    m_list->setSelectedId(0);
    m_draft = Measurement();
    m_draft.kind = m_kind;
    m_draft.sliceAxis = view.model().sliceAxis();
    m_draft.slice = view.currentSlice();
    m_draft.points = {pointAt(view, position), pointAt(view, position)};
    m_fixed = 1;
    m_drawing = true;
    m_draftView = &view;
    m_drag = Drag::Draft;
    Q_EMIT previewChanged();
    return true;
}

bool MeasureTool::mouseMove(SliceView& view, QMouseEvent* event)
{
    const QPointF position = event->position();
    switch (m_drag) {
    case Drag::Draft:
        break;
    case Drag::Handle:
        m_list->movePoint(m_editId, m_editPoint, pointAt(view, position));
        return true;
    case Drag::Whole: {
        const Vector3 now = pointAt(view, position);
        std::vector<Vector3> points = m_pressPoints;
        for (Vector3& p : points)
            for (int axis = 0; axis < 3; ++axis)
                p[std::size_t(axis)] += now[std::size_t(axis)] - m_pressIndex[std::size_t(axis)];
        m_list->setPoints(m_editId, std::move(points));
        return true;
    }
    case Drag::None:
        if (!m_drawing) // hovering: nothing follows the pointer
            return false;
        break;
    }
    if (m_drawing && m_draftView == &view) {
        m_draft.points.back() = pointAt(view, position);
        Q_EMIT previewChanged();
    }
    return true;
}

bool MeasureTool::mouseRelease(SliceView& view, QMouseEvent* event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (drag == Drag::Handle || drag == Drag::Whole) {
        m_editId = 0;
        return true;
    }
    if (drag != Drag::Draft || !m_drawing)
        return false;
    const bool click = QLineF(event->position(), m_pressPosition).length() < kClick;
    m_draft.points.back() = pointAt(view, event->position());
    if (m_kind != MeasurementKind::Angle) {
        if (click) // a click on empty image only clears the selection
            cancelDraft();
        else
            finishDraft();
        return true;
    }
    if (!click && m_fixed == 1) {
        // The first arm drawn by a drag: the vertex is placed, the third point follows the pointer.
        m_fixed = 2;
        m_draft.points.push_back(m_draft.points.back());
    }
    Q_EMIT previewChanged();
    return true;
}

bool MeasureTool::keyPress(SliceView& view, QKeyEvent* event)
{
    Q_UNUSED(view);
    if (event->key() == Qt::Key_Escape && m_drawing) {
        cancelDraft();
        return true;
    }
    return false;
}

void MeasureTool::deactivate()
{
    cancelDraft();
    m_drag = Drag::None;
}

void MeasureTool::finishDraft()
{
    Measurement done = m_draft;
    done.points.resize(std::size_t(pointCount(done.kind)));
    cancelDraft();
    const int id = m_list->add(std::move(done));
    m_list->setSelectedId(id);
}

void MeasureTool::cancelDraft()
{
    if (!m_drawing)
        return;
    m_drawing = false;
    m_draftView = nullptr;
    m_fixed = 0;
    m_draft = Measurement();
    Q_EMIT previewChanged();
}

void MeasureTool::paint(QPainter& painter, const SliceView& view)
{
    if (!m_drawing || m_draftView != &view)
        return;
    // The value of the measurement in progress, except a region's (computed once it is drawn).
    QString text;
    if (m_kind == MeasurementKind::Ruler) {
        text = tr("%1 mm").arg(distanceMm(view.model().geometry(), m_draft.points[0], m_draft.points[1]), 0, 'f', 1);
    } else if (m_kind == MeasurementKind::Angle && m_draft.points.size() == 3) {
        text = QStringLiteral("%1°").arg(
            angleDegrees(view.model().geometry(), m_draft.points[0], m_draft.points[1], m_draft.points[2]), 0, 'f', 1);
    }
    MeasurementOverlay::drawMeasurement(painter, view, m_draft, MeasurementOverlay::textLines(text), true);
}

} // namespace delineate
