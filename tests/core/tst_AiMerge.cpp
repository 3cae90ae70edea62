// Merging an AI result into a segmentation: on the Colin 27 grid a probability map of two nested spheres (1.0
// inside 10 mm, 0.6 out to 16 mm) is merged at several thresholds; the labelled voxels are compared with spheres
// computed here. Hand-edited and locked voxels are never changed, running again replaces the previous AI result,
// one undo restores the segmentation voxel for voxel, and the segments are marked automatic, then semi-automatic.
#include "TestData.h"

#include "edit/AiMerge.h"
#include "edit/Brush.h"
#include "edit/SegmentationDocument.h"
#include "image/ProbabilityMap.h"
#include "io/VolumeIO.h"

#include <QTest>

#include <cmath>
#include <set>

using namespace delineate;

namespace {

const QString kColin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");
const Vector3 kCentre{90, 108, 90};

double distanceMm(const ImageGeometry& g, std::size_t o)
{
    const auto& s = g.size();
    const int64_t i = int64_t(o) % s[0], j = (int64_t(o) / s[0]) % s[1], k = int64_t(o) / (s[0] * s[1]);
    const double dx = (double(i) - kCentre[0]) * g.spacing()[0], dy = (double(j) - kCentre[1]) * g.spacing()[1],
                 dz = (double(k) - kCentre[2]) * g.spacing()[2];
    return std::sqrt(dx * dx + dy * dy + dz * dz);
}

ProbabilityMap nestedSpheres(const ImageGeometry& g)
{
    Volume p(g, PixelType::Float32);
    LabelMap labels(g);
    for (std::size_t o = 0; o < g.voxelCount(); ++o) {
        const double d = distanceMm(g, o);
        p.float32Data()[o] = d <= 10.0 ? 1.0f : d <= 16.0 ? 0.6f : 0.0f;
    }
    auto map = ProbabilityMap::fromResult(p, labels, 1, false);
    return std::move(map).value();
}

std::set<std::size_t> within(const ImageGeometry& g, double radius)
{
    std::set<std::size_t> voxels;
    for (std::size_t o = 0; o < g.voxelCount(); ++o)
        if (distanceMm(g, o) <= radius)
            voxels.insert(o);
    return voxels;
}

std::set<std::size_t> labelled(const Segmentation& s, uint16_t label)
{
    std::set<std::size_t> voxels;
    for (std::size_t o = 0; o < s.voxelCount(); ++o)
        if (s.labelAt(0, o) == label)
            voxels.insert(o);
    return voxels;
}

AiMergeReport merge(SegmentationDocument& document, const ProbabilityMap& map, double threshold, uint16_t target = 5,
                    bool overwriteHand = false)
{
    AiMergeOptions options;
    options.threshold = threshold;
    options.labelFor = {{1, target}};
    options.modelName = QStringLiteral("Spheres");
    options.modelVersion = QStringLiteral("1");
    options.overwriteHandEdits = overwriteHand;
    document.beginEdit(EditKind::Ai, QStringLiteral("AI"));
    const AiMergeReport report = mergeAiResult(document, map, options, VoxelBox::everything(document.geometry()), true);
    document.commitEdit();
    return report;
}

} // namespace

class TestAiMerge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void thresholdChoosesTheSphere_data();
    void thresholdChoosesTheSphere();
    void runningAgainReplacesThePreviousResult();
    void handEditsAndLocksAreNeverOverwritten();
    void undoRestoresEveryVoxel();
    void segmentsAreMarkedAutomaticThenSemiAutomatic();
    void previewMergesRestoreFromTheStartState();
    void uncertaintyFindsTheShell();
    void cropAndPasteRoundTrip();

private:
    ImageGeometry m_grid;
    ProbabilityMap m_map;
};

void TestAiMerge::initTestCase()
{
    DELINEATE_REQUIRE_PACKAGED(kColin);
    auto colin = readVolume(kColin);
    QVERIFY(colin.ok());
    m_grid = colin->geometry();
    m_map = nestedSpheres(m_grid);
}

void TestAiMerge::thresholdChoosesTheSphere_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<double>("radius");
    QTest::newRow("0.5: both spheres") << 0.5 << 16.0;
    QTest::newRow("0.6: both (0.6 counts)") << 0.6 << 16.0;
    QTest::newRow("0.7: the inner one") << 0.7 << 10.0;
    QTest::newRow("0.99: the inner one") << 0.99 << 10.0;
}

void TestAiMerge::thresholdChoosesTheSphere()
{
    QFETCH(double, threshold);
    QFETCH(double, radius);
    SegmentationDocument document{Segmentation(m_grid)};
    const AiMergeReport report = merge(document, m_map, threshold);
    const std::set<std::size_t> expected = within(m_grid, radius);
    QVERIFY(labelled(document.segmentation(), 5) == expected);
    QCOMPARE(report.labelled, expected.size());
    QCOMPARE(document.segmentation().handEditedCount(), std::size_t(0));
    QVERIFY(document.segmentation().aiResult());
    QCOMPARE(document.segmentation().aiResult()->modelName, QStringLiteral("Spheres"));
}

