// Two model versions compared on a store's validation split, case by case.
#include "ml/VersionComparison.h"

#include "ml/OverlapMetrics.h"

#include <QCoreApplication>

namespace delineate::ml {

namespace {

// Translation context "VersionComparison" (lupdate reads it from the macro).
class ComparisonText
{
    Q_DECLARE_TR_FUNCTIONS(VersionComparison)
};

} // namespace

double foregroundDice(const OverlapReport& report)
{
    double sum = 0.0;
    int count = 0;
    for (const ClassOverlap& c : report.classes)
        if (c.value != 0) {
            sum += c.dice;
            ++count;
        }
    return count ? sum / count : 0.0;
}

Expected<VersionComparison> compareVersions(const TrainingStore& store, const ModelRegistry& registry, Engine& engine,
                                            const QString& a, const QString& b, JobControl& control)
{
    if (!registry.find(a) || !registry.find(b))
        return Error::failed(ComparisonText::tr("%1: no model versions %2 and %3 to compare").arg(store.folder(), a, b));
    auto sets = store.trainingSets(control);
    if (!sets)
        return sets.error();
    if (sets->validation.isEmpty())
        return Error::failed(ComparisonText::tr("%1: the store has no validation samples to compare on").arg(store.folder()));
    VersionComparison comparison;
    comparison.versions = {a, b};
    comparison.splitVersion = store.splitVersion();
    std::unique_ptr<EngineModel> models[2];
    for (int m = 0; m < 2; ++m) {
        auto loaded = engine.loadModel(registry.modelPath(comparison.versions[std::size_t(m)]));
        if (!loaded)
            return loaded.error();
        models[m] = std::move(loaded.value());
    }
    const int total = sets->validation.size();
    for (int n = 0; n < total; ++n) {
        if (control.isCancelled())
            return Error::cancelled();
        const TrainingPair& pair = sets->validation[n];
        CaseDice row;
        // trainingSets() names a sample's image "store:ID".
        row.sample = pair.imagePath.startsWith(QLatin1String("store:")) ? pair.imagePath.mid(6) : pair.imagePath;
        for (int m = 0; m < 2; ++m) {
            SimpleJobControl quiet;
            auto result = engine.segment(pair.image, *models[m], InferenceOptions(), quiet);
            if (!result)
                return result.error();
            auto report = compareLabelMaps(result->labels, pair.labels, comparison.versions[std::size_t(m)], pair.imagePath);
            if (!report)
                return report.error();
            row.dice[std::size_t(m)] = foregroundDice(*report);
            comparison.mean[std::size_t(m)] += row.dice[std::size_t(m)] / total;
        }
        comparison.cases.append(row);
        control.reportProgress(double(n + 1) / total, ComparisonText::tr("Comparing %1 and %2: sample %3 of %4").arg(a, b).arg(n + 1).arg(total));
    }
    return comparison;
}

} // namespace delineate::ml
