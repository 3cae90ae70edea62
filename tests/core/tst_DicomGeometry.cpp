// Geometry and voxels of every image series in the test data against Debian's dcm2niix, driven by
// tests/data/dcm2niix_geometry.tsv (file names, tolerances and exemptions only; dcm2niix runs here).
#include "TestData.h"

#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"
#include "image/Reorient.h"
#include "io/VolumeIO.h"

#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <map>

using namespace delineate;

namespace {

const QString kPydicomFiles = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files");
const QString kColin27 = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");

// One line of the table (see its header comment for the columns and modes).
struct TableRow
{
    int line = 0;
    QString input;
    int series = 0;
    QString reference;
    int volume = 0;
    QString mode;
    QString tolerance;
    QString note;
};

QVector<TableRow> readTable(QString* error)
{
    QVector<TableRow> rows;
    QFile table(QStringLiteral(DELINEATE_TEST_TABLE));
    if (!table.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open the dcm2niix geometry table");
        return rows;
    }
    int line = 0;
    while (!table.atEnd()) {
        QString text = QString::fromUtf8(table.readLine());
        while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
            text.chop(1);
        ++line;
        if (text.trimmed().isEmpty() || text.startsWith(QLatin1Char('#')))
            continue;
        const QStringList f = text.split(QLatin1Char('\t'));
        if (f.size() != 7) {
            *error = QStringLiteral("table line %1 has %2 columns, 7 expected").arg(line).arg(f.size());
            return {};
        }
        rows << TableRow{line, f[0], f[1].toInt(), f[2], f[3].toInt(), f[4], f[5], f[6]};
    }
    return rows;
}

// The file or folder a table input names (sample:N inputs are generated at test time and have none).
QString resolveInput(const QString& input)
{
    if (input.startsWith(QLatin1String("debian-pydicom:")))
        return kPydicomFiles + QLatin1Char('/') + input.mid(15);
    return delineate::testing::dataPath(input);
}

bool isPackaged(const QString& input)
{
    return input.startsWith(QLatin1String("debian-pydicom:"));
}

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

Expected<LoadedSeries> loadNumbered(const QString& path, int number)
{
    SimpleJobControl control;
    auto scan = scanDicom(path, control);
    if (!scan)
        return scan.error();
    const QVector<SeriesInfo> all = scan->allSeries();
    if (number < 1 || number > all.size())
        return Error::failed(QStringLiteral("%1: Delineate found %2 series, the table names series %3")
                                 .arg(path).arg(all.size()).arg(number));
    return loadSeries(all[number - 1], control);
}

// Means, variances and covariance of two equally sized volumes (x = b, y = a): correlation and the linear fit.
struct PairStatistics
{
    double meanX = 0, meanY = 0, varianceX = 0, varianceY = 0, covariance = 0;

