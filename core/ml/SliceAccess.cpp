// Slice extraction and storage with per-volume intensity mapping.
#include "ml/SliceAccess.h"

#include <algorithm>
#include <cmath>

namespace delineate::ml {

SliceLayout::SliceLayout(const ImageGeometry& geometry, int sliceAxis) : axis(sliceAxis)
{
    columnAxis = sliceAxis == 0 ? 1 : 0;
    rowAxis = sliceAxis == 2 ? 1 : 2;
    width = geometry.size()[std::size_t(columnAxis)];
    height = geometry.size()[std::size_t(rowAxis)];
    count = geometry.size()[std::size_t(axis)];
}

std::size_t SliceLayout::voxelOffset(const ImageGeometry& geometry, int64_t slice, int64_t row, int64_t column) const
{
    int64_t index[3];
    index[axis] = slice;
    index[rowAxis] = row;
    index[columnAxis] = column;
    const auto& s = geometry.size();
    return std::size_t(index[0] + s[0] * (index[1] + s[1] * index[2]));
}

IntensityMapping IntensityMapping::forVolume(const Volume& volume, const IntensityNormalization& normalization)
{
    IntensityMapping mapping;
    if (normalization.kind == IntensityNormalization::Kind::Window) {
        mapping.scale = 1.0 / (normalization.upper - normalization.lower);
        mapping.offset = -normalization.lower * mapping.scale;
        mapping.clip = true;
        return mapping;
    }
    // z-score over the whole volume (background included), the same at training and inference time.
    double sum = 0.0, squares = 0.0;
    const std::size_t n = volume.voxelCount();
    for (std::size_t i = 0; i < n; ++i) {
        const double v = volume.valueAt(i);
        sum += v;
        squares += v * v;
    }
    const double mean = n ? sum / double(n) : 0.0;
    const double variance = n ? std::max(0.0, squares / double(n) - mean * mean) : 0.0;
    const double sd = variance > 1e-12 ? std::sqrt(variance) : 1.0;
    mapping.scale = 1.0 / sd;
    mapping.offset = -mean / sd;
    return mapping;
}

void readSlice(const Volume& volume, const SliceLayout& layout, int64_t slice, const IntensityMapping& mapping, float* out)
{
    const auto& g = volume.geometry();
    const float scale = float(mapping.scale), offset = float(mapping.offset);
    for (int64_t r = 0; r < layout.height; ++r) {
        for (int64_t c = 0; c < layout.width; ++c) {
            float v = float(volume.valueAt(layout.voxelOffset(g, slice, r, c))) * scale + offset;
            if (mapping.clip)
                v = std::clamp(v, 0.0f, 1.0f);
            out[r * layout.width + c] = v;
        }
    }
}

void readLabelSlice(const LabelMap& labels, const SliceLayout& layout, int64_t slice, uint8_t* out)
{
    const auto& g = labels.geometry();
    for (int64_t r = 0; r < layout.height; ++r)
        for (int64_t c = 0; c < layout.width; ++c)
            out[r * layout.width + c] = labels.at(layout.voxelOffset(g, slice, r, c));
}

namespace {

// Scatters a row-major width x height plane into slice `slice` of a volume's voxel array.
template <typename T>
void scatterSlice(T* data, const ImageGeometry& geometry, const SliceLayout& layout, int64_t slice, const T* values)
{
    for (int64_t r = 0; r < layout.height; ++r)
        for (int64_t c = 0; c < layout.width; ++c)
            data[layout.voxelOffset(geometry, slice, r, c)] = values[r * layout.width + c];
}

} // namespace

void writeSlice(Volume& volume, const SliceLayout& layout, int64_t slice, const float* values)
{
    scatterSlice(volume.float32Data(), volume.geometry(), layout, slice, values);
}

void writeLabelSlice(LabelMap& labels, const SliceLayout& layout, int64_t slice, const uint8_t* values)
{
    scatterSlice(labels.data(), labels.geometry(), layout, slice, values);
}

} // namespace delineate::ml
