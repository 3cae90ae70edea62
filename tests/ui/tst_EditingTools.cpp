// The editing tools in the main window (offscreen), driven by mouse events on the views and the panel's own controls
// on dcmqi's real CT, each checked against an expectation computed here: the fill against a flood fill written in
// this test (and core's growRegion), the lasso against the voxel centres inside the drawn polygon (QPolygonF), the
// threshold brush against an analytic disk cut by the value range, interpolation against the cone between two
// discs, island removal against the disks painted, smoothing against core's smoothLabel run on a copy. Refusals
// (locked label, nothing to interpolate) leave the history alone and say why. Each operation's time is printed.
#include "EditingTestSupport.h"

#include "edit/LabelEdits.h"
#include "edit/LabelTools.h"
#include "edit/SegmentationDocument.h"
#include "io/SegmentationIO.h"
#include "io/VolumeIO.h"
#include "model/SegmentationLayer.h"
#include "model/SegmentationSession.h"
#include "tools/BrushTool.h"
#include "tools/FillTool.h"
#include "tools/LassoTool.h"
#include "widgets/LabelOperationsBox.h"
#include "widgets/SegmentationPanel.h"
#include "widgets/SliceView.h"
#include "widgets/ToolOptions.h"
#include "widgets/ViewerPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QPolygonF>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>

#include <cmath>
#include <deque>

using namespace delineate;
using namespace delineate::testing;

namespace {

// A flood fill written for this test (not core's): face neighbours, in the slice normal to `sliceAxis` or in 3D.
std::set<std::size_t> floodFill(const Volume& image, const std::array<int64_t, 3>& seed, double tolerance, bool threeD,
                                int sliceAxis)
{
    const auto& size = image.geometry().size();
    const double value = image.value(seed[0], seed[1], seed[2]);
    std::vector<char> seen(image.voxelCount(), 0);
    std::set<std::size_t> region;
    std::deque<std::array<int64_t, 3>> queue{seed};
    seen[image.offset(seed[0], seed[1], seed[2])] = 1;
    while (!queue.empty()) {
        const auto at = queue.front();
        queue.pop_front();
        region.insert(image.offset(at[0], at[1], at[2]));
        for (int axis = 0; axis < 3; ++axis) {
            if (!threeD && axis == sliceAxis)
                continue;
            for (int step : {-1, 1}) {
                auto next = at;
                next[axis] += step;
                if (next[axis] < 0 || next[axis] >= size[axis])
                    continue;
                const std::size_t o = image.offset(next[0], next[1], next[2]);
                if (seen[o] || std::abs(image.valueAt(o) - value) > tolerance)
                    continue;
                seen[o] = 1;
                queue.push_back(next);
            }
        }
    }
    return region;
}

std::set<std::size_t> inRange(const Volume& image, const std::set<std::size_t>& voxels, double lower, double upper)
{
    std::set<std::size_t> kept;
    for (std::size_t o : voxels)
        if (image.valueAt(o) >= lower && image.valueAt(o) <= upper)
            kept.insert(o);
    return kept;
}

std::set<std::size_t> asSet(const std::vector<std::size_t>& voxels)
{
    return {voxels.begin(), voxels.end()};
}

} // namespace

class TestEditingTools : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fillMatchesAnIndependentFloodFill_data();
    void fillMatchesAnIndependentFloodFill();
    void fillHonoursPolicyAndLocks();
    void lassoFillsThePolygonsVoxels();
    void lassoWithShiftErasesOnlyTheActiveLabel();
    void thresholdBrushPaintsOnlyInTheRange();
    void thresholdBrushSeedsTheRangeFromThePointer();
    void interpolationFillsTheConeBetweenTwoDiscs();
    void islandsAreRemovedOrOnlyTheLargestKept();
    void smoothingClosesHolesAndOpensSpecks();
    void refusalsAreMessagesNotEdits();
    void operationTimesOnTheSampleMri();

private:
    SliceView* view(int index) const { return m_window->viewerPanel()->view(index); }
    SliceView* axial() const { return view(0); }
    QPointF screenOf(double i, double j) const
    {
        return axial()->screenPoint({i, j, double(axial()->currentSlice())});
    }
    SegmentationPanel* panel() const { return m_window->segmentationPanel(); }
    LabelOperationsBox* operations() const { return panel()->operations(); }
    SegmentationDocument* document() const { return m_window->segmentationSession()->document(); }
    const Volume& image() const { return *m_window->state()->volume(); }
    void goToSlice(int64_t k);
    void paintDisk(double i, double j, double radiusMm);

    MainWindow* m_window = nullptr;
    QTemporaryDir m_home;
};

