// The slices a reviewer marked as checked, per voxel axis (i, j, k): a slice normal to an axis is reviewed when its
// labels were looked at and are right, including "nothing to label here". A partly corrected volume then says which
// slices can be trusted as training data. Saved with the segmentation and changed through the edit path (undoable).
#pragma once

#include "common/Expected.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <cstdint>
#include <vector>

namespace delineate {

class ReviewedSlices
{
public:
    ReviewedSlices() = default;
    // No slice reviewed, on a grid of `size` voxels.
    explicit ReviewedSlices(const std::array<int64_t, 3>& size);

    const std::array<int64_t, 3>& size() const { return m_size; }
    bool isReviewed(int axis, int64_t slice) const;
    void setReviewed(int axis, int64_t slice, bool reviewed);
    int64_t count(int axis) const;
    bool isEmpty() const { return count(0) == 0 && count(1) == 0 && count(2) == 0; }
    // The reviewed slices of one axis, ascending.
    std::vector<int64_t> slices(int axis) const;

    // {"i": [[first, last], ...], "j": [...], "k": [...]}: inclusive ranges. Ranges outside `size` are refused;
    // `origin` names the file in the message.
    QJsonObject toJson() const;
    static Expected<ReviewedSlices> fromJson(const QJsonObject& json, const std::array<int64_t, 3>& size,
                                             const QString& origin);
    // "k:0-4,9;j:12" (NRRD fields), and back.
    QString toText() const;
    static Expected<ReviewedSlices> fromText(const QString& text, const std::array<int64_t, 3>& size,
                                             const QString& origin);

    bool operator==(const ReviewedSlices& other) const { return m_size == other.m_size && m_marks == other.m_marks; }
    bool operator!=(const ReviewedSlices& other) const { return !(*this == other); }

private:
    std::array<int64_t, 3> m_size{0, 0, 0};
    std::array<std::vector<uint8_t>, 3> m_marks; // one byte per slice, sized on first mark
};

} // namespace delineate
