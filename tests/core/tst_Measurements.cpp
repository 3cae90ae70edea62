// Ruler, angle and region statistics on a real anisotropic series (pyradiomics' brain MR, 0.78 x 0.78 x 6.5 mm
// voxels): every expected value is computed here from the volume's voxels and the grid's numbers (origin, spacing,
// direction written out in this file), never from Delineate's own earlier output. The JSON file round trip too.
#include "SampleStatistics.h"
#include "TestData.h"

#include "image/Volume.h"
#include "io/VolumeIO.h"
#include "measure/Measurement.h"
#include "measure/MeasurementFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <vector>

using namespace delineate;

namespace {

const QString kBrain = QStringLiteral("pyradiomics-brain1/brain1_image.nrrd");

// LPS mm of a continuous voxel index: origin + sum over axes of index * spacing * direction column.
Vector3 lps(const ImageGeometry& g, const Vector3& index)
{
    Vector3 p = g.origin();
    for (int axis = 0; axis < 3; ++axis)
        for (int r = 0; r < 3; ++r)
            p[r] += index[axis] * g.spacing()[axis] * g.direction()[r][axis];
    return p;
}

double length(const Vector3& a, const Vector3& b)
{
    return std::sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}

// Brute force over every voxel of the volume: those on the slice whose centre (in mm, in the slice plane) lies in
// the rectangle or the inscribed ellipse; two-pass mean and sample SD.
testing::SampleStatistics bruteForce(const Volume& volume, bool ellipse, int sliceAxis, int64_t slice, const Vector3& a, const Vector3& b)
{
    const ImageGeometry& g = volume.geometry();
    const auto& s = g.size();
    std::vector<double> values;
    for (int64_t k = 0; k < s[2]; ++k)
        for (int64_t j = 0; j < s[1]; ++j)
            for (int64_t i = 0; i < s[0]; ++i) {
                const int64_t index[3] = {i, j, k};
                if (index[sliceAxis] != slice)
                    continue;
                bool inside = true;
                double ellipseSum = 0.0;
                for (int axis = 0; axis < 3; ++axis) {
                    if (axis == sliceAxis)
                        continue;
                    const double x = double(index[axis]) * g.spacing()[axis];
                    const double lo = std::min(a[axis], b[axis]) * g.spacing()[axis];
                    const double hi = std::max(a[axis], b[axis]) * g.spacing()[axis];
                    inside = inside && x >= lo - 1e-9 && x <= hi + 1e-9;
                    const double radius = (hi - lo) / 2.0, centre = (hi + lo) / 2.0;
                    ellipseSum += (x - centre) * (x - centre) / (radius * radius);
                }
                if (ellipse ? ellipseSum <= 1.0 + 1e-12 : inside)
                    values.push_back(volume.value(i, j, k));
            }
    return testing::sampleStatistics(values);
}

} // namespace

class TestMeasurements : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rulerLengthFromTheGeometry_data();
    void rulerLengthFromTheGeometry();
    void angleInPatientSpace();
    void regionStatisticsEqualTheVoxels_data();
    void regionStatisticsEqualTheVoxels();
    void edgeVoxelsSurviveRounding();
    void fileRoundTrip();
    void unreadableFilesAreRefused();

private:
    std::shared_ptr<Volume> m_brain;
};

void TestMeasurements::initTestCase()
{
    DELINEATE_REQUIRE_DATA(kBrain);
    auto volume = readVolume(delineate::testing::dataPath(kBrain));
    QVERIFY2(volume.ok(), qPrintable(volume.error().message));
    m_brain = std::make_shared<Volume>(std::move(volume).value());
    // The case is anisotropic: thick axial slices.
    QVERIFY(isAnisotropic(m_brain->geometry()));
    QVERIFY(m_brain->geometry().spacing()[2] > 5.0 * m_brain->geometry().spacing()[0]);
}

void TestMeasurements::rulerLengthFromTheGeometry_data()
{
    QTest::addColumn<Vector3>("a");
    QTest::addColumn<Vector3>("b");
    // Voxel centres; an axial ruler, a coronal one across slices, a sagittal one, and one between voxel centres.
    QTest::newRow("axial") << Vector3{20, 30, 12} << Vector3{200, 110, 12};
    QTest::newRow("coronal, across thick slices") << Vector3{40, 128, 3} << Vector3{180, 128, 21};
    QTest::newRow("sagittal") << Vector3{128, 10, 0} << Vector3{128, 240, 24};
    QTest::newRow("sub-voxel") << Vector3{10.25, 20.5, 7} << Vector3{11.75, 20.5, 7};
}

