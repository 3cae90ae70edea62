// Which slice of one image lies at the same patient position as a slice of another (linked scrolling of two
// series side by side), and the fallback for images without a common frame of reference. Geometry only.
#pragma once

#include "image/ImageGeometry.h"

namespace delineate {

struct SliceMatch
{
    int slice = 0;          // the nearest slice of the target along its slice axis, clamped into the image
    double distanceMm = 0;  // from the reference point to that slice's plane, along the target's slice normal
    bool withinImage = true; // false when the point lies more than half a slice beyond the target's first or last
};

// The slice of `target` along voxel axis `targetAxis` whose plane is nearest to `point` (LPS mm), measured along that
// axis' direction (the view normal). Both images must share a frame of reference for this to mean anything.
SliceMatch nearestSliceTo(const ImageGeometry& target, int targetAxis, const Vector3& point);

// The centre (LPS mm) of slice `slice` of `geometry` along voxel axis `axis`.
Vector3 sliceCentre(const ImageGeometry& geometry, int axis, int slice);

// The slice of `target` nearest in patient position to slice `sourceSlice` of `source` (the centre of the source
// slice projected on the target's slice normal). Same frame of reference required.
SliceMatch matchSliceByPosition(const ImageGeometry& source, int sourceAxis, int sourceSlice, const ImageGeometry& target,
                                int targetAxis);

// For images in different frames of reference (not registered): the slice at the same fraction of the stack,
// counted in the same anatomical direction (a stack running feet to head against one running head to feet is
// reversed), so that scrolling both moves the same way through the patient.
int matchSliceByFraction(const ImageGeometry& source, int sourceAxis, int sourceSlice, const ImageGeometry& target,
                         int targetAxis);

} // namespace delineate
