// Region growing, polygon fill, shape-based interpolation, islands and smoothing through the edit path.
#include "edit/LabelTools.h"

#include "edit/LabelEdits.h"
#include "image/BinaryVolume.h"
#include "image/SlicePlane.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {

class LabelToolsText
{
    Q_DECLARE_TR_FUNCTIONS(LabelTools)
};

std::array<int64_t, 3> indexOf(const ImageGeometry& g, std::size_t o)
{
    const auto& s = g.size();
    return {int64_t(o) % s[0], (int64_t(o) / s[0]) % s[1], int64_t(o) / (s[0] * s[1])};
}

Expected<void> checkLabelEditable(const LabelTable& labels, uint16_t label)
{
    if (label == 0)
        return Error::failed(LabelToolsText::tr("Choose a label (label 0 is the background)."));
    if (labels.isLocked(label))
        return Error::failed(LabelToolsText::tr("%1 is locked: unlock it first.").arg(labelDisplayName(labels, label)));
    return {};
}

// Adds `label` to the table within the open edit when it is not there yet.
void ensureLabelInEdit(SegmentationDocument& document, uint16_t label)
{
    if (document.labels().contains(label))
        return;
    LabelTable table = document.labels();
    table.set(table.makeEntry(label));
    document.setLabelTableInEdit(table);
}

// The label's voxels inside `box` as a mask on that box.
BinaryVolume maskOf(const Segmentation& s, uint16_t label, const VoxelBox& box)
{
    std::array<int64_t, 3> size{};
    for (int a = 0; a < 3; ++a)
        size[std::size_t(a)] = box.upper[std::size_t(a)] - box.lower[std::size_t(a)] + 1;
    BinaryVolume mask(size, s.geometry().spacing());
    const int layer = std::min(s.labels().layerOf(label), s.layerCount() - 1);
    const auto& full = s.geometry().size();
    for (int64_t k = 0; k < size[2]; ++k)
        for (int64_t j = 0; j < size[1]; ++j)
            for (int64_t i = 0; i < size[0]; ++i) {
                const std::size_t o = std::size_t((box.lower[0] + i) + full[0] * ((box.lower[1] + j) + full[1] * (box.lower[2] + k)));
                mask.values[mask.offset(i, j, k)] = s.labelAt(layer, o) == label ? 1 : 0;
            }
    return mask;
}

VoxelBox grown(const VoxelBox& box, const ImageGeometry& g, double radiusMm)
{
    VoxelBox out = box;
    for (int a = 0; a < 3; ++a) {
        const int64_t margin = int64_t(std::ceil(radiusMm / g.spacing()[std::size_t(a)])) + 1;
        out.lower[std::size_t(a)] = std::max<int64_t>(0, box.lower[std::size_t(a)] - margin);
        out.upper[std::size_t(a)] = std::min<int64_t>(g.size()[std::size_t(a)] - 1, box.upper[std::size_t(a)] + margin);
    }
    return out;
}

} // namespace

VoxelBox labelBounds(const Segmentation& s, uint16_t label)
{
    VoxelBox box;
    if (s.labelVoxelCount(label) == 0)
        return box;
    const int layer = std::min(s.labels().layerOf(label), s.layerCount() - 1);
    const auto& size = s.geometry().size();
    for (int64_t k = 0; k < size[2]; ++k)
        for (int64_t j = 0; j < size[1]; ++j) {
            const std::size_t row = std::size_t(size[0] * (j + size[1] * k));
            for (int64_t i = 0; i < size[0]; ++i)
                if (s.labelAt(layer, row + std::size_t(i)) == label)
                    box.include(i, j, k);
        }
    return box;
}

