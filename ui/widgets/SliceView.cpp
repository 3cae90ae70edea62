// Slice view: cached slice and label images, zoom/pan/crosshair/window interaction, overlays drawn on top.
#include "widgets/SliceView.h"

#include "dicom/AcquiredSlices.h"
#include "edit/EditRecord.h"
#include "image/Segmentation.h"
#include "image/Volume.h"
#include "model/AcquiredImages.h"
#include "model/OverlayLayer.h"
#include "model/SegmentationLayer.h"
#include "model/SliceLocation.h"
#include "model/ViewerState.h"
#include "model/VoxelReadout.h"
#include "tools/SliceTool.h"
#include "widgets/ReviewStrip.h"
#include "widgets/SliceOverlay.h"
#include "widgets/ViewText.h"

#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {
constexpr double kWheelZoomStep = 1.25;
constexpr int kPageStep = 10;
} // namespace

SliceView::SliceView(ViewerState* state, ViewOrientation orientation, QWidget* parent)
    : QWidget(parent), m_state(state), m_model(orientation)
{
    setAttribute(Qt::WA_OpaquePaintEvent); // every pixel is painted: Qt need not clear the background first
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true); // Shift+move drags the crosshair without a button
    setMinimumSize(120, 120);
    setObjectName(SliceViewModel::orientationName(orientation));
    connect(m_state, &ViewerState::imageChanged, this, &SliceView::onImageChanged);
    connect(m_state, &ViewerState::cursorChanged, this, &SliceView::onCursorChanged);
    connect(m_state, &ViewerState::windowChanged, this, &SliceView::onWindowChanged);
    connect(m_state, &ViewerState::interpolationChanged, this, &SliceView::invalidateScaled);
    connect(m_state, &ViewerState::crosshairVisibilityChanged, this, qOverload<>(&SliceView::update));
    onImageChanged();
    m_lut.setWindow(m_state->window(), m_state->inverted());
    m_reviewStrip = new ReviewStrip(this);
}

bool SliceView::hasImage() const
{
    return m_state->hasImage();
}

void SliceView::setSegmentationLayer(SegmentationLayer* layer)
{
    if (m_segmentation)
        disconnect(m_segmentation, nullptr, this, nullptr);
    m_segmentation = layer;
    if (m_reviewStrip)
        m_reviewStrip->setSegmentationLayer(layer);
    if (m_segmentation) {
        connect(m_segmentation, &SegmentationLayer::displayChanged, this, &SliceView::invalidateLabels);
        connect(m_segmentation, &SegmentationLayer::voxelsChanged, this, &SliceView::onVoxelsChanged);
    }
    invalidateLabels();
}

void SliceView::setOverlayLayer(OverlayLayer* overlay)
{
    if (m_overlay)
        disconnect(m_overlay, nullptr, this, nullptr);
    m_overlay = overlay;
    if (m_overlay)
        connect(m_overlay, &OverlayLayer::changed, this, &SliceView::invalidateLabels);
    invalidateLabels();
}

void SliceView::setTool(SliceTool* tool)
{
    if (m_tool == tool)
        return;
    if (m_tool)
        disconnect(m_tool, nullptr, this, nullptr);
    m_tool = tool;
    if (m_drag == Drag::Tool)
        m_drag = Drag::None;
    if (m_tool) {
        connect(m_tool, &SliceTool::previewChanged, this, qOverload<>(&SliceView::update));
        setCursor(m_tool->cursor());
    } else {
        unsetCursor();
    }
    update();
}

void SliceView::invalidateLabels()
{
    m_labelsValid = false;
    m_labelDirty = QRect();
    update();
}

void SliceView::onVoxelsChanged(const VoxelBox& box)
{
    if (m_onAcquired)
        return; // no labels on the acquired images
    // Only a change that crosses the slice on screen needs its labels rebuilt, and only where it lies (outlines of
    // the neighbouring voxels change too: one voxel more).
    const QRect region = m_model.imageRegion(box.lower, box.upper, currentSlice());
    if (region.isEmpty())
        return;
    if (m_labelsValid)
        m_labelDirty |= region.adjusted(-1, -1, 1, 1);
    update();
}

int SliceView::currentSlice() const
{
    if (m_onAcquired)
        return m_acquiredSlice;
    return int(m_state->cursor()[m_model.sliceAxis()]);
}

