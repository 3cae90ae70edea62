// The main window end to end (offscreen): open a volume file and DICOM folders through the real loader, the study
// browser's tree, readout against the core's voxel values, layouts, presets by Alt + number key, clear errors.
#include "TestData.h"
#include "edit/SegmentationDocument.h"
#include "model/SegmentationSession.h"

#include "AppSettings.h"
#include "image/Volume.h"
#include "io/VolumeIO.h"
#include "model/StudyLoader.h"
#include "model/ViewerState.h"
#include "model/AiSession.h"
#include "widgets/AiPanel.h"
#include "widgets/ComputeOptions.h"
#include "widgets/ImageInfoPane.h"
#include "widgets/MainWindow.h"
#include "widgets/SettingsDialog.h"
#include "widgets/SliceView.h"
#include "widgets/StudyBrowser.h"
#include "widgets/ViewerPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QMimeData>
#include <QProcess>
#include <QRegularExpression>
#include <QUrl>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QWheelEvent>

using namespace delineate;

namespace {

const QString kColin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");
constexpr int kLoadTimeout = 60000;

QStringList treeTexts(QTreeWidget* tree)
{
    QStringList texts;
    std::function<void(QTreeWidgetItem*)> walk = [&](QTreeWidgetItem* item) {
        texts << item->text(0);
        for (int n = 0; n < item->childCount(); ++n)
            walk(item->child(n));
    };
    for (int n = 0; n < tree->topLevelItemCount(); ++n)
        walk(tree->topLevelItem(n));
    return texts;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensVolumeFile();
    void opensSampleDicomSeriesLikeTheVolumeFile();
    void opensDicomCtSeriesWithHounsfieldReadout();
    void showsSegUnderItsStudyAndOpensItOnItsSeries();
    void reportsTiltedSeriesWarnings();
    void opensDroppedFile();
    void singleLossyImageFillsOneViewWithFlag();
    void missingPathIsAClearError();
    void unreadableFileIsAClearError();
    void cancelKeepsWindowUsable();
    void rapidRequestsEndWithTheLast();
    void layoutsAndMaximise();
    void settingsPersist();
    void viewerLetsIdleOpenMpThreadsSleep_data();
    void viewerLetsIdleOpenMpThreadsSleep();

private:
    MainWindow* m_window = nullptr;
};

void TestMainWindow::initTestCase()
{
    // Keep the tests' settings (recent files, layout) away from the user's.
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_MainWindow"));
    QSettings().clear();
}

void TestMainWindow::init()
{
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMainWindow::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

void TestMainWindow::opensVolumeFile()
{
    DELINEATE_REQUIRE_PACKAGED(kColin);
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(kColin);
    QVERIFY(shown.wait(kLoadTimeout));
    ViewerState* state = m_window->state();
    QVERIFY(state->hasImage());
    QCOMPARE(state->volume()->geometry().size(), (std::array<int64_t, 3>{181, 217, 181}));
    QCOMPARE(m_window->studyBrowser()->tree()->topLevelItemCount(), 1);
    QVERIFY(AppSettings::recentPaths().contains(kColin));

    // Scroll the axial view with the wheel, then click: the status bar readout is the core's voxel value.
    SliceView* axial = m_window->viewerPanel()->axialView();
    const int64_t slice = state->cursor()[2];
    QWheelEvent wheel(QPointF(50, 50), axial->mapToGlobal(QPointF(50, 50)), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(axial, &wheel);
    QCOMPARE(state->cursor()[2], slice + 2);
    QTest::mouseClick(axial, Qt::LeftButton, Qt::NoModifier, axial->rect().center() + QPoint(17, -23));
    const auto c = state->cursor();
    const double value = state->volume()->value(c[0], c[1], c[2]);
    QVERIFY2(m_window->readoutText().endsWith(QStringLiteral("Value %1").arg(qint64(value))),
             qPrintable(m_window->readoutText()));
    QVERIFY(m_window->readoutText().contains(QStringLiteral("Voxel (%1, %2, %3)").arg(c[0] + 1).arg(c[1] + 1).arg(c[2] + 1)));
    // Alt + number keys choose presets; Alt+0 is the automatic window.
    QTest::keyClick(m_window, Qt::Key_4, Qt::AltModifier);
    QCOMPARE(state->presetKey(), QStringLiteral("lung"));
    QTest::keyClick(m_window, Qt::Key_0, Qt::AltModifier);
    QCOMPARE(state->presetKey(), QStringLiteral("auto"));
    // C toggles the crosshair lines.
    QTest::keyClick(m_window, Qt::Key_C);
    QVERIFY(!state->crosshairVisible());
    QTest::keyClick(m_window, Qt::Key_C);
    QVERIFY(state->crosshairVisible());
}

void TestMainWindow::opensSampleDicomSeriesLikeTheVolumeFile()
{
    // The sample study: ch2.nii.gz written as a DICOM series by delineate-cli, read back through the scanner and
    // loader. Every view must show the same anatomy at the same patient position as the NIfTI file.
    DELINEATE_REQUIRE_PACKAGED(kColin);
    const QString cli = delineate::testing::cliPath();
    if (cli.isEmpty() || !QFileInfo::exists(cli))
        QSKIP("DELINEATE_CLI (delineate-cli) not available");
    QTemporaryDir folder;
    QProcess make;
    make.start(cli, {QStringLiteral("make-series"), kColin, folder.filePath(QStringLiteral("colin")),
                     QStringLiteral("--modality"), QStringLiteral("MR")});
    QVERIFY(make.waitForFinished(120000));
    QCOMPARE(make.exitCode(), 0);
    Expected<Volume> nifti = readVolume(kColin);
    QVERIFY(nifti.ok());

    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(folder.filePath(QStringLiteral("colin")));
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(m_window->lastError()));
    ViewerState* state = m_window->state();
    QVERIFY(!state->info().seriesKey.isEmpty());
    for (int n = 0; n < 3; ++n) {
        SliceView* view = m_window->viewerPanel()->view(n);
        QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, view->rect().center() + QPoint(11 * n, -7 * n));
        const auto c = state->cursor();
        const Vector3 mm = state->cursorPhysical();
        const Vector3 index = nifti->geometry().physicalToIndex(mm);
        const auto i = std::llround(index[0]), j = std::llround(index[1]), k = std::llround(index[2]);
        QVERIFY(nifti->contains(i, j, k));
        QCOMPARE(state->volume()->value(c[0], c[1], c[2]), nifti->value(i, j, k));
        QVERIFY(m_window->readoutText().endsWith(QStringLiteral("Value %1").arg(qint64(nifti->value(i, j, k)))));
    }
    // The same orientation letters as for the NIfTI file.
    QCOMPARE(m_window->viewerPanel()->axialView()->model().edgeLabel(Qt::LeftEdge), QStringLiteral("R"));
    QCOMPARE(m_window->viewerPanel()->view(2)->model().edgeLabel(Qt::TopEdge), QStringLiteral("S"));
}

void TestMainWindow::opensDicomCtSeriesWithHounsfieldReadout()
{
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcmqi-seg/ct-3slice"));
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    QSignalSpy errors(m_window, &MainWindow::errorShown);
    m_window->openPath(delineate::testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")));
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(m_window->lastError()));
    QCOMPARE(errors.count(), 0);
    ViewerState* state = m_window->state();
    QCOMPARE(state->volume()->geometry().size(), (std::array<int64_t, 3>{512, 512, 3}));
    // Three slices: the axial view takes the whole panel (double-click restores the layout).
    QCOMPARE(m_window->viewerPanel()->maximisedView(), m_window->viewerPanel()->axialView());
    QVERIFY(state->info().isCT());
    QTest::mouseClick(m_window->viewerPanel()->axialView(), Qt::LeftButton, Qt::NoModifier,
                      m_window->viewerPanel()->axialView()->rect().center());
    const auto c = state->cursor();
    const double value = state->volume()->value(c[0], c[1], c[2]);
    QVERIFY2(m_window->readoutText().endsWith(QStringLiteral("Value %1 HU").arg(qint64(value))),
             qPrintable(m_window->readoutText()));
    // The browser lists the series with its slice count.
    QTreeWidgetItem* item = m_window->studyBrowser()->seriesItem(state->info().seriesKey);
    QVERIFY(item);
    QCOMPARE(item->text(2), QStringLiteral("3")); // images
    QCOMPARE(item->text(1), QStringLiteral("CT"));
    // A CT preset through the menu's Alt + number key.
    QTest::keyClick(m_window, Qt::Key_1, Qt::AltModifier);
    QCOMPARE(state->window(), (WindowLevel{80, 40}));
}

void TestMainWindow::showsSegUnderItsStudyAndOpensItOnItsSeries()
{
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcmqi-seg/liver.dcm"));
    QTemporaryDir folder; // the CT slices and their SEG, as a PACS export would hold them
    QVERIFY(folder.isValid());
    for (const char* name : {"01.dcm", "02.dcm", "03.dcm"})
        QVERIFY(QFile::copy(delineate::testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice/") + QLatin1String(name)),
                            folder.filePath(QLatin1String(name))));
    QVERIFY(QFile::copy(delineate::testing::dataPath(QStringLiteral("dcmqi-seg/liver.dcm")),
                        folder.filePath(QStringLiteral("liver.dcm"))));
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(folder.path());
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(m_window->lastError()));
    QTreeWidget* tree = m_window->studyBrowser()->tree();
    QTreeWidgetItem* seg = nullptr;
    QTreeWidgetItem* series = m_window->studyBrowser()->seriesItem(m_window->state()->info().seriesKey);
    QVERIFY(series);
    for (int n = 0; n < series->parent()->childCount(); ++n)
        if (series->parent()->child(n)->text(0).startsWith(QStringLiteral("SEG")))
            seg = series->parent()->child(n);
    QVERIFY2(seg, qPrintable(treeTexts(tree).join(QStringLiteral(" | "))));
    // Double-clicked, the SEG opens on the CT it segments (on screen already): no error, the liver is there.
    QSignalSpy errors(m_window, &MainWindow::errorShown);
    Q_EMIT tree->itemActivated(seg, 0);
    QCOMPARE(errors.count(), 0);
    QVERIFY(m_window->state()->hasImage()); // the CT stays on screen
    QVERIFY(m_window->segmentationSession()->document());
    const LabelEntry* liver = m_window->segmentationSession()->document()->labels().find(1);
    QVERIFY(liver);
    QCOMPARE(liver->name, QStringLiteral("Liver"));
    QVERIFY(m_window->segmentationSession()->document()->segmentation().labelVoxelCount(1) > 1000);
    m_window->segmentationSession()->close();
}

