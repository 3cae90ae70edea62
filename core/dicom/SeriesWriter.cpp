// DCMTK writer for classic single-frame CT/MR series; used for the sample study and test/benchmark data.
#include "dicom/SeriesWriter.h"

#include "io/VolumeIO.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QTime>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcvrss.h>

#include <cmath>
#include <vector>

namespace delineate {

namespace {

// Translation context "SeriesWriter" (lupdate reads it from the macro).
class SeriesWriterText
{
    Q_DECLARE_TR_FUNCTIONS(SeriesWriter)
};

QString newUid()
{
    char buffer[100];
    dcmGenerateUniqueIdentifier(buffer, SITE_INSTANCE_UID_ROOT);
    return QString::fromLatin1(buffer);
}

OFString text(const QString& s)
{
    return OFString(s.toUtf8().constData());
}

QString decimal(double v)
{
    // DS values are at most 16 characters.
    QString s = QString::number(v, 'g', 10);
    if (s.size() > 16)
        s = QString::number(v, 'g', 8);
    return s;
}

} // namespace

Expected<void> writeDicomSeries(const Volume& volume, const QString& folder, const SeriesWriteOptions& options,
                                JobControl& control)
{
    if (volume.isEmpty())
        return Error::failed(SeriesWriterText::tr("%1: nothing to write, the volume is empty").arg(folder));
    if (!QDir().mkpath(folder))
        return Error::failed(SeriesWriterText::tr("%1: cannot create the folder").arg(folder));
    const ImageGeometry& g = volume.geometry();
    if (g.size()[0] > 65535 || g.size()[1] > 65535)
        return Error::failed(SeriesWriterText::tr("%1: slices larger than 65535 pixels cannot be written as DICOM").arg(folder));
    const bool ct = options.modality == QLatin1String("CT");
    // Stored value = (value - intercept) / slope, in int16.
    double intercept = ct ? -1024.0 : 0.0;
    double slope = 1.0;
    if (volume.pixelType() == PixelType::Float32) {
        const ValueRange range = volume.valueRange();
        const double extent = std::max(std::abs(range.minimum - intercept), std::abs(range.maximum - intercept));
        slope = extent > 0.0 ? extent / 32767.0 : 1.0;
    }
    const QString studyUid = options.studyInstanceUid.isEmpty() ? newUid() : options.studyInstanceUid;
    const QString seriesUid = newUid();
    const QString frameOfReferenceUid = options.frameOfReferenceUid.isEmpty() ? newUid() : options.frameOfReferenceUid;
    const QString date = QDate::currentDate().toString(QStringLiteral("yyyyMMdd"));
    const QString time = QTime::currentTime().toString(QStringLiteral("HHmmss"));
    const std::size_t pixels = std::size_t(g.size()[0]) * g.size()[1];
    std::vector<Uint16> stored(pixels);
    const auto rowDirection = g.axisDirection(0), columnDirection = g.axisDirection(1);
    const QString orientation = QStringList{decimal(rowDirection[0]), decimal(rowDirection[1]), decimal(rowDirection[2]),
                                            decimal(columnDirection[0]), decimal(columnDirection[1]),
                                            decimal(columnDirection[2])}.join(QLatin1Char('\\'));
    for (int64_t k = 0; k < g.size()[2]; ++k) {
        if (control.isCancelled())
            return Error::cancelled();
        control.reportProgress(double(k) / g.size()[2], SeriesWriterText::tr("Writing DICOM slice %1 of %2").arg(k + 1).arg(g.size()[2]));
        const std::size_t base = pixels * std::size_t(k);
        for (std::size_t p = 0; p < pixels; ++p) {
            const double v = std::round((volume.valueAt(base + p) - intercept) / slope);
            stored[p] = static_cast<Uint16>(static_cast<int16_t>(std::clamp(v, -32768.0, 32767.0)));
        }
        DcmFileFormat file;
        DcmDataset* d = file.getDataset();
        const Vector3 position = g.indexToPhysical({0.0, 0.0, double(k)});
        d->putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
        d->putAndInsertString(DCM_SOPClassUID, ct ? UID_CTImageStorage : UID_MRImageStorage);
        d->putAndInsertOFStringArray(DCM_SOPInstanceUID, text(newUid()));
        d->putAndInsertString(DCM_ImageType, "DERIVED\\SECONDARY\\AXIAL");
        d->putAndInsertOFStringArray(DCM_StudyDate, text(date));
        d->putAndInsertOFStringArray(DCM_SeriesDate, text(date));
        d->putAndInsertOFStringArray(DCM_ContentDate, text(date));
        d->putAndInsertOFStringArray(DCM_StudyTime, text(time));
        d->putAndInsertOFStringArray(DCM_SeriesTime, text(time));
        d->putAndInsertOFStringArray(DCM_ContentTime, text(time));
        d->putAndInsertString(DCM_AccessionNumber, "");
        d->putAndInsertOFStringArray(DCM_Modality, text(options.modality));
        d->putAndInsertString(DCM_Manufacturer, "Delineate");
        d->putAndInsertString(DCM_ReferringPhysicianName, "");
        d->putAndInsertOFStringArray(DCM_StudyDescription, text(options.studyDescription));
        d->putAndInsertOFStringArray(DCM_SeriesDescription, text(options.seriesDescription));
        d->putAndInsertOFStringArray(DCM_PatientName, text(options.patientName));
        d->putAndInsertOFStringArray(DCM_PatientID, text(options.patientId));
        d->putAndInsertString(DCM_PatientBirthDate, "");
        d->putAndInsertString(DCM_PatientSex, "O");
        d->putAndInsertOFStringArray(DCM_StudyInstanceUID, text(studyUid));
        d->putAndInsertOFStringArray(DCM_SeriesInstanceUID, text(seriesUid));
        d->putAndInsertString(DCM_StudyID, "1");
        d->putAndInsertOFStringArray(DCM_SeriesNumber, text(QString::number(options.seriesNumber)));
        d->putAndInsertString(DCM_AcquisitionNumber, "1");
        d->putAndInsertOFStringArray(DCM_InstanceNumber, text(QString::number(k + 1)));
        d->putAndInsertString(DCM_PatientOrientation, "");
        d->putAndInsertOFStringArray(DCM_FrameOfReferenceUID, text(frameOfReferenceUid));
        d->putAndInsertString(DCM_PositionReferenceIndicator, "");
        d->putAndInsertOFStringArray(DCM_ImagePositionPatient,
                                     text(QStringList{decimal(position[0]), decimal(position[1]), decimal(position[2])}
                                              .join(QLatin1Char('\\'))));
        d->putAndInsertOFStringArray(DCM_ImageOrientationPatient, text(orientation));
        d->putAndInsertOFStringArray(DCM_SliceThickness, text(decimal(g.spacing()[2])));
        d->putAndInsertOFStringArray(DCM_SpacingBetweenSlices, text(decimal(g.spacing()[2])));
        d->putAndInsertOFStringArray(DCM_PixelSpacing,
                                     text(decimal(g.spacing()[1]) + QLatin1Char('\\') + decimal(g.spacing()[0])));
        d->putAndInsertUint16(DCM_SamplesPerPixel, 1);
        d->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        d->putAndInsertUint16(DCM_Rows, Uint16(g.size()[1]));
        d->putAndInsertUint16(DCM_Columns, Uint16(g.size()[0]));
        d->putAndInsertUint16(DCM_BitsAllocated, 16);
        d->putAndInsertUint16(DCM_BitsStored, 16);
        d->putAndInsertUint16(DCM_HighBit, 15);
        d->putAndInsertUint16(DCM_PixelRepresentation, 1);
        d->putAndInsertOFStringArray(DCM_RescaleIntercept, text(decimal(intercept)));
        d->putAndInsertOFStringArray(DCM_RescaleSlope, text(decimal(slope)));
        if (options.pixelPaddingValue) {
            // (0028,0120) is US or SS after the pixel representation: signed here.
            auto* padding = new DcmSignedShort(DcmTag(DCM_PixelPaddingValue, EVR_SS));
            padding->putSint16(Sint16(std::clamp(std::round((*options.pixelPaddingValue - intercept) / slope), -32768.0, 32767.0)));
            d->insert(padding, true);
        }
        if (ct) {
            d->putAndInsertString(DCM_RescaleType, "HU");
            d->putAndInsertString(DCM_KVP, "");
        } else {
            d->putAndInsertString(DCM_ScanningSequence, "GR");
            d->putAndInsertString(DCM_SequenceVariant, "NONE");
            d->putAndInsertString(DCM_ScanOptions, "");
            d->putAndInsertString(DCM_MRAcquisitionType, "3D");
            d->putAndInsertString(DCM_RepetitionTime, "");
            d->putAndInsertString(DCM_EchoTime, "");
            d->putAndInsertString(DCM_EchoTrainLength, "");
        }
        d->putAndInsertString(DCM_LossyImageCompression, "00");
        d->putAndInsertUint16Array(DCM_PixelData, stored.data(), static_cast<unsigned long>(pixels));
        const QString path = QDir(folder).filePath(QStringLiteral("IM%1.dcm").arg(k + 1, 5, 10, QLatin1Char('0')));
        auto written = writeAtomically(path, [&](const QString& temporary) -> Expected<void> {
            const OFCondition status = file.saveFile(OFFilename(QFile::encodeName(temporary).constData()),
                                                     EXS_LittleEndianExplicit);
            if (status.bad()) {
                QFile::remove(temporary);
                return Error::failed(SeriesWriterText::tr("%1: cannot write (%2)").arg(path, QString::fromLatin1(status.text())));
            }
            return {};
        });
        if (!written)
            return written;
    }
    control.reportProgress(1.0, SeriesWriterText::tr("Series written"));
    return {};
}

} // namespace delineate
