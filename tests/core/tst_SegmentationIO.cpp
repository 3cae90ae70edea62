// Label files: NIfTI with its JSON sidecar and NRRD with Slicer-style fields keep names, colours, locks, layers and
// coded meanings; uint16 labels and overlapping layers survive; a mask is attached to a series only when it lies on
// the series' grid (dcmqi's liver mask on its CT), and a shifted or re-gridded copy is refused naming both
// geometries, or resampled by nearest neighbour when asked.
#include "TestData.h"

#include "edit/Brush.h"
#include "edit/LabelEdits.h"
#include "edit/SegmentationDocument.h"
#include "image/GeometryMatch.h"
#include "io/ImageSource.h"
#include "io/SegmentationIO.h"
#include "io/VolumeIO.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace delineate;

namespace {

const QString kColin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");

Segmentation paintedSegmentation(const ImageGeometry& grid)
{
    SegmentationDocument document{Segmentation(grid)};
    LabelTable table;
    LabelEntry liver = table.makeEntry(1);
    liver.name = QStringLiteral("Liver");
    liver.colour = 0xdd8844;
    liver.review = ReviewStatus::Completed;
    liver.meaning.category = {QStringLiteral("123037004"), QStringLiteral("SCT"), QStringLiteral("Anatomical Structure")};
    liver.meaning.type = {QStringLiteral("10200004"), QStringLiteral("SCT"), QStringLiteral("Liver")};
    LabelEntry lesion = table.makeEntry(2);
    lesion.name = QStringLiteral("Lesion | with a bar");
    lesion.locked = true;
    lesion.visible = false;
    table.set(liver);
    table.set(lesion);
    document.setLabelTable(table, QString());
    BrushSettings s;
    s.shape = BrushShape::Sphere;
    s.radius = 6.0;
    document.beginEdit(EditKind::Manual, QString());
    s.label = 1;
    paintDab(document, s, {60, 70, 80});
    document.commitEdit();
    // Label 2 is locked: unlock, paint, lock again.
    LabelEntry open = *document.labels().find(2);
    open.locked = false;
    table.set(open);
    document.setLabelTable(table, QString());
    document.beginEdit(EditKind::Manual, QString());
    s.label = 2;
    s.radius = 3.0;
    paintDab(document, s, {64, 70, 80});
    document.commitEdit();
    open.locked = true;
    table.set(open);
    document.setLabelTable(table, QString());
    setSlicesReviewed(document, 2, 75, 85, true);
    setSlicesReviewed(document, 0, 60, 60, true);
    return document.segmentation();
}

bool sameVoxels(const Segmentation& a, const Segmentation& b)
{
    if (a.layerCount() != b.layerCount() || a.voxelCount() != b.voxelCount())
        return false;
    for (int l = 0; l < a.layerCount(); ++l)
        for (std::size_t o = 0; o < a.voxelCount(); ++o)
            if (a.labelAt(l, o) != b.labelAt(l, o))
                return false;
    return true;
}

} // namespace

class TestSegmentationIO : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTripKeepsLabelsAndVoxels_data();
    void roundTripKeepsLabelsAndVoxels();
    void nrrdFieldsFollowSlicersConvention();
    void aiSegmentsAreLabelledResearchUse();
    void wideLabelsAndLayersRoundTrip();
    void dcmqiMaskAttachesToItsSeries();
    void shiftedOrRegriddedMaskIsRefused_data();
    void shiftedOrRegriddedMaskIsRefused();
    void resampleOntoSeriesIsNearestNeighbour();
    void notALabelMapIsRefused();

private:
    ImageGeometry m_colin;
    QTemporaryDir m_dir;
};

void TestSegmentationIO::initTestCase()
{
    DELINEATE_REQUIRE_PACKAGED(kColin);
    auto colin = readVolume(kColin);
    QVERIFY(colin.ok());
    m_colin = colin->geometry();
    QVERIFY(m_dir.isValid());
}

