// The one interface long work sees: report progress, publish intermediate results, honour cancel and pause.
#pragma once

#include <QString>
#include <QVariantMap>

#include <atomic>

namespace delineate {

class JobControl
{
public:
    virtual ~JobControl() = default;

    // fraction in [0, 1]; message is user-visible (already translated by the caller if needed).
    virtual void reportProgress(double fraction, const QString& message) = 0;
    // An intermediate result, e.g. one epoch's metrics: {"epoch": 3, "loss": 0.21, ...}.
    virtual void publish(const QVariantMap& intermediate) { Q_UNUSED(intermediate); }
    virtual bool isCancelled() const = 0;
    // Blocks while the job is paused; returns at once otherwise (and when cancelled).
    virtual void waitWhilePaused() {}
};

// For synchronous callers that need no progress: never cancelled unless cancel() is called.
class SimpleJobControl : public JobControl
{
public:
    void reportProgress(double fraction, const QString& message) override
    {
        m_fraction = fraction;
        m_message = message;
    }
    bool isCancelled() const override { return m_cancelled.load(); }
    void cancel() { m_cancelled.store(true); }

    double fraction() const { return m_fraction; }
    QString message() const { return m_message; }

private:
    std::atomic<bool> m_cancelled{false};
    double m_fraction = 0.0;
    QString m_message;
};

} // namespace delineate
