// The AI panel end to end (offscreen) on the sample study (Colin 27 written as a DICOM series by delineate-cli) with
// the shipped brain model: no LibTorch in the process until the first run; the run on the worker while the views
// keep repainting; the threshold changing the labelled voxels without running the network again; one undo; locked
// and hand-edited voxels untouched; a cancelled run changing nothing; the uncertainty picture and its next-slice jump;
// a stroke in progress kept while a run finishes; a missing engine named while editing goes on; a run replaced, and
// the window closed or destroyed, mid-run; the model-mismatch warning on a CT.
#include "EditingTestSupport.h"
#include "TestData.h"

#include "edit/Brush.h"
#include "edit/SegmentationDocument.h"
#include "image/Volume.h"
#include "ml/EngineLoader.h"
#include "model/AiSession.h"
#include "model/OverlayLayer.h"
#include "model/SegmentationSession.h"
#include "model/ViewerState.h"
#include "tools/BoxTool.h"
#include "widgets/AiPanel.h"
#include "widgets/MainWindow.h"
#include "widgets/SliceView.h"
#include "widgets/ViewerPanel.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace delineate;

namespace {

constexpr int kTimeout = 120000;
const QString kColin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");

std::size_t countLabel(const Segmentation& s, uint16_t label)
{
    std::size_t n = 0;
    for (std::size_t o = 0; o < s.voxelCount(); ++o)
        n += s.labelAt(0, o) == label ? 1 : 0;
    return n;
}

// Voxels of `label` on the three slices through `cursor` (the slices on screen), and elsewhere.
std::pair<std::size_t, std::size_t> countOnAndOffScreen(const Segmentation& s, uint16_t label,
                                                        const std::array<int64_t, 3>& cursor)
{
    const auto& size = s.geometry().size();
    std::size_t on = 0, off = 0;
    std::size_t o = 0;
    for (int64_t k = 0; k < size[2]; ++k)
        for (int64_t j = 0; j < size[1]; ++j)
            for (int64_t i = 0; i < size[0]; ++i, ++o)
                if (s.labelAt(0, o) == label)
                    ++((i == cursor[0] || j == cursor[1] || k == cursor[2]) ? on : off);
    return {on, off};
}

// Waits until the run reports progress past its start (engine and model loaded, batches computing), and with `eta`
// until a report has an ETA, which goes there.
bool waitForBatches(AiSession* ai, double* eta = nullptr)
{
    QSignalSpy progress(ai->runner(), &JobRunner::progressChanged);
    QElapsedTimer clock;
    clock.start();
    int seen = 0;
    while (clock.elapsed() < kTimeout && ai->isRunning()) {
        for (; seen < progress.count(); ++seen) {
            const double fraction = progress.at(seen).at(0).toDouble();
            const double secondsLeft = progress.at(seen).at(2).toDouble();
            if (fraction > 0.0 && fraction < 1.0 && (!eta || secondsLeft >= 0.0)) {
                if (eta)
                    *eta = secondsLeft;
                return true;
            }
        }
        progress.wait(200);
    }
    return false;
}

// Counts the paint events a widget receives.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

class TestAiPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void torchIsLoadedOnlyByTheFirstRun();
    void thresholdUndoLocksAndHandEdits();
    void cancelledRunChangesNothing();
    void strokeInProgressIsKeptAndTheResultMergedAfter();
    void replaceRunningRun();
    void closeWhileRunning();
    void modelMismatchWarnsAndDecliningRunsNothing();
    void missingEngineIsNamedAndEditingGoesOn();
    void documentationScreenshots();

private:
    bool openSampleWithBrainModel();
    VoxelBox middleSlab(int halfDepth) const;
    bool runBox(int halfDepth);
    void newWindow();

    QTemporaryDir m_home;
    QString m_sample;
    MainWindow* m_window = nullptr;
};

void TestAiPanel::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_AiPanel"));
    QSettings().clear();
    DELINEATE_REQUIRE_PACKAGED(kColin);
    // The sample study, as scripts/run makes it.
    m_sample = m_home.filePath(QStringLiteral("colin27-t1"));
    QProcess make;
    make.start(testing::cliPath(), {QStringLiteral("make-series"), kColin, m_sample, QStringLiteral("--modality"),
                                    QStringLiteral("MR")});
    QVERIFY(make.waitForFinished(120000));
    QCOMPARE(make.exitCode(), 0);
}

