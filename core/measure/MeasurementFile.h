// The measurements of one series as a JSON file beside the study (schema in docs/viewer.md), written atomically.
#pragma once

#include "common/Expected.h"
#include "measure/Measurement.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace delineate {

struct MeasurementSet
{
    QString source;            // the study folder or volume file the series came from
    QString seriesInstanceUid; // empty for a volume file
    QString seriesDescription;
    QString modality;
    QString unit;              // of the region values: "HU" for CT, empty otherwise
    bool regularised = false;  // the loader resampled the series (tilt, uneven spacing)
    ImageGeometry geometry;
    std::vector<Measurement> measurements;
};

QString measurementKindKey(MeasurementKind kind); // "ruler", "rectangle", "ellipse", "angle"

QByteArray measurementsToJson(const MeasurementSet& set);
// Reads the points back (the derived values are recomputed from the image by measure()); `name` is the file named
// in error messages.
Expected<MeasurementSet> measurementsFromJson(const QByteArray& json, const QString& name);

// Temp file + rename: a crash leaves the old file or the new one.
Expected<void> writeMeasurements(const QString& path, const MeasurementSet& set);
Expected<MeasurementSet> readMeasurements(const QString& path);

} // namespace delineate
