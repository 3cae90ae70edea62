// The torch side of SegmentationModel, shared by inference and training inside core/ml (includes torch).
#pragma once

#include "ml/SegmentationModel.h"
#include "ml/UNet.h"

#include <ATen/autocast_mode.h>
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

// While alive, the convolutions (and matrix products) of this thread run in bfloat16 through LibTorch's CPU
// autocast; parameters stay float32. Does nothing when `enabled` is false. Results come out in bfloat16: convert
// them (`.to(torch::kFloat)`) before losses or probabilities.
class BFloat16Scope
{
public:
    explicit BFloat16Scope(bool enabled) : m_enabled(enabled)
    {
        if (!m_enabled)
            return;
        m_wasEnabled = at::autocast::is_cpu_enabled();
        m_previousType = at::autocast::get_autocast_cpu_dtype();
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
        at::autocast::increment_nesting();
    }
    ~BFloat16Scope()
    {
        if (!m_enabled)
            return;
        if (at::autocast::decrement_nesting() == 0)
            at::autocast::clear_cache();
        at::autocast::set_cpu_enabled(m_wasEnabled);
        at::autocast::set_autocast_cpu_dtype(m_previousType);
    }
    BFloat16Scope(const BFloat16Scope&) = delete;
    BFloat16Scope& operator=(const BFloat16Scope&) = delete;

private:
    bool m_enabled;
    bool m_wasEnabled = false;
    at::ScalarType m_previousType = at::kBFloat16;
};

// Runs `forward` (a network pass) with its convolutions in bfloat16 when `bfloat16` is set, and returns the result
// as float32, ready for losses, probabilities and thresholds.
template <typename Forward>
torch::Tensor forwardInFloat32Out(bool bfloat16, Forward&& forward)
{
    torch::Tensor result;
    {
        BFloat16Scope lowPrecision(bfloat16);
        result = forward();
    }
    return result.to(torch::kFloat);
}

// Turns whatever LibTorch threw into a readable sentence (first line of c10::Error, without the C++ backtrace).
QString describeTorchError(const std::exception& error);

} // namespace delineate::ml
