// Series made here from a real volume, then altered the way scanners do: localizers mixed in, a second echo at
// the same positions, a missing slice, absurd dimensions. Checks how the scan splits and the loader reports.
#include "TestData.h"

#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"
#include "dicom/SeriesWriter.h"
#include "image/Resample.h"
#include "io/VolumeIO.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

using namespace delineate;

namespace {

const QString kColin27 = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");

// Writes ch2.nii.gz resampled to 64x64xslices as a DICOM series into `folder`; returns the volume written.
Volume writeSmallSeries(const QString& folder, int slices)
{
    auto volume = readVolume(kColin27);
    Volume small = resampleLinear(volume.value(), resizedGeometry(volume->geometry(), {64, 64, slices}));
    SimpleJobControl control;
    writeDicomSeries(small, folder, SeriesWriteOptions{}, control);
    return small;
}

// Rewrites one file with `change` applied to its dataset (and a new SOP instance UID).
template <typename Change>
bool alterFile(const QString& from, const QString& to, Change change)
{
    DcmFileFormat file;
    if (file.loadFile(QFile::encodeName(from).constData()).bad() || file.loadAllDataIntoMemory().bad())
        return false;
    char uid[100];
    file.getDataset()->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid));
    change(*file.getDataset());
    return file.saveFile(QFile::encodeName(to).constData(), EXS_LittleEndianExplicit).good();
}

QStringList filesIn(const QString& folder)
{
    QStringList files;
    for (const QString& name : QDir(folder).entryList({QStringLiteral("*.dcm")}, QDir::Files, QDir::Name))
        files << QDir(folder).filePath(name);
    return files;
}

} // namespace

