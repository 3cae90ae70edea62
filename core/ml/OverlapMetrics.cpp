// Overlap counting for evaluation and for validation during training.
#include "ml/OverlapMetrics.h"

#include "image/BinaryVolume.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace delineate::ml {

void OverlapCounter::add(const uint8_t* prediction, const uint8_t* reference, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i) {
        ++m_reference[reference[i]];
        ++m_prediction[prediction[i]];
        if (reference[i] == prediction[i])
            ++m_intersection[reference[i]];
    }
    m_voxels += int64_t(count);
}

OverlapReport OverlapCounter::report() const
{
    OverlapReport report;
    report.voxels = m_voxels;
    int64_t matched = 0;
    for (int v = 0; v < 256; ++v) {
        matched += m_intersection[std::size_t(v)];
        if (m_reference[std::size_t(v)] == 0)
            continue;
        ClassOverlap c;
        c.value = v;
        c.reference = m_reference[std::size_t(v)];
        c.prediction = m_prediction[std::size_t(v)];
        c.intersection = m_intersection[std::size_t(v)];
        c.dice = 2.0 * double(c.intersection) / double(c.reference + c.prediction);
        c.iou = double(c.intersection) / double(c.reference + c.prediction - c.intersection);
        report.classes.append(c);
    }
    report.mismatched = m_voxels - matched;
    report.pixelError = m_voxels ? double(report.mismatched) / double(m_voxels) : 0.0;
    return report;
}

QJsonObject OverlapReport::toJson() const
{
    QJsonArray list;
    for (const ClassOverlap& c : classes)
        list.append(QJsonObject{{QStringLiteral("label"), c.value},
                                {QStringLiteral("dice"), c.dice},
                                {QStringLiteral("iou"), c.iou},
                                {QStringLiteral("reference_voxels"), double(c.reference)},
                                {QStringLiteral("predicted_voxels"), double(c.prediction)},
                                {QStringLiteral("hd95_mm"), c.hd95 >= 0.0 ? QJsonValue(c.hd95) : QJsonValue()},
                                {QStringLiteral("mean_surface_distance_mm"),
                                 c.meanSurfaceDistance >= 0.0 ? QJsonValue(c.meanSurfaceDistance) : QJsonValue()}});
    return QJsonObject{{QStringLiteral("classes"), list},
                       {QStringLiteral("voxels"), double(voxels)},
                       {QStringLiteral("pixel_error"), pixelError}};
}

namespace {

// The surface voxels of `mask` within `box` (lower corner `lo`, size `boxSize`) as a BinaryVolume over that box.
BinaryVolume surfaceIn(const uint8_t* mask, const std::array<int64_t, 3>& size, const std::array<int64_t, 3>& lo,
                       const std::array<int64_t, 3>& boxSize, const std::array<double, 3>& spacing)
{
    BinaryVolume surface(boxSize, spacing);
    const auto at = [&](int64_t i, int64_t j, int64_t k) {
        if (i < 0 || j < 0 || k < 0 || i >= size[0] || j >= size[1] || k >= size[2])
            return false;
        return mask[std::size_t(i + size[0] * (j + size[1] * k))] != 0;
    };
    for (int64_t k = 0; k < boxSize[2]; ++k)
        for (int64_t j = 0; j < boxSize[1]; ++j)
            for (int64_t i = 0; i < boxSize[0]; ++i) {
                const int64_t x = lo[0] + i, y = lo[1] + j, z = lo[2] + k;
                if (!at(x, y, z))
                    continue;
                if (!at(x - 1, y, z) || !at(x + 1, y, z) || !at(x, y - 1, z) || !at(x, y + 1, z) || !at(x, y, z - 1) || !at(x, y, z + 1))
                    surface.values[surface.offset(i, j, k)] = 1;
            }
    return surface;
}

double percentile95(std::vector<double>& values)
{
    // The smallest distance d with at least 95 % of the distances <= d.
    const std::size_t rank = std::size_t(std::ceil(0.95 * double(values.size()))) - 1;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(rank), values.end());
    return values[rank];
}

} // namespace

