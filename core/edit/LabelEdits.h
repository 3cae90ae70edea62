// Label-table operations as undoable edits, each with its history text: add, remove (with its voxels), rename,
// recolour, show/hide, lock/unlock, review status and coded meaning; and the reviewed-slice marks.
#pragma once

#include "common/Expected.h"
#include "edit/SegmentationDocument.h"

#include <QString>

#include <cstdint>

namespace delineate {

// Adds the smallest unused value with a default name and colour; returns it.
Expected<uint16_t> addLabel(SegmentationDocument& document);
// Adds a new, empty label layer and the smallest unused value on it, in one edit (one undo takes both back): a
// segment that may overlap the others (each layer holds one label per voxel). Returns the value.
Expected<uint16_t> addLabelOnNewLayer(SegmentationDocument& document);
// Adds `value` if it is not in the table yet (selecting label 5 by key when there are 2).
Expected<void> ensureLabel(SegmentationDocument& document, uint16_t value);
// Removes the entry and sets its voxels to 0, in one edit. A locked label is refused.
Expected<void> removeLabel(SegmentationDocument& document, uint16_t value);
// Replaces the entry of `entry.value` (name, colour, visible, locked, ...) in one edit described by what changed.
Expected<void> updateLabel(SegmentationDocument& document, const LabelEntry& entry);

// Marks slices `first`..`last` (normal to voxel axis `axis`) reviewed or not, in one edit.
Expected<void> setSlicesReviewed(SegmentationDocument& document, int axis, int64_t first, int64_t last, bool reviewed);

// "label 2 Liver" (or "label 2" without a name), for messages and history.
QString labelDisplayName(const LabelTable& labels, uint16_t value);

} // namespace delineate
