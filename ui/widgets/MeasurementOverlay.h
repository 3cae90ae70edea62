// Draws the measurements of the series on screen over every view whose slice they lie on, whatever tool is active:
// outline, value, and the handles of the selected one. Only drawing here: the values were computed on edit.
#pragma once

#include "widgets/SliceOverlay.h"

#include <QObject>
#include <QString>

class QPainter;

namespace delineate {

class MeasurementList;
class ViewerPanel;
class SliceView;
struct Measurement;

class MeasurementOverlay : public QObject, public SliceOverlay
{
    Q_OBJECT
public:
    // Adds itself to every view of `views` and repaints them when the list changes.
    MeasurementOverlay(MeasurementList* list, ViewerPanel* views, QObject* parent = nullptr);

    void paint(QPainter& painter, const SliceView& view) override;

    // Whether `measurement` lies on the slice `view` shows.
    static bool isOnSlice(const Measurement& measurement, const SliceView& view);
    // One measurement's outline and text (also the tool's measurement in progress).
    static void drawMeasurement(QPainter& painter, const SliceView& view, const Measurement& measurement,
                                const QString& text, bool selected);

private:
    MeasurementList* m_list;
};

} // namespace delineate
