// Groups file headers into patients, studies and series, and splits series into loadable 3D sub-series.
#pragma once

#include "dicom/DicomFileHeader.h"
#include "dicom/DicomSeries.h"

namespace delineate {

// Builds the tree; headers of non-image objects become NonImageObjects under their study.
ScanResult groupDicomHeaders(const QVector<DicomFileHeader>& headers);

// Splits the frames of one series (same SeriesInstanceUID) into sub-series that each form one 3D volume:
// different size, orientation, echo, temporal position or acquisition; localizers are set aside with a warning.
QVector<SeriesInfo> splitSeries(const QVector<const DicomFileHeader*>& files);

} // namespace delineate
