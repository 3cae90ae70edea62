// Entering and leaving the side-by-side comparison in the main window: loads the second series through the study
// loader (on its worker), swaps the central area between the normal views and the ComparisonView, and back.
#pragma once

#include <QObject>

#include <memory>

class QMainWindow;
class QStackedWidget;

namespace delineate {

class ComparisonView;
class SegmentationLayer;
class StudyLoader;
class ViewerState;
class Volume;
struct ImageInfo;
struct WindowLevel;

class SideBySide : public QObject
{
    Q_OBJECT
public:
    // Call once `window`'s central widget (the normal views) is set: it moves into a stack with the comparison.
    SideBySide(QMainWindow* window, ViewerState* main, StudyLoader* loader, SegmentationLayer* segmentation);

    // Loads `seriesKey` of the scan on the worker and shows it beside the image on screen.
    void compareWith(const QString& seriesKey);
    void leave();
    bool isActive() const;
    ComparisonView* view() const { return m_view; }

Q_SIGNALS:
    void activeChanged(bool active);

private:
    void show(std::shared_ptr<const Volume> volume, const ImageInfo& info, const WindowLevel& automaticWindow);

    ViewerState* m_main;
    StudyLoader* m_loader;
    QStackedWidget* m_stack;
    QWidget* m_normal;
    ComparisonView* m_view;
};

} // namespace delineate
