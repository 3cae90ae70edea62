// Operations on binary masks over a box of voxels (the editing tools' building blocks): exact Euclidean distance
// transforms with anisotropic spacing (Felzenszwalb & Huttenlocher), dilation and erosion by an ellipsoid given in
// mm, and connected components.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace delineate {

// A mask on a box of voxels: size along i, j, k and the spacing that makes distances mm.
struct BinaryVolume
{
    std::array<int64_t, 3> size{0, 0, 0};
    std::array<double, 3> spacing{1.0, 1.0, 1.0};
    std::vector<uint8_t> values; // 0 or 1, i fastest

    BinaryVolume() = default;
    BinaryVolume(const std::array<int64_t, 3>& boxSize, const std::array<double, 3>& voxelSpacing)
        : size(boxSize), spacing(voxelSpacing), values(std::size_t(boxSize[0] * boxSize[1] * boxSize[2]), 0)
    {
    }
    std::size_t count() const { return values.size(); }
    std::size_t offset(int64_t i, int64_t j, int64_t k) const { return std::size_t(i + size[0] * (j + size[1] * k)); }
    std::size_t ones() const;
};

// Squared distance in mm^2 from every voxel centre to the nearest voxel centre with value 1 (0 on those; a huge
// value when the mask is empty). `axes` limits the transform to some axes (a per-slice transform uses two).
std::vector<double> squaredDistanceToMask(const BinaryVolume& mask, const std::array<bool, 3>& axes = {true, true, true});

// Every voxel within `radiusMm` of a voxel of the mask (centre to centre, through the spacing): dilation by the
// ellipsoid {d : sum((d_a * spacing_a)^2) <= r^2}. Erosion is the complement's dilation, complemented.
BinaryVolume dilate(const BinaryVolume& mask, double radiusMm);
BinaryVolume erode(const BinaryVolume& mask, double radiusMm);
// Opening (erode, dilate): removes parts thinner than the radius. Closing (dilate, erode): fills gaps and holes
// smaller than it. Voxels outside the box count as 0.
BinaryVolume open(const BinaryVolume& mask, double radiusMm);
BinaryVolume close(const BinaryVolume& mask, double radiusMm);

// Connected components of the ones: 6-connected (faces) or 26-connected; labels[o] = component (1..n) or 0, and
// sizes[c] = voxels of component c (sizes[0] unused).
struct Components
{
    std::vector<uint32_t> labels;
    std::vector<std::size_t> sizes;
};
Components connectedComponents(const BinaryVolume& mask, bool fullyConnected = false);

} // namespace delineate
