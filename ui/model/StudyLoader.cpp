// Scan, load and thumbnail jobs; results cross from the worker in a shared struct read after the job finished.
#include "model/StudyLoader.h"

#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"
#include "image/Volume.h"
#include "io/VolumeIO.h"
#include "jobs/JobRunner.h"
#include "model/Thumbnail.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QVariant>

#include <algorithm>
#include <tuple>

namespace delineate {

namespace {
constexpr int kThumbnailSize = 64;
constexpr int kMaxVolumeFiles = 500;
}

// Written by the worker, read on the UI thread only after JobRunner::finished.
struct StudyLoader::LoadResult
{
    ScanResult scan;
    std::shared_ptr<Volume> volume;
    ImageInfo info;
    WindowLevel automaticWindow;
    QStringList volumeFiles;
};

StudyLoader::StudyLoader(QObject* parent)
    : QObject(parent), m_runner(new JobRunner(this)), m_thumbnailRunner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::progressChanged, this, &StudyLoader::progressChanged);
    connect(m_runner, &JobRunner::finished, this, [this](bool wasCancelled, const QString& error) {
        auto onSuccess = std::move(m_onSuccess);
        m_onSuccess = nullptr;
        if (m_pending) { // superseded by a newer request: drop this result quietly
            auto next = std::move(m_pending);
            m_pending = nullptr;
            next();
            return;
        }
        Q_EMIT busyChanged(false);
        if (wasCancelled)
            Q_EMIT cancelled();
        else if (!error.isEmpty())
            Q_EMIT failed(error);
        else if (onSuccess)
            onSuccess();
    });
    connect(m_thumbnailRunner, &JobRunner::published, this, [this](const QVariantMap& item) {
        Q_EMIT thumbnailReady(item.value(QStringLiteral("key")).toString(),
                              item.value(QStringLiteral("image")).value<QImage>());
    });
    connect(m_thumbnailRunner, &JobRunner::finished, this, [this]() {
        if (m_restartThumbnails) {
            m_restartThumbnails = false;
            startThumbnails();
            return;
        }
        Q_EMIT thumbnailsDone();
    });
}

StudyLoader::~StudyLoader() = default;

bool StudyLoader::isVolumeFile(const QString& path)
{
    return QFileInfo(path).isFile() && isVolumeFileName(path);
}

bool StudyLoader::isBusy() const
{
    return m_runner->isRunning();
}

void StudyLoader::cancel()
{
    m_pending = nullptr;
    m_runner->cancel();
}

void StudyLoader::run(const QString& title, std::function<QString(JobControl&)> work, std::function<void()> onSuccess)
{
    if (m_runner->isRunning()) {
        // One job at a time: cancel the running one and start this request when it has stopped.
        m_pending = [this, title, work, onSuccess]() { run(title, work, onSuccess); };
        m_runner->cancel();
        return;
    }
    m_onSuccess = std::move(onSuccess);
    m_runner->start(title, std::move(work));
    Q_EMIT busyChanged(true);
}