    PairStatistics(const Volume& a, const Volume& b)
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        const std::size_t n = a.voxelCount();
        for (std::size_t i = 0; i < n; ++i) {
            const double x = b.valueAt(i), y = a.valueAt(i);
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        meanX = sx / n;
        meanY = sy / n;
        varianceX = sxx / n - meanX * meanX;
        varianceY = syy / n - meanY * meanY;
        covariance = sxy / n - meanX * meanY;
    }
    double correlation() const { return covariance / std::sqrt(varianceX * varianceY); }
    double slope() const { return covariance / varianceX; } // of a as a function of b
    double intercept() const { return meanY - slope() * meanX; }
};

// The NIfTI-1 header fields dcm2niix writes natively (little endian) that ITK does not pass on.
struct NiftiHeader
{
    bool valid = false;
    int datatype = 0;
    int qformCode = 0, sformCode = 0;
    float srowYY = 0.0f; // srow_y[1]: how dcm2niix's rows run, also when it writes no transform
    qint64 dataOffset = 0;
};

NiftiHeader readNiftiHeader(const QString& path)
{
    NiftiHeader h;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return h;
    const QByteArray bytes = file.read(348);
    if (bytes.size() != 348)
        return h;
    const auto i16 = [&](int at) { qint16 v; std::memcpy(&v, bytes.constData() + at, 2); return int(v); };
    qint32 size;
    std::memcpy(&size, bytes.constData(), 4);
    float offset;
    std::memcpy(&offset, bytes.constData() + 108, 4);
    h.valid = size == 348;
    h.datatype = i16(70);
    h.qformCode = i16(252);
    h.sformCode = i16(254);
    std::memcpy(&h.srowYY, bytes.constData() + 300, 4);
    h.dataOffset = qint64(offset);
    return h;
}

// Rec. 601 luminance of an RGB24 NIfTI (dcm2niix's colour output), in the file's voxel order, on `like`'s grid.
Expected<Volume> rgbLuminance(const QString& path, const NiftiHeader& header, const Volume& like)
{
    QFile file(path);
    const std::size_t n = like.voxelCount();
    if (!file.open(QIODevice::ReadOnly) || !file.seek(header.dataOffset))
        return Error::failed(QStringLiteral("%1: cannot read the RGB voxels").arg(path));
    const QByteArray rgb = file.read(qint64(3 * n));
    if (rgb.size() != qint64(3 * n))
        return Error::failed(QStringLiteral("%1: %2 bytes of RGB voxels, %3 expected").arg(path).arg(rgb.size()).arg(3 * n));
    Volume out(like.geometry(), PixelType::Float32);
    const auto* p = reinterpret_cast<const unsigned char*>(rgb.constData());
    for (std::size_t i = 0; i < n; ++i)
        out.float32Data()[i] = float(0.299 * p[3 * i] + 0.587 * p[3 * i + 1] + 0.114 * p[3 * i + 2]);
    return out;
}

// Where dcm2niix writes no spatial transform (images without a position) ITK reads an identity grid, whatever
// the order of the rows: dcm2niix's unused srow still tells it (DICOM row r at y = -r), so that rows stored
// bottom-up can be put back in DICOM order before voxels are compared.
Volume withRowsReversed(const Volume& v)
{
    Volume out = v.toFloat32();
    const auto& s = v.geometry().size();
    for (int64_t k = 0; k < s[2]; ++k)
        for (int64_t j = 0; j < s[1]; ++j)
            for (int64_t i = 0; i < s[0]; ++i)
                out.float32Data()[out.offset(i, j, k)] = float(v.value(i, s[1] - 1 - j, k));
    return out;
}

QString describe(const ImageGeometry& g)
{
    return QStringLiteral("size %1x%2x%3 spacing %4 %5 %6 origin %7 %8 %9")
        .arg(g.size()[0]).arg(g.size()[1]).arg(g.size()[2])
        .arg(g.spacing()[0]).arg(g.spacing()[1]).arg(g.spacing()[2])
        .arg(g.origin()[0]).arg(g.origin()[1]).arg(g.origin()[2]);
}

QString sizeText(const ImageGeometry& g)
{
    return QStringLiteral("%1x%2x%3").arg(g.size()[0]).arg(g.size()[1]).arg(g.size()[2]);
}

// "name~N:" -> N (the largest voxel difference a mode allows), 0 without "~N".
double modeBound(const QString& mode, const QString& name)
{
    const QString head = mode.section(QLatin1Char(':'), 0, 0);
    return head.startsWith(name + QLatin1Char('~')) ? head.mid(name.size() + 1).toDouble() : 0.0;
}

// Every loaded colour series must say that it shows luminance (dcm2niix writes RGB; Delineate one channel).
void checkColourWarning(const LoadedSeries& loaded)
{
    const QString photometric = loaded.info.photometric;
    if (photometric.startsWith(QLatin1String("MONOCHROME")) || photometric.isEmpty())
        return;
    const bool warned = loaded.warnings.join(QLatin1Char('\n')).contains(QLatin1String("shown as its luminance"));
    QVERIFY2(warned, qPrintable(QStringLiteral("colour image (%1) without the luminance warning").arg(photometric)));
}

const QStringList kModes = {QStringLiteral("exact"),   QStringLiteral("geometry"),   QStringLiteral("regularised"),
                            QStringLiteral("linear"),  QStringLiteral("luminance"),  QStringLiteral("palette"),
                            QStringLiteral("slice"),   QStringLiteral("twin"),       QStringLiteral("inflated"),
                            QStringLiteral("exempt"),  QStringLiteral("undecodable")};

// "bug:MODE" marks a known Delineate bug (described in the note): MODE's voxel comparison must fail, and the
// row fails (XPASS) once the bug is fixed, so that the prefix is then removed.
const QString kKnownBug = QStringLiteral("bug:");

QString modeName(const QString& mode)
{
    const QString bare = mode.startsWith(kKnownBug) ? mode.mid(kKnownBug.size()) : mode;
    return bare.section(QLatin1Char(':'), 0, 0).section(QLatin1Char('~'), 0, 0);
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

    // The table is well formed and names each image series of the test data: every file that holds an image (or
    // fails to load as one) lies under some row's input, and every series Delineate finds in an input has a row.
    void tableListsEverySeries()
    {
        QString error;
        const QVector<TableRow> rows = readTable(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!rows.isEmpty());
        QSet<QString> inputs;
        QHash<QString, QSet<int>> seriesOfInput;
        for (const TableRow& row : rows) {
            const QString where = QStringLiteral("table line %1: ").arg(row.line);
            QVERIFY2(kModes.contains(modeName(row.mode)), qPrintable(where + QStringLiteral("unknown mode ") + row.mode));
            QVERIFY2(!row.mode.startsWith(kKnownBug) || modeName(row.mode) == QLatin1String("exact") ||
                         modeName(row.mode) == QLatin1String("luminance"),
                     qPrintable(where + QStringLiteral("bug: applies to the voxels of exact or luminance rows only")));
            QVERIFY2(row.mode == QLatin1String("exact") || !row.note.trimmed().isEmpty(),
                     qPrintable(where + QStringLiteral("a mode other than exact needs its reason in the note")));
            bool numeric = false;
            row.tolerance.toDouble(&numeric);
            QVERIFY2(numeric || row.tolerance == QLatin1String("-"), qPrintable(where + QStringLiteral("bad tolerance")));
            QVERIFY2(!seriesOfInput[row.input].contains(row.series),
                     qPrintable(where + QStringLiteral("%1 series %2 is listed twice").arg(row.input).arg(row.series)));
            seriesOfInput[row.input].insert(row.series);
            inputs.insert(row.input);
        }
        for (const TableRow& row : rows)
            if (modeName(row.mode) == QLatin1String("twin"))
                QVERIFY2(inputs.contains(row.mode.section(QLatin1Char(':'), 1)),
                         qPrintable(QStringLiteral("table line %1: the twin must have a row of its own").arg(row.line)));

        if (!QFileInfo::exists(delineate::testing::dataRoot() + QStringLiteral("/pydicom-data"))) {
            if (delineate::testing::runningInCi())
                QFAIL("DELINEATE_DATA is not set to the shared data folder");
            QSKIP("DELINEATE_DATA is not set to the shared data folder");
        }
        DELINEATE_REQUIRE_PACKAGED(kPydicomFiles);

        // Every series of every input has a row (undecodable inputs have none to count).
        SimpleJobControl control;
        for (const QString& input : inputs) {
            if (input.startsWith(QLatin1String("sample:")))
                continue;
            auto scan = scanDicom(resolveInput(input), control);
            const int found = scan ? int(scan->allSeries().size()) : 0;
            for (int s = 1; s <= found; ++s)
                QVERIFY2(seriesOfInput[input].contains(s),
                         qPrintable(QStringLiteral("%1: Delineate finds %2 series; series %3 has no row").arg(input).arg(found).arg(s)));
        }

        // Every DICOM file under the data sets that holds an image series, or fails to read, is covered by a row.
        QStringList covered;
        for (const QString& input : inputs)
            if (!input.startsWith(QLatin1String("sample:")))
                covered << QDir::cleanPath(resolveInput(input));
        const QStringList roots = {
            delineate::testing::dataPath(QStringLiteral("dcmqi-seg")),   delineate::testing::dataPath(QStringLiteral("dcm_qa_ct/In")),
            delineate::testing::dataPath(QStringLiteral("dcm_qa_ts/In")), delineate::testing::dataPath(QStringLiteral("dcm_qa_enh/In")),
            delineate::testing::dataPath(QStringLiteral("highdicom-seg")), delineate::testing::dataPath(QStringLiteral("pydicom-data")),
            QDir::cleanPath(kPydicomFiles + QStringLiteral("/.."))}; // test_files, charset_files, palettes
        int checked = 0;
        for (const QString& root : roots) {
            QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = QDir::cleanPath(it.next());
                QFile file(path);
                const bool dicomName = path.endsWith(QLatin1String(".dcm")) || path.endsWith(QLatin1String(".seg"));
                if (!dicomName && !(file.open(QIODevice::ReadOnly) && file.read(132).mid(128) == "DICM"))
                    continue;
                auto scan = scanDicom(path, control);
                if (scan && scan->allSeries().isEmpty() && scan->unreadable.isEmpty())
                    continue; // a non-image object (SEG, SR, RTSTRUCT, DICOMDIR ...): `info` lists it, no row
                ++checked;
                const bool listed = std::any_of(covered.begin(), covered.end(), [&](const QString& c) {
                    return path == c || path.startsWith(c + QLatin1Char('/'));
                });
                QVERIFY2(listed, qPrintable(QStringLiteral("%1 holds an image series (or fails to load) but no table row "
                                                           "names it").arg(path)));
            }
        }
        qInfo("%d image files covered by %d rows", checked, int(rows.size()));
    }

