// DICOM SEG: writing with dcmseg, reading by parsing the dataset (every segmentation type, label maps included).
#include "io/DicomSeg.h"
#include "dicom/DcmtkFile.h"

#include "dicom/DicomScanner.h"
#include "dicom/PixelDecoder.h"
#include "image/SegmentTerminology.h"
#include "io/SegmentationIO.h"
#include "io/VolumeIO.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmiod/cielabutil.h>
#include <dcmtk/dcmiod/iodmacro.h>
#include <dcmtk/dcmiod/iodreferences.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace delineate {

namespace {

// Translation context "DicomSeg" (lupdate reads it from the macro).
class DicomSegText
{
    Q_DECLARE_TR_FUNCTIONS(DicomSeg)
};

const char* const kSegStorage = "1.2.840.10008.5.1.4.1.1.66.4";
const char* const kLabelMapSegStorage = "1.2.840.10008.5.1.4.1.1.66.7";

QString str(DcmItem& item, const DcmTagKey& key)
{
    OFString value;
    if (item.findAndGetOFStringArray(key, value).good())
        return QString::fromUtf8(value.c_str()).trimmed();
    return QString();
}

OFString ofText(const QString& text)
{
    return OFString(text.toUtf8().constData());
}

QString newUid()
{
    char buffer[100];
    dcmGenerateUniqueIdentifier(buffer, SITE_INSTANCE_UID_ROOT);
    return QString::fromLatin1(buffer);
}

// A DS value: at most 16 characters.
OFString decimal(double value)
{
    if (std::abs(value) < 1e-9)
        value = 0.0;
    for (int precision = 10; precision > 3; --precision) {
        const QString text = QString::number(value, 'g', precision);
        if (text.size() <= 16)
            return ofText(text);
    }
    return ofText(QString::number(value, 'g', 4));
}

DcmItem* firstItem(DcmItem* item, const DcmTagKey& key)
{
    DcmItem* found = nullptr;
    if (item && item->findAndGetSequenceItem(key, found, 0).good())
        return found;
    return nullptr;
}

CodedConcept readConcept(DcmItem& item, const DcmTagKey& sequence)
{
    CodedConcept concept;
    if (DcmItem* code = firstItem(&item, sequence)) {
        concept.code = str(*code, DCM_CodeValue);
        concept.scheme = str(*code, DCM_CodingSchemeDesignator);
        concept.meaning = str(*code, DCM_CodeMeaning);
    }
    return concept;
}

struct SegmentInfo
{
    int number = 0;
    LabelEntry entry;
};

// The functional group sequence `group` of frame `frame`: per-frame first, then shared.
DcmItem* frameGroup(DcmItem* perFrame, DcmItem* shared, const DcmTagKey& group)
{
    if (DcmItem* item = firstItem(perFrame, group))
        return item;
    return firstItem(shared, group);
}

bool readDoubles(DcmItem& item, const DcmTagKey& key, double* out, int count)
{
    for (int i = 0; i < count; ++i) {
        Float64 v = 0;
        if (item.findAndGetFloat64(key, v, unsigned(i)).bad() || !std::isfinite(v))
            return false;
        out[i] = v;
    }
    return true;
}

} // namespace

bool isDicomSegSopClass(const QString& sopClassUid)
{
    return sopClassUid == QLatin1String(kSegStorage) || sopClassUid == QLatin1String(kLabelMapSegStorage);
}

namespace {

// Large values (the pixels) stay on disk until they are asked for.
Expected<std::unique_ptr<DcmFileFormat>> loadSegFile(const QString& path)
{
    registerDicomDecoders();
    auto file = std::make_unique<DcmFileFormat>();
    const OFCondition status = loadDicomFile(*file, path, EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_autoDetect);
    if (status.bad())
        return Error::failed(DicomSegText::tr("%1: not a readable DICOM file (%2)").arg(path, QString::fromLatin1(status.text())));
    DcmDataset& dataset = *file->getDataset();
    const QString sopClass = str(dataset, DCM_SOPClassUID);
    if (!isDicomSegSopClass(sopClass))
        return Error::failed(DicomSegText::tr("%1: not a DICOM segmentation (SOP class %2)")
                                 .arg(path, sopClass.isEmpty() ? DicomSegText::tr("missing") : sopClass));
    return file;
}

void fillHeader(DcmDataset& dataset, DicomSegHeader& header)
{
    header.sopClassUid = str(dataset, DCM_SOPClassUID);
    header.sopInstanceUid = str(dataset, DCM_SOPInstanceUID);
    header.seriesInstanceUid = str(dataset, DCM_SeriesInstanceUID);
    header.studyInstanceUid = str(dataset, DCM_StudyInstanceUID);
    header.frameOfReferenceUid = str(dataset, DCM_FrameOfReferenceUID);
    header.seriesDescription = str(dataset, DCM_SeriesDescription);
    header.segmentationType = str(dataset, DCM_SegmentationType).toUpper();
    if (header.segmentationType.isEmpty() && header.sopClassUid == QLatin1String(kLabelMapSegStorage))
        header.segmentationType = QStringLiteral("LABELMAP");
    Uint16 value = 0;
    if (dataset.findAndGetUint16(DCM_Rows, value).good())
        header.rows = value;
    if (dataset.findAndGetUint16(DCM_Columns, value).good())
        header.columns = value;
    header.frames = std::max(1, str(dataset, DCM_NumberOfFrames).toInt());
    DcmSequenceOfItems* series = nullptr;
    if (dataset.findAndGetSequence(DCM_ReferencedSeriesSequence, series).good() && series)
        for (unsigned long i = 0; i < series->card(); ++i)
            if (const QString uid = str(*series->getItem(i), DCM_SeriesInstanceUID); !uid.isEmpty())
                header.referencedSeriesUids << uid;
    DcmSequenceOfItems* segments = nullptr;
    if (dataset.findAndGetSequence(DCM_SegmentSequence, segments).good() && segments)
        header.segments = int(segments->card());
}

} // namespace