void SliceView::setAcquiredImages(AcquiredImages* images)
{
    if (m_acquired)
        disconnect(m_acquired, nullptr, this, nullptr);
    m_acquired = images;
    if (m_acquired)
        connect(m_acquired, &AcquiredImages::changed, this, &SliceView::updateSource);
    updateSource();
}

void SliceView::updateSource()
{
    // The regularised grid keeps the stack's axes, so the model's slice axis is the same on either grid.
    const bool acquired = m_acquired && m_acquired->isShown() && m_model.sliceAxis() == AcquiredImages::kStackAxis;
    if (acquired == m_onAcquired)
        return;
    m_onAcquired = acquired;
    m_model.setGeometry(acquired ? m_acquired->slices()->stack.geometry() : m_state->volume()->geometry());
    if (acquired)
        m_acquiredSlice = m_acquired->sliceNearestCursor();
    m_sliceValid = false;
    m_labelsValid = false;
    if (m_reviewStrip)
        m_reviewStrip->setVisible(m_reviewStrip->isWanted());
    if (m_tool && !acquired)
        setCursor(m_tool->cursor());
    else
        unsetCursor();
    fitToWindow();
    update();
}

void SliceView::setCursorFromHere(const ViewerState::Index& voxel)
{
    m_movingCursor = true;
    m_state->setCursor(voxel);
    m_movingCursor = false;
}

void SliceView::onImageChanged()
{
    m_onAcquired = false; // updateSource() below decides again for the new image
    const bool sameGrid = m_state->hasImage() && m_model.geometry().sameGridAs(m_state->volume()->geometry());
    if (m_state->hasImage())
        m_model.setGeometry(m_state->volume()->geometry());
    m_banner.setInfo(m_state->info());
    m_sliceValid = false;
    m_labelsValid = false;
    if (!sameGrid || m_fitted) // a new grid needs a new fit; the same grid (reloaded series) keeps zoom and pan
        fitToWindow();
    if (m_state->hasImage())
        updateSource();
    update();
}

void SliceView::onCursorChanged()
{
    if (m_onAcquired && !m_movingCursor)
        m_acquiredSlice = m_acquired->sliceNearestCursor();
    if (currentSlice() != m_cachedSlice) {
        m_sliceValid = false;
        m_labelsValid = false;
    }
    update(); // the crosshair moved in any case
}

void SliceView::onWindowChanged()
{
    m_lut.setWindow(m_state->window(), m_state->inverted());
    m_sliceValid = false;
    update();
}

void SliceView::ensureSlice()
{
    if (m_sliceValid || !m_state->hasImage())
        return;
    m_cachedSlice = currentSlice();
    m_model.extractSlice(m_onAcquired ? m_acquired->slices()->stack : *m_state->volume(), m_cachedSlice, m_lut,
                         m_sliceImage);
    m_sliceValid = true;
    m_scaledValid = false;
    m_drawnDirectly = false;
    ++m_sliceRebuilds;
}

void SliceView::invalidateScaled()
{
    m_scaledValid = false;
    m_drawnDirectly = false;
    update();
}

void SliceView::drawZoomedSlice(QPainter& painter)
{
    const QRectF target = imageRectOnScreen();
    if (!target.contains(QRectF(rect()))) // at high zoom the slice covers everything: no need to clear first
        painter.fillRect(rect(), Qt::black);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_state->interpolation() == Interpolation::Linear);
    painter.drawImage(target, m_sliceImage);
}

void SliceView::ensureScaledSlice()
{
    const qreal ratio = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * ratio).toSize();
    if (m_scaledValid && m_scaledSlice.size() == pixels)
        return;
    if (m_scaledSlice.size() != pixels)
        m_scaledSlice = QImage(pixels, QImage::Format_RGB32);
    m_scaledSlice.setDevicePixelRatio(ratio);
    QPainter painter(&m_scaledSlice);
    drawZoomedSlice(painter);
    m_scaledValid = true;
    m_composedValid = false;
}

