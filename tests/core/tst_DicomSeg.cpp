// DICOM SEG read and write. Oracles: dcmqi's own label maps of the same SEGs (NRRD, read as plain volumes), DCMTK's
// dcmseg reading our files back, and dciodvfy (dicom3tools) validating them.
#include "TestData.h"
#include "edit/Brush.h"
#include "edit/LabelEdits.h"
#include "edit/SegmentationDocument.h"
#include "image/SegmentTerminology.h"
#include "io/DicomSeg.h"
#include "io/ImageSource.h"
#include "io/SegmentationIO.h"
#include "io/VolumeIO.h"
#include "dicom/DicomScanner.h"
#include "jobs/JobControl.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>

using namespace delineate;

namespace {

LoadedSeries load(const QString& relative)
{
    SimpleJobControl control;
    auto series = loadOneSeries(testing::dataPath(relative), QString(), control);
    if (!series.ok())
        qFatal("cannot load %s: %s", qPrintable(relative), qPrintable(series.error().message));
    return std::move(series.value());
}

// The voxels of `value` on its layer.
std::vector<std::size_t> voxelsOf(const Segmentation& segmentation, uint16_t value)
{
    std::vector<std::size_t> voxels;
    for (std::size_t o = 0; o < segmentation.voxelCount(); ++o)
        if (segmentation.hasLabel(value, o))
            voxels.push_back(o);
    return voxels;
}

// Voxels of a plain label-map volume (dcmqi's NRRD) equal to `value` (any non-zero value when 0).
std::vector<std::size_t> voxelsOf(const Volume& labels, int value)
{
    std::vector<std::size_t> voxels;
    for (std::size_t o = 0; o < labels.voxelCount(); ++o) {
        const double v = labels.valueAt(o);
        if (value == 0 ? v != 0.0 : int(v) == value)
            voxels.push_back(o);
    }
    return voxels;
}

// dciodvfy's errors (its warnings about the source's own attributes are not ours).
QStringList dciodvfyErrors(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("dciodvfy"), {path});
    process.waitForFinished(120000);
    const QString output = QString::fromLocal8Bit(process.readAllStandardError() + process.readAllStandardOutput());
    QStringList errors;
    for (const QString& line : output.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("Error")))
            errors << line;
    return errors;
}

} // namespace

class TestDicomSeg : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dcmqiLiverMatchesItsLabelMap();
    void overlappingSegmentsGoToLayers();
    void ourSegFramesEqualDcmqisBitForBit();
    void vendorSegsMatchTheirLabelMaps_data();
    void vendorSegsMatchTheirLabelMaps();
    void labelMapSegsMatchTheirLabelMaps_data();
    void labelMapSegsMatchTheirLabelMaps();
    void highdicomSegsAreRead_data();
    void highdicomSegsAreRead();
    void fractionalSegIsThresholdedAtHalf();
    void writtenSegRoundTripsAndValidates();
    void regularisedSeriesHasNoPerFrameReferences();
    void aiSegmentsSayResearchUseOnly_data();
    void aiSegmentsSayResearchUseOnly();
    void segOfAnotherSeriesIsRefused();
    void notASegIsRefused();
};

void TestDicomSeg::dcmqiLiverMatchesItsLabelMap()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/liver.dcm");
    const LoadedSeries ct = load(QStringLiteral("dcmqi-seg/ct-3slice"));
    const QString path = testing::dataPath(QStringLiteral("dcmqi-seg/liver.dcm"));
    auto file = readDicomSeg(path, ct);
    QVERIFY2(file.ok(), qPrintable(file.error().message));
    auto segmentation = attachToSeries(*file, ct.volume.geometry(), QStringLiteral("ct-3slice"), false);
    QVERIFY2(segmentation.ok(), qPrintable(segmentation.error().message));
    QCOMPARE(segmentation->labels().size(), 1);
    const LabelEntry& liver = segmentation->labels().at(0);
    QCOMPARE(liver.name, QStringLiteral("Liver"));
    QVERIFY(!liver.meaning.type.isEmpty());
    auto oracle = readVolume(testing::dataPath(QStringLiteral("dcmqi-seg/liver_seg.nrrd")));
    QVERIFY(oracle.ok());
    QVERIFY(oracle->geometry().sameGridAs(ct.volume.geometry(), 1e-3));
    const auto expected = voxelsOf(*oracle, 0);
    QVERIFY(expected.size() > 1000);
    QCOMPARE(voxelsOf(*segmentation, liver.value), expected);
    // The first frame refers to the CT's last instance: order alone would put it on the wrong slice.
    QVERIFY(file->notes.filter(QStringLiteral("positions")).isEmpty());
}

