// Fill clicks through core's region grow and the document's edit path.
#include "tools/FillTool.h"

#include "edit/LabelTools.h"
#include "image/Volume.h"
#include "model/SegmentationLayer.h"
#include "model/ViewerState.h"
#include "widgets/BusyCursor.h"
#include "widgets/SliceView.h"

#include <QMouseEvent>

#include <algorithm>
#include <cmath>

namespace delineate {

FillTool::FillTool(SegmentationLayer* layer, std::function<SegmentationDocument*()> ensureDocument, QObject* parent)
    : SliceTool(parent), m_layer(layer), m_ensureDocument(std::move(ensureDocument))
{
}

QString FillTool::name() const
{
    return tr("Fill");
}

void FillTool::setSettings(const FillSettings& settings)
{
    m_settings = settings;
    m_settings.tolerance = std::clamp(m_settings.tolerance, 0.0, maximumTolerance());
    Q_EMIT settingsChanged();
}

bool FillTool::mousePress(SliceView& view, QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !view.hasImage())
        return false;
    const std::shared_ptr<const Volume> image = view.state()->sharedVolume();
    const Vector3 at = view.voxelIndexAt(event->position());
    const std::array<int64_t, 3> seed{int64_t(std::llround(at[0])), int64_t(std::llround(at[1])), int64_t(std::llround(at[2]))};
    if (!image->contains(seed[0], seed[1], seed[2])) {
        Q_EMIT message(tr("Click inside the image to fill."));
        return true;
    }
    SegmentationDocument* document = m_ensureDocument ? m_ensureDocument() : nullptr;
    if (!document)
        return true;
    if (document->isEditing()) {
        Q_EMIT message(tr("Finish the edit in progress first."));
        return true;
    }
    RegionGrowOptions options;
    options.label = m_layer->activeLabel();
    options.tolerance = m_settings.tolerance;
    options.threeD = m_settings.threeD;
    options.sliceAxis = view.model().sliceAxis();
    options.policy = m_settings.policy;
    const uint64_t before = document->history().currentSequence();
    Expected<RegionGrowResult> result = [&]() {
        const BusyCursor busy;
        return regionGrow(*document, *image, seed, options);
    }();
    // A journal failure still leaves the fill done: it is in the history and can be undone.
    const bool committed = document->history().currentSequence() != before;
    if (!result) {
        Q_EMIT message(committed ? tr("The fill is kept, but could not be written to the recovery journal: %1")
                                       .arg(result.error().message)
                                 : result.error().message);
    } else if (result->changed == 0) {
        Q_EMIT message(tr("Nothing filled: the %n voxel(s) of the region already hold the label or may not be "
                          "overwritten.", nullptr, int(result->regionVoxels)));
    } else {
        Q_EMIT message(tr("Filled %n voxel(s) with values from %1 to %2.", nullptr, int(result->changed))
                           .arg(result->lower, 0, 'g', 6)
                           .arg(result->upper, 0, 'g', 6));
    }
    if (committed)
        Q_EMIT filled(document->history().undoRecord()->description);
    return true;
}

bool FillTool::mouseMove(SliceView& view, QMouseEvent* event)
{
    Q_UNUSED(view);
    Q_UNUSED(event);
    return false;
}

bool FillTool::mouseRelease(SliceView& view, QMouseEvent* event)
{
    Q_UNUSED(view);
    return event->button() == Qt::LeftButton;
}

void FillTool::paint(QPainter& painter, const SliceView& view)
{
    Q_UNUSED(painter);
    Q_UNUSED(view);
}

} // namespace delineate
