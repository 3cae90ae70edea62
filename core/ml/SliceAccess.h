// 2D slices of a volume along any voxel axis, as normalised network input and back (no torch).
#pragma once

#include "image/LabelMap.h"
#include "image/SlicePlane.h"
#include "image/Volume.h"
#include "ml/ModelHeader.h"

#include <cstdint>

namespace delineate::ml {

// Slice k along `axis` is a height x width image whose columns run along `columnAxis` (the faster of the two
// remaining voxel axes) and rows along `rowAxis`.
struct SliceLayout
{
    int axis = 2;
    int columnAxis = 0;
    int rowAxis = 1;
    int64_t width = 0;
    int64_t height = 0;
    int64_t count = 0;

    SlicePlane plane;         // the one slice walker (natural order: no axis reversed)

    SliceLayout() = default;
    SliceLayout(const ImageGeometry& geometry, int axis);
    std::size_t voxelOffset(int64_t slice, int64_t row, int64_t column) const { return plane.walk(slice).offset(row, column); }
};

// value * scale + offset, clipped to [0, 1] for a window.
struct IntensityMapping
{
    double scale = 1.0;
    double offset = 0.0;
    bool clip = false;

    static IntensityMapping forVolume(const Volume& volume, const IntensityNormalization& normalization);
};

// Writes slice `slice` as width*height floats (row-major) into `out`.
void readSlice(const Volume& volume, const SliceLayout& layout, int64_t slice, const IntensityMapping& mapping, float* out);
void readLabelSlice(const LabelMap& labels, const SliceLayout& layout, int64_t slice, uint8_t* out);
void writeSlice(Volume& volume, const SliceLayout& layout, int64_t slice, const float* values);
void writeLabelSlice(LabelMap& labels, const SliceLayout& layout, int64_t slice, const uint8_t* values);

} // namespace delineate::ml