void TestEditingTools::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_EditingTools"));
    QSettings().clear();
}

void TestEditingTools::init()
{
    m_window = new MainWindow;
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestEditingTools::cleanup()
{
    // Closing discards the journal too (a window deleted with a document open leaves one, offered for recovery next).
    if (m_window)
        m_window->segmentationSession()->close();
    delete m_window;
    m_window = nullptr;
}

void TestEditingTools::goToSlice(int64_t k)
{
    auto cursor = m_window->state()->cursor();
    cursor[2] = k;
    m_window->state()->setCursor(cursor);
}

// One dab of the brush (2D disk, mm) on the axial slice on screen, with the active label.
void TestEditingTools::paintDisk(double i, double j, double radiusMm)
{
    QTest::keyClick(m_window, Qt::Key_B);
    BrushSettings s = m_window->brushTool()->settings();
    s.radius = radiusMm;
    s.unit = BrushUnit::Millimetres;
    s.shape = BrushShape::Disk;
    s.limitToRange = false;
    m_window->brushTool()->setSettings(s);
    click(axial(), screenOf(i, j));
}

void TestEditingTools::fillMatchesAnIndependentFloodFill_data()
{
    QTest::addColumn<int>("viewIndex");
    QTest::addColumn<bool>("threeD");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("axial, 2D") << 0 << false << 40.0;
    QTest::newRow("axial, 3D") << 0 << true << 40.0;
    QTest::newRow("coronal, 2D") << 1 << false << 40.0;
}

void TestEditingTools::fillMatchesAnIndependentFloodFill()
{
    QFETCH(int, viewIndex);
    QFETCH(bool, threeD);
    QFETCH(double, tolerance);
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_G);
    QCOMPARE(panel()->activeTool(), SegmentationPanel::ToolKind::Fill);
    panel()->toolOptions()->fillToleranceBox()->setValue(tolerance);
    panel()->toolOptions()->fillDimensionBox()->setCurrentIndex(threeD ? 1 : 0);
    QCOMPARE(m_window->fillTool()->settings().tolerance, tolerance);
    QCOMPARE(m_window->fillTool()->settings().threeD, threeD);

    // The seed: a voxel in the soft tissue of the abdomen; the crosshair goes there so every view shows its slice.
    const std::array<int64_t, 3> clicked{200, 260, 1};
    m_window->state()->setCursor(clicked);
    SliceView* target = view(viewIndex);
    const Vector3 at{double(clicked[0]), double(clicked[1]), double(clicked[2])};
    QElapsedTimer timer;
    timer.start();
    click(target, target->screenPoint(at));
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    QVERIFY(document());
    const std::set<std::size_t> expected =
        floodFill(image(), clicked, tolerance, threeD, target->model().sliceAxis());
    qInfo("fill %s: %zu voxels in %.1f ms", QTest::currentDataTag(), expected.size(), ms);
    // The coronal plane of this CT is 512 x 3 voxels: its region is a short strip across the three rows.
    QVERIFY2(expected.size() > 20, "the seed should lie in a region, not on a lone voxel");
    QVERIFY(voxelsOf(document()->segmentation(), 1) == expected);
    const double value = image().value(clicked[0], clicked[1], clicked[2]);
    QVERIFY(asSet(growRegion(image(), clicked, value - tolerance, value + tolerance, threeD,
                             target->model().sliceAxis(), std::size_t(1) << 30))
            == expected);
    QCOMPARE(document()->history().size(), 1);
    QVERIFY2(document()->history().at(0).description.startsWith(threeD ? QStringLiteral("Fill 3D, label 1")
                                                                       : QStringLiteral("Fill 2D, label 1")),
             qPrintable(document()->history().at(0).description));
    if (!threeD) // a 2D fill stays in the slice clicked
        for (std::size_t o : expected) {
            const int64_t index[3] = {int64_t(o % 512), int64_t(o / 512 % 512), int64_t(o / (512 * 512))};
            QCOMPARE(index[target->model().sliceAxis()], clicked[target->model().sliceAxis()]);
        }
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(voxelsOf(document()->segmentation(), 1).empty());
}

