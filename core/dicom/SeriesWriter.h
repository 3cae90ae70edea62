// Writes a Volume as a DICOM image series (one CT or MR Image Storage file per slice) with DCMTK.
#pragma once

#include "common/Expected.h"
#include "image/Volume.h"
#include "jobs/JobControl.h"

#include <optional>

namespace delineate {

struct SeriesWriteOptions
{
    QString modality = QStringLiteral("MR");  // "CT" writes HU with RescaleIntercept -1024
    QString patientName = QStringLiteral("Delineate^Sample");
    QString patientId = QStringLiteral("DELINEATE-0001");
    QString seriesDescription;
    QString studyDescription = QStringLiteral("Delineate sample study");
    int seriesNumber = 1;
    // Empty: new UIDs. Given: the series joins that study / frame of reference (two reconstructions of one scan).
    QString studyInstanceUid, frameOfReferenceUid;
    // Written as PixelPaddingValue (converted to a stored value) when set: the value outside the scanned body.
    std::optional<double> pixelPaddingValue;
};

// Files are named IM00001.dcm ... in `folder` (created if needed); each is written atomically.
// int16 voxels are written as signed 16-bit stored values; float32 voxels are scaled with a rescale slope.
Expected<void> writeDicomSeries(const Volume& volume, const QString& folder, const SeriesWriteOptions& options,
                                JobControl& control);

} // namespace delineate
