// The editing tools on real grids against independent oracles: region growing against ITK's ConnectedThreshold
// filter (3D and per slice) on dcmqi's CT; threshold-limited painting against a sphere and value range computed here;
// lasso fill against half-plane tests and shape-based interpolation of two discs against the cone between them
// (within one voxel), on slices normal to each voxel axis; island removal against ITK's ConnectedComponent +
// RelabelComponent filters; opening and closing with an ellipsoid in mm (anisotropic CT spacing) against ITK's
// binary morphology with the same structuring element.
// Label statistics (voxels, ml) follow every edit and its undo.
#include "TestData.h"

#include "edit/Brush.h"
#include "edit/LabelTools.h"
#include "edit/SegmentationDocument.h"
#include "io/ImageSource.h"
#include "io/VolumeIO.h"

#include <QTest>

#include <itkBinaryBallStructuringElement.h>
#include <itkBinaryMorphologicalClosingImageFilter.h>
#include <itkBinaryMorphologicalOpeningImageFilter.h>
#include <itkConnectedComponentImageFilter.h>
#include <itkConnectedThresholdImageFilter.h>
#include <itkFlatStructuringElement.h>
#include <itkImage.h>
#include <itkImageRegionIterator.h>
#include <itkRelabelComponentImageFilter.h>

#include <cmath>
#include <set>

using namespace delineate;

namespace {

const QString kColin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");
using FloatImage = itk::Image<float, 3>;
using MaskImage = itk::Image<uint8_t, 3>;

template <typename ImageT>
typename ImageT::Pointer itkImage(const std::array<int64_t, 3>& size)
{
    auto image = ImageT::New();
    typename ImageT::RegionType region;
    typename ImageT::SizeType s;
    for (int a = 0; a < 3; ++a)
        s[a] = itk::SizeValueType(size[std::size_t(a)]);
    region.SetSize(s);
    image->SetRegions(region);
    image->Allocate();
    image->FillBuffer(0);
    return image;
}

FloatImage::Pointer toItk(const Volume& v)
{
    auto image = itkImage<FloatImage>(v.geometry().size());
    float* out = image->GetBufferPointer();
    for (std::size_t o = 0; o < v.voxelCount(); ++o)
        out[o] = float(v.valueAt(o));
    return image;
}

std::set<std::size_t> labelled(const Segmentation& s, uint16_t label)
{
    std::set<std::size_t> voxels;
    const int layer = s.labels().layerOf(label);
    for (std::size_t o = 0; o < s.voxelCount(); ++o)
        if (s.labelAt(layer, o) == label)
            voxels.insert(o);
    return voxels;
}

std::set<std::size_t> ones(const MaskImage* image)
{
    std::set<std::size_t> voxels;
    const uint8_t* p = image->GetBufferPointer();
    const std::size_t n = image->GetLargestPossibleRegion().GetNumberOfPixels();
    for (std::size_t o = 0; o < n; ++o)
        if (p[o])
            voxels.insert(o);
    return voxels;
}

MaskImage::Pointer maskOf(const Segmentation& s, uint16_t label)
{
    auto image = itkImage<MaskImage>(s.geometry().size());
    uint8_t* p = image->GetBufferPointer();
    for (std::size_t o = 0; o < s.voxelCount(); ++o)
        p[o] = s.labelAt(0, o) == label ? 1 : 0;
    return image;
}

void paintSphere(SegmentationDocument& document, uint16_t label, const Vector3& centre, double radius)
{
    BrushSettings brush;
    brush.radius = radius;
    brush.shape = BrushShape::Sphere;
    brush.label = label;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, brush, centre);
    QVERIFY(document.commitEdit().ok());
}

} // namespace

class TestLabelTools : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void regionGrowMatchesItk_data();
    void regionGrowMatchesItk();
    void thresholdBrushPaintsOnlyTheRange();
    void lassoFillsThePolygon_data();
    void lassoFillsThePolygon();
    void interpolationMakesTheCone_data();
    void interpolationMakesTheCone();
    void islandsMatchItkComponents();
    void smoothingMatchesItkMorphology_data();
    void smoothingMatchesItkMorphology();
    void statisticsFollowEditsAndUndo();