void TestDicomSeg::overlappingSegmentsGoToLayers()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/partial_overlaps.dcm");
    const LoadedSeries ct = load(QStringLiteral("dcmqi-seg/ct-3slice"));
    auto file = readDicomSeg(testing::dataPath(QStringLiteral("dcmqi-seg/partial_overlaps.dcm")), ct);
    QVERIFY2(file.ok(), qPrintable(file.error().message));
    QVERIFY(file->layers.size() > 1);
    QVERIFY(!file->notes.filter(QStringLiteral("layers")).isEmpty());
    auto segmentation = attachToSeries(*file, ct.volume.geometry(), QStringLiteral("ct-3slice"), false);
    QVERIFY2(segmentation.ok(), qPrintable(segmentation.error().message));
    QCOMPARE(segmentation->labels().size(), 5);
    // dcmqi's oracle: three label maps, each holding segments that do not overlap (1, 4, 5 / 2 / 3).
    int segmentsSeen = 0;
    for (int n = 1; n <= 3; ++n) {
        auto oracle = readVolume(testing::dataPath(QStringLiteral("dcmqi-seg/partial_overlaps-%1.nrrd").arg(n)));
        QVERIFY(oracle.ok());
        QVERIFY(oracle->geometry().sameGridAs(ct.volume.geometry(), 1e-3));
        for (int value = 1; value <= 5; ++value) {
            const auto expected = voxelsOf(*oracle, value);
            if (expected.empty())
                continue;
            ++segmentsSeen;
            QCOMPARE(voxelsOf(*segmentation, uint16_t(value)), expected);
        }
    }
    QCOMPARE(segmentsSeen, 5);
    // Segments that overlap lie on different layers.
    QVERIFY(segmentation->labels().find(1)->layer != segmentation->labels().find(2)->layer);
}

// dcmqi's liver_seg.nrrd written as a SEG here: each frame equals, bit for bit, the frame of dcmqi's own liver.dcm
// that references the same source instance.
void TestDicomSeg::ourSegFramesEqualDcmqisBitForBit()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/liver.dcm");
    const LoadedSeries ct = load(QStringLiteral("dcmqi-seg/ct-3slice"));
    auto mask = readSegmentationFile(testing::dataPath(QStringLiteral("dcmqi-seg/liver_seg.nrrd")));
    QVERIFY(mask.ok());
    auto segmentation = attachToSeries(*mask, ct.volume.geometry(), QStringLiteral("ct-3slice"), false);
    QVERIFY(segmentation.ok());
    QTemporaryDir dir;
    const QString ours = dir.filePath(QStringLiteral("ours.dcm"));
    QVERIFY(writeDicomSeg(*segmentation, ct, ours).ok());
    // Unpacked frames by referenced SOP instance, read with DCMTK from both files.
    const auto framesOf = [](const QString& path) {
        std::map<QString, std::vector<uint8_t>> frames;
        DcmSegmentation* seg = nullptr;
        if (DcmSegmentation::loadFile(OFString(QFile::encodeName(path).constData()), seg).bad())
            return frames;
        std::unique_ptr<DcmSegmentation> owner(seg);
        DcmFileFormat raw;
        raw.loadFile(QFile::encodeName(path).constData());
        DcmSequenceOfItems* perFrame = nullptr;
        raw.getDataset()->findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame);
        Uint16 rows = 0, columns = 0;
        raw.getDataset()->findAndGetUint16(DCM_Rows, rows);
        raw.getDataset()->findAndGetUint16(DCM_Columns, columns);
        for (size_t f = 0; f < seg->getNumberOfFrames(); ++f) {
            DcmItem* derivation = nullptr;
            DcmItem* source = nullptr;
            OFString uid;
            if (perFrame->getItem(unsigned(f))->findAndGetSequenceItem(DCM_DerivationImageSequence, derivation).bad() ||
                derivation->findAndGetSequenceItem(DCM_SourceImageSequence, source).bad() ||
                source->findAndGetOFString(DCM_ReferencedSOPInstanceUID, uid).bad())
                continue;
            const DcmIODTypes::Frame* frame = seg->getFrame(f);
            std::vector<uint8_t> bits(std::size_t(rows) * columns);
            for (std::size_t p = 0; p < bits.size(); ++p)
                bits[p] = (frame->pixData[p / 8] >> (p % 8)) & 1u;
            frames[QString::fromLatin1(uid.c_str())] = bits;
        }
        return frames;
    };
    const auto theirs = framesOf(testing::dataPath(QStringLiteral("dcmqi-seg/liver.dcm")));
    const auto mine = framesOf(ours);
    QVERIFY(!theirs.empty());
    QCOMPARE(mine.size(), theirs.size());
    for (const auto& [uid, bits] : theirs) {
        QVERIFY2(mine.count(uid), qPrintable(uid));
        QVERIFY2(mine.at(uid) == bits, qPrintable(QStringLiteral("frame of %1 differs").arg(uid)));
    }
}

