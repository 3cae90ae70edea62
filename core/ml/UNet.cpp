// U-Net layers: encoder blocks with max-pooling, sub-pixel up-convolutions, concatenation skips, 3x3 head.
#include "ml/UNet.h"

#include <ATen/autocast_mode.h>
#include <ATen/core/dispatch/Dispatcher.h>

#include <cmath>

namespace delineate::ml {

UpConvolutionImpl::UpConvolutionImpl(int64_t inputChannels, int64_t outputChannels) : m_outputChannels(outputChannels)
{
    // Same initialisation as torch::nn::ConvTranspose2d (kaiming uniform, a = sqrt(5), fan_in from dim 1).
    weight = register_parameter("weight", torch::empty({inputChannels, outputChannels, 3, 3}));
    bias = register_parameter("bias", torch::empty({outputChannels}));
    torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
    const double bound = 1.0 / std::sqrt(double(outputChannels * 9));
    torch::nn::init::uniform_(bias, -bound, bound);

    // Transposed conv, one dimension: output 2m takes tap 1 at input m; output 2m+1 takes tap 2 at input m and
    // tap 0 at input m+1. So output phase a in {0,1} reads inputs m (d=0) and m+1 (d=1) through taps:
    const int tapFor[2][2] = {{1, -1}, {2, 0}};
    std::vector<int64_t> index;
    for (int a = 0; a < 2; ++a)
        for (int b = 0; b < 2; ++b)
            for (int dy = 0; dy < 2; ++dy)
                for (int dx = 0; dx < 2; ++dx) {
                    const int ky = tapFor[a][dy];
                    const int kx = tapFor[b][dx];
                    index.push_back(ky < 0 || kx < 0 ? 9 : ky * 3 + kx);
                }
    m_tapIndex = register_buffer("tap_index", torch::tensor(index, torch::kLong));
}

torch::Tensor UpConvolutionImpl::kernel(bool channelsLast) const
{
    const int64_t in = weight.size(0);
    const int64_t out = m_outputChannels;
    // [in, out, 9] -> [out, in, 10] with a zero tap appended, gathered into [out, 4 phases, in, 2, 2].
    auto taps = weight.permute({1, 0, 2, 3}).reshape({out, in, 9});
    taps = torch::cat({taps, torch::zeros({out, in, 1}, taps.options())}, 2);
    auto kernel = taps.index_select(2, m_tapIndex.to(taps.device()))
                      .view({out, in, 4, 2, 2})
                      .permute({0, 2, 1, 3, 4})
                      .reshape({out * 4, in, 2, 2});
    return channelsLast ? kernel.contiguous(torch::MemoryFormat::ChannelsLast) : kernel;
}

void UpConvolutionImpl::prepareForInference(bool clear)
{
    if (clear) {
        m_kernel = m_kernelBf16 = m_bias = m_biasBf16 = torch::Tensor();
        return;
    }
    torch::NoGradGuard noGrad;
    m_kernel = kernel(true).detach();
    m_bias = bias.detach().repeat_interleave(4);
    m_kernelBf16 = m_kernel.to(torch::kBFloat16);
    m_biasBf16 = m_bias.to(torch::kBFloat16);
}

torch::Tensor UpConvolutionImpl::forward(const torch::Tensor& input)
{
    const int64_t out = m_outputChannels;
    const bool channelsLast = input.is_contiguous(torch::MemoryFormat::ChannelsLast);
    const bool prepared = m_kernel.defined() && channelsLast && !is_training();
    const bool lowPrecision = prepared && input.scalar_type() == torch::kBFloat16;
    const torch::Tensor kernel = prepared ? (lowPrecision ? m_kernelBf16 : m_kernel) : this->kernel(channelsLast);
    const torch::Tensor phaseBias = prepared ? (lowPrecision ? m_biasBf16 : m_bias) : bias.repeat_interleave(4);
    // Output phase (a, b) at input position m reads inputs m and m + 1 (zero past the edge). A 2x2 convolution
    // with padding 1 reads m - 1 and m at its output i, so outputs 1..h are wanted: the padding is the
    // convolution's own (no padded copy of the input), at the price of one discarded row and column.
    const int64_t n = input.size(0), h = input.size(2), w = input.size(3);
    auto phases = torch::conv2d(input, kernel, phaseBias, /*stride=*/1, /*padding=*/1)
                      .narrow(2, 1, h)
                      .narrow(3, 1, w);
    // Pixel shuffle done by hand so that a channels-last tensor stays channels-last (one copy):
    // memory [N, h, w, out, a, b] -> [N, h, a, w, b, out] = [N, 2h, 2w, out].
    auto nhwc = phases.permute({0, 2, 3, 1}).reshape({n, h, w, out, 2, 2});
    auto shuffled = nhwc.permute({0, 1, 4, 2, 5, 3}).contiguous().view({n, 2 * h, 2 * w, out});
    return shuffled.permute({0, 3, 1, 2});
}

torch::Tensor UpConvolutionImpl::forwardReference(const torch::Tensor& input)
{
    return torch::conv_transpose2d(input, weight, bias, /*stride=*/2, /*padding=*/1, /*output_padding=*/1);
}

UNetImpl::UNetImpl(const UNetArchitecture& architecture) : m_architecture(architecture)
{
    const int depth = architecture.depth;
    std::vector<int64_t> widths;
    for (int level = 0; level < depth; ++level)
        widths.push_back(int64_t(architecture.baseWidth) << level);

    int64_t channels = architecture.inputChannels;
    for (int level = 0; level < depth; ++level) {
        m_encoder.push_back(register_module("encoder" + std::to_string(level),
                                            block(channels, widths[level])));
        channels = widths[level];
    }
    if (architecture.dropout > 0.0)
        m_dropout = register_module("dropout", torch::nn::Dropout2d(architecture.dropout));
    for (int level = depth - 2; level >= 0; --level) {
        m_up.push_back(register_module("up" + std::to_string(level), UpConvolution(widths[level + 1], widths[level])));
        m_decoder.push_back(register_module("decoder" + std::to_string(level),
                                            block(2 * widths[level], widths[level])));
    }
    m_head = register_module("head", torch::nn::Conv2d(torch::nn::Conv2dOptions(widths[0], architecture.outputChannels, 3)
                                                           .padding(1)));
}

torch::nn::Sequential UNetImpl::block(int64_t input, int64_t output)
{
    torch::nn::Sequential sequence;
    const bool normalized = m_architecture.normalization != Normalization::None;
    for (int c = 0; c < m_architecture.convolutionsPerLevel; ++c) {
        const int64_t in = c == 0 ? input : output;
        // A bias before batch/instance/group norm is cancelled by the norm's own shift.
        sequence->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(in, output, 3).padding(1).bias(!normalized)));
        switch (m_architecture.normalization) {
        case Normalization::None:
            break;
        case Normalization::BatchNorm:
            sequence->push_back(torch::nn::BatchNorm2d(output));
            break;
        case Normalization::InstanceNorm:
            sequence->push_back(torch::nn::InstanceNorm2d(torch::nn::InstanceNorm2dOptions(output).affine(true)));
            break;
        case Normalization::GroupNorm:
            sequence->push_back(torch::nn::GroupNorm(std::min<int64_t>(8, output), output));
            break;
        }
        sequence->push_back(torch::nn::ReLU(torch::nn::ReLUOptions().inplace(true)));
    }
    return sequence;
}

