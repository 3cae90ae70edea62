// Documentation pictures of the tests that judge masks by eye (tst_BrainModel, tst_Synthesis): a grey image with a
// mask's outline in yellow, and a captioned row of such pictures. Needs Qt Gui (QPainter draws text only with a
// QGuiApplication).
#pragma once

#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QVector>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <utility>

namespace delineate::testing {

// A width x height picture: grey from `value(x, y)` windowed to [low, high]; pixels of the mask (`inside(x, y)`)
// with a 4-neighbour outside it (or on the border) drawn yellow. `flipX`/`flipY` mirror the drawing, e.g. into the
// radiological view.
inline QImage outlinedPicture(int width, int height, const std::function<double(int, int)>& value,
                              const std::function<bool(int, int)>& inside, double low, double high, bool flipX, bool flipY)
{
    QImage picture(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            bool edge = false;
            if (inside(x, y))
                for (const auto& [dx, dy] : {std::pair{-1, 0}, std::pair{1, 0}, std::pair{0, -1}, std::pair{0, 1}}) {
                    const int nx = x + dx, ny = y + dy;
                    edge = edge || nx < 0 || ny < 0 || nx >= width || ny >= height || !inside(nx, ny);
                }
            const int grey = int(std::clamp((value(x, y) - low) / (high - low), 0.0, 1.0) * 255.0);
            picture.setPixel(flipX ? width - 1 - x : x, flipY ? height - 1 - y : y,
                             edge ? qRgb(255, 220, 0) : qRgb(grey, grey, grey));
        }
    return picture;
}

// The pictures side by side on black, 8 pixels apart, each with its caption above it (no caption band when all
// captions are empty).
inline bool writePictureRow(const QVector<QImage>& pictures, const QStringList& captions, const QString& path)
{
    const bool captioned = std::any_of(captions.begin(), captions.end(), [](const QString& c) { return !c.isEmpty(); });
    const int band = captioned ? 24 : 0;
    int width = 0, height = 0;
    for (const QImage& p : pictures) {
        width += p.width() + 8;
        height = std::max(height, p.height());
    }
    QImage row(width, height + band, QImage::Format_RGB32);
    row.fill(Qt::black);
    QPainter painter(&row);
    painter.setPen(Qt::white);
    int x = 0;
    for (int n = 0; n < pictures.size(); ++n) {
        painter.drawImage(x, band, pictures[n]);
        if (captioned)
            painter.drawText(QRect(x, 0, pictures[n].width(), band - 2), Qt::AlignCenter, captions.value(n));
        x += pictures[n].width() + 8;
    }
    painter.end();
    return row.save(path);
}

} // namespace delineate::testing
