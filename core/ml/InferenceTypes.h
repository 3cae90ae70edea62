// What inference is asked to do and what it returns (no torch): shared by the engine and its callers.
#pragma once

#include "image/LabelMap.h"
#include "image/Volume.h"
#include "ml/ComputeRuntime.h"
#include "ml/ModelHeader.h"

#include <QString>

namespace delineate::ml {

struct InferenceOptions
{
    int sliceAxis = -1;        // voxel axis normal to the slices; -1 = the model's (2 = axial for most volumes)
    double threshold = 0.5;    // binary models: label = class 1 where probability >= threshold
    int threads = 0;           // intra-op threads; 0 = all cores (the app passes cores - 1)
    int batchSize = 0;         // slices (or tiles) per forward pass; 0 = about 512 x 512 pixels per batch (cache-friendly)
    int tileSize = 0;          // sliding-window edge; 0 = the model's tile size
    double overlap = 0.25;     // fraction of the tile shared by neighbouring windows
    QString device = QStringLiteral("auto"); // "auto" (CUDA when available), "cpu" or "cuda"
    bool flipAugmentation = false; // average over the 4 flips of each slice (4x the time)
    // Z-score normalisation statistics to use instead of the input's own (a slice or a box cut out of a larger
    // volume is normalised like the whole volume): mean and standard deviation; unused when sd <= 0.
    double zScoreMean = 0.0;
    double zScoreSd = 0.0;
    // Auto: bfloat16 convolutions where the CPU has them natively (about twice as fast; probabilities within
    // about 1e-2 of float32), float32 elsewhere.
    ComputePrecision precision = ComputePrecision::Auto;
};

struct SegmentationResult
{
    // Probability of the foreground on the input geometry: for a binary model p(class 1); for a softmax model
    // 1 - p(class 0).
    Volume probabilities;
    LabelMap labels;           // label values of the model's classes
    double seconds = 0.0;
    int slices = 0;
    QString device;
    ComputePrecision precision = ComputePrecision::Float32; // what actually ran
};

// Re-thresholds a binary model's probabilities without running the network.
LabelMap thresholdProbabilities(const Volume& probabilities, const ModelHeader& header, double threshold);

} // namespace delineate::ml
