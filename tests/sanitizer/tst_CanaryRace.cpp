// The ThreadSanitizer pass's canary: two threads write one plain int without a lock. Under TSan (halt_on_error=1)
// this aborts; ctest marks it WILL_FAIL, so a pass in which TSan was not active fails the run.
#include <QTest>

#include <thread>

class TestCanaryRace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unsynchronisedWrites()
    {
        static int counter = 0;
        auto work = [] {
            for (int i = 0; i < 100000; ++i)
                counter = counter + 1;
        };
        std::thread first(work);
        std::thread second(work);
        first.join();
        second.join();
        QVERIFY(counter > 0);
    }
};

QTEST_GUILESS_MAIN(TestCanaryRace)
#include "tst_CanaryRace.moc"