void TestEditingTools::fillHonoursPolicyAndLocks()
{
    OPEN_CT();
    const std::array<int64_t, 3> seed{200, 260, 1};
    // Label 2 painted inside the region first.
    QTest::keyClick(m_window, Qt::Key_2);
    paintDisk(200, 260, 3.0);
    const std::set<std::size_t> two = voxelsOf(document()->segmentation(), 2);
    QVERIFY(!two.empty());
    // Label 1 filled with "Empty voxels only": label 2 stays whole, label 1 takes the rest of the region.
    QTest::keyClick(m_window, Qt::Key_1);
    QTest::keyClick(m_window, Qt::Key_G);
    panel()->policyBox()->setCurrentIndex(int(OverwriteMode::EmptyOnly));
    QCOMPARE(m_window->fillTool()->settings().policy.mode, OverwriteMode::EmptyOnly);
    panel()->toolOptions()->fillToleranceBox()->setValue(40.0);
    click(axial(), screenOf(double(seed[0] + 10), double(seed[1])));
    std::set<std::size_t> region = floodFill(image(), {seed[0] + 10, seed[1], seed[2]}, 40.0, false, 2);
    QVERIFY(voxelsOf(document()->segmentation(), 2) == two);
    std::set<std::size_t> expectedOne;
    for (std::size_t o : region)
        if (!two.count(o))
            expectedOne.insert(o);
    QVERIFY(voxelsOf(document()->segmentation(), 1) == expectedOne);
    // A locked label is refused with a message naming it, and nothing changes.
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    LabelEntry locked = *document()->labels().find(1);
    locked.locked = true;
    QVERIFY(updateLabel(*document(), locked).ok());
    const int steps = document()->history().size();
    QSignalSpy message(m_window->fillTool(), &SliceTool::message);
    click(axial(), screenOf(double(seed[0] + 10), double(seed[1])));
    QCOMPARE(document()->history().size(), steps);
    QCOMPARE(message.count(), 1);
    QVERIFY2(message.first().first().toString().contains(QStringLiteral("locked")),
             qPrintable(message.first().first().toString()));
}

void TestEditingTools::lassoFillsThePolygonsVoxels()
{
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_L);
    QCOMPARE(panel()->activeTool(), SegmentationPanel::ToolKind::Lasso);
    // A pentagon whose corners lie off the voxel grid, so no voxel centre is on an edge.
    const QVector<QPointF> corners{{120.3, 140.7}, {200.6, 130.2}, {230.4, 210.9}, {170.1, 260.35}, {110.8, 220.45}};
    press(axial(), screenOf(corners[0].x(), corners[0].y()));
    for (int n = 1; n < corners.size(); ++n)
        moveTo(axial(), screenOf(corners[n].x(), corners[n].y()));
    QVERIFY(m_window->lassoTool()->isDrawing());
    QCOMPARE(m_window->lassoTool()->outline().size(), corners.size());
    release(axial(), screenOf(corners.last().x(), corners.last().y()));
    QVERIFY(!m_window->lassoTool()->isDrawing());
    QVERIFY(document());

    const ImageGeometry& g = document()->geometry();
    const int64_t k = axial()->currentSlice();
    const QPolygonF polygon(corners);
    std::set<std::size_t> expected;
    for (int64_t j = 100; j < 300; ++j)
        for (int64_t i = 100; i < 260; ++i)
            if (polygon.containsPoint(QPointF(double(i), double(j)), Qt::OddEvenFill))
                expected.insert(offsetOf(g, i, j, k));
    QVERIFY(expected.size() > 5000);
    QVERIFY(voxelsOf(document()->segmentation(), 1) == expected);
    QVector<std::array<double, 2>> outline;
    for (const QPointF& p : corners)
        outline.push_back({p.x(), p.y()});
    QVERIFY(asSet(polygonVoxels(g, 2, k, outline)) == expected);
    QCOMPARE(document()->history().size(), 1);
    QCOMPARE(document()->history().at(0).description, QStringLiteral("Lasso, label 1, %1 voxels").arg(expected.size()));

    // Escape drops an outline being drawn; fewer than three points fill nothing.
    press(axial(), screenOf(300, 300));
    moveTo(axial(), screenOf(340, 300));
    moveTo(axial(), screenOf(340, 340));
    QTest::keyClick(axial(), Qt::Key_Escape);
    QVERIFY(!m_window->lassoTool()->isDrawing());
    release(axial(), screenOf(340, 340));
    QCOMPARE(document()->history().size(), 1);
}

