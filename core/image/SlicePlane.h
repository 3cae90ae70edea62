// One slice of a voxel grid seen as a 2D raster: which voxel axes run along its columns and rows, whether each is
// reversed, and the linear offsets that walk it. The one slice walker for the views, thumbnails, tools and engine.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace delineate {

// Offsets of one slice: voxel (row, column) is at start + row * rowStep + column * columnStep.
struct SliceWalk
{
    std::ptrdiff_t start = 0;
    std::ptrdiff_t columnStep = 1;
    std::ptrdiff_t rowStep = 0;
    int64_t columns = 0;
    int64_t rows = 0;

    std::size_t offset(int64_t row, int64_t column) const
    {
        return std::size_t(start + std::ptrdiff_t(row) * rowStep + std::ptrdiff_t(column) * columnStep);
    }
};

class SlicePlane
{
public:
    SlicePlane() = default;
    SlicePlane(const std::array<int64_t, 3>& size, int sliceAxis, int columnAxis, int rowAxis,
               bool columnsFlipped = false, bool rowsFlipped = false);
    // Columns along the faster of the two remaining voxel axes, rows along the other, none reversed (the
    // engine's and the files' order).
    static SlicePlane natural(const std::array<int64_t, 3>& size, int sliceAxis);

    int sliceAxis() const { return m_axes[2]; }
    int columnAxis() const { return m_axes[0]; }
    int rowAxis() const { return m_axes[1]; }
    bool columnsFlipped() const { return m_flipped[0]; }
    bool rowsFlipped() const { return m_flipped[1]; }
    int64_t columns() const { return m_size[std::size_t(m_axes[0])]; }
    int64_t rows() const { return m_size[std::size_t(m_axes[1])]; }
    int64_t sliceCount() const { return m_size[std::size_t(m_axes[2])]; }
    const std::array<int64_t, 3>& size() const { return m_size; }

    SliceWalk walk(int64_t slice) const;
    // Voxel index (i, j, k) of a raster position.
    std::array<int64_t, 3> voxel(int64_t slice, int64_t row, int64_t column) const;

    // fn(row, column, offset) for every voxel of the slice, row by row.
    template <typename Fn>
    void forEach(int64_t slice, Fn fn) const
    {
        const SliceWalk w = walk(slice);
        for (int64_t row = 0; row < w.rows; ++row) {
            std::ptrdiff_t offset = w.start + std::ptrdiff_t(row) * w.rowStep;
            for (int64_t column = 0; column < w.columns; ++column, offset += w.columnStep)
                fn(row, column, std::size_t(offset));
        }
    }

private:
    std::array<int64_t, 3> m_size{0, 0, 0};
    std::array<int, 3> m_axes{0, 1, 2};        // column, row, slice
    std::array<bool, 2> m_flipped{false, false};
};

} // namespace delineate
