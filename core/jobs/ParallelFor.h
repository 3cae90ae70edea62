// Runs fn(i) for i in [0, count) on all cores with cooperative cancel; the calling thread reports progress.
#pragma once

#include "jobs/JobControl.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace delineate {

// Returns false when cancelled (items already started finish; no new ones start).
template <typename Fn>
bool parallelFor(int count, JobControl& control, const QString& message, double progressFrom, double progressTo, Fn fn,
                 int threads = 0)
{
    if (threads <= 0)
        threads = std::max(1, QThread::idealThreadCount());
    threads = std::max(1, std::min(threads, count));
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<bool> stop{false};
    auto worker = [&]() {
        for (;;) {
            if (stop.load(std::memory_order_relaxed))
                return;
            const int i = next.fetch_add(1);
            if (i >= count)
                return;
            fn(i);
            done.fetch_add(1);
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(std::size_t(threads - 1));
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    // The calling thread works too, and between items it reports progress and checks for cancel.
    int lastReported = -1;
    for (;;) {
        if (control.isCancelled())
            stop.store(true);
        control.waitWhilePaused();
        const int d = done.load();
        if (d != lastReported && count > 0) {
            control.reportProgress(progressFrom + (progressTo - progressFrom) * double(d) / count, message);
            lastReported = d;
        }
        if (stop.load())
            break;
        const int i = next.fetch_add(1);
        if (i >= count)
            break;
        fn(i);
        done.fetch_add(1);
    }
    for (auto& t : pool)
        t.join();
    if (control.isCancelled())
        return false;
    control.reportProgress(progressTo, message);
    return true;
}

} // namespace delineate