Expected<DicomSegHeader> readDicomSegHeader(const QString& path)
{
    auto file = loadSegFile(path);
    if (!file)
        return file.error();
    DicomSegHeader header;
    header.path = path;
    fillHeader(*file.value()->getDataset(), header);
    return header;
}

Expected<SegmentationFile> readDicomSeg(const QString& path, const DicomSegSource& series)
{
    auto loaded = loadSegFile(path);
    if (!loaded)
        return loaded.error();
    DcmDataset& dataset = *loaded.value()->getDataset();
    DicomSegHeader header;
    header.path = path;
    fillHeader(dataset, header);
    const ImageGeometry& geometry = series.geometry;
    const auto& size = geometry.size();
    // Named by description or number: UIDs never go into messages (they reach logs).
    const QString seriesName = series.info.seriesDescription.isEmpty()
                                   ? DicomSegText::tr("%1 series %2").arg(series.info.modality).arg(series.info.seriesNumber)
                                   : QLatin1Char('"') + series.info.seriesDescription + QLatin1Char('"');

    const bool labelMap = header.segmentationType == QLatin1String("LABELMAP");
    const bool fractional = header.segmentationType == QLatin1String("FRACTIONAL");
    if (!labelMap && !fractional && header.segmentationType != QLatin1String("BINARY"))
        return Error::failed(DicomSegText::tr("%1: unknown segmentation type '%2'").arg(path, header.segmentationType));
    if (!header.referencedSeriesUids.isEmpty() && !series.info.seriesInstanceUid.isEmpty() &&
        !header.referencedSeriesUids.contains(series.info.seriesInstanceUid))
        return Error::failed(DicomSegText::tr("%1 refers to another series, not to the open %2 (their Series Instance UIDs differ)")
                                 .arg(path, seriesName));
    if (header.rows != size[1] || header.columns != size[0])
        return Error::failed(DicomSegText::tr("%1: its frames are %2 x %3 pixels, the series' slices %4 x %5")
                                 .arg(path).arg(header.columns).arg(header.rows).arg(size[0]).arg(size[1]));

    Uint16 bitsAllocated = 0;
    dataset.findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
    if ((labelMap && bitsAllocated != 8 && bitsAllocated != 16) || (fractional && bitsAllocated != 8) ||
        (!labelMap && !fractional && bitsAllocated != 1))
        return Error::failed(DicomSegText::tr("%1: BitsAllocated %2 does not fit a %3 segmentation")
                                 .arg(path).arg(bitsAllocated).arg(header.segmentationType));
    Uint16 maximumFraction = 255;
    if (fractional && (dataset.findAndGetUint16(DCM_MaximumFractionalValue, maximumFraction).bad() || maximumFraction == 0))
        return Error::failed(DicomSegText::tr("%1: a fractional segmentation without MaximumFractionalValue").arg(path));

    // Segments.
    std::map<int, SegmentInfo> segments;
    DcmSequenceOfItems* segmentSequence = nullptr;
    if (dataset.findAndGetSequence(DCM_SegmentSequence, segmentSequence).bad() || !segmentSequence || segmentSequence->card() == 0)
        return Error::failed(DicomSegText::tr("%1: the segmentation lists no segments").arg(path));
    for (unsigned long i = 0; i < segmentSequence->card(); ++i) {
        DcmItem& item = *segmentSequence->getItem(i);
        Uint16 number = 0;
        if (item.findAndGetUint16(DCM_SegmentNumber, number).bad())
            return Error::failed(DicomSegText::tr("%1: segment %2 has no SegmentNumber").arg(path).arg(i + 1));
        if (number == 0)
            continue; // a label map's background
        SegmentInfo info;
        info.number = number;
        LabelEntry& entry = info.entry;
        entry.value = number;
        entry.name = str(item, DCM_SegmentLabel);
        if (entry.name.isEmpty())
            entry.name = LabelTable::defaultName(number);
        entry.colour = LabelTable::defaultColour(number);
        Uint16 lab[3];
        if (item.findAndGetUint16(DCM_RecommendedDisplayCIELabValue, lab[0], 0).good() &&
            item.findAndGetUint16(DCM_RecommendedDisplayCIELabValue, lab[1], 1).good() &&
            item.findAndGetUint16(DCM_RecommendedDisplayCIELabValue, lab[2], 2).good()) {
            double r = 0, g = 0, b = 0;
            IODCIELabUtil::dicomLab2RGB(r, g, b, lab[0], lab[1], lab[2]);
            const auto channel = [](double v) { return uint32_t(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); };
            entry.colour = (channel(r) << 16) | (channel(g) << 8) | channel(b);
        }
        entry.meaning.category = readConcept(item, DCM_SegmentedPropertyCategoryCodeSequence);
        entry.meaning.type = readConcept(item, DCM_SegmentedPropertyTypeCodeSequence);
        if (DcmItem* type = firstItem(&item, DCM_SegmentedPropertyTypeCodeSequence))
            entry.meaning.typeModifier = readConcept(*type, DCM_SegmentedPropertyTypeModifierCodeSequence);
        if (auto algorithm = segmentAlgorithmFromKey(str(item, DCM_SegmentAlgorithmType)))
            entry.algorithm = *algorithm;
        entry.algorithmName = str(item, DCM_SegmentAlgorithmName);
        segments[number] = info;
    }

    if (segments.empty())
        return Error::failed(DicomSegText::tr("%1: the segmentation lists no segments").arg(path));

    // Pixels, decoded to native little endian when encapsulated.
    DcmElement* pixelElement = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, pixelElement).bad() || !pixelElement)
        return Error::failed(DicomSegText::tr("%1: the segmentation has no pixel data").arg(path));
    if (DcmXfer(dataset.getOriginalXfer()).isEncapsulated()) {
        if (dataset.chooseRepresentation(EXS_LittleEndianExplicit, nullptr).bad() ||
            !dataset.canWriteXfer(EXS_LittleEndianExplicit))
            return Error::failed(DicomSegText::tr("%1: cannot decode the compressed pixel data (%2)")
                                     .arg(path, QString::fromLatin1(DcmXfer(dataset.getOriginalXfer()).getXferName())));
        dataset.findAndGetElement(DCM_PixelData, pixelElement);
    }
    const std::size_t framePixels = std::size_t(header.rows) * std::size_t(header.columns);
    const std::size_t frames = std::size_t(header.frames);
    const Uint8* bytes8 = nullptr;
    const Uint16* bytes16 = nullptr;
    std::size_t available = 0;
    if (bitsAllocated == 16) {
        Uint16* words = nullptr;
        if (pixelElement->getUint16Array(words).bad() || !words)
            return Error::failed(DicomSegText::tr("%1: cannot read the pixel data").arg(path));
        bytes16 = words;
        available = pixelElement->getLength() / 2;
    } else {
        Uint8* bytes = nullptr;
        if (pixelElement->getUint8Array(bytes).bad() || !bytes)
            return Error::failed(DicomSegText::tr("%1: cannot read the pixel data").arg(path));
        bytes8 = bytes;
        available = pixelElement->getLength();
    }
    const std::size_t needed = bitsAllocated == 1 ? (frames * framePixels + 7) / 8 : frames * framePixels;
    if (available < needed)
        return Error::failed(DicomSegText::tr("%1: the pixel data holds %2 bytes, %3 frames need %4")
                                 .arg(path).arg(available * (bitsAllocated == 16 ? 2 : 1)).arg(frames)
                                 .arg(needed * (bitsAllocated == 16 ? 2 : 1)));

    // Where each frame lies: on slice k of the volume, or, for a series regularised on loading, possibly on one of
    // its source frames (then resampled onto the volume below). By the referenced source frame first, then by position.
    const bool regularised = series.regularised;
    QHash<QString, int> sourceOfUid; // "uid#frameNumber" and "uid" -> source frame (slice order)
    for (int s = 0; s < series.sourceFrames.size(); ++s) {
        const DicomFrameRef& ref = series.sourceFrames[s];
        if (ref.sopInstanceUid.isEmpty())
            continue;
        sourceOfUid.insert(ref.sopInstanceUid + QLatin1Char('#') + QString::number(ref.frameIndex + 1), s);
        if (!sourceOfUid.contains(ref.sopInstanceUid))
            sourceOfUid.insert(ref.sopInstanceUid, s);
        else
            sourceOfUid[ref.sopInstanceUid] = -1; // a multi-frame source: the frame number is needed
    }
    struct Place
    {
        bool onSource = false; // index is a source frame, not a volume slice
        int64_t index = -1;
    };
    DcmItem* shared = firstItem(&dataset, DCM_SharedFunctionalGroupsSequence);
    DcmSequenceOfItems* perFrameSequence = nullptr;
    dataset.findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrameSequence);
    const Matrix3& direction = geometry.direction();
    const Vector3 rowDirection{direction[0][0], direction[1][0], direction[2][0]};
    const Vector3 columnDirection{direction[0][1], direction[1][1], direction[2][1]};
    const Vector3 normal{direction[0][2], direction[1][2], direction[2][2]};
    const auto dot3 = [](const Vector3& a, const Vector3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; };
    const auto minus = [](const Vector3& a, const std::array<double, 3>& b) { return Vector3{a[0] - b[0], a[1] - b[1], a[2] - b[2]}; };
    std::vector<Place> placeOfFrame(frames);
    std::vector<int> segmentOfFrame(frames, 0);
    bool matchedByPosition = false, resampled = false;
    for (std::size_t f = 0; f < frames; ++f) {
        DcmItem* perFrame = perFrameSequence && f < perFrameSequence->card() ? perFrameSequence->getItem(unsigned(f)) : nullptr;
        if (!labelMap) {
            Uint16 number = 0;
            DcmItem* identification = frameGroup(perFrame, shared, DCM_SegmentIdentificationSequence);
            if (!identification || identification->findAndGetUint16(DCM_ReferencedSegmentNumber, number).bad())
                return Error::failed(DicomSegText::tr("%1: frame %2 names no segment").arg(path).arg(f + 1));
            if (!segments.count(number))
                return Error::failed(DicomSegText::tr("%1: frame %2 refers to segment %3, which is not listed").arg(path).arg(f + 1).arg(number));
            segmentOfFrame[f] = number;
        }
        Place& place = placeOfFrame[f];
        // By reference.
        if (DcmItem* derivation = firstItem(perFrame, DCM_DerivationImageSequence)) {
            DcmSequenceOfItems* sources = nullptr;
            if (derivation->findAndGetSequence(DCM_SourceImageSequence, sources).good() && sources)
                for (unsigned long i = 0; i < sources->card() && place.index < 0; ++i) {
                    DcmItem& source = *sources->getItem(i);
                    const QString uid = str(source, DCM_ReferencedSOPInstanceUID);
                    const QString number = str(source, DCM_ReferencedFrameNumber);
                    const int s = sourceOfUid.value(number.isEmpty() ? uid : uid + QLatin1Char('#') + number, -1);
                    if (s >= 0)
                        place = {regularised, s};
                }
        }
        if (place.index >= 0)
            continue;
        // By position: the frame's corner must be a slice's corner, its orientation the slice's.
        double position[3], orientation[6];
        DcmItem* plane = frameGroup(perFrame, shared, DCM_PlanePositionSequence);
        DcmItem* orient = frameGroup(perFrame, shared, DCM_PlaneOrientationSequence);
        if (!plane || !readDoubles(*plane, DCM_ImagePositionPatient, position, 3))
            return Error::failed(DicomSegText::tr("%1: frame %2 references no slice of the series %3 and has no position")
                                     .arg(path).arg(f + 1).arg(seriesName));
        if (orient && readDoubles(*orient, DCM_ImageOrientationPatient, orientation, 6)) {
            double worst = 0.0;
            for (int r = 0; r < 3; ++r) {
                worst = std::max(worst, std::abs(orientation[r] - rowDirection[r]));
                worst = std::max(worst, std::abs(orientation[3 + r] - columnDirection[r]));
            }
            if (worst > 1e-3)
                return Error::failed(DicomSegText::tr("%1: frame %2 is oriented differently from the series %3 (%4)")
                                         .arg(path).arg(f + 1).arg(seriesName)
                                         .arg(str(*orient, DCM_ImageOrientationPatient)));
        }
        const Vector3 index = geometry.physicalToIndex({position[0], position[1], position[2]});
        const double k = std::round(index[2]);
        if (std::abs(index[0]) <= 0.01 && std::abs(index[1]) <= 0.01 && std::abs(index[2] - k) <= 0.05 && k >= 0 &&
            k < double(size[2])) {
            place = {false, int64_t(k)};
        } else if (regularised) {
            // A frame drawn on the source slices before they were regularised.
            const double tolerance = 0.01 * std::min(geometry.spacing()[0], geometry.spacing()[1]);
            for (int s = 0; s < series.sourceFrames.size() && place.index < 0; ++s) {
                const auto& p = series.sourceFrames[s].position;
                if (std::abs(position[0] - p[0]) <= tolerance && std::abs(position[1] - p[1]) <= tolerance &&
                    std::abs(position[2] - p[2]) <= tolerance)
                    place = {true, s};
            }
        }
        if (place.index < 0)
            return Error::failed(DicomSegText::tr("%1: frame %2 at (%3, %4, %5) mm lies on no slice of the series %6")
                                     .arg(path).arg(f + 1).arg(position[0], 0, 'f', 2).arg(position[1], 0, 'f', 2)
                                     .arg(position[2], 0, 'f', 2).arg(seriesName));
        matchedByPosition = true;
    }

    // Frame values: bit-packed across frames for BINARY, one byte or word per pixel otherwise.
    const auto frameValue = [&](std::size_t f, std::size_t p) -> unsigned {
        const std::size_t index = f * framePixels + p;
        if (bitsAllocated == 1)
            return (bytes8[index >> 3] >> (index & 7)) & 1u;
        if (bitsAllocated == 16)
            return bytes16[index];
        return bytes8[index];
    };
    Uint16 padding = 0;
    const bool hasPadding = labelMap && dataset.findAndGetUint16(DCM_PixelPaddingValue, padding).good();
    std::size_t fractionalVoxels = 0;
    // The segment a frame pixel belongs to (0: none).
    const auto segmentAt = [&](std::size_t f, std::size_t p) -> int {
        const unsigned value = frameValue(f, p);
        if (value == 0 || (hasPadding && value == padding && !segments.count(int(value))))
            return 0;
        if (labelMap)
            return int(value);
        if (fractional) {
            if (value < maximumFraction)
                ++fractionalVoxels;
            return 2 * value >= maximumFraction ? segmentOfFrame[f] : 0;
        }
        return segmentOfFrame[f];
    };

    // Voxels of each segment (offsets). Frames on source slices of a regularised series are resampled onto the
    // volume by nearest neighbour: each volume slice takes the source slice nearest to it.
    const std::size_t sliceVoxels = std::size_t(size[0]) * std::size_t(size[1]);
    std::map<int, std::vector<std::size_t>> voxelsOf;
    std::map<std::pair<int, int64_t>, std::vector<uint8_t>> onSource; // (segment, source frame) -> mask
    for (std::size_t f = 0; f < frames; ++f) {
        const Place& place = placeOfFrame[f];
        for (std::size_t p = 0; p < framePixels; ++p) {
            const int segment = segmentAt(f, p);
            if (segment == 0)
                continue;
            if (labelMap && !segments.count(segment))
                return Error::failed(DicomSegText::tr("%1: frame %2 holds value %3, which no segment lists").arg(path).arg(f + 1).arg(segment));
            if (!place.onSource) {
                voxelsOf[segment].push_back(std::size_t(place.index) * sliceVoxels + p);
            } else {
                std::vector<uint8_t>& mask = onSource[{segment, place.index}];
                mask.resize(framePixels);
                mask[p] = 1;
            }
        }
    }
    if (!onSource.empty()) {
        resampled = true;
        const double rowSpacing = series.info.pixelSpacing[0], columnSpacing = series.info.pixelSpacing[1];
        for (int64_t k = 0; k < size[2]; ++k) {
            const Vector3 corner = geometry.indexToPhysical({0.0, 0.0, double(k)});
            int64_t nearest = -1;
            double best = 0.0;
            for (int s = 0; s < series.sourceFrames.size(); ++s) {
                const double distance = std::abs(dot3(minus(corner, series.sourceFrames[s].position), normal));
                if (nearest < 0 || distance < best) {
                    nearest = s;
                    best = distance;
                }
            }
            const auto& origin = series.sourceFrames[int(nearest)].position;
            for (const auto& [key, mask] : onSource) {
                if (key.second != nearest)
                    continue;
                for (int64_t j = 0; j < size[1]; ++j)
                    for (int64_t i = 0; i < size[0]; ++i) {
                        const Vector3 offset = minus(geometry.indexToPhysical({double(i), double(j), double(k)}), origin);
                        const int64_t column = std::llround(dot3(offset, rowDirection) / columnSpacing);
                        const int64_t row = std::llround(dot3(offset, columnDirection) / rowSpacing);
                        if (column < 0 || row < 0 || column >= header.columns || row >= header.rows)
                            continue;
                        if (mask[std::size_t(row) * header.columns + std::size_t(column)])
                            voxelsOf[key.first].push_back(std::size_t(k) * sliceVoxels + std::size_t(j * size[0] + i));
                    }
            }
        }
    }

    // Layers: a segment goes to the first layer where it overlaps nothing.
    const std::size_t voxelCount = geometry.voxelCount();
    const bool wide = segments.rbegin()->first > 255;
    std::vector<LabelLayer> layers;
    layers.emplace_back(voxelCount, wide ? LabelLayer::Width::UInt16 : LabelLayer::Width::UInt8);
    LabelTable table;
    for (auto& [number, info] : segments) {
        std::vector<std::size_t>& voxels = voxelsOf[number];
        std::sort(voxels.begin(), voxels.end());
        voxels.erase(std::unique(voxels.begin(), voxels.end()), voxels.end());
        std::size_t layer = 0;
        if (!labelMap)
            for (; layer < layers.size(); ++layer)
                if (std::all_of(voxels.begin(), voxels.end(), [&](std::size_t o) { return layers[layer].at(o) == 0; }))
                    break;
        if (layer == layers.size())
            layers.emplace_back(voxelCount, wide ? LabelLayer::Width::UInt16 : LabelLayer::Width::UInt8);
        for (std::size_t o : voxels)
            layers[layer].set(o, uint16_t(number));
        info.entry.layer = int(layer);
        if (auto set = table.set(info.entry); !set)
            return set.error();
    }

    SegmentationFile file;
    file.path = path;
    file.geometry = geometry;
    file.layers = std::move(layers);
    file.labels = table;
    if (fractional)
        file.notes << DicomSegText::tr("fractional segmentation: voxels of at least half the maximum value (%1 of %2) taken as the segment; %n voxel(s) held values between 0 and the maximum",
                                       nullptr, int(std::min<std::size_t>(fractionalVoxels, INT32_MAX)))
                          .arg((maximumFraction + 1) / 2).arg(maximumFraction);
    if (file.layers.size() > 1)
        file.notes << DicomSegText::tr("overlapping segments: kept on %1 layers").arg(file.layers.size());
    if (matchedByPosition)
        file.notes << DicomSegText::tr("frames matched to slices by their positions");
    if (resampled)
        file.notes << DicomSegText::tr("drawn on the source slices of a series regularised on loading: resampled onto the regular grid (nearest neighbour)");
    return file;
}

