// Quantised probabilities, pasting parts, the uncertain band and per-slice entropy; volume crops.
#include "image/ProbabilityMap.h"

#include "image/SlicePlane.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {
class ProbabilityMapText
{
    Q_DECLARE_TR_FUNCTIONS(ProbabilityMap)
};

// Binary entropy in bits of each quantised probability.
const std::array<double, 256>& entropyTable()
{
    static const std::array<double, 256> table = []() {
        std::array<double, 256> t{};
        for (int b = 0; b < 256; ++b) {
            const double p = b / 255.0;
            t[std::size_t(b)] = (p <= 0.0 || p >= 1.0) ? 0.0 : -(p * std::log2(p) + (1.0 - p) * std::log2(1.0 - p));
        }
        return t;
    }();
    return table;
}
} // namespace

ProbabilityMap::ProbabilityMap(const ImageGeometry& geometry, uint16_t foregroundLabel)
    : m_geometry(geometry), m_probability(geometry.voxelCount()), m_foregroundLabel(foregroundLabel)
{
}

Expected<ProbabilityMap> ProbabilityMap::fromResult(const Volume& probabilities, const LabelMap& labels,
                                                   uint16_t foregroundLabel, bool perVoxelLabels)
{
    if (probabilities.pixelType() != PixelType::Float32 || probabilities.voxelCount() != labels.voxelCount())
        return Error::failed(ProbabilityMapText::tr("The network's output does not match its labels."));
    ProbabilityMap map(probabilities.geometry(), foregroundLabel);
    const float* p = probabilities.float32Data();
    std::vector<uint8_t> bytes(probabilities.voxelCount());
    for (std::size_t o = 0; o < bytes.size(); ++o)
        bytes[o] = uint8_t(std::lround(std::clamp(double(p[o]), 0.0, 1.0) * 255.0));
    map.m_probability = LabelLayer::fromUInt8(std::move(bytes));
    if (perVoxelLabels) {
        map.m_perVoxel = true;
        map.m_labels = LabelLayer::fromUInt8(labels.labels());
    }
    return map;
}

uint8_t ProbabilityMap::thresholdByte(double threshold)
{
    // p >= threshold on the quantised scale; at least 1 so that probability 0 never counts.
    return uint8_t(std::clamp(std::ceil(std::clamp(threshold, 0.0, 1.0) * 255.0 - 1e-9), 1.0, 255.0));
}

void ProbabilityMap::paste(const ProbabilityMap& part, const std::array<int64_t, 3>& origin)
{
    const auto& size = m_geometry.size();
    const auto& partSize = part.m_geometry.size();
    if (part.m_perVoxel && !m_perVoxel) {
        m_perVoxel = true;
        m_labels = LabelLayer(voxelCount());
        for (std::size_t o = 0; o < voxelCount(); ++o)
            if (m_probability.at(o) != 0)
                m_labels.set(o, m_foregroundLabel);
    }
    for (int64_t k = 0; k < partSize[2]; ++k)
        for (int64_t j = 0; j < partSize[1]; ++j)
            for (int64_t i = 0; i < partSize[0]; ++i) {
                const int64_t x = origin[0] + i, y = origin[1] + j, z = origin[2] + k;
                if (x < 0 || y < 0 || z < 0 || x >= size[0] || y >= size[1] || z >= size[2])
                    continue;
                const std::size_t to = std::size_t(x + size[0] * (y + size[1] * z));
                const std::size_t from = std::size_t(i + partSize[0] * (j + partSize[1] * k));
                m_probability.set(to, part.m_probability.at(from));
                if (m_perVoxel)
                    m_labels.set(to, part.m_perVoxel ? part.m_labels.at(from) : part.m_foregroundLabel);
            }
}

LabelLayer ProbabilityMap::uncertainBand(double low, double high) const
{
    const int lo = int(std::lround(low * 255.0)), hi = int(std::lround(high * 255.0));
    std::vector<uint8_t> band(voxelCount());
    for (std::size_t o = 0; o < band.size(); ++o) {
        const int b = m_probability.at(o);
        band[o] = b >= lo && b <= hi ? 1 : 0;
    }
    return LabelLayer::fromUInt8(std::move(band));
}

std::vector<double> ProbabilityMap::sliceEntropy(int axis) const
{
    const SlicePlane plane = SlicePlane::natural(m_geometry.size(), axis);
    std::vector<double> entropy(std::size_t(plane.sliceCount()), 0.0);
    const auto& table = entropyTable();
    const double perSlice = double(plane.columns() * plane.rows());
    for (int64_t s = 0; s < plane.sliceCount(); ++s) {
        double sum = 0.0;
        plane.forEach(s, [&](int64_t, int64_t, std::size_t o) { sum += table[m_probability.at(o)]; });
        entropy[std::size_t(s)] = perSlice > 0 ? sum / perSlice : 0.0;
    }
    return entropy;
}

Volume cropVolume(const Volume& volume, const std::array<int64_t, 3>& origin, const std::array<int64_t, 3>& size)
{
    const ImageGeometry& g = volume.geometry();
    ImageGeometry part = g;
    part.setSize(size);
    part.setOrigin(g.indexToPhysical({double(origin[0]), double(origin[1]), double(origin[2])}));
    Volume out = Volume::uninitialized(part, volume.pixelType());
    for (int64_t k = 0; k < size[2]; ++k)
        for (int64_t j = 0; j < size[1]; ++j) {
            const std::size_t from = volume.offset(origin[0], origin[1] + j, origin[2] + k);
            const std::size_t to = std::size_t(size[0] * (j + size[1] * k));
            if (volume.pixelType() == PixelType::Int16)
                std::copy_n(volume.int16Data() + from, size[0], out.int16Data() + to);
            else
                std::copy_n(volume.float32Data() + from, size[0], out.float32Data() + to);
        }
    return out;
}

std::pair<double, double> volumeMeanAndSd(const Volume& volume)
{
    double sum = 0.0, squares = 0.0;
    const std::size_t n = volume.voxelCount();
    for (std::size_t i = 0; i < n; ++i) {
        const double v = volume.valueAt(i);
        sum += v;
        squares += v * v;
    }
    const double mean = n ? sum / double(n) : 0.0;
    const double variance = n ? std::max(0.0, squares / double(n) - mean * mean) : 0.0;
    return {mean, variance > 1e-12 ? std::sqrt(variance) : 1.0};
}

} // namespace delineate
