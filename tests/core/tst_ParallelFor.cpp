// The parallel loop the loaders use: every index exactly once on several threads, progress that rises to its end,
// cancel that starts no new item, pause that holds the loop, and an exception thrown on a worker thread rethrown on
// the caller after every thread has joined.
#include "jobs/ParallelFor.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace delineate;

namespace {

// Records every progress report; can cancel after a number of reports and pause for a while.
class RecordingControl : public JobControl
{
public:
    void reportProgress(double fraction, const QString& message) override
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        fractions.push_back(fraction);
        messages.push_back(message);
        if (cancelAfterReports > 0 && int(fractions.size()) >= cancelAfterReports)
            cancelled.store(true);
    }
    bool isCancelled() const override { return cancelled.load(); }
    void waitWhilePaused() override
    {
        ++pauseChecks;
        while (paused.load() && !cancelled.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }

    std::vector<double> fractions;
    std::vector<QString> messages;
    int cancelAfterReports = 0;
    std::atomic<bool> cancelled{false};
    std::atomic<bool> paused{false};
    std::atomic<int> pauseChecks{0};

private:
    std::mutex m_mutex;
};

} // namespace

class TestParallelFor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyIndexOnce_data();
    void everyIndexOnce();
    void cancelStartsNoNewItem();
    void pauseHoldsTheLoop();
    void workerExceptionReachesTheCaller();
    void callerExceptionJoinsTheWorkers();
};

void TestParallelFor::everyIndexOnce_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("threads");
    QTest::newRow("none") << 0 << 4;
    QTest::newRow("one") << 1 << 4;
    QTest::newRow("fewer items than threads") << 3 << 8;
    QTest::newRow("one thread") << 500 << 1;
    QTest::newRow("many on four threads") << 5000 << 4;
}

void TestParallelFor::everyIndexOnce()
{
    QFETCH(int, count);
    QFETCH(int, threads);
    std::vector<std::atomic<int>> visits(static_cast<std::size_t>(count));
    std::mutex idsMutex;
    std::set<std::thread::id> ids;
    RecordingControl control;
    const bool finished = parallelFor(count, control, QStringLiteral("Counting"), 0.2, 0.8,
                                      [&](int i) {
                                          visits[std::size_t(i)].fetch_add(1);
                                          const std::lock_guard<std::mutex> lock(idsMutex);
                                          ids.insert(std::this_thread::get_id());
                                      },
                                      threads);
    QVERIFY(finished);
    for (int i = 0; i < count; ++i)
        QVERIFY2(visits[std::size_t(i)].load() == 1, qPrintable(QStringLiteral("index %1 ran %2 times").arg(i).arg(visits[std::size_t(i)].load())));
    QVERIFY(int(ids.size()) <= std::max(1, std::min(threads, count)));
    // Progress rises from the start of its range to the end and carries the message.
    QVERIFY(!control.fractions.empty());
    for (std::size_t r = 1; r < control.fractions.size(); ++r)
        QVERIFY(control.fractions[r] >= control.fractions[r - 1]);
    QVERIFY(control.fractions.front() >= 0.2);
    QCOMPARE(control.fractions.back(), 0.8);
    QCOMPARE(control.messages.back(), QStringLiteral("Counting"));
}

void TestParallelFor::cancelStartsNoNewItem()
{
    // One thread, so the caller checks for cancel between every item: cancelled at the third report, the loop ends
    // after the item in progress and reports no completion.
    RecordingControl control;
    control.cancelAfterReports = 3;
    std::atomic<int> ran{0};
    const bool finished = parallelFor(1000, control, QStringLiteral("Loading"), 0.0, 1.0, [&](int) { ++ran; }, 1);
    QVERIFY(!finished);
    QVERIFY2(ran.load() <= 3, qPrintable(QString::number(ran.load())));
    QVERIFY(control.fractions.back() < 1.0);

    // Several threads: items already started finish, and the loop stops far short of the end.
    RecordingControl parallel;
    parallel.cancelAfterReports = 2;
    std::atomic<int> started{0};
    const bool parallelFinished = parallelFor(100000, parallel, QStringLiteral("Loading"), 0.0, 1.0, [&](int) {
        ++started;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }, 4);
    QVERIFY(!parallelFinished);
    QVERIFY2(started.load() < 100000, qPrintable(QString::number(started.load())));
}

void TestParallelFor::pauseHoldsTheLoop()
{
    RecordingControl control;
    control.paused.store(true);
    std::atomic<int> ran{0};
    std::atomic<bool> finished{false};
    std::thread loop([&] {
        finished.store(parallelFor(50, control, QStringLiteral("Loading"), 0.0, 1.0, [&](int) { ++ran; }, 1));
    });
    // Paused before the first item: nothing runs while the pause lasts.
    QTRY_VERIFY(control.pauseChecks.load() > 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    QCOMPARE(ran.load(), 0);
    control.paused.store(false);
    loop.join();
    QVERIFY(finished.load());
    QCOMPARE(ran.load(), 50);
}

void TestParallelFor::workerExceptionReachesTheCaller()
{
    // Item 7 throws; with four threads it may run on any of them. The loop must not terminate the process: the
    // exception reaches the caller after the other threads have joined, and no item runs twice.
    for (int round = 0; round < 20; ++round) {
        RecordingControl control;
        std::vector<std::atomic<int>> visits(2000);
        bool caught = false;
        try {
            parallelFor(2000, control, QStringLiteral("Loading"), 0.0, 1.0, [&](int i) {
                visits[std::size_t(i)].fetch_add(1);
                if (i == 7)
                    throw std::runtime_error("damaged item 7");
            }, 4);
        } catch (const std::runtime_error& error) {
            caught = QByteArray(error.what()) == "damaged item 7";
        }
        QVERIFY(caught);
        for (const auto& v : visits)
            QVERIFY(v.load() <= 1);
        QCOMPARE(visits[7].load(), 1);
    }
    // On one thread the order is fixed: the throw at item 7 ends the loop there.
    RecordingControl control;
    std::atomic<int> ran{0};
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, parallelFor(2000, control, QStringLiteral("Loading"), 0.0, 1.0, [&](int i) {
        ++ran;
        if (i == 7)
            throw std::runtime_error("damaged item 7");
    }, 1));
    QCOMPARE(ran.load(), 8);
}

void TestParallelFor::callerExceptionJoinsTheWorkers()
{
    // Every item throws, so the calling thread's own first item throws too; all threads stop and join.
    RecordingControl control;
    std::atomic<int> ran{0};
    QVERIFY_THROWS_EXCEPTION(std::logic_error, parallelFor(1000, control, QStringLiteral("Loading"), 0.0, 1.0, [&](int) {
        ++ran;
        throw std::logic_error("every item fails");
    }, 3));
    QVERIFY(ran.load() >= 1 && ran.load() <= 3);
}

QTEST_GUILESS_MAIN(TestParallelFor)
#include "tst_ParallelFor.moc"
