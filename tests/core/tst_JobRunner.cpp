// The one job pattern: a plain function on the worker, its typed result (Expected<T>) and typed intermediate results
// delivered on the runner's (UI) thread in order, progress with an ETA that leaves pauses out, pause, hold (apart
// from the user's pause, also for a job started while held), cancel, and a destructor that cancels and joins.
#include "jobs/JobRunner.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

using namespace delineate;

namespace {

constexpr int kTimeout = 30000;

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

struct EpochFigures
{
    int epoch = 0;
    double loss = 0.0;
};

// A job that counts steps until it has done `steps` or is cancelled, pausing between steps.
struct CountingJob
{
    std::shared_ptr<std::atomic<int>> steps = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<std::atomic<bool>> begun = std::make_shared<std::atomic<bool>>(false);

    std::function<Expected<int>(JobControl&)> work(int total) const
    {
        return [steps = steps, begun = begun, total](JobControl& control) -> Expected<int> {
            begun->store(true);
            while (steps->load() < total) {
                control.waitWhilePaused();
                if (control.isCancelled())
                    return Error::cancelled();
                sleepMs(5);
                ++*steps;
            }
            return steps->load();
        };
    }
};

} // namespace

class TestJobRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typedResultArrivesOnTheRunnerThread();
    void errorsAndExceptionsArriveAsErrors();
    void intermediateResultsComeInOrderBeforeTheResult();
    void progressCarriesAnEtaWithoutPauses();
    void pauseStopsAtThePausePoint();
    void holdIsApartFromThePause();
    void jobStartedWhileHeldBeginsOnRelease();
    void cancelDeliversCancelled();
    void secondStartIsRefusedWhileRunning();
    void destructorCancelsAndJoins();
};

void TestJobRunner::typedResultArrivesOnTheRunnerThread()
{
    JobRunner runner;
    QSignalSpy started(&runner, &JobRunner::started);
    QSignalSpy finished(&runner, &JobRunner::finished);
    QThread* workerThread = nullptr;
    QThread* doneThread = nullptr;
    std::optional<Expected<std::vector<int>>> delivered;
    bool finishedBeforeDone = false;
    QVERIFY(runner.start<std::vector<int>>(
        QStringLiteral("squares"),
        [&workerThread](JobControl&) -> Expected<std::vector<int>> {
            workerThread = QThread::currentThread();
            std::vector<int> squares;
            for (int i = 0; i < 5; ++i)
                squares.push_back(i * i);
            return squares;
        },
        [&](Expected<std::vector<int>> result) {
            doneThread = QThread::currentThread();
            finishedBeforeDone = !finished.isEmpty();
            delivered = std::move(result);
        }));
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().first().toString(), QStringLiteral("squares"));
    QVERIFY(runner.isRunning());
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(delivered.has_value() && delivered->ok());
    QCOMPARE(delivered->value(), (std::vector<int>{0, 1, 4, 9, 16}));
    QVERIFY(workerThread != nullptr && workerThread != QThread::currentThread());
    QCOMPARE(doneThread, QThread::currentThread());
    QVERIFY(!finishedBeforeDone); // finished comes after done
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(finished.first().at(1).toString().isEmpty());
    QVERIFY(!runner.isRunning());
}

void TestJobRunner::errorsAndExceptionsArriveAsErrors()
{
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    std::optional<Expected<int>> delivered;
    QVERIFY(runner.start<int>(
        QStringLiteral("fails"), [](JobControl&) -> Expected<int> { return Error::failed(QStringLiteral("scan.dcm: no pixel data")); },
        [&](Expected<int> result) { delivered = std::move(result); }));
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(delivered && !delivered->ok() && !delivered->error().isCancelled());
    QCOMPARE(delivered->error().message, QStringLiteral("scan.dcm: no pixel data"));
    QCOMPARE(finished.first().at(1).toString(), QStringLiteral("scan.dcm: no pixel data"));

    // An exception from the work does not reach the event loop: it becomes the error.
    finished.clear();
    delivered.reset();
    QVERIFY(runner.start<int>(
        QStringLiteral("throws"), [](JobControl&) -> Expected<int> { throw std::runtime_error("tensor shape mismatch"); },
        [&](Expected<int> result) { delivered = std::move(result); }));
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(delivered && !delivered->ok());
    QCOMPARE(delivered->error().message, QStringLiteral("tensor shape mismatch"));
}

