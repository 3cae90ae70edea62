// LibTorch's threads and the heap settings that suit it (torch side of ComputeRuntime.h).
#include "ml/ComputeRuntime.h"

#include <ATen/Parallel.h>
#include <QThread>

#include <algorithm>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace delineate::ml {

void prepareTorchRuntime(int threads)
{
    static std::once_flag heapTuned;
    std::call_once(heapTuned, [] {
#if defined(__GLIBC__)
        mallopt(M_MMAP_THRESHOLD, 64 << 20);
        mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
    });
    at::set_num_threads(threads > 0 ? threads : std::max(1, QThread::idealThreadCount()));
}

} // namespace delineate::ml
