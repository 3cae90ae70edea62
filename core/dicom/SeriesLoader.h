// Turns a scanned series into a Volume: sorted along the slice normal, rescaled, geometry checked and regularised.
#pragma once

#include "common/Expected.h"
#include "dicom/AcquiredSlices.h"
#include "dicom/DicomSeries.h"
#include "image/Volume.h"
#include "jobs/JobControl.h"

#include <cstdint>
#include <memory>

namespace delineate {

// What the loader measured about the slice geometry.
struct GeometryReport
{
    bool gantryTilt = false;
    double tiltDegrees = 0.0;
    bool unevenSpacing = false;
    double minimumSpacing = 0.0, maximumSpacing = 0.0;
    int missingSlices = 0;      // estimated from the gaps
    bool regularised = false;   // the volume was resampled to remove tilt / uneven spacing
};

struct LoadedSeries
{
    SeriesInfo info;
    Volume volume;
    GeometryReport geometry;
    QStringList warnings;
    // The source frames in slice order: frame k is slice k of the volume unless geometry.regularised (then the
    // slices lie on a new grid and no slice has a single source frame). DICOM SEG frames reference them.
    QVector<DicomFrameRef> sourceFrames;
    // The slices as acquired, for display: set only when geometry.regularised (otherwise `volume` is them, and
    // nothing is kept twice).
    std::shared_ptr<const AcquiredSlices> acquired;
};

struct SeriesLoadOptions
{
    // Resample tilted or unevenly spaced series onto a regular grid (as dcm2niix's _Tilt / _Eq outputs).
    bool regularise = true;
    // A series whose voxels and decode buffers would need more bytes than this is refused before anything is
    // allocated (0: this computer's physical memory). Tests lower it to see the refusal on a small series.
    uint64_t memoryLimitBytes = 0;
};

Expected<LoadedSeries> loadSeries(const SeriesInfo& series, JobControl& control, const SeriesLoadOptions& options = {});

} // namespace delineate
