// Side by side (offscreen): two series of one study in linked views. Scrolling one moves the other to the slice
// nearest the same patient position when both share a frame of reference (checked against positions computed here
// from each series' geometry), and to the same relative slice, with a "not registered" note, when they do not.
//
// No series pair in the shared data shares a frame of reference on different grids (its shared frames hold only
// localizers, projections, or copies of one grid), so the study of the first tests is written here from a real MRI
// (Colin 27, mricron-data) as a scanner writes two reconstructions of one acquisition: a 2 mm series over the whole
// head and a 5 mm series over part of it, in one study and one frame of reference. The other tests use the shared
// data as it is: a real pair sharing a frame of reference (dcmqi 23x38x3 as single frames and as one enhanced
// object) and two real CTs in frames of their own (dcm_qa_ct GE and Philips).
#include "TestData.h"

#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"
#include "dicom/SeriesWriter.h"
#include "image/Resample.h"
#include "image/SliceMatch.h"
#include "image/Volume.h"
#include "io/VolumeIO.h"
#include "jobs/JobControl.h"
#include "model/ComparisonLink.h"
#include "model/StudyLoader.h"
#include "model/ViewerState.h"
#include "widgets/ComparisonView.h"
#include "widgets/MainWindow.h"
#include "widgets/SideBySide.h"
#include "widgets/SliceView.h"
#include "widgets/StudyBrowser.h"
#include "widgets/ViewerPanel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <cstring>
#include <limits>

using namespace delineate;

namespace {

const QString kColin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");
const QString kThin = QStringLiteral("T1 2 mm");
const QString kThick = QStringLiteral("T1 5 mm (partial)");
constexpr int kLoadTimeout = 60000;

QString testUid()
{
    return QStringLiteral("2.25.%1%2")
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(QRandomGenerator::global()->bounded(100000000));
}

// Slices [first, first + count) of `volume`, on their own grid (the origin moves to the first kept slice).
Volume cropSlices(const Volume& volume, int first, int count)
{
    ImageGeometry g = volume.geometry();
    const Vector3 origin = g.indexToPhysical({0.0, 0.0, double(first)});
    g.setSize({g.size()[0], g.size()[1], count});
    g.setOrigin(origin);
    Volume cropped(g, volume.pixelType());
    const std::size_t slice = std::size_t(g.size()[0] * g.size()[1]);
    if (volume.pixelType() == PixelType::Int16)
        std::memcpy(cropped.int16Data(), volume.int16Data() + slice * std::size_t(first), slice * count * sizeof(int16_t));
    else
        std::memcpy(cropped.float32Data(), volume.float32Data() + slice * std::size_t(first), slice * count * sizeof(float));
    return cropped;
}

// The voxel axis nearest to the patient's head-feet axis: the axial view's slice axis.
int axialAxis(const ImageGeometry& g)
{
    int best = 0;
    for (int axis = 1; axis < 3; ++axis)
        if (std::abs(g.axisDirection(axis)[2]) > std::abs(g.axisDirection(best)[2]))
            best = axis;
    return best;
}

// Brute force: the slice of `target` (along `axis`) whose plane is nearest to `point`, positions taken along the
// axis' direction: every slice's position is computed from the geometry and the smallest distance wins.
int nearestSliceBruteForce(const ImageGeometry& target, int axis, const Vector3& point)
{
    const Vector3 normal = target.axisDirection(axis);
    const double wanted = dot(point, normal);
    int best = 0;
    double bestDistance = std::numeric_limits<double>::max();
    for (int k = 0; k < target.size()[std::size_t(axis)]; ++k) {
        Vector3 index{0.0, 0.0, 0.0};
        index[std::size_t(axis)] = k;
        const double distance = std::abs(dot(target.indexToPhysical(index), normal) - wanted);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = k;
        }
    }
    return best;
}

Vector3 physicalOf(const ViewerState& state)
{
    const auto c = state.cursor();
    return state.volume()->geometry().indexToPhysical({double(c[0]), double(c[1]), double(c[2])});
}

QString seriesKeyByDescription(const ScanResult& scan, const QString& description)
{
    for (const SeriesInfo& series : scan.allSeries())
        if (series.seriesDescription == description)
            return series.key;
    return {};
}

