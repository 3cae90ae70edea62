// Brush strokes through the core brush operation and the document's edit path.
#include "tools/BrushTool.h"

#include "edit/SegmentationDocument.h"
#include "image/Volume.h"
#include "model/SegmentationLayer.h"
#include "model/ViewerState.h"
#include "widgets/SliceView.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace delineate {

BrushTool::BrushTool(bool eraser, SegmentationLayer* layer, std::function<SegmentationDocument*()> ensureDocument,
                     QObject* parent)
    : SliceTool(parent), m_eraser(eraser), m_layer(layer), m_ensureDocument(std::move(ensureDocument))
{
    m_settings.erase = eraser;
    m_settings.radius = eraser ? 5.0 : 3.0;
}

QString BrushTool::name() const
{
    return m_eraser ? tr("Eraser") : tr("Brush");
}

double BrushTool::minimumRadius(BrushUnit unit)
{
    return unit == BrushUnit::Millimetres ? 0.1 : 0.5;
}

double BrushTool::maximumRadius(BrushUnit unit)
{
    return unit == BrushUnit::Millimetres ? 100.0 : 200.0;
}

void BrushTool::setSettings(const BrushSettings& settings)
{
    m_settings = settings;
    m_settings.erase = m_eraser;
    m_settings.radius = std::clamp(m_settings.radius, minimumRadius(m_settings.unit), maximumRadius(m_settings.unit));
    Q_EMIT settingsChanged();
    Q_EMIT previewChanged();
}

void BrushTool::setRangeSeeding(bool fromCursor, double tolerance)
{
    m_seedRange = fromCursor;
    m_seedTolerance = std::max(0.0, tolerance);
    Q_EMIT settingsChanged();
}

void BrushTool::setRadius(double radius)
{
    BrushSettings s = m_settings;
    s.radius = radius;
    setSettings(s);
}

BrushSettings BrushTool::strokeSettings(const SliceView& view) const
{
    BrushSettings s = m_settings;
    s.label = m_layer->activeLabel();
    s.sliceAxis = view.model().sliceAxis();
    return s;
}

bool BrushTool::mousePress(SliceView& view, QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    finishStroke();
    SegmentationDocument* document = m_ensureDocument ? m_ensureDocument() : nullptr;
    if (!document)
        return true;
    m_strokeSettings = strokeSettings(view);
    m_strokeImage = m_strokeSettings.limitToRange ? view.state()->sharedVolume() : nullptr;
    m_strokeSettings.image = m_strokeImage.get();
    if (m_strokeImage && m_seedRange) {
        const Vector3 at = view.voxelIndexAt(event->position());
        const std::array<int64_t, 3> voxel{int64_t(std::llround(at[0])), int64_t(std::llround(at[1])), int64_t(std::llround(at[2]))};
        if (!m_strokeImage->contains(voxel[0], voxel[1], voxel[2])) {
            Q_EMIT message(tr("Press inside the image: the intensity range is taken from the value under the pointer."));
            m_strokeImage = nullptr;
            return true;
        }
        const double value = m_strokeImage->value(voxel[0], voxel[1], voxel[2]);
        m_settings.lower = m_strokeSettings.lower = value - m_seedTolerance;
        m_settings.upper = m_strokeSettings.upper = value + m_seedTolerance;
        Q_EMIT settingsChanged();
    }
    if (auto usable = checkBrush(document->labels(), m_strokeSettings); !usable) {
        Q_EMIT message(usable.error().message);
        return true;
    }
    m_document = document;
    m_document->beginEdit(EditKind::Manual, QString());
    m_last = view.voxelIndexAt(event->position());
    paintDab(*m_document, m_strokeSettings, m_last);
    m_dabs = 1;
    m_document->flushChanges();
    m_hoverView = &view;
    m_hoverPosition = event->position();
    Q_EMIT previewChanged();
    return true;
}

bool BrushTool::mouseMove(SliceView& view, QMouseEvent* event)
{
    m_hoverView = &view;
    m_hoverPosition = event->position();
    if (m_document && m_document->isEditing() && (event->buttons() & Qt::LeftButton)) {
        const Vector3 next = view.voxelIndexAt(event->position());
        m_dabs += paintLine(*m_document, m_strokeSettings, m_last, next);
        m_last = next;
        m_document->flushChanges();
    }
    Q_EMIT previewChanged();
    return true;
}

bool BrushTool::mouseRelease(SliceView& view, QMouseEvent* event)
{
    Q_UNUSED(view);
    if (event->button() != Qt::LeftButton)
        return false;
    finishStroke();
    return true;
}

void BrushTool::finishStroke()
{
    if (!m_document || !m_document->isEditing()) {
        m_document = nullptr;
        m_strokeImage = nullptr;
        return;
    }
    const QString description = brushDescription(m_document->labels(), m_strokeSettings, m_dabs);
    const std::size_t changed = m_document->voxelsChangedInEdit();
    auto committed = m_document->commitEdit(description);
    m_document = nullptr;
    m_strokeImage = nullptr;
    if (!committed)
        Q_EMIT message(tr("The edit is kept, but could not be written to the recovery journal: %1")
                           .arg(committed.error().message));
    if (changed > 0)
        Q_EMIT strokeFinished(description);
}

bool BrushTool::keyPress(SliceView& view, QKeyEvent* event)
{
    Q_UNUSED(view);
    if (event->key() == Qt::Key_BracketLeft) {
        setRadius(m_settings.radius / 1.25);
        return true;
    }
    if (event->key() == Qt::Key_BracketRight) {
        setRadius(m_settings.radius * 1.25);
        return true;
    }
    return false;
}

void BrushTool::leave(SliceView& view)
{
    if (m_hoverView == &view) {
        m_hoverView = nullptr;
        Q_EMIT previewChanged();
    }
}

void BrushTool::deactivate()
{
    finishStroke();
    m_hoverView = nullptr;
    Q_EMIT previewChanged();
}

void BrushTool::paint(QPainter& painter, const SliceView& view)
{
    if (m_hoverView != &view || !view.hasImage())
        return;
    const SliceViewModel& model = view.model();
    const double perMm = view.pixelsPerMillimetre();
    const double rx = m_settings.unit == BrushUnit::Millimetres ? m_settings.radius * perMm
                                                                : m_settings.radius * model.columnSpacing() * perMm;
    const double ry = m_settings.unit == BrushUnit::Millimetres ? m_settings.radius * perMm
                                                                : m_settings.radius * model.rowSpacing() * perMm;
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    const QColor colour = m_eraser ? QColor(255, 255, 255) : QColor(255, 230, 80);
    painter.setPen(QPen(QColor(0, 0, 0, 160), 3));
    painter.drawEllipse(m_hoverPosition, rx, ry);
    painter.setPen(QPen(colour, 1.5));
    painter.drawEllipse(m_hoverPosition, rx, ry);
    if (m_settings.limitToRange) {
        // The range painted, beside the outline: a threshold brush that paints nothing should say why.
        const QString range = m_seedRange ? tr("value %1 %2").arg(QChar(0x00B1)).arg(m_seedTolerance, 0, 'g', 5)
                                          : tr("%1 to %2").arg(m_settings.lower, 0, 'g', 5).arg(m_settings.upper, 0, 'g', 5);
        const QPointF at = m_hoverPosition + QPointF(rx + 4, ry + painter.fontMetrics().ascent());
        painter.setPen(QColor(0, 0, 0, 200));
        painter.drawText(at + QPointF(1, 1), range);
        painter.setPen(colour);
        painter.drawText(at, range);
    }
}

} // namespace delineate
