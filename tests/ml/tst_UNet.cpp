// The U-Net modules: the reference SimpleUNet against its specification, the up-convolution equivalence, training.
#include "ml/UNet.h"

#include <QtTest>

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

    void foldedBatchNormMatchesEvalMode()
    {
        torch::manual_seed(5);
        UNetArchitecture a = UNetArchitecture::recommended();
        a.baseWidth = 8;
        UNet net(a);
        net->train();
        {
            torch::NoGradGuard noGrad; // a few train-mode passes give the running statistics non-trivial values
            for (int i = 0; i < 3; ++i)
                net->forward(torch::rand({2, 1, 32, 32}) * 4.0 + 1.0);
        }
        net->eval();
        torch::NoGradGuard noGrad;
        const auto input = (torch::rand({1, 1, 48, 40}) * 4.0 + 1.0).contiguous(torch::MemoryFormat::ChannelsLast);
        const auto plain = net->forward(input);
        net->fuseBatchNormForInference();
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
    }
};

QTEST_GUILESS_MAIN(TestUNet)
#include "tst_UNet.moc"
