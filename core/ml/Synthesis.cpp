// Image synthesis from label maps: per-label intensities, deformation, slice thickness, resolution, bias, gamma,
// noise. Every random number comes from the caller's generator (directly, or through the seed of the fields), so a
// sample is reproducible from the generator's state, which the trainer's checkpoints keep.
#include "ml/Synthesis.h"

#include "ml/SliceAccess.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>

namespace delineate::ml {

namespace {

namespace F = torch::nn::functional;

constexpr double kFwhmToSigma = 1.0 / 2.354820045;

// 1D Gaussian weights for offsets -radius..radius (sigma in samples), normalised to sum 1.
torch::Tensor gaussianWeights(double sigma, int64_t radius)
{
    auto offsets = torch::arange(-radius, radius + 1, torch::kFloat);
    auto weights = sigma > 0.0 ? torch::exp(-offsets * offsets / float(2.0 * sigma * sigma)) : (offsets == 0).to(torch::kFloat);
    return weights / weights.sum();
}

// Separable Gaussian blur of an H x W image with per-axis sigmas in pixels (replicated border).
torch::Tensor blur2d(const torch::Tensor& image, double sigmaRows, double sigmaColumns)
{
    auto x = image.unsqueeze(0).unsqueeze(0);
    if (sigmaRows > 0.2) {
        const int64_t r = int64_t(std::ceil(3.0 * sigmaRows));
        x = F::conv2d(F::pad(x, F::PadFuncOptions({0, 0, r, r}).mode(torch::kReplicate)), gaussianWeights(sigmaRows, r).view({1, 1, -1, 1}));
    }
    if (sigmaColumns > 0.2) {
        const int64_t r = int64_t(std::ceil(3.0 * sigmaColumns));
        x = F::conv2d(F::pad(x, F::PadFuncOptions({r, r, 0, 0}).mode(torch::kReplicate)), gaussianWeights(sigmaColumns, r).view({1, 1, 1, -1}));
    }
    return x[0][0];
}

// A smooth random field: coarse Gaussian noise upsampled bicubically to H x W.
torch::Tensor smoothField(int64_t channels, int64_t coarse, int64_t height, int64_t width, at::Generator& generator)
{
    auto noise = torch::randn({1, channels, coarse, coarse}, generator);
    return F::interpolate(noise, F::InterpolateFuncOptions()
                                     .size(std::vector<int64_t>{height, width})
                                     .mode(torch::kBicubic)
                                     .align_corners(true))[0];
}

double uniform(std::mt19937_64& random, double low, double high)
{
    return std::uniform_real_distribution<double>(low, high)(random);
}

} // namespace

SynthesisDraw drawSynthesis(int labelCount, std::mt19937_64& random, const SynthesisOptions& options)
{
    SynthesisDraw draw;
    draw.means.resize(std::size_t(labelCount));
    draw.textures.resize(std::size_t(labelCount));
    for (int i = 0; i < labelCount; ++i) {
        draw.means[std::size_t(i)] = float(uniform(random, 0.0, 1.0));
        draw.textures[std::size_t(i)] = float(uniform(random, 0.0, options.maximumTexture));
    }
    draw.thickness = uniform(random, options.minimumThickness, options.maximumThickness);
    draw.pixel = uniform(random, options.minimumPixel, options.maximumPixel);
    draw.deformation = uniform(random, 0.0, options.maximumDeformation);
    draw.bias = uniform(random, 0.0, options.maximumBias);
    draw.noise = uniform(random, 0.0, options.maximumNoise);
    draw.gamma = std::exp(std::normal_distribution<double>(0.0, options.gammaSd)(random));
    draw.fieldSeed = random();
    return draw;
}

namespace {

// A label map as D x H x W long, sliced along axis 2 the way the trainer reads its slices.
torch::Tensor sliceStack(const LabelMap& map)
{
    const SliceLayout layout(map.geometry(), 2);
    std::vector<uint8_t> values(std::size_t(layout.count * layout.height * layout.width));
    for (int64_t k = 0; k < layout.count; ++k)
        readLabelSlice(map, layout, k, values.data() + k * layout.height * layout.width);
    return torch::from_blob(values.data(), {layout.count, layout.height, layout.width}, torch::kUInt8).to(torch::kLong);
}

} // namespace

SynthesisVolume makeSynthesisVolume(const LabelMap& labels, const LabelMap& target, const std::array<int, 256>& classOf,
                                    const QVector<int>& slices)
{
    SynthesisVolume volume;
    const SliceLayout layout(labels.geometry(), 2);
    volume.labels = sliceStack(labels);
    std::array<int64_t, 256> lookup;
    for (std::size_t v = 0; v < lookup.size(); ++v)
        lookup[v] = std::max(classOf[v], 0);
    volume.classes = torch::from_blob(lookup.data(), {256}, torch::kLong).index_select(0, sliceStack(target).flatten())
                         .view(volume.labels.sizes());
    const auto& spacing = labels.geometry().spacing();
    volume.sliceSpacing = spacing[2];
    volume.rowSpacing = spacing[std::size_t(layout.rowAxis)];
    volume.columnSpacing = spacing[std::size_t(layout.columnAxis)];
    volume.labelCount = int(volume.labels.max().item<int64_t>()) + 1;
    std::vector<bool> allowed(std::size_t(layout.count), slices.isEmpty());
    for (int s : slices)
        if (s >= 0 && s < layout.count)
            allowed[std::size_t(s)] = true;
    for (int64_t k = 0; k < layout.count; ++k) {
        if (!allowed[std::size_t(k)])
            continue;
        if (!volume.runs.empty() && volume.runs.back().second == k - 1)
            volume.runs.back().second = k;
        else
            volume.runs.push_back({k, k});
    }
    return volume;
}

std::pair<torch::Tensor, torch::Tensor> synthesizeSlice(const SynthesisVolume& volume, int64_t slice, const SynthesisDraw& draw)
{
    torch::NoGradGuard noGrad;
    auto generator = at::make_generator<at::CPUGeneratorImpl>(draw.fieldSeed);
    const int64_t height = volume.labels.size(1), width = volume.labels.size(2);

    // The slab of slices the simulated slice thickness reaches, clamped to the allowed run holding `slice`.
    int64_t first = slice, last = slice;
    for (const auto& run : volume.runs)
        if (slice >= run.first && slice <= run.second) {
            first = run.first;
            last = run.second;
        }
    const double sigmaSlices = draw.thickness * kFwhmToSigma / volume.sliceSpacing;
    const int64_t radius = sigmaSlices > 0.2 ? int64_t(std::ceil(3.0 * sigmaSlices)) : 0;
    auto indices = torch::clamp(torch::arange(slice - radius, slice + radius + 1, torch::kLong), first, last);
    auto slab = volume.labels.index_select(0, indices);
    auto target = volume.classes[slice];

    // Smooth in-plane deformation of labels and target together (nearest neighbour keeps them labels).
    if (draw.deformation > 0.0) {
        auto identity = F::affine_grid(torch::tensor({1.0f, 0.0f, 0.0f, 0.0f, 1.0f, 0.0f}).view({1, 2, 3}), {1, 1, height, width},
                                       /*align_corners=*/false);
        auto grid = identity + (smoothField(2, 5, height, width, generator) * draw.deformation).permute({1, 2, 0}).unsqueeze(0);
        const auto nearest = F::GridSampleFuncOptions().mode(torch::kNearest).padding_mode(torch::kBorder).align_corners(false);
        slab = F::grid_sample(slab.unsqueeze(0).to(torch::kFloat), grid, nearest)[0].round().to(torch::kLong);
        target = F::grid_sample(target.view({1, 1, height, width}).to(torch::kFloat), grid, nearest)[0][0].round().to(torch::kLong);
    }

    // A random intensity and texture per label, then the slice thickness as a Gaussian profile across the slab.
    auto means = torch::from_blob(const_cast<float*>(draw.means.data()), {int64_t(draw.means.size())}, torch::kFloat);
    auto textures = torch::from_blob(const_cast<float*>(draw.textures.data()), {int64_t(draw.textures.size())}, torch::kFloat);
    const auto flat = slab.flatten().clamp(0, int64_t(draw.means.size()) - 1);
    auto values = (means.index_select(0, flat) + textures.index_select(0, flat) * torch::randn({flat.numel()}, generator)).view(slab.sizes());
    auto image = (values * gaussianWeights(sigmaSlices, radius).view({-1, 1, 1})).sum(0);

    // In-plane resolution coarser than the grid: blur (Gaussian of the pixel's FWHM), sample down, then back up.
    const double factorRows = draw.pixel / volume.rowSpacing, factorColumns = draw.pixel / volume.columnSpacing;
    if (factorRows > 1.05 || factorColumns > 1.05) {
        image = blur2d(image, factorRows > 1.0 ? factorRows * kFwhmToSigma : 0.0, factorColumns > 1.0 ? factorColumns * kFwhmToSigma : 0.0);
        const int64_t coarseHeight = std::max<int64_t>(2, std::llround(double(height) / std::max(1.0, factorRows)));
        const int64_t coarseWidth = std::max<int64_t>(2, std::llround(double(width) / std::max(1.0, factorColumns)));
        const auto bilinear = [](int64_t h, int64_t w) {
            return F::InterpolateFuncOptions().size(std::vector<int64_t>{h, w}).mode(torch::kBilinear).align_corners(false);
        };
        auto x = F::interpolate(image.view({1, 1, height, width}), bilinear(coarseHeight, coarseWidth));
        image = F::interpolate(x, bilinear(height, width))[0][0];
    }

    // Bias field, gamma on the 0-1 range, noise; then zero mean and unit variance.
    if (draw.bias > 0.0)
        image = image * torch::exp(smoothField(1, 4, height, width, generator)[0] * draw.bias);
    const auto low = image.min(), high = image.max();
    image = ((image - low) / torch::clamp_min(high - low, 1e-6)).pow(draw.gamma);
    if (draw.noise > 0.0)
        image = image + torch::randn({height, width}, generator) * draw.noise;
    image = (image - image.mean()) / torch::clamp_min(image.std(), 1e-6);
    return {image.contiguous(), target.contiguous()};
}

SynthesisSampler::SynthesisSampler(std::vector<SynthesisVolume> volumes, SynthesisOptions options, double fraction,
                                   double foregroundSampling, int majorityClass)
    : m_volumes(std::move(volumes)), m_options(options), m_fraction(fraction), m_foregroundSampling(foregroundSampling),
      m_majority(majorityClass)
{
    for (const SynthesisVolume& volume : m_volumes) {
        std::vector<int64_t> slices, foreground;
        auto hasMinority = (volume.classes != m_majority).flatten(1).any(1);
        for (const auto& [first, last] : volume.runs)
            for (int64_t k = first; k <= last; ++k) {
                slices.push_back(k);
                if (hasMinority[k].item<bool>())
                    foreground.push_back(k);
            }
        m_slices.push_back(std::move(slices));
        m_foregroundSlices.push_back(std::move(foreground));
    }
}

std::pair<torch::Tensor, torch::Tensor> SynthesisSampler::patch(int64_t patchSize, std::mt19937_64& random) const
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const std::size_t v = random() % m_volumes.size();
    const SynthesisVolume& volume = m_volumes[v];
    const bool centred = !m_foregroundSlices[v].empty() && unit(random) < m_foregroundSampling;
    const auto& candidates = centred ? m_foregroundSlices[v] : m_slices[v];
    const int64_t slice = candidates[random() % candidates.size()];
    const SynthesisDraw draw = drawSynthesis(volume.labelCount, random, m_options);
    auto [image, classes] = synthesizeSlice(volume, slice, draw);

