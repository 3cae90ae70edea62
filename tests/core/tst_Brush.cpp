// Brush and eraser on real grids (dcmqi's 3-slice CT with 0.81 x 0.81 x 1 mm voxels, the sample series that
// delineate-cli make-series writes from mricron-data's Colin 27 MRI): every dab is compared with a voxel set computed
// here by brute force over the whole grid, never with Delineate's own earlier output. Overwrite policies, locked
// labels, undo/redo and the hand-edited marks.
#include "TestData.h"

#include "edit/Brush.h"
#include "edit/SegmentationDocument.h"
#include "io/ImageSource.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

using namespace delineate;

namespace {

const QString kColin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");

// Every voxel whose centre lies within `radius` of `centre`: in mm (through the spacing) or in voxel units; a disk
// keeps only the slice through the centre along `sliceAxis`.
std::set<std::size_t> analyticFootprint(const ImageGeometry& g, const Vector3& centre, double radius, bool mm,
                                        bool sphere, int sliceAxis)
{
    std::set<std::size_t> voxels;
    const auto& s = g.size();
    for (int64_t k = 0; k < s[2]; ++k)
        for (int64_t j = 0; j < s[1]; ++j)
            for (int64_t i = 0; i < s[0]; ++i) {
                const int64_t index[3] = {i, j, k};
                double d2 = 0.0;
                bool inPlane = true;
                for (int a = 0; a < 3; ++a) {
                    if (!sphere && a == sliceAxis) {
                        inPlane = index[a] == int64_t(std::lround(centre[a]));
                        continue;
                    }
                    const double d = (double(index[a]) - centre[a]) * (mm ? g.spacing()[a] : 1.0);
                    d2 += d * d;
                }
                if (inPlane && d2 <= radius * radius + 1e-9)
                    voxels.insert(std::size_t(i + s[0] * (j + s[1] * k)));
            }
    return voxels;
}

std::set<std::size_t> voxelsWithLabel(const Segmentation& s, uint16_t label)
{
    std::set<std::size_t> voxels;
    const int layer = s.labels().layerOf(label);
    for (std::size_t o = 0; o < s.voxelCount(); ++o)
        if (s.labelAt(layer, o) == label)
            voxels.insert(o);
    return voxels;
}

} // namespace

class TestBrush : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dabMatchesAnalyticVoxelSet_data();
    void dabMatchesAnalyticVoxelSet();
    void strokeHasNoGaps();
    void overwritePolicies();
    void lockedLabelsAreNeverChanged();
    void eraserRemovesOnlyWhatItShould();
    void undoRedoRestoreEveryVoxel();
    void handEditedMarksFollowEditsAndUndo();
    void cancelPutsEverythingBack();
    void historyStoresDiffsNotCopies();
    void historyDropsOldestPastItsBound();

private:
    QTemporaryDir m_sampleFolder;
    ImageGeometry m_ct;
    ImageGeometry m_colin; // the sample series' grid
};

