// Worker-thread execution of core jobs with cooperative cancel and pause.
#include "jobs/JobRunner.h"

#include <QMutexLocker>

namespace delineate {

void ThreadJobControl::reportProgress(double fraction, const QString& message)
{
    Q_EMIT progressChanged(fraction, message);
}

void ThreadJobControl::publish(const QVariantMap& intermediate)
{
    Q_EMIT published(intermediate);
}

void ThreadJobControl::waitWhilePaused()
{
    QMutexLocker lock(&m_pauseMutex);
    while (m_paused.load() && !m_cancelled.load())
        m_resumed.wait(&m_pauseMutex);
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

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner()
{
    if (m_thread) {
        m_control->cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool JobRunner::start(const QString& title, Work work)
{
    if (m_thread)
        return false;
    m_title = title;
    m_error.clear();
    m_control = std::make_shared<ThreadJobControl>();
    // Queued connections: the control lives on this thread, the job emits from the worker.
    connect(m_control.get(), &ThreadJobControl::progressChanged, this, &JobRunner::progressChanged, Qt::QueuedConnection);
    connect(m_control.get(), &ThreadJobControl::published, this, &JobRunner::published, Qt::QueuedConnection);
    auto control = m_control;
    m_thread = QThread::create([this, control, work = std::move(work)]() {
        QString error;
        try {
            error = work(*control);
        } catch (const std::exception& e) {
            error = QString::fromLocal8Bit(e.what());
        } catch (...) {
            error = QStringLiteral("Unknown error");
        }
        m_error = error; // read only after the thread finished
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
    if (m_control)
        m_control->setPaused(paused);
}

void JobRunner::onThreadFinished()
{
    QThread* thread = m_thread;
    m_thread = nullptr;
    thread->deleteLater();
    const bool cancelled = m_control && m_control->isCancelled();
    const QString error = m_error;
    Q_EMIT finished(cancelled, cancelled ? QString() : error);
}

} // namespace delineate
