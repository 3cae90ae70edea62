// Storage and simple queries for Volume.
#include "image/Volume.h"

#include <algorithm>
#include <cstdint>

#include <sys/mman.h>
#include <stdexcept>

namespace delineate {

QString pixelTypeName(PixelType type)
{
    return type == PixelType::Int16 ? QStringLiteral("int16") : QStringLiteral("float32");
}

Volume::Volume(const ImageGeometry& geometry, PixelType type) : m_geometry(geometry), m_type(type)
{
    if (type == PixelType::Int16)
        m_int16.resize(geometry.voxelCount(), 0);
    else
        m_float32.resize(geometry.voxelCount(), 0.0f);
}

namespace {

// Large volumes are written once, front to back: transparent huge pages cut the page faults of that first
// touch by 512x. Only advice; where THP is off nothing changes.
void adviseHugePages(void* data, std::size_t bytes)
{
#ifdef MADV_HUGEPAGE
    constexpr std::uintptr_t hugePage = 2u << 20;
    if (bytes < 4 * hugePage)
        return;
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + hugePage - 1) & ~(hugePage - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(hugePage - 1);
    if (end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

} // namespace

Volume Volume::uninitialized(const ImageGeometry& geometry, PixelType type)
{
    Volume volume;
    volume.m_geometry = geometry;
    volume.m_type = type;
    if (type == PixelType::Int16) {
        volume.m_int16.resize(geometry.voxelCount());
        adviseHugePages(volume.m_int16.data(), volume.byteSize());
    } else {
        volume.m_float32.resize(geometry.voxelCount());
        adviseHugePages(volume.m_float32.data(), volume.byteSize());
    }
    return volume;
}

void Volume::setGeometry(const ImageGeometry& geometry)
{
    if (geometry.size() != m_geometry.size())
        throw std::logic_error("Volume::setGeometry cannot change the size");
    m_geometry = geometry;
}

std::size_t Volume::byteSize() const
{
    return voxelCount() * (m_type == PixelType::Int16 ? sizeof(int16_t) : sizeof(float));
}

bool Volume::contains(int64_t i, int64_t j, int64_t k) const
{
    const auto& s = m_geometry.size();
    return i >= 0 && j >= 0 && k >= 0 && i < s[0] && j < s[1] && k < s[2];
}

ValueRange Volume::valueRange() const
{
    ValueRange range;
    if (isEmpty())
        return range;
    if (m_type == PixelType::Int16) {
        const auto [lo, hi] = std::minmax_element(m_int16.begin(), m_int16.end());
        range.minimum = *lo;
        range.maximum = *hi;
    } else {
        const auto [lo, hi] = std::minmax_element(m_float32.begin(), m_float32.end());
        range.minimum = *lo;
        range.maximum = *hi;
    }
    return range;
}

Volume Volume::toFloat32() const
{
    Volume out(m_geometry, PixelType::Float32);
    if (m_type == PixelType::Float32)
        out.m_float32 = m_float32;
    else
        std::copy(m_int16.begin(), m_int16.end(), out.m_float32.begin());
    return out;
}

} // namespace delineate
