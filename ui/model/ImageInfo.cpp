// Building ImageInfo from a scanned series or a volume file, and formatting DICOM names and dates for display.
#include "model/ImageInfo.h"

#include "dicom/DicomSeries.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace delineate {

QString ImageInfo::title() const
{
    if (!seriesDescription.isEmpty())
        return seriesDescription;
    if (!seriesKey.isEmpty()) {
        const QString title = QCoreApplication::translate("ImageInfo", "Series %1").arg(seriesNumber);
        return subSeriesLabel.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, subSeriesLabel);
    }
    return QFileInfo(sourcePath).fileName();
}

ImageInfo ImageInfo::fromSeries(const SeriesInfo& series, const QString& sourcePath)
{
    ImageInfo info;
    info.sourcePath = sourcePath;
    info.seriesKey = series.key;
    info.patientName = series.patientName;
    info.patientId = series.patientId;
    info.patientBirthDate = series.patientBirthDate;
    info.patientSex = series.patientSex;
    info.studyDate = series.studyDate;
    info.studyDescription = series.studyDescription;
    info.seriesDescription = series.displayDescription();
    info.subSeriesLabel = series.subSeriesLabel;
    info.studyInstanceUid = series.studyInstanceUid;
    info.frameOfReferenceUid = series.frameOfReferenceUid;
    if (!series.subSeriesLabel.isEmpty() && !info.seriesDescription.isEmpty())
        info.seriesDescription += QStringLiteral(" (%1)").arg(series.subSeriesLabel);
    info.storedWindows = series.windows;
    info.padding = series.padding;
    info.sliceThickness = series.sliceThickness;
    info.modality = series.modality;
    info.bodyPart = series.bodyPart;
    info.seriesNumber = series.seriesNumber;
    info.lossyCompressed = series.lossyCompressed;
    info.warnings = series.warnings;
    // Frames without ImagePositionPatient/ImageOrientationPatient keep the scanner's defaults (origin, identity);
    // real slices never all sit exactly there with exactly that orientation.
    const std::array<double, 6> identity{1, 0, 0, 0, 1, 0};
    bool allDefault = !series.frames.isEmpty();
    for (const DicomFrameRef& frame : series.frames)
        allDefault = allDefault && frame.position == std::array<double, 3>{0, 0, 0} && frame.orientation == identity;
    info.orientationKnown = !allDefault;
    return info;
}

ImageInfo ImageInfo::fromVolumeFile(const QString& path)
{
    ImageInfo info;
    info.sourcePath = path;
    info.seriesDescription = QFileInfo(path).fileName();
    return info;
}

QString formatPersonName(const QString& dicomName)
{
    QStringList parts = dicomName.split(QLatin1Char('^'));
    while (!parts.isEmpty() && parts.last().trimmed().isEmpty())
        parts.removeLast();
    if (parts.isEmpty())
        return {};
    const QString family = parts.takeFirst().trimmed();
    QStringList rest;
    for (const QString& part : parts)
        if (!part.trimmed().isEmpty())
            rest << part.trimmed();
    return rest.isEmpty() ? family : family + QStringLiteral(", ") + rest.join(QLatin1Char(' '));
}

QString formatDicomDate(const QString& dicomDate)
{
    const QString date = dicomDate.trimmed();
    if (date.size() == 8 && date.at(0).isDigit())
        return date.left(4) + QLatin1Char('-') + date.mid(4, 2) + QLatin1Char('-') + date.mid(6, 2);
    return date;
}

QString formatSex(const QString& dicomSex)
{
    const QString sex = dicomSex.trimmed().toUpper();
    if (sex == QLatin1String("M"))
        return QCoreApplication::translate("ImageInfo", "Male");
    if (sex == QLatin1String("F"))
        return QCoreApplication::translate("ImageInfo", "Female");
    if (sex == QLatin1String("O"))
        return QCoreApplication::translate("ImageInfo", "Other");
    return dicomSex.trimmed();
}

} // namespace delineate
