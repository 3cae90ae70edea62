// Series -> Volume: frames sorted along the slice normal, decoded in parallel, rescaled, geometry measured.
#include "dicom/SeriesLoader.h"

#include "common/SystemMemory.h"
#include "dicom/DeclaredImageSize.h"
#include "dicom/PixelDecoder.h"
#include "dicom/SliceRegularizer.h"
#include "dicom/SopClasses.h"
#include "jobs/ParallelFor.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <type_traits>

namespace delineate {

namespace {

// Translation context "SeriesLoader" (lupdate reads it from the macro).
class SeriesLoaderText
{
    Q_DECLARE_TR_FUNCTIONS(SeriesLoader)
};

bool isIntegral(double v)
{
    return std::abs(v - std::round(v)) < 1e-6;
}

struct FileWork
{
    QString file;
    QVector<QPair<int, int>> frames; // (frame index or mosaic tile, target slice)
    bool mosaic = false;
};

// Reads `count` little-endian 16-bit words at `offset` of `path` (the machines we build for are little endian).
bool readRawWords(const QString& path, qint64 offset, std::size_t count,
                  std::vector<int16_t, DefaultInitAllocator<int16_t>>& words)
{
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "raw pixel reads assume a little-endian host");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered) || !file.seek(offset))
        return false;
    words.resize(count);
    const qint64 bytes = qint64(count * sizeof(int16_t));
    return file.read(reinterpret_cast<char*>(words.data()), bytes) == bytes;
}

struct DecodeOutcome
{
    bool cancelled = false;
    bool overflow = false;
    QString error;
};

