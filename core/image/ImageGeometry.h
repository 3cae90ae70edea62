// Where a voxel grid sits in patient space: size, spacing, origin and direction cosines, in DICOM LPS.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace delineate {

using Vector3 = std::array<double, 3>;
// Column-major direction matrix: column c is the LPS direction of voxel axis c (i, j, k).
using Matrix3 = std::array<std::array<double, 3>, 3>; // [row][column]

class ImageGeometry
{
public:
    ImageGeometry();
    ImageGeometry(std::array<int64_t, 3> size, Vector3 spacing, Vector3 origin, Matrix3 direction);

    const std::array<int64_t, 3>& size() const { return m_size; }
    const Vector3& spacing() const { return m_spacing; }
    const Vector3& origin() const { return m_origin; }
    const Matrix3& direction() const { return m_direction; }

    void setSize(std::array<int64_t, 3> size) { m_size = size; }
    void setSpacing(Vector3 spacing) { m_spacing = spacing; }
    void setOrigin(Vector3 origin) { m_origin = origin; }
    void setDirection(const Matrix3& direction) { m_direction = direction; }

    std::size_t voxelCount() const;
    bool isEmpty() const { return voxelCount() == 0; }
    // Direction of voxel axis `axis` (0 = i, 1 = j, 2 = k) in LPS.
    Vector3 axisDirection(int axis) const;

    Vector3 indexToPhysical(const Vector3& index) const; // continuous index -> LPS mm
    Vector3 physicalToIndex(const Vector3& point) const; // LPS mm -> continuous index

    // Same grid within `tolerance` mm (origin, spacing) and 1e-4 (direction).
    bool sameGridAs(const ImageGeometry& other, double tolerance = 1e-3) const;

    // The anatomical axis (0 = L-R, 1 = P-A, 2 = I-S) nearest to each voxel axis, as ITK-SNAP maps views.
    std::array<int, 3> nearestAnatomicalAxes() const;
    // True when some voxel axis is more than ~1 degree off its nearest anatomical axis.
    bool isOblique() const;
    // The voxel axis whose direction has the largest head-foot (I-S) component, the last one on a tie: the axis
    // normal to axial slices.
    int headFootAxis() const;

private:
    std::array<int64_t, 3> m_size;
    Vector3 m_spacing;
    Vector3 m_origin;
    Matrix3 m_direction;
};

Vector3 cross(const Vector3& a, const Vector3& b);
double dot(const Vector3& a, const Vector3& b);
Vector3 normalized(const Vector3& v);

} // namespace delineate
