// Scan, load and thumbnail jobs; results cross from the worker in a shared struct read after the job finished.
#include "model/StudyLoader.h"


#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"
#include "image/Volume.h"
#include "io/DicomSeg.h"
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

struct StudyLoader::Scanned
{
    ScanResult scan;
    QStringList volumeFiles;
};

struct StudyLoader::LoadedImage
{
    std::shared_ptr<Volume> volume;
    ImageInfo info;
    WindowLevel automaticWindow;
};

namespace {
struct SeriesThumbnail
{
    QString key;
    QImage image;
};
} // namespace

StudyLoader::StudyLoader(QObject* parent)
    : QObject(parent), m_runner(new JobRunner(this)), m_thumbnailRunner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::progressChanged, this, &StudyLoader::progressChanged);
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

template <typename T>
void StudyLoader::run(const QString& title, std::function<Expected<T>(JobControl&)> work, std::function<void(T)> onSuccess)
{
    if (m_runner->isRunning()) {
        // One job at a time: cancel the running one and start this request when it has stopped.
        m_pending = [this, title, work, onSuccess]() { run<T>(title, work, onSuccess); };
        m_runner->cancel();
        return;
    }
    m_runner->start<T>(title, std::move(work), [this, onSuccess](Expected<T> result) {
        if (m_pending) { // superseded by a newer request: drop this result quietly
            auto next = std::move(m_pending);
            m_pending = nullptr;
            next();
            return;
        }
        Q_EMIT busyChanged(false);
        if (!result.ok()) {
            if (result.error().isCancelled())
                Q_EMIT cancelled();
            else
                Q_EMIT failed(result.error().message);
            return;
        }
        onSuccess(std::move(result).value());
    });
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
    run<Scanned>(
        tr("Scanning %1").arg(file.fileName()),
        [path](JobControl& control) -> Expected<Scanned> {
            Expected<ScanResult> scan = scanDicom(path, control);
            if (!scan.ok())
                return scan.error();
            Scanned result{std::move(scan).value(), {}};
            if (QFileInfo(path).isDir()) {
                // Volume files beside (or instead of) DICOM: listed to open, not reported as unreadable DICOM.
                QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
                while (it.hasNext() && result.volumeFiles.size() < kMaxVolumeFiles && !control.isCancelled()) {
                    const QString candidate = it.next();
                    if (isVolumeFileName(candidate))
                        result.volumeFiles << candidate;
                }
                result.volumeFiles.sort();
                auto& unreadable = result.scan.unreadable;
                unreadable.erase(std::remove_if(unreadable.begin(), unreadable.end(),
                                                [](const UnreadableFile& f) { return isVolumeFileName(f.path); }),
                                 unreadable.end());
                auto& skipped = result.scan.nonDicomFiles;
                skipped.erase(std::remove_if(skipped.begin(), skipped.end(), [](const QString& f) { return isVolumeFileName(f); }),
                              skipped.end());
            }
            if (control.isCancelled())
                return Error::cancelled();
            return result;
        },
        [this, path](Scanned result) {
            m_scan = std::move(result.scan);
            m_volumeFiles = std::move(result.volumeFiles);
            m_scannedPath = path;
            Q_EMIT scanReady();
            startThumbnails();
        });
}

void StudyLoader::loadVolumeFile(const QString& path)
{
    readVolumeFile(path, false);
}

void StudyLoader::showImage(const LoadedImage& image)
{
    Q_EMIT imageReady(image.volume, image.info, image.automaticWindow);
}