private:
    std::shared_ptr<Volume> m_ct;
    ImageGeometry m_colin;
};

void TestLabelTools::initTestCase()
{
    DELINEATE_REQUIRE_PACKAGED(kColin);
    auto colin = readVolume(kColin);
    QVERIFY(colin.ok());
    m_colin = colin->geometry();
    if (QFileInfo::exists(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")))) {
        SimpleJobControl control;
        auto ct = loadOneSeries(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")), QString(), control);
        QVERIFY(ct.ok());
        m_ct = std::make_shared<Volume>(std::move(ct->volume));
    }
}

void TestLabelTools::regionGrowMatchesItk_data()
{
    QTest::addColumn<int>("i");
    QTest::addColumn<int>("j");
    QTest::addColumn<int>("k");
    QTest::addColumn<double>("tolerance");
    QTest::addColumn<bool>("threeD");
    // Seeds in the liver (soft tissue), in air outside the body and in fat, on different slices.
    QTest::newRow("liver 3D") << 200 << 250 << 1 << 40.0 << true;
    QTest::newRow("liver 2D") << 200 << 250 << 1 << 100.0 << false;
    QTest::newRow("air 3D") << 10 << 10 << 0 << 100.0 << true;
    QTest::newRow("soft tissue 2D, top slice") << 300 << 300 << 2 << 100.0 << false;
}

void TestLabelTools::regionGrowMatchesItk()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    QFETCH(int, i);
    QFETCH(int, j);
    QFETCH(int, k);
    QFETCH(double, tolerance);
    QFETCH(bool, threeD);
    SegmentationDocument document{Segmentation(m_ct->geometry())};
    RegionGrowOptions options;
    options.label = 4;
    options.tolerance = tolerance;
    options.threeD = threeD;
    options.sliceAxis = 2;
    auto result = regionGrow(document, *m_ct, {i, j, k}, options);
    QVERIFY2(result.ok(), qPrintable(result.error().message));

    // ITK's own region growing with the same range and face connectivity, on the volume or on the seed's slice.
    const double seedValue = m_ct->value(i, j, k);
    std::set<std::size_t> expected;
    if (threeD) {
        auto filter = itk::ConnectedThresholdImageFilter<FloatImage, MaskImage>::New();
        filter->SetInput(toItk(*m_ct));
        filter->SetLower(float(seedValue - tolerance));
        filter->SetUpper(float(seedValue + tolerance));
        filter->SetReplaceValue(1);
        FloatImage::IndexType seed{{i, j, k}};
        filter->AddSeed(seed);
        filter->Update();
        expected = ones(filter->GetOutput());
    } else {
        using Slice = itk::Image<float, 2>;
        using SliceMask = itk::Image<uint8_t, 2>;
        auto slice = Slice::New();
        Slice::RegionType region;
        Slice::SizeType s{{itk::SizeValueType(m_ct->geometry().size()[0]), itk::SizeValueType(m_ct->geometry().size()[1])}};
        region.SetSize(s);
        slice->SetRegions(region);
        slice->Allocate();
        for (int64_t y = 0; y < int64_t(s[1]); ++y)
            for (int64_t x = 0; x < int64_t(s[0]); ++x)
                slice->GetBufferPointer()[x + int64_t(s[0]) * y] = float(m_ct->value(x, y, k));
        auto filter = itk::ConnectedThresholdImageFilter<Slice, SliceMask>::New();
        filter->SetInput(slice);
        filter->SetLower(float(seedValue - tolerance));
        filter->SetUpper(float(seedValue + tolerance));
        filter->SetReplaceValue(1);
        Slice::IndexType seed{{i, j}};
        filter->AddSeed(seed);
        filter->Update();
        const uint8_t* p = filter->GetOutput()->GetBufferPointer();
        for (std::size_t o = 0; o < s[0] * s[1]; ++o)
            if (p[o])
                expected.insert(o + std::size_t(k) * s[0] * s[1]);
    }
    QVERIFY2(expected.size() > 100, qPrintable(QString::number(expected.size())));
    const std::set<std::size_t> grown = labelled(document.segmentation(), 4);
    QCOMPARE(grown.size(), expected.size());
    QVERIFY(grown == expected);
    QCOMPARE(result->regionVoxels, expected.size());
    QVERIFY(document.history().at(0).description.startsWith(threeD ? QStringLiteral("Fill 3D") : QStringLiteral("Fill 2D")));
}

void TestLabelTools::thresholdBrushPaintsOnlyTheRange()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    SegmentationDocument document{Segmentation(m_ct->geometry())};
    BrushSettings brush;
    brush.radius = 12.0;
    brush.shape = BrushShape::Sphere;
    brush.label = 2;
    brush.image = m_ct.get();
    brush.limitToRange = true;
    brush.lower = -50.0;  // soft tissue, not fat or air
    brush.upper = 150.0;
    const Vector3 centre{180, 280, 1};
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, brush, centre);
    QVERIFY(document.commitEdit(brushDescription(document.labels(), brush, 1)).ok());
    std::set<std::size_t> expected;
    const ImageGeometry& g = m_ct->geometry();
    for (int64_t k = 0; k < 3; ++k)
        for (int64_t j = 0; j < 512; ++j)
            for (int64_t i = 0; i < 512; ++i) {
                const double dx = (double(i) - centre[0]) * g.spacing()[0], dy = (double(j) - centre[1]) * g.spacing()[1],
                             dz = (double(k) - centre[2]) * g.spacing()[2];
                const double v = m_ct->value(i, j, k);
                if (dx * dx + dy * dy + dz * dz <= 144.0 + 1e-9 && v >= -50.0 && v <= 150.0)
                    expected.insert(m_ct->offset(i, j, k));
            }
    QVERIFY(expected.size() > 200);
    QVERIFY(labelled(document.segmentation(), 2) == expected);
    QVERIFY(document.history().at(0).description.startsWith(QStringLiteral("Threshold brush (-50 to 150)")));
}

