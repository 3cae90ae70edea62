// Brush footprints row by row (the extent of each row of the disk or sphere is solved, not searched), policies.
#include "edit/Brush.h"

#include "edit/LabelEdits.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {

class BrushText
{
    Q_DECLARE_TR_FUNCTIONS(Brush)
};

// Radius along each voxel axis in that axis' index units.
std::array<double, 3> radiusInVoxels(const ImageGeometry& g, const BrushSettings& s)
{
    std::array<double, 3> r{};
    for (int a = 0; a < 3; ++a)
        r[a] = s.unit == BrushUnit::Voxels ? s.radius : s.radius / g.spacing()[a];
    if (s.shape == BrushShape::Disk)
        r[s.sliceAxis] = 0.0;
    return r;
}

} // namespace

std::vector<std::size_t> brushFootprint(const ImageGeometry& g, const BrushSettings& s, const Vector3& centre)
{
    std::vector<std::size_t> offsets;
    const auto& size = g.size();
    const std::array<double, 3> r = radiusInVoxels(g, s);
    std::array<int64_t, 3> lo{}, hi{};
    for (int a = 0; a < 3; ++a) {
        if (r[a] == 0.0) {
            lo[a] = hi[a] = int64_t(std::floor(centre[a] + 0.5));
        } else {
            lo[a] = int64_t(std::ceil(centre[a] - r[a]));
            hi[a] = int64_t(std::floor(centre[a] + r[a]));
        }
        lo[a] = std::max<int64_t>(lo[a], 0);
        hi[a] = std::min<int64_t>(hi[a], size[a] - 1);
    }
    // Normalised squared distance: sum over axes with a radius of ((x - c) / r)^2 <= 1 (a voxel centre exactly on the
    // surface is inside; the tolerance keeps 9/25 + 16/25 from rounding it out).
    constexpr double kInside = 1.0 + 1e-9;
    const auto term = [&](int a, int64_t x) { return r[a] == 0.0 ? 0.0 : std::pow((double(x) - centre[a]) / r[a], 2.0); };
    for (int64_t k = lo[2]; k <= hi[2]; ++k) {
        const double dk = term(2, k);
        if (dk > kInside)
            continue;
        for (int64_t j = lo[1]; j <= hi[1]; ++j) {
            const double rest = kInside - dk - term(1, j);
            if (rest < 0.0)
                continue;
            int64_t i0 = lo[0], i1 = hi[0];
            if (r[0] > 0.0) {
                const double half = std::sqrt(rest) * r[0];
                i0 = std::max<int64_t>(lo[0], int64_t(std::ceil(centre[0] - half)));
                i1 = std::min<int64_t>(hi[0], int64_t(std::floor(centre[0] + half)));
            }
            const std::size_t row = std::size_t(size[0] * (j + size[1] * k));
            for (int64_t i = i0; i <= i1; ++i)
                offsets.push_back(row + std::size_t(i));
        }
    }
    if (offsets.empty()) {
        std::array<int64_t, 3> v{};
        for (int a = 0; a < 3; ++a)
            v[a] = std::clamp<int64_t>(int64_t(std::floor(centre[a] + 0.5)), 0, size[a] - 1);
        if (g.voxelCount() > 0)
            offsets.push_back(std::size_t(v[0] + size[0] * (v[1] + size[1] * v[2])));
    }
    return offsets;
}

bool mayOverwrite(const LabelTable& labels, const OverwritePolicy& policy, uint16_t current, uint16_t target)
{
    if (current == target)
        return false;
    if (current != 0 && labels.isLocked(current))
        return false;
    switch (policy.mode) {
    case OverwriteMode::All:
        return true;
    case OverwriteMode::EmptyOnly:
        return current == 0;
    case OverwriteMode::LabelOnly:
        return current == policy.onlyLabel;
    }
    return false;
}

