// Mask-to-series grid checks and nearest-neighbour label resampling.
#include "image/GeometryMatch.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {

class GeometryMatchText
{
    Q_DECLARE_TR_FUNCTIONS(GeometryMatch)
};

QString axisLetters(const ImageGeometry& g)
{
    QStringList letters;
    for (int c = 0; c < 3; ++c) {
        const Vector3 d = g.axisDirection(c);
        int best = 0;
        for (int r = 1; r < 3; ++r)
            if (std::abs(d[r]) > std::abs(d[best]))
                best = r;
        static const char positive[3] = {'L', 'P', 'S'};
        static const char negative[3] = {'R', 'A', 'I'};
        QString letter(QLatin1Char(d[best] >= 0 ? positive[best] : negative[best]));
        if (std::abs(d[best]) < 0.9999)
            letter += QStringLiteral("~"); // oblique: the letter is only the nearest axis
        letters << letter;
    }
    return letters.join(QLatin1Char(' '));
}

QString number(double v)
{
    return QString::number(std::abs(v) < 5e-5 ? 0.0 : v, 'g', 6);
}

} // namespace

QString describeGeometry(const ImageGeometry& g)
{
    const auto& s = g.size();
    const auto& sp = g.spacing();
    const auto& o = g.origin();
    return GeometryMatchText::tr("%1 x %2 x %3 voxels of %4 x %5 x %6 mm, origin (%7, %8, %9) mm, axes %10")
        .arg(s[0])
        .arg(s[1])
        .arg(s[2])
        .arg(number(sp[0]), number(sp[1]), number(sp[2]))
        .arg(number(o[0]), number(o[1]), number(o[2]))
        .arg(axisLetters(g));
}

double gridOffsetInVoxels(const ImageGeometry& mask, const ImageGeometry& series)
{
    // The two grids are affine, so the worst voxel-centre offset is at one of the eight corners.
    double worst = 0.0;
    const auto& size = mask.size();
    for (int corner = 0; corner < 8; ++corner) {
        const Vector3 index{(corner & 1) ? double(std::max<int64_t>(0, size[0] - 1)) : 0.0,
                            (corner & 2) ? double(std::max<int64_t>(0, size[1] - 1)) : 0.0,
                            (corner & 4) ? double(std::max<int64_t>(0, size[2] - 1)) : 0.0};
        const Vector3 inSeries = series.physicalToIndex(mask.indexToPhysical(index));
        for (int a = 0; a < 3; ++a)
            worst = std::max(worst, std::abs(inSeries[a] - index[a]));
    }
    return worst;
}

Expected<void> checkMaskFitsSeries(const ImageGeometry& mask, const ImageGeometry& series, const QString& maskName,
                                   const QString& seriesName)
{
    QString why;
    bool directionDiffers = false;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            directionDiffers |= std::abs(mask.direction()[r][c] - series.direction()[r][c]) > 1e-4;
    if (mask.size() != series.size())
        why = GeometryMatchText::tr("the sizes differ");
    else if (directionDiffers)
        why = GeometryMatchText::tr("the axis directions differ by more than 1e-4");
    else if (const double offset = gridOffsetInVoxels(mask, series); offset > 0.01)
        why = GeometryMatchText::tr("its voxels lie up to %1 voxels away from the series' voxels (origin or spacing "
                                    "differ by more than 1 % of a voxel)")
                  .arg(offset, 0, 'g', 3);
    if (why.isEmpty())
        return {};
    return Error::gridMismatch(GeometryMatchText::tr("The mask %1 does not fit the series %2: %3.\nMask:   %4\nSeries: %5")
                                   .arg(maskName, seriesName, why, describeGeometry(mask), describeGeometry(series)));
}

LabelLayer resampleLabelsNearest(const LabelLayer& source, const ImageGeometry& from, const ImageGeometry& to)
{
    LabelLayer out(to.voxelCount(), source.width());
    const auto& s = from.size();
    const auto& t = to.size();
    std::size_t o = 0;
    for (int64_t k = 0; k < t[2]; ++k) {
        for (int64_t j = 0; j < t[1]; ++j) {
            const Vector3 start = from.physicalToIndex(to.indexToPhysical({0.0, double(j), double(k)}));
            const Vector3 next = from.physicalToIndex(to.indexToPhysical({1.0, double(j), double(k)}));
            const Vector3 step{next[0] - start[0], next[1] - start[1], next[2] - start[2]};
            for (int64_t i = 0; i < t[0]; ++i, ++o) {
                const int64_t x = int64_t(std::floor(start[0] + step[0] * double(i) + 0.5));
                const int64_t y = int64_t(std::floor(start[1] + step[1] * double(i) + 0.5));
                const int64_t z = int64_t(std::floor(start[2] + step[2] * double(i) + 0.5));
                if (x < 0 || y < 0 || z < 0 || x >= s[0] || y >= s[1] || z >= s[2])
                    continue;
                out.set(o, source.at(std::size_t(x + s[0] * (y + s[1] * z))));
            }
        }
    }
    return out;
}

} // namespace delineate