void TestJobRunner::intermediateResultsComeInOrderBeforeTheResult()
{
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    QStringList log;
    bool allOnThisThread = true;
    using Publish = std::function<void(EpochFigures)>;
    QVERIFY((runner.start<double, EpochFigures>(
        QStringLiteral("epochs"),
        [](JobControl&, const Publish& publish) -> Expected<double> {
            for (int e = 1; e <= 6; ++e)
                publish(EpochFigures{e, 1.0 / e});
            return 1.0 / 6;
        },
        [&](EpochFigures figures) {
            allOnThisThread = allOnThisThread && QThread::currentThread() == this->thread();
            log << QStringLiteral("epoch %1 loss %2").arg(figures.epoch).arg(figures.loss, 0, 'f', 3);
        },
        [&](Expected<double> result) {
            allOnThisThread = allOnThisThread && QThread::currentThread() == this->thread();
            log << QStringLiteral("done %1").arg(result.ok() ? result.value() : -1.0, 0, 'f', 3);
        })));
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(allOnThisThread);
    QStringList expected;
    for (int e = 1; e <= 6; ++e)
        expected << QStringLiteral("epoch %1 loss %2").arg(e).arg(1.0 / e, 0, 'f', 3);
    expected << QStringLiteral("done %1").arg(1.0 / 6, 0, 'f', 3);
    QCOMPARE(log, expected);
}

void TestJobRunner::progressCarriesAnEtaWithoutPauses()
{
    // The work reports its own active time (pauses left out) in the message; the ETA must extrapolate that time.
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    struct Report
    {
        double fraction, eta, activeSeconds;
    };
    std::vector<Report> reports;
    connect(&runner, &JobRunner::progressChanged, this, [&](double fraction, const QString& message, double eta) {
        reports.push_back({fraction, eta, message.toDouble()});
    });
    auto pauseNow = std::make_shared<std::atomic<bool>>(false);
    QVERIFY(runner.start<int>(
        QStringLiteral("steps"),
        [pauseNow](JobControl& control) -> Expected<int> {
            QElapsedTimer active;
            active.start();
            qint64 pausedMs = 0;
            for (int step = 1; step <= 20; ++step) {
                sleepMs(50);
                if (step == 10) {
                    pauseNow->store(true); // the test pauses the job here for a while
                    while (pauseNow->load())
                        sleepMs(1);
                    QElapsedTimer waited;
                    waited.start();
                    control.waitWhilePaused();
                    pausedMs += waited.elapsed();
                }
                control.reportProgress(step / 20.0, QString::number((active.elapsed() - pausedMs) / 1000.0));
            }
            return 20;
        },
        [](Expected<int>) {}));
    QTRY_VERIFY_WITH_TIMEOUT(pauseNow->load(), kTimeout);
    runner.setPaused(true);
    pauseNow->store(false);
    QTest::qWait(700);
    runner.setPaused(false);
    QVERIFY(finished.wait(kTimeout));
    QCOMPARE(int(reports.size()), 20);
    int withEta = 0;
    for (const Report& r : reports) {
        if (r.fraction >= 1.0) {
            QVERIFY(r.eta < 0.0); // done: nothing left to estimate
            continue;
        }
        if (r.activeSeconds < 0.45) {
            QVERIFY2(r.eta < 0.0, qPrintable(QString::number(r.eta))); // too early to say
            continue;
        }
        if (r.eta < 0.0)
            continue; // the control's clock may read just under 0.5 s
        ++withEta;
        const double expected = r.activeSeconds * (1.0 - r.fraction) / r.fraction;
        // Within 100 ms of the work's own figure, 700 ms of pause or not.
        QVERIFY2(std::abs(r.eta - expected) < 0.1 + 0.1 * expected,
                 qPrintable(QStringLiteral("at %1: eta %2 s, expected %3 s").arg(r.fraction).arg(r.eta).arg(expected)));
    }
    QVERIFY2(withEta >= 5, qPrintable(QString::number(withEta)));
}

