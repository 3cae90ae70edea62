// Load benchmark: a >= 300-slice 512x512 CT-like series written by the tested generator (make-series code path)
// from mricron-data's ch2.nii.gz; Delineate's folder -> volume time against `dcm2niix -z n -b n` into a tmpfs
// folder on the same files (median of 5 runs each by default, page cache warm for both), and the RSS growth of a load over
// the voxel bytes of the stored type (memory_ratio). Prints one JSON object on its last line.
//   bench_load [--slices N] [--runs R]    (default 300 slices, 5 runs; a bare number is taken as N)
#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"
#include "dicom/SeriesWriter.h"
#include "image/Resample.h"
#include "io/VolumeIO.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace delineate;

namespace {

long residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return 0;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// Child mode: one load, printing "seconds rss_growth_bytes voxel_bytes".
int loadOnce(const QString& folder)
{
    const long before = residentKiB();
    QElapsedTimer timer;
    timer.start();
    SimpleJobControl control;
    auto scan = scanDicom(folder, control);
    if (!scan || scan->allSeries().isEmpty())
        return 1;
    const double scanSeconds = timer.nsecsElapsed() / 1e9;
    auto loaded = loadSeries(scan->allSeries().first(), control);
    if (!loaded)
        return 1;
    std::fprintf(stderr, "scan %.3f s, load %.3f s\n", scanSeconds, timer.nsecsElapsed() / 1e9 - scanSeconds);
    const double seconds = timer.nsecsElapsed() / 1e9;
    const long after = residentKiB();
    std::printf("%.6f %ld %zu\n", seconds, (after - before) * 1024L, loaded->volume.byteSize());
    return 0;
}

void warmPageCache(const QString& folder)
{
    QDirIterator it(folder, QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            f.readAll();
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args[1] == QLatin1String("--load-once"))
        return loadOnce(args[2]);

    int slices = 300;
    int runs = 5;
    for (int a = 1; a < args.size(); ++a) {
        if (args[a] == QLatin1String("--slices") && a + 1 < args.size())
            slices = args[++a].toInt();
        else if (args[a] == QLatin1String("--runs") && a + 1 < args.size())
            runs = args[++a].toInt();
        else
            slices = args[a].toInt();
    }
    if (slices < 8 || runs < 1) {
        std::fprintf(stderr, "usage: bench_load [--slices N (>= 8)] [--runs R]\n");
        return 1;
    }
    const QString source = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");
    QTextStream err(stderr);
    QTemporaryDir work;
    const QString folder = work.filePath(QStringLiteral("ct"));
    {
        auto volume = readVolume(source);
        if (!volume) {
            err << volume.error().message << Qt::endl;
            return 1;
        }
        // CT-like: 512x512 slices, HU = T1 intensity - 1000 so that background is air.
        Volume resampled = resampleLinear(volume.value(), resizedGeometry(volume->geometry(), {512, 512, slices}), 0.0);
        for (std::size_t i = 0; i < resampled.voxelCount(); ++i)
            resampled.int16Data()[i] = static_cast<int16_t>(resampled.int16Data()[i] * 4 - 1000);
        SeriesWriteOptions options;
        options.modality = QStringLiteral("CT");
        options.seriesDescription = QStringLiteral("bench_load 512x512x%1").arg(slices);
        SimpleJobControl control;
        auto written = writeDicomSeries(resampled, folder, options, control);
        if (!written) {
            err << written.error().message << Qt::endl;
            return 1;
        }
    }
    warmPageCache(folder);

    std::vector<double> ours, theirs, memoryRatios;
    const QString self = app.applicationFilePath();
    const QString shm = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    for (int run = 0; run < runs; ++run) {
        QProcess child;
        child.start(self, {QStringLiteral("--load-once"), folder});
        child.waitForFinished(-1);
        const QList<QByteArray> fields = child.readAllStandardOutput().trimmed().split(' ');
        if (child.exitCode() != 0 || fields.size() != 3) {
            err << "the Delineate load failed" << Qt::endl;
            return 1;
        }
        ours.push_back(fields[0].toDouble());
        memoryRatios.push_back(fields[1].toDouble() / fields[2].toDouble());

        QTemporaryDir output(shm + QStringLiteral("/bench_load_XXXXXX"));
        QElapsedTimer timer;
        timer.start();
        QProcess dcm2niix;
        dcm2niix.start(QStringLiteral("dcm2niix"), {QStringLiteral("-z"), QStringLiteral("n"), QStringLiteral("-b"),
                                                    QStringLiteral("n"), QStringLiteral("-o"), output.path(), folder});
        dcm2niix.waitForFinished(-1);
        theirs.push_back(timer.nsecsElapsed() / 1e9);
        if (dcm2niix.exitCode() != 0) {
            err << "dcm2niix failed: " << dcm2niix.readAll() << Qt::endl;
            return 1;
        }
    }
    const double ourMedian = median(ours), theirMedian = median(theirs);
    QJsonObject result{{QStringLiteral("benchmark"), QStringLiteral("load")},
                       {QStringLiteral("slices"), slices},
                       {QStringLiteral("size"), QStringLiteral("512x512x%1").arg(slices)},
                       {QStringLiteral("delineate_s"), ourMedian},
                       {QStringLiteral("dcm2niix_s"), theirMedian},
                       {QStringLiteral("ratio"), ourMedian / theirMedian},
                       {QStringLiteral("memory_ratio"), median(memoryRatios)},
                       {QStringLiteral("memory_ratio_max"), *std::max_element(memoryRatios.begin(), memoryRatios.end())},
                       {QStringLiteral("runs"), runs},
                       {QStringLiteral("threads"), QThread::idealThreadCount()}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
