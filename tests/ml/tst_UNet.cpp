// The U-Net modules: the reference SimpleUNet against its specification, the up-convolution equivalence, training.
#include "ml/Augmentation.h"
#include "ml/ComputeRuntime.h"
#include "ml/ModelInternals.h"
#include "ml/UNet.h"

#include <QtTest>

#include <map>
#include <set>

using namespace delineate::ml;

namespace {

// Parameters of a k x k convolution (or transposed convolution) with bias.
int64_t convolutionParameters(int64_t in, int64_t out, int64_t k)
{
    return in * out * k * k + out;
}

// Issue 10's SimpleUNet, layer by layer: encoder 3x3 convs C->32->64->128->256 (max-pool between levels),
// decoder ConvTranspose2d 3x3 256->128, 128->64, 64->32, each followed after concatenation with the skip by a 3x3
// conv (2w -> w), then a 3x3 conv 32 -> 1.
int64_t simpleUNetParametersFromSpecification(int64_t inputChannels)
{
    int64_t total = convolutionParameters(inputChannels, 32, 3) + convolutionParameters(32, 64, 3) +
                    convolutionParameters(64, 128, 3) + convolutionParameters(128, 256, 3);
    for (int64_t w : {128, 64, 32})
        total += convolutionParameters(2 * w, w, 3) /* transposed 2w -> w */ + convolutionParameters(2 * w, w, 3);
    return total + convolutionParameters(32, 1, 3);
}

} // namespace

