// Display window (width/centre) with the CT presets radiologists use and an automatic window from the histogram.
#pragma once

#include "dicom/DicomSeries.h"

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

    // The window spanning the `lowPercent` to the `highPercent` percentile of the voxel values (never narrower than
    // 1 for integer images), leaving out the voxels in `padding` (the scanner's fill outside the body) unless every
    // voxel is padding.
    static WindowLevel automatic(const Volume& volume, const PixelPaddingRange& padding = {}, double lowPercent = 1.0,
                                 double highPercent = 99.0);
};

// A window from percentiles of the image, for images whose values have no fixed meaning (MR, PET, ...).
struct PercentileWindow
{
    QString key;          // "auto" (1-99 %), "p2-98", "p5-95"
    double lowPercent, highPercent;
    QString displayName() const;  // "Automatic 2-98 %"

    static const QVector<PercentileWindow>& all();
    static const PercentileWindow* find(const QString& key);
};

// A window the scanner stored in the header, offered by its explanation or as "Scanner N: L/W".
QString storedWindowName(const StoredWindow& window, int index);
// Its preset key: "scanner1" for the header's first window.
QString storedWindowKey(int index);

} // namespace delineate
