// Folder walk (or DICOMDIR), parallel header reads, then grouping into patients, studies and series.
#include "dicom/DicomScanner.h"
#include "dicom/DcmtkFile.h"

#include "dicom/DicomFileHeader.h"
#include "dicom/PixelDecoder.h"
#include "dicom/SeriesGrouping.h"
#include "jobs/ParallelFor.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <optional>

namespace delineate {

namespace {

// Translation context "DicomScanner" (lupdate reads it from the macro).
class DicomScannerText
{
    Q_DECLARE_TR_FUNCTIONS(DicomScanner)
};

// Finds `relative` (components from a DICOMDIR, often upper case on CDs) under `root`, case-insensitively.
QString resolveReference(const QDir& root, const QStringList& components)
{
    QDir dir = root;
    for (int i = 0; i < components.size(); ++i) {
        const QString& c = components[i];
        const bool last = i == components.size() - 1;
        if (dir.exists(c)) {
            if (last)
                return dir.filePath(c);
            dir.cd(c);
            continue;
        }
        const QStringList entries = dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        const auto match = std::find_if(entries.begin(), entries.end(),
                                        [&](const QString& e) { return e.compare(c, Qt::CaseInsensitive) == 0; });
        if (match == entries.end())
            return {};
        if (last)
            return dir.filePath(*match);
        dir.cd(*match);
    }
    return {};
}

// The files a DICOMDIR in `folder` references, if it exists and every reference resolves.
std::optional<QStringList> filesFromDicomDir(const QDir& folder)
{
    QString dicomdir;
    for (const QString& name : folder.entryList(QDir::Files))
        if (name.compare(QLatin1String("DICOMDIR"), Qt::CaseInsensitive) == 0)
            dicomdir = folder.filePath(name);
    if (dicomdir.isEmpty())
        return std::nullopt;
    DcmFileFormat file;
    if (loadDicomFile(file, dicomdir).bad())
        return std::nullopt;
    DcmSequenceOfItems* records = nullptr;
    if (file.getDataset()->findAndGetSequence(DCM_DirectoryRecordSequence, records).bad() || !records)
        return std::nullopt;
    QStringList files{dicomdir};
    for (unsigned long i = 0; i < records->card(); ++i) {
        OFString reference;
        if (records->getItem(i)->findAndGetOFStringArray(DCM_ReferencedFileID, reference).bad() || reference.empty())
            continue;
        const QStringList components = QString::fromLatin1(reference.c_str()).split(QLatin1Char('\\'), Qt::SkipEmptyParts);
        const QString path = resolveReference(folder, components);
        if (path.isEmpty())
            return std::nullopt; // a dangling reference: walk the folder instead
        files << path;
    }
    if (files.size() == 1)
        return std::nullopt;
    return files;
}

QStringList walkFolder(const QString& folder, JobControl& control, bool& cancelled)
{
    QStringList files;
    // Hidden files (a file manager's or our own markers) are not part of a study.
    QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files << it.next();
        if ((files.size() & 1023) == 0 && control.isCancelled()) {
            cancelled = true;
            return {};
        }
    }
    files.sort();
    return files;
}

} // namespace

Expected<ScanResult> scanDicom(const QString& path, JobControl& control)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::failed(DicomScannerText::tr("%1: no such file or folder").arg(path));
    if (!info.isReadable())
        return Error::failed(DicomScannerText::tr("%1: permission denied").arg(path));
    registerDicomDecoders(); // also quiets the libraries' console logging
    control.reportProgress(0.0, DicomScannerText::tr("Listing files"));
    QStringList files;
    if (info.isDir()) {
        const QDir folder(path);
        if (auto fromDicomDir = filesFromDicomDir(folder)) {
            files = *fromDicomDir;
        } else {
            bool cancelled = false;
            files = walkFolder(path, control, cancelled);
            if (cancelled)
                return Error::cancelled();
        }
    } else {
        files << info.absoluteFilePath();
    }

    QVector<std::optional<DicomFileHeader>> headers(files.size());
    QVector<QString> errors(files.size());
    const bool finished = parallelFor(int(files.size()), control, DicomScannerText::tr("Reading DICOM headers"), 0.02, 0.95, [&](int i) {
        auto header = readDicomFileHeader(files[i]);
        if (header)
            headers[i] = std::move(header.value());
        else
            errors[i] = header.error().message;
    });
    if (!finished)
        return Error::cancelled();

    QVector<DicomFileHeader> readable;
    ScanResult result;
    result.filesExamined = int(files.size());
    for (int i = 0; i < files.size(); ++i) {
        if (headers[i])
            readable << std::move(*headers[i]);
        else if (QFileInfo(files[i]).size() > 0 && !looksLikeDicom(files[i]))
            result.nonDicomFiles << files[i]; // a text file or sidecar beside the images: not a failure
        else
            result.unreadable << UnreadableFile{files[i], errors[i]};
    }
    control.reportProgress(0.97, DicomScannerText::tr("Grouping series"));
    ScanResult grouped = groupDicomHeaders(readable);
    result.patients = std::move(grouped.patients);
    control.reportProgress(1.0, DicomScannerText::tr("Scan complete"));
    return result;
}

} // namespace delineate
