// Header parsing with DCMTK: patient/study/series identity, image plane, pixel format, enhanced and mosaic geometry.
#include "dicom/DicomFileHeader.h"
#include "dicom/DcmtkFile.h"

#include "common/SystemMemory.h"
#include "dicom/DeclaredImageSize.h"
#include "dicom/DicomEncodingCheck.h"
#include "dicom/PixelDecoder.h"
#include "dicom/SiemensCsaHeader.h"
#include "dicom/SopClasses.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <cmath>
#include <limits>

namespace delineate {

namespace {

// Translation context "DicomFileHeader" (lupdate reads it from the macro).
class DicomFileHeaderText
{
    Q_DECLARE_TR_FUNCTIONS(DicomFileHeader)
};

QString getString(DcmItem& item, const DcmTagKey& key, bool searchIntoSub = false)
{
    OFString value;
    if (item.findAndGetOFStringArray(key, value, searchIntoSub).good())
        return QString::fromUtf8(value.c_str()).trimmed();
    return {};
}

int getInt(DcmItem& item, const DcmTagKey& key, int fallback = 0)
{
    const QString text = getString(item, key);
    bool ok = false;
    const int v = text.toInt(&ok);
    if (ok)
        return v;
    Uint16 u = 0;
    if (item.findAndGetUint16(key, u).good())
        return u;
    const double d = text.toDouble(&ok);
    // A value beyond int (a damaged NumberOfFrames) must not overflow the conversion.
    if (!ok || !std::isfinite(d) || d < double(std::numeric_limits<int>::min()) || d > double(std::numeric_limits<int>::max()))
        return fallback;
    return int(d);
}

double getDouble(DcmItem& item, const DcmTagKey& key, double fallback, unsigned long index = 0)
{
    Float64 v = 0;
    if (item.findAndGetFloat64(key, v, index).good() && std::isfinite(v))
        return v;
    return fallback;
}

bool getDoubles(DcmItem& item, const DcmTagKey& key, double* out, int count)
{
    for (int i = 0; i < count; ++i) {
        Float64 v = 0;
        if (item.findAndGetFloat64(key, v, static_cast<unsigned long>(i)).bad() || !std::isfinite(v))
            return false;
        out[i] = v;
    }
    return true;
}

// A rescale value that is present but not a finite number is replaced by `fallback`, and the warning says so:
// guessing silently would show wrong Hounsfield units as if they were right.
double rescaleValue(DcmItem& item, const DcmTagKey& key, const QString& name, double fallback, QStringList& warnings)
{
    if (!item.tagExistsWithValue(key))
        return fallback;
    Float64 v = 0;
    if (item.findAndGetFloat64(key, v).good() && std::isfinite(v))
        return v;
    warnings << DicomFileHeaderText::tr("%1 '%2' is not a number; %3 assumed").arg(name, getString(item, key)).arg(fallback);
    return fallback;
}

// A zero slope would make every voxel the intercept: treated as absent, as other readers do, but not silently.
double nonZeroSlope(double slope, QStringList& warnings)
{
    if (slope != 0.0)
        return slope;
    warnings << DicomFileHeaderText::tr("RescaleSlope is 0, which would erase the image; 1 assumed");
    return 1.0;
}

// PixelSpacing, else ImagerPixelSpacing (projection images). A value that is present but not two positive numbers
// (text, NaN, zero, negative) is replaced by the other attribute or by 1 mm, and the warning says which.
// Returns whether either attribute is present at all.
bool readPixelSpacing(DcmItem& item, QStringList& warnings, std::array<double, 2>& pixelSpacing, bool& hasPixelSpacing)
{
    double spacing[2];
    const auto valid = [&](const DcmTagKey& key) {
        return getDoubles(item, key, spacing, 2) && spacing[0] > 0.0 && spacing[1] > 0.0;
    };
    const bool pixelPresent = item.tagExistsWithValue(DCM_PixelSpacing);
    const bool imagerPresent = item.tagExistsWithValue(DCM_ImagerPixelSpacing);
    const bool pixelValid = valid(DCM_PixelSpacing);
    if (pixelValid || valid(DCM_ImagerPixelSpacing)) {
        pixelSpacing = {spacing[0], spacing[1]};
        hasPixelSpacing = true;
        if (!pixelValid && pixelPresent)
            warnings << DicomFileHeaderText::tr("PixelSpacing '%1' is not a valid spacing; ImagerPixelSpacing %2 x %3 mm used instead")
                            .arg(getString(item, DCM_PixelSpacing)).arg(spacing[0]).arg(spacing[1]);
        return true;
    }
    if (pixelPresent || imagerPresent) {
        const DcmTagKey key = pixelPresent ? DCM_PixelSpacing : DCM_ImagerPixelSpacing;
        warnings << DicomFileHeaderText::tr("%1 '%2' is not a valid spacing (two positive numbers); 1 mm assumed")
                        .arg(pixelPresent ? QStringLiteral("PixelSpacing") : QStringLiteral("ImagerPixelSpacing"), getString(item, key));
    }
    return pixelPresent || imagerPresent;
}

// Row and column directions must be perpendicular unit vectors; anything else (zeros, NaN written as text, a
// hand-edited value) gives no plane at all, and the slices then say so instead of inventing a geometry.
bool isValidOrientation(const double* o)
{
    const double rowLength = std::sqrt(o[0] * o[0] + o[1] * o[1] + o[2] * o[2]);
    const double columnLength = std::sqrt(o[3] * o[3] + o[4] * o[4] + o[5] * o[5]);
    const double cosine = o[0] * o[3] + o[1] * o[4] + o[2] * o[5];
    return std::abs(rowLength - 1.0) < 0.01 && std::abs(columnLength - 1.0) < 0.01 && std::abs(cosine) < 0.01;
}

// First item of sequence `key` in `item`, or nullptr.
DcmItem* firstItem(DcmItem* item, const DcmTagKey& key)
{
    if (!item)
        return nullptr;
    DcmItem* result = nullptr;
    if (item->findAndGetSequenceItem(key, result, 0).good())
        return result;
    return nullptr;
}

// Geometry of one frame from its functional groups (per-frame first, shared as default).
struct FrameGroups
{
    DcmItem* perFrame = nullptr;
    DcmItem* shared = nullptr;

