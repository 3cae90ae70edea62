// Image synthesis from label maps (core/ml/Synthesis.h, SynthesisLabels.h) on Colin 27 (Debian's mricron-data): the
// label map's classes against k-means' own fixed-point condition computed here, reproducibility for a seed, and
// that each randomised factor changes what it should (intensities per label, slice thickness in the through-plane
// frequencies, in-plane resolution in the in-plane ones, bias, gamma, noise, deformation), and that a slab never
// reads a held-back slice.
#include "TestData.h"

#include "io/VolumeIO.h"
#include "ml/SliceAccess.h"
#include "ml/Synthesis.h"
#include "ml/SynthesisLabels.h"
#include "ml/TrainingData.h"

#include <QtTest>
#ifdef DELINEATE_TEST_PICTURES
#include "OutlinePictures.h"
#endif

#include <array>
#include <cmath>
#include <map>
#include <random>

using namespace delineate;
using namespace delineate::ml;

namespace {

const QString kTemplates = QStringLiteral("/usr/share/mricron/templates/");

// A draw with every factor off: the means alone make the image.
SynthesisDraw plainDraw(int labels)
{
    SynthesisDraw draw;
    for (int i = 0; i < labels; ++i) {
        draw.means.push_back(float((i * 37) % 101) / 100.0f);
        draw.textures.push_back(0.0f);
    }
    draw.thickness = 0.0; // no through-plane blur
    draw.pixel = 1.0;
    draw.fieldSeed = 7;
    return draw;
}

double meanSquare(const torch::Tensor& t)
{
    return t.pow(2).mean().item<double>();
}

} // namespace

class TestSynthesis : public QObject
{
    Q_OBJECT

    LabelMap m_labels;         // the synthesis label map of Colin 27 (with the AAL atlas)
    torch::Tensor m_classes;   // its brain mask as D x H x W classes
    SynthesisLabelSummary m_summary;
    Volume m_image;
    LabelMap m_mask;