void TestLabelTools::lassoFillsThePolygon_data()
{
    QTest::addColumn<QString>("grid");
    QTest::addColumn<int>("axis");
    QTest::addColumn<int>("slice");
    QTest::newRow("ct axial") << "ct" << 2 << 1;
    QTest::newRow("colin sagittal") << "colin" << 0 << 90;
    QTest::newRow("colin coronal") << "colin" << 1 << 120;
    QTest::newRow("colin axial") << "colin" << 2 << 60;
}

void TestLabelTools::lassoFillsThePolygon()
{
    QFETCH(QString, grid);
    QFETCH(int, axis);
    QFETCH(int, slice);
    if (grid == QLatin1String("ct"))
        DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    const ImageGeometry g = grid == QLatin1String("ct") ? m_ct->geometry() : m_colin;
    SegmentationDocument document{Segmentation(g)};
    // A triangle on the slice, its corners between voxel centres, its x along the lower of the two in-plane voxel
    // axes and y along the higher: a voxel is inside when it lies on the inner side of all three edges.
    const QVector<std::array<double, 2>> triangle{{30.3, 20.2}, {170.7, 60.4}, {90.1, 175.9}};
    auto filled = fillPolygon(document, axis, slice, triangle, 3, {});
    QVERIFY(filled.ok());
    const auto side = [](const std::array<double, 2>& a, const std::array<double, 2>& b, double x, double y) {
        return (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
    };
    const int xAxis = axis == 0 ? 1 : 0, yAxis = axis == 2 ? 1 : 2;
    const auto& size = g.size();
    std::set<std::size_t> expected;
    for (int64_t y = 0; y < size[std::size_t(yAxis)]; ++y)
        for (int64_t x = 0; x < size[std::size_t(xAxis)]; ++x) {
            const double s0 = side(triangle[0], triangle[1], double(x), double(y));
            const double s1 = side(triangle[1], triangle[2], double(x), double(y));
            const double s2 = side(triangle[2], triangle[0], double(x), double(y));
            if ((s0 > 0 && s1 > 0 && s2 > 0) || (s0 < 0 && s1 < 0 && s2 < 0)) {
                std::array<int64_t, 3> index{};
                index[std::size_t(axis)] = slice;
                index[std::size_t(xAxis)] = x;
                index[std::size_t(yAxis)] = y;
                expected.insert(std::size_t(index[0] + size[0] * (index[1] + size[1] * index[2])));
            }
        }
    QVERIFY(expected.size() > 5000);
    QCOMPARE(*filled, expected.size());
    QVERIFY(labelled(document.segmentation(), 3) == expected);
    // The lasso erases only its label.
    Vector3 inside{0, 0, 0};
    inside[std::size_t(axis)] = slice;
    inside[std::size_t(xAxis)] = 100;
    inside[std::size_t(yAxis)] = 80;
    paintSphere(document, 5, inside, 6.0);
    const std::set<std::size_t> five = labelled(document.segmentation(), 5);
    QVERIFY(fillPolygon(document, axis, slice, triangle, 3, {}, true).ok());
    QVERIFY(labelled(document.segmentation(), 3).empty());
    QVERIFY(labelled(document.segmentation(), 5) == five);
}

void TestLabelTools::interpolationMakesTheCone_data()
{
    QTest::addColumn<int>("axis");
    QTest::newRow("axial") << 2;
    QTest::newRow("coronal") << 1;
    QTest::newRow("sagittal") << 0;
}

void TestLabelTools::interpolationMakesTheCone()
{
    // Two discs on the Colin grid (1 mm voxels): radius 8 mm on slice 60, 20 mm on slice 72 (normal to `axis`). The
    // slices in between must hold the disc of the interpolated radius, to within one voxel.
    QFETCH(int, axis);
    SegmentationDocument document{Segmentation(m_colin)};
    const int xAxis = axis == 0 ? 1 : 0, yAxis = axis == 2 ? 1 : 2;
    const double cx = 90, cy = 100;
    for (const auto& [slice, radius] : {std::pair<int, double>{60, 8.0}, std::pair<int, double>{72, 20.0}}) {
        BrushSettings disk;
        disk.radius = radius;
        disk.shape = BrushShape::Disk;
        disk.sliceAxis = axis;
        disk.label = 1;
        Vector3 centre{};
        centre[std::size_t(axis)] = slice;
        centre[std::size_t(xAxis)] = cx;
        centre[std::size_t(yAxis)] = cy;
        document.beginEdit(EditKind::Manual, QString());
        paintDab(document, disk, centre);
        QVERIFY(document.commitEdit().ok());
    }
    const std::set<std::size_t> keys = labelled(document.segmentation(), 1);
    auto result = interpolateLabel(document, 1, axis);
    QVERIFY2(result.ok(), qPrintable(result.error().message));
    QCOMPARE(result->keySlices, 2);
    QCOMPARE(result->filledSlices, 11);
    const Segmentation& s = document.segmentation();
    const auto& size = m_colin.size();
    for (int64_t k = 61; k < 72; ++k) {
        const double radius = 8.0 + (20.0 - 8.0) * double(k - 60) / 12.0;
        std::size_t inSlice = 0;
        for (int64_t y = 0; y < size[std::size_t(yAxis)]; ++y)
            for (int64_t x = 0; x < size[std::size_t(xAxis)]; ++x) {
                std::array<int64_t, 3> index{};
                index[std::size_t(axis)] = k;
                index[std::size_t(xAxis)] = x;
                index[std::size_t(yAxis)] = y;
                const double r = std::hypot(double(x) - cx, double(y) - cy);
                const bool on = s.labelAt(0, std::size_t(index[0] + size[0] * (index[1] + size[1] * index[2]))) == 1;
                inSlice += on ? 1 : 0;
                if (r <= radius - 1.0)
                    QVERIFY2(on, qPrintable(QStringLiteral("slice %1: (%2, %3) at %4 mm missing, radius %5").arg(k).arg(x).arg(y).arg(r).arg(radius)));
                if (r > radius + 1.0)
                    QVERIFY2(!on, qPrintable(QStringLiteral("slice %1: (%2, %3) at %4 mm labelled, radius %5").arg(k).arg(x).arg(y).arg(r).arg(radius)));
            }
        // Not a blend of masks: the area grows with the square of the radius.
        QVERIFY(std::abs(double(inSlice) - M_PI * radius * radius) < 2.0 * M_PI * radius + 4.0);
    }
    QVERIFY(document.undo());
    QVERIFY(labelled(document.segmentation(), 1) == keys);
}

void TestLabelTools::islandsMatchItkComponents()
{
    SegmentationDocument document{Segmentation(m_colin)};
    // Five separate blobs of label 1 of different sizes, and one of label 2 that must stay.
    paintSphere(document, 1, {40, 40, 40}, 9.0);
    paintSphere(document, 1, {90, 90, 90}, 5.0);
    paintSphere(document, 1, {120, 60, 90}, 2.0);
    paintSphere(document, 1, {60, 150, 120}, 3.0);
    paintSphere(document, 1, {140, 160, 60}, 1.0);
    paintSphere(document, 2, {100, 40, 40}, 4.0);
    const std::set<std::size_t> two = labelled(document.segmentation(), 2);
    auto components = itk::ConnectedComponentImageFilter<MaskImage, itk::Image<uint32_t, 3>>::New();
    components->SetInput(maskOf(document.segmentation(), 1));
    auto relabel = itk::RelabelComponentImageFilter<itk::Image<uint32_t, 3>, itk::Image<uint32_t, 3>>::New();
    relabel->SetInput(components->GetOutput());
    relabel->Update();
    const auto sizes = relabel->GetSizeOfObjectsInPixels(); // largest first
    QCOMPARE(int(sizes.size()), 5);
    const std::size_t threshold = sizes[2]; // keeps the three largest
    std::set<std::size_t> expectedKept;
    const uint32_t* ranks = relabel->GetOutput()->GetBufferPointer();
    for (std::size_t o = 0; o < m_colin.voxelCount(); ++o)
        if (ranks[o] >= 1 && sizes[ranks[o] - 1] >= threshold)
            expectedKept.insert(o);

    auto removed = removeIslands(document, 1, threshold, false);
    QVERIFY(removed.ok());
    QCOMPARE(removed->islands, 5);
    QCOMPARE(removed->removedIslands, 2);
    QVERIFY(labelled(document.segmentation(), 1) == expectedKept);
    QVERIFY(labelled(document.segmentation(), 2) == two);

    auto largest = removeIslands(document, 1, 0, true);
    QVERIFY(largest.ok());
    std::set<std::size_t> onlyLargest;
    for (std::size_t o = 0; o < m_colin.voxelCount(); ++o)
        if (ranks[o] == 1)
            onlyLargest.insert(o);
    QVERIFY(labelled(document.segmentation(), 1) == onlyLargest);
}

void TestLabelTools::smoothingMatchesItkMorphology_data()
{
    QTest::addColumn<bool>("opening");
    QTest::addColumn<double>("radius");
    QTest::newRow("opening 2 mm") << true << 2.0;
    QTest::newRow("closing 2 mm") << false << 2.0;
    QTest::newRow("opening 1 mm (one voxel through the slices)") << true << 1.0;
    QTest::newRow("closing 3.5 mm") << false << 3.5;
}

void TestLabelTools::smoothingMatchesItkMorphology()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    QFETCH(bool, opening);
    QFETCH(double, radius);
    // The CT's anisotropic grid (0.81 x 0.81 x 1 mm) made large enough that the shape stays clear of the edges.
    ImageGeometry g = m_ct->geometry();
    g.setSize({160, 160, 41});
    SegmentationDocument document{Segmentation(g)};
    // An irregular shape: two overlapping spheres, a thin spur and a small hole.
    paintSphere(document, 1, {70, 80, 20}, 14.0);
    paintSphere(document, 1, {95, 80, 20}, 10.0);
    BrushSettings spur;
    spur.radius = 0.5;
    spur.unit = BrushUnit::Voxels;
    spur.label = 1;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, spur, {60, 60, 20});
    paintLine(document, spur, {60, 60, 20}, {60, 40, 20});
    BrushSettings hole = spur;
    hole.erase = true;
    hole.radius = 1.0;
    paintDab(document, hole, {75, 80, 20});
    QVERIFY(document.commitEdit().ok());

    // ITK with the same structuring element: every offset d with sum((d_a * spacing_a)^2) <= r^2.
    using Element = itk::FlatStructuringElement<3>;
    Element::RadiusType elementRadius;
    for (int a = 0; a < 3; ++a)
        elementRadius[a] = itk::SizeValueType(std::floor(radius / g.spacing()[std::size_t(a)]));
    Element element;
    element.SetRadius(elementRadius);
    for (auto it = element.Begin(); it != element.End(); ++it) {
        const auto offset = element.GetOffset(std::size_t(it - element.Begin()));
        double d2 = 0.0;
        for (int a = 0; a < 3; ++a)
            d2 += std::pow(double(offset[a]) * g.spacing()[std::size_t(a)], 2.0);
        *it = d2 <= radius * radius * (1.0 + 1e-12) + 1e-12;
    }
    std::set<std::size_t> expected;
    if (opening) {
        auto filter = itk::BinaryMorphologicalOpeningImageFilter<MaskImage, MaskImage, Element>::New();
        filter->SetInput(maskOf(document.segmentation(), 1));
        filter->SetKernel(element);
        filter->SetForegroundValue(1);
        filter->SetBackgroundValue(0);
        filter->Update();
        expected = ones(filter->GetOutput());
    } else {
        auto filter = itk::BinaryMorphologicalClosingImageFilter<MaskImage, MaskImage, Element>::New();
        filter->SetInput(maskOf(document.segmentation(), 1));
        filter->SetKernel(element);
        filter->SetForegroundValue(1);
        filter->SetSafeBorder(true);
        filter->Update();
        expected = ones(filter->GetOutput());
    }
    const std::set<std::size_t> before = labelled(document.segmentation(), 1);
    auto changed = smoothLabel(document, 1, opening ? SmoothingKind::Opening : SmoothingKind::Closing, radius);
    QVERIFY2(changed.ok(), qPrintable(changed.error().message));
    QVERIFY(*changed > 0);
    const std::set<std::size_t> after = labelled(document.segmentation(), 1);
    QCOMPARE(after.size(), expected.size());
    QVERIFY(after == expected);
    QVERIFY(after != before);
}