class TestSeriesSplitting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { DELINEATE_REQUIRE_PACKAGED(kColin27); }

    void readsPlainPixelsDirectly()
    {
        // The writer's files are native 16-bit MONOCHROME2 with the pixels last: the scan must locate them and
        // the direct read must give exactly the voxels written.
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("series"));
        const Volume written = writeSmallSeries(folder, 10);
        SimpleJobControl control;
        auto scan = scanDicom(folder, control);
        QVERIFY(scan.ok());
        const SeriesInfo series = scan->allSeries().first();
        for (const DicomFrameRef& f : series.frames)
            QVERIFY(f.rawPixelOffset > 128);
        auto loaded = loadSeries(series, control);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->volume.geometry().sameGridAs(written.geometry()));
        QVERIFY(std::equal(written.int16Data(), written.int16Data() + written.voxelCount(), loaded->volume.int16Data()));
    }

    void setsLocalizersAside()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("series"));
        writeSmallSeries(folder, 20);
        const QStringList files = filesIn(folder);
        // Two sagittal localizers with the same series UID, as some scanners store them.
        for (int i = 0; i < 2; ++i)
            QVERIFY(alterFile(files[i], QDir(folder).filePath(QStringLiteral("LOC%1.dcm").arg(i)), [&](DcmDataset& d) {
                d.putAndInsertString(DCM_ImageType, "ORIGINAL\\PRIMARY\\LOCALIZER");
                d.putAndInsertString(DCM_ImageOrientationPatient, "0\\1\\0\\0\\0\\-1");
                d.putAndInsertString(DCM_ImagePositionPatient, i == 0 ? "0\\-100\\100" : "10\\-100\\100");
            }));
        SimpleJobControl control;
        auto scan = scanDicom(folder, control);
        QVERIFY(scan.ok());
        QCOMPARE(scan->allSeries().size(), 1);
        const SeriesInfo series = scan->allSeries().first();
        QCOMPARE(series.frameCount(), 20);
        QVERIFY2(series.warnings.join(QLatin1Char('\n')).contains(QLatin1String("localizer")),
                 qPrintable(series.warnings.join(QLatin1Char('\n'))));
        auto loaded = loadSeries(series, control);
        QVERIFY(loaded.ok());
        QVERIFY(!loaded->geometry.unevenSpacing);
    }

    void splitsEchoesAtTheSamePositions()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("series"));
        const Volume written = writeSmallSeries(folder, 12);
        // A second echo: same positions, EchoNumbers 2, voxels doubled (so the two can be told apart).
        for (const QString& file : filesIn(folder)) {
            QVERIFY(alterFile(file, file, [](DcmDataset& d) { d.putAndInsertString(DCM_EchoNumbers, "1"); }));
            QVERIFY(alterFile(file, file + QStringLiteral(".echo2.dcm"), [](DcmDataset& d) {
                d.putAndInsertString(DCM_EchoNumbers, "2");
                d.putAndInsertString(DCM_RescaleSlope, "2");
            }));
        }
        SimpleJobControl control;
        auto scan = scanDicom(folder, control);
        QVERIFY(scan.ok());
        const auto series = scan->allSeries();
        QCOMPARE(series.size(), 2);
        QVector<double> maxima;
        for (const SeriesInfo& s : series) {
            QCOMPARE(s.frameCount(), 12);
            QVERIFY(s.subSeriesLabel.contains(QLatin1String("echo")));
            auto loaded = loadSeries(s, control);
            QVERIFY(loaded.ok());
            QVERIFY(loaded->volume.geometry().sameGridAs(written.geometry()));
            maxima << loaded->volume.valueRange().maximum;
        }
        QCOMPARE(std::max(maxima[0], maxima[1]), 2 * std::min(maxima[0], maxima[1]));
        QCOMPARE(std::min(maxima[0], maxima[1]), written.valueRange().maximum);
    }

    void reportsAMissingSlice()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("series"));
        const Volume written = writeSmallSeries(folder, 16);
        QVERIFY(QFile::remove(filesIn(folder).at(7)));
        SimpleJobControl control;
        auto scan = scanDicom(folder, control);
        QVERIFY(scan.ok());
        auto loaded = loadSeries(scan->allSeries().first(), control);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->geometry.unevenSpacing);
        QCOMPARE(loaded->geometry.missingSlices, 1);
        QVERIFY(loaded->geometry.regularised);
        // Equidistant again at the original spacing, over the original extent.
        const ImageGeometry& g = loaded->volume.geometry();
        QCOMPARE(g.size()[2], int64_t(16));
        QVERIFY(std::abs(g.spacing()[2] - written.geometry().spacing()[2]) < 1e-3);
        // The untouched slices keep their voxels (linear interpolation at their own positions).
        for (int k : {0, 6, 8, 15})
            for (int64_t j = 0; j < 64; j += 5)
                for (int64_t i = 0; i < 64; i += 5)
                    QVERIFY(std::abs(loaded->volume.value(i, j, k) - written.value(i, j, k)) <= 1.0);
    }

    void refusesAbsurdDimensions()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("series"));
        writeSmallSeries(folder, 2);
        const QString huge = QDir(folder).filePath(QStringLiteral("huge.dcm"));
        QVERIFY(alterFile(filesIn(folder).first(), huge, [](DcmDataset& d) {
            d.putAndInsertUint16(DCM_Rows, 65535);
            d.putAndInsertUint16(DCM_Columns, 65535);
            d.putAndInsertString(DCM_NumberOfFrames, "2000");
            d.putAndInsertString(DCM_SeriesInstanceUID, "1.2.3.999");
        }));
        // Refused by the scan, from the header alone, before anything is allocated.
        SimpleJobControl control;
        auto scan = scanDicom(huge, control);
        QVERIFY(scan.ok());
        QCOMPARE(scan->allSeries().size(), 0);
        QCOMPARE(scan->unreadable.size(), 1);
        const QString reason = scan->unreadable.first().reason;
        QVERIFY2(reason.contains(QLatin1String("too large")) && reason.contains(huge), qPrintable(reason));
    }

    void refusesASeriesBeyondTheMemoryLimit()
    {
        // The same check as for this computer's memory, with a limit the small series exceeds: refused before the
        // volume is allocated, naming the series and the sizes.
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("series"));
        writeSmallSeries(folder, 10);
        SimpleJobControl control;
        auto scan = scanDicom(folder, control);
        QVERIFY(scan.ok());
        SeriesLoadOptions options;
        options.memoryLimitBytes = 64 * 64 * 10 * 2; // the int16 voxels alone, without the decode buffers
        auto loaded = loadSeries(scan->allSeries().first(), control, options);
        QVERIFY(!loaded.ok());
        const QString message = loaded.error().message;
        QVERIFY2(message.contains(QLatin1String("64 x 64 x 10 voxels")) && message.contains(QLatin1String("memory limit")),
                 qPrintable(message));
        options.memoryLimitBytes = 64 * 1024 * 1024;
        QVERIFY(loadSeries(scan->allSeries().first(), control, options).ok());
    }
};

QTEST_GUILESS_MAIN(TestSeriesSplitting)
#include "tst_SeriesSplitting.moc"
