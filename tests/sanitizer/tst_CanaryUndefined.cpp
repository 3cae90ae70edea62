// The UndefinedBehaviorSanitizer's canary: a signed integer overflow. Under UBSan (halt_on_error=1) this aborts;
// ctest marks it WILL_FAIL, so a pass in which UBSan was not active fails the run.
#include <QTest>

#include <climits>

class TestCanaryUndefined : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signedOverflow()
    {
        volatile int largest = INT_MAX;
        const int beyond = largest + 1;
        QVERIFY(beyond != 0);
    }
};

QTEST_GUILESS_MAIN(TestCanaryUndefined)
#include "tst_CanaryUndefined.moc"
