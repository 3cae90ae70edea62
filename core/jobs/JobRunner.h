// The one way long work runs in the app: a plain core function `Expected<T>(JobControl&)` executed on a worker
// thread, its progress (with an ETA), typed intermediate results and its typed result delivered back on the
// runner's thread (the UI thread) by queued calls. One job at a time per runner; cancel, pause, hold (another job
// needs the machine for a while), join on destruction.
#pragma once

#include "common/Expected.h"
#include "jobs/JobControl.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

#include <exception>
#include <functional>
#include <memory>
#include <optional>

namespace delineate {

// The JobControl a running job sees: thread-safe, forwards to the runner's signals and measures the ETA.
class ThreadJobControl : public QObject, public JobControl
{
    Q_OBJECT
public:
    ThreadJobControl();
    void reportProgress(double fraction, const QString& message) override;
    void publish(const QVariantMap& intermediate) override;
    bool isCancelled() const override { return m_cancelled.load(); }
    void waitWhilePaused() override;

    void cancel();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused.load(); }
    // Held: waits like paused, but for another job, apart from the user's pause.
    void setHeld(bool held);

Q_SIGNALS:
    // etaSeconds < 0 while unknown (too early to say).
    void progressChanged(double fraction, const QString& message, double etaSeconds);
    void published(const QVariantMap& intermediate);

private:
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_held{false};
    QMutex m_pauseMutex;
    QWaitCondition m_resumed;
    QElapsedTimer m_clock;
    qint64 m_pausedMs = 0;
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
    // The result crosses threads in this slot, written by the worker before its thread finishes and read here
    // after QThread::finished: the thread's end orders the two.
    auto slot = std::make_shared<std::optional<Expected<T>>>();
    auto error = std::make_shared<QString>();
    auto body = [this, slot, error, work = std::move(work), intermediate](ThreadJobControl& control) {
        const std::function<void(I)> publish = [this, intermediate](I value) {
            if (intermediate)
                QMetaObject::invokeMethod(
                    this, [intermediate, value = std::move(value)]() { intermediate(value); }, Qt::QueuedConnection);
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
