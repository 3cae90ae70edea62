// Measurements on one slice of a voxel grid (ruler, rectangle and ellipse regions, angle), in mm from the geometry.
// Points are continuous voxel indices (voxel n's centre at n), so a measurement stays on its voxels whatever the zoom.
#pragma once

#include "image/ImageGeometry.h"

#include <cstdint>
#include <vector>

namespace delineate {

class Volume;

enum class MeasurementKind { Ruler, Rectangle, Ellipse, Angle };

// What a region holds: the voxels of its slice whose centres lie inside the shape.
struct RegionStatistics
{
    int64_t voxels = 0;
    double mean = 0.0;
    double standardDeviation = 0.0; // sample SD (n - 1), 0 for one voxel
    double minimum = 0.0;
    double maximum = 0.0;
    double areaMm2 = 0.0; // of the drawn shape (w x h, or pi / 4 w x h for the ellipse), not of the voxels
};

struct Measurement
{
    int id = 0;
    MeasurementKind kind = MeasurementKind::Ruler;
    int sliceAxis = 2;  // voxel axis normal to the slice it was drawn on
    int64_t slice = 0;  // index along sliceAxis
    // Ruler: the two ends. Rectangle and ellipse: two opposite corners of the (bounding) rectangle. Angle: first end,
    // vertex, second end. Each point's sliceAxis coordinate equals `slice`.
    std::vector<Vector3> points;

    // Filled by measure(): length (ruler), angle, statistics (regions).
    double lengthMm = 0.0;
    double angleDegrees = 0.0;
    RegionStatistics statistics;

    bool isRegion() const { return kind == MeasurementKind::Rectangle || kind == MeasurementKind::Ellipse; }
};

// Number of points a complete measurement of `kind` has.
int pointCount(MeasurementKind kind);

// Distance in mm between two continuous voxel indices (spacing and direction of the grid).
double distanceMm(const ImageGeometry& geometry, const Vector3& a, const Vector3& b);
// Angle at `vertex` between the rays to `a` and `b`, in degrees [0, 180], in patient space.
double angleDegrees(const ImageGeometry& geometry, const Vector3& a, const Vector3& vertex, const Vector3& b);
// Statistics of the voxels of slice `slice` (along `sliceAxis`) whose centres lie in the rectangle, or the ellipse
// inscribed in it, with opposite corners `a` and `b` (their sliceAxis coordinates are ignored).
RegionStatistics regionStatistics(const Volume& volume, MeasurementKind shape, int sliceAxis, int64_t slice,
                                  const Vector3& a, const Vector3& b);
// Fills the derived fields of `measurement` from `volume`.
void measure(const Volume& volume, Measurement& measurement);

// True when the voxels are not cubes (spacings differ by more than 1 %): a region's statistics are then over the
// voxels of its slice, each thicker or thinner than it is wide.
bool isAnisotropic(const ImageGeometry& geometry);

} // namespace delineate
