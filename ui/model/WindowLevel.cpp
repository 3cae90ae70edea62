// CT window presets and the percentile-based automatic window.
#include "model/WindowLevel.h"

#include "image/Volume.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace delineate {

const QVector<WindowLevelPreset>& WindowLevelPresets::ctPresets()
{
    // Width / centre in HU, as commonly taught (Radiopaedia "windowing (CT)").
    static const QVector<WindowLevelPreset> presets = {
        {QStringLiteral("brain"), QT_TRANSLATE_NOOP("WindowLevelPresets", "CT brain"), {80, 40}},
        {QStringLiteral("subdural"), QT_TRANSLATE_NOOP("WindowLevelPresets", "CT subdural"), {200, 75}},
        {QStringLiteral("stroke"), QT_TRANSLATE_NOOP("WindowLevelPresets", "CT stroke"), {40, 40}},
        {QStringLiteral("lung"), QT_TRANSLATE_NOOP("WindowLevelPresets", "CT lung"), {1500, -600}},
        {QStringLiteral("mediastinum"), QT_TRANSLATE_NOOP("WindowLevelPresets", "CT mediastinum"), {350, 50}},
        {QStringLiteral("abdomen"), QT_TRANSLATE_NOOP("WindowLevelPresets", "CT abdomen"), {400, 50}},
        {QStringLiteral("liver"), QT_TRANSLATE_NOOP("WindowLevelPresets", "CT liver"), {150, 30}},
        {QStringLiteral("bone"), QT_TRANSLATE_NOOP("WindowLevelPresets", "CT bone"), {1800, 400}},
    };
    return presets;
}

const WindowLevelPreset* WindowLevelPresets::find(const QString& key)
{
    for (const WindowLevelPreset& preset : ctPresets())
        if (preset.key == key)
            return &preset;
    return nullptr;
}

QString WindowLevelPresets::displayName(const WindowLevelPreset& preset)
{
    return QCoreApplication::translate("WindowLevelPresets", preset.name);
}

namespace {

WindowLevel windowBetween(double low, double high)
{
    WindowLevel window;
    window.width = std::max(1.0, high - low);
    window.center = (low + high) / 2.0;
    return window;
}

WindowLevel automaticInt16(const Volume& volume, const PixelPaddingRange& padding, double lowFraction, double highFraction)
{
    // An exact histogram over the whole int16 range: one pass, no sorting.
    std::vector<uint32_t> histogram(65536, 0);
    const int16_t* data = volume.int16Data();
    const std::size_t total = volume.voxelCount();
    for (std::size_t n = 0; n < total; ++n)
        ++histogram[static_cast<uint16_t>(data[n] + 32768)];
    // Padding bins are emptied, unless nothing else is left.
    std::size_t count = total;
    if (padding.present) {
        std::size_t paddingCount = 0;
        for (int bin = 0; bin < 65536; ++bin)
            if (padding.contains(bin - 32768))
                paddingCount += histogram[bin];
        if (paddingCount < total) {
            for (int bin = 0; bin < 65536; ++bin)
                if (padding.contains(bin - 32768))
                    histogram[bin] = 0;
            count = total - paddingCount;
        }
    }
    const double lowCount = lowFraction * double(count), highCount = highFraction * double(count);
    double cumulative = 0.0;
    int low = -32768, high = 32767;
    bool lowFound = false;
    for (int bin = 0; bin < 65536; ++bin) {
        cumulative += histogram[bin];
        if (!lowFound && cumulative > lowCount) {
            low = bin - 32768;
            lowFound = true;
        }
        if (cumulative >= highCount) {
            high = bin - 32768;
            break;
        }
    }
    return windowBetween(low, high);
}

WindowLevel automaticFloat(const Volume& volume, const PixelPaddingRange& padding, double lowFraction, double highFraction)
{
    // Percentiles of a strided sample: a million values fix the 1 % and 99 % points well enough for display.
    const float* data = volume.float32Data();
    const std::size_t count = volume.voxelCount();
    const std::size_t stride = std::max<std::size_t>(1, count / 1000000);
    std::vector<float> sample;
    sample.reserve(count / stride + 1);
    for (std::size_t n = 0; n < count; n += stride)
        if (!padding.contains(data[n]))
            sample.push_back(data[n]);
    if (sample.empty()) // nothing but padding: the padding is the image
        for (std::size_t n = 0; n < count; n += stride)
            sample.push_back(data[n]);
    const std::size_t last = sample.size() - 1;
    const std::size_t lowIndex = std::min(last, std::size_t(lowFraction * double(sample.size())));
    const std::size_t highIndex = std::min(last, std::size_t(highFraction * double(sample.size())));
    std::nth_element(sample.begin(), sample.begin() + lowIndex, sample.end());
    const double low = sample[lowIndex];
    std::nth_element(sample.begin(), sample.begin() + highIndex, sample.end());
    const double high = sample[highIndex];
    WindowLevel window = windowBetween(low, high);
    if (high - low < 1.0) // a float image with a tiny range: do not force a width of 1
        window.width = std::max(1e-6, high - low);
    return window;
}

} // namespace

WindowLevel WindowLevelPresets::automatic(const Volume& volume, const PixelPaddingRange& padding, double lowPercent,
                                          double highPercent)
{
    if (volume.isEmpty())
        return {};
    const double low = std::clamp(lowPercent / 100.0, 0.0, 1.0), high = std::clamp(highPercent / 100.0, low, 1.0);
    return volume.pixelType() == PixelType::Int16 ? automaticInt16(volume, padding, low, high)
                                                  : automaticFloat(volume, padding, low, high);
}

const QVector<PercentileWindow>& PercentileWindow::all()
{
    static const QVector<PercentileWindow> windows = {
        {QStringLiteral("auto"), 1.0, 99.0},
        {QStringLiteral("p2-98"), 2.0, 98.0},
        {QStringLiteral("p5-95"), 5.0, 95.0},
    };
    return windows;
}

const PercentileWindow* PercentileWindow::find(const QString& key)
{
    for (const PercentileWindow& window : all())
        if (window.key == key)
            return &window;
    return nullptr;
}

QString PercentileWindow::displayName() const
{
    return QCoreApplication::translate("WindowLevelPresets", "Automatic %1-%2 %")
        .arg(lowPercent, 0, 'g', 3)
        .arg(highPercent, 0, 'g', 3);
}

QString storedWindowName(const StoredWindow& window, int index)
{
    const QString values = QStringLiteral("%1/%2").arg(window.center, 0, 'g', 6).arg(window.width, 0, 'g', 6);
    if (!window.explanation.isEmpty())
        return QCoreApplication::translate("WindowLevelPresets", "Scanner: %1 (%2)").arg(window.explanation, values);
    return QCoreApplication::translate("WindowLevelPresets", "Scanner %1: %2").arg(index + 1).arg(values);
}

QString storedWindowKey(int index)
{
    return QStringLiteral("scanner%1").arg(index + 1);
}

} // namespace delineate
