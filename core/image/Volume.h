// A 3D scalar image on its geometry: int16 where every value is an integer in range (CT HU, most MR), else float32.
#pragma once

#include "image/ImageGeometry.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace delineate {

enum class PixelType { Int16, Float32 };

QString pixelTypeName(PixelType type);

struct ValueRange
{
    double minimum = 0.0;
    double maximum = 0.0;
};

class Volume
{
public:
    Volume() = default;
    Volume(const ImageGeometry& geometry, PixelType type);

    const ImageGeometry& geometry() const { return m_geometry; }
    // Changing the geometry keeps the voxels; the size must not change.
    void setGeometry(const ImageGeometry& geometry);
    PixelType pixelType() const { return m_type; }
    bool isEmpty() const { return m_geometry.isEmpty(); }

    std::size_t voxelCount() const { return m_geometry.voxelCount(); }
    std::size_t byteSize() const;

    // Voxel (i, j, k) is at i + size[0] * (j + size[1] * k).
    int16_t* int16Data() { return m_int16.data(); }
    const int16_t* int16Data() const { return m_int16.data(); }
    float* float32Data() { return m_float32.data(); }
    const float* float32Data() const { return m_float32.data(); }

    std::size_t offset(int64_t i, int64_t j, int64_t k) const
    {
        const auto& s = m_geometry.size();
        return static_cast<std::size_t>(i + s[0] * (j + s[1] * k));
    }
    double valueAt(std::size_t offset) const
    {
        return m_type == PixelType::Int16 ? double(m_int16[offset]) : double(m_float32[offset]);
    }
    double value(int64_t i, int64_t j, int64_t k) const { return valueAt(offset(i, j, k)); }
    bool contains(int64_t i, int64_t j, int64_t k) const;

    ValueRange valueRange() const;
    // Copy of the voxels as float32 on the same geometry.
    Volume toFloat32() const;

private:
    ImageGeometry m_geometry;
    PixelType m_type = PixelType::Int16;
    std::vector<int16_t> m_int16;
    std::vector<float> m_float32;
};

} // namespace delineate
