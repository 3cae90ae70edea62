// A 3D scalar image on its geometry: int16 where every value is an integer in range (CT HU, most MR), else float32.
#pragma once

#include "image/ImageGeometry.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace delineate {

// Allocator that leaves new elements uninitialised, so that a volume about to be overwritten (a DICOM load)
// is not zero-filled first: on a 512x512x300 series that saves touching 150 MB twice.
template <typename T>
struct DefaultInitAllocator : std::allocator<T>
{
    template <typename U>
    struct rebind
    {
        using other = DefaultInitAllocator<U>;
    };
    using std::allocator<T>::allocator;
    template <typename U>
    void construct(U* p) noexcept
    {
        ::new (static_cast<void*>(p)) U;
    }
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args)
    {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

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
    // Voxels set to zero.
    Volume(const ImageGeometry& geometry, PixelType type);
    // Voxels left uninitialised: for producers that write every voxel.
    static Volume uninitialized(const ImageGeometry& geometry, PixelType type);

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
    std::vector<int16_t, DefaultInitAllocator<int16_t>> m_int16;
    std::vector<float, DefaultInitAllocator<float>> m_float32;
};

} // namespace delineate
