// Brush strokes written down: one JSON object per line, e.g.
//   {"label": 2, "radius": 5, "unit": "mm", "shape": "sphere", "axis": 2, "erase": false, "overwrite": "all",
//    "points": [[120, 200, 1], [130, 204, 1]]}
// ("unit": mm | voxels; "shape": disk | sphere; "overwrite": all | empty | label:N; points are voxel indices).
// delineate-cli edit applies them (batch corrections, tests); each stroke is one edit like one drawn in the app.
#pragma once

#include "common/Expected.h"
#include "edit/Brush.h"
#include "edit/SegmentationDocument.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace delineate {

struct Stroke
{
    BrushSettings settings;
    QVector<Vector3> points;
};

// `origin` names the file in error messages (with the line number).
Expected<QVector<Stroke>> parseStrokes(const QByteArray& text, const QString& origin);
// One stroke as one committed edit; returns its history text. A locked or invalid label is an Error.
Expected<QString> applyStroke(SegmentationDocument& document, const Stroke& stroke);

} // namespace delineate
