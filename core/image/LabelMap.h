// A plain label grid: one uint8 label per voxel (0 = background), created from a geometry and never resized. The
// engine and the file readers exchange it; the editable segmentation of a series is a Segmentation.
#pragma once

#include "image/ImageGeometry.h"

#include <cstdint>
#include <vector>

namespace delineate {

class LabelMap
{
public:
    LabelMap() = default;
    explicit LabelMap(const ImageGeometry& geometry) : m_geometry(geometry), m_labels(geometry.voxelCount(), 0) {}

    const ImageGeometry& geometry() const { return m_geometry; }
    bool isEmpty() const { return m_labels.empty(); }
    std::size_t voxelCount() const { return m_labels.size(); }
    uint8_t* data() { return m_labels.data(); }
    const uint8_t* data() const { return m_labels.data(); }
    uint8_t at(std::size_t offset) const { return m_labels[offset]; }
    const std::vector<uint8_t>& labels() const { return m_labels; } // read-only: the grid cannot be resized

private:
    ImageGeometry m_geometry;
    std::vector<uint8_t> m_labels;
};

} // namespace delineate
