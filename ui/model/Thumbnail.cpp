// Thumbnail rendering: one slice, automatic window, scaled smoothly to the browser's icon size.
#include "model/Thumbnail.h"

#include "dicom/DicomSeries.h"
#include "image/SlicePlane.h"
#include "image/Volume.h"
#include "model/DisplayLut.h"
#include "model/SliceViewModel.h"

#include <algorithm>
#include <cmath>

namespace delineate {

QImage renderThumbnail(const Volume& volume, int k, int size, const PixelPaddingRange& padding)
{
    const auto& dims = volume.geometry().size();
    if (volume.isEmpty() || k < 0 || k >= dims[2])
        return {};
    const int width = int(dims[0]), height = int(dims[1]);
    // The window of this slice alone: a thumbnail should show the slice's contrast, not the volume's.
    Volume slice(ImageGeometry({dims[0], dims[1], 1}, volume.geometry().spacing(), volume.geometry().origin(),
                               volume.geometry().direction()),
                 volume.pixelType());
    const std::size_t offset = volume.offset(0, 0, k), count = std::size_t(width) * std::size_t(height);
    if (volume.pixelType() == PixelType::Int16)
        std::copy_n(volume.int16Data() + offset, count, slice.int16Data());
    else
        std::copy_n(volume.float32Data() + offset, count, slice.float32Data());
    DisplayLut lut;
    lut.setWindow(WindowLevelPresets::automatic(slice, padding));
    QImage image(width, height, QImage::Format_RGB32);
    SlicePlane::natural(slice.geometry().size(), 2).forEach(0, [&](int64_t row, int64_t column, std::size_t n) {
        reinterpret_cast<QRgb*>(image.scanLine(int(row)))[column] =
            slice.pixelType() == PixelType::Int16 ? lut.mapInt16(slice.int16Data()[n]) : lut.mapFloat(slice.float32Data()[n]);
    });
    const double physicalWidth = width * volume.geometry().spacing()[0];
    const double physicalHeight = height * volume.geometry().spacing()[1];
    const double scale = size / std::max(physicalWidth, physicalHeight);
    const QSize target(std::max(1, int(std::lround(physicalWidth * scale))),
                       std::max(1, int(std::lround(physicalHeight * scale))));
    return image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

QImage renderAxialThumbnail(const Volume& volume, const WindowLevel& window, int size)
{
    if (volume.isEmpty())
        return {};
    SliceViewModel axial(ViewOrientation::Axial);
    axial.setGeometry(volume.geometry());
    DisplayLut lut;
    lut.setWindow(window);
    QImage image;
    axial.extractSlice(volume, axial.sliceCount() / 2, lut, image);
    const double width = axial.columns() * axial.columnSpacing(), height = axial.rows() * axial.rowSpacing();
    const double scale = size / std::max(width, height);
    return image.scaled(std::max(1, int(std::lround(width * scale))), std::max(1, int(std::lround(height * scale))),
                        Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

SeriesInfo middleFrameOnly(const SeriesInfo& series)
{
    SeriesInfo reduced = series;
    if (series.frames.isEmpty())
        return reduced;
    // Order along the slice normal (row x column cosines), the way the loader stacks them.
    const auto& o = series.frames.first().orientation;
    const double normal[3] = {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
    QVector<DicomFrameRef> frames = series.frames;
    std::stable_sort(frames.begin(), frames.end(), [&](const DicomFrameRef& a, const DicomFrameRef& b) {
        const double da = a.position[0] * normal[0] + a.position[1] * normal[1] + a.position[2] * normal[2];
        const double db = b.position[0] * normal[0] + b.position[1] * normal[1] + b.position[2] * normal[2];
        return da < db;
    });
    reduced.frames = {frames.at(frames.size() / 2)};
    return reduced;
}

} // namespace delineate