std::vector<std::size_t> growRegion(const Volume& image, const std::array<int64_t, 3>& seed, double lower, double upper,
                                    bool threeD, int sliceAxis, std::size_t maximumVoxels)
{
    std::vector<std::size_t> region;
    const ImageGeometry& g = image.geometry();
    const auto& size = g.size();
    for (int a = 0; a < 3; ++a)
        if (seed[std::size_t(a)] < 0 || seed[std::size_t(a)] >= size[std::size_t(a)])
            return region;
    const auto inside = [&](std::size_t o) {
        const double v = image.valueAt(o);
        return v >= lower && v <= upper;
    };
    const std::size_t start = image.offset(seed[0], seed[1], seed[2]);
    if (!inside(start))
        return region;
    std::vector<uint64_t> seen((g.voxelCount() + 63) / 64, 0);
    const auto mark = [&](std::size_t o) {
        const uint64_t bit = uint64_t(1) << (o & 63);
        if (seen[o >> 6] & bit)
            return false;
        seen[o >> 6] |= bit;
        return true;
    };
    mark(start);
    region.push_back(start);
    for (std::size_t head = 0; head < region.size(); ++head) {
        if (region.size() > maximumVoxels)
            break;
        const auto index = indexOf(g, region[head]);
        for (int axis = 0; axis < 3; ++axis) {
            if (!threeD && axis == sliceAxis)
                continue;
            for (int step : {-1, 1}) {
                auto next = index;
                next[std::size_t(axis)] += step;
                if (next[std::size_t(axis)] < 0 || next[std::size_t(axis)] >= size[std::size_t(axis)])
                    continue;
                const std::size_t o = image.offset(next[0], next[1], next[2]);
                if (inside(o) && mark(o))
                    region.push_back(o);
            }
        }
    }
    std::sort(region.begin(), region.end());
    return region;
}

Expected<RegionGrowResult> regionGrow(SegmentationDocument& document, const Volume& image,
                                      const std::array<int64_t, 3>& seed, const RegionGrowOptions& options)
{
    if (auto ok = checkLabelEditable(document.labels(), options.label); !ok)
        return ok.error();
    if (image.voxelCount() != document.segmentation().voxelCount())
        return Error::failed(LabelToolsText::tr("The image and the segmentation differ in size."));
    if (!image.contains(seed[0], seed[1], seed[2]))
        return Error::failed(LabelToolsText::tr("The seed lies outside the image."));
    RegionGrowResult result;
    const double value = image.value(seed[0], seed[1], seed[2]);
    result.lower = value - options.tolerance;
    result.upper = value + options.tolerance;
    const std::vector<std::size_t> region =
        growRegion(image, seed, result.lower, result.upper, options.threeD, options.sliceAxis, options.maximumVoxels);
    if (region.size() > options.maximumVoxels)
        return Error::failed(LabelToolsText::tr("The region grows past %1 voxels: lower the tolerance.").arg(options.maximumVoxels));
    result.regionVoxels = region.size();
    document.beginEdit(EditKind::Manual, QString());
    ensureLabelInEdit(document, options.label);
    const Segmentation& s = document.segmentation();
    const int layer = std::min(s.labels().layerOf(options.label), s.layerCount() - 1);
    for (std::size_t o : region)
        if (mayOverwrite(s.labels(), options.policy, s.labelAt(layer, o), options.label))
            result.changed += document.setVoxel(layer, o, options.label) ? 1 : 0;
    const QString description = LabelToolsText::tr("Fill %1, %2, %3 voxels (%4 %5)")
                                    .arg(options.threeD ? LabelToolsText::tr("3D") : LabelToolsText::tr("2D"))
                                    .arg(labelDisplayName(s.labels(), options.label))
                                    .arg(result.changed)
                                    .arg(QChar(0x00B1))
                                    .arg(options.tolerance, 0, 'g', 4);
    if (auto committed = document.commitEdit(description); !committed)
        return committed.error();
    return result;
}

