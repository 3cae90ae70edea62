// The shipped default models load, carry provenance, and reach their documented Dice on their own data.
#include "io/VolumeIO.h"
#include "ml/Inference.h"
#include "ml/OverlapMetrics.h"

#include "TestData.h"

#include <QDir>
#include <QtTest>

using namespace delineate;
using namespace delineate::ml;

namespace {

QString modelPath(const char* name)
{
    return QDir(QStringLiteral(DELINEATE_MODELS_DIR)).filePath(QLatin1String(name));
}

} // namespace

class TestDefaultModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emMembranesOnValidationSlices()
    {
        DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/image/29.png");
        auto model = SegmentationModel::load(modelPath("em-membranes.dlm"));
        QVERIFY2(model.ok(), qPrintable(model.error().message));
        const ModelHeader& h = model->header();
        QCOMPARE(h.classes.size(), 2);
        QCOMPARE(h.classes[0].name, QStringLiteral("membrane"));
        QCOMPARE(h.provenance.dataSetHash.size(), 64);
        QVERIFY(h.provenance.dataSetDescription.contains(QStringLiteral("Cardona")));
        QVERIFY(h.provenance.metrics.value(QStringLiteral("val_dice_membrane")).toDouble() > 0.8);

        // Both precisions: float32, and bfloat16 convolutions (what "auto" runs on CPUs with native bfloat16;
        // emulated, hence slower, elsewhere). The shipped Dice must hold in both, and they must agree closely.
        double membrane[2] = {0.0, 0.0}, interior[2] = {0.0, 0.0};
        int64_t disagreeing = 0, total = 0;
        std::vector<LabelMap> float32Labels;
        for (int p = 0; p < 2; ++p) {
            OverlapCounter counter;
            for (int n = 24; n <= 29; ++n) {
                const QString name = QStringLiteral("isbi2012-membrane/train/%1/%2.png");
                auto image = readVolume(testing::dataPath(name.arg(QStringLiteral("image")).arg(n)));
                auto reference = readLabelMap(testing::dataPath(name.arg(QStringLiteral("label")).arg(n)));
                QVERIFY(image.ok() && reference.ok());
                SimpleJobControl control;
                InferenceOptions options;
                options.threads = 2;
                options.precision = p == 0 ? ComputePrecision::Float32 : ComputePrecision::BFloat16;
                auto result = segmentVolume(*image, *model, options, control);
                QVERIFY2(result.ok(), qPrintable(result.error().message));
                QCOMPARE(int(result->precision), int(options.precision));
                counter.add(result->labels.data(), reference->data(), reference->voxelCount());
                if (p == 0) {
                    float32Labels.push_back(result->labels);
                } else {
                    const LabelMap& other = float32Labels[std::size_t(n - 24)];
                    for (std::size_t i = 0; i < other.voxelCount(); ++i)
                        disagreeing += other.data()[i] != result->labels.data()[i];
                    total += int64_t(other.voxelCount());
                }
            }
            const OverlapReport report = counter.report();
            QCOMPARE(report.classes.size(), 2);
            qInfo("EM validation 24-29 (%s): membrane Dice %.4f, interior Dice %.4f, pixel error %.4f",
                  p == 0 ? "float32" : "bfloat16", report.classes[0].dice, report.classes[1].dice, report.pixelError);
            membrane[p] = report.classes[0].dice;
            interior[p] = report.classes[1].dice;
            QVERIFY(membrane[p] >= 0.82);
            QVERIFY(interior[p] >= 0.95);
        }
        qInfo("bfloat16 vs float32: %.3f %% of pixels labelled differently", 100.0 * double(disagreeing) / double(total));
        QVERIFY(double(disagreeing) / double(total) < 0.01);
        QVERIFY(std::abs(membrane[1] - membrane[0]) < 0.005);
        QVERIFY(std::abs(interior[1] - interior[0]) < 0.005);
    }
    // The brain model: tst_BrainModel.
};

QTEST_GUILESS_MAIN(TestDefaultModels)
#include "tst_DefaultModels.moc"