// Decodes every frame of `work` into its slice of `volume` (int16 or float32), rescaled, in parallel by file.
DecodeOutcome decodeFrames(const SeriesInfo& series, const QVector<FileWork>& work, const QVector<int>& order,
                           Volume& volume, JobControl& control, const QString& name)
{
    DecodeOutcome outcome;
    const std::size_t slicePixels = std::size_t(series.rows) * series.columns;
    QMutex errorMutex;
    std::atomic<bool> failed{false};
    std::atomic<bool> overflow{false};
    const bool finished = parallelFor(int(work.size()), control, SeriesLoaderText::tr("Loading %1").arg(name), 0.0, 0.95, [&](int w) {
        if (failed.load())
            return;
        const FileWork& item = work[w];
        auto fail = [&](const QString& message) {
            QMutexLocker lock(&errorMutex);
            if (outcome.error.isEmpty())
                outcome.error = message;
            failed.store(true);
        };
        // One frame buffer per worker thread, reused across files: no allocation per slice.
        thread_local DecodedFrame frame;
        thread_local std::vector<int16_t, DefaultInitAllocator<int16_t>> words;
        PixelDecoder decoder;
        int decodedFrame = -1;
        const DicomFrameRef& first = series.frames[order[item.frames.first().second]];
        if (!item.mosaic && item.frames.size() == 1 && first.rawPixelOffset >= 0 &&
            readRawWords(item.file, first.rawPixelOffset, std::size_t(series.rows) * series.columns, words)) {
            // The scan located plain 16-bit pixels at the end of the file: no second DCMTK parse.
            frame.rows = series.rows;
            frame.columns = series.columns;
            frame.stored.clear();
            frame.values.clear();
            frame.isColour = false;
            frame.raw16 = words.data();
            frame.raw16Unsigned = !first.rawPixelsSigned;
            decodedFrame = item.frames.first().first;
        } else if (auto opened = decoder.open(item.file); !opened) {
            fail(opened.error().message);
            return;
        }
        for (const auto& [frameOrTile, slice] : item.frames) {
            if (control.isCancelled() || failed.load())
                return;
            const int frameIndex = item.mosaic ? 0 : frameOrTile;
            if (frameIndex != decodedFrame) {
                if (auto decoded = decoder.decodeFrame(frameIndex, frame); !decoded) {
                    fail(decoded.error().message);
                    return;
                }
                decodedFrame = frameIndex;
            }
            const int columns = series.columns, rows = series.rows;
            if (item.mosaic ? (frame.columns < columns || frame.rows < rows)
                            : (frame.columns != columns || frame.rows != rows)) {
                fail(SeriesLoaderText::tr("%1: %2 x %3 pixels, but the series has %4 x %5")
                         .arg(item.file).arg(frame.columns).arg(frame.rows).arg(columns).arg(rows));
                return;
            }
            // A mosaic tile t sits at (t % grid, t / grid) of the decoded frame.
            const int grid = item.mosaic ? std::max(1, frame.columns / columns) : 1;
            const int tileX = item.mosaic ? (frameOrTile % grid) * columns : 0;
            const int tileY = item.mosaic ? (frameOrTile / grid) * rows : 0;
            if (item.mosaic && (tileY + rows > frame.rows)) {
                fail(SeriesLoaderText::tr("%1: mosaic tile %2 lies outside the image").arg(item.file).arg(frameOrTile + 1));
                return;
            }
            const DicomFrameRef& ref = series.frames[order[slice]];
            const double slope = ref.rescaleSlope, intercept = ref.rescaleIntercept;
            // Integer samples to int16: range checked once per frame (a vectorised min/max), then converted.
            auto writeInt16 = [&](const auto* samples) -> bool {
                using Sample = std::remove_cv_t<std::remove_pointer_t<decltype(samples)>>;
                Sample low = samples[0], high = samples[0];
                const std::size_t count = std::size_t(frame.rows) * frame.columns;
                for (std::size_t i = 0; i < count; ++i) {
                    low = std::min(low, samples[i]);
                    high = std::max(high, samples[i]);
                }
                const int64_t integerSlope = std::llround(slope), integerIntercept = std::llround(intercept);
                const int64_t a = int64_t(low) * integerSlope + integerIntercept;
                const int64_t b = int64_t(high) * integerSlope + integerIntercept;
                if (std::min(a, b) < -32768 || std::max(a, b) > 32767)
                    return false;
                const int32_t s32 = int32_t(integerSlope), i32 = int32_t(integerIntercept);
                int16_t* out = volume.int16Data() + slicePixels * std::size_t(slice);
                for (int y = 0; y < rows; ++y) {
                    const Sample* source = samples + std::size_t(tileY + y) * frame.columns + tileX;
                    int16_t* target = out + std::size_t(y) * columns;
                    for (int x = 0; x < columns; ++x)
                        target[x] = static_cast<int16_t>(int32_t(source[x]) * s32 + i32);
                }
                return true;
            };
            auto writeFloat = [&](const auto* samples) {
                float* out = volume.float32Data() + slicePixels * std::size_t(slice);
                for (int y = 0; y < rows; ++y) {
                    const auto* source = samples + std::size_t(tileY + y) * frame.columns + tileX;
                    float* target = out + std::size_t(y) * columns;
                    for (int x = 0; x < columns; ++x)
                        target[x] = float(double(source[x]) * slope + intercept);
                }
            };
            if (volume.pixelType() == PixelType::Int16) {
                bool fits = false;
                if (frame.raw16)
                    fits = frame.raw16Unsigned ? writeInt16(reinterpret_cast<const uint16_t*>(frame.raw16))
                                               : writeInt16(frame.raw16);
                else if (!frame.stored.empty())
                    fits = writeInt16(frame.stored.data());
                if (!fits) {
                    overflow.store(true); // out of range, or float samples: the caller decodes again as float32
                    return;
                }
            } else if (frame.raw16) {
                if (frame.raw16Unsigned)
                    writeFloat(reinterpret_cast<const uint16_t*>(frame.raw16));
                else
                    writeFloat(frame.raw16);
            } else if (!frame.stored.empty()) {
                writeFloat(frame.stored.data());
            } else {
                writeFloat(frame.values.data());
            }
        }
    });
    outcome.cancelled = !finished;
    outcome.overflow = overflow.load() && outcome.error.isEmpty();
    return outcome;
}

// The bytes a load of `series` into `type` needs at its peak: the volume, and per worker thread one frame's raw
// samples, 32-bit values and output; a multi-frame file is also held whole (16-bit samples assumed) while its
// frames are decoded. An estimate that errs large: a refusal must come before the allocation, not after.
struct MemoryNeed
{
    uint64_t volumeBytes = 0;
    uint64_t decodeBytes = 0;
};