void TestDicomSeg::vendorSegsMatchTheirLabelMaps_data()
{
    QTest::addColumn<QString>("folder");
    QTest::newRow("23x38x3") << "dcmqi-seg/23x38x3";
    QTest::newRow("24x38x3") << "dcmqi-seg/24x38x3";
}

// The SEGs written by another vendor beside dcmqi's test series, against the label maps of the same folders.
void TestDicomSeg::vendorSegsMatchTheirLabelMaps()
{
    QFETCH(QString, folder);
    DELINEATE_REQUIRE_DATA(folder + QStringLiteral("/seg/label.seg"));
    const LoadedSeries image = load(folder + QStringLiteral("/image"));
    auto file = readDicomSeg(testing::dataPath(folder + QStringLiteral("/seg/label.seg")), image);
    QVERIFY2(file.ok(), qPrintable(file.error().message));
    auto segmentation = attachToSeries(*file, image.volume.geometry(), folder, false);
    QVERIFY2(segmentation.ok(), qPrintable(segmentation.error().message));
    auto oracle = readVolume(testing::dataPath(folder + QStringLiteral("/nrrd/label.nrrd")));
    QVERIFY(oracle.ok());
    QVERIFY(oracle->geometry().sameGridAs(image.volume.geometry(), 1e-3));
    std::set<int> values;
    for (std::size_t o = 0; o < oracle->voxelCount(); ++o)
        if (oracle->valueAt(o) != 0.0)
            values.insert(int(oracle->valueAt(o)));
    QVERIFY(!values.empty());
    QCOMPARE(int(values.size()), segmentation->labels().size());
    for (int v : values)
        QCOMPARE(voxelsOf(*segmentation, uint16_t(v)), voxelsOf(*oracle, v));
}

void TestDicomSeg::labelMapSegsMatchTheirLabelMaps_data()
{
    QTest::addColumn<QString>("seg");
    QTest::addColumn<QString>("nrrd");
    QTest::newRow("no plane positions") << "sparse-labelmap-noppv.dcm" << "sparse_labelmap_noppv_seg.nrrd";
    QTest::newRow("plane positions") << "sparse-labelmap-ppv5.dcm" << "sparse_labelmap_ppv5_seg.nrrd";
}

