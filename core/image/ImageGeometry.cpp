// Index <-> patient-space mapping and grid comparisons for ImageGeometry.
#include "image/ImageGeometry.h"

#include <cmath>

namespace delineate {

ImageGeometry::ImageGeometry()
    : m_size{0, 0, 0}, m_spacing{1.0, 1.0, 1.0}, m_origin{0.0, 0.0, 0.0},
      m_direction{{{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}}}
{
}

ImageGeometry::ImageGeometry(std::array<int64_t, 3> size, Vector3 spacing, Vector3 origin, Matrix3 direction)
    : m_size(size), m_spacing(spacing), m_origin(origin), m_direction(direction)
{
}

std::size_t ImageGeometry::voxelCount() const
{
    if (m_size[0] <= 0 || m_size[1] <= 0 || m_size[2] <= 0)
        return 0;
    return static_cast<std::size_t>(m_size[0]) * static_cast<std::size_t>(m_size[1]) * static_cast<std::size_t>(m_size[2]);
}

Vector3 ImageGeometry::axisDirection(int axis) const
{
    return {m_direction[0][axis], m_direction[1][axis], m_direction[2][axis]};
}

Vector3 ImageGeometry::indexToPhysical(const Vector3& index) const
{
    Vector3 p = m_origin;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            p[r] += m_direction[r][c] * m_spacing[c] * index[c];
    return p;
}

Vector3 ImageGeometry::physicalToIndex(const Vector3& point) const
{
    // The direction matrix is orthonormal for every geometry we build, so its inverse is its transpose.
    Vector3 d{point[0] - m_origin[0], point[1] - m_origin[1], point[2] - m_origin[2]};
    Vector3 index{};
    for (int c = 0; c < 3; ++c) {
        double s = 0.0;
        for (int r = 0; r < 3; ++r)
            s += m_direction[r][c] * d[r];
        index[c] = s / m_spacing[c];
    }
    return index;
}

bool ImageGeometry::sameGridAs(const ImageGeometry& other, double tolerance) const
{
    if (m_size != other.m_size)
        return false;
    for (int i = 0; i < 3; ++i) {
        if (std::abs(m_spacing[i] - other.m_spacing[i]) > tolerance || std::abs(m_origin[i] - other.m_origin[i]) > tolerance)
            return false;
        for (int j = 0; j < 3; ++j)
            if (std::abs(m_direction[i][j] - other.m_direction[i][j]) > 1e-4)
                return false;
    }
    return true;
}

std::array<int, 3> ImageGeometry::nearestAnatomicalAxes() const
{
    // Greedy assignment by largest cosine, so that the three voxel axes map to three distinct anatomical axes.
    std::array<int, 3> result{-1, -1, -1};
    std::array<bool, 3> usedAnatomical{false, false, false};
    for (int step = 0; step < 3; ++step) {
        double best = -1.0;
        int bestAxis = -1, bestAnatomical = -1;
        for (int c = 0; c < 3; ++c) {
            if (result[c] >= 0)
                continue;
            for (int r = 0; r < 3; ++r) {
                if (usedAnatomical[r])
                    continue;
                double v = std::abs(m_direction[r][c]);
                if (v > best) {
                    best = v;
                    bestAxis = c;
                    bestAnatomical = r;
                }
            }
        }
        result[bestAxis] = bestAnatomical;
        usedAnatomical[bestAnatomical] = true;
    }
    return result;
}

int ImageGeometry::headFootAxis() const
{
    int axis = 2;
    for (int c = 0; c < 3; ++c)
        if (std::abs(m_direction[2][std::size_t(c)]) > std::abs(m_direction[2][std::size_t(axis)]) + 1e-6)
            axis = c;
    return axis;
}

bool ImageGeometry::isOblique() const
{
    const auto axes = nearestAnatomicalAxes();
    const double cosOneDegree = std::cos(M_PI / 180.0);
    for (int c = 0; c < 3; ++c)
        if (std::abs(m_direction[axes[c]][c]) < cosOneDegree)
            return true;
    return false;
}

Vector3 cross(const Vector3& a, const Vector3& b)
{
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

double dot(const Vector3& a, const Vector3& b)
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

Vector3 normalized(const Vector3& v)
{
    const double n = std::sqrt(dot(v, v));
    if (n <= 0.0)
        return v;
    return {v[0] / n, v[1] / n, v[2] / n};
}

} // namespace delineate
