// Maps voxel values to grey RGB32 pixels for one window: a full table for int16, a linear ramp for float32.
#pragma once

#include "model/WindowLevel.h"

#include <QRgb>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace delineate {

class DisplayLut
{
public:
    // Rebuilding the int16 table costs ~65k stores, far less than one slice; done only when the window changes.
    // `inverted` maps the window's lower end to white (display only).
    void setWindow(const WindowLevel& window, bool inverted = false)
    {
        m_window = window;
        m_inverted = inverted;
        const double width = std::max(window.width, 1e-12);
        m_scale = 255.0 / width;
        m_offset = -window.lower() * m_scale;
        if (inverted) {
            m_scale = -m_scale;
            m_offset = 255.0 - m_offset;
        }
        m_int16Table.resize(65536);
        for (int v = -32768; v <= 32767; ++v)
            m_int16Table[std::size_t(v + 32768)] = mapFloat(float(v));
    }
    const WindowLevel& window() const { return m_window; }
    bool inverted() const { return m_inverted; }

    QRgb mapInt16(int16_t value) const { return m_int16Table[std::size_t(uint16_t(int32_t(value) + 32768))]; }
    QRgb mapFloat(float value) const
    {
        const double grey = std::clamp(double(value) * m_scale + m_offset, 0.0, 255.0);
        const int g = int(grey + 0.5);
        return qRgb(g, g, g);
    }
    const QRgb* int16Table() const { return m_int16Table.data(); }

private:
    WindowLevel m_window;
    bool m_inverted = false;
    double m_scale = 1.0;
    double m_offset = 0.0;
    std::vector<QRgb> m_int16Table;
};

} // namespace delineate
