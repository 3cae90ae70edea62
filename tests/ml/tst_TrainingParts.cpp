// The parts of the training loop on their own (core/ml/TrainingParts.h): the patch sampler (foreground-aware,
// reproducible, its state restorable), the loss against the formula computed here, and the weight average.
#include "ml/TrainingParts.h"

#include <QtTest>

#include <cmath>

using namespace delineate::ml;
using namespace delineate::ml::training;

namespace {

// Two 96 x 96 slices, class 1 only in a 6 x 6 square of the second one (a rare foreground).
std::vector<TrainingSlice> twoSlices()
{
    std::vector<TrainingSlice> slices;
    for (int n = 0; n < 2; ++n) {
        TrainingSlice s;
        s.height = s.width = 96;
        s.image = torch::arange(96 * 96, torch::kFloat).reshape({1, 96, 96}) + 10000.0f * float(n);
        s.classes = torch::zeros({96, 96}, torch::kLong);
        if (n == 1)
            s.classes.narrow(0, 60, 6).narrow(1, 20, 6).fill_(1);
        slices.push_back(s);
    }
    return slices;
}

} // namespace

class TestTrainingParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samplerCentresOnTheForeground()
    {
        auto slices = twoSlices();
        PatchSampler sampler(slices, 2, 32, 1.0, 5);
        QVERIFY(slices[0].foreground.empty());
        QCOMPARE(int(slices[1].foreground.size()), 36);
        for (int i = 0; i < 20; ++i) {
            auto [images, labels] = sampler.next(3);
            QCOMPARE(images.sizes(), (torch::IntArrayRef{3, 1, 32, 32}));
            QCOMPARE(labels.sizes(), (torch::IntArrayRef{3, 32, 32}));
            for (int b = 0; b < 3; ++b) {
                // Centred on a foreground pixel: the patch holds it, and it comes from the second slice.
                QVERIFY(labels[b].sum().item<int64_t>() > 0);
                QVERIFY(images[b].min().item<float>() >= 10000.0f);
            }
        }
        PatchSampler anywhere(slices, 2, 32, 0.0, 5);
        int withForeground = 0;
        for (int i = 0; i < 40; ++i)
            withForeground += anywhere.next(1).second.sum().item<int64_t>() > 0 ? 1 : 0;
        QVERIFY2(withForeground < 20, qPrintable(QString::number(withForeground)));
    }

    void samplerStateRestoresTheSequence()
    {
        auto slices = twoSlices();
        PatchSampler a(slices, 2, 32, 0.5, 11);
        a.next(4);
        const std::string state = a.state();
        auto expected = a.next(4);
        PatchSampler b(slices, 2, 32, 0.5, 999);
        QVERIFY(b.setState(state));
        auto restored = b.next(4);
        QVERIFY(torch::equal(restored.first, expected.first));
        QVERIFY(torch::equal(restored.second, expected.second));
        QVERIFY(!b.setState("not a generator state"));
    }

    void binaryLossIsCrossEntropyPlusSoftDice()
    {
        const std::vector<float> x{-2.0f, 0.5f, 1.5f, 3.0f};
        const std::vector<int64_t> y{0, 1, 0, 1};
        auto logits = torch::tensor(x).reshape({1, 1, 2, 2});
        auto classes = torch::tensor(y).reshape({1, 2, 2});
        double bce = 0.0, pt = 0.0, ps = 0.0, ts = 0.0, qu = 0.0, qs = 0.0, us = 0.0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double p = 1.0 / (1.0 + std::exp(-double(x[i])));
            bce += -(double(y[i]) * std::log(p) + (1.0 - double(y[i])) * std::log(1.0 - p)) / double(x.size());
            pt += p * double(y[i]);
            ps += p;
            ts += double(y[i]);
            qu += (1.0 - p) * (1.0 - double(y[i]));
            qs += 1.0 - p;
            us += 1.0 - double(y[i]);
        }
        const double dice = 0.5 * ((2.0 * pt + 1.0) / (ps + ts + 1.0) + (2.0 * qu + 1.0) / (qs + us + 1.0));
        QVERIFY(std::abs(trainingLoss(logits, classes, true, LossKind::BinaryCrossEntropy).item<double>() - bce) < 1e-5);
        QVERIFY(std::abs(trainingLoss(logits, classes, true, LossKind::DiceAndCrossEntropy).item<double>() - (bce + 1.0 - dice)) < 1e-5);
    }

    void weightAverageFollowsItsDecay()
    {
        auto p = torch::full({3}, 2.0f);
        WeightAverage average(0.9, {p});
        QVERIFY(average.enabled());
        p.fill_(12.0f);
        average.update({p}, 0); // decay min(0.9, 1/10) = 0.1: 0.1 * 2 + 0.9 * 12
        QVERIFY(std::abs(average.tensors()[0][0].item<float>() - 11.0f) < 1e-5f);
        p.fill_(1.0f);
        average.update({p}, 1000); // decay 0.9: 0.9 * 11 + 0.1 * 1
        QVERIFY(std::abs(average.tensors()[0][0].item<float>() - 10.0f) < 1e-5f);
        QVERIFY(!WeightAverage(0.0, {p}).enabled());
    }
};

QTEST_GUILESS_MAIN(TestTrainingParts)
#include "tst_TrainingParts.moc"
