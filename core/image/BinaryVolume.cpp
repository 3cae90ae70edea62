// Separable exact Euclidean distance transform and the morphology and components built on it.
#include "image/BinaryVolume.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace delineate {

namespace {

constexpr double kFar = 1e30;

// One line of the squared distance transform: d[p] = min_q ((p - q) * step)^2 + f[q] (lower envelope of parabolas).
void transformLine(const double* f, double* d, int64_t n, double step, std::vector<int64_t>& v, std::vector<double>& z)
{
    v.resize(std::size_t(n));
    z.resize(std::size_t(n) + 1);
    const double s2 = step * step;
    int64_t k = 0;
    int64_t first = 0;
    while (first < n && f[first] >= kFar)
        ++first;
    if (first == n) {
        std::fill(d, d + n, kFar);
        return;
    }
    v[0] = first;
    z[0] = -std::numeric_limits<double>::infinity();
    z[1] = std::numeric_limits<double>::infinity();
    for (int64_t q = first + 1; q < n; ++q) {
        if (f[q] >= kFar)
            continue;
        double sIntersect = 0.0;
        for (;;) {
            const int64_t p = v[std::size_t(k)];
            // Where the parabolas from q and from p meet, in index units.
            sIntersect = ((f[q] + s2 * double(q) * double(q)) - (f[p] + s2 * double(p) * double(p))) / (2.0 * s2 * double(q - p));
            if (sIntersect <= z[std::size_t(k)] && k > 0) {
                --k;
                continue;
            }
            break;
        }
        if (sIntersect <= z[std::size_t(k)]) { // k == 0: the new parabola is lower everywhere
            v[0] = q;
            z[0] = -std::numeric_limits<double>::infinity();
            z[1] = std::numeric_limits<double>::infinity();
            continue;
        }
        ++k;
        v[std::size_t(k)] = q;
        z[std::size_t(k)] = sIntersect;
        z[std::size_t(k) + 1] = std::numeric_limits<double>::infinity();
    }
    k = 0;
    for (int64_t p = 0; p < n; ++p) {
        while (z[std::size_t(k) + 1] < double(p))
            ++k;
        const double dp = double(p - v[std::size_t(k)]) * step;
        d[p] = dp * dp + f[v[std::size_t(k)]];
    }
}

} // namespace

std::size_t BinaryVolume::ones() const
{
    return std::size_t(std::count(values.begin(), values.end(), uint8_t(1)));
}

std::vector<double> squaredDistanceToMask(const BinaryVolume& mask, const std::array<bool, 3>& axes)
{
    std::vector<double> d(mask.count());
    for (std::size_t o = 0; o < d.size(); ++o)
        d[o] = mask.values[o] ? 0.0 : kFar;
    std::vector<double> line, out;
    std::vector<int64_t> v;
    std::vector<double> z;
    const auto& size = mask.size;
    const std::array<int64_t, 3> stride{1, size[0], size[0] * size[1]};
    for (int axis = 0; axis < 3; ++axis) {
        if (!axes[std::size_t(axis)] || size[std::size_t(axis)] <= 1)
            continue;
        const int64_t n = size[std::size_t(axis)];
        line.resize(std::size_t(n));
        out.resize(std::size_t(n));
        const int a = axis == 0 ? 1 : 0, b = axis == 2 ? 1 : 2; // the two other axes
        for (int64_t y = 0; y < size[std::size_t(b)]; ++y)
            for (int64_t x = 0; x < size[std::size_t(a)]; ++x) {
                const int64_t base = x * stride[std::size_t(a)] + y * stride[std::size_t(b)];
                for (int64_t p = 0; p < n; ++p)
                    line[std::size_t(p)] = d[std::size_t(base + p * stride[std::size_t(axis)])];
                transformLine(line.data(), out.data(), n, mask.spacing[std::size_t(axis)], v, z);
                for (int64_t p = 0; p < n; ++p)
                    d[std::size_t(base + p * stride[std::size_t(axis)])] = std::min(out[std::size_t(p)], kFar);
            }
    }
    return d;
}

