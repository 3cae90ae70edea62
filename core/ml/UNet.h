// The U-Net family as a LibTorch module (internal to core/ml: includes torch).
#pragma once

#include "ml/ModelHeader.h"

#include <torch/torch.h>

#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace delineate::ml {

// ConvTranspose2d(k=3, stride=2, padding=1, output_padding=1) with the same parameters, computed as an exactly
// equivalent 2x2 convolution into 4x the channels followed by a pixel shuffle. oneDNN runs ordinary
// channels-last convolutions on its fast path but LibTorch 1.13's CPU transposed convolution is not (about
// 4x slower here and it returns NCHW), so the equivalent form keeps the whole decoder fast, for training too.
class UpConvolutionImpl : public torch::nn::Module
{
public:
    UpConvolutionImpl(int64_t inputChannels, int64_t outputChannels);
    torch::Tensor forward(const torch::Tensor& input);
    // The plain transposed convolution, to check the equivalence in tests.
    torch::Tensor forwardReference(const torch::Tensor& input);
    // Inference: builds the 2x2 kernel (and its bfloat16 copy) once instead of on every pass; `clear` drops it
    // (training changes the weights).
    void prepareForInference(bool clear = false);

    torch::Tensor weight; // [in, out, 3, 3] like torch::nn::ConvTranspose2d
    torch::Tensor bias;   // [out]

private:
    torch::Tensor kernel(bool channelsLast) const;

    int64_t m_outputChannels;
    torch::Tensor m_tapIndex; // which of the 3x3 taps (9 = zero) feeds each 2x2 tap of each output phase
    torch::Tensor m_kernel, m_kernelBf16, m_bias, m_biasBf16; // prepared for inference
};
TORCH_MODULE(UpConvolution);

class UNetImpl : public torch::nn::Module
{
public:
    explicit UNetImpl(const UNetArchitecture& architecture);
    // Input N x C x H x W with H, W multiples of sizeMultiple(); returns logits N x outputChannels x H x W.
    torch::Tensor forward(torch::Tensor input);
    const UNetArchitecture& architecture() const { return m_architecture; }

    // Inference only: folds each batch norm (running statistics) into the convolution before it, so a block is
    // conv+bias+ReLU (oneDNN's prepacked convolution with the ReLU fused, where LibTorch has it); an instance norm
    // runs through batch norm's kernel with the slice's own statistics, channels-last (LibTorch's goes through a
    // plain-layout copy); the input convolution reads the input padded to 4 channels; up-convolution kernels and
    // bfloat16 weight copies are built once. Undone by train().
    void prepareForInference();
    bool isFused() const { return m_fused; }
    void train(bool on = true) override;

private:
    struct FusedConvolution
    {
        torch::Tensor weight;
        torch::Tensor bias;
        // The same in bfloat16, for passes under bfloat16 autocast (which would cast them on every pass).
        torch::Tensor weightBf16, biasBf16;
        // Instance norm after the convolution (undefined without): its affine scale and shift.
        torch::Tensor normWeight, normBias;
        double epsilon = 1e-5;
        // oneDNN's prepacked convolution with the ReLU fused, one context per input shape and type (see UNet.cpp).
        struct Prepacked
        {
            std::mutex mutex;
            std::map<std::vector<int64_t>, c10::IValue> contexts;
        };
        std::shared_ptr<Prepacked> prepacked;
    };
    // The folded convolution in the weights' type the pass runs in; with its ReLU (prepacked where available).
    static torch::Tensor convolution(const torch::Tensor& x, const FusedConvolution& f, bool lowPrecision);
    static torch::Tensor convolutionRelu(const torch::Tensor& x, const FusedConvolution& f, bool lowPrecision);
    torch::nn::Sequential block(int64_t input, int64_t output);
    torch::Tensor runBlock(torch::nn::Sequential& block, const std::vector<FusedConvolution>& fused, torch::Tensor x);
    static std::vector<FusedConvolution> fuse(torch::nn::Sequential& block);
    static torch::Tensor instanceNormalized(const torch::Tensor& x, const FusedConvolution& f);
    // Inference: the input's channels, zero-padded to this many for the first convolution (prepareForInference).
    static constexpr int64_t kNarrowInputChannels = 4;
    // `x` (activations N x C x H x W, or weights O x C x kH x kW) with dimension 1 zero-padded to `channels`,
    // channels-last.
    static torch::Tensor paddedChannels(const torch::Tensor& x, int64_t channels);

    UNetArchitecture m_architecture;
    std::vector<torch::nn::Sequential> m_encoder;   // one block per level
    std::vector<UpConvolution> m_up;                // one per level above the bottleneck, deepest first
    std::vector<torch::nn::Sequential> m_decoder;
    torch::nn::Dropout2d m_dropout{nullptr};
    torch::nn::Conv2d m_head{nullptr};
    bool m_fused = false;
    std::vector<std::vector<FusedConvolution>> m_fusedEncoder, m_fusedDecoder;
};
TORCH_MODULE(UNet);

// Number of trainable parameters of a module.
int64_t parameterCount(const torch::nn::Module& module);

} // namespace delineate::ml