void TestBrush::initTestCase()
{
    DELINEATE_REQUIRE_PACKAGED(kColin);
    // The sample series as scripts/run makes it: a DICOM series written from mricron-data's Colin 27 T1 by
    // delineate-cli make-series, read back as the app reads a series.
    const QString cli = testing::cliPath();
    QVERIFY2(QFileInfo::exists(cli), "DELINEATE_CLI must name delineate-cli (it writes the sample series)");
    QVERIFY(m_sampleFolder.isValid());
    const QString sample = m_sampleFolder.filePath(QStringLiteral("colin27-t1"));
    const testing::CliRun made = testing::runCli({QStringLiteral("make-series"), kColin, sample, QStringLiteral("--modality"),
                                                  QStringLiteral("MR"), QStringLiteral("--description"),
                                                  QStringLiteral("Colin 27 T1 (mricron-data)")});
    QVERIFY2(!made.crashed && made.exitCode == 0, made.err.constData());
    SimpleJobControl sampleControl;
    auto colin = loadOneSeries(sample, QString(), sampleControl);
    QVERIFY2(colin.ok(), qPrintable(colin.error().message));
    m_colin = colin->volume.geometry();
    QCOMPARE(m_colin.size(), (std::array<int64_t, 3>{181, 217, 181}));
    if (QFileInfo::exists(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")))) {
        SimpleJobControl control;
        auto ct = loadOneSeries(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")), QString(), control);
        QVERIFY2(ct.ok(), qPrintable(ct.error().message));
        m_ct = ct->volume.geometry();
        QCOMPARE(m_ct.size(), (std::array<int64_t, 3>{512, 512, 3}));
    }
}

void TestBrush::dabMatchesAnalyticVoxelSet_data()
{
    QTest::addColumn<QString>("grid");
    QTest::addColumn<double>("radius");
    QTest::addColumn<bool>("mm");
    QTest::addColumn<bool>("sphere");
    QTest::addColumn<int>("sliceAxis");
    QTest::addColumn<double>("ci");
    QTest::addColumn<double>("cj");
    QTest::addColumn<double>("ck");
    // The CT's slices are 1 mm apart and its pixels 0.81 mm: a 2 mm sphere reaches the slices above and below with a
    // smaller disk, a 0.9 mm sphere does not.
    QTest::newRow("ct sphere 2 mm") << "ct" << 2.0 << true << true << 2 << 250.0 << 300.0 << 1.0;
    QTest::newRow("ct sphere 0.9 mm") << "ct" << 0.9 << true << true << 2 << 100.0 << 100.0 << 1.0;
    QTest::newRow("ct axial disk 5 mm") << "ct" << 5.0 << true << false << 2 << 256.0 << 256.0 << 0.0;
    QTest::newRow("ct coronal disk 3 mm") << "ct" << 3.0 << true << false << 1 << 256.0 << 200.0 << 1.0;
    QTest::newRow("ct edge sphere clipped") << "ct" << 4.0 << true << true << 2 << 1.0 << 510.0 << 2.0;
    QTest::newRow("ct sub-voxel centre") << "ct" << 2.5 << true << false << 2 << 300.4 << 120.7 << 1.0;
    QTest::newRow("colin sphere 5 mm") << "colin" << 5.0 << true << true << 2 << 90.0 << 108.0 << 90.0;
    QTest::newRow("colin sagittal disk 7 voxels") << "colin" << 7.0 << false << false << 0 << 60.0 << 100.0 << 70.0;
    QTest::newRow("colin sphere 3 voxels") << "colin" << 3.0 << false << true << 2 << 30.5 << 40.5 << 50.5;
}

void TestBrush::dabMatchesAnalyticVoxelSet()
{
    QFETCH(QString, grid);
    QFETCH(double, radius);
    QFETCH(bool, mm);
    QFETCH(bool, sphere);
    QFETCH(int, sliceAxis);
    QFETCH(double, ci);
    QFETCH(double, cj);
    QFETCH(double, ck);
    if (grid == QLatin1String("ct"))
        DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    const ImageGeometry& g = grid == QLatin1String("ct") ? m_ct : m_colin;
    SegmentationDocument document{Segmentation(g)};
    BrushSettings settings;
    settings.radius = radius;
    settings.unit = mm ? BrushUnit::Millimetres : BrushUnit::Voxels;
    settings.shape = sphere ? BrushShape::Sphere : BrushShape::Disk;
    settings.sliceAxis = sliceAxis;
    settings.label = 3;
    const Vector3 centre{ci, cj, ck};
    document.beginEdit(EditKind::Manual, QStringLiteral("dab"));
    const std::size_t changed = paintDab(document, settings, centre);
    QVERIFY(document.commitEdit().ok());

    const std::set<std::size_t> expected = analyticFootprint(g, centre, radius, mm, sphere, sliceAxis);
    const std::set<std::size_t> painted = voxelsWithLabel(document.segmentation(), 3);
    QVERIFY(!expected.empty());
    QCOMPARE(painted.size(), expected.size());
    QVERIFY(painted == expected);
    QCOMPARE(changed, expected.size());
    QVERIFY(document.labels().contains(3)); // a new label joins the table with a default name and colour
}

void TestBrush::strokeHasNoGaps()
{
    // A stroke along a row of the Colin grid: every voxel on the line between its ends must be painted.
    SegmentationDocument document{Segmentation(m_colin)};
    BrushSettings settings;
    settings.radius = 2.0;
    settings.label = 1;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, settings, {20, 50, 60});
    const int dabs = paintLine(document, settings, {20, 50, 60}, {120, 90, 60});
    QVERIFY(document.commitEdit().ok());
    QVERIFY(dabs >= 100 / 1); // 108 mm at one dab per mm
    for (int n = 0; n <= 100; ++n) {
        const int64_t i = 20 + n, j = 50 + int64_t(std::lround(0.4 * n));
        QVERIFY2(document.segmentation().labelAt(0, std::size_t(i + m_colin.size()[0] * (j + m_colin.size()[1] * 60))) == 1,
                 qPrintable(QStringLiteral("gap at %1, %2").arg(i).arg(j)));
    }
}

void TestBrush::overwritePolicies()
{
    SegmentationDocument document{Segmentation(m_colin)};
    BrushSettings two;
    two.radius = 4.0;
    two.shape = BrushShape::Sphere;
    two.label = 2;
    const Vector3 left{80, 100, 90}, right{84, 100, 90};
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, two, left);
    QVERIFY(document.commitEdit().ok());
    const std::set<std::size_t> labelTwo = voxelsWithLabel(document.segmentation(), 2);
    const std::set<std::size_t> footprint = analyticFootprint(m_colin, right, 4.0, true, true, 2);

    const auto paintOne = [&](OverwriteMode mode, uint16_t only) {
        BrushSettings one = two;
        one.label = 1;
        one.policy = {mode, only};
        document.beginEdit(EditKind::Manual, QString());
        paintDab(document, one, right);
        QVERIFY(document.commitEdit().ok());
    };
    std::set<std::size_t> overlap, footprintOnly;
    for (std::size_t o : footprint)
        (labelTwo.count(o) ? overlap : footprintOnly).insert(o);
    QVERIFY(!overlap.empty() && !footprintOnly.empty());

    paintOne(OverwriteMode::EmptyOnly, 0);
    QVERIFY(voxelsWithLabel(document.segmentation(), 2) == labelTwo);
    QVERIFY(voxelsWithLabel(document.segmentation(), 1) == footprintOnly);
    QVERIFY(document.undo());

    paintOne(OverwriteMode::LabelOnly, 2);
    QVERIFY(voxelsWithLabel(document.segmentation(), 1) == overlap);
    QVERIFY(document.undo());

    paintOne(OverwriteMode::All, 0);
    QVERIFY(voxelsWithLabel(document.segmentation(), 1) == footprint);
    std::set<std::size_t> remainingTwo;
    for (std::size_t o : labelTwo)
        if (!footprint.count(o))
            remainingTwo.insert(o);
    QVERIFY(voxelsWithLabel(document.segmentation(), 2) == remainingTwo);
}

