// Editing tools benchmark on a 512x512x300 volume of 0.7 x 0.7 x 1 mm voxels (CT-like), core operations only.
// A synthetic "organ": an ellipsoid of about 10^6 voxels at value 100 in a background of 0, with noise of +-10.
// Last line: one JSON object with
//   fill3d_ms, fill3d_itk_ms, fill3d_ratio   3D region grow from the centre (tolerance 30) through the edit path,
//                                           against ITK's ConnectedThresholdImageFilter on the same voxels (no
//                                           undo record); ratio = ours / ITK
//   fill_voxels                              voxels of the grown region
//   interpolate_ms                           shape-based interpolation of a label drawn on every 10th of 100 slices
//   islands_ms, islands_itk_ms               keep-largest-component on the organ plus 500 specks, against ITK's
//                                           ConnectedComponent + RelabelComponent filters
//   close_ms, close_itk_ms                   closing with a 2 mm radius (an ellipsoid through the spacing) against
//                                           ITK's BinaryMorphologicalClosingImageFilter with a flat ball of
//                                           floor(2 mm / spacing) voxels
#include "edit/LabelEdits.h"
#include "edit/LabelTools.h"
#include "edit/SegmentationDocument.h"
#include "image/Volume.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>

#include <itkBinaryBallStructuringElement.h>
#include <itkBinaryMorphologicalClosingImageFilter.h>
#include <itkConnectedComponentImageFilter.h>
#include <itkConnectedThresholdImageFilter.h>
#include <itkFlatStructuringElement.h>
#include <itkImage.h>
#include <itkRelabelComponentImageFilter.h>

#include <cmath>

using namespace delineate;

