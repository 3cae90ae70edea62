// Voxel readout text: 1-based index, LPS mm without "-0.0", value.
#include "model/VoxelReadout.h"

#include <QCoreApplication>

#include <cmath>

namespace delineate {

namespace {

// Translation context "VoxelReadout" (lupdate reads it from the macro).
class VoxelReadoutText
{
    Q_DECLARE_TR_FUNCTIONS(VoxelReadout)
};

} // namespace

QString voxelReadoutText(const std::array<int64_t, 3>& voxel, const Vector3& lps, const QString& value)
{
    Vector3 p = lps;
    for (double& c : p)
        if (std::abs(c) < 0.05)
            c = 0.0; // "-0.0" reads like an error
    return VoxelReadoutText::tr("Voxel (%1, %2, %3)   LPS (%4, %5, %6) mm   Value %7")
        .arg(voxel[0] + 1)
        .arg(voxel[1] + 1)
        .arg(voxel[2] + 1)
        .arg(p[0], 0, 'f', 1)
        .arg(p[1], 0, 'f', 1)
        .arg(p[2], 0, 'f', 1)
        .arg(value);
}

} // namespace delineate
