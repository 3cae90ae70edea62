// Label layer storage: widening from uint8 to uint16 on the first value above 255.
#include "image/LabelLayer.h"

#include <algorithm>

namespace delineate {

LabelLayer::LabelLayer(std::size_t voxelCount, Width width) : m_wide(width == Width::UInt16)
{
    if (m_wide)
        m_wideValues.assign(voxelCount, 0);
    else
        m_values.assign(voxelCount, 0);
}

LabelLayer LabelLayer::fromUInt8(std::vector<uint8_t> values)
{
    LabelLayer layer;
    layer.m_values = std::move(values);
    return layer;
}

LabelLayer LabelLayer::fromUInt16(std::vector<uint16_t> values)
{
    LabelLayer layer;
    layer.m_wide = true;
    layer.m_wideValues = std::move(values);
    return layer;
}

uint16_t LabelLayer::maximum() const
{
    if (m_wide)
        return m_wideValues.empty() ? 0 : *std::max_element(m_wideValues.begin(), m_wideValues.end());
    return m_values.empty() ? 0 : *std::max_element(m_values.begin(), m_values.end());
}

bool LabelLayer::isAllZero() const
{
    if (m_wide)
        return std::all_of(m_wideValues.begin(), m_wideValues.end(), [](uint16_t v) { return v == 0; });
    return std::all_of(m_values.begin(), m_values.end(), [](uint8_t v) { return v == 0; });
}

std::vector<std::size_t> LabelLayer::histogram() const
{
    std::vector<std::size_t> counts(m_wide ? 65536 : 256, 0);
    if (m_wide)
        for (uint16_t v : m_wideValues)
            ++counts[v];
    else
        for (uint8_t v : m_values)
            ++counts[v];
    return counts;
}

void LabelLayer::fill(uint16_t value)
{
    if (!m_wide && value > 0xff) {
        m_wideValues.assign(m_values.size(), value);
        m_values.clear();
        m_values.shrink_to_fit();
        m_wide = true;
        return;
    }
    if (m_wide)
        std::fill(m_wideValues.begin(), m_wideValues.end(), value);
    else
        std::fill(m_values.begin(), m_values.end(), uint8_t(value));
}

void LabelLayer::setWidening(std::size_t offset, uint16_t value)
{
    m_wideValues.assign(m_values.begin(), m_values.end());
    m_values.clear();
    m_values.shrink_to_fit();
    m_wide = true;
    m_wideValues[offset] = value;
}

bool LabelLayer::operator==(const LabelLayer& other) const
{
    if (voxelCount() != other.voxelCount())
        return false;
    if (m_wide == other.m_wide)
        return m_wide ? m_wideValues == other.m_wideValues : m_values == other.m_values;
    for (std::size_t n = 0; n < voxelCount(); ++n)
        if (at(n) != other.at(n))
            return false;
    return true;
}

} // namespace delineate
