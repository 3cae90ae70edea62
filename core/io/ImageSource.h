// One entry point for "open this path": a volume file (NIfTI, NRRD, MHA) or DICOM (folder, file, DICOMDIR).
#pragma once

#include "common/Expected.h"
#include "dicom/DicomSeries.h"
#include "dicom/SeriesLoader.h"
#include "jobs/JobControl.h"

namespace delineate {

struct OpenedImages
{
    ScanResult scan;                  // empty for a volume file
    QVector<LoadedSeries> series;     // loaded volumes, in scan order
};

// A volume file as a one-slice-series record (description = file name, modality unknown).
Expected<LoadedSeries> loadVolumeFile(const QString& path);

// Scans and loads every image series under `path` (or reads the one volume file). Series that fail to load are
// reported in `failures` (series key -> message) without failing the whole call.
Expected<OpenedImages> openImages(const QString& path, JobControl& control, QVector<UnreadableFile>* failures = nullptr);

// Loads one series: the one whose key or 1-based index equals `which`, or with `which` empty the series with
// the most frames. Used by the command line and tests.
Expected<LoadedSeries> loadOneSeries(const QString& path, const QString& which, JobControl& control);

} // namespace delineate
