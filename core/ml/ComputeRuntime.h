// Process-wide LibTorch settings shared by inference and training: threads, the allocator and the arithmetic
// precision (no torch types here).
#pragma once

#include "ml/ModelHeader.h"

#include <QString>

#include <optional>

namespace delineate::ml {

// Arithmetic of the convolutions. Weights, inputs, outputs and the optimiser's state stay float32 in every case;
// BFloat16 runs the convolutions (and, in training, their gradients) in bfloat16 through LibTorch's autocast.
enum class ComputePrecision { Auto, Float32, BFloat16 };

std::optional<ComputePrecision> parseComputePrecision(const QString& name); // "auto", "float32", "bfloat16"
QString computePrecisionName(ComputePrecision precision);

// True when the CPU multiplies bfloat16 natively (AVX512-BF16 or AMX-BF16): oneDNN then runs bfloat16
// convolutions about twice as fast as float32 ones. Elsewhere bfloat16 is emulated and slower.
bool cpuHasNativeBFloat16();

// Auto becomes BFloat16 on the CPU when it is native, Float32 otherwise (and on CUDA, where cuDNN's float32 path
// is already fast and the choice is left to the user).
ComputePrecision resolveComputePrecision(ComputePrecision requested, bool onCuda);

// The same for a given network: LibTorch 1.13's CPU group norm refuses bfloat16 activations with float32
// weights, so group-norm U-Nets always run in float32; a TorchScript model of unknown content runs in bfloat16
// only when asked for explicitly.
ComputePrecision resolveComputePrecision(ComputePrecision requested, bool onCuda, const UNetArchitecture& architecture,
                                         bool torchScript);

// Sets LibTorch's intra-op threads (0 = all cores) and, once per process, keeps freed blocks of up to 64 MiB in
// the heap instead of returning them to the kernel: a network allocates its activations anew on every pass, and
// with glibc's defaults each one was a fresh mmap whose page faults cost about a quarter of the inference time.
void prepareTorchRuntime(int threads);

} // namespace delineate::ml
