// The label map that drives image synthesis (no torch): tissue classes by intensity inside and outside a mask,
// optionally split further by the regions of an atlas on the same grid.
#pragma once

#include "common/Expected.h"
#include "image/LabelMap.h"
#include "image/Volume.h"

#include <QString>
#include <QVector>

namespace delineate::ml {

struct SynthesisLabelOptions
{
    int classesInside = 3;   // e.g. CSF, grey and white matter in a brain mask
    int classesOutside = 3;  // e.g. air and bone, muscle, fat around it
    // Voxels of the atlas region r (non-zero) inside the mask take a label of their own when they belong to the
    // region's dominant tissue class (its most frequent inside class): a grey-matter atlas splits the grey matter
    // into its regions and leaves white matter and CSF alone. Regions smaller than `minimumRegionVoxels` stay
    // with their class.
    int minimumRegionVoxels = 200;
};

struct SynthesisLabelSummary
{
    struct ClassInfo
    {
        int label = 0;
        bool inside = false;     // inside the mask
        int atlasRegion = 0;     // 0: an intensity class; else the atlas value it came from
        double meanIntensity = 0.0;
        int64_t voxels = 0;
    };
    QVector<ClassInfo> classes;  // by label value
};

// 1D k-means on the values (Lloyd's iterations on a 1024-bin histogram, started from equal-count quantiles):
// the class centres, ascending. Deterministic. Fails on fewer distinct values than classes.
Expected<QVector<double>> intensityClusters(const std::vector<float>& values, int classes);

// Labels 0 .. classesOutside-1: outside-mask classes by ascending mean intensity (0 the darkest, usually air);
// then the inside classes, ascending; then the atlas regions (see SynthesisLabelOptions). `mask` non-zero is
// inside; `atlas` may be null. The grids of image, mask and atlas must have the same size.
Expected<LabelMap> makeSynthesisLabels(const Volume& image, const LabelMap& mask, const Volume* atlas,
                                       const SynthesisLabelOptions& options, SynthesisLabelSummary* summary = nullptr);

} // namespace delineate::ml