void TestAiPanel::init()
{
    newWindow();
}

void TestAiPanel::newWindow()
{
    m_window = new MainWindow;
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestAiPanel::cleanup()
{
    if (!m_window)
        return;
    m_window->aiSession()->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->aiSession()->isRunning(), kTimeout);
    // Closing discards the journal too (a window deleted with a document open leaves one, offered for recovery next).
    m_window->segmentationSession()->close();
    delete m_window;
    m_window = nullptr;
}

bool TestAiPanel::openSampleWithBrainModel()
{
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(m_sample);
    if (!shown.wait(kTimeout))
        return false;
    const QString model = QStringLiteral(DELINEATE_MODELS_DIR) + QStringLiteral("/brain-mask-t1.dlm");
    return m_window->aiPanel()->chooseModel(model);
}

VoxelBox TestAiPanel::middleSlab(int halfDepth) const
{
    VoxelBox box = VoxelBox::everything(m_window->state()->volume()->geometry());
    const int64_t middle = m_window->state()->cursor()[2];
    box.lower[2] = middle - halfDepth;
    box.upper[2] = middle + halfDepth;
    return box;
}

bool TestAiPanel::runBox(int halfDepth)
{
    m_window->findChild<BoxTool*>()->setBox(middleSlab(halfDepth));
    QSignalSpy finished(m_window->aiSession(), &AiSession::runFinished);
    m_window->aiPanel()->boxButton()->click();
    if (!finished.wait(kTimeout))
        return false;
    return finished.first().first().toBool();
}

void TestAiPanel::torchIsLoadedOnlyByTheFirstRun()
{
    QVERIFY(!ml::EngineLoader::torchIsMapped());
    QVERIFY(openSampleWithBrainModel());
    // The header is on screen and nothing has loaded the engine.
    QVERIFY2(m_window->aiPanel()->headerView()->toPlainText().contains(QStringLiteral("Brain mask")),
             qPrintable(m_window->aiPanel()->headerView()->toPlainText()));
    QVERIFY(m_window->aiPanel()->headerView()->toPlainText().contains(QStringLiteral("Validation Dice")));
    QVERIFY(!ml::EngineLoader::torchIsMapped());
    QVERIFY(!ml::EngineLoader::isLoaded());

    // The run happens on the worker: the views keep repainting meanwhile.
    PaintCounter counter;
    SliceView* axial = m_window->viewerPanel()->axialView();
    axial->installEventFilter(&counter);
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, axial, qOverload<>(&QWidget::update));
    ticker.start(20);
    m_window->findChild<BoxTool*>()->setBox(middleSlab(6));
    QSignalSpy finished(m_window->aiSession(), &AiSession::runFinished);
    m_window->aiPanel()->boxButton()->click();
    QVERIFY(m_window->aiSession()->isRunning());
    const int paintsAtStart = counter.paints;
    QVERIFY(finished.wait(kTimeout));
    ticker.stop();
    QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY2(counter.paints - paintsAtStart >= 5, qPrintable(QString::number(counter.paints - paintsAtStart)));
    QVERIFY(ml::EngineLoader::torchIsMapped());
    QCOMPARE(m_window->aiSession()->networkRuns(), 1);
    const Segmentation& s = m_window->segmentationSession()->document()->segmentation();
    const std::size_t brain = countLabel(s, 1);
    QVERIFY2(brain > 20000, qPrintable(QString::number(brain))); // 13 slices of a brain
    QCOMPARE(s.labels().find(1)->name, QStringLiteral("brain"));
    QCOMPARE(s.labels().find(1)->algorithm, SegmentAlgorithm::Automatic);
}

