// Dispatch between volume files and DICOM for opening paths.
#include "io/ImageSource.h"

#include "dicom/DicomScanner.h"
#include "io/VolumeIO.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cmath>

namespace delineate {

namespace {

// Translation context "ImageSource" (lupdate reads it from the macro).
class ImageSourceText
{
    Q_DECLARE_TR_FUNCTIONS(ImageSource)
};

bool looksLikeVolumeFile(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && isVolumeFileName(path);
}

// A volume file's header can be as wrong as a DICOM one (a NIfTI pixdim of 0 or NaN): a spacing that is not a
// positive number is replaced by 1 mm, and a position that is not finite by 0, each with a warning, never silently.
QStringList repairGeometry(Volume& volume, const QString& path)
{
    QStringList warnings;
    ImageGeometry geometry = volume.geometry();
    Vector3 spacing = geometry.spacing();
    for (int axis = 0; axis < 3; ++axis)
        if (!std::isfinite(spacing[axis]) || spacing[axis] <= 0.0) {
            warnings << ImageSourceText::tr("%1: the spacing of axis %2 (%3) is not a positive number; 1 mm assumed")
                            .arg(path).arg(axis + 1).arg(spacing[axis]);
            spacing[axis] = 1.0;
        }
    Vector3 origin = geometry.origin();
    if (!std::isfinite(origin[0]) || !std::isfinite(origin[1]) || !std::isfinite(origin[2])) {
        warnings << ImageSourceText::tr("%1: the image origin is not a finite position; 0 assumed").arg(path);
        origin = {0.0, 0.0, 0.0};
    }
    if (!warnings.isEmpty()) {
        geometry.setSpacing(spacing);
        geometry.setOrigin(origin);
        volume.setGeometry(geometry);
    }
    return warnings;
}

} // namespace

Expected<LoadedSeries> loadVolumeFile(const QString& path)
{
    auto volume = readVolume(path);
    if (!volume)
        return volume.error();
    LoadedSeries series;
    series.volume = std::move(volume.value());
    series.warnings = repairGeometry(series.volume, path);
    series.info.key = QFileInfo(path).absoluteFilePath();
    series.info.seriesDescription = QFileInfo(path).fileName();
    series.info.columns = int(series.volume.geometry().size()[0]);
    series.info.rows = int(series.volume.geometry().size()[1]);
    return series;
}

Expected<OpenedImages> openImages(const QString& path, JobControl& control, QVector<UnreadableFile>* failures)
{
    OpenedImages opened;
    if (looksLikeVolumeFile(path)) {
        auto series = loadVolumeFile(path);
        if (!series)
            return series.error();
        opened.series << std::move(series.value());
        return opened;
    }
    auto scan = scanDicom(path, control);
    if (!scan)
        return scan.error();
    opened.scan = std::move(scan.value());
    const QVector<SeriesInfo> all = opened.scan.allSeries();
    if (all.isEmpty()) {
        if (!opened.scan.unreadable.isEmpty() && opened.scan.allNonImageObjects().isEmpty())
            return Error::failed(opened.scan.unreadable.size() == 1 ? opened.scan.unreadable.first().reason
                                                                    : ImageSourceText::tr("%1: no readable DICOM image among %2 files")
                                                                          .arg(path).arg(opened.scan.filesExamined));
        return opened; // only non-image objects: the caller lists them
    }
    for (int i = 0; i < all.size(); ++i) {
        auto loaded = loadSeries(all[i], control);
        if (loaded) {
            opened.series << std::move(loaded.value());
        } else if (loaded.error().isCancelled()) {
            return loaded.error();
        } else if (failures) {
            failures->append(UnreadableFile{all[i].key, loaded.error().message});
        }
    }
    return opened;
}

Expected<LoadedSeries> loadOneSeries(const QString& path, const QString& which, JobControl& control)
{
    if (looksLikeVolumeFile(path))
        return loadVolumeFile(path);
    auto scan = scanDicom(path, control);
    if (!scan)
        return scan.error();
    const QVector<SeriesInfo> all = scan->allSeries();
    if (all.isEmpty()) {
        if (scan->unreadable.size() == 1)
            return Error::failed(scan->unreadable.first().reason);
        return Error::failed(ImageSourceText::tr("%1: no DICOM image series found").arg(path));
    }
    int chosen = -1;
    if (which.isEmpty()) {
        chosen = 0;
        for (int i = 1; i < all.size(); ++i)
            if (all[i].frameCount() > all[chosen].frameCount())
                chosen = i;
    } else {
        bool isNumber = false;
        const int index = which.toInt(&isNumber);
        for (int i = 0; i < all.size() && chosen < 0; ++i)
            if (all[i].key == which || (isNumber && index == i + 1))
                chosen = i;
        if (chosen < 0)
            return Error::failed(ImageSourceText::tr("%1: no series '%2' (there are %3)").arg(path, which).arg(all.size()));
    }
    return loadSeries(all[chosen], control);
}

} // namespace delineate
