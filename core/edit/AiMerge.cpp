// The AI merge: one pass over the region deciding each voxel from its state before the edit, the new label, the kept
// previous AI result, locks, hand edits and the overwrite policy.
#include "edit/AiMerge.h"

#include <algorithm>
#include <numeric>

namespace delineate {

namespace {

uint16_t mapped(const AiMergeOptions& options, uint16_t predicted)
{
    auto it = options.labelFor.find(predicted);
    return it == options.labelFor.end() ? predicted : it->second;
}

} // namespace

std::vector<VoxelState> regionStates(const Segmentation& s, int layer, const VoxelBox& region)
{
    std::vector<VoxelState> states;
    const auto& size = s.geometry().size();
    std::array<int64_t, 3> lo{}, hi{};
    for (int a = 0; a < 3; ++a) {
        lo[a] = std::max<int64_t>(0, region.lower[a]);
        hi[a] = std::min<int64_t>(size[a] - 1, region.upper[a]);
    }
    if (region.isEmpty())
        return states;
    states.reserve(std::size_t((hi[0] - lo[0] + 1) * (hi[1] - lo[1] + 1) * (hi[2] - lo[2] + 1)));
    for (int64_t k = lo[2]; k <= hi[2]; ++k)
        for (int64_t j = lo[1]; j <= hi[1]; ++j) {
            const std::size_t row = std::size_t(size[0] * (j + size[1] * k));
            for (int64_t i = lo[0]; i <= hi[0]; ++i) {
                const std::size_t o = row + std::size_t(i);
                states.push_back(VoxelState(s.labelAt(layer, o)) | (s.isHandEdited(o) ? kHandEditedBit : 0u));
            }
        }
    return states;
}

int aiMergeLayer(const Segmentation& s, const AiMergeOptions& options)
{
    for (const auto& entry : options.labelFor)
        if (s.labels().contains(entry.second))
            return std::min(s.labels().layerOf(entry.second), s.layerCount() - 1);
    return 0;
}

LabelLayer aiLabels(const ProbabilityMap& map, const AiMergeOptions& options)
{
    const uint8_t t = ProbabilityMap::thresholdByte(options.threshold);
    LabelLayer labels(map.voxelCount());
    for (std::size_t o = 0; o < map.voxelCount(); ++o)
        if (const uint16_t predicted = map.labelAt(o, t))
            labels.set(o, mapped(options, predicted));
    return labels;
}

namespace {

// The per-voxel rule, with the table's locks and the label mapping looked up by value.
class Decider
{
public:
    Decider(const LabelTable& labels, const AiMergeOptions& options)
        : m_labels(labels), m_options(options), m_locked(65536, 0), m_target(65536)
    {
        for (const LabelEntry& e : labels.entries())
            m_locked[e.value] = e.locked ? 1 : 0;
        std::iota(m_target.begin(), m_target.end(), uint16_t(0));
        for (const auto& [predicted, label] : options.labelFor)
            m_target[predicted] = label;
    }