void TestDicomSeg::labelMapSegsMatchTheirLabelMaps()
{
    QFETCH(QString, seg);
    QFETCH(QString, nrrd);
    DELINEATE_REQUIRE_DATA("dcmqi-seg/" + seg);
    const LoadedSeries image = load(QStringLiteral("dcmqi-seg/24x38x3/image"));
    auto file = readDicomSeg(testing::dataPath(QStringLiteral("dcmqi-seg/") + seg), image);
    QVERIFY2(file.ok(), qPrintable(file.error().message));
    auto segmentation = attachToSeries(*file, image.volume.geometry(), QStringLiteral("24x38x3"), false);
    QVERIFY2(segmentation.ok(), qPrintable(segmentation.error().message));
    auto oracle = readVolume(testing::dataPath(QStringLiteral("dcmqi-seg/") + nrrd));
    QVERIFY(oracle.ok());
    QVERIFY(oracle->geometry().sameGridAs(image.volume.geometry(), 1e-3));
    QVERIFY(!segmentation->labels().isEmpty());
    // dcmqi fills slices without a frame with the SEG's PixelPaddingValue; for Delineate they are background.
    DcmFileFormat raw;
    QVERIFY(raw.loadFile(QFile::encodeName(testing::dataPath(QStringLiteral("dcmqi-seg/") + seg)).constData()).good());
    Uint16 padding = 0;
    const bool hasPadding = raw.getDataset()->findAndGetUint16(DCM_PixelPaddingValue, padding).good();
    std::size_t painted = 0;
    for (std::size_t o = 0; o < oracle->voxelCount(); ++o) {
        const int expected = hasPadding && int(oracle->valueAt(o)) == padding ? 0 : int(oracle->valueAt(o));
        QCOMPARE(int(segmentation->labelAt(0, o)), expected);
        painted += oracle->valueAt(o) != 0.0 ? 1 : 0;
    }
    QVERIFY(painted > 0);
}

void TestDicomSeg::highdicomSegsAreRead_data()
{
    QTest::addColumn<QString>("seg");
    QTest::addColumn<QString>("series");
    const QString pydicom = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/");
    QTest::newRow("ct binary") << "seg_image_ct_binary.dcm" << pydicom + "dicomdirtests/77654033/CT2";
    QTest::newRow("ct overlap") << "seg_image_ct_binary_overlap.dcm" << pydicom + "dicomdirtests/77654033/CT2";
    QTest::newRow("ct single frame") << "seg_image_ct_binary_single_frame.dcm" << QString();
    QTest::newRow("cr binary") << "seg_image_cr_binary.dcm" << pydicom + "dicomdirtests/77654033/CR1";
}

