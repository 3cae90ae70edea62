// Measurements through the window, as a user makes them: a ruler dragged between two voxel centres of the
// anisotropic brain MR of pyradiomics (0.78 x 0.78 x 6.5 mm) on the coronal view, a rectangle and an ellipse on
// dcmqi's body CT (values in HU), an angle by three clicks, editing by a handle, Delete, the list kept per series,
// the JSON file beside the study and back. Every expected value is computed here from the volume's voxels and the
// grid's numbers, never taken from Delineate's output.
#include "SampleStatistics.h"
#include "TestData.h"

#include "image/Volume.h"
#include "io/DicomSeg.h"
#include "measure/Measurement.h"
#include "model/MeasurementList.h"
#include "model/ViewerState.h"
#include "tools/MeasureTool.h"
#include "widgets/MainWindow.h"
#include "widgets/MeasurementPanel.h"
#include "widgets/SliceView.h"
#include "widgets/ViewerPanel.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMouseEvent>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <vector>

using namespace delineate;

namespace {

constexpr int kLoadTimeout = 60000;
const QString kBrain = QStringLiteral("pyradiomics-brain1/brain1_image.nrrd");
const QString kCt = QStringLiteral("dcmqi-seg/ct-3slice");

void sendMouse(QWidget* widget, QEvent::Type type, const QPointF& position)
{
    const Qt::MouseButtons buttons = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::MouseButtons(Qt::LeftButton);
    QMouseEvent event(type, position, widget->mapToGlobal(position), type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton,
                      buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

void drag(SliceView* view, const Vector3& from, const Vector3& to)
{
    const QPointF a = view->screenPoint(from), b = view->screenPoint(to);
    sendMouse(view, QEvent::MouseButtonPress, a);
    sendMouse(view, QEvent::MouseMove, (a + b) / 2.0);
    sendMouse(view, QEvent::MouseMove, b);
    sendMouse(view, QEvent::MouseButtonRelease, b);
}

void click(SliceView* view, const Vector3& at)
{
    const QPointF p = view->screenPoint(at);
    sendMouse(view, QEvent::MouseButtonPress, p);
    sendMouse(view, QEvent::MouseButtonRelease, p);
}

// LPS mm of a voxel index, written out: origin + sum of index x spacing x direction column.
Vector3 lps(const ImageGeometry& g, const Vector3& index)
{
    Vector3 p = g.origin();
    for (int axis = 0; axis < 3; ++axis)
        for (int r = 0; r < 3; ++r)
            p[r] += index[axis] * g.spacing()[axis] * g.direction()[r][axis];
    return p;
}

Vector3 minus(const Vector3& a, const Vector3& b)
{
    return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}

double norm(const Vector3& v)
{
    return std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
}

// The axial slice k's voxels with i in [i0, i1] and j in [j0, j1] (inclusive), or those inside the ellipse
// inscribed in that box (centre distance measured in mm); two-pass mean and sample SD.
testing::SampleStatistics axialRegion(const Volume& v, int64_t k, int64_t i0, int64_t j0, int64_t i1, int64_t j1, bool ellipse)
{
    const auto& s = v.geometry().spacing();
    const double ci = (i0 + i1) / 2.0 * s[0], cj = (j0 + j1) / 2.0 * s[1];
    const double ri = (i1 - i0) / 2.0 * s[0], rj = (j1 - j0) / 2.0 * s[1];
    std::vector<double> values;
    for (int64_t j = j0; j <= j1; ++j)
        for (int64_t i = i0; i <= i1; ++i) {
            const double x = (i * s[0] - ci) / ri, y = (j * s[1] - cj) / rj;
            if (!ellipse || x * x + y * y <= 1.0 + 1e-12)
                values.push_back(v.value(i, j, k));
        }
    return testing::sampleStatistics(values);
}

// Pixels of `image` near `centre` drawn in the selected measurement's cyan: never a grey of the picture.
bool cyanNear(const QImage& image, const QPointF& centre)
{
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
            const QColor c = image.pixelColor(int(centre.x()) + dx, int(centre.y()) + dy);
            if (c.blue() > 180 && c.green() > 150 && c.red() < 140)
                return true;
        }
    return false;
}

} // namespace

class TestMeasurementPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rulerBetweenVoxelCentresOnAnisotropicVoxels();
    void regionsOnBodyCtInHounsfieldUnits();
    void angleOfThreeClickedPoints();
    void keptPerSeriesAndSavedBesideTheStudy();
    void resampledSeriesIsSaid();
    void screenshot();

private:
    void open(const QString& path);

