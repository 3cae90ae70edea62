// Voxel-axis selection, radiological flips, orientation letters and fast slice extraction for one view.
#include "model/SliceViewModel.h"

#include "image/LabelLayer.h"
#include "image/Volume.h"
#include "model/DisplayLut.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <vector>

namespace delineate {

namespace {

// Per view: the anatomical axis (0 = L-R, 1 = P-A, 2 = I-S in LPS) along screen x, screen y and through the screen,
// and the LPS sign that screen x / y must point to. Radiological convention: the patient's left is on screen right
// in axial and coronal views; anterior is on the left in sagittal; superior is up; anterior is up in axial.
struct ViewConvention
{
    std::array<int, 3> anatomical;
    std::array<double, 2> screenSign;
};

ViewConvention conventionFor(ViewOrientation orientation)
{
    switch (orientation) {
    case ViewOrientation::Axial:
        return {{0, 1, 2}, {+1.0, +1.0}};
    case ViewOrientation::Coronal:
        return {{0, 2, 1}, {+1.0, -1.0}};
    case ViewOrientation::Sagittal:
        return {{1, 2, 0}, {+1.0, -1.0}};
    }
    return {{0, 1, 2}, {+1.0, +1.0}};
}

} // namespace

SliceViewModel::SliceViewModel(ViewOrientation orientation) : m_orientation(orientation) {}

QString SliceViewModel::orientationName(ViewOrientation orientation)
{
    switch (orientation) {
    case ViewOrientation::Axial:
        return QCoreApplication::translate("SliceViewModel", "Axial");
    case ViewOrientation::Coronal:
        return QCoreApplication::translate("SliceViewModel", "Coronal");
    case ViewOrientation::Sagittal:
        return QCoreApplication::translate("SliceViewModel", "Sagittal");
    }
    return {};
}

void SliceViewModel::setGeometry(const ImageGeometry& geometry)
{
    m_geometry = geometry;
    const ViewConvention convention = conventionFor(m_orientation);
    const std::array<int, 3> nearest = geometry.nearestAnatomicalAxes();
    for (int screen = 0; screen < 3; ++screen)
        for (int voxelAxis = 0; voxelAxis < 3; ++voxelAxis)
            if (nearest[voxelAxis] == convention.anatomical[screen])
                m_axes[screen] = voxelAxis;
    for (int screen = 0; screen < 2; ++screen) {
        const double component = geometry.direction()[convention.anatomical[screen]][m_axes[screen]];
        m_flipped[screen] = component * convention.screenSign[screen] < 0.0;
    }
    m_plane = SlicePlane(geometry.size(), m_axes[2], m_axes[0], m_axes[1], m_flipped[0], m_flipped[1]);
}

QPointF SliceViewModel::imagePoint(const Vector3& index) const
{
    const double i = index[m_axes[0]], j = index[m_axes[1]];
    const double x = m_flipped[0] ? (columns() - 1 - i) + 0.5 : i + 0.5;
    const double y = m_flipped[1] ? (rows() - 1 - j) + 0.5 : j + 0.5;
    return {x, y};
}

Vector3 SliceViewModel::voxelIndex(const QPointF& imagePoint, double slice) const
{
    Vector3 index{};
    index[m_axes[0]] = m_flipped[0] ? columns() - 0.5 - imagePoint.x() : imagePoint.x() - 0.5;
    index[m_axes[1]] = m_flipped[1] ? rows() - 0.5 - imagePoint.y() : imagePoint.y() - 0.5;
    index[m_axes[2]] = slice;
    return index;
}

std::array<int64_t, 3> SliceViewModel::nearestVoxel(const QPointF& imagePoint, int64_t slice) const
{
    const Vector3 index = voxelIndex(imagePoint, double(slice));
    std::array<int64_t, 3> voxel{};
    for (int axis = 0; axis < 3; ++axis) {
        const int64_t last = std::max<int64_t>(0, m_geometry.size()[axis] - 1);
        voxel[axis] = std::clamp<int64_t>(int64_t(std::llround(index[axis])), 0, last);
    }
    return voxel;
}

QString SliceViewModel::lettersFor(const Vector3& direction)
{
    // LPS: +x is the patient's left, +y posterior, +z superior. Components under ~6 degrees of tilt are ignored,
    // so a straight acquisition gets one letter and an oblique one gets its main letter first (e.g. "LA").
    static const char positive[3] = {'L', 'P', 'S'};
    static const char negative[3] = {'R', 'A', 'I'};
    std::array<int, 3> order{0, 1, 2};
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return std::abs(direction[a]) > std::abs(direction[b]); });
    QString letters;
    for (int n = 0; n < 3; ++n) {
        const int axis = order[n];
        if (n > 0 && std::abs(direction[axis]) < 0.1)
            break;
        letters += QLatin1Char(direction[axis] >= 0.0 ? positive[axis] : negative[axis]);
    }
    return letters;
}

QString SliceViewModel::edgeLabel(Qt::Edge edge) const
{
    const bool horizontal = edge == Qt::LeftEdge || edge == Qt::RightEdge;
    const int screenAxis = horizontal ? 0 : 1;
    Vector3 towardsPositive = m_geometry.axisDirection(m_axes[screenAxis]);
    double sign = m_flipped[screenAxis] ? -1.0 : 1.0; // direction of increasing screen x or y
    if (edge == Qt::LeftEdge || edge == Qt::TopEdge)
        sign = -sign;
    for (double& c : towardsPositive)
        c *= sign;
    return lettersFor(towardsPositive);
}

