// Domain-randomised image synthesis from label maps (internal to core/ml: includes torch), after SynthSeg (Billot
// et al., Medical Image Analysis 2023): every training sample is a new image drawn from a label map, with a random
// intensity and texture per label, a smooth deformation, a random slice thickness and in-plane resolution
// (simulated by blurring and resampling), a bias field, gamma and noise, so that a network learns shapes, not one
// scanner's contrast. Works slice by slice on volumes sliced along voxel axis 2, like the trainer.
#pragma once

#include "image/LabelMap.h"

#include <torch/torch.h>

#include <QVector>

#include <cstdint>
#include <array>
#include <random>
#include <utility>
#include <vector>

namespace delineate::ml {

struct SynthesisOptions
{
    double minimumThickness = 1.0, maximumThickness = 7.0; // mm: simulated slice thickness (through-plane blur)
    double minimumPixel = 0.4, maximumPixel = 1.5;         // mm: in-plane resolution (coarser than the grid: blur + resampling)
    double maximumTexture = 0.1;     // per-label standard deviation of the intensity, on the 0-1 scale of the means
    double maximumDeformation = 0.03; // smooth in-plane displacement, normalised coordinates (~3 mm on 200 mm)
    double maximumBias = 0.4;        // amplitude of the log bias field
    double maximumNoise = 0.05;      // Gaussian noise on the 0-1 scale
    double gammaSd = 0.25;           // gamma = exp(N(0, gammaSd))
};

// What one synthetic sample drew: fixing one factor and varying another is how the tests check each of them.
struct SynthesisDraw
{
    std::vector<float> means, textures; // per label value
    double thickness = 1.0;             // mm
    double pixel = 1.0;                 // mm
    double deformation = 0.0;
    double bias = 0.0;
    double noise = 0.0;
    double gamma = 1.0;
    uint64_t fieldSeed = 0;             // the random fields (texture, deformation, bias, noise)
};

SynthesisDraw drawSynthesis(int labelCount, std::mt19937_64& random, const SynthesisOptions& options);

// A label map and its training target on the same grid, sliced along axis 2 (rows and columns as the trainer's
// slices), with the runs of slices the synthesis may read: a slab never reaches into slices held back.
struct SynthesisVolume
{
    torch::Tensor labels;   // D x H x W long: synthesis labels
    torch::Tensor classes;  // D x H x W long: target class indices
    double sliceSpacing = 1.0, rowSpacing = 1.0, columnSpacing = 1.0; // mm
    std::vector<std::pair<int64_t, int64_t>> runs; // allowed slices, [first, last] each
    int labelCount = 0;     // largest label value + 1
};

// `labels` and the training `target` on the same grid; `classOf` maps a target value to its class index (values
// that are no class, -1 there, count as class 0: the trainer has refused such targets before); `slices`: the
// allowed slice indices (all when empty).
SynthesisVolume makeSynthesisVolume(const LabelMap& labels, const LabelMap& target, const std::array<int, 256>& classOf,
                                    const QVector<int>& slices);

// Synthesises slice `slice` of the volume: image H x W float (zero mean, unit variance, like the trainer's z-score
// input) and its target classes H x W (deformed with the labels).
std::pair<torch::Tensor, torch::Tensor> synthesizeSlice(const SynthesisVolume& volume, int64_t slice, const SynthesisDraw& draw);

// Replaces a fraction of a batch's patches with synthetic ones: a random volume and allowed slice (with probability
// `foregroundSampling` one holding a minority class, the patch centred on such a pixel), padded to the patch size.
class SynthesisSampler
{
public:
    SynthesisSampler(std::vector<SynthesisVolume> volumes, SynthesisOptions options, double fraction, double foregroundSampling,
                     int majorityClass);
    bool empty() const { return m_volumes.empty(); }
    // images B x 1 x P x P, labels B x P x P: each sample replaced with probability `fraction`.
    void mix(torch::Tensor& images, torch::Tensor& labels, std::mt19937_64& random) const;
    // One synthetic patch (P x P); exposed for the benchmark.
    std::pair<torch::Tensor, torch::Tensor> patch(int64_t patchSize, std::mt19937_64& random) const;

private:
    std::vector<SynthesisVolume> m_volumes;
    SynthesisOptions m_options;
    double m_fraction, m_foregroundSampling;
    std::vector<std::vector<int64_t>> m_slices, m_foregroundSlices; // per volume
    int m_majority;
};

} // namespace delineate::ml
