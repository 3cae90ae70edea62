// Shadowed text, corner text blocks and the mm scale bar for the slice views.
#include "widgets/ViewText.h"

#include <QFontMetrics>
#include <QPainter>
#include <QRect>

#include <cmath>

namespace delineate {

void ViewText::drawShadowed(QPainter& painter, const QRect& rect, int flags, const QString& text, const QColor& colour)
{
    painter.setPen(QColor(0, 0, 0, 200));
    painter.drawText(rect.translated(1, 1), flags, text);
    painter.setPen(colour);
    painter.drawText(rect, flags, text);
}

void ViewText::drawLines(QPainter& painter, const QRect& area, Qt::Alignment alignment, const QStringList& lines,
                         const QColor& colour, int maxWidth)
{
    const QFontMetrics metrics(painter.font());
    const int lineHeight = metrics.height();
    const bool bottom = alignment & Qt::AlignBottom;
    const bool right = alignment & Qt::AlignRight;
    for (int n = 0; n < lines.size(); ++n) {
        const QString text = metrics.elidedText(lines.at(n), Qt::ElideRight, maxWidth);
        const int y = bottom ? area.bottom() - (lines.size() - n) * lineHeight : area.top() + n * lineHeight;
        const QRect rect = right ? QRect(area.right() - maxWidth, y, maxWidth, lineHeight)
                                 : QRect(area.left(), y, maxWidth, lineHeight);
        drawShadowed(painter, rect, int((right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter), text, colour);
    }
}

void ViewText::drawScaleBar(QPainter& painter, const QRect& area, double pixelsPerMm)
{
    if (pixelsPerMm <= 0.0)
        return;
    const double wantedMm = area.width() / 5.0 / pixelsPerMm;
    const double decade = std::pow(10.0, std::floor(std::log10(wantedMm)));
    double lengthMm = decade;
    for (double step : {2.0, 5.0, 10.0})
        if (decade * step <= wantedMm)
            lengthMm = decade * step;
    const int length = int(std::lround(lengthMm * pixelsPerMm));
    const QFontMetrics metrics(painter.font());
    const int x1 = area.right(), x0 = x1 - length;
    const int y = area.bottom() - metrics.height() - 4;
    const QColor colour(255, 255, 255, 230);
    for (int pass = 0; pass < 2; ++pass) { // shadow first, then the bar
        const int o = pass == 0 ? 1 : 0;
        painter.setPen(QPen(pass == 0 ? QColor(0, 0, 0, 200) : colour, 1.5));
        painter.drawLine(x0 + o, y + o, x1 + o, y + o);
        painter.drawLine(x0 + o, y - 5 + o, x0 + o, y + o);
        painter.drawLine(x1 + o, y - 5 + o, x1 + o, y + o);
        painter.drawLine((x0 + x1) / 2 + o, y - 3 + o, (x0 + x1) / 2 + o, y + o);
    }
    const QString label = lengthMm >= 1.0 ? QStringLiteral("%1 mm").arg(lengthMm, 0, 'f', 0)
                                          : QStringLiteral("%1 mm").arg(lengthMm, 0, 'g', 2);
    drawShadowed(painter, QRect(x0 - 40, y + 2, length + 40, metrics.height()), int(Qt::AlignRight | Qt::AlignTop),
                 label, colour);
}

} // namespace delineate
