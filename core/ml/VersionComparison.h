// Two model versions of a store compared on its validation split, case by case (the registry's "compare"): each
// validation sample segmented by both, the foreground Dice of each against the accepted mask. Used by
// `delineate-cli models compare` and the Training panel. Torch-free: the networks run in the engine.
#pragma once

#include "common/Expected.h"
#include "jobs/JobControl.h"
#include "ml/Engine.h"
#include "ml/OverlapMetrics.h"
#include "ml/ModelRegistry.h"
#include "ml/TrainingStore.h"

#include <QString>
#include <QVector>

#include <array>

namespace delineate::ml {

struct CaseDice
{
    QString sample;              // the store's sample id
    std::array<double, 2> dice;  // foreground Dice of version A and of version B
};

struct VersionComparison
{
    std::array<QString, 2> versions;
    QVector<CaseDice> cases;
    std::array<double, 2> mean{0.0, 0.0};
    int splitVersion = 0;
};

// Mean Dice over the foreground classes of the reference (and those the prediction adds).
double foregroundDice(const OverlapReport& report);

Expected<VersionComparison> compareVersions(const TrainingStore& store, const ModelRegistry& registry, Engine& engine,
                                            const QString& a, const QString& b, JobControl& control);

} // namespace delineate::ml