    DcmItem* group(const DcmTagKey& key) const
    {
        if (DcmItem* g = firstItem(perFrame, key))
            return g;
        return firstItem(shared, key);
    }
};

// WindowCenter / WindowWidth (both multi-valued, paired by index) and their explanations. A pair with a width
// below 1 or a value that is not a number is dropped: it would show nothing.
QVector<StoredWindow> readStoredWindows(DcmItem& item)
{
    QVector<StoredWindow> windows;
    DcmElement* centers = nullptr;
    DcmElement* widths = nullptr;
    if (item.findAndGetElement(DCM_WindowCenter, centers).bad() || item.findAndGetElement(DCM_WindowWidth, widths).bad() ||
        !centers || !widths)
        return windows;
    const unsigned long count = std::min(centers->getVM(), widths->getVM());
    for (unsigned long i = 0; i < count; ++i) {
        Float64 center = 0.0, width = 0.0;
        if (centers->getFloat64(center, i).bad() || widths->getFloat64(width, i).bad() || !std::isfinite(center) ||
            !std::isfinite(width) || width < 1.0)
            continue;
        StoredWindow window;
        window.center = center;
        window.width = width;
        OFString explanation;
        if (item.findAndGetOFString(DCM_WindowCenterWidthExplanation, explanation, i).good())
            window.explanation = QString::fromUtf8(explanation.c_str()).trimmed();
        windows << window;
    }
    return windows;
}

// PixelPaddingValue / PixelPaddingRangeLimit are US or SS; a US value in a signed image means its two's complement.
bool readPaddingValue(DcmItem& item, const DcmTagKey& key, int pixelRepresentation, double& value)
{
    Sint16 signedValue = 0;
    Uint16 unsignedValue = 0;
    if (item.findAndGetSint16(key, signedValue).good()) {
        value = signedValue;
        return true;
    }
    if (item.findAndGetUint16(key, unsignedValue).good()) {
        value = pixelRepresentation == 1 ? double(Sint16(unsignedValue)) : double(unsignedValue);
        return true;
    }
    return false;
}

void readWindowsAndPadding(DcmItem& dataset, DicomFileHeader& h)
{
    h.windows = readStoredWindows(dataset);
    h.hasPixelPadding = readPaddingValue(dataset, DCM_PixelPaddingValue, h.pixelRepresentation, h.pixelPaddingValue);
    h.hasPaddingRangeLimit = h.hasPixelPadding &&
                             readPaddingValue(dataset, DCM_PixelPaddingRangeLimit, h.pixelRepresentation, h.pixelPaddingRangeLimit);
}

void readEnhancedFrames(DcmItem& dataset, DicomFileHeader& header)
{
    DcmItem* shared = firstItem(&dataset, DCM_SharedFunctionalGroupsSequence);
    DcmSequenceOfItems* perFrameSequence = nullptr;
    if (dataset.findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrameSequence).bad() || !perFrameSequence)
        return;
    const unsigned long count = perFrameSequence->card();
    if (count != static_cast<unsigned long>(header.numberOfFrames)) {
        header.warnings << DicomFileHeaderText::tr("%1 per-frame functional groups for %2 frames").arg(count).arg(header.numberOfFrames);
    }
    const unsigned long frames = std::min<unsigned long>(count, header.numberOfFrames);
    QHash<QString, int> stackKeys;
    for (unsigned long f = 0; f < frames; ++f) {
        FrameGroups groups{perFrameSequence->getItem(f), shared};
        DicomFrameRef frame;
        frame.file = header.path;
        frame.frameIndex = static_cast<int>(f);
        frame.instanceNumber = static_cast<int>(f + 1);
        if (DcmItem* g = groups.group(DCM_PlanePositionSequence))
            getDoubles(*g, DCM_ImagePositionPatient, frame.position.data(), 3);
        if (DcmItem* g = groups.group(DCM_PlaneOrientationSequence))
            getDoubles(*g, DCM_ImageOrientationPatient, frame.orientation.data(), 6);
        if (DcmItem* g = groups.group(DCM_PixelMeasuresSequence); g && f == 0) {
            if (g->tagExistsWithValue(DCM_PixelSpacing))
                readPixelSpacing(*g, header.warnings, header.pixelSpacing, header.hasPixelSpacing);
            header.sliceThickness = getDouble(*g, DCM_SliceThickness, header.sliceThickness);
        }
        if (DcmItem* g = groups.group(DCM_FrameVOILUTSequence); g && f == 0 && header.windows.isEmpty())
            header.windows = readStoredWindows(*g);
        if (DcmItem* g = groups.group(DCM_PixelValueTransformationSequence)) {
            // One warning per file, not per frame: the per-frame values of a damaged file are usually all alike.
            QStringList frameWarnings;
            frame.rescaleSlope = nonZeroSlope(rescaleValue(*g, DCM_RescaleSlope, QStringLiteral("RescaleSlope"), 1.0, frameWarnings), frameWarnings);
            frame.rescaleIntercept = rescaleValue(*g, DCM_RescaleIntercept, QStringLiteral("RescaleIntercept"), 0.0, frameWarnings);
            for (const QString& w : frameWarnings)
                if (!header.warnings.contains(w))
                    header.warnings << w;
        } else {
            frame.rescaleSlope = header.rescaleSlope;
            frame.rescaleIntercept = header.rescaleIntercept;
        }
        // What separates volumes inside one object: echo, temporal position, frame type, stack, orientation.
        QStringList keyParts, labelParts;
        if (DcmItem* g = groups.group(DCM_MREchoSequence)) {
            const double te = getDouble(*g, DCM_EffectiveEchoTime, 0.0);
            keyParts << QString::number(te, 'f', 3);
            labelParts << DicomFileHeaderText::tr("TE %1 ms").arg(te, 0, 'g', 4);
        }
        if (DcmItem* g = groups.group(DCM_MRImageFrameTypeSequence)) {
            const QString type = getString(*g, DCM_FrameType);
            keyParts << type;
            labelParts << type.section(QLatin1Char('\\'), 2, 2);
        } else if (DcmItem* ct = groups.group(DCM_CTImageFrameTypeSequence)) {
            keyParts << getString(*ct, DCM_FrameType);
        }
        if (DcmItem* g = groups.group(DCM_FrameContentSequence)) {
            const int temporal = getInt(*g, DCM_TemporalPositionIndex, 0);
            if (temporal > 0) {
                keyParts << QStringLiteral("t%1").arg(temporal);
                labelParts << DicomFileHeaderText::tr("time %1").arg(temporal);
            }
            const QString stack = getString(*g, DCM_StackID);
            if (!stack.isEmpty())
                keyParts << QStringLiteral("s") + stack;
        }
        QStringList orientationText;
        for (double v : frame.orientation)
            orientationText << QString::number(v, 'f', 3);
        keyParts << orientationText.join(QLatin1Char(','));
        const QString key = keyParts.join(QLatin1Char('|'));
        auto it = stackKeys.find(key);
        if (it == stackKeys.end()) {
            it = stackKeys.insert(key, stackKeys.size());
            header.enhancedStackLabels << labelParts.join(QStringLiteral(", "));
        }
        header.enhancedStackKeys << it.value();
        header.enhancedFrames << frame;
    }
    if (!header.enhancedFrames.isEmpty()) {
        header.position = header.enhancedFrames.first().position;
        header.orientation = header.enhancedFrames.first().orientation;
        header.hasImagePlane = true;
    }
}

void readMosaic(DcmItem& dataset, DicomFileHeader& header)
{
    if (!header.imageType.contains(QLatin1String("MOSAIC"), Qt::CaseInsensitive))
        return;
    const Uint8* csa = nullptr;
    unsigned long length = 0;
    // Siemens CSA image header: private creator "SIEMENS CSA HEADER", usually at (0029,1010).
    if (dataset.findAndGetUint8Array(DcmTagKey(0x0029, 0x1010), csa, &length).good() && csa && length > 0) {
        const SiemensCsaHeader parsed = parseSiemensCsaHeader(reinterpret_cast<const char*>(csa), length);
        const int images = parsed.integer(QStringLiteral("NumberOfImagesInMosaic"));
        if (images > 0)
            header.mosaicImages = images;
        const QVector<double> normal = parsed.numbers(QStringLiteral("SliceNormalVector"));
        if (normal.size() == 3) {
            header.mosaicSliceNormal = {normal[0], normal[1], normal[2]};
            header.hasMosaicSliceNormal = true;
        }
    }
    if (header.mosaicImages <= 0) {
        // (0019,100A) "SIEMENS MR HEADER" NumberOfImagesInMosaic.
        Uint16 images = 0;
        if (dataset.findAndGetUint16(DcmTagKey(0x0019, 0x100a), images).good())
            header.mosaicImages = images;
    }
    if (header.mosaicImages <= 0)
        header.warnings << DicomFileHeaderText::tr("MOSAIC image without a readable number of images; loaded as one slice");
}

// For the most common files (native little endian, one 16-bit MONOCHROME2 frame, pixel data last) the pixel
// bytes are the file's last `length` bytes, right after the PixelData element header. Verify that header in
// the file itself; the loader then reads those bytes directly instead of parsing the file again.
void locateRawPixels(DcmDataset& dataset, DicomFileHeader& h)
{
    const bool explicitVr = h.transferSyntaxUid == QLatin1String("1.2.840.10008.1.2.1");
    const bool implicitVr = h.transferSyntaxUid == QLatin1String("1.2.840.10008.1.2");
    if ((!explicitVr && !implicitVr) || h.numberOfFrames != 1 || h.samplesPerPixel != 1 || h.bitsAllocated != 16 ||
        h.bitsStored != 16 || h.photometric != QLatin1String("MONOCHROME2") || h.mosaicImages > 1)
        return;
    DcmElement* element = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, element).bad() || !element)
        return;
    const qint64 length = element->getLength();
    if (length != qint64(h.rows) * h.columns * 2)
        return;
    QFile file(h.path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const int headerSize = explicitVr ? 12 : 8;
    const qint64 offset = file.size() - length;
    if (offset < headerSize || !file.seek(offset - headerSize))
        return;
    const QByteArray bytes = file.read(headerSize);
    const auto u = [&](int i) { return quint32(quint8(bytes[i])); };
    const bool tagMatches = bytes.size() == headerSize && u(0) == 0xE0 && u(1) == 0x7F && u(2) == 0x10 && u(3) == 0x00;
    const quint32 storedLength = u(headerSize - 4) | (u(headerSize - 3) << 8) | (u(headerSize - 2) << 16) |
                                 (u(headerSize - 1) << 24);
    const bool vrMatches = !explicitVr || (bytes[4] == 'O' && (bytes[5] == 'W' || bytes[5] == 'B'));
    if (tagMatches && vrMatches && storedLength == quint32(length))
        h.rawPixelOffset = offset;
}

