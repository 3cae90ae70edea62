// Layout of the slice views: 1x3, 2x2 with the info pane, or one view maximised.
#include "widgets/ViewerPanel.h"

#include "model/AcquiredImages.h"
#include "widgets/ImageInfoPane.h"
#include "tools/SliceTool.h"
#include "widgets/SliceView.h"

#include <QGridLayout>

namespace delineate {

ViewerPanel::ViewerPanel(ViewerState* state, QWidget* parent) : QWidget(parent)
{
    m_views = {new SliceView(state, ViewOrientation::Axial, this), new SliceView(state, ViewOrientation::Coronal, this),
               new SliceView(state, ViewOrientation::Sagittal, this)};
    m_infoPane = new ImageInfoPane(state, this);
    m_acquired = new AcquiredImages(state, this);
    for (SliceView* view : m_views)
        view->setAcquiredImages(m_acquired);
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(2);
    for (SliceView* view : m_views) {
        connect(view, &SliceView::maximiseRequested, this, &ViewerPanel::toggleMaximised);
        connect(view, &SliceView::restoreLayoutRequested, this, [this]() { setMaximisedView(nullptr); });
        connect(view, &SliceView::activated, this, [this](SliceView* used) { m_active = used; });
        connect(view, &SliceView::pointerReadoutChanged, this, &ViewerPanel::pointerReadoutChanged);
    }
    m_active = m_views[0];
    setAutoFillBackground(true);
    QPalette dark = palette();
    dark.setColor(QPalette::Window, QColor(40, 40, 40)); // the gaps between views
    setPalette(dark);
    rebuild();
}

QString ViewerPanel::layoutKey(ViewLayout layout)
{
    return layout == ViewLayout::TwoByTwo   ? QStringLiteral("2x2")
           : layout == ViewLayout::OneByOne ? QStringLiteral("1x1")
                                            : QStringLiteral("1x3");
}

ViewLayout ViewerPanel::layoutFromKey(const QString& key)
{
    return key == QLatin1String("2x2")   ? ViewLayout::TwoByTwo
           : key == QLatin1String("1x1") ? ViewLayout::OneByOne
                                         : ViewLayout::OneByThree;
}

void ViewerPanel::setLayoutMode(ViewLayout layout)
{
    m_layout = layout;
    m_maximised = nullptr;
    rebuild();
    Q_EMIT layoutModeChanged(layout);
}

void ViewerPanel::toggleMaximised(SliceView* view)
{
    setMaximisedView(m_maximised == view ? nullptr : view);
}

void ViewerPanel::setMaximisedView(SliceView* view)
{
    if (view == m_maximised)
        return;
    m_maximised = view;
    rebuild();
    if (m_maximised)
        m_maximised->setFocus();
}

void ViewerPanel::rebuild()
{
    for (SliceView* view : m_views)
        m_grid->removeWidget(view);
    m_grid->removeWidget(m_infoPane);
    for (int n = 0; n < 2; ++n) {
        m_grid->setRowStretch(n, 0);
        m_grid->setColumnStretch(n, 0);
    }
    m_grid->setColumnStretch(2, 0);

    if (m_maximised || m_layout == ViewLayout::OneByOne) {
        // 1 x 1 shows the view last used, as a maximised view does.
        SliceView* shown = m_maximised ? m_maximised : m_active;
        for (SliceView* view : m_views)
            view->setVisible(view == shown);
        m_infoPane->hide();
        m_grid->addWidget(shown, 0, 0);
        m_grid->setRowStretch(0, 1);
        m_grid->setColumnStretch(0, 1);
    } else if (m_layout == ViewLayout::OneByThree) {
        for (int n = 0; n < 3; ++n) {
            m_grid->addWidget(m_views[std::size_t(n)], 0, n);
            m_grid->setColumnStretch(n, 1);
            m_views[std::size_t(n)]->show();
        }
        m_grid->setRowStretch(0, 1);
        m_infoPane->hide();
    } else {
        m_grid->addWidget(m_views[0], 0, 0);
        m_grid->addWidget(m_views[1], 0, 1);
        m_grid->addWidget(m_views[2], 1, 0);
        m_grid->addWidget(m_infoPane, 1, 1);
        for (SliceView* view : m_views)
            view->show();
        m_infoPane->show();
        m_grid->setRowStretch(0, 1);
        m_grid->setRowStretch(1, 1);
        m_grid->setColumnStretch(0, 1);
        m_grid->setColumnStretch(1, 1);
    }
}

void ViewerPanel::setSegmentationLayer(SegmentationLayer* layer)
{
    for (SliceView* view : m_views)
        view->setSegmentationLayer(layer);
}

void ViewerPanel::setOverlayLayer(OverlayLayer* overlay)
{
    for (SliceView* view : m_views)
        view->setOverlayLayer(overlay);
}

void ViewerPanel::setTool(SliceTool* tool)
{
    if (m_tool == tool)
        return;
    if (m_tool)
        m_tool->deactivate();
    m_tool = tool;
    for (SliceView* view : m_views)
        view->setTool(tool);
    Q_EMIT toolChanged(tool);
}

void ViewerPanel::fitAll()
{
    for (SliceView* view : m_views)
        view->fitToWindow();
}

void ViewerPanel::actualSizeAll()
{
    for (SliceView* view : m_views)
        view->setZoomPerVoxel(1.0);
}

} // namespace delineate
