// What a clinician reading a scan expects of the display (offscreen, real data): the scanner's stored window as
// the default and every stored window in the Window/Level menu, the padding value left out of the automatic window,
// no CT presets on MR, invert and reset view, and the on-image text (1-based slice number, slice position from the
// files' own ImagePositionPatient, SliceThickness, ProtocolName when there is no SeriesDescription).
#include "TestData.h"

#include "dicom/DicomFileHeader.h"
#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"
#include "dicom/SeriesWriter.h"
#include "image/Volume.h"
#include "model/ViewerState.h"
#include "widgets/MainWindow.h"
#include "widgets/SliceView.h"
#include "widgets/StudyBrowser.h"
#include "widgets/ViewerPanel.h"
#include "widgets/WindowLevelMenu.h"

#include <QApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace delineate;

namespace {

constexpr int kLoadTimeout = 60000;

// The p-th percentile as the automatic window defines it, from a sorted copy (independent of the code's histogram).
double percentile(const std::vector<double>& sorted, double fraction, bool upper)
{
    const double position = fraction * double(sorted.size());
    const std::size_t index = upper ? std::size_t(std::ceil(position)) - 1 : std::size_t(std::floor(position));
    return sorted[std::min(index, sorted.size() - 1)];
}

// The Window/Level menu's visible entries, by preset key.
QStringList visibleKeys(WindowLevelMenu* menu)
{
    QStringList keys;
    for (QAction* action : menu->choiceActions())
        if (action->isVisible())
            keys << action->data().toString();
    return keys;
}

QAction* choice(WindowLevelMenu* menu, const QString& key)
{
    for (QAction* action : menu->choiceActions())
        if (action->data().toString() == key)
            return action;
    return nullptr;
}

} // namespace

class TestClinicalWindows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void ctOpensInTheScannerWindow();
    void paddingIsLeftOutOfTheAutomaticWindow();
    void mrShowsNoCtPresets();
    void invertAndResetView();
    void onImageTextGivesPositionAndThickness();

private:
    bool open(const QString& path);
    MainWindow* m_window = nullptr;
};

void TestClinicalWindows::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ClinicalWindows"));
    QSettings().clear();
}