void TestAiPanel::thresholdUndoLocksAndHandEdits()
{
    QVERIFY(openSampleWithBrainModel());
    // Before the AI: label 2 painted by hand in the middle of the brain, label 3 painted and locked.
    SegmentationDocument* document = nullptr;
    {
        QVERIFY(m_window->segmentationSession()->createEmpty().ok());
        document = m_window->segmentationSession()->document();
        const auto c = m_window->state()->cursor();
        BrushSettings brush;
        brush.radius = 6.0;
        brush.label = 2;
        document->beginEdit(EditKind::Manual, QString());
        paintDab(*document, brush, {double(c[0]), double(c[1]), double(c[2])});
        brush.label = 3;
        paintDab(*document, brush, {double(c[0]) + 20, double(c[1]), double(c[2])});
        QVERIFY(document->commitEdit().ok());
        LabelTable table = document->labels();
        LabelEntry three = *table.find(3);
        three.locked = true;
        table.set(three);
        QVERIFY(document->setLabelTable(table, QString()).ok());
    }
    const Segmentation before = document->segmentation();
    const std::size_t two = countLabel(before, 2), three = countLabel(before, 3);
    QVERIFY(two > 50 && three > 50);

    QVERIFY(runBox(4));
    QCOMPARE(m_window->aiSession()->networkRuns(), 1);
    const Segmentation& s = document->segmentation();
    QCOMPARE(countLabel(s, 2), two);   // hand-edited voxels kept
    QCOMPARE(countLabel(s, 3), three); // locked label kept
    for (std::size_t o = 0; o < s.voxelCount(); ++o)
        if (before.labelAt(0, o) == 2 || before.labelAt(0, o) == 3)
            QCOMPARE(s.labelAt(0, o), before.labelAt(0, o));
    const std::size_t atHalf = countLabel(s, 1);
    QVERIFY(atHalf > 1000);

    // The threshold: dragging shows the slices on screen, releasing applies it to the whole volume, and the
    // network does not run again.
    QSlider* slider = m_window->aiPanel()->thresholdSlider();
    QVERIFY(slider->isEnabled());
    const auto cursor = m_window->state()->cursor();
    const Segmentation beforeDrag = s;
    const auto [onScreenBefore, offScreenBefore] = countOnAndOffScreen(beforeDrag, 1, cursor);
    QVERIFY(onScreenBefore > 100 && offScreenBefore > 100);
    slider->setSliderDown(true);
    slider->setValue(95);
    // While dragging: the three slices on screen show the new threshold; no other voxel changes yet.
    const auto [onScreenDragging, offScreenDragging] = countOnAndOffScreen(s, 1, cursor);
    QVERIFY2(onScreenDragging < onScreenBefore, qPrintable(QStringLiteral("%1 vs %2").arg(onScreenDragging).arg(onScreenBefore)));
    QCOMPARE(offScreenDragging, offScreenBefore);
    {
        const auto& size = s.geometry().size();
        std::size_t o = 0;
        for (int64_t k = 0; k < size[2]; ++k)
            for (int64_t j = 0; j < size[1]; ++j)
                for (int64_t i = 0; i < size[0]; ++i, ++o)
                    if (i != cursor[0] && j != cursor[1] && k != cursor[2] && s.labelAt(0, o) != beforeDrag.labelAt(0, o))
                        QFAIL(qPrintable(QStringLiteral("voxel (%1, %2, %3) off screen changed while dragging").arg(i).arg(j).arg(k)));
    }
    slider->setSliderDown(false); // emits sliderReleased
    // Released: the whole volume.
    const auto [onScreenReleased, offScreenReleased] = countOnAndOffScreen(s, 1, cursor);
    QCOMPARE(onScreenReleased, onScreenDragging);
    QVERIFY2(offScreenReleased < offScreenBefore, qPrintable(QStringLiteral("%1 vs %2").arg(offScreenReleased).arg(offScreenBefore)));
    const std::size_t atHigh = countLabel(s, 1);
    QVERIFY2(atHigh < atHalf, qPrintable(QStringLiteral("%1 vs %2").arg(atHigh).arg(atHalf)));
    slider->setValue(5);
    const std::size_t atLow = countLabel(s, 1);
    QVERIFY2(atLow > atHalf, qPrintable(QStringLiteral("%1 vs %2").arg(atLow).arg(atHalf)));
    QCOMPARE(m_window->aiSession()->networkRuns(), 1);
    QCOMPARE(countLabel(s, 2), two);
    QCOMPARE(countLabel(s, 3), three);

    // One AI step in the history: one undo restores the segmentation as it was, voxel for voxel.
    QVERIFY(document->undo());
    QVERIFY(document->segmentation() == before);

    // The uncertainty picture and the jump to an uncertain slice.
    QVERIFY(document->redo());
    m_window->aiPanel()->uncertaintyBox()->setCurrentIndex(2);
    QVERIFY(m_window->aiSession()->overlay()->isShown());
    const int64_t sliceBefore = m_window->state()->cursor()[2];
    m_window->aiPanel()->nextUncertainButton()->click();
    const int64_t jumped = m_window->state()->cursor()[2];
    QVERIFY(std::abs(jumped - sliceBefore) <= 4); // only the slab has probabilities
    const std::vector<double> entropy = m_window->aiSession()->result()->sliceEntropy(2);
    QCOMPARE(entropy[std::size_t(jumped)], *std::max_element(entropy.begin(), entropy.end()));
}