namespace {

using FloatImage = itk::Image<float, 3>;
using MaskImage = itk::Image<uint8_t, 3>;

double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double rounded(double value)
{
    return std::round(value * 100.0) / 100.0;
}

template <typename Image>
typename Image::Pointer itkImage(const ImageGeometry& g)
{
    auto image = Image::New();
    typename Image::SizeType size;
    typename Image::SpacingType spacing;
    for (int a = 0; a < 3; ++a) {
        size[a] = itk::SizeValueType(g.size()[std::size_t(a)]);
        spacing[a] = g.spacing()[std::size_t(a)];
    }
    image->SetRegions(typename Image::RegionType(size));
    image->SetSpacing(spacing);
    image->Allocate();
    return image;
}

// The label's voxels as an ITK mask.
MaskImage::Pointer maskOf(const Segmentation& s, uint16_t label)
{
    auto mask = itkImage<MaskImage>(s.geometry());
    uint8_t* out = mask->GetBufferPointer();
    for (std::size_t o = 0; o < s.voxelCount(); ++o)
        out[o] = s.hasLabel(label, o) ? 1 : 0;
    return mask;
}

SegmentationDocument* newDocument(const ImageGeometry& grid)
{
    auto* document = new SegmentationDocument(Segmentation(grid));
    LabelTable table;
    table.set(table.makeEntry(1));
    document->setLabelTable(table, QString());
    return document;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QJsonObject result;
    result.insert(QStringLiteral("volume"), QStringLiteral("512x512x300, 0.7 x 0.7 x 1 mm"));

    const ImageGeometry grid({512, 512, 300}, {0.7, 0.7, 1.0}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
    Volume image(grid, PixelType::Int16);
    QRandomGenerator random(7);
    const double radii[3] = {60.0, 45.0, 40.0}; // mm: about 1.03 million voxels
    std::size_t inside = 0;
    for (int64_t k = 0; k < 300; ++k)
        for (int64_t j = 0; j < 512; ++j)
            for (int64_t i = 0; i < 512; ++i) {
                const double x = (i - 256) * 0.7 / radii[0], y = (j - 256) * 0.7 / radii[1], z = (k - 150) * 1.0 / radii[2];
                const bool organ = x * x + y * y + z * z <= 1.0;
                inside += organ ? 1 : 0;
                image.int16Data()[image.offset(i, j, k)] = int16_t((organ ? 100 : 0) + int(random.bounded(21)) - 10);
            }
    result.insert(QStringLiteral("organ_voxels"), qint64(inside));

    // --- 3D fill from the centre, tolerance 30: the organ.
    std::unique_ptr<SegmentationDocument> document(newDocument(grid));
    RegionGrowOptions fill;
    fill.label = 1;
    fill.tolerance = 30.0;
    fill.threeD = true;
    QElapsedTimer timer;
    timer.start();
    auto grown = regionGrow(*document, image, {256, 256, 150}, fill);
    const double fillMs = msSince(timer);
    if (!grown) {
        std::fprintf(stderr, "bench_tools: %s\n", qPrintable(grown.error().message));
        return 1;
    }
    result.insert(QStringLiteral("fill3d_ms"), rounded(fillMs));
    result.insert(QStringLiteral("fill_voxels"), qint64(grown->regionVoxels));
    {
        auto input = itkImage<FloatImage>(grid);
        float* values = input->GetBufferPointer();
        for (std::size_t o = 0; o < image.voxelCount(); ++o)
            values[o] = float(image.valueAt(o));
        auto filter = itk::ConnectedThresholdImageFilter<FloatImage, MaskImage>::New();
        filter->SetInput(input);
        filter->SetLower(float(grown->lower));
        filter->SetUpper(float(grown->upper));
        filter->SetReplaceValue(1);
        filter->SetConnectivity(itk::ConnectedThresholdImageFilter<FloatImage, MaskImage>::FaceConnectivity);
        filter->AddSeed({{256, 256, 150}});
        filter->SetNumberOfWorkUnits(1);
        timer.start();
        filter->Update();
        const double itkMs = msSince(timer);
        result.insert(QStringLiteral("fill3d_itk_ms"), rounded(itkMs));
        result.insert(QStringLiteral("fill3d_ratio"), rounded(fillMs / itkMs));
    }

    // --- Interpolation: discs of growing radius on every 10th of 100 slices.
    {
        std::unique_ptr<SegmentationDocument> sparse(newDocument(grid));
        sparse->beginEdit(EditKind::Manual, QString());
        BrushSettings disc;
        disc.label = 1;
        for (int k = 100; k <= 200; k += 10) {
            disc.radius = 20.0 + (k - 100) * 0.3;
            paintDab(*sparse, disc, {256, 256, double(k)});
        }
        sparse->commitEdit();
        timer.start();
        auto interpolated = interpolateLabel(*sparse, 1, 2);
        const double ms = msSince(timer);
        if (!interpolated) {
            std::fprintf(stderr, "bench_tools: %s\n", qPrintable(interpolated.error().message));
            return 1;
        }
        result.insert(QStringLiteral("interpolate_ms"), rounded(ms));
        result.insert(QStringLiteral("interpolate_filled_slices"), interpolated->filledSlices);
    }

    // --- Islands: the organ plus 500 one-voxel specks; keep the largest.
    {
        document->beginEdit(EditKind::Manual, QString());
        BrushSettings speck;
        speck.label = 1;
        speck.radius = 0.1;
        for (int n = 0; n < 500; ++n)
            paintDab(*document, speck, {double(random.bounded(20, 60)), double(random.bounded(20, 490)), double(random.bounded(5, 295))});
        document->commitEdit();
        auto mask = maskOf(document->segmentation(), 1);
        timer.start();
        auto islands = removeIslands(*document, 1, 0, true);
        const double ms = msSince(timer);
        if (!islands) {
            std::fprintf(stderr, "bench_tools: %s\n", qPrintable(islands.error().message));
            return 1;
        }
        result.insert(QStringLiteral("islands_ms"), rounded(ms));
        result.insert(QStringLiteral("islands_removed"), islands->removedIslands);
        using Labels = itk::Image<uint32_t, 3>;
        auto components = itk::ConnectedComponentImageFilter<MaskImage, Labels>::New();
        components->SetInput(mask);
        components->FullyConnectedOff();
        auto relabel = itk::RelabelComponentImageFilter<Labels, Labels>::New();
        relabel->SetInput(components->GetOutput());
        timer.start();
        relabel->Update();
        const double itkMs = msSince(timer);
        result.insert(QStringLiteral("islands_itk_ms"), rounded(itkMs));
        result.insert(QStringLiteral("islands_ratio"), rounded(ms / itkMs));
    }

    // --- Closing, 2 mm.
    {
        auto mask = maskOf(document->segmentation(), 1);
        timer.start();
        auto closed = smoothLabel(*document, 1, SmoothingKind::Closing, 2.0);
        const double ms = msSince(timer);
        if (!closed) {
            std::fprintf(stderr, "bench_tools: %s\n", qPrintable(closed.error().message));
            return 1;
        }
        result.insert(QStringLiteral("close_ms"), rounded(ms));
        using Element = itk::FlatStructuringElement<3>;
        Element::RadiusType radius;
        for (int a = 0; a < 3; ++a)
            radius[a] = itk::SizeValueType(std::floor(2.0 / grid.spacing()[std::size_t(a)]));
        auto filter = itk::BinaryMorphologicalClosingImageFilter<MaskImage, MaskImage, Element>::New();
        filter->SetInput(mask);
        filter->SetKernel(Element::Ball(radius));
        filter->SetForegroundValue(1);
        timer.start();
        filter->Update();
        const double itkMs = msSince(timer);
        result.insert(QStringLiteral("close_itk_ms"), rounded(itkMs));
        result.insert(QStringLiteral("close_ratio"), rounded(ms / itkMs));
    }

    QFile loadAverage(QStringLiteral("/proc/loadavg"));
    if (loadAverage.open(QIODevice::ReadOnly))
        result.insert(QStringLiteral("load_average_1min"),
                      QString::fromLatin1(loadAverage.readAll()).section(QLatin1Char(' '), 0, 0).toDouble());
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}