void TestMeasurements::rulerLengthFromTheGeometry()
{
    QFETCH(Vector3, a);
    QFETCH(Vector3, b);
    const ImageGeometry& g = m_brain->geometry();
    const double expected = length(lps(g, a), lps(g, b));
    QVERIFY(std::abs(distanceMm(g, a, b) - expected) < 1e-9);
    Measurement ruler;
    ruler.kind = MeasurementKind::Ruler;
    ruler.points = {a, b};
    measure(*m_brain, ruler);
    QVERIFY(std::abs(ruler.lengthMm - expected) < 1e-9);
}

void TestMeasurements::angleInPatientSpace()
{
    // On a coronal slice: 40 voxels along i (31.25 mm) and 5 slices along k (32.5 mm) from the vertex. In voxel
    // units the angle would be atan(5 / 40), about 7 degrees; in mm it is about 46.
    const ImageGeometry& g = m_brain->geometry();
    const Vector3 vertex{100, 128, 10}, along{140, 128, 10}, up{140, 128, 15};
    const double expected = std::atan2(5 * g.spacing()[2], 40 * g.spacing()[0]) * 180.0 / M_PI;
    QVERIFY(std::abs(angleDegrees(g, along, vertex, up) - expected) < 1e-9);
    QVERIFY(std::abs(expected - 46.12) < 0.05);
    // A straight line is 180 degrees, a fold back 0, and a right angle in patient space is 90.
    QVERIFY(std::abs(angleDegrees(g, Vector3{90, 128, 10}, vertex, along) - 180.0) < 1e-9);
    QVERIFY(std::abs(angleDegrees(g, along, vertex, along)) < 1e-6);
    QVERIFY(std::abs(angleDegrees(g, along, vertex, Vector3{100, 128, 14}) - 90.0) < 1e-9);
}

void TestMeasurements::regionStatisticsEqualTheVoxels_data()
{
    QTest::addColumn<bool>("ellipse");
    QTest::addColumn<int>("sliceAxis");
    QTest::addColumn<int>("slice");
    QTest::addColumn<Vector3>("a");
    QTest::addColumn<Vector3>("b");
    QTest::newRow("axial rectangle") << false << 2 << 12 << Vector3{90, 80, 12} << Vector3{130, 150, 12};
    QTest::newRow("axial rectangle, corners off centre") << false << 2 << 12 << Vector3{130.6, 150.2, 12} << Vector3{90.4, 80.7, 12};
    QTest::newRow("axial ellipse") << true << 2 << 12 << Vector3{90, 80, 12} << Vector3{130, 150, 12};
    QTest::newRow("coronal rectangle") << false << 1 << 128 << Vector3{60, 128, 4} << Vector3{190, 128, 20};
    QTest::newRow("sagittal ellipse") << true << 0 << 128 << Vector3{128, 50, 3} << Vector3{128, 200, 22};
    QTest::newRow("partly outside") << false << 2 << 0 << Vector3{-10, -5, 0} << Vector3{20, 30, 0};
}

void TestMeasurements::regionStatisticsEqualTheVoxels()
{
    QFETCH(bool, ellipse);
    QFETCH(int, sliceAxis);
    QFETCH(int, slice);
    QFETCH(Vector3, a);
    QFETCH(Vector3, b);
    const testing::SampleStatistics e = bruteForce(*m_brain, ellipse, sliceAxis, slice, a, b);
    QVERIFY(e.count > 20);
    QVERIFY(e.maximum > e.minimum); // real anatomy, not a flat area
    const RegionStatistics s = regionStatistics(*m_brain, ellipse ? MeasurementKind::Ellipse : MeasurementKind::Rectangle,
                                                sliceAxis, slice, a, b);
    QCOMPARE(s.voxels, e.count);
    QVERIFY2(std::abs(s.mean - e.mean) < 1e-9 * std::max(1.0, std::abs(e.mean)), qPrintable(QString::number(s.mean - e.mean)));
    QVERIFY(std::abs(s.standardDeviation - e.sd) < 1e-9 * std::max(1.0, e.sd));
    QCOMPARE(s.minimum, e.minimum);
    QCOMPARE(s.maximum, e.maximum);
    // Area of the drawn shape in mm: sides from the spacing along the two in-plane axes.
    const ImageGeometry& g = m_brain->geometry();
    double area = 1.0;
    for (int axis = 0; axis < 3; ++axis)
        if (axis != sliceAxis)
            area *= std::abs(a[axis] - b[axis]) * g.spacing()[axis];
    if (ellipse)
        area *= M_PI / 4.0;
    QVERIFY(std::abs(s.areaMm2 - area) < 1e-9 * area);
}

