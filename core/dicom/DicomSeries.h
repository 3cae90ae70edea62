// What a scan of DICOM files finds: patients, studies, loadable image (sub-)series and non-image objects.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <array>

namespace delineate {

// One image frame: a single-frame file, or frame `frameIndex` of a multi-frame / mosaic file.
struct DicomFrameRef
{
    QString file;
    int frameIndex = 0;         // 0-based frame number in a multi-frame object
    int mosaicTile = -1;        // >= 0 for one tile of a Siemens mosaic
    bool hasImagePlane = true;  // position and orientation known
    // Where the native little-endian pixel data of a plain 16-bit MONOCHROME2 single-frame file starts (-1:
    // unknown or another format). Lets the loader read the pixels without parsing the file a second time.
    qint64 rawPixelOffset = -1;
    bool rawPixelsSigned = false;
    std::array<double, 3> position{0, 0, 0};    // ImagePositionPatient (LPS mm)
    std::array<double, 6> orientation{1, 0, 0, 0, 1, 0}; // ImageOrientationPatient
    double rescaleSlope = 1.0;
    double rescaleIntercept = 0.0;
    int instanceNumber = 0;
    QString sopInstanceUid;
    QString sopClassUid;
};

// A display window the scanner stored (WindowCenter / WindowWidth, with WindowCenterWidthExplanation), in the
// units of the rescaled values (Hounsfield units for CT).
struct StoredWindow
{
    double center = 0.0;
    double width = 1.0;
    QString explanation;  // "WINDOW1", "BRAIN", ... (empty when the file gives none)
};

// Pixel padding (PixelPaddingValue, and PixelPaddingRangeLimit when given): the values the scanner wrote outside
// the reconstructed body, in rescaled units. They are not anatomy and must not steer an automatic window.
struct PixelPaddingRange
{
    bool present = false;
    double low = 0.0, high = 0.0;

    bool contains(double value) const { return present && value >= low && value <= high; }
};

// A loadable 3D image series: all frames share size, orientation, echo, temporal position and acquisition.
struct SeriesInfo
{
    QString key;                 // unique within a scan: series UID plus a sub-series suffix
    QString patientName, patientId, patientBirthDate, patientSex;
    QString studyInstanceUid, studyDate, studyTime, studyDescription, accessionNumber;
    QString seriesInstanceUid, seriesDescription, modality, bodyPart;
    QString protocolName;
    QString frameOfReferenceUid; // positions of two series compare only within one frame of reference
    int seriesNumber = 0;
    QVector<StoredWindow> windows;   // the first file's stored windows, in file order
    PixelPaddingRange padding;       // the first file's padding, rescaled with its slope and intercept
    QString subSeriesLabel;      // why this part was split off, e.g. "echo 2" (empty when not split)
    QString transferSyntax;      // name of the first file's transfer syntax
    QString photometric;
    int rows = 0, columns = 0;
    std::array<double, 2> pixelSpacing{1.0, 1.0}; // row spacing, column spacing (mm)
    double sliceThickness = 0.0;
    double spacingBetweenSlices = 0.0; // (0018,0088); the slice distance of frames without a position
    bool lossyCompressed = false;
    bool enhancedMultiFrame = false;
    bool mosaic = false;
    QVector<DicomFrameRef> frames;
    QStringList warnings;        // set aside localizers, split reasons, ...

    int frameCount() const { return frames.size(); }
    // SeriesDescription, else ProtocolName (many exports leave the description empty); empty when neither is set.
    QString displayDescription() const { return seriesDescription.isEmpty() ? protocolName : seriesDescription; }
};

// A DICOM object that is not an image to load as a volume (SEG, RTSTRUCT, SR, presentation state, DICOMDIR ...).
struct NonImageObject
{
    QString file;
    QString sopClassUid;
    QString kind;                // "SEG", "RTSTRUCT", "SR", "PR", "DICOMDIR", ... or the SOP class name
    QString modality;
    QString seriesInstanceUid, seriesDescription;
    QString studyInstanceUid;
    QString patientId;
};

struct UnreadableFile
{
    QString path;
    QString reason;
};

struct StudyInfo
{
    QString studyInstanceUid, studyDate, studyDescription, accessionNumber;
    QVector<SeriesInfo> series;
    QVector<NonImageObject> nonImageObjects;
};

struct PatientInfo
{
    QString patientName, patientId, patientBirthDate, patientSex;
    QVector<StudyInfo> studies;
};

struct ScanResult
{
    QVector<PatientInfo> patients;
    QVector<UnreadableFile> unreadable;
    // Files that are not DICOM at all (no preamble, no DICOM element at their start: a text file, a JSON sidecar,
    // a licence): skipped without a reason, only counted.
    QStringList nonDicomFiles;
    int filesExamined = 0;

    QVector<SeriesInfo> allSeries() const;
    QVector<NonImageObject> allNonImageObjects() const;
    const SeriesInfo* findSeries(const QString& key) const;
};

} // namespace delineate