void StudyLoader::openPath(const QString& path)
{
    const QFileInfo file(path);
    if (!file.exists()) {
        Q_EMIT failed(tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (isVolumeFile(path)) {
        readVolumeFile(path, true);
        return;
    }
    auto result = std::make_shared<LoadResult>();
    run(tr("Scanning %1").arg(file.fileName()),
        [result, path](JobControl& control) -> QString {
            Expected<ScanResult> scan = scanDicom(path, control);
            if (!scan.ok())
                return scan.error().isCancelled() ? QString() : scan.error().message;
            result->scan = std::move(scan).value();
            if (QFileInfo(path).isDir()) {
                // Volume files beside (or instead of) DICOM: listed to open, not reported as unreadable DICOM.
                QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
                while (it.hasNext() && result->volumeFiles.size() < kMaxVolumeFiles && !control.isCancelled()) {
                    const QString candidate = it.next();
                    if (isVolumeFileName(candidate))
                        result->volumeFiles << candidate;
                }
                result->volumeFiles.sort();
                auto& unreadable = result->scan.unreadable;
                unreadable.erase(std::remove_if(unreadable.begin(), unreadable.end(),
                                                [](const UnreadableFile& f) { return isVolumeFileName(f.path); }),
                                 unreadable.end());
            }
            return QString();
        },
        [this, result, path]() {
            m_scan = result->scan;
            m_volumeFiles = result->volumeFiles;
            m_scannedPath = path;
            Q_EMIT scanReady();
            startThumbnails();
        });
}

void StudyLoader::loadVolumeFile(const QString& path)
{
    readVolumeFile(path, false);
}

void StudyLoader::readVolumeFile(const QString& path, bool replacesStudy)
{
    auto result = std::make_shared<LoadResult>();
    const QString name = QFileInfo(path).fileName();
    run(tr("Reading %1").arg(name),
        [result, path, name](JobControl& control) -> QString {
            control.reportProgress(0.0, tr("Reading %1").arg(name));
            Expected<Volume> volume = readVolume(path);
            if (!volume.ok())
                return volume.error().message;
            if (control.isCancelled())
                return QString();
            result->volume = std::make_shared<Volume>(std::move(volume).value());
            result->info = ImageInfo::fromVolumeFile(path);
            result->automaticWindow = WindowLevelPresets::automatic(*result->volume);
            control.reportProgress(1.0, QString());
            return QString();
        },
        [this, result, replacesStudy]() {
            if (replacesStudy) {
                m_scan = ScanResult();
                m_volumeFiles.clear();
                m_scannedPath.clear();
            }
            Q_EMIT imageReady(result->volume, result->info, result->automaticWindow);
        });
}

void StudyLoader::loadSeries(const QString& seriesKey)
{
    const SeriesInfo* found = m_scan.findSeries(seriesKey);
    if (!found) {
        Q_EMIT failed(tr("The series %1 is not part of the opened study.").arg(seriesKey));
        return;
    }
    const SeriesInfo series = *found;
    const QString name = series.seriesDescription.isEmpty() ? tr("series %1").arg(series.seriesNumber)
                                                             : series.seriesDescription;
    auto result = std::make_shared<LoadResult>();
    const QString source = m_scannedPath;
    run(tr("Loading %1").arg(name),
        [result, series, source, name](JobControl& control) -> QString {
            Expected<LoadedSeries> loaded = ::delineate::loadSeries(series, control);
            if (!loaded.ok()) {
                if (loaded.error().isCancelled())
                    return QString();
                return tr("Could not load the series \"%1\": %2").arg(name, loaded.error().message);
            }
            LoadedSeries& value = loaded.value();
            result->volume = std::make_shared<Volume>(std::move(value.volume));
            result->info = ImageInfo::fromSeries(value.info, source);
            for (const QString& warning : value.warnings)
                if (!result->info.warnings.contains(warning))
                    result->info.warnings << warning;
            result->automaticWindow = WindowLevelPresets::automatic(*result->volume);
            return QString();
        },
        [this, result]() { Q_EMIT imageReady(result->volume, result->info, result->automaticWindow); });
}

QString StudyLoader::defaultSeriesKey() const
{
    // Cross-sectional images first (a dose grid or a screenshot series may have more frames), then the most frames,
    // then the largest slices.
    static const QStringList preferred{QStringLiteral("CT"), QStringLiteral("MR"), QStringLiteral("PT")};
    QString best;
    std::tuple<bool, int, qint64> bestScore{false, -1, -1};
    for (const SeriesInfo& series : m_scan.allSeries()) {
        const std::tuple<bool, int, qint64> score{preferred.contains(series.modality.toUpper()), series.frameCount(),
                                                  qint64(series.rows) * series.columns};
        if (score > bestScore) {
            bestScore = score;
            best = series.key;
        }
    }
    return best;
}

void StudyLoader::startThumbnails()
{
    if (m_thumbnailRunner->isRunning()) {
        // Thumbnails of the previous scan: stop them and start again for this one when they have stopped.
        m_restartThumbnails = true;
        m_thumbnailRunner->cancel();
        return;
    }
    const QVector<SeriesInfo> all = m_scan.allSeries();
    if (all.isEmpty()) {
        Q_EMIT thumbnailsDone();
        return;
    }
    m_thumbnailRunner->start(tr("Making thumbnails"), [all](JobControl& control) -> QString {
        for (const SeriesInfo& series : all) {
            if (control.isCancelled())
                break;
            SimpleJobControl quiet; // a thumbnail's own progress is not worth showing
            Expected<LoadedSeries> loaded = ::delineate::loadSeries(middleFrameOnly(series), quiet, SeriesLoadOptions{false});
            if (!loaded.ok())
                continue; // the series' own load reports the problem, with its name
            const QImage image = renderThumbnail(loaded->volume, 0, kThumbnailSize);
            if (!image.isNull())
                control.publish({{QStringLiteral("key"), series.key}, {QStringLiteral("image"), QVariant::fromValue(image)}});
        }
        return QString();
    });
}

} // namespace delineate