void TestMeasurements::edgeVoxelsSurviveRounding()
{
    // Corners that came back from the screen a rounding error off the voxel centres they were dropped on keep the
    // voxels on the region's edge: a 40 x 50 box has centres exactly on its inscribed ellipse (e.g. 12 and 20 voxels
    // from its centre: 0.36 + 0.64 = 1) and on its sides.
    const Vector3 a{90, 80, 12}, b{130, 130, 12};
    for (bool ellipse : {false, true}) {
        const testing::SampleStatistics e = bruteForce(*m_brain, ellipse, 2, 12, a, b);
        const MeasurementKind kind = ellipse ? MeasurementKind::Ellipse : MeasurementKind::Rectangle;
        for (double off : {1e-9, -1e-9}) {
            const Vector3 a2{a[0] + off, a[1] - off, 12}, b2{b[0] - off, b[1] + off, 12};
            QCOMPARE(regionStatistics(*m_brain, kind, 2, 12, a2, b2).voxels, e.count);
            const Vector3 a3{a[0] - off, a[1] + off, 12}, b3{b[0] + off, b[1] - off, 12};
            QCOMPARE(regionStatistics(*m_brain, kind, 2, 12, a3, b3).voxels, e.count);
        }
    }
}

void TestMeasurements::fileRoundTrip()
{
    MeasurementSet set;
    set.source = delineate::testing::dataPath(kBrain);
    set.modality = QStringLiteral("MR");
    set.geometry = m_brain->geometry();
    Measurement ruler;
    ruler.id = 1;
    ruler.kind = MeasurementKind::Ruler;
    ruler.sliceAxis = 1;
    ruler.slice = 128;
    ruler.points = {Vector3{40, 128, 3}, Vector3{180, 128, 21}};
    Measurement region = ruler;
    region.id = 2;
    region.kind = MeasurementKind::Ellipse;
    Measurement angle;
    angle.id = 3;
    angle.kind = MeasurementKind::Angle;
    angle.slice = 10;
    angle.points = {Vector3{140, 128, 10}, Vector3{100, 128, 10}, Vector3{100, 100, 10}};
    for (Measurement* m : {&ruler, &region, &angle}) {
        measure(*m_brain, *m);
        set.measurements.push_back(*m);
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("measurements.json"));
    QVERIFY(writeMeasurements(path, set).ok());
    // The file says what a reader needs: the ruler in mm, its points in LPS mm, the region's values.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("delineate-measurements"));
    const QJsonArray items = root.value(QStringLiteral("measurements")).toArray();
    QCOMPARE(items.size(), 3);
    const QJsonObject first = items.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("ruler"));
    const Vector3 end = lps(m_brain->geometry(), ruler.points[1]);
    const QJsonArray endLps = first.value(QStringLiteral("pointsLps")).toArray().at(1).toArray();
    for (int r = 0; r < 3; ++r)
        QVERIFY(std::abs(endLps.at(r).toDouble() - end[r]) < 1e-6);
    QVERIFY(std::abs(first.value(QStringLiteral("lengthMm")).toDouble()
                     - length(lps(m_brain->geometry(), ruler.points[0]), end)) < 1e-6);
    const QJsonObject stats = items.at(1).toObject().value(QStringLiteral("statistics")).toObject();
    const testing::SampleStatistics e = bruteForce(*m_brain, true, 1, 128, region.points[0], region.points[1]);
    QVERIFY(std::abs(stats.value(QStringLiteral("mean")).toDouble() - e.mean) < 1e-6);
    QCOMPARE(stats.value(QStringLiteral("voxels")).toInteger(), e.count);

    auto read = readMeasurements(path);
    QVERIFY2(read.ok(), qPrintable(read.error().message));
    QVERIFY(read->geometry.sameGridAs(m_brain->geometry(), 1e-9));
    QCOMPARE(int(read->measurements.size()), 3);
    for (std::size_t n = 0; n < 3; ++n) {
        const Measurement& back = read->measurements[n];
        QCOMPARE(back.id, set.measurements[n].id);
        QVERIFY(back.kind == set.measurements[n].kind);
        QCOMPARE(back.sliceAxis, set.measurements[n].sliceAxis);
        QCOMPARE(back.slice, set.measurements[n].slice);
        QVERIFY(back.points == set.measurements[n].points);
    }
}

void TestMeasurements::unreadableFilesAreRefused()
{
    QTemporaryDir dir;
    // Not a folder one may write into: the old file stays, and the message names the file.
    QVERIFY(!writeMeasurements(dir.filePath(QStringLiteral("missing/m.json")), MeasurementSet()).ok());
    const QString other = dir.filePath(QStringLiteral("other.json"));
    QFile file(other);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "something-else", "measurements": []})");
    file.close();
    auto read = readMeasurements(other);
    QVERIFY(!read.ok());
    QVERIFY(read.error().message.contains(QStringLiteral("other.json")));
}

QTEST_GUILESS_MAIN(TestMeasurements)
#include "tst_Measurements.moc"
