// delineate-cli convert INPUT OUTPUT [--series KEY|N]: DICOM or volume file to NIfTI/NRRD/MHA; with --reference SERIES,
// INPUT is a label map checked against the series' grid and written on it with its label names, as NIfTI/NRRD/MHA or
// as a DICOM SEG (OUTPUT ending in .dcm). A DICOM SEG as INPUT is read onto the series it refers to (found in
// --reference, else in the SEG's folder) and written as a label file.
#include "CliSupport.h"

#include "dicom/SeriesLoader.h"
#include "io/DicomSeg.h"
#include "io/ImageSource.h"
#include "io/SegmentationIO.h"
#include "io/VolumeIO.h"

#include <QFileInfo>

#include <QCommandLineParser>

namespace delineate::cli {

namespace {

bool isDicomOutput(const QString& path)
{
    return path.endsWith(QLatin1String(".dcm"), Qt::CaseInsensitive);
}

// Writes `segmentation` (on `series`) to `output`: a label file, or a DICOM SEG referencing the series.
int writeMask(const Segmentation& segmentation, const LoadedSeries& series, const QString& output)
{
    if (isDicomOutput(output)) {
        auto report = writeDicomSeg(segmentation, series, output);
        if (!report)
            return fail(report.error().message);
        for (const QString& note : report->notes)
            printWarning(note);
        return Success;
    }
    if (auto written = writeSegmentationFile(segmentation, output); !written)
        return fail(written.error().message);
    return Success;
}

QString nameOf(const LoadedSeries& series, const QString& path)
{
    return series.info.seriesDescription.isEmpty() ? QFileInfo(path).fileName() : series.info.seriesDescription;
}

int convertMask(const QString& input, const QString& output, const QString& reference, const QString& which)
{
    if (!isSegmentationFileName(output) && !isDicomOutput(output))
        return fail(CliText::tr("%1: unsupported label file type (use .nii.gz, .nii, .seg.nrrd, .nrrd, .mha or .dcm for DICOM SEG)").arg(output));
    ConsoleJobControl control;
    if (isDicomSegFile(input)) {
        auto read = readDicomSegWithSeries(input, reference, control);
        if (!read)
            return fail(read.error().message);
        for (const QString& note : read->file.notes)
            printWarning(note);
        auto segmentation = attachToSeries(read->file, read->series.volume.geometry(), nameOf(read->series, reference), false);
        if (!segmentation)
            return fail(segmentation.error().message);
        return writeMask(*segmentation, read->series, output);
    }
    if (reference.isEmpty())
        return fail(CliText::tr("%1: a label map needs --reference SERIES to be written as a DICOM SEG").arg(input));
    auto file = readSegmentationFile(input);
    if (!file)
        return fail(file.error().message);
    auto series = loadOneSeries(reference, which, control);
    if (!series)
        return fail(series.error().message);
    auto segmentation = attachToSeries(*file, series->volume.geometry(), nameOf(*series, reference), false);
    if (!segmentation)
        return fail(segmentation.error().message);
    return writeMask(*segmentation, *series, output);
}

} // namespace

int runConvert(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr("Write a DICOM series or a volume file as NIfTI, NRRD or MHA; a label map as a "
                                                 "label file or a DICOM SEG (.dcm, with --reference); a DICOM SEG as a label file."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("series"), CliText::tr("Series to convert: its key or 1-based index (default: "
                                                               "the one with most frames)."),
                      QStringLiteral("KEY")});
    parser.addOption({QStringLiteral("reference"),
                      CliText::tr("INPUT is a label map of this series (DICOM folder/file or volume file): refused "
                                  "unless it lies on the series' grid, then written on that grid. For a DICOM SEG "
                                  "INPUT: where to find the series it refers to (default: the SEG's folder)."),
                      QStringLiteral("SERIES")});
    parser.addPositionalArgument(QStringLiteral("INPUT"), CliText::tr("DICOM folder/file, DICOM SEG, volume or label file"));
    parser.addPositionalArgument(QStringLiteral("OUTPUT"), CliText::tr(".nii, .nii.gz, .nrrd or .mha file, or .dcm for a DICOM SEG"));
    if (const auto exitCode = parseCommandLine(parser, arguments))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return fail(CliText::tr("convert: INPUT and OUTPUT expected"));
    const QString output = positional[1];
    if (parser.isSet(QStringLiteral("reference")) || isDicomOutput(output) || isDicomSegFile(positional[0]))
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
