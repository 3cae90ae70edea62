// Permutes and flips voxel axes so that each points along its nearest anatomical axis in +L, +P, +S (the
// "closest to identity" orientation), without resampling. Lets two readers' volumes be compared voxel by voxel.
#pragma once

#include "image/Volume.h"

namespace delineate {

Volume reorientToNearestLps(const Volume& volume);

} // namespace delineate
