// Opens what the user chose (DICOM folder or file, or a volume file) and loads series, all on worker threads
// through the typed JobRunner, with progress and cancel; thumbnails are made by a second, lower-priority job whose
// intermediate results are the thumbnails.
#pragma once

#include "common/Expected.h"
#include "dicom/DicomSeries.h"
#include "model/ImageInfo.h"
#include "model/WindowLevel.h"

#include <QImage>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace delineate {

class JobControl;
class JobRunner;
class Volume;

class StudyLoader : public QObject
{
    Q_OBJECT
public:
    explicit StudyLoader(QObject* parent = nullptr);
    ~StudyLoader() override;

    // A folder or DICOM file is scanned for DICOM and volume files (scanReady, then the caller picks what to show);
    // a volume file is read directly.
    void openPath(const QString& path);
    // Loads a series of the last scan by its key.
    void loadSeries(const QString& seriesKey);
    // Loads a second series of the last scan to compare side by side: comparisonImageReady instead of imageReady.
    // Same runner as every load (a new request cancels the running one).
    void loadComparisonSeries(const QString& seriesKey);
    // Reads one of the volume files found by the last scan, keeping the scan.
    void loadVolumeFile(const QString& path);
    void cancel();
    bool isBusy() const;

    const ScanResult& scan() const { return m_scan; }
    // Volume files (.nii, .nii.gz, .nrrd, .mha, ...) found in the scanned folder.
    const QStringList& volumeFiles() const { return m_volumeFiles; }
    QString scannedPath() const { return m_scannedPath; }
    // The series to show first: a CT, MR or PET series if any, then the one with the most frames.
    QString defaultSeriesKey() const;

    static bool isVolumeFile(const QString& path);
    // The runner of scans and loads (for the window's job status area).
    JobRunner* runner() const { return m_runner; }

Q_SIGNALS:
    void busyChanged(bool busy);
    void progressChanged(double fraction, const QString& message, double etaSeconds);
    void scanReady();
    // The image to show; `warnings` are the loader's (scanner warnings are already in info).
    void imageReady(std::shared_ptr<const delineate::Volume> volume, const delineate::ImageInfo& info,
                    const delineate::WindowLevel& automaticWindow);
    void comparisonImageReady(std::shared_ptr<const delineate::Volume> volume, const delineate::ImageInfo& info,
                              const delineate::WindowLevel& automaticWindow);
    void thumbnailReady(const QString& seriesKey, const QImage& thumbnail);
    void thumbnailsDone();
    // A message naming what failed; cancellation is not a failure and only emits cancelled().
    void failed(const QString& message);
    void cancelled();

private:
    struct Scanned;
    struct LoadedImage;
    // Starts `work` now, or (one job at a time) cancels the running job and starts it when that one has stopped.
    template <typename T>
    void run(const QString& title, std::function<Expected<T>(JobControl&)> work, std::function<void(T)> onSuccess);
    void startThumbnails();
    void readVolumeFile(const QString& path, bool replacesStudy);
    void showImage(const LoadedImage& image);
    void loadSeriesFor(const QString& seriesKey, bool comparison);

    JobRunner* m_runner;
    JobRunner* m_thumbnailRunner;
    ScanResult m_scan;
    QStringList m_volumeFiles;
    QString m_scannedPath;
    bool m_restartThumbnails = false;
    std::function<void()> m_pending; // a request made while a job runs: started when the job has stopped
};

} // namespace delineate