DicomSegSource DicomSegSource::of(const LoadedSeries& series)
{
    return DicomSegSource{series.info, series.sourceFrames, series.geometry.regularised, series.volume.geometry()};
}

bool isDicomSegFile(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return false;
    DcmFileFormat file;
    if (loadDicomFile(file, path, EXS_Unknown, EGL_noChange, 256, ERM_autoDetect).bad())
        return false;
    return isDicomSegSopClass(str(*file.getDataset(), DCM_SOPClassUID));
}

Expected<SegWithSeries> readDicomSegWithSeries(const QString& path, const QString& searchPath, JobControl& control)
{
    auto header = readDicomSegHeader(path);
    if (!header)
        return header.error();
    const QString where = searchPath.isEmpty() ? QFileInfo(path).absolutePath() : searchPath;
    auto scan = scanDicom(where, control);
    if (!scan)
        return scan.error();
    // The referenced series (the part with most frames, should it have been split), else the one series there is.
    const QVector<SeriesInfo> all = scan->allSeries();
    const SeriesInfo* chosen = nullptr;
    for (const SeriesInfo& info : all)
        if (header->referencedSeriesUids.contains(info.seriesInstanceUid) && (!chosen || info.frameCount() > chosen->frameCount()))
            chosen = &info;
    if (!chosen && header->referencedSeriesUids.isEmpty() && all.size() == 1)
        chosen = &all.first();
    if (!chosen)
        return Error::failed(header->referencedSeriesUids.isEmpty()
                                 ? DicomSegText::tr("%1 names no series it refers to, and %2 holds more than one").arg(path, QDir::toNativeSeparators(where))
                                 : DicomSegText::tr("%1 refers to a series that is not in %2 (no series there has its Series Instance UID)")
                                       .arg(path, QDir::toNativeSeparators(where)));
    auto series = loadSeries(*chosen, control);
    if (!series)
        return series.error();
    auto file = readDicomSeg(path, DicomSegSource::of(*series));
    if (!file)
        return file.error();
    return SegWithSeries{std::move(series.value()), std::move(file.value())};
}

