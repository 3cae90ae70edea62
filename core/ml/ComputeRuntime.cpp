// The precision choice (no torch: the engine and its callers share it).
#include "ml/ComputeRuntime.h"

#include <algorithm>

namespace delineate::ml {

std::optional<ComputePrecision> parseComputePrecision(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("auto"))
        return ComputePrecision::Auto;
    if (n == QLatin1String("float32") || n == QLatin1String("fp32"))
        return ComputePrecision::Float32;
    if (n == QLatin1String("bfloat16") || n == QLatin1String("bf16"))
        return ComputePrecision::BFloat16;
    return std::nullopt;
}

QString computePrecisionName(ComputePrecision precision)
{
    switch (precision) {
    case ComputePrecision::Auto:
        return QStringLiteral("auto");
    case ComputePrecision::Float32:
        return QStringLiteral("float32");
    case ComputePrecision::BFloat16:
        return QStringLiteral("bfloat16");
    }
    return {};
}

bool cpuHasNativeBFloat16()
{
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512bf16") || __builtin_cpu_supports("amx-bf16");
#else
    return false;
#endif
}

ComputePrecision resolveComputePrecision(ComputePrecision requested, bool onCuda)
{
    if (requested != ComputePrecision::Auto)
        return requested;
    return !onCuda && cpuHasNativeBFloat16() ? ComputePrecision::BFloat16 : ComputePrecision::Float32;
}

ComputePrecision resolveComputePrecision(ComputePrecision requested, bool onCuda, const UNetArchitecture& architecture,
                                         bool torchScript)
{
    const ComputePrecision resolved = resolveComputePrecision(requested, onCuda);
    const bool groupNorm = architecture.normalization == Normalization::GroupNorm;
    if (resolved == ComputePrecision::BFloat16 && (groupNorm || (torchScript && requested == ComputePrecision::Auto)))
        return ComputePrecision::Float32;
    return resolved;
}

} // namespace delineate::ml
