// The yardstick for both ML benchmarks: a channels-last oneDNN 3x3 convolution, 64 -> 64 channels on 256 x 256.
#pragma once

#include <torch/torch.h>

#include <chrono>

namespace delineate::bench {

// GFLOP/s of the reference convolution with the current intra-op thread count (best of several runs), in float32
// (the yardstick of every ratio) or, to compare like with like, in bfloat16.
inline double referenceConvolutionGflops(torch::ScalarType type = torch::kFloat)
{
    torch::NoGradGuard noGrad;
    const auto channelsLast = torch::MemoryFormat::ChannelsLast;
    const auto input = torch::randn({1, 64, 256, 256}).to(type).contiguous(channelsLast);
    const auto weight = torch::randn({64, 64, 3, 3}).to(type).contiguous(channelsLast);
    const auto bias = torch::randn({64}).to(type);
    const double flop = 2.0 * 9.0 * 64.0 * 64.0 * 256.0 * 256.0;
    double best = 1e30;
    for (int run = 0; run < 12; ++run) {
        const auto start = std::chrono::steady_clock::now();
        auto out = torch::conv2d(input, weight, bias, 1, 1);
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return flop / best / 1e9;
}

} // namespace delineate::bench
