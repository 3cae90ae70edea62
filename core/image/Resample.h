// Trilinear resampling of a volume onto another grid (patient-space aligned), e.g. for test series and models.
#pragma once

#include "image/Volume.h"

namespace delineate {

// Values outside the source are `background`. The output keeps the source's pixel type (int16 rounded).
Volume resampleLinear(const Volume& source, const ImageGeometry& target, double background = 0.0);

// A grid covering the same physical extent as `geometry` with `size` voxels (spacing adjusted).
ImageGeometry resizedGeometry(const ImageGeometry& geometry, std::array<int64_t, 3> size);

} // namespace delineate
