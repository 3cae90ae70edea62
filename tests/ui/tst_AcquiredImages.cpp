// A regularised series shown on its acquired images (offscreen): the tilted GE head CT of dcm_qa_ct, 28 files
// resampled to a regular grid on loading, is toggled to its acquired images in the axial view; each image on screen
// must be its file's pixels, read here with DCMTK directly, and the other views stay on the regularised volume.
#include "TestData.h"

#include "image/Volume.h"
#include "model/AcquiredImages.h"
#include "model/SegmentationSession.h"
#include "model/ViewerState.h"
#include "widgets/MainWindow.h"
#include "widgets/SegmentationPanel.h"
#include "widgets/SliceView.h"
#include "widgets/ViewerPanel.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QAction>
#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace delineate;

namespace {

constexpr int kLoadTimeout = 60000;

// One acquired image as the file holds it: rescaled values in file order (row by row), and its place along the
// slice normal.
struct FileImage
{
    QString path;
    int rows = 0, columns = 0;
    std::vector<double> values;
    double along = 0.0;
    double normal[3] = {0.0, 0.0, 0.0};
};

FileImage readFile(const QString& path)
{
    FileImage image;
    image.path = path;
    DcmFileFormat file;
    if (file.loadFile(path.toLocal8Bit().constData()).bad())
        return image;
    DcmDataset* d = file.getDataset();
    Uint16 rows = 0, columns = 0, representation = 0;
    d->findAndGetUint16(DCM_Rows, rows);
    d->findAndGetUint16(DCM_Columns, columns);
    d->findAndGetUint16(DCM_PixelRepresentation, representation);
    Float64 slope = 1.0, intercept = 0.0;
    d->findAndGetFloat64(DCM_RescaleSlope, slope);
    d->findAndGetFloat64(DCM_RescaleIntercept, intercept);
    double orientation[6] = {}, position[3] = {};
    for (int n = 0; n < 6; ++n)
        d->findAndGetFloat64(DCM_ImageOrientationPatient, orientation[n], unsigned(n));
    for (int n = 0; n < 3; ++n)
        d->findAndGetFloat64(DCM_ImagePositionPatient, position[n], unsigned(n));
    const double normal[3] = {orientation[1] * orientation[5] - orientation[2] * orientation[4],
                              orientation[2] * orientation[3] - orientation[0] * orientation[5],
                              orientation[0] * orientation[4] - orientation[1] * orientation[3]};
    image.along = position[0] * normal[0] + position[1] * normal[1] + position[2] * normal[2];
    std::copy(normal, normal + 3, image.normal);
    const Uint16* pixels = nullptr;
    unsigned long count = 0;
    if (d->findAndGetUint16Array(DCM_PixelData, pixels, &count).bad() || count < unsigned(rows) * columns)
        return image;
    image.rows = rows;
    image.columns = columns;
    image.values.resize(std::size_t(rows) * columns);
    for (std::size_t n = 0; n < image.values.size(); ++n) {
        const double stored = representation == 1 ? double(Sint16(pixels[n])) : double(pixels[n]);
        image.values[n] = stored * slope + intercept;
    }
    return image;
}

QAction* findAction(QWidget* window, const QString& name)
{
    return window->findChild<QAction*>(name);
}

} // namespace

class TestAcquiredImages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tiltedCtShowsItsAcquiredImages();

private:
    QTemporaryDir m_home; // the brush's recovery journal goes here, not to the user's folder
};

void TestAcquiredImages::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_AcquiredImages"));
    QSettings().clear();
    QVERIFY(m_home.isValid());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
}

