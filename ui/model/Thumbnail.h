// Small previews of a series for the study browser, made on a worker thread (QImage only, no widgets).
#pragma once

#include <QImage>

namespace delineate {

class Volume;
struct WindowLevel;
struct SeriesInfo;
struct PixelPaddingRange;

// Slice `k` of the volume as acquired (i across, j down), automatic window (without the padding values), aspect
// from spacing, fit in size x size.
QImage renderThumbnail(const Volume& volume, int k, int size, const PixelPaddingRange& padding);
// The middle axial slice as the axial view shows it (radiological orientation), for a volume file already loaded.
QImage renderAxialThumbnail(const Volume& volume, const WindowLevel& window, int size);
// The same series reduced to its middle frame (in slice order), so that a thumbnail loads one file, not all.
SeriesInfo middleFrameOnly(const SeriesInfo& series);

} // namespace delineate
