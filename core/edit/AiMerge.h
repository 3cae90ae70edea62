// Taking a network's result into the segmentation without touching manual work: inside an AI edit of the document,
// the labels a probability map gives at a threshold are written under the overwrite policy, never into locked labels,
// never over hand-edited voxels unless asked; voxels the previous AI result labelled and the new one does not are
// cleared if nobody changed them since. Running again (or moving the threshold) thus replaces the previous AI result.
#pragma once

#include "edit/Brush.h"
#include "edit/EditRecord.h"
#include "edit/SegmentationDocument.h"
#include "image/ProbabilityMap.h"

#include <QString>

#include <functional>
#include <map>

namespace delineate {

struct AiMergeOptions
{
    double threshold = 0.5;
    // Predicted label value -> label of the segmentation (missing entries keep the predicted value).
    std::map<uint16_t, uint16_t> labelFor;
    OverwritePolicy policy;          // what AI voxels may replace (besides the previous AI result's own voxels)
    bool overwriteHandEdits = false;
    QString modelName;
    QString modelVersion;
};

struct AiMergeReport
{
    std::size_t labelled = 0;        // voxels the result labels (inside the region)
    std::size_t changed = 0;         // voxels changed in the segmentation
    std::size_t keptHandEdited = 0;  // voxels left as the hand made them
    std::size_t keptLocked = 0;      // voxels of locked labels left alone
};

// A voxel's state before the current edit (the AI panel's live threshold re-merges within one open edit and passes
// the states it saw when the drag started); by default the document's current state.
using PreviousState = std::function<VoxelState(int layer, std::size_t offset)>;

// Merges `map` inside `region` (voxel box of the document's grid) into the document's open edit, which must be of
// kind EditKind::Ai. Labels new to the table are added (named after the model's classes by the caller beforehand,
// or with defaults) and marked AUTOMATIC with the model's name and version. With `keepResult` the kept AI result is
// updated inside the region (the last call of a drag); preview calls pass false.
AiMergeReport mergeAiResult(SegmentationDocument& document, const ProbabilityMap& map, const AiMergeOptions& options,
                            const VoxelBox& region, bool keepResult, const PreviousState& previous = {});

// The AI result's labels on the grid (the label each voxel gets at `options.threshold`), for keeping and for tests.
LabelLayer aiLabels(const ProbabilityMap& map, const AiMergeOptions& options);

} // namespace delineate
