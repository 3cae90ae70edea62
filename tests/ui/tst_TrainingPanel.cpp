// The Training dock end to end (offscreen, real button clicks): Accept adds the corrected segmentation on screen to
// the store (the stored mask equals it voxel for voxel); a training from scratch and a fine-tune of the active
// version run on the worker with per-epoch curves and become versions; the AI panel takes the active version;
// promote and roll back; Stop keeps the best model so far as a version, Cancel keeps nothing; an AI run holds the
// training while it computes (one started meanwhile waits) and leaves a training the user paused paused; a run
// that did not end (the app killed: its store copied mid-run) is offered for resuming and goes on from its last
// finished epoch with the settings it was started with.
#include "TestData.h"
#include "TrainingTestSupport.h"
#include "edit/SegmentationDocument.h"
#include "image/Segmentation.h"
#include "ml/EngineLoader.h"
#include "ml/ModelRegistry.h"
#include "ml/TrainingData.h"
#include "ml/TrainingStore.h"
#include "model/AiSession.h"
#include "model/SegmentationSession.h"
#include "model/TrainingSession.h"
#include "model/ViewerState.h"
#include "widgets/AiPanel.h"
#include "widgets/MainWindow.h"
#include "widgets/TrainingPanel.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace delineate;

namespace {
constexpr int kTimeout = 240000;

// A store of EM slices 0 and 1 for training and 29 for validation.
bool importSmallEmStore(const QString& folder)
{
    auto store = TrainingStore::open(folder, true);
    if (!store)
        return false;
    ImportOptions options;
    options.trainIndices = {0, 1};
    options.validationIndices = {29};
    SimpleJobControl control;
    return store->importPairs(testing::dataPath(QStringLiteral("isbi2012-membrane/train")), options, control).ok();
}
} // namespace

class TestTrainingPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void acceptAddsTheSegmentationOnScreen();
    void trainPromoteRollBackStopCancel();
    void aiRunHoldsTrainingAndKeepsTheUserPause();
    void interruptedRunResumes();

private:
    MainWindow* m_window = nullptr;
    QTemporaryDir m_home;
};

void TestTrainingPanel::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_TrainingPanel"));
    QSettings().clear();
}

void TestTrainingPanel::init()
{
    m_window = new MainWindow;
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestTrainingPanel::cleanup()
{
    if (m_window && m_window->segmentationSession()->isModified())
        m_window->segmentationSession()->close();
    delete m_window;
    m_window = nullptr;
}

void TestTrainingPanel::acceptAddsTheSegmentationOnScreen()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")));
    QVERIFY2(shown.wait(kTimeout), qPrintable(m_window->lastError()));
    TrainingPanel* panel = m_window->trainingPanel();
    QVERIFY(!panel->acceptButton()->isEnabled()); // no segmentation yet
    m_window->openSegmentationFile(testing::dataPath(QStringLiteral("dcmqi-seg/liver_seg.nrrd")));
    QVERIFY(m_window->segmentationSession()->document());
    const QString folder = m_home.filePath(QStringLiteral("ct-store"));
    QVERIFY(m_window->trainingSession()->openStore(folder).ok());
    QVERIFY(panel->acceptButton()->isEnabled());
    QSignalSpy accepted(m_window->trainingSession(), &TrainingSession::acceptFinished);
    QTest::mouseClick(panel->acceptButton(), Qt::LeftButton);
    QVERIFY(accepted.wait(kTimeout));
    QVERIFY2(accepted.first().at(0).toBool(), qPrintable(accepted.first().at(1).toString()));
    QVERIFY2(panel->storeLabel()->text().contains(QLatin1String("1 sample")), qPrintable(panel->storeLabel()->text()));
    // The stored mask is the segmentation on screen, voxel for voxel.
    auto store = TrainingStore::open(folder, false);
    QVERIFY(store.ok());
    QCOMPARE(store->samples().size(), 1);
    auto pair = store->load(store->samples().first());
    QVERIFY(pair.ok());
    const Segmentation& onScreen = m_window->segmentationSession()->document()->segmentation();
    QCOMPARE(pair->second.voxelCount(), onScreen.voxelCount());
    std::size_t liver = 0;
    for (std::size_t o = 0; o < onScreen.voxelCount(); ++o) {
        QCOMPARE(int(pair->second.data()[o]), int(onScreen.labelAt(0, o)));
        liver += onScreen.labelAt(0, o) != 0;
    }
    QVERIFY(liver > 1000);
    // Accepting the same again is refused as a duplicate, said in the panel.
    accepted.clear();
    QTest::mouseClick(panel->acceptButton(), Qt::LeftButton);
    QVERIFY(accepted.wait(kTimeout));
    QVERIFY(!accepted.first().at(0).toBool());
    QVERIFY2(panel->statusLabel()->text().contains(store->samples().first().id), qPrintable(panel->statusLabel()->text()));
}

