// Run-length diffs of label layers, their compression and the binary form of edit records.
#include "edit/EditRecord.h"

#include "common/Compression.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstring>

#include <algorithm>

namespace delineate {

namespace {

class EditRecordText
{
    Q_DECLARE_TR_FUNCTIONS(EditRecord)
};

// Version 2 added the reviewed slices; version 1 records (without them) are still read.
constexpr uint32_t kRecordVersion = 2;

VoxelState stateOf(const Segmentation& s, int layer, std::size_t offset)
{
    return VoxelState(s.labelAt(layer, offset)) | (s.isHandEdited(offset) ? kHandEditedBit : 0u);
}

void writeBox(ByteWriter& out, const VoxelBox& box)
{
    for (int a = 0; a < 3; ++a) {
        out.i64(box.lower[a]);
        out.i64(box.upper[a]);
    }
}

VoxelBox readBox(ByteReader& in)
{
    VoxelBox box;
    for (int a = 0; a < 3; ++a) {
        box.lower[a] = in.i64();
        box.upper[a] = in.i64();
    }
    return box;
}

Error damaged(const QString& what)
{
    return Error::failed(EditRecordText::tr("damaged edit record (%1)").arg(what));
}

} // namespace

VoxelBox VoxelBox::everything(const ImageGeometry& geometry)
{
    VoxelBox box;
    box.lower = {0, 0, 0};
    box.upper = {geometry.size()[0] - 1, geometry.size()[1] - 1, geometry.size()[2] - 1};
    return box;
}

void VoxelBox::include(int64_t i, int64_t j, int64_t k)
{
    lower = {std::min(lower[0], i), std::min(lower[1], j), std::min(lower[2], k)};
    upper = {std::max(upper[0], i), std::max(upper[1], j), std::max(upper[2], k)};
}

void VoxelBox::include(const VoxelBox& other)
{
    if (other.isEmpty())
        return;
    include(other.lower[0], other.lower[1], other.lower[2]);
    include(other.upper[0], other.upper[1], other.upper[2]);
}

// Turns voxels given in increasing offset order, each with its state before and after, into the deflated run list.
class LayerDiff::RunWriter
{
public:
    RunWriter(int layer, const std::array<int64_t, 3>& size) : m_size(size)
    {
        m_diff.m_layer = layer;
    }
    void add(uint64_t offset, VoxelState before, VoxelState after)
    {
        if (before == after)
            return;
        if (m_length > 0 && offset == m_start + m_length && before == m_before && after == m_after) {
            ++m_length;
            return;
        }
        flush();
        m_start = offset;
        m_length = 1;
        m_before = before;
        m_after = after;
    }
    LayerDiff finish()
    {
        flush();
        m_diff.m_rawSize = std::size_t(m_runs.data().size());
        if (m_diff.m_changed > 0)
            m_diff.m_encoded = deflateBytes(m_runs.data().constData(), m_diff.m_rawSize);
        return std::move(m_diff);
    }

private:
    void flush()
    {
        if (m_length == 0)
            return;
        m_runs.varint(m_start - m_end);
        m_runs.varint(m_length);
        m_runs.varint(m_before);
        m_runs.varint(m_after);
        m_end = m_start + m_length;
        m_diff.m_changed += std::size_t(m_length);
        const uint64_t sliceSize = uint64_t(m_size[0] * m_size[1]);
        // The run lies within one row unless it wraps; include its first and last voxel (rows are contiguous in i).
        for (uint64_t o : {m_start, m_start + m_length - 1}) {
            const int64_t k = int64_t(o / sliceSize), rest = int64_t(o % sliceSize);
            m_diff.m_bounds.include(rest % m_size[0], rest / m_size[0], k);
        }
        if (m_length > 1 && (m_start / uint64_t(m_size[0])) != ((m_start + m_length - 1) / uint64_t(m_size[0]))) {
            m_diff.m_bounds.lower[0] = 0; // a run across rows covers whole rows
            m_diff.m_bounds.upper[0] = m_size[0] - 1;
        }
        m_length = 0;
    }

