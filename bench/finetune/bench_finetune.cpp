// Fine-tuning after accepted corrections, on the EM stack (frozen split: validation 24-29).
// Round 0: a model trained from scratch on slices 0-2 (fixed steps and seed). Then slices 3-22, corrected by the
// "annotator" (their reference masks), are accepted through the store's Accept path, and the round-0 model is
// fine-tuned on the store through the application's TrainingSession on its worker, while a 10 ms timer on the UI
// thread measures how late the event loop runs. The same fine-tune (steps, seed) on the store without the 20
// slices is the comparison.
// Last line: one JSON object with
//   seconds              wall time of the fine-tune with the 20 accepted slices (goal < 120 on 2 cores)
//   dice_round0          mean Dice (both classes) of the round-0 model on slices 24-29
//   dice_gain            the fine-tuned model's Dice minus dice_round0 (goal >= 0.03)
//   dice_gain_without    the same fine-tune on the store without the 20 slices
//   ui_latency_p95_ms    95th percentile of the UI timer's lateness during the fine-tune (goal < 30)
// Arguments: [--steps N] fine-tune steps per epoch (default 45), [--epochs N] (default 4), [--batch N] (4),
// [--patch N] (256), [--lr R] (1e-3), [--threads N], [--comparison 0] (skip the fine-tune without the 20 slices).
#include "CampaignSupport.h"
#include "edit/SegmentationDocument.h"
#include "image/Segmentation.h"
#include "ml/Engine.h"
#include "ml/EngineLoader.h"
#include "ml/ModelRegistry.h"
#include "ml/OverlapMetrics.h"
#include "ml/TrainingData.h"
#include "ml/TrainingStore.h"
#include "ml/TrainingTypes.h"
#include "model/SegmentationLayer.h"
#include "model/SegmentationSession.h"
#include "model/TrainingSession.h"
#include "model/ViewerState.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace delineate;