LoadedSeries loadByDescription(const QString& folder, const QString& description)
{
    SimpleJobControl control;
    Expected<ScanResult> scan = scanDicom(folder, control);
    if (!scan.ok())
        return {};
    const SeriesInfo* series = scan->findSeries(seriesKeyByDescription(*scan, description));
    if (!series)
        return {};
    Expected<LoadedSeries> loaded = loadSeries(*series, control);
    return loaded.ok() ? std::move(loaded).value() : LoadedSeries{};
}

} // namespace

class TestComparison : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void positionMatchOnTwoReconstructions();
    void fractionMatchOnSeriesInTheirOwnFrames();
    void linkedScrollingByPatientPosition();
    void realPairSharingAFrameLinksByPosition();
    void differentFramesOfReferenceSayNotRegistered();

private:
    // Opens `folder` in `window`, then compares the series on screen with the one described `description`.
    bool openAndCompare(MainWindow& window, const QString& folder, const QString& otherKey);

    QTemporaryDir m_folder;
    QString m_study; // the two reconstructions of Colin 27
};

void TestComparison::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_Comparison"));
    QSettings().clear();
    if (!QFileInfo::exists(kColin))
        return; // the tests that need it fail with the package named
    Expected<Volume> colin = readVolume(kColin);
    QVERIFY(colin.ok());
    const Volume& source = colin.value();
    const auto size = source.geometry().size();
    // Two reconstructions of one acquisition: the whole head in 2 mm slices, and 5 mm slices of part of it.
    const Volume thin = resampleLinear(source, resizedGeometry(source.geometry(), {128, 128, size[2] / 2}));
    const Volume thickWhole = resampleLinear(source, resizedGeometry(source.geometry(), {128, 128, size[2] / 5}));
    const Volume thick = cropSlices(thickWhole, 7, 20);
    m_study = m_folder.filePath(QStringLiteral("study"));
    SeriesWriteOptions options;
    options.studyInstanceUid = testUid();
    options.frameOfReferenceUid = options.studyInstanceUid + QStringLiteral(".1");
    options.studyDescription = QStringLiteral("MR head");
    SimpleJobControl control;
    options.seriesDescription = kThin;
    options.seriesNumber = 2;
    QVERIFY(writeDicomSeries(thin, QDir(m_study).filePath(QStringLiteral("thin")), options, control).ok());
    options.seriesDescription = kThick;
    options.seriesNumber = 3;
    QVERIFY(writeDicomSeries(thick, QDir(m_study).filePath(QStringLiteral("thick")), options, control).ok());
}

void TestComparison::positionMatchOnTwoReconstructions()
{
    // The geometry function alone, on the two series as the loader reads them back from their files.
    DELINEATE_REQUIRE_PACKAGED(kColin);
    const LoadedSeries thin = loadByDescription(m_study, kThin);
    const LoadedSeries thick = loadByDescription(m_study, kThick);
    QVERIFY(!thin.volume.isEmpty() && !thick.volume.isEmpty());
    QCOMPARE(thin.info.frameOfReferenceUid, thick.info.frameOfReferenceUid);
    const ImageGeometry& a = thin.volume.geometry();
    const ImageGeometry& b = thick.volume.geometry();
    const int axisA = axialAxis(a), axisB = axialAxis(b);
    int differsFromFraction = 0, outside = 0;
    for (int k = 0; k < a.size()[std::size_t(axisA)]; ++k) {
        const SliceMatch match = matchSliceByPosition(a, axisA, k, b, axisB);
        const Vector3 centre = sliceCentre(a, axisA, k);
        QCOMPARE(match.slice, nearestSliceBruteForce(b, axisB, centre));
        if (match.slice != matchSliceByFraction(a, axisA, k, b, axisB))
            ++differsFromFraction;
        // Beyond the thick series' slices: said so, with the distance to its end slice.
        Vector3 endIndex{0.0, 0.0, 0.0};
        endIndex[std::size_t(axisB)] = match.slice;
        const double distance = std::abs(dot(centre, b.axisDirection(axisB))
                                         - dot(b.indexToPhysical(endIndex), b.axisDirection(axisB)));
        QVERIFY(std::abs(match.distanceMm - distance) < 1e-6);
        if (!match.withinImage) {
            ++outside;
            QVERIFY(distance > b.spacing()[std::size_t(axisB)] / 2.0);
        }
    }
    // The pair tells position from slice number apart: most slices differ, and the thin series reaches beyond the
    // thick one at both ends.
    QVERIFY2(differsFromFraction > a.size()[std::size_t(axisA)] / 2, qPrintable(QString::number(differsFromFraction)));
    QVERIFY(outside > 20);
    // And back: every thick slice finds the thin slice at its position.
    for (int k = 0; k < b.size()[std::size_t(axisB)]; ++k)
        QCOMPARE(matchSliceByPosition(b, axisB, k, a, axisA).slice, nearestSliceBruteForce(a, axisA, sliceCentre(b, axisB, k)));
}