void TestAiPanel::cancelledRunChangesNothing()
{
    QVERIFY(openSampleWithBrainModel());
    QVERIFY(m_window->segmentationSession()->createEmpty().ok());
    SegmentationDocument* document = m_window->segmentationSession()->document();
    const Segmentation before = document->segmentation();
    const int steps = document->history().size();
    QSignalSpy finished(m_window->aiSession(), &AiSession::runFinished);
    m_window->aiPanel()->seriesButton()->click();
    QVERIFY(m_window->aiSession()->isRunning());
    QVERIFY(waitForBatches(m_window->aiSession())); // into the run: engine and model loaded, batches computing
    m_window->aiSession()->cancel();
    QVERIFY(finished.wait(kTimeout));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("Cancel")));
    QVERIFY(m_window->segmentationSession()->document() == document);
    QVERIFY(document->segmentation() == before);
    QCOMPARE(document->history().size(), steps);
    QCOMPARE(m_window->aiSession()->networkRuns(), 0);
}

void TestAiPanel::strokeInProgressIsKeptAndTheResultMergedAfter()
{
    // A brush stroke is still held down when the network finishes: the stroke is the user's and stays as drawn;
    // the AI result merges when it ends, as the next undo step.
    QVERIFY(openSampleWithBrainModel());
    QVERIFY(m_window->segmentationSession()->createEmpty().ok());
    SegmentationDocument* document = m_window->segmentationSession()->document();
    AiSession* ai = m_window->aiSession();
    const int steps = document->history().size();
    QTest::keyClick(m_window, Qt::Key_B);
    m_window->segmentationLayer()->setActiveLabel(2);
    SliceView* axial = m_window->viewerPanel()->axialView();
    const auto c = m_window->state()->cursor();
    const QPointF from = axial->screenPoint({double(c[0]), double(c[1]), double(c[2])});
    const QPointF to = axial->screenPoint({double(c[0]) + 10, double(c[1]), double(c[2])});
    testing::press(axial, from);
    testing::moveTo(axial, to);
    QVERIFY(document->isEditing());
    const Segmentation duringStroke = document->segmentation();
    const std::size_t stroke = countLabel(duringStroke, 2);
    QVERIFY2(stroke > 20, qPrintable(QString::number(stroke)));

    m_window->findChild<BoxTool*>()->setBox(middleSlab(3));
    QSignalSpy finished(ai, &AiSession::runFinished);
    QSignalSpy waiting(ai, &AiSession::mergeWaiting);
    QSignalSpy networkDone(ai->runner(), &JobRunner::finished);
    m_window->aiPanel()->boxButton()->click();
    QVERIFY(networkDone.wait(kTimeout));
    QCOMPARE(ai->networkRuns(), 1);
    QCOMPARE(waiting.count(), 1);
    QCOMPARE(finished.count(), 0);
    QVERIFY(ai->hasPendingMerge());
    QVERIFY(document->isEditing());
    QVERIFY(document->segmentation() == duringStroke); // the stroke as drawn, nothing merged into it
    QCOMPARE(m_window->aiPanel()->statusLabel()->text(), waiting.first().first().toString());

    testing::release(axial, to);
    QVERIFY(finished.wait(kTimeout));
    QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(!ai->hasPendingMerge());
    QCOMPARE(document->history().size(), steps + 2);
    QCOMPARE(document->history().at(steps).kind, EditKind::Manual);
    QCOMPARE(document->history().at(steps + 1).kind, EditKind::Ai);
    const Segmentation& s = document->segmentation();
    for (std::size_t o = 0; o < s.voxelCount(); ++o)
        if (duringStroke.labelAt(0, o) == 2)
            QCOMPARE(s.labelAt(0, o), uint16_t(2)); // hand-painted: kept
    QCOMPARE(countLabel(s, 2), stroke);
    QVERIFY2(countLabel(s, 1) > 1000, qPrintable(QString::number(countLabel(s, 1))));
    // One undo takes the AI step only; the stroke stays.
    QVERIFY(document->undo());
    QCOMPARE(countLabel(document->segmentation(), 1), std::size_t(0));
    QCOMPARE(countLabel(document->segmentation(), 2), stroke);
}