MemoryNeed memoryNeed(const SeriesInfo& series, int sliceCount, PixelType type, bool colour)
{
    const uint64_t slicePixels = uint64_t(series.rows) * uint64_t(series.columns);
    QHash<QString, int> framesOfFile;
    int largestFile = 1;
    for (const DicomFrameRef& f : series.frames)
        largestFile = std::max(largestFile, f.mosaicTile < 0 ? ++framesOfFile[f.file] : (framesOfFile[f.file] = 1));
    const int samples = colour ? 3 : 1;
    const uint64_t threads = uint64_t(std::max(1, std::min(QThread::idealThreadCount(), int(framesOfFile.size()))));
    MemoryNeed need;
    need.volumeBytes = slicePixels * uint64_t(sliceCount) * (type == PixelType::Int16 ? 2u : 4u);
    need.decodeBytes = threads * slicePixels * uint64_t(samples * 2 + samples * 4 + 4);
    if (largestFile > 1)
        need.decodeBytes += threads * slicePixels * uint64_t(largestFile) * uint64_t(samples * 2);
    return need;
}

// Refuses a load that would not fit in memory, naming the series and the sizes.
Expected<void> checkMemory(const QString& name, const SeriesInfo& series, int sliceCount, PixelType type, bool colour,
                           const SeriesLoadOptions& options)
{
    const uint64_t limit = options.memoryLimitBytes > 0 ? options.memoryLimitBytes : physicalMemoryBytes();
    const MemoryNeed need = memoryNeed(series, sliceCount, type, colour);
    if (limit == 0 || need.volumeBytes + need.decodeBytes <= limit)
        return {};
    const QString what = SeriesLoaderText::tr("%1: %2 x %3 x %4 voxels need %5 as %6 plus %7 of decode buffers")
                             .arg(name).arg(series.columns).arg(series.rows).arg(sliceCount)
                             .arg(byteSizeText(need.volumeBytes), pixelTypeName(type), byteSizeText(need.decodeBytes));
    if (options.memoryLimitBytes > 0)
        return Error::failed(SeriesLoaderText::tr("%1, more than the memory limit of %2: not loaded").arg(what, byteSizeText(limit)));
    return Error::failed(SeriesLoaderText::tr("%1, more than this computer's %2 of memory: not loaded").arg(what, byteSizeText(limit)));
}

} // namespace

