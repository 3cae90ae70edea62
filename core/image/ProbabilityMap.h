// A network's output kept for re-thresholding without running it again: the foreground probability of every voxel
// in one byte (0..255 for 0..1: 78 MB for a 512x512x300 CT, where float32 would take 300 MB), and the label value the
// network predicts there when a voxel counts as foreground. Also where it is unsure: the uncertain band and a ranking
// of slices by entropy, so that an annotator knows where to look first.
#pragma once

#include "common/Expected.h"
#include "image/ImageGeometry.h"
#include "image/LabelLayer.h"
#include "image/LabelMap.h"
#include "image/Volume.h"

#include <cstdint>
#include <vector>

namespace delineate {

class ProbabilityMap
{
public:
    ProbabilityMap() = default;
    // All zero on `geometry`; `foregroundLabel` is the label of every foreground voxel unless per-voxel labels are
    // set (multi-class models).
    ProbabilityMap(const ImageGeometry& geometry, uint16_t foregroundLabel);
    // From an engine result: float probabilities in [0, 1] and the labels it chose (0 = background). For a binary
    // model every foreground voxel takes `foregroundLabel`; otherwise the result's own label where it is not 0.
    static Expected<ProbabilityMap> fromResult(const Volume& probabilities, const LabelMap& labels,
                                               uint16_t foregroundLabel, bool perVoxelLabels);

    const ImageGeometry& geometry() const { return m_geometry; }
    bool isEmpty() const { return m_probability.voxelCount() == 0; }
    std::size_t voxelCount() const { return m_probability.voxelCount(); }
    std::size_t byteSize() const { return m_probability.byteSize() + m_labels.byteSize(); }

    // Probability quantised to 0..255 (as a uint8 label layer, so the views can draw it through a colour table).
    const LabelLayer& probabilityBytes() const { return m_probability; }
    uint8_t probabilityByte(std::size_t offset) const { return uint8_t(m_probability.at(offset)); }
    // The smallest byte that counts as foreground at `threshold` (0..1).
    static uint8_t thresholdByte(double threshold);
    // The label the map gives at `offset` for threshold byte `t` (0 below it).
    uint16_t labelAt(std::size_t offset, uint8_t t) const
    {
        if (m_probability.at(offset) < t || m_probability.at(offset) == 0)
            return 0;
        return m_perVoxel ? m_labels.at(offset) : m_foregroundLabel;
    }
    uint16_t foregroundLabel() const { return m_foregroundLabel; }

    // Copies `part` (a map of a box cut out of this grid, starting at voxel `origin`) into this map.
    void paste(const ProbabilityMap& part, const std::array<int64_t, 3>& origin);

    // Voxels with a probability in [low, high]: 1 there, 0 elsewhere.
    LabelLayer uncertainBand(double low = 0.3, double high = 0.7) const;
    // Mean binary entropy (bits) of each slice along `axis`: the higher, the less sure the network was there.
    std::vector<double> sliceEntropy(int axis) const;

private:
    ImageGeometry m_geometry;
    LabelLayer m_probability;
    LabelLayer m_labels; // per voxel, for multi-class models
    bool m_perVoxel = false;
    uint16_t m_foregroundLabel = 1;
};

// A part of a volume (voxels [origin, origin + size)) as its own volume, on the matching sub-grid.
Volume cropVolume(const Volume& volume, const std::array<int64_t, 3>& origin, const std::array<int64_t, 3>& size);
// Mean and standard deviation of every voxel (the z-score statistics of the whole volume).
std::pair<double, double> volumeMeanAndSd(const Volume& volume);

} // namespace delineate