void TestClinicalWindows::init()
{
    m_window = new MainWindow;
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestClinicalWindows::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

bool TestClinicalWindows::open(const QString& path)
{
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(path);
    const bool ok = shown.wait(kLoadTimeout);
    if (!ok)
        qWarning() << "not shown:" << m_window->findChild<QStatusBar*>()->currentMessage() << m_window->lastError();
    return ok;
}

void TestClinicalWindows::ctOpensInTheScannerWindow()
{
    // ct-3slice stores WindowCenter 40 / WindowWidth 400 (dcmdump); it must open there, not at a window stretched
    // by its padding, and the menu must offer that window by name next to the CT presets.
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcmqi-seg/ct-3slice"));
    QVERIFY2(open(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice"))), qPrintable(m_window->lastError()));
    ViewerState* state = m_window->state();
    QCOMPARE(state->window(), (WindowLevel{400, 40}));
    QCOMPARE(state->presetKey(), QStringLiteral("scanner1"));
    WindowLevelMenu* menu = m_window->windowLevelMenu();
    QAction* scanner = choice(menu, QStringLiteral("scanner1"));
    QVERIFY(scanner);
    QCOMPARE(scanner->text(), QStringLiteral("Scanner 1: 40/400"));
    QVERIFY(scanner->isChecked());
    QCOMPARE(visibleKeys(menu).filter(QRegularExpression(QStringLiteral("^scanner"))).size(), 1); // one stored window
    for (const char* key : {"auto", "brain", "lung", "abdomen", "bone"})
        QVERIFY2(visibleKeys(menu).contains(QLatin1String(key)), key);
    // The automatic window is still offered, and is not the scanner's.
    choice(menu, QStringLiteral("auto"))->trigger();
    QCOMPARE(state->presetKey(), QStringLiteral("auto"));
    QVERIFY(state->window() != (WindowLevel{400, 40}));
    scanner->trigger();
    QCOMPARE(state->window(), (WindowLevel{400, 40}));
    // Alt+6, the abdomen preset, still works on CT.
    QTest::keyClick(m_window, Qt::Key_6, Qt::AltModifier);
    QCOMPARE(state->window(), (WindowLevel{400, 50}));
}

void TestClinicalWindows::paddingIsLeftOutOfTheAutomaticWindow()
{
    // A series made from ct-3slice whose border (everything outside the central 160 x 160 pixels, 90 % of the
    // voxels) is set to -2000 HU and written as PixelPaddingValue: counted, the padding would be the lower 1 %.
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcmqi-seg/ct-3slice"));
    SimpleJobControl control;
    auto scan = scanDicom(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")), control);
    QVERIFY(scan && scan->allSeries().size() == 1);
    auto loaded = loadSeries(scan->allSeries().first(), control);
    QVERIFY(loaded);
    Volume volume = std::move(loaded->volume);
    QCOMPARE(volume.pixelType(), PixelType::Int16);
    const auto& size = volume.geometry().size();
    std::vector<double> body;
    std::size_t paddingCount = 0;
    for (int64_t k = 0; k < size[2]; ++k)
        for (int64_t j = 0; j < size[1]; ++j)
            for (int64_t i = 0; i < size[0]; ++i) {
                int16_t& value = volume.int16Data()[volume.offset(i, j, k)];
                if (std::abs(i - size[0] / 2) >= 80 || std::abs(j - size[1] / 2) >= 80) {
                    value = -2000;
                    ++paddingCount;
                } else {
                    body.push_back(value);
                }
            }
    QVERIFY(paddingCount > volume.voxelCount() / 2);
    std::sort(body.begin(), body.end());
    QVERIFY(body.front() > -2000); // the centre holds no value equal to the padding
    QTemporaryDir folder;
    SeriesWriteOptions options;
    options.modality = QStringLiteral("CT");
    options.seriesNumber = 7;
    options.pixelPaddingValue = -2000.0;
    QVERIFY(writeDicomSeries(volume, folder.path(), options, control));

    QVERIFY2(open(folder.path()), qPrintable(m_window->lastError()));
    ViewerState* state = m_window->state();
    QCOMPARE(state->presetKey(), QStringLiteral("auto")); // no stored window: the automatic one
    const WindowLevel window = state->window();
    QVERIFY2(std::abs(window.lower() - percentile(body, 0.01, false)) <= 1.0,
             qPrintable(QStringLiteral("%1 vs %2").arg(window.lower()).arg(percentile(body, 0.01, false))));
    QVERIFY2(std::abs(window.upper() - percentile(body, 0.99, true)) <= 1.0,
             qPrintable(QStringLiteral("%1 vs %2").arg(window.upper()).arg(percentile(body, 0.99, true))));
    // Neither SeriesDescription nor ProtocolName: the series is called by its number.
    QCOMPARE(state->info().title(), QStringLiteral("Series 7"));
}

void TestClinicalWindows::mrShowsNoCtPresets()
{
    // dcm_qa_ts/In/1.dcm, a Siemens MR: its stored window (763/1639, "Algo1") by name, percentile windows, and none
    // of the CT presets, neither in the menu nor by their Alt + number keys.
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcm_qa_ts/In/1.dcm"));
    QVERIFY2(open(testing::dataPath(QStringLiteral("dcm_qa_ts/In/1.dcm"))), qPrintable(m_window->lastError()));
    ViewerState* state = m_window->state();
    QCOMPARE(state->info().modality, QStringLiteral("MR"));
    QCOMPARE(state->window(), (WindowLevel{1639, 763}));
    WindowLevelMenu* menu = m_window->windowLevelMenu();
    QCOMPARE(visibleKeys(menu), (QStringList{"scanner1", "auto", "p2-98", "p5-95"}));
    QCOMPARE(choice(menu, QStringLiteral("scanner1"))->text(), QStringLiteral("Scanner: Algo1 (763/1639)"));
    for (int key = Qt::Key_1; key <= Qt::Key_8; ++key) {
        QTest::keyClick(m_window, Qt::Key(key), Qt::AltModifier);
        QCOMPARE(state->presetKey(), QStringLiteral("scanner1"));
    }
    QVERIFY(!state->applyPreset(QStringLiteral("lung")));
    // 2-98 %: from the voxels, computed here.
    const Volume* volume = state->volume();
    std::vector<double> values;
    for (std::size_t n = 0; n < volume->voxelCount(); ++n)
        values.push_back(volume->valueAt(n));
    std::sort(values.begin(), values.end());
    choice(menu, QStringLiteral("p2-98"))->trigger();
    QVERIFY(std::abs(state->window().lower() - percentile(values, 0.02, false)) <= 1.0);
    QVERIFY(std::abs(state->window().upper() - percentile(values, 0.98, true)) <= 1.0);
}

void TestClinicalWindows::invertAndResetView()
{
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcmqi-seg/ct-3slice"));
    QVERIFY2(open(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice"))), qPrintable(m_window->lastError()));
    ViewerState* state = m_window->state();
    SliceView* axial = m_window->viewerPanel()->axialView();
    axial->repaint();
    const QPoint probes[] = {{150, 260}, {256, 300}, {300, 200}};
    std::vector<int> before;
    for (const QPoint& p : probes)
        before.push_back(qGray(axial->sliceImage().pixel(p)));
    WindowLevelMenu* menu = m_window->windowLevelMenu();
    menu->invertAction()->trigger();
    QVERIFY(state->inverted());
    axial->repaint();
    for (int n = 0; n < 3; ++n)
        QVERIFY2(std::abs(qGray(axial->sliceImage().pixel(probes[n])) + before[n] - 255) <= 1, qPrintable(QString::number(n)));
    QVERIFY(axial->bottomLeftText().last().contains(QStringLiteral("Inverted")));
    // Zoomed, another window: Reset View brings back the window the series opened with, upright grey, fitted.
    axial->setZoomPerVoxel(3.0);
    QVERIFY(!axial->isFitted());
    QVERIFY(state->applyPreset(QStringLiteral("lung")));
    menu->resetViewAction()->trigger();
    QCOMPARE(state->window(), (WindowLevel{400, 40}));
    QVERIFY(!state->inverted());
    QVERIFY(!menu->invertAction()->isChecked());
    QVERIFY(axial->isFitted());
    axial->repaint();
    for (int n = 0; n < 3; ++n)
        QCOMPARE(qGray(axial->sliceImage().pixel(probes[n])), before[n]);
}

void TestClinicalWindows::onImageTextGivesPositionAndThickness()
{
    // The files' own ImagePositionPatient (z of each slice, y of the first row), PixelSpacing and SliceThickness
    // (1.25 mm, while the slices are 1 mm apart), read with the header reader, not from the volume.
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcmqi-seg/ct-3slice"));
    std::vector<double> heights;
    double firstRowY = 0.0, rowSpacing = 0.0;
    for (const char* name : {"01.dcm", "02.dcm", "03.dcm"}) {
        auto header = readDicomFileHeader(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice/") + QLatin1String(name)));
        QVERIFY(header);
        QCOMPARE(header->orientation, (std::array<double, 6>{1, 0, 0, 0, 1, 0}));
        heights.push_back(header->position[2]);
        firstRowY = header->position[1];
        rowSpacing = header->pixelSpacing[0];
    }
    QVERIFY2(open(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice"))), qPrintable(m_window->lastError()));
    ViewerState* state = m_window->state();
    SliceView* axial = m_window->viewerPanel()->axialView();
    const auto text = [](double value, const char* positive, const char* negative) {
        return QStringLiteral("%1 %2 mm").arg(QLatin1String(value >= 0 ? positive : negative)).arg(std::abs(value), 0, 'f', 1);
    };
    QStringList shownHeights, fileHeights;
    for (int k = 0; k < 3; ++k) {
        state->setCursor({200, 220, k});
        const QStringList lines = axial->bottomLeftText();
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].endsWith(QStringLiteral("%1 / 3").arg(k + 1)), qPrintable(lines[0])); // 1-based
        QVERIFY2(lines[1].endsWith(QStringLiteral("Thk 1.25 mm")), qPrintable(lines[1]));
        shownHeights << lines[1].section(QStringLiteral("  "), 0, 0);
        fileHeights << text(heights[std::size_t(k)], "S", "I");
    }
    shownHeights.sort();
    fileHeights.sort();
    QCOMPARE(shownHeights, fileHeights);
    // The coronal view steps through rows: the row's y from the first row's position and the row spacing, and the
    // row spacing as its thickness.
    SliceView* coronal = m_window->viewerPanel()->view(1);
    const QStringList coronalLines = coronal->bottomLeftText();
    QVERIFY2(coronalLines[1].startsWith(text(firstRowY + 220 * rowSpacing, "P", "A")), qPrintable(coronalLines[1]));
    QVERIFY2(coronalLines[1].endsWith(QStringLiteral("Thk %1 mm").arg(rowSpacing, 0, 'g', 3)), qPrintable(coronalLines[1]));
    // No SeriesDescription: the ProtocolName names the series, in the banner's title and the browser.
    QCOMPARE(state->info().title(), QStringLiteral("6.9 Colonoscopy"));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("6.9 Colonoscopy")));
    QTreeWidgetItem* item = m_window->studyBrowser()->seriesItem(state->info().seriesKey);
    QVERIFY(item);
    QVERIFY2(item->text(0).contains(QStringLiteral("6.9 Colonoscopy")), qPrintable(item->text(0)));
}

QTEST_MAIN(TestClinicalWindows)
#include "tst_ClinicalWindows.moc"