    QTemporaryDir m_home;
    MainWindow* m_window = nullptr;
};

void TestMeasurementPanel::initTestCase()
{
    // Recovery journals of other runs must not ask questions here.
    QVERIFY(m_home.isValid());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_MeasurementPanel"));
    QSettings().clear();
}

void TestMeasurementPanel::init()
{
    m_window = new MainWindow;
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMeasurementPanel::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

void TestMeasurementPanel::open(const QString& relative)
{
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(delineate::testing::dataPath(relative));
    QVERIFY(shown.wait(kLoadTimeout));
    QApplication::processEvents();
}

void TestMeasurementPanel::rulerBetweenVoxelCentresOnAnisotropicVoxels()
{
    DELINEATE_REQUIRE_DATA(kBrain);
    open(kBrain);
    ViewerState* state = m_window->state();
    const ImageGeometry& g = state->volume()->geometry();
    QVERIFY(g.spacing()[2] > 5.0 * g.spacing()[0]); // 6.5 mm slices, 0.78 mm pixels

    // The Measure menu's M chooses the ruler.
    QTest::keyClick(m_window->viewerPanel()->axialView(), Qt::Key_M);
    QCOMPARE(m_window->viewerPanel()->tool(), static_cast<SliceTool*>(m_window->measureTool()));
    QVERIFY(m_window->measureTool()->kind() == MeasurementKind::Ruler);

    // On the coronal view (i across, k down): from voxel (60, j, 5) to (190, j, 20), 130 columns and 15 thick slices.
    SliceView* coronal = m_window->viewerPanel()->view(1);
    QCOMPARE(coronal->model().sliceAxis(), 1);
    const double j = double(state->cursor()[1]);
    const Vector3 a{60, j, 5}, b{190, j, 20};
    const QImage before = coronal->grab().toImage();
    drag(coronal, a, b);
    MeasurementList* list = m_window->measurements();
    QCOMPARE(list->rowCount(), 1);
    const Measurement& ruler = list->measurements().front();
    const double expected = norm(minus(lps(g, a), lps(g, b)));
    QVERIFY2(std::abs(ruler.lengthMm - expected) < 1e-6, qPrintable(QStringLiteral("%1 vs %2").arg(ruler.lengthMm).arg(expected)));
    QVERIFY(std::abs(expected - std::hypot(130 * g.spacing()[0], 15 * g.spacing()[2])) < 1e-9);
    // In voxels it would be hypot(130, 15) x 0.78 = 102 mm; in mm it is 143.
    QVERIFY(expected > 140.0);
    // The panel lists it with its value, and says how to read numbers on these voxels.
    QTableView* table = m_window->measurementPanel()->table();
    const QString value = table->model()->index(0, MeasurementList::ValueColumn).data().toString();
    QVERIFY2(value.contains(QString::number(expected, 'f', 1)), qPrintable(value));
    QVERIFY2(m_window->measurementPanel()->notesLabel()->text().contains(QStringLiteral("6.5")),
             qPrintable(m_window->measurementPanel()->notesLabel()->text()));
    // It is drawn on the coronal view (selected: cyan) over the ruler's middle, and on no other view.
    const QPointF middle = (coronal->screenPoint(a) + coronal->screenPoint(b)) / 2.0;
    QVERIFY(!cyanNear(before, middle));
    QVERIFY(cyanNear(coronal->grab().toImage(), middle));

    // A drag of its end handle moves that end: the length follows the geometry again.
    const Vector3 c{200, j, 2};
    drag(coronal, b, c);
    QCOMPARE(list->rowCount(), 1);
    const double moved = norm(minus(lps(g, a), lps(g, c)));
    QVERIFY2(std::abs(list->measurements().front().lengthMm - moved) < 1e-6,
             qPrintable(QStringLiteral("%1 vs %2").arg(list->measurements().front().lengthMm).arg(moved)));

    // Delete removes the selected measurement, and the view no longer draws it.
    QTest::keyClick(coronal, Qt::Key_Delete);
    QCOMPARE(list->rowCount(), 0);
    QVERIFY(!cyanNear(coronal->grab().toImage(), (coronal->screenPoint(a) + coronal->screenPoint(c)) / 2.0));
}

void TestMeasurementPanel::regionsOnBodyCtInHounsfieldUnits()
{
    DELINEATE_REQUIRE_DATA(kCt);
    open(kCt);
    ViewerState* state = m_window->state();
    const Volume& volume = *state->volume();
    QVERIFY(state->info().isCT());
    SliceView* axial = m_window->viewerPanel()->axialView();
    const int64_t k = state->cursor()[2];
    m_window->measurementPanel()->chooseTool(MeasurementKind::Rectangle);
    // A rectangle between voxel centres (200, 220) and (260, 300) of the slice on screen, over the liver and its edge.
    drag(axial, Vector3{200, 220, double(k)}, Vector3{260, 300, double(k)});
    MeasurementList* list = m_window->measurements();
    QCOMPARE(list->rowCount(), 1);
    const RegionStatistics& s = list->measurements().front().statistics;
    const testing::SampleStatistics e = axialRegion(volume, k, 200, 220, 260, 300, false);
    QCOMPARE(s.voxels, e.count);
    QCOMPARE(e.count, int64_t(61 * 81));
    QVERIFY2(std::abs(s.mean - e.mean) < 1e-6, qPrintable(QStringLiteral("%1 vs %2").arg(s.mean).arg(e.mean)));
    QVERIFY2(std::abs(s.standardDeviation - e.sd) < 1e-6, qPrintable(QStringLiteral("%1 vs %2").arg(s.standardDeviation).arg(e.sd)));
    QCOMPARE(s.minimum, e.minimum);
    QCOMPARE(s.maximum, e.maximum);
    QVERIFY(std::abs(s.areaMm2 - 60 * 80 * volume.geometry().spacing()[0] * volume.geometry().spacing()[1]) < 1e-6);
    const QString value = list->index(0, MeasurementList::ValueColumn).data().toString();
    QVERIFY2(value.contains(QStringLiteral("Mean %1 HU").arg(e.mean, 0, 'f', 1)), qPrintable(value));

    // The corner handle dragged to (240, 280): the values are those of the smaller box.
    drag(axial, Vector3{260, 300, double(k)}, Vector3{240, 280, double(k)});
    const testing::SampleStatistics smaller = axialRegion(volume, k, 200, 220, 240, 280, false);
    QCOMPARE(list->measurements().front().statistics.voxels, smaller.count);
    QVERIFY(std::abs(list->measurements().front().statistics.mean - smaller.mean) < 1e-6);
    // A drag inside it (away from the handles) moves it whole, 10 voxels to the patient's left.
    drag(axial, Vector3{220, 250, double(k)}, Vector3{230, 250, double(k)});
    const testing::SampleStatistics shifted = axialRegion(volume, k, 210, 220, 250, 280, false);
    QCOMPARE(list->measurements().front().statistics.voxels, shifted.count);
    QVERIFY(std::abs(list->measurements().front().statistics.mean - shifted.mean) < 1e-6);
    QVERIFY(std::abs(shifted.mean - smaller.mean) > 1e-3); // the move changed what is inside

    // An ellipse inscribed in a box over the aorta's level.
    m_window->measurementPanel()->chooseTool(MeasurementKind::Ellipse);
    drag(axial, Vector3{300, 200, double(k)}, Vector3{340, 250, double(k)});
    QCOMPARE(list->rowCount(), 2);
    const testing::SampleStatistics ellipse = axialRegion(volume, k, 300, 200, 340, 250, true);
    const RegionStatistics& es = list->measurements().back().statistics;
    QCOMPARE(es.voxels, ellipse.count);
    QVERIFY(std::abs(es.mean - ellipse.mean) < 1e-6);
    QVERIFY(std::abs(es.standardDeviation - ellipse.sd) < 1e-6);
}

void TestMeasurementPanel::angleOfThreeClickedPoints()
{
    DELINEATE_REQUIRE_DATA(kBrain);
    open(kBrain);
    const ImageGeometry& g = m_window->state()->volume()->geometry();
    QTest::keyClick(m_window->viewerPanel()->axialView(), Qt::Key_A, Qt::ShiftModifier);
    QVERIFY(m_window->measureTool()->kind() == MeasurementKind::Angle);
    SliceView* coronal = m_window->viewerPanel()->view(1);
    const double j = double(m_window->state()->cursor()[1]);
    // First end 40 columns right of the vertex, second end 5 slices below and 40 columns right: in mm the angle is
    // atan(5 x 6.5 / (40 x 0.78)), about 46 degrees (in voxels it would be 7).
    const Vector3 first{140, j, 10}, vertex{100, j, 10}, second{140, j, 15};
    click(coronal, first);
    click(coronal, vertex);
    QCOMPARE(m_window->measurements()->rowCount(), 0);
    click(coronal, second);
    QCOMPARE(m_window->measurements()->rowCount(), 1);
    const Vector3 u = minus(lps(g, first), lps(g, vertex)), v = minus(lps(g, second), lps(g, vertex));
    const double expected = std::acos((u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (norm(u) * norm(v))) * 180.0 / M_PI;
    QVERIFY(std::abs(expected - 46.1) < 0.1);
    const double measured = m_window->measurements()->measurements().front().angleDegrees;
    QVERIFY2(std::abs(measured - expected) < 1e-6, qPrintable(QStringLiteral("%1 vs %2").arg(measured).arg(expected)));
    const QString value = m_window->measurements()->index(0, MeasurementList::ValueColumn).data().toString();
    QVERIFY2(value.contains(QString::number(expected, 'f', 1)), qPrintable(value));
}

void TestMeasurementPanel::keptPerSeriesAndSavedBesideTheStudy()
{
    DELINEATE_REQUIRE_DATA(kBrain);
    DELINEATE_REQUIRE_DATA(kCt);
    open(kBrain);
    MeasurementList* list = m_window->measurements();
    m_window->measurementPanel()->chooseTool(MeasurementKind::Ruler);
    SliceView* axial = m_window->viewerPanel()->axialView();
    const double k = double(m_window->state()->cursor()[2]);
    const Vector3 a{50, 60, k}, b{180, 200, k};
    drag(axial, a, b);
    QCOMPARE(list->rowCount(), 1);
    const double length = list->measurements().front().lengthMm;

    // Another series: its own (empty) list; back again: the ruler is there, on its slice.
    open(kCt);
    QCOMPARE(list->rowCount(), 0);
    QVERIFY(!axial->grab().isNull());
    open(kBrain);
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->measurements().front().lengthMm, length);

    // Saved as JSON: the file names the grid, the points in LPS mm and the length.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("brain1.measurements.json"));
    QVERIFY(m_window->measurementPanel()->saveTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject ruler = root.value(QStringLiteral("measurements")).toArray().at(0).toObject();
    QCOMPARE(ruler.value(QStringLiteral("type")).toString(), QStringLiteral("ruler"));
    const ImageGeometry& g = m_window->state()->volume()->geometry();
    QVERIFY(std::abs(ruler.value(QStringLiteral("lengthMm")).toDouble() - norm(minus(lps(g, a), lps(g, b)))) < 1e-6);
    const QJsonArray end = ruler.value(QStringLiteral("pointsLps")).toArray().at(1).toArray();
    for (int r = 0; r < 3; ++r)
        QVERIFY(std::abs(end.at(r).toDouble() - lps(g, b)[r]) < 1e-6);
    // The file beside the study is proposed by default: next to the volume file.
    QCOMPARE(list->suggestedFilePath(), delineate::testing::dataPath(QStringLiteral("pyradiomics-brain1/brain1_image.measurements.json")));

    // Read back onto the series after clearing it; refused on another grid.
    list->clear();
    QCOMPARE(list->rowCount(), 0);
    QVERIFY(m_window->measurementPanel()->openFrom(path));
    QCOMPARE(list->rowCount(), 1);
    QVERIFY(std::abs(list->measurements().front().lengthMm - length) < 1e-9);
    open(kCt);
    QVERIFY(!m_window->measurementPanel()->openFrom(path));
    QCOMPARE(list->rowCount(), 0);
}

void TestMeasurementPanel::resampledSeriesIsSaid()
{
    // The tilted GE head CT is regularised on loading: the dock says that measurements are on resampled voxels.
    const QString tilted = QStringLiteral("dcm_qa_ct/In/GE");
    DELINEATE_REQUIRE_DATA(tilted);
    open(tilted);
    QVERIFY(m_window->state()->info().dicomSource && m_window->state()->info().dicomSource->regularised);
    QLabel* notes = m_window->measurementPanel()->notesLabel();
    QVERIFY2(notes->text().contains(QStringLiteral("resampled on loading")), qPrintable(notes->text()));
    QVERIFY(!notes->isHidden());
    // The body CT is not: no such note there.
    DELINEATE_REQUIRE_DATA(kCt);
    open(kCt);
    QVERIFY2(!notes->text().contains(QStringLiteral("resampled")), qPrintable(notes->text()));
}

void TestMeasurementPanel::screenshot()
{
    // DELINEATE_SCREENSHOT_DIR=DIR writes docs/screenshots/ct-measurements.png: the body CT with a ruler across the
    // liver and regions in it and in the spleen, in the window the scanner stored (40/400), which the series opens in.
    const QString dir = qEnvironmentVariable("DELINEATE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set DELINEATE_SCREENSHOT_DIR to write the documentation screenshot");
    DELINEATE_REQUIRE_DATA(kCt);
    open(kCt);
    ViewerState* state = m_window->state();
    QCOMPARE(state->window(), (WindowLevel{400.0, 40.0}));
    SliceView* axial = m_window->viewerPanel()->axialView();
    const double k = double(state->cursor()[2]);
    state->setCrosshairVisible(false);
    // The liver's width, a region in it, and one in the spleen.
    m_window->measurementPanel()->chooseTool(MeasurementKind::Ruler);
    drag(axial, Vector3{58, 330, k}, Vector3{200, 330, k});
    m_window->measurementPanel()->chooseTool(MeasurementKind::Ellipse);
    drag(axial, Vector3{130, 200, k}, Vector3{175, 240, k});
    m_window->measurementPanel()->chooseTool(MeasurementKind::Rectangle);
    drag(axial, Vector3{366, 312, k}, Vector3{392, 332, k});
    m_window->measurements()->setSelectedId(0);
    m_window->measurementPanel()->raise();
    QTest::qWait(300);
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("ct-measurements.png"))));
}

QTEST_MAIN(TestMeasurementPanel)
#include "tst_MeasurementPanel.moc"
