// Inference job: tiling and blending, slice axes, resampling to the model's spacing, cancel, re-thresholding, a
// clone that is trained while its original segments, and the prepared inference path of the shipped models.
#include "io/VolumeIO.h"
#include "ml/Inference.h"
#include "ml/ModelInternals.h"
#include "ml/OverlapMetrics.h"

#include "TestData.h"

#include <QDir>
#include <QtTest>

#include <thread>

using namespace delineate;
using namespace delineate::ml;

namespace {

// Slice `z` of `volume` as a 1 x 1 x H x W tensor, z-scored, zero-padded to multiples of 16.
torch::Tensor sliceTensor(const Volume& volume, int64_t z)
{
    const auto size = volume.geometry().size();
    const int64_t w = size[0], h = size[1];
    const int64_t paddedW = (w + 15) / 16 * 16, paddedH = (h + 15) / 16 * 16;
    auto slice = torch::zeros({h, w});
    auto* values = slice.data_ptr<float>();
    for (int64_t y = 0; y < h; ++y)
        for (int64_t x = 0; x < w; ++x)
            values[y * w + x] = float(volume.valueAt(std::size_t((z * h + y) * w + x)));
    slice = (slice - slice.mean()) / (slice.std() + 1e-6);
    return torch::constant_pad_nd(slice, {0, paddedW - w, 0, paddedH - h}).view({1, 1, paddedH, paddedW});
}

// A TorchScript "network" that maps each pixel independently: logits = 20 * x - 10 (x is the window-normalised
// value). Any tiling, batching or axis must then reproduce sigmoid(20 v / 255 - 10) exactly.
SegmentationModel pointwiseModel(std::array<double, 2> spacing = {0.0, 0.0}, int tile = 16)
{
    torch::jit::Module script("Pointwise");
    script.define(R"JIT(
def forward(self, x):
    return x * 20.0 - 10.0
)JIT");
    ModelHeader h;
    h.format = QStringLiteral("torchscript");
    h.name = QStringLiteral("pointwise");
    h.architecture = UNetArchitecture::simple();
    h.architecture.depth = 2;
    h.tileSize = tile;
    h.spacing = spacing;
    h.classes = {ClassInfo{0, QStringLiteral("dark"), QString()}, ClassInfo{7, QStringLiteral("bright"), QString()}};
    auto model = SegmentationModel::create(h);
    model->internals().script = script;
    model->internals().scripted = true;
    return std::move(*model);
}

Volume rampVolume(std::array<int64_t, 3> size, Vector3 spacing)
{
    ImageGeometry g(size, spacing, {10, -5, 3}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
    Volume volume(g, PixelType::Int16);
    for (int64_t k = 0; k < size[2]; ++k)
        for (int64_t j = 0; j < size[1]; ++j)
            for (int64_t i = 0; i < size[0]; ++i)
                volume.int16Data()[volume.offset(i, j, k)] = int16_t((3 * i + 5 * j + 11 * k) % 256);
    return volume;
}

double expectedProbability(double v)
{
    return 1.0 / (1.0 + std::exp(-(20.0 * v / 255.0 - 10.0)));
}

class CancelAfter : public JobControl
{
public:
    explicit CancelAfter(int reports) : m_left(reports) {}
    void reportProgress(double, const QString& message) override
    {
        --m_left;
        m_lastMessage = message;
        ++reports;
    }
    bool isCancelled() const override { return m_left <= 0; }
    int reports = 0;
    QString m_lastMessage;

private:
    int m_left;
};

} // namespace

class TestInference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tilingBatchingAndAxes_data()
    {
        QTest::addColumn<int>("axis");
        QTest::addColumn<int>("tile");
        QTest::addColumn<int>("batch");
        QTest::addColumn<bool>("flips");
        QTest::newRow("axial whole slices") << 2 << 64 << 3 << false;
        QTest::newRow("axial tiled") << 2 << 16 << 4 << false;
        QTest::newRow("coronal tiled batch 1") << 1 << 8 << 1 << false;
        QTest::newRow("sagittal tiled flips") << 0 << 16 << 5 << true;
        QTest::newRow("axial whole flips") << 2 << 64 << 1 << true;
        QTest::newRow("sagittal tiled") << 0 << 16 << 5 << false;
    }
    void tilingBatchingAndAxes()
    {
        QFETCH(int, axis);
        QFETCH(int, tile);
        QFETCH(int, batch);
        QFETCH(bool, flips);
        const Volume volume = rampVolume({37, 29, 6}, {0.7, 0.7, 2.0});
        const SegmentationModel model = pointwiseModel({}, tile);
        InferenceOptions options;
        options.sliceAxis = axis;
        options.batchSize = batch;
        options.threads = 1;
        options.flipAugmentation = flips;
        SimpleJobControl control;
        auto result = segmentVolume(volume, model, options, control);
        QVERIFY2(result.ok(), qPrintable(result.error().message));
        QVERIFY(result->probabilities.geometry().sameGridAs(volume.geometry()));
        QVERIFY(result->labels.geometry().sameGridAs(volume.geometry()));
        QCOMPARE(control.fraction(), 1.0);
        double worst = 0.0;
        for (std::size_t i = 0; i < volume.voxelCount(); ++i) {
            const double p = expectedProbability(volume.int16Data()[i]);
            worst = std::max(worst, std::abs(p - result->probabilities.float32Data()[i]));
            QCOMPARE(int(result->labels.data()[i]), p >= 0.5 ? 7 : 0);
        }
        QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
    }

