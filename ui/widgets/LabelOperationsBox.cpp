// Active-label operations: interpolation, islands, smoothing through core/edit's LabelTools.
#include "widgets/LabelOperationsBox.h"

#include "edit/LabelEdits.h"
#include "edit/LabelTools.h"
#include "edit/SegmentationDocument.h"
#include "model/SegmentationLayer.h"
#include "model/SegmentationSession.h"
#include "widgets/BusyCursor.h"
#include "widgets/SliceView.h"
#include "widgets/ViewerPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace delineate {

LabelOperationsBox::LabelOperationsBox(SegmentationSession* session, SegmentationLayer* layer, ViewerPanel* views,
                                       QWidget* parent)
    : QGroupBox(parent), m_session(session), m_layer(layer), m_views(views)
{
    setTitle(tr("Active label"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(6, 6, 6, 6);

    m_interpolate = new QPushButton(tr("Interpolate"), this);
    m_interpolate->setToolTip(tr("Fill the slices between the slices where the active label was drawn with the shape "
                                 "between them (shape-based; only empty voxels are filled)"));
    m_axis = new QComboBox(this);
    m_axis->addItem(tr("across the slices of the view last used"), int(AxisChoice::LastUsedView));
    m_axis->addItem(tr("across axial slices"), int(AxisChoice::Axial));
    m_axis->addItem(tr("across coronal slices"), int(AxisChoice::Coronal));
    m_axis->addItem(tr("across sagittal slices"), int(AxisChoice::Sagittal));
    grid->addWidget(m_interpolate, 0, 0);
    grid->addWidget(m_axis, 0, 1, 1, 3);

    m_removeIslands = new QPushButton(tr("Remove islands"), this);
    m_removeIslands->setToolTip(tr("Remove the separate pieces of the active label smaller than the given size"));
    m_minimumIsland = new QSpinBox(this);
    m_minimumIsland->setRange(1, 100000000);
    m_minimumIsland->setValue(100);
    m_minimumIsland->setPrefix(tr("under "));
    m_minimumIsland->setSuffix(tr(" voxels"));
    m_keepLargest = new QPushButton(tr("Keep largest"), this);
    m_keepLargest->setToolTip(tr("Remove every piece of the active label but the largest"));
    grid->addWidget(m_removeIslands, 1, 0);
    grid->addWidget(m_minimumIsland, 1, 1, 1, 2);
    grid->addWidget(m_keepLargest, 1, 3);

    m_smooth = new QPushButton(tr("Smooth"), this);
    m_smoothing = new QComboBox(this);
    m_smoothing->addItem(tr("Opening (removes specks and spurs)"), int(SmoothingKind::Opening));
    m_smoothing->addItem(tr("Closing (fills holes and gaps)"), int(SmoothingKind::Closing));
    m_radius = new QDoubleSpinBox(this);
    m_radius->setRange(0.1, 50.0);
    m_radius->setDecimals(1);
    m_radius->setSingleStep(0.5);
    m_radius->setValue(1.0);
    m_radius->setSuffix(tr(" mm"));
    m_radius->setToolTip(tr("Radius of the smoothing ball, in mm in every direction (uneven voxel spacing is honoured)"));
    grid->addWidget(m_smooth, 2, 0);
    grid->addWidget(m_smoothing, 2, 1, 1, 2);
    grid->addWidget(m_radius, 2, 3);
    grid->setColumnStretch(1, 1);
    // Long choices are elided rather than widening the dock.
    for (QComboBox* box : {m_axis, m_smoothing}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(10);
    }

    connect(m_interpolate, &QPushButton::clicked, this, &LabelOperationsBox::interpolate);
    connect(m_removeIslands, &QPushButton::clicked, this, [this]() { removeIslands(false); });
    connect(m_keepLargest, &QPushButton::clicked, this, [this]() { removeIslands(true); });
    connect(m_smooth, &QPushButton::clicked, this, &LabelOperationsBox::smooth);
    connect(m_session, &SegmentationSession::documentChanged, this, &LabelOperationsBox::updateEnabled);
    updateEnabled();
}

void LabelOperationsBox::updateEnabled()
{
    setEnabled(m_session->document() != nullptr);
}

int LabelOperationsBox::interpolationAxis() const
{
    const auto choice = AxisChoice(m_axis->currentData().toInt());
    SliceView* view = choice == AxisChoice::Axial      ? m_views->view(0)
                      : choice == AxisChoice::Coronal  ? m_views->view(1)
                      : choice == AxisChoice::Sagittal ? m_views->view(2)
                                                       : m_views->activeView();
    return view->model().sliceAxis();
}

SegmentationDocument* LabelOperationsBox::usableDocument()
{
    SegmentationDocument* document = m_session->document();
    if (!document) {
        Q_EMIT message(tr("There is no segmentation yet: draw the label first."));
        return nullptr;
    }
    if (document->isEditing()) {
        Q_EMIT message(tr("Finish the edit in progress first."));
        return nullptr;
    }
    if (!document->labels().contains(m_layer->activeLabel())) {
        Q_EMIT message(tr("Choose a label in the list first."));
        return nullptr;
    }
    return document;
}

namespace {

// Runs one operation with a wait cursor and its time measured; `committed` tells whether it reached the history
// (a journal failure returns an error although the edit is done and undoable).
template <typename Operation>
auto timed(SegmentationDocument& document, double& milliseconds, bool& committed, Operation operation)
{
    const uint64_t before = document.history().currentSequence();
    QElapsedTimer timer;
    timer.start();
    const BusyCursor busy;
    auto result = operation();
    milliseconds = double(timer.nsecsElapsed()) / 1e6;
    committed = document.history().currentSequence() != before;
    return result;
}

} // namespace

void LabelOperationsBox::interpolate()
{
    SegmentationDocument* document = usableDocument();
    if (!document)
        return;
    const uint16_t label = m_layer->activeLabel();
    const QString name = labelDisplayName(document->labels(), label);
    const int axis = interpolationAxis();
    bool committed = false;
    auto result = timed(*document, m_lastDurationMs, committed, [&]() { return interpolateLabel(*document, label, axis); });
    if (!result)
        Q_EMIT message(committed ? tr("Interpolated, but the recovery journal failed: %1").arg(result.error().message)
                                 : result.error().message);
    else if (result->filledSlices == 0)
        Q_EMIT message(tr("Nothing to interpolate: %1 was drawn on %2 neighbouring slices, with no slice between them.")
                           .arg(name)
                           .arg(result->keySlices));
    else if (result->changed == 0)
        Q_EMIT message(tr("Nothing added: the %n slice(s) between the drawn slices of %1 hold its shape already or "
                          "hold other labels.", nullptr, result->filledSlices)
                           .arg(name));
    else
        Q_EMIT message(tr("Interpolated %1 across %n slice(s): %2 voxels added.", nullptr, result->filledSlices)
                           .arg(name)
                           .arg(result->changed));
}

void LabelOperationsBox::removeIslands(bool keepLargestOnly)
{
    SegmentationDocument* document = usableDocument();
    if (!document)
        return;
    const uint16_t label = m_layer->activeLabel();
    const QString name = labelDisplayName(document->labels(), label);
    const std::size_t minimum = std::size_t(m_minimumIsland->value());
    bool committed = false;
    auto result = timed(*document, m_lastDurationMs, committed,
                        [&]() { return delineate::removeIslands(*document, label, minimum, keepLargestOnly); });
    if (!result)
        Q_EMIT message(committed ? tr("Islands removed, but the recovery journal failed: %1").arg(result.error().message)
                                 : result.error().message);
    else if (result->islands == 0)
        Q_EMIT message(tr("%1 has no voxels.").arg(name));
    else
        Q_EMIT message(tr("%1 had %n island(s); %2 removed (%3 voxels).", nullptr, result->islands)
                           .arg(name)
                           .arg(result->removedIslands)
                           .arg(result->removedVoxels));
}

void LabelOperationsBox::smooth()
{
    SegmentationDocument* document = usableDocument();
    if (!document)
        return;
    const uint16_t label = m_layer->activeLabel();
    const QString name = labelDisplayName(document->labels(), label);
    const auto kind = SmoothingKind(m_smoothing->currentData().toInt());
    const double radius = m_radius->value();
    bool committed = false;
    auto result = timed(*document, m_lastDurationMs, committed,
                        [&]() { return smoothLabel(*document, label, kind, radius); });
    if (!result)
        Q_EMIT message(committed ? tr("Smoothed, but the recovery journal failed: %1").arg(result.error().message)
                                 : result.error().message);
    else
        Q_EMIT message(tr("Smoothed %1: %n voxel(s) changed.", nullptr, int(*result)).arg(name));
}

} // namespace delineate
