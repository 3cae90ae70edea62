// Worker-thread execution of core jobs with cooperative cancel and pause, and an ETA from the progress reports.
#include "jobs/JobRunner.h"

#include <QMetaObject>

namespace delineate {

ThreadJobControl::ThreadJobControl(QObject* receiver) : m_receiver(receiver)
{
    m_clock.start();
}

void ThreadJobControl::post(std::function<void()> delivery)
{
    {
        const std::lock_guard<std::mutex> lock(m_deliveryMutex);
        m_deliveries.push_back(std::move(delivery));
    }
    // Only the wake-up goes through Qt's event queue; the receiver joins this thread before it goes away.
    QMetaObject::invokeMethod(m_receiver, "drainDeliveries", Qt::QueuedConnection);
}

void ThreadJobControl::finish()
{
    const std::lock_guard<std::mutex> lock(m_deliveryMutex);
    m_finished = true;
}

std::vector<std::function<void()>> ThreadJobControl::takeDeliveries()
{
    const std::lock_guard<std::mutex> lock(m_deliveryMutex);
    std::vector<std::function<void()>> taken;
    taken.swap(m_deliveries);
    return taken;
}

void ThreadJobControl::reportProgress(double fraction, const QString& message)
{
    // The ETA extrapolates the time spent so far (pauses excluded) once a little of the work is done.
    double eta = -1.0;
    const double elapsed = double(m_clock.elapsed() - m_pausedMs) / 1000.0;
    if (fraction >= 0.02 && fraction < 1.0 && elapsed > 0.5)
        eta = elapsed * (1.0 - fraction) / fraction;
    post([this, fraction, message, eta]() {
        if (onProgress)
            onProgress(fraction, message, eta);
    });
}

void ThreadJobControl::waitWhilePaused()
{
    std::unique_lock<std::mutex> lock(m_pauseMutex);
    const auto waiting = [this]() { return (m_paused.load() || m_held.load()) && !m_cancelled.load(); };
    if (!waiting())
        return;
    QElapsedTimer paused;
    paused.start();
    m_resumed.wait(lock, [&]() { return !waiting(); });
    m_pausedMs += paused.elapsed();
}

void ThreadJobControl::cancel()
{
    m_cancelled.store(true);
    const std::lock_guard<std::mutex> lock(m_pauseMutex);
    m_resumed.notify_all();
}

void ThreadJobControl::setPaused(bool paused)
{
    m_paused.store(paused);
    const std::lock_guard<std::mutex> lock(m_pauseMutex);
    m_resumed.notify_all();
}

void ThreadJobControl::setHeld(bool held)
{
    m_held.store(held);
    const std::lock_guard<std::mutex> lock(m_pauseMutex);
    m_resumed.notify_all();
}

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner()
{
    if (m_thread) {
        m_control->cancel();
        m_thread->wait();
        delete m_thread;
        m_control->takeDeliveries(); // after the worker's finish(): its writes are ours to drop now
    }
}

bool JobRunner::launch(const QString& title, std::function<void(ThreadJobControl&)> body, std::function<void()> deliver)
{
    if (m_thread)
        return false;
    m_title = title;
    m_lastError.clear();
    m_deliver = std::move(deliver);
    m_control = std::make_shared<ThreadJobControl>(this);
    m_control->setHeld(m_holds > 0);
    m_control->onProgress = [this](double fraction, const QString& message, double eta) {
        Q_EMIT progressChanged(fraction, message, eta);
    };
    auto control = m_control;
    m_thread = QThread::create([control, body = std::move(body)]() {
        control->waitWhilePaused(); // a job started while held begins when released
        body(*control);
        control->finish();
    });
    connect(m_thread, &QThread::finished, this, &JobRunner::onThreadFinished);
    Q_EMIT started(title);
    m_thread->start();
    return true;
}

void JobRunner::cancel()
{
    if (m_control)
        m_control->cancel();
}

void JobRunner::setPaused(bool paused)
{
    if (!m_control || m_control->isPaused() == paused)
        return;
    m_control->setPaused(paused);
    Q_EMIT pausedChanged(paused);
}

void JobRunner::hold()
{
    if (++m_holds == 1) {
        if (m_control)
            m_control->setHeld(true);
        Q_EMIT heldChanged(true);
    }
}

void JobRunner::release()
{
    if (m_holds == 0)
        return;
    if (--m_holds == 0) {
        if (m_control)
            m_control->setHeld(false);
        Q_EMIT heldChanged(false);
    }
}

void JobRunner::drainDeliveries()
{
    if (!m_control)
        return;
    // A delivery may start the next job (which replaces m_control): keep this job's control alive meanwhile.
    const std::shared_ptr<ThreadJobControl> control = m_control;
    for (auto& delivery : control->takeDeliveries())
        if (delivery)
            delivery();
}

void JobRunner::onThreadFinished()
{
    // What the job posted before it ended is delivered first, while the runner still counts as busy (so a delivery
    // cannot start the next job); this also takes the job's last writes, the result's among them, under the queue's
    // mutex.
    drainDeliveries();
    QThread* thread = m_thread;
    m_thread = nullptr;
    thread->deleteLater();
    auto deliver = std::move(m_deliver);
    m_deliver = nullptr;
    const bool cancelled = m_control && m_control->isCancelled();
    if (deliver)
        deliver();
    Q_EMIT finished(cancelled, cancelled ? QString() : m_lastError);
}

} // namespace delineate