const QImage& SliceView::ensureComposed()
{
    if (!m_composedValid) {
        m_composed = m_scaledSlice.copy();
        QPainter painter(&m_composed);
        painter.drawImage(imageRectOnScreen(), m_labelImage); // never smoothed: label edges stay voxel-exact
        m_composedValid = true;
        m_composeDirty = QRect();
    } else if (!m_composeDirty.isEmpty()) {
        // Only the screen area of the changed voxels: the slice under it, then the labels over it.
        const QRectF image = imageRectOnScreen();
        const double sx = image.width() / std::max(1, m_model.columns()), sy = image.height() / std::max(1, m_model.rows());
        const QRectF changed(image.left() + m_composeDirty.left() * sx, image.top() + m_composeDirty.top() * sy,
                             m_composeDirty.width() * sx, m_composeDirty.height() * sy);
        const QRect area = changed.toAlignedRect().intersected(rect());
        if (!area.isEmpty()) {
            const qreal ratio = m_composed.devicePixelRatio();
            QPainter painter(&m_composed);
            painter.setClipRect(area);
            painter.setCompositionMode(QPainter::CompositionMode_Source);
            painter.drawImage(QRectF(area), m_scaledSlice,
                              QRectF(area.x() * ratio, area.y() * ratio, area.width() * ratio, area.height() * ratio));
            painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
            // The changed voxels (one more around them for the clip's rounding), mapped exactly as the full drawing
            // maps them: scaling only this part keeps a one-voxel dab from costing a whole-slice scale.
            const QRect source = m_composeDirty.adjusted(-1, -1, 1, 1).intersected(m_labelImage.rect());
            painter.drawImage(QRectF(image.left() + source.left() * sx, image.top() + source.top() * sy,
                                     source.width() * sx, source.height() * sy),
                              m_labelImage, QRectF(source));
        }
        m_composeDirty = QRect();
    }
    return m_composed;
}

void SliceView::ensureLabels()
{
    if (m_labelsValid && m_labelDirty.isEmpty())
        return;
    const Segmentation* segmentation = m_segmentation ? m_segmentation->segmentation() : nullptr;
    const bool show = !m_onAcquired && segmentation && m_segmentation->showsAnything() && m_state->hasImage()
                      && segmentation->voxelCount() == m_state->volume()->voxelCount();
    const bool partial = m_labelsValid && (show || m_overlay) && m_labelImage.width() == m_model.columns()
                         && m_labelImage.height() == m_model.rows();
    const QRect region = partial ? m_labelDirty : QRect();
    m_labelDirty = QRect();
    m_labelsValid = true;
    if (!partial)
        m_labelsVisible = false;
    bool drawn = false;
    if (show)
        for (int layer = 0; layer < segmentation->layerCount(); ++layer)
            drawn |= m_model.extractLabels(segmentation->layer(layer), currentSlice(), m_segmentation->colours(),
                                           m_segmentation->drawing(), layer > 0, m_labelImage, region);
    const bool overlay = !m_onAcquired && m_overlay && m_overlay->layer() && m_state->hasImage()
                         && m_overlay->layer()->voxelCount() == m_state->volume()->voxelCount();
    if (overlay)
        drawn |= m_model.extractLabels(*m_overlay->layer(), currentSlice(), m_overlay->colours(), m_overlay->drawing(),
                                       show, m_labelImage, region);
    m_labelsVisible |= drawn;
    if (partial && m_composedValid)
        m_composeDirty |= region;
    else
        m_composedValid = false;
    ++m_labelRebuilds;
}

double SliceView::zoomPerVoxel() const
{
    return m_zoom * std::min(m_model.columnSpacing(), m_model.rowSpacing());
}

void SliceView::setZoomPerVoxel(double zoom)
{
    const double spacing = std::min(m_model.columnSpacing(), m_model.rowSpacing());
    if (spacing <= 0.0 || zoom <= 0.0)
        return;
    m_zoom = zoom / spacing;
    m_fitted = false;
    invalidateScaled();
}

void SliceView::fitToWindow()
{
    const double imageWidth = m_model.columns() * m_model.columnSpacing();
    const double imageHeight = m_model.rows() * m_model.rowSpacing();
    m_fitted = true;
    if (imageWidth <= 0.0 || imageHeight <= 0.0 || width() <= 0 || height() <= 0)
        return;
    m_zoom = std::min(width() / imageWidth, height() / imageHeight);
    m_centre = QPointF(imageWidth / 2.0, imageHeight / 2.0);
    invalidateScaled();
}