void TestTrainingPanel::trainPromoteRollBackStopCancel()
{
    DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/label/29.png");
    const QString folder = m_home.filePath(QStringLiteral("em-store"));
    QVERIFY(importSmallEmStore(folder));
    TrainingSession* session = m_window->trainingSession();
    TrainingPanel* panel = m_window->trainingPanel();
    QVERIFY(session->openStore(folder).ok());
    panel->epochsBox()->setValue(2);
    panel->stepsBox()->setValue(2);
    panel->patchBox()->setValue(64);
    panel->widthBox()->setValue(4);
    // From the active model: there is none yet.
    panel->startFromBox()->setCurrentIndex(0);
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
    QVERIFY(!session->isTraining());
    QVERIFY2(panel->statusLabel()->text().contains(QLatin1String("scratch")), qPrintable(panel->statusLabel()->text()));
    // From scratch: two epochs, the curves, version v1 (active: the first one), which the AI panel then uses.
    panel->startFromBox()->setCurrentIndex(1);
    QSignalSpy finished(session, &TrainingSession::trainingFinished);
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
    QVERIFY(session->isTraining());
    QVERIFY(!panel->startButton()->isEnabled() && panel->stopButton()->isEnabled());
    QVERIFY(finished.wait(kTimeout));
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
    QCOMPARE(panel->chart()->epochs().size(), 2);
    QVERIFY(panel->chart()->epochs().last().validationDice >= 0.0);
    QCOMPARE(panel->versionsTable()->rowCount(), 1);
    QVERIFY(panel->versionsTable()->item(0, 0)->text().contains(QLatin1String("v1")));
    QCOMPARE(session->registry()->active(), QStringLiteral("v1"));
    QCOMPARE(m_window->aiSession()->modelPath(), QFileInfo(session->registry()->modelPath(QStringLiteral("v1"))).absoluteFilePath());
    // A fine-tune of the active version: v2, with v1 as its parent, not promoted by itself.
    panel->startFromBox()->setCurrentIndex(0);
    finished.clear();
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kTimeout));
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
    QCOMPARE(panel->versionsTable()->rowCount(), 2);
    QCOMPARE(session->registry()->find(QStringLiteral("v2"))->parent, QStringLiteral("v1"));
    QCOMPARE(session->registry()->active(), QStringLiteral("v1"));
    // Promote v2 (the newest row, on top), then roll back.
    panel->versionsTable()->selectRow(0);
    QVERIFY(panel->promoteButton()->isEnabled());
    QTest::mouseClick(panel->promoteButton(), Qt::LeftButton);
    QCOMPARE(ml::ModelRegistry::open(folder)->active(), QStringLiteral("v2"));
    QCOMPARE(m_window->aiSession()->modelPath(), QFileInfo(session->registry()->modelPath(QStringLiteral("v2"))).absoluteFilePath());
    QVERIFY(panel->versionsTable()->item(0, 0)->text().contains(QLatin1String("active")));
    QTest::mouseClick(panel->rollbackButton(), Qt::LeftButton);
    QCOMPARE(ml::ModelRegistry::open(folder)->active(), QStringLiteral("v1"));
    // Compare v2 with the active v1: the per-case table holds each validation sample's foreground Dice of both,
    // as counted here from each version's segmentation of the sample.
    panel->versionsTable()->selectRow(0);
    QVERIFY(panel->compareButton()->isEnabled());
    QVERIFY(panel->casesTable()->isHidden());
    QSignalSpy compared(session, &TrainingSession::comparisonFinished);
    QTest::mouseClick(panel->compareButton(), Qt::LeftButton);
    QVERIFY(compared.wait(kTimeout));
    QVERIFY2(compared.last().at(0).toBool(), qPrintable(compared.last().at(1).toString()));
    QVERIFY(!panel->casesTable()->isHidden());
    {
        auto store = TrainingStore::open(folder, false);
        SimpleJobControl control;
        auto sets = store->trainingSets(control);
        QVERIFY(sets.ok());
        QCOMPARE(panel->casesTable()->rowCount(), sets->validation.size() + 1);
        auto engine = ml::EngineLoader::engine();
        QVERIFY(engine.ok());
        const QString versions[2] = {QStringLiteral("v1"), QStringLiteral("v2")};
        for (int m = 0; m < 2; ++m) {
            QCOMPARE(panel->casesTable()->horizontalHeaderItem(1 + m)->text(), versions[m]);
            auto model = (*engine)->loadModel(session->registry()->modelPath(versions[m]));
            QVERIFY(model.ok());
            for (int n = 0; n < sets->validation.size(); ++n) {
                const ml::TrainingPair& pair = sets->validation[n];
                auto result = (*engine)->segment(pair.image, **model, ml::InferenceOptions(), control);
                QVERIFY(result.ok());
                double a = 0, b = 0, both = 0;
                for (std::size_t o = 0; o < pair.labels.voxelCount(); ++o) {
                    const bool x = result->labels.at(o) != 0, y = pair.labels.at(o) != 0;
                    a += x;
                    b += y;
                    both += x && y;
                }
                const double dice = a + b > 0 ? 2.0 * both / (a + b) : 0.0;
                QCOMPARE(panel->casesTable()->item(n, 1 + m)->text(), QString::number(dice, 'f', 4));
            }
        }
    }
    // Stop after the first epoch of a long run: the best so far becomes v3, with fewer epochs than asked.
    panel->epochsBox()->setValue(200);
    panel->stepsBox()->setValue(2);
    finished.clear();
    QSignalSpy epochs(session, &TrainingSession::epochFinished);
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
    QVERIFY(epochs.wait(kTimeout));
    // DELINEATE_SCREENSHOT_DIR=... writes docs/screenshots/training-panel.png during this run.
    if (const QString dir = qEnvironmentVariable("DELINEATE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        while (epochs.count() < 8)
            QVERIFY(epochs.wait(kTimeout));
        m_window->resize(1600, 1000);
        QSignalSpy shown(m_window, &MainWindow::imageShown);
        m_window->openPath(testing::dataPath(QStringLiteral("isbi2012-membrane/train/image/24.png")));
        QVERIFY2(shown.wait(kTimeout), qPrintable(m_window->lastError()));
        panel->show();
        panel->raise();
        QTest::qWait(200);
        QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("training-panel.png"))));
    }
    QTest::mouseClick(panel->stopButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kTimeout));
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
    const ml::ModelVersion* stopped = session->registry()->find(QStringLiteral("v3"));
    QVERIFY(stopped);
    QVERIFY(stopped->hyperParameters.value(QStringLiteral("stopped_early")).toBool());
    QVERIFY(stopped->hyperParameters.value(QStringLiteral("epochs")).toInt() < 200);
    // Cancel keeps nothing.
    finished.clear();
    epochs.clear();
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
    QVERIFY(epochs.wait(kTimeout));
    QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(!finished.last().at(0).toBool());
    QCOMPARE(ml::ModelRegistry::open(folder)->versions().size(), 3);
    QVERIFY(QDir(QDir(folder).filePath(QStringLiteral("models"))).entryList({QStringLiteral(".training-*")}, QDir::Files | QDir::Hidden).isEmpty());
}