// Native pixel data shorter than the header declares is refused; longer gives the warning returned.
Expected<QString> checkStoredPixelLength(DcmDataset& dataset, const DicomFileHeader& h)
{
    // Only uncompressed pixel data has a length the declaration fixes; an encapsulated stream is checked by its
    // decoder. The length is known without reading the pixels (DCMTK leaves large values on disk).
    DcmElement* element = nullptr;
    bool floatPixels = false;
    if (dataset.findAndGetElement(DCM_PixelData, element).bad() || !element) {
        floatPixels = true;
        if (dataset.findAndGetElement(DCM_FloatPixelData, element).bad() &&
            dataset.findAndGetElement(DCM_DoubleFloatPixelData, element).bad())
            return QString();
    }
    if (!element)
        return QString();
    const Uint32 length = element->getLength();
    const bool encapsulated = !floatPixels && (DcmXfer(dataset.getOriginalXfer()).isEncapsulated() || length == DCM_UndefinedLength ||
                                               isEncapsulatedTransferSyntax(h.transferSyntaxUid));
    if (encapsulated)
        return QString();
    const int bits = floatPixels ? (element->getTag() == DCM_FloatPixelData ? 32 : 64) : h.bitsAllocated;
    return checkNativePixelLength(h.path, DeclaredImageSize{h.rows, h.columns, h.numberOfFrames,
                                                            floatPixels ? 1 : storedSamplesPerPixel(h.samplesPerPixel, h.photometric), bits},
                                  length);
}

} // namespace