    void matchesDcm2niix_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("series");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("volume");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("tolerance");
        QTest::addColumn<QString>("note");
        QString error;
        const QVector<TableRow> rows = readTable(&error);
        if (!error.isEmpty()) // a row that fails with the reason (tableListsEverySeries reports it too)
            QTest::newRow("table") << QString() << 0 << error << 0 << QStringLiteral("unreadable table") << QString() << QString();
        for (const TableRow& r : rows) {
            const QString name = QStringLiteral("%1 #%2 %3[%4]").arg(r.input).arg(r.series).arg(r.reference).arg(r.volume);
            QTest::newRow(qPrintable(name)) << r.input << r.series << r.reference << r.volume << r.mode << r.tolerance << r.note;
        }
    }

    void matchesDcm2niix()
    {
        QFETCH(QString, input);
        QFETCH(int, series);
        QFETCH(QString, reference);
        QFETCH(int, volume);
        QFETCH(QString, mode);
        QFETCH(QString, tolerance);
        QFETCH(QString, note);
        const bool knownBug = mode.startsWith(kKnownBug);
        if (knownBug)
            mode = mode.mid(kKnownBug.size());
        const QString kind = modeName(mode);
        QVERIFY2(kModes.contains(kind), qPrintable(QStringLiteral("%1: %2").arg(mode, reference)));
        // "-": dcm2niix's geometry cannot be compared (reason in the note); only the dimensions are.
        const bool compareGeometry = tolerance != QLatin1String("-");
        const double mm = compareGeometry ? tolerance.toDouble() : 0.0;

        QTemporaryDir work;
        QVERIFY(work.isValid());
        QString path;
        if (isPackaged(input)) {
            path = resolveInput(input);
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
            path = resolveInput(input);
        }

        if (kind == QLatin1String("undecodable")) {
            // Not an image Delineate (or dcm2niix) can read: truncated, mislabelled or an unsupported codec. The
            // refusal must name the file; tst_DicomCodecs checks the wording per codec.
            auto loaded = loadNumbered(path, series);
            QVERIFY2(!loaded.ok(), "the table says this file cannot be decoded, but it loads: compare it instead");
            SimpleJobControl control;
            auto scan = scanDicom(path, control);
            const QString message = !scan ? scan.error().message
                                          : (scan->unreadable.isEmpty() ? loaded.error().message : scan->unreadable.first().reason);
            QVERIFY2(message.contains(path) || message.contains(QDir::cleanPath(path)), qPrintable(message));
            return;
        }

        auto ours = loadNumbered(path, series);
        QVERIFY2(ours.ok(), qPrintable(ours.error().message));
        for (int c = 0; c < 3; ++c) // whatever the file says (RG1_J2KI: PixelSpacing 0\0), a grid has positive spacing
            QVERIFY2(ours->volume.geometry().spacing()[c] > 0.0, qPrintable(describe(ours->volume.geometry())));
        checkColourWarning(ours.value());
        if (QTest::currentTestFailed())
            return;

        if (kind == QLatin1String("exempt")) {
            // Loaded, not compared (reason in the note); the reference column holds the expected dimensions.
            QCOMPARE(sizeText(ours->volume.geometry()), reference);
            QVERIFY(ours->volume.valueRange().maximum > ours->volume.valueRange().minimum);
            return;
        }

        if (kind == QLatin1String("twin")) {
            // Debian's dcm2niix cannot decode this file: compare with the twin in another encoding, which has its own
            // row. "twin~N" allows voxel differences up to N (lossy files against their reference decode).
            const QString twinInput = mode.section(QLatin1Char(':'), 1);
            auto twin = loadNumbered(resolveInput(twinInput), 1);
            QVERIFY2(twin.ok(), qPrintable(twin.error().message));
            QVERIFY2(ours->volume.geometry().sameGridAs(twin->volume.geometry(), std::max(mm, 1e-3)),
                     qPrintable(QStringLiteral("\n this: %1\n twin: %2").arg(describe(ours->volume.geometry()),
                                                                              describe(twin->volume.geometry()))));
            const double bound = modeBound(mode, QStringLiteral("twin"));
            double largest = 0.0;
            for (std::size_t i = 0; i < ours->volume.voxelCount(); ++i)
                largest = std::max(largest, std::abs(ours->volume.valueAt(i) - twin->volume.valueAt(i)));
            QVERIFY2(largest <= bound, qPrintable(QStringLiteral("largest voxel difference %1 > %2").arg(largest).arg(bound)));
            QVERIFY(twin->volume.valueRange().maximum > twin->volume.valueRange().minimum);
            return;
        }

        // dcm2niix on the same files.
        QString dcm2niixInput = path;
        if (kind == QLatin1String("inflated")) {
            // Deflate compresses the whole data set, not the pixels: DCMTK's dcmconv inflates it for dcm2niix, which
            // then reads the header and the pixels itself.
            dcm2niixInput = work.filePath(QStringLiteral("inflated.dcm"));
            QString log;
            QVERIFY2(runProgram(QStringLiteral("dcmconv"), {QStringLiteral("+te"), path, dcm2niixInput}, &log),
                     qPrintable(QStringLiteral("dcmconv (Debian package dcmtk) failed: ") + log));
        }
        const QString outputFolder = work.filePath(QStringLiteral("dcm2niix"));
        QVERIFY(QDir().mkpath(outputFolder));
        QStringList arguments{QStringLiteral("-z"), QStringLiteral("n"), QStringLiteral("-b"), QStringLiteral("n"),
                              QStringLiteral("-f"), QStringLiteral("%s_%e"), QStringLiteral("-o"), outputFolder};
        if (QFileInfo(dcm2niixInput).isFile())
            arguments << QStringLiteral("-s") << QStringLiteral("y");
        arguments << dcm2niixInput;
        QString log;
        runProgram(QStringLiteral("dcm2niix"), arguments, &log);
        const QString referencePath = QDir(outputFolder).filePath(reference);
        QVERIFY2(QFileInfo::exists(referencePath),
                 qPrintable(QStringLiteral("dcm2niix wrote no %1; it wrote: %2\n%3")
                                .arg(reference, QDir(outputFolder).entryList(QDir::Files).join(QLatin1Char(' ')), log)));
        auto read = readVolume(referencePath, volume);
        QVERIFY2(read.ok(), qPrintable(read.error().message));
        Volume theirs = std::move(read.value());
        const NiftiHeader header = readNiftiHeader(referencePath);
        QVERIFY2(header.valid, "not a NIfTI-1 header");
        if (kind == QLatin1String("luminance")) {
            QVERIFY2(header.datatype == 128, qPrintable(QStringLiteral("dcm2niix wrote datatype %1, not RGB").arg(header.datatype)));
            auto luminance = rgbLuminance(referencePath, header, theirs);
            QVERIFY2(luminance.ok(), qPrintable(luminance.error().message));
            theirs = std::move(luminance.value());
        }

        if (kind == QLatin1String("slice")) {
            // dcm2niix stacked several single-image series of different orientations into one volume (reason in the
            // note): Delineate's series is compared with slice K of it, in dcm2niix's stored (bottom-up) row order.
            const int k = mode.section(QLatin1Char(':'), 1).toInt();
            const auto& s = theirs.geometry().size();
            const auto& o = ours->volume.geometry().size();
            QVERIFY2(o[0] == s[0] && o[1] == s[1] && o[2] == 1 && k >= 0 && k < s[2],
                     qPrintable(QStringLiteral("Delineate %1, dcm2niix %2").arg(sizeText(ours->volume.geometry()),
                                                                                 sizeText(theirs.geometry()))));
            for (int64_t j = 0; j < o[1]; ++j)
                for (int64_t i = 0; i < o[0]; ++i)
                    QCOMPARE(ours->volume.value(i, j, 0), theirs.value(i, s[1] - 1 - j, k));
            return;
        }

        if (header.qformCode == 0 && header.sformCode == 0 && header.srowYY > 0.0f)
            theirs = withRowsReversed(theirs);
        const Volume a = reorientToNearestLps(ours->volume);
        const Volume b = reorientToNearestLps(theirs);
        const ImageGeometry& ga = a.geometry();
        const ImageGeometry& gb = b.geometry();
        const QString both = QStringLiteral("\n Delineate: %1\n dcm2niix:  %2").arg(describe(ga), describe(gb));
        QVERIFY2(ga.size() == gb.size(), qPrintable(QStringLiteral("dimensions differ") + both));
        if (compareGeometry) {
            for (int c = 0; c < 3; ++c) {
                // One slice has no slice distance: Delineate gives it SliceThickness, dcm2niix SpacingBetweenSlices.
                if (ga.size()[c] == 1 && ours->volume.geometry().size()[2] == 1)
                    continue;
                QVERIFY2(std::abs(ga.spacing()[c] - gb.spacing()[c]) <= mm,
                         qPrintable(QStringLiteral("spacing differs on axis %1").arg(c) + both));
            }
        }
        if (kind == QLatin1String("regularised")) {
            QVERIFY2(ours->geometry.regularised, "the loader did not regularise this series");
            QVERIFY(ours->geometry.gantryTilt || ours->geometry.unevenSpacing);
            // dcm2niix's regularised header is not a faithful affine (it shears the world matrix), so only the
            // voxel agreement is measured: both resample the same slices linearly along the same axes.
            const double r = PairStatistics(a, b).correlation();
            qInfo("%s: voxel correlation with dcm2niix %.5f", qPrintable(reference), r);
            QVERIFY2(r >= 0.99, qPrintable(QStringLiteral("voxel correlation %1 < 0.99").arg(r)));
            return;
        }
        if (compareGeometry) {
            for (int r = 0; r < 3; ++r) {
                QVERIFY2(std::abs(ga.origin()[r] - gb.origin()[r]) <= mm, qPrintable(QStringLiteral("origin differs") + both));
                for (int c = 0; c < 3; ++c)
                    QVERIFY2(std::abs(ga.direction()[r][c] - gb.direction()[r][c]) <= 1e-4,
                             qPrintable(QStringLiteral("direction differs at (%1,%2): %3 vs %4")
                                            .arg(r).arg(c).arg(ga.direction()[r][c]).arg(gb.direction()[r][c])));
            }
        }
        const std::size_t n = a.voxelCount();
        if (kind == QLatin1String("geometry"))
            return;
        if (kind == QLatin1String("linear")) {
            // Delineate's voxels are a fixed linear function of dcm2niix's (reason in the note: MONOCHROME1 shown
            // inverted, dose grid scaling, vendor scaling). The slope must be the one the table gives, if it gives one.
            const PairStatistics statistics(a, b);
            QVERIFY2(statistics.varianceX > 0.0, "dcm2niix's image is blank: a linear relation would prove nothing");
            const double slope = statistics.slope();
            const double intercept = statistics.intercept();
            const QString expected = mode.section(QLatin1Char(':'), 1);
            if (expected != QLatin1String("*"))
                QVERIFY2(std::abs(slope - expected.toDouble()) <= 1e-6 * std::abs(expected.toDouble()),
                         qPrintable(QStringLiteral("slope %1, the table expects %2").arg(slope, 0, 'g', 10).arg(expected)));
            const ValueRange range = a.valueRange();
            const double allowed = 1e-5 * std::max({std::abs(range.minimum), std::abs(range.maximum), 1e-30});
            double largest = 0.0;
            for (std::size_t i = 0; i < n; ++i)
                largest = std::max(largest, std::abs(a.valueAt(i) - (slope * b.valueAt(i) + intercept)));
            qInfo("%s: Delineate = %.10g * dcm2niix + %.10g (largest residual %g)", qPrintable(reference), slope, intercept, largest);
            QVERIFY2(largest <= allowed, qPrintable(QStringLiteral("largest residual %1 > %2").arg(largest).arg(allowed)));
            return;
        }
        if (kind == QLatin1String("palette")) {
            // dcm2niix writes the palette indices, Delineate the palette's luminance: each index must map to one value.
            std::map<double, double> valueOfIndex;
            for (std::size_t i = 0; i < n; ++i) {
                const auto [it, inserted] = valueOfIndex.emplace(b.valueAt(i), a.valueAt(i));
                QVERIFY2(inserted || std::abs(it->second - a.valueAt(i)) <= 1e-3,
                         qPrintable(QStringLiteral("palette index %1 shows as both %2 and %3 (voxel %4)")
                                        .arg(it->first).arg(it->second).arg(a.valueAt(i)).arg(i)));
            }
            QVERIFY2(valueOfIndex.size() > 1, "a single palette index would prove nothing");
            return;
        }
        // exact and inflated (identical voxels) or luminance (within 1, or N for luminance~N: dcmimage rounds).
        const double bound = kind == QLatin1String("luminance") ? std::max(1.0, modeBound(mode, kind)) : 0.0;
        QVERIFY2(kind == QLatin1String("exact") || kind == QLatin1String("inflated") || kind == QLatin1String("luminance"),
                 qPrintable(mode));
        std::size_t differing = 0, first = 0;
        double largest = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double x = a.valueAt(i), y = b.valueAt(i);
            largest = std::max(largest, std::abs(x - y));
            if (std::abs(x - y) > std::max(bound, 1e-4 * std::max(1.0, std::abs(y)))) {
                if (differing++ == 0)
                    first = i;
            }
        }
        if (knownBug)
            QEXPECT_FAIL("", qPrintable(QStringLiteral("known Delineate bug: ") + note), Abort);
        QVERIFY2(differing == 0, qPrintable(QStringLiteral("%1 of %2 voxels differ by more than %3 (largest %4); first at %5: %6 vs %7")
                                                .arg(differing).arg(n).arg(bound).arg(largest).arg(first)
                                                .arg(a.valueAt(first)).arg(b.valueAt(first))));
    }
};

QTEST_GUILESS_MAIN(TestDicomGeometry)
#include "tst_DicomGeometry.moc"