// The oracle: DCMTK's dcmseg reads the same SEG; each of its frames, unpacked by DCMTK, must appear on the slice
// whose source instance the frame references.
void TestDicomSeg::highdicomSegsAreRead()
{
    QFETCH(QString, seg);
    QFETCH(QString, series);
    DELINEATE_REQUIRE_DATA("highdicom-seg/" + seg);
    const QString seriesPath = series.isEmpty() ? testing::dataPath(QStringLiteral("highdicom-seg/ct_image.dcm")) : series;
    if (!QFileInfo::exists(seriesPath))
        QSKIP("python3-pydicom's test files are not installed");
    // Unregularised, so that slice k is source frame k (CT2's slices are unevenly spaced).
    SimpleJobControl control;
    auto scan = scanDicom(seriesPath, control);
    QVERIFY(scan.ok() && !scan->allSeries().isEmpty());
    SeriesLoadOptions asAcquired;
    asAcquired.regularise = false;
    auto source = loadSeries(scan->allSeries().first(), control, asAcquired);
    QVERIFY2(source.ok(), qPrintable(source.error().message));
    const QString path = testing::dataPath(QStringLiteral("highdicom-seg/") + seg);
    auto file = readDicomSeg(path, *source);
    QVERIFY2(file.ok(), qPrintable(file.error().message));
    auto segmentation = attachToSeries(*file, source->volume.geometry(), QStringLiteral("source"), false);
    QVERIFY2(segmentation.ok(), qPrintable(segmentation.error().message));

    DcmSegmentation* reference = nullptr;
    QVERIFY(DcmSegmentation::loadFile(OFString(QFile::encodeName(path).constData()), reference).good());
    std::unique_ptr<DcmSegmentation> owner(reference);
    QCOMPARE(segmentation->labels().size(), int(reference->getNumberOfSegments()));
    DcmFileFormat raw;
    QVERIFY(raw.loadFile(QFile::encodeName(path).constData()).good());
    DcmSequenceOfItems* perFrame = nullptr;
    QVERIFY(raw.getDataset()->findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame).good());
    const auto& size = source->volume.geometry().size();
    const std::size_t sliceVoxels = std::size_t(size[0] * size[1]);
    std::size_t checked = 0;
    for (std::size_t n = 1; n <= reference->getNumberOfSegments(); ++n) {
        OFVector<size_t> frames;
        reference->getFramesForSegment(n, frames);
        std::vector<std::size_t> expected;
        for (size_t f : frames) {
            OFString uid;
            DcmItem* derivation = nullptr;
            DcmItem* sourceImage = nullptr;
            QVERIFY(perFrame->getItem(unsigned(f))->findAndGetSequenceItem(DCM_DerivationImageSequence, derivation).good());
            QVERIFY(derivation->findAndGetSequenceItem(DCM_SourceImageSequence, sourceImage).good());
            QVERIFY(sourceImage->findAndGetOFString(DCM_ReferencedSOPInstanceUID, uid).good());
            int slice = -1;
            for (int k = 0; k < source->sourceFrames.size(); ++k)
                if (source->sourceFrames[k].sopInstanceUid == QString::fromLatin1(uid.c_str()))
                    slice = k;
            QVERIFY(slice >= 0);
            const DcmIODTypes::Frame* frame = reference->getFrame(f);
            QVERIFY(frame);
            // dcmseg keeps binary frames packed, bit 0 first, each frame starting on a byte.
            for (std::size_t p = 0; p < sliceVoxels; ++p)
                if ((frame->pixData[p / 8] >> (p % 8)) & 1u)
                    expected.push_back(std::size_t(slice) * sliceVoxels + p);
        }
        std::sort(expected.begin(), expected.end());
        expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
        QVERIFY(!expected.empty());
        QCOMPARE(voxelsOf(*segmentation, uint16_t(n)), expected);
        checked += expected.size();
    }
    QVERIFY(checked > 0);

    // The same SEG on the series as the viewer opens it, regularised: resampled by nearest neighbour, and the first
    // slice, where the two grids coincide, unchanged.
    auto regular = loadOneSeries(seriesPath, QString(), control);
    QVERIFY(regular.ok());
    if (regular->geometry.regularised) {
        auto onRegular = readDicomSeg(path, *regular);
        QVERIFY2(onRegular.ok(), qPrintable(onRegular.error().message));
        QVERIFY(!onRegular->notes.filter(QStringLiteral("resampled")).isEmpty());
        auto resampled = attachToSeries(*onRegular, regular->volume.geometry(), QStringLiteral("regular"), false);
        QVERIFY(resampled.ok());
        QCOMPARE(regular->volume.geometry().size()[0], size[0]);
        for (std::size_t n = 1; n <= reference->getNumberOfSegments(); ++n) {
            auto firstSlice = [&](const Segmentation& s) {
                std::vector<std::size_t> voxels;
                for (std::size_t o = 0; o < sliceVoxels; ++o)
                    if (s.hasLabel(uint16_t(n), o))
                        voxels.push_back(o);
                return voxels;
            };
            QCOMPARE(firstSlice(*resampled), firstSlice(*segmentation));
        }
    }
}

void TestDicomSeg::fractionalSegIsThresholdedAtHalf()
{
    DELINEATE_REQUIRE_DATA("highdicom-seg/seg_image_ct_true_fractional.dcm");
    const QString seriesPath = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/dicomdirtests/77654033/CT2");
    if (!QFileInfo::exists(seriesPath))
        QSKIP("python3-pydicom's test files are not installed");
    SimpleJobControl control;
    auto scan = scanDicom(seriesPath, control);
    QVERIFY(scan.ok() && !scan->allSeries().isEmpty());
    SeriesLoadOptions asAcquired; // every frame on its own slice
    asAcquired.regularise = false;
    auto source = loadSeries(scan->allSeries().first(), control, asAcquired);
    QVERIFY(source.ok());
    const QString path = testing::dataPath(QStringLiteral("highdicom-seg/seg_image_ct_true_fractional.dcm"));
    auto file = readDicomSeg(path, *source);
    QVERIFY2(file.ok(), qPrintable(file.error().message));
    QVERIFY(!file->notes.filter(QStringLiteral("fractional")).isEmpty());
    // Oracle: the raw 8-bit frame values (DCMTK), at least half of MaximumFractionalValue.
    DcmFileFormat raw;
    QVERIFY(raw.loadFile(QFile::encodeName(path).constData()).good());
    const Uint8* values = nullptr;
    unsigned long count = 0;
    QVERIFY(raw.getDataset()->findAndGetUint8Array(DCM_PixelData, values, &count).good());
    Uint16 maximum = 0;
    QVERIFY(raw.getDataset()->findAndGetUint16(DCM_MaximumFractionalValue, maximum).good());
    std::size_t expected = 0, partial = 0;
    for (unsigned long i = 0; i < count; ++i) {
        expected += 2u * values[i] >= maximum ? 1 : 0;
        partial += values[i] > 0 && values[i] < maximum ? 1 : 0;
    }
    QVERIFY(partial > 0); // truly fractional
    std::size_t got = 0;
    for (const LabelLayer& layer : file->layers)
        for (std::size_t o = 0; o < layer.voxelCount(); ++o)
            got += layer.at(o) != 0 ? 1 : 0;
    QCOMPARE(got, expected);
}