torch::Tensor UNetImpl::forward(torch::Tensor x)
{
    std::vector<torch::Tensor> skips;
    const int depth = m_architecture.depth;
    for (int level = 0; level < depth; ++level) {
        if (level > 0)
            x = torch::max_pool2d(x, 2);
        if (level == 0 && m_fused && x.size(1) < kNarrowInputChannels)
            x = paddedChannels(x, kNarrowInputChannels);
        x = runBlock(m_encoder[std::size_t(level)], m_fused ? m_fusedEncoder[std::size_t(level)] : std::vector<FusedConvolution>{}, x);
        if (level < depth - 1)
            skips.push_back(x);
    }
    if (m_dropout)
        x = m_dropout(x);
    for (std::size_t step = 0; step < m_up.size(); ++step) {
        x = torch::cat({m_up[step]->forward(x), skips[skips.size() - 1 - step]}, 1);
        x = runBlock(m_decoder[step], m_fused ? m_fusedDecoder[step] : std::vector<FusedConvolution>{}, x);
    }
    return m_head(x);
}

namespace {

// oneDNN's prepacked convolution with a fused ReLU: LibTorch 1.13 registers it (mkldnn_prepacked::conv2d_prepack
// and conv2d_run) for its JIT's frozen graphs. It saves the separate ReLU pass over the activations and the weight
// reorder of every call: 3-15 % per layer here (docs/ml.md). Found through the dispatcher by name, since it is not
// public API; where a LibTorch build lacks it, the plain convolution and ReLU run.
struct PrepackedOperators
{
    std::optional<c10::OperatorHandle> prepack, run;
};

const PrepackedOperators& prepackedOperators()
{
    static const PrepackedOperators operators = [] {
        PrepackedOperators o;
        auto prepack = c10::Dispatcher::singleton().findSchema({"mkldnn_prepacked::conv2d_prepack", ""});
        auto run = c10::Dispatcher::singleton().findSchema({"mkldnn_prepacked::conv2d_run", ""});
        if (prepack && run && std::getenv("DELINEATE_NO_PREPACKED_CONVOLUTION") == nullptr) {
            o.prepack = *prepack;
            o.run = *run;
        }
        return o;
    }();
    return operators;
}

} // namespace