void TestEditingTools::lassoWithShiftErasesOnlyTheActiveLabel()
{
    OPEN_CT();
    const auto drawOutline = [&](const QVector<QPointF>& corners, Qt::KeyboardModifiers modifiers) {
        press(axial(), screenOf(corners[0].x(), corners[0].y()), modifiers);
        for (int n = 1; n < corners.size(); ++n)
            moveTo(axial(), screenOf(corners[n].x(), corners[n].y()), modifiers);
        release(axial(), screenOf(corners.last().x(), corners.last().y()), modifiers);
    };
    const QVector<QPointF> square{{100.5, 100.5}, {220.5, 100.5}, {220.5, 220.5}, {100.5, 220.5}};
    const QVector<QPointF> band{{180.5, 150.5}, {300.5, 150.5}, {300.5, 170.5}, {180.5, 170.5}};
    const QVector<QPointF> cut{{150.5, 90.5}, {260.5, 90.5}, {260.5, 240.5}, {150.5, 240.5}};
    QTest::keyClick(m_window, Qt::Key_L);
    drawOutline(square, Qt::NoModifier);
    QTest::keyClick(m_window, Qt::Key_2);
    drawOutline(band, Qt::NoModifier); // label 2 over part of label 1
    const std::set<std::size_t> oneBefore = voxelsOf(document()->segmentation(), 1);
    const std::set<std::size_t> twoBefore = voxelsOf(document()->segmentation(), 2);
    QCOMPARE(twoBefore.size(), std::size_t(120 * 20));
    QCOMPARE(oneBefore.size(), std::size_t(120 * 120 - 40 * 20));

    QTest::keyClick(m_window, Qt::Key_1);
    drawOutline(cut, Qt::ShiftModifier);
    std::set<std::size_t> expectedOne;
    for (std::size_t o : oneBefore) {
        const int64_t i = int64_t(o % 512);
        if (i < 151 || i > 260)
            expectedOne.insert(o);
    }
    QVERIFY(voxelsOf(document()->segmentation(), 1) == expectedOne);
    QVERIFY(voxelsOf(document()->segmentation(), 2) == twoBefore); // only the active label is erased
    QVERIFY(document()->history().undoRecord()->description.startsWith(QStringLiteral("Lasso erase, label 1")));
}

void TestEditingTools::thresholdBrushPaintsOnlyInTheRange()
{
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_B);
    ToolOptions* options = panel()->toolOptions();
    options->sizeBox()->setValue(10.0);
    QVERIFY(!options->lowerBox()->isVisible());
    options->rangeBox()->setChecked(true);
    QVERIFY(options->lowerBox()->isVisible());
    QVERIFY(options->lowerBox()->suffix().contains(QStringLiteral("HU")));
    options->lowerBox()->setValue(0.0);
    options->upperBox()->setValue(100.0);
    const BrushSettings& s = m_window->brushTool()->settings();
    QVERIFY(s.limitToRange);
    QCOMPARE(s.lower, 0.0);
    QCOMPARE(s.upper, 100.0);

    click(axial(), screenOf(200, 260));
    const ImageGeometry& g = document()->geometry();
    const std::set<std::size_t> disk = axialDisk(g, 200, 260, axial()->currentSlice(), 10.0);
    const std::set<std::size_t> expected = inRange(image(), disk, 0.0, 100.0);
    qInfo("threshold brush: %zu of the disk's %zu voxels lie in 0..100 HU", expected.size(), disk.size());
    QVERIFY2(!expected.empty() && expected.size() < disk.size(), "the range should cut the disk");
    QVERIFY(voxelsOf(document()->segmentation(), 1) == expected);
    QVERIFY2(document()->history().at(0).description.startsWith(QStringLiteral("Threshold brush (0 to 100)")),
             qPrintable(document()->history().at(0).description));
}