    std::array<int64_t, 3> m_size;
    LayerDiff m_diff;
    ByteWriter m_runs;
    uint64_t m_end = 0; // one past the last voxel of the previous run
    uint64_t m_start = 0;
    uint64_t m_length = 0;
    VoxelState m_before = 0, m_after = 0;
};

LayerDiff LayerDiff::build(int layer, const Touched& touched, const Segmentation& after)
{
    RunWriter writer(layer, after.geometry().size());
    for (const auto& [offset, before] : touched)
        writer.add(offset, before, stateOf(after, layer, std::size_t(offset)));
    return writer.finish();
}

Expected<LayerDiff> LayerDiff::combine(const LayerDiff& earlier, const Touched& later, const Segmentation& after)
{
    // Every voxel of either edit, in offset order; where both changed it, the state before is the earlier edit's.
    auto raw = inflateBytes(earlier.m_encoded, earlier.m_rawSize);
    if (!raw)
        return raw.error();
    ByteReader in(*raw);
    RunWriter writer(earlier.m_layer, after.geometry().size());
    const uint64_t voxels = after.voxelCount();
    uint64_t runStart = 0, runLength = 0, position = 0;
    VoxelState runBefore = 0;
    const auto nextRun = [&]() -> bool {
        if (in.atEnd())
            return false;
        const uint64_t skip = in.varint(), length = in.varint();
        runBefore = VoxelState(in.varint());
        in.varint(); // the earlier "after": superseded by the segmentation now
        if (!in.ok() || position + skip + length > voxels)
            return false;
        runStart = position + skip;
        runLength = length;
        position = runStart + length;
        return true;
    };
    bool haveRun = nextRun();
    std::size_t n = 0;
    uint64_t inRun = 0; // voxels of the current run already emitted
    while (haveRun || n < later.size()) {
        const uint64_t runOffset = haveRun ? runStart + inRun : UINT64_MAX;
        const uint64_t laterOffset = n < later.size() ? later[n].first : UINT64_MAX;
        const uint64_t offset = std::min(runOffset, laterOffset);
        const VoxelState before = offset == runOffset ? runBefore : later[n].second;
        writer.add(offset, before, stateOf(after, earlier.m_layer, std::size_t(offset)));
        if (offset == runOffset && ++inRun == runLength) {
            inRun = 0;
            haveRun = nextRun();
        }
        if (offset == laterOffset)
            ++n;
    }
    if (!in.ok())
        return damaged(EditRecordText::tr("a run lies outside the volume"));
    return writer.finish();
}

Expected<void> LayerDiff::apply(Segmentation& segmentation, bool forward) const
{
    if (m_changed == 0)
        return {};
    if (m_layer < 0 || m_layer >= segmentation.layerCount())
        return damaged(EditRecordText::tr("layer %1 does not exist").arg(m_layer + 1));
    auto raw = inflateBytes(m_encoded, m_rawSize);
    if (!raw)
        return raw.error();
    ByteReader in(*raw);
    const uint64_t voxels = segmentation.voxelCount();
    uint64_t position = 0;
    std::size_t applied = 0;
    while (!in.atEnd()) {
        const uint64_t skip = in.varint();
        const uint64_t length = in.varint();
        const VoxelState before = VoxelState(in.varint());
        const VoxelState now = VoxelState(in.varint());
        if (!in.ok() || skip > voxels || length > voxels || position + skip + length > voxels)
            return damaged(EditRecordText::tr("a run lies outside the volume"));
        position += skip;
        const VoxelState state = forward ? now : before;
        const uint16_t label = uint16_t(state & 0xffff);
        const bool hand = (state & kHandEditedBit) != 0;
        for (uint64_t o = position; o < position + length; ++o) {
            segmentation.setLabel(m_layer, std::size_t(o), label);
            segmentation.setHandEdited(std::size_t(o), hand);
        }
        position += length;
        applied += std::size_t(length);
    }
    if (applied != m_changed)
        return damaged(EditRecordText::tr("%1 voxels where %2 were recorded").arg(applied).arg(m_changed));
    return {};
}

void LayerDiff::write(ByteWriter& out) const
{
    out.varint(uint64_t(m_layer));
    writeBox(out, m_bounds);
    out.varint(m_changed);
    out.varint(m_rawSize);
    out.bytes(m_encoded);
}

Expected<LayerDiff> LayerDiff::read(ByteReader& in)
{
    LayerDiff diff;
    diff.m_layer = int(in.varint());
    diff.m_bounds = readBox(in);
    diff.m_changed = std::size_t(in.varint());
    diff.m_rawSize = std::size_t(in.varint());
    diff.m_encoded = in.bytes();
    // A run takes at least 4 bytes; anything claiming more than 64 bytes per changed voxel is damaged.
    if (!in.ok() || diff.m_layer > 255 || diff.m_rawSize > 64 * (diff.m_changed + 1))
        return damaged(EditRecordText::tr("layer diff header"));
    return diff;
}

VoxelBox EditRecord::bounds() const
{
    VoxelBox box;
    for (const LayerDiff& d : diffs)
        box.include(d.bounds());
    return box;
}

std::size_t EditRecord::changedVoxels() const
{
    std::size_t n = 0;
    for (const LayerDiff& d : diffs)
        n += d.changedVoxels();
    return n;
}

std::size_t EditRecord::byteSize() const
{
    std::size_t bytes = sizeof(*this) + std::size_t(description.size()) * 2;
    for (const LayerDiff& d : diffs)
        bytes += d.byteSize();
    if (tableBefore)
        bytes += std::size_t(tableBefore->size()) * sizeof(LabelEntry);
    if (tableAfter)
        bytes += std::size_t(tableAfter->size()) * sizeof(LabelEntry);
    for (const auto& ai : {aiBefore, aiAfter})
        if (ai)
            for (const LabelLayer& layer : ai->layers)
                bytes += layer.byteSize();
    return bytes;
}

Expected<void> EditRecord::apply(Segmentation& segmentation, bool forward) const
{
    // Redo grows the layers before writing into them; undo writes the old states, then shrinks.
    if (forward && layerCountAfter > segmentation.layerCount())
        segmentation.setLayerCount(layerCountAfter);
    if (!forward && layerCountBefore > segmentation.layerCount())
        segmentation.setLayerCount(layerCountBefore);
    for (const LayerDiff& d : diffs)
        if (auto applied = d.apply(segmentation, forward); !applied)
            return applied;
    if (forward && layerCountAfter < segmentation.layerCount())
        segmentation.setLayerCount(layerCountAfter);
    if (!forward && layerCountBefore < segmentation.layerCount())
        segmentation.setLayerCount(layerCountBefore);
    if (forward && tableAfter)
        segmentation.setTable(*tableAfter);
    if (!forward && tableBefore)
        segmentation.setTable(*tableBefore);
    if (const auto& review = forward ? reviewAfter : reviewBefore; review) {
        if (review->size() != segmentation.geometry().size())
            return Error::failed(EditRecordText::tr("The reviewed slices of an edit do not fit the segmentation."));
        segmentation.setReviewedSlices(*review);
    }
    if (aiChanged) {
        const auto& result = forward ? aiAfter : aiBefore;
        if (result)
            for (const LabelLayer& layer : result->layers)
                if (layer.voxelCount() != segmentation.voxelCount())
                    return damaged(EditRecordText::tr("the AI result has another size"));
        segmentation.setAiResult(result);
    }
    return {};
}

void writeReviewedSlices(ByteWriter& out, const std::optional<ReviewedSlices>& reviewed)
{
    out.u8(reviewed ? 1 : 0);
    if (!reviewed)
        return;
    for (int a = 0; a < 3; ++a)
        out.i64(reviewed->size()[std::size_t(a)]);
    out.bytes(QJsonDocument(reviewed->toJson()).toJson(QJsonDocument::Compact));
}

Expected<std::optional<ReviewedSlices>> readReviewedSlices(ByteReader& in)
{
    if (in.u8() == 0)
        return std::optional<ReviewedSlices>();
    std::array<int64_t, 3> size{};
    for (int a = 0; a < 3; ++a)
        size[std::size_t(a)] = in.i64();
    const QByteArray json = in.bytes();
    if (!in.ok() || size[0] < 1 || size[1] < 1 || size[2] < 1 || size[0] > (1 << 20) || size[1] > (1 << 20) || size[2] > (1 << 20))
        return damaged(EditRecordText::tr("reviewed slices"));
    auto reviewed = ReviewedSlices::fromJson(QJsonDocument::fromJson(json).object(), size, EditRecordText::tr("edit record"));
    if (!reviewed)
        return reviewed.error();
    return std::optional<ReviewedSlices>(std::move(reviewed).value());
}

QByteArray EditRecord::serialize() const
{
    ByteWriter out;
    out.u32(kRecordVersion);
    out.u64(sequence);
    out.u8(uint8_t(kind));
    out.string(description);
    out.i64(timeMs);
    out.varint(uint64_t(layerCountBefore));
    out.varint(uint64_t(layerCountAfter));
    out.varint(diffs.size());
    for (const LayerDiff& d : diffs)
        d.write(out);
    const auto writeTable = [&](const std::optional<LabelTable>& table) {
        out.u8(table ? 1 : 0);
        if (table)
            out.bytes(QJsonDocument(table->toJson()).toJson(QJsonDocument::Compact));
    };
    writeTable(tableBefore);
    writeTable(tableAfter);
    out.u8(aiChanged ? 1 : 0);
    if (aiChanged) {
        // Only the result after the edit is stored: replaying the journal from its base reproduces the one before.
        out.u8(aiAfter ? 1 : 0);
        if (aiAfter)
            writeAiResult(out, *aiAfter);
    }
    writeReviewedSlices(out, reviewBefore);
    writeReviewedSlices(out, reviewAfter);
    return out.take();
}

Expected<EditRecord> EditRecord::deserialize(const QByteArray& bytes, std::size_t voxelCount)
{
    ByteReader in(bytes);
    const uint32_t version = in.u32();
    if (version != 1 && version != kRecordVersion)
        return damaged(EditRecordText::tr("unknown version"));
    EditRecord r;
    r.sequence = in.u64();
    r.kind = EditKind(in.u8());
    r.description = in.string();
    r.timeMs = in.i64();
    r.layerCountBefore = int(in.varint());
    r.layerCountAfter = int(in.varint());
    const uint64_t diffCount = in.varint();
    if (!in.ok() || diffCount > 256 || r.layerCountBefore < 1 || r.layerCountAfter < 1 || r.layerCountBefore > 256
        || r.layerCountAfter > 256 || uint8_t(r.kind) < 1 || uint8_t(r.kind) > 4)
        return damaged(EditRecordText::tr("header"));
    for (uint64_t n = 0; n < diffCount; ++n) {
        auto diff = LayerDiff::read(in);
        if (!diff)
            return diff.error();
        r.diffs.push_back(std::move(diff).value());
    }
    const auto readTable = [&](std::optional<LabelTable>& table) -> Expected<void> {
        if (in.u8() == 0)
            return {};
        const QJsonDocument json = QJsonDocument::fromJson(in.bytes());
        auto parsed = LabelTable::fromJson(json.array(), EditRecordText::tr("edit record"));
        if (!parsed)
            return parsed.error();
        table = std::move(parsed).value();
        return {};
    };
    if (auto t = readTable(r.tableBefore); !t)
        return t.error();
    if (auto t = readTable(r.tableAfter); !t)
        return t.error();
    r.aiChanged = in.u8() != 0;
    if (r.aiChanged && in.u8() != 0) {
        auto ai = readAiResult(in, voxelCount);
        if (!ai)
            return ai.error();
        r.aiAfter = std::move(ai).value();
    }
    if (version >= 2) {
        for (auto* review : {&r.reviewBefore, &r.reviewAfter}) {
            auto read = readReviewedSlices(in);
            if (!read)
                return read.error();
            *review = std::move(read).value();
        }
    }
    if (!in.ok())
        return damaged(EditRecordText::tr("truncated"));
    return r;
}

QByteArray compressLayer(const LabelLayer& layer)
{
    if (const uint8_t* narrow = layer.data8())
        return deflateBytes(narrow, layer.voxelCount());
    return deflateBytes(layer.data16(), layer.voxelCount() * 2);
}

Expected<LabelLayer> decompressLayer(const QByteArray& compressed, bool wide, std::size_t voxelCount)
{
    auto raw = inflateBytes(compressed, voxelCount * (wide ? 2 : 1));
    if (!raw)
        return raw.error();
    if (wide) {
        std::vector<uint16_t> values(voxelCount);
        std::memcpy(values.data(), raw->constData(), voxelCount * 2);
        return LabelLayer::fromUInt16(std::move(values));
    }
    std::vector<uint8_t> values(voxelCount);
    std::memcpy(values.data(), raw->constData(), voxelCount);
    return LabelLayer::fromUInt8(std::move(values));
}

void writeAiResult(ByteWriter& out, const AiResult& result)
{
    out.string(result.modelName);
    out.string(result.modelVersion);
    out.i64(result.created.toMSecsSinceEpoch());
    out.varint(result.layers.size());
    for (const LabelLayer& layer : result.layers) {
        out.u8(layer.isWide() ? 1 : 0);
        out.varint(layer.voxelCount());
        out.bytes(compressLayer(layer));
    }
}

Expected<std::shared_ptr<const AiResult>> readAiResult(ByteReader& in, std::size_t voxelCount)
{
    auto result = std::make_shared<AiResult>();
    result->modelName = in.string();
    result->modelVersion = in.string();
    result->created = QDateTime::fromMSecsSinceEpoch(in.i64(), Qt::UTC);
    const uint64_t layers = in.varint();
    if (!in.ok() || layers > 256)
        return damaged(EditRecordText::tr("AI result"));
    for (uint64_t n = 0; n < layers; ++n) {
        const bool wide = in.u8() != 0;
        const uint64_t voxels = in.varint();
        const QByteArray compressed = in.bytes();
        if (!in.ok() || voxels != voxelCount)
            return damaged(EditRecordText::tr("AI result layer"));
        auto layer = decompressLayer(compressed, wide, std::size_t(voxels));
        if (!layer)
            return layer.error();
        result->layers.push_back(std::move(layer).value());
    }
    return std::shared_ptr<const AiResult>(std::move(result));
}

} // namespace delineate