torch::Tensor UNetImpl::convolution(const torch::Tensor& input, const FusedConvolution& f, bool lowPrecision)
{
    return lowPrecision && f.weightBf16.defined() ? torch::conv2d(input, f.weightBf16, f.biasBf16, 1, 1)
                                                  : torch::conv2d(input, f.weight, f.bias, 1, 1);
}

torch::Tensor UNetImpl::convolutionRelu(const torch::Tensor& input, const FusedConvolution& f, bool lowPrecision)
{
    const bool bf16 = lowPrecision && f.weightBf16.defined();
    const torch::Tensor& weight = bf16 ? f.weightBf16 : f.weight;
    const torch::Tensor& bias = bf16 ? f.biasBf16 : f.bias;
    const PrepackedOperators& operators = prepackedOperators();
    if (f.prepacked && operators.run && input.device().is_cpu() && input.dim() == 4 &&
        input.is_contiguous(torch::MemoryFormat::ChannelsLast) && !at::GradMode::is_enabled()) {
        // Autocast does not see these operators: the input goes to the weights' type here.
        const torch::Tensor x = input.scalar_type() == weight.scalar_type() ? input : input.to(weight.scalar_type());
        const std::vector<int64_t> key{x.size(0), x.size(1), x.size(2), x.size(3), int64_t(x.scalar_type())};
        c10::IValue context;
        {
            std::lock_guard<std::mutex> lock(f.prepacked->mutex);
            auto found = f.prepacked->contexts.find(key);
            if (found == f.prepacked->contexts.end()) {
                c10::Stack stack{weight, bias.defined() ? c10::IValue(bias) : c10::IValue(), std::vector<int64_t>{1, 1},
                                 std::vector<int64_t>{1, 1}, std::vector<int64_t>{1, 1}, int64_t(1),
                                 std::vector<int64_t>(key.begin(), key.begin() + 4), std::string("relu")};
                operators.prepack->callBoxed(&stack);
                found = f.prepacked->contexts.emplace(key, stack.back()).first;
            }
            context = found->second;
        }
        c10::Stack stack{x, context};
        operators.run->callBoxed(&stack);
        return stack.back().toTensor();
    }
    return convolution(input, f, lowPrecision).relu_();
}

torch::Tensor UNetImpl::runBlock(torch::nn::Sequential& block, const std::vector<FusedConvolution>& fused, torch::Tensor x)
{
    if (fused.empty())
        return block->forward(x);
    const bool lowPrecision = x.scalar_type() == torch::kBFloat16 ||
                              (at::autocast::is_cpu_enabled() && at::autocast::get_autocast_cpu_dtype() == torch::kBFloat16);
    for (const FusedConvolution& f : fused) {
        if (!f.normWeight.defined()) { // batch norm folded: convolution, bias and ReLU in one
            x = convolutionRelu(x, f, lowPrecision);
            continue;
        }
        x = instanceNormalized(convolution(x, f, lowPrecision), f);
        x.relu_();
    }
    return x;
}

std::vector<UNetImpl::FusedConvolution> UNetImpl::fuse(torch::nn::Sequential& block)
{
    std::vector<FusedConvolution> fused;
    const auto children = block->children();
    for (std::size_t i = 0; i + 1 < children.size(); ++i) {
        auto convolution = std::dynamic_pointer_cast<torch::nn::Conv2dImpl>(children[i]);
        if (!convolution)
            continue;
        if (auto instance = std::dynamic_pointer_cast<torch::nn::InstanceNorm2dImpl>(children[i + 1])) {
            FusedConvolution f{convolution->weight.detach(), convolution->bias.defined() ? convolution->bias.detach() : torch::Tensor()};
            const int64_t channels = convolution->weight.size(0);
            f.normWeight = instance->weight.defined() ? instance->weight.detach() : torch::ones({channels}, convolution->weight.options());
            f.normBias = instance->bias.defined() ? instance->bias.detach() : torch::zeros({channels}, convolution->weight.options());
            f.epsilon = instance->options.eps();
            fused.push_back(std::move(f));
            continue;
        }
        auto norm = std::dynamic_pointer_cast<torch::nn::BatchNorm2dImpl>(children[i + 1]);
        if (!norm)
            continue;
        // BN(conv(x)) = scale * (W x + b - mean) + beta with scale = gamma / sqrt(var + eps).
        auto scale = norm->weight / torch::sqrt(norm->running_var + norm->options.eps());
        auto bias = norm->bias - norm->running_mean * scale;
        if (convolution->bias.defined())
            bias = bias + convolution->bias * scale;
        auto weight = convolution->weight * scale.view({-1, 1, 1, 1});
        if (convolution->weight.is_contiguous(torch::MemoryFormat::ChannelsLast))
            weight = weight.contiguous(torch::MemoryFormat::ChannelsLast);
        fused.push_back({weight.detach(), bias.detach()});
    }
    return fused;
}

