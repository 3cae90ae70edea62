// Whether a mask may be drawn on a series: the same voxel grid within 1 % of a voxel and 1e-4 in direction, or a
// refusal naming both geometries. Resampling onto the series (nearest neighbour) is a separate, explicit step.
#pragma once

#include "common/Expected.h"
#include "image/ImageGeometry.h"
#include "image/LabelLayer.h"

#include <QString>

namespace delineate {

// "512 x 512 x 3 voxels of 0.81 x 0.81 x 1 mm, origin (-207.6, -334.6, -155.5) mm, axes L P S".
QString describeGeometry(const ImageGeometry& geometry);

// The largest offset between the two grids' voxel centres, in voxels of `series` (0 for identical grids).
double gridOffsetInVoxels(const ImageGeometry& mask, const ImageGeometry& series);

// Refuses a mask whose size differs, whose origin (or any voxel centre) is more than 1 % of a voxel away from the
// series' own, or whose direction cosines differ by more than 1e-4: an Error of kind GridMismatch whose message names
// both files and geometries.
Expected<void> checkMaskFitsSeries(const ImageGeometry& mask, const ImageGeometry& series, const QString& maskName,
                                   const QString& seriesName);

// Nearest-neighbour resampling of a label layer onto another grid through patient space; voxels outside the
// source become 0.
LabelLayer resampleLabelsNearest(const LabelLayer& source, const ImageGeometry& from, const ImageGeometry& to);

} // namespace delineate
