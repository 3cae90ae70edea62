// Thresholding kept probabilities (no torch).
#include "ml/InferenceTypes.h"

namespace delineate::ml {

LabelMap thresholdProbabilities(const Volume& probabilities, const ModelHeader& header, double threshold)
{
    LabelMap labels(probabilities.geometry());
    const float* p = probabilities.float32Data();
    const uint8_t background = uint8_t(header.classValue(0)), foreground = uint8_t(header.classValue(1));
    for (std::size_t i = 0; i < labels.voxelCount(); ++i)
        labels.data()[i] = p[i] >= threshold ? foreground : background;
    return labels;
}

} // namespace delineate::ml