void TestEditingTools::thresholdBrushSeedsTheRangeFromThePointer()
{
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_B);
    ToolOptions* options = panel()->toolOptions();
    options->sizeBox()->setValue(10.0);
    options->rangeBox()->setChecked(true);
    options->seedRangeBox()->setChecked(true);
    options->seedToleranceBox()->setValue(20.0);
    QVERIFY(m_window->brushTool()->seedsRangeFromCursor());
    QCOMPARE(m_window->brushTool()->seedTolerance(), 20.0);
    QVERIFY(!options->lowerBox()->isEnabled()); // the range comes from the pointer

    const int64_t k = axial()->currentSlice();
    const double value = image().value(230, 250, k);
    click(axial(), screenOf(230, 250));
    QCOMPARE(options->lowerBox()->value(), value - 20.0);
    QCOMPARE(options->upperBox()->value(), value + 20.0);
    const std::set<std::size_t> expected =
        inRange(image(), axialDisk(document()->geometry(), 230, 250, k, 10.0), value - 20.0, value + 20.0);
    QVERIFY(!expected.empty());
    QVERIFY(voxelsOf(document()->segmentation(), 1) == expected);
}

void TestEditingTools::interpolationFillsTheConeBetweenTwoDiscs()
{
    OPEN_CT();
    // Discs of 10 mm and 4 mm about the same centre on slices 0 and 2: slice 1 should get the 7 mm disc between
    // them (shape-based), within one voxel.
    goToSlice(0);
    paintDisk(256, 256, 10.0);
    goToSlice(2);
    paintDisk(256, 256, 4.0);
    const std::set<std::size_t> drawn = voxelsOf(document()->segmentation(), 1);
    QCOMPARE(operations()->interpolationAxis(), 2); // the axial view was used last
    click(view(1), view(1)->rect().center() + QPoint(0, 100)); // a click in the coronal view makes it the last used
    QCOMPARE(operations()->interpolationAxis(), 1);
    operations()->axisBox()->setCurrentIndex(operations()->axisBox()->findData(int(LabelOperationsBox::AxisChoice::Axial)));
    QCOMPARE(operations()->interpolationAxis(), 2);

    QSignalSpy message(operations(), &LabelOperationsBox::message);
    operations()->interpolateButton()->click();
    qInfo("interpolate (512 x 512 x 3): %.1f ms", operations()->lastDurationMs());
    QCOMPARE(message.count(), 1);
    QVERIFY2(message.first().first().toString().startsWith(QStringLiteral("Interpolated label 1 across 1 slice")),
             qPrintable(message.first().first().toString()));
    const ImageGeometry& g = document()->geometry();
    const Segmentation& s = document()->segmentation();
    const double voxel = g.spacing()[0];
    int64_t inside = 0;
    for (int64_t j = 0; j < 512; ++j)
        for (int64_t i = 0; i < 512; ++i) {
            const double d = std::hypot((double(i) - 256) * g.spacing()[0], (double(j) - 256) * g.spacing()[1]);
            const bool labelled = s.labelAt(0, offsetOf(g, i, j, 1)) == 1;
            inside += labelled;
            if (d < 7.0 - voxel)
                QVERIFY2(labelled, qPrintable(QStringLiteral("(%1, %2) at %3 mm is missing").arg(i).arg(j).arg(d)));
            if (d > 7.0 + voxel)
                QVERIFY2(!labelled, qPrintable(QStringLiteral("(%1, %2) at %3 mm is extra").arg(i).arg(j).arg(d)));
        }
    QVERIFY(inside > 0);
    // The drawn slices are untouched; one undo takes the interpolation back.
    for (std::size_t o : drawn)
        QCOMPARE(s.labelAt(0, o), uint16_t(1));
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(voxelsOf(document()->segmentation(), 1) == drawn);
}

void TestEditingTools::islandsAreRemovedOrOnlyTheLargestKept()
{
    OPEN_CT();
    const ImageGeometry& g = m_window->state()->volume()->geometry();
    const int64_t k = axial()->currentSlice();
    paintDisk(150, 150, 12.0);
    paintDisk(350, 350, 1.5);
    paintDisk(400, 150, 1.0);
    paintDisk(150, 400, 8.0);
    const std::set<std::size_t> big = axialDisk(g, 150, 150, k, 12.0), medium = axialDisk(g, 150, 400, k, 8.0);
    const std::set<std::size_t> small = axialDisk(g, 350, 350, k, 1.5), tiny = axialDisk(g, 400, 150, k, 1.0);
    QVERIFY(voxelsOf(document()->segmentation(), 1) == unite(unite(big, medium), unite(small, tiny)));

    // Islands under the small disk's size plus one go: both specks, not the disks.
    operations()->minimumIslandBox()->setValue(int(small.size()) + 1);
    QSignalSpy message(operations(), &LabelOperationsBox::message);
    operations()->removeIslandsButton()->click();
    qInfo("remove islands (512 x 512 x 3): %.1f ms", operations()->lastDurationMs());
    QVERIFY(voxelsOf(document()->segmentation(), 1) == unite(big, medium));
    QCOMPARE(message.count(), 1);
    const QString said = message.first().first().toString();
    QVERIFY2(said.contains(QStringLiteral("had 4 island")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("2 removed (%1 voxels)").arg(small.size() + tiny.size())), qPrintable(said));

    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    operations()->keepLargestButton()->click();
    qInfo("keep largest (512 x 512 x 3): %.1f ms", operations()->lastDurationMs());
    QVERIFY(voxelsOf(document()->segmentation(), 1) == big);
    QVERIFY(document()->history().undoRecord()->description.startsWith(QStringLiteral("Keep the largest island of label 1")));
}