void TestJobRunner::pauseStopsAtThePausePoint()
{
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    QSignalSpy paused(&runner, &JobRunner::pausedChanged);
    CountingJob job;
    std::optional<Expected<int>> delivered;
    QVERIFY(runner.start<int>(QStringLiteral("count"), job.work(200), [&](Expected<int> r) { delivered = std::move(r); }));
    QTRY_VERIFY_WITH_TIMEOUT(job.steps->load() >= 3, kTimeout);
    runner.setPaused(true);
    QVERIFY(runner.isPaused());
    QCOMPARE(paused.count(), 1);
    const int atPause = job.steps->load();
    QTest::qWait(300);
    const int later = job.steps->load();
    QVERIFY2(later <= atPause + 1, qPrintable(QStringLiteral("%1 -> %2").arg(atPause).arg(later))); // the step under way
    QTest::qWait(300);
    QCOMPARE(job.steps->load(), later);
    runner.setPaused(true); // no change, no signal
    QCOMPARE(paused.count(), 1);
    runner.setPaused(false);
    QVERIFY(!runner.isPaused());
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(delivered && delivered->ok());
    QCOMPARE(delivered->value(), 200);
    QCOMPARE(paused.count(), 2);
}

void TestJobRunner::holdIsApartFromThePause()
{
    // Another job holds this one; meanwhile the user pauses it. The release leaves the user's pause alone.
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    QSignalSpy held(&runner, &JobRunner::heldChanged);
    CountingJob job;
    QVERIFY(runner.start<int>(QStringLiteral("count"), job.work(200), [](Expected<int>) {}));
    QTRY_VERIFY_WITH_TIMEOUT(job.steps->load() >= 3, kTimeout);
    runner.hold();
    QVERIFY(runner.isHeld());
    QVERIFY(!runner.isPaused());
    QCOMPARE(held.count(), 1);
    QTest::qWait(300);
    const int atHold = job.steps->load();
    QTest::qWait(300);
    QCOMPARE(job.steps->load(), atHold);
    runner.setPaused(true); // the user, while it is held
    runner.hold();          // a second holder
    runner.release();
    QVERIFY(runner.isHeld()); // one hold left
    QCOMPARE(held.count(), 1);
    runner.release();
    QVERIFY(!runner.isHeld());
    QCOMPARE(held.count(), 2);
    runner.release(); // unmatched: nothing
    QCOMPARE(held.count(), 2);
    QVERIFY(runner.isPaused());
    QTest::qWait(300);
    QCOMPARE(job.steps->load(), atHold); // still paused by the user
    runner.setPaused(false);
    QVERIFY(finished.wait(kTimeout));
    QCOMPARE(job.steps->load(), 200);
}

void TestJobRunner::jobStartedWhileHeldBeginsOnRelease()
{
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    runner.hold();
    CountingJob job;
    QVERIFY(runner.start<int>(QStringLiteral("count"), job.work(20), [](Expected<int>) {}));
    QVERIFY(runner.isRunning());
    QTest::qWait(400);
    QVERIFY(!job.begun->load());
    runner.release();
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(job.begun->load());
    QCOMPARE(job.steps->load(), 20);

    // Held and then cancelled before it began: it ends at once, as cancelled.
    finished.clear();
    runner.hold();
    CountingJob second;
    std::optional<Expected<int>> delivered;
    QVERIFY(runner.start<int>(QStringLiteral("count"), second.work(20), [&](Expected<int> r) { delivered = std::move(r); }));
    runner.cancel();
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(finished.first().at(0).toBool());
    QVERIFY(delivered && !delivered->ok() && delivered->error().isCancelled());
    QCOMPARE(second.steps->load(), 0);
    runner.release();
}

