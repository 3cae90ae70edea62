// AI panel benchmark. Last line: one JSON object with
//   startup_s, startup_rss_mb   the viewer started on the sample study (`delineate --report-startup`), without torch
//   first_ai_load_s             loading the engine plugin (LibTorch) on first use
//   gui_latency_p95_ms          lateness of a 5 ms timer on the UI thread while the brain model segments the sample
//                               on the worker (the window's event loop stays responsive)
//   slice_ms                    a current-slice run on a 512x512 slice, engine and model already loaded
//   threshold_ms                from a threshold slider move until all three views show the re-thresholded slices of
//                               a 512x512x300 probability volume
//   threshold_volume_ms         the whole volume re-thresholded on release
// Usage: bench_ai SAMPLE_DICOM_FOLDER [--delineate PATH_TO_delineate]
#include "common/ViewBenchSupport.h"
#include "edit/SegmentationDocument.h"
#include "ml/EngineLoader.h"
#include "model/AiSession.h"
#include "model/SegmentationLayer.h"
#include "model/SegmentationSession.h"
#include "model/StudyLoader.h"
#include "model/ViewerState.h"
#include "model/WindowLevel.h"
#include "widgets/AiPanel.h"
#include "widgets/SliceView.h"
#include "widgets/ViewerPanel.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

using namespace delineate;
using namespace delineate::bench;