void fillDicomFileHeader(DcmItem& dataset, DicomFileHeader& h)
{
    h.sopClassUid = getString(dataset, DCM_SOPClassUID);
    h.sopInstanceUid = getString(dataset, DCM_SOPInstanceUID);
    h.patientName = getString(dataset, DCM_PatientName).replace(QLatin1Char('^'), QLatin1Char(' ')).simplified();
    h.patientId = getString(dataset, DCM_PatientID);
    h.patientBirthDate = getString(dataset, DCM_PatientBirthDate);
    h.patientSex = getString(dataset, DCM_PatientSex);
    h.studyInstanceUid = getString(dataset, DCM_StudyInstanceUID);
    h.studyDate = getString(dataset, DCM_StudyDate);
    h.studyTime = getString(dataset, DCM_StudyTime);
    h.studyDescription = getString(dataset, DCM_StudyDescription);
    h.accessionNumber = getString(dataset, DCM_AccessionNumber);
    h.seriesInstanceUid = getString(dataset, DCM_SeriesInstanceUID);
    h.seriesDescription = getString(dataset, DCM_SeriesDescription);
    h.modality = getString(dataset, DCM_Modality);
    h.bodyPart = getString(dataset, DCM_BodyPartExamined);
    h.imageType = getString(dataset, DCM_ImageType);
    h.photometric = getString(dataset, DCM_PhotometricInterpretation);
    h.frameOfReferenceUid = getString(dataset, DCM_FrameOfReferenceUID);
    h.manufacturer = getString(dataset, DCM_Manufacturer);
    h.protocolName = getString(dataset, DCM_ProtocolName);
    h.seriesNumber = getInt(dataset, DCM_SeriesNumber);
    h.instanceNumber = getInt(dataset, DCM_InstanceNumber);
    h.acquisitionNumber = getInt(dataset, DCM_AcquisitionNumber);
    h.echoNumber = getInt(dataset, DCM_EchoNumbers);
    h.echoTime = getDouble(dataset, DCM_EchoTime, 0.0);
    h.temporalPosition = getInt(dataset, DCM_TemporalPositionIdentifier);
    h.triggerTime = getDouble(dataset, DCM_TriggerTime, 0.0);
    h.rows = getInt(dataset, DCM_Rows);
    h.columns = getInt(dataset, DCM_Columns);
    h.samplesPerPixel = getInt(dataset, DCM_SamplesPerPixel, 1);
    h.bitsAllocated = getInt(dataset, DCM_BitsAllocated);
    h.bitsStored = getInt(dataset, DCM_BitsStored, h.bitsAllocated);
    h.pixelRepresentation = getInt(dataset, DCM_PixelRepresentation);
    h.numberOfFrames = getInt(dataset, DCM_NumberOfFrames, 1);
    if (h.numberOfFrames < 1) {
        h.warnings << DicomFileHeaderText::tr("NumberOfFrames '%1' is not a positive whole number; 1 assumed")
                          .arg(getString(dataset, DCM_NumberOfFrames));
        h.numberOfFrames = 1;
    }
    double position[3], orientation[6];
    const bool hasPosition = getDoubles(dataset, DCM_ImagePositionPatient, position, 3);
    const bool hasOrientation = getDoubles(dataset, DCM_ImageOrientationPatient, orientation, 6);
    if (hasOrientation && !isValidOrientation(orientation))
        h.warnings << DicomFileHeaderText::tr("ImageOrientationPatient '%1' is not two perpendicular unit vectors; the slice geometry is unknown")
                          .arg(getString(dataset, DCM_ImageOrientationPatient));
    else if (!hasOrientation && dataset.tagExistsWithValue(DCM_ImageOrientationPatient))
        h.warnings << DicomFileHeaderText::tr("ImageOrientationPatient '%1' is not six numbers; the slice geometry is unknown")
                          .arg(getString(dataset, DCM_ImageOrientationPatient));
    if (!hasPosition && dataset.tagExistsWithValue(DCM_ImagePositionPatient))
        h.warnings << DicomFileHeaderText::tr("ImagePositionPatient '%1' is not three numbers; the slice position is unknown")
                          .arg(getString(dataset, DCM_ImagePositionPatient));
    if (hasPosition && hasOrientation && isValidOrientation(orientation)) {
        h.hasImagePlane = true;
        std::copy(position, position + 3, h.position.begin());
        std::copy(orientation, orientation + 6, h.orientation.begin());
    }
    const bool spacingPresent = readPixelSpacing(dataset, h.warnings, h.pixelSpacing, h.hasPixelSpacing);
    h.sliceThickness = getDouble(dataset, DCM_SliceThickness, 0.0);
    h.spacingBetweenSlices = getDouble(dataset, DCM_SpacingBetweenSlices, 0.0);
    if (DcmElement* offsets = nullptr; dataset.findAndGetElement(DCM_GridFrameOffsetVector, offsets).good() && offsets) {
        for (unsigned long i = 0; i < offsets->getVM(); ++i) {
            Float64 value = 0.0;
            if (offsets->getFloat64(value, i).good())
                h.gridFrameOffsets.push_back(value);
        }
    }
    h.rescaleSlope = nonZeroSlope(rescaleValue(dataset, DCM_RescaleSlope, QStringLiteral("RescaleSlope"), 1.0, h.warnings), h.warnings);
    h.rescaleIntercept = rescaleValue(dataset, DCM_RescaleIntercept, QStringLiteral("RescaleIntercept"), 0.0, h.warnings);
    readWindowsAndPadding(dataset, h);
    h.gantryTilt = getDouble(dataset, DCM_GantryDetectorTilt, 0.0);
    h.lossyCompressed = getString(dataset, DCM_LossyImageCompression) == QLatin1String("01") ||
                        isLossyTransferSyntax(h.transferSyntaxUid);

    const QString classUid = h.sopClassUid.isEmpty() ? h.mediaStorageSopClassUid : h.sopClassUid;
    h.nonImageKind = nonImageKind(classUid);
    // Some writers use a private or wrong SOP class for these objects; their modality still says what they are.
    static const QStringList nonImageModalities = {QStringLiteral("SEG"), QStringLiteral("RTSTRUCT"),
                                                   QStringLiteral("RTPLAN"), QStringLiteral("SR"),
                                                   QStringLiteral("PR"), QStringLiteral("KO"), QStringLiteral("REG")};
    if (h.nonImageKind.isEmpty() && nonImageModalities.contains(h.modality))
        h.nonImageKind = h.modality;
    // RT Dose stores Gy per stored unit in DoseGridScaling, on top of any rescale.
    if (h.modality == QLatin1String("RTDOSE")) {
        const double doseScaling = getDouble(dataset, DCM_DoseGridScaling, 1.0);
        if (doseScaling > 0.0)
            h.rescaleSlope *= doseScaling;
    }
    // An image SOP class, or the attributes of one, make an image object: without usable pixel data it is a broken
    // image (a file cut short, Rows = 0), to be reported as unreadable, not listed as some other kind of object.
    const bool hasPixels = dataset.tagExists(DCM_PixelData) || dataset.tagExists(DCM_FloatPixelData) ||
                           dataset.tagExists(DCM_DoubleFloatPixelData);
    const bool imageAttributes = hasPixels || dataset.tagExists(DCM_Rows) || dataset.tagExists(DCM_Columns) ||
                                 dataset.tagExists(DCM_BitsAllocated);
    if (!h.nonImageKind.isEmpty())
        return;
    if (!isImageStorageSopClass(classUid) && !imageAttributes) {
        h.nonImageKind = DicomFileHeaderText::tr("no pixel data");
        return;
    }
    if (!hasPixels) {
        const QString className = QString::fromLatin1(dcmFindNameOfUID(classUid.toLatin1().constData(), "")).trimmed();
        h.brokenImage = DicomFileHeaderText::tr("%1: broken image: the %2 object has no pixel data (is the file cut short?)")
                            .arg(h.path, className.isEmpty() ? DicomFileHeaderText::tr("image") : className);
        return;
    }
    // Float pixel data has no BitsAllocated of its own worth trusting: its VR says 32 or 64 bits.
    const bool floatPixels = !dataset.tagExists(DCM_PixelData);
    const int bits = floatPixels ? (dataset.tagExists(DCM_FloatPixelData) ? 32 : 64) : h.bitsAllocated;
    const DeclaredImageSize size{h.rows, h.columns, h.numberOfFrames, floatPixels ? 1 : h.samplesPerPixel, bits};
    static const uint64_t memory = physicalMemoryBytes();
    if (auto checked = checkDeclaredImageSize(h.path, size, memory); !checked) {
        h.brokenImage = checked.error().message;
        return;
    }
    if (!floatPixels && (h.bitsStored <= 0 || h.bitsStored > h.bitsAllocated)) {
        h.warnings << DicomFileHeaderText::tr("BitsStored %1 does not fit BitsAllocated %2; %2 assumed").arg(h.bitsStored).arg(h.bitsAllocated);
        h.bitsStored = h.bitsAllocated;
    }
    h.isImage = true;
    if (isEnhancedImageSopClass(classUid) || dataset.tagExists(DCM_PerFrameFunctionalGroupsSequence)) {
        h.isEnhanced = true;
        readEnhancedFrames(dataset, h);
    }
    readMosaic(dataset, h);
    // An image placed in the patient without a pixel spacing would be drawn at 1 mm per pixel: say so.
    // (Enhanced objects keep their spacing in the functional groups, which say for themselves.)
    if (h.hasImagePlane && !h.hasPixelSpacing && !spacingPresent && !h.isEnhanced)
        h.warnings << DicomFileHeaderText::tr("no PixelSpacing; 1 mm assumed");
}

