// A simulated annotation campaign on the EM stack (frozen split: validation 24-29).
// Round 0: a model trained from scratch on slices 0-2, exactly as bench_finetune's round 0 (3 epochs x 20 steps,
// seed 7, default architecture). Then, in each of 5 rounds, the current model segments every slice of 3-23 not
// yet corrected; 3 of them are picked, the "annotator" takes each result in as an AI edit and corrects it to the
// reference mask through the edit path (tests/support/SimulatedAnnotator.h), the corrections are accepted into the
// store through TrainingStore::accept (the "Accept correction" call), and the current model is fine-tuned on the
// store (fixed steps, seed 11 + round) to become the next round's model. Two orders, each on its own store and
// from the same round-0 model:
//   next_to_correct  highest mean entropy of the model's probabilities first (ProbabilityMap::sliceEntropy, the
//                    ranking of the app's "Next uncertain slice")
//   random           seeded random (std::mt19937, seed 5; index = draw modulo the slices left)
// Per round: the validation Dice on 24-29 (mean of both classes) of the model fine-tuned that round, and the
// correction effort (mean fraction of pixels changed to accept, from the accepted SampleRecord's effortFraction) of
// the 3 slices corrected that round. Also, per round and order, the mean effort over every candidate the model
// segmented (what correcting any slice would have cost), so that the picks can be judged against it.
// Last line: one JSON object with
//   rounds            [{round, slices_*, effort_*, dice_*, entropy_*, candidates_effort_*} for * = next_to_correct
//                      and random]
//   next_to_correct, random   {effort_first, effort_last, dice_last, slices}
//   effort_first, effort_last, dice_last   the next_to_correct order's
//   dice_round0, seconds (whole run), load_average_1min
// Arguments: [--steps N] fine-tune steps per epoch (default 20), [--epochs N] (default 2), [--threads N] (training
// and inference; default all cores), [--rounds N] (default 5), [--per-round N] (default 3).
#include "CampaignSupport.h"
#include "SimulatedAnnotator.h"
#include "image/ProbabilityMap.h"
#include "image/Segmentation.h"
#include "ml/Engine.h"
#include "ml/EngineLoader.h"
#include "ml/OverlapMetrics.h"
#include "ml/TrainingData.h"
#include "ml/TrainingStore.h"
#include "ml/TrainingTypes.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

using namespace delineate;

