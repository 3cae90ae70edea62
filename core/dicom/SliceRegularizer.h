// Resamples a tilted or unevenly spaced stack of parallel slices onto a regular orthogonal grid.
#pragma once

#include "common/Expected.h"
#include "dicom/SeriesLoader.h"
#include "image/Volume.h"

#include <vector>

namespace delineate {

// `stack` holds the slices in order with in-plane axes i, j as acquired; `positions` are the slices' LPS origins.
// The result's third axis follows the stacking direction (tilt removed); slices are equidistant when the
// input's spacing varies. Linear interpolation; voxels outside the data are the stack's minimum value.
Expected<Volume> regularizeSlices(const Volume& stack, const std::vector<Vector3>& positions, const GeometryReport& report);

} // namespace delineate