bool looksLikeDicom(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true; // unknown: let the reader say what is wrong
    const QByteArray start = file.read(136);
    if (start.size() >= 132 && start.mid(128, 4) == "DICM")
        return true;
    // A damaged "DICM" marker with the file meta group (0002) right after it is still a DICOM file, if a broken one.
    if (start.size() == 136 && quint8(start[132]) == 0x02 && quint8(start[133]) == 0x00)
        return true;
    // A data set without preamble starts with its first element; some writers put a stray byte before it.
    const auto byte = [&](int i) { return i < start.size() ? quint8(start[i]) : quint8(0xff); };
    for (int offset = 0; offset + 4 <= start.size() && offset <= 4; ++offset) {
        for (quint8 group : {quint8(0x02), quint8(0x04), quint8(0x08)}) {
            if (byte(offset) == group && byte(offset + 1) == 0x00)
                return true; // little endian
            if (byte(offset) == 0x00 && byte(offset + 1) == group)
                return true; // big endian
        }
    }
    return false;
}

Expected<DicomFileHeader> readDicomFileHeader(const QString& path)
{
    registerDicomDecoders(); // also the reading options (elements written as UN read with their real VR)
    DcmFileFormat file;
    // Values over 4 KiB (pixel data, big private blobs) stay on disk: a header scan reads little.
    if (QFileInfo(path).size() == 0)
        return Error::failed(DicomFileHeaderText::tr("%1: not a readable DICOM file: it is empty (0 bytes)").arg(path));
    OFCondition status = loadDicomFile(file, path, EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect);
    if (status.bad())
    {
        // Our own sentence first (translated), the library's text as the detail. The library says "premature end"
        // both for a file cut short and for one whose garbage lengths run past its end: the element walk decides.
        const bool endedEarly = status == EC_StreamNotifyClient || status == EC_ItemEnd || status == EC_SequEnd ||
                                status == EC_SequDelimitationItemMissing;
        bool startsAsDicom = false;
        if (status == EC_InvalidStream) {
            QFile file(path);
            startsAsDicom = file.open(QIODevice::ReadOnly) && file.seek(128) && file.read(4) == "DICM";
        }
        if (endedEarly || startsAsDicom) {
            const DicomEncodingVerdict verdict = checkDicomEncoding(path);
            if (verdict == DicomEncodingVerdict::Misencoded)
                return Error::failed(DicomFileHeaderText::tr("%1: not a readable DICOM file: it is damaged or misencoded: its data elements do not follow the encoding its header declares (%2)")
                                         .arg(path, QString::fromLatin1(status.text())));
            if (verdict == DicomEncodingVerdict::CutShort || (verdict == DicomEncodingVerdict::Undetermined && endedEarly))
                return Error::failed(DicomFileHeaderText::tr("%1: not a readable DICOM file: it ends early, cut short (an interrupted copy or transfer?) (%2)")
                                         .arg(path, QString::fromLatin1(status.text())));
            if (startsAsDicom)
                return Error::failed(DicomFileHeaderText::tr("%1: not a readable DICOM file: it starts as one but is damaged or cut short (%2)")
                                         .arg(path, QString::fromLatin1(status.text())));
        }
        return Error::failed(DicomFileHeaderText::tr("%1: not a readable DICOM file (%2)").arg(path, QString::fromLatin1(status.text())));
    }
    DicomFileHeader header;
    header.path = path;
    DcmMetaInfo* meta = file.getMetaInfo();
    if (meta) {
        header.transferSyntaxUid = getString(*meta, DCM_TransferSyntaxUID);
        header.mediaStorageSopClassUid = getString(*meta, DCM_MediaStorageSOPClassUID);
    }
    DcmDataset* dataset = file.getDataset();
    if (!dataset || dataset->card() == 0) {
        if (header.mediaStorageSopClassUid == QLatin1String("1.2.840.10008.1.3.10")) {
            header.nonImageKind = QStringLiteral("DICOMDIR");
            return header;
        }
        return Error::failed(DicomFileHeaderText::tr("%1: empty DICOM dataset").arg(path));
    }
    if (header.transferSyntaxUid.isEmpty()) {
        DcmXfer xfer(dataset->getOriginalXfer());
        header.transferSyntaxUid = QString::fromLatin1(xfer.getXferID());
    }
    // Texts to UTF-8 through Specific Character Set (iconv); an unknown set keeps the raw bytes and says so.
    if (dataset->tagExists(DCM_SpecificCharacterSet)) {
        const OFCondition converted = file.convertToUTF8();
        if (converted.bad())
            header.warnings << DicomFileHeaderText::tr("character set conversion failed (%1); names may show wrongly")
                                   .arg(QString::fromLatin1(converted.text()));
    }
    if (header.mediaStorageSopClassUid == QLatin1String("1.2.840.10008.1.3.10") ||
        dataset->tagExists(DCM_DirectoryRecordSequence)) {
        header.nonImageKind = QStringLiteral("DICOMDIR");
        return header;
    }
    fillDicomFileHeader(*dataset, header);
    if (!header.brokenImage.isEmpty())
        return Error::failed(header.brokenImage);
    if (!header.isImage)
        return header;
    if (auto length = checkStoredPixelLength(*dataset, header); !length)
        return length.error();
    else if (!length->isEmpty())
        header.warnings << length.value();
    locateRawPixels(*dataset, header);
    return header;
}

} // namespace delineate
