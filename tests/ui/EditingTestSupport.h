// Helpers of the offscreen editing tests: mouse events sent straight to a view (with modifiers), the voxels of a label,
// analytic disks, and answering a modal dialog from a timer while exec() runs.
#pragma once

#include "TestData.h"

#include "image/ImageGeometry.h"
#include "image/Segmentation.h"
#include "image/Volume.h"
#include "model/ViewerState.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>
#include <set>

namespace delineate::testing {

inline void press(QWidget* view, const QPointF& at, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(QEvent::MouseButtonPress, at, view->mapToGlobal(at), Qt::LeftButton, Qt::LeftButton, modifiers);
    QApplication::sendEvent(view, &event);
}

inline void moveTo(QWidget* view, const QPointF& at, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(QEvent::MouseMove, at, view->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, modifiers);
    QApplication::sendEvent(view, &event);
}

inline void release(QWidget* view, const QPointF& at, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(QEvent::MouseButtonRelease, at, view->mapToGlobal(at), Qt::LeftButton, Qt::NoButton, modifiers);
    QApplication::sendEvent(view, &event);
}

inline void click(QWidget* view, const QPointF& at, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    press(view, at, modifiers);
    release(view, at, modifiers);
}

// Press, release, double-click, release: what a double-click delivers (item views want the press first).
inline void doubleClick(QWidget* widget, const QPointF& at)
{
    click(widget, at);
    QMouseEvent event(QEvent::MouseButtonDblClick, at, widget->mapToGlobal(at), Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
    release(widget, at);
}

inline std::size_t offsetOf(const ImageGeometry& g, int64_t i, int64_t j, int64_t k)
{
    return std::size_t(i + g.size()[0] * (j + g.size()[1] * k));
}

// Voxels of a 2D disk in axial slice k whose centres lie within `radius` mm of voxel (ci, cj, k).
inline std::set<std::size_t> axialDisk(const ImageGeometry& g, double ci, double cj, int64_t k, double radius)
{
    std::set<std::size_t> voxels;
    for (int64_t j = 0; j < g.size()[1]; ++j)
        for (int64_t i = 0; i < g.size()[0]; ++i) {
            const double dx = (double(i) - ci) * g.spacing()[0], dy = (double(j) - cj) * g.spacing()[1];
            if (dx * dx + dy * dy <= radius * radius + 1e-9)
                voxels.insert(offsetOf(g, i, j, k));
        }
    return voxels;
}

inline std::set<std::size_t> voxelsOf(const Segmentation& s, uint16_t label)
{
    std::set<std::size_t> voxels;
    const int layer = s.labels().layerOf(label);
    for (std::size_t o = 0; o < s.voxelCount(); ++o)
        if (s.labelAt(layer, o) == label)
            voxels.insert(o);
    return voxels;
}

inline std::set<std::size_t> unite(std::set<std::size_t> a, const std::set<std::size_t>& b)
{
    a.insert(b.begin(), b.end());
    return a;
}

// Calls `answer` with the first modal widget of type T that shows up (from a timer, while its exec() runs).
template <typename T>
void answerModal(std::function<void(T*)> answer)
{
    auto* poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, answer]() {
        auto* widget = qobject_cast<T*>(QApplication::activeModalWidget());
        if (!widget)
            return;
        poll->stop();
        poll->deleteLater();
        answer(widget);
    });
    poll->start();
}

// Opens dcmqi's 3-slice CT (512 x 512 x 3, 0.8105 mm pixels) in `window`.
inline void openCt(MainWindow* window)
{
    QSignalSpy shown(window, &MainWindow::imageShown);
    window->openPath(dataPath(QStringLiteral("dcmqi-seg/ct-3slice")));
    QVERIFY2(shown.wait(60000), qPrintable(window->lastError()));
    QCOMPARE(window->state()->volume()->geometry().size(), (std::array<int64_t, 3>{512, 512, 3}));
    QTest::qWait(50); // layout settles
}

} // namespace delineate::testing

// Opens dcmqi's CT in m_window (skipping without the data); stops the test if that fails.
#define OPEN_CT()                                                                                                  \
    do {                                                                                                           \
        DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");                                                             \
        delineate::testing::openCt(m_window);                                                                      \
        if (QTest::currentTestFailed())                                                                            \
            return;                                                                                                \
    } while (false)
