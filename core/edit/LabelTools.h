// The editing tools beyond the brush, as core operations on the edit path (each one undoable, journalled, named in
// the history): threshold-limited painting is in Brush.h; here region growing (flood fill), polygon (lasso) fill,
// shape-based interpolation between slices, island removal and morphological smoothing.
#pragma once

#include "common/Expected.h"
#include "edit/Brush.h"
#include "edit/SegmentationDocument.h"
#include "image/Volume.h"

#include <QString>
#include <QVector>

namespace delineate {

// --- Flood fill / region grow: the voxels connected (faces) to `seed` whose values lie within `tolerance` of the
// seed's value, in the slice through the seed (2D, normal to `sliceAxis`) or in 3D; painted with `label` under the
// policy (locked labels never).
struct RegionGrowOptions
{
    uint16_t label = 1;
    double tolerance = 50.0;
    bool threeD = false;
    int sliceAxis = 2;
    OverwritePolicy policy;
    std::size_t maximumVoxels = std::size_t(200) << 20; // a guard against filling a whole body by mistake
};
struct RegionGrowResult
{
    std::size_t regionVoxels = 0; // voxels of the grown region
    std::size_t changed = 0;      // voxels painted
    double lower = 0.0, upper = 0.0; // the value range used
};
// The region alone (offsets, ascending), for previews and tests.
std::vector<std::size_t> growRegion(const Volume& image, const std::array<int64_t, 3>& seed, double lower, double upper,
                                    bool threeD, int sliceAxis, std::size_t maximumVoxels);
Expected<RegionGrowResult> regionGrow(SegmentationDocument& document, const Volume& image,
                                      const std::array<int64_t, 3>& seed, const RegionGrowOptions& options);

// --- Polygon (lasso) fill on one slice: voxels of slice `slice` (normal to `sliceAxis`) whose centres lie inside the
// polygon (even-odd rule); the polygon's points are continuous voxel indices of that slice, x along the lower of the
// two in-plane voxel axes and y along the higher (SlicePlane::natural's columns and rows).
std::vector<std::size_t> polygonVoxels(const ImageGeometry& geometry, int sliceAxis, int64_t slice,
                                       const QVector<std::array<double, 2>>& polygon);
Expected<std::size_t> fillPolygon(SegmentationDocument& document, int sliceAxis, int64_t slice,
                                  const QVector<std::array<double, 2>>& polygon, uint16_t label, const OverwritePolicy& policy,
                                  bool erase = false);

// --- Shape-based interpolation: between the slices (normal to `axis`) where `label` was drawn, the slices in between
// get the shape whose signed distance (in mm) is the linear blend of the two drawn slices' signed distances: two
// discs interpolate to a cone, never to a blend of masks. Only empty voxels (by default) of the gaps are painted.
struct InterpolationResult
{
    int keySlices = 0;
    int filledSlices = 0;
    std::size_t changed = 0;
};
Expected<InterpolationResult> interpolateLabel(SegmentationDocument& document, uint16_t label, int axis,
                                               const OverwritePolicy& policy = {OverwriteMode::EmptyOnly, 0});

// --- Islands: the 6-connected pieces of `label`; remove those under `minimumVoxels`, or all but the largest.
struct IslandResult
{
    int islands = 0;        // pieces before
    int removedIslands = 0;
    std::size_t removedVoxels = 0;
};
Expected<IslandResult> removeIslands(SegmentationDocument& document, uint16_t label, std::size_t minimumVoxels,
                                     bool keepLargestOnly);

// --- Smoothing: morphological opening (removes spurs and specks thinner than the radius) or closing (fills gaps
// and holes smaller than it) of `label` with an ellipsoid of `radiusMm` in every direction (anisotropic spacing
// honoured). Closing adds voxels only where the policy allows and never into locked labels.
enum class SmoothingKind { Opening, Closing };
Expected<std::size_t> smoothLabel(SegmentationDocument& document, uint16_t label, SmoothingKind kind, double radiusMm);

// The box holding every voxel of `label` (empty when it has none).
VoxelBox labelBounds(const Segmentation& segmentation, uint16_t label);

} // namespace delineate
