// Measurement outlines, values and handles over the slice views.
#include "widgets/MeasurementOverlay.h"

#include "measure/Measurement.h"
#include "model/MeasurementList.h"
#include "widgets/SliceView.h"

#include <QFontMetrics>
#include <QPainter>

#include <cmath>

namespace delineate {

namespace {

const QColor kColour(255, 214, 64);
const QColor kSelected(90, 230, 255);

} // namespace

MeasurementOverlay::MeasurementOverlay(MeasurementList* list, QObject* parent) : QObject(parent), m_list(list)
{
    connect(m_list, &MeasurementList::changed, this, [this]() { m_texts.clear(); });
}

QVector<QStaticText> MeasurementOverlay::textLines(const QString& text)
{
    QVector<QStaticText> lines;
    if (text.isEmpty())
        return lines;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        QStaticText staticText(line);
        staticText.setTextFormat(Qt::PlainText);
        staticText.setPerformanceHint(QStaticText::AggressiveCaching);
        lines.append(staticText);
    }
    return lines;
}

void MeasurementOverlay::attach(SliceView* view)
{
    view->addOverlay(this);
    connect(m_list, &MeasurementList::changed, view, qOverload<>(&SliceView::update));
}

bool MeasurementOverlay::isOnSlice(const Measurement& measurement, const SliceView& view)
{
    return measurement.sliceAxis == view.model().sliceAxis() && measurement.slice == view.currentSlice();
}

void MeasurementOverlay::paint(QPainter& painter, const SliceView& view)
{
    if (!view.hasImage())
        return;
    for (const Measurement& m : m_list->measurements()) {
        if (!isOnSlice(m, view))
            continue;
        auto text = m_texts.find(m.id);
        if (text == m_texts.end())
            text = m_texts.insert(m.id, textLines(m_list->shortValueText(m)));
        drawMeasurement(painter, view, m, *text, m.id == m_list->selectedId());
    }
}

void MeasurementOverlay::drawMeasurement(QPainter& painter, const SliceView& view, const Measurement& m,
                                         const QVector<QStaticText>& lines, bool selected)
{
    if (m.points.size() < 2)
        return;
    QVector<QPointF> points;
    for (const Vector3& p : m.points)
        points.append(view.screenPoint(p));
    painter.setBrush(Qt::NoBrush);
    const QColor colour = selected ? kSelected : kColour;
    const QRectF box = QRectF(points[0], points[1]).normalized();
    // A dark line under the coloured one keeps it visible on bright bone and on air. Only the coloured line is
    // antialiased (and not on axis-aligned rectangles): a wide antialiased stroke costs more than the slice blit.
    for (int pass = 0; pass < 2; ++pass) {
        painter.setRenderHint(QPainter::Antialiasing, pass == 1 && m.kind != MeasurementKind::Rectangle);
        painter.setPen(pass == 0 ? QPen(QColor(0, 0, 0, 160), 3.0) : QPen(colour, 1.4));
        switch (m.kind) {
        case MeasurementKind::Ruler:
            painter.drawLine(points[0], points[1]);
            break;
        case MeasurementKind::Angle:
            painter.drawLine(points[0], points[1]);
            if (points.size() > 2)
                painter.drawLine(points[1], points[2]);
            break;
        case MeasurementKind::Rectangle:
            painter.drawRect(box);
            break;
        case MeasurementKind::Ellipse:
            painter.drawEllipse(box);
            break;
        }
    }
    // Ends of a ruler and an angle as short ticks; every point of the selected one as a handle.
    if (selected || !m.isRegion()) {
        for (const QPointF& p : points) {
            const double r = selected ? 3.5 : 2.0;
            painter.setPen(QPen(QColor(0, 0, 0, 180), 1.0));
            painter.setBrush(colour);
            painter.drawRect(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r));
        }
        painter.setBrush(Qt::NoBrush);
    }
    if (lines.isEmpty())
        return;
    // The text beside the shape: right of a region's box, after a ruler's second end, beside an angle's vertex.
    const QFontMetrics metrics(painter.font());
    double width = 0;
    for (const QStaticText& line : lines)
        width = std::max(width, line.size().width());
    const int lineHeight = metrics.height();
    const int height = lineHeight * int(lines.size());
    QPointF anchor;
    if (m.isRegion())
        anchor = QPointF(box.right() + 6, box.top());
    else if (m.kind == MeasurementKind::Angle)
        anchor = points[1] + QPointF(8, 4);
    else
        anchor = (points[1].x() >= points[0].x() ? points[1] : points[0]) + QPointF(8, -height / 2.0);
    // Kept inside the view so that a shape near the right edge keeps its value readable.
    if (anchor.x() + width > view.width() - 4)
        anchor.setX(m.isRegion() ? box.left() - 6 - width : view.width() - 4 - width);
    anchor.setY(std::clamp(anchor.y(), 2.0, std::max(2.0, double(view.height() - height - 2))));
    for (int pass = 0; pass < 2; ++pass) { // shadow, then the text, as ViewText::drawShadowed
        painter.setPen(pass == 0 ? QColor(0, 0, 0, 200) : colour);
        const QPointF offset = pass == 0 ? QPointF(1, 1) : QPointF(0, 0);
        for (int n = 0; n < lines.size(); ++n)
            painter.drawStaticText(anchor + offset + QPointF(0, n * lineHeight), lines.at(n));
    }
}

} // namespace delineate