Expected<void> checkBrush(const LabelTable& labels, const BrushSettings& s)
{
    if (!(s.radius > 0.0))
        return Error::failed(BrushText::tr("The brush radius must be positive."));
    if (s.label == 0 && !s.erase)
        return Error::failed(BrushText::tr("Choose a label to paint (label 0 is the background)."));
    if (labels.isLocked(s.label) && (!s.erase || s.policy.mode != OverwriteMode::All))
        return Error::failed(BrushText::tr("%1 is locked: unlock it to paint or erase it.").arg(labelDisplayName(labels, s.label)));
    return {};
}

std::size_t paintDab(SegmentationDocument& document, const BrushSettings& s, const Vector3& centre)
{
    const LabelTable& labels = document.labels();
    if (!checkBrush(labels, s))
        return 0;
    if (!s.erase && !labels.contains(s.label)) {
        LabelTable table = labels;
        table.set(table.makeEntry(s.label));
        document.setLabelTableInEdit(table);
    }
    const Segmentation& seg = document.segmentation();
    std::vector<std::size_t> footprint = brushFootprint(seg.geometry(), s, centre);
    if (s.limitToRange && s.image && s.image->voxelCount() == seg.voxelCount())
        footprint.erase(std::remove_if(footprint.begin(), footprint.end(),
                                       [&](std::size_t o) {
                                           const double v = s.image->valueAt(o);
                                           return v < s.lower || v > s.upper;
                                       }),
                        footprint.end());
    std::size_t changed = 0;
    const int layer = std::min(seg.labels().layerOf(s.label), seg.layerCount() - 1);
    if (s.erase && s.policy.mode == OverwriteMode::All) {
        // Erase every unlocked label under the brush, on every layer.
        const OverwritePolicy any;
        for (int l = 0; l < seg.layerCount(); ++l)
            for (std::size_t o : footprint)
                if (mayOverwrite(seg.labels(), any, seg.labelAt(l, o), 0))
                    changed += document.setVoxel(l, o, 0) ? 1 : 0;
    } else if (s.erase) {
        for (std::size_t o : footprint)
            if (seg.labelAt(layer, o) == s.label)
                changed += document.setVoxel(layer, o, 0) ? 1 : 0;
    } else {
        for (std::size_t o : footprint)
            if (mayOverwrite(seg.labels(), s.policy, seg.labelAt(layer, o), s.label))
                changed += document.setVoxel(layer, o, s.label) ? 1 : 0;
    }
    return changed;
}

int paintLine(SegmentationDocument& document, const BrushSettings& s, const Vector3& from, const Vector3& to)
{
    const ImageGeometry& g = document.geometry();
    // Step length in mm (or voxels) between dabs: at most half the radius, and at least a tenth of a voxel.
    double length = 0.0;
    double finest = 1e30;
    for (int a = 0; a < 3; ++a) {
        const double scale = s.unit == BrushUnit::Voxels ? 1.0 : g.spacing()[a];
        length += std::pow((to[a] - from[a]) * scale, 2.0);
        finest = std::min(finest, scale);
    }
    length = std::sqrt(length);
    const double step = std::max(s.radius / 2.0, finest * 0.1);
    const int dabs = std::max(1, int(std::ceil(length / step)));
    for (int n = 1; n <= dabs; ++n) {
        const double t = double(n) / dabs;
        paintDab(document, s, {from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t,
                               from[2] + (to[2] - from[2]) * t});
    }
    return dabs;
}

QString brushDescription(const LabelTable& labels, const BrushSettings& s, int dabs)
{
    const QString tool = s.erase ? BrushText::tr("Eraser")
                         : s.limitToRange ? BrushText::tr("Threshold brush (%1 to %2)").arg(s.lower, 0, 'g', 5).arg(s.upper, 0, 'g', 5)
                                          : BrushText::tr("Brush");
    const QString count = dabs == 1 ? BrushText::tr("1 dab") : BrushText::tr("%1 dabs").arg(dabs);
    if (s.erase && s.policy.mode == OverwriteMode::All)
        return BrushText::tr("%1, all labels, %2").arg(tool, count);
    return BrushText::tr("%1, %2, %3").arg(tool, labelDisplayName(labels, s.label), count);
}

} // namespace delineate
