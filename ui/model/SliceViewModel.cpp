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

namespace {

// One label slice, read through the walk into `out` (row-major), for either storage width.
template <typename T>
bool readLabelRows(const T* data, const SliceWalk& w, std::vector<uint16_t>& out)
{
    out.resize(std::size_t(w.columns * w.rows));
    uint32_t any = 0;
    uint16_t* target = out.data();
    for (int64_t row = 0; row < w.rows; ++row) {
        const T* voxel = data + w.start + std::ptrdiff_t(row) * w.rowStep;
        for (int64_t column = 0; column < w.columns; ++column, voxel += w.columnStep) {
            any |= *voxel;
            *target++ = *voxel;
        }
    }
    return any != 0;
}

} // namespace

bool SliceViewModel::extractLabels(const LabelLayer& layer, int slice, const QRgb* colours, LabelDrawing drawing,
                                   bool over, QImage& target) const
{
    const int width = columns(), height = rows();
    if (target.width() != width || target.height() != height || target.format() != QImage::Format_ARGB32_Premultiplied)
        target = QImage(width, height, QImage::Format_ARGB32_Premultiplied);
    if (width == 0 || height == 0 || slice < 0 || slice >= sliceCount() || layer.voxelCount() != m_geometry.voxelCount()) {
        if (!over)
            target.fill(Qt::transparent);
        return false;
    }
    const SliceWalk w = m_plane.walk(slice);
    thread_local std::vector<uint16_t> values;
    const bool any = layer.isWide() ? readLabelRows(layer.data16(), w, values) : readLabelRows(layer.data8(), w, values);
    if (!any) {
        if (!over)
            target.fill(Qt::transparent);
        return false;
    }
    const bool outline = drawing == LabelDrawing::Outline;
    bool drawn = false;
    for (int row = 0; row < height; ++row) {
        auto* line = reinterpret_cast<QRgb*>(target.scanLine(row));
        const uint16_t* here = values.data() + std::size_t(row) * std::size_t(width);
        const uint16_t* above = row > 0 ? here - width : nullptr;
        const uint16_t* below = row + 1 < height ? here + width : nullptr;
        for (int column = 0; column < width; ++column) {
            const uint16_t v = here[column];
            QRgb colour = colours[v];
            // An outline keeps the voxels of a label that touch another value (or the slice's edge) in 4-neighbourhood.
            if (outline && v != 0) {
                const bool edge = column == 0 || column + 1 == width || !above || !below || here[column - 1] != v
                                  || here[column + 1] != v || above[column] != v || below[column] != v;
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

} // namespace delineate
