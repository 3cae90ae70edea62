// Saving under faults, through the real delineate-cli and real data: a volume, a mask (NIfTI with its sidecar,
// .seg.nrrd, DICOM SEG) and a model file, each (1) on a full disk, simulated by the file-size limit RLIMIT_FSIZE
// (writes fail with EFBIG, SIGXFSZ ignored; it works as root, whom a full disk's reserve does not stop), and (2) into
// a read-only folder (as root, whom permissions do not stop, the CLI runs as the user nobody). Each save must fail
// with a message naming the file, leave the earlier file byte for byte as it was, and leave nothing else behind.
#include "TestData.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <grp.h>
#include <sys/resource.h>
#include <unistd.h>

namespace {

enum class Fault { None, DiskFull, ReadOnlyFolder };

constexpr rlim_t kFileSizeLimit = 4096; // smaller than any file these saves write
constexpr uid_t kNobody = 65534;

// delineate-cli with `fault` applied to it alone, in the child between fork and exec.
delineate::testing::CliRun runCli(const QStringList& arguments, Fault fault)
{
    QProcess process;
    if (fault == Fault::ReadOnlyFolder) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), QStringLiteral("/nonexistent"));
        process.setProcessEnvironment(environment);
    }
    process.setChildProcessModifier([fault]() {
        if (fault == Fault::DiskFull) {
            ::signal(SIGXFSZ, SIG_IGN); // inherited through exec: a write past the limit fails with EFBIG instead
            const struct rlimit limit{kFileSizeLimit, kFileSizeLimit};
            if (::setrlimit(RLIMIT_FSIZE, &limit) != 0)
                ::_exit(125);
        } else if (fault == Fault::ReadOnlyFolder && ::geteuid() == 0) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
                ::_exit(125);
        }
    });
    process.start(delineate::testing::cliPath(), arguments);
    delineate::testing::CliRun run;
    if (!process.waitForFinished(120000))
        return run;
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// Every file in `folder` (hidden ones too: a temporary file left behind) with its bytes.
QMap<QString, QByteArray> snapshot(const QString& folder)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            files.insert(file.fileName(), file.readAll());
        else
            files.insert(file.fileName(), QByteArray("(unreadable)"));
    }
    return files;
}

QString data(const char* relative)
{
    return delineate::testing::dataPath(QString::fromLatin1(relative));
}

QStringList withOutput(QStringList arguments, const QString& output)
{
    arguments.replaceInStrings(QStringLiteral("@OUT@"), output);
    return arguments;
}

} // namespace

class TestWriteFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(delineate::testing::cliPath()), "set DELINEATE_CLI to delineate-cli");
        DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
        DELINEATE_REQUIRE_DATA("dcmqi-seg/liver_seg.nrrd");
    }

    void saveFailsCleanly_data()
    {
        QTest::addColumn<QString>("output");       // file name in the destination folder
        QTest::addColumn<QString>("earlier");      // a file to copy there as the earlier version, or ""
        QTest::addColumn<QStringList>("makeEarlier"); // else the CLI command that writes it (@OUT@: the file)
        QTest::addColumn<QStringList>("save");     // the save under test
        QTest::addColumn<int>("fault");

        const QString ct = data("dcmqi-seg/ct-3slice");
        const QStringList volume{QStringLiteral("convert"), ct, QStringLiteral("@OUT@")};
        const QStringList earlierVolume{QStringLiteral("convert"), data("dcmqi-seg/24x38x3/image"), QStringLiteral("@OUT@")};
        const QStringList mask{QStringLiteral("convert"), data("dcmqi-seg/liver_seg.nrrd"), QStringLiteral("@OUT@"),
                               QStringLiteral("--reference"), ct};
        const QStringList earlierMask{QStringLiteral("convert"), data("dcmqi-seg/spine_seg.nrrd"), QStringLiteral("@OUT@"),
                                      QStringLiteral("--reference"), ct};
        struct Writer
        {
            const char* name;
            QString output, earlier;
            QStringList makeEarlier, save;
        };
        QList<Writer> writers = {
            {"volume .nii.gz", QStringLiteral("volume.nii.gz"), QString(), earlierVolume, volume},
            {"volume .nii", QStringLiteral("volume.nii"), QString(), earlierVolume, volume},
            {"volume .mha", QStringLiteral("volume.mha"), QString(), earlierVolume, volume},
            {"volume .nrrd", QStringLiteral("volume.nrrd"), QString(), earlierVolume, volume},
            {"mask .nii.gz + sidecar", QStringLiteral("mask.nii.gz"), QString(), earlierMask, mask},
            {"mask .seg.nrrd", QStringLiteral("mask.seg.nrrd"), QString(), earlierMask, mask},
            {"mask DICOM SEG", QStringLiteral("mask.dcm"), QString(), earlierMask, mask},
        };
#ifdef DELINEATE_MODELS_DIR
        const QString model = QStringLiteral(DELINEATE_MODELS_DIR "/em-membranes.dlm");
        writers.append({"model header", QStringLiteral("model.dlm"), model, {},
                        {QStringLiteral("model"), QStringLiteral("@OUT@"), QStringLiteral("--set-name"), QStringLiteral("Renamed")}});
        writers.append({"model training", QStringLiteral("model.dlm"), model, {},
                        {QStringLiteral("train"), QStringLiteral("--data"), data("isbi2012-membrane/train"),
                         QStringLiteral("--output"), QStringLiteral("@OUT@"), QStringLiteral("--train-range"),
                         QStringLiteral("0"), QStringLiteral("--val-range"), QStringLiteral("29"), QStringLiteral("--epochs"),
                         QStringLiteral("1"), QStringLiteral("--steps-per-epoch"), QStringLiteral("1"),
                         QStringLiteral("--width"), QStringLiteral("4"), QStringLiteral("--patch"), QStringLiteral("32"),
                         QStringLiteral("--batch"), QStringLiteral("1"), QStringLiteral("--threads"), QStringLiteral("2"),
                         QStringLiteral("--quiet")}});
#endif
        for (const Writer& w : writers)
            for (const auto& [fault, what] : {std::pair{Fault::DiskFull, "disk full"}, std::pair{Fault::ReadOnlyFolder, "read-only folder"}})
                QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(QLatin1String(w.name), QLatin1String(what))))
                    << w.output << w.earlier << w.makeEarlier << w.save << int(fault);
    }

    void saveFailsCleanly()
    {
        QFETCH(QString, output);
        QFETCH(QString, earlier);
        QFETCH(QStringList, makeEarlier);
        QFETCH(QStringList, save);
        QFETCH(int, fault);
        if (save.contains(QStringLiteral("train")))
            DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/label/29.png");

        // The destination folder with the earlier version of the file (and, for NIfTI masks, its sidecar).
        QTemporaryDir base;
        QVERIFY(base.isValid());
        QVERIFY(QFile::setPermissions(base.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                                       QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        const QString folder = QDir(base.path()).filePath(QStringLiteral("destination"));
        QVERIFY(QDir().mkpath(folder));
        const QString target = QDir(folder).filePath(output);
        if (!earlier.isEmpty()) {
            QVERIFY(QFile::copy(earlier, target));
        } else {
            const auto made = runCli(withOutput(makeEarlier, target), Fault::None);
            QVERIFY2(made.exitCode == 0 && !made.crashed, made.err.constData());
        }
        const QMap<QString, QByteArray> before = snapshot(folder);
        QVERIFY(before.contains(target));

        // The save under the fault.
        const QFileDevice::Permissions writable = QFile::permissions(folder);
        if (Fault(fault) == Fault::ReadOnlyFolder)
            QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                                                      QFile::ReadOther | QFile::ExeOther));
        const auto faulty = runCli(withOutput(save, target), Fault(fault));
        QVERIFY(QFile::setPermissions(folder, writable));
        const QString message = QString::fromLocal8Bit(faulty.err);
        QVERIFY2(faulty.exitCode != 125, "could not apply the fault (setrlimit, or setuid to nobody as root)");
        QVERIFY2(!faulty.crashed, qPrintable(message));
        QVERIFY2(faulty.exitCode == 1, qPrintable(QStringLiteral("exit code %1: %2").arg(faulty.exitCode).arg(message)));
        // A clear message: the file, that it was not saved, why, and that the earlier version is still there.
        QVERIFY2(message.contains(target + QStringLiteral(": not saved: ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Any earlier version of the file is unchanged.")), qPrintable(message));
        if (Fault(fault) == Fault::DiskFull)
            QVERIFY2(message.contains(QStringLiteral("the file reached the largest size this process may write (%1 bytes)").arg(kFileSizeLimit)),
                     qPrintable(message));
        else
            QVERIFY2(message.contains(QStringLiteral("the folder %1 takes no new file (Permission denied)").arg(folder)),
                     qPrintable(message));
        // The earlier file (and sidecar) byte for byte, and nothing else: no temporary file left behind.
        const QMap<QString, QByteArray> after = snapshot(folder);
        QCOMPARE(after.keys(), before.keys());
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key() + QStringLiteral(" changed")));

        // Without the fault the same save goes through and changes the file: the fault, not the command, stopped it.
        if (Fault(fault) == Fault::DiskFull) {
            const auto normal = runCli(withOutput(save, target), Fault::None);
            QVERIFY2(normal.exitCode == 0 && !normal.crashed, normal.err.constData());
            QVERIFY(snapshot(folder).value(target) != before.value(target));
        }
    }

    void folderThatIsAFile()
    {
        // A destination under a regular file: the system's reason, and the file in the way untouched.
        QTemporaryDir base;
        QVERIFY(base.isValid());
        const QString plain = QDir(base.path()).filePath(QStringLiteral("plain"));
        QFile file(plain);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a folder");
        file.close();
        const QString target = QDir(plain).filePath(QStringLiteral("volume.nii.gz"));
        const auto run = runCli({QStringLiteral("convert"), data("dcmqi-seg/ct-3slice"), target}, Fault::None);
        const QString message = QString::fromLocal8Bit(run.err);
        QVERIFY2(!run.crashed && run.exitCode == 1, qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("%1: not saved: the folder %2 takes no new file (Not a directory)").arg(target, plain)),
                 qPrintable(message));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("not a folder"));
        QCOMPARE(QDir(base.path()).entryList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("plain")});
    }
};

QTEST_GUILESS_MAIN(TestWriteFaults)
#include "tst_WriteFaults.moc"
