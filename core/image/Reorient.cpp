// Axis permutation/flip without interpolation.
#include "image/Reorient.h"

namespace delineate {

Volume reorientToNearestLps(const Volume& volume)
{
    const ImageGeometry& g = volume.geometry();
    const std::array<int, 3> anatomicalOfAxis = g.nearestAnatomicalAxes();
    // For output axis a (anatomical a), which input axis feeds it and whether it is reversed.
    std::array<int, 3> inputAxis{};
    std::array<bool, 3> flip{};
    for (int c = 0; c < 3; ++c) {
        const int a = anatomicalOfAxis[c];
        inputAxis[a] = c;
        flip[a] = g.direction()[a][c] < 0.0;
    }
    ImageGeometry out;
    std::array<int64_t, 3> size{};
    Vector3 spacing{};
    Matrix3 direction{};
    for (int a = 0; a < 3; ++a) {
        const int c = inputAxis[a];
        size[a] = g.size()[c];
        spacing[a] = g.spacing()[c];
        for (int r = 0; r < 3; ++r)
            direction[r][a] = (flip[a] ? -1.0 : 1.0) * g.direction()[r][c];
    }
    // The new origin is the input voxel that becomes index (0, 0, 0).
    Vector3 cornerIndex{};
    for (int a = 0; a < 3; ++a)
        cornerIndex[inputAxis[a]] = flip[a] ? double(g.size()[inputAxis[a]] - 1) : 0.0;
    out.setSize(size);
    out.setSpacing(spacing);
    out.setDirection(direction);
    out.setOrigin(g.indexToPhysical(cornerIndex));

    Volume result(out, volume.pixelType());
    std::array<int64_t, 3> in{};
    for (int64_t k = 0; k < size[2]; ++k)
        for (int64_t j = 0; j < size[1]; ++j)
            for (int64_t i = 0; i < size[0]; ++i) {
                const int64_t idx[3] = {i, j, k};
                for (int a = 0; a < 3; ++a)
                    in[inputAxis[a]] = flip[a] ? size[a] - 1 - idx[a] : idx[a];
                const std::size_t from = volume.offset(in[0], in[1], in[2]);
                const std::size_t to = result.offset(i, j, k);
                if (volume.pixelType() == PixelType::Int16)
                    result.int16Data()[to] = volume.int16Data()[from];
                else
                    result.float32Data()[to] = volume.float32Data()[from];
            }
    return result;
}

} // namespace delineate