    // The state a voxel should have: `pre` is its state before the edit.
    VoxelState decide(VoxelState pre, uint16_t predicted, uint16_t previousAi, AiMergeReport& report) const
    {
        const uint16_t want = predicted ? m_target[predicted] : 0;
        const uint16_t preLabel = uint16_t(pre & 0xffff);
        const bool preHand = (pre & kHandEditedBit) != 0;
        if (want != 0) {
            ++report.labelled;
            if (m_locked[want] || (preLabel != 0 && m_locked[preLabel])) {
                ++report.keptLocked;
                return pre;
            }
            if (preHand && preLabel != want && !m_options.overwriteHandEdits) {
                ++report.keptHandEdited;
                return pre;
            }
            if (preLabel == want || (previousAi != 0 && preLabel == previousAi)
                || mayOverwrite(m_labels, m_options.policy, preLabel, want))
                return VoxelState(want);
            return pre;
        }
        if (previousAi != 0 && preLabel == previousAi && !preHand && !m_locked[previousAi])
            return 0; // the previous AI result's voxel, untouched since: retracted
        return pre;
    }

private:
    const LabelTable& m_labels;
    const AiMergeOptions& m_options;
    std::vector<uint8_t> m_locked;
    std::vector<uint16_t> m_target;
};

const LabelLayer* keptLayerOf(const Segmentation& s)
{
    const AiResult* kept = s.aiResult();
    return kept && !kept->layers.empty() && kept->layers[0].voxelCount() == s.voxelCount() ? &kept->layers[0] : nullptr;
}

VoxelState stateAt(const LabelLayer& layer, const uint64_t* hand, std::size_t o)
{
    return VoxelState(layer.at(o)) | (((hand[o >> 6] >> (o & 63)) & 1u) ? kHandEditedBit : 0u);
}

// The labels the result wrote join the table (or change their maker): automatic, or semi-automatic where a hand
// had made the label before.
void markAiLabels(SegmentationDocument& document, const std::vector<uint8_t>& writtenFlags, const AiMergeOptions& options,
                  int layer)
{
    const QString algorithmName = (options.modelName + QLatin1Char(' ') + options.modelVersion).trimmed();
    LabelTable table = document.labels();
    bool tableChanged = false;
    for (int v = 1; v < 65536; ++v) {
        if (!writtenFlags[std::size_t(v)])
            continue;
        const uint16_t value = uint16_t(v);
        const bool known = table.contains(value);
        LabelEntry entry = known ? *table.find(value) : table.makeEntry(value);
        if (!known)
            entry.layer = layer;
        const SegmentAlgorithm algorithm = (!known || entry.algorithm == SegmentAlgorithm::Automatic)
                                               ? SegmentAlgorithm::Automatic
                                               : SegmentAlgorithm::SemiAutomatic;
        if (entry.algorithm != algorithm || entry.algorithmName != algorithmName || !known) {
            entry.algorithm = algorithm;
            entry.algorithmName = algorithmName;
            table.set(entry);
            tableChanged = true;
        }
    }
    if (tableChanged)
        document.setLabelTableInEdit(table);
}

std::array<std::array<int64_t, 3>, 2> clampedBounds(const VoxelBox& region, const std::array<int64_t, 3>& size)
{
    std::array<int64_t, 3> lo{}, hi{};
    for (int a = 0; a < 3; ++a) {
        lo[a] = std::max<int64_t>(0, region.lower[a]);
        hi[a] = std::min<int64_t>(size[a] - 1, region.upper[a]);
    }
    return {lo, hi};
}

} // namespace

AiMergeReport mergeAiResult(SegmentationDocument& document, const ProbabilityMap& map, const AiMergeOptions& options,
                            const VoxelBox& region, bool keepResult, const VoxelState* before)
{
    AiMergeReport report;
    const Segmentation& s = document.segmentation();
    if (!document.isEditing() || map.voxelCount() != s.voxelCount() || region.isEmpty())
        return report;
    const uint8_t t = ProbabilityMap::thresholdByte(options.threshold);
    const auto& size = s.geometry().size();
    const int layer = aiMergeLayer(s, options);
    const Decider decider(s.labels(), options);
    const LabelLayer* keptLayer = keptLayerOf(s);
    const LabelLayer& current = s.layer(layer);
    const uint64_t* hand = s.handEditedBits();
    const uint8_t* probability = map.probabilityBytes().data8();
    std::vector<uint8_t> writtenFlags(65536, 0);
    const auto [lo, hi] = clampedBounds(region, size);
    for (int64_t k = lo[2]; k <= hi[2]; ++k)
        for (int64_t j = lo[1]; j <= hi[1]; ++j) {
            const std::size_t row = std::size_t(size[0] * (j + size[1] * k));
            for (int64_t i = lo[0]; i <= hi[0]; ++i) {
                const std::size_t o = row + std::size_t(i);
                const uint16_t predicted = probability[o] >= t ? map.labelAt(o, t) : 0;
                const uint16_t previousAi = keptLayer ? keptLayer->at(o) : 0;
                const VoxelState* stored = before ? before++ : nullptr;
                // Nothing wanted and nothing of an earlier AI result here: the voxel keeps (or gets back) the state
                // it had before the edit.
                if (predicted == 0 && previousAi == 0) {
                    if (stored && *stored != stateAt(current, hand, o))
                        report.changed += document.setVoxelState(layer, o, *stored) ? 1 : 0;
                    continue;
                }
                const VoxelState desired = decider.decide(stored ? *stored : stateAt(current, hand, o), predicted,
                                                          previousAi, report);
                if (desired != stateAt(current, hand, o) && document.setVoxelState(layer, o, desired))
                    ++report.changed;
                if ((desired & 0xffff) != 0 && (desired & kHandEditedBit) == 0)
                    writtenFlags[desired & 0xffff] = 1;
            }
        }
    markAiLabels(document, writtenFlags, options, layer);

    if (keepResult) {
        auto result = std::make_shared<AiResult>();
        result->modelName = options.modelName;
        result->modelVersion = options.modelVersion;
        result->created = QDateTime::currentDateTimeUtc();
        LabelLayer labelsKept = keptLayer ? *keptLayer : LabelLayer(s.voxelCount());
        std::vector<uint16_t> target(65536);
        std::iota(target.begin(), target.end(), uint16_t(0));
        for (const auto& [predicted, label] : options.labelFor)
            target[predicted] = label;
        for (int64_t k = lo[2]; k <= hi[2]; ++k)
            for (int64_t j = lo[1]; j <= hi[1]; ++j) {
                const std::size_t row = std::size_t(size[0] * (j + size[1] * k));
                for (int64_t i = lo[0]; i <= hi[0]; ++i) {
                    const uint16_t predicted = map.labelAt(row + std::size_t(i), t);
                    labelsKept.set(row + std::size_t(i), target[predicted]);
                }
            }
        result->layers.push_back(std::move(labelsKept));
        document.setAiResultInEdit(std::move(result));
    }
    document.flushChanges();
    return report;
}

AiSlab gatherAiSlab(const Segmentation& s, const ProbabilityMap& map, int layer, const VoxelBox& slab)
{
    AiSlab gathered;
    gathered.layer = layer;
    const auto& size = s.geometry().size();
    const auto [lo, hi] = clampedBounds(slab, size);
    if (slab.isEmpty() || map.voxelCount() != s.voxelCount())
        return gathered;
    const std::size_t count = std::size_t((hi[0] - lo[0] + 1) * (hi[1] - lo[1] + 1) * (hi[2] - lo[2] + 1));
    gathered.offsets.reserve(count);
    gathered.probability.reserve(count);
    gathered.predicted.reserve(count);
    gathered.previousAi.reserve(count);
    gathered.before.reserve(count);
    const LabelLayer* keptLayer = keptLayerOf(s);
    const LabelLayer& current = s.layer(layer);
    const uint64_t* hand = s.handEditedBits();
    for (int64_t k = lo[2]; k <= hi[2]; ++k)
        for (int64_t j = lo[1]; j <= hi[1]; ++j) {
            const std::size_t row = std::size_t(size[0] * (j + size[1] * k));
            for (int64_t i = lo[0]; i <= hi[0]; ++i) {
                const std::size_t o = row + std::size_t(i);
                gathered.offsets.push_back(o);
                gathered.probability.push_back(map.probabilityByte(o));
                gathered.predicted.push_back(map.labelAt(o, 1));
                gathered.previousAi.push_back(keptLayer ? keptLayer->at(o) : 0);
                gathered.before.push_back(stateAt(current, hand, o));
            }
        }
    gathered.shown = gathered.before;
    return gathered;
}

std::size_t previewAiSlab(SegmentationDocument& document, AiSlab& slab, const AiMergeOptions& options)
{
    if (!document.isEditing())
        return 0;
    const uint8_t t = ProbabilityMap::thresholdByte(options.threshold);
    const Decider decider(document.labels(), options);
    AiMergeReport report;
    std::vector<uint8_t> writtenFlags(65536, 0);
    std::size_t changed = 0;
    // Sequential over the gathered copies; only the voxels whose state changes are written (scattered).
    for (std::size_t n = 0; n < slab.offsets.size(); ++n) {
        const uint16_t predicted = slab.probability[n] >= t ? slab.predicted[n] : 0;
        const VoxelState desired = (predicted == 0 && slab.previousAi[n] == 0)
                                       ? slab.before[n]
                                       : decider.decide(slab.before[n], predicted, slab.previousAi[n], report);
        if (desired == slab.shown[n])
            continue;
        slab.shown[n] = desired;
        changed += document.setVoxelState(slab.layer, slab.offsets[n], desired) ? 1 : 0;
        if ((desired & 0xffff) != 0 && (desired & kHandEditedBit) == 0)
            writtenFlags[desired & 0xffff] = 1;
    }
    markAiLabels(document, writtenFlags, options, slab.layer);
    document.flushChanges();
    return changed;
}

} // namespace delineate
