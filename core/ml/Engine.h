// The segmentation engine as the rest of Delineate sees it: an interface without LibTorch types, implemented by the
// plugin libdelineate_engine.so (core/ml's torch code), which is loaded the first time a network actually runs.
// Choosing a model and reading its header need no engine (ModelHeader.h), so the viewer, the editor and the
// command line's info/convert never map LibTorch (about 150 MB) into the process.
#pragma once

#include "common/Expected.h"
#include "image/Volume.h"
#include "jobs/JobControl.h"
#include "ml/ComputeRuntime.h"
#include "ml/InferenceTypes.h"
#include "ml/ModelHeader.h"
#include "ml/TrainingTypes.h"

#include <QJsonObject>
#include <QString>

#include <memory>

namespace delineate::ml {

// A network loaded in the engine. Inference never changes it; training works on a clone(), so the AI panel can
// segment with one copy while another is fine-tuned.
class EngineModel
{
public:
    virtual ~EngineModel() = default;
    virtual const ModelHeader& header() const = 0;
    virtual void setHeader(const ModelHeader& header) = 0; // provenance only; the architecture must not change
    virtual int64_t parameterCount() const = 0;
    virtual bool isTorchScript() const = 0;
    virtual std::unique_ptr<EngineModel> clone() const = 0;
    // Writes a model file atomically (TorchScript models cannot be written back).
    virtual Expected<void> save(const QString& path) const = 0;
};

struct EngineTrainingResult
{
    std::unique_ptr<EngineModel> model;
    QJsonObject bestMetrics;
    int epochs = 0;
    int bestEpoch = 0;
    double seconds = 0.0;
    double samplesPerSecond = 0.0;
    ComputePrecision precision = ComputePrecision::Float32;
};

class Engine
{
public:
    virtual ~Engine() = default;

    // "LibTorch 1.13.1, CPU (bfloat16 native)" for the About box and the AI panel.
    virtual QString description() const = 0;
    virtual bool cudaAvailable() const = 0;
    // Intra-op threads (0 = all cores) and heap settings; the app passes cores - 1 while its window is up.
    virtual void setThreads(int threads) = 0;

    virtual Expected<std::unique_ptr<EngineModel>> loadModel(const QString& path) = 0;
    virtual Expected<std::unique_ptr<EngineModel>> createModel(const ModelHeader& header, uint64_t seed) = 0;
    virtual Expected<SegmentationResult> segment(const Volume& volume, const EngineModel& model,
                                                 const InferenceOptions& options, JobControl& control) = 0;
    virtual Expected<EngineTrainingResult> train(const TrainingOptions& options, JobControl& control) = 0;
};

// The plugin's entry points (extern "C", looked up by EngineLoader).
constexpr int kEngineInterfaceVersion = 1;
using EngineVersionFunction = int (*)();
using EngineFactoryFunction = Engine* (*)();
constexpr const char* kEngineVersionSymbol = "delineate_engine_interface_version";
constexpr const char* kEngineFactorySymbol = "delineate_create_engine";

} // namespace delineate::ml