void TestDicomSeg::writtenSegRoundTripsAndValidates()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    const LoadedSeries ct = load(QStringLiteral("dcmqi-seg/ct-3slice"));
    // Two labels that overlap (two layers), one AI-made, one with a coded meaning.
    SegmentationDocument document(Segmentation(ct.volume.geometry()));
    document.beginEdit(EditKind::Manual, QString());
    const int second = document.addLayer();
    LabelTable table;
    LabelEntry liver = table.makeEntry(1);
    liver.name = QStringLiteral("Liver");
    liver.colour = 0xdd8844;
    liver.meaning = guessSegmentMeaning(liver.name);
    table.set(liver);
    LabelEntry lesion = table.makeEntry(7);
    lesion.name = QStringLiteral("Lesion");
    lesion.colour = 0x30c060;
    lesion.layer = second;
    lesion.algorithm = SegmentAlgorithm::Automatic;
    lesion.algorithmName = QStringLiteral("U-Net liver 1.2");
    table.set(lesion);
    document.setLabelTableInEdit(table);
    BrushSettings brush;
    brush.label = 1;
    brush.radius = 30.0;
    paintDab(document, brush, {200, 260, 1});
    brush.label = 7;
    brush.radius = 10.0;
    brush.shape = BrushShape::Sphere;
    paintLine(document, brush, {210, 260, 0}, {210, 262, 2});
    paintDab(document, brush, {210, 260, 0});
    QVERIFY(document.commitEdit().ok());
    const Segmentation& original = document.segmentation();
    QVERIFY(original.labelVoxelCount(1) > 0 && original.labelVoxelCount(7) > 0);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("seg.dcm"));
    auto report = writeDicomSeg(original, ct, path);
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->segments, 2);
    QVERIFY(report->perFrameSourceReferences);
    if (!QStandardPaths::findExecutable(QStringLiteral("dciodvfy")).isEmpty()) {
        const QStringList errors = dciodvfyErrors(path);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    } else if (testing::runningInCi()) {
        QFAIL("dciodvfy (dicom3tools) is missing");
    }
    // DCMTK reads it back: two segments, MANUAL and AUTOMATIC with the model's name.
    DcmSegmentation* reference = nullptr;
    QVERIFY(DcmSegmentation::loadFile(OFString(QFile::encodeName(path).constData()), reference).good());
    std::unique_ptr<DcmSegmentation> owner(reference);
    QCOMPARE(reference->getNumberOfSegments(), size_t(2));
    QCOMPARE(reference->getSegment(1)->getSegmentAlgorithmType(), DcmSegTypes::SAT_MANUAL);
    // Painting by hand on the AI's label made it semi-automatic; the SEG says so, with the model's name.
    QCOMPARE(original.labels().find(7)->algorithm, SegmentAlgorithm::SemiAutomatic);
    QCOMPARE(reference->getSegment(2)->getSegmentAlgorithmType(), DcmSegTypes::SAT_SEMIAUTOMATIC);
    OFString algorithm, category, type;
    reference->getSegment(2)->getSegmentAlgorithmName(algorithm);
    QCOMPARE(QString::fromLatin1(algorithm.c_str()), QStringLiteral("U-Net liver 1.2"));
    reference->getSegment(1)->getSegmentedPropertyTypeCode().getCodeValue(type);
    QCOMPARE(QString::fromLatin1(type.c_str()), QStringLiteral("10200004"));
    // Only frames with voxels: the liver disc lies on one slice, the lesion stroke on three.
    QCOMPARE(reference->getNumberOfFrames(), size_t(report->frames));
    QCOMPARE(report->frames, 4);

    auto file = readDicomSeg(path, ct);
    QVERIFY2(file.ok(), qPrintable(file.error().message));
    auto back = attachToSeries(*file, ct.volume.geometry(), QStringLiteral("ct-3slice"), false);
    QVERIFY2(back.ok(), qPrintable(back.error().message));
    QCOMPARE(back->labels().size(), 2);
    const LabelEntry* liverBack = back->labels().find(1);
    const LabelEntry* lesionBack = back->labels().find(2); // renumbered: segments count from 1
    QVERIFY(liverBack && lesionBack);
    QCOMPARE(liverBack->name, QStringLiteral("Liver"));
    QCOMPARE(liverBack->meaning.type.code, QStringLiteral("10200004"));
    QCOMPARE(liverBack->meaning.category.scheme, QStringLiteral("SCT"));
    QCOMPARE(lesionBack->algorithm, SegmentAlgorithm::SemiAutomatic);
    QCOMPARE(lesionBack->algorithmName, QStringLiteral("U-Net liver 1.2"));
    for (int c = 0; c < 3; ++c) // CIELab and back: within one step
        QVERIFY(std::abs(int((liverBack->colour >> (8 * c)) & 0xff) - int((liver.colour >> (8 * c)) & 0xff)) <= 1);
    QCOMPARE(voxelsOf(*back, 1), voxelsOf(original, 1));
    QCOMPARE(voxelsOf(*back, 2), voxelsOf(original, 7));
}