void TestAiMerge::runningAgainReplacesThePreviousResult()
{
    SegmentationDocument document{Segmentation(m_grid)};
    merge(document, m_map, 0.5);
    QCOMPARE(labelled(document.segmentation(), 5).size(), within(m_grid, 16.0).size());
    merge(document, m_map, 0.8); // the shell's voxels were the previous AI result's: they go
    QVERIFY(labelled(document.segmentation(), 5) == within(m_grid, 10.0));
    QCOMPARE(document.history().size(), 2);
    merge(document, m_map, 0.3);
    QVERIFY(labelled(document.segmentation(), 5) == within(m_grid, 16.0));
}

void TestAiMerge::handEditsAndLocksAreNeverOverwritten()
{
    SegmentationDocument document{Segmentation(m_grid)};
    // Label 2 painted by hand through the centre, label 3 (locked) on the shell.
    BrushSettings brush;
    brush.radius = 4.0;
    brush.shape = BrushShape::Sphere;
    brush.label = 2;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, brush, kCentre);
    brush.label = 3;
    paintDab(document, brush, {kCentre[0] + 13, kCentre[1], kCentre[2]});
    QVERIFY(document.commitEdit().ok());
    LabelTable table = document.labels();
    LabelEntry three = *table.find(3);
    three.locked = true;
    table.set(three);
    QVERIFY(document.setLabelTable(table, QString()).ok());
    const std::set<std::size_t> two = labelled(document.segmentation(), 2);
    const std::set<std::size_t> locked = labelled(document.segmentation(), 3);

    const AiMergeReport report = merge(document, m_map, 0.5);
    QVERIFY(labelled(document.segmentation(), 2) == two);
    QVERIFY(labelled(document.segmentation(), 3) == locked);
    std::set<std::size_t> expected = within(m_grid, 16.0);
    for (std::size_t o : two)
        expected.erase(o);
    for (std::size_t o : locked)
        expected.erase(o);
    QVERIFY(labelled(document.segmentation(), 5) == expected);
    QCOMPARE(report.keptHandEdited, two.size()); // every label-2 voxel lies inside the result
    QVERIFY(report.keptLocked > 0);

    // On request the hand edits go too (never the locked label).
    merge(document, m_map, 0.5, 5, true);
    QVERIFY(labelled(document.segmentation(), 2).empty());
    QVERIFY(labelled(document.segmentation(), 3) == locked);
}

void TestAiMerge::undoRestoresEveryVoxel()
{
    SegmentationDocument document{Segmentation(m_grid)};
    BrushSettings brush;
    brush.radius = 6.0;
    brush.shape = BrushShape::Sphere;
    brush.label = 2;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, brush, {kCentre[0] - 12, kCentre[1], kCentre[2]});
    QVERIFY(document.commitEdit().ok());
    const Segmentation before = document.segmentation();
    merge(document, m_map, 0.5);
    QVERIFY(!(document.segmentation() == before));
    QVERIFY(document.undo());
    QVERIFY(document.segmentation() == before);
    QVERIFY(!document.segmentation().aiResult());
    QVERIFY(document.redo());
    QVERIFY(document.segmentation().aiResult());
}

void TestAiMerge::segmentsAreMarkedAutomaticThenSemiAutomatic()
{
    SegmentationDocument document{Segmentation(m_grid)};
    merge(document, m_map, 0.5);
    const LabelEntry* entry = document.labels().find(5);
    QVERIFY(entry);
    QCOMPARE(entry->algorithm, SegmentAlgorithm::Automatic);
    QCOMPARE(entry->algorithmName, QStringLiteral("Spheres 1"));
    BrushSettings erase;
    erase.radius = 3.0;
    erase.erase = true;
    erase.label = 5;
    erase.policy.mode = OverwriteMode::LabelOnly;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, erase, kCentre);
    QVERIFY(document.commitEdit().ok());
    QCOMPARE(document.labels().find(5)->algorithm, SegmentAlgorithm::SemiAutomatic);
    QVERIFY(document.undo());
    QCOMPARE(document.labels().find(5)->algorithm, SegmentAlgorithm::Automatic);
}

