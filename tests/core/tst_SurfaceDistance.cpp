// HD95 and mean surface distance of evaluate, on analytic spheres with anisotropic spacing. Oracle: brute force over
// every pair of surface voxels, computed here; and the analytic distance between concentric spheres.
#include "image/LabelMap.h"
#include "ml/OverlapMetrics.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace delineate;

namespace {

const ImageGeometry kGrid({48, 44, 20}, {0.7, 0.9, 2.0}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});

// Label `value` inside the sphere of `radius` mm around `centre` (mm from the origin).
void paintSphere(LabelMap& map, const std::array<double, 3>& centre, double radius, uint8_t value)
{
    const auto& size = kGrid.size();
    const auto& spacing = kGrid.spacing();
    for (int64_t k = 0; k < size[2]; ++k)
        for (int64_t j = 0; j < size[1]; ++j)
            for (int64_t i = 0; i < size[0]; ++i) {
                const double x = i * spacing[0] - centre[0], y = j * spacing[1] - centre[1], z = k * spacing[2] - centre[2];
                if (x * x + y * y + z * z <= radius * radius)
                    map.data()[std::size_t(i + size[0] * (j + size[1] * k))] = value;
            }
}

// Surface voxels (a face neighbour outside, the border counting as outside) as mm positions.
std::vector<std::array<double, 3>> surface(const LabelMap& map, uint8_t value)
{
    const auto& size = kGrid.size();
    const auto& spacing = kGrid.spacing();
    const auto in = [&](int64_t i, int64_t j, int64_t k) {
        return i >= 0 && j >= 0 && k >= 0 && i < size[0] && j < size[1] && k < size[2]
               && map.data()[std::size_t(i + size[0] * (j + size[1] * k))] == value;
    };
    std::vector<std::array<double, 3>> points;
    for (int64_t k = 0; k < size[2]; ++k)
        for (int64_t j = 0; j < size[1]; ++j)
            for (int64_t i = 0; i < size[0]; ++i)
                if (in(i, j, k) && (!in(i - 1, j, k) || !in(i + 1, j, k) || !in(i, j - 1, k) || !in(i, j + 1, k)
                                    || !in(i, j, k - 1) || !in(i, j, k + 1)))
                    points.push_back({i * spacing[0], j * spacing[1], k * spacing[2]});
    return points;
}

std::vector<double> directed(const std::vector<std::array<double, 3>>& from, const std::vector<std::array<double, 3>>& to)
{
    std::vector<double> distances;
    for (const auto& p : from) {
        double best = 1e300;
        for (const auto& q : to)
            best = std::min(best, (p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
        distances.push_back(std::sqrt(best));
    }
    return distances;
}

double p95(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[std::size_t(std::ceil(0.95 * double(values.size()))) - 1];
}

} // namespace

class TestSurfaceDistance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesBruteForceOnShiftedSpheres()
    {
        LabelMap prediction(kGrid), reference(kGrid);
        paintSphere(reference, {16.0, 20.0, 19.0}, 9.0, 1);
        paintSphere(prediction, {18.1, 19.0, 21.0}, 7.5, 1);
        auto report = ml::compareLabelMaps(prediction, reference, QStringLiteral("p"), QStringLiteral("r"));
        QVERIFY(report.ok());
        const ml::ClassOverlap& c = report->classes.last();
        QCOMPARE(c.value, 1);
        const auto a = surface(prediction, 1), b = surface(reference, 1);
        const std::vector<double> ab = directed(a, b), ba = directed(b, a);
        const double hd95 = std::max(p95(ab), p95(ba));
        double sum = 0.0;
        for (double d : ab)
            sum += d;
        for (double d : ba)
            sum += d;
        const double mean = sum / double(ab.size() + ba.size());
        QVERIFY2(std::abs(c.hd95 - hd95) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(c.hd95).arg(hd95)));
        QVERIFY2(std::abs(c.meanSurfaceDistance - mean) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(c.meanSurfaceDistance).arg(mean)));
        QVERIFY(hd95 > 1.0); // the spheres differ: a real distance, not 0
    }

    void concentricSpheresAreTheirRadiusDifferenceApart()
    {
        // Surfaces 4 mm apart everywhere: HD95 and the mean lie within a voxel diagonal of 4 mm.
        LabelMap prediction(kGrid), reference(kGrid);
        paintSphere(reference, {16.8, 19.8, 20.0}, 12.0, 2);
        paintSphere(prediction, {16.8, 19.8, 20.0}, 8.0, 2);
        auto report = ml::compareLabelMaps(prediction, reference, QStringLiteral("p"), QStringLiteral("r"));
        QVERIFY(report.ok());
        const ml::ClassOverlap& c = report->classes.last();
        const double diagonal = std::sqrt(0.7 * 0.7 + 0.9 * 0.9 + 2.0 * 2.0);
        QVERIFY2(std::abs(c.hd95 - 4.0) <= diagonal, qPrintable(QString::number(c.hd95)));
        QVERIFY2(std::abs(c.meanSurfaceDistance - 4.0) <= diagonal, qPrintable(QString::number(c.meanSurfaceDistance)));
        // Identical masks: 0; a class missing from the prediction: undefined (-1).
        auto same = ml::compareLabelMaps(reference, reference, QStringLiteral("r"), QStringLiteral("r"));
        QCOMPARE(same->classes.last().hd95, 0.0);
        LabelMap empty(kGrid);
        auto missing = ml::compareLabelMaps(empty, reference, QStringLiteral("e"), QStringLiteral("r"));
        QCOMPARE(missing->classes.last().hd95, -1.0);
    }
};

QTEST_GUILESS_MAIN(TestSurfaceDistance)
#include "tst_SurfaceDistance.moc"
