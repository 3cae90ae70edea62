// Shared viewer state: clamping the crosshair, applying presets, the readout.
#include "model/ViewerState.h"

#include "image/Volume.h"
#include "model/VoxelReadout.h"

#include <algorithm>
#include <cmath>

namespace delineate {

ViewerState::ViewerState(QObject* parent) : QObject(parent) {}
ViewerState::~ViewerState() = default;

void ViewerState::setImage(std::shared_ptr<const Volume> volume, const ImageInfo& info,
                           const WindowLevel& automaticWindow, const QString& initialPresetKey)
{
    m_volume = std::move(volume);
    m_info = info;
    m_automaticWindow = automaticWindow;
    if (m_volume) {
        const auto& size = m_volume->geometry().size();
        m_cursor = {size[0] / 2, size[1] / 2, size[2] / 2};
    }
    m_inverted = false;
    m_window = defaultWindow();
    m_presetKey = defaultPresetKey();
    if (!initialPresetKey.isEmpty()) {
        if (auto window = choiceWindow(initialPresetKey)) {
            m_window = *window;
            m_presetKey = initialPresetKey;
        }
    }
    Q_EMIT imageChanged();
    Q_EMIT windowChanged();
    Q_EMIT cursorChanged();
}

void ViewerState::clear()
{
    m_volume.reset();
    m_info = ImageInfo();
    Q_EMIT imageChanged();
}

void ViewerState::addWarnings(const QStringList& warnings)
{
    for (const QString& warning : warnings)
        if (!m_info.warnings.contains(warning))
            m_info.warnings << warning;
    Q_EMIT imageChanged();
}

void ViewerState::setCursor(const Index& voxel)
{
    if (!m_volume)
        return;
    const auto& size = m_volume->geometry().size();
    Index clamped;
    for (int axis = 0; axis < 3; ++axis)
        clamped[axis] = std::clamp<int64_t>(voxel[axis], 0, std::max<int64_t>(0, size[axis] - 1));
    if (clamped == m_cursor)
        return;
    m_cursor = clamped;
    Q_EMIT cursorChanged();
}

void ViewerState::moveCursor(int voxelAxis, int64_t delta)
{
    Index next = m_cursor;
    next[voxelAxis] += delta;
    setCursor(next);
}

void ViewerState::setWindow(const WindowLevel& window, const QString& presetKey)
{
    WindowLevel w = window;
    w.width = std::max(w.width, 1e-6);
    if (w == m_window && presetKey == m_presetKey)
        return;
    m_window = w;
    m_presetKey = presetKey;
    Q_EMIT windowChanged();
}

std::optional<WindowLevel> ViewerState::choiceWindow(const QString& key) const
{
    if (key == QLatin1String("auto"))
        return m_automaticWindow;
    for (int n = 0; n < m_info.storedWindows.size(); ++n)
        if (key == storedWindowKey(n))
            return WindowLevel{m_info.storedWindows[n].width, m_info.storedWindows[n].center};
    if (const PercentileWindow* percentile = PercentileWindow::find(key); percentile && !m_info.offersCtPresets()) {
        if (!m_volume)
            return std::nullopt;
        return WindowLevelPresets::automatic(*m_volume, m_info.padding, percentile->lowPercent, percentile->highPercent);
    }
    if (const WindowLevelPreset* preset = WindowLevelPresets::find(key); preset && m_info.offersCtPresets())
        return preset->window;
    return std::nullopt;
}

bool ViewerState::applyPreset(const QString& key)
{
    const std::optional<WindowLevel> window = choiceWindow(key);
    if (!window)
        return false;
    setWindow(*window, key);
    return true;
}

WindowLevel ViewerState::defaultWindow() const
{
    if (!m_info.storedWindows.isEmpty())
        return WindowLevel{m_info.storedWindows.first().width, m_info.storedWindows.first().center};
    return m_automaticWindow;
}

QString ViewerState::defaultPresetKey() const
{
    return m_info.storedWindows.isEmpty() ? QStringLiteral("auto") : storedWindowKey(0);
}

QVector<ViewerState::WindowChoice> ViewerState::windowChoices() const
{
    QVector<WindowChoice> choices;
    for (int n = 0; n < m_info.storedWindows.size(); ++n)
        choices.push_back({storedWindowKey(n), storedWindowName(m_info.storedWindows[n], n)});
    choices.push_back({QStringLiteral("auto"), tr("Automatic (1-99 %)"), 0});
    if (!m_info.offersCtPresets()) {
        for (const PercentileWindow& percentile : PercentileWindow::all())
            if (percentile.key != QLatin1String("auto"))
                choices.push_back({percentile.key, percentile.displayName()});
        return choices;
    }
    int number = 1;
    for (const WindowLevelPreset& preset : WindowLevelPresets::ctPresets())
        choices.push_back({preset.key, WindowLevelPresets::displayName(preset), number++});
    return choices;
}

QString ViewerState::presetName() const
{
    if (m_presetKey == QLatin1String("auto"))
        return tr("Auto");
    for (const WindowChoice& choice : windowChoices())
        if (choice.key == m_presetKey)
            return choice.name;
    return QString();
}

void ViewerState::setInverted(bool inverted)
{
    if (inverted == m_inverted)
        return;
    m_inverted = inverted;
    Q_EMIT windowChanged();
}

void ViewerState::setInterpolation(Interpolation interpolation)
{
    if (interpolation == m_interpolation)
        return;
    m_interpolation = interpolation;
    Q_EMIT interpolationChanged();
}

void ViewerState::setCrosshairVisible(bool visible)
{
    if (visible == m_crosshairVisible)
        return;
    m_crosshairVisible = visible;
    Q_EMIT crosshairVisibilityChanged();
}

double ViewerState::cursorValue() const
{
    if (!m_volume)
        return 0.0;
    return m_volume->value(m_cursor[0], m_cursor[1], m_cursor[2]);
}

Vector3 ViewerState::cursorPhysical() const
{
    if (!m_volume)
        return {0, 0, 0};
    return m_volume->geometry().indexToPhysical({double(m_cursor[0]), double(m_cursor[1]), double(m_cursor[2])});
}

QString ViewerState::formatValue(double value) const
{
    const bool integral = m_volume && m_volume->pixelType() == PixelType::Int16;
    const QString number = integral ? QString::number(qint64(value)) : QString::number(value, 'g', 6);
    return m_info.isCT() ? tr("%1 HU").arg(number) : number;
}

QString ViewerState::readoutText() const
{
    if (!m_volume)
        return QString();
    return voxelReadoutText(m_cursor, cursorPhysical(), formatValue(cursorValue()));
}

} // namespace delineate
