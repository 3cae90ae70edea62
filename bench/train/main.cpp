// bench_train [--threads N] [--steps N]: training throughput (forward + backward + Adam step on 256 x 256 patches,
// batch 4) of the default "unet" preset and the reference SimpleUNet, against the reference convolution. Last line: JSON.
#include "ReferenceConvolution.h"

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
    at::set_num_threads(threads);
    torch::manual_seed(1);
    QTextStream out(stdout);
    const double reference = delineate::bench::referenceConvolutionGflops();
    out << "reference conv: " << reference << " GFLOP/s (" << threads << " threads)\n";

    const int64_t batch = 4, edge = 256;
    QJsonArray rows;
    QJsonObject result{{QStringLiteral("threads"), threads}, {QStringLiteral("reference_conv_gflops"), reference}};
    for (const QString& preset : {QStringLiteral("unet"), QStringLiteral("simple")}) {
        UNet net(*UNetArchitecture::fromPreset(preset));
        net->train();
        for (auto& p : net->parameters())
            if (p.dim() == 4)
                p.set_data(p.contiguous(torch::MemoryFormat::ChannelsLast));
        torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-3));
        const auto input = torch::rand({batch, 1, edge, edge}).contiguous(torch::MemoryFormat::ChannelsLast);
        const auto target = (torch::rand({batch, 1, edge, edge}) > 0.5f).to(torch::kFloat);
        auto step = [&]() {
            auto loss = torch::binary_cross_entropy_with_logits(net->forward(input), target);
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
        out << preset << ": " << samplesPerSecond << " samples/s (256^2), " << gflops << " GFLOP/s, ratio "
            << gflops / reference << "\n";
        rows.append(QJsonObject{{QStringLiteral("model"), preset},
                                {QStringLiteral("samples_per_s"), samplesPerSecond},
                                {QStringLiteral("gflops"), gflops},
                                {QStringLiteral("ratio"), gflops / reference}});
        if (preset == QLatin1String("unet")) {
            result.insert(QStringLiteral("samples_per_s"), samplesPerSecond);
            result.insert(QStringLiteral("ratio"), gflops / reference);
        }
    }
    result.insert(QStringLiteral("models"), rows);
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}
