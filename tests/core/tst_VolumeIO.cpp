// Volume files: NIfTI/NRRD/MHA round trips keep voxels and LPS geometry; label maps; atomic writes; errors.
#include "TestData.h"

#include "image/Reorient.h"
#include "image/Resample.h"
#include "io/VolumeIO.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace delineate;

namespace {
const QString kColin27 = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");
const QString kColin27Brain = QStringLiteral("/usr/share/mricron/templates/ch2bet.nii.gz");
} // namespace

class TestVolumeIO : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsColin27()
    {
        DELINEATE_REQUIRE_PACKAGED(kColin27);
        auto volume = readVolume(kColin27);
        QVERIFY2(volume.ok(), qPrintable(volume.error().message));
        const ImageGeometry& g = volume->geometry();
        QCOMPARE(g.size(), (std::array<int64_t, 3>{181, 217, 181}));
        QCOMPARE(volume->pixelType(), PixelType::Int16); // uint8 data fits int16
        for (int a = 0; a < 3; ++a)
            QCOMPARE(g.spacing()[a], 1.0);
        QVERIFY(volume->valueRange().maximum > 0);
    }

    void roundTripsEveryFormat_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("dataFile"); // the second file of a detached header, named in it
        QTest::newRow("nii") << QStringLiteral(".nii") << QString();
        QTest::newRow("nii.gz") << QStringLiteral(".nii.gz") << QString();
        QTest::newRow("nrrd") << QStringLiteral(".nrrd") << QString();
        QTest::newRow("mha") << QStringLiteral(".mha") << QString();
        QTest::newRow("mhd") << QStringLiteral(".mhd") << QStringLiteral("volume.zraw");
        QTest::newRow("nhdr") << QStringLiteral(".nhdr") << QStringLiteral("volume.raw.gz");
    }

    void roundTripsEveryFormat()
    {
        QFETCH(QString, extension);
        QFETCH(QString, dataFile);
        DELINEATE_REQUIRE_PACKAGED(kColin27);
        auto original = readVolume(kColin27);
        QVERIFY(original.ok());
        // An oblique, anisotropic float volume exercises what a plain 1 mm grid would not.
        ImageGeometry g = resizedGeometry(original->geometry(), {90, 100, 70});
        const double c = std::cos(0.3), s = std::sin(0.3);
        g.setDirection({{{c, -s, 0.0}, {s, c, 0.0}, {0.0, 0.0, 1.0}}});
        Volume source = resampleLinear(original->toFloat32(), g);
        for (std::size_t i = 0; i < source.voxelCount(); i += 7)
            source.float32Data()[i] += 0.25f; // not integral: must stay float32
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("volume") + extension);
        auto written = writeVolume(source, path);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        // No temporary left behind, and a detached header names its data file by the final name.
        QStringList expected{QStringLiteral("volume") + extension};
        if (!dataFile.isEmpty())
            expected << dataFile;
        expected.sort();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name), expected);
        if (!dataFile.isEmpty()) {
            QFile header(path);
            QVERIFY(header.open(QIODevice::ReadOnly));
            const QByteArray text = header.readAll();
            QVERIFY2(text.contains(dataFile.toUtf8()) && !text.contains("partial"), text.constData());
        }
        auto back = readVolume(path);
        QVERIFY2(back.ok(), qPrintable(back.error().message));
        QCOMPARE(back->pixelType(), PixelType::Float32);
        QVERIFY(back->geometry().sameGridAs(source.geometry(), 1e-4));
        for (std::size_t i = 0; i < source.voxelCount(); ++i)
            QCOMPARE(back->float32Data()[i], source.float32Data()[i]);
    }

    void roundTripsLabelMaps()
    {
        DELINEATE_REQUIRE_PACKAGED(kColin27Brain);
        auto brain = readVolume(kColin27Brain);
        QVERIFY(brain.ok());
        LabelMap labels(brain->geometry());
        std::size_t inside = 0;
        for (std::size_t i = 0; i < labels.voxelCount(); ++i) {
            labels.data()[i] = brain->valueAt(i) > 0 ? 1 : 0;
            inside += labels.data()[i];
        }
        QVERIFY(inside > 100000); // a brain is over 1 litre at 1 mm
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mask.nii.gz"));
        QVERIFY(writeLabelMap(labels, path).ok());
        auto back = readLabelMap(path);
        QVERIFY2(back.ok(), qPrintable(back.error().message));
        QVERIFY(back->geometry().sameGridAs(labels.geometry()));
        QVERIFY(std::equal(labels.data(), labels.data() + labels.voxelCount(), back->data()));
    }

    void reorientsWithoutMovingVoxels()
    {
        DELINEATE_REQUIRE_PACKAGED(kColin27);
        auto volume = readVolume(kColin27);
        QVERIFY(volume.ok());
        // Flip i and swap j/k: the same voxels in patient space, stored differently.
        ImageGeometry g = volume->geometry();
        const auto& s = g.size();
        ImageGeometry flipped({s[0], s[2], s[1]}, {g.spacing()[0], g.spacing()[2], g.spacing()[1]},
                              g.indexToPhysical({double(s[0] - 1), 0.0, 0.0}), {});
        Matrix3 d{};
        for (int r = 0; r < 3; ++r) {
            d[r][0] = -g.direction()[r][0];
            d[r][1] = g.direction()[r][2];
            d[r][2] = g.direction()[r][1];
        }
        flipped.setDirection(d);
        Volume stored(flipped, PixelType::Int16);
        for (int64_t k = 0; k < s[1]; ++k)
            for (int64_t j = 0; j < s[2]; ++j)
                for (int64_t i = 0; i < s[0]; ++i)
                    stored.int16Data()[stored.offset(i, j, k)] = volume->int16Data()[volume->offset(s[0] - 1 - i, k, j)];
        const Volume canonical = reorientToNearestLps(stored);
        QVERIFY(canonical.geometry().sameGridAs(reorientToNearestLps(volume.value()).geometry(), 1e-6));
        QVERIFY(std::equal(canonical.int16Data(), canonical.int16Data() + canonical.voxelCount(),
                           reorientToNearestLps(volume.value()).int16Data()));
    }

    void reportsBadFiles()
    {
        QTemporaryDir dir;
        auto missing = readVolume(dir.filePath(QStringLiteral("none.nii.gz")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QLatin1String("none.nii.gz")));
        const QString garbage = dir.filePath(QStringLiteral("garbage.nii"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(100, 'x'));
        file.close();
        auto bad = readVolume(garbage);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(garbage));
        // Writing into a folder that does not exist fails with the path named and leaves nothing.
        Volume small(ImageGeometry({2, 2, 2}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}), PixelType::Int16);
        const QString target = dir.filePath(QStringLiteral("missing/out.nii.gz"));
        auto written = writeVolume(small, target);
        QVERIFY(!written.ok());
        QVERIFY(written.error().message.contains(target));
    }
};

QTEST_GUILESS_MAIN(TestVolumeIO)
#include "tst_VolumeIO.moc"