void TestComparison::fractionMatchOnSeriesInTheirOwnFrames()
{
    // Two real head CTs in frames of reference of their own: the same relative slice, counted from the same end of
    // the patient.
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcm_qa_ct/In"));
    SimpleJobControl control;
    Expected<ScanResult> scan = scanDicom(testing::dataPath(QStringLiteral("dcm_qa_ct/In")), control);
    QVERIFY(scan.ok());
    const QVector<SeriesInfo> all = scan->allSeries();
    QCOMPARE(all.size(), 2);
    QVERIFY(!all[0].frameOfReferenceUid.isEmpty() && !all[1].frameOfReferenceUid.isEmpty());
    QVERIFY(all[0].frameOfReferenceUid != all[1].frameOfReferenceUid);
    Expected<LoadedSeries> first = loadSeries(all[0], control);
    Expected<LoadedSeries> second = loadSeries(all[1], control);
    QVERIFY(first.ok() && second.ok());
    const ImageGeometry& a = first->volume.geometry();
    const ImageGeometry& b = second->volume.geometry();
    const int axisA = axialAxis(a), axisB = axialAxis(b);
    const int countA = int(a.size()[std::size_t(axisA)]), countB = int(b.size()[std::size_t(axisB)]);
    const bool sameWay = a.axisDirection(axisA)[2] * b.axisDirection(axisB)[2] > 0; // both towards the head or feet
    for (int k = 0; k < countA; ++k) {
        const double fraction = double(k) / (countA - 1);
        const int expected = int(std::lround((sameWay ? fraction : 1.0 - fraction) * (countB - 1)));
        QCOMPARE(matchSliceByFraction(a, axisA, k, b, axisB), expected);
    }
    QCOMPARE(matchSliceByFraction(a, axisA, 0, b, axisB), sameWay ? 0 : countB - 1);
    // The same slices of the second CT stacked the other way (its last slice first, the slice axis reversed): the
    // match reverses too, so that both views still move towards the same end of the patient.
    ImageGeometry reversed = b;
    Vector3 lastIndex{0.0, 0.0, 0.0};
    lastIndex[std::size_t(axisB)] = countB - 1;
    reversed.setOrigin(b.indexToPhysical(lastIndex));
    Matrix3 direction = b.direction();
    for (int row = 0; row < 3; ++row)
        direction[std::size_t(row)][std::size_t(axisB)] = -direction[std::size_t(row)][std::size_t(axisB)];
    reversed.setDirection(direction);
    for (int k = 0; k < countA; ++k)
        QCOMPARE(matchSliceByFraction(a, axisA, k, reversed, axisB), countB - 1 - matchSliceByFraction(a, axisA, k, b, axisB));
}

bool TestComparison::openAndCompare(MainWindow& window, const QString& folder, const QString& otherKey)
{
    Q_UNUSED(folder);
    // The study browser's context menu on the other series: "Compare Side by Side".
    QTreeWidgetItem* item = window.studyBrowser()->seriesItem(otherKey);
    if (!item)
        return false;
    std::unique_ptr<QMenu> menu(window.studyBrowser()->createContextMenu(item));
    if (!menu)
        return false;
    QAction* compare = nullptr;
    for (QAction* action : menu->actions())
        if (action->text() == StudyBrowser::tr("Compare Side by Side"))
            compare = action;
    if (!compare || !compare->isEnabled())
        return false;
    QSignalSpy active(window.sideBySide(), &SideBySide::activeChanged);
    compare->trigger();
    return active.wait(kLoadTimeout) && active.first().first().toBool();
}