void TestAiPanel::replaceRunningRun()
{
    // A second request while a run computes replaces it: the first is cancelled (said so, nothing merged), the
    // second runs and merges as the one AI step.
    QVERIFY(openSampleWithBrainModel());
    QVERIFY(m_window->segmentationSession()->createEmpty().ok());
    SegmentationDocument* document = m_window->segmentationSession()->document();
    AiSession* ai = m_window->aiSession();
    const int steps = document->history().size();
    QSignalSpy finished(ai, &AiSession::runFinished);
    QSignalSpy started(ai->runner(), &JobRunner::started);
    m_window->aiPanel()->seriesButton()->click();
    QVERIFY(waitForBatches(ai));
    QVERIFY(ai->run(AiSession::Scope::Slice));
    QVERIFY(finished.wait(kTimeout));
    if (finished.count() < 2)
        QVERIFY(finished.wait(kTimeout));
    QCOMPARE(finished.count(), 2);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(finished.at(0).at(1).toString().contains(QStringLiteral("Cancel")));
    QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(1).toString()));
    QCOMPARE(started.count(), 2);
    QCOMPARE(started.at(1).first().toString(), AiSession::tr("AI on the current slice"));
    QCOMPARE(ai->networkRuns(), 1);
    QCOMPARE(document->history().size(), steps + 1);
    // Only the current slice (along the model's slice axis) has the result.
    const int axis = ai->header()->sliceAxis;
    const int64_t slice = m_window->state()->cursor()[std::size_t(axis)];
    const Segmentation& s = document->segmentation();
    const auto& size = s.geometry().size();
    std::size_t onSlice = 0;
    std::size_t o = 0;
    for (int64_t k = 0; k < size[2]; ++k)
        for (int64_t j = 0; j < size[1]; ++j)
            for (int64_t i = 0; i < size[0]; ++i, ++o) {
                if (s.labelAt(0, o) == 0)
                    continue;
                const int64_t index[3] = {i, j, k};
                QCOMPARE(index[axis], slice);
                ++onSlice;
            }
    QVERIFY2(onSlice > 500, qPrintable(QString::number(onSlice)));
}

