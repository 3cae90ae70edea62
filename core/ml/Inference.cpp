// Slice-wise inference: normalise, resample to the model's spacing, tile with Gaussian blending, run in batches.
#include "ml/Inference.h"

#include "ml/ModelInternals.h"
#include "ml/SliceAccess.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cmath>
#include <map>

namespace delineate::ml {

namespace {

// Translation context "Inference" (lupdate reads it from the macro).
class InferenceText
{
    Q_DECLARE_TR_FUNCTIONS(Inference)
};

int64_t roundUp(int64_t value, int64_t multiple)
{
    return (value + multiple - 1) / multiple * multiple;
}

// Window origins covering [0, extent) with the given overlap; the last window ends at the edge.
std::vector<int64_t> windowOrigins(int64_t extent, int64_t window, double overlap, int64_t multiple)
{
    if (extent <= window)
        return {0};
    const int64_t stride = std::max<int64_t>(multiple, int64_t(double(window) * (1.0 - overlap)) / multiple * multiple);
    std::vector<int64_t> origins;
    for (int64_t p = 0;; p += stride) {
        if (p + window >= extent) {
            origins.push_back(extent - window);
            break;
        }
        origins.push_back(p);
    }
    return origins;
}

// Weight of each tile pixel: a Gaussian centred on the tile (sigma = edge / 8), so seams between windows,
// where the network sees the least context, count least.
torch::Tensor gaussianWindow(int64_t height, int64_t width)
{
    auto axis = [](int64_t n) {
        auto x = torch::arange(n, torch::kFloat) - float(n - 1) / 2.0f;
        const float sigma = float(n) / 8.0f;
        return torch::exp(-(x * x) / (2.0f * sigma * sigma));
    };
    auto w = torch::outer(axis(height), axis(width));
    return (w / w.max()).clamp_min(1e-3f);
}

struct WorkItem
{
    int64_t slice;
    int64_t y;
    int64_t x;
    int flip; // bit 0: columns, bit 1: rows
};

torch::Tensor applyFlip(const torch::Tensor& t, int flip)
{
    if (flip == 0)
        return t;
    std::vector<int64_t> dims;
    if (flip & 1)
        dims.push_back(t.dim() - 1);
    if (flip & 2)
        dims.push_back(t.dim() - 2);
    return torch::flip(t, dims);
}

} // namespace

Expected<SegmentationResult> segmentVolume(const Volume& volume, const SegmentationModel& model,
                                           const InferenceOptions& options, JobControl& control)
{
    if (!model.isValid())
        return Error::failed(InferenceText::tr("no model loaded"));
    if (volume.isEmpty())
        return Error::failed(InferenceText::tr("the image is empty"));
    const ModelHeader& header = model.header();
    const int axis = options.sliceAxis >= 0 ? options.sliceAxis : header.sliceAxisFor(volume.geometry());
    if (axis > 2)
        return Error::failed(InferenceText::tr("slice axis %1 is not 0, 1 or 2").arg(axis));
    if (header.architecture.inputChannels != 1)
        return Error::failed(InferenceText::tr("model '%1' expects %2 input channels; only single-channel images are supported")
                                 .arg(header.name)
                                 .arg(header.architecture.inputChannels));
    const bool cudaAvailable = torch::cuda::is_available();
    if (options.device == QLatin1String("cuda") && !cudaAvailable)
        return Error::failed(InferenceText::tr("CUDA was requested but this LibTorch build has no usable CUDA device"));
    const torch::Device device = (options.device != QLatin1String("cpu") && cudaAvailable) ? torch::kCUDA : torch::kCPU;
    // LibTorch starts with one intra-op thread; the caller decides how many cores inference may take.
    prepareTorchRuntime(options.threads);
    const bool bfloat16 = resolveComputePrecision(options.precision, device.is_cuda(), header.architecture,
                                                  model.isTorchScript()) == ComputePrecision::BFloat16;

    QElapsedTimer timer;
    timer.start();
    const SliceLayout layout(volume.geometry(), axis);
    const auto& spacing = volume.geometry().spacing();
    const double columnSpacing = spacing[std::size_t(layout.columnAxis)];
    const double rowSpacing = spacing[std::size_t(layout.rowAxis)];
    int64_t width = layout.width, height = layout.height;
    bool resample = false;
    if (header.spacing[0] > 0.0 && header.spacing[1] > 0.0 && columnSpacing > 0.0 && rowSpacing > 0.0 &&
        (std::abs(columnSpacing / header.spacing[0] - 1.0) > 0.01 || std::abs(rowSpacing / header.spacing[1] - 1.0) > 0.01)) {
        width = std::max<int64_t>(1, std::llround(double(layout.width) * columnSpacing / header.spacing[0]));
        height = std::max<int64_t>(1, std::llround(double(layout.height) * rowSpacing / header.spacing[1]));
        resample = true;
    }
    const int64_t multiple = header.architecture.sizeMultiple();
    const int64_t tile = roundUp(std::max<int64_t>(multiple, options.tileSize > 0 ? options.tileSize : header.tileSize), multiple);
    const int64_t paddedHeight = roundUp(height, multiple), paddedWidth = roundUp(width, multiple);
    const int64_t tileHeight = std::min(tile, paddedHeight), tileWidth = std::min(tile, paddedWidth);
    const double overlap = std::clamp(options.overlap, 0.0, 0.9);
    const auto rowOrigins = windowOrigins(paddedHeight, tileHeight, overlap, multiple);
    const auto columnOrigins = windowOrigins(paddedWidth, tileWidth, overlap, multiple);
    const bool tiled = rowOrigins.size() * columnOrigins.size() > 1;
    const int variants = options.flipAugmentation ? 4 : 1;
    const int64_t itemsPerSlice = int64_t(rowOrigins.size() * columnOrigins.size()) * variants;
    const bool sigmoid = header.architecture.activation == OutputActivation::Sigmoid;
    const int64_t channels = header.architecture.outputChannels;
    // Measured on 2 cores: one 512 x 512 slice per pass beats four (activations of a 4-slice batch overflow the
    // caches), so the automatic batch holds about 512 x 512 pixels.
    const int batchSize = options.batchSize > 0 ? options.batchSize
                                                : int(std::clamp<int64_t>(512 * 512 / (tileHeight * tileWidth), 1, 16));

    SegmentationResult result;
    result.probabilities = Volume(volume.geometry(), PixelType::Float32);
    result.labels = LabelMap(volume.geometry());
    result.slices = int(layout.count);
    result.device = device.is_cuda() ? QStringLiteral("cuda") : QStringLiteral("cpu");
    result.precision = bfloat16 ? ComputePrecision::BFloat16 : ComputePrecision::Float32;

    try {
        auto& network = model.internals();
        network.prepareForInference(device);
        c10::InferenceMode inferenceMode;

        const torch::Tensor window = tiled ? gaussianWindow(tileHeight, tileWidth) : torch::ones({tileHeight, tileWidth});
        torch::Tensor weightSum = torch::zeros({paddedHeight, paddedWidth});
        for (int64_t y : rowOrigins)
            for (int64_t x : columnOrigins)
                weightSum.narrow(0, y, tileHeight).narrow(1, x, tileWidth).add_(window * double(variants));
        const torch::Tensor windowOnDevice = window.to(device);

        // Buffers reused for every batch and slice.
        torch::Tensor batch = torch::empty({batchSize, 1, tileHeight, tileWidth}).contiguous(torch::MemoryFormat::ChannelsLast);
        std::vector<float> raw(std::size_t(layout.width * layout.height));
        std::vector<float> probabilityPlane(raw.size());
        std::vector<uint8_t> labelPlane(raw.size());
        IntensityMapping mapping = IntensityMapping::forVolume(volume, header.normalization);
        if (header.normalization.kind == IntensityNormalization::Kind::ZScore && options.zScoreSd > 0.0) {
            // A part cut out of a larger volume is normalised like the whole volume.
            mapping.scale = 1.0 / options.zScoreSd;
            mapping.offset = -options.zScoreMean / options.zScoreSd;
        }

        std::vector<WorkItem> items;
        items.reserve(std::size_t(layout.count * itemsPerSlice));
        for (int64_t s = 0; s < layout.count; ++s)
            for (int64_t y : rowOrigins)
                for (int64_t x : columnOrigins)
                    for (int f = 0; f < variants; ++f)
                        items.push_back({s, y, x, f});

        int64_t planeSlice = -1;
        torch::Tensor plane; // padded, normalised input of the slice being tiled: 1 x 1 x paddedHeight x paddedWidth
        std::map<int64_t, std::pair<torch::Tensor, int64_t>> accumulators; // slice -> (sum, items done)
        std::vector<torch::Tensor> freeAccumulators;

        auto loadPlane = [&](int64_t slice) {
            readSlice(volume, layout, slice, mapping, raw.data());
            auto image = torch::from_blob(raw.data(), {1, 1, layout.height, layout.width});
            if (resample)
                image = torch::nn::functional::interpolate(
                    image, torch::nn::functional::InterpolateFuncOptions()
                               .size(std::vector<int64_t>{height, width})
                               .mode(torch::kBilinear)
                               .align_corners(false));
            // Replicate the border into the padding so the network sees no artificial edge.
            plane = torch::replication_pad2d(image, {0, paddedWidth - width, 0, paddedHeight - height});
            planeSlice = slice;
        };

        auto finishSlice = [&](int64_t slice, torch::Tensor& sum) {
            auto probabilities = (sum / weightSum.to(sum.device()).unsqueeze(0)).narrow(1, 0, height).narrow(2, 0, width);
            if (resample)
                probabilities = torch::nn::functional::interpolate(
                                    probabilities.unsqueeze(0), torch::nn::functional::InterpolateFuncOptions()
                                                                    .size(std::vector<int64_t>{layout.height, layout.width})
                                                                    .mode(torch::kBilinear)
                                                                    .align_corners(false))
                                    .squeeze(0);
            probabilities = probabilities.to(torch::kCPU).contiguous();
            torch::Tensor foreground, classIndex;
            if (sigmoid) {
                foreground = probabilities[0].contiguous();
            } else {
                foreground = (1.0f - probabilities[0]).contiguous();
                classIndex = probabilities.argmax(0).to(torch::kUInt8).contiguous();
            }
            const float* p = foreground.data_ptr<float>();
            std::copy(p, p + probabilityPlane.size(), probabilityPlane.begin());
            if (sigmoid) {
                const uint8_t background = uint8_t(header.classValue(0)), object = uint8_t(header.classValue(1));
                for (std::size_t i = 0; i < labelPlane.size(); ++i)
                    labelPlane[i] = probabilityPlane[i] >= options.threshold ? object : background;
            } else {
                const uint8_t* c = classIndex.data_ptr<uint8_t>();
                for (std::size_t i = 0; i < labelPlane.size(); ++i)
                    labelPlane[i] = uint8_t(header.classValue(c[i]));
            }
            writeSlice(result.probabilities, layout, slice, probabilityPlane.data());
            writeLabelSlice(result.labels, layout, slice, labelPlane.data());
        };

        const std::size_t total = items.size();
        for (std::size_t first = 0; first < total; first += std::size_t(batchSize)) {
            control.waitWhilePaused();
            if (control.isCancelled())
                return Error::cancelled();
            const std::size_t count = std::min<std::size_t>(std::size_t(batchSize), total - first);
            for (std::size_t b = 0; b < count; ++b) {
                const WorkItem& item = items[first + b];
                if (item.slice != planeSlice)
                    loadPlane(item.slice);
                auto patch = plane[0].narrow(1, item.y, tileHeight).narrow(2, item.x, tileWidth);
                batch[int64_t(b)].copy_(applyFlip(patch, item.flip));
            }
            auto input = batch.narrow(0, 0, int64_t(count)).to(device);
            const auto logits = forwardInFloat32Out(bfloat16, [&] { return network.forward(input); });
            auto probabilities = sigmoid ? torch::sigmoid(logits) : torch::softmax(logits, 1);
            for (std::size_t b = 0; b < count; ++b) {
                const WorkItem& item = items[first + b];
                auto found = accumulators.find(item.slice);
                if (found == accumulators.end()) {
                    torch::Tensor sum;
                    if (!freeAccumulators.empty()) {
                        sum = freeAccumulators.back();
                        freeAccumulators.pop_back();
                        sum.zero_();
                    } else {
                        sum = torch::zeros({channels, paddedHeight, paddedWidth}, torch::TensorOptions().device(device));
                    }
                    found = accumulators.emplace(item.slice, std::make_pair(sum, int64_t(0))).first;
                }
                auto restored = applyFlip(probabilities[int64_t(b)], item.flip);
                found->second.first.narrow(1, item.y, tileHeight).narrow(2, item.x, tileWidth).add_(restored * windowOnDevice);
                if (++found->second.second == itemsPerSlice) {
                    finishSlice(item.slice, found->second.first);
                    freeAccumulators.push_back(found->second.first);
                    accumulators.erase(found);
                }
            }
            const std::size_t done = first + count;
            const double elapsed = double(timer.elapsed()) / 1000.0;
            const double remaining = elapsed / double(done) * double(total - done);
            control.reportProgress(double(done) / double(total),
                                   InferenceText::tr("Segmenting slice %1 of %2, about %3 s left")
                                       .arg(items[done - 1].slice + 1)
                                       .arg(layout.count)
                                       .arg(int(std::ceil(remaining))));
        }
    } catch (const std::exception& e) {
        return Error::failed(InferenceText::tr("model '%1' failed on this image: %2").arg(header.name, describeTorchError(e)));
    }
    result.seconds = double(timer.elapsed()) / 1000.0;
    return result;
}

} // namespace delineate::ml