void TestComparison::linkedScrollingByPatientPosition()
{
    DELINEATE_REQUIRE_PACKAGED(kColin);
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(&window, &MainWindow::imageShown);
    window.openPath(m_study);
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(window.lastError() + QStringLiteral(" / ") + window.statusBar()->currentMessage()));
    ViewerState* main = window.state();
    QCOMPARE(main->info().seriesDescription, kThin); // the series with more images opens first
    const QString thickKey = seriesKeyByDescription(window.loader()->scan(), kThick);
    QVERIFY(!thickKey.isEmpty());
    // Not beside itself.
    std::unique_ptr<QMenu> ownMenu(window.studyBrowser()->createContextMenu(
        window.studyBrowser()->seriesItem(main->info().seriesKey)));
    for (QAction* action : ownMenu->actions())
        if (action->text() == StudyBrowser::tr("Compare Side by Side"))
            QVERIFY(!action->isEnabled());

    QVERIFY(openAndCompare(window, m_study, thickKey));
    ComparisonView* comparison = window.sideBySide()->view();
    QVERIFY(comparison->isVisible());
    QVERIFY(!window.viewerPanel()->isVisible());
    ViewerState* other = comparison->otherState();
    QCOMPARE(other->info().seriesDescription, kThick);
    QVERIFY(other != main);
    QCOMPARE(comparison->mainView()->state(), main);
    QCOMPARE(comparison->otherView()->state(), other);
    QCOMPARE(comparison->link()->mode(), ComparisonLink::Mode::Position);
    QVERIFY(comparison->linkNote()->isVisible());
    QVERIFY(!comparison->linkNote()->text().contains(QStringLiteral("Not registered")));

    const ImageGeometry& a = main->volume()->geometry();
    const ImageGeometry& b = other->volume()->geometry();
    const int axisA = axialAxis(a), axisB = axialAxis(b);
    QCOMPARE(comparison->mainView()->model().sliceAxis(), axisA);
    QCOMPARE(comparison->otherView()->model().sliceAxis(), axisB);

    // Scroll the thin series through all its slices with the keys: the thick one always shows the slice nearest
    // the same patient position along the view normal.
    SliceView* mainView = comparison->mainView();
    const int countA = int(a.size()[std::size_t(axisA)]);
    for (int n = 0; n < countA / 10 + 1; ++n)
        QTest::keyClick(mainView, Qt::Key_PageDown);
    QCOMPARE(mainView->currentSlice(), 0);
    int notSameIndex = 0, notSameFraction = 0, beyond = 0;
    for (int k = 0; k < countA; ++k) {
        QCOMPARE(int(main->cursor()[std::size_t(axisA)]), k);
        const int expected = nearestSliceBruteForce(b, axisB, physicalOf(*main));
        QCOMPARE(int(other->cursor()[std::size_t(axisB)]), expected);
        QCOMPARE(comparison->otherView()->currentSlice(), expected);
        notSameIndex += expected != std::min(k, int(b.size()[std::size_t(axisB)]) - 1);
        notSameFraction += expected != matchSliceByFraction(a, axisA, k, b, axisB);
        if (!comparison->link()->lastMatch().withinImage) {
            ++beyond;
            QVERIFY2(comparison->linkNote()->text().contains(QStringLiteral("beyond")),
                     qPrintable(comparison->linkNote()->text()));
        }
        QTest::keyClick(mainView, Qt::Key_Up);
    }
    QVERIFY(notSameIndex > countA / 2);
    QVERIFY(notSameFraction > countA / 2);
    QVERIFY(beyond > 20);

    // And the other way: scrolling the thick series moves the thin one to the slice at its position.
    SliceView* otherView = comparison->otherView();
    for (int n = 0; n < 3; ++n)
        QTest::keyClick(otherView, Qt::Key_PageDown);
    for (int k = 0; k < int(b.size()[std::size_t(axisB)]); ++k) {
        QCOMPARE(int(other->cursor()[std::size_t(axisB)]), k);
        QCOMPARE(int(main->cursor()[std::size_t(axisA)]), nearestSliceBruteForce(a, axisA, physicalOf(*other)));
        QTest::keyClick(otherView, Qt::Key_Up);
    }
    // DELINEATE_SCREENSHOT_DIR=... saves the comparison as it looks (docs/screenshots/side-by-side.png): both series
    // through the basal ganglia, 12 mm above the origin.
    if (const QString dir = qEnvironmentVariable("DELINEATE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        Vector3 point = physicalOf(*main);
        point[2] = 12.0;
        const Vector3 index = a.physicalToIndex(point);
        ViewerState::Index cursor = main->cursor();
        cursor[std::size_t(axisA)] = std::llround(index[std::size_t(axisA)]);
        main->setCursor(cursor);
        QTest::qWait(200);
        QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("side-by-side.png"))));
    }
    // Each view keeps its own window: a right-button drag in one leaves the other's as it was.
    const WindowLevel otherWindow = other->window();
    const WindowLevel mainWindow = main->window();
    const QPoint centre = otherView->rect().center();
    QTest::mousePress(otherView, Qt::RightButton, Qt::NoModifier, centre);
    QTest::mouseMove(otherView, centre + QPoint(40, 30));
    QTest::mouseRelease(otherView, Qt::RightButton, Qt::NoModifier, centre + QPoint(40, 30));
    QVERIFY(!(other->window() == otherWindow));
    QVERIFY(main->window() == mainWindow);

    // The orientation chooser serves both views.
    comparison->setOrientation(ViewOrientation::Coronal);
    QCOMPARE(comparison->mainView()->model().orientation(), ViewOrientation::Coronal);
    QCOMPARE(comparison->otherView()->model().orientation(), ViewOrientation::Coronal);
    QTest::keyClick(comparison->mainView(), Qt::Key_Up);
    {
        const int axis = comparison->otherView()->model().sliceAxis();
        QCOMPARE(int(other->cursor()[std::size_t(axis)]), nearestSliceBruteForce(b, axis, physicalOf(*main)));
    }
    comparison->setOrientation(ViewOrientation::Axial);

    // Zoom (Ctrl + wheel) in one view and pan (middle drag) in the other: both keep one scale, and the crosshair
    // (the same patient point) at the same place on screen.
    const auto crosshairOnScreen = [](const SliceView* view) {
        const auto c = view->state()->cursor();
        return view->screenPoint({double(c[0]), double(c[1]), double(c[2])});
    };
    const auto sameScaleAndPlace = [&]() {
        const SliceView* left = comparison->mainView();
        const SliceView* right = comparison->otherView();
        return std::abs(left->pixelsPerMillimetre() - right->pixelsPerMillimetre()) < 1e-9
               && (crosshairOnScreen(left) - crosshairOnScreen(right)).manhattanLength() < 1.0;
    };
    {
        SliceView* left = comparison->mainView();
        const double before = left->pixelsPerMillimetre();
        const QPointF where(left->width() * 0.3, left->height() * 0.6);
        QWheelEvent zoom(where, left->mapToGlobal(where), QPoint(), QPoint(0, 360), Qt::NoButton, Qt::ControlModifier,
                         Qt::NoScrollPhase, false);
        QApplication::sendEvent(left, &zoom);
        QTest::qWait(20);
        QVERIFY(left->pixelsPerMillimetre() > before * 1.2);
        QVERIFY(sameScaleAndPlace());
        SliceView* right = comparison->otherView();
        const QPoint start = right->rect().center();
        const QPointF rightBefore = crosshairOnScreen(right);
        QTest::mousePress(right, Qt::MiddleButton, Qt::NoModifier, start);
        QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(37, -21)), right->mapToGlobal(QPointF(start + QPoint(37, -21))),
                         Qt::NoButton, Qt::MiddleButton, Qt::NoModifier);
        QApplication::sendEvent(right, &move);
        QTest::mouseRelease(right, Qt::MiddleButton, Qt::NoModifier, start + QPoint(37, -21));
        QTest::qWait(20);
        QVERIFY((crosshairOnScreen(right) - rightBefore - QPointF(37, -21)).manhattanLength() < 1.0); // panned
        QVERIFY(sameScaleAndPlace()); // and the left view followed
    }

    // Linking switched off: the other view stays where it is.
    comparison->linkSwitch()->setChecked(false);
    QCOMPARE(comparison->link()->mode(), ComparisonLink::Mode::Off);
    const auto before = other->cursor();
    QTest::keyClick(comparison->mainView(), Qt::Key_PageDown);
    QCOMPARE(other->cursor(), before);
    comparison->linkSwitch()->setChecked(true);
    QCOMPARE(int(other->cursor()[std::size_t(axisB)]), nearestSliceBruteForce(b, axisB, physicalOf(*main)));


    // Leaving returns to the normal layout; the segmentation and tools were the main series' all along.
    comparison->closeButton()->click();
    QVERIFY(!window.sideBySide()->isActive());
    QVERIFY(window.viewerPanel()->isVisible());
    QVERIFY(!other->hasImage());
    QCOMPARE(window.state(), main);
    QCOMPARE(main->info().seriesDescription, kThin);
}