void TestAiPanel::closeWhileRunning()
{
    // Closing the window mid-run cancels the run (said so, nothing changed) instead of waiting for it.
    QVERIFY(openSampleWithBrainModel());
    AiSession* ai = m_window->aiSession();
    QSignalSpy finished(ai, &AiSession::runFinished);
    m_window->aiPanel()->seriesButton()->click();
    QVERIFY(waitForBatches(ai));
    QVERIFY(m_window->close());
    QTRY_VERIFY_WITH_TIMEOUT(!ai->isRunning(), kTimeout);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("Cancel")));
    QCOMPARE(ai->networkRuns(), 0);
    delete m_window;
    m_window = nullptr;

    // Destroying the window, and with it the AI session, mid-run without closing it first: the runner cancels the
    // run and joins its thread; the destructor takes about a batch, not the rest of the series.
    newWindow();
    QVERIFY(openSampleWithBrainModel());
    m_window->aiPanel()->seriesButton()->click();
    double eta = -1.0;
    QVERIFY(waitForBatches(m_window->aiSession(), &eta));
    // A batch's time: from one progress report to the next.
    QSignalSpy progress(m_window->aiSession()->runner(), &JobRunner::progressChanged);
    QVERIFY(progress.wait(kTimeout));
    QElapsedTimer batch;
    batch.start();
    QVERIFY(progress.wait(kTimeout));
    const double batchSeconds = batch.elapsed() / 1000.0;
    QElapsedTimer clock;
    clock.start();
    delete m_window;
    m_window = nullptr;
    const double seconds = clock.elapsed() / 1000.0;
    qInfo("destroyed in %.2f s; a batch took %.2f s, and about %.0f s of the run were left", seconds, batchSeconds, eta);
    QVERIFY2(seconds < std::max(2.0, 4.0 * batchSeconds),
             qPrintable(QStringLiteral("%1 s to destroy (a batch: %2 s)").arg(seconds).arg(batchSeconds)));
    QTest::qWait(200); // nothing queued by the worker may arrive for the destroyed objects
}

void TestAiPanel::modelMismatchWarnsAndDecliningRunsNothing()
{
    // The brain MRI model on a CT (the sample written as a CT series): the panel warns before anything runs, and
    // declining the confirmation runs nothing.
    const QString ct = m_home.filePath(QStringLiteral("colin27-as-ct"));
    if (!QFileInfo::exists(ct)) {
        QProcess make;
        make.start(testing::cliPath(), {QStringLiteral("make-series"), kColin, ct, QStringLiteral("--modality"), QStringLiteral("CT")});
        QVERIFY(make.waitForFinished(120000));
        QCOMPARE(make.exitCode(), 0);
    }
    QVERIFY(openSampleWithBrainModel());
    QVERIFY2(m_window->aiPanel()->warningLabel()->text().isEmpty(), qPrintable(m_window->aiPanel()->warningLabel()->text()));
    const QString modelModality = m_window->aiSession()->header()->modality;
    QVERIFY(!modelModality.isEmpty() && modelModality.compare(QStringLiteral("CT"), Qt::CaseInsensitive) != 0);

    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(ct);
    QVERIFY(shown.wait(kTimeout));
    QCOMPARE(m_window->state()->info().modality, QStringLiteral("CT"));
    const QString warning = m_window->aiPanel()->warningLabel()->text();
    QVERIFY2(warning.contains(QStringLiteral("CT")) && warning.contains(modelModality), qPrintable(warning));
    QStringList asked;
    m_window->aiPanel()->setConfirmMismatch([&asked](const QStringList& warnings) {
        asked = warnings;
        return false;
    });
    QSignalSpy started(m_window->aiSession()->runner(), &JobRunner::started);
    m_window->aiPanel()->seriesButton()->click();
    QCOMPARE(asked.join(QLatin1Char('\n')), warning);
    QCOMPARE(started.count(), 0);
    QVERIFY(!m_window->aiSession()->isRunning());
    QTest::qWait(200);
    QCOMPARE(m_window->aiSession()->networkRuns(), 0);
    QVERIFY(!m_window->segmentationSession()->document());
}

