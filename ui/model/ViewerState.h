// The state every view of one image shares: the volume, the crosshair voxel, the display window and the display
// interpolation. Views observe it; the segmentation shown over it is a SegmentationLayer. No widgets here.
#pragma once

#include "image/ImageGeometry.h"
#include "model/ImageInfo.h"
#include "model/WindowLevel.h"

#include <QColor>
#include <QObject>
#include <QRgb>
#include <QVector>

#include <array>
#include <cstdint>
#include <memory>

namespace delineate {

class Volume;

enum class Interpolation { Nearest, Linear };

class ViewerState : public QObject
{
    Q_OBJECT
public:
    using Index = std::array<int64_t, 3>;

    explicit ViewerState(QObject* parent = nullptr);
    ~ViewerState() override;

    // Shows a new image: the crosshair goes to its centre and the window to `initialWindow`.
    void setImage(std::shared_ptr<const Volume> volume, const ImageInfo& info, const WindowLevel& automaticWindow,
                  const QString& initialPresetKey = QString());
    void clear();
    bool hasImage() const { return m_volume != nullptr; }
    const Volume* volume() const { return m_volume.get(); }
    std::shared_ptr<const Volume> sharedVolume() const { return m_volume; }
    const ImageInfo& info() const { return m_info; }
    void addWarnings(const QStringList& warnings);

    Index cursor() const { return m_cursor; }
    void setCursor(const Index& voxel); // clamped into the volume
    void moveCursor(int voxelAxis, int64_t delta);

    WindowLevel window() const { return m_window; }
    WindowLevel automaticWindow() const { return m_automaticWindow; }
    // Key of the preset in use: "auto", a CT preset key, or empty after a manual change.
    QString presetKey() const { return m_presetKey; }
    void setWindow(const WindowLevel& window, const QString& presetKey = QString());
    // "auto" or a key of WindowLevelPresets::ctPresets(); returns false for an unknown key.
    bool applyPreset(const QString& key);

    Interpolation interpolation() const { return m_interpolation; }
    void setInterpolation(Interpolation interpolation);

    // Hiding the crosshair lines leaves the anatomy under them unobstructed; the cursor still links the views.
    bool crosshairVisible() const { return m_crosshairVisible; }
    void setCrosshairVisible(bool visible);

    double cursorValue() const;
    Vector3 cursorPhysical() const;
    // "40 HU" for CT, plain number otherwise.
    QString formatValue(double value) const;
    QString readoutText() const;

Q_SIGNALS:
    void imageChanged();
    void cursorChanged();
    void windowChanged();
    void interpolationChanged();
    void crosshairVisibilityChanged();

private:
    std::shared_ptr<const Volume> m_volume;
    ImageInfo m_info;
    Index m_cursor{0, 0, 0};
    WindowLevel m_window;
    WindowLevel m_automaticWindow;
    QString m_presetKey;
    Interpolation m_interpolation = Interpolation::Nearest;
    bool m_crosshairVisible = true;
};

} // namespace delineate
