// bench_infer [--threads N] [--slices N] [--volume-slices N]: inference speed of the reference SimpleUNet and of
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

double secondsFor(const Volume& volume, const SegmentationModel& model, int threads)
{
    InferenceOptions options;
    options.threads = threads;
    options.device = QStringLiteral("cpu");
    SimpleJobControl control;
    auto result = segmentVolume(volume, model, options, control);
    if (!result) {
        QTextStream(stderr) << result.error().message << Qt::endl;
        std::exit(1);
    }
    return result->seconds;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("threads"), QStringLiteral("intra-op threads (default: all cores)"), QStringLiteral("N")},
                       {QStringLiteral("slices"), QStringLiteral("512x512 slices per model timing (default 8)"), QStringLiteral("N")},
                       {QStringLiteral("volume-slices"), QStringLiteral("slices of the whole-volume run (default 300)"), QStringLiteral("N")}});
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

    const Volume sample = syntheticVolume(slices);
    QJsonArray rows;
    double emRatio = 0.0;
    QString defaultModel;
    for (Candidate& c : candidates) {
        secondsFor(syntheticVolume(2), c.model, threads); // warm-up: oneDNN primitive creation, allocator
        const double seconds = secondsFor(sample, c.model, threads) / slices;
        const double gflop = c.model.header().architecture.forwardFlops(512, 512) / 1e9;
        const double gflops = gflop / seconds;
        out << c.name << ": " << seconds * 1000.0 << " ms/slice, " << gflop << " GFLOP/slice, " << gflops
            << " GFLOP/s, ratio " << gflops / reference << "\n";
        rows.append(QJsonObject{{QStringLiteral("model"), c.name},
                                {QStringLiteral("ms_per_slice"), seconds * 1000.0},
                                {QStringLiteral("gflop_per_slice"), gflop},
                                {QStringLiteral("gflops"), gflops},
                                {QStringLiteral("ratio"), gflops / reference}});
        if (c.name == QLatin1String("simple"))
            emRatio = gflops / reference;
        if (c.name.startsWith(QLatin1String("em-membranes")))
            defaultModel = c.name;
    }
    // Whole volume with the default model (the EM model, else the reference network).
    Candidate* volumeModel = &candidates.front();
    for (Candidate& c : candidates)
        if (c.name == defaultModel)
            volumeModel = &c;
    const double volumeSeconds = secondsFor(syntheticVolume(volumeSlices), volumeModel->model, threads);
    out << "512x512x" << volumeSlices << " volume with " << volumeModel->name << ": " << volumeSeconds << " s\n";
    out << QJsonDocument(QJsonObject{{QStringLiteral("threads"), threads},
                                     {QStringLiteral("reference_conv_gflops"), reference},
                                     {QStringLiteral("ratio"), emRatio},
                                     {QStringLiteral("models"), rows},
                                     {QStringLiteral("volume_model"), volumeModel->name},
                                     {QStringLiteral("volume_slices"), volumeSlices},
                                     {QStringLiteral("volume_s"), volumeSeconds}})
               .toJson(QJsonDocument::Compact)
        << Qt::endl;
    return 0;
}