void TestEditingTools::smoothingClosesHolesAndOpensSpecks()
{
    OPEN_CT();
    const ImageGeometry& g = m_window->state()->volume()->geometry();
    const int64_t k = axial()->currentSlice();
    paintDisk(200, 200, 8.0);
    // A one-voxel hole in it and a one-voxel speck beside it.
    QTest::keyClick(m_window, Qt::Key_E);
    BrushSettings eraser = m_window->eraserTool()->settings();
    eraser.radius = 0.5;
    eraser.unit = BrushUnit::Voxels;
    m_window->eraserTool()->setSettings(eraser);
    click(axial(), screenOf(200, 200));
    QTest::keyClick(m_window, Qt::Key_B);
    BrushSettings dot = m_window->brushTool()->settings();
    dot.radius = 0.5;
    dot.unit = BrushUnit::Voxels;
    m_window->brushTool()->setSettings(dot);
    click(axial(), screenOf(300, 200));
    const std::size_t hole = offsetOf(g, 200, 200, k), speck = offsetOf(g, 300, 200, k);
    QCOMPARE(document()->segmentation().labelAt(0, hole), uint16_t(0));
    QCOMPARE(document()->segmentation().labelAt(0, speck), uint16_t(1));

    // Closing by 0.9 mm (one voxel in plane, none across the 1 mm slices) fills the hole; the result is what core
    // gives on a copy with the same label, kind and radius.
    operations()->smoothingBox()->setCurrentIndex(operations()->smoothingBox()->findData(int(SmoothingKind::Closing)));
    operations()->radiusBox()->setValue(0.9);
    SegmentationDocument copy(document()->segmentation());
    QVERIFY(smoothLabel(copy, 1, SmoothingKind::Closing, 0.9).ok());
    operations()->smoothButton()->click();
    qInfo("smooth, closing 0.9 mm (512 x 512 x 3): %.1f ms", operations()->lastDurationMs());
    QCOMPARE(document()->segmentation().labelAt(0, hole), uint16_t(1));
    QVERIFY(voxelsOf(document()->segmentation(), 1) == voxelsOf(copy.segmentation(), 1));

    // Opening removes the speck and keeps the disk's inside.
    operations()->smoothingBox()->setCurrentIndex(operations()->smoothingBox()->findData(int(SmoothingKind::Opening)));
    SegmentationDocument second(document()->segmentation());
    QVERIFY(smoothLabel(second, 1, SmoothingKind::Opening, 0.9).ok());
    operations()->smoothButton()->click();
    qInfo("smooth, opening 0.9 mm (512 x 512 x 3): %.1f ms", operations()->lastDurationMs());
    QCOMPARE(document()->segmentation().labelAt(0, speck), uint16_t(0));
    for (std::size_t o : axialDisk(g, 200, 200, k, 6.0))
        QCOMPARE(document()->segmentation().labelAt(0, o), uint16_t(1));
    QVERIFY(voxelsOf(document()->segmentation(), 1) == voxelsOf(second.segmentation(), 1));
    QVERIFY(document()->history().undoRecord()->description.startsWith(QStringLiteral("Smooth label 1 (opening, 0.9 mm)")));
}

