// Slice matching by patient position (shared frame of reference) or by fraction of the stack.
#include "image/SliceMatch.h"

#include <algorithm>
#include <cmath>

namespace delineate {

SliceMatch nearestSliceTo(const ImageGeometry& target, int targetAxis, const Vector3& point)
{
    SliceMatch match;
    const int64_t count = target.size()[std::size_t(targetAxis)];
    if (count <= 0)
        return match;
    // physicalToIndex projects on each voxel axis: the continuous slice index is the position along the normal.
    const double index = target.physicalToIndex(point)[std::size_t(targetAxis)];
    const double nearest = std::clamp(std::round(index), 0.0, double(count - 1));
    match.slice = int(nearest);
    match.distanceMm = std::abs(index - nearest) * target.spacing()[std::size_t(targetAxis)];
    match.withinImage = index >= -0.5 && index <= double(count) - 0.5;
    return match;
}

Vector3 sliceCentre(const ImageGeometry& geometry, int axis, int slice)
{
    Vector3 index{};
    for (int a = 0; a < 3; ++a)
        index[std::size_t(a)] = a == axis ? double(slice) : (double(geometry.size()[std::size_t(a)]) - 1.0) / 2.0;
    return geometry.indexToPhysical(index);
}

SliceMatch matchSliceByPosition(const ImageGeometry& source, int sourceAxis, int sourceSlice, const ImageGeometry& target,
                                int targetAxis)
{
    return nearestSliceTo(target, targetAxis, sliceCentre(source, sourceAxis, sourceSlice));
}

int matchSliceByFraction(const ImageGeometry& source, int sourceAxis, int sourceSlice, const ImageGeometry& target,
                         int targetAxis)
{
    const int64_t sourceCount = source.size()[std::size_t(sourceAxis)];
    const int64_t targetCount = target.size()[std::size_t(targetAxis)];
    if (targetCount <= 1 || sourceCount <= 0)
        return 0;
    double fraction = sourceCount > 1 ? std::clamp(double(sourceSlice) / double(sourceCount - 1), 0.0, 1.0) : 0.5;
    if (dot(source.axisDirection(sourceAxis), target.axisDirection(targetAxis)) < 0.0)
        fraction = 1.0 - fraction;
    return int(std::lround(fraction * double(targetCount - 1)));
}

} // namespace delineate
