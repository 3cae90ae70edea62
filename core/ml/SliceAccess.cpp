// Slice extraction and storage with per-volume intensity mapping.
#include "ml/SliceAccess.h"

#include "image/ProbabilityMap.h"

#include <algorithm>
#include <cmath>

namespace delineate::ml {

SliceLayout::SliceLayout(const ImageGeometry& geometry, int sliceAxis)
    : axis(sliceAxis), plane(SlicePlane::natural(geometry.size(), sliceAxis))
{
    columnAxis = plane.columnAxis();
    rowAxis = plane.rowAxis();
    width = plane.columns();
    height = plane.rows();
    count = plane.sliceCount();
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
    const auto [mean, sd] = volumeMeanAndSd(volume);
    mapping.scale = 1.0 / sd;
    mapping.offset = -mean / sd;
    return mapping;
}

void readSlice(const Volume& volume, const SliceLayout& layout, int64_t slice, const IntensityMapping& mapping, float* out)
{
    const float scale = float(mapping.scale), offset = float(mapping.offset);
    layout.plane.forEach(slice, [&](int64_t r, int64_t c, std::size_t voxel) {
        float v = float(volume.valueAt(voxel)) * scale + offset;
        if (mapping.clip)
            v = std::clamp(v, 0.0f, 1.0f);
        out[r * layout.width + c] = v;
    });
}

void readLabelSlice(const LabelMap& labels, const SliceLayout& layout, int64_t slice, uint8_t* out)
{
    layout.plane.forEach(slice, [&](int64_t r, int64_t c, std::size_t voxel) { out[r * layout.width + c] = labels.at(voxel); });
}

namespace {

// Scatters a row-major width x height plane into slice `slice` of a volume's voxel array.
template <typename T>
void scatterSlice(T* data, const SliceLayout& layout, int64_t slice, const T* values)
{
    layout.plane.forEach(slice, [&](int64_t r, int64_t c, std::size_t voxel) { data[voxel] = values[r * layout.width + c]; });
}

} // namespace

void writeSlice(Volume& volume, const SliceLayout& layout, int64_t slice, const float* values)
{
    scatterSlice(volume.float32Data(), layout, slice, values);
}

void writeLabelSlice(LabelMap& labels, const SliceLayout& layout, int64_t slice, const uint8_t* values)
{
    scatterSlice(labels.data(), layout, slice, values);
}

} // namespace delineate::ml
