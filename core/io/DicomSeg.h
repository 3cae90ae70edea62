// DICOM Segmentation objects (SEG) in and out. Writing uses DCMTK's dcmseg (binary segmentation type): one frame per
// segment and slice that holds any voxel of it, each with its plane position, the frame of reference of the source
// series and, unless the series was regularised on loading, a derivation reference to the source frame it was
// drawn on. Reading parses the dataset itself, so that every class is read: binary, fractional (voxels at or above
// half the maximum) and the label-map SEG that DCMTK 3.6.7's dcmseg refuses. Frames are matched to slices through
// their referenced SOP instances, then through their positions; never by their order in the file.
#pragma once

#include "common/Expected.h"
#include "dicom/SeriesLoader.h"
#include "image/Segmentation.h"
#include "io/SegmentationIO.h"

#include <QString>
#include <QStringList>

namespace delineate {

bool isDicomSegSopClass(const QString& sopClassUid); // Segmentation Storage and Label Map Segmentation Storage

// What a SEG needs to know of the DICOM series it belongs to (no voxels): the series' identity, its source frames in
// slice order, whether it was regularised on loading, and the volume's grid.
struct DicomSegSource
{
    SeriesInfo info;
    QVector<DicomFrameRef> sourceFrames;
    bool regularised = false;
    ImageGeometry geometry;

    static DicomSegSource of(const LoadedSeries& series);
};

// What a SEG says about itself and its source, without its pixels.
struct DicomSegHeader
{
    QString path;
    QString sopClassUid, sopInstanceUid, seriesInstanceUid, studyInstanceUid, frameOfReferenceUid;
    QString segmentationType;   // BINARY, FRACTIONAL or LABELMAP
    QString seriesDescription;
    QStringList referencedSeriesUids; // ReferencedSeriesSequence
    int rows = 0, columns = 0, frames = 0, segments = 0;
};
Expected<DicomSegHeader> readDicomSegHeader(const QString& path);

// Reads a SEG onto `series` (the series it refers to, loaded). Refused, naming the file, when it refers to another
// series, when its frames are of another size or orientation, or when a frame lies outside the series' slices.
// Segments that overlap go to separate layers; `notes` says what was interpreted (fractional values, layers).
Expected<SegmentationFile> readDicomSeg(const QString& path, const DicomSegSource& series);
inline Expected<SegmentationFile> readDicomSeg(const QString& path, const LoadedSeries& series)
{
    return readDicomSeg(path, DicomSegSource::of(series));
}

// Whether `path` is a file holding a DICOM SEG (reads the header only).
bool isDicomSegFile(const QString& path);

// A SEG together with the series it refers to, found in `searchPath` (a DICOM folder or file; empty: the SEG's own
// folder) by its Series Instance UID and loaded.
struct SegWithSeries
{
    LoadedSeries series;
    SegmentationFile file;
};
Expected<SegWithSeries> readDicomSegWithSeries(const QString& path, const QString& searchPath, JobControl& control);

struct DicomSegWriteOptions
{
    QString seriesDescription = QStringLiteral("Segmentation");
    int seriesNumber = 300;
    QString contentCreator;     // ContentCreatorName (person name), may be empty
};

struct DicomSegWriteReport
{
    int segments = 0;
    int frames = 0;
    bool perFrameSourceReferences = true; // false for a regularised series
    QStringList notes;          // empty labels left out, renumbered segments, regularised series
};

// Writes `segmentation` (on `source`'s grid) atomically as a binary DICOM SEG at `path`.
Expected<DicomSegWriteReport> writeDicomSeg(const Segmentation& segmentation, const DicomSegSource& source,
                                            const QString& path, const DicomSegWriteOptions& options = {});
inline Expected<DicomSegWriteReport> writeDicomSeg(const Segmentation& segmentation, const LoadedSeries& source,
                                                   const QString& path, const DicomSegWriteOptions& options = {})
{
    return writeDicomSeg(segmentation, DicomSegSource::of(source), path, options);
}

} // namespace delineate
