// A wait cursor for the lifetime of a scope: the editing operations that run synchronously on the UI thread (fill,
// interpolation, islands, smoothing) take well under a second on a CT series, too short for a worker and a progress
// bar, long enough that the pointer should say the click was taken.
#pragma once

#include <QGuiApplication>

namespace delineate {

class BusyCursor
{
public:
    BusyCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QGuiApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor&) = delete;
    BusyCursor& operator=(const BusyCursor&) = delete;
};

} // namespace delineate