void TestJobRunner::cancelDeliversCancelled()
{
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    CountingJob job;
    std::optional<Expected<int>> delivered;
    QVERIFY(runner.start<int>(QStringLiteral("count"), job.work(100000), [&](Expected<int> r) { delivered = std::move(r); }));
    QTRY_VERIFY_WITH_TIMEOUT(job.steps->load() >= 2, kTimeout);
    runner.setPaused(true);
    runner.cancel(); // a paused job wakes to be cancelled
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(delivered && !delivered->ok() && delivered->error().isCancelled());
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(finished.first().at(1).toString().isEmpty());
    QVERIFY(job.steps->load() < 100000);

    // A job that finishes its work regardless of the cancel still counts as cancelled: its result is not used.
    finished.clear();
    delivered.reset();
    auto cancelSeen = std::make_shared<std::atomic<bool>>(false);
    QVERIFY(runner.start<int>(
        QStringLiteral("stubborn"),
        [cancelSeen](JobControl& control) -> Expected<int> {
            while (!control.isCancelled())
                sleepMs(2);
            cancelSeen->store(true);
            return 42;
        },
        [&](Expected<int> r) { delivered = std::move(r); }));
    runner.cancel();
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(cancelSeen->load());
    QVERIFY(delivered && !delivered->ok() && delivered->error().isCancelled());

    // Nor is an error it meets on its way out (a read cut short by the cancel): the user asked it to stop.
    finished.clear();
    delivered.reset();
    QVERIFY(runner.start<int>(
        QStringLiteral("interrupted"),
        [](JobControl& control) -> Expected<int> {
            while (!control.isCancelled())
                sleepMs(2);
            return Error::failed(QStringLiteral("series.dcm: the pixel data ends early"));
        },
        [&](Expected<int> r) { delivered = std::move(r); }));
    runner.cancel();
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(delivered && !delivered->ok());
    QVERIFY2(delivered->error().isCancelled(), qPrintable(delivered->error().message));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(finished.first().at(1).toString().isEmpty());
}

void TestJobRunner::secondStartIsRefusedWhileRunning()
{
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    CountingJob first, second;
    QVERIFY(runner.start<int>(QStringLiteral("first"), first.work(40), [](Expected<int>) {}));
    QVERIFY(!runner.start<int>(QStringLiteral("second"), second.work(40), [](Expected<int>) {}));
    QCOMPARE(runner.title(), QStringLiteral("first"));
    QVERIFY(finished.wait(kTimeout));
    QCOMPARE(first.steps->load(), 40);
    QTest::qWait(100);
    QVERIFY(!second.begun->load());
}

void TestJobRunner::destructorCancelsAndJoins()
{
    auto* runner = new JobRunner;
    auto running = std::make_shared<std::atomic<bool>>(false);
    auto returned = std::make_shared<std::atomic<bool>>(false);
    bool done = false;
    bool intermediate = false;
    using Publish = std::function<void(int)>;
    QVERIFY((runner->start<int, int>(
        QStringLiteral("endless"),
        [running, returned](JobControl& control, const Publish& publish) -> Expected<int> {
            running->store(true);
            while (!control.isCancelled())
                sleepMs(2);
            sleepMs(100); // a slow stop: the destructor must wait for it
            publish(1);   // queued to a runner about to be gone: dropped
            returned->store(true);
            return 1;
        },
        [&intermediate](int) { intermediate = true; }, [&done](Expected<int>) { done = true; })));
    QTRY_VERIFY_WITH_TIMEOUT(running->load(), kTimeout);
    QElapsedTimer clock;
    clock.start();
    delete runner; // cancels, then joins
    QVERIFY(returned->load());
    QVERIFY(clock.elapsed() >= 90);
    QTest::qWait(200); // anything wrongly queued would arrive now
    QVERIFY(!done);
    QVERIFY(!intermediate);
}

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_JobRunner.moc"
