// The "annotator" of the loop tests and benchmarks: takes the model's result on a slice into a segmentation as an
// AI edit (so that the result is kept, as in the app), then corrects it to the reference mask by hand (one manual
// edit), through the same edit path the app's tools use. The store's Accept then measures the correction effort
// against the kept result. Torch-free: the result comes from the engine or from core/ml's inference.
#pragma once

#include "edit/AiMerge.h"
#include "edit/SegmentationDocument.h"
#include "image/ProbabilityMap.h"
#include "image/Segmentation.h"
#include "ml/InferenceTypes.h"
#include "ml/TrainingData.h"

#include <QString>

namespace delineate::testing {

// `reference` holds the label values of the EM set (0 membrane, 255 interior): the interior is the labelled
// segment, as a binary model predicts it.
inline Expected<Segmentation> correctToReference(const ml::TrainingPair& pair, const ml::SegmentationResult& result,
                                                 const QString& modelName, const QString& modelVersion)
{
    const ImageGeometry& grid = pair.image.geometry();
    LabelTable table;
    LabelEntry interior = table.makeEntry(255);
    interior.name = QStringLiteral("interior");
    if (auto set = table.set(interior); !set)
        return set.error();
    auto empty = Segmentation::fromLayers(grid, {LabelLayer::fromUInt8(std::vector<uint8_t>(pair.labels.voxelCount(), 0))}, table);
    if (!empty)
        return empty.error();
    SegmentationDocument document(std::move(*empty));
    auto map = ProbabilityMap::fromResult(result.probabilities, result.labels, 255, false);
    if (!map)
        return map.error();
    AiMergeOptions ai;
    ai.modelName = modelName;
    ai.modelVersion = modelVersion;
    ai.labelFor = {{255, 255}};
    document.beginEdit(EditKind::Ai, QStringLiteral("AI"));
    mergeAiResult(document, *map, ai, VoxelBox::everything(grid), true);
    if (auto committed = document.commitEdit(); !committed)
        return committed.error();
    document.beginEdit(EditKind::Manual, QStringLiteral("Correction"));
    for (std::size_t o = 0; o < pair.labels.voxelCount(); ++o)
        document.setVoxel(0, o, pair.labels.at(o) != 0 ? 255 : 0);
    if (auto committed = document.commitEdit(); !committed)
        return committed.error();
    return document.segmentation();
}

// The fraction of a slice's voxels whose foreground state differs between the result and the reference.
inline double changedFraction(const ml::SegmentationResult& result, const LabelMap& reference)
{
    std::size_t changed = 0;
    for (std::size_t o = 0; o < reference.voxelCount(); ++o)
        changed += (result.labels.at(o) != 0) != (reference.at(o) != 0) ? 1 : 0;
    return reference.voxelCount() ? double(changed) / double(reference.voxelCount()) : 0.0;
}

// Mean over both classes (0 and not 0) of Dice between a result and the reference, counted here.
inline double meanDice(const QVector<ml::SegmentationResult>& results, const QVector<ml::TrainingPair>& pairs)
{
    double a[2] = {0, 0}, b[2] = {0, 0}, both[2] = {0, 0};
    for (int n = 0; n < pairs.size(); ++n)
        for (std::size_t o = 0; o < pairs[n].labels.voxelCount(); ++o) {
            const int x = results[n].labels.at(o) != 0 ? 1 : 0, y = pairs[n].labels.at(o) != 0 ? 1 : 0;
            a[x] += 1;
            b[y] += 1;
            both[x] += x == y ? 1 : 0;
        }
    double sum = 0.0;
    for (int c = 0; c < 2; ++c)
        sum += a[c] + b[c] > 0 ? 2.0 * both[c] / (a[c] + b[c]) : 1.0;
    return sum / 2.0;
}

} // namespace delineate::testing
