// Draws the measurements of the series on screen over every view whose slice they lie on, whatever tool is active:
// outline, value, and the handles of the selected one. Only drawing here: the values were computed on edit.
#pragma once

#include "widgets/SliceOverlay.h"

#include <QHash>
#include <QObject>
#include <QStaticText>
#include <QString>
#include <QVector>

class QPainter;

namespace delineate {

class MeasurementList;
class SliceView;
struct Measurement;

class MeasurementOverlay : public QObject, public SliceOverlay
{
    Q_OBJECT
public:
    explicit MeasurementOverlay(MeasurementList* list, QObject* parent = nullptr);
    // Draws on `view` from now on and repaints it when the list changes.
    void attach(SliceView* view);

    void paint(QPainter& painter, const SliceView& view) override;

    // Whether `measurement` lies on the slice `view` shows.
    static bool isOnSlice(const Measurement& measurement, const SliceView& view);
    // One measurement's outline and its text, one QStaticText per line (also the tool's measurement in progress).
    static void drawMeasurement(QPainter& painter, const SliceView& view, const Measurement& measurement,
                                const QVector<QStaticText>& lines, bool selected);
    static QVector<QStaticText> textLines(const QString& text);

private:
    MeasurementList* m_list;
    // The laid-out text of each measurement, made again only after an edit: text layout is what a repaint of a
    // dozen values would otherwise spend its time on.
    QHash<int, QVector<QStaticText>> m_texts;
};

} // namespace delineate