void TestBrush::lockedLabelsAreNeverChanged()
{
    SegmentationDocument document{Segmentation(m_colin)};
    BrushSettings two;
    two.radius = 5.0;
    two.shape = BrushShape::Sphere;
    two.label = 2;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, two, {90, 100, 90});
    QVERIFY(document.commitEdit().ok());
    const std::set<std::size_t> labelTwo = voxelsWithLabel(document.segmentation(), 2);

    LabelTable table = document.labels();
    LabelEntry entry = *table.find(2);
    entry.name = QStringLiteral("Thalamus");
    entry.locked = true;
    QVERIFY(table.set(entry).ok());
    QVERIFY(document.setLabelTable(table, QStringLiteral("Lock label 2")).ok());

    BrushSettings one = two;
    one.label = 1;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, one, {92, 100, 90});
    QVERIFY(document.commitEdit().ok());
    QVERIFY(voxelsWithLabel(document.segmentation(), 2) == labelTwo);
    QVERIFY(!voxelsWithLabel(document.segmentation(), 1).empty());

    BrushSettings eraseAll = two;
    eraseAll.erase = true;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, eraseAll, {90, 100, 90});
    QVERIFY(document.commitEdit().ok());
    QVERIFY(voxelsWithLabel(document.segmentation(), 2) == labelTwo);

    // Painting or erasing the locked label itself is refused, naming it.
    auto refused = checkBrush(document.labels(), two);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("Thalamus")), qPrintable(refused.error().message));
    document.beginEdit(EditKind::Manual, QString());
    QCOMPARE(paintDab(document, two, {40, 40, 40}), std::size_t(0));
    document.cancelEdit();
}