void TestMainWindow::reportsTiltedSeriesWarnings()
{
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcm_qa_ct/In/GE"));
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(delineate::testing::dataPath(QStringLiteral("dcm_qa_ct/In/GE")));
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(m_window->lastError()));
    const QStringList warnings = m_window->state()->info().warnings;
    QVERIFY2(warnings.join(QLatin1Char(' ')).contains(QStringLiteral("tilt"), Qt::CaseInsensitive),
             qPrintable(warnings.join(QStringLiteral(" | "))));
    QTreeWidgetItem* item = m_window->studyBrowser()->seriesItem(m_window->state()->info().seriesKey);
    QVERIFY(item);
    QVERIFY(item->childCount() >= 1); // the warnings are listed under the series
    m_window->viewerPanel()->setLayoutMode(ViewLayout::TwoByTwo);
    QVERIFY(m_window->viewerPanel()->infoPane()->text().contains(QStringLiteral("tilt"), Qt::CaseInsensitive));
}

void TestMainWindow::opensDroppedFile()
{
    DELINEATE_REQUIRE_PACKAGED(kColin);
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(kColin)});
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    const QPointF where(m_window->width() / 2.0, m_window->height() / 2.0);
    QDragEnterEvent enter(where.toPoint(), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(where, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window, &drop);
    QVERIFY(shown.wait(kLoadTimeout));
    QCOMPARE(m_window->state()->info().sourcePath, kColin);
}