namespace {



void progress(const QString& message)
{
    std::fprintf(stderr, "bench_loop: %s\n", qPrintable(message));
    std::fflush(stderr);
}





// The mean binary entropy of the model's probabilities on a slice: the app's "Next uncertain slice" ranking
// (AiSession::nextUncertainSlice) on a one-slice volume.
double meanEntropy(const ml::SegmentationResult& result)
{
    auto map = ProbabilityMap::fromResult(result.probabilities, result.labels, 255, false);
    if (!map)
        bench::die(map.error().message);
    const std::vector<double> entropy = map->sliceEntropy(2);
    return entropy.empty() ? 0.0 : entropy.front();
}

double round4(double value)
{
    return std::round(value * 1e4) / 1e4;
}

struct Settings
{
    int steps = 20, epochs = 2, threads = 0, rounds = 5, perRound = 3;
};

struct RoundFigures
{
    QVector<int> slices;
    double effort = 0.0;           // mean effortFraction of the accepted slices
    double entropy = 0.0;          // their mean entropy under the model that segmented them
    double candidatesEffort = 0.0; // mean changed fraction over every candidate segmented this round
    double dice = 0.0;             // validation Dice of the model fine-tuned this round
    double seconds = 0.0;          // the fine-tune's wall time
};

enum class Order { NextToCorrect, Random };

QVector<RoundFigures> campaign(ml::Engine& engine, Order order, const QString& folder, const QString& round0Model,
                               const QVector<ml::TrainingPair>& candidatesAll, const QVector<int>& candidateIndices,
                               const QVector<ml::TrainingPair>& validation, const Settings& settings)
{
    const QString name = order == Order::NextToCorrect ? QStringLiteral("next to correct") : QStringLiteral("random");
    const QString storeFolder = QDir(folder).filePath(QStringLiteral("store"));
    bench::makeEmStore(storeFolder, {0, 1, 2});
    auto store = TrainingStore::open(storeFolder, false);
    if (!store)
        bench::die(store.error().message);
    std::mt19937 random(5);
    QVector<int> remaining; // positions in candidatesAll
    for (int n = 0; n < candidatesAll.size(); ++n)
        remaining.append(n);
    QString model = round0Model;
    QVector<RoundFigures> figures;
    SimpleJobControl control;
    for (int round = 1; round <= settings.rounds && remaining.size() >= settings.perRound; ++round) {
        RoundFigures f;
        // The current model segments every slice still to correct.
        const auto current = bench::loadModel(engine, model);
        QVector<ml::SegmentationResult> results;
        QVector<double> entropy;
        for (int n : remaining) {
            results.append(bench::segment(engine, *current, candidatesAll[n].image));
            entropy.append(meanEntropy(results.last()));
            f.candidatesEffort += testing::changedFraction(results.last(), candidatesAll[n].labels);
        }
        f.candidatesEffort /= remaining.size();
        // The picks, as positions in `remaining`.
        QVector<int> picks;
        if (order == Order::NextToCorrect) {
            QVector<int> ranking;
            for (int k = 0; k < remaining.size(); ++k)
                ranking.append(k);
            std::stable_sort(ranking.begin(), ranking.end(), [&](int a, int b) { return entropy[a] > entropy[b]; });
            picks = ranking.mid(0, settings.perRound);
        } else {
            QVector<int> left;
            for (int k = 0; k < remaining.size(); ++k)
                left.append(k);
            for (int p = 0; p < settings.perRound; ++p) {
                const int at = int(random() % uint32_t(left.size()));
                picks.append(left[at]);
                left.removeAt(at);
            }
        }
        // The annotator corrects them; they are accepted through the Accept path.
        for (int k : picks) {
            const int n = remaining[k];
            const ml::TrainingPair& pair = candidatesAll[n];
            auto corrected = testing::correctToReference(pair, results[k], QStringLiteral("bench_loop"), QString::number(round - 1));
            if (!corrected)
                bench::die(corrected.error().message);
            auto accepted = store->accept(pair.image, *corrected, {QStringLiteral("em-stack"), {}, {}}, AcceptOptions{});
            if (!accepted)
                bench::die(accepted.error().message);
            if (std::abs(accepted->effortFraction - testing::changedFraction(results[k], pair.labels)) > 1e-9)
                bench::die(QStringLiteral("slice %1: the store recorded an effort of %2, the annotator changed %3")
                        .arg(candidateIndices[n])
                        .arg(accepted->effortFraction)
                        .arg(testing::changedFraction(results[k], pair.labels)));
            f.slices.append(candidateIndices[n]);
            f.effort += accepted->effortFraction;
            f.entropy += entropy[k];
        }
        f.effort /= picks.size();
        f.entropy /= picks.size();
        // The accepted stack trains: its group goes to the training side should the store's rule have chosen
        // otherwise (as bench_finetune does).
        for (const SampleRecord& s : store->samples())
            if (s.group.startsWith(QLatin1String("patient:")) && store->roleOf(s) != SplitRole::Train)
                if (auto set = store->setRole(s.id, SplitRole::Train); !set)
                    bench::die(set.error().message);
        QVector<int> taken = picks;
        std::sort(taken.begin(), taken.end(), std::greater<int>());
        for (int k : taken)
            remaining.removeAt(k);

        // Fine-tune the current model on the store.
        auto sets = store->trainingSets(control);
        if (!sets)
            bench::die(sets.error().message);
        if (sets->validation.size() != validation.size())
            bench::die(QStringLiteral("the validation split changed: %1 samples").arg(sets->validation.size()));
        ml::TrainingOptions options;
        options.trainingSet = sets->train;
        options.validationSet = sets->validation;
        options.dataName = storeFolder;
        options.fromModel = model;
        options.epochs = settings.epochs;
        options.stepsPerEpoch = settings.steps;
        options.seed = uint64_t(11 + round);
        options.threads = settings.threads;
        options.outputPath = QDir(folder).filePath(QStringLiteral("round%1.dlm").arg(round));
        progress(QStringLiteral("%1, round %2: corrected slices %3 (effort %4), fine-tuning on %5 training samples")
                     .arg(name)
                     .arg(round)
                     .arg([&] {
                         QStringList s;
                         for (int n : f.slices)
                             s << QString::number(n);
                         return s.join(QLatin1Char(','));
                     }())
                     .arg(f.effort, 0, 'f', 4)
                     .arg(sets->train.size()));
        QElapsedTimer clock;
        clock.start();
        if (auto trained = engine.train(options, control); !trained)
            bench::die(trained.error().message);
        f.seconds = double(clock.elapsed()) / 1000.0;
        model = options.outputPath;
        f.dice = bench::validationDice(engine, model, validation);
        progress(QStringLiteral("%1, round %2: validation Dice %3 (fine-tune %4 s)")
                     .arg(name)
                     .arg(round)
                     .arg(f.dice, 0, 'f', 4)
                     .arg(f.seconds, 0, 'f', 1));
        figures.append(f);
    }
    return figures;
}

QJsonArray toJson(const QVector<int>& values)
{
    QJsonArray array;
    for (int v : values)
        array.append(v);
    return array;
}

QJsonObject summary(const QVector<RoundFigures>& figures)
{
    QJsonArray slices;
    for (const RoundFigures& f : figures)
        for (int n : f.slices)
            slices.append(n);
    if (figures.isEmpty())
        return {};
    return {{QStringLiteral("effort_first"), round4(figures.first().effort)},
            {QStringLiteral("effort_last"), round4(figures.last().effort)},
            {QStringLiteral("dice_last"), round4(figures.last().dice)},
            {QStringLiteral("slices"), slices}};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    Settings settings;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--steps"))
            settings.steps = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--epochs"))
            settings.epochs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--threads"))
            settings.threads = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--rounds"))
            settings.rounds = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--per-round"))
            settings.perRound = args[i + 1].toInt();
    }
    if (settings.steps < 1 || settings.epochs < 1 || settings.rounds < 1 || settings.perRound < 1)
        bench::die(QStringLiteral("--steps, --epochs, --rounds and --per-round take a positive number"));
    if (!QFileInfo::exists(bench::emDataFolder()))
        bench::die(QStringLiteral("%1: no EM data (set DELINEATE_DATA)").arg(bench::emDataFolder()));
    QElapsedTimer total;
    total.start();
    auto engine = ml::EngineLoader::engine();
    if (!engine)
        bench::die(engine.error().message);
    if (settings.threads > 0)
        (*engine)->setThreads(settings.threads);
    QTemporaryDir dir;
    SimpleJobControl control;