void TestBrush::eraserRemovesOnlyWhatItShould()
{
    SegmentationDocument document{Segmentation(m_colin)};
    BrushSettings paint;
    paint.radius = 4.0;
    paint.label = 1;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, paint, {50, 50, 50});
    paint.label = 2;
    paintDab(document, paint, {56, 50, 50});
    QVERIFY(document.commitEdit().ok());
    const std::set<std::size_t> one = voxelsWithLabel(document.segmentation(), 1);
    const std::set<std::size_t> two = voxelsWithLabel(document.segmentation(), 2);

    BrushSettings erase;
    erase.radius = 3.0;
    erase.erase = true;
    erase.label = 2;
    erase.policy.mode = OverwriteMode::LabelOnly;
    const std::set<std::size_t> footprint = analyticFootprint(m_colin, {53, 50, 50}, 3.0, true, false, 2);
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, erase, {53, 50, 50});
    QVERIFY(document.commitEdit().ok());
    QVERIFY(voxelsWithLabel(document.segmentation(), 1) == one); // label 1 untouched by a label-2 eraser
    std::set<std::size_t> expectedTwo;
    for (std::size_t o : two)
        if (!footprint.count(o))
            expectedTwo.insert(o);
    QVERIFY(voxelsWithLabel(document.segmentation(), 2) == expectedTwo);
}

void TestBrush::undoRedoRestoreEveryVoxel()
{
    SegmentationDocument document{Segmentation(m_colin)};
    BrushSettings s;
    s.radius = 5.0;
    s.shape = BrushShape::Sphere;
    s.label = 4;
    LabelTable table;
    LabelEntry liver = table.makeEntry(4);
    liver.name = QStringLiteral("Liver");
    table.set(liver);
    QVERIFY(document.setLabelTable(table, QStringLiteral("Add label")).ok());
    const Segmentation before = document.segmentation();
    document.beginEdit(EditKind::Manual, QString());
    int dabs = 1;
    paintDab(document, s, {60, 60, 60});
    dabs += paintLine(document, s, {60, 60, 60}, {80, 70, 65});
    QVERIFY(document.commitEdit(brushDescription(document.labels(), s, dabs)).ok());
    const Segmentation after = document.segmentation();
    QVERIFY(!(after == before));
    QCOMPARE(document.history().size(), 2);
    QCOMPARE(document.history().at(1).description, QStringLiteral("Brush, label 4 Liver, %1 dabs").arg(dabs));

    QVERIFY(document.undo());
    QVERIFY(document.segmentation() == before);
    QVERIFY(document.redo());
    QVERIFY(document.segmentation() == after);
    QVERIFY(document.undo());
    QVERIFY(document.undo()); // the label-table edit
    QVERIFY(!document.labels().contains(4));
    QVERIFY(!document.canUndo());
    QVERIFY(document.goToPosition(2));
    QVERIFY(document.segmentation() == after);
}

void TestBrush::handEditedMarksFollowEditsAndUndo()
{
    SegmentationDocument document{Segmentation(m_colin)};
    BrushSettings s;
    s.radius = 3.0;
    s.label = 1;
    document.beginEdit(EditKind::Manual, QString());
    const std::size_t changed = paintDab(document, s, {30, 30, 30});
    QVERIFY(document.commitEdit().ok());
    QCOMPARE(document.segmentation().handEditedCount(), changed);
    // An AI result written over part of it clears the marks where it wrote.
    document.beginEdit(EditKind::Ai, QStringLiteral("AI"));
    QVERIFY(document.setVoxel(0, std::size_t(30 + m_colin.size()[0] * (30 + m_colin.size()[1] * 30)), 2));
    QVERIFY(document.commitEdit().ok());
    QCOMPARE(document.segmentation().handEditedCount(), changed - 1);
    QVERIFY(document.undo());
    QCOMPARE(document.segmentation().handEditedCount(), changed);
    QVERIFY(document.undo());
    QCOMPARE(document.segmentation().handEditedCount(), std::size_t(0));
}