void TestLabelTools::statisticsFollowEditsAndUndo()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    SegmentationDocument document{Segmentation(m_ct->geometry())};
    paintSphere(document, 1, {200, 200, 1}, 8.0);
    paintSphere(document, 2, {205, 200, 1}, 5.0);
    const auto count = [&](uint16_t label) { return labelled(document.segmentation(), label).size(); };
    const auto& spacing = m_ct->geometry().spacing();
    const double voxelMl = spacing[0] * spacing[1] * spacing[2] / 1000.0;
    for (uint16_t label : {uint16_t(1), uint16_t(2)}) {
        QCOMPARE(document.segmentation().labelVoxelCount(label), count(label));
        QVERIFY(std::abs(document.segmentation().labelVolumeMl(label) - double(count(label)) * voxelMl) < 1e-9);
    }
    QVERIFY(document.undo());
    QCOMPARE(document.segmentation().labelVoxelCount(2), std::size_t(0));
    QCOMPARE(document.segmentation().labelVoxelCount(1), count(1));
    QVERIFY(document.redo());
    QCOMPARE(document.segmentation().labelVoxelCount(2), count(2));
    QVERIFY(removeIslands(document, 2, 1000000, false).ok());
    QCOMPARE(document.segmentation().labelVoxelCount(2), std::size_t(0));
}

QTEST_GUILESS_MAIN(TestLabelTools)
#include "tst_LabelTools.moc"
