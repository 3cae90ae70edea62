// SliceViewModel: voxel axes per view, radiological flips, orientation letters, slice extraction, coordinate mapping.
#include "dicom/DicomSeries.h"
#include "image/LabelLayer.h"
#include "image/Volume.h"
#include "model/DisplayLut.h"
#include "model/ImageInfo.h"
#include "model/SliceViewModel.h"

#include <QTest>

#include <cmath>

using namespace delineate;

Q_DECLARE_METATYPE(delineate::Matrix3)
Q_DECLARE_METATYPE(delineate::ViewOrientation)

namespace {

// Direction matrix from three column vectors (voxel axes i, j, k in LPS).
Matrix3 columns(const Vector3& i, const Vector3& j, const Vector3& k)
{
    Matrix3 m{};
    for (int r = 0; r < 3; ++r) {
        m[r][0] = i[r];
        m[r][1] = j[r];
        m[r][2] = k[r];
    }
    return m;
}

ImageGeometry geometry(const Matrix3& direction, std::array<int64_t, 3> size = {5, 4, 3})
{
    return ImageGeometry(size, {1.0, 2.0, 3.0}, {10.0, -20.0, 30.0}, direction);
}

} // namespace

class TestSliceViewModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void labelsFollowDirectionCosines_data();
    void labelsFollowDirectionCosines();
    void axesOfSagittalAcquisition();
    void obliqueGetsTwoLetters();
    void extractedSliceMatchesVoxels_data();
    void extractedSliceMatchesVoxels();
    void imagePointRoundTrip();
    void labelsExtractedWithColours();
    void outlineKeepsOnlyBoundaryVoxels();
    void missingOrientationIsKnownAsMissing();
    void dicomNamesAndDatesReadable();
};

void TestSliceViewModel::labelsFollowDirectionCosines_data()
{
    QTest::addColumn<Matrix3>("direction");
    QTest::addColumn<ViewOrientation>("orientation");
    QTest::addColumn<QString>("leftTopRightBottom");

    const Matrix3 lps = columns({1, 0, 0}, {0, 1, 0}, {0, 0, 1});
    const Matrix3 ras = columns({-1, 0, 0}, {0, -1, 0}, {0, 0, 1}); // NIfTI written in RAS, e.g. ch2.nii.gz
    // Radiological convention: patient's right on screen left; anterior up (axial); superior up (coronal, sagittal).
    QTest::newRow("LPS axial") << lps << ViewOrientation::Axial << QStringLiteral("R A L P");
    QTest::newRow("LPS coronal") << lps << ViewOrientation::Coronal << QStringLiteral("R S L I");
    QTest::newRow("LPS sagittal") << lps << ViewOrientation::Sagittal << QStringLiteral("A S P I");
    QTest::newRow("RAS axial") << ras << ViewOrientation::Axial << QStringLiteral("R A L P");
    QTest::newRow("RAS coronal") << ras << ViewOrientation::Coronal << QStringLiteral("R S L I");
    QTest::newRow("RAS sagittal") << ras << ViewOrientation::Sagittal << QStringLiteral("A S P I");
}

void TestSliceViewModel::labelsFollowDirectionCosines()
{
    QFETCH(Matrix3, direction);
    QFETCH(ViewOrientation, orientation);
    QFETCH(QString, leftTopRightBottom);
    SliceViewModel model(orientation);
    model.setGeometry(geometry(direction));
    const QString labels = QStringList{model.edgeLabel(Qt::LeftEdge), model.edgeLabel(Qt::TopEdge),
                                       model.edgeLabel(Qt::RightEdge), model.edgeLabel(Qt::BottomEdge)}
                               .join(QLatin1Char(' '));
    QCOMPARE(labels, leftTopRightBottom);
    QVERIFY(!model.isOblique());
}

