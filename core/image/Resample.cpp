// Trilinear resampling through patient space.
#include "image/Resample.h"

#include <cmath>

namespace delineate {

ImageGeometry resizedGeometry(const ImageGeometry& geometry, std::array<int64_t, 3> size)
{
    ImageGeometry out = geometry;
    Vector3 spacing{};
    Vector3 origin = geometry.origin();
    for (int a = 0; a < 3; ++a) {
        const double extent = geometry.spacing()[a] * double(geometry.size()[a]);
        spacing[a] = extent / double(size[a]);
        // Keep the outer voxel edges where they were: the first centre moves by half the spacing change.
        const double shift = (spacing[a] - geometry.spacing()[a]) / 2.0;
        for (int r = 0; r < 3; ++r)
            origin[r] += geometry.direction()[r][a] * shift;
    }
    out.setSize(size);
    out.setSpacing(spacing);
    out.setOrigin(origin);
    return out;
}

Volume resampleLinear(const Volume& source, const ImageGeometry& target, double background)
{
    Volume out(target, source.pixelType());
    const auto& s = source.geometry().size();
    const auto& t = target.size();
    for (int64_t k = 0; k < t[2]; ++k) {
        for (int64_t j = 0; j < t[1]; ++j) {
            // The source index moves linearly along a target row: compute its ends once.
            const Vector3 start = source.geometry().physicalToIndex(target.indexToPhysical({0.0, double(j), double(k)}));
            const Vector3 next = source.geometry().physicalToIndex(target.indexToPhysical({1.0, double(j), double(k)}));
            const Vector3 step{next[0] - start[0], next[1] - start[1], next[2] - start[2]};
            for (int64_t i = 0; i < t[0]; ++i) {
                const double x = start[0] + step[0] * i, y = start[1] + step[1] * i, z = start[2] + step[2] * i;
                double value = background;
                if (x > -0.5 && y > -0.5 && z > -0.5 && x < s[0] - 0.5 && y < s[1] - 0.5 && z < s[2] - 0.5) {
                    const double cx = std::clamp(x, 0.0, double(s[0] - 1)), cy = std::clamp(y, 0.0, double(s[1] - 1)),
                                 cz = std::clamp(z, 0.0, double(s[2] - 1));
                    const int64_t x0 = int64_t(cx), y0 = int64_t(cy), z0 = int64_t(cz);
                    const int64_t x1 = std::min(x0 + 1, s[0] - 1), y1 = std::min(y0 + 1, s[1] - 1),
                                  z1 = std::min(z0 + 1, s[2] - 1);
                    const double fx = cx - x0, fy = cy - y0, fz = cz - z0;
                    auto v = [&](int64_t a, int64_t b, int64_t c) { return source.value(a, b, c); };
                    const double c00 = v(x0, y0, z0) * (1 - fx) + v(x1, y0, z0) * fx;
                    const double c10 = v(x0, y1, z0) * (1 - fx) + v(x1, y1, z0) * fx;
                    const double c01 = v(x0, y0, z1) * (1 - fx) + v(x1, y0, z1) * fx;
                    const double c11 = v(x0, y1, z1) * (1 - fx) + v(x1, y1, z1) * fx;
                    value = (c00 * (1 - fy) + c10 * fy) * (1 - fz) + (c01 * (1 - fy) + c11 * fy) * fz;
                }
                const std::size_t o = out.offset(i, j, k);
                if (out.pixelType() == PixelType::Int16)
                    out.int16Data()[o] = static_cast<int16_t>(std::lround(std::clamp(value, -32768.0, 32767.0)));
                else
                    out.float32Data()[o] = float(value);
            }
        }
    }
    return out;
}

} // namespace delineate