void TestTrainingPanel::aiRunHoldsTrainingAndKeepsTheUserPause()
{
    DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/label/29.png");
    const QString folder = m_home.filePath(QStringLiteral("hold-store"));
    QVERIFY(importSmallEmStore(folder));
    TrainingSession* session = m_window->trainingSession();
    TrainingPanel* panel = m_window->trainingPanel();
    QVERIFY(session->openStore(folder).ok());
    panel->epochsBox()->setValue(500);
    panel->stepsBox()->setValue(2);
    panel->patchBox()->setValue(64);
    panel->widthBox()->setValue(4);
    panel->startFromBox()->setCurrentIndex(1); // from scratch
    // An EM image on screen and the shipped EM model in the AI panel.
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(testing::dataPath(QStringLiteral("isbi2012-membrane/train/image/24.png")));
    QVERIFY2(shown.wait(kTimeout), qPrintable(m_window->lastError()));
    QVERIFY(m_window->aiPanel()->chooseModel(QStringLiteral(DELINEATE_MODELS_DIR) + QStringLiteral("/em-membranes.dlm")));
    AiSession* ai = m_window->aiSession();
    JobRunner* training = session->trainingRunner();
    QSignalSpy epochs(session, &TrainingSession::epochFinished);
    QSignalSpy aiFinished(ai, &AiSession::runFinished);
    QSignalSpy finished(session, &TrainingSession::trainingFinished);
    int epochsWhileAiRan = 0;
    connect(session, &TrainingSession::epochFinished, this, [&]() { epochsWhileAiRan += ai->isRunning() ? 1 : 0; });

    // A training started while an AI run computes waits for the run to end, and says so.
    m_window->aiPanel()->seriesButton()->click();
    QVERIFY(ai->isRunning());
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
    QVERIFY(session->isTraining());
    QVERIFY(training->isHeld());
    QVERIFY2(panel->statusLabel()->text().contains(QLatin1String("AI run")), qPrintable(panel->statusLabel()->text()));
    QVERIFY(aiFinished.wait(kTimeout));
    QVERIFY2(aiFinished.last().at(0).toBool(), qPrintable(aiFinished.last().at(1).toString()));
    QVERIFY(!training->isHeld());
    QVERIFY(!training->isPaused());
    QVERIFY(epochs.wait(kTimeout)); // and goes on after it
    QCOMPARE(epochsWhileAiRan, 0);

    // The user pauses it; an AI run holds and releases it; it stays paused until the user resumes it.
    QTest::mouseClick(panel->pauseButton(), Qt::LeftButton);
    QVERIFY(training->isPaused());
    QTest::qWait(1500); // the step under way ends
    const int atPause = epochs.count();
    aiFinished.clear();
    m_window->aiPanel()->sliceButton()->click();
    QVERIFY(ai->isRunning());
    QVERIFY(training->isHeld());
    QVERIFY(aiFinished.wait(kTimeout));
    QVERIFY2(aiFinished.last().at(0).toBool(), qPrintable(aiFinished.last().at(1).toString()));
    QVERIFY(!training->isHeld());
    QVERIFY(training->isPaused());
    QVERIFY(panel->pauseButton()->isChecked());
    QVERIFY2(panel->statusLabel()->text().contains(QLatin1String("paused")), qPrintable(panel->statusLabel()->text()));
    QTest::qWait(2000);
    QCOMPARE(epochs.count(), atPause);
    QTest::mouseClick(panel->pauseButton(), Qt::LeftButton);
    QVERIFY(!training->isPaused());
    QVERIFY(epochs.wait(kTimeout));
    QVERIFY(epochs.count() > atPause);
    QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(!finished.last().at(0).toBool());
}


