// Geometry and voxels of every image series in the test data against Debian's dcm2niix, driven by
// tests/data/dcm2niix_geometry.tsv (file names, tolerances and exemptions only; dcm2niix runs here).
#include "TestData.h"

#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"
#include "image/Reorient.h"
#include "io/VolumeIO.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace delineate;

namespace {

const QString kPydicomFiles = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files");
const QString kColin27 = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");

bool runProgram(const QString& program, const QStringList& arguments, QString* output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(600000))
        return false;
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

// Pearson correlation of two equally sized volumes.
double correlation(const Volume& a, const Volume& b)
{
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    const std::size_t n = a.voxelCount();
    for (std::size_t i = 0; i < n; ++i) {
        const double x = a.valueAt(i), y = b.valueAt(i);
        sa += x;
        sb += y;
        saa += x * x;
        sbb += y * y;
        sab += x * y;
    }
    const double cov = sab / n - (sa / n) * (sb / n);
    const double va = saa / n - (sa / n) * (sa / n), vb = sbb / n - (sb / n) * (sb / n);
    return cov / std::sqrt(va * vb);
}

} // namespace

class TestDicomGeometry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dcm2niix")).isEmpty())
            QFAIL("dcm2niix is not installed (scripts/test installs the Debian package)");
    }

    void matchesDcm2niix_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("series");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("volume");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<double>("tolerance");
        QFile table(QStringLiteral(DELINEATE_TEST_TABLE));
        QVERIFY2(table.open(QIODevice::ReadOnly), "cannot open the dcm2niix geometry table");
        int row = 0;
        while (!table.atEnd()) {
            const QString line = QString::fromUtf8(table.readLine()).trimmed();
            ++row;
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList f = line.split(QLatin1Char('\t'));
            QVERIFY2(f.size() >= 6, qPrintable(QStringLiteral("table row %1 has %2 columns").arg(row).arg(f.size())));
            const QString name = QStringLiteral("%1 #%2 %3[%4]").arg(f[0], f[1], f[2], f[3]);
            QTest::newRow(qPrintable(name)) << f[0] << f[1].toInt() << f[2] << f[3].toInt() << f[4] << f[5].toDouble();
        }
    }

    void matchesDcm2niix()
    {
        QFETCH(QString, input);
        QFETCH(int, series);
        QFETCH(QString, reference);
        QFETCH(int, volume);
        QFETCH(QString, mode);
        QFETCH(double, tolerance);

        QTemporaryDir work;
        QVERIFY(work.isValid());
        QString path;
        if (input.startsWith(QLatin1String("debian-pydicom:"))) {
            path = kPydicomFiles + QLatin1Char('/') + input.mid(15);
            DELINEATE_REQUIRE_PACKAGED(path);
        } else if (input.startsWith(QLatin1String("sample:"))) {
            DELINEATE_REQUIRE_PACKAGED(kColin27);
            path = work.filePath(QStringLiteral("series"));
            QString log;
            QVERIFY2(runProgram(delineate::testing::cliPath(),
                                {QStringLiteral("make-series"), kColin27, path, QStringLiteral("--slices"), input.mid(7)},
                                &log),
                     qPrintable(log));
        } else {
            DELINEATE_REQUIRE_DATA(input);
            path = delineate::testing::dataPath(input);
        }

        if (mode.startsWith(QLatin1String("twin:"))) {
            // Debian's dcm2niix cannot decode this file (no JPEG-LS decoder): compare with the twin in another
            // encoding, which is itself compared with dcm2niix in its own row.
            SimpleJobControl control;
            const auto loadFirst = [&](const QString& file) -> Expected<LoadedSeries> {
                auto scan = scanDicom(file, control);
                if (!scan)
                    return scan.error();
                if (scan->allSeries().isEmpty())
                    return Error::failed(QStringLiteral("no series in %1").arg(file));
                return loadSeries(scan->allSeries().first(), control);
            };
            auto ours = loadFirst(path);
            auto twin = loadFirst(delineate::testing::dataPath(mode.mid(5)));
            QVERIFY2(ours.ok(), qPrintable(ours.error().message));
            QVERIFY2(twin.ok(), qPrintable(twin.error().message));
            QVERIFY(ours->volume.geometry().sameGridAs(twin->volume.geometry(), tolerance));
            for (std::size_t i = 0; i < ours->volume.voxelCount(); ++i)
                QCOMPARE(ours->volume.valueAt(i), twin->volume.valueAt(i));
            return;
        }

        // dcm2niix on the same files.
        const QString outputFolder = work.filePath(QStringLiteral("dcm2niix"));
        QVERIFY(QDir().mkpath(outputFolder));
        QStringList arguments{QStringLiteral("-z"), QStringLiteral("n"), QStringLiteral("-b"), QStringLiteral("n"),
                              QStringLiteral("-f"), QStringLiteral("%s_%e"), QStringLiteral("-o"), outputFolder};
        if (QFileInfo(path).isFile())
            arguments << QStringLiteral("-s") << QStringLiteral("y");
        arguments << path;
        QString log;
        runProgram(QStringLiteral("dcm2niix"), arguments, &log);
        const QString referencePath = QDir(outputFolder).filePath(reference);
        QVERIFY2(QFileInfo::exists(referencePath),
                 qPrintable(QStringLiteral("dcm2niix wrote no %1; it wrote: %2\n%3")
                                .arg(reference, QDir(outputFolder).entryList(QDir::Files).join(QLatin1Char(' ')), log)));
        auto theirs = readVolume(referencePath, volume);
        QVERIFY2(theirs.ok(), qPrintable(theirs.error().message));

        SimpleJobControl control;
        auto scan = scanDicom(path, control);
        QVERIFY2(scan.ok(), qPrintable(scan.error().message));
        const QVector<SeriesInfo> all = scan->allSeries();
        QVERIFY2(series >= 1 && series <= all.size(),
                 qPrintable(QStringLiteral("Delineate found %1 series, the table names series %2").arg(all.size()).arg(series)));
        auto ours = loadSeries(all[series - 1], control);
        QVERIFY2(ours.ok(), qPrintable(ours.error().message));

        const Volume a = reorientToNearestLps(ours->volume);
        const Volume b = reorientToNearestLps(theirs.value());
        const ImageGeometry& ga = a.geometry();
        const ImageGeometry& gb = b.geometry();
        const auto describe = [](const ImageGeometry& g) {
            return QStringLiteral("size %1x%2x%3 spacing %4 %5 %6 origin %7 %8 %9")
                .arg(g.size()[0]).arg(g.size()[1]).arg(g.size()[2])
                .arg(g.spacing()[0]).arg(g.spacing()[1]).arg(g.spacing()[2])
                .arg(g.origin()[0]).arg(g.origin()[1]).arg(g.origin()[2]);
        };
        const QString both = QStringLiteral("\n Delineate: %1\n dcm2niix:  %2").arg(describe(ga), describe(gb));
        QVERIFY2(ga.size() == gb.size(), qPrintable(QStringLiteral("dimensions differ") + both));
        for (int c = 0; c < 3; ++c)
            QVERIFY2(std::abs(ga.spacing()[c] - gb.spacing()[c]) <= tolerance,
                     qPrintable(QStringLiteral("spacing differs on axis %1").arg(c) + both));
        if (mode == QLatin1String("regularised")) {
            QVERIFY2(ours->geometry.regularised, "the loader did not regularise this series");
            QVERIFY(ours->geometry.gantryTilt || ours->geometry.unevenSpacing);
            // dcm2niix's regularised header is not a faithful affine (it shears the world matrix), so only the
            // voxel agreement is measured: both resample the same slices linearly along the same axes.
            const double r = correlation(a, b);
            qInfo("%s: voxel correlation with dcm2niix %.5f", qPrintable(reference), r);
            QVERIFY2(r >= 0.99, qPrintable(QStringLiteral("voxel correlation %1 < 0.99").arg(r)));
            return;
        }
        for (int r = 0; r < 3; ++r) {
            QVERIFY2(std::abs(ga.origin()[r] - gb.origin()[r]) <= tolerance,
                     qPrintable(QStringLiteral("origin differs") + both));
            for (int c = 0; c < 3; ++c)
                QVERIFY2(std::abs(ga.direction()[r][c] - gb.direction()[r][c]) <= 1e-4,
                         qPrintable(QStringLiteral("direction differs at (%1,%2): %3 vs %4")
                                        .arg(r).arg(c).arg(ga.direction()[r][c]).arg(gb.direction()[r][c])));
        }
        if (mode == QLatin1String("geometry"))
            return;
        QCOMPARE(mode, QStringLiteral("exact"));
        std::size_t differing = 0, first = 0;
        for (std::size_t i = 0; i < a.voxelCount(); ++i) {
            const double x = a.valueAt(i), y = b.valueAt(i);
            if (std::abs(x - y) > 1e-4 * std::max(1.0, std::abs(y))) {
                if (differing++ == 0)
                    first = i;
            }
        }
        QVERIFY2(differing == 0, qPrintable(QStringLiteral("%1 of %2 voxels differ; first at %3: %4 vs %5")
                                                .arg(differing).arg(a.voxelCount()).arg(first)
                                                .arg(a.valueAt(first)).arg(b.valueAt(first))));
    }
};

QTEST_GUILESS_MAIN(TestDicomGeometry)
#include "tst_DicomGeometry.moc"
