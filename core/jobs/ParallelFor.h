// Runs fn(i) for i in [0, count) on all cores with cooperative cancel; the calling thread reports progress.
// An exception thrown by fn on any thread stops new items and is rethrown on the calling thread once every thread
// has joined (never std::terminate from a worker).
#pragma once

#include "jobs/JobControl.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace delineate {

// Returns false when cancelled (items already started finish; no new ones start). fn runs for each index at most
// once, concurrently on up to `threads` threads (default: all cores).
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
    std::mutex failureMutex;
    std::exception_ptr failure;
    // One item; false once the loop must end because fn threw (the first exception is kept).
    auto runItem = [&](int i) {
        try {
            fn(i);
            done.fetch_add(1);
            return true;
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
            stop.store(true);
            return false;
        }
    };
    auto worker = [&]() {
        for (;;) {
            if (stop.load(std::memory_order_relaxed))
                return;
            const int i = next.fetch_add(1);
            if (i >= count || !runItem(i))
                return;
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
        if (i >= count || !runItem(i))
            break;
    }
    for (auto& t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
    if (control.isCancelled())
        return false;
    control.reportProgress(progressTo, message);
    return true;
}

} // namespace delineate