void TestDicomSeg::regularisedSeriesHasNoPerFrameReferences()
{
    DELINEATE_REQUIRE_DATA("dcm_qa_ct/In/GE");
    const LoadedSeries tilted = load(QStringLiteral("dcm_qa_ct/In/GE"));
    QVERIFY(tilted.geometry.regularised);
    SegmentationDocument document(Segmentation(tilted.volume.geometry()));
    BrushSettings brush;
    brush.label = 1;
    brush.radius = 20.0;
    brush.shape = BrushShape::Sphere;
    const auto& size = tilted.volume.geometry().size();
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, brush, {double(size[0] / 2), double(size[1] / 2), double(size[2] / 2)});
    document.commitEdit();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tilted.dcm"));
    auto report = writeDicomSeg(document.segmentation(), tilted, path);
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QVERIFY(!report->perFrameSourceReferences);
    QVERIFY(!report->notes.filter(QStringLiteral("regularised")).isEmpty());
    DcmFileFormat raw;
    QVERIFY(raw.loadFile(QFile::encodeName(path).constData()).good());
    DcmSequenceOfItems* perFrame = nullptr;
    QVERIFY(raw.getDataset()->findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame).good());
    QVERIFY(perFrame->card() > 0);
    for (unsigned long f = 0; f < perFrame->card(); ++f) {
        DcmItem* item = perFrame->getItem(f);
        QVERIFY(!item->tagExists(DCM_DerivationImageSequence));
        QVERIFY(item->tagExists(DCM_PlanePositionSequence));
    }
    OFString frameOfReference;
    QVERIFY(raw.getDataset()->findAndGetOFString(DCM_FrameOfReferenceUID, frameOfReference).good() && !frameOfReference.empty());
    if (!QStandardPaths::findExecutable(QStringLiteral("dciodvfy")).isEmpty()) {
        const QStringList errors = dciodvfyErrors(path);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    }
    auto file = readDicomSeg(path, tilted);
    QVERIFY2(file.ok(), qPrintable(file.error().message));
    auto back = attachToSeries(*file, tilted.volume.geometry(), QStringLiteral("GE"), false);
    QVERIFY(back.ok());
    QCOMPARE(voxelsOf(*back, 1), voxelsOf(document.segmentation(), 1));
}

