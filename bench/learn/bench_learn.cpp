// bench_learn [--seeds N] [--first-seed S] [--minutes M | --epochs E [--steps-per-epoch S]] [--arch A]
// [--threads N]: learning quality of the default `train` recipe on the EM stack. For each seed: train on slices
// 0-23 with no validation data (so nothing is chosen on the reported slices: the last, weight-averaged weights are
// kept), segment 24-29, and compare with their reference labels: membrane and interior Dice, pixel error, and the
// training minutes. Per seed and the mean over seeds; last line: JSON.
#include "CampaignSupport.h"
#include "ml/EngineLoader.h"
#include "ml/TrainingData.h"
#include "ml/TrainingTypes.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

using namespace delineate;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("seeds"), QStringLiteral("number of seeds (default 3)"), QStringLiteral("N")},
                       {QStringLiteral("first-seed"), QStringLiteral("first seed (default 1)"), QStringLiteral("S")},
                       {QStringLiteral("minutes"), QStringLiteral("training budget per seed in minutes (default: train's)"), QStringLiteral("M")},
                       {QStringLiteral("epochs"), QStringLiteral("training budget per seed in epochs instead"), QStringLiteral("E")},
                       {QStringLiteral("steps-per-epoch"), QStringLiteral("steps per epoch (default: train's)"), QStringLiteral("S")},
                       {QStringLiteral("arch"), QStringLiteral("architecture preset: unet (default) or simple"), QStringLiteral("A")},
                       {QStringLiteral("threads"), QStringLiteral("intra-op threads (default: all cores)"), QStringLiteral("N")}});
    parser.process(app);
    const int seeds = parser.value(QStringLiteral("seeds")).isEmpty() ? 3 : parser.value(QStringLiteral("seeds")).toInt();
    const int firstSeed = parser.value(QStringLiteral("first-seed")).isEmpty() ? 1 : parser.value(QStringLiteral("first-seed")).toInt();
    if (seeds < 1)
        bench::die(QStringLiteral("--seeds must be at least 1"));
    QTextStream out(stdout);
    if (!QFileInfo::exists(bench::emDataFolder()))
        bench::die(QStringLiteral("%1: no EM data (set DELINEATE_DATA)").arg(bench::emDataFolder()));

    auto engine = ml::EngineLoader::engine();
    if (!engine)
        bench::die(engine.error().message);
    if (!parser.value(QStringLiteral("threads")).isEmpty())
        (*engine)->setThreads(parser.value(QStringLiteral("threads")).toInt());
    QTemporaryDir dir;
    if (!dir.isValid())
        bench::die(QStringLiteral("cannot make a temporary folder"));

    // The reported slices and their reference labels, read once.
    SimpleJobControl control;
    auto reported = ml::loadTrainingPairs(bench::emDataFolder(), {24, 25, 26, 27, 28, 29}, false, control);
    if (!reported)
        bench::die(reported.error().message);

    QJsonArray rows;
    double sums[4] = {0.0, 0.0, 0.0, 0.0};
    for (int s = 0; s < seeds; ++s) {
        const int seed = firstSeed + s;
        ml::TrainingOptions options;
        options.dataFolder = bench::emDataFolder();
        for (int n = 0; n <= 23; ++n)
            options.trainIndices.append(n);
        options.keepLast = true; // no validation data either: nothing can be chosen on 24-29
        options.seed = uint64_t(seed);
        options.minutes = parser.value(QStringLiteral("minutes")).toDouble();
        options.epochs = parser.value(QStringLiteral("epochs")).toInt();
        if (!parser.value(QStringLiteral("steps-per-epoch")).isEmpty())
            options.stepsPerEpoch = parser.value(QStringLiteral("steps-per-epoch")).toInt();
        if (!parser.value(QStringLiteral("arch")).isEmpty())
            options.architecture = parser.value(QStringLiteral("arch"));
        options.outputPath = dir.filePath(QStringLiteral("seed%1.dlm").arg(seed));
        QElapsedTimer clock;
        clock.start();
        if (auto trained = (*engine)->train(options, control); !trained)
            bench::die(trained.error().message);
        const double minutes = double(clock.elapsed()) / 60000.0;
        const auto model = bench::loadModel(**engine, options.outputPath);
        ml::OverlapCounter counter;
        for (const ml::TrainingPair& pair : *reported) {
            const ml::SegmentationResult result = bench::segment(**engine, *model, pair.image);
            counter.add(result.labels.data(), pair.labels.data(), pair.labels.voxelCount());
        }
        const ml::OverlapReport report = counter.report();
        if (report.classes.size() != 2)
            bench::die(QStringLiteral("the reference labels of 24-29 hold %1 classes, not 2").arg(report.classes.size()));
        const double values[4] = {report.classes[0].dice, report.classes[1].dice, report.pixelError, minutes};
        for (int i = 0; i < 4; ++i)
            sums[i] += values[i];
        out << "seed " << seed << ": membrane Dice " << values[0] << ", interior Dice " << values[1] << ", pixel error "
            << values[2] << ", " << values[3] << " min\n";
        out.flush();
        rows.append(QJsonObject{{QStringLiteral("seed"), seed}, {QStringLiteral("membrane"), values[0]},
                                {QStringLiteral("interior"), values[1]}, {QStringLiteral("pixel_error"), values[2]},
                                {QStringLiteral("minutes"), values[3]}});
    }
    const QJsonObject mean{{QStringLiteral("membrane"), sums[0] / seeds}, {QStringLiteral("interior"), sums[1] / seeds},
                           {QStringLiteral("pixel_error"), sums[2] / seeds}, {QStringLiteral("minutes"), sums[3] / seeds}};
    out << QJsonDocument(QJsonObject{{QStringLiteral("protocol"), QStringLiteral("train 0-23 (no validation data, last weights kept), report 24-29")},
                                     {QStringLiteral("architecture"), parser.value(QStringLiteral("arch")).isEmpty() ? QStringLiteral("unet") : parser.value(QStringLiteral("arch"))},
                                     {QStringLiteral("seeds"), rows},
                                     {QStringLiteral("mean"), mean},
                                     {QStringLiteral("membrane"), mean.value(QStringLiteral("membrane"))},
                                     {QStringLiteral("interior"), mean.value(QStringLiteral("interior"))},
                                     {QStringLiteral("pixel_error"), mean.value(QStringLiteral("pixel_error"))},
                                     {QStringLiteral("minutes"), mean.value(QStringLiteral("minutes"))}})
               .toJson(QJsonDocument::Compact)
        << Qt::endl;
    return 0;
}
