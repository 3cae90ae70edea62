// Every transfer syntax in the test data either decodes (identical to its uncompressed twin where one exists)
// or fails with a message naming the file and the syntax or the damage; nothing crashes.
#include "TestData.h"

#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"

#include <QDirIterator>
#include <QTest>

#include <cmath>

using namespace delineate;

namespace {

const QString kPydicomFiles = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files");

QString resolve(const QString& name)
{
    if (name.startsWith(QLatin1String("debian-pydicom:")))
        return kPydicomFiles + QLatin1Char('/') + name.mid(15);
    return delineate::testing::dataPath(name);
}

Expected<Volume> loadFirst(const QString& path)
{
    SimpleJobControl control;
    auto scan = scanDicom(path, control);
    if (!scan)
        return scan.error();
    if (scan->allSeries().isEmpty())
        return Error::failed(scan->unreadable.isEmpty() ? QStringLiteral("no image series")
                                                        : scan->unreadable.first().reason);
    auto loaded = loadSeries(scan->allSeries().first(), control);
    if (!loaded)
        return loaded.error();
    return std::move(loaded->volume);
}

} // namespace

class TestDicomCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesLikeItsTwin_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("twin");
        QTest::addColumn<double>("tolerance"); // largest allowed |difference|; 0 for lossless
        // The same Siemens mosaic in nine encodings (dcm_qa_ts): identical voxels.
        for (int i = 2; i <= 9; ++i)
            QTest::newRow(qPrintable(QStringLiteral("dcm_qa_ts %1").arg(i)))
                << QStringLiteral("dcm_qa_ts/In/%1.dcm").arg(i) << QStringLiteral("dcm_qa_ts/In/1.dcm") << 0.0;
        const QList<std::tuple<const char*, const char*, double>> pairs = {
            {"pydicom-data/emri_small_RLE.dcm", "pydicom-data/emri_small.dcm", 0.0},
            {"pydicom-data/emri_small_big_endian.dcm", "pydicom-data/emri_small.dcm", 0.0},
            {"pydicom-data/emri_small_jpeg_2k_lossless.dcm", "pydicom-data/emri_small.dcm", 0.0},
            {"pydicom-data/emri_small_jpeg_ls_lossless.dcm", "pydicom-data/emri_small.dcm", 0.0},
            {"pydicom-data/MR2_J2KR.dcm", "pydicom-data/MR2_UNCR.dcm", 0.0},
            // Colour: the twin's luminance comes from dcmimage, this one's from GDCM's RGB: rounding may differ by 1.
            {"pydicom-data/US1_J2KR.dcm", "pydicom-data/US1_UNCR.dcm", 1.0},
            {"pydicom-data/693_J2KR.dcm", "pydicom-data/693_UNCR.dcm", 0.0},
            {"pydicom-data/OBXXXX1A_expb.dcm", "pydicom-data/OBXXXX1A.dcm", 0.0},
            {"pydicom-data/OBXXXX1A_rle.dcm", "pydicom-data/OBXXXX1A.dcm", 0.0},
            {"pydicom-data/OBXXXX1A_expb_2frame.dcm", "pydicom-data/OBXXXX1A_2frame.dcm", 0.0},
            {"pydicom-data/OBXXXX1A_rle_2frame.dcm", "pydicom-data/OBXXXX1A_2frame.dcm", 0.0},
            {"pydicom-data/SC_rgb_expb.dcm", "pydicom-data/SC_rgb.dcm", 0.0},
            {"pydicom-data/SC_rgb_expb_2frame.dcm", "pydicom-data/SC_rgb_2frame.dcm", 0.0},
            {"pydicom-data/SC_rgb_expb_16bit.dcm", "pydicom-data/SC_rgb_16bit.dcm", 0.0},
            {"pydicom-data/SC_rgb_expb_32bit.dcm", "pydicom-data/SC_rgb_32bit.dcm", 0.0},
            {"pydicom-data/JLSL_RGB_ILV1.dcm", "pydicom-data/JLSL_RGB_ILV0.dcm", 0.0},
            {"pydicom-data/JLSL_RGB_ILV2.dcm", "pydicom-data/JLSL_RGB_ILV0.dcm", 0.0},
            {"debian-pydicom:SC_rgb_rle.dcm", "pydicom-data/SC_rgb.dcm", 0.0},
            {"debian-pydicom:SC_rgb_rle_16bit.dcm", "pydicom-data/SC_rgb_16bit.dcm", 0.0},
            {"debian-pydicom:SC_rgb_rle_32bit.dcm", "pydicom-data/SC_rgb_32bit.dcm", 0.0},
            {"debian-pydicom:MR_small_RLE.dcm", "debian-pydicom:MR_small.dcm", 0.0},
            {"debian-pydicom:MR_small_bigendian.dcm", "debian-pydicom:MR_small.dcm", 0.0},
            {"debian-pydicom:MR_small_expb.dcm", "debian-pydicom:MR_small.dcm", 0.0},
            {"debian-pydicom:MR_small_implicit.dcm", "debian-pydicom:MR_small.dcm", 0.0},
            {"debian-pydicom:MR_small_jp2klossless.dcm", "debian-pydicom:MR_small.dcm", 0.0},
            {"debian-pydicom:MR_small_jpeg_ls_lossless.dcm", "debian-pydicom:MR_small.dcm", 0.0},
            // Lossy files against their reference decodes (*_UNCI): decoders may round differently by a unit.
            {"pydicom-data/MR2_J2KI.dcm", "pydicom-data/MR2_UNCI.dcm", 1.0},
            {"pydicom-data/US1_J2KI.dcm", "pydicom-data/US1_UNCI.dcm", 1.0},
            {"debian-pydicom:693_J2KI.dcm", "pydicom-data/693_UNCI.dcm", 1.0},
        };
        for (const auto& [file, twin, tolerance] : pairs)
            QTest::newRow(file) << QString::fromLatin1(file) << QString::fromLatin1(twin) << tolerance;
    }

    void decodesLikeItsTwin()
    {
        QFETCH(QString, file);
        QFETCH(QString, twin);
        QFETCH(double, tolerance);
        for (const QString& name : {file, twin}) {
            if (name.startsWith(QLatin1String("debian-pydicom:")))
                DELINEATE_REQUIRE_PACKAGED(resolve(name));
            else
                DELINEATE_REQUIRE_DATA(name);
        }
        auto a = loadFirst(resolve(file));
        QVERIFY2(a.ok(), qPrintable(a.error().message));
        auto b = loadFirst(resolve(twin));
        QVERIFY2(b.ok(), qPrintable(b.error().message));
        QCOMPARE(a->geometry().size(), b->geometry().size());
        double largest = 0.0;
        for (std::size_t i = 0; i < a->voxelCount(); ++i)
            largest = std::max(largest, std::abs(a->valueAt(i) - b->valueAt(i)));
        QVERIFY2(largest <= tolerance,
                 qPrintable(QStringLiteral("largest voxel difference %1 > %2").arg(largest).arg(tolerance)));
        // A twin comparison of two blank images would prove nothing.
        QVERIFY(a->valueRange().maximum > a->valueRange().minimum);
    }

    void everyFileDecodesOrSaysWhy_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString& folder : {delineate::testing::dataPath(QStringLiteral("pydicom-data")), kPydicomFiles}) {
            QDirIterator it(folder, {QStringLiteral("*.dcm")}, QDir::Files);
            while (it.hasNext()) {
                const QString path = it.next();
                QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
            }
        }
    }

    void everyFileDecodesOrSaysWhy()
    {
        QFETCH(QString, path);
        SimpleJobControl control;
        auto scan = scanDicom(path, control);
        QVERIFY2(scan.ok(), qPrintable(scan.error().message));
        for (const UnreadableFile& f : scan->unreadable) {
            QCOMPARE(f.path, path);
            QVERIFY2(f.reason.contains(path), qPrintable(f.reason));
        }
        for (const SeriesInfo& series : scan->allSeries()) {
            auto loaded = loadSeries(series, control);
            if (loaded.ok()) {
                QVERIFY(!loaded->volume.isEmpty());
                continue;
            }
            const QString message = loaded.error().message;
            QVERIFY2(message.contains(path), qPrintable(message));
            QVERIFY2(message.contains(QLatin1String("not supported")) || message.contains(QLatin1String("corrupt")) ||
                         message.contains(QLatin1String("cannot be decoded")),
                     qPrintable(message));
            if (path.contains(QLatin1String("HTJ2K")))
                QVERIFY2(message.contains(QLatin1String("HTJ2K")), qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestDicomCodecs)
#include "tst_DicomCodecs.moc"
