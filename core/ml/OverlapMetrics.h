// Per-class Dice and IoU and pixel error between a predicted and a reference label map (no torch).
#pragma once

#include "common/Expected.h"
#include "image/LabelMap.h"

#include <QJsonObject>
#include <QVector>

#include <array>
#include <cstdint>

namespace delineate::ml {

struct ClassOverlap
{
    int value = 0;
    int64_t reference = 0;    // voxels of this class in the reference
    int64_t prediction = 0;   // voxels of this class in the prediction
    int64_t intersection = 0;
    double dice = 0.0;
    double iou = 0.0;
    // Surface distances in mm (label maps with a geometry only; -1 when undefined: a class missing from one side,
    // or a folder of slices): HD95 = the larger of the two directed 95th percentiles of the distances from one
    // surface's voxel centres to the nearest voxel centre of the other surface; mean = the mean of both directions'
    // distances pooled (average symmetric surface distance). Surface voxels: those with a face neighbour outside the
    // class (the volume's border counts as outside).
    double hd95 = -1.0;
    double meanSurfaceDistance = -1.0;
};

// The surface distances between two masks of `size` voxels with `spacing` (mm), i fastest; -1 when either is empty.
struct SurfaceDistances
{
    double hd95 = -1.0;
    double mean = -1.0;
};
SurfaceDistances surfaceDistances(const uint8_t* a, const uint8_t* b, const std::array<int64_t, 3>& size,
                                  const std::array<double, 3>& spacing);

struct OverlapReport
{
    QVector<ClassOverlap> classes; // every label value present in the reference, 0 included, ascending
    int64_t voxels = 0;
    int64_t mismatched = 0;
    double pixelError = 0.0;       // mismatched / voxels

    QJsonObject toJson() const;
};

// Accumulates counts over several label maps (e.g. a folder of PNG masks) before reporting.
class OverlapCounter
{
public:
    void add(const uint8_t* prediction, const uint8_t* reference, std::size_t count);
    OverlapReport report() const;

private:
    std::array<int64_t, 256> m_reference{};
    std::array<int64_t, 256> m_prediction{};
    std::array<int64_t, 256> m_intersection{};
    int64_t m_voxels = 0;
};

// Fails (naming both files) when the grids differ.
Expected<OverlapReport> compareLabelMaps(const LabelMap& prediction, const LabelMap& reference,
                                         const QString& predictionName, const QString& referenceName);

} // namespace delineate::ml
