// What an editing tool sees of a slice view: press / move / release / wheel / key, and a preview painted over the
// image on every repaint. The views keep navigation (Ctrl + left button for the crosshair, middle button pan, right
// button window/level, wheel to scroll, Ctrl + wheel to zoom) whatever tool is active, as in ITK-SNAP and Slicer.
#pragma once

#include <QCursor>
#include <QObject>
#include <QString>

class QKeyEvent;
class QMouseEvent;
class QPainter;
class QWheelEvent;

namespace delineate {

class SliceView;

class SliceTool : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString name() const = 0; // translated
    virtual QCursor cursor() const { return Qt::CrossCursor; }

    // Each returns true when the tool used the event. Left-button presses without Ctrl reach the tool; moves reach
    // it while it drags and while hovering (for its outline); release ends a drag.
    virtual bool mousePress(SliceView& view, QMouseEvent* event) = 0;
    virtual bool mouseMove(SliceView& view, QMouseEvent* event) = 0;
    virtual bool mouseRelease(SliceView& view, QMouseEvent* event) = 0;
    virtual bool wheel(SliceView& view, QWheelEvent* event)
    {
        Q_UNUSED(view);
        Q_UNUSED(event);
        return false;
    }
    virtual bool keyPress(SliceView& view, QKeyEvent* event)
    {
        Q_UNUSED(view);
        Q_UNUSED(event);
        return false;
    }
    // The pointer left `view`: hide its outline there.
    virtual void leave(SliceView& view) { Q_UNUSED(view); }
    // The tool stops being active (another tool chosen): end any drag cleanly.
    virtual void deactivate() {}
    // Widget coordinates; called on every repaint of every view: keep it cheap.
    virtual void paint(QPainter& painter, const SliceView& view) = 0;

Q_SIGNALS:
    // The preview moved: views repaint (cheap: the image is cached).
    void previewChanged();
    // A message for the status bar, e.g. why a stroke was refused.
    void message(const QString& text);
};

} // namespace delineate
