// delineate-cli's contract: exit 0 on success, 1 with a message naming the file on bad input, never a signal.
#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = delineate::testing::CliRun;
using delineate::testing::runCli;

const QString kMrSmall = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/MR_small.dcm");

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void infoJsonDescribesSeries()
    {
        DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
        const Run run = runCli({QStringLiteral("info"), delineate::testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")),
                                QStringLiteral("--json")});
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray series = doc.object().value(QStringLiteral("series")).toArray();
        QCOMPARE(series.size(), 1);
        const QJsonObject s = series.first().toObject();
        QCOMPARE(s.value(QStringLiteral("modality")).toString(), QStringLiteral("CT"));
        QCOMPARE(s.value(QStringLiteral("dimensions")).toArray(), (QJsonArray{512, 512, 3}));
        QCOMPARE(s.value(QStringLiteral("type")).toString(), QStringLiteral("int16"));
        QVERIFY(s.value(QStringLiteral("value_min")).toDouble() < -1000.0); // HU: air
        QVERIFY(!s.value(QStringLiteral("series_instance_uid")).toString().isEmpty());
    }

    void badInputExitsOneNamingTheFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("missing") << QStringLiteral("missing");
        QTest::newRow("not DICOM") << QStringLiteral("text");
        QTest::newRow("truncated DICOM") << QStringLiteral("truncated");
        QTest::newRow("empty file") << QStringLiteral("empty");
    }

    void badInputExitsOneNamingTheFile()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QString path = dir.filePath(kind + QStringLiteral(".dcm"));
        if (kind != QLatin1String("missing")) {
            QByteArray bytes;
            if (kind == QLatin1String("text"))
                bytes = "This is not a DICOM file.\n";
            if (kind == QLatin1String("truncated")) {
                DELINEATE_REQUIRE_PACKAGED(kMrSmall);
                QFile source(kMrSmall);
                QVERIFY(source.open(QIODevice::ReadOnly));
                bytes = source.readAll();
                bytes.truncate(bytes.size() / 2);
            }
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        const Run run = runCli({QStringLiteral("info"), path});
        QVERIFY2(!run.crashed, "delineate-cli died by a signal");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(path.toUtf8()), run.err.constData());
    }

    void usageErrorsExitOne()
    {
        for (const QStringList& arguments : {QStringList{}, QStringList{QStringLiteral("frobnicate")},
                                             QStringList{QStringLiteral("info")},
                                             QStringList{QStringLiteral("convert"), QStringLiteral("only-one")}}) {
            const Run run = runCli(arguments);
            QVERIFY(!run.crashed);
            QCOMPARE(run.exitCode, 1);
            QVERIFY(!run.err.isEmpty());
        }
    }

    void convertWritesNifti()
    {
        DELINEATE_REQUIRE_PACKAGED(kMrSmall);
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("mr.nii.gz"));
        Run run = runCli({QStringLiteral("convert"), kMrSmall, output});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QFileInfo(output).size() > 0);
        // And the written file reads back through info with the same dimensions.
        run = runCli({QStringLiteral("info"), output, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject s = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("series")).toArray().first().toObject();
        QCOMPARE(s.value(QStringLiteral("dimensions")).toArray(), (QJsonArray{64, 64, 1}));
        run = runCli({QStringLiteral("convert"), kMrSmall, dir.filePath(QStringLiteral("mr.bmp"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("mr.bmp"));
    }

    void convertMaskChecksTheSeriesGrid()
    {
        DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
        QTemporaryDir dir;
        const QString ct = delineate::testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice"));
        const QString liver = delineate::testing::dataPath(QStringLiteral("dcmqi-seg/liver_seg.nrrd"));
        // On its own series: written on the grid, exit 0.
        const QString out = dir.filePath(QStringLiteral("liver.nii.gz"));
        Run run = runCli({QStringLiteral("convert"), liver, out, QStringLiteral("--reference"), ct});
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QFile::exists(out));
        // Onto another series (the Colin 27 MRI): refused, both geometries named, nothing written.
        const QString refused = dir.filePath(QStringLiteral("refused.nii.gz"));
        run = runCli({QStringLiteral("convert"), liver, refused, QStringLiteral("--reference"),
                      QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz")});
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, 1);
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(QStringLiteral("liver_seg.nrrd")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("512 x 512 x 3 voxels")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("181 x 217 x 181 voxels")), qPrintable(err));
        QVERIFY(!QFile::exists(refused));
        // The right size on its own series but with the origin moved 10 mm along x (about 12 voxels), made by
        // editing the NRRD header's text: refused, both geometries named, nothing written.
        QFile original(liver);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray bytes = original.readAll();
        const QByteArray field = "space origin: (-235.19999999999999,";
        QCOMPARE(bytes.count(field), 1);
        bytes.replace(field, "space origin: (-225.19999999999999,");
        const QString shifted = dir.filePath(QStringLiteral("shifted_liver.nrrd"));
        QFile shiftedFile(shifted);
        QVERIFY(shiftedFile.open(QIODevice::WriteOnly));
        shiftedFile.write(bytes);
        shiftedFile.close();
        const QString refusedShift = dir.filePath(QStringLiteral("refused-shift.nii.gz"));
        run = runCli({QStringLiteral("convert"), shifted, refusedShift, QStringLiteral("--reference"), ct});
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, 1);
        const QString shiftErr = QString::fromUtf8(run.err);
        QVERIFY2(shiftErr.contains(QStringLiteral("shifted_liver.nrrd")), qPrintable(shiftErr));
        QVERIFY2(shiftErr.contains(QStringLiteral("512 x 512 x 3 voxels of 0.810547 x 0.810547 x 1 mm, origin (-225.2, -226.8, -128.69) mm")),
                 qPrintable(shiftErr));
        QVERIFY2(shiftErr.contains(QStringLiteral("512 x 512 x 3 voxels of 0.810547 x 0.810547 x 1 mm, origin (-235.2, -226.8, -128.69) mm")),
                 qPrintable(shiftErr));
        QVERIFY(!QFile::exists(refusedShift));
    }

    void convertAndEvaluateDicomSeg()
    {
        DELINEATE_REQUIRE_DATA("dcmqi-seg/liver.dcm");
        QTemporaryDir dir;
        const QString ct = delineate::testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice"));
        const QString dcmqiSeg = delineate::testing::dataPath(QStringLiteral("dcmqi-seg/liver.dcm"));
        const QString dcmqiMask = delineate::testing::dataPath(QStringLiteral("dcmqi-seg/liver_seg.nrrd"));
        const auto dice = [](const Run& run, int label) {
            for (const QJsonValue c : QJsonDocument::fromJson(run.out).object().value(QStringLiteral("classes")).toArray())
                if (c.toObject().value(QStringLiteral("label")).toInt() == label)
                    return c.toObject().value(QStringLiteral("dice")).toDouble();
            return -1.0;
        };
        // dcmqi's SEG to NIfTI: the same voxels as dcmqi's own label map of it.
        const QString fromSeg = dir.filePath(QStringLiteral("liver.nii.gz"));
        Run run = runCli({QStringLiteral("convert"), dcmqiSeg, fromSeg, QStringLiteral("--reference"), ct});
        QVERIFY2(run.exitCode == 0 && !run.crashed, run.err.constData());
        run = runCli({QStringLiteral("evaluate"), QStringLiteral("--prediction"), fromSeg, QStringLiteral("--reference"),
                      dcmqiMask, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(dice(run, 1), 1.0);
        // dcmqi's label map to a SEG of ours, beside a copy of the series; evaluate finds the series there.
        const QString study = dir.filePath(QStringLiteral("study"));
        QVERIFY(QDir().mkpath(study));
        for (const QString& name : QDir(ct).entryList(QDir::Files))
            QVERIFY(QFile::copy(QDir(ct).filePath(name), QDir(study).filePath(name)));
        const QString ours = dir.filePath(QStringLiteral("study/liver-seg.dcm"));
        run = runCli({QStringLiteral("convert"), dcmqiMask, ours, QStringLiteral("--reference"), ct});
        QVERIFY2(run.exitCode == 0 && !run.crashed, run.err.constData());
        run = runCli({QStringLiteral("evaluate"), QStringLiteral("--prediction"), ours, QStringLiteral("--reference"),
                      dcmqiMask, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(dice(run, 1), 1.0);
        // A SEG onto a series it does not refer to, and a label map to SEG without its series: exit 1, file named.
        run = runCli({QStringLiteral("convert"), dcmqiSeg, dir.filePath(QStringLiteral("x.nii.gz")), QStringLiteral("--reference"),
                      delineate::testing::dataPath(QStringLiteral("dcmqi-seg/24x38x3/image"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("liver.dcm") && run.err.contains("refers to"), run.err.constData());
        run = runCli({QStringLiteral("convert"), dcmqiMask, dir.filePath(QStringLiteral("y.dcm"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("liver_seg.nrrd") && run.err.contains("--reference"), run.err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("y.dcm"))));
    }

    void storeCommandsRoundTrip()
    {
        DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/label/29.png");
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("store"));
        Run run = runCli({QStringLiteral("store"), QStringLiteral("import"), QStringLiteral("--store"), store, QStringLiteral("--data"),
                          delineate::testing::dataPath(QStringLiteral("isbi2012-membrane/train")), QStringLiteral("--train-range"),
                          QStringLiteral("0-23"), QStringLiteral("--val-range"), QStringLiteral("24-29"), QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = runCli({QStringLiteral("store"), QStringLiteral("list"), QStringLiteral("--store"), store, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject listed = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(listed.value(QStringLiteral("train")).toInt(), 24);
        QCOMPARE(listed.value(QStringLiteral("validation")).toInt(), 6);
        const QString someSample = listed.value(QStringLiteral("samples")).toArray().first().toObject().value(QStringLiteral("id")).toString();
        run = runCli({QStringLiteral("store"), QStringLiteral("set-split"), QStringLiteral("--store"), store, QStringLiteral("--sample"),
                      someSample, QStringLiteral("--split"), QStringLiteral("validation")});
        QCOMPARE(run.exitCode, 0);
        run = runCli({QStringLiteral("store"), QStringLiteral("check"), QStringLiteral("--store"), store});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        // A damaged sample makes check exit 1 naming the file.
        QVERIFY(QFile::remove(QDir(store).filePath(QStringLiteral("samples/%1/image.nii.gz").arg(someSample))));
        run = runCli({QStringLiteral("store"), QStringLiteral("check"), QStringLiteral("--store"), store});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(someSample.toLatin1()) && run.err.contains("image.nii.gz"), run.err.constData());
        // Not a store, an unknown action: exit 1 with the reason.
        run = runCli({QStringLiteral("store"), QStringLiteral("list"), QStringLiteral("--store"), dir.filePath(QStringLiteral("nothing"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("not a training store"), run.err.constData());
        run = runCli({QStringLiteral("store"), QStringLiteral("frobnicate"), QStringLiteral("--store"), store});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.crashed);
    }

    void editRefusesBadStrokesNamingLineAndFile()
    {
        DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
        QTemporaryDir dir;
        const QString strokes = dir.filePath(QStringLiteral("strokes.jsonl"));
        QFile file(strokes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"label\": 1, \"radius\": 3, \"points\": [[10, 10, 0]]}\n{\"label\": 1, \"radius\": -2, \"points\": [[1, 1, 1]]}\n");
        file.close();
        const Run run = runCli({QStringLiteral("edit"), QStringLiteral("--reference"),
                                delineate::testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")), QStringLiteral("--strokes"),
                                strokes, QStringLiteral("--output"), dir.filePath(QStringLiteral("m.nii.gz")),
                                QStringLiteral("--journal-dir"), dir.filePath(QStringLiteral("j"))});
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("strokes.jsonl, line 2") && run.err.contains("radius"), run.err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("m.nii.gz"))));
    }

    void infoAndConvertNeverMapLibTorch()
    {
        // The engine is a plugin loaded on demand: a command that runs no network keeps LibTorch out of the process.
        QTemporaryDir dir;
        const QString maps = dir.filePath(QStringLiteral("maps"));
        const auto mapsAfter = [&](const QStringList& arguments) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("DELINEATE_REPORT_MAPS"), maps);
            process.setProcessEnvironment(environment);
            process.start(delineate::testing::cliPath(), arguments);
            process.waitForFinished(120000);
            QFile file(maps);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        const QString colin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");
        QByteArray info = mapsAfter({QStringLiteral("info"), colin});
        QVERIFY(info.contains("libQt6Core"));
        QVERIFY(!info.contains("libtorch") && !info.contains("libc10"));
        QByteArray convert = mapsAfter({QStringLiteral("convert"), colin, dir.filePath(QStringLiteral("c.nrrd"))});
        QVERIFY(convert.contains("libQt6Core"));
        QVERIFY(!convert.contains("libtorch") && !convert.contains("libc10"));
#ifdef DELINEATE_MODELS_DIR
        // segment loads it (the check would pass vacuously if nothing ever did).
        QByteArray segment = mapsAfter({QStringLiteral("segment"), QStringLiteral("--model"),
                                        QStringLiteral(DELINEATE_MODELS_DIR "/em-membranes.dlm"), QStringLiteral("--input"),
                                        delineate::testing::dataPath(QStringLiteral("isbi2012-membrane/test/0.png")),
                                        QStringLiteral("--output"), dir.filePath(QStringLiteral("s.nii.gz")), QStringLiteral("--quiet")});
        if (QFileInfo::exists(delineate::testing::dataPath(QStringLiteral("isbi2012-membrane/test/0.png"))))
            QVERIFY(segment.contains("libtorch") || segment.contains("libc10"));
#endif
    }

    void missingEngineIsAClearFailure()
    {
        // Without its engine plugin the command line still works, and segment says what is missing.
        QTemporaryDir dir;
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DELINEATE_ENGINE"), dir.filePath(QStringLiteral("libdelineate_engine.so")));
        process.setProcessEnvironment(environment);
        const QString colin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");
        process.start(delineate::testing::cliPath(), {QStringLiteral("segment"), QStringLiteral("--model"),
                                                      dir.filePath(QStringLiteral("any.dlm")), QStringLiteral("--input"), colin,
                                                      QStringLiteral("--output"), dir.filePath(QStringLiteral("o.nii.gz"))});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("engine")) && err.contains(QStringLiteral("not installed")), qPrintable(err));
        process.start(delineate::testing::cliPath(), {QStringLiteral("info"), colin});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_Cli.moc"
