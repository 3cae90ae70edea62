// The header fields of one DICOM file that scanning, grouping and loading need, decoded to UTF-8.
#pragma once

#include "common/Expected.h"
#include "dicom/DicomSeries.h"

#include <QString>
#include <QVector>

#include <vector>

class DcmItem;

namespace delineate {

struct DicomFileHeader
{
    QString path;
    QString sopClassUid, sopInstanceUid, transferSyntaxUid, mediaStorageSopClassUid;
    QString patientName, patientId, patientBirthDate, patientSex;
    QString studyInstanceUid, studyDate, studyTime, studyDescription, accessionNumber;
    QString seriesInstanceUid, seriesDescription, modality, bodyPart, imageType, photometric;
    QString frameOfReferenceUid;
    QString manufacturer, protocolName; // with the above, what groups slices whose UIDs were blanked
    int seriesNumber = 0;
    int instanceNumber = 0;
    int acquisitionNumber = 0;
    int echoNumber = 0;
    double echoTime = 0.0;
    int temporalPosition = 0;
    double triggerTime = 0.0;
    int rows = 0, columns = 0, samplesPerPixel = 1, bitsAllocated = 0, bitsStored = 0, pixelRepresentation = 0;
    int numberOfFrames = 1;
    bool hasImagePlane = false; // position and orientation present
    std::array<double, 3> position{0, 0, 0};
    std::array<double, 6> orientation{1, 0, 0, 0, 1, 0};
    std::array<double, 2> pixelSpacing{1.0, 1.0};
    bool hasPixelSpacing = false;
    double sliceThickness = 0.0;
    double spacingBetweenSlices = 0.0;
    // RT Dose (3004,000C): where each frame lies along the normal, relative to the first (first element 0) or as
    // absolute coordinates along the normal.
    std::vector<double> gridFrameOffsets;
    double rescaleSlope = 1.0, rescaleIntercept = 0.0;
    QVector<StoredWindow> windows;       // WindowCenter/WindowWidth pairs (rescaled units)
    // PixelPaddingValue and PixelPaddingRangeLimit as stored values (before the rescale).
    bool hasPixelPadding = false, hasPaddingRangeLimit = false;
    double pixelPaddingValue = 0.0, pixelPaddingRangeLimit = 0.0;
    double gantryTilt = 0.0;
    bool lossyCompressed = false;
    bool isImage = false;         // has rows/columns and an image SOP class
    bool isEnhanced = false;      // enhanced multi-frame with functional groups
    QString nonImageKind;         // set when the object is not a loadable image
    // Set when the object is an image (image SOP class or image attributes) without usable pixel data: such a file
    // is broken, not another kind of object; readDicomFileHeader fails with this message.
    QString brokenImage;
    // Siemens mosaic
    int mosaicImages = 0;         // > 0: NumberOfImagesInMosaic
    std::array<double, 3> mosaicSliceNormal{0, 0, 0};
    bool hasMosaicSliceNormal = false;
    // Per-frame geometry of an enhanced multi-frame object (empty otherwise).
    QVector<DicomFrameRef> enhancedFrames;
    QVector<int> enhancedStackKeys; // per frame: echo / temporal / stack split key (same index as enhancedFrames)
    QVector<QString> enhancedStackLabels;
    qint64 rawPixelOffset = -1;   // see DicomFrameRef::rawPixelOffset
    // What the file itself gets wrong but can still be loaded with (an invalid spacing replaced, ...): without the
    // path, which the grouping adds once for all the files that share a warning.
    QStringList warnings;

    // Distance between the frames of one object that gives a single position (mosaic tiles, classic
    // multi-frame): SpacingBetweenSlices, else SliceThickness, else 1 mm.
    // The padding in rescaled units (what the volume holds), with a frame's slope and intercept.
    PixelPaddingRange paddingRange(double slope, double intercept) const
    {
        PixelPaddingRange range;
        if (!hasPixelPadding)
            return range;
        const double a = pixelPaddingValue * slope + intercept;
        const double b = (hasPaddingRangeLimit ? pixelPaddingRangeLimit : pixelPaddingValue) * slope + intercept;
        range.present = true;
        range.low = a < b ? a : b;
        range.high = a < b ? b : a;
        return range;
    }

    double nominalSliceStep() const
    {
        return spacingBetweenSlices > 0.0 ? spacingBetweenSlices : (sliceThickness > 0.0 ? sliceThickness : 1.0);
    }
};

// Reads the header only (pixel data is not loaded). Fails, naming the file, for files that are not DICOM and for
// broken images: no pixel data, zero rows or columns, an impossible or too large declared size, native pixel data
// shorter than declared.
Expected<DicomFileHeader> readDicomFileHeader(const QString& path);
// False for a file that is not DICOM at all: no "DICM" (nor a file meta element) after a 128-byte preamble, and no
// DICOM element (a group 0002, 0004 or 0008 tag, in either byte order, within its first bytes) at its start. Such files (text, JSON,
// images of other formats) are skipped by a scan; a file that is DICOM but damaged is reported instead.
bool looksLikeDicom(const QString& path);
// Fills the header from an already loaded dataset (used by readDicomFileHeader and tests).
void fillDicomFileHeader(DcmItem& dataset, DicomFileHeader& header);

} // namespace delineate
