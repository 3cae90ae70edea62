// bench_train [--threads N] [--steps N]: training throughput (forward + backward + Adam step on 256 x 256 patches,
// batch 4) of the default "unet" preset and the reference SimpleUNet, against the reference convolution. Last line: JSON.
#include "ReferenceConvolution.h"

#include "ml/ComputeRuntime.h"
#include "ml/ModelInternals.h"
#include "ml/UNet.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>

#include <chrono>

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
                result.insert(QStringLiteral("precision"), computePrecisionName(precision));
                result.insert(QStringLiteral("samples_per_s"), samplesPerSecond);
                result.insert(QStringLiteral("ratio"), gflops / reference);
            }
            if (preset == QLatin1String("unet") && !bfloat16)
                result.insert(QStringLiteral("ratio_float32"), gflops / reference);
        }
    }
    result.insert(QStringLiteral("models"), rows);
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}