void SliceView::zoomBy(double factor, const QPointF& anchor)
{
    const QPointF planeUnderAnchor = (anchor - widgetCentre()) / m_zoom + m_centre;
    m_zoom = std::clamp(m_zoom * factor, 0.01, 200.0);
    m_centre = planeUnderAnchor - (anchor - widgetCentre()) / m_zoom;
    m_fitted = false;
    invalidateScaled();
}

void SliceView::panBy(const QPointF& screenDelta)
{
    m_centre -= screenDelta / m_zoom;
    m_fitted = false;
    invalidateScaled();
}

QPointF SliceView::screenPoint(const Vector3& voxelIndex) const
{
    const QPointF image = m_model.imagePoint(voxelIndex);
    const QPointF plane(image.x() * m_model.columnSpacing(), image.y() * m_model.rowSpacing());
    return widgetCentre() + (plane - m_centre) * m_zoom;
}

Vector3 SliceView::voxelIndexAt(const QPointF& point) const
{
    const QPointF plane = (point - widgetCentre()) / m_zoom + m_centre;
    const QPointF image(plane.x() / m_model.columnSpacing(), plane.y() / m_model.rowSpacing());
    return m_model.voxelIndex(image, currentSlice());
}

QRectF SliceView::imageRectOnScreen() const
{
    const QPointF topLeft = widgetCentre() - m_centre * m_zoom;
    return {topLeft, QSizeF(m_model.columns() * m_model.columnSpacing() * m_zoom,
                            m_model.rows() * m_model.rowSpacing() * m_zoom)};
}

void SliceView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (!m_state->hasImage()) {
        painter.fillRect(rect(), Qt::black);
        ViewText::drawShadowed(painter, rect(), int(Qt::AlignCenter | Qt::TextWordWrap),
                               SliceViewModel::orientationName(m_model.orientation()), QColor(120, 120, 120));
        return;
    }
    ensureSlice();
    ensureLabels();
    if (!m_scaledValid && !m_labelsVisible && !m_drawnDirectly) {
        // The first paint of a new slice (scrolling) draws it zoomed straight onto the widget; the zoomed copy is
        // only made when the same slice is painted again (crosshair, tools), where it turns the repaint into a blit.
        drawZoomedSlice(painter);
        m_drawnDirectly = true;
    } else {
        ensureScaledSlice();
        painter.drawImage(QPointF(0, 0), m_labelsVisible ? ensureComposed() : m_scaledSlice);
    }
    if (m_state->crosshairVisible())
        paintCrosshair(painter);
    // Tools and their drawings work on the regularised grid: none on the acquired images.
    for (SliceOverlay* overlay : m_onAcquired ? QVector<SliceOverlay*>() : m_overlays) {
        painter.save();
        overlay->paint(painter, *this);
        painter.restore();
    }
    if (m_tool && !m_onAcquired) {
        painter.save();
        m_tool->paint(painter, *this);
        painter.restore();
    }
    paintAnnotations(painter);
    if (hasFocus()) {
        painter.setPen(QPen(QColor(90, 160, 255, 160), 1));
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void SliceView::addOverlay(SliceOverlay* overlay)
{
    if (overlay && !m_overlays.contains(overlay))
        m_overlays.append(overlay);
    update();
}

void SliceView::removeOverlay(SliceOverlay* overlay)
{
    m_overlays.removeAll(overlay);
    update();
}

void SliceView::paintCrosshair(QPainter& painter)
{
    const auto cursor = m_state->cursor();
    const QPointF centre = m_onAcquired ? screenPoint(m_acquired->cursorOnSlice(m_acquiredSlice))
                                        : screenPoint({double(cursor[0]), double(cursor[1]), double(cursor[2])});
    const double gap = 6.0; // leave the voxel itself visible
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(QColor(60, 170, 255, 190), 1));
    painter.drawLine(QPointF(0, centre.y()), QPointF(centre.x() - gap, centre.y()));
    painter.drawLine(QPointF(centre.x() + gap, centre.y()), QPointF(width(), centre.y()));
    painter.drawLine(QPointF(centre.x(), 0), QPointF(centre.x(), centre.y() - gap));
    painter.drawLine(QPointF(centre.x(), centre.y() + gap), QPointF(centre.x(), height()));
}