class TestUNet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { at::set_num_threads(2); }

    void simpleParameterCount_data()
    {
        QTest::addColumn<int>("channels");
        QTest::addColumn<qlonglong>("expected");
        QTest::newRow("grey") << 1 << 1162721LL;
        QTest::newRow("rgb") << 3 << 1163297LL;
    }
    void simpleParameterCount()
    {
        QFETCH(int, channels);
        QFETCH(qlonglong, expected);
        QCOMPARE(simpleUNetParametersFromSpecification(channels), expected);
        UNet net(UNetArchitecture::simple(channels));
        QCOMPARE(parameterCount(*net), simpleUNetParametersFromSpecification(channels));
    }

    void simpleOutputShape()
    {
        torch::manual_seed(3);
        UNet net(UNetArchitecture::simple());
        net->eval();
        torch::NoGradGuard noGrad;
        const auto out = net->forward(torch::rand({2, 1, 64, 96}));
        QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{2, 1, 64, 96}));
        const auto probabilities = torch::sigmoid(out);
        QVERIFY(probabilities.min().item<float>() >= 0.0f);
        QVERIFY(probabilities.max().item<float>() <= 1.0f);
        // Channels-last input gives the same numbers (the inference fast path).
        const auto input = torch::rand({1, 1, 64, 64});
        const auto a = net->forward(input);
        const auto b = net->forward(input.contiguous(torch::MemoryFormat::ChannelsLast));
        QVERIFY((a - b).abs().max().item<float>() < 1e-4f);
    }

    void simpleFlops()
    {
        // The issue quotes ~43 GFLOP per 512 x 512 slice for the reference network.
        const double gflop = UNetArchitecture::simple().forwardFlops(512, 512) / 1e9;
        QVERIFY2(gflop > 42.0 && gflop < 45.0, qPrintable(QString::number(gflop)));
    }

    void upConvolutionMatchesTransposedConvolution()
    {
        torch::manual_seed(7);
        UpConvolution up(12, 5);
        torch::NoGradGuard noGrad;
        const auto input = torch::randn({2, 12, 9, 7});
        const auto reference = up->forwardReference(input);
        QCOMPARE(reference.sizes().vec(), (std::vector<int64_t>{2, 5, 18, 14}));
        const auto fast = up->forward(input);
        QCOMPARE(fast.sizes().vec(), reference.sizes().vec());
        QVERIFY((fast - reference).abs().max().item<float>() < 1e-4f);
        const auto fastChannelsLast = up->forward(input.contiguous(torch::MemoryFormat::ChannelsLast));
        QVERIFY(fastChannelsLast.is_contiguous(torch::MemoryFormat::ChannelsLast));
        QVERIFY((fastChannelsLast - reference).abs().max().item<float>() < 1e-4f);
        // And against LibTorch's own module with the same weights.
        torch::nn::ConvTranspose2d module(torch::nn::ConvTranspose2dOptions(12, 5, 3).stride(2).padding(1).output_padding(1));
        module->weight.copy_(up->weight);
        module->bias.copy_(up->bias);
        QVERIFY((module->forward(input) - fast).abs().max().item<float>() < 1e-4f);
    }

    void forwardBackwardStep()
    {
        torch::manual_seed(11);
        UNet net(UNetArchitecture::simple());
        net->train();
        torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-3));
        const auto input = torch::rand({2, 1, 32, 32});
        const auto target = (input > 0.5f).to(torch::kFloat);
        std::vector<torch::Tensor> before;
        for (const auto& p : net->parameters())
            before.push_back(p.detach().clone());
        double first = 0.0, last = 0.0;
        for (int step = 0; step < 5; ++step) {
            auto loss = torch::binary_cross_entropy_with_logits(net->forward(input), target);
            optimizer.zero_grad();
            loss.backward();
            if (step == 0) {
                for (const auto& p : net->parameters()) {
                    QVERIFY(p.grad().defined());
                    QVERIFY(std::isfinite(p.grad().abs().sum().item<double>()));
                }
                first = loss.item<double>();
            }
            optimizer.step();
            last = loss.item<double>();
        }
        QVERIFY2(last < first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
        std::size_t i = 0, changed = 0;
        for (const auto& p : net->parameters())
            changed += (p.detach() - before[i++]).abs().max().item<float>() > 0.0f ? 1 : 0;
        QCOMPARE(changed, before.size());
    }

    void inferencePathMatchesEvalMode_data()
    {
        QTest::addColumn<int>("normalization");
        QTest::newRow("batch norm (folded)") << int(Normalization::BatchNorm);
        QTest::newRow("instance norm (one pass)") << int(Normalization::InstanceNorm);
    }

    void inferencePathMatchesEvalMode()
    {
        // prepareForInference: batch norm folded into the convolutions, instance norm as one scale-and-shift pass,
        // the input padded to 4 channels for the first convolution; the same logits as the module's own eval pass.
        QFETCH(int, normalization);
        torch::manual_seed(5);
        UNetArchitecture a = UNetArchitecture::recommended();
        a.baseWidth = 8;
        a.normalization = Normalization(normalization);
        UNet net(a);
        net->train();
        {
            torch::NoGradGuard noGrad; // a few train-mode passes give the running statistics non-trivial values
            for (int i = 0; i < 3; ++i)
                net->forward(torch::rand({2, 1, 32, 32}) * 4.0 + 1.0);
            // and the norms' affine parameters other values than their initial ones and zeros
            for (auto& p : net->named_parameters())
                if (p.key().find(".1.") != std::string::npos || p.key().find(".4.") != std::string::npos)
                    p.value().uniform_(0.5, 1.5);
        }
        net->eval();
        torch::NoGradGuard noGrad;
        // Two samples of different contrast: instance statistics are per sample.
        auto input = torch::rand({2, 1, 48, 40}) * 4.0 + 1.0;
        input[1].mul_(3.0).add_(-2.0);
        input = input.contiguous(torch::MemoryFormat::ChannelsLast);
        const auto plain = net->forward(input);
        net->prepareForInference();
        QVERIFY(net->isFused());
        const auto folded = net->forward(input);
        QVERIFY2((plain - folded).abs().max().item<float>() < 1e-3f * (1.0f + plain.abs().max().item<float>()),
                 qPrintable(QString::number((plain - folded).abs().max().item<float>())));
        net->train();
        QVERIFY(!net->isFused());
    }

    void configurableVariants_data()
    {
        QTest::addColumn<int>("normalization");
        QTest::addColumn<int>("convolutions");
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("softmax");
        QTest::newRow("batch-2conv-d4") << int(Normalization::BatchNorm) << 2 << 4 << false;
        QTest::newRow("instance-1conv-d3") << int(Normalization::InstanceNorm) << 1 << 3 << false;
        QTest::newRow("group-2conv-d5-softmax") << int(Normalization::GroupNorm) << 2 << 5 << true;
        QTest::newRow("none-dropout") << int(Normalization::None) << 2 << 4 << false;
    }
    void configurableVariants()
    {
        QFETCH(int, normalization);
        QFETCH(int, convolutions);
        QFETCH(int, depth);
        QFETCH(bool, softmax);
        UNetArchitecture a = UNetArchitecture::recommended();
        a.normalization = Normalization(normalization);
        a.convolutionsPerLevel = convolutions;
        a.depth = depth;
        a.baseWidth = 8;
        a.dropout = QByteArray(QTest::currentDataTag()).contains("dropout") ? 0.2 : 0.0;
        if (softmax) {
            a.activation = OutputActivation::Softmax;
            a.outputChannels = 3;
        }
        UNet net(a);
        net->eval();
        torch::NoGradGuard noGrad;
        const int64_t edge = 2 * a.sizeMultiple();
        const auto out = net->forward(torch::rand({1, 1, edge, edge}));
        QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{1, a.outputChannels, edge, edge}));
        // The JSON form survives a round trip.
        auto back = UNetArchitecture::fromJson(a.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->depth, a.depth);
        QCOMPARE(int(back->normalization), int(a.normalization));
        QCOMPARE(back->outputChannels, a.outputChannels);

        // bfloat16 convolutions (autocast) work for every normalisation but group norm (which inference and
        // training therefore run in float32) and stay close to float32; the backward pass gives float32
        // gradients for the float32 parameters.
        QCOMPARE(resolveComputePrecision(ComputePrecision::BFloat16, false, a, false),
                 a.normalization == Normalization::GroupNorm ? ComputePrecision::Float32 : ComputePrecision::BFloat16);
        if (a.normalization == Normalization::GroupNorm)
            return;
        const auto input = torch::rand({2, 1, edge, edge}).contiguous(torch::MemoryFormat::ChannelsLast);
        const auto reference = net->forward(input);
        torch::Tensor low;
        {
            BFloat16Scope scope(true);
            low = net->forward(input);
        }
        QCOMPARE(low.scalar_type(), torch::kBFloat16);
        const float difference = (low.to(torch::kFloat) - reference).abs().max().item<float>();
        QVERIFY2(difference < 0.05f * (1.0f + reference.abs().max().item<float>()), qPrintable(QString::number(difference)));
        QVERIFY(!at::autocast::is_cpu_enabled()); // the scope ended
        {
            torch::AutoGradMode gradients(true);
            net->train();
            torch::Tensor logits;
            {
                BFloat16Scope scope(true);
                logits = net->forward(input);
            }
            logits.to(torch::kFloat).mean().backward();
            const auto first = net->parameters().front();
            QVERIFY(first.grad().defined());
            QCOMPARE(first.grad().scalar_type(), torch::kFloat);
            QVERIFY(first.grad().abs().sum().item<float>() > 0.0f);
        }
    }

    void augmentationMirroring_data()
    {
        QTest::addColumn<int>("mirroring");
        QTest::newRow("none") << int(AugmentationOptions::Mirroring::None);
        QTest::newRow("horizontal") << int(AugmentationOptions::Mirroring::Horizontal);
        QTest::newRow("all") << int(AugmentationOptions::Mirroring::All);
    }
    void augmentationMirroring()
    {
        QFETCH(int, mirroring);
        // A patch whose 8 symmetries all differ; the label is the image itself, so the pairs stay aligned.
        const auto base = torch::arange(64, torch::kLong).view({8, 8});
        AugmentationOptions options;
        options.mirroring = AugmentationOptions::Mirroring(mirroring);
        options.affineProbability = 0.0;
        options.elasticProbability = 0.0;
        options.intensityScale = 0.0;
        options.intensityShift = 0.0;
        // The 8 symmetries of the square (the dihedral group): the identity, three turns, and four mirrorings.
        const QList<std::pair<QString, torch::Tensor>> symmetries = {
            {QStringLiteral("identity"), base},
            {QStringLiteral("turn 90"), torch::rot90(base, 1, {0, 1})},
            {QStringLiteral("turn 180"), torch::rot90(base, 2, {0, 1})},
            {QStringLiteral("turn 270"), torch::rot90(base, 3, {0, 1})},
            {QStringLiteral("left-right"), torch::flip(base, {1})},
            {QStringLiteral("up-down"), torch::flip(base, {0})},
            {QStringLiteral("transpose"), base.t()},
            {QStringLiteral("anti-transpose"), torch::rot90(base, 2, {0, 1}).t()},
        };
        for (int i = 0; i < symmetries.size(); ++i) // the patch tells all 8 apart
            for (int j = i + 1; j < symmetries.size(); ++j)
                QVERIFY(!torch::equal(symmetries[i].second, symmetries[j].second));
        std::mt19937_64 random(7);
        std::map<QString, int> seen;
        constexpr int kTrials = 40, kBatch = 4; // 160 samples: each of 8 equally likely transforms appears
        for (int trial = 0; trial < kTrials; ++trial) {
            auto labels = base.unsqueeze(0).repeat({kBatch, 1, 1});
            auto images = labels.to(torch::kFloat).unsqueeze(1);
            augmentBatch(images, labels, random, options);
            for (int64_t b = 0; b < kBatch; ++b) {
                QVERIFY(torch::equal(images[b][0].to(torch::kLong), labels[b]));
                const auto out = labels[b];
                QString kind = QStringLiteral("not a symmetry of the square");
                for (const auto& symmetry : symmetries)
                    if (torch::equal(out, symmetry.second))
                        kind = symmetry.first;
                ++seen[kind];
            }
        }
        QStringList kinds;
        for (const auto& [kind, count] : seen)
            kinds << QStringLiteral("%1 x%2").arg(kind).arg(count);
        const QString found = kinds.join(QStringLiteral(", "));
        const auto mode = AugmentationOptions::Mirroring(mirroring);
        if (mode == AugmentationOptions::Mirroring::None) {
            QVERIFY2(seen.size() == 1 && seen.count(QStringLiteral("identity")), qPrintable(found));
        } else if (mode == AugmentationOptions::Mirroring::Horizontal) { // never upside down or turned
            QVERIFY2(seen.size() == 2 && seen.count(QStringLiteral("identity")) && seen.count(QStringLiteral("left-right")),
                     qPrintable(found));
        } else {
            // Every one of the 8, and nothing else; none far from its expected share (160 / 8 = 20).
            QVERIFY2(int(seen.size()) == 8 && !seen.count(QStringLiteral("not a symmetry of the square")), qPrintable(found));
            for (const auto& [kind, count] : seen)
                QVERIFY2(count >= 5, qPrintable(found));
        }
    }

    void precisionNames()
    {
        QCOMPARE(*parseComputePrecision(QStringLiteral("auto")), ComputePrecision::Auto);
        QCOMPARE(*parseComputePrecision(QStringLiteral("BF16")), ComputePrecision::BFloat16);
        QCOMPARE(*parseComputePrecision(QStringLiteral("float32")), ComputePrecision::Float32);
        QVERIFY(!parseComputePrecision(QStringLiteral("float8")));
        for (ComputePrecision p : {ComputePrecision::Auto, ComputePrecision::Float32, ComputePrecision::BFloat16})
            QCOMPARE(*parseComputePrecision(computePrecisionName(p)), p);
        // Auto resolves to what the CPU does natively; an explicit choice is kept.
        QCOMPARE(resolveComputePrecision(ComputePrecision::Auto, false),
                 cpuHasNativeBFloat16() ? ComputePrecision::BFloat16 : ComputePrecision::Float32);
        QCOMPARE(resolveComputePrecision(ComputePrecision::Auto, true), ComputePrecision::Float32);
        QCOMPARE(resolveComputePrecision(ComputePrecision::Float32, false), ComputePrecision::Float32);
    }
};

QTEST_GUILESS_MAIN(TestUNet)
#include "tst_UNet.moc"
