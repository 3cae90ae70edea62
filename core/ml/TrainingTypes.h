// How a network is trained (no torch): the options shared by the engine and its callers.
#pragma once

#include "common/Expected.h"
#include "ml/ComputeRuntime.h"
#include "ml/TrainingData.h"

#include <QByteArray>

#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <cstdint>
#include <memory>

namespace delineate::ml {

enum class LossKind { BinaryCrossEntropy, DiceAndCrossEntropy };

// Where a run's checkpoints go: the whole training state after each epoch (weights, optimiser, weight average,
// best weights so far, random generators, sampler), so that a run that was killed resumes and goes on exactly as
// the uninterrupted run would have. The store's registry gives one (ModelRegistry::checkpoints()); a file is another.
class CheckpointSink
{
public:
    virtual ~CheckpointSink() = default;
    // Replaces the previous checkpoint atomically: a kill leaves the old or the new one.
    virtual Expected<void> save(const QByteArray& checkpoint) = 0;
    // The last checkpoint saved; empty when there is none.
    virtual Expected<QByteArray> load() const = 0;
    // The run ended (finished, stopped or cancelled): nothing is left to resume.
    virtual void discard() = 0;
};

// A checkpoint in one file, written atomically (temporary file, then rename).
class FileCheckpointSink final : public CheckpointSink
{
public:
    explicit FileCheckpointSink(QString path) : m_path(std::move(path)) {}
    Expected<void> save(const QByteArray& checkpoint) override;
    Expected<QByteArray> load() const override;
    void discard() override;
    const QString& path() const { return m_path; }

private:
    QString m_path;
};

struct TrainingOptions
{
    QString dataFolder;              // image/ + label/
    QVector<int> trainIndices;       // positions in dataFolder (all when empty)
    QString validationFolder;        // image/ + label/; empty = dataFolder with validationIndices
    QVector<int> validationIndices;  // empty with no validationFolder = no validation (the last epoch is kept)
    bool nonZeroLabelIsForeground = false;
    // Slices (along axis 2) of volume pairs used for training and validation; empty = all. Given validation slices
    // and no other validation data, validation reads those slices of the training pairs, and training the others.
    QVector<int> trainSlices, validationSlices;
    // Synthesis (Synthesis.h): a folder of label maps named like the training images; a fraction
    // `synthesisFraction` of the patches are then images synthesised from them, never reading a held-back slice.
    QString synthesisFolder;
    double synthesisFraction = 0.5;
    // In-memory sets (from the training store): used instead of the folders when trainingSet is not empty.
    QVector<TrainingPair> trainingSet, validationSet;
    QString dataName;                // how messages name the data (default: dataFolder)

    QString architecture = QStringLiteral("unet"); // preset: "unet" or "simple"
    int baseWidth = 0;               // overrides the preset's width when > 0
    int depth = 0;                   // overrides the preset's number of levels when > 0
    QString normalization;           // overrides the preset's: "batch", "instance", "group" or "none"
    QString fromModel;               // fine-tune this model file (architecture, classes and normalisation from it)
    QString modelName;
    QStringList classNames;          // by ascending label value; default "label N"
    QString dataDescription;         // provenance text: what the data is, its licence and citation

    int epochs = 0;                  // 0 with minutes = 0: the default budget below
    double minutes = 0.0;
    int stepsPerEpoch = 50;
    int batchSize = 4;
    int patchSize = 256;
    double learningRate = 1e-3;
    LossKind loss = LossKind::DiceAndCrossEntropy;
    bool augment = true;
    // Mirroring in the augmentation: "auto" (left-right flips for PNG images, which have no patient orientation;
    // none for volumes, where left and right are anatomy), "none", "horizontal" or "all" (the 8 flips and
    // 90-degree rotations). See Augmentation.h for why vertical flips are not the default.
    QString mirroring = QStringLiteral("auto");
    double foregroundSampling = 0.5; // fraction of patches centred on a voxel of a minority class
    double weightAveraging = 0.995;  // decay of the moving average of the weights that is validated and kept; 0 = off
    // Keep the last (averaged) weights rather than the best by validation Dice: nothing is then chosen on the
    // validation data, which can stay a pure report (a held-back test set).
    bool keepLast = false;
    uint64_t seed = 1;
    int threads = 0;                 // intra-op threads; 0 = all cores
    // Auto: bfloat16 convolutions (float32 weights, optimiser and loss) where the CPU has them natively.
    ComputePrecision precision = ComputePrecision::Auto;
    bool halfPrecisionFile = false;  // store the weights as float16 (half the file size)
    QString outputPath;              // when set, the best model so far is written here after each improvement
    // Set by the caller to end training after the current step and keep the best model so far ("Stop"), unlike a
    // cancel, which discards the run.
    std::shared_ptr<std::atomic<bool>> stopRequested;
    // The training state after every epoch goes here (nothing when null). With `resume`, the run starts from the
    // sink's checkpoint, which must come from a run with the same options and data; at one thread in float32 it
    // then reproduces the uninterrupted run's losses, metrics and weights.
    std::shared_ptr<CheckpointSink> checkpoints;
    bool resume = false;

    static constexpr double kDefaultMinutes = 17.0; // leaves room for loading and the last validation in 20 min
};

} // namespace delineate::ml