    SynthesisVolume volume(const QVector<int>& slices = {}) const
    {
        std::array<int, 256> classOf;
        classOf.fill(-1);
        classOf[0] = 0;
        classOf[1] = 1;
        return makeSynthesisVolume(m_labels, m_mask, classOf, slices);
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char* name : {"ch2.nii.gz", "ch2bet.nii.gz", "aal.nii.gz"})
            DELINEATE_REQUIRE_PACKAGED(kTemplates + QLatin1String(name));
        auto image = readVolume(kTemplates + QStringLiteral("ch2.nii.gz"));
        auto stripped = readVolume(kTemplates + QStringLiteral("ch2bet.nii.gz"));
        auto atlas = readVolume(kTemplates + QStringLiteral("aal.nii.gz"));
        QVERIFY(image.ok() && stripped.ok() && atlas.ok());
        m_image = std::move(*image);
        m_mask = nonZeroMask(*stripped);
        auto labels = makeSynthesisLabels(m_image, m_mask, &*atlas, SynthesisLabelOptions{}, &m_summary);
        QVERIFY2(labels.ok(), qPrintable(labels.error().message));
        m_labels = std::move(*labels);
        m_classes = volume().classes; // the brain mask D x H x W in the trainer's slice layout
    }

    void clustersMeetTheKMeansCondition()
    {
        // Three well-separated modes: the centres land on them.
        std::mt19937_64 random(3);
        std::normal_distribution<float> noise(0.0f, 2.0f);
        std::vector<float> values;
        for (float centre : {10.0f, 50.0f, 90.0f})
            for (int i = 0; i < 5000; ++i)
                values.push_back(centre + noise(random));
        auto centres = intensityClusters(values, 3);
        QVERIFY(centres.ok());
        QCOMPARE(centres->size(), 3);
        for (int c = 0; c < 3; ++c)
            QVERIFY2(std::abs((*centres)[c] - (10.0 + 40.0 * c)) < 0.5, qPrintable(QString::number((*centres)[c])));
        QVERIFY(!intensityClusters(std::vector<float>(100, 4.0f), 2).ok()); // one value, two classes
    }

    void colinLabelsAreTissueClassesAndRegions()
    {
        const int outside = 3, inside = 3;
        QVERIFY(m_summary.classes.size() > outside + inside + 50); // AAL splits the grey matter into its regions
        // Without the atlas: the intensity classes alone.
        auto plain = makeSynthesisLabels(m_image, m_mask, nullptr, SynthesisLabelOptions{});
        QVERIFY(plain.ok());
        std::vector<double> sums(256, 0.0);
        std::vector<int64_t> counts(256, 0);
        for (std::size_t i = 0; i < plain->voxelCount(); ++i) {
            const int label = plain->at(i);
            // Inside and outside the mask never mix.
            if ((label >= outside) != (m_mask.at(i) != 0))
                QFAIL(qPrintable(QStringLiteral("voxel %1: label %2 on the wrong side of the mask").arg(i).arg(label)));
            QVERIFY(label < outside + inside);
            sums[std::size_t(label)] += m_image.valueAt(i);
            ++counts[std::size_t(label)];
        }
        // k-means' fixed point: every voxel of a class is nearest to its own class mean (computed here from the
        // voxels), up to one histogram bin at the class borders.
        for (int first : {0, outside}) {
            std::vector<double> means;
            for (int c = first; c < first + 3; ++c)
                means.push_back(sums[std::size_t(c)] / double(counts[std::size_t(c)]));
            QVERIFY(means[0] < means[1] && means[1] < means[2]);
            int64_t wrong = 0, total = 0;
            for (std::size_t i = 0; i < plain->voxelCount(); ++i) {
                const int label = plain->at(i);
                if (label < first || label >= first + 3)
                    continue;
                ++total;
                const double v = m_image.valueAt(i);
                int nearest = 0;
                for (int c = 1; c < 3; ++c)
                    if (std::abs(v - means[std::size_t(c)]) < std::abs(v - means[std::size_t(nearest)]))
                        nearest = c;
                wrong += nearest != label - first ? 1 : 0;
            }
            qInfo("%s: class means %.1f %.1f %.1f, %lld of %lld voxels nearer another class", first == 0 ? "outside" : "inside",
                  means[0], means[1], means[2], qlonglong(wrong), qlonglong(total));
            QVERIFY(double(wrong) < 0.005 * double(total));
        }
        // With the atlas: each region label sits on one AAL region and takes exactly the voxels of that region's
        // most frequent inside class; every other voxel keeps its intensity class.
        auto atlas = readVolume(kTemplates + QStringLiteral("aal.nii.gz"));
        QVERIFY(atlas.ok());
        std::map<int, std::array<int64_t, 3>> classesOfRegion;
        for (std::size_t i = 0; i < plain->voxelCount(); ++i) {
            const int region = int(std::lround(atlas->valueAt(i)));
            if (region != 0 && m_mask.at(i))
                ++classesOfRegion[region][std::size_t(plain->at(i) - outside)];
        }
        std::map<int, int> labelOfRegion;
        int regionLabels = 0;
        for (std::size_t i = 0; i < m_labels.voxelCount(); ++i) {
            const int label = m_labels.at(i), before = plain->at(i);
            const int region = int(std::lround(atlas->valueAt(i)));
            if (label < outside + inside) {
                QCOMPARE(label, before);
                continue;
            }
            const auto& classes = classesOfRegion[region];
            const int dominant = int(std::max_element(classes.begin(), classes.end()) - classes.begin()) + outside;
            QCOMPARE(before, dominant);
            if (!labelOfRegion.count(region)) {
                labelOfRegion[region] = label;
                ++regionLabels;
            }
            QCOMPARE(labelOfRegion[region], label);
        }
        QCOMPARE(regionLabels, m_summary.classes.size() - outside - inside);
        // No voxel of a split region's dominant class was left behind.
        for (std::size_t i = 0; i < m_labels.voxelCount(); ++i) {
            const int region = int(std::lround(atlas->valueAt(i)));
            if (m_mask.at(i) && labelOfRegion.count(region) && m_labels.at(i) < outside + inside) {
                const auto& classes = classesOfRegion[region];
                QVERIFY(plain->at(i) != int(std::max_element(classes.begin(), classes.end()) - classes.begin()) + outside);
            }
        }
    }

    void reproducibleForASeed()
    {
        const SynthesisVolume v = volume();
        const SynthesisOptions options;
        std::mt19937_64 a(11), b(11), c(12);
        const auto first = synthesizeSlice(v, 90, drawSynthesis(v.labelCount, a, options));
        const auto again = synthesizeSlice(v, 90, drawSynthesis(v.labelCount, b, options));
        const auto other = synthesizeSlice(v, 90, drawSynthesis(v.labelCount, c, options));
        QVERIFY(torch::equal(first.first, again.first));
        QVERIFY(torch::equal(first.second, again.second));
        QVERIFY(!torch::allclose(first.first, other.first));
        // z-scored, and the target stays the brain mask's classes.
        QVERIFY(std::abs(first.first.mean().item<double>()) < 1e-3);
        QVERIFY(std::abs(first.first.std().item<double>() - 1.0) < 1e-2);
        QCOMPARE(first.second.max().item<int64_t>(), int64_t(1));
        QCOMPARE(first.second.min().item<int64_t>(), int64_t(0));
    }

    void intensitiesAreDrawnPerLabel()
    {
        const SynthesisVolume v = volume();
        std::mt19937_64 random(5);
        const SynthesisDraw one = drawSynthesis(v.labelCount, random, SynthesisOptions{});
        const SynthesisDraw two = drawSynthesis(v.labelCount, random, SynthesisOptions{});
        const int64_t slice = 90;
        const auto labels = v.labels[slice];
        // White matter (label 5) against air (label 0), in units of the image's SD: differs between the samples.
        auto contrast = [&](const SynthesisDraw& draw) {
            SynthesisDraw plain = plainDraw(v.labelCount);
            plain.means = draw.means;
            const auto image = synthesizeSlice(v, slice, plain).first;
            return (image.masked_select(labels == 5).mean() - image.masked_select(labels == 0).mean()).item<double>();
        };
        const double a = contrast(one), b = contrast(two);
        qInfo("white matter - air: %.3f and %.3f SD", a, b);
        QVERIFY(std::abs(a - b) > 0.2);
    }

    void sliceThicknessRemovesThroughPlaneDetail()
    {
        const SynthesisVolume v = volume();
        auto stack = [&](double thickness) {
            SynthesisDraw draw = plainDraw(v.labelCount);
            draw.thickness = thickness;
            std::vector<torch::Tensor> slices;
            for (int64_t k = 60; k < 110; ++k)
                slices.push_back(synthesizeSlice(v, k, draw).first);
            return torch::stack(slices);
        };
        // Energy of the differences between neighbouring slices: the high through-plane frequencies.
        const auto thin = stack(1.0), thick = stack(7.0);
        const double thinEnergy = meanSquare(thin.slice(0, 1) - thin.slice(0, 0, -1));
        const double thickEnergy = meanSquare(thick.slice(0, 1) - thick.slice(0, 0, -1));
        qInfo("through-plane difference energy: 1 mm %.4f, 7 mm %.4f", thinEnergy, thickEnergy);
        QVERIFY(thickEnergy < 0.3 * thinEnergy);
    }

    void inPlaneResolutionRemovesInPlaneDetail()
    {
        const SynthesisVolume v = volume();
        auto columnEnergy = [&](double pixel) {
            SynthesisDraw draw = plainDraw(v.labelCount);
            draw.pixel = pixel;
            const auto image = synthesizeSlice(v, 90, draw).first;
            return meanSquare(image.slice(1, 1) - image.slice(1, 0, -1));
        };
        const double fine = columnEnergy(0.5), grid = columnEnergy(1.0), coarse = columnEnergy(1.5);
        qInfo("in-plane difference energy: 0.5 mm %.4f, 1 mm %.4f, 1.5 mm %.4f", fine, grid, coarse);
        QCOMPARE(fine, grid); // finer than the 1 mm grid: nothing to simulate
        QVERIFY(coarse < 0.7 * grid);
    }

    void biasGammaNoiseAndDeformationChangeTheImage()
    {
        const SynthesisVolume v = volume();
        const int64_t slice = 90;
        const SynthesisDraw plain = plainDraw(v.labelCount);
        const auto reference = synthesizeSlice(v, slice, plain);
        const auto labels = v.labels[slice];
        // Bias: a smooth multiplicative field; inside white matter (one intensity) it spreads the values.
        SynthesisDraw biased = plain;
        biased.bias = 0.4;
        const auto withBias = synthesizeSlice(v, slice, biased).first;
        const double spreadPlain = reference.first.masked_select(labels == 5).std().item<double>();
        const double spreadBias = withBias.masked_select(labels == 5).std().item<double>();
        qInfo("white matter SD: plain %.4f, with bias %.4f", spreadPlain, spreadBias);
        QVERIFY(spreadPlain < 1e-4);
        QVERIFY(spreadBias > 0.02);
        // Gamma: a monotone curve, so the ranks stay and the values change.
        SynthesisDraw bent = plain;
        bent.gamma = 2.0;
        const auto withGamma = synthesizeSlice(v, slice, bent).first;
        QVERIFY(!torch::allclose(withGamma, reference.first, 1e-3, 1e-3));
        // Noise: white matter's SD grows by about the noise level (relative to the image's range, z-scored after).
        SynthesisDraw noisy = plain;
        noisy.noise = 0.05;
        const double spreadNoise = synthesizeSlice(v, slice, noisy).first.masked_select(labels == 5).std().item<double>();
        QVERIFY(spreadNoise > 0.05);
        // Deformation: moves the target with the labels, which stay classes.
        SynthesisDraw deformed = plain;
        deformed.deformation = 0.03;
        const auto warped = synthesizeSlice(v, slice, deformed);
        const double changed = (warped.second != reference.second).to(torch::kFloat).mean().item<double>();
        qInfo("deformation: %.2f %% of the target changed", 100.0 * changed);
        QVERIFY(changed > 0.002);
        QVERIFY(warped.second.max().item<int64_t>() <= 1 && warped.second.min().item<int64_t>() >= 0);
        // The deformed image still follows the deformed target: brain brighter or darker as a whole, not smeared.
        QVERIFY(std::abs(warped.first.masked_select(warped.second == 1).mean().item<double>() -
                         warped.first.masked_select(warped.second == 0).mean().item<double>()) > 0.1);
    }

    void heldBackSlicesAreNeverRead()
    {
        // Slices 0-79 allowed: slice 79 with a 7 mm slab must not see slices 80 on, whatever they hold.
        QVector<int> allowed;
        for (int k = 0; k < 80; ++k)
            allowed.append(k);
        SynthesisVolume v = volume(allowed);
        QCOMPARE(int(v.runs.size()), 1);
        SynthesisDraw draw = plainDraw(v.labelCount);
        draw.thickness = 7.0;
        const auto before = synthesizeSlice(v, 79, draw).first;
        v.labels = v.labels.clone();
        v.labels.slice(0, 80).fill_(2);
        const auto after = synthesizeSlice(v, 79, draw).first;
        QVERIFY(torch::equal(before, after));
        // Without the restriction the same change shows.
        SynthesisVolume all = volume();
        all.labels = all.labels.clone();
        const auto open = synthesizeSlice(all, 79, draw).first;
        all.labels.slice(0, 80).fill_(2);
        QVERIFY(!torch::equal(open, synthesizeSlice(all, 79, draw).first));
    }

    void documentationPicture()
    {
        // DELINEATE_SCREENSHOT_DIR=... writes docs/screenshots/synthesis-samples.png: Colin 27's axial slice 91 as
        // it is, and six synthetic images drawn from its label map, the brain mask's outline in yellow.
        const QString dir = qEnvironmentVariable("DELINEATE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set DELINEATE_SCREENSHOT_DIR to write the documentation picture");
#ifndef DELINEATE_TEST_PICTURES
        QSKIP("built without the GUI library");
#else
        const SynthesisVolume v = volume();
        const int64_t slice = 90;
        std::vector<std::pair<torch::Tensor, torch::Tensor>> samples;
        {
            // The real slice, z-scored like the trainer's input.
            std::vector<float> values(std::size_t(v.labels.size(1) * v.labels.size(2)));
            SliceLayout layout(m_image.geometry(), 2);
            IntensityNormalization zscore;
            zscore.kind = IntensityNormalization::Kind::ZScore;
            readSlice(m_image, layout, slice, IntensityMapping::forVolume(m_image, zscore), values.data());
            samples.push_back({torch::from_blob(values.data(), {v.labels.size(1), v.labels.size(2)}).clone(), m_classes[slice]});
        }
        std::mt19937_64 random(2026);
        for (int n = 0; n < 6; ++n)
            samples.push_back(synthesizeSlice(v, slice, drawSynthesis(v.labelCount, random, SynthesisOptions{})));
        const int height = int(v.labels.size(1)), width = int(v.labels.size(2)), scale = 2;
        QVector<QImage> pictures;
        for (const auto& [sample, target] : samples) {
            const auto image = sample.contiguous();
            const auto classes = target.contiguous();
            const double low = image.quantile(0.01).item<float>(), high = image.quantile(0.99).item<float>();
            const auto pixels = image.accessor<float, 2>();
            const auto mask = classes.accessor<int64_t, 2>();
            // Radiological view of Colin 27's grid: columns run to the patient's right, rows to anterior.
            const QImage picture = testing::outlinedPicture(
                width, height, [&](int x, int y) { return double(pixels[y][x]); }, [&](int x, int y) { return mask[y][x] == 1; },
                low, high, true, true);
            pictures.append(picture.scaled(width * scale, height * scale));
        }
        QVERIFY(testing::writePictureRow(pictures, QStringList(), QDir(dir).filePath(QStringLiteral("synthesis-samples.png"))));
#endif
    }

    void samplerMixesPatches()
    {
        std::vector<SynthesisVolume> volumes{volume()};
        SynthesisSampler sampler(std::move(volumes), SynthesisOptions{}, 1.0, 1.0, 0);
        auto images = torch::zeros({3, 1, 224, 224});
        auto labels = torch::zeros({3, 224, 224}, torch::kLong);
        std::mt19937_64 random(2);
        sampler.mix(images, labels, random);
        for (int b = 0; b < 3; ++b) {
            QVERIFY(images[b].abs().sum().item<double>() > 0.0);
            QVERIFY(labels[b].sum().item<int64_t>() > 0); // centred on the brain
        }
    }
};

#ifdef DELINEATE_TEST_PICTURES
QTEST_MAIN(TestSynthesis) // QPainter needs a QGuiApplication
#else
QTEST_GUILESS_MAIN(TestSynthesis)
#endif
#include "tst_Synthesis.moc"
