// The AI merge: one pass over the region deciding each voxel from its state before the edit, the new label, the kept
// previous AI result, locks, hand edits and the overwrite policy.
#include "edit/AiMerge.h"

#include <algorithm>
#include <set>

namespace delineate {

namespace {

uint16_t mapped(const AiMergeOptions& options, uint16_t predicted)
{
    auto it = options.labelFor.find(predicted);
    return it == options.labelFor.end() ? predicted : it->second;
}

} // namespace

LabelLayer aiLabels(const ProbabilityMap& map, const AiMergeOptions& options)
{
    const uint8_t t = ProbabilityMap::thresholdByte(options.threshold);
    LabelLayer labels(map.voxelCount());
    for (std::size_t o = 0; o < map.voxelCount(); ++o)
        if (const uint16_t predicted = map.labelAt(o, t))
            labels.set(o, mapped(options, predicted));
    return labels;
}

AiMergeReport mergeAiResult(SegmentationDocument& document, const ProbabilityMap& map, const AiMergeOptions& options,
                            const VoxelBox& region, bool keepResult, const PreviousState& previous)
{
    AiMergeReport report;
    const Segmentation& s = document.segmentation();
    if (!document.isEditing() || map.voxelCount() != s.voxelCount() || region.isEmpty())
        return report;
    const uint8_t t = ProbabilityMap::thresholdByte(options.threshold);
    const auto& size = s.geometry().size();

    // Every AI label goes to one layer: the layer of the first target label the table knows (0 otherwise).
    int layer = 0;
    for (const auto& entry : options.labelFor)
        if (s.labels().contains(entry.second)) {
            layer = std::min(s.labels().layerOf(entry.second), s.layerCount() - 1);
            break;
        }
    const LabelTable& labels = s.labels();
    const std::shared_ptr<const AiResult> kept = s.sharedAiResult();
    const LabelLayer* keptLayer = kept && !kept->layers.empty() && kept->layers[0].voxelCount() == s.voxelCount()
                                      ? &kept->layers[0]
                                      : nullptr;
    std::set<uint16_t> written;

    std::array<int64_t, 3> lo{}, hi{};
    for (int a = 0; a < 3; ++a) {
        lo[a] = std::max<int64_t>(0, region.lower[a]);
        hi[a] = std::min<int64_t>(size[a] - 1, region.upper[a]);
    }
    for (int64_t k = lo[2]; k <= hi[2]; ++k)
        for (int64_t j = lo[1]; j <= hi[1]; ++j) {
            const std::size_t row = std::size_t(size[0] * (j + size[1] * k));
            for (int64_t i = lo[0]; i <= hi[0]; ++i) {
                const std::size_t o = row + std::size_t(i);
                const uint16_t predicted = map.labelAt(o, t);
                const uint16_t want = predicted ? mapped(options, predicted) : 0;
                const uint16_t previousAi = keptLayer ? keptLayer->at(o) : 0;
                const VoxelState pre = previous ? previous(layer, o)
                                                : (VoxelState(s.labelAt(layer, o)) | (s.isHandEdited(o) ? kHandEditedBit : 0u));
                const uint16_t preLabel = uint16_t(pre & 0xffff);
                const bool preHand = (pre & kHandEditedBit) != 0;
                VoxelState desired = pre;
                if (want != 0) {
                    ++report.labelled;
                    if (labels.isLocked(want) || (preLabel != 0 && labels.isLocked(preLabel))) {
                        ++report.keptLocked;
                    } else if (preHand && preLabel != want && !options.overwriteHandEdits) {
                        ++report.keptHandEdited;
                    } else if (preLabel == want || (previousAi != 0 && preLabel == previousAi)
                               || mayOverwrite(labels, options.policy, preLabel, want)) {
                        desired = VoxelState(want);
                    }
                } else if (previousAi != 0 && preLabel == previousAi && !preHand && !labels.isLocked(previousAi)) {
                    desired = 0; // the previous AI result's voxel, untouched since: retracted
                }
                if (document.setVoxelState(layer, o, desired))
                    ++report.changed;
                if ((desired & 0xffff) != 0 && (desired & kHandEditedBit) == 0)
                    written.insert(uint16_t(desired & 0xffff));
            }
        }

    // The labels the result wrote join the table (or change their maker): automatic, or semi-automatic where a
    // hand had made the label before.
    const QString algorithmName = (options.modelName + QLatin1Char(' ') + options.modelVersion).trimmed();
    LabelTable table = document.labels();
    bool tableChanged = false;
    for (uint16_t value : written) {
        LabelEntry entry = table.contains(value) ? *table.find(value) : table.makeEntry(value);
        if (!table.contains(value))
            entry.layer = layer;
        const SegmentAlgorithm algorithm = (!table.contains(value) || entry.algorithm == SegmentAlgorithm::Automatic)
                                               ? SegmentAlgorithm::Automatic
                                               : SegmentAlgorithm::SemiAutomatic;
        if (entry.algorithm != algorithm || entry.algorithmName != algorithmName || !table.contains(value)) {
            entry.algorithm = algorithm;
            entry.algorithmName = algorithmName;
            table.set(entry);
            tableChanged = true;
        }
    }
    if (tableChanged)
        document.setLabelTableInEdit(table);

    if (keepResult) {
        auto result = std::make_shared<AiResult>();
        result->modelName = options.modelName;
        result->modelVersion = options.modelVersion;
        result->created = QDateTime::currentDateTimeUtc();
        LabelLayer labelsKept = keptLayer ? *keptLayer : LabelLayer(s.voxelCount());
        for (int64_t k = lo[2]; k <= hi[2]; ++k)
            for (int64_t j = lo[1]; j <= hi[1]; ++j) {
                const std::size_t row = std::size_t(size[0] * (j + size[1] * k));
                for (int64_t i = lo[0]; i <= hi[0]; ++i) {
                    const uint16_t predicted = map.labelAt(row + std::size_t(i), t);
                    labelsKept.set(row + std::size_t(i), predicted ? mapped(options, predicted) : 0);
                }
            }
        result->layers.push_back(std::move(labelsKept));
        document.setAiResultInEdit(std::move(result));
    }
    document.flushChanges();
    return report;
}

} // namespace delineate