void SliceView::paintAnnotations(QPainter& painter)
{
    // Text and letters keep clear of the review strip.
    const int strip = m_reviewStrip && !m_reviewStrip->isHidden() ? ReviewStrip::kWidth : 0;
    const QRect area = rect().adjusted(6, 4, -6 - strip, -4);
    const QFontMetrics metrics(painter.font());
    const QColor text(235, 235, 235);

    m_banner.paint(painter, area);

    const int bannerLines = std::max(m_banner.leftLines().size(),
                                     m_banner.rightLines().size() + (m_banner.showsLossyFlag() ? 1 : 0));
    const QRect noteRect(area.left(), area.top() + int(bannerLines) * metrics.height() + 4, area.width(),
                         metrics.height());
    if (!m_state->info().orientationKnown) {
        // Letters from a made-up orientation would mislead: none, and a note saying why.
        ViewText::drawShadowed(painter, noteRect, int(Qt::AlignHCenter), tr("Orientation unknown (not in the files)"),
                               QColor(255, 190, 60));
    } else {
        paintOrientation(painter, area, noteRect);
    }
    paintSourceNote(painter, noteRect.translated(0, metrics.height()));

    // Up to three fifths of the width: the position line ("A 11.4 mm  Thk 0.488 mm") stays whole in a 1 x 3 layout.
    ViewText::drawLines(painter, area, Qt::AlignLeft | Qt::AlignBottom, bottomLeftText(), text, area.width() * 3 / 5);
    ViewText::drawScaleBar(painter, area, m_zoom);
}

QStringList SliceView::bottomLeftText() const
{
    if (!m_state->hasImage())
        return {};
    const WindowLevel window = m_state->window();
    QString windowLine = tr("W %1  L %2").arg(window.width, 0, 'g', 5).arg(window.center, 0, 'g', 5);
    if (const QString name = m_state->presetName(); !name.isEmpty())
        windowLine += QStringLiteral("  ") + name;
    if (m_state->inverted())
        windowLine += QStringLiteral("  ") + tr("Inverted");
    QStringList lines{
        tr("%1  %2 / %3").arg(SliceViewModel::orientationName(m_model.orientation())).arg(currentSlice() + 1).arg(m_model.sliceCount())};
    if (!m_onAcquired) {
        lines << sliceLocation(m_model.geometry(), m_model.sliceAxis(), m_state->cursor(), currentSlice(),
                               m_state->info().sliceThickness).text();
    } else if (const AcquiredSlices* slices = m_acquired ? m_acquired->slices() : nullptr) {
        // An acquired image lies on no voxel grid: its own position (ImagePositionPatient) at the crosshair.
        const Vector3 at = m_acquired->cursorOnSlice(m_acquiredSlice);
        const double thickness = m_state->info().sliceThickness > 0.0 ? m_state->info().sliceThickness
                                                                      : slices->stack.geometry().spacing()[2];
        lines << sliceLocationAt(slices->physicalPoint(at[0], at[1], m_acquiredSlice),
                                 slices->stack.geometry().axisDirection(2), thickness)
                     .text();
    }
    lines << windowLine;
    return lines;
}

void SliceView::paintOrientation(QPainter& painter, const QRect& area, const QRect& noteRect)
{
    const QFontMetrics metrics(painter.font());
    const QColor letters(255, 220, 90);
    // Orientation letters at the middle of each edge, from the direction cosines.
    const int letterWidth = metrics.horizontalAdvance(QStringLiteral("WWW"));
    const int midY = height() / 2 - metrics.height() / 2;
    ViewText::drawShadowed(painter, QRect(area.left(), midY, letterWidth, metrics.height()), int(Qt::AlignLeft),
                           m_model.edgeLabel(Qt::LeftEdge), letters);
    ViewText::drawShadowed(painter, QRect(area.right() - letterWidth, midY, letterWidth, metrics.height()),
                           int(Qt::AlignRight), m_model.edgeLabel(Qt::RightEdge), letters);
    ViewText::drawShadowed(painter, QRect(width() / 2 - letterWidth / 2, area.top(), letterWidth, metrics.height()),
                           int(Qt::AlignHCenter), m_model.edgeLabel(Qt::TopEdge), letters);
    ViewText::drawShadowed(painter,
                           QRect(width() / 2 - letterWidth / 2, area.bottom() - metrics.height(), letterWidth,
                                 metrics.height()),
                           int(Qt::AlignHCenter), m_model.edgeLabel(Qt::BottomEdge), letters);

    if (m_model.isOblique()) {
        // The grid is shown as acquired, so the picture is tilted relative to the patient's axes: say so,
        // below the banner where it does not cover the image centre.
        ViewText::drawShadowed(painter, noteRect, int(Qt::AlignHCenter), tr("Oblique acquisition: voxel grid shown"),
                               QColor(255, 190, 60));
    }
}

