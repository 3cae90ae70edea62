// Text and marks drawn over images: shadowed so that they read on white bone and black air alike.
#pragma once

#include <QColor>
#include <QStringList>

class QPainter;
class QRect;

namespace delineate {

class ViewText
{
public:
    // Lines stacked from the corner given by `alignment` (left/right, top/bottom), each elided to `maxWidth`.
    static void drawLines(QPainter& painter, const QRect& area, Qt::Alignment alignment, const QStringList& lines,
                          const QColor& colour, int maxWidth);
    static void drawShadowed(QPainter& painter, const QRect& rect, int flags, const QString& text, const QColor& colour);
    // A scale bar of a round length (1, 2 or 5 x 10^n mm) about a fifth of the area's width, bottom right.
    static void drawScaleBar(QPainter& painter, const QRect& area, double pixelsPerMm);
};

} // namespace delineate
