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
#include <optional>

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

    // Shows a new image: the crosshair goes to its centre and the window to `initialPresetKey` when it applies to
    // the image, else to the first window the scanner stored, else to `automaticWindow`. Display inversion ends.
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
    // Key of the preset in use: "auto", "p2-98", "scanner1", a CT preset key, or empty after a manual change.
    QString presetKey() const { return m_presetKey; }
    // The name of the window in use ("Auto", "Scanner 1: 40/400", "CT lung"), empty after a manual change.
    QString presetName() const;
    void setWindow(const WindowLevel& window, const QString& presetKey = QString());
    // A key of windowChoices(); returns false (and changes nothing) for a key this image is not offered.
    bool applyPreset(const QString& key);
    // The window the image opened with: its first stored window, else the automatic one.
    WindowLevel defaultWindow() const;
    QString defaultPresetKey() const;

    // The windows this image is offered, in menu order: the scanner's, the automatic ones (1-99 %, and for images
    // without CT presets 2-98 % and 5-95 %), then the CT presets when the image is CT or of unknown modality.
    struct WindowChoice
    {
        QString key;
        QString name;
        int presetNumber = -1;  // 0 for the automatic window, 1..8 for the CT presets (their Alt+number keys)
    };
    QVector<WindowChoice> windowChoices() const;

    // Display inversion (white air, black bone), for the eye only: values and windows do not change.
    bool inverted() const { return m_inverted; }
    void setInverted(bool inverted);

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
    void windowChanged();     // also when the display inversion changes
    void interpolationChanged();
    void crosshairVisibilityChanged();

private:
    // The window of an offered choice, nullopt for a key this image is not offered.
    std::optional<WindowLevel> choiceWindow(const QString& key) const;

    std::shared_ptr<const Volume> m_volume;
    ImageInfo m_info;
    Index m_cursor{0, 0, 0};
    WindowLevel m_window;
    WindowLevel m_automaticWindow;
    QString m_presetKey;
    bool m_inverted = false;
    Interpolation m_interpolation = Interpolation::Nearest;
    bool m_crosshairVisible = true;
};

} // namespace delineate