QString SliceView::readoutAt(const QPointF& widgetPoint) const
{
    if (!m_state->hasImage())
        return QString();
    const Vector3 index = voxelIndexAt(widgetPoint);
    const Volume& volume = m_onAcquired ? m_acquired->slices()->stack : *m_state->volume();
    const auto& size = volume.geometry().size();
    std::array<int64_t, 3> voxel{};
    for (int axis = 0; axis < 3; ++axis) {
        voxel[std::size_t(axis)] = int64_t(std::llround(index[std::size_t(axis)]));
        if (voxel[std::size_t(axis)] < 0 || voxel[std::size_t(axis)] >= size[std::size_t(axis)])
            return QString();
    }
    // An acquired image lies at its own position, not where the stack's mean spacing would put it.
    const Vector3 lps = m_onAcquired ? m_acquired->slices()->physicalPoint(double(voxel[0]), double(voxel[1]), int(voxel[2]))
                                     : volume.geometry().indexToPhysical({double(voxel[0]), double(voxel[1]), double(voxel[2])});
    return voxelReadoutText(voxel, lps, m_state->formatValue(volume.value(voxel[0], voxel[1], voxel[2])));
}

QString SliceView::sourceNote() const
{
    if (!m_acquired || !m_acquired->isAvailable())
        return QString();
    return m_onAcquired ? tr("Acquired images (%1): display only").arg(m_model.sliceCount()) : tr("Regularised volume");
}

void SliceView::paintSourceNote(QPainter& painter, const QRect& lineRect)
{
    // A regularised series says in every view which picture is shown: the scanner's images or the resampled grid.
    const QString text = sourceNote();
    if (text.isEmpty())
        return;
    ViewText::drawShadowed(painter, lineRect, int(Qt::AlignHCenter), text,
                           m_onAcquired ? QColor(120, 230, 140) : QColor(150, 200, 255));
}

void SliceView::resizeEvent(QResizeEvent*)
{
    m_reviewStrip->setGeometry(width() - ReviewStrip::kWidth, 0, ReviewStrip::kWidth, height());
    if (m_fitted)
        fitToWindow();
    m_scaledValid = false;
    m_drawnDirectly = false;
}

void SliceView::moveCrosshairTo(const QPointF& point)
{
    const Vector3 index = voxelIndexAt(point);
    if (m_onAcquired) {
        // The point of the acquired image, on the regularised grid; this view stays on its image.
        setCursorFromHere(m_acquired->regularVoxel(index[0], index[1], m_acquiredSlice));
        update();
        return;
    }
    ViewerState::Index voxel = m_state->cursor();
    // Only the in-plane axes move; the slice stays.
    for (int axis : {m_model.columnAxis(), m_model.rowAxis()})
        voxel[axis] = int64_t(std::llround(index[axis]));
    m_state->setCursor(voxel);
}

void SliceView::stepSlices(int delta)
{
    if (m_onAcquired) {
        const int next = std::clamp(m_acquiredSlice + delta, 0, m_model.sliceCount() - 1);
        if (next == m_acquiredSlice)
            return;
        m_acquiredSlice = next;
        m_sliceValid = false;
        // The crosshair follows onto the new image (its nearest voxel of the regularised volume).
        const Vector3 onSlice = m_acquired->cursorOnSlice(next);
        setCursorFromHere(m_acquired->regularVoxel(onSlice[0], onSlice[1], next));
        update();
        return;
    }
    m_state->moveCursor(m_model.sliceAxis(), delta);
}

