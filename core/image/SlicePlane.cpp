// Slice walking offsets with optional reversal of each in-plane axis.
#include "image/SlicePlane.h"

namespace delineate {

SlicePlane::SlicePlane(const std::array<int64_t, 3>& size, int sliceAxis, int columnAxis, int rowAxis,
                       bool columnsFlipped, bool rowsFlipped)
    : m_size(size), m_axes{columnAxis, rowAxis, sliceAxis}, m_flipped{columnsFlipped, rowsFlipped}
{
}

SlicePlane SlicePlane::natural(const std::array<int64_t, 3>& size, int sliceAxis)
{
    const int column = sliceAxis == 0 ? 1 : 0;
    const int row = sliceAxis == 2 ? 1 : 2;
    return SlicePlane(size, sliceAxis, column, row);
}

SliceWalk SlicePlane::walk(int64_t slice) const
{
    const std::array<std::ptrdiff_t, 3> stride{1, std::ptrdiff_t(m_size[0]), std::ptrdiff_t(m_size[0] * m_size[1])};
    SliceWalk w;
    w.columns = columns();
    w.rows = rows();
    w.columnStep = m_flipped[0] ? -stride[std::size_t(m_axes[0])] : stride[std::size_t(m_axes[0])];
    w.rowStep = m_flipped[1] ? -stride[std::size_t(m_axes[1])] : stride[std::size_t(m_axes[1])];
    w.start = std::ptrdiff_t(slice) * stride[std::size_t(m_axes[2])];
    if (m_flipped[0])
        w.start += std::ptrdiff_t(w.columns - 1) * stride[std::size_t(m_axes[0])];
    if (m_flipped[1])
        w.start += std::ptrdiff_t(w.rows - 1) * stride[std::size_t(m_axes[1])];
    return w;
}

std::array<int64_t, 3> SlicePlane::voxel(int64_t slice, int64_t row, int64_t column) const
{
    std::array<int64_t, 3> index{};
    index[std::size_t(m_axes[2])] = slice;
    index[std::size_t(m_axes[0])] = m_flipped[0] ? columns() - 1 - column : column;
    index[std::size_t(m_axes[1])] = m_flipped[1] ? rows() - 1 - row : row;
    return index;
}

} // namespace delineate