void SliceViewModel::extractSlice(const Volume& volume, int slice, const DisplayLut& lut, QImage& target) const
{
    const int width = columns(), height = rows();
    if (target.width() != width || target.height() != height || target.format() != QImage::Format_RGB32)
        target = QImage(width, height, QImage::Format_RGB32);
    if (width == 0 || height == 0 || slice < 0 || slice >= sliceCount())
        return;
    const SliceWalk w = m_plane.walk(slice);
    if (volume.pixelType() == PixelType::Int16) {
        const int16_t* data = volume.int16Data();
        const QRgb* table = lut.int16Table();
        for (int row = 0; row < height; ++row) {
            auto* line = reinterpret_cast<QRgb*>(target.scanLine(row));
            const int16_t* voxel = data + w.start + std::ptrdiff_t(row) * w.rowStep;
            for (int column = 0; column < width; ++column, voxel += w.columnStep)
                line[column] = table[uint16_t(int32_t(*voxel) + 32768)];
        }
    } else {
        const float* data = volume.float32Data();
        for (int row = 0; row < height; ++row) {
            auto* line = reinterpret_cast<QRgb*>(target.scanLine(row));
            const float* voxel = data + w.start + std::ptrdiff_t(row) * w.rowStep;
            for (int column = 0; column < width; ++column, voxel += w.columnStep)
                line[column] = lut.mapFloat(*voxel);
        }
    }
}

bool SliceViewModel::extractLabels(const LabelLayer& layer, int slice, const QRgb* colours, LabelDrawing drawing,
                                   bool over, QImage& target, const QRect& region) const
{
    const int width = columns(), height = rows();
    const bool partial = region.isValid();
    if (!partial && (target.width() != width || target.height() != height
                     || target.format() != QImage::Format_ARGB32_Premultiplied))
        target = QImage(width, height, QImage::Format_ARGB32_Premultiplied);
    if (partial && (target.width() != width || target.height() != height))
        return false;
    if (width == 0 || height == 0 || slice < 0 || slice >= sliceCount() || layer.voxelCount() != m_geometry.voxelCount()) {
        if (!over)
            target.fill(Qt::transparent);
        return false;
    }
    const QRect area = partial ? region.intersected(QRect(0, 0, width, height)) : QRect(0, 0, width, height);
    if (area.isEmpty())
        return false;
    // Outlines look one voxel beyond the area: read a margin around it.
    const QRect read = area.adjusted(-1, -1, 1, 1).intersected(QRect(0, 0, width, height));
    const SliceWalk w = m_plane.walk(slice);
    thread_local std::vector<uint16_t> values;
    values.resize(std::size_t(read.width()) * std::size_t(read.height()));
    uint32_t any = 0;
    const uint8_t* narrow = layer.data8();
    const uint16_t* wide = layer.data16();
    for (int row = read.top(); row <= read.bottom(); ++row) {
        uint16_t* out = values.data() + std::size_t(row - read.top()) * std::size_t(read.width());
        std::ptrdiff_t offset = w.start + std::ptrdiff_t(row) * w.rowStep + std::ptrdiff_t(read.left()) * w.columnStep;
        if (narrow) {
            for (int column = 0; column < read.width(); ++column, offset += w.columnStep)
                any |= out[column] = narrow[offset];
        } else {
            for (int column = 0; column < read.width(); ++column, offset += w.columnStep)
                any |= out[column] = wide[offset];
        }
    }
    if (!any) {
        if (!over)
            for (int row = area.top(); row <= area.bottom(); ++row)
                std::fill_n(reinterpret_cast<QRgb*>(target.scanLine(row)) + area.left(), area.width(), QRgb(0));
        return false;
    }
    const bool outline = drawing == LabelDrawing::Outline;
    const int stride = read.width();
    bool drawn = false;
    for (int row = area.top(); row <= area.bottom(); ++row) {
        auto* line = reinterpret_cast<QRgb*>(target.scanLine(row));
        const uint16_t* here = values.data() + std::size_t(row - read.top()) * std::size_t(stride);
        for (int column = area.left(); column <= area.right(); ++column) {
            const int x = column - read.left();
            const uint16_t v = here[x];
            QRgb colour = colours[v];
            // An outline keeps the voxels of a label that touch another value (or the slice's edge) in 4-neighbourhood.
            if (outline && v != 0) {
                const bool edge = column == 0 || column + 1 == width || row == 0 || row + 1 == height || here[x - 1] != v
                                  || here[x + 1] != v || here[x - stride] != v || here[x + stride] != v;
                if (!edge)
                    colour = 0;
            }
            if (over) {
                if (qAlpha(colour) != 0) {
                    line[column] = colour;
                    drawn = true;
                }
            } else {
                line[column] = colour;
                drawn |= qAlpha(colour) != 0;
            }
        }
    }
    return drawn;
}

QRect SliceViewModel::imageRegion(const std::array<int64_t, 3>& lower, const std::array<int64_t, 3>& upper, int slice) const
{
    if (slice < lower[std::size_t(m_axes[2])] || slice > upper[std::size_t(m_axes[2])])
        return {};
    const auto span = [&](int screen, int count) {
        const int axis = m_axes[std::size_t(screen)];
        int first = int(std::max<int64_t>(0, lower[std::size_t(axis)]));
        int last = int(std::min<int64_t>(count - 1, upper[std::size_t(axis)]));
        if (m_flipped[std::size_t(screen)]) {
            const int a = count - 1 - last, b = count - 1 - first;
            first = a;
            last = b;
        }
        return std::make_pair(first, last);
    };
    const auto [x0, x1] = span(0, columns());
    const auto [y0, y1] = span(1, rows());
    if (x1 < x0 || y1 < y0)
        return {};
    return QRect(QPoint(x0, y0), QPoint(x1, y1));
}

} // namespace delineate
