// delineate-cli info PATH [--json]: every series with identity, geometry (LPS), value range, type and warnings.
#include "CliSupport.h"

#include "io/ImageSource.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace delineate::cli {

namespace {

QJsonArray toArray(const Vector3& v)
{
    return QJsonArray{v[0], v[1], v[2]};
}

QJsonObject seriesJson(const LoadedSeries& s)
{
    const ImageGeometry& g = s.volume.geometry();
    QJsonArray direction;
    for (int c = 0; c < 3; ++c)
        direction.append(toArray(g.axisDirection(c)));
    const ValueRange range = s.volume.valueRange();
    QJsonObject o{
        {QStringLiteral("key"), s.info.key},
        {QStringLiteral("patient_name"), s.info.patientName},
        {QStringLiteral("patient_id"), s.info.patientId},
        {QStringLiteral("study_instance_uid"), s.info.studyInstanceUid},
        {QStringLiteral("series_instance_uid"), s.info.seriesInstanceUid},
        {QStringLiteral("series_number"), s.info.seriesNumber},
        {QStringLiteral("sub_series"), s.info.subSeriesLabel},
        {QStringLiteral("modality"), s.info.modality},
        {QStringLiteral("description"), s.info.seriesDescription},
        {QStringLiteral("study_date"), s.info.studyDate},
        {QStringLiteral("frames"), s.info.frameCount()},
        {QStringLiteral("dimensions"), QJsonArray{qint64(g.size()[0]), qint64(g.size()[1]), qint64(g.size()[2])}},
        {QStringLiteral("spacing"), toArray(g.spacing())},
        {QStringLiteral("origin"), toArray(g.origin())},
        {QStringLiteral("direction"), direction},
        {QStringLiteral("value_min"), range.minimum},
        {QStringLiteral("value_max"), range.maximum},
        {QStringLiteral("type"), pixelTypeName(s.volume.pixelType())},
        {QStringLiteral("lossy_compressed"), s.info.lossyCompressed},
        {QStringLiteral("gantry_tilt_degrees"), s.geometry.tiltDegrees},
        {QStringLiteral("uneven_spacing"), s.geometry.unevenSpacing},
        {QStringLiteral("regularised"), s.geometry.regularised},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(s.warnings)},
    };
    return o;
}

QString vectorText(const Vector3& v, int decimals = 4)
{
    return QStringLiteral("%1 %2 %3").arg(v[0], 0, 'f', decimals).arg(v[1], 0, 'f', decimals).arg(v[2], 0, 'f', decimals);
}

} // namespace

int runInfo(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr("Describe every series of a DICOM folder/file or a volume file."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), CliText::tr("Print one JSON document.")});
    parser.addPositionalArgument(QStringLiteral("PATH"), CliText::tr("DICOM folder or file, or NIfTI/NRRD/MHA file"));
    if (const auto exitCode = parseCommandLine(parser, arguments))
        return *exitCode;
    if (parser.positionalArguments().size() != 1)
        return fail(CliText::tr("info: exactly one PATH expected"));
    const QString path = parser.positionalArguments().first();
    const bool json = parser.isSet(QStringLiteral("json"));

    ConsoleJobControl control(json);
    QVector<UnreadableFile> failures;
    auto opened = openImages(path, control, &failures);
    if (!opened)
        return fail(opened.error().message);
    if (opened->series.isEmpty() && opened->scan.allNonImageObjects().isEmpty()) {
        for (const UnreadableFile& f : failures)
            printWarning(f.reason);
        return fail(CliText::tr("%1: no loadable image series").arg(path));
    }

    if (json) {
        QJsonArray series, nonImages, unreadable;
        for (const LoadedSeries& s : opened->series)
            series.append(seriesJson(s));
        for (const NonImageObject& o : opened->scan.allNonImageObjects())
            nonImages.append(QJsonObject{{QStringLiteral("file"), o.file},
                                         {QStringLiteral("kind"), o.kind},
                                         {QStringLiteral("modality"), o.modality},
                                         {QStringLiteral("sop_class_uid"), o.sopClassUid},
                                         {QStringLiteral("series_instance_uid"), o.seriesInstanceUid},
                                         {QStringLiteral("description"), o.seriesDescription}});
        for (const UnreadableFile& f : opened->scan.unreadable)
            unreadable.append(QJsonObject{{QStringLiteral("path"), f.path}, {QStringLiteral("reason"), f.reason}});
        for (const UnreadableFile& f : failures)
            unreadable.append(QJsonObject{{QStringLiteral("series"), f.path}, {QStringLiteral("reason"), f.reason}});
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("path"), path},
                                            {QStringLiteral("files_examined"), opened->scan.filesExamined},
                                            {QStringLiteral("series"), series},
                                            {QStringLiteral("non_image_objects"), nonImages},
                                            {QStringLiteral("unreadable"), unreadable}}));
    } else {
        for (const LoadedSeries& s : opened->series) {
            const ImageGeometry& g = s.volume.geometry();
            const ValueRange range = s.volume.valueRange();
            printLine(CliText::tr("Series %1 %2 %3%4").arg(s.info.seriesNumber).arg(s.info.modality,
                                                                                      s.info.seriesDescription,
                                                                                      s.info.subSeriesLabel.isEmpty()
                                                                                          ? QString()
                                                                                          : QStringLiteral(" [%1]").arg(s.info.subSeriesLabel)));
            printLine(CliText::tr("  series UID: %1").arg(s.info.seriesInstanceUid));
            printLine(CliText::tr("  study UID:  %1").arg(s.info.studyInstanceUid));
            printLine(CliText::tr("  dimensions: %1 x %2 x %3").arg(g.size()[0]).arg(g.size()[1]).arg(g.size()[2]));
            printLine(CliText::tr("  spacing:    %1 mm").arg(vectorText(g.spacing())));
            printLine(CliText::tr("  origin:     %1 mm (LPS)").arg(vectorText(g.origin())));
            for (int c = 0; c < 3; ++c)
                printLine(CliText::tr("  axis %1:     %2").arg(QLatin1Char("ijk"[c])).arg(vectorText(g.axisDirection(c), 6)));
            printLine(CliText::tr("  values:     %1 .. %2 (%3)").arg(range.minimum).arg(range.maximum)
                          .arg(pixelTypeName(s.volume.pixelType())));
            for (const QString& w : s.warnings)
                printLine(CliText::tr("  warning:    %1").arg(w));
        }
        for (const NonImageObject& o : opened->scan.allNonImageObjects())
            printLine(CliText::tr("Object %1 %2 %3").arg(o.kind, o.seriesDescription, o.file));
        for (const UnreadableFile& f : opened->scan.unreadable)
            printWarning(f.reason);
        for (const UnreadableFile& f : failures)
            printWarning(f.reason);
    }
    // Non-image objects alone (a SEG) are an answer; broken files and failed series without any image are not.
    const int refused = int(opened->scan.unreadable.size() + failures.size());
    if (opened->series.isEmpty() && refused > 0)
        return fail(CliText::tr("%1: no image series could be loaded (%n file(s) or series refused, reasons above)", nullptr, refused)
                        .arg(path));
    return Success;
}

} // namespace delineate::cli
