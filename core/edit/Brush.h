// The brush and the eraser as core operations on the edit path: a round dab (a disk in one slice plane or a sphere)
// with its radius in mm or voxels, the overwrite policy, and locked labels left alone.
#pragma once

#include "common/Expected.h"
#include "edit/SegmentationDocument.h"
#include "image/ImageGeometry.h"
#include "image/Volume.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace delineate {

enum class OverwriteMode {
    All,       // any voxel whose label is not locked
    EmptyOnly, // only background voxels (of the label's layer)
    LabelOnly, // only voxels of one chosen label
};

struct OverwritePolicy
{
    OverwriteMode mode = OverwriteMode::All;
    uint16_t onlyLabel = 0; // for LabelOnly
};

enum class BrushShape { Disk, Sphere };
enum class BrushUnit { Millimetres, Voxels };

struct BrushSettings
{
    double radius = 3.0;
    BrushUnit unit = BrushUnit::Millimetres;
    BrushShape shape = BrushShape::Disk;
    int sliceAxis = 2;      // the disk lies in the plane normal to this voxel axis
    uint16_t label = 1;     // the label painted, or erased by a policy other than All
    bool erase = false;
    OverwritePolicy policy;
    // Threshold-limited painting: only voxels whose image value lies in [lower, upper] (the UI seeds the range
    // from the value under the pointer when the stroke starts).
    const Volume* image = nullptr;
    bool limitToRange = false;
    double lower = 0.0;
    double upper = 0.0;
};

// Offsets of the voxels a dab centred on `centre` (a continuous voxel index) covers, ascending. A voxel is covered
// when its centre lies within the radius (in mm through the spacing, or in voxel units); a dab always covers at
// least the voxel nearest its centre.
std::vector<std::size_t> brushFootprint(const ImageGeometry& geometry, const BrushSettings& settings,
                                        const Vector3& centre);

// Whether a tool that writes `target` may change a voxel holding `current` (same layer) under `policy`.
bool mayOverwrite(const LabelTable& labels, const OverwritePolicy& policy, uint16_t current, uint16_t target);

// Checks that the settings can paint at all (a locked label is refused with a message naming it).
Expected<void> checkBrush(const LabelTable& labels, const BrushSettings& settings);

// One dab within the document's current edit (the caller begins and commits it). A label not yet in the table is
// added to it (layer 0). Returns the number of voxels changed.
std::size_t paintDab(SegmentationDocument& document, const BrushSettings& settings, const Vector3& centre);
// Dabs from `from` (exclusive) to `to` (inclusive), spaced at most half a radius apart so the stroke has no gaps.
// Returns the number of dabs.
int paintLine(SegmentationDocument& document, const BrushSettings& settings, const Vector3& from, const Vector3& to);

// "Brush, label 2 Liver, 40 dabs" / "Eraser, ..." for the history.
QString brushDescription(const LabelTable& labels, const BrushSettings& settings, int dabs);

} // namespace delineate
