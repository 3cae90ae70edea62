// What the viewer shows about the image on screen: patient banner fields, series identity and loader warnings.
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace delineate {

struct SeriesInfo;
struct DicomSegSource;

struct ImageInfo
{
    QString sourcePath;        // folder or file the image came from
    QString seriesKey;         // key in the scan (empty for a volume file)
    QString patientName, patientId, patientBirthDate, patientSex;
    QString studyDate, studyDescription;
    QString seriesDescription, modality, bodyPart;
    QString studyInstanceUid, frameOfReferenceUid; // empty for a volume file
    int seriesNumber = 0;
    bool lossyCompressed = false;
    // False when the files carry no patient position/orientation: the views then show no orientation letters.
    bool orientationKnown = true;
    QStringList warnings;      // scanner and loader warnings, as the user should read them
    // The DICOM series behind the image (source frames, regularised or not), for DICOM SEG; null for volume files.
    std::shared_ptr<const DicomSegSource> dicomSource;

    bool isCT() const { return modality.compare(QLatin1String("CT"), Qt::CaseInsensitive) == 0; }
    // A short title: series description, else the file name.
    QString title() const;

    static ImageInfo fromSeries(const SeriesInfo& series, const QString& sourcePath);
    static ImageInfo fromVolumeFile(const QString& path);
};

// "DOE^JOHN^^DR" -> "DOE, JOHN DR" (DICOM person name components, caret separated).
QString formatPersonName(const QString& dicomName);
// "20231124" -> "2023-11-24"; anything else unchanged. ISO dates read the same in every language.
QString formatDicomDate(const QString& dicomDate);
// "M"/"F"/"O" -> translated word; anything else unchanged.
QString formatSex(const QString& dicomSex);

} // namespace delineate
