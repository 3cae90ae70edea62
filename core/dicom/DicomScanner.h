// Scans a folder (recursively) or a file, reading headers only, and groups what it finds by patient, study, series.
#pragma once

#include "common/Expected.h"
#include "dicom/DicomSeries.h"
#include "jobs/JobControl.h"

namespace delineate {

// Fails only when nothing can be examined (no such path, cancelled); unreadable files are listed in the result.
Expected<ScanResult> scanDicom(const QString& path, JobControl& control);

} // namespace delineate
