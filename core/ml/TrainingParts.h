// The parts of a training run, each readable and testable on its own (internal to core/ml: includes torch):
// the slices in memory, the patch sampler, the loss, the weight average, validation, and the checkpoint that
// carries all of their state. Trainer.cpp puts them together into the loop.
#pragma once

#include "common/Expected.h"
#include "ml/ModelHeader.h"
#include "ml/OverlapMetrics.h"
#include "ml/TrainingData.h"
#include "ml/TrainingTypes.h"
#include "ml/UNet.h"

#include <torch/torch.h>

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <array>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace delineate::ml::training {

struct TrainingSlice
{
    torch::Tensor image;            // 1 x H x W float, padded to at least the patch size
    torch::Tensor classes;          // H x W long class indices
    std::vector<int32_t> foreground; // flat positions of minority-class pixels (filled by PatchSampler)
    int64_t height = 0, width = 0;  // unpadded size (validation crops the prediction back to it)
};

// Slices of every pair along axis 2, with labels mapped to class indices (`classOf`; -1 = not a class: an error)
// and padded to `minimumEdge` and to multiples of `multiple` (replicated image border, class 0 in the padding).
// `slices` selects slice indices of each pair (all when empty).
Expected<std::vector<TrainingSlice>> makeSlices(const QVector<TrainingPair>& pairs, const ModelHeader& header,
                                                const std::array<int, 256>& classOf, int64_t minimumEdge,
                                                int64_t multiple, const QVector<int>& slices = {});

// Draws training patches: a fraction `foregroundSampling` of them centred on a pixel of a minority class (all but
// the most frequent), the rest anywhere. Its random generator also drives the augmentation, and its state is
// part of a checkpoint.
class PatchSampler
{
public:
    PatchSampler(std::vector<TrainingSlice>& slices, int classCount, int64_t patch, double foregroundSampling,
                 uint64_t seed);

    // images B x 1 x P x P, labels B x P x P.
    std::pair<torch::Tensor, torch::Tensor> next(int batchSize);
    std::mt19937_64& random() { return m_random; }
    int majorityClass() const { return m_majority; }

    std::string state() const;
    bool setState(const std::string& state);

private:
    std::vector<TrainingSlice>& m_slices;
    std::vector<std::size_t> m_slicesWithForeground;
    int m_majority = 0;
    int64_t m_patch;
    double m_foregroundSampling;
    std::mt19937_64 m_random;
};

// Binary cross-entropy (sigmoid) or cross-entropy (softmax), plus soft Dice with DiceAndCrossEntropy.
torch::Tensor trainingLoss(const torch::Tensor& logits, const torch::Tensor& classes, bool sigmoid, LossKind kind);

// What decides a network's output: its parameters, then its buffers (batch-norm statistics).
std::vector<torch::Tensor> stateOf(UNet& network);
std::vector<torch::Tensor> cloned(const std::vector<torch::Tensor>& tensors);
// Copies `values` into `targets` (same order and shapes), in place, so the optimiser keeps its parameters.
void assign(const std::vector<torch::Tensor>& targets, const std::vector<torch::Tensor>& values);

// Exponential moving average of the parameters (Polyak averaging): what is validated, kept and written. The
// average of the recent steps generalises better than the last step and smooths the epoch-to-epoch swings of the
// validation score; batch-norm statistics are taken as they are. A decay of 0 turns it off.
class WeightAverage
{
public:
    WeightAverage(double decay, const std::vector<torch::Tensor>& parameters);
    bool enabled() const { return !m_averaged.empty(); }
    // After optimiser step number `stepsTaken` (0-based); shorter memory at the start, so the average does not
    // drag the random initial weights along.
    void update(const std::vector<torch::Tensor>& parameters, int64_t stepsTaken);
    std::vector<torch::Tensor>& tensors() { return m_averaged; }

private:
    double m_decay;
    std::vector<torch::Tensor> m_averaged;
};

// Whole-slice prediction of `network` (eval mode, back to train mode after), Dice per class index.
OverlapReport validate(UNet& network, const std::vector<TrainingSlice>& slices, bool sigmoid, bool bfloat16);

// Where a run stands after an epoch; with the network, the optimiser, the average and the sampler, all a
// checkpoint holds.
struct RunState
{
    int epochsDone = 0;
    int64_t stepsTaken = 0;
    int64_t samples = 0;
    double seconds = 0.0;           // training time before this process (resumed runs)
    double bestScore = -1.0;
    int bestEpoch = 0;
    QJsonObject bestMetrics;
    std::vector<torch::Tensor> bestState; // stateOf() of the best epoch; empty before the first
};

// The checkpoint as bytes (a LibTorch archive), tagged with `fingerprint` (the options and data it belongs to).
QByteArray writeCheckpoint(const QString& fingerprint, UNet& network, torch::optim::Optimizer& optimizer,
                           WeightAverage& average, const PatchSampler& sampler, const RunState& state);
// Restores everything writeCheckpoint saved, including LibTorch's default CPU generator. Refuses a checkpoint of
// another run (its fingerprint differs) or one that does not fit the network.
Expected<void> readCheckpoint(const QByteArray& bytes, const QString& fingerprint, UNet& network,
                              torch::optim::Optimizer& optimizer, WeightAverage& average, PatchSampler& sampler,
                              RunState& state);

} // namespace delineate::ml::training