void StudyLoader::readVolumeFile(const QString& path, bool replacesStudy)
{
    const QString name = QFileInfo(path).fileName();
    run<LoadedImage>(
        tr("Reading %1").arg(name),
        [path, name](JobControl& control) -> Expected<LoadedImage> {
            control.reportProgress(0.0, tr("Reading %1").arg(name));
            Expected<Volume> volume = readVolume(path);
            if (!volume.ok())
                return volume.error();
            if (control.isCancelled())
                return Error::cancelled();
            LoadedImage image;
            image.volume = std::make_shared<Volume>(std::move(volume).value());
            image.info = ImageInfo::fromVolumeFile(path);
            image.automaticWindow = WindowLevelPresets::automatic(*image.volume);
            control.reportProgress(1.0, QString());
            return image;
        },
        [this, replacesStudy](LoadedImage image) {
            if (replacesStudy) {
                m_scan = ScanResult();
                m_volumeFiles.clear();
                m_scannedPath.clear();
            }
            showImage(image);
        });
}

void StudyLoader::loadSeries(const QString& seriesKey)
{
    loadSeriesFor(seriesKey, false);
}

void StudyLoader::loadComparisonSeries(const QString& seriesKey)
{
    loadSeriesFor(seriesKey, true);
}

void StudyLoader::loadSeriesFor(const QString& seriesKey, bool comparison)
{
    const SeriesInfo* found = m_scan.findSeries(seriesKey);
    if (!found) {
        Q_EMIT failed(tr("The series %1 is not part of the opened study.").arg(seriesKey));
        return;
    }
    const SeriesInfo series = *found;
    const QString name = series.displayDescription().isEmpty() ? tr("series %1").arg(series.seriesNumber)
                                                                : series.displayDescription();
    const QString source = m_scannedPath;
    run<LoadedImage>(
        tr("Loading %1").arg(name),
        [series, source, name](JobControl& control) -> Expected<LoadedImage> {
            Expected<LoadedSeries> loaded = ::delineate::loadSeries(series, control);
            if (!loaded.ok()) {
                if (loaded.error().isCancelled())
                    return loaded.error();
                return Error::failed(tr("Could not load the series \"%1\": %2").arg(name, loaded.error().message));
            }
            LoadedSeries& value = loaded.value();
            LoadedImage image;
            image.info = ImageInfo::fromSeries(value.info, source);
            image.info.dicomSource = std::make_shared<const DicomSegSource>(DicomSegSource::of(value));
            image.info.acquiredSlices = value.acquired;
            image.volume = std::make_shared<Volume>(std::move(value.volume));
            for (const QString& warning : value.warnings)
                if (!image.info.warnings.contains(warning))
                    image.info.warnings << warning;
            image.automaticWindow = WindowLevelPresets::automatic(*image.volume, image.info.padding);
            return image;
        },
        [this, comparison](LoadedImage image) {
            if (comparison)
                Q_EMIT comparisonImageReady(image.volume, image.info, image.automaticWindow);
            else
                showImage(image);
        });
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
    m_thumbnailRunner->start<int, SeriesThumbnail>(
        tr("Making thumbnails"),
        [all](JobControl& control, const std::function<void(SeriesThumbnail)>& publish) -> Expected<int> {
            int made = 0;
            for (const SeriesInfo& series : all) {
                if (control.isCancelled())
                    return Error::cancelled();
                SimpleJobControl quiet; // a thumbnail's own progress is not worth showing
                Expected<LoadedSeries> loaded = ::delineate::loadSeries(middleFrameOnly(series), quiet, SeriesLoadOptions{false});
                if (!loaded.ok())
                    continue; // the series' own load reports the problem, with its name
                const QImage image = renderThumbnail(loaded->volume, 0, kThumbnailSize, series.padding);
                if (!image.isNull()) {
                    publish(SeriesThumbnail{series.key, image});
                    ++made;
                }
            }
            return made;
        },
        [this](SeriesThumbnail thumbnail) { Q_EMIT thumbnailReady(thumbnail.key, thumbnail.image); },
        [this](Expected<int>) {
            if (m_restartThumbnails) {
                m_restartThumbnails = false;
                startThumbnails();
                return;
            }
            Q_EMIT thumbnailsDone();
        });
}

} // namespace delineate
