// Makes the seed corpus of every fuzz target from the real data, at run time (nothing is checked in):
//   fuzz_seeds DATA RESOURCES OUT
// DATA is DELINEATE_DATA, RESOURCES the repository's resources/ folder (the shipped models), OUT a folder that
// receives one sub-folder per target. Real files are copied as they are; where a target reads a format the data
// does not hold in a small file, the seed is written through Delineate's own writers from a real image: dcmqi's
// 23 x 38 x 3 series and its label map, the shipped models' headers, a journal of edits on that label map.
#include "dicom/SeriesLoader.h"
#include "edit/RecoveryJournal.h"
#include "edit/SegmentationDocument.h"
#include "io/DicomSeg.h"
#include "io/ImageSource.h"
#include "io/SegmentationIO.h"
#include "io/VolumeIO.h"
#include "jobs/JobControl.h"
#include "ml/ModelHeader.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

using namespace delineate;

namespace {

int g_failures = 0;

void fail(const QString& what)
{
    fprintf(stderr, "fuzz_seeds: %s\n", qPrintable(what));
    ++g_failures;
}

QString folder(const QString& out, const QString& target)
{
    const QString path = QDir(out).filePath(target);
    QDir().mkpath(path);
    return path;
}

// A seed's name: its path under DATA with the separators replaced, so that seeds never collide.
QString seedName(const QString& data, const QString& path)
{
    return QDir(data).relativeFilePath(path).replace(QLatin1Char('/'), QLatin1Char('_'));
}

void copySeed(const QString& data, const QString& path, const QString& to)
{
    const QString target = QDir(to).filePath(seedName(data, path));
    QFile::remove(target);
    if (!QFile::copy(path, target))
        fail(QStringLiteral("cannot copy %1 to %2").arg(path, target));
}

bool isDicomPart10(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(132);
    return head.size() == 132 && head.mid(128, 4) == "DICM";
}

void write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        fail(QStringLiteral("cannot write %1").arg(path));
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray littleEndian64(uint64_t v)
{
    QByteArray bytes(8, '\0');
    for (int i = 0; i < 8; ++i)
        bytes[i] = char(uint8_t(v >> (8 * i)));
    return bytes;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        fprintf(stderr, "usage: fuzz_seeds DATA RESOURCES OUT\n");
        return 2;
    }
    const QString data = QDir(QString::fromLocal8Bit(argv[1])).absolutePath();
    const QString resources = QString::fromLocal8Bit(argv[2]);
    const QString out = QString::fromLocal8Bit(argv[3]);
    if (!QFileInfo(data).isDir()) {
        fprintf(stderr, "fuzz_seeds: no data folder %s (set DELINEATE_DATA)\n", qPrintable(data));
        return 2;
    }

