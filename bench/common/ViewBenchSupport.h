// What the UI benchmarks (bench/view, bench/edit) share: a baseline blit widget, exposure wait, timing helpers and
// the 512x512x300 test volume resampled in memory from mricron-data's Colin 27.
#pragma once

#include "image/Resample.h"
#include "image/Volume.h"
#include "io/VolumeIO.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QWidget>
#include <QWindow>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

namespace delineate::bench {

inline const QString kColin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");

// The baseline: the cheapest possible repaint of a widget of the same size, one unscaled QImage blit.
class BlitWidget : public QWidget
{
public:
    explicit BlitWidget(int size) : m_image(size, size, QImage::Format_RGB32)
    {
        setAttribute(Qt::WA_OpaquePaintEvent);
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x)
                m_image.setPixel(x, y, qRgb((x ^ y) & 255, (x ^ y) & 255, (x ^ y) & 255));
        resize(size, size);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.drawImage(0, 0, m_image);
    }

private:
    QImage m_image;
};

// repaint() paints nothing until the platform has exposed the window.
inline void waitUntilExposed(QWidget* widget)
{
    QElapsedTimer timer;
    timer.start();
    while (!(widget->windowHandle() && widget->windowHandle()->isExposed()) && timer.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

inline double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t index = std::min(values.size() - 1, std::size_t(fraction * double(values.size() - 1) + 0.5));
    return values[index];
}

inline double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Three decimals (microseconds) are all the precision these figures have.
inline double rounded(double ms)
{
    return std::round(ms * 1000.0) / 1000.0;
}

inline double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

inline Volume makeBenchVolume(const char* program)
{
    Expected<Volume> colin = readVolume(kColin);
    if (!colin.ok()) {
        std::fprintf(stderr, "%s: %s\n", program, qPrintable(colin.error().message));
        std::exit(1);
    }
    return resampleLinear(*colin, resizedGeometry(colin->geometry(), {512, 512, 300}));
}

} // namespace delineate::bench
