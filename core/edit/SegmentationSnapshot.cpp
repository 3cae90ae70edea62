// Snapshot encoding: geometry as raw numbers, the table as JSON, each layer and the hand bits deflated.
#include "edit/SegmentationSnapshot.h"

#include "common/Compression.h"
#include "edit/EditRecord.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace delineate {

namespace {
class SnapshotText
{
    Q_DECLARE_TR_FUNCTIONS(SegmentationSnapshot)
};

Error damaged()
{
    return Error::failed(SnapshotText::tr("the segmentation snapshot is damaged"));
}
} // namespace

void SegmentationSnapshot::writeGeometry(ByteWriter& out, const ImageGeometry& g)
{
    for (int a = 0; a < 3; ++a)
        out.i64(g.size()[a]);
    for (int a = 0; a < 3; ++a)
        out.f64(g.spacing()[a]);
    for (int a = 0; a < 3; ++a)
        out.f64(g.origin()[a]);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            out.f64(g.direction()[r][c]);
}

ImageGeometry SegmentationSnapshot::readGeometry(ByteReader& in)
{
    std::array<int64_t, 3> size{};
    Vector3 spacing{}, origin{};
    Matrix3 direction{};
    for (int a = 0; a < 3; ++a)
        size[a] = in.i64();
    for (int a = 0; a < 3; ++a)
        spacing[a] = in.f64();
    for (int a = 0; a < 3; ++a)
        origin[a] = in.f64();
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            direction[r][c] = in.f64();
    return ImageGeometry(size, spacing, origin, direction);
}

QByteArray SegmentationSnapshot::write(const Segmentation& s)
{
    ByteWriter out;
    writeGeometry(out, s.geometry());
    out.bytes(QJsonDocument(s.labels().toJson()).toJson(QJsonDocument::Compact));
    out.varint(uint64_t(s.layerCount()));
    for (int n = 0; n < s.layerCount(); ++n) {
        out.u8(s.layer(n).isWide() ? 1 : 0);
        out.bytes(compressLayer(s.layer(n)));
    }
    const QByteArray bits(reinterpret_cast<const char*>(s.m_handEdited.data()), qsizetype(s.m_handEdited.size() * 8));
    out.varint(uint64_t(bits.size()));
    out.bytes(deflateBytes(bits.constData(), std::size_t(bits.size())));
    out.u8(s.aiResult() ? 1 : 0);
    if (s.aiResult())
        writeAiResult(out, *s.aiResult());
    // Added later: older snapshots end before it.
    writeReviewedSlices(out, s.reviewedSlices().isEmpty() ? std::optional<ReviewedSlices>() : s.reviewedSlices());
    return out.take();
}

Expected<Segmentation> SegmentationSnapshot::read(const QByteArray& bytes)
{
    ByteReader in(bytes);
    const ImageGeometry geometry = readGeometry(in);
    const QByteArray tableJson = in.bytes();
    const uint64_t layerCount = in.varint();
    const std::size_t voxels = geometry.voxelCount();
    for (int a = 0; a < 3; ++a)
        if (!(geometry.spacing()[a] > 0.0))
            return damaged();
    if (!in.ok() || layerCount < 1 || layerCount > 256 || voxels == 0 || voxels > (std::size_t(1) << 34))
        return damaged();
    auto table = LabelTable::fromJson(QJsonDocument::fromJson(tableJson).array(), SnapshotText::tr("snapshot"));
    if (!table)
        return table.error();
    std::vector<LabelLayer> layers;
    for (uint64_t n = 0; n < layerCount; ++n) {
        const bool wide = in.u8() != 0;
        const QByteArray compressed = in.bytes();
        if (!in.ok())
            return damaged();
        auto layer = decompressLayer(compressed, wide, voxels);
        if (!layer)
            return damaged();
        layers.push_back(std::move(layer).value());
    }
    const uint64_t bitBytes = in.varint();
    const QByteArray compressedBits = in.bytes();
    if (!in.ok() || bitBytes != (voxels + 63) / 64 * 8)
        return damaged();
    auto bits = inflateBytes(compressedBits, std::size_t(bitBytes));
    if (!bits)
        return damaged();
    std::shared_ptr<const AiResult> ai;
    if (in.u8() != 0) {
        auto read = readAiResult(in, voxels);
        if (!read)
            return read.error();
        ai = std::move(read).value();
    }
    std::optional<ReviewedSlices> reviewed;
    if (in.ok() && !in.atEnd()) {
        auto read = readReviewedSlices(in);
        if (!read)
            return read.error();
        reviewed = std::move(read).value();
        if (reviewed && reviewed->size() != geometry.size())
            return damaged();
    }
    if (!in.ok())
        return damaged();
    auto segmentation = Segmentation::fromLayers(geometry, std::move(layers), std::move(table).value());
    if (!segmentation)
        return segmentation.error();
    std::memcpy(segmentation->m_handEdited.data(), bits->constData(), std::size_t(bitBytes));
    segmentation->m_aiResult = std::move(ai);
    if (reviewed)
        segmentation->m_reviewed = std::move(*reviewed);
    return segmentation;
}

} // namespace delineate
