// delineate-cli convert INPUT OUTPUT [--series KEY|N]: DICOM or volume file to NIfTI/NRRD/MHA; with --reference SERIES,
// INPUT is a label map checked against the series' grid and written on it with its label names.
#include "CliSupport.h"

#include "dicom/SeriesLoader.h"
#include "io/ImageSource.h"
#include "io/SegmentationIO.h"
#include "io/VolumeIO.h"

#include <QFileInfo>

#include <QCommandLineParser>

namespace delineate::cli {

namespace {

int convertMask(const QString& input, const QString& output, const QString& reference, const QString& which)
{
    if (!isSegmentationFileName(output))
        return fail(CliText::tr("%1: unsupported label file type (use .nii.gz, .nii, .seg.nrrd, .nrrd or .mha)").arg(output));
    auto file = readSegmentationFile(input);
    if (!file)
        return fail(file.error().message);
    ConsoleJobControl control;
    auto series = loadOneSeries(reference, which, control);
    if (!series)
        return fail(series.error().message);
    const QString seriesName = series->info.seriesDescription.isEmpty() ? QFileInfo(reference).fileName()
                                                                        : series->info.seriesDescription;
    auto segmentation = attachToSeries(*file, series->volume.geometry(), seriesName, false);
    if (!segmentation)
        return fail(segmentation.error().message);
    if (auto written = writeSegmentationFile(*segmentation, output); !written)
        return fail(written.error().message);
    return Success;
}

} // namespace

int runConvert(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr("Write a DICOM series or a volume file as NIfTI, NRRD or MHA."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("series"), CliText::tr("Series to convert: its key or 1-based index (default: "
                                                               "the one with most frames)."),
                      QStringLiteral("KEY")});
    parser.addOption({QStringLiteral("reference"),
                      CliText::tr("INPUT is a label map of this series (DICOM folder/file or volume file): refused "
                                  "unless it lies on the series' grid, then written on that grid."),
                      QStringLiteral("SERIES")});
    parser.addPositionalArgument(QStringLiteral("INPUT"), CliText::tr("DICOM folder/file or volume file"));
    parser.addPositionalArgument(QStringLiteral("OUTPUT"), CliText::tr(".nii, .nii.gz, .nrrd or .mha file"));
    if (const auto exitCode = parseCommandLine(parser, arguments))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return fail(CliText::tr("convert: INPUT and OUTPUT expected"));
    const QString output = positional[1];
    if (parser.isSet(QStringLiteral("reference")))
        return convertMask(positional[0], output, parser.value(QStringLiteral("reference")),
                           parser.value(QStringLiteral("series")));
    if (!isVolumeFileName(output) || output.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        return fail(CliText::tr("%1: unsupported output format (use .nii, .nii.gz, .nrrd or .mha)").arg(output));
    ConsoleJobControl control;
    auto series = loadOneSeries(positional[0], parser.value(QStringLiteral("series")), control);
    if (!series)
        return fail(series.error().message);
    for (const QString& w : series->warnings)
        printWarning(w);
    auto written = writeVolume(series->volume, output);
    if (!written)
        return fail(written.error().message);
    return Success;
}

} // namespace delineate::cli
