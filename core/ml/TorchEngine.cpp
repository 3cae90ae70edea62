// TorchEngine: the engine interface over SegmentationModel, segmentVolume and trainModel.
#include "ml/TorchEngine.h"

#include "ml/Inference.h"
#include "ml/Trainer.h"

#include <QCoreApplication>

#include <torch/torch.h>
#include <torch/version.h>

namespace delineate::ml {

namespace {
class TorchEngineText
{
    Q_DECLARE_TR_FUNCTIONS(TorchEngine)
};
} // namespace

std::unique_ptr<EngineModel> TorchEngineModel::clone() const
{
    auto copy = m_model.clone();
    if (!copy)
        return nullptr;
    return std::make_unique<TorchEngineModel>(std::move(copy).value());
}

QString TorchEngine::description() const
{
    const QString device = cudaAvailable() ? TorchEngineText::tr("CUDA") : TorchEngineText::tr("CPU");
    const QString bf16 = cpuHasNativeBFloat16() ? TorchEngineText::tr(", bfloat16 native") : QString();
    return QStringLiteral("LibTorch %1, %2%3").arg(QStringLiteral(TORCH_VERSION), device, bf16);
}

bool TorchEngine::cudaAvailable() const
{
    return torch::cuda::is_available();
}

void TorchEngine::setThreads(int threads)
{
    prepareTorchRuntime(threads);
}

Expected<std::unique_ptr<EngineModel>> TorchEngine::loadModel(const QString& path)
{
    auto model = SegmentationModel::load(path);
    if (!model)
        return model.error();
    return std::unique_ptr<EngineModel>(std::make_unique<TorchEngineModel>(std::move(model).value()));
}

Expected<std::unique_ptr<EngineModel>> TorchEngine::createModel(const ModelHeader& header, uint64_t seed)
{
    auto model = SegmentationModel::create(header, seed);
    if (!model)
        return model.error();
    return std::unique_ptr<EngineModel>(std::make_unique<TorchEngineModel>(std::move(model).value()));
}

Expected<SegmentationResult> TorchEngine::segment(const Volume& volume, const EngineModel& model,
                                                  const InferenceOptions& options, JobControl& control)
{
    const auto* torchModel = dynamic_cast<const TorchEngineModel*>(&model);
    if (!torchModel)
        return Error::failed(TorchEngineText::tr("the model was not loaded by this engine"));
    return segmentVolume(volume, torchModel->model(), options, control);
}

Expected<EngineTrainingResult> TorchEngine::train(const TrainingOptions& options, JobControl& control)
{
    auto trained = trainModel(options, control);
    if (!trained)
        return trained.error();
    EngineTrainingResult result;
    result.bestMetrics = trained->bestMetrics;
    result.epochs = trained->epochs;
    result.bestEpoch = trained->bestEpoch;
    result.seconds = trained->seconds;
    result.samplesPerSecond = trained->samplesPerSecond;
    result.precision = trained->precision;
    result.model = std::make_unique<TorchEngineModel>(std::move(trained->model));
    return result;
}

} // namespace delineate::ml