void TestEditingTools::refusalsAreMessagesNotEdits()
{
    OPEN_CT();
    QVERIFY(!operations()->isEnabled()); // nothing to operate on before a segmentation exists
    paintDisk(200, 200, 5.0);
    QVERIFY(operations()->isEnabled());
    const int steps = document()->history().size();
    QSignalSpy message(operations(), &LabelOperationsBox::message);

    // Drawn on one slice only: nothing to interpolate between.
    operations()->interpolateButton()->click();
    QCOMPARE(message.count(), 1);
    QVERIFY2(message.last().first().toString().contains(QStringLiteral("at least two slices")),
             qPrintable(message.last().first().toString()));
    QCOMPARE(document()->history().size(), steps);

    // Locked: every operation says so and changes nothing.
    LabelEntry entry = *document()->labels().find(1);
    entry.locked = true;
    QVERIFY(updateLabel(*document(), entry).ok());
    const Segmentation before = document()->segmentation();
    const int lockedSteps = document()->history().size();
    for (QPushButton* button : {operations()->interpolateButton(), operations()->removeIslandsButton(),
                                operations()->keepLargestButton(), operations()->smoothButton()}) {
        message.clear();
        button->click();
        QCOMPARE(message.count(), 1);
        QVERIFY2(message.first().first().toString().contains(QStringLiteral("locked")),
                 qPrintable(message.first().first().toString()));
    }
    QCOMPARE(document()->history().size(), lockedSteps);
    QVERIFY(document()->segmentation() == before);
    // The panel forwards the messages to the status bar.
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("locked")));
}

void TestEditingTools::operationTimesOnTheSampleMri()
{
    // The operations on a whole brain mask of the Colin 27 sample (181 x 217 x 181, 1 mm; mricron-data's ch2bet > 0):
    // they run on the UI thread, so they must stay short.
    const QString colin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");
    const QString bet = QStringLiteral("/usr/share/mricron/templates/ch2bet.nii.gz");
    DELINEATE_REQUIRE_PACKAGED(colin);
    DELINEATE_REQUIRE_PACKAGED(bet);
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(colin);
    QVERIFY(shown.wait(60000));
    auto brain = readVolume(bet);
    QVERIFY(brain.ok());
    std::vector<uint8_t> values(brain->voxelCount());
    for (std::size_t o = 0; o < values.size(); ++o)
        values[o] = brain->valueAt(o) > 0 ? 1 : 0;
    LabelTable table;
    table.set(table.makeEntry(1));
    auto mask = Segmentation::fromLayers(brain->geometry(), {LabelLayer::fromUInt8(values)}, table);
    QVERIFY(mask.ok());
    QTemporaryDir files;
    const QString path = files.filePath(QStringLiteral("brain.nii.gz"));
    QVERIFY(writeSegmentationFile(*mask, path).ok());
    m_window->openSegmentationFile(path);
    QVERIFY(document());
    const std::size_t voxels = document()->segmentation().labelVoxelCount(1);

    QStringList figures;
    const auto time = [&](const QString& name, QPushButton* button) {
        button->click();
        figures << QStringLiteral("%1 %2 ms").arg(name).arg(operations()->lastDurationMs(), 0, 'f', 0);
        QVERIFY2(operations()->lastDurationMs() < 10000.0, qPrintable(figures.last()));
    };
    operations()->minimumIslandBox()->setValue(100);
    time(QStringLiteral("remove islands"), operations()->removeIslandsButton());
    time(QStringLiteral("keep largest"), operations()->keepLargestButton());
    operations()->radiusBox()->setValue(2.0);
    operations()->smoothingBox()->setCurrentIndex(0);
    time(QStringLiteral("opening 2 mm"), operations()->smoothButton());
    operations()->smoothingBox()->setCurrentIndex(1);
    time(QStringLiteral("closing 2 mm"), operations()->smoothButton());
    time(QStringLiteral("interpolate"), operations()->interpolateButton());
    // 3D fill from the centre of the brain.
    QTest::keyClick(m_window, Qt::Key_2);
    QTest::keyClick(m_window, Qt::Key_G);
    panel()->toolOptions()->fillToleranceBox()->setValue(15.0);
    panel()->toolOptions()->fillDimensionBox()->setCurrentIndex(1);
    QElapsedTimer timer;
    timer.start();
    click(axial(), axial()->rect().center());
    figures << QStringLiteral("3D fill %1 ms (%2 voxels)")
                   .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 0)
                   .arg(document()->segmentation().labelVoxelCount(2));
    qInfo("brain mask of %zu voxels: %s", voxels, qPrintable(figures.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestEditingTools)
#include "tst_EditingTools.moc"
