// Mapping between LPS points and the acquired slices' own grids (each slice at its own position).
#include "dicom/AcquiredSlices.h"

#include <cmath>
#include <limits>

namespace delineate {

Vector3 AcquiredSlices::physicalPoint(double i, double j, int k) const
{
    const ImageGeometry& g = stack.geometry();
    const Vector3 row = g.axisDirection(0), column = g.axisDirection(1);
    const Vector3& origin = positions.at(std::size_t(k));
    const double u = i * g.spacing()[0], v = j * g.spacing()[1];
    return {origin[0] + u * row[0] + v * column[0], origin[1] + u * row[1] + v * column[1],
            origin[2] + u * row[2] + v * column[2]};
}

int AcquiredSlices::nearestSlice(const Vector3& point) const
{
    const Vector3 normal = stack.geometry().axisDirection(2);
    int best = 0;
    double bestDistance = std::numeric_limits<double>::max();
    for (int k = 0; k < count(); ++k) {
        const Vector3& p = positions[std::size_t(k)];
        const double distance = std::abs(dot({point[0] - p[0], point[1] - p[1], point[2] - p[2]}, normal));
        if (distance < bestDistance) {
            bestDistance = distance;
            best = k;
        }
    }
    return best;
}

Vector3 AcquiredSlices::indexOnSlice(const Vector3& point, int k) const
{
    const ImageGeometry& g = stack.geometry();
    const Vector3& p = positions.at(std::size_t(k));
    const Vector3 d{point[0] - p[0], point[1] - p[1], point[2] - p[2]};
    return {dot(d, g.axisDirection(0)) / g.spacing()[0], dot(d, g.axisDirection(1)) / g.spacing()[1], double(k)};
}

} // namespace delineate