    void resamplesToModelSpacing()
    {
        // Smooth ramp at 0.5 mm, model trained at 1 mm: down- and up-sampling keep a linear ramp nearly intact.
        ImageGeometry g({64, 48, 2}, {0.5, 0.5, 1.0}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
        Volume volume(g, PixelType::Float32);
        for (int64_t k = 0; k < 2; ++k)
            for (int64_t j = 0; j < 48; ++j)
                for (int64_t i = 0; i < 64; ++i)
                    volume.float32Data()[volume.offset(i, j, k)] = float(2.0 * i + j);
        const SegmentationModel model = pointwiseModel({1.0, 1.0}, 64);
        SimpleJobControl control;
        auto result = segmentVolume(volume, model, InferenceOptions{}, control);
        QVERIFY2(result.ok(), qPrintable(result.error().message));
        QVERIFY(result->probabilities.geometry().sameGridAs(g));
        int far = 0;
        for (int64_t j = 2; j < 46; ++j)
            for (int64_t i = 2; i < 62; ++i) {
                const double v = volume.float32Data()[volume.offset(i, j, 0)];
                far += std::abs(expectedProbability(v) - result->probabilities.float32Data()[volume.offset(i, j, 0)]) > 0.15;
            }
        QVERIFY2(far < 60, qPrintable(QString::number(far)));
    }

    void cancelWithinOneBatch()
    {
        const Volume volume = rampVolume({32, 32, 20}, {1, 1, 1});
        const SegmentationModel model = pointwiseModel({}, 32);
        InferenceOptions options;
        options.batchSize = 2;
        CancelAfter control(3);
        auto result = segmentVolume(volume, model, options, control);
        QVERIFY(!result.ok());
        QVERIFY(result.error().isCancelled());
        QCOMPARE(control.reports, 3); // stopped before the 4th of 10 batches
        QVERIFY2(control.m_lastMessage.contains(QStringLiteral("left")), qPrintable(control.m_lastMessage));
    }

    // The AI panel segments with a model while a clone of it is fine-tuned: the clone has weights of its own. The
    // clone is trained (Adam steps) on another thread while the original segments; the original's output and
    // weights stay exactly as they were, the clone's output changes.
    void cloneIsIndependentOfItsOriginal()
    {
        ModelHeader h;
        h.name = QStringLiteral("clone test");
        h.architecture = UNetArchitecture::simple();
        h.architecture.baseWidth = 4;
        h.architecture.depth = 2;
        h.tileSize = 32;
        h.classes = {ClassInfo{0, QStringLiteral("background"), QString()}, ClassInfo{1, QStringLiteral("object"), QString()}};
        auto original = SegmentationModel::create(h, 3);
        QVERIFY(original.ok());
        const Volume volume = rampVolume({40, 40, 2}, {1, 1, 1});
        SimpleJobControl control;
        auto before = segmentVolume(volume, *original, InferenceOptions(), control);
        QVERIFY(before.ok());
        std::vector<torch::Tensor> weights;
        for (const auto& p : original->internals().network->parameters())
            weights.push_back(p.detach().clone());

        auto copy = original->clone();
        QVERIFY(copy.ok());
        std::thread fineTune([&copy]() {
            UNet network = copy->internals().network;
            network->train();
            torch::optim::Adam optimizer(network->parameters(), torch::optim::AdamOptions(1e-2));
            torch::manual_seed(5);
            for (int step = 0; step < 30; ++step) {
                auto input = torch::rand({2, 1, 32, 32});
                auto loss = (network->forward(input) - 3.0).pow(2).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        });
        for (int n = 0; n < 3; ++n) {
            auto during = segmentVolume(volume, *original, InferenceOptions(), control);
            QVERIFY(during.ok());
            QVERIFY(std::equal(during->probabilities.float32Data(), during->probabilities.float32Data() + volume.voxelCount(),
                               before->probabilities.float32Data()));
        }
        fineTune.join();
        const auto parameters = original->internals().network->parameters();
        QCOMPARE(parameters.size(), weights.size());
        for (std::size_t i = 0; i < weights.size(); ++i)
            QVERIFY(torch::equal(parameters[i].detach().contiguous(), weights[i].contiguous()));
        auto after = segmentVolume(volume, *original, InferenceOptions(), control);
        auto trained = segmentVolume(volume, *copy, InferenceOptions(), control);
        QVERIFY(after.ok() && trained.ok());
        QVERIFY(std::equal(after->probabilities.float32Data(), after->probabilities.float32Data() + volume.voxelCount(),
                           before->probabilities.float32Data()));
        QVERIFY(!std::equal(trained->probabilities.float32Data(), trained->probabilities.float32Data() + volume.voxelCount(),
                            before->probabilities.float32Data()));
    }

    void rethresholdMatchesInference()
    {
        const Volume volume = rampVolume({20, 20, 2}, {1, 1, 1});
        const SegmentationModel model = pointwiseModel({}, 32);
        InferenceOptions options;
        options.threshold = 0.8;
        SimpleJobControl control;
        auto result = segmentVolume(volume, model, options, control);
        QVERIFY(result.ok());
        const LabelMap again = thresholdProbabilities(result->probabilities, model.header(), 0.8);
        QCOMPARE(again.labels(), result->labels.labels());
        const LabelMap lower = thresholdProbabilities(result->probabilities, model.header(), 0.2);
        QVERIFY(std::count(lower.labels().begin(), lower.labels().end(), 7) >
                std::count(again.labels().begin(), again.labels().end(), 7));
    }

    void multiChannelModelsAreRefusedClearly()
    {
        SegmentationModel model = pointwiseModel();
        ModelHeader h = model.header();
        h.architecture.inputChannels = 3;
        model.setHeader(h);
        SimpleJobControl control;
        auto result = segmentVolume(rampVolume({8, 8, 1}, {1, 1, 1}), model, InferenceOptions{}, control);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("3 input channels")), qPrintable(result.error().message));
    }