    // Round 0: from scratch on slices 0-2, as bench_finetune's round 0.
    const QString baseStore = dir.filePath(QStringLiteral("base"));
    bench::makeEmStore(baseStore, {0, 1, 2});
    auto base = TrainingStore::open(baseStore, false);
    if (!base)
        bench::die(base.error().message);
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
    round0.threads = settings.threads;
    round0.outputPath = dir.filePath(QStringLiteral("round0.dlm"));
    progress(QStringLiteral("round 0: training from scratch on slices 0-2"));
    if (auto trained = (*engine)->train(round0, control); !trained)
        bench::die(trained.error().message);
    const QVector<ml::TrainingPair> validation = baseSets->validation;
    const double diceRound0 = bench::validationDice(**engine, round0.outputPath, validation);
    progress(QStringLiteral("round 0: validation Dice %1").arg(diceRound0, 0, 'f', 4));

    // The candidates: slices 3-23 of the training side.
    QVector<int> candidateIndices;
    for (int n = 3; n <= 23; ++n)
        candidateIndices.append(n);
    auto candidates = ml::loadTrainingPairs(bench::emDataFolder(), candidateIndices, false, control);
    if (!candidates)
        bench::die(candidates.error().message);

    const auto run = [&](Order order, const QString& name) {
        const QString folder = dir.filePath(name);
        QDir().mkpath(folder);
        return campaign(**engine, order, folder, round0.outputPath, *candidates, candidateIndices, validation, settings);
    };
    const QVector<RoundFigures> next = run(Order::NextToCorrect, QStringLiteral("next_to_correct"));
    const QVector<RoundFigures> random = run(Order::Random, QStringLiteral("random"));

    QJsonArray rounds;
    for (int r = 0; r < std::min(next.size(), random.size()); ++r) {
        QJsonObject o{{QStringLiteral("round"), r + 1}};
        const auto add = [&](const QString& suffix, const RoundFigures& f) {
            o.insert(QStringLiteral("slices_") + suffix, toJson(f.slices));
            o.insert(QStringLiteral("effort_") + suffix, round4(f.effort));
            o.insert(QStringLiteral("dice_") + suffix, round4(f.dice));
            o.insert(QStringLiteral("entropy_") + suffix, round4(f.entropy));
            o.insert(QStringLiteral("candidates_effort_") + suffix, round4(f.candidatesEffort));
            o.insert(QStringLiteral("seconds_") + suffix, std::round(f.seconds * 10.0) / 10.0);
        };
        add(QStringLiteral("next_to_correct"), next[r]);
        add(QStringLiteral("random"), random[r]);
        rounds.append(o);
    }
    const QJsonObject nextSummary = summary(next);
    QJsonObject result{{QStringLiteral("rounds"), rounds},
                       {QStringLiteral("next_to_correct"), nextSummary},
                       {QStringLiteral("random"), summary(random)},
                       {QStringLiteral("effort_first"), nextSummary.value(QStringLiteral("effort_first"))},
                       {QStringLiteral("effort_last"), nextSummary.value(QStringLiteral("effort_last"))},
                       {QStringLiteral("dice_last"), nextSummary.value(QStringLiteral("dice_last"))},
                       {QStringLiteral("dice_round0"), round4(diceRound0)},
                       {QStringLiteral("seconds"), std::round(double(total.elapsed()) / 100.0) / 10.0},
                       {QStringLiteral("fine_tune"), QStringLiteral("%1 epochs x %2 steps per round, batch 4, patch 256, seed 11 + round")
                                                         .arg(settings.epochs)
                                                         .arg(settings.steps)},
                       {QStringLiteral("round0"), QStringLiteral("slices 0-2, 3 epochs x 20 steps, seed 7")},
                       {QStringLiteral("campaign"), QStringLiteral("%1 rounds x %2 slices from 3-23").arg(settings.rounds).arg(settings.perRound)}};
    QFile loadAverage(QStringLiteral("/proc/loadavg"));
    if (loadAverage.open(QIODevice::ReadOnly))
        result.insert(QStringLiteral("load_average_1min"), QString::fromLatin1(loadAverage.readAll()).section(QLatin1Char(' '), 0, 0).toDouble());
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}
