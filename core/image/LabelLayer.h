// One label layer of a segmentation: one label value per voxel, stored as uint8 until a value above 255 needs uint16.
// Its voxel count is fixed at construction; only the segmentation's edit path writes to it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace delineate {

class LabelLayer
{
public:
    enum class Width { UInt8, UInt16 };

    LabelLayer() = default;
    explicit LabelLayer(std::size_t voxelCount, Width width = Width::UInt8);
    // Adopts existing voxels (a label map read from a file).
    static LabelLayer fromUInt8(std::vector<uint8_t> values);
    static LabelLayer fromUInt16(std::vector<uint16_t> values);

    Width width() const { return m_wide ? Width::UInt16 : Width::UInt8; }
    bool isWide() const { return m_wide; }
    std::size_t voxelCount() const { return m_wide ? m_wideValues.size() : m_values.size(); }
    std::size_t byteSize() const { return voxelCount() * (m_wide ? 2 : 1); }

    uint16_t at(std::size_t offset) const { return m_wide ? m_wideValues[offset] : m_values[offset]; }
    // Raw voxels for fast readers (views, statistics); null for the other width.
    const uint8_t* data8() const { return m_wide ? nullptr : m_values.data(); }
    const uint16_t* data16() const { return m_wide ? m_wideValues.data() : nullptr; }
    // The largest value present (a full pass).
    uint16_t maximum() const;
    bool isAllZero() const;
    // Voxels of each value: counts[v] for v in [0, 65536) when wide, [0, 256) otherwise.
    std::vector<std::size_t> histogram() const;

    // Writers: Segmentation and the edit path only (they keep undo, the journal and the views in step).
    void set(std::size_t offset, uint16_t value)
    {
        if (m_wide)
            m_wideValues[offset] = value;
        else if (value <= 0xff)
            m_values[offset] = uint8_t(value);
        else
            setWidening(offset, value);
    }
    void fill(uint16_t value);

    bool operator==(const LabelLayer& other) const;

private:
    void setWidening(std::size_t offset, uint16_t value);

    bool m_wide = false;
    std::vector<uint8_t> m_values;
    std::vector<uint16_t> m_wideValues;
};

} // namespace delineate