torch::Tensor UNetImpl::paddedChannels(const torch::Tensor& x, int64_t channels)
{
    auto padded = torch::zeros({x.size(0), channels, x.size(2), x.size(3)}, x.options().memory_format(torch::MemoryFormat::ChannelsLast));
    padded.narrow(1, 0, x.size(1)).copy_(x);
    return padded;
}

torch::Tensor UNetImpl::instanceNormalized(const torch::Tensor& x, const FusedConvolution& f)
{
    // LibTorch 1.13's instance norm on a channels-last float32 tensor goes through a plain-layout copy and returns
    // plain layout (16 ms for 16 x 512² here, 4 ms on plain input), and under bfloat16 autocast it runs in float32.
    // For one sample, instance norm is batch norm with the batch's own statistics: batch norm's training-mode
    // kernel (no running statistics given, none updated) collects them channels-last in one pass, in float32
    // whatever the activations' type, and applies them in a second (2.1 ms for 16 x 512², in the activations' own
    // type, channels-last kept). Autocast is left out so that bfloat16 stays bfloat16.
    c10::impl::ExcludeDispatchKeyGuard noAutocast(c10::DispatchKey::AutocastCPU);
    const auto normalized = [&](const torch::Tensor& sample) {
        return torch::batch_norm(sample, f.normWeight, f.normBias, /*running_mean=*/{}, /*running_var=*/{},
                                 /*training=*/true, /*momentum=*/0.0, f.epsilon, /*cudnn_enabled=*/false);
    };
    if (x.size(0) == 1)
        return normalized(x);
    std::vector<torch::Tensor> samples;
    for (int64_t n = 0; n < x.size(0); ++n)
        samples.push_back(normalized(x.narrow(0, n, 1)));
    return torch::cat(samples, 0).contiguous(x.suggest_memory_format());
}

void UNetImpl::prepareForInference()
{
    const bool batch = m_architecture.normalization == Normalization::BatchNorm;
    const bool instance = m_architecture.normalization == Normalization::InstanceNorm;
    if (is_training())
        return;
    for (auto& up : m_up)
        up->prepareForInference();
    if (!batch && !instance)
        return;
    torch::NoGradGuard noGrad;
    m_fusedEncoder.clear();
    m_fusedDecoder.clear();
    for (auto& b : m_encoder)
        m_fusedEncoder.push_back(fuse(b));
    // The input convolution reads 1-3 channels (a grey image): oneDNN has no fast channels-last kernel for so few
    // and gives a plain-layout result that the next layer must convert. With the input padded to 4 channels
    // (zero weights for the added ones: the same sums) it runs on the blocked path: 3.1 ms instead of 13.6 for a
    // 512² slice in float32 on one core of this machine, and a channels-last result.
    if (!m_fusedEncoder.empty() && !m_fusedEncoder.front().empty()) {
        torch::Tensor& weight = m_fusedEncoder.front().front().weight;
        if (weight.size(1) < kNarrowInputChannels)
            weight = paddedChannels(weight, kNarrowInputChannels);
    }
    for (auto& b : m_decoder)
        m_fusedDecoder.push_back(fuse(b));
    for (auto* blocks : {&m_fusedEncoder, &m_fusedDecoder})
        for (auto& block : *blocks)
            for (FusedConvolution& f : block) {
                if (f.weight.device().is_cpu())
                    f.prepacked = std::make_shared<FusedConvolution::Prepacked>();
                f.weightBf16 = f.weight.to(torch::kBFloat16);
                if (f.bias.defined())
                    f.biasBf16 = f.bias.to(torch::kBFloat16);
            }
    m_fused = true;
}

void UNetImpl::train(bool on)
{
    if (on) {
        m_fused = false; // the folded weights would go stale as soon as training changes the originals
        for (auto& up : m_up)
            up->prepareForInference(/*clear=*/true);
    }
    torch::nn::Module::train(on);
}

int64_t parameterCount(const torch::nn::Module& module)
{
    int64_t count = 0;
    for (const auto& p : module.parameters())
        count += p.numel();
    return count;
}

} // namespace delineate::ml