    // Pad to the patch (replicated image border, class 0), then cut the patch out.
    const int64_t height = std::max(image.size(0), patchSize), width = std::max(image.size(1), patchSize);
    image = F::pad(image.view({1, 1, image.size(0), image.size(1)}),
                   F::PadFuncOptions({0, width - image.size(1), 0, height - image.size(0)}).mode(torch::kReplicate))[0][0];
    classes = torch::constant_pad_nd(classes, {0, width - classes.size(1), 0, height - classes.size(0)}, 0);
    int64_t y0 = int64_t(random() % uint64_t(height - patchSize + 1));
    int64_t x0 = int64_t(random() % uint64_t(width - patchSize + 1));
    if (centred) {
        auto positions = torch::nonzero((classes != m_majority).flatten()).flatten();
        if (positions.numel() > 0) {
            const int64_t position = positions[int64_t(random() % uint64_t(positions.numel()))].item<int64_t>();
            y0 = std::clamp<int64_t>(position / width - patchSize / 2, 0, height - patchSize);
            x0 = std::clamp<int64_t>(position % width - patchSize / 2, 0, width - patchSize);
        }
    }
    using torch::indexing::Slice;
    return {image.index({Slice(y0, y0 + patchSize), Slice(x0, x0 + patchSize)}).contiguous(),
            classes.index({Slice(y0, y0 + patchSize), Slice(x0, x0 + patchSize)}).contiguous()};
}

void SynthesisSampler::mix(torch::Tensor& images, torch::Tensor& labels, std::mt19937_64& random) const
{
    if (m_volumes.empty() || m_fraction <= 0.0)
        return;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int64_t patchSize = images.size(2);
    for (int64_t b = 0; b < images.size(0); ++b) {
        if (unit(random) >= m_fraction)
            continue;
        auto [image, classes] = patch(patchSize, random);
        images[b][0].copy_(image);
        labels[b].copy_(classes);
    }
}

} // namespace delineate::ml
