// delineate-cli make-series VOLUME FOLDER [--size N] [--slices N] [--modality CT|MR]: a DICOM series made from a
// volume file, resampled on request (the sample study and the ≥300-slice benchmark series are made this way).
#include "CliSupport.h"

#include "dicom/SeriesWriter.h"
#include "image/Resample.h"
#include "io/VolumeIO.h"

#include <QCommandLineParser>

namespace delineate::cli {

int runMakeSeries(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr("Write a volume file as a DICOM series (one file per slice)."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("size"), CliText::tr("Resample slices to N x N pixels."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("slices"), CliText::tr("Resample to N slices."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("modality"), CliText::tr("CT or MR (default MR)."), QStringLiteral("M"),
                      QStringLiteral("MR")});
    parser.addOption({QStringLiteral("description"), CliText::tr("Series description."), QStringLiteral("TEXT")});
    parser.addPositionalArgument(QStringLiteral("VOLUME"), CliText::tr("NIfTI, NRRD or MHA file"));
    parser.addPositionalArgument(QStringLiteral("FOLDER"), CliText::tr("output folder"));
    if (const auto exitCode = parseCommandLine(parser, arguments))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return fail(CliText::tr("make-series: VOLUME and FOLDER expected"));
    const QString modality = parser.value(QStringLiteral("modality")).toUpper();
    if (modality != QLatin1String("CT") && modality != QLatin1String("MR"))
        return fail(CliText::tr("make-series: --modality must be CT or MR"));
    auto volume = readVolume(positional[0]);
    if (!volume)
        return fail(volume.error().message);
    auto size = volume->geometry().size();
    bool resize = false;
    for (const auto& [option, axes] : {std::pair{QStringLiteral("size"), std::vector<int>{0, 1}},
                                       std::pair{QStringLiteral("slices"), std::vector<int>{2}}}) {
        if (!parser.isSet(option))
            continue;
        bool ok = false;
        const int n = parser.value(option).toInt(&ok);
        if (!ok || n < 1 || n > 4096)
            return fail(CliText::tr("make-series: --%1 must be a number from 1 to 4096").arg(option));
        for (int a : axes)
            size[a] = n;
        resize = true;
    }
    Volume source = std::move(volume.value());
    if (resize)
        source = resampleLinear(source, resizedGeometry(source.geometry(), size), source.valueRange().minimum);
    SeriesWriteOptions options;
    options.modality = modality;
    options.seriesDescription = parser.isSet(QStringLiteral("description")) ? parser.value(QStringLiteral("description"))
                                                                            : CliText::tr("Made from %1").arg(positional[0]);
    ConsoleJobControl control;
    auto written = writeDicomSeries(source, positional[1], options, control);
    if (!written)
        return fail(written.error().message);
    return Success;
}

} // namespace delineate::cli
