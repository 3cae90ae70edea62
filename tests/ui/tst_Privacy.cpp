// A whole session on a copy of a real CT series given distinctive identifiers with dcmodify: the viewer opens it,
// paints, journals, saves a label map, exports a DICOM SEG, accepts the correction into a training store and ends
// without closing (as a crash would); the CLI converts, edits, segments and adds to a store. Then everything either
// wrote (settings, recovery journals, stores, saved files, file names, log messages, the CLI's stderr) is searched
// for every identifier and UID of the series. The DICOM SEG is the one export that must carry the identity.
#include "EditingTestSupport.h"
#include "WrittenFiles.h"

#include "edit/SegmentationDocument.h"
#include "model/SegmentationSession.h"
#include "model/TrainingSession.h"
#include "model/ViewerState.h"
#include "widgets/MainWindow.h"
#include "widgets/SegmentationPanel.h"
#include "widgets/SliceView.h"
#include "widgets/ViewerPanel.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QDirIterator>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace delineate;
using namespace delineate::testing;

namespace {

QStringList g_messages; // every qDebug/qInfo/qWarning/qCritical of the session
QtMessageHandler g_previousHandler = nullptr;

void collectMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    g_messages << message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QString firstHit(const QByteArray& bytes, const QStringList& forbidden)
{
    for (const QString& value : forbidden)
        if (bytes.contains(value.toUtf8()))
            return value;
    return QString();
}

int permissionBits(const QString& path)
{
    struct stat info{};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

} // namespace

class TestPrivacy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void wholeSessionWritesNoIdentifier();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray err;
    };
    Run cli(const QStringList& arguments);

    QTemporaryDir m_home;
    QProcessEnvironment m_environment;
};

void TestPrivacy::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Everything the app and the CLI keep of a session (settings, journals, the default store, caches) goes under
    // this test's folder, where it can be searched.
    for (const char* name : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QString folder = m_home.filePath(QString::fromLatin1(name).toLower());
        QVERIFY(QDir().mkpath(folder));
        qputenv(name, folder.toUtf8());
    }
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_Privacy"));
    QSettings().clear();
    m_environment = QProcessEnvironment::systemEnvironment();
    g_previousHandler = qInstallMessageHandler(collectMessage);
}

void TestPrivacy::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

TestPrivacy::Run TestPrivacy::cli(const QStringList& arguments)
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.start(cliPath(), arguments);
    Run run;
    if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.err = process.readAllStandardError();
    return run;
}