void TestDicomSeg::aiSegmentsSayResearchUseOnly_data()
{
    QTest::addColumn<int>("algorithm"); // SegmentAlgorithm of the second label
    QTest::addColumn<QString>("model");
    QTest::newRow("manual only") << int(SegmentAlgorithm::Manual) << QString();
    QTest::newRow("AI, short name") << int(SegmentAlgorithm::Automatic) << QStringLiteral("U-Net");
    // Too long for Content Description (64 characters) with the sentence: the whole text goes to Image Comments.
    QTest::newRow("AI, long name") << int(SegmentAlgorithm::Automatic) << QStringLiteral("Brain mask (T1 MRI) 2.3.1");
    QTest::newRow("edited AI, no name") << int(SegmentAlgorithm::SemiAutomatic) << QString();
}

void TestDicomSeg::aiSegmentsSayResearchUseOnly()
{
    QFETCH(int, algorithm);
    QFETCH(QString, model);
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    const LoadedSeries ct = load(QStringLiteral("dcmqi-seg/ct-3slice"));
    SegmentationDocument document(Segmentation(ct.volume.geometry()));
    document.beginEdit(EditKind::Ai, QString()); // an AI edit: the AI label stays as made
    LabelTable table;
    table.set(table.makeEntry(1));
    LabelEntry second = table.makeEntry(2);
    second.algorithm = SegmentAlgorithm(algorithm);
    second.algorithmName = model;
    table.set(second);
    document.setLabelTableInEdit(table);
    document.setVoxel(0, 1000, 1);
    document.setVoxel(0, 2000, 2);
    QVERIFY(document.commitEdit().ok());
    const Segmentation& segmentation = document.segmentation();
    QCOMPARE(segmentation.labels().find(2)->algorithm, SegmentAlgorithm(algorithm));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("seg.dcm"));
    auto report = writeDicomSeg(segmentation, ct, path);
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->segments, 2);

    DcmFileFormat raw;
    QVERIFY(raw.loadFile(QFile::encodeName(path).constData()).good());
    OFString content, comments;
    QVERIFY(raw.getDataset()->findAndGetOFString(DCM_ContentDescription, content).good());
    raw.getDataset()->findAndGetOFStringArray(DCM_ImageComments, comments);
    const QString contentText = QString::fromUtf8(content.c_str());
    const QString commentText = QString::fromUtf8(comments.c_str());
    QVERIFY(contentText.size() <= 64);
    const QString notForDiagnosis = QStringLiteral("research use, not for diagnosis");
    if (SegmentAlgorithm(algorithm) == SegmentAlgorithm::Manual) {
        QVERIFY2(!contentText.contains(notForDiagnosis), qPrintable(contentText));
        QVERIFY2(commentText.isEmpty(), qPrintable(commentText));
    } else {
        QVERIFY2(contentText.contains(notForDiagnosis), qPrintable(contentText));
        // The model's name where it fits, and in Image Comments always (unless it has none).
        QVERIFY2(commentText.contains(notForDiagnosis), qPrintable(commentText));
        QVERIFY2(commentText.contains(model), qPrintable(commentText));
        if (QStringLiteral("Contains AI results (%1): %2.").arg(model, notForDiagnosis).size() <= 64)
            QVERIFY2(contentText.contains(model), qPrintable(contentText));
    }
    if (!QStandardPaths::findExecutable(QStringLiteral("dciodvfy")).isEmpty()) {
        const QStringList errors = dciodvfyErrors(path);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    }
}

void TestDicomSeg::segOfAnotherSeriesIsRefused()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/liver.dcm");
    const LoadedSeries other = load(QStringLiteral("dcmqi-seg/24x38x3/image"));
    const QString path = testing::dataPath(QStringLiteral("dcmqi-seg/liver.dcm"));
    auto file = readDicomSeg(path, other);
    QVERIFY(!file.ok());
    QVERIFY2(file.error().message.contains(path) && file.error().message.contains(QLatin1String("refers to")),
             qPrintable(file.error().message));
}

void TestDicomSeg::notASegIsRefused()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    const LoadedSeries ct = load(QStringLiteral("dcmqi-seg/ct-3slice"));
    const QString path = testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice/01.dcm"));
    auto file = readDicomSeg(path, ct);
    QVERIFY(!file.ok());
    QVERIFY2(file.error().message.contains(path) && file.error().message.contains(QLatin1String("not a DICOM segmentation")),
             qPrintable(file.error().message));
}

QTEST_GUILESS_MAIN(TestDicomSeg)
#include "tst_DicomSeg.moc"