namespace {





double percentile(std::vector<double> values, double q)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(std::ceil(q * double(values.size()))) - 1)];
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateBench"));
    int steps = 45, epochs = 4, threads = 0, batch = 4, patch = 256;
    double rate = 1e-3;
    bool comparison = true;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--steps"))
            steps = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--batch"))
            batch = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--patch"))
            patch = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--lr"))
            rate = args[i + 1].toDouble();
        else if (args[i] == QLatin1String("--comparison"))
            comparison = args[i + 1].toInt() != 0;
        else if (args[i] == QLatin1String("--epochs"))
            epochs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--threads"))
            threads = args[i + 1].toInt();
    }
    if (!QFileInfo::exists(bench::emDataFolder()))
        bench::die(QStringLiteral("%1: no EM data (set DELINEATE_DATA)").arg(bench::emDataFolder()));
    auto engine = ml::EngineLoader::engine();
    if (!engine)
        bench::die(engine.error().message);
    QTemporaryDir dir;
    SimpleJobControl control;

    // Round 0: from scratch on slices 0-2.
    const QString baseStore = dir.filePath(QStringLiteral("base"));
    bench::makeEmStore(baseStore, {0, 1, 2});
    auto base = TrainingStore::open(baseStore, false);
    auto baseSets = base->trainingSets(control);
    if (!baseSets)
        bench::die(baseSets.error().message);
    ml::TrainingOptions round0;
    round0.trainingSet = baseSets->train;
    round0.validationSet = baseSets->validation;
    round0.dataName = baseStore;
    round0.epochs = 3;
    round0.stepsPerEpoch = 20;
    round0.seed = 7;
    round0.threads = threads;
    round0.outputPath = dir.filePath(QStringLiteral("round0.dlm"));
    if (auto trained = (*engine)->train(round0, control); !trained)
        bench::die(trained.error().message);
    const QVector<ml::TrainingPair> validation = baseSets->validation;
    const double diceRound0 = bench::validationDice(**engine, round0.outputPath, validation);

    // The 20 corrected slices, accepted into a copy of the store through the Accept path (the reference masks
    // stand in for the annotator's corrections).
    const QString withStore = dir.filePath(QStringLiteral("with"));
    bench::makeEmStore(withStore, {0, 1, 2});
    {
        auto store = TrainingStore::open(withStore, false);
        QVector<int> corrected;
        for (int n = 3; n <= 22; ++n)
            corrected.append(n);
        auto pairs = ml::loadTrainingPairs(bench::emDataFolder(), corrected, false, control);
        if (!pairs)
            bench::die(pairs.error().message);
        for (const ml::TrainingPair& pair : *pairs) {
            LabelTable table;
            LabelEntry interior = table.makeEntry(255);
            interior.name = QStringLiteral("interior");
            table.set(interior);
            std::vector<uint8_t> labels(pair.labels.data(), pair.labels.data() + pair.labels.voxelCount());
            auto segmentation = Segmentation::fromLayers(pair.image.geometry(), {LabelLayer::fromUInt8(std::move(labels))}, table);
            if (!segmentation)
                bench::die(segmentation.error().message);
            // One stack: the slices of a block share a group, so that the split keeps them together.
            if (auto accepted = store->accept(pair.image, *segmentation, {QStringLiteral("em-stack"), {}, {}}, AcceptOptions{}); !accepted)
                bench::die(accepted.error().message);
        }
        // The accepted stack must train: put its group on the training side should the rule have chosen otherwise.
        for (const SampleRecord& s : store->samples())
            if (s.group.startsWith(QLatin1String("patient:")) && store->roleOf(s) != SplitRole::Train)
                store->setRole(s.id, SplitRole::Train);
    }
    const auto registerRound0 = [&](const QString& folder) {
        auto registry = ml::ModelRegistry::open(folder);
        if (!registry || !registry->add(round0.outputPath, ml::ModelVersion{}))
            bench::die(QStringLiteral("%1: cannot register the round-0 model").arg(folder));
    };
    registerRound0(withStore);
    registerRound0(baseStore);

    // The fine-tune with the accepted slices through the application's TrainingSession, with a 10 ms UI timer.
    ViewerState state;
    SegmentationLayer layer;
    SegmentationSession segmentation(&state, &layer);
    TrainingSession session(&state, &segmentation);
    TrainingSettings settings;
    settings.fromActive = true;
    settings.epochs = epochs;
    settings.stepsPerEpoch = steps;
    settings.batchSize = batch;
    settings.patchSize = patch;
    settings.learningRate = rate;
    settings.seed = 11;
    settings.threads = threads;
    const auto fineTune = [&](const QString& folder, std::vector<double>* lateness, double* seconds) -> double {
        if (auto opened = session.openStore(folder); !opened)
            bench::die(opened.error().message);
        QEventLoop loop;
        bool ok = false;
        QString message;
        QObject::connect(&session, &TrainingSession::trainingFinished, &loop, [&](bool success, const QString& text) {
            ok = success;
            message = text;
            loop.quit();
        });
        QElapsedTimer clock;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        qint64 expected = 0;
        QObject::connect(&tick, &QTimer::timeout, [&]() {
            const qint64 now = clock.nsecsElapsed();
            if (lateness && expected > 0)
                lateness->push_back(std::max(0.0, double(now - expected) / 1e6));
            expected = now + 10'000'000;
        });
        clock.start();
        tick.start(10);
        if (!session.startTraining(settings))
            bench::die(session.lastError());
        loop.exec();
        *seconds = double(clock.elapsed()) / 1000.0;
        tick.stop();
        if (!ok)
            bench::die(message);
        // The version this run made: the newest one.
        return bench::validationDice(**engine, session.registry()->modelPath(session.registry()->versions().last().version), validation);
    };
    std::vector<double> lateness;
    double seconds = 0.0, secondsWithout = 0.0;
    const double diceWith = fineTune(withStore, &lateness, &seconds);
    const double diceWithout = comparison ? fineTune(baseStore, nullptr, &secondsWithout) : diceRound0;

    QJsonObject result{{QStringLiteral("seconds"), std::round(seconds * 10.0) / 10.0},
                       {QStringLiteral("seconds_without"), std::round(secondsWithout * 10.0) / 10.0},
                       {QStringLiteral("dice_round0"), diceRound0},
                       {QStringLiteral("dice_with"), diceWith},
                       {QStringLiteral("dice_without"), diceWithout},
                       {QStringLiteral("dice_gain"), diceWith - diceRound0},
                       {QStringLiteral("dice_gain_without"), diceWithout - diceRound0},
                       {QStringLiteral("ui_latency_p95_ms"), std::round(percentile(lateness, 0.95) * 100.0) / 100.0},
                       {QStringLiteral("ui_latency_max_ms"), std::round(percentile(lateness, 1.0) * 100.0) / 100.0},
                       {QStringLiteral("fine_tune"), QStringLiteral("%1 epochs x %2 steps, batch %3, patch %4, learning rate %5, seed 11")
                                                          .arg(epochs).arg(steps).arg(batch).arg(patch).arg(rate)},
                       {QStringLiteral("round0"), QStringLiteral("slices 0-2, 3 epochs x 20 steps, seed 7")}};
    QFile loadAverage(QStringLiteral("/proc/loadavg"));
    if (loadAverage.open(QIODevice::ReadOnly))
        result.insert(QStringLiteral("load_average_1min"), QString::fromLatin1(loadAverage.readAll()).section(QLatin1Char(' '), 0, 0).toDouble());
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}
