// One completed edit of a segmentation, stored as what changed rather than as copies: per layer, runs of voxels
// with their state before and after (label and hand-edited bit), zlib-compressed; plus label-table and AI-result
// changes. Undo applies it backwards, redo forwards; the recovery journal stores its serialised form.
#pragma once

#include "common/ByteStream.h"
#include "common/Expected.h"
#include "image/LabelTable.h"
#include "image/Segmentation.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace delineate {

// An axis-aligned box of voxel indices (inclusive); empty until a voxel is included.
struct VoxelBox
{
    std::array<int64_t, 3> lower{INT64_MAX, INT64_MAX, INT64_MAX};
    std::array<int64_t, 3> upper{INT64_MIN, INT64_MIN, INT64_MIN};

    static VoxelBox everything(const ImageGeometry& geometry);
    bool isEmpty() const { return lower[0] > upper[0]; }
    void include(int64_t i, int64_t j, int64_t k);
    void include(const VoxelBox& other);
    bool containsSlice(int axis, int64_t slice) const { return !isEmpty() && slice >= lower[axis] && slice <= upper[axis]; }
    bool operator==(const VoxelBox& other) const { return lower == other.lower && upper == other.upper; }
};

// A voxel's state as an edit sees it: label value in the low 16 bits, the hand-edited flag in bit 16.
using VoxelState = uint32_t;
constexpr VoxelState kHandEditedBit = 0x10000;

// The changes to one label layer.
class LayerDiff
{
public:
    using Touched = std::vector<std::pair<uint64_t, VoxelState>>; // offset (ascending), state before

    // Compares the recorded "before" states with the segmentation now; voxels whose state did not change in the
    // end are left out.
    static LayerDiff build(int layer, const Touched& touched, const Segmentation& after);
    // One diff for an earlier edit followed by a later one on the same layer (`later` sorted, states before the later
    // edit): undoing it restores the states before the earlier edit.
    static Expected<LayerDiff> combine(const LayerDiff& earlier, const Touched& later, const Segmentation& after);

    int layer() const { return m_layer; }
    const VoxelBox& bounds() const { return m_bounds; }
    std::size_t changedVoxels() const { return m_changed; }
    std::size_t byteSize() const { return std::size_t(m_encoded.size()) + sizeof(*this); }
    bool isEmpty() const { return m_changed == 0; }

    // forward: set the "after" states (redo); otherwise the "before" states (undo).
    Expected<void> apply(Segmentation& segmentation, bool forward) const;

    void write(ByteWriter& out) const;
    static Expected<LayerDiff> read(ByteReader& in);

private:
    class RunWriter;

    int m_layer = 0;
    VoxelBox m_bounds;
    std::size_t m_changed = 0;
    std::size_t m_rawSize = 0;   // bytes of the run list before compression
    QByteArray m_encoded;        // deflated runs: varint skip, length, state before, state after
};

enum class EditKind : uint8_t {
    Manual = 1,     // a hand tool: changed voxels become hand-edited
    Ai = 2,         // an AI result merged in: changed voxels are no longer hand-edited
    LabelTable = 3, // names, colours, locks, ...: no voxel changes
    Import = 4,     // a whole mask loaded or resampled: not hand-edited
};

class EditRecord
{
public:
    uint64_t sequence = 0;       // unique within a document, increasing
    EditKind kind = EditKind::Manual;
    QString description;         // "Brush, label 2 Liver, 40 dabs"
    qint64 timeMs = 0;           // ms since the epoch, UTC
    int layerCountBefore = 1;
    int layerCountAfter = 1;
    std::vector<LayerDiff> diffs;
    std::optional<LabelTable> tableBefore, tableAfter;
    std::optional<ReviewedSlices> reviewBefore, reviewAfter; // slices marked reviewed or unmarked
    bool aiChanged = false;
    std::shared_ptr<const AiResult> aiBefore, aiAfter;

    VoxelBox bounds() const;
    std::size_t changedVoxels() const;
    // Memory the record holds (compressed diffs, tables, AI results it keeps alive).
    std::size_t byteSize() const;
    bool changesVoxels() const { return changedVoxels() > 0 || layerCountBefore != layerCountAfter; }

    Expected<void> apply(Segmentation& segmentation, bool forward) const;

    QByteArray serialize() const;
    // `voxelCount` is the segmentation's: snapshots of another size are refused before anything is allocated.
    static Expected<EditRecord> deserialize(const QByteArray& bytes, std::size_t voxelCount);
};

// A whole layer, deflated (snapshots: the journal's base, AI results).
QByteArray compressLayer(const LabelLayer& layer);
Expected<LabelLayer> decompressLayer(const QByteArray& compressed, bool wide, std::size_t voxelCount);

void writeAiResult(ByteWriter& out, const AiResult& result);
Expected<std::shared_ptr<const AiResult>> readAiResult(ByteReader& in, std::size_t voxelCount);

void writeReviewedSlices(ByteWriter& out, const std::optional<ReviewedSlices>& reviewed);
Expected<std::optional<ReviewedSlices>> readReviewedSlices(ByteReader& in);

} // namespace delineate