void TestAiMerge::previewMergesRestoreFromTheStartState()
{
    // A drag of the threshold: three crossing slices through the centre gathered once, re-merged at 0.3, 0.9, 0.5
    // within one open edit; then the whole volume at 0.5. The result equals one merge at 0.5 on top of the 0.8 one.
    SegmentationDocument reference{Segmentation(m_grid)};
    merge(reference, m_map, 0.8);
    merge(reference, m_map, 0.5);
    SegmentationDocument document{Segmentation(m_grid)};
    merge(document, m_map, 0.8);
    const Segmentation start = document.segmentation();
    AiMergeOptions options;
    options.labelFor = {{1, 5}};
    options.modelName = QStringLiteral("Spheres");
    options.modelVersion = QStringLiteral("1");
    std::vector<AiSlab> slabs;
    for (int axis = 0; axis < 3; ++axis) {
        VoxelBox slab = VoxelBox::everything(m_grid);
        slab.lower[axis] = slab.upper[axis] = int64_t(kCentre[axis]);
        slabs.push_back(gatherAiSlab(start, m_map, 0, slab));
    }
    document.beginEdit(EditKind::Ai, QStringLiteral("AI"));
    for (double t : {0.3, 0.9, 0.5}) {
        options.threshold = t;
        for (AiSlab& slab : slabs)
            previewAiSlab(document, slab, options);
        // The centre slices show the threshold; the rest of the volume is still at 0.8.
        const std::set<std::size_t> expected = within(m_grid, t <= 0.6 ? 16.0 : 10.0);
        for (std::size_t o : slabs[2].offsets)
            QCOMPARE(document.segmentation().labelAt(0, o) == 5, expected.count(o) == 1);
        // (12, 5, 3) mm from the centre: in the shell, off the three slices.
        const std::size_t elsewhere = std::size_t(kCentre[0] + 12 + m_grid.size()[0] * (kCentre[1] + 5 + m_grid.size()[1] * (kCentre[2] + 3)));
        QCOMPARE(document.segmentation().labelAt(0, elsewhere), uint16_t(0));
    }
    options.threshold = 0.5;
    mergeAiResult(document, m_map, options, VoxelBox::everything(m_grid), true);
    QVERIFY(document.commitEdit().ok());
    QVERIFY(labelled(document.segmentation(), 5) == labelled(reference.segmentation(), 5));
    QVERIFY(document.undo());
    QVERIFY(document.segmentation() == start);
}

void TestAiMerge::uncertaintyFindsTheShell()
{
    const LabelLayer band = m_map.uncertainBand(0.3, 0.7);
    std::set<std::size_t> shell;
    for (std::size_t o = 0; o < m_grid.voxelCount(); ++o) {
        const double d = distanceMm(m_grid, o);
        if (d > 10.0 && d <= 16.0)
            shell.insert(o);
    }
    std::size_t inBand = 0;
    for (std::size_t o = 0; o < band.voxelCount(); ++o)
        if (band.at(o)) {
            ++inBand;
            QVERIFY(shell.count(o));
        }
    QCOMPARE(inBand, shell.size());
    // The most uncertain axial slices are those cutting the shell; far from the spheres the entropy is zero.
    const std::vector<double> entropy = m_map.sliceEntropy(2);
    QCOMPARE(entropy[10], 0.0);
    const auto best = std::max_element(entropy.begin(), entropy.end()) - entropy.begin();
    QVERIFY2(std::abs(double(best) - kCentre[2]) <= 16.0, qPrintable(QString::number(best)));
    QVERIFY(entropy[std::size_t(best)] > 0.0);
}

void TestAiMerge::cropAndPasteRoundTrip()
{
    auto colin = readVolume(kColin);
    QVERIFY(colin.ok());
    const Volume part = cropVolume(*colin, {20, 30, 40}, {50, 60, 7});
    QCOMPARE(part.geometry().size(), (std::array<int64_t, 3>{50, 60, 7}));
    QCOMPARE(part.value(3, 4, 5), colin->value(23, 34, 45));
    const Vector3 corner = part.geometry().indexToPhysical({0, 0, 0});
    const Vector3 original = colin->geometry().indexToPhysical({20, 30, 40});
    for (int a = 0; a < 3; ++a)
        QVERIFY(std::abs(corner[a] - original[a]) < 1e-9);
    ProbabilityMap whole(m_grid, 1);
    Volume p(part.geometry(), PixelType::Float32);
    p.float32Data()[part.offset(3, 4, 5)] = 0.8f;
    auto partMap = ProbabilityMap::fromResult(p, LabelMap(part.geometry()), 1, false);
    QVERIFY(partMap.ok());
    whole.paste(*partMap, {20, 30, 40});
    QCOMPARE(int(whole.probabilityByte(colin->offset(23, 34, 45))), 204);
    QCOMPARE(whole.labelAt(colin->offset(23, 34, 45), ProbabilityMap::thresholdByte(0.5)), uint16_t(1));
    QCOMPARE(whole.labelAt(colin->offset(23, 34, 45), ProbabilityMap::thresholdByte(0.9)), uint16_t(0));
}

QTEST_GUILESS_MAIN(TestAiMerge)
#include "tst_AiMerge.moc"