Expected<LoadedSeries> loadSeries(const SeriesInfo& series, JobControl& control, const SeriesLoadOptions& options)
{
    // Never the UIDs: progress and messages reach logs and the terminal.
    const QString name = series.seriesDescription.isEmpty()
                             ? SeriesLoaderText::tr("series %1 (%2)").arg(series.seriesNumber).arg(series.modality)
                             : SeriesLoaderText::tr("series \"%1\"").arg(series.seriesDescription);
    if (series.frames.isEmpty())
        return Error::failed(SeriesLoaderText::tr("%1: no image frames").arg(name));
    if (series.rows <= 0 || series.columns <= 0)
        return Error::failed(SeriesLoaderText::tr("%1: invalid image size %2 x %3").arg(name).arg(series.columns).arg(series.rows));
    const double voxels = double(series.rows) * series.columns * series.frames.size();
    if (voxels > kMaximumVolumeVoxels)
        return Error::failed(SeriesLoaderText::tr("%1: %2 x %3 x %4 voxels is too large to load")
                                 .arg(name).arg(series.columns).arg(series.rows).arg(series.frames.size()));

    LoadedSeries result;
    result.info = series;
    result.warnings = series.warnings;

    // Sort along the slice normal (never by file name or instance number).
    const auto& o = series.frames.first().orientation;
    const Vector3 rowDirection = normalized({o[0], o[1], o[2]});
    const Vector3 columnDirection = normalized({o[3], o[4], o[5]});
    Vector3 normal = normalized(cross(rowDirection, columnDirection));
    const bool hasPlane = std::all_of(series.frames.begin(), series.frames.end(),
                                      [](const DicomFrameRef& f) { return f.hasImagePlane; });
    QVector<int> order(series.frames.size());
    std::iota(order.begin(), order.end(), 0);
    QVector<double> along(series.frames.size());
    for (int i = 0; i < series.frames.size(); ++i)
        along[i] = hasPlane ? dot(Vector3{series.frames[i].position[0], series.frames[i].position[1],
                                          series.frames[i].position[2]}, normal)
                            : double(series.frames[i].instanceNumber);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (along[a] != along[b])
            return along[a] < along[b];
        return series.frames[a].instanceNumber < series.frames[b].instanceNumber;
    });
    if (!hasPlane && series.frames.size() > 1)
        result.warnings << SeriesLoaderText::tr("no image position/orientation: slices ordered by instance number, geometry unknown");

    result.sourceFrames.reserve(series.frames.size());
    for (int index : order)
        result.sourceFrames.append(series.frames[index]);

    // Slice distances, tilt and gaps.
    const int sliceCount = int(series.frames.size());
    std::vector<Vector3> positions(sliceCount);
    for (int s = 0; s < sliceCount; ++s) {
        const auto& p = series.frames[order[s]].position;
        positions[s] = {p[0], p[1], p[2]};
    }
    double sliceSpacing = series.sliceThickness > 0.0 ? series.sliceThickness : 1.0;
    // Frames without a position are SpacingBetweenSlices apart when the file says so (SliceThickness is how thick
    // a slice is, not how far the next one lies), as the grouping's classic multi-frame positions assume.
    if (!hasPlane && sliceCount > 1 && series.spacingBetweenSlices > 0.0)
        sliceSpacing = series.spacingBetweenSlices;
    GeometryReport& report = result.geometry;
    if (hasPlane && sliceCount > 1) {
        std::vector<double> distances;
        for (int s = 1; s < sliceCount; ++s)
            distances.push_back(along[order[s]] - along[order[s - 1]]);
        const auto [lo, hi] = std::minmax_element(distances.begin(), distances.end());
        report.minimumSpacing = *lo;
        report.maximumSpacing = *hi;
        sliceSpacing = (along[order.last()] - along[order.first()]) / (sliceCount - 1);
        if (*lo <= 1e-4) {
            const auto shared = std::find_if(distances.begin(), distances.end(), [](double d) { return d <= 1e-4; });
            const QString file = series.frames[order[int(shared - distances.begin()) + 1]].file;
            result.warnings << SeriesLoaderText::tr("%1: %n slice(s) share a position with another slice", nullptr,
                                                    int(std::count_if(distances.begin(), distances.end(), [](double d) { return d <= 1e-4; })))
                                   .arg(file);
            sliceSpacing = std::max(sliceSpacing, 1e-3);
        }
        // Uneven when the distances differ by more than positions are rounded to in practice.
        if (*hi - *lo > std::max(0.01, 0.01 * *lo) && *lo > 1e-4) {
            report.unevenSpacing = true;
            int missing = 0;
            for (double d : distances) {
                const double ratio = d / *lo;
                if (std::abs(ratio - std::round(ratio)) < 0.05)
                    missing += int(std::round(ratio)) - 1;
            }
            report.missingSlices = missing;
            result.warnings << SeriesLoaderText::tr("uneven slice spacing: %1 to %2 mm").arg(*lo, 0, 'f', 3).arg(*hi, 0, 'f', 3);
            if (missing > 0)
                result.warnings << SeriesLoaderText::tr("about %n slice(s) missing", nullptr, missing);
        }
        const Vector3 span{positions.back()[0] - positions.front()[0], positions.back()[1] - positions.front()[1],
                           positions.back()[2] - positions.front()[2]};
        const double spanLength = std::sqrt(dot(span, span));
        if (spanLength > 0.0) {
            const double cosine = std::min(1.0, std::abs(dot(span, normal)) / spanLength);
            const double degrees = std::acos(cosine) * 180.0 / M_PI;
            if (degrees > 0.01) {
                report.gantryTilt = true;
                report.tiltDegrees = degrees;
                result.warnings << SeriesLoaderText::tr("gantry tilt of %1 degrees").arg(degrees, 0, 'f', 2);
            }
        }
    } else if (sliceCount == 1 && series.sliceThickness <= 0.0) {
        sliceSpacing = 1.0;
    }

    // int16 when every frame maps integers to integers within range; float32 otherwise.
    bool integralRescale = true;
    for (const DicomFrameRef& f : series.frames)
        integralRescale = integralRescale && isIntegral(f.rescaleSlope) && isIntegral(f.rescaleIntercept);
    const bool colour = series.photometric.startsWith(QLatin1String("RGB")) ||
                        series.photometric.startsWith(QLatin1String("YBR")) ||
                        series.photometric == QLatin1String("PALETTE COLOR");
    if (colour)
        result.warnings << SeriesLoaderText::tr("colour image (%1) shown as its luminance").arg(series.photometric);

    ImageGeometry geometry;
    geometry.setSize({series.columns, series.rows, sliceCount});
    geometry.setSpacing({series.pixelSpacing[1], series.pixelSpacing[0], sliceSpacing});
    geometry.setOrigin(hasPlane ? positions.front() : Vector3{0.0, 0.0, 0.0});
    Matrix3 direction{};
    for (int r = 0; r < 3; ++r) {
        direction[r][0] = rowDirection[r];
        direction[r][1] = columnDirection[r];
        direction[r][2] = normal[r];
    }
    geometry.setDirection(direction);

    // Work per file, so that a multi-frame file is opened once.
    QVector<FileWork> work;
    QHash<QString, int> workOfFile;
    for (int s = 0; s < sliceCount; ++s) {
        const DicomFrameRef& f = series.frames[order[s]];
        auto it = workOfFile.find(f.file);
        if (it == workOfFile.end()) {
            it = workOfFile.insert(f.file, work.size());
            work.append(FileWork{f.file, {}, f.mosaicTile >= 0});
        }
        work[it.value()].frames.append({f.mosaicTile >= 0 ? f.mosaicTile : f.frameIndex, s});
    }

    // Straight to int16 when the rescale is integral; should a value fall outside int16 after all (16-bit
    // unsigned data), decode again as float32 so that no value is ever clipped.
    const PixelType firstType = integralRescale && !colour ? PixelType::Int16 : PixelType::Float32;
    if (auto fits = checkMemory(name, series, sliceCount, firstType, colour, options); !fits)
        return fits.error();
    Volume volume = Volume::uninitialized(geometry, firstType);
    DecodeOutcome outcome = decodeFrames(series, work, order, volume, control, name);
    if (outcome.overflow) {
        result.warnings << SeriesLoaderText::tr("values are not all integers within the int16 range: stored as float32");
        volume = Volume(); // freed before the float32 volume is made: the two never need to fit together
        if (auto fits = checkMemory(name, series, sliceCount, PixelType::Float32, colour, options); !fits)
            return fits.error();
        volume = Volume::uninitialized(geometry, PixelType::Float32);
        outcome = decodeFrames(series, work, order, volume, control, name);
    }
    if (outcome.cancelled)
        return Error::cancelled();
    if (!outcome.error.isEmpty())
        return Error::failed(outcome.error);

    report.regularised = false;
    if (hasPlane && options.regularise && (report.gantryTilt || report.unevenSpacing) && sliceCount > 1) {
        control.reportProgress(0.96, SeriesLoaderText::tr("Regularising slices"));
        auto regular = regularizeSlices(volume, positions, report);
        if (!regular)
            return regular.error();
        auto acquired = std::make_shared<AcquiredSlices>();
        acquired->stack = std::move(volume);
        acquired->positions = positions;
        result.acquired = std::move(acquired);
        volume = std::move(regular.value());
        report.regularised = true;
        result.warnings << SeriesLoaderText::tr("resampled to a regular grid (%1 x %2 x %3, %4 mm slices)")
                               .arg(volume.geometry().size()[0]).arg(volume.geometry().size()[1])
                               .arg(volume.geometry().size()[2]).arg(volume.geometry().spacing()[2], 0, 'f', 3);
    }
    result.volume = std::move(volume);
    control.reportProgress(1.0, SeriesLoaderText::tr("Loaded %1").arg(name));
    return result;
}

} // namespace delineate
