// Display window (width/centre) with the CT presets radiologists use and an automatic window from the histogram.
#pragma once

#include <QString>
#include <QVector>

namespace delineate {

class Volume;

struct WindowLevel
{
    double width = 1.0;
    double center = 0.0;

    double lower() const { return center - width / 2.0; }
    double upper() const { return center + width / 2.0; }
    bool operator==(const WindowLevel& other) const { return width == other.width && center == other.center; }
    bool operator!=(const WindowLevel& other) const { return !(*this == other); }
};

struct WindowLevelPreset
{
    QString key;          // stable identifier for settings and the command line ("brain", "lung", ...)
    const char* name;     // untranslated; shown through WindowLevelPresets::displayName()
    WindowLevel window;   // in Hounsfield units
};

class WindowLevelPresets
{
public:
    // CT presets in the order of their number keys 1..8; key 0 is the automatic window.
    static const QVector<WindowLevelPreset>& ctPresets();
    static const WindowLevelPreset* find(const QString& key);
    static QString displayName(const WindowLevelPreset& preset);

    // The window spanning the 1st to the 99th percentile of the voxel values (never narrower than 1).
    static WindowLevel automatic(const Volume& volume);
};

} // namespace delineate
