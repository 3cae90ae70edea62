// The AddressSanitizer pass's canary: a write one byte past a heap buffer. Under ASan this aborts; ctest marks it
// WILL_FAIL, so a pass in which ASan was not active fails the run.
#include <QTest>

#include <cstdlib>
#include <cstring>

class TestCanaryHeap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writePastTheEnd()
    {
        volatile std::size_t size = 16;
        char* buffer = static_cast<char*>(std::malloc(size));
        std::memset(buffer, 1, size + 1); // one byte too many
        const int first = buffer[0];
        std::free(buffer);
        QCOMPARE(first, 1);
    }
};

QTEST_GUILESS_MAIN(TestCanaryHeap)
#include "tst_CanaryHeap.moc"