// ---------------------------------------------------------------------------------------------------------------

namespace {

CodeSequenceMacro code(const CodedConcept& concept)
{
    return CodeSequenceMacro(ofText(concept.code), ofText(concept.scheme), ofText(concept.meaning));
}

Expected<void> check(const OFCondition& condition, const QString& path, const QString& what)
{
    if (condition.good())
        return {};
    return Error::failed(DicomSegText::tr("%1: cannot write the segmentation: %2 (%3)")
                             .arg(path, what, QString::fromLatin1(condition.text())));
}

} // namespace

Expected<DicomSegWriteReport> writeDicomSeg(const Segmentation& segmentation, const DicomSegSource& source,
                                            const QString& path, const DicomSegWriteOptions& options)
{
    const ImageGeometry& geometry = source.geometry;
    if (!segmentation.geometry().sameGridAs(geometry, 1e-3))
        return Error::failed(DicomSegText::tr("%1: the segmentation does not lie on the grid of the series it is saved for").arg(path));
    if (source.sourceFrames.isEmpty() || source.info.seriesInstanceUid.isEmpty())
        return Error::failed(DicomSegText::tr("%1: a DICOM segmentation needs a DICOM source series").arg(path));
    const auto& size = geometry.size();
    if (size[0] > 0xffff || size[1] > 0xffff)
        return Error::failed(DicomSegText::tr("%1: slices of %2 x %3 pixels are too large for DICOM").arg(path).arg(size[0]).arg(size[1]));
    const bool perFrameReferences = !source.regularised && source.sourceFrames.size() == size[2];
    DicomSegWriteReport report;
    report.perFrameSourceReferences = perFrameReferences;
    if (!perFrameReferences)
        report.notes << DicomSegText::tr("the series was regularised on loading: the frames carry their own positions and the frame of reference, but no source image reference");

    const QString sourceFile = source.sourceFrames.first().file;
    const IODGeneralEquipmentModule::EquipmentInfo equipment("Delineate", "Delineate", "1", DELINEATE_VERSION);
    // AI segments: the file says which models made them and that they are not for diagnosis. Content Description
    // holds 64 characters; Image Comments takes the whole text when it is longer.
    const QString aiText = aiDescription(segmentation);
    QString contentDescription = DicomSegText::tr("Segmentation made with Delineate");
    if (!aiText.isEmpty())
        contentDescription = ofText(aiText).length() <= 64 ? aiText : DicomSegText::tr("AI results: research use, not for diagnosis.");
    const ContentIdentificationMacro content("1", "SEGMENTATION", ofText(contentDescription), ofText(options.contentCreator));
    DcmSegmentation* created = nullptr;
    if (auto ok = check(DcmSegmentation::createBinarySegmentation(created, Uint16(size[1]), Uint16(size[0]), equipment, content),
                        path, QStringLiteral("createBinarySegmentation"));
        !ok)
        return ok.error();
    std::unique_ptr<DcmSegmentation> seg(created);
    if (auto ok = check(seg->importFromSourceImage(OFString(QFile::encodeName(sourceFile).constData())), path,
                        DicomSegText::tr("reading patient and study from %1").arg(sourceFile));
        !ok)
        return ok.error();
    if (!aiText.isEmpty())
        if (auto ok = check(seg->getGeneralImage().setImageComments(ofText(aiText)), path, QStringLiteral("ImageComments")); !ok)
            return ok.error();
    seg->getSeries().setSeriesInstanceUID(ofText(newUid()));
    seg->getSeries().setSeriesNumber(ofText(QString::number(options.seriesNumber)));
    seg->getSeries().setSeriesDescription(ofText(options.seriesDescription.left(64)));
    seg->getSOPCommon().setSOPInstanceUID(ofText(newUid()));

    // Shared: pixel measures and orientation.
    const Vector3& spacing = geometry.spacing();
    const Matrix3& direction = geometry.direction();
    FGPixelMeasures measures;
    measures.setPixelSpacing(decimal(spacing[1]) + "\\" + decimal(spacing[0]));
    measures.setSliceThickness(decimal(source.info.sliceThickness > 0.0 && !source.regularised ? source.info.sliceThickness
                                                                                                          : spacing[2]));
    measures.setSpacingBetweenSlices(decimal(spacing[2]));
    if (auto ok = check(seg->addForAllFrames(measures), path, QStringLiteral("PixelMeasures")); !ok)
        return ok.error();
    std::unique_ptr<FGPlaneOrientationPatient> orientation(FGPlaneOrientationPatient::createMinimal(
        decimal(direction[0][0]), decimal(direction[1][0]), decimal(direction[2][0]), decimal(direction[0][1]),
        decimal(direction[1][1]), decimal(direction[2][1])));
    if (!orientation)
        return Error::failed(DicomSegText::tr("%1: cannot write the segmentation: %2").arg(path, QStringLiteral("PlaneOrientation")));
    if (auto ok = check(seg->addForAllFrames(*orientation), path, QStringLiteral("PlaneOrientation")); !ok)
        return ok.error();
    const OFString dimensionUid = ofText(newUid());
    seg->getDimensions().addDimensionIndex(DCM_ReferencedSegmentNumber, dimensionUid, DCM_SegmentIdentificationSequence,
                                           "ReferencedSegmentNumber");
    seg->getDimensions().addDimensionIndex(DCM_ImagePositionPatient, dimensionUid, DCM_PlanePositionSequence,
                                           "ImagePositionPatient");

    // The source instances, for the Common Instance Reference module.
    IODReferences references;
    QSet<QString> referenced;
    QHash<QString, int> framesOfInstance; // more than one: a multi-frame source, referenced with frame numbers
    for (const DicomFrameRef& frame : source.sourceFrames)
        if (frame.mosaicTile < 0)
            ++framesOfInstance[frame.sopInstanceUid];
    for (const DicomFrameRef& frame : source.sourceFrames) {
        if (frame.sopInstanceUid.isEmpty() || referenced.contains(frame.sopInstanceUid))
            continue;
        referenced.insert(frame.sopInstanceUid);
        references.add(new IODImageReference(ofText(source.info.patientId), ofText(source.info.studyInstanceUid),
                                             ofText(source.info.seriesInstanceUid), ofText(frame.sopInstanceUid),
                                             ofText(frame.sopClassUid)));
    }
    seg->getCommonInstanceReference().addReferences(references);

    // Segments: the labels with voxels, numbered 1, 2, ... in label order.
    const std::size_t sliceVoxels = std::size_t(size[0]) * std::size_t(size[1]);
    std::vector<uint8_t> frame(sliceVoxels);
    for (const LabelEntry& entry : segmentation.labels().entries()) {
        if (segmentation.labelVoxelCount(entry.value) == 0) {
            report.notes << DicomSegText::tr("%1 has no voxels and was left out").arg(entry.name);
            continue;
        }
        const CodedMeaning meaning = effectiveMeaning(entry);
        DcmSegTypes::E_SegmentAlgoType algorithm = DcmSegTypes::SAT_MANUAL;
        QString algorithmName;
        if (entry.algorithm != SegmentAlgorithm::Manual) {
            algorithm = entry.algorithm == SegmentAlgorithm::Automatic ? DcmSegTypes::SAT_AUTOMATIC : DcmSegTypes::SAT_SEMIAUTOMATIC;
            algorithmName = entry.algorithmName.isEmpty() ? QStringLiteral("Delineate") : entry.algorithmName;
        }
        DcmSegment* segment = nullptr;
        if (auto ok = check(DcmSegment::create(segment, ofText(entry.name.left(64)), code(meaning.category), code(meaning.type),
                                               algorithm, ofText(algorithmName.left(64))),
                            path, entry.name);
            !ok)
            return ok.error();
        double lab[3];
        IODCIELabUtil::rgb2DicomLab(lab[0], lab[1], lab[2], ((entry.colour >> 16) & 0xff) / 255.0,
                                    ((entry.colour >> 8) & 0xff) / 255.0, (entry.colour & 0xff) / 255.0);
        segment->setRecommendedDisplayCIELabValue(Uint16(std::lround(lab[0])), Uint16(std::lround(lab[1])),
                                                  Uint16(std::lround(lab[2])));
        Uint16 number = 0;
        if (auto ok = check(seg->addSegment(segment, number), path, entry.name); !ok) {
            delete segment;
            return ok.error();
        }
        ++report.segments;
        if (entry.value != number)
            report.notes << DicomSegText::tr("%1: label %2 saved as segment %3").arg(entry.name).arg(entry.value).arg(number);
        const LabelLayer& layer = segmentation.layer(entry.layer);
        for (int64_t k = 0; k < size[2]; ++k) {
            const std::size_t base = std::size_t(k) * sliceVoxels;
            bool any = false;
            for (std::size_t p = 0; p < sliceVoxels; ++p) {
                frame[p] = layer.at(base + p) == entry.value ? 1 : 0;
                any = any || frame[p];
            }
            if (!any)
                continue;
            const Vector3 corner = geometry.indexToPhysical({0.0, 0.0, double(k)});
            std::unique_ptr<FGPlanePosPatient> position(
                FGPlanePosPatient::createMinimal(decimal(corner[0]), decimal(corner[1]), decimal(corner[2])));
            FGFrameContent frameContent;
            frameContent.setDimensionIndexValues(number, 0);
            frameContent.setDimensionIndexValues(Uint32(k + 1), 1);
            OFVector<FGBase*> groups;
            groups.push_back(position.get());
            groups.push_back(&frameContent);
            std::unique_ptr<FGDerivationImage> derivation;
            if (perFrameReferences) {
                const DicomFrameRef& ref = source.sourceFrames[int(k)];
                ImageSOPInstanceReferenceMacro* image = nullptr;
                const OFCondition made = framesOfInstance.value(ref.sopInstanceUid) > 1
                                             ? ImageSOPInstanceReferenceMacro::create(ofText(ref.sopClassUid), ofText(ref.sopInstanceUid),
                                                                                      OFVector<Uint16>(1, Uint16(ref.frameIndex + 1)), image)
                                             : ImageSOPInstanceReferenceMacro::create(ofText(ref.sopClassUid), ofText(ref.sopInstanceUid), image);
                if (made.good() && image) {
                    OFVector<ImageSOPInstanceReferenceMacro> images;
                    images.push_back(*image);
                    delete image;
                    derivation.reset(DcmSegmentation::createDerivationImageFG(images, ""));
                    if (derivation)
                        groups.push_back(derivation.get());
                }
            }
            if (auto ok = check(seg->addFrame(frame.data(), number, groups), path,
                                DicomSegText::tr("frame of %1 on slice %2").arg(entry.name).arg(k + 1));
                !ok)
                return ok.error();
            ++report.frames;
        }
    }
    if (report.segments == 0)
        return Error::failed(DicomSegText::tr("%1: the segmentation is empty; a DICOM segmentation needs at least one segment with voxels").arg(path));

    DcmFileFormat output;
    DcmDataset& dataset = *output.getDataset();
    if (auto ok = check(seg->writeDataset(dataset), path, DicomSegText::tr("encoding")); !ok)
        return ok.error();
    if (!perFrameReferences) {
        // Derived from the whole series, not frame by frame: the sources are listed once, in the General Image
        // module's Source Image Sequence.
        dataset.putAndInsertString(DCM_DerivationDescription, "Segmentation of the series resampled to a regular grid");
        QSet<QString> listed;
        for (const DicomFrameRef& frame : source.sourceFrames) {
            if (frame.sopInstanceUid.isEmpty() || listed.contains(frame.sopInstanceUid))
                continue;
            listed.insert(frame.sopInstanceUid);
            DcmItem* item = nullptr;
            if (dataset.findOrCreateSequenceItem(DCM_SourceImageSequence, item, -2).bad() || !item)
                return Error::failed(DicomSegText::tr("%1: cannot write the segmentation: %2").arg(path, QStringLiteral("SourceImageSequence")));
            item->putAndInsertString(DCM_ReferencedSOPClassUID, frame.sopClassUid.toLatin1().constData());
            item->putAndInsertString(DCM_ReferencedSOPInstanceUID, frame.sopInstanceUid.toLatin1().constData());
            DcmItem* purpose = nullptr;
            if (item->findOrCreateSequenceItem(DCM_PurposeOfReferenceCodeSequence, purpose, -2).good() && purpose) {
                purpose->putAndInsertString(DCM_CodeValue, "121322");
                purpose->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
                purpose->putAndInsertString(DCM_CodeMeaning, "Source image for image processing operation");
            }
        }
    }
    auto written = writeAtomically(path, [&](const QString& temporary) -> Expected<void> {
        return check(output.saveFile(OFFilename(QFile::encodeName(temporary).constData()), EXS_LittleEndianExplicit), path,
                     DicomSegText::tr("saving"));
    });
    if (!written)
        return written.error();
    return report;
}

} // namespace delineate
