// Tilt correction and slice equalisation by resampling along the stacking direction.
#include "dicom/SliceRegularizer.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {

// Translation context "SliceRegularizer" (lupdate reads it from the macro).
class SliceRegularizerText
{
    Q_DECLARE_TR_FUNCTIONS(SliceRegularizer)
};

Vector3 add(const Vector3& a, const Vector3& b, double scale = 1.0)
{
    return {a[0] + scale * b[0], a[1] + scale * b[1], a[2] + scale * b[2]};
}

Vector3 subtract(const Vector3& a, const Vector3& b)
{
    return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}

// Bilinear sample of slice `k` at continuous in-plane index (u, v); false outside the slice.
bool sampleSlice(const Volume& stack, int64_t k, double u, double v, double& value)
{
    const auto& size = stack.geometry().size();
    if (u < -0.5 || v < -0.5 || u > size[0] - 0.5 || v > size[1] - 0.5)
        return false;
    u = std::clamp(u, 0.0, double(size[0] - 1));
    v = std::clamp(v, 0.0, double(size[1] - 1));
    const int64_t u0 = int64_t(std::floor(u)), v0 = int64_t(std::floor(v));
    const int64_t u1 = std::min(u0 + 1, size[0] - 1), v1 = std::min(v0 + 1, size[1] - 1);
    const double fu = u - u0, fv = v - v0;
    const double a = stack.value(u0, v0, k), b = stack.value(u1, v0, k);
    const double c = stack.value(u0, v1, k), d = stack.value(u1, v1, k);
    value = (a * (1 - fu) + b * fu) * (1 - fv) + (c * (1 - fu) + d * fu) * fv;
    return true;
}

} // namespace

Expected<Volume> regularizeSlices(const Volume& stack, const std::vector<Vector3>& positions, const GeometryReport& report)
{
    const ImageGeometry& g = stack.geometry();
    const int64_t slices = g.size()[2];
    if (slices < 2 || int64_t(positions.size()) != slices)
        return Error::failed(SliceRegularizerText::tr("cannot regularise fewer than two slices"));
    const Vector3 rowDirection = g.axisDirection(0), columnDirection = g.axisDirection(1), normal = g.axisDirection(2);
    const double sx = g.spacing()[0], sy = g.spacing()[1];

    // The regular grid keeps the slice planes' own axes (row, column, normal), which are orthogonal even when the
    // gantry was tilted: tilt only shifts each slice along its column axis, which the wider grid absorbs. This is
    // the grid of dcm2niix's _Tilt output, so dimensions and spacing agree with it.
    std::vector<double> along(slices), shift(slices);
    for (int64_t s = 0; s < slices; ++s) {
        const Vector3 d = subtract(positions[s], positions.front());
        along[s] = dot(d, normal);
        shift[s] = dot(d, columnDirection);
    }
    const double length = along.back();
    double spacing = length / double(slices - 1);
    int64_t count = slices;
    if (report.unevenSpacing) {
        // Equidistant slices at the smallest gap over the whole extent, at most twice as many as acquired (then
        // spread evenly), as dcm2niix's _Eq output; unlike it, the last acquired slice is always kept.
        double smallest = length;
        for (int64_t s = 1; s < slices; ++s)
            if (along[s] - along[s - 1] > 1e-4)
                smallest = std::min(smallest, along[s] - along[s - 1]);
        count = int64_t(std::llround(length / smallest)) + 1;
        spacing = length / double(count - 1);
        if (count > 2 * slices) {
            count = 2 * slices;
            spacing = length / double(count - 1);
        }
        if (count < 3)
            return Error::failed(SliceRegularizerText::tr("cannot equalise the slice spacing: too few slices"));
    }
    const auto [lowShift, highShift] = std::minmax_element(shift.begin(), shift.end());
    const int64_t extraRows = report.gantryTilt ? int64_t(std::ceil((*highShift - *lowShift) / sy - 1e-6)) : 0;
    const int64_t sizeI = g.size()[0], sizeJ = g.size()[1] + extraRows;
    if (double(sizeI) * sizeJ * count > 4.0e9)
        return Error::failed(SliceRegularizerText::tr("the regularised volume would be too large"));

    ImageGeometry target;
    target.setSize({sizeI, sizeJ, count});
    target.setSpacing({sx, sy, spacing});
    target.setOrigin(add(positions.front(), columnDirection, report.gantryTilt ? *lowShift : 0.0));
    target.setDirection(g.direction());

    const double background = stack.valueRange().minimum;
    Volume out(target, stack.pixelType());
    for (int64_t t = 0; t < count; ++t) {
        const double z = spacing * double(t);
        int64_t s = std::upper_bound(along.begin(), along.end(), z) - along.begin() - 1;
        s = std::clamp<int64_t>(s, 0, slices - 2);
        const double w = std::clamp((z - along[s]) / std::max(along[s + 1] - along[s], 1e-9), 0.0, 1.0);
        for (int64_t y = 0; y < sizeJ; ++y) {
            // Row y of the new grid, seen in slices s and s + 1 (same columns: only the column axis shifts).
            const double targetRow = (report.gantryTilt ? *lowShift : 0.0) / sy + double(y);
            const double v0 = targetRow - shift[s] / sy, v1 = targetRow - shift[s + 1] / sy;
            for (int64_t x = 0; x < sizeI; ++x) {
                const double u0 = dot(subtract(positions.front(), positions[s]), rowDirection) / sx + double(x);
                const double u1 = dot(subtract(positions.front(), positions[s + 1]), rowDirection) / sx + double(x);
                double a = 0.0, b = 0.0;
                const bool insideA = sampleSlice(stack, s, u0, v0, a);
                const bool insideB = sampleSlice(stack, s + 1, u1, v1, b);
                double v = background;
                if (insideA && insideB)
                    v = a * (1 - w) + b * w;
                else if (insideA && w < 0.5)
                    v = a;
                else if (insideB && w >= 0.5)
                    v = b;
                const std::size_t offset = out.offset(x, y, t);
                if (out.pixelType() == PixelType::Int16)
                    out.int16Data()[offset] = static_cast<int16_t>(std::lround(v));
                else
                    out.float32Data()[offset] = float(v);
            }
        }
    }
    return out;
}

} // namespace delineate