void TestAcquiredImages::tiltedCtShowsItsAcquiredImages()
{
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcm_qa_ct/In/GE"));
    const QString folder = delineate::testing::dataPath(QStringLiteral("dcm_qa_ct/In/GE"));

    // The files in the order of the slice normal, read without Delineate's loader.
    std::vector<FileImage> files;
    for (const QString& name : QDir(folder).entryList({QStringLiteral("*.dcm")}, QDir::Files))
        files.push_back(readFile(QDir(folder).filePath(name)));
    QCOMPARE(int(files.size()), 28);
    for (const FileImage& file : files)
        QVERIFY2(!file.values.empty(), qPrintable(file.path));
    std::sort(files.begin(), files.end(), [](const FileImage& a, const FileImage& b) { return a.along < b.along; });

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(&window, &MainWindow::imageShown);
    window.openPath(folder);
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(window.lastError()));

    ViewerPanel* panel = window.viewerPanel();
    SliceView* axial = panel->axialView();
    ViewerState* state = window.state();
    QVERIFY(panel->acquiredImages()->isAvailable());
    // Regularised on loading: more slices than files, on the grid that MPR, editing and AI use.
    const int regularSlices = axial->model().sliceCount();
    QVERIFY2(regularSlices > 28, qPrintable(QString::number(regularSlices)));
    QVERIFY(!axial->showsAcquired());
    QVERIFY(axial->sourceNote().contains(QStringLiteral("Regularised")));
    const int coronalSlices = panel->view(1)->model().sliceCount();
    const int sagittalSlices = panel->view(2)->model().sliceCount();

    QAction* toggle = findAction(&window, QStringLiteral("ShowAcquiredImagesAction"));
    QVERIFY(toggle);
    QVERIFY(toggle->isEnabled());
    toggle->trigger();
    QVERIFY(axial->showsAcquired());
    QCOMPARE(axial->model().sliceCount(), 28);
    QVERIFY2(axial->sourceNote().contains(QStringLiteral("(28)")), qPrintable(axial->sourceNote()));
    // Coronal and sagittal cut across the gantry plane: they stay on the regularised volume.
    for (int n : {1, 2}) {
        QVERIFY(!panel->view(n)->showsAcquired());
        QVERIFY(panel->view(n)->sourceNote().contains(QStringLiteral("Regularised")));
    }
    QCOMPARE(panel->view(1)->model().sliceCount(), coronalSlices);
    QCOMPARE(panel->view(2)->model().sliceCount(), sagittalSlices);

    // A window of 255 HU maps one HU to one grey level: the picture gives back the values.
    const WindowLevel window255{255.0, 40.0};
    state->setWindow(window255);
    const SliceViewModel& model = axial->model();
    QCOMPARE(model.columnAxis(), 0);
    QCOMPARE(model.rowAxis(), 1);
    axial->setFocus();
    for (int n = 0; n < 30; ++n)
        QTest::keyClick(axial, Qt::Key_Down);
    QCOMPARE(axial->currentSlice(), 0);
    for (int k = 0; k < 28; ++k) {
        if (k > 0)
            QTest::keyClick(axial, Qt::Key_Up);
        QCOMPARE(axial->currentSlice(), k);
        axial->repaint();
        const QImage& picture = axial->sliceImage();
        const FileImage& file = files[std::size_t(k)];
        QCOMPARE(picture.width(), file.columns);
        QCOMPARE(picture.height(), file.rows);
        int inside = 0, mismatched = 0;
        for (int y = 0; y < file.rows; ++y)
            for (int x = 0; x < file.columns; ++x) {
                const int column = model.columnsFlipped() ? file.columns - 1 - x : x;
                const int row = model.rowsFlipped() ? file.rows - 1 - y : y;
                const double value = file.values[std::size_t(row) * file.columns + column];
                const double expected = std::clamp(value - window255.lower(), 0.0, 255.0);
                if (expected > 0.0 && expected < 255.0)
                    ++inside;
                if (std::abs(qGray(picture.pixel(x, y)) - expected) > 1.0)
                    ++mismatched;
            }
        QVERIFY2(mismatched == 0, qPrintable(QStringLiteral("image %1 (%2): %3 pixels differ from the file")
                                                 .arg(k + 1).arg(file.path).arg(mismatched)));
        QVERIFY2(inside > 5000, qPrintable(QStringLiteral("image %1: only %2 pixels inside the window").arg(k + 1).arg(inside)));
        // The crosshair went along: its voxel of the regularised volume is the one nearest this image's plane
        // (at most half a regularised slice away; the acquired gaps go down to 1.1 mm, the grid's to 2.6 mm).
        const Vector3 cursor = state->cursorPhysical();
        const double distance = std::abs(cursor[0] * file.normal[0] + cursor[1] * file.normal[1]
                                         + cursor[2] * file.normal[2] - file.along);
        QVERIFY2(distance <= state->volume()->geometry().spacing()[2] / 2 + 1e-3,
                 qPrintable(QStringLiteral("image %1: crosshair %2 mm from its plane").arg(k + 1).arg(distance)));
        // The on-image text gives this image's own position: the crosshair projected onto the file's plane, along
        // the patient axis nearest its normal (S/I for this head CT), and the file's thickness.
        const double offPlane = cursor[0] * file.normal[0] + cursor[1] * file.normal[1] + cursor[2] * file.normal[2] - file.along;
        const double height = cursor[2] - offPlane * file.normal[2];
        const QString expectedPosition = QStringLiteral("%1 %2 mm").arg(height >= 0 ? QLatin1Char('S') : QLatin1Char('I')).arg(std::abs(height), 0, 'f', 1);
        const QStringList text = axial->bottomLeftText();
        QVERIFY2(text.size() == 3 && text[1].startsWith(expectedPosition),
                 qPrintable(QStringLiteral("image %1: '%2', expected '%3'").arg(k + 1).arg(text.join(QLatin1Char('|')), expectedPosition)));
    }

    // DELINEATE_SCREENSHOT_DIR=... saves the window on an acquired image in the brain window, to judge it.
    if (const QString dir = qEnvironmentVariable("DELINEATE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        window.resize(1600, 1000);
        state->applyPreset(QStringLiteral("brain"));
        for (int n = 0; n < 13; ++n)
            QTest::keyClick(axial, Qt::Key_Down);
        QTest::qWait(300);
        QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("ct-tilted-acquired.png"))));
    }

    // Display only: marking the slice reviewed or the brush on the acquired images starts no segmentation.
    QCOMPARE(panel->activeView(), axial);
    window.markSliceReviewedAction()->trigger();
    QVERIFY(!window.segmentationSession()->document());
    window.segmentationPanel()->setActiveTool(SegmentationPanel::ToolKind::Brush);
    QTest::mouseClick(axial, Qt::LeftButton, Qt::NoModifier, axial->rect().center());
    QVERIFY(!window.segmentationSession()->document());

    // Back to the regularised volume.
    toggle->trigger();
    QVERIFY(!axial->showsAcquired());
    QCOMPARE(axial->model().sliceCount(), regularSlices);
    QTest::mouseClick(axial, Qt::LeftButton, Qt::NoModifier, axial->rect().center());
    QVERIFY(window.segmentationSession()->document());
}

QTEST_MAIN(TestAcquiredImages)
#include "tst_AcquiredImages.moc"

