// Two series side by side: the image on screen (left) and a second series of the study (right), each in its own
// slice view with its own window and banner, one orientation chooser for both, scrolling linked by ComparisonLink;
// zooming or panning one view (Ctrl + wheel, middle drag) zooms the other to the same scale, and in one frame of
// reference pans it so that both crosshairs sit at the same place on screen.
#pragma once

#include "model/SliceViewModel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace delineate {

class ComparisonLink;
class SegmentationLayer;
class SliceView;
class ViewerState;

class ComparisonView : public QWidget
{
    Q_OBJECT
public:
    // `main` is the main window's image (and keeps its segmentation, tools and AI); the compared image lives in
    // otherState().
    ComparisonView(ViewerState* main, QWidget* parent = nullptr);

    ViewerState* mainState() const { return m_main; }
    ViewerState* otherState() const { return m_other; }
    ComparisonLink* link() const { return m_link; }
    SliceView* mainView() const { return m_mainView; }
    SliceView* otherView() const { return m_otherView; }
    QComboBox* orientationChooser() const { return m_orientation; }
    QCheckBox* linkSwitch() const { return m_linkSwitch; }
    QLabel* linkNote() const { return m_note; }
    QPushButton* closeButton() const { return m_close; }

    // The main image's segmentation, drawn (not edited) in the left view.
    void setSegmentationLayer(SegmentationLayer* layer);
    void setOrientation(ViewOrientation orientation);
    ViewOrientation orientation() const;

Q_SIGNALS:
    void closeRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuildViews();
    // Gives the other view `source`'s scale (screen pixels per mm) and, when linked by position, its crosshair's
    // place on screen.
    void followZoomAndPan(SliceView* source);

    ViewerState* m_main;
    ViewerState* m_other;
    ComparisonLink* m_link;
    SegmentationLayer* m_segmentation = nullptr;
    QComboBox* m_orientation;
    QCheckBox* m_linkSwitch;
    QLabel* m_note;
    QPushButton* m_close;
    QHBoxLayout* m_views;
    SliceView* m_mainView = nullptr;
    SliceView* m_otherView = nullptr;
};

} // namespace delineate