    // DICOM: every small Part-10 file of the data; SEGs also seed the SEG reader.
    const QString dicom = folder(out, QStringLiteral("dicom_file"));
    const QString dicomSeg = folder(out, QStringLiteral("dicom_seg"));
    for (QDirIterator it(data, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = it.next();
        const qint64 size = QFileInfo(path).size();
        if (size > 256 * 1024 || !isDicomPart10(path))
            continue;
        if (isDicomSegFile(path))
            copySeed(data, path, dicomSeg);
        else if (size <= 64 * 1024)
            copySeed(data, path, dicom);
    }

    // Volumes: the 23 x 38 x 3 CT series and its label map, written in every format VolumeIO reads.
    SimpleJobControl control;
    auto series = loadOneSeries(QDir(data).filePath(QStringLiteral("dcmqi-seg/23x38x3/image")), QString(), control);
    auto labelFile = readSegmentationFile(QDir(data).filePath(QStringLiteral("dcmqi-seg/23x38x3/nrrd/label.nrrd")));
    if (!series || !labelFile) {
        fail(QStringLiteral("cannot read dcmqi-seg/23x38x3: %1").arg(!series ? series.error().message : labelFile.error().message));
        return 1;
    }
    auto labels = readLabelMap(QDir(data).filePath(QStringLiteral("dcmqi-seg/23x38x3/nrrd/label.nrrd")));
    const QList<QPair<QString, QString>> formats = {{QStringLiteral("volume_nii"), QStringLiteral(".nii")},
                                                     {QStringLiteral("volume_niigz"), QStringLiteral(".nii.gz")},
                                                     {QStringLiteral("volume_nrrd"), QStringLiteral(".nrrd")},
                                                     {QStringLiteral("volume_mha"), QStringLiteral(".mha")}};
    for (const auto& [target, extension] : formats) {
        const QString to = folder(out, target);
        if (!writeVolume(series->volume, QDir(to).filePath(QStringLiteral("ct-23x38x3") + extension)))
            fail(QStringLiteral("cannot write the CT seed of %1").arg(target));
        if (!labels || !writeLabelMap(*labels, QDir(to).filePath(QStringLiteral("label-23x38x3") + extension)))
            fail(QStringLiteral("cannot write the label seed of %1").arg(target));
    }
    // Small real NRRD files as they are (3D Slicer's, dcmqi's).
    for (QDirIterator it(data, {QStringLiteral("*.nrrd")}, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = it.next();
        if (QFileInfo(path).size() <= 16 * 1024) {
            copySeed(data, path, folder(out, QStringLiteral("volume_nrrd")));
            copySeed(data, path, folder(out, QStringLiteral("segmentation_nrrd")));
        }
    }

    // Segmentations: the label map with one slice marked reviewed, as .seg.nrrd and as a
    // NIfTI with its sidecar; and a two-layer one (dcmqi's overlapping SEG on its three CT slices).
    labelFile->reviewed = ReviewedSlices(labelFile->geometry.size());
    labelFile->reviewed.setReviewed(2, 1, true);
    auto segmentation = attachToSeries(*labelFile, labelFile->geometry, QStringLiteral("seed"), false);
    if (!segmentation) {
        fail(segmentation.error().message);
        return 1;
    }
    {
        QTemporaryDir scratch;
        const QString nrrd = folder(out, QStringLiteral("segmentation_nrrd"));
        if (!writeSegmentationFile(*segmentation, QDir(nrrd).filePath(QStringLiteral("label-23x38x3.seg.nrrd"))))
            fail(QStringLiteral("cannot write label-23x38x3.seg.nrrd"));
        const QString mask = scratch.filePath(QStringLiteral("label.nii.gz"));
        if (!writeSegmentationFile(*segmentation, mask))
            fail(QStringLiteral("cannot write label.nii.gz"));
        write(QDir(folder(out, QStringLiteral("segmentation_sidecar"))).filePath(QStringLiteral("label-23x38x3.json")),
              readAll(labelSidecarPath(mask)));
        auto ct = loadOneSeries(QDir(data).filePath(QStringLiteral("dcmqi-seg/ct-3slice")), QString(), control);
        auto overlaps = ct ? readDicomSeg(QDir(data).filePath(QStringLiteral("dcmqi-seg/partial_overlaps.dcm")), *ct)
                           : Expected<SegmentationFile>(ct.error());
        auto layered = overlaps ? attachToSeries(*overlaps, ct->volume.geometry(), QStringLiteral("seed"), false)
                                : Expected<Segmentation>(overlaps.error());
        if (!layered) {
            fail(QStringLiteral("partial_overlaps: %1").arg(layered.error().message));
        } else {
            if (!writeSegmentationFile(*layered, QDir(nrrd).filePath(QStringLiteral("partial-overlaps.seg.nrrd"))))
                fail(QStringLiteral("cannot write partial-overlaps.seg.nrrd"));
            const QString layeredMask = scratch.filePath(QStringLiteral("overlaps.nii.gz"));
            if (!writeSegmentationFile(*layered, layeredMask))
                fail(QStringLiteral("cannot write overlaps.nii.gz"));
            write(QDir(folder(out, QStringLiteral("segmentation_sidecar"))).filePath(QStringLiteral("partial-overlaps.json")),
                  readAll(labelSidecarPath(layeredMask)));
        }
    }

    // Model headers: each shipped model's header with a 16-byte stand-in for its weights (the header reader never
    // reads them; the whole weights would only slow the fuzzer down).
    const QString models = folder(out, QStringLiteral("model_header"));
    for (QDirIterator it(QDir(resources).filePath(QStringLiteral("models")), {QStringLiteral("*.dlm")}, QDir::Files); it.hasNext();) {
        const QString path = it.next();
        const QByteArray bytes = readAll(path);
        auto layout = ml::parseModelFile(bytes, path);
        if (!layout) {
            fail(layout.error().message);
            continue;
        }
        const QByteArray json = bytes.mid(24, layout->weightsOffset - 8 - 24);
        QByteArray seed = QByteArray(ml::kModelFileMagic, 16) + littleEndian64(uint64_t(json.size())) + json;
        seed += littleEndian64(16) + QByteArray(16, '\0');
        write(QDir(models).filePath(QFileInfo(path).fileName()), seed);
    }

    // Journals: edits, a label rename, an undo and a redo on the label map; the same cut in its last record.
    {
        QTemporaryDir scratch;
        const QString recovery = scratch.filePath(QStringLiteral("recovery"));
        auto hash = RecoveryJournal::seriesIdentityHash(recovery, QStringLiteral("seed"), segmentation->geometry());
        SegmentationDocument document{*segmentation};
        auto journal = hash ? RecoveryJournal::create(recovery, {*hash, QStringLiteral("CT, 23 x 38 x 3")}, document.segmentation())
                            : Expected<std::unique_ptr<RecoveryJournal>>(hash.error());
        if (!journal) {
            fail(journal.error().message);
        } else {
            const QString path = (*journal)->path();
            document.attachJournal(std::move(journal).value());
            for (int edit = 0; edit < 3; ++edit) {
                document.beginEdit(EditKind::Manual, QStringLiteral("seed edit"));
                for (std::size_t v = 0; v < 40; ++v)
                    document.setVoxel(0, std::size_t(edit) * 800 + v * 3, uint16_t(edit + 1));
                if (!document.commitEdit(QStringLiteral("seed edit %1").arg(edit)))
                    fail(QStringLiteral("cannot journal an edit"));
            }
            LabelTable table = document.labels();
            if (const LabelEntry* first = table.find(1)) {
                LabelEntry renamed = *first;
                renamed.name = QStringLiteral("Renamed");
                (void)table.set(renamed);
                if (!document.setLabelTable(table, QStringLiteral("Rename")))
                    fail(QStringLiteral("cannot journal a rename"));
            }
            document.undo();
            document.undo();
            document.redo();
            const QByteArray bytes = readAll(path);
            const QString journals = folder(out, QStringLiteral("journal"));
            write(QDir(journals).filePath(QStringLiteral("edits.djournal")), bytes);
            write(QDir(journals).filePath(QStringLiteral("cut.djournal")), bytes.left(bytes.size() - 7));
            document.discardJournal();
        }
    }

    for (const QString& target : QDir(out).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        fprintf(stdout, "%s: %lld seeds\n", qPrintable(target),
                qlonglong(QDir(QDir(out).filePath(target)).entryList(QDir::Files).size()));
    return g_failures == 0 ? 0 : 1;
}
