// Phase log and write delay for kill tests; unbuffered write(2) so a SIGKILL loses nothing already marked.
#include "common/PhaseTrace.h"

#include <QByteArray>
#include <QFile>
#include <QThread>

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>

namespace delineate::phase {

namespace {

int logDescriptor()
{
    static const int fd = []() {
        const char* path = std::getenv("DELINEATE_PHASE_LOG");
        if (!path || !*path)
            return -1;
        return ::open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    }();
    return fd;
}

int delayMs()
{
    static const int ms = []() {
        const char* value = std::getenv("DELINEATE_TEST_WRITE_DELAY_MS");
        return value ? std::max(0, std::atoi(value)) : 0;
    }();
    return ms;
}

} // namespace

void mark(const char* phase, const QString& detail)
{
    const int fd = logDescriptor();
    if (fd < 0)
        return;
    QByteArray line(phase);
    if (!detail.isEmpty())
        line += ' ' + detail.toUtf8();
    line += '\n';
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    [[maybe_unused]] const ssize_t written = ::write(fd, line.constData(), std::size_t(line.size()));
}

void testDelay()
{
    if (const int ms = delayMs(); ms > 0)
        QThread::msleep(unsigned(ms));
}

} // namespace delineate::phase