void TestComparison::realPairSharingAFrameLinksByPosition()
{
    // dcmqi's 23x38x3 CT as three single-frame files and as one enhanced multi-frame object: two series, one frame.
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcmqi-seg/23x38x3"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(&window, &MainWindow::imageShown);
    const QString folder = testing::dataPath(QStringLiteral("dcmqi-seg/23x38x3"));
    window.openPath(folder);
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(window.lastError() + QStringLiteral(" / ") + window.statusBar()->currentMessage()));
    QString otherKey;
    for (const SeriesInfo& series : window.loader()->scan().allSeries())
        if (series.key != window.state()->info().seriesKey)
            otherKey = series.key;
    QVERIFY(!otherKey.isEmpty());
    // This time through View > Compare Side by Side With: it lists the other series (not the one on screen).
    auto* menu = window.findChild<QMenu*>(QStringLiteral("CompareSideBySideMenu"));
    QVERIFY(menu);
    QVERIFY(menu->isEnabled());
    Q_EMIT menu->aboutToShow();
    const QList<QAction*> entries = menu->actions();
    QCOMPARE(entries.size(), 1);
    QVERIFY2(entries.first()->text().startsWith(QStringLiteral("%1: ").arg(
                 window.loader()->scan().findSeries(otherKey)->seriesNumber)), qPrintable(entries.first()->text()));
    QSignalSpy active(window.sideBySide(), &SideBySide::activeChanged);
    entries.first()->trigger();
    QVERIFY(active.wait(kLoadTimeout));
    ComparisonView* comparison = window.sideBySide()->view();
    QCOMPARE(comparison->otherState()->info().seriesKey, otherKey);
    QCOMPARE(comparison->otherState()->info().frameOfReferenceUid, window.state()->info().frameOfReferenceUid);
    QCOMPARE(comparison->link()->mode(), ComparisonLink::Mode::Position);
    const ImageGeometry& b = comparison->otherState()->volume()->geometry();
    const int axisB = axialAxis(b);
    for (int n = 0; n < 3; ++n) {
        QTest::keyClick(comparison->mainView(), n == 0 ? Qt::Key_PageDown : Qt::Key_Up);
        QCOMPARE(int(comparison->otherState()->cursor()[std::size_t(axisB)]),
                 nearestSliceBruteForce(b, axisB, physicalOf(*window.state())));
    }
}

