// The one way long work runs in the app: a plain core function `Expected<T>(JobControl&)` executed on a worker
// thread, its progress (with an ETA), typed intermediate results and its typed result delivered back on the
// runner's thread (the UI thread) in order. One job at a time per runner; cancel, pause, hold (another job needs the
// machine for a while), join on destruction.
//
// Everything that crosses from the worker to the runner's thread (progress, intermediate results, the result) goes
// through one std::mutex-guarded queue; Qt's event queue only carries the wake-up call. The standard library's
// synchronisation is what ThreadSanitizer sees (Debian's Qt is not built for it), so the TSan pass checks the
// hand-over itself rather than trusting Qt's internals.
#pragma once

#include "common/Expected.h"
#include "jobs/JobControl.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace delineate {

// The JobControl a running job sees: thread-safe; progress (with an ETA) and other deliveries go into its queue,
// which the runner drains on its own thread.
class ThreadJobControl : public JobControl
{
public:
    // `receiver` gets a queued call of its slot "drainDeliveries" after each post.
    explicit ThreadJobControl(QObject* receiver);
    void reportProgress(double fraction, const QString& message) override;
    bool isCancelled() const override { return m_cancelled.load(); }
    void waitWhilePaused() override;

    void cancel();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused.load(); }
    // Held: waits like paused, but for another job, apart from the user's pause.
    void setHeld(bool held);

    // Worker side: queue a call to run on the receiver's thread, in order.
    void post(std::function<void()> delivery);
    // Worker side, last: everything the job wrote is handed over with this (the receiver takes the queue after).
    void finish();
    // Receiver side: the queued calls so far, oldest first.
    std::vector<std::function<void()>> takeDeliveries();
    // Receiver side: called with (fraction, message, etaSeconds < 0 while unknown) by the deliveries of progress.
    std::function<void(double, const QString&, double)> onProgress;

private:
    QObject* m_receiver;
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_held{false};
    std::mutex m_pauseMutex;
    std::condition_variable m_resumed;
    QElapsedTimer m_clock;
    qint64 m_pausedMs = 0;
    std::mutex m_deliveryMutex;
    std::vector<std::function<void()>> m_deliveries;
    bool m_finished = false;
};

class JobRunner : public QObject
{
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override; // cancels and joins a running job; its result is dropped

    bool isRunning() const { return m_thread != nullptr; }
    QString title() const { return m_title; }
    // The user's pause (of the running job).
    bool isPaused() const { return m_control && m_control->isPaused(); }

    // Runs `work(control) -> Expected<T>` on the worker thread; `done(Expected<T>)` is called on this runner's
    // thread when it ends (an exception becomes an Error). Returns false, running nothing, when a job is already
    // running. A job cancelled before it ended delivers Error::cancelled() whatever it returned: its result is not
    // wanted, and an error it met on the way out (an interrupted read, a thread that could not start) is not news
    // for the user, who asked it to stop.
    template <typename T>
    bool start(const QString& title, std::function<Expected<T>(JobControl&)> work, std::function<void(Expected<T>)> done);

    // The same with typed intermediate results: the work gets `publish(I)`, and `intermediate(I)` is called on this
    // runner's thread for each, in order, before `done`.
    template <typename T, typename I>
    bool start(const QString& title, std::function<Expected<T>(JobControl&, const std::function<void(I)>&)> work,
               std::function<void(I)> intermediate, std::function<void(Expected<T>)> done);

    void cancel();
    void setPaused(bool paused);

    // Holds the runner's jobs, apart from the user's pause: the running one waits at its next pause point and a job
    // started while held waits before it begins, until every hold() is matched by a release(). For another job
    // that needs the machine alone for a while (an AI run holds a fine-tune: one torch job computes at a time).
    void hold();
    void release();
    bool isHeld() const { return m_holds > 0; }

Q_SIGNALS:
    void started(const QString& title);
    void progressChanged(double fraction, const QString& message, double etaSeconds);
    void pausedChanged(bool paused);
    void heldChanged(bool held);
    // After `done` ran. error is empty on success and on cancel.
    void finished(bool cancelled, const QString& error);

private Q_SLOTS:
    // Runs what the job posted so far (progress, intermediate results), in order.
    void drainDeliveries();

private:
    // Starts `body` on a new thread; `deliver` runs on this thread once it has finished.
    bool launch(const QString& title, std::function<void(ThreadJobControl&)> body, std::function<void()> deliver);
    void onThreadFinished();

    QThread* m_thread = nullptr;
    std::shared_ptr<ThreadJobControl> m_control;
    std::function<void()> m_deliver;
    QString m_title;
    QString m_lastError;
    int m_holds = 0;
};

template <typename T>
bool JobRunner::start(const QString& title, std::function<Expected<T>(JobControl&)> work,
                      std::function<void(Expected<T>)> done)
{
    return start<T, int>(
        title, [work = std::move(work)](JobControl& control, const std::function<void(int)>&) { return work(control); },
        nullptr, std::move(done));
}

template <typename T, typename I>
bool JobRunner::start(const QString& title, std::function<Expected<T>(JobControl&, const std::function<void(I)>&)> work,
                      std::function<void(I)> intermediate, std::function<void(Expected<T>)> done)
{
    // The result crosses threads in this slot, written by the worker before ThreadJobControl::finish() and read
    // here after the receiver took the deliveries under the same mutex.
    auto slot = std::make_shared<std::optional<Expected<T>>>();
    auto error = std::make_shared<QString>();
    auto body = [slot, error, work = std::move(work), intermediate](ThreadJobControl& control) {
        const std::function<void(I)> publish = [&control, intermediate](I value) {
            if (intermediate)
                control.post([intermediate, value = std::move(value)]() { intermediate(value); });
        };
        try {
            slot->emplace(work(control, publish));
        } catch (const std::bad_alloc&) {
            slot->emplace(Error::failed(tr("Out of memory.")));
        } catch (const std::exception& e) {
            slot->emplace(Error::failed(QString::fromLocal8Bit(e.what())));
        } catch (...) {
            slot->emplace(Error::failed(tr("Unknown error")));
        }
        if ((*slot)->ok() == false)
            *error = (*slot)->error().message;
    };
    auto deliver = [this, slot, error, done = std::move(done)]() {
        const bool cancelled = m_control && m_control->isCancelled();
        Expected<T> result = slot->has_value() ? std::move(**slot) : Expected<T>(Error::failed(tr("The job ended without a result.")));
        if (cancelled && (result.ok() || !result.error().isCancelled()))
            result = Expected<T>(Error::cancelled());
        m_lastError = (!result.ok() && !result.error().isCancelled()) ? result.error().message : QString();
        if (done)
            done(std::move(result));
    };
    return launch(title, std::move(body), std::move(deliver));
}

} // namespace delineate
