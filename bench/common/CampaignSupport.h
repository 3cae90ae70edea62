// Shared by the annotation-campaign benchmarks (bench_finetune, bench_loop): the EM stack, a store with its agreed
// validation split, and the validation Dice of a model run through the engine.
#pragma once

#include "jobs/JobControl.h"
#include "ml/Engine.h"
#include "ml/OverlapMetrics.h"
#include "ml/TrainingData.h"
#include "ml/TrainingStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QString>
#include <QVector>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace delineate::bench {

inline QString emDataFolder()
{
    const QString root = qEnvironmentVariable("DELINEATE_DATA", QStringLiteral(DELINEATE_DATA_DEFAULT));
    return QDir(root).filePath(QStringLiteral("isbi2012-membrane/train"));
}

[[noreturn]] inline void die(const QString& message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(message));
    std::exit(1);
}

inline std::unique_ptr<ml::EngineModel> loadModel(ml::Engine& engine, const QString& path)
{
    auto loaded = engine.loadModel(path);
    if (!loaded)
        die(loaded.error().message);
    return std::move(loaded).value();
}

inline ml::SegmentationResult segment(ml::Engine& engine, const ml::EngineModel& model, const Volume& image)
{
    SimpleJobControl control;
    auto result = engine.segment(image, model, ml::InferenceOptions(), control);
    if (!result)
        die(result.error().message);
    return std::move(result).value();
}

// Mean Dice over both classes of `model` on the validation pairs.
inline double validationDice(ml::Engine& engine, const QString& model, const QVector<ml::TrainingPair>& pairs)
{
    const auto loaded = loadModel(engine, model);
    ml::OverlapCounter counter;
    for (const ml::TrainingPair& pair : pairs) {
        const ml::SegmentationResult result = segment(engine, *loaded, pair.image);
        counter.add(result.labels.data(), pair.labels.data(), pair.labels.voxelCount());
    }
    const ml::OverlapReport report = counter.report();
    double sum = 0.0;
    for (const ml::ClassOverlap& c : report.classes)
        sum += c.dice;
    return report.classes.isEmpty() ? 0.0 : sum / report.classes.size();
}

// A store with EM slices `train` for training and the validation split 24-29 (imported with the agreed split).
inline void makeEmStore(const QString& folder, const QVector<int>& train)
{
    auto store = TrainingStore::open(folder, true);
    if (!store)
        die(store.error().message);
    ImportOptions options;
    options.trainIndices = train;
    options.validationIndices = {24, 25, 26, 27, 28, 29};
    SimpleJobControl control;
    if (auto imported = store->importPairs(emDataFolder(), options, control); !imported)
        die(imported.error().message);
}

} // namespace delineate::bench
