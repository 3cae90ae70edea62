// The measurement tests' oracle: the summary of the voxel values a test collected itself, computed plainly (count,
// two-pass mean, sample standard deviation over n - 1, minimum, maximum), apart from core/measure.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace delineate::testing {

struct SampleStatistics
{
    int64_t count = 0;
    double mean = 0.0, sd = 0.0, minimum = 0.0, maximum = 0.0;
};

inline SampleStatistics sampleStatistics(const std::vector<double>& values)
{
    SampleStatistics r;
    r.count = int64_t(values.size());
    if (values.empty())
        return r;
    double sum = 0.0;
    r.minimum = r.maximum = values.front();
    for (double v : values) {
        sum += v;
        r.minimum = std::min(r.minimum, v);
        r.maximum = std::max(r.maximum, v);
    }
    r.mean = sum / double(values.size());
    double squares = 0.0;
    for (double v : values)
        squares += (v - r.mean) * (v - r.mean);
    r.sd = values.size() > 1 ? std::sqrt(squares / double(values.size() - 1)) : 0.0;
    return r;
}

} // namespace delineate::testing