std::vector<std::size_t> polygonVoxels(const ImageGeometry& g, int sliceAxis, int64_t slice,
                                       const QVector<std::array<double, 2>>& polygon)
{
    std::vector<std::size_t> voxels;
    if (polygon.size() < 3 || sliceAxis < 0 || sliceAxis > 2 || slice < 0 || slice >= g.size()[std::size_t(sliceAxis)])
        return voxels;
    // Polygon x runs along the plane's columns, y along its rows (the in-plane axes in ascending order).
    const SlicePlane plane = SlicePlane::natural(g.size(), sliceAxis);
    const SliceWalk walk = plane.walk(slice);
    double minA = 1e30, maxA = -1e30, minB = 1e30, maxB = -1e30;
    for (const auto& p : polygon) {
        minA = std::min(minA, p[0]);
        maxA = std::max(maxA, p[0]);
        minB = std::min(minB, p[1]);
        maxB = std::max(maxB, p[1]);
    }
    const int64_t a0 = std::max<int64_t>(0, int64_t(std::ceil(minA))), a1 = std::min<int64_t>(walk.columns - 1, int64_t(std::floor(maxA)));
    const int64_t b0 = std::max<int64_t>(0, int64_t(std::ceil(minB))), b1 = std::min<int64_t>(walk.rows - 1, int64_t(std::floor(maxB)));
    std::vector<double> crossings;
    for (int64_t y = b0; y <= b1; ++y) {
        // Even-odd rule along the row: where the edges cross the line b = y.
        crossings.clear();
        for (int n = 0; n < polygon.size(); ++n) {
            const auto& p = polygon[n];
            const auto& q = polygon[(n + 1) % polygon.size()];
            if ((p[1] <= double(y)) != (q[1] <= double(y)))
                crossings.push_back(p[0] + (double(y) - p[1]) * (q[0] - p[0]) / (q[1] - p[1]));
        }
        std::sort(crossings.begin(), crossings.end());
        for (std::size_t c = 0; c + 1 < crossings.size(); c += 2) {
            const int64_t from = std::max<int64_t>(a0, int64_t(std::ceil(crossings[c])));
            const int64_t to = std::min<int64_t>(a1, int64_t(std::floor(crossings[c + 1])));
            for (int64_t x = from; x <= to; ++x)
                voxels.push_back(walk.offset(y, x));
        }
    }
    std::sort(voxels.begin(), voxels.end());
    voxels.erase(std::unique(voxels.begin(), voxels.end()), voxels.end());
    return voxels;
}

Expected<std::size_t> fillPolygon(SegmentationDocument& document, int sliceAxis, int64_t slice,
                                  const QVector<std::array<double, 2>>& polygon, uint16_t label,
                                  const OverwritePolicy& policy, bool erase)
{
    if (auto ok = checkLabelEditable(document.labels(), label); !ok)
        return ok.error();
    const std::vector<std::size_t> voxels = polygonVoxels(document.geometry(), sliceAxis, slice, polygon);
    document.beginEdit(EditKind::Manual, QString());
    if (!erase)
        ensureLabelInEdit(document, label);
    const Segmentation& s = document.segmentation();
    const int layer = std::min(s.labels().layerOf(label), s.layerCount() - 1);
    std::size_t changed = 0;
    for (std::size_t o : voxels) {
        const uint16_t current = s.labelAt(layer, o);
        if (erase ? current == label : mayOverwrite(s.labels(), policy, current, label))
            changed += document.setVoxel(layer, o, erase ? 0 : label) ? 1 : 0;
    }
    const QString description = erase ? LabelToolsText::tr("Lasso erase, %1, %2 voxels").arg(labelDisplayName(s.labels(), label)).arg(changed)
                                      : LabelToolsText::tr("Lasso, %1, %2 voxels").arg(labelDisplayName(s.labels(), label)).arg(changed);
    if (auto committed = document.commitEdit(description); !committed)
        return committed.error();
    return changed;
}

