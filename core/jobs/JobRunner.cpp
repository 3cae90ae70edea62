// Worker-thread execution of core jobs with cooperative cancel and pause, and an ETA from the progress reports.
#include "jobs/JobRunner.h"

#include <QMutexLocker>

namespace delineate {

ThreadJobControl::ThreadJobControl()
{
    m_clock.start();
}

void ThreadJobControl::reportProgress(double fraction, const QString& message)
{
    // The ETA extrapolates the time spent so far (pauses excluded) once a little of the work is done.
    double eta = -1.0;
    const double elapsed = double(m_clock.elapsed() - m_pausedMs) / 1000.0;
    if (fraction >= 0.02 && fraction < 1.0 && elapsed > 0.5)
        eta = elapsed * (1.0 - fraction) / fraction;
    Q_EMIT progressChanged(fraction, message, eta);
}

void ThreadJobControl::publish(const QVariantMap& intermediate)
{
    Q_EMIT published(intermediate);
}

void ThreadJobControl::waitWhilePaused()
{
    QMutexLocker lock(&m_pauseMutex);
    const auto waiting = [this]() { return (m_paused.load() || m_held.load()) && !m_cancelled.load(); };
    if (!waiting())
        return;
    QElapsedTimer paused;
    paused.start();
    while (waiting())
        m_resumed.wait(&m_pauseMutex);
    m_pausedMs += paused.elapsed();
}

void ThreadJobControl::cancel()
{
    m_cancelled.store(true);
    QMutexLocker lock(&m_pauseMutex);
    m_resumed.wakeAll();
}

void ThreadJobControl::setPaused(bool paused)
{
    m_paused.store(paused);
    QMutexLocker lock(&m_pauseMutex);
    m_resumed.wakeAll();
}

void ThreadJobControl::setHeld(bool held)
{
    m_held.store(held);
    QMutexLocker lock(&m_pauseMutex);
    m_resumed.wakeAll();
}

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner()
{
    if (m_thread) {
        m_control->cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool JobRunner::launch(const QString& title, std::function<void(ThreadJobControl&)> body, std::function<void()> deliver)
{
    if (m_thread)
        return false;
    m_title = title;
    m_lastError.clear();
    m_deliver = std::move(deliver);
    m_control = std::make_shared<ThreadJobControl>();
    m_control->setHeld(m_holds > 0);
    // Queued connections: the control lives on this thread, the job emits from the worker.
    connect(m_control.get(), &ThreadJobControl::progressChanged, this, &JobRunner::progressChanged, Qt::QueuedConnection);
    auto control = m_control;
    m_thread = QThread::create([control, body = std::move(body)]() {
        control->waitWhilePaused(); // a job started while held begins when released
        body(*control);
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

void JobRunner::onThreadFinished()
{
    QThread* thread = m_thread;
    m_thread = nullptr;
    thread->deleteLater();
    // Intermediate results queued before the end are delivered first: they were posted earlier.
    auto deliver = std::move(m_deliver);
    m_deliver = nullptr;
    const bool cancelled = m_control && m_control->isCancelled();
    if (deliver)
        deliver();
    Q_EMIT finished(cancelled, cancelled ? QString() : m_lastError);
}

} // namespace delineate
