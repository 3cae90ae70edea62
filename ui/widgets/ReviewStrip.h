// The thin strip at the right edge of a slice view: one row per slice of that view's axis (the last slice at the
// top, as the Up key moves), slices marked reviewed in green, the slice on screen marked; a click or drag goes to a
// slice. It reads the marks from the segmentation shown and never changes them (the "Mark slice reviewed" action
// does, through the edit path).
#pragma once

#include <QPointer>
#include <QWidget>

#include <cstdint>

namespace delineate {

class SegmentationLayer;
class SliceView;

class ReviewStrip : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kWidth = 10;

    explicit ReviewStrip(SliceView* view);

    void setSegmentationLayer(SegmentationLayer* layer);
    // Shown while the view has an image with more than one slice.
    bool isWanted() const;
    // The slice at height `y` of the strip, and the rows a slice takes (widget coordinates).
    int64_t sliceAt(double y) const;
    QRectF sliceRect(int64_t slice) const;

    static QColor reviewedColour() { return QColor(70, 200, 110); }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    void refresh();
    void goTo(double y);
    int64_t sliceCount() const;

    SliceView* m_view;
    QPointer<SegmentationLayer> m_layer;
};

} // namespace delineate