namespace {

const QString kBrainModel = QStringLiteral(DELINEATE_MODELS_DIR "/brain-mask-t1.dlm");

[[noreturn]] void die(const QString& message)
{
    std::fprintf(stderr, "bench_ai: %s\n", qPrintable(message));
    std::exit(1);
}

bool waitFor(QSignalSpy& spy, int ms)
{
    return spy.count() > 0 || spy.wait(ms);
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8()); // recovery journals of this run only
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty())
        die(QStringLiteral("usage: bench_ai SAMPLE_DICOM_FOLDER [--delineate PATH]"));
    const QString sample = arguments.first();
    QString delineate = QStringLiteral(DELINEATE_GUI_PATH);
    if (arguments.size() == 3 && arguments[1] == QLatin1String("--delineate"))
        delineate = arguments[2];
    QJsonObject result;

    // --- Start-up of the real viewer on the sample (median of 3).
    std::vector<double> startups, rss;
    for (int n = 0; n < 3; ++n) {
        QProcess process;
        process.start(delineate, {QStringLiteral("--report-startup"), QStringLiteral("--model"), kBrainModel, sample});
        if (!process.waitForFinished(60000))
            die(QStringLiteral("the viewer did not report its start-up"));
        const QJsonObject report = QJsonDocument::fromJson(process.readAllStandardOutput().trimmed()).object();
        if (report.value(QStringLiteral("torch_mapped")).toBool())
            die(QStringLiteral("LibTorch was mapped at start-up"));
        startups.push_back(report.value(QStringLiteral("startup_s")).toDouble());
        rss.push_back(report.value(QStringLiteral("startup_rss_mb")).toDouble());
    }
    result.insert(QStringLiteral("startup_s"), percentile(startups, 0.5));
    result.insert(QStringLiteral("startup_rss_mb"), percentile(rss, 0.5));

    // --- First engine load in this process.
    {
        QElapsedTimer timer;
        timer.start();
        auto engine = ml::EngineLoader::engine(ml::EngineLoadOptions{true});
        if (!engine)
            die(engine.error().message);
        result.insert(QStringLiteral("first_ai_load_s"), std::round(msSince(timer)) / 1000.0);
        result.insert(QStringLiteral("engine"), (*engine)->description());
    }

    // --- The brain model on the sample, whole series, while a 5 ms timer measures the UI thread's lateness.
    ViewerState state;
    SegmentationLayer layer;
    SegmentationSession session(&state, &layer);
    AiSession ai(&state, &session, &layer);
    const int threads = std::max(1, QThread::idealThreadCount() - 1);
    ai.setComputeSettings(QStringLiteral("auto"), QStringLiteral("auto"), threads);
    result.insert(QStringLiteral("threads"), threads);
    if (auto selected = ai.selectModel(kBrainModel); !selected)
        die(selected.error().message);
    {
        StudyLoader loader;
        QEventLoop loop;
        QObject::connect(&loader, &StudyLoader::scanReady, &loop, [&]() { loader.loadSeries(loader.defaultSeriesKey()); });
        QObject::connect(&loader, &StudyLoader::imageReady, &loop,
                         [&](std::shared_ptr<const Volume> volume, const ImageInfo& info, const WindowLevel& window) {
                             state.setImage(volume, info, window);
                             loop.quit();
                         });
        QObject::connect(&loader, &StudyLoader::failed, &loop, [](const QString& message) { die(message); });
        loader.openPath(sample);
        loop.exec();
    }
    ViewerPanel panel(&state);
    panel.resize(3 * 512, 512);
    panel.setSegmentationLayer(&layer);
    panel.setOverlayLayer(ai.overlay());
    panel.show();
    waitUntilExposed(&panel);
    std::vector<double> lateness;
    QElapsedTimer sinceTick;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&]() {
        lateness.push_back(std::max(0.0, msSince(sinceTick) - 5.0));
        sinceTick.restart();
        panel.view(lateness.size() % 3)->update(); // the views keep repainting meanwhile
    });
    QSignalSpy finished(&ai, &AiSession::runFinished);
    sinceTick.start();
    ticker.start(5);
    QElapsedTimer runTimer;
    runTimer.start();
    if (!ai.run(AiSession::Scope::Series))
        die(ai.lastError());
    if (!waitFor(finished, 600000) || !finished.first().first().toBool())
        die(QStringLiteral("the sample run failed: ") + finished.value(0).value(1).toString());
    ticker.stop();
    result.insert(QStringLiteral("sample_run_s"), std::round(msSince(runTimer)) / 1000.0);
    result.insert(QStringLiteral("gui_latency_p95_ms"), rounded(percentile(lateness, 0.95)));
    result.insert(QStringLiteral("gui_latency_max_ms"), rounded(percentile(lateness, 1.0)));

    // --- 512x512x300: a current-slice run, then the threshold on a whole-volume result.
    auto big = std::make_shared<Volume>(makeBenchVolume("bench_ai"));
    ImageInfo bigInfo;
    bigInfo.modality = QStringLiteral("MR");
    state.setImage(big, bigInfo, WindowLevelPresets::automatic(*big));
    session.close();
    std::vector<double> slices;
    for (int n = 0; n < 3; ++n) {
        finished.clear();
        auto cursor = state.cursor();
        cursor[2] = 120 + 30 * n;
        state.setCursor(cursor);
        QElapsedTimer timer;
        timer.start();
        if (!ai.run(AiSession::Scope::Slice))
            die(ai.lastError());
        if (!waitFor(finished, 120000) || !finished.first().first().toBool())
            die(QStringLiteral("the slice run failed"));
        slices.push_back(msSince(timer));
    }
    result.insert(QStringLiteral("slice_ms"), rounded(percentile(slices, 0.5)));
    finished.clear();
    QElapsedTimer bigTimer;
    bigTimer.start();
    if (!ai.run(AiSession::Scope::Series))
        die(ai.lastError());
    if (!waitFor(finished, 1800000) || !finished.first().first().toBool())
        die(QStringLiteral("the 512x512x300 run failed"));
    result.insert(QStringLiteral("volume_run_s"), std::round(msSince(bigTimer)) / 1000.0);
    const auto repaintAll = [&]() {
        for (int n = 0; n < 3; ++n)
            panel.view(n)->repaint();
    };
    repaintAll();
    std::vector<double> moves, merges;
    const int moveCount = qEnvironmentVariableIsSet("BENCH_AI_MOVES") ? qEnvironmentVariableIntValue("BENCH_AI_MOVES") : 40;
    for (int n = 0; n < moveCount; ++n) {
        const double threshold = 0.2 + 0.6 * double(n % 20) / 19.0;
        QElapsedTimer timer;
        timer.start();
        ai.previewThreshold(threshold);
        merges.push_back(msSince(timer));
        repaintAll();
        moves.push_back(msSince(timer));
    }
    result.insert(QStringLiteral("threshold_merge_ms"), rounded(percentile(merges, 0.5)));
    QElapsedTimer volumeTimer;
    volumeTimer.start();
    ai.applyThreshold(0.6);
    result.insert(QStringLiteral("threshold_volume_ms"), rounded(msSince(volumeTimer)));
    result.insert(QStringLiteral("threshold_ms"), rounded(percentile(moves, 0.5)));
    result.insert(QStringLiteral("threshold_p95_ms"), rounded(percentile(moves, 0.95)));
    result.insert(QStringLiteral("probability_mb"), double(ai.result()->byteSize()) / 1048576.0);
    QFile loadAverage(QStringLiteral("/proc/loadavg"));
    if (loadAverage.open(QIODevice::ReadOnly))
        result.insert(QStringLiteral("load_average_1min"),
                      QString::fromLatin1(loadAverage.readAll()).section(QLatin1Char(' '), 0, 0).toDouble());
    session.close();
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}