void TestBrush::cancelPutsEverythingBack()
{
    SegmentationDocument document{Segmentation(m_colin)};
    const Segmentation before = document.segmentation();
    BrushSettings s;
    s.radius = 6.0;
    s.shape = BrushShape::Sphere;
    s.label = 7;
    document.beginEdit(EditKind::Manual, QString());
    paintLine(document, s, {40, 40, 40}, {90, 90, 90});
    QVERIFY(document.voxelsChangedInEdit() > 0);
    document.cancelEdit();
    QVERIFY(document.segmentation() == before);
    QCOMPARE(document.history().size(), 0);
    QVERIFY(!document.isModified());
}

void TestBrush::historyStoresDiffsNotCopies()
{
    // 20 strokes of 40 dabs along random 3D paths with a 5 mm sphere: the history must hold at most one byte per
    // changed voxel (a copy of the 7 MB map per step would be thousands).
    SegmentationDocument document{Segmentation(m_colin)};
    QRandomGenerator random(20261125);
    const auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * random.generateDouble(); };
    std::size_t changed = 0;
    for (int stroke = 0; stroke < 20; ++stroke) {
        BrushSettings s;
        s.radius = 5.0;
        s.shape = BrushShape::Sphere;
        s.label = uint16_t(1 + stroke % 3);
        Vector3 p{uniform(20.0, 160.0), uniform(20.0, 200.0), uniform(20.0, 160.0)};
        document.beginEdit(EditKind::Manual, QString());
        paintDab(document, s, p);
        for (int dab = 1; dab < 40; ++dab) {
            const Vector3 next{std::clamp(p[0] + uniform(-2.5, 2.5), 0.0, 180.0),
                               std::clamp(p[1] + uniform(-2.5, 2.5), 0.0, 216.0),
                               std::clamp(p[2] + uniform(-2.5, 2.5), 0.0, 180.0)};
            paintDab(document, s, next);
            p = next;
        }
        changed += document.voxelsChangedInEdit();
        QVERIFY(document.commitEdit().ok());
    }
    const double bytesPerVoxel = double(document.history().byteSize()) / double(changed);
    qInfo("history %zu bytes for %zu changed voxels: %.3f bytes per voxel", document.history().byteSize(), changed,
          bytesPerVoxel);
    QVERIFY(changed > 50000);
    QVERIFY2(bytesPerVoxel <= 1.0, qPrintable(QString::number(bytesPerVoxel)));
}

void TestBrush::historyDropsOldestPastItsBound()
{
    SegmentationDocument document{Segmentation(m_colin)};
    BrushSettings s;
    s.radius = 4.0;
    s.shape = BrushShape::Sphere;
    s.label = 1;
    for (int n = 0; n < 10; ++n) {
        document.beginEdit(EditKind::Manual, QString());
        paintDab(document, s, {20.0 + 12 * n, 100, 90});
        QVERIFY(document.commitEdit().ok());
    }
    const std::size_t total = document.history().byteSize();
    const std::size_t oneRecord = document.history().at(0).byteSize();
    document.setHistoryMemoryLimit(total - oneRecord * 3 / 2);
    QCOMPARE(document.history().size(), 8);
    QCOMPARE(document.history().droppedCount(), 2);
    QVERIFY(document.history().byteSize() <= total - oneRecord * 3 / 2);
    // The dropped edits stay in the segmentation; the kept ones still undo.
    while (document.undo()) {
    }
    QCOMPARE(voxelsWithLabel(document.segmentation(), 1).size(),
             analyticFootprint(m_colin, {20, 100, 90}, 4.0, true, true, 2).size()
                 + analyticFootprint(m_colin, {32, 100, 90}, 4.0, true, true, 2).size());
    QVERIFY(document.isModified());
}

QTEST_GUILESS_MAIN(TestBrush)
#include "tst_Brush.moc"
