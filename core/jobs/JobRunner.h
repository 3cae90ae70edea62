// Runs one long core function on a worker thread and delivers its progress, intermediate results and end by signal.
#pragma once

#include "jobs/JobControl.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

#include <functional>
#include <memory>

namespace delineate {

// The JobControl a running job sees: thread-safe, forwards to the runner's signals.
class ThreadJobControl : public QObject, public JobControl
{
    Q_OBJECT
public:
    void reportProgress(double fraction, const QString& message) override;
    void publish(const QVariantMap& intermediate) override;
    bool isCancelled() const override { return m_cancelled.load(); }
    void waitWhilePaused() override;

    void cancel();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused.load(); }

Q_SIGNALS:
    void progressChanged(double fraction, const QString& message);
    void published(const QVariantMap& intermediate);

private:
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_paused{false};
    QMutex m_pauseMutex;
    QWaitCondition m_resumed;
};

// Owns a worker QThread. start() runs `work(control)` there; finished() arrives on the runner's thread.
// The work returns an empty string on success or a user-visible error message; cancellation is reported separately.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<QString(JobControl&)>;

    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override; // cancels and joins a running job

    bool isRunning() const { return m_thread != nullptr; }
    // Returns false (and does nothing) if a job is already running.
    bool start(const QString& title, Work work);
    void cancel();
    void setPaused(bool paused);
    QString title() const { return m_title; }

Q_SIGNALS:
    void started(const QString& title);
    void progressChanged(double fraction, const QString& message);
    void published(const QVariantMap& intermediate);
    // error is empty on success; cancelled is true when the user cancelled.
    void finished(bool cancelled, const QString& error);

private:
    void onThreadFinished();

    QThread* m_thread = nullptr;
    std::shared_ptr<ThreadJobControl> m_control;
    QString m_title;
    QString m_error;
};

} // namespace delineate
