// The side-by-side comparison: a bar (orientation, link switch, how the views are linked, close) over two views.
#include "widgets/ComparisonView.h"

#include "model/ComparisonLink.h"
#include "model/ViewerState.h"
#include "widgets/SliceView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>

namespace delineate {

ComparisonView::ComparisonView(ViewerState* main, QWidget* parent)
    : QWidget(parent), m_main(main), m_other(new ViewerState(this)), m_link(new ComparisonLink(main, m_other, this)),
      m_orientation(new QComboBox(this)), m_linkSwitch(new QCheckBox(tr("Link scrolling"), this)),
      m_note(new QLabel(this)), m_close(new QPushButton(tr("Close Comparison"), this)), m_views(new QHBoxLayout)
{
    for (ViewOrientation orientation : {ViewOrientation::Axial, ViewOrientation::Coronal, ViewOrientation::Sagittal})
        m_orientation->addItem(SliceViewModel::orientationName(orientation), int(orientation));
    m_linkSwitch->setChecked(true);
    m_linkSwitch->setToolTip(tr("Scrolling either view moves the other: to the same patient position when both "
                                "series share a frame of reference, else to the same relative slice"));
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    auto* orientationLabel = new QLabel(tr("View:"), this);
    orientationLabel->setBuddy(m_orientation);
    bar->addWidget(orientationLabel);
    bar->addWidget(m_orientation);
    bar->addSpacing(12);
    bar->addWidget(m_linkSwitch);
    bar->addSpacing(12);
    bar->addWidget(m_note, 1);
    bar->addWidget(m_close);
    m_views->setContentsMargins(0, 0, 0, 0);
    m_views->setSpacing(2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addLayout(m_views, 1);
    setAutoFillBackground(true);
    QPalette dark = palette();
    dark.setColor(QPalette::Window, QColor(40, 40, 40)); // the gap between the views, as in the main layout
    dark.setColor(QPalette::WindowText, QColor(220, 220, 220));
    setPalette(dark);

    connect(m_orientation, &QComboBox::currentIndexChanged, this, [this]() { rebuildViews(); });
    connect(m_linkSwitch, &QCheckBox::toggled, m_link, &ComparisonLink::setEnabled);
    connect(m_link, &ComparisonLink::noteChanged, m_note, &QLabel::setText);
    connect(m_close, &QPushButton::clicked, this, &ComparisonView::closeRequested);
    // The compared image is shown as the main one is: same interpolation and crosshair switch.
    auto followDisplay = [this]() {
        m_other->setInterpolation(m_main->interpolation());
        m_other->setCrosshairVisible(m_main->crosshairVisible());
    };
    connect(m_main, &ViewerState::interpolationChanged, this, followDisplay);
    connect(m_main, &ViewerState::crosshairVisibilityChanged, this, followDisplay);
    connect(m_other, &ViewerState::imageChanged, this, [this, followDisplay]() {
        followDisplay();
        m_link->syncOtherToMain();
    });
    rebuildViews();
    m_note->setText(m_link->note());
}

ViewOrientation ComparisonView::orientation() const
{
    return ViewOrientation(m_orientation->currentData().toInt());
}

void ComparisonView::setOrientation(ViewOrientation orientation)
{
    m_orientation->setCurrentIndex(m_orientation->findData(int(orientation)));
}

void ComparisonView::setSegmentationLayer(SegmentationLayer* layer)
{
    m_segmentation = layer;
    if (m_mainView)
        m_mainView->setSegmentationLayer(layer);
}

void ComparisonView::rebuildViews()
{
    // A SliceView's orientation is fixed: a new pair for another orientation.
    delete m_mainView;
    delete m_otherView;
    const ViewOrientation chosen = orientation();
    m_mainView = new SliceView(m_main, chosen, this);
    m_otherView = new SliceView(m_other, chosen, this);
    m_mainView->setObjectName(QStringLiteral("comparisonMainView"));
    m_otherView->setObjectName(QStringLiteral("comparisonOtherView"));
    m_mainView->setSegmentationLayer(m_segmentation);
    for (SliceView* view : {m_mainView, m_otherView}) {
        view->installEventFilter(this);
        m_views->addWidget(view, 1);
        connect(view, &SliceView::restoreLayoutRequested, this, &ComparisonView::closeRequested); // Escape
    }
    m_link->setOrientation(chosen);
}

bool ComparisonView::eventFilter(QObject* watched, QEvent* event)
{
    auto* view = qobject_cast<SliceView*>(watched);
    if ((view == m_mainView || view == m_otherView) && view && m_linkSwitch->isChecked()) {
        const bool zoomOrPan =
            (event->type() == QEvent::Wheel && (static_cast<QWheelEvent*>(event)->modifiers() & Qt::ControlModifier))
            || (event->type() == QEvent::MouseMove && (static_cast<QMouseEvent*>(event)->buttons() & Qt::MiddleButton));
        if (zoomOrPan) // the view handles the event first; follow it once it has
            QTimer::singleShot(0, view, [this, view]() { followZoomAndPan(view); });
    }
    return QWidget::eventFilter(watched, event);
}

void ComparisonView::followZoomAndPan(SliceView* source)
{
    SliceView* target = source == m_mainView ? m_otherView : m_mainView;
    if (!target || !source->hasImage() || !target->hasImage())
        return;
    const SliceViewModel& model = target->model();
    target->setZoomPerVoxel(source->pixelsPerMillimetre() * std::min(model.columnSpacing(), model.rowSpacing()));
    if (m_link->mode() != ComparisonLink::Mode::Position)
        return; // not registered: the same scale, each image where it is
    const auto at = [](const SliceView* view) {
        const auto c = view->state()->cursor();
        return view->screenPoint({double(c[0]), double(c[1]), double(c[2])});
    };
    target->panBy(at(source) - at(target));
}

} // namespace delineate
