// The torch side of SegmentationModel, shared by inference and training inside core/ml (includes torch).
#pragma once

#include "ml/SegmentationModel.h"
#include "ml/UNet.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <mutex>

namespace delineate::ml {

struct SegmentationModel::Private
{
    ModelHeader header;
    UNet network{nullptr};          // native models
    torch::jit::Module script;      // TorchScript models
    bool scripted = false;
    torch::Device device = torch::kCPU;
    bool preparedForInference = false;
    std::mutex mutex;               // guards preparation (device move, memory format)

    // Eval mode, channels-last weights, moved to `device`; idempotent.
    void prepareForInference(const torch::Device& target);
    // Logits for a batch on the model's device (N x C x H x W).
    torch::Tensor forward(const torch::Tensor& input);
};

// Turns whatever LibTorch threw into a readable sentence (first line of c10::Error, without the C++ backtrace).
QString describeTorchError(const std::exception& error);

} // namespace delineate::ml
