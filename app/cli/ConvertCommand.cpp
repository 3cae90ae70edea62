// delineate-cli convert INPUT OUTPUT [--series KEY|N] [--no-regularise]: DICOM or volume file to NIfTI/NRRD/MHA.
#include "CliSupport.h"

#include "dicom/SeriesLoader.h"
#include "io/ImageSource.h"
#include "io/VolumeIO.h"

#include <QCommandLineParser>

namespace delineate::cli {

int runConvert(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr("Write a DICOM series or a volume file as NIfTI, NRRD or MHA."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("series"), CliText::tr("Series to convert: its key or 1-based index (default: "
                                                               "the one with most frames)."),
                      QStringLiteral("KEY")});
    parser.addPositionalArgument(QStringLiteral("INPUT"), CliText::tr("DICOM folder/file or volume file"));
    parser.addPositionalArgument(QStringLiteral("OUTPUT"), CliText::tr(".nii, .nii.gz, .nrrd or .mha file"));
    if (const auto exitCode = parseCommandLine(parser, arguments))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return fail(CliText::tr("convert: INPUT and OUTPUT expected"));
    const QString output = positional[1];
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
