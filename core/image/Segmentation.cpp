// Segmentation construction from files and read access.
#include "image/Segmentation.h"

#include <QCoreApplication>


namespace delineate {

namespace {
class SegmentationText
{
    Q_DECLARE_TR_FUNCTIONS(Segmentation)
};

std::size_t bitWords(std::size_t voxels)
{
    return (voxels + 63) / 64;
}
} // namespace

Segmentation::Segmentation(const ImageGeometry& geometry)
    : m_geometry(geometry), m_handEdited(bitWords(geometry.voxelCount()), 0), m_reviewed(geometry.size())
{
    m_layers.emplace_back(geometry.voxelCount());
    countLayer(0);
}

void Segmentation::countLayer(int layer)
{
    if (int(m_counts.size()) < layerCount())
        m_counts.resize(std::size_t(layerCount()));
    std::vector<std::size_t> counts = m_layers[std::size_t(layer)].histogram();
    counts.resize(65536, 0);
    m_counts[std::size_t(layer)] = std::move(counts);
}

std::size_t Segmentation::labelVoxelCount(uint16_t label) const
{
    const int layer = m_table.layerOf(label);
    if (label == 0 || layer >= layerCount())
        return 0;
    return m_counts[std::size_t(layer)][label];
}

double Segmentation::labelVolumeMl(uint16_t label) const
{
    const auto& spacing = m_geometry.spacing();
    return double(labelVoxelCount(label)) * spacing[0] * spacing[1] * spacing[2] / 1000.0;
}

Expected<Segmentation> Segmentation::fromLayers(const ImageGeometry& geometry, std::vector<LabelLayer> layers,
                                                LabelTable table, ReviewedSlices reviewed)
{
    if (layers.empty())
        return Error::failed(SegmentationText::tr("A segmentation needs at least one label layer."));
    for (const LabelLayer& layer : layers)
        if (layer.voxelCount() != geometry.voxelCount())
            return Error::failed(SegmentationText::tr("A label layer holds %1 voxels where the grid has %2.")
                                     .arg(layer.voxelCount())
                                     .arg(geometry.voxelCount()));
    Segmentation s;
    s.m_geometry = geometry;
    s.m_handEdited.assign(bitWords(geometry.voxelCount()), 0);
    s.m_reviewed = reviewed.size() == geometry.size() ? std::move(reviewed) : ReviewedSlices(geometry.size());
    for (int index = 0; index < int(layers.size()); ++index) {
        const std::vector<std::size_t> counts = layers[std::size_t(index)].histogram();
        for (std::size_t value = 1; value < counts.size(); ++value) {
            if (counts[value] == 0)
                continue;
            const LabelEntry* known = table.find(int(value));
            if (!known) {
                LabelEntry e = table.makeEntry(uint16_t(value));
                e.layer = index;
                table.set(e);
            } else if (known->layer != index && layers.size() == 1) {
                LabelEntry e = *known;
                e.layer = 0;
                table.set(e);
            }
        }
    }
    s.m_layers = std::move(layers);
    s.m_table = std::move(table);
    for (int layer = 0; layer < s.layerCount(); ++layer)
        s.countLayer(layer);
    return s;
}

bool Segmentation::hasLabel(uint16_t value, std::size_t offset) const
{
    const int layer = m_table.layerOf(value);
    return layer < layerCount() && m_layers[std::size_t(layer)].at(offset) == value;
}

Expected<LabelMap> Segmentation::layerAsLabelMap(int index) const
{
    if (index < 0 || index >= layerCount())
        return Error::failed(SegmentationText::tr("There is no label layer %1.").arg(index + 1));
    const LabelLayer& source = m_layers[std::size_t(index)];
    LabelMap map(m_geometry);
    uint8_t* out = map.data();
    if (const uint8_t* narrow = source.data8()) {
        std::copy_n(narrow, source.voxelCount(), out);
        return map;
    }
    const uint16_t* wide = source.data16();
    for (std::size_t n = 0; n < source.voxelCount(); ++n) {
        if (wide[n] > 255)
            return Error::failed(SegmentationText::tr("Label %1 does not fit in an 8-bit label map.").arg(wide[n]));
        out[n] = uint8_t(wide[n]);
    }
    return map;
}

std::size_t Segmentation::handEditedCount() const
{
    std::size_t count = 0;
    for (uint64_t word : m_handEdited)
        count += std::size_t(__builtin_popcountll(word));
    return count;
}

void Segmentation::setLayerCount(int count)
{
    const int before = layerCount();
    m_layers.resize(std::size_t(count), LabelLayer(voxelCount()));
    m_counts.resize(std::size_t(count));
    for (int layer = before; layer < count; ++layer)
        countLayer(layer);
}

bool Segmentation::operator==(const Segmentation& other) const
{
    return m_geometry.sameGridAs(other.m_geometry, 1e-9) && m_layers == other.m_layers && m_table == other.m_table
           && m_handEdited == other.m_handEdited && m_reviewed == other.m_reviewed;
}

} // namespace delineate