void TestMainWindow::singleLossyImageFillsOneViewWithFlag()
{
    // A planar NM image, JPEG baseline (lossy), without patient position/orientation.
    const QString file = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/JPEG-lossy.dcm");
    DELINEATE_REQUIRE_PACKAGED(file);
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(file);
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(m_window->lastError()));
    QVERIFY(m_window->state()->info().lossyCompressed);
    QVERIFY(!m_window->state()->info().orientationKnown);
    SliceView* maximised = m_window->viewerPanel()->maximisedView();
    QVERIFY(maximised);
    QCOMPARE(maximised->model().sliceCount(), 1);
    // The next volume brings the three views back.
    m_window->openPath(kColin);
    QVERIFY(shown.wait(kLoadTimeout));
    QVERIFY(m_window->viewerPanel()->maximisedView() == nullptr);
}

void TestMainWindow::missingPathIsAClearError()
{
    QSignalSpy errors(m_window, &MainWindow::errorShown);
    m_window->openPath(QStringLiteral("/no/such/folder"));
    QCOMPARE(errors.count(), 1);
    QVERIFY(m_window->lastError().contains(QStringLiteral("/no/such/folder")));
}

void TestMainWindow::unreadableFileIsAClearError()
{
    QTemporaryDir folder;
    QFile broken(folder.filePath(QStringLiteral("broken.dcm")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(QByteArray(300, 'x'));
    broken.close();
    QSignalSpy errors(m_window, &MainWindow::errorShown);
    m_window->openPath(folder.path());
    QVERIFY(errors.wait(kLoadTimeout));
    QVERIFY2(m_window->lastError().contains(folder.path()), qPrintable(m_window->lastError()));
    QVERIFY(!m_window->state()->hasImage());
    // A broken NIfTI file names itself too.
    QFile nifti(folder.filePath(QStringLiteral("broken.nii")));
    QVERIFY(nifti.open(QIODevice::WriteOnly));
    nifti.write(QByteArray(400, '\0'));
    nifti.close();
    m_window->openPath(nifti.fileName());
    QVERIFY(errors.wait(kLoadTimeout));
    QVERIFY2(m_window->lastError().contains(QDir::toNativeSeparators(nifti.fileName())), qPrintable(m_window->lastError()));
    QCOMPARE(errors.last().constFirst().toString(), m_window->lastError());
    QVERIFY(!m_window->state()->hasImage());
}

void TestMainWindow::cancelKeepsWindowUsable()
{
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcm_qa_ct/In/GE"));
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcmqi-seg/ct-3slice"));
    StudyLoader* loader = m_window->loader();
    QSignalSpy cancelled(loader, &StudyLoader::cancelled);
    QSignalSpy scanned(loader, &StudyLoader::scanReady);
    QSignalSpy loaded(loader, &StudyLoader::imageReady);
    QSignalSpy failed(loader, &StudyLoader::failed);
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    QSignalSpy errors(m_window, &MainWindow::errorShown);
    m_window->openPath(delineate::testing::dataPath(QStringLiteral("dcm_qa_ct/In/GE")));
    QVERIFY(loader->isBusy());
    // Cancelled before the scan's result can be delivered (that needs this thread's event loop): however far the
    // worker got, the scan must end as cancelled, with nothing shown and nothing reported as an error.
    loader->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!loader->isBusy(), kLoadTimeout);
    QTest::qWait(100); // anything wrongly queued behind the cancel (a scan result, a series load) arrives now
    // An error the scan met while it stopped is the cancel's doing: reported as cancelled, never as a failure (the
    // job runner makes that so, whatever the worker returned after the cancel).
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(scanned.count(), 0);
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(shown.count(), 0);
    QCOMPARE(errors.count(), 0);
    QVERIFY(!loader->isBusy());
    QVERIFY(!m_window->state()->hasImage());
    QCOMPARE(m_window->studyBrowser()->tree()->topLevelItemCount(), 0);
    QCOMPARE(m_window->statusBar()->currentMessage(), MainWindow::tr("Cancelled"));

    // The window takes the next request: another DICOM series scans, loads and shows.
    const QString next = delineate::testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice"));
    m_window->openPath(next);
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(m_window->lastError()));
    QCOMPARE(scanned.count(), 1);
    QCOMPARE(errors.count(), 0);
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(m_window->state()->hasImage());
    QCOMPARE(m_window->state()->volume()->geometry().size(), (std::array<int64_t, 3>{512, 512, 3}));
    QCOMPARE(loader->scannedPath(), QFileInfo(next).absoluteFilePath());
    QCOMPARE(m_window->studyBrowser()->tree()->topLevelItemCount(), 1);
}

