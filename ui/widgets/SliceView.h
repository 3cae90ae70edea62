// One slice view (axial, coronal or sagittal) of the shared ViewerState. Built for fast repaint: the slice is cached
// as an RGB32 image rebuilt only when the slice or the window changes, then zoomed into a widget-sized image rebuilt
// only when the slice, zoom or pan change; the label overlay is a third cached image rebuilt only when the slice or
// the labels change. Everything else (crosshair, text, tools) is drawn on top, so an overlay repaint is one blit.
#pragma once

#include "model/DisplayLut.h"
#include "model/SliceViewModel.h"
#include "model/WindowLevel.h"
#include "widgets/PatientBanner.h"

#include <QImage>
#include <QVector>
#include <QWidget>

namespace delineate {

class AcquiredImages;
class OverlayLayer;
class ReviewStrip;
class SegmentationLayer;
class SliceOverlay;
class SliceTool;
class ViewerState;
struct VoxelBox;

class SliceView : public QWidget
{
    Q_OBJECT
public:
    SliceView(ViewerState* state, ViewOrientation orientation, QWidget* parent = nullptr);

    ViewerState* state() const { return m_state; }
    bool hasImage() const;
    // The segmentation drawn over the image (not owned; null draws none).
    void setSegmentationLayer(SegmentationLayer* layer);
    // A second overlay drawn over the segmentation (the AI panel's probability or uncertainty picture).
    void setOverlayLayer(OverlayLayer* overlay);
    SegmentationLayer* segmentationLayer() const { return m_segmentation; }
    // The reviewed-slice strip at the right edge.
    ReviewStrip* reviewStrip() const { return m_reviewStrip; }
    // The editing tool that gets left-button events (not owned; null = navigation only).
    void setTool(SliceTool* tool);
    SliceTool* tool() const { return m_tool; }
    const SliceViewModel& model() const { return m_model; }
    // The slice on screen: of the regularised volume, or of the acquired images while showsAcquired().
    int currentSlice() const;
    // A regularised series' acquired images (not owned): the view in their plane shows them while they are
    // requested, display only (no labels, tools or overlays; a click or scroll moves the crosshair to the point).
    void setAcquiredImages(AcquiredImages* images);
    bool showsAcquired() const { return m_onAcquired; }
    // "Acquired images (28): display only" or "Regularised volume" for a regularised series; empty otherwise.
    QString sourceNote() const;
    // The readout of the voxel under `widgetPoint` (of the acquired image while showsAcquired()); empty outside
    // the image.
    QString readoutAt(const QPointF& widgetPoint) const;

    // Zoom as screen pixels per voxel along the finer in-plane axis (1.0 = "1:1").
    double zoomPerVoxel() const;
    double pixelsPerMillimetre() const { return m_zoom; }
    void setZoomPerVoxel(double zoom);
    void fitToWindow();
    void zoomBy(double factor, const QPointF& anchor); // keeps the image point under `anchor` in place
    void panBy(const QPointF& screenDelta);
    bool isFitted() const { return m_fitted; }

    // Mapping between widget pixels and continuous voxel indices on the current slice.
    QPointF screenPoint(const Vector3& voxelIndex) const;
    Vector3 voxelIndexAt(const QPointF& screenPoint) const;
    QRectF imageRectOnScreen() const;

    // Tools' drawings over the image, painted in the order added; the view does not own them. Call update() after
    // changing what an overlay draws.
    void addOverlay(SliceOverlay* overlay);
    void removeOverlay(SliceOverlay* overlay);

    // The text at the bottom left: orientation and slice number (1-based) of the count, the slice's position
    // along the patient axis nearest the view's normal and its thickness, the window.
    QStringList bottomLeftText() const;

    // For tests and benchmarks: the cached slice and how often it was rebuilt.
    const QImage& sliceImage() const { return m_sliceImage; }
    int sliceRebuildCount() const { return m_sliceRebuilds; }
    int labelRebuildCount() const { return m_labelRebuilds; }

Q_SIGNALS:
    void maximiseRequested(delineate::SliceView* view);
    void restoreLayoutRequested(); // Escape
    // The user turned to this view (focus, a click, the wheel): actions on "the current view" use it.
    void activated(delineate::SliceView* view);
    // The mouse hovers over the view (readoutAt() there; empty outside the image), or left it (empty text).
    void pointerReadoutChanged(const QString& readout);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    enum class Drag { None, Crosshair, Pan, Window, Tool };

    void onImageChanged();
    void onCursorChanged();
    void onWindowChanged();
    void ensureSlice();
    void ensureLabels();
    void ensureScaledSlice();
    void drawZoomedSlice(QPainter& painter);
    const QImage& ensureComposed();
    void invalidateScaled();
    void invalidateLabels();
    void onVoxelsChanged(const VoxelBox& box);
    void moveCrosshairTo(const QPointF& screenPoint);
    void stepSlices(int delta);
    void paintCrosshair(QPainter& painter);
    void paintAnnotations(QPainter& painter);
    void paintOrientation(QPainter& painter, const QRect& area, const QRect& noteRect);
    void updateSource();
    void paintSourceNote(QPainter& painter, const QRect& lineRect);
    void setCursorFromHere(const std::array<int64_t, 3>& voxel);
    QPointF widgetCentre() const { return {width() / 2.0, height() / 2.0}; }

    ViewerState* m_state;
    SliceViewModel m_model;
    PatientBanner m_banner;

    QImage m_sliceImage;       // one voxel per pixel, through the window
    QImage m_scaledSlice;      // m_sliceImage zoomed and panned to the widget: overlay-only repaints just blit it
    QImage m_labelImage;
    QImage m_composed;         // m_scaledSlice with the zoomed labels on it, while labels are shown
    DisplayLut m_lut;
    int m_cachedSlice = -1;
    bool m_sliceValid = false;
    bool m_scaledValid = false;
    bool m_composedValid = false;
    bool m_drawnDirectly = false; // the current slice was painted once without building m_scaledSlice
    bool m_labelsValid = false;
    QRect m_labelDirty;          // image area whose labels changed since the last rebuild (while m_labelsValid)
    QRect m_composeDirty;        // image area to recompose into m_composed
    bool m_labelsVisible = false;
    int m_sliceRebuilds = 0;
    int m_labelRebuilds = 0;

    double m_zoom = 1.0;       // screen pixels per mm
    QPointF m_centre;          // point of the image plane (mm from the image's top-left corner) at the widget centre
    bool m_fitted = true;      // refit on resize until the user zooms or pans

    QVector<SliceOverlay*> m_overlays;
    SegmentationLayer* m_segmentation = nullptr;
    OverlayLayer* m_overlay = nullptr;
    SliceTool* m_tool = nullptr;
    ReviewStrip* m_reviewStrip = nullptr;
    AcquiredImages* m_acquired = nullptr;
    bool m_onAcquired = false;   // showing the acquired images instead of the regularised volume
    int m_acquiredSlice = 0;
    bool m_movingCursor = false; // this view moves the crosshair: its acquired slice stays as chosen
    Drag m_drag = Drag::None;
    int m_wheelRemainder = 0;  // eighths of a degree not yet turned into a step
    QPointF m_lastPosition;
    QPointF m_pressPosition;
    WindowLevel m_pressWindow;
};

} // namespace delineate