void TestSliceViewModel::axesOfSagittalAcquisition()
{
    // A sagittal DICOM series: rows run anterior->posterior, columns superior->inferior, slices right->left.
    const Matrix3 sagittal = columns({0, 1, 0}, {0, 0, -1}, {1, 0, 0});
    SliceViewModel axial(ViewOrientation::Axial), coronal(ViewOrientation::Coronal), side(ViewOrientation::Sagittal);
    for (SliceViewModel* model : {&axial, &coronal, &side})
        model->setGeometry(geometry(sagittal));
    QCOMPARE(side.sliceAxis(), 2);
    QCOMPARE(side.columnAxis(), 0);
    QCOMPARE(side.rowAxis(), 1);
    QVERIFY(!side.columnsFlipped() && !side.rowsFlipped()); // shown as acquired
    QCOMPARE(axial.sliceAxis(), 1);
    QCOMPARE(axial.columnAxis(), 2);
    QCOMPARE(axial.rowAxis(), 0);
    QCOMPARE(coronal.sliceAxis(), 0);
    QVERIFY(coronal.rowsFlipped() == false); // j already runs superior -> inferior
    QCOMPARE(axial.edgeLabel(Qt::LeftEdge), QStringLiteral("R"));
    QCOMPARE(coronal.edgeLabel(Qt::TopEdge), QStringLiteral("S"));
    QCOMPARE(axial.columns(), 3);
    QCOMPARE(axial.rows(), 5);
    QCOMPARE(axial.sliceCount(), 4);
}

void TestSliceViewModel::obliqueGetsTwoLetters()
{
    const double a = 20.0 * M_PI / 180.0; // rotation about the L-R axis, as a gantry tilt
    const Matrix3 tilted = columns({1, 0, 0}, {0, std::cos(a), -std::sin(a)}, {0, std::sin(a), std::cos(a)});
    SliceViewModel sagittal(ViewOrientation::Sagittal);
    sagittal.setGeometry(geometry(tilted));
    QVERIFY(sagittal.isOblique());
    QCOMPARE(sagittal.edgeLabel(Qt::LeftEdge), QStringLiteral("AS"));
    QCOMPARE(sagittal.edgeLabel(Qt::TopEdge), QStringLiteral("SP"));
    SliceViewModel axial(ViewOrientation::Axial);
    axial.setGeometry(geometry(tilted));
    QCOMPARE(axial.edgeLabel(Qt::LeftEdge), QStringLiteral("R")); // the i axis is not tilted
}

void TestSliceViewModel::extractedSliceMatchesVoxels_data()
{
    QTest::addColumn<Matrix3>("direction");
    QTest::addColumn<ViewOrientation>("orientation");
    QTest::addColumn<bool>("asFloat");
    const Matrix3 lps = columns({1, 0, 0}, {0, 1, 0}, {0, 0, 1});
    const Matrix3 ras = columns({-1, 0, 0}, {0, -1, 0}, {0, 0, 1});
    const Matrix3 sagittal = columns({0, 1, 0}, {0, 0, -1}, {1, 0, 0});
    const std::pair<const char*, Matrix3> directions[] = {{"LPS", lps}, {"RAS", ras}, {"sagittal", sagittal}};
    const std::pair<const char*, ViewOrientation> views[] = {
        {"axial", ViewOrientation::Axial}, {"coronal", ViewOrientation::Coronal}, {"sagittal", ViewOrientation::Sagittal}};
    for (const auto& [dName, d] : directions)
        for (const auto& [vName, v] : views)
            for (bool asFloat : {false, true})
                QTest::addRow("%s %s %s", dName, vName, asFloat ? "float" : "int16") << d << v << asFloat;
}

void TestSliceViewModel::extractedSliceMatchesVoxels()
{
    QFETCH(Matrix3, direction);
    QFETCH(ViewOrientation, orientation);
    QFETCH(bool, asFloat);
    Volume volume(geometry(direction), PixelType::Int16);
    const auto& size = volume.geometry().size();
    for (int64_t k = 0; k < size[2]; ++k)
        for (int64_t j = 0; j < size[1]; ++j)
            for (int64_t i = 0; i < size[0]; ++i)
                volume.int16Data()[volume.offset(i, j, k)] = int16_t(i + 10 * j + 60 * k);
    if (asFloat)
        volume = volume.toFloat32();
    DisplayLut lut;
    lut.setWindow({255.0, 127.5}); // grey = value
    SliceViewModel model(orientation);
    model.setGeometry(volume.geometry());
    QImage image;
    for (int slice = 0; slice < model.sliceCount(); ++slice) {
        model.extractSlice(volume, slice, lut, image);
        QCOMPARE(image.size(), QSize(model.columns(), model.rows()));
        for (int row = 0; row < model.rows(); ++row)
            for (int column = 0; column < model.columns(); ++column) {
                const auto voxel = model.nearestVoxel(QPointF(column + 0.5, row + 0.5), slice);
                QCOMPARE(qGray(image.pixel(column, row)), int(volume.value(voxel[0], voxel[1], voxel[2])));
            }
    }
}