Expected<InterpolationResult> interpolateLabel(SegmentationDocument& document, uint16_t label, int axis,
                                               const OverwritePolicy& policy)
{
    if (auto ok = checkLabelEditable(document.labels(), label); !ok)
        return ok.error();
    if (axis < 0 || axis > 2)
        return Error::failed(LabelToolsText::tr("The slice axis must be 0, 1 or 2."));
    const Segmentation& s = document.segmentation();
    const ImageGeometry& g = s.geometry();
    const auto& size = g.size();
    const int layer = std::min(s.labels().layerOf(label), s.layerCount() - 1);
    const SlicePlane plane = SlicePlane::natural(size, axis);
    const int a = plane.columnAxis(), b = plane.rowAxis();
    const int64_t columns = plane.columns(), rows = plane.rows();
    // The slices where the label was drawn.
    std::vector<int64_t> keys;
    for (int64_t slice = 0; slice < plane.sliceCount(); ++slice) {
        bool any = false;
        plane.forEach(slice, [&](int64_t, int64_t, std::size_t o) { any = any || s.labelAt(layer, o) == label; });
        if (any)
            keys.push_back(slice);
    }
    InterpolationResult result;
    result.keySlices = int(keys.size());
    if (keys.size() < 2)
        return Error::failed(LabelToolsText::tr("Draw %1 on at least two slices to interpolate between them.").arg(labelDisplayName(s.labels(), label)));
    // Signed distance (mm) of one drawn slice: negative inside, positive outside.
    const std::array<double, 3> spacing{g.spacing()[std::size_t(a)], g.spacing()[std::size_t(b)], 1.0};
    const auto signedDistance = [&](int64_t slice) {
        BinaryVolume inside({columns, rows, 1}, spacing), outside({columns, rows, 1}, spacing);
        plane.forEach(slice, [&](int64_t y, int64_t x, std::size_t o) {
            const bool in = s.labelAt(layer, o) == label;
            inside.values[inside.offset(x, y, 0)] = in ? 1 : 0;
            outside.values[outside.offset(x, y, 0)] = in ? 0 : 1;
        });
        const std::vector<double> toInside = squaredDistanceToMask(inside, {true, true, false});
        const std::vector<double> toOutside = squaredDistanceToMask(outside, {true, true, false});
        std::vector<double> sdf(toInside.size());
        for (std::size_t n = 0; n < sdf.size(); ++n)
            sdf[n] = std::sqrt(std::min(toInside[n], 1e20)) - std::sqrt(std::min(toOutside[n], 1e20));
        return sdf;
    };
    document.beginEdit(EditKind::Manual, QString());
    std::vector<double> previous = signedDistance(keys[0]);
    for (std::size_t n = 1; n < keys.size(); ++n) {
        std::vector<double> next = signedDistance(keys[n]);
        const int64_t from = keys[n - 1], to = keys[n];
        for (int64_t slice = from + 1; slice < to; ++slice) {
            const double t = double(slice - from) / double(to - from);
            ++result.filledSlices;
            plane.forEach(slice, [&](int64_t y, int64_t x, std::size_t o) {
                const std::size_t cell = std::size_t(x + columns * y);
                if ((1.0 - t) * previous[cell] + t * next[cell] >= 0.0)
                    return;
                if (mayOverwrite(s.labels(), policy, s.labelAt(layer, o), label))
                    result.changed += document.setVoxel(layer, o, label) ? 1 : 0;
            });
        }
        previous = std::move(next);
    }
    const QString description = LabelToolsText::tr("Interpolate %1 across %2 slices").arg(labelDisplayName(s.labels(), label)).arg(result.filledSlices);
    if (auto committed = document.commitEdit(description); !committed)
        return committed.error();
    return result;
}

