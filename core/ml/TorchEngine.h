// The Engine interface implemented over core/ml's LibTorch code (inside the plugin and the ML tests).
#pragma once

#include "ml/Engine.h"
#include "ml/SegmentationModel.h"

namespace delineate::ml {

class TorchEngineModel : public EngineModel
{
public:
    explicit TorchEngineModel(SegmentationModel model) : m_model(std::move(model)) {}
    const ModelHeader& header() const override { return m_model.header(); }
    void setHeader(const ModelHeader& header) override { m_model.setHeader(header); }
    int64_t parameterCount() const override { return m_model.parameterCount(); }
    bool isTorchScript() const override { return m_model.isTorchScript(); }
    std::unique_ptr<EngineModel> clone() const override;
    Expected<void> save(const QString& path) const override { return m_model.save(path); }
    const SegmentationModel& model() const { return m_model; }

private:
    SegmentationModel m_model;
};

class TorchEngine : public Engine
{
public:
    QString description() const override;
    bool cudaAvailable() const override;
    void setThreads(int threads) override;
    Expected<std::unique_ptr<EngineModel>> loadModel(const QString& path) override;
    Expected<std::unique_ptr<EngineModel>> createModel(const ModelHeader& header, uint64_t seed) override;
    Expected<SegmentationResult> segment(const Volume& volume, const EngineModel& model, const InferenceOptions& options,
                                         JobControl& control) override;
    Expected<EngineTrainingResult> train(const TrainingOptions& options, JobControl& control) override;
};

} // namespace delineate::ml