void TestMainWindow::rapidRequestsEndWithTheLast()
{
    // A user clicking through studies faster than they load: each request cancels the previous one.
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcm_qa_ct/In/GE"));
    DELINEATE_REQUIRE_PACKAGED(kColin);
    QSignalSpy errors(m_window, &MainWindow::errorShown);
    m_window->openPath(delineate::testing::dataPath(QStringLiteral("dcm_qa_ct/In/GE")));
    m_window->openPath(delineate::testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")));
    m_window->openPath(kColin);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->state()->hasImage() && m_window->state()->info().sourcePath == kColin
                                 && !m_window->loader()->isBusy(),
                             kLoadTimeout);
    QCOMPARE(errors.count(), 0);
}

void TestMainWindow::layoutsAndMaximise()
{
    ViewerPanel* panel = m_window->viewerPanel();
    panel->setLayoutMode(ViewLayout::TwoByTwo);
    QVERIFY(panel->infoPane()->isVisible());
    panel->setLayoutMode(ViewLayout::OneByThree);
    QVERIFY(!panel->infoPane()->isVisible());
    SliceView* coronal = panel->view(1);
    QTest::mouseDClick(coronal, Qt::LeftButton);
    QCOMPARE(panel->maximisedView(), coronal);
    QVERIFY(!panel->view(0)->isVisible());
    QTest::mouseDClick(coronal, Qt::LeftButton);
    QVERIFY(panel->maximisedView() == nullptr);
    QVERIFY(panel->view(0)->isVisible());
    QTest::mouseDClick(coronal, Qt::LeftButton);
    QCOMPARE(panel->maximisedView(), coronal);
    QTest::keyClick(coronal, Qt::Key_Escape); // Escape restores the layout too
    QVERIFY(panel->maximisedView() == nullptr);
}