void SliceView::mousePressEvent(QMouseEvent* event)
{
    if (!m_state->hasImage())
        return;
    Q_EMIT activated(this);
    m_lastPosition = event->position();
    m_pressPosition = event->position();
    if (m_tool && !m_onAcquired && event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ControlModifier)
        && m_tool->mousePress(*this, event)) {
        m_drag = Drag::Tool;
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_drag = Drag::Crosshair;
        moveCrosshairTo(event->position());
    } else if (event->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
    } else if (event->button() == Qt::RightButton) {
        m_drag = Drag::Window;
        m_pressWindow = m_state->window();
    }
}

void SliceView::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_state->hasImage())
        return;
    const QPointF position = event->position();
    Q_EMIT pointerReadoutChanged(readoutAt(position)); // reading a value never moves the crosshair
    if (m_tool && !m_onAcquired && (m_drag == Drag::Tool || (m_drag == Drag::None && !(event->modifiers() & Qt::ShiftModifier)))) {
        m_tool->mouseMove(*this, event);
        m_lastPosition = position;
        return;
    }
    switch (m_drag) {
    case Drag::Crosshair:
        moveCrosshairTo(position);
        break;
    case Drag::Pan:
        panBy(position - m_lastPosition);
        break;
    case Drag::Window: {
        // Right/left widens/narrows the window (multiplicatively, so CT and MR ranges feel the same);
        // down/up raises/lowers the level by a fraction of the width.
        const QPointF moved = position - m_pressPosition;
        WindowLevel window;
        window.width = std::max(1e-6, m_pressWindow.width * std::exp(moved.x() / 200.0));
        window.center = m_pressWindow.center + moved.y() * m_pressWindow.width / 200.0;
        if (m_pressWindow.width >= 10.0) { // integer-valued images: whole numbers read better
            window.width = std::max(1.0, std::round(window.width));
            window.center = std::round(window.center);
        }
        m_state->setWindow(window);
        break;
    }
    case Drag::Tool:
        break;
    case Drag::None:
        if (event->modifiers() & Qt::ShiftModifier)
            moveCrosshairTo(position);
        break;
    }
    m_lastPosition = position;
}

void SliceView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_drag == Drag::Tool && m_tool)
        m_tool->mouseRelease(*this, event);
    m_drag = Drag::None;
}

void SliceView::leaveEvent(QEvent* event)
{
    Q_EMIT pointerReadoutChanged(QString());
    if (m_tool)
        m_tool->leave(*this);
    QWidget::leaveEvent(event);
}

void SliceView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT maximiseRequested(this);
}

void SliceView::wheelEvent(QWheelEvent* event)
{
    if (!m_state->hasImage())
        return;
    Q_EMIT activated(this);
    // Touchpads send many small deltas: accumulate them into whole 15-degree notches.
    m_wheelRemainder += event->angleDelta().y();
    const int steps = m_wheelRemainder / 120;
    m_wheelRemainder -= steps * 120;
    event->accept();
    if (steps == 0)
        return;
    if (m_tool && !m_onAcquired && m_tool->wheel(*this, event))
        return;
    if (event->modifiers() & Qt::ControlModifier)
        zoomBy(std::pow(kWheelZoomStep, steps), event->position());
    else
        stepSlices(steps);
    event->accept();
}

void SliceView::keyPressEvent(QKeyEvent* event)
{
    if (m_tool && !m_onAcquired && m_tool->keyPress(*this, event)) {
        event->accept();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Right:
        stepSlices(1);
        break;
    case Qt::Key_Down:
    case Qt::Key_Left:
        stepSlices(-1);
        break;
    case Qt::Key_PageUp:
        stepSlices(kPageStep);
        break;
    case Qt::Key_PageDown:
        stepSlices(-kPageStep);
        break;
    case Qt::Key_Escape:
        Q_EMIT restoreLayoutRequested();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void SliceView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_banner.setInfo(m_state->info());
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace delineate

namespace delineate {

// The focus frame tells which view the arrow keys scroll.
void SliceView::focusInEvent(QFocusEvent* event)
{
    Q_EMIT activated(this);
    update();
    QWidget::focusInEvent(event);
}

void SliceView::focusOutEvent(QFocusEvent* event)
{
    update();
    QWidget::focusOutEvent(event);
}

} // namespace delineate