void TestTrainingPanel::interruptedRunResumes()
{
    DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/label/29.png");
    const QString folder = m_home.filePath(QStringLiteral("interrupted-store"));
    QVERIFY(importSmallEmStore(folder));
    TrainingSession* session = m_window->trainingSession();
    TrainingPanel* panel = m_window->trainingPanel();
    QVERIFY(session->openStore(folder).ok());
    QVERIFY(!session->hasInterruptedRun());
    QVERIFY(panel->resumeButton()->isHidden());
    panel->startFromBox()->setCurrentIndex(1);
    panel->epochsBox()->setValue(4);
    panel->stepsBox()->setValue(2);
    panel->patchBox()->setValue(64);
    panel->widthBox()->setValue(4);
    QSignalSpy epochs(session, &TrainingSession::epochFinished);
    QSignalSpy finished(session, &TrainingSession::trainingFinished);
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
    while (epochs.count() < 2)
        QVERIFY(epochs.wait(kTimeout));
    session->pauseTraining(true);
    // The state a kill after epoch 2 leaves: the store as it is on disk now (checkpoint and run settings included).
    const QString copy = m_home.filePath(QStringLiteral("interrupted-copy"));
    QVERIFY(testing::copyFolder(folder, copy));
    session->cancelTraining();
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(!session->hasInterruptedRun()); // Cancel discards the run

    QVERIFY(session->openStore(copy).ok());
    QVERIFY(session->hasInterruptedRun());
    QVERIFY(!panel->resumeButton()->isHidden());
    epochs.clear();
    finished.clear();
    QTest::mouseClick(panel->resumeButton(), Qt::LeftButton);
    QVERIFY(session->isTraining());
    QVERIFY(panel->resumeButton()->isHidden());
    QVERIFY(finished.wait(kTimeout));
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
    // It went on where the run had stopped (after epoch 2, or epoch 1 when the copy came before the second
    // checkpoint was written), with the settings the run was started with: 4 epochs in all.
    const int firstResumed = epochs.first().at(0).value<EpochMetrics>().epoch;
    QVERIFY2(firstResumed == 2 || firstResumed == 3, qPrintable(QString::number(firstResumed)));
    QCOMPARE(epochs.count(), 5 - firstResumed);
    QCOMPARE(epochs.last().at(0).value<EpochMetrics>().epoch, 4);
    QCOMPARE(session->registry()->versions().size(), 1);
    QCOMPARE(session->registry()->versions().first().hyperParameters.value(QStringLiteral("epochs")).toInt(), 4);
    QVERIFY(!session->hasInterruptedRun());
    QVERIFY(panel->resumeButton()->isHidden());
}

QTEST_MAIN(TestTrainingPanel)
#include "tst_TrainingPanel.moc"