BinaryVolume dilate(const BinaryVolume& mask, double radiusMm)
{
    const std::vector<double> d = squaredDistanceToMask(mask);
    BinaryVolume out(mask.size, mask.spacing);
    const double r2 = radiusMm * radiusMm * (1.0 + 1e-12) + 1e-12;
    for (std::size_t o = 0; o < d.size(); ++o)
        out.values[o] = d[o] <= r2 ? 1 : 0;
    return out;
}

BinaryVolume erode(const BinaryVolume& mask, double radiusMm)
{
    // A voxel stays when no background voxel lies within the radius; outside the box counts as background, so the
    // complement is taken on a box one radius larger.
    std::array<int64_t, 3> margin{}, padded{};
    for (int a = 0; a < 3; ++a) {
        margin[std::size_t(a)] = mask.size[std::size_t(a)] > 1 ? int64_t(std::floor(radiusMm / mask.spacing[std::size_t(a)])) + 1 : 0;
        padded[std::size_t(a)] = mask.size[std::size_t(a)] + 2 * margin[std::size_t(a)];
    }
    BinaryVolume background(padded, mask.spacing);
    std::fill(background.values.begin(), background.values.end(), uint8_t(1));
    for (int64_t k = 0; k < mask.size[2]; ++k)
        for (int64_t j = 0; j < mask.size[1]; ++j)
            for (int64_t i = 0; i < mask.size[0]; ++i)
                if (mask.values[mask.offset(i, j, k)])
                    background.values[background.offset(i + margin[0], j + margin[1], k + margin[2])] = 0;
    const BinaryVolume grown = dilate(background, radiusMm);
    BinaryVolume out(mask.size, mask.spacing);
    for (int64_t k = 0; k < mask.size[2]; ++k)
        for (int64_t j = 0; j < mask.size[1]; ++j)
            for (int64_t i = 0; i < mask.size[0]; ++i)
                out.values[out.offset(i, j, k)] = grown.values[grown.offset(i + margin[0], j + margin[1], k + margin[2])] ? 0 : 1;
    return out;
}

BinaryVolume open(const BinaryVolume& mask, double radiusMm)
{
    return dilate(erode(mask, radiusMm), radiusMm);
}

BinaryVolume close(const BinaryVolume& mask, double radiusMm)
{
    return erode(dilate(mask, radiusMm), radiusMm);
}

Components connectedComponents(const BinaryVolume& mask, bool fullyConnected)
{
    Components result;
    result.labels.assign(mask.count(), 0);
    result.sizes.push_back(0);
    const auto& size = mask.size;
    std::vector<std::array<int64_t, 3>> neighbours;
    for (int dk = -1; dk <= 1; ++dk)
        for (int dj = -1; dj <= 1; ++dj)
            for (int di = -1; di <= 1; ++di) {
                const int steps = std::abs(di) + std::abs(dj) + std::abs(dk);
                if (steps == 0 || (!fullyConnected && steps > 1))
                    continue;
                neighbours.push_back({di, dj, dk});
            }
    std::vector<std::size_t> queue;
    for (std::size_t start = 0; start < mask.count(); ++start) {
        if (!mask.values[start] || result.labels[start])
            continue;
        const uint32_t component = uint32_t(result.sizes.size());
        std::size_t voxels = 0;
        queue.clear();
        queue.push_back(start);
        result.labels[start] = component;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const std::size_t o = queue[head];
            ++voxels;
            const int64_t i = int64_t(o) % size[0], j = (int64_t(o) / size[0]) % size[1], k = int64_t(o) / (size[0] * size[1]);
            for (const auto& n : neighbours) {
                const int64_t x = i + n[0], y = j + n[1], z = k + n[2];
                if (x < 0 || y < 0 || z < 0 || x >= size[0] || y >= size[1] || z >= size[2])
                    continue;
                const std::size_t q = mask.offset(x, y, z);
                if (mask.values[q] && !result.labels[q]) {
                    result.labels[q] = component;
                    queue.push_back(q);
                }
            }
        }
        result.sizes.push_back(voxels);
    }
    return result;
}

} // namespace delineate
