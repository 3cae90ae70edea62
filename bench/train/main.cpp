// bench_train [--threads N] [--steps N]: training throughput (forward + backward + Adam step on 256 x 256 patches,
// batch 4) of the default "unet" preset and the reference SimpleUNet, against the reference convolution; and the cost
// of one synthetic training sample (Synthesis.h, from Colin 27's label map when mricron-data is installed), in ms and
// as a fraction of the unet's training time per sample in the same run. Last line: JSON.
#include "ReferenceConvolution.h"

#include "ml/ComputeRuntime.h"
#include "io/VolumeIO.h"
#include "ml/ModelInternals.h"
#include "ml/TrainingData.h"
#include "ml/Synthesis.h"
#include "ml/SynthesisLabels.h"
#include "ml/UNet.h"

#include <QCommandLineParser>

#include <array>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>

#include <chrono>
#include <random>

using namespace delineate::ml;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("threads"), QStringLiteral("intra-op threads (default: all cores)"), QStringLiteral("N")},
                       {QStringLiteral("steps"), QStringLiteral("timed steps per network (default 10)"), QStringLiteral("N")}});
    parser.process(app);
    const int threads = parser.value(QStringLiteral("threads")).isEmpty() ? QThread::idealThreadCount()
                                                                          : parser.value(QStringLiteral("threads")).toInt();
    const int steps = parser.value(QStringLiteral("steps")).isEmpty() ? 10 : parser.value(QStringLiteral("steps")).toInt();
    prepareTorchRuntime(threads);
    torch::manual_seed(1);
    QTextStream out(stdout);
    const double reference = delineate::bench::referenceConvolutionGflops();
    out << "reference conv: " << reference << " GFLOP/s (" << threads << " threads)\n";

    const int64_t batch = 4, edge = 256;
    QJsonArray rows;
    double unetMsPerSample = 0.0;
    QJsonObject result{{QStringLiteral("threads"), threads}, {QStringLiteral("reference_conv_gflops"), reference}};
    // bfloat16 (autocast, float32 weights and optimiser) is timed where the CPU has it natively.
    std::vector<ComputePrecision> precisions{ComputePrecision::Float32};
    if (cpuHasNativeBFloat16())
        precisions.push_back(ComputePrecision::BFloat16);
    for (const QString& preset : {QStringLiteral("unet"), QStringLiteral("simple")}) {
        for (ComputePrecision precision : precisions) {
            torch::manual_seed(1);
            UNet net(*UNetArchitecture::fromPreset(preset));
            net->train();
            for (auto& p : net->parameters())
                if (p.dim() == 4)
                    p.set_data(p.contiguous(torch::MemoryFormat::ChannelsLast));
            torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-3));
            const auto input = torch::rand({batch, 1, edge, edge}).contiguous(torch::MemoryFormat::ChannelsLast);
            const auto target = (torch::rand({batch, 1, edge, edge}) > 0.5f).to(torch::kFloat);
            const bool bfloat16 = precision == ComputePrecision::BFloat16;
            auto step = [&]() {
                const auto logits = forwardInFloat32Out(bfloat16, [&] { return net->forward(input); });
                auto loss = torch::binary_cross_entropy_with_logits(logits, target);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            };
            step();
            step();
            const auto start = std::chrono::steady_clock::now();
            for (int s = 0; s < steps; ++s)
                step();
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double samplesPerSecond = double(steps * batch) / seconds;
            // Backward costs about twice the forward pass (input and weight gradients).
            const double gflops = 3.0 * net->architecture().forwardFlops(edge, edge) / 1e9 * samplesPerSecond;
            out << preset << " (" << computePrecisionName(precision) << "): " << samplesPerSecond << " samples/s (256^2), "
                << gflops << " GFLOP/s, ratio " << gflops / reference << "\n";
            rows.append(QJsonObject{{QStringLiteral("model"), preset},
                                    {QStringLiteral("precision"), computePrecisionName(precision)},
                                    {QStringLiteral("samples_per_s"), samplesPerSecond},
                                    {QStringLiteral("gflops"), gflops},
                                    {QStringLiteral("ratio"), gflops / reference}});
            // The headline figures: the unet preset at the precision training uses by default ("auto").
            if (preset == QLatin1String("unet") && precision == resolveComputePrecision(ComputePrecision::Auto, false)) {
                unetMsPerSample = 1000.0 / samplesPerSecond;
                result.insert(QStringLiteral("precision"), computePrecisionName(precision));
                result.insert(QStringLiteral("samples_per_s"), samplesPerSecond);
                result.insert(QStringLiteral("ratio"), gflops / reference);
            }
            if (preset == QLatin1String("unet") && !bfloat16)
                result.insert(QStringLiteral("ratio_float32"), gflops / reference);
        }
    }
    result.insert(QStringLiteral("models"), rows);

    // Synthesis: label map of Colin 27 (as docs/ml.md builds it), whole-slice samples cut to 224 x 224 patches.
    const QString templates = QStringLiteral("/usr/share/mricron/templates/");
    auto image = delineate::readVolume(templates + QStringLiteral("ch2.nii.gz"));
    auto stripped = delineate::readVolume(templates + QStringLiteral("ch2bet.nii.gz"));
    auto atlas = delineate::readVolume(templates + QStringLiteral("aal.nii.gz"));
    if (image && stripped && atlas) {
        const delineate::LabelMap mask = nonZeroMask(*stripped);
        auto labels = makeSynthesisLabels(*image, mask, &*atlas, SynthesisLabelOptions{});
        if (labels) {
            std::array<int, 256> classOf;
            classOf.fill(-1);
            classOf[0] = 0;
            classOf[1] = 1;
            std::vector<SynthesisVolume> volumes{makeSynthesisVolume(*labels, mask, classOf, {})};
            SynthesisSampler sampler(std::move(volumes), SynthesisOptions{}, 1.0, 0.5, 0);
            std::mt19937_64 random(1);
            const int samples = 4 * steps;
            sampler.patch(224, random);
            const auto start = std::chrono::steady_clock::now();
            for (int n = 0; n < samples; ++n)
                sampler.patch(224, random);
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / samples;
            out << "synthesis: " << ms << " ms per 224^2 sample (Colin 27, " << samples << " samples)\n";
            result.insert(QStringLiteral("synthesis_ms_per_sample"), ms);
            if (unetMsPerSample > 0.0)
                result.insert(QStringLiteral("synthesis_fraction_of_step"), ms / unetMsPerSample);
        }
    } else {
        out << "synthesis: not measured (" << templates << " from mricron-data is missing)\n";
    }
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}