void TestMainWindow::settingsPersist()
{
    SettingsDialog dialog;
    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("zh_CN")));
    dialog.layoutBox()->setCurrentIndex(dialog.layoutBox()->findData(QStringLiteral("2x2")));
    dialog.interpolationBox()->setCurrentIndex(dialog.interpolationBox()->findData(QStringLiteral("linear")));
    // Nothing in Settings runs a network: its options are in the AI panel, beside the runs.
    QCOMPARE(dialog.findChildren<QComboBox*>().size(), 3);
    // DELINEATE_SCREENSHOT_DIR=... saves the dialog as it looks, to judge it (docs/screenshots).
    if (const QString dir = qEnvironmentVariable("DELINEATE_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("settings-dialog.png"))));
    QVERIFY(dialog.save());
    ComputeOptions* compute = m_window->aiPanel()->computeOptions();
    QVERIFY(compute);
    QCOMPARE(compute->deviceBox()->currentData().toString(), QStringLiteral("auto")); // the defaults
    QCOMPARE(compute->precisionBox()->currentData().toString(), QStringLiteral("auto"));
    compute->deviceBox()->setCurrentIndex(compute->deviceBox()->findData(QStringLiteral("cpu")));
    compute->precisionBox()->setCurrentIndex(compute->precisionBox()->findData(QStringLiteral("float32")));
    QCOMPARE(AppSettings::inferenceDevice(), QStringLiteral("cpu")); // saved at once
    QCOMPARE(AppSettings::inferencePrecision(), QStringLiteral("float32"));
    QCOMPARE(m_window->aiSession()->device(), QStringLiteral("cpu")); // and given to the next run
    QCOMPARE(m_window->aiSession()->precision(), QStringLiteral("float32"));
    QSettings().setValue(QStringLiteral("inference/precision"), QStringLiteral("float8")); // unknown: the default
    QCOMPARE(AppSettings::inferencePrecision(), QStringLiteral("auto"));
    QCOMPARE(AppSettings::language(), QStringLiteral("zh_CN"));
    QCOMPARE(AppSettings::defaultLayout(), QStringLiteral("2x2"));
    QCOMPARE(AppSettings::interpolation(), QStringLiteral("linear"));
    MainWindow next; // a new window starts with the saved layout and interpolation
    QCOMPARE(next.viewerPanel()->layoutMode(), ViewLayout::TwoByTwo);
    QCOMPARE(next.aiPanel()->computeOptions()->deviceBox()->currentData().toString(), QStringLiteral("cpu"));
    QCOMPARE(next.aiSession()->device(), QStringLiteral("cpu"));
    QCOMPARE(next.state()->interpolation(), Interpolation::Linear);
    QSettings().clear();
}

void TestMainWindow::viewerLetsIdleOpenMpThreadsSleep_data()
{
    QTest::addColumn<QString>("policy");           // OMP_WAIT_POLICY given to the viewer ("" : unset)
    QTest::addColumn<QString>("expectedPolicy");   // what its OpenMP runtime then uses
    QTest::addColumn<bool>("expectedSpinning");    // whether idle OpenMP threads spin before they sleep
    QTest::newRow("unset: passive") << QString() << QStringLiteral("PASSIVE") << false;
    QTest::newRow("the user's choice stands") << QStringLiteral("ACTIVE") << QStringLiteral("ACTIVE") << true;
}

void TestMainWindow::viewerLetsIdleOpenMpThreadsSleep()
{
    // libgomp is loaded before main() (Qt6Core -> libb2 -> libgomp) and reads OMP_WAIT_POLICY only then: the viewer
    // restarts itself with PASSIVE when the variable is unset. libgomp prints its settings at load with
    // OMP_DISPLAY_ENV=verbose; the last block printed is the one of the process that shows the window.
    QFETCH(QString, policy);
    QFETCH(QString, expectedPolicy);
    QFETCH(bool, expectedSpinning);
#ifndef DELINEATE_GUI
    QSKIP("built without the viewer");
#else
    DELINEATE_REQUIRE_PACKAGED(kColin);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("OMP_WAIT_POLICY"));
    environment.remove(QStringLiteral("GOMP_SPINCOUNT"));
    if (!policy.isEmpty())
        environment.insert(QStringLiteral("OMP_WAIT_POLICY"), policy);
    environment.insert(QStringLiteral("OMP_DISPLAY_ENV"), QStringLiteral("verbose"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess viewer;
    viewer.setProcessEnvironment(environment);
    viewer.start(QStringLiteral(DELINEATE_GUI), {QStringLiteral("--report-startup"), kColin});
    QVERIFY(viewer.waitForFinished(kLoadTimeout));
    const QString out = QString::fromLocal8Bit(viewer.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(viewer.readAllStandardError());
    QCOMPARE(viewer.exitCode(), 0);
    QVERIFY2(out.contains(QStringLiteral("\"startup_s\"")), qPrintable(out + err)); // the window showed the image
    const QStringList blocks = err.split(QStringLiteral("OPENMP DISPLAY ENVIRONMENT BEGIN"));
    QVERIFY2(blocks.size() >= 2, qPrintable(err));
    const QString last = blocks.last();
    const QRegularExpression spin(QStringLiteral("GOMP_SPINCOUNT = '(\\d+)'"));
    const QRegularExpressionMatch spinCount = spin.match(last);
    QVERIFY2(spinCount.hasMatch(), qPrintable(last));
    QVERIFY2(last.contains(QStringLiteral("OMP_WAIT_POLICY = '%1'").arg(expectedPolicy)), qPrintable(last));
    QCOMPARE(spinCount.captured(1).toLongLong() > 0, expectedSpinning);
    // Restarted once when it had to, never otherwise.
    QCOMPARE(blocks.size() - 1, policy.isEmpty() ? 2 : 1);
#endif
}

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
