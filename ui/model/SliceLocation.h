// Where a view's slice lies in the patient and how thick it is, for the on-image text ("S 12.5 mm  Thk 1.25 mm").
// No widgets here.
#pragma once

#include "image/ImageGeometry.h"

#include <QString>

#include <array>
#include <cstdint>

namespace delineate {

struct SliceLocation
{
    char letter = 'S';         // the side of the patient axis nearest the view's normal: R/L, A/P or I/S
    double millimetres = 0.0;  // distance from the scanner's origin along that axis, towards `letter` (>= 0)
    double thickness = 0.0;    // mm: SliceThickness for the acquired slices, else the spacing through the view

    // "S 12.5 mm  Thk 1.25 mm" (translated)
    QString text() const;
};

// Slice `slice` along voxel axis `sliceAxis`, at the crosshair's place in the slice (`cursor`): an oblique or tilted
// slice is not at one height, so the text names the point under the crosshair. `acquiredThickness` (SliceThickness,
// 0 when unknown) is the thickness of slices along voxel axis 2, the axis the acquired images are stacked on.
SliceLocation sliceLocation(const ImageGeometry& geometry, int sliceAxis, const std::array<int64_t, 3>& cursor,
                            int64_t slice, double acquiredThickness);

// The same for a point of a slice whose normal is `normal` (an acquired image, which lies on no voxel grid).
SliceLocation sliceLocationAt(const Vector3& point, const Vector3& normal, double thickness);

} // namespace delineate