void TestSegmentationIO::roundTripKeepsLabelsAndVoxels_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("nifti gz") << "mask.nii.gz";
    QTest::newRow("nifti") << "mask.nii";
    QTest::newRow("slicer seg.nrrd") << "mask.seg.nrrd";
    QTest::newRow("mha") << "mask.mha";
}

void TestSegmentationIO::roundTripKeepsLabelsAndVoxels()
{
    QFETCH(QString, name);
    const Segmentation original = paintedSegmentation(m_colin);
    const QString path = m_dir.filePath(name);
    auto written = writeSegmentationFile(original, path);
    QVERIFY2(written.ok(), qPrintable(written.error().message));
    auto file = readSegmentationFile(path);
    QVERIFY2(file.ok(), qPrintable(file.error().message));
    QVERIFY(file->geometry.sameGridAs(m_colin, 1e-6));
    auto attached = attachToSeries(*file, m_colin, QStringLiteral("Colin 27"), false);
    QVERIFY2(attached.ok(), qPrintable(attached.error().message));
    QVERIFY(sameVoxels(*attached, original));
    QCOMPARE(attached->labels().size(), 2);
    const LabelEntry* liver = attached->labels().find(1);
    const LabelEntry* lesion = attached->labels().find(2);
    QCOMPARE(liver->name, QStringLiteral("Liver"));
    QCOMPARE(liver->colour, 0xdd8844u);
    QCOMPARE(liver->review, ReviewStatus::Completed);
    QCOMPARE(liver->meaning.type.code, QStringLiteral("10200004"));
    QCOMPARE(liver->meaning.type.scheme, QStringLiteral("SCT"));
    QCOMPARE(liver->meaning.category.meaning, QStringLiteral("Anatomical Structure"));
    QCOMPARE(lesion->locked, true);
    QCOMPARE(lesion->visible, false);
    if (!name.endsWith(QLatin1String(".nrrd")))
        QVERIFY(QFile::exists(labelSidecarPath(path)));
    QCOMPARE(lesion->name, QStringLiteral("Lesion | with a bar"));
    // The reviewed slices come back on the same axes.
    std::vector<int64_t> expectedK;
    for (int64_t k = 75; k <= 85; ++k)
        expectedK.push_back(k);
    QCOMPARE(attached->reviewedSlices().slices(2), expectedK);
    QCOMPARE(attached->reviewedSlices().slices(0), std::vector<int64_t>{60});
    QCOMPARE(attached->reviewedSlices().count(1), int64_t(0));
    QVERIFY(attached->reviewedSlices() == original.reviewedSlices());
}