void TestComparison::differentFramesOfReferenceSayNotRegistered()
{
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcm_qa_ct/In"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(&window, &MainWindow::imageShown);
    const QString folder = testing::dataPath(QStringLiteral("dcm_qa_ct/In"));
    window.openPath(folder);
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(window.lastError() + QStringLiteral(" / ") + window.statusBar()->currentMessage()));
    ViewerState* main = window.state();
    QString otherKey;
    for (const SeriesInfo& series : window.loader()->scan().allSeries())
        if (series.key != main->info().seriesKey)
            otherKey = series.key;
    QVERIFY(openAndCompare(window, folder, otherKey));
    ComparisonView* comparison = window.sideBySide()->view();
    ViewerState* other = comparison->otherState();
    QVERIFY(main->info().frameOfReferenceUid != other->info().frameOfReferenceUid);
    QCOMPARE(comparison->link()->mode(), ComparisonLink::Mode::SliceFraction);
    QVERIFY(comparison->linkNote()->isVisible());
    QVERIFY2(comparison->linkNote()->text().contains(QStringLiteral("Not registered")),
             qPrintable(comparison->linkNote()->text()));
    // Two phantoms/patients: the note says so too.
    QVERIFY(main->info().patientId != other->info().patientId);
    QVERIFY(comparison->linkNote()->text().contains(QStringLiteral("Different patients")));
    // Linked by relative slice, counted from the same end of the patient.
    const ImageGeometry& a = main->volume()->geometry();
    const ImageGeometry& b = other->volume()->geometry();
    const int axisA = axialAxis(a), axisB = axialAxis(b);
    const int countA = int(a.size()[std::size_t(axisA)]), countB = int(b.size()[std::size_t(axisB)]);
    const bool sameWay = a.axisDirection(axisA)[2] * b.axisDirection(axisB)[2] > 0;
    for (int n = 0; n < 4; ++n) {
        QTest::keyClick(comparison->mainView(), Qt::Key_Up);
        const double fraction = double(main->cursor()[std::size_t(axisA)]) / (countA - 1);
        QCOMPARE(int(other->cursor()[std::size_t(axisB)]),
                 int(std::lround((sameWay ? fraction : 1.0 - fraction) * (countB - 1))));
    }
    // Escape leaves the comparison.
    QTest::keyClick(comparison->mainView(), Qt::Key_Escape);
    QVERIFY(!window.sideBySide()->isActive());
    QVERIFY(window.viewerPanel()->isVisible());
}

QTEST_MAIN(TestComparison)
#include "tst_Comparison.moc"