void TestAiPanel::missingEngineIsNamedAndEditingGoesOn()
{
    // The engine is loaded once per process, so the failing load runs in a process of its own: this test again,
    // with DELINEATE_ENGINE naming a file that does not exist.
    if (!qEnvironmentVariableIsSet("DELINEATE_TEST_MISSING_ENGINE")) {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DELINEATE_TEST_MISSING_ENGINE"), QStringLiteral("1"));
        environment.insert(QStringLiteral("DELINEATE_ENGINE"), m_home.filePath(QStringLiteral("nowhere/libdelineate_engine.so")));
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("missingEngineIsNamedAndEditingGoesOn")});
        QVERIFY(child.waitForFinished(kTimeout));
        const QString output = QString::fromLocal8Bit(child.readAll());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("PASS   : TestAiPanel::missingEngineIsNamedAndEditingGoesOn()")), qPrintable(output));
        return;
    }
    const QString missing = qEnvironmentVariable("DELINEATE_ENGINE");
    QVERIFY(!QFileInfo::exists(missing));
    QVERIFY(openSampleWithBrainModel());
    AiPanel* panel = m_window->aiPanel();
    AiSession* ai = m_window->aiSession();
    const QString notYet = AiSession::tr("The engine loads when a model first runs.");
    QCOMPARE(panel->engineLabel()->text(), notYet);
    QSignalSpy finished(ai, &AiSession::runFinished);
    panel->sliceButton()->click();
    QVERIFY(finished.wait(kTimeout));
    QCOMPARE(finished.first().first().toBool(), false);
    const QString why = finished.first().at(1).toString();
    QVERIFY2(why.contains(missing), qPrintable(why));
    // The panel says why, in the run's status and in its engine line; nothing was loaded or run.
    QVERIFY2(panel->statusLabel()->text().contains(missing), qPrintable(panel->statusLabel()->text()));
    QVERIFY2(panel->engineLabel()->text().contains(missing) && panel->engineLabel()->text() != notYet,
             qPrintable(panel->engineLabel()->text()));
    QCOMPARE(ai->networkRuns(), 0);
    QVERIFY(!ml::EngineLoader::isLoaded());
    QVERIFY(!ml::EngineLoader::torchIsMapped());
    QVERIFY(panel->sliceButton()->isEnabled());
    // The viewer and the editor go on: a brush dab on the axial view, and its undo.
    QTest::keyClick(m_window, Qt::Key_B);
    SliceView* axial = m_window->viewerPanel()->axialView();
    const auto c = m_window->state()->cursor();
    testing::click(axial, axial->screenPoint({double(c[0]), double(c[1]), double(c[2])}));
    SegmentationDocument* document = m_window->segmentationSession()->document();
    QVERIFY(document);
    const ImageGeometry& grid = document->geometry();
    QCOMPARE(document->segmentation().labelAt(0, testing::offsetOf(grid, c[0], c[1], c[2])), uint16_t(1));
    QVERIFY(countLabel(document->segmentation(), 1) > 0);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(countLabel(document->segmentation(), 1), std::size_t(0));
}

void TestAiPanel::documentationScreenshots()
{
    // DELINEATE_SCREENSHOT_DIR=... writes the AI panel pictures of README.md and docs/ai.md: the brain model on the
    // whole sample MRI with the uncertain band outlined, and the same model on a head CT it was not made for (the
    // panel's warning, the heat map of what it thinks).
    const QString dir = qEnvironmentVariable("DELINEATE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set DELINEATE_SCREENSHOT_DIR to write the documentation screenshots");
    m_window->resize(1600, 1000);
    QVERIFY(openSampleWithBrainModel());
    m_window->aiPanel()->raise();
    m_window->aiPanel()->show();
    QSignalSpy finished(m_window->aiSession(), &AiSession::runFinished);
    m_window->aiPanel()->seriesButton()->click();
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(finished.first().first().toBool());
    m_window->aiPanel()->uncertaintyBox()->setCurrentIndex(2);
    m_window->aiPanel()->nextUncertainButton()->click();
    QApplication::processEvents();
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("ai-panel-sample-mri.png"))));

    DELINEATE_REQUIRE_DATA("dcm_qa_ct/In/GE");
    m_window->segmentationSession()->close();
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(testing::dataPath(QStringLiteral("dcm_qa_ct/In/GE")));
    QVERIFY(shown.wait(kTimeout));
    QVERIFY(!m_window->aiPanel()->warningLabel()->text().isEmpty()); // an MR model on a CT
    m_window->aiPanel()->setConfirmMismatch([](const QStringList&) { return true; });
    finished.clear();
    m_window->aiPanel()->seriesButton()->click();
    QVERIFY(finished.wait(kTimeout));
    m_window->aiPanel()->uncertaintyBox()->setCurrentIndex(1);
    QApplication::processEvents();
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("ai-panel-ct-heat-map.png"))));
}

QTEST_MAIN(TestAiPanel)
#include "tst_AiPanel.moc"
