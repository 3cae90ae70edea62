// Flips, 90-degree rotations, affine + elastic warps through one sampling grid, and intensity jitter.
#include "ml/Augmentation.h"

#include <cmath>

namespace delineate::ml {

void augmentBatch(torch::Tensor& images, torch::Tensor& labels, std::mt19937_64& random, const AugmentationOptions& options)
{
    namespace F = torch::nn::functional;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int64_t batch = images.size(0), height = images.size(2), width = images.size(3);

    if (options.mirroring == AugmentationOptions::Mirroring::Horizontal) {
        std::vector<torch::Tensor> imageList, labelList;
        for (int64_t b = 0; b < batch; ++b) {
            const bool flip = random() % 2;
            imageList.push_back(flip ? torch::flip(images[b], {2}) : images[b]);
            labelList.push_back(flip ? torch::flip(labels[b], {1}) : labels[b]);
        }
        images = torch::stack(imageList);
        labels = torch::stack(labelList);
    } else if (options.mirroring == AugmentationOptions::Mirroring::All && height == width) {
        std::vector<torch::Tensor> imageList, labelList;
        for (int64_t b = 0; b < batch; ++b) {
            auto image = images[b];
            auto label = labels[b];
            const int turns = int(random() % 4);
            if (turns) {
                image = torch::rot90(image, turns, {1, 2});
                label = torch::rot90(label, turns, {0, 1});
            }
            if (random() % 2) {
                image = torch::flip(image, {2});
                label = torch::flip(label, {1});
            }
            imageList.push_back(image);
            labelList.push_back(label);
        }
        images = torch::stack(imageList);
        labels = torch::stack(labelList);
    }

    // One sampling grid per sample: identity, optionally rotated/scaled, plus an optional smooth displacement.
    auto theta = torch::zeros({batch, 2, 3});
    auto displacementScale = torch::zeros({batch, 1, 1, 1});
    bool warped = false;
    for (int64_t b = 0; b < batch; ++b) {
        double angle = 0.0, scale = 1.0;
        if (unit(random) < options.affineProbability) {
            angle = (unit(random) * 2.0 - 1.0) * options.maxRotationDegrees * M_PI / 180.0;
            scale = 1.0 + (unit(random) * 2.0 - 1.0) * options.maxScaleChange;
            warped = true;
        }
        theta[b][0][0] = scale * std::cos(angle);
        theta[b][0][1] = -scale * std::sin(angle);
        theta[b][1][0] = scale * std::sin(angle);
        theta[b][1][1] = scale * std::cos(angle);
        if (unit(random) < options.elasticProbability) {
            displacementScale[b] = options.elasticMagnitude;
            warped = true;
        }
    }
    if (warped) {
        auto grid = F::affine_grid(theta, {batch, 1, height, width}, /*align_corners=*/false);
        // Coarse Gaussian noise upsampled smoothly: a displacement field that bends membranes without tearing.
        auto coarse = torch::randn({batch, 2, 6, 6}) * displacementScale;
        auto field = F::interpolate(coarse, F::InterpolateFuncOptions()
                                                .size(std::vector<int64_t>{height, width})
                                                .mode(torch::kBicubic)
                                                .align_corners(true));
        grid = grid + field.permute({0, 2, 3, 1});
        images = F::grid_sample(images, grid,
                                F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kReflection).align_corners(false));
        labels = F::grid_sample(labels.unsqueeze(1).to(torch::kFloat), grid,
                                F::GridSampleFuncOptions().mode(torch::kNearest).padding_mode(torch::kReflection).align_corners(false))
                     .squeeze(1)
                     .round()
                     .to(torch::kLong);
    }

    if (options.intensityScale > 0.0 || options.intensityShift > 0.0) {
        auto scale = 1.0 + (torch::rand({batch, 1, 1, 1}) * 2.0 - 1.0) * options.intensityScale;
        auto shift = (torch::rand({batch, 1, 1, 1}) * 2.0 - 1.0) * options.intensityShift;
        images = images * scale + shift;
    }
}

} // namespace delineate::ml
