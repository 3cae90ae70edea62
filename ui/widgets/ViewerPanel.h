// The three slice views and the info pane, arranged 1x3, 2x2 or 1x1, with one view maximised on double-click.
#pragma once

#include <QWidget>

#include <array>

class QGridLayout;

namespace delineate {

class AcquiredImages;
class ImageInfoPane;
class OverlayLayer;
class SegmentationLayer;
class SliceTool;
class SliceView;
class ViewerState;

enum class ViewLayout { OneByThree, TwoByTwo, OneByOne }; // 1 x 1: the active view alone

class ViewerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ViewerPanel(ViewerState* state, QWidget* parent = nullptr);

    SliceView* view(int index) const { return m_views.at(std::size_t(index)); } // 0 axial, 1 coronal, 2 sagittal
    SliceView* axialView() const { return view(0); }
    // The view the user last turned to (focus, click or wheel); the axial view until then.
    SliceView* activeView() const { return m_active; }
    ImageInfoPane* infoPane() const { return m_infoPane; }
    // The toggle between a regularised series' acquired images and its regularised volume (View menu).
    AcquiredImages* acquiredImages() const { return m_acquired; }

    ViewLayout layoutMode() const { return m_layout; }
    void setLayoutMode(ViewLayout layout);
    SliceView* maximisedView() const { return m_maximised; }
    void toggleMaximised(SliceView* view);
    void setMaximisedView(SliceView* view); // nullptr restores the layout

    // Every view draws this segmentation and hands its left button to this tool (null: navigation).
    void setSegmentationLayer(SegmentationLayer* layer);
    void setOverlayLayer(OverlayLayer* overlay);
    void setTool(SliceTool* tool);
    SliceTool* tool() const { return m_tool; }

    void fitAll();
    void actualSizeAll();

    static QString layoutKey(ViewLayout layout);
    static ViewLayout layoutFromKey(const QString& key);

Q_SIGNALS:
    void layoutModeChanged(delineate::ViewLayout layout);
    // The readout under the mouse in any view; empty when the mouse left the views or the image.
    void pointerReadoutChanged(const QString& readout);
    void toolChanged(delineate::SliceTool* tool);

private:
    void rebuild();

    std::array<SliceView*, 3> m_views{};
    ImageInfoPane* m_infoPane;
    AcquiredImages* m_acquired;
    QGridLayout* m_grid;
    ViewLayout m_layout = ViewLayout::OneByThree;
    SliceView* m_maximised = nullptr;
    SliceTool* m_tool = nullptr;
    SliceView* m_active = nullptr;
};

} // namespace delineate
