// The readout of one voxel as people read it: 1-based voxel index (as slice numbers are), LPS position in mm and
// the value with its unit. One place, so that the crosshair and the pointer readouts say the same thing.
#pragma once

#include "image/ImageGeometry.h"

#include <QString>

#include <array>
#include <cstdint>

namespace delineate {

// `voxel` is 0-based (as stored); the text shows it 1-based. `value` is already formatted ("40 HU").
QString voxelReadoutText(const std::array<int64_t, 3>& voxel, const Vector3& lps, const QString& value);

} // namespace delineate
