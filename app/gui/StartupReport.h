// Start-up figures of the running process for bench/ai: seconds since the process started, resident memory, and
// whether LibTorch is mapped (it must not be before the first AI run).
#pragma once

#include <QString>

namespace delineate {

// One JSON object: {"startup_s": ..., "startup_rss_mb": ..., "torch_mapped": false}.
QString startupReport();

} // namespace delineate