Expected<IslandResult> removeIslands(SegmentationDocument& document, uint16_t label, std::size_t minimumVoxels,
                                     bool keepLargestOnly)
{
    if (auto ok = checkLabelEditable(document.labels(), label); !ok)
        return ok.error();
    const Segmentation& s = document.segmentation();
    IslandResult result;
    const VoxelBox box = labelBounds(s, label);
    if (box.isEmpty())
        return result;
    const BinaryVolume mask = maskOf(s, label, box);
    const Components components = connectedComponents(mask);
    result.islands = int(components.sizes.size()) - 1;
    std::size_t largest = 0;
    for (std::size_t c = 1; c < components.sizes.size(); ++c)
        if (components.sizes[c] > components.sizes[largest] || largest == 0)
            largest = c;
    std::vector<uint8_t> remove(components.sizes.size(), 0);
    for (std::size_t c = 1; c < components.sizes.size(); ++c) {
        remove[c] = keepLargestOnly ? (c != largest) : (components.sizes[c] < minimumVoxels);
        result.removedIslands += remove[c];
    }
    const int layer = std::min(s.labels().layerOf(label), s.layerCount() - 1);
    const auto& full = s.geometry().size();
    document.beginEdit(EditKind::Manual, QString());
    for (int64_t k = 0; k < mask.size[2]; ++k)
        for (int64_t j = 0; j < mask.size[1]; ++j)
            for (int64_t i = 0; i < mask.size[0]; ++i) {
                const uint32_t c = components.labels[mask.offset(i, j, k)];
                if (!c || !remove[c])
                    continue;
                const std::size_t o = std::size_t((box.lower[0] + i) + full[0] * ((box.lower[1] + j) + full[1] * (box.lower[2] + k)));
                result.removedVoxels += document.setVoxel(layer, o, 0) ? 1 : 0;
            }
    const QString description = keepLargestOnly
                                    ? LabelToolsText::tr("Keep the largest island of %1 (%2 removed)").arg(labelDisplayName(s.labels(), label)).arg(result.removedIslands)
                                    : LabelToolsText::tr("Remove islands of %1 under %2 voxels (%3 removed)")
                                          .arg(labelDisplayName(s.labels(), label))
                                          .arg(minimumVoxels)
                                          .arg(result.removedIslands);
    if (auto committed = document.commitEdit(description); !committed)
        return committed.error();
    return result;
}

Expected<std::size_t> smoothLabel(SegmentationDocument& document, uint16_t label, SmoothingKind kind, double radiusMm)
{
    if (auto ok = checkLabelEditable(document.labels(), label); !ok)
        return ok.error();
    if (!(radiusMm > 0.0))
        return Error::failed(LabelToolsText::tr("The smoothing radius must be positive."));
    const Segmentation& s = document.segmentation();
    const VoxelBox bounds = labelBounds(s, label);
    if (bounds.isEmpty())
        return std::size_t(0);
    // Closing may grow the label by up to the radius: work on a box that leaves room for it.
    const VoxelBox box = grown(bounds, s.geometry(), radiusMm);
    const BinaryVolume mask = maskOf(s, label, box);
    const BinaryVolume smoothed = kind == SmoothingKind::Opening ? open(mask, radiusMm) : close(mask, radiusMm);
    const int layer = std::min(s.labels().layerOf(label), s.layerCount() - 1);
    const auto& full = s.geometry().size();
    const OverwritePolicy emptyOnly{OverwriteMode::EmptyOnly, 0};
    std::size_t changed = 0;
    document.beginEdit(EditKind::Manual, QString());
    for (int64_t k = 0; k < mask.size[2]; ++k)
        for (int64_t j = 0; j < mask.size[1]; ++j)
            for (int64_t i = 0; i < mask.size[0]; ++i) {
                const std::size_t m = mask.offset(i, j, k);
                if (mask.values[m] == smoothed.values[m])
                    continue;
                const std::size_t o = std::size_t((box.lower[0] + i) + full[0] * ((box.lower[1] + j) + full[1] * (box.lower[2] + k)));
                if (smoothed.values[m])
                    changed += mayOverwrite(s.labels(), emptyOnly, s.labelAt(layer, o), label) && document.setVoxel(layer, o, label) ? 1 : 0;
                else
                    changed += document.setVoxel(layer, o, 0) ? 1 : 0;
            }
    const QString description = kind == SmoothingKind::Opening
                                    ? LabelToolsText::tr("Smooth %1 (opening, %2 mm)").arg(labelDisplayName(s.labels(), label)).arg(radiusMm, 0, 'g', 3)
                                    : LabelToolsText::tr("Smooth %1 (closing, %2 mm)").arg(labelDisplayName(s.labels(), label)).arg(radiusMm, 0, 'g', 3);
    if (auto committed = document.commitEdit(description); !committed)
        return committed.error();
    return changed;
}

} // namespace delineate
