// Distances, angles and region statistics on a slice, from the voxel grid's geometry.
#include "measure/Measurement.h"

#include "image/Volume.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace delineate {

namespace {

constexpr double kPi = 3.14159265358979323846;

// The two voxel axes of a slice normal to `sliceAxis`, in increasing order.
std::pair<int, int> inPlaneAxes(int sliceAxis)
{
    return sliceAxis == 0 ? std::pair{1, 2} : sliceAxis == 1 ? std::pair{0, 2} : std::pair{0, 1};
}

} // namespace

int pointCount(MeasurementKind kind)
{
    return kind == MeasurementKind::Angle ? 3 : 2;
}

double distanceMm(const ImageGeometry& geometry, const Vector3& a, const Vector3& b)
{
    const Vector3 pa = geometry.indexToPhysical(a), pb = geometry.indexToPhysical(b);
    return std::sqrt((pa[0] - pb[0]) * (pa[0] - pb[0]) + (pa[1] - pb[1]) * (pa[1] - pb[1])
                     + (pa[2] - pb[2]) * (pa[2] - pb[2]));
}

double angleDegrees(const ImageGeometry& geometry, const Vector3& a, const Vector3& vertex, const Vector3& b)
{
    const Vector3 pa = geometry.indexToPhysical(a), pv = geometry.indexToPhysical(vertex),
                  pb = geometry.indexToPhysical(b);
    const Vector3 u{pa[0] - pv[0], pa[1] - pv[1], pa[2] - pv[2]}, v{pb[0] - pv[0], pb[1] - pv[1], pb[2] - pv[2]};
    const double nu = std::sqrt(dot(u, u)), nv = std::sqrt(dot(v, v));
    if (nu <= 0.0 || nv <= 0.0)
        return 0.0;
    // atan2 of |u x v| and u . v stays accurate near 0 and 180 degrees, where acos loses digits.
    const Vector3 c = cross(u, v);
    return std::atan2(std::sqrt(dot(c, c)), dot(u, v)) * 180.0 / kPi;
}

RegionStatistics regionStatistics(const Volume& volume, MeasurementKind shape, int sliceAxis, int64_t slice,
                                  const Vector3& a, const Vector3& b)
{
    RegionStatistics stats;
    const auto& size = volume.geometry().size();
    const auto& spacing = volume.geometry().spacing();
    const auto [u, v] = inPlaneAxes(sliceAxis);
    const double loU = std::min(a[u], b[u]), hiU = std::max(a[u], b[u]);
    const double loV = std::min(a[v], b[v]), hiV = std::max(a[v], b[v]);
    const bool ellipse = shape == MeasurementKind::Ellipse;
    stats.areaMm2 = (hiU - loU) * spacing[u] * (hiV - loV) * spacing[v] * (ellipse ? kPi / 4.0 : 1.0);
    if (slice < 0 || slice >= size[sliceAxis])
        return stats;
    const double centreU = (loU + hiU) / 2.0, centreV = (loV + hiV) / 2.0;
    const double radiusU = (hiU - loU) / 2.0, radiusV = (hiV - loV) / 2.0;
    // Voxel centres inside [lo, hi] on each axis, clamped into the grid. A centre on the edge is inside, also when
    // the corner came back from the screen a rounding error off the centre it was dropped on.
    constexpr double kEdge = 1e-6; // voxels
    const int64_t firstU = std::max<int64_t>(0, int64_t(std::ceil(loU - kEdge)));
    const int64_t lastU = std::min<int64_t>(size[u] - 1, int64_t(std::floor(hiU + kEdge)));
    const int64_t firstV = std::max<int64_t>(0, int64_t(std::ceil(loV - kEdge)));
    const int64_t lastV = std::min<int64_t>(size[v] - 1, int64_t(std::floor(hiV + kEdge)));
    // Welford's running mean and sum of squared deviations: no cancellation on large HU offsets.
    double mean = 0.0, m2 = 0.0;
    double minimum = std::numeric_limits<double>::infinity(), maximum = -minimum;
    int64_t count = 0;
    std::array<int64_t, 3> index{};
    index[std::size_t(sliceAxis)] = slice;
    for (int64_t nv = firstV; nv <= lastV; ++nv) {
        for (int64_t nu = firstU; nu <= lastU; ++nu) {
            if (ellipse) {
                if (radiusU <= 0.0 || radiusV <= 0.0)
                    continue;
                const double du = (double(nu) - centreU) / radiusU, dv = (double(nv) - centreV) / radiusV;
                if (du * du + dv * dv > 1.0 + 2.0 * kEdge / std::min(radiusU, radiusV))
                    continue;
            }
            index[std::size_t(u)] = nu;
            index[std::size_t(v)] = nv;
            const double value = volume.value(index[0], index[1], index[2]);
            ++count;
            const double delta = value - mean;
            mean += delta / double(count);
            m2 += delta * (value - mean);
            minimum = std::min(minimum, value);
            maximum = std::max(maximum, value);
        }
    }
    stats.voxels = count;
    if (count > 0) {
        stats.mean = mean;
        stats.standardDeviation = count > 1 ? std::sqrt(m2 / double(count - 1)) : 0.0;
        stats.minimum = minimum;
        stats.maximum = maximum;
    }
    return stats;
}

void measure(const Volume& volume, Measurement& measurement)
{
    const ImageGeometry& geometry = volume.geometry();
    const auto& p = measurement.points;
    measurement.lengthMm = 0.0;
    measurement.angleDegrees = 0.0;
    measurement.statistics = RegionStatistics();
    if (int(p.size()) < pointCount(measurement.kind))
        return;
    switch (measurement.kind) {
    case MeasurementKind::Ruler:
        measurement.lengthMm = distanceMm(geometry, p[0], p[1]);
        break;
    case MeasurementKind::Angle:
        measurement.angleDegrees = angleDegrees(geometry, p[0], p[1], p[2]);
        break;
    case MeasurementKind::Rectangle:
    case MeasurementKind::Ellipse:
        measurement.statistics = regionStatistics(volume, measurement.kind, measurement.sliceAxis, measurement.slice,
                                                  p[0], p[1]);
        break;
    }
}

bool isAnisotropic(const ImageGeometry& geometry)
{
    const auto& s = geometry.spacing();
    const double lo = std::min({s[0], s[1], s[2]}), hi = std::max({s[0], s[1], s[2]});
    return lo > 0.0 && hi > lo * 1.01;
}

} // namespace delineate
