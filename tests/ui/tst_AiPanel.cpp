// The AI panel end to end (offscreen) on the sample study (Colin 27 written as a DICOM series by delineate-cli) with
// the shipped brain model: no LibTorch in the process until the first run; the run on the worker while the views
// keep repainting; the threshold changing the labelled voxels without running the network again; one undo; locked
// and hand-edited voxels untouched; a cancelled run changing nothing; the uncertainty picture and its next-slice jump.
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
    void documentationScreenshots();

private:
    bool openSampleWithBrainModel();
    VoxelBox middleSlab(int halfDepth) const;
    bool runBox(int halfDepth);

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
    m_window = new MainWindow;
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestAiPanel::cleanup()
{
    m_window->aiSession()->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->aiSession()->isRunning(), kTimeout);
    if (m_window->segmentationSession()->isModified())
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
    slider->setSliderDown(true);
    slider->setValue(95);
    slider->setSliderDown(false); // emits sliderReleased
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
    QTest::qWait(300); // into the run (engine and model loading, first batches)
    m_window->aiSession()->cancel();
    QVERIFY(finished.wait(kTimeout));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("Cancel")));
    QVERIFY(m_window->segmentationSession()->document() == document);
    QVERIFY(document->segmentation() == before);
    QCOMPARE(document->history().size(), steps);
    QCOMPARE(m_window->aiSession()->networkRuns(), 0);
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
