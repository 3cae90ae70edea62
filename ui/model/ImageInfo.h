// What the viewer shows about the image on screen: patient banner fields, series identity and loader warnings.
#pragma once

#include "dicom/DicomSeries.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace delineate {

struct AcquiredSlices;
struct DicomSegSource;

struct ImageInfo
{
    QString sourcePath;        // folder or file the image came from
    QString seriesKey;         // key in the scan (empty for a volume file)
    QString patientName, patientId, patientBirthDate, patientSex;
    QString studyDate, studyDescription;
    QString seriesDescription, modality, bodyPart;  // description: SeriesDescription, else ProtocolName
    QString subSeriesLabel;    // why the series was split ("echo 2"), empty otherwise
    QString studyInstanceUid, frameOfReferenceUid; // empty for a volume file
    int seriesNumber = 0;
    QVector<StoredWindow> storedWindows;  // the windows the scanner stored, the first being its default
    PixelPaddingRange padding;            // values outside the scanned body (excluded from automatic windows)
    double sliceThickness = 0.0;          // SliceThickness (mm), 0 when not given
    bool lossyCompressed = false;
    // False when the files carry no patient position/orientation: the views then show no orientation letters.
    bool orientationKnown = true;
    QStringList warnings;      // scanner and loader warnings, as the user should read them
    // The DICOM series behind the image (source frames, regularised or not), for DICOM SEG; null for volume files.
    std::shared_ptr<const DicomSegSource> dicomSource;
    // The images as acquired when the loader regularised the series (display only); null otherwise.
    std::shared_ptr<const AcquiredSlices> acquiredSlices;

    bool isCT() const { return modality.compare(QLatin1String("CT"), Qt::CaseInsensitive) == 0; }
    // CT presets (Hounsfield units) mean something on CT, and perhaps on a volume file, which names no modality;
    // on MR, PET and the rest they would show noise.
    bool offersCtPresets() const { return isCT() || modality.isEmpty(); }
    // A short title: series description, else protocol name, else "Series N" (the file name for a volume file).
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
