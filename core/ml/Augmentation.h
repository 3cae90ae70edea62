// Random training-time transforms of image/label patches (internal to core/ml: includes torch).
#pragma once

#include <torch/torch.h>

#include <random>

namespace delineate::ml {

struct AugmentationOptions
{
    // Mirroring (exact for labels): none, left-right only, or all 8 symmetries of the square (flips and
    // 90-degree rotations). Vertical flips and rotations forbid the network any label convention that is not
    // mirror-symmetric (the EM labels sit about half a pixel above the dark membranes; tst_Training measures it),
    // and left-right flips confuse laterality in medical volumes; the trainer picks per data (TrainingOptions::mirroring).
    enum class Mirroring { None, Horizontal, All };
    Mirroring mirroring = Mirroring::None;
    double affineProbability = 0.5;    // small rotation and scaling
    double maxRotationDegrees = 15.0;
    double maxScaleChange = 0.1;
    double elasticProbability = 0.5;   // smooth random displacement field
    double elasticMagnitude = 0.03;    // displacement in normalised coordinates (~4 px on a 256 patch)
    double intensityScale = 0.1;       // image * U(1 - s, 1 + s)
    double intensityShift = 0.1;       // + U(-s, s)
};

// images: B x 1 x P x P float, labels: B x P x P long (class indices); both replaced by transformed copies.
// Labels are resampled with nearest neighbour so they stay valid class indices.
void augmentBatch(torch::Tensor& images, torch::Tensor& labels, std::mt19937_64& random,
                  const AugmentationOptions& options = {});

} // namespace delineate::ml
