// Training core on real EM data: a tiny run must lower the loss and raise validation Dice; bad input is an error.
#include "io/VolumeIO.h"
#include "ml/Trainer.h"
#include "ml/TrainingData.h"

#include "TestData.h"
#include "TrainingTestSupport.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace delineate;
using namespace delineate::ml;

namespace {

class RecordingJobControl : public JobControl
{
public:
    void reportProgress(double fraction, const QString&) override { lastFraction = fraction; }
    void publish(const QVariantMap& intermediate) override { published.append(intermediate); }
    bool isCancelled() const override { return cancelAfterPublish && published.size() >= cancelAfter; }
    QVector<QVariantMap> published;
    double lastFraction = 0.0;
    bool cancelAfterPublish = false;
    int cancelAfter = 1;
};

// A checkpoint kept in memory. With `survivesDiscard`, a cancel leaves it as a SIGKILL would (a killed process
// never discards its checkpoint): how an interrupted run is made in-process.
class MemoryCheckpoints : public CheckpointSink
{
public:
    Expected<void> save(const QByteArray& checkpoint) override
    {
        bytes = checkpoint;
        ++saves;
        return {};
    }
    Expected<QByteArray> load() const override { return bytes; }
    void discard() override
    {
        ++discards;
        if (!survivesDiscard)
            bytes.clear();
    }
    QByteArray bytes;
    int saves = 0, discards = 0;
    bool survivesDiscard = false;
};


QVector<double> lossesOf(const QVector<QVariantMap>& published)
{
    QVector<double> losses;
    for (const QVariantMap& m : published)
        losses.append(m.value(QStringLiteral("loss")).toDouble());
    return losses;
}

TrainingOptions tinyEmRun()
{
    TrainingOptions o;
    o.dataFolder = testing::dataPath(QStringLiteral("isbi2012-membrane/train"));
    o.trainIndices = {0, 1};
    o.validationIndices = {24};
    o.baseWidth = 8;
    o.patchSize = 128;
    o.batchSize = 2;
    o.stepsPerEpoch = 15;
    o.epochs = 4;
    o.threads = 2;
    o.seed = 3;
    o.classNames = {QStringLiteral("membrane"), QStringLiteral("interior")};
    return o;
}

} // namespace