void TestSliceViewModel::imagePointRoundTrip()
{
    SliceViewModel model(ViewOrientation::Coronal);
    model.setGeometry(geometry(columns({-1, 0, 0}, {0, -1, 0}, {0, 0, 1})));
    const Vector3 index{1.25, 2.0, 0.5};
    const QPointF point = model.imagePoint(index);
    const Vector3 back = model.voxelIndex(point, index[model.sliceAxis()]);
    for (int axis = 0; axis < 3; ++axis)
        QVERIFY(std::abs(back[axis] - index[axis]) < 1e-12);
}

void TestSliceViewModel::labelsExtractedWithColours()
{
    const ImageGeometry g = geometry(columns({1, 0, 0}, {0, 1, 0}, {0, 0, 1}));
    LabelLayer labels(g.voxelCount());
    labels.set(Volume(g, PixelType::Int16).offset(2, 1, 1), 3);
    QRgb colours[256] = {};
    colours[3] = qRgba(255, 0, 0, 255);
    SliceViewModel model(ViewOrientation::Axial);
    model.setGeometry(g);
    QImage image;
    QVERIFY(!model.extractLabels(labels, 0, colours, LabelDrawing::Fill, false, image));
    QVERIFY(model.extractLabels(labels, 1, colours, LabelDrawing::Fill, false, image));
    QCOMPARE(image.pixel(2, 1), qRgba(255, 0, 0, 255));
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
}

void TestSliceViewModel::outlineKeepsOnlyBoundaryVoxels()
{
    // A 5 x 5 square of label 1 in a 9 x 9 slice: its outline is the 16 voxels of its border.
    const ImageGeometry g(ImageGeometry({9, 9, 1}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}));
    LabelLayer labels(g.voxelCount());
    for (int j = 2; j <= 6; ++j)
        for (int i = 2; i <= 6; ++i)
            labels.set(std::size_t(i + 9 * j), 1);
    QRgb colours[256] = {};
    colours[1] = qRgba(0, 255, 0, 255);
    SliceViewModel model(ViewOrientation::Axial);
    model.setGeometry(g);
    QImage image;
    QVERIFY(model.extractLabels(labels, 0, colours, LabelDrawing::Outline, false, image));
    int drawn = 0;
    for (int y = 0; y < 9; ++y)
        for (int x = 0; x < 9; ++x)
            if (qAlpha(image.pixel(x, y)) != 0)
                ++drawn;
    QCOMPARE(drawn, 16);
    // A second layer drawn over the first changes only its own voxels.
    LabelLayer second(g.voxelCount());
    second.set(std::size_t(4 + 9 * 4), 2);
    colours[2] = qRgba(0, 0, 255, 255);
    QVERIFY(model.extractLabels(second, 0, colours, LabelDrawing::Fill, true, image));
    int blue = 0, green = 0;
    for (int y = 0; y < 9; ++y)
        for (int x = 0; x < 9; ++x) {
            blue += image.pixel(x, y) == qRgba(0, 0, 255, 255) ? 1 : 0;
            green += image.pixel(x, y) == qRgba(0, 255, 0, 255) ? 1 : 0;
        }
    QCOMPARE(blue, 1);
    QCOMPARE(green, 16);
}

void TestSliceViewModel::missingOrientationIsKnownAsMissing()
{
    SeriesInfo series;
    series.frames.resize(3); // frames without ImagePositionPatient / ImageOrientationPatient keep the defaults
    QVERIFY(!ImageInfo::fromSeries(series, QString()).orientationKnown);
    for (int n = 0; n < 3; ++n)
        series.frames[n].position = {0, 0, double(n)};
    QVERIFY(ImageInfo::fromSeries(series, QString()).orientationKnown);
}

void TestSliceViewModel::dicomNamesAndDatesReadable()
{
    QCOMPARE(formatPersonName(QStringLiteral("DOE^JOHN^^DR")), QStringLiteral("DOE, JOHN DR"));
    QCOMPARE(formatPersonName(QStringLiteral("ANONYMOUS")), QStringLiteral("ANONYMOUS"));
    QCOMPARE(formatDicomDate(QStringLiteral("20231124")), QStringLiteral("2023-11-24"));
    QCOMPARE(formatDicomDate(QStringLiteral("")), QString());
}

QTEST_GUILESS_MAIN(TestSliceViewModel)
#include "tst_SliceViewModel.moc"
