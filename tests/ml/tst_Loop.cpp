// The loop on real data (the EM stack, frozen split: validation 24-29). A weak model (12 steps on slices 0-2, fixed
// seed) segments slices 3-22; the "annotator" corrects each result to its reference mask by hand through the edit
// path, and the correction is accepted into the store through Accept, the call the app's button makes. A fine-tune
// of fixed steps and seed on the store then raises the Dice on slices 24-29 - computed here from the models'
// segmentations, not taken from the trainer - by at least 0.05, and beats the same fine-tune on the store without
// the accepted slices. The split of every sample present before the accepts is the same after.
#include "SimulatedAnnotator.h"
#include "TestData.h"
#include "TrainingTestSupport.h"
#include "ml/Inference.h"
#include "ml/SegmentationModel.h"
#include "ml/Trainer.h"
#include "ml/TrainingStore.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

using namespace delineate;
using namespace delineate::ml;

namespace {

QString emFolder()
{
    return testing::dataPath(QStringLiteral("isbi2012-membrane/train"));
}

QVector<int> range(int first, int last)
{
    QVector<int> r;
    for (int n = first; n <= last; ++n)
        r.append(n);
    return r;
}

TrainingOptions smallRun(const TrainingStore::TrainingSets& sets, int epochs, int steps, uint64_t seed)
{
    TrainingOptions o;
    o.trainingSet = sets.train;
    o.validationSet = sets.validation;
    o.dataName = QStringLiteral("store");
    o.baseWidth = 8;
    o.patchSize = 128;
    o.batchSize = 4;
    o.epochs = epochs;
    o.stepsPerEpoch = steps;
    o.threads = 2;
    o.precision = ComputePrecision::Float32;
    o.seed = seed;
    return o;
}

QVector<SegmentationResult> segmentAll(const SegmentationModel& model, const QVector<TrainingPair>& pairs)
{
    QVector<SegmentationResult> results;
    SimpleJobControl control;
    for (const TrainingPair& pair : pairs) {
        auto result = segmentVolume(pair.image, model, InferenceOptions(), control);
        if (!result)
            qFatal("%s", qPrintable(result.error().message));
        results.append(std::move(*result));
    }
    return results;
}


} // namespace

class TestLoop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptedCorrectionsImproveTheModel()
    {
        DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/label/29.png");
        QTemporaryDir dir;
        SimpleJobControl control;
        const QString storeFolder = dir.filePath(QStringLiteral("store"));
        {
            auto store = TrainingStore::open(storeFolder, true);
            QVERIFY2(store.ok(), qPrintable(store.error().message));
            ImportOptions import;
            import.trainIndices = {0, 1, 2};
            import.validationIndices = range(24, 29);
            auto imported = store->importPairs(emFolder(), import, control);
            QVERIFY2(imported.ok(), qPrintable(imported.error().message));
        }
        const QString withoutFolder = dir.filePath(QStringLiteral("without"));
        QVERIFY(testing::copyFolder(storeFolder, withoutFolder));

        auto store = TrainingStore::open(storeFolder, false);
        QVERIFY(store.ok());
        auto sets = store->trainingSets(control);
        QVERIFY(sets.ok());
        QCOMPARE(sets->train.size(), 3);
        QCOMPARE(sets->validation.size(), 6);
        QMap<QString, SplitRole> rolesBefore;
        for (const SampleRecord& s : store->samples())
            rolesBefore.insert(s.id, store->roleOf(s));

        // The weak model.
        TrainingOptions weakRun = smallRun(*sets, 1, 12, 7);
        weakRun.outputPath = dir.filePath(QStringLiteral("weak.dlm"));
        auto weak = trainModel(weakRun, control);
        QVERIFY2(weak.ok(), qPrintable(weak.error().message));
        auto validation = loadTrainingPairs(emFolder(), range(24, 29), false, control);
        QVERIFY(validation.ok());
        const double weakDice = testing::meanDice(segmentAll(weak->model, *validation), *validation);

        // Slices 3-22: segmented by the weak model, corrected, accepted.
        auto corrected = loadTrainingPairs(emFolder(), range(3, 22), false, control);
        QVERIFY(corrected.ok());
        const QVector<SegmentationResult> results = segmentAll(weak->model, *corrected);
        double effort = 0.0;
        for (int n = 0; n < corrected->size(); ++n) {
            auto segmentation = testing::correctToReference((*corrected)[n], results[n], QStringLiteral("weak"), QStringLiteral("1"));
            QVERIFY2(segmentation.ok(), qPrintable(segmentation.error().message));
            auto accepted = store->accept((*corrected)[n].image, *segmentation, {QStringLiteral("em-stack"), {}, {}}, AcceptOptions{});
            QVERIFY2(accepted.ok(), qPrintable(accepted.error().message));
            // The effort the store recorded is the correction made here: the result against the reference.
            QVERIFY(std::abs(accepted->effortFraction - testing::changedFraction(results[n], (*corrected)[n].labels)) < 1e-9);
            effort += accepted->effortFraction;
        }
        QVERIFY2(effort / corrected->size() > 0.05, "the weak model's results needed real correction");
        // The accepted stack trains (the user's choice, recorded, should the rule have put its group aside).
        for (const SampleRecord& s : store->samples())
            if (!rolesBefore.contains(s.id) && store->roleOf(s) != SplitRole::Train)
                QVERIFY(store->setRole(s.id, SplitRole::Train).ok());
        for (const SampleRecord& s : store->samples())
            if (rolesBefore.contains(s.id))
                QCOMPARE(int(store->roleOf(s)), int(rolesBefore.value(s.id)));

        auto withSets = store->trainingSets(control);
        QVERIFY(withSets.ok());
        QCOMPARE(withSets->train.size(), 23);
        QCOMPARE(withSets->validation.size(), 6);
        TrainingOptions withRun = smallRun(*withSets, 2, 30, 11);
        withRun.fromModel = weakRun.outputPath;
        auto withModel = trainModel(withRun, control);
        QVERIFY2(withModel.ok(), qPrintable(withModel.error().message));

        auto without = TrainingStore::open(withoutFolder, false);
        QVERIFY(without.ok());
        auto withoutSets = without->trainingSets(control);
        QVERIFY(withoutSets.ok());
        TrainingOptions withoutRun = smallRun(*withoutSets, 2, 30, 11);
        withoutRun.fromModel = weakRun.outputPath;
        auto withoutModel = trainModel(withoutRun, control);
        QVERIFY2(withoutModel.ok(), qPrintable(withoutModel.error().message));

        const double withDice = testing::meanDice(segmentAll(withModel->model, *validation), *validation);
        const double withoutDice = testing::meanDice(segmentAll(withoutModel->model, *validation), *validation);
        qInfo("validation Dice: weak %.4f, fine-tuned with the accepted slices %.4f, without them %.4f; mean effort %.4f",
              weakDice, withDice, withoutDice, effort / corrected->size());
        QVERIFY2(withDice - weakDice >= 0.05, qPrintable(QStringLiteral("gain %1").arg(withDice - weakDice)));
        QVERIFY2(withDice > withoutDice, qPrintable(QStringLiteral("with %1, without %2").arg(withDice).arg(withoutDice)));
    }
};

QTEST_GUILESS_MAIN(TestLoop)
#include "tst_Loop.moc"
