// Draws and edits measurements on any slice view: ruler and regions by a drag, the angle by three clicks (or a drag
// for its first arm, then a click); a drag on a handle moves that point, a drag on the shape moves it all. Delete
// removes the selected measurement, Escape drops the one being drawn. Values are computed by MeasurementList.
#pragma once

#include "measure/Measurement.h"
#include "tools/SliceTool.h"

#include <QPointF>

namespace delineate {

class MeasurementList;

class MeasureTool : public SliceTool
{
    Q_OBJECT
public:
    MeasureTool(MeasurementList* list, QObject* parent = nullptr);

    QString name() const override;
    MeasurementKind kind() const { return m_kind; }
    void setKind(MeasurementKind kind);
    bool isDrawing() const { return m_drawing; }

    bool mousePress(SliceView& view, QMouseEvent* event) override;
    bool mouseMove(SliceView& view, QMouseEvent* event) override;
    bool mouseRelease(SliceView& view, QMouseEvent* event) override;
    bool keyPress(SliceView& view, QKeyEvent* event) override;
    void deactivate() override;
    void paint(QPainter& painter, const SliceView& view) override;

private:
    enum class Drag { None, Draft, Handle, Whole };

    Vector3 pointAt(const SliceView& view, const QPointF& position) const;
    // The measurement and point under `position` on `view` (point -1: on the shape, not a handle); id 0: none.
    std::pair<int, int> hit(const SliceView& view, const QPointF& position) const;
    void finishDraft();
    void cancelDraft();

    MeasurementList* m_list;
    MeasurementKind m_kind = MeasurementKind::Ruler;
    Drag m_drag = Drag::None;
    bool m_drawing = false;     // a measurement in progress (m_draft)
    Measurement m_draft;
    int m_fixed = 0;            // points of m_draft placed; the next one follows the pointer
    const SliceView* m_draftView = nullptr;
    QPointF m_pressPosition;
    int m_editId = 0, m_editPoint = -1;
    std::vector<Vector3> m_pressPoints; // of the measurement being moved, at the press
    Vector3 m_pressIndex{};
};

} // namespace delineate
