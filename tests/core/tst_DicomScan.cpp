// Scanning: grouping into patient/study/series, non-image objects, unreadable files with reasons, character
// sets decoded to UTF-8, sub-series splits, DICOMDIR, sorting by position, and cancellation half-way.
#include "TestData.h"

#include "dicom/DicomFileHeader.h"
#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <iconv.h>

using namespace delineate;

namespace {

const QString kCharsetFiles = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/charset_files");
const QString kPydicomFiles = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files");

// Cancels once `after` progress reports have arrived.
class CancellingControl : public JobControl
{
public:
    explicit CancellingControl(int after) : m_after(after) {}
    void reportProgress(double fraction, const QString&) override
    {
        m_lastFraction = fraction;
        if (++m_reports >= m_after)
            m_cancelled = true;
    }
    bool isCancelled() const override { return m_cancelled; }
    double lastFraction() const { return m_lastFraction; }

private:
    int m_after;
    int m_reports = 0;
    bool m_cancelled = false;
    double m_lastFraction = 0.0;
};

QByteArray encode(const char* charset, const QString& text)
{
    iconv_t cd = iconv_open(charset, "UTF-8");
    QByteArray in = text.toUtf8();
    QByteArray out(in.size() * 4 + 16, '\0');
    char* inPtr = in.data();
    char* outPtr = out.data();
    size_t inLeft = in.size(), outLeft = out.size();
    iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    iconv_close(cd);
    out.resize(out.size() - int(outLeft));
    return out;
}

} // namespace

class TestDicomScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsSeriesAndListsOtherObjects()
    {
        DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
        SimpleJobControl control;
        auto scan = scanDicom(delineate::testing::dataPath(QStringLiteral("dcmqi-seg")), control);
        QVERIFY2(scan.ok(), qPrintable(scan.error().message));
        // The NRRD label maps and the licence text are not DICOM at all: skipped and counted, not failures.
        QVERIFY(scan->nonDicomFiles.contains(delineate::testing::dataPath(QStringLiteral("dcmqi-seg/liver_seg.nrrd"))));
        QVERIFY(scan->nonDicomFiles.contains(delineate::testing::dataPath(QStringLiteral("dcmqi-seg/LICENSE.source-repo"))));
        for (const QString& f : scan->nonDicomFiles)
            QVERIFY2(!f.endsWith(QLatin1String(".dcm")), qPrintable(f));
        for (const UnreadableFile& f : scan->unreadable) {
            QVERIFY2(!f.path.endsWith(QLatin1String(".dcm")), qPrintable(f.path + QLatin1String(": ") + f.reason));
            QVERIFY(f.reason.contains(f.path));
        }
        const QVector<SeriesInfo> all = scan->allSeries();
        const SeriesInfo* ct = nullptr;
        for (const SeriesInfo& s : all)
            if (s.frameCount() == 3 && s.rows == 512)
                ct = &s;
        QVERIFY2(ct, "the 3-slice CT series was not found");
        QCOMPARE(ct->modality, QStringLiteral("CT"));
        // liver.dcm is a SEG of that CT: listed as a non-image object under the CT's study.
        bool segUnderStudy = false;
        for (const PatientInfo& p : scan->patients)
            for (const StudyInfo& s : p.studies)
                for (const NonImageObject& o : s.nonImageObjects)
                    if (o.file.endsWith(QLatin1String("liver.dcm")) && o.kind == QLatin1String("SEG"))
                        segUnderStudy = s.studyInstanceUid == ct->studyInstanceUid;
        QVERIFY(segUnderStudy);
    }

    void skipsNonDicomAndExplainsTruncatedFiles()
    {
        // A real CT slice with, beside it, a text note, a JSON sidecar, and two copies of another slice cut short:
        // one inside its pixel data, one just before its Pixel Data element.
        DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
        QTemporaryDir folder;
        QVERIFY(QFile::copy(delineate::testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice/02.dcm")), folder.filePath(QStringLiteral("02.dcm"))));
        QFile source(delineate::testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice/01.dcm")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray whole = source.readAll();
        const int pixelTag = whole.lastIndexOf(QByteArray("\xe0\x7f\x10\x00", 4));
        QVERIFY(pixelTag > 132);
        const auto write = [&](const QString& name, const QByteArray& bytes) {
            QFile file(folder.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        };
        write(QStringLiteral("notes.txt"), "Reported by Dr. X; see the report.\n");
        write(QStringLiteral("02.json"), R"({"Modality": "CT", "SliceThickness": 1.25})");
        write(QStringLiteral("cut-in-pixels.dcm"), whole.left(whole.size() / 2));
        write(QStringLiteral("cut-before-pixels.dcm"), whole.left(pixelTag));
        SimpleJobControl control;
        auto scan = scanDicom(folder.path(), control);
        QVERIFY(scan);
        QCOMPARE(scan->allSeries().size(), 1);
        QCOMPARE(scan->allSeries().first().frameCount(), 1);
        QStringList skipped = scan->nonDicomFiles;
        skipped.sort();
        QCOMPARE(skipped, (QStringList{folder.filePath(QStringLiteral("02.json")), folder.filePath(QStringLiteral("notes.txt"))}));
        // The truncated slices are failures with our own sentence, not objects of some other kind.
        QVERIFY(scan->allNonImageObjects().isEmpty());
        QCOMPARE(scan->unreadable.size(), 2);
        for (const UnreadableFile& f : scan->unreadable) {
            QVERIFY2(f.reason.contains(QLatin1String("cut short")), qPrintable(f.reason));
            QVERIFY2(!f.reason.contains(QLatin1String("cannot display")), qPrintable(f.reason));
        }
        // One file on its own is judged the same way.
        QVERIFY(!looksLikeDicom(folder.filePath(QStringLiteral("notes.txt"))));
        QVERIFY(looksLikeDicom(folder.filePath(QStringLiteral("cut-before-pixels.dcm"))));
        QVERIFY(looksLikeDicom(QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/no_meta.dcm")));
    }

    void sortsByPositionNotFileName()
    {
        DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
        SimpleJobControl control;
        const QString folder = delineate::testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice"));
        auto scan = scanDicom(folder, control);
        QVERIFY(scan.ok());
        auto loaded = loadSeries(scan->allSeries().first(), control);
        QVERIFY(loaded.ok());
        const ImageGeometry& g = loaded->volume.geometry();
        // Spacing comes from the positions (1.0 mm), not from SliceThickness (1.25 mm).
        QCOMPARE(g.spacing()[2], 1.0);
        // The origin is the slice lowest along the normal, and each slice's voxels come from the file at that
        // position: compare slice k with the file whose ImagePositionPatient is origin + k * spacing * normal.
        for (int k = 0; k < 3; ++k) {
            const Vector3 expected = g.indexToPhysical({0.0, 0.0, double(k)});
            bool found = false;
            for (const DicomFrameRef& f : loaded->info.frames) {
                if (std::abs(f.position[2] - expected[2]) > 1e-3)
                    continue;
                auto header = readDicomFileHeader(f.file);
                QVERIFY(header.ok());
                QVERIFY(std::abs(header->position[0] - expected[0]) < 1e-3);
                found = true;
            }
            QVERIFY2(found, qPrintable(QStringLiteral("no file at the position of slice %1").arg(k)));
        }
    }

    void placesRtDoseFramesByGridFrameOffsets()
    {
        // 15 frames, one ImagePositionPatient, GridFrameOffsetVector 0, 5, ..., 70: the frames are 5 mm apart
        // (SliceThickness and SpacingBetweenSlices are absent: without the vector they would be 1 mm apart).
        const QString path = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/rtdose.dcm");
        DELINEATE_REQUIRE_PACKAGED(path);
        auto header = readDicomFileHeader(path);
        QVERIFY2(header.ok(), qPrintable(header.error().message));
        QCOMPARE(int(header->gridFrameOffsets.size()), 15);
        QCOMPARE(header->gridFrameOffsets[14], 70.0);
        SimpleJobControl control;
        auto scan = scanDicom(path, control);
        QVERIFY(scan.ok());
        auto loaded = loadSeries(scan->allSeries().first(), control);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
        const ImageGeometry& g = loaded->volume.geometry();
        QCOMPARE(g.size()[2], int64_t(15));
        QVERIFY2(std::abs(g.spacing()[2] - 5.0) < 1e-6, qPrintable(QString::number(g.spacing()[2])));
        QVERIFY(std::abs(g.origin()[2] - (-761.87)) < 1e-3);
    }

    void decodesCharacterSets_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ISO_IR 100") << QStringLiteral("chrFren.dcm") << QStringLiteral("Buc Jérôme");
        QTest::newRow("ISO_IR 192") << QStringLiteral("chrX1.dcm") << QStringLiteral("Wang XiaoDong=王 小東=");
        QTest::newRow("ISO_IR 126") << QStringLiteral("chrGreek.dcm") << QStringLiteral("Διονυσιος");
        QTest::newRow("ISO_IR 144") << QStringLiteral("chrRuss.dcm") << QStringLiteral("Люкceмбypг");
    }

    void decodesCharacterSets()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const QString path = kCharsetFiles + QLatin1Char('/') + file;
        DELINEATE_REQUIRE_PACKAGED(path);
        auto header = readDicomFileHeader(path);
        QVERIFY2(header.ok(), qPrintable(header.error().message));
        QCOMPARE(header->patientName, expected);
    }

    void decodesChineseCharacterSets_data()
    {
        QTest::addColumn<QString>("charset");
        QTest::addColumn<QString>("iconvName");
        QTest::newRow("GB18030") << QStringLiteral("GB18030") << QStringLiteral("GB18030");
        QTest::newRow("GBK") << QStringLiteral("GBK") << QStringLiteral("GBK");
    }

    void decodesChineseCharacterSets()
    {
        // No public test file uses these sets: write one with the name encoded by the system iconv.
        QFETCH(QString, charset);
        QFETCH(QString, iconvName);
        const QString name = QStringLiteral("张^伟");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gb.dcm"));
        DcmFileFormat file;
        DcmDataset* d = file.getDataset();
        d->putAndInsertString(DCM_SpecificCharacterSet, charset.toLatin1().constData());
        d->putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
        d->putAndInsertString(DCM_SOPInstanceUID, "1.2.3.4.5");
        d->putAndInsertString(DCM_StudyDescription, encode(iconvName.toLatin1().constData(), QStringLiteral("头部平扫")).constData());
        d->putAndInsertString(DCM_PatientName, encode(iconvName.toLatin1().constData(), name).constData());
        // A secondary capture without pixels would be a broken image: give it a 2 x 2 one.
        d->putAndInsertUint16(DCM_Rows, 2);
        d->putAndInsertUint16(DCM_Columns, 2);
        d->putAndInsertUint16(DCM_SamplesPerPixel, 1);
        d->putAndInsertUint16(DCM_BitsAllocated, 8);
        d->putAndInsertUint16(DCM_BitsStored, 8);
        d->putAndInsertUint16(DCM_HighBit, 7);
        d->putAndInsertUint16(DCM_PixelRepresentation, 0);
        d->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        const Uint8 pixels[4] = {0, 1, 2, 3};
        d->putAndInsertUint8Array(DCM_PixelData, pixels, 4);
        QVERIFY(file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good());
        auto header = readDicomFileHeader(path);
        QVERIFY2(header.ok(), qPrintable(header.error().message));
        QCOMPARE(header->patientName, QStringLiteral("张 伟"));
        QCOMPARE(header->studyDescription, QStringLiteral("头部平扫"));
    }

    void splitsEnhancedObjectsIntoVolumes()
    {
        DELINEATE_REQUIRE_DATA("dcm_qa_enh/In/Philips");
        SimpleJobControl control;
        auto scan = scanDicom(delineate::testing::dataPath(QStringLiteral("dcm_qa_enh/In/Philips")), control);
        QVERIFY(scan.ok());
        const auto series = scan->allSeries();
        QCOMPARE(series.size(), 2); // magnitude (echo 1) and field map
        for (const SeriesInfo& s : series) {
            QVERIFY(s.enhancedMultiFrame);
            QCOMPARE(s.frameCount(), 32);
            QVERIFY(!s.subSeriesLabel.isEmpty());
        }
        QVERIFY(series[0].subSeriesLabel != series[1].subSeriesLabel);
    }

    void enhancedMultiFrameEqualsItsSingleFrameSeries_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("23x38x3") << QStringLiteral("dcmqi-seg/23x38x3");
        QTest::newRow("24x38x3") << QStringLiteral("dcmqi-seg/24x38x3");
    }

    void enhancedMultiFrameEqualsItsSingleFrameSeries()
    {
        QFETCH(QString, folder);
        DELINEATE_REQUIRE_DATA(folder);
        SimpleJobControl control;
        const auto load = [&](const QString& relative) -> Expected<LoadedSeries> {
            auto scan = scanDicom(delineate::testing::dataPath(folder + relative), control);
            if (!scan)
                return scan.error();
            if (scan->allSeries().size() != 1)
                return Error::failed(QStringLiteral("%1 series").arg(scan->allSeries().size()));
            return loadSeries(scan->allSeries().first(), control);
        };
        auto multiFrame = load(QStringLiteral("/multiframe/mf.dcm"));
        auto singleFrames = load(QStringLiteral("/image"));
        QVERIFY2(multiFrame.ok(), qPrintable(multiFrame.error().message));
        QVERIFY2(singleFrames.ok(), qPrintable(singleFrames.error().message));
        QVERIFY(multiFrame->info.enhancedMultiFrame);
        QVERIFY(multiFrame->volume.geometry().sameGridAs(singleFrames->volume.geometry(), 1e-4));
        QCOMPARE(multiFrame->volume.pixelType(), singleFrames->volume.pixelType());
        for (std::size_t i = 0; i < multiFrame->volume.voxelCount(); ++i)
            QCOMPARE(multiFrame->volume.valueAt(i), singleFrames->volume.valueAt(i));
    }

    void usesDicomDirAndListsIt()
    {
        const QString folder = kPydicomFiles + QStringLiteral("/dicomdirtests");
        DELINEATE_REQUIRE_PACKAGED(folder + QStringLiteral("/DICOMDIR"));
        SimpleJobControl control;
        auto scan = scanDicom(folder, control);
        QVERIFY2(scan.ok(), qPrintable(scan.error().message));
        QVERIFY(scan->allSeries().size() >= 3);
        bool listed = false;
        for (const NonImageObject& o : scan->allNonImageObjects())
            listed = listed || o.kind == QLatin1String("DICOMDIR");
        QVERIFY(listed);
    }

    void cancelsHalfWay()
    {
        DELINEATE_REQUIRE_DATA("dcm_qa_ct/In/Philips");
        const QString folder = delineate::testing::dataPath(QStringLiteral("dcm_qa_ct/In/Philips"));
        CancellingControl scanCancel(5);
        auto cancelledScan = scanDicom(folder, scanCancel);
        QVERIFY(!cancelledScan.ok());
        QVERIFY(cancelledScan.error().isCancelled());
        QVERIFY(scanCancel.lastFraction() < 1.0);

        SimpleJobControl control;
        auto scan = scanDicom(folder, control);
        QVERIFY(scan.ok());
        CancellingControl loadCancel(3);
        auto cancelledLoad = loadSeries(scan->allSeries().first(), loadCancel);
        QVERIFY(!cancelledLoad.ok());
        QVERIFY(cancelledLoad.error().isCancelled());
        // The same series loads completely afterwards: nothing was left half-done in shared state.
        auto loaded = loadSeries(scan->allSeries().first(), control);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->volume.geometry().size()[2], int64_t(54));
    }

    void reportsMissingPath()
    {
        SimpleJobControl control;
        auto scan = scanDicom(QStringLiteral("/nonexistent/folder"), control);
        QVERIFY(!scan.ok());
        QVERIFY(scan.error().message.contains(QLatin1String("/nonexistent/folder")));
    }
};

QTEST_GUILESS_MAIN(TestDicomScan)
#include "tst_DicomScan.moc"