void TestSegmentationIO::nrrdFieldsFollowSlicersConvention()
{
    const QString path = m_dir.filePath(QStringLiteral("fields.seg.nrrd"));
    QVERIFY(writeSegmentationFile(paintedSegmentation(m_colin), path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    // The header is text up to the first blank line.
    const QByteArray bytes = file.readAll();
    const QByteArray header = bytes.left(bytes.indexOf("\n\n"));
    for (const char* line : {"Segment0_Name:=Liver", "Segment0_LabelValue:=1", "Segment0_Layer:=0",
                             "Segment1_LabelValue:=2", "Segmentation_MasterRepresentation:=Binary labelmap",
                             "Segment0_Extent:=0 180 0 216 0 180"})
        QVERIFY2(header.contains(line), line);
    QVERIFY(header.contains("Segmentation.Status:completed"));
    QVERIFY(header.contains("Delineate.Locked:1"));
    QVERIFY(header.contains("SCT^10200004^Liver"));
    QVERIFY(header.contains("Delineate_ReviewedSlices:=i:60;k:75-85"));
    QVERIFY(!header.contains("Delineate_Description")); // no AI segment: nothing to say
    // Slicer's colours are three floats in [0, 1]: 0xdd8844 -> 0.866667 0.533333 0.266667.
    QVERIFY2(header.contains("Segment0_Color:=0.866667 0.533333 0.266667"), header.constData());
}

void TestSegmentationIO::aiSegmentsAreLabelledResearchUse()
{
    Segmentation s = paintedSegmentation(m_colin);
    LabelTable table = s.labels();
    LabelEntry liver = *table.find(1);
    liver.algorithm = SegmentAlgorithm::Automatic;
    liver.algorithmName = QStringLiteral("Liver net 2026-11");
    table.set(liver);
    auto withAi = Segmentation::fromLayers(m_colin, {s.layer(0)}, table);
    QVERIFY(withAi.ok());
    for (const QString name : {QStringLiteral("ai.seg.nrrd"), QStringLiteral("ai.nii.gz")}) {
        const QString path = m_dir.filePath(name);
        QVERIFY(writeSegmentationFile(*withAi, path).ok());
        QFile file(name.endsWith(QLatin1String(".nrrd")) ? path : labelSidecarPath(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll().left(20000);
        QVERIFY2(bytes.contains("research use, not for diagnosis") && bytes.contains("Liver net 2026-11"), name.toUtf8());
        auto back = readSegmentationFile(path);
        QVERIFY(back.ok());
        QCOMPARE(back->labels.find(1)->algorithm, SegmentAlgorithm::Automatic);
        QCOMPARE(back->labels.find(1)->algorithmName, QStringLiteral("Liver net 2026-11"));
    }
}

void TestSegmentationIO::wideLabelsAndLayersRoundTrip()
{
    // Two overlapping labels on two layers, one of them above 255.
    SegmentationDocument document{Segmentation(m_colin)};
    document.beginEdit(EditKind::Manual, QString());
    const int second = document.addLayer();
    LabelTable table;
    LabelEntry a = table.makeEntry(300);
    a.name = QStringLiteral("Wide");
    LabelEntry b = table.makeEntry(5);
    b.layer = second;
    table.set(a);
    table.set(b);
    document.setLabelTableInEdit(table);
    BrushSettings s;
    s.shape = BrushShape::Sphere;
    s.radius = 5.0;
    s.label = 300;
    paintDab(document, s, {90, 100, 90});
    s.label = 5;
    paintDab(document, s, {93, 100, 90});
    QVERIFY(document.commitEdit().ok());
    QVERIFY(document.segmentation().layer(0).isWide());
    QVERIFY(document.segmentation().hasLabel(300, std::size_t(91 + 181 * (100 + 217 * 90))));
    QVERIFY(document.segmentation().hasLabel(5, std::size_t(91 + 181 * (100 + 217 * 90)))); // overlap kept

    for (const QString name : {QStringLiteral("layers.nii.gz"), QStringLiteral("layers.seg.nrrd")}) {
        const QString path = m_dir.filePath(name);
        auto written = writeSegmentationFile(document.segmentation(), path);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        auto file = readSegmentationFile(path);
        QVERIFY2(file.ok(), qPrintable(file.error().message));
        QCOMPARE(int(file->layers.size()), 2);
        auto attached = attachToSeries(*file, m_colin, QStringLiteral("Colin 27"), false);
        QVERIFY(attached.ok());
        QVERIFY(sameVoxels(*attached, document.segmentation()));
        QCOMPARE(attached->labels().layerOf(5), 1);
        QCOMPARE(attached->labels().find(300)->name, QStringLiteral("Wide"));
    }
}

void TestSegmentationIO::dcmqiMaskAttachesToItsSeries()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    SimpleJobControl control;
    auto ct = loadOneSeries(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")), QString(), control);
    QVERIFY(ct.ok());
    const QString maskPath = testing::dataPath(QStringLiteral("dcmqi-seg/liver_seg.nrrd"));
    auto file = readSegmentationFile(maskPath);
    QVERIFY2(file.ok(), qPrintable(file.error().message));
    auto attached = attachToSeries(*file, ct->volume.geometry(), QStringLiteral("ct-3slice"), false);
    QVERIFY2(attached.ok(), qPrintable(attached.error().message));
    // The oracle: the same file read as a plain volume.
    auto plain = readVolume(maskPath);
    QVERIFY(plain.ok());
    std::size_t liver = 0;
    for (std::size_t o = 0; o < plain->voxelCount(); ++o) {
        QCOMPARE(int(attached->labelAt(0, o)), int(plain->valueAt(o)));
        liver += plain->valueAt(o) != 0 ? 1 : 0;
    }
    QVERIFY(liver > 1000);
}

void TestSegmentationIO::shiftedOrRegriddedMaskIsRefused_data()
{
    QTest::addColumn<double>("shiftVoxels");  // along i
    QTest::addColumn<double>("spacingScale"); // of i and j
    QTest::addColumn<double>("rotation");     // radians about the k axis, through the grid's centre
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("reason");      // said in the refusal
    QTest::newRow("same grid") << 0.0 << 1.0 << 0.0 << true << QString();
    QTest::newRow("0.5 % of a voxel off") << 0.005 << 1.0 << 0.0 << true << QString();
    QTest::newRow("half a voxel off") << 0.5 << 1.0 << 0.0 << false << "1 % of a voxel";
    QTest::newRow("2 % of a voxel off") << 0.02 << 1.0 << 0.0 << false << "1 % of a voxel";
    QTest::newRow("same size, other spacing") << 0.0 << 1.1 << 0.0 << false << "1 % of a voxel";
    // The direction limit is 1e-4: about the centre, 5e-5 rad moves the farthest voxel 0.005 voxels (accepted);
    // 2e-4 rad is refused for its directions (before its 0.02-voxel offset is looked at).
    QTest::newRow("rotated 5e-5 rad") << 0.0 << 1.0 << 5e-5 << true << QString();
    QTest::newRow("rotated 2e-4 rad") << 0.0 << 1.0 << 2e-4 << false << "directions differ by more than 1e-4";
}

void TestSegmentationIO::shiftedOrRegriddedMaskIsRefused()
{
    QFETCH(double, shiftVoxels);
    QFETCH(double, spacingScale);
    QFETCH(double, rotation);
    QFETCH(bool, accepted);
    QFETCH(QString, reason);
    const Segmentation original = paintedSegmentation(m_colin);
    ImageGeometry moved = m_colin;
    Vector3 origin = moved.origin();
    for (int r = 0; r < 3; ++r)
        origin[r] += moved.direction()[r][0] * moved.spacing()[0] * shiftVoxels;
    moved.setOrigin(origin);
    moved.setSpacing({moved.spacing()[0] * spacingScale, moved.spacing()[1] * spacingScale, moved.spacing()[2]});
    if (rotation != 0.0) {
        // Rodrigues' rotation of each axis direction about the k axis, then the origin moved so that the grid's
        // centre stays where it was.
        const Vector3 axis = moved.axisDirection(2);
        const Vector3 centreIndex{double(moved.size()[0] - 1) / 2, double(moved.size()[1] - 1) / 2, double(moved.size()[2] - 1) / 2};
        const Vector3 centre = moved.indexToPhysical(centreIndex);
        Matrix3 direction = moved.direction();
        for (int c = 0; c < 3; ++c) {
            const Vector3 v = moved.axisDirection(c);
            const Vector3 k = cross(axis, v);
            const double along = dot(axis, v);
            for (int r = 0; r < 3; ++r)
                direction[r][c] = v[r] * std::cos(rotation) + k[r] * std::sin(rotation) + axis[r] * along * (1 - std::cos(rotation));
        }
        moved.setDirection(direction);
        moved.setOrigin({0, 0, 0});
        const Vector3 shifted = moved.indexToPhysical(centreIndex);
        moved.setOrigin({centre[0] - shifted[0], centre[1] - shifted[1], centre[2] - shifted[2]});
    }
    auto copy = Segmentation::fromLayers(moved, {original.layer(0)}, original.labels());
    QVERIFY(copy.ok());
    const QString path = m_dir.filePath(QStringLiteral("moved-mask.nii.gz"));
    QVERIFY(writeSegmentationFile(*copy, path).ok());
    auto file = readSegmentationFile(path);
    QVERIFY(file.ok());
    if (rotation != 0.0) // the file keeps the rotation (NIfTI stores directions in single precision)
        QVERIFY(std::abs(file->geometry.direction()[1][0] - moved.direction()[1][0]) < 2e-6);
    auto attached = attachToSeries(*file, m_colin, QStringLiteral("Colin 27 T1"), false);
    QVERIFY2(attached.ok() == accepted, qPrintable(attached.ok() ? QStringLiteral("accepted") : attached.error().message));
    if (!accepted) {
        const QString message = attached.error().message;
        QVERIFY2(message.contains(QStringLiteral("moved-mask.nii.gz")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Colin 27 T1")), qPrintable(message));
        QVERIFY2(message.contains(describeGeometry(m_colin)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("181 x 217 x 181 voxels")), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
        QVERIFY(attached.error().isGridMismatch()); // the UI offers resampling for this kind only
    }
}

void TestSegmentationIO::resampleOntoSeriesIsNearestNeighbour()
{
    // A mask shifted by exactly 3 voxels along i, resampled onto the series: voxel (i, j, k) of the result is
    // voxel (i - 3, j, k) of the mask.
    const Segmentation original = paintedSegmentation(m_colin);
    ImageGeometry moved = m_colin;
    Vector3 origin = moved.origin();
    for (int r = 0; r < 3; ++r)
        origin[r] += moved.direction()[r][0] * moved.spacing()[0] * 3.0;
    moved.setOrigin(origin);
    SegmentationFile file;
    file.path = QStringLiteral("shifted.nii.gz");
    file.geometry = moved;
    file.layers = {original.layer(0)};
    file.labels = original.labels();
    QVERIFY(!attachToSeries(file, m_colin, QStringLiteral("Colin"), false).ok());
    auto resampled = attachToSeries(file, m_colin, QStringLiteral("Colin"), true);
    QVERIFY(resampled.ok());
    const auto& s = m_colin.size();
    for (int64_t k = 0; k < s[2]; k += 3)
        for (int64_t j = 0; j < s[1]; j += 2)
            for (int64_t i = 0; i < s[0]; ++i) {
                const std::size_t o = std::size_t(i + s[0] * (j + s[1] * k));
                const uint16_t expected = i >= 3 ? original.labelAt(0, o - 3) : 0;
                if (resampled->labelAt(0, o) != expected)
                    QFAIL(qPrintable(QStringLiteral("voxel %1 %2 %3").arg(i).arg(j).arg(k)));
            }
}

void TestSegmentationIO::notALabelMapIsRefused()
{
    // A float image with one fractional voxel.
    Volume image(ImageGeometry({4, 4, 4}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}), PixelType::Float32);
    image.float32Data()[5] = 2.5f;
    const QString path = m_dir.filePath(QStringLiteral("fraction.nii.gz"));
    QVERIFY(writeVolume(image, path).ok());
    auto file = readSegmentationFile(path);
    QVERIFY(!file.ok());
    QVERIFY2(file.error().message.contains(QStringLiteral("fraction.nii.gz")), qPrintable(file.error().message));
    QVERIFY2(file.error().message.contains(QStringLiteral("not a label map")), qPrintable(file.error().message));
    QVERIFY(!file.error().isGridMismatch());
}

QTEST_GUILESS_MAIN(TestSegmentationIO)
#include "tst_SegmentationIO.moc"
