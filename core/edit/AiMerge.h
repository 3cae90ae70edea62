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

// Merges `map` inside `region` (voxel box of the document's grid) into the document's open edit, which must be of
// kind EditKind::Ai. Labels new to the table are added (named after the model's classes by the caller beforehand,
// or with defaults) and marked AUTOMATIC with the model's name and version. With `keepResult` the kept AI result is
// updated inside the region (the last call of a drag); preview calls pass false.
// `before`, when given, holds the state (on the AI layer) each voxel of the region had before the open edit, in the
// region's order (k, then j, then i): the live threshold re-merges the slices on screen from the states they had
// when the drag started. Without it a voxel's current state is taken.
AiMergeReport mergeAiResult(SegmentationDocument& document, const ProbabilityMap& map, const AiMergeOptions& options,
                            const VoxelBox& region, bool keepResult, const VoxelState* before = nullptr);
// The live threshold's fast path: one slice (or box) gathered once when the drag starts, so that every move reads
// its voxels sequentially instead of across the volume (a sagittal slice touches a cache line per voxel).
struct AiSlab
{
    int layer = 0;
    std::vector<std::size_t> offsets;
    std::vector<uint8_t> probability;
    std::vector<uint16_t> predicted;   // the label where the probability counts as foreground
    std::vector<uint16_t> previousAi;  // the kept AI result
    std::vector<VoxelState> before;    // the states before the edit
    std::vector<VoxelState> shown;     // the states set by the last preview
};
AiSlab gatherAiSlab(const Segmentation& segmentation, const ProbabilityMap& map, int layer, const VoxelBox& slab);
// Re-merges the slab at options.threshold inside the document's open AI edit; returns the voxels changed.
std::size_t previewAiSlab(SegmentationDocument& document, AiSlab& slab, const AiMergeOptions& options);

// The states of a region's voxels on `layer`, in the order mergeAiResult reads `before`.
std::vector<VoxelState> regionStates(const Segmentation& segmentation, int layer, const VoxelBox& region);

// The layer an AI result is written to: that of the first target label the table knows, else 0.
int aiMergeLayer(const Segmentation& segmentation, const AiMergeOptions& options);

// The AI result's labels on the grid (the label each voxel gets at `options.threshold`), for keeping and for tests.
LabelLayer aiLabels(const ProbabilityMap& map, const AiMergeOptions& options);

} // namespace delineate