    void overlapMetrics()
    {
        ImageGeometry g({4, 2, 1}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
        LabelMap reference(g), prediction(g);
        const uint8_t r[] = {0, 0, 0, 255, 255, 255, 255, 255};
        const uint8_t p[] = {0, 0, 255, 255, 255, 255, 255, 3};
        std::copy(r, r + 8, reference.data());
        std::copy(p, p + 8, prediction.data());
        auto report = compareLabelMaps(prediction, reference, QStringLiteral("p"), QStringLiteral("r"));
        QVERIFY(report.ok());
        QCOMPARE(report->classes.size(), 2); // label 3 only in the prediction: not a class
        QCOMPARE(report->classes[0].value, 0);
        QCOMPARE(report->classes[0].dice, 2.0 * 2 / (3 + 2));
        QCOMPARE(report->classes[0].iou, 2.0 / 3);
        QCOMPARE(report->classes[1].dice, 2.0 * 4 / (5 + 5));
        QCOMPARE(report->pixelError, 2.0 / 8);
        LabelMap other(ImageGeometry({4, 2, 1}, {1, 2, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}));
        auto mismatch = compareLabelMaps(other, reference, QStringLiteral("p.nii"), QStringLiteral("r.nii"));
        QVERIFY(!mismatch.ok());
        QVERIFY(mismatch.error().message.contains(QStringLiteral("p.nii")));
    }

    void preparedInferenceMatchesThePlainNetwork()
    {
        // What inference runs (batch norm folded into the convolutions, instance norm as one scale-and-shift pass
        // from the slice's statistics, the input padded to 4 channels, up-convolution kernels built once) against
        // the network's own eval-mode pass, on real images, for both shipped models, in float32:
        // max |Δlogit| <= 1e-3 x (1 + max |logit|).
        DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/image/29.png");
        DELINEATE_REQUIRE_DATA("pyradiomics-brain1/brain1_image.nrrd");
        std::vector<torch::Tensor> em, brain;
        for (int n = 24; n <= 29; ++n) {
            auto image = readVolume(testing::dataPath(QStringLiteral("isbi2012-membrane/train/image/%1.png").arg(n)));
            QVERIFY(image.ok());
            em.push_back(sliceTensor(*image, 0));
        }
        auto brain1 = readVolume(testing::dataPath(QStringLiteral("pyradiomics-brain1/brain1_image.nrrd")));
        QVERIFY2(brain1.ok(), qPrintable(brain1.ok() ? QString() : brain1.error().message));
        const int64_t depth = brain1->geometry().size()[2];
        for (int64_t z : {depth / 3, depth / 2, 2 * depth / 3})
            brain.push_back(sliceTensor(*brain1, z));
        const QDir models(QStringLiteral(DELINEATE_MODELS_DIR));
        const std::pair<const char*, std::vector<torch::Tensor>*> cases[] = {{"em-membranes.dlm", &em}, {"brain-mask-t1.dlm", &brain}};
        torch::NoGradGuard noGrad;
        for (const auto& [name, inputs] : cases) {
            auto plain = SegmentationModel::load(models.filePath(QLatin1String(name)));
            auto fast = SegmentationModel::load(models.filePath(QLatin1String(name)));
            QVERIFY(plain.ok() && fast.ok());
            UNet network = plain->internals().network;
            network->eval();
            fast->internals().prepareForInference(torch::kCPU);
            QVERIFY(fast->internals().network->isFused());
            double worst = 0.0;
            for (const torch::Tensor& input : *inputs) {
                const auto reference = network->forward(input);
                const auto logits = fast->internals().forward(input.contiguous(torch::MemoryFormat::ChannelsLast));
                const double difference = (logits - reference).abs().max().item<double>();
                const double allowed = 1e-3 * (1.0 + reference.abs().max().item<double>());
                worst = std::max(worst, difference / allowed);
                QVERIFY2(difference <= allowed, qPrintable(QStringLiteral("%1: max |difference| %2 > %3").arg(QLatin1String(name)).arg(difference).arg(allowed)));
            }
            qInfo("%s: largest logit difference %.3f of the allowed", name, worst);
        }
    }
};

QTEST_GUILESS_MAIN(TestInference)
#include "tst_Inference.moc"
