// A segmentation of one image series: label layers on the series' exact grid, the label table, which voxels were
// set by hand since the last AI result, and that AI result with the model that produced it. Readers get const
// access; every change goes through the edit path (SegmentationDocument), which keeps undo, the recovery journal
// and the views in step.
#pragma once

#include "common/Expected.h"
#include "image/ImageGeometry.h"
#include "image/LabelLayer.h"
#include "image/LabelMap.h"
#include "image/LabelTable.h"
#include "image/ReviewedSlices.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

namespace delineate {

// The network output kept beside the edited segmentation: the training loop measures correction effort against it.
struct AiResult
{
    QString modelName;
    QString modelVersion;
    QDateTime created;
    std::vector<LabelLayer> layers; // as produced, before any hand edit

    bool operator==(const AiResult& other) const
    {
        return modelName == other.modelName && modelVersion == other.modelVersion && created == other.created
               && layers == other.layers;
    }
};

class Segmentation
{
public:
    Segmentation() = default;
    // One empty uint8 layer on `geometry`, an empty label table.
    explicit Segmentation(const ImageGeometry& geometry);
    // Adopts layers read from a file; each must hold exactly geometry.voxelCount() voxels. Labels found in the
    // layers but missing from `table` are added with default names and colours.
    static Expected<Segmentation> fromLayers(const ImageGeometry& geometry, std::vector<LabelLayer> layers,
                                             LabelTable table, ReviewedSlices reviewed = {});

    const ImageGeometry& geometry() const { return m_geometry; }
    std::size_t voxelCount() const { return m_geometry.voxelCount(); }
    bool isEmpty() const { return m_layers.empty(); }

    int layerCount() const { return int(m_layers.size()); }
    const LabelLayer& layer(int index) const { return m_layers.at(std::size_t(index)); }
    uint16_t labelAt(int layer, std::size_t offset) const { return m_layers[std::size_t(layer)].at(offset); }
    // Label `value` at `offset` on its layer (per the table).
    bool hasLabel(uint16_t value, std::size_t offset) const;
    // One layer as a plain uint8 map (values above 255 are refused).
    Expected<LabelMap> layerAsLabelMap(int layer) const;

    const LabelTable& labels() const { return m_table; }

    // Label statistics, kept up to date by every change: voxels of `label` (on its layer) and their volume.
    std::size_t labelVoxelCount(uint16_t label) const;
    double labelVolumeMl(uint16_t label) const;
    // Voxels of each value on one layer (65536 entries).
    const std::vector<std::size_t>& layerHistogram(int layer) const { return m_counts.at(std::size_t(layer)); }

    // Voxels changed by a hand tool since the last AI result (any layer).
    bool isHandEdited(std::size_t offset) const { return (m_handEdited[offset >> 6] >> (offset & 63)) & 1u; }
    std::size_t handEditedCount() const;
    // The hand-edited marks, one bit per voxel (bit o % 64 of word o / 64), for fast readers.
    const uint64_t* handEditedBits() const { return m_handEdited.data(); }
    // The slices a reviewer marked as checked (per axis).
    const ReviewedSlices& reviewedSlices() const { return m_reviewed; }

    const AiResult* aiResult() const { return m_aiResult.get(); }
    std::shared_ptr<const AiResult> sharedAiResult() const { return m_aiResult; }

    // Voxels, table, hand-edited bits and reviewed slices (not the AI result).
    bool operator==(const Segmentation& other) const;

private:
    friend class SegmentationDocument;
    friend class LayerDiff;
    friend class EditRecord;
    friend class SegmentationSnapshot;

    void setLabel(int layer, std::size_t offset, uint16_t value)
    {
        LabelLayer& target = m_layers[std::size_t(layer)];
        std::vector<std::size_t>& counts = m_counts[std::size_t(layer)];
        --counts[target.at(offset)];
        ++counts[value];
        target.set(offset, value);
    }
    void countLayer(int layer);
    void setHandEdited(std::size_t offset, bool hand)
    {
        const uint64_t bit = uint64_t(1) << (offset & 63);
        if (hand)
            m_handEdited[offset >> 6] |= bit;
        else
            m_handEdited[offset >> 6] &= ~bit;
    }
    void setLayerCount(int count);
    void setTable(LabelTable table) { m_table = std::move(table); }
    void setAiResult(std::shared_ptr<const AiResult> result) { m_aiResult = std::move(result); }
    void setReviewedSlices(ReviewedSlices reviewed) { m_reviewed = std::move(reviewed); }

    ImageGeometry m_geometry;
    std::vector<LabelLayer> m_layers;
    std::vector<std::vector<std::size_t>> m_counts; // per layer, voxels of each value
    LabelTable m_table;
    std::vector<uint64_t> m_handEdited;
    std::shared_ptr<const AiResult> m_aiResult;
    ReviewedSlices m_reviewed;
};

} // namespace delineate
