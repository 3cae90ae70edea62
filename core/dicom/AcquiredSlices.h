// The slices of a regularised series as they were acquired, kept beside the regularised volume for display only.
#pragma once

#include "image/Volume.h"

#include <vector>

namespace delineate {

// A tilted or unevenly spaced series is resampled onto a regular grid (SliceRegularizer) for MPR, editing and AI;
// a reader still wants the images the scanner made. `stack` holds them in slice order with their own in-plane grid
// and direction (its origin is slice 0's, its spacing along the normal only the mean distance); slice k truly lies
// at positions[k], which is what the mapping functions use.
struct AcquiredSlices
{
    Volume stack;
    std::vector<Vector3> positions;

    int count() const { return int(positions.size()); }
    // LPS position of the continuous index (i, j) on slice k.
    Vector3 physicalPoint(double i, double j, int k) const;
    // The slice whose plane is nearest to `point`.
    int nearestSlice(const Vector3& point) const;
    // Continuous (i, j, k) of `point` projected onto slice k's plane.
    Vector3 indexOnSlice(const Vector3& point, int k) const;
};

} // namespace delineate
