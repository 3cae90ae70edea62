// bench_infer [--threads N] [--slices N] [--volume-slices N] [--layers] [--profile]: inference speed of the reference SimpleUNet and of
// each default model, against a channels-last oneDNN convolution measured in the same run. Last line: JSON.
#include "ReferenceConvolution.h"

#include "ml/Inference.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>

#include <torch/csrc/autograd/profiler_legacy.h>

#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <map>

using namespace delineate;
using namespace delineate::ml;

namespace {

Volume syntheticVolume(int64_t slices)
{
    ImageGeometry g({512, 512, slices}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
    Volume volume(g, PixelType::Int16);
    for (std::size_t i = 0; i < volume.voxelCount(); ++i)
        volume.int16Data()[i] = int16_t((i * 2654435761u >> 7) % 256);
    return volume;
}

int g_batchSize = 0; // --batch: slices per forward pass (0 = segmentVolume's automatic choice)

double secondsFor(const Volume& volume, const SegmentationModel& model, int threads, ComputePrecision precision)
{
    InferenceOptions options;
    options.batchSize = g_batchSize;
    options.threads = threads;
    options.precision = precision;
    options.device = QStringLiteral("cpu");
    SimpleJobControl control;
    auto result = segmentVolume(volume, model, options, control);
    if (!result) {
        QTextStream(stderr) << result.error().message << Qt::endl;
        std::exit(1);
    }
    return result->seconds;
}

// --layers: each 3x3 convolution of the `unet` preset on a 512 x 512 slice, alone, in float32 (channels-last,
// best of 10), against the reference; the sum tells how much of a whole pass is convolution.
QJsonObject timeLayers(QTextStream& out, double reference)
{
    prepareTorchRuntime(at::get_num_threads());
    c10::InferenceMode inferenceMode;
    const auto channelsLast = torch::MemoryFormat::ChannelsLast;
    const UNetArchitecture a = UNetArchitecture::recommended();
    struct Shape { int64_t in, out, edge; };
    std::vector<Shape> shapes;
    int64_t channels = a.inputChannels;
    for (int level = 0; level < a.depth; ++level) { // encoder
        const int64_t width = int64_t(a.baseWidth) << level, edge = 512 >> level;
        shapes.push_back({channels, width, edge});
        for (int c = 1; c < a.convolutionsPerLevel; ++c)
            shapes.push_back({width, width, edge});
        channels = width;
    }
    for (int level = a.depth - 2; level >= 0; --level) { // decoder blocks after each up-convolution
        const int64_t width = int64_t(a.baseWidth) << level, edge = 512 >> level;
        shapes.push_back({2 * width, width, edge});
        for (int c = 1; c < a.convolutionsPerLevel; ++c)
            shapes.push_back({width, width, edge});
    }
    shapes.push_back({int64_t(a.baseWidth), int64_t(a.outputChannels), 512}); // head
    QJsonArray rows;
    double totalMs = 0.0;
    for (const Shape& shape : shapes) {
        const auto input = torch::randn({1, shape.in, shape.edge, shape.edge}).contiguous(channelsLast);
        const auto weight = torch::randn({shape.out, shape.in, 3, 3}).contiguous(channelsLast);
        const auto bias = torch::randn({shape.out});
        double best = 1e30;
        for (int run = 0; run < 12; ++run) {
            const auto start = std::chrono::steady_clock::now();
            auto result = torch::conv2d(input, weight, bias, 1, 1);
            if (run >= 2)
                best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
        const double gflops = 2.0 * 9.0 * double(shape.in * shape.out) * double(shape.edge * shape.edge) / best / 1e6;
        out << "conv " << shape.in << "->" << shape.out << " on " << shape.edge << "^2: " << best << " ms, " << gflops
            << " GFLOP/s, ratio " << gflops / reference << "\n";
        rows.append(QJsonObject{{QStringLiteral("in"), double(shape.in)}, {QStringLiteral("out"), double(shape.out)},
                                {QStringLiteral("edge"), double(shape.edge)}, {QStringLiteral("ms"), best},
                                {QStringLiteral("ratio"), gflops / reference}});
        totalMs += best;
    }
    out << "sum of the 3x3 convolutions (up-convolutions not included): " << totalMs << " ms\n";
    return QJsonObject{{QStringLiteral("layers"), rows}, {QStringLiteral("convolutions_ms"), totalMs}};
}

// --profile: where a pass of `model` goes, op by op. LibTorch's profiler records `slices` slices; each op's self
// time (its duration less that of the ops it called) is summed by name. Printed as a table, returned as JSON.
QJsonObject profileOps(QTextStream& out, const SegmentationModel& model, int threads, ComputePrecision precision, int slices)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    const Volume volume = syntheticVolume(slices);
    double wall = 0.0;
    {
        torch::autograd::profiler::RecordProfile profile(path.toStdString());
        wall = secondsFor(volume, model, threads, precision);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonDocument trace = QJsonDocument::fromJson(file.readAll());
    const QJsonArray events = trace.isArray() ? trace.array() : trace.object().value(QStringLiteral("traceEvents")).toArray();
    struct Span { QString name; double start, end; };
    std::map<QString, std::vector<Span>> byThread;
    for (const QJsonValue& value : events) {
        const QJsonObject e = value.toObject();
        if (e.value(QStringLiteral("ph")).toString() != QLatin1String("X"))
            continue;
        const double start = e.value(QStringLiteral("ts")).toDouble();
        byThread[e.value(QStringLiteral("tid")).toVariant().toString()].push_back(
            {e.value(QStringLiteral("name")).toString(), start, start + e.value(QStringLiteral("dur")).toDouble()});
    }
    std::map<QString, std::pair<double, int>> self; // name -> (microseconds, calls)
    for (auto& [thread, spans] : byThread) {
        std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start || (a.start == b.start && a.end > b.end); });
        std::vector<std::pair<const Span*, double>> stack; // span, time of its children
        const auto close = [&](double until) {
            while (!stack.empty() && stack.back().first->end <= until) {
                const auto [span, children] = stack.back();
                stack.pop_back();
                auto& entry = self[span->name];
                entry.first += (span->end - span->start) - children;
                entry.second += 1;
                if (!stack.empty())
                    stack.back().second += span->end - span->start;
            }
        };
        for (const Span& span : spans) {
            close(span.start);
            stack.push_back({&span, 0.0});
        }
        close(1e300);
    }
    std::vector<std::pair<QString, std::pair<double, int>>> sorted(self.begin(), self.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    double total = 0.0;
    for (const auto& entry : sorted)
        total += entry.second.first;
    out << "profile (" << computePrecisionName(precision) << ", " << slices << " slices, " << wall * 1000.0 / slices
        << " ms/slice wall): self time per op, ms/slice\n";
    QJsonArray rows;
    for (std::size_t i = 0; i < sorted.size() && i < 20; ++i) {
        const double ms = sorted[i].second.first / 1000.0 / slices;
        out << "  " << sorted[i].first << ": " << ms << " (" << sorted[i].second.second / slices << " calls)\n";
        rows.append(QJsonObject{{QStringLiteral("op"), sorted[i].first}, {QStringLiteral("ms_per_slice"), ms},
                                {QStringLiteral("calls_per_slice"), sorted[i].second.second / slices}});
    }
    out << "  (all ops: " << total / 1000.0 / slices << " ms/slice)\n";
    return QJsonObject{{QStringLiteral("precision"), computePrecisionName(precision)}, {QStringLiteral("ops"), rows},
                       {QStringLiteral("ops_ms_per_slice"), total / 1000.0 / slices}, {QStringLiteral("wall_ms_per_slice"), wall * 1000.0 / slices}};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("threads"), QStringLiteral("intra-op threads (default: all cores)"), QStringLiteral("N")},
                       {QStringLiteral("slices"), QStringLiteral("512x512 slices per model timing (default 8)"), QStringLiteral("N")},
                       {QStringLiteral("volume-slices"), QStringLiteral("slices of the whole-volume run (default 300)"), QStringLiteral("N")},
                       {QStringLiteral("models"), QStringLiteral("only models whose name contains this text"), QStringLiteral("TEXT")},
                       {QStringLiteral("float32-only"), QStringLiteral("time float32 only, even where bfloat16 is native")},
                       {QStringLiteral("batch"), QStringLiteral("slices per forward pass (default: automatic)"), QStringLiteral("N")},
                       {QStringLiteral("layers"), QStringLiteral("time each 3x3 convolution of the unet preset alone (float32), then stop")},
                       {QStringLiteral("profile"), QStringLiteral("self time per LibTorch op of each model (--models to pick), then stop")}});
    parser.process(app);
    const int threads = parser.value(QStringLiteral("threads")).isEmpty() ? QThread::idealThreadCount()
                                                                          : parser.value(QStringLiteral("threads")).toInt();
    const int slices = parser.value(QStringLiteral("slices")).isEmpty() ? 8 : parser.value(QStringLiteral("slices")).toInt();
    const int volumeSlices = parser.value(QStringLiteral("volume-slices")).isEmpty()
                                 ? 300 : parser.value(QStringLiteral("volume-slices")).toInt();
    at::set_num_threads(threads);
    QTextStream out(stdout);

    const double reference = bench::referenceConvolutionGflops();
    out << "reference conv 64->64 3x3 on 256^2, channels-last: " << reference << " GFLOP/s (" << threads << " threads)\n";
    if (parser.isSet(QStringLiteral("layers"))) {
        QJsonObject result = timeLayers(out, reference);
        result.insert(QStringLiteral("reference_conv_gflops"), reference);
        result.insert(QStringLiteral("threads"), threads);
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }

    struct Candidate { QString name; SegmentationModel model; };
    std::vector<Candidate> candidates;
    {
        ModelHeader h;
        h.name = QStringLiteral("reference SimpleUNet (random weights)");
        h.architecture = UNetArchitecture::simple();
        h.classes = {ClassInfo{0, {}, {}}, ClassInfo{1, {}, {}}};
        auto created = SegmentationModel::create(h);
        Candidate c;
        c.name = QStringLiteral("simple");
        c.model = std::move(*created);
        candidates.push_back(std::move(c));
    }
    const QDir models(QStringLiteral(DELINEATE_MODELS_DIR));
    for (const QString& file : models.entryList({QStringLiteral("*.dlm")}, QDir::Files, QDir::Name)) {
        auto model = SegmentationModel::load(models.filePath(file));
        if (!model) {
            QTextStream(stderr) << model.error().message << Qt::endl;
            return 1;
        }
        Candidate c;
        c.name = file;
        c.model = std::move(*model);
        candidates.push_back(std::move(c));
    }

    // bfloat16 is timed where the CPU has it natively (where "auto" picks it); elsewhere it is emulated and slow.
    const bool bfloat16 = cpuHasNativeBFloat16() && !parser.isSet(QStringLiteral("float32-only"));
    g_batchSize = parser.value(QStringLiteral("batch")).toInt();
    const double referenceBf16 = bfloat16 ? bench::referenceConvolutionGflops(torch::kBFloat16) : 0.0;
    if (bfloat16)
        out << "reference conv in bfloat16: " << referenceBf16 << " GFLOP/s\n";

    if (parser.isSet(QStringLiteral("profile"))) {
        QJsonArray profiles;
        for (Candidate& c : candidates) {
            if (!c.name.contains(parser.value(QStringLiteral("models"))))
                continue;
            for (ComputePrecision precision : {ComputePrecision::Float32, ComputePrecision::BFloat16}) {
                if (precision == ComputePrecision::BFloat16 && !bfloat16)
                    continue;
                secondsFor(syntheticVolume(2), c.model, threads, precision); // warm-up
                out << c.name << " ";
                QJsonObject profile = profileOps(out, c.model, threads, precision, slices);
                profile.insert(QStringLiteral("model"), c.name);
                profiles.append(profile);
            }
        }
        out << QJsonDocument(QJsonObject{{QStringLiteral("threads"), threads}, {QStringLiteral("profiles"), profiles}})
                   .toJson(QJsonDocument::Compact)
            << Qt::endl;
        return 0;
    }

    const Volume sample = syntheticVolume(slices);
    QJsonArray rows;
    // The default model (EM) at the precision "auto" picks on this CPU, and in float32; its bfloat16 run against
    // the bfloat16 reference (like with like).
    const ComputePrecision automatic = bfloat16 ? ComputePrecision::BFloat16 : ComputePrecision::Float32;
    double defaultRatio = 0.0, float32Ratio = 0.0, bfloat16ToBfloat16Ratio = 0.0;
    Candidate* volumeModel = &candidates.front(); // the EM model when present, else the reference network
    const QString only = parser.value(QStringLiteral("models"));
    for (Candidate& c : candidates) {
        if (!c.name.contains(only))
            continue;
        QJsonObject row{{QStringLiteral("model"), c.name}};
        const double gflop = c.model.header().architecture.forwardFlops(512, 512) / 1e9;
        row.insert(QStringLiteral("gflop_per_slice"), gflop);
        for (ComputePrecision precision : {ComputePrecision::Float32, ComputePrecision::BFloat16}) {
            if (precision == ComputePrecision::BFloat16 && !bfloat16)
                continue;
            const QString suffix = precision == ComputePrecision::Float32 ? QString() : QStringLiteral("_bf16");
            secondsFor(syntheticVolume(2), c.model, threads, precision); // warm-up: oneDNN primitives, allocator
            const double seconds = secondsFor(sample, c.model, threads, precision) / slices;
            const double gflops = gflop / seconds;
            // The ratio is always against the float32 reference convolution; bfloat16 also against its own.
            out << c.name << " (" << computePrecisionName(precision) << "): " << seconds * 1000.0 << " ms/slice, "
                << gflop << " GFLOP/slice, " << gflops << " GFLOP/s, ratio " << gflops / reference;
            if (!suffix.isEmpty())
                out << ", ratio to the bfloat16 reference " << gflops / referenceBf16;
            out << "\n";
            row.insert(QStringLiteral("ms_per_slice") + suffix, seconds * 1000.0);
            row.insert(QStringLiteral("gflops") + suffix, gflops);
            row.insert(QStringLiteral("ratio") + suffix, gflops / reference);
            if (!suffix.isEmpty())
                row.insert(QStringLiteral("ratio_to_bf16_reference"), gflops / referenceBf16);
            if (c.name.startsWith(QLatin1String("em-membranes"))) {
                volumeModel = &c;
                if (precision == automatic)
                    defaultRatio = gflops / reference;
                if (precision == ComputePrecision::Float32)
                    float32Ratio = gflops / reference;
                else
                    bfloat16ToBfloat16Ratio = gflops / referenceBf16;
            }
        }
        rows.append(row);
    }
    // Whole volume with the default model, at the precision users get ("auto") and in float32.
    const double volumeSeconds = secondsFor(syntheticVolume(volumeSlices), volumeModel->model, threads, automatic);
    out << "512x512x" << volumeSlices << " volume with " << volumeModel->name << " (" << computePrecisionName(automatic)
        << "): " << volumeSeconds << " s\n";
    double volumeSecondsFloat32 = volumeSeconds;
    if (automatic != ComputePrecision::Float32) {
        volumeSecondsFloat32 = secondsFor(syntheticVolume(volumeSlices), volumeModel->model, threads, ComputePrecision::Float32);
        out << "512x512x" << volumeSlices << " volume with " << volumeModel->name << " (float32): " << volumeSecondsFloat32 << " s\n";
    }
    out << QJsonDocument(QJsonObject{{QStringLiteral("threads"), threads},
                                     {QStringLiteral("reference_conv_gflops"), reference},
                                     {QStringLiteral("reference_conv_bf16_gflops"), referenceBf16},
                                     {QStringLiteral("ratio"), defaultRatio},
                                     {QStringLiteral("ratio_precision"), computePrecisionName(automatic)},
                                     {QStringLiteral("ratio_float32"), float32Ratio},
                                     {QStringLiteral("ratio_bf16_to_bf16_reference"), bfloat16ToBfloat16Ratio},
                                     {QStringLiteral("models"), rows},
                                     {QStringLiteral("volume_model"), volumeModel->name},
                                     {QStringLiteral("volume_slices"), volumeSlices},
                                     {QStringLiteral("volume_precision"), computePrecisionName(automatic)},
                                     {QStringLiteral("volume_s"), volumeSeconds},
                                     {QStringLiteral("volume_s_float32"), volumeSecondsFloat32}})
               .toJson(QJsonDocument::Compact)
        << Qt::endl;
    return 0;
}
