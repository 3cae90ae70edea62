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
    void setWindow(const WindowLevel& window)
    {
        m_window = window;
        const double width = std::max(window.width, 1e-12);
        m_scale = 255.0 / width;
        m_offset = -window.lower() * m_scale;
        m_int16Table.resize(65536);
        for (int v = -32768; v <= 32767; ++v)
            m_int16Table[std::size_t(v + 32768)] = mapFloat(float(v));
    }
    const WindowLevel& window() const { return m_window; }

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
    double m_scale = 1.0;
    double m_offset = 0.0;
    std::vector<QRgb> m_int16Table;
};

} // namespace delineate