class TestTraining : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void indexRanges()
    {
        auto r = parseIndexRanges(QStringLiteral("0-3,7,9-10"));
        QVERIFY(r.ok());
        QCOMPARE(*r, (QVector<int>{0, 1, 2, 3, 7, 9, 10}));
        QVERIFY(parseIndexRanges(QString())->isEmpty());
        auto bad = parseIndexRanges(QStringLiteral("5-2"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("5-2")));
    }

    void naturalOrder()
    {
        QStringList names{QStringLiteral("10.png"), QStringLiteral("2.png"), QStringLiteral("1.png"), QStringLiteral("24.png"),
                          QStringLiteral("3.png"), QStringLiteral("a10b.png"), QStringLiteral("a9b.png")};
        std::sort(names.begin(), names.end(), naturalLess);
        QCOMPARE(names, (QStringList{QStringLiteral("1.png"), QStringLiteral("2.png"), QStringLiteral("3.png"),
                                     QStringLiteral("10.png"), QStringLiteral("24.png"), QStringLiteral("a9b.png"),
                                     QStringLiteral("a10b.png")}));
    }

    void frozenSplitSelectsTheNamedSlices()
    {
        DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/image/24.png");
        SimpleJobControl control;
        auto pairs = loadTrainingPairs(testing::dataPath(QStringLiteral("isbi2012-membrane/train")), {2, 24, 29}, false, control);
        QVERIFY2(pairs.ok(), qPrintable(pairs.error().message));
        QVERIFY((*pairs)[0].imagePath.endsWith(QStringLiteral("image/2.png")));
        QVERIFY((*pairs)[1].imagePath.endsWith(QStringLiteral("image/24.png")));
        QVERIFY((*pairs)[2].labelPath.endsWith(QStringLiteral("label/29.png")));
    }

    void tinyRunLearnsEmMembranes()
    {
        DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/image/24.png");
        QTemporaryDir dir;
        TrainingOptions options = tinyEmRun();
        options.outputPath = dir.filePath(QStringLiteral("tiny.dlm"));
        RecordingJobControl control;
        auto result = trainModel(options, control);
        QVERIFY2(result.ok(), qPrintable(result.error().message));
        QCOMPARE(control.published.size(), 4);
        QCOMPARE(result->epochs, 4);
        const double firstLoss = control.published.first().value(QStringLiteral("loss")).toDouble();
        const double lastLoss = control.published.last().value(QStringLiteral("loss")).toDouble();
        QVERIFY2(lastLoss < firstLoss * 0.9, qPrintable(QStringLiteral("loss %1 -> %2").arg(firstLoss).arg(lastLoss)));
        const double firstDice = control.published.first().value(QStringLiteral("val_dice_membrane")).toDouble();
        const double bestDice = result->bestMetrics.value(QStringLiteral("val_dice_membrane")).toDouble();
        QVERIFY2(bestDice > 0.5 && bestDice >= firstDice,
                 qPrintable(QStringLiteral("membrane Dice %1 -> %2").arg(firstDice).arg(bestDice)));
        QVERIFY(result->bestMetrics.contains(QStringLiteral("val_dice_interior")));

        // The written model carries what it was trained on.
        auto model = SegmentationModel::load(options.outputPath);
        QVERIFY2(model.ok(), qPrintable(model.error().message));
        const ModelHeader& h = model->header();
        QCOMPARE(h.classes.size(), 2);
        QCOMPARE(h.classes[0].value, 0);
        QCOMPARE(h.classes[0].name, QStringLiteral("membrane"));
        QCOMPARE(h.classes[1].value, 255);
        QCOMPARE(int(h.normalization.kind), int(IntensityNormalization::Kind::Window));
        QCOMPARE(h.provenance.dataSetHash.size(), 64);
        QCOMPARE(h.provenance.epochs, 4);
        QCOMPARE(h.architecture.baseWidth, 8);
        QCOMPARE(h.provenance.metrics.value(QStringLiteral("val_dice_membrane")).toDouble(), bestDice);
    }

    void cancelStopsTraining()
    {
        DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/image/0.png");
        TrainingOptions options = tinyEmRun();
        options.stepsPerEpoch = 2;
        options.epochs = 50;
        RecordingJobControl control;
        control.cancelAfterPublish = true;
        auto result = trainModel(options, control);
        QVERIFY(!result.ok());
        QVERIFY(result.error().isCancelled());
        QCOMPARE(control.published.size(), 1);
    }

    // A run interrupted after epoch 2 and resumed from its checkpoint goes on exactly as the uninterrupted run:
    // the same losses and validation Dice in epochs 3 and 4, and byte-identical final weights (one thread, float32).
    void resumedRunReproducesTheUninterruptedRun()
    {
        DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/image/24.png");
        QTemporaryDir dir;
        TrainingOptions options = tinyEmRun();
        options.stepsPerEpoch = 3;
        options.patchSize = 64;
        options.threads = 1;
        options.precision = ComputePrecision::Float32;
        options.outputPath = dir.filePath(QStringLiteral("whole.dlm"));
        auto whole = std::make_shared<MemoryCheckpoints>();
        options.checkpoints = whole;
        RecordingJobControl wholeControl;
        auto uninterrupted = trainModel(options, wholeControl);
        QVERIFY2(uninterrupted.ok(), qPrintable(uninterrupted.error().message));
        QCOMPARE(whole->saves, 4);
        QVERIFY2(whole->bytes.isEmpty(), "a finished run leaves no checkpoint");
        QCOMPARE(wholeControl.published.size(), 4);

        auto interrupted = std::make_shared<MemoryCheckpoints>();
        interrupted->survivesDiscard = true;
        options.checkpoints = interrupted;
        options.outputPath = dir.filePath(QStringLiteral("pieces.dlm"));
        RecordingJobControl first;
        first.cancelAfterPublish = true;
        first.cancelAfter = 2;
        QVERIFY(!trainModel(options, first).ok());
        QCOMPARE(interrupted->saves, 2);
        QVERIFY(!interrupted->bytes.isEmpty());

        options.resume = true;
        RecordingJobControl second;
        auto resumed = trainModel(options, second);
        QVERIFY2(resumed.ok(), qPrintable(resumed.error().message));
        QCOMPARE(second.published.size(), 2);
        QCOMPARE(second.published[0].value(QStringLiteral("epoch")).toInt(), 3);
        const QVector<double> expected = lossesOf(wholeControl.published);
        const QVector<double> pieces = lossesOf(first.published.mid(0, 2)) + lossesOf(second.published);
        QCOMPARE(pieces, expected);
        for (int e = 0; e < 2; ++e)
            QCOMPARE(second.published[e].value(QStringLiteral("val_mean_dice")).toDouble(),
                     wholeControl.published[e + 2].value(QStringLiteral("val_mean_dice")).toDouble());
        QCOMPARE(resumed->epochs, 4);
        QCOMPARE(resumed->bestEpoch, uninterrupted->bestEpoch);
        const QByteArray wholeWeights = testing::modelWeights(dir.filePath(QStringLiteral("whole.dlm")));
        QVERIFY(wholeWeights.size() > 1000);
        QVERIFY2(testing::modelWeights(dir.filePath(QStringLiteral("pieces.dlm"))) == wholeWeights, "the resumed run's weights differ");
    }

    // A checkpoint is resumed only by the run it belongs to, and a damaged one is an error, not a crash; a
    // cancelled run discards its checkpoint (Cancel throws the run away), a missing one is said.
    void checkpointsBelongToTheirRun()
    {
        DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/image/24.png");
        QTemporaryDir dir;
        TrainingOptions options = tinyEmRun();
        options.stepsPerEpoch = 1;
        options.patchSize = 64;
        options.threads = 1;
        options.precision = ComputePrecision::Float32;
        auto interrupted = std::make_shared<MemoryCheckpoints>();
        interrupted->survivesDiscard = true;
        options.checkpoints = interrupted;
        RecordingJobControl first;
        first.cancelAfterPublish = true;
        QVERIFY(!trainModel(options, first).ok());
        QVERIFY(!interrupted->bytes.isEmpty());
        const QByteArray saved = interrupted->bytes;

        options.resume = true;
        TrainingOptions other = options;
        other.learningRate = 5e-4;
        RecordingJobControl control;
        auto refused = trainModel(other, control);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("other options")), qPrintable(refused.error().message));

        interrupted->bytes = saved.left(saved.size() / 2);
        auto damaged = trainModel(options, control);
        QVERIFY(!damaged.ok());
        QVERIFY2(damaged.error().message.contains(QStringLiteral("damaged")), qPrintable(damaged.error().message));

        const QString file = dir.filePath(QStringLiteral("run.ckpt"));
        options.checkpoints = std::make_shared<FileCheckpointSink>(file);
        auto none = trainModel(options, control);
        QVERIFY(!none.ok());
        QVERIFY2(none.error().message.contains(QStringLiteral("no interrupted run")), qPrintable(none.error().message));

        options.resume = false;
        RecordingJobControl cancelling;
        cancelling.cancelAfterPublish = true;
        QVERIFY(!trainModel(options, cancelling).ok());
        QVERIFY2(!QFileInfo::exists(file), "a cancelled run must discard its checkpoint");
    }

    // Why training mirrors EM images left-right only (TrainingOptions::mirroring, docs/ml.md): the labelled
    // membranes sit above the dark lines of the image, so the label is not mirror-symmetric vertically. Measured
    // as the mean grey value under the label's membrane pixels moved by -1, 0 and +1 rows and columns over all
    // 30 training slices: darkest (best aligned) one row down, and much less asymmetric along columns.
    void emLabelsSitAboveTheMembranes()
    {
        DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/label/29.png");
        double sum[3][3] = {}, count[3][3] = {};
        for (int n = 0; n < 30; ++n) {
            const QString name = QStringLiteral("isbi2012-membrane/train/%1/%2.png");
            auto image = readVolume(testing::dataPath(name.arg(QStringLiteral("image")).arg(n)));
            auto label = readLabelMap(testing::dataPath(name.arg(QStringLiteral("label")).arg(n)));
            QVERIFY(image.ok() && label.ok());
            const int64_t width = image->geometry().size()[0], height = image->geometry().size()[1];
            for (int64_t y = 1; y + 1 < height; ++y)
                for (int64_t x = 1; x + 1 < width; ++x) {
                    if (label->data()[std::size_t(y * width + x)] >= 128)
                        continue; // interior; membranes are 0
                    for (int dy = -1; dy <= 1; ++dy)
                        for (int dx = -1; dx <= 1; ++dx) {
                            sum[dy + 1][dx + 1] += image->valueAt(std::size_t((y + dy) * width + x + dx));
                            ++count[dy + 1][dx + 1];
                        }
                }
        }
        double mean[3][3];
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                mean[i][j] = sum[i][j] / count[i][j];
        qInfo("mean grey under the label's membranes moved one row up / in place / one row down: %.2f / %.2f / %.2f; "
              "one column left / right: %.2f / %.2f",
              mean[0][1], mean[1][1], mean[2][1], mean[1][0], mean[1][2]);
        QVERIFY(mean[2][1] < mean[1][1]);                  // one row down is darker than in place
        QVERIFY(mean[0][1] - mean[1][1] > 2.0);            // one row up is clearly brighter
        QVERIFY(mean[0][1] - mean[2][1] > 2.0 * std::abs(mean[1][0] - mean[1][2])); // rows far more than columns
    }

    void badInputIsAnError()
    {
        QTemporaryDir dir;
        TrainingOptions options;
        options.dataFolder = dir.path();
        RecordingJobControl control;
        auto missing = trainModel(options, control);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.contains(QStringLiteral("image/ and label/")), qPrintable(missing.error().message));

        DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/image/0.png");
        options = tinyEmRun();
        options.trainIndices = {40};
        auto outOfRange = trainModel(options, control);
        QVERIFY(!outOfRange.ok());
        QVERIFY2(outOfRange.error().message.contains(QStringLiteral("index 40")), qPrintable(outOfRange.error().message));

        options = tinyEmRun();
        options.mirroring = QStringLiteral("diagonal");
        auto badMirroring = trainModel(options, control);
        QVERIFY(!badMirroring.ok());
        QVERIFY2(badMirroring.error().message.contains(QStringLiteral("diagonal")), qPrintable(badMirroring.error().message));
    }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_Training.moc"