SurfaceDistances surfaceDistances(const uint8_t* a, const uint8_t* b, const std::array<int64_t, 3>& size,
                                  const std::array<double, 3>& spacing)
{
    // The box holding both masks: every surface voxel lies in it, so distances need nothing outside.
    std::array<int64_t, 3> lo{size[0], size[1], size[2]}, hi{-1, -1, -1};
    bool anyA = false, anyB = false;
    for (int64_t k = 0; k < size[2]; ++k)
        for (int64_t j = 0; j < size[1]; ++j)
            for (int64_t i = 0; i < size[0]; ++i) {
                const std::size_t o = std::size_t(i + size[0] * (j + size[1] * k));
                if (!a[o] && !b[o])
                    continue;
                anyA = anyA || a[o];
                anyB = anyB || b[o];
                const int64_t index[3] = {i, j, k};
                for (int d = 0; d < 3; ++d) {
                    lo[std::size_t(d)] = std::min(lo[std::size_t(d)], index[d]);
                    hi[std::size_t(d)] = std::max(hi[std::size_t(d)], index[d]);
                }
            }
    if (!anyA || !anyB)
        return {};
    const std::array<int64_t, 3> boxSize{hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
    const BinaryVolume surfaceA = surfaceIn(a, size, lo, boxSize, spacing);
    const BinaryVolume surfaceB = surfaceIn(b, size, lo, boxSize, spacing);
    const std::vector<double> toB = squaredDistanceToMask(surfaceB);
    const std::vector<double> toA = squaredDistanceToMask(surfaceA);
    std::vector<double> fromA, fromB;
    for (std::size_t o = 0; o < surfaceA.count(); ++o) {
        if (surfaceA.values[o])
            fromA.push_back(std::sqrt(toB[o]));
        if (surfaceB.values[o])
            fromB.push_back(std::sqrt(toA[o]));
    }
    double sum = 0.0;
    for (double d : fromA)
        sum += d;
    for (double d : fromB)
        sum += d;
    SurfaceDistances result;
    result.mean = sum / double(fromA.size() + fromB.size());
    result.hd95 = std::max(percentile95(fromA), percentile95(fromB));
    return result;
}

Expected<OverlapReport> compareLabelMaps(const LabelMap& prediction, const LabelMap& reference,
                                         const QString& predictionName, const QString& referenceName)
{
    if (prediction.geometry().size() != reference.geometry().size() ||
        !prediction.geometry().sameGridAs(reference.geometry()))
        return Error::failed(QCoreApplication::translate("OverlapMetrics", "%1 and %2 are not on the same voxel grid "
                                                                           "(size, spacing, origin or direction differ)")
                                 .arg(predictionName, referenceName));
    OverlapCounter counter;
    counter.add(prediction.data(), reference.data(), reference.voxelCount());
    OverlapReport report = counter.report();
    const ImageGeometry& grid = reference.geometry();
    const std::array<double, 3> spacing{grid.spacing()[0], grid.spacing()[1], grid.spacing()[2]};
    std::vector<uint8_t> a(reference.voxelCount()), b(reference.voxelCount());
    for (ClassOverlap& c : report.classes) {
        if (c.value == 0 || c.prediction == 0)
            continue;
        for (std::size_t o = 0; o < a.size(); ++o) {
            a[o] = prediction.data()[o] == c.value ? 1 : 0;
            b[o] = reference.data()[o] == c.value ? 1 : 0;
        }
        const SurfaceDistances d = surfaceDistances(a.data(), b.data(), grid.size(), spacing);
        c.hd95 = d.hd95;
        c.meanSurfaceDistance = d.mean;
    }
    return report;
}

} // namespace delineate::ml