void TestPrivacy::wholeSessionWritesNoIdentifier()
{
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcmqi-seg/ct-3slice"));
    QVERIFY2(QFileInfo::exists(cliPath()), "DELINEATE_CLI must name delineate-cli");
    if (QStandardPaths::findExecutable(QStringLiteral("dcmodify")).isEmpty()) {
        if (runningInCi())
            QFAIL("dcmodify (dcmtk) is missing");
        QSKIP("dcmodify (dcmtk) is not installed");
    }

    // The series, copied and given an identity no other file on the machine holds.
    const QString series = m_home.filePath(QStringLiteral("input/series"));
    QVERIFY(QDir().mkpath(series));
    const QDir source(dataPath(QStringLiteral("dcmqi-seg/ct-3slice")));
    QStringList files;
    for (const QString& name : source.entryList(QDir::Files)) {
        QVERIFY(QFile::copy(source.filePath(name), QDir(series).filePath(name)));
        QFile::setPermissions(QDir(series).filePath(name), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        files << QDir(series).filePath(name);
    }
    const QVector<QPair<QString, QString>> identity{
        {QStringLiteral("(0010,0010)"), QStringLiteral("Qorvath^Zelinda")},       // patient name
        {QStringLiteral("(0010,0020)"), QStringLiteral("PID-77316-QX")},          // patient ID
        {QStringLiteral("(0010,1000)"), QStringLiteral("OPID-55102-ZV")},         // other patient IDs
        {QStringLiteral("(0010,0030)"), QStringLiteral("19410203")},              // birth date
        {QStringLiteral("(0008,0050)"), QStringLiteral("ACC-998172")},            // accession number
        {QStringLiteral("(0008,0080)"), QStringLiteral("Qwertzberg Clinic")},     // institution name
        {QStringLiteral("(0008,0081)"), QStringLiteral("17 Vrellmark Lane")},     // institution address
        {QStringLiteral("(0008,0090)"), QStringLiteral("Ybarrow^Tiskal")},        // referring physician
        {QStringLiteral("(0008,1050)"), QStringLiteral("Mostrand^Ulvik")},        // performing physician
    };
    QStringList modifyArguments{QStringLiteral("-nb")};
    QStringList forbidden;
    for (const auto& [tag, value] : identity) {
        modifyArguments << QStringLiteral("-i") << tag + QLatin1Char('=') + value;
        forbidden << value;
        if (value.contains(QLatin1Char('^')))
            forbidden << QString(value).replace(QLatin1Char('^'), QLatin1Char(' ')) << value.section(QLatin1Char('^'), 0, 0);
    }
    forbidden << QStringLiteral("1941-02-03") << QStringLiteral("03.02.1941") << QStringLiteral("1941/02/03");
    QProcess modify;
    modify.start(QStringLiteral("dcmodify"), modifyArguments + files);
    QVERIFY(modify.waitForFinished(60000));
    QCOMPARE(modify.exitCode(), 0);
    for (const QString& file : files) {
        DcmFileFormat dicom;
        QVERIFY(dicom.loadFile(QFile::encodeName(file).constData()).good());
        for (const DcmTagKey& key : {DCM_StudyInstanceUID, DCM_SeriesInstanceUID, DCM_SOPInstanceUID, DCM_FrameOfReferenceUID}) {
            OFString uid;
            if (dicom.getDataset()->findAndGetOFString(key, uid).good() && !uid.empty())
                forbidden << QString::fromLatin1(uid.c_str());
        }
    }
    forbidden.removeDuplicates();
    QVERIFY(forbidden.size() >= 20);
    // The search can see them: the modified copy holds every identifier.
    for (const auto& [tag, value] : identity) {
        QFile first(files.first());
        QVERIFY(first.open(QIODevice::ReadOnly));
        QVERIFY2(first.readAll().contains(value.toUtf8()), qPrintable(tag));
    }

    const QString output = m_home.filePath(QStringLiteral("output"));
    QVERIFY(QDir().mkpath(output));
    const QString segFile = QDir(output).filePath(QStringLiteral("segmentation.dcm"));

    // The viewer: open, paint, journal, save, export, accept into a store, paint again and end without closing.
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(&window, &MainWindow::imageShown);
        window.openPath(series);
        QVERIFY2(shown.wait(60000), qPrintable(window.lastError()));
        QCOMPARE(window.state()->info().patientId, QStringLiteral("PID-77316-QX")); // the modification took
        SliceView* axial = window.viewerPanel()->axialView();
        QVERIFY(axial);
        const auto screenOf = [&](double i, double j) {
            return axial->screenPoint({i, j, double(axial->currentSlice())});
        };
        QTest::keyClick(&window, Qt::Key_B);
        QCOMPARE(window.segmentationPanel()->activeTool(), SegmentationPanel::ToolKind::Brush);
        press(axial, screenOf(250, 250));
        moveTo(axial, screenOf(280, 260));
        release(axial, screenOf(280, 260));
        SegmentationSession* session = window.segmentationSession();
        QVERIFY(session->document());
        QVERIFY(session->document()->journal());
        const QString journal = session->document()->journal()->path();
        QVERIFY(QFileInfo::exists(journal));
        QVERIFY2(journal.startsWith(m_home.path()), qPrintable(journal));
        QCOMPARE(permissionBits(QFileInfo(journal).path()), 0700);

        QVERIFY(window.saveSegmentationTo(QDir(output).filePath(QStringLiteral("mask.nii.gz"))));
        QVERIFY(window.saveSegmentationTo(QDir(output).filePath(QStringLiteral("mask.seg.nrrd"))));
        QVERIFY(session->canSaveDicomSeg());
        auto seg = session->saveDicomSeg(segFile);
        QVERIFY2(seg.ok(), qPrintable(seg.error().message));

        TrainingSession* training = window.trainingSession();
        const QString store = m_home.filePath(QStringLiteral("app-store"));
        QVERIFY(training->openStore(store).ok());
        QSignalSpy accepted(training, &TrainingSession::acceptFinished);
        QVERIFY2(training->acceptCorrection(false), qPrintable(training->lastError()));
        QVERIFY(accepted.wait(120000));
        QVERIFY2(accepted.first().at(0).toBool(), qPrintable(accepted.first().at(1).toString()));
        QCOMPARE(permissionBits(store), 0700);

        press(axial, screenOf(150, 300));
        release(axial, screenOf(150, 300));
        QVERIFY(session->isModified());
        QVERIFY(QFileInfo::exists(session->document()->journal()->path()));
        // The window goes without closeEvent, as in a crash: the journal stays behind to be searched.
    }
    QVERIFY(!QDir(m_home.filePath(QStringLiteral("xdg_data_home"))).isEmpty());

    // The CLI, with the same folders for its journals and settings.
    QVector<Run> runs;
    runs << cli({QStringLiteral("info"), series});
    runs << cli({QStringLiteral("convert"), series, QDir(output).filePath(QStringLiteral("cli-volume.nii.gz"))});
    const QString strokes = m_home.filePath(QStringLiteral("strokes.jsonl"));
    {
        QFile file(strokes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"label\": 1, \"radius\": 6, \"unit\": \"mm\", \"shape\": \"disk\", \"axis\": 2, \"points\": [[200, 200, 1], "
                   "[240, 210, 1]]}\n");
    }
    const QString edited = QDir(output).filePath(QStringLiteral("cli-edit.nii.gz"));
    runs << cli({QStringLiteral("edit"), QStringLiteral("--reference"), series, QStringLiteral("--strokes"), strokes,
                 QStringLiteral("--output"), edited});
    runs << cli({QStringLiteral("store"), QStringLiteral("add"), QStringLiteral("--store"), m_home.filePath(QStringLiteral("cli-store")),
                 QStringLiteral("--image"), series, QStringLiteral("--mask"), edited, QStringLiteral("--editor"),
                 QStringLiteral("Editor")});
    runs << cli({QStringLiteral("segment"), QStringLiteral("--model"),
                 QStringLiteral(DELINEATE_MODELS_DIR "/brain-mask-t1.dlm"), QStringLiteral("--input"), series,
                 QStringLiteral("--output"), QDir(output).filePath(QStringLiteral("cli-segment.nii.gz"))});
    for (int i = 0; i < 4; ++i) // segment may refuse a CT for an MR model; its message is searched all the same
        QVERIFY2(runs[i].exitCode == 0, qPrintable(QStringLiteral("run %1: %2").arg(i).arg(QString::fromUtf8(runs[i].err))));
    QVERIFY(QFileInfo::exists(edited));

    // The search: file contents and names under the test's folder, apart from the input copy and the SEG export.
    int searched = 0;
    for (const WrittenFile& file : everyFileUnder(m_home.path())) {
        if (file.path.startsWith(series) || file.path == segFile)
            continue;
        ++searched;
        const QString relative = QDir(m_home.path()).relativeFilePath(file.path);
        const QString inName = firstHit(relative.toUtf8(), forbidden);
        QVERIFY2(inName.isEmpty(), qPrintable(QStringLiteral("the name %1 holds %2").arg(relative, inName)));
        const QString inContent = firstHit(file.bytes, forbidden);
        QVERIFY2(inContent.isEmpty(), qPrintable(QStringLiteral("%1 holds %2").arg(relative, inContent)));
    }
    QVERIFY2(searched >= 12, qPrintable(QString::number(searched))); // settings, journals, two stores, saved files
    for (const Run& run : runs) {
        const QString hit = firstHit(run.err, forbidden);
        QVERIFY2(hit.isEmpty(), qPrintable(QStringLiteral("the CLI's stderr holds %1").arg(hit)));
    }
    const QString logged = firstHit(g_messages.join(QLatin1Char('\n')).toUtf8(), forbidden);
    QVERIFY2(logged.isEmpty(), qPrintable(QStringLiteral("a log message holds %1").arg(logged)));

    // The export the user asked for carries the identity it must.
    QFile seg(segFile);
    QVERIFY(seg.open(QIODevice::ReadOnly));
    const QByteArray segBytes = seg.readAll();
    QVERIFY(segBytes.contains("PID-77316-QX"));
    QVERIFY(segBytes.contains("Qorvath^Zelinda"));
}

QTEST_MAIN(TestPrivacy)
#include "tst_Privacy.moc"
