// Window/level: CT presets, the automatic 1-99 % window, and the display table that applies a window.
#include "image/Volume.h"
#include "model/DisplayLut.h"
#include "model/Thumbnail.h"
#include "model/ViewerState.h"
#include "model/WindowLevel.h"

#include <QTest>

#include <algorithm>
#include <vector>

using namespace delineate;

class TestWindowLevel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void presetsHaveTheTaughtValues();
    void automaticWindowSpansPercentiles_data();
    void automaticWindowSpansPercentiles();
    void lutMapsTheWindowLinearly();
    void stateAppliesPresetsAndFormatsHounsfield();
    void automaticWindowLeavesOutPadding_data();
    void automaticWindowLeavesOutPadding();
    void thumbnailLeavesOutPadding();
    void scannerWindowIsTheDefaultAndOffered();
    void mrGetsPercentileWindowsNotCtPresets();
    void invertedLutMirrorsTheWindow();
};

namespace {

// The p-th percentile as the automatic window defines it (the value below which the given share of voxels lies),
// from a sorted copy: independent of the histogram the code builds.
double percentile(const std::vector<double>& sorted, double fraction, bool upper)
{
    const double position = fraction * double(sorted.size());
    const std::size_t index = upper ? std::size_t(std::ceil(position)) - 1 : std::size_t(std::floor(position));
    return sorted[std::min(index, sorted.size() - 1)];
}

} // namespace

void TestWindowLevel::presetsHaveTheTaughtValues()
{
    const auto& presets = WindowLevelPresets::ctPresets();
    QCOMPARE(presets.size(), 8);
    const QStringList keys{"brain", "subdural", "stroke", "lung", "mediastinum", "abdomen", "liver", "bone"};
    for (int n = 0; n < presets.size(); ++n)
        QCOMPARE(presets.at(n).key, keys.at(n));
    QCOMPARE(WindowLevelPresets::find("brain")->window, (WindowLevel{80, 40}));
    QCOMPARE(WindowLevelPresets::find("lung")->window, (WindowLevel{1500, -600}));
    QCOMPARE(WindowLevelPresets::find("bone")->window, (WindowLevel{1800, 400}));
    QVERIFY(WindowLevelPresets::find("nonsense") == nullptr);
}

void TestWindowLevel::automaticWindowSpansPercentiles_data()
{
    QTest::addColumn<bool>("asFloat");
    QTest::newRow("int16") << false;
    QTest::newRow("float32") << true;
}

void TestWindowLevel::automaticWindowSpansPercentiles()
{
    QFETCH(bool, asFloat);
    // 1000 voxels: values 0..999, so the 1st and 99th percentiles are ~10 and ~990.
    Volume volume(ImageGeometry({10, 10, 10}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}), PixelType::Int16);
    for (int n = 0; n < 1000; ++n)
        volume.int16Data()[n] = int16_t((n * 7919) % 1000); // a permutation: order must not matter
    if (asFloat)
        volume = volume.toFloat32();
    const WindowLevel window = WindowLevelPresets::automatic(volume);
    QVERIFY2(std::abs(window.lower() - 10) <= 1.0, qPrintable(QString::number(window.lower())));
    QVERIFY2(std::abs(window.upper() - 990) <= 1.0, qPrintable(QString::number(window.upper())));
}

void TestWindowLevel::lutMapsTheWindowLinearly()
{
    DisplayLut lut;
    lut.setWindow({80, 40});
    QCOMPARE(qGray(lut.mapInt16(-1000)), 0);
    QCOMPARE(qGray(lut.mapInt16(0)), 0);
    QCOMPARE(qGray(lut.mapInt16(40)), 128);
    QCOMPARE(qGray(lut.mapInt16(80)), 255);
    QCOMPARE(qGray(lut.mapInt16(3000)), 255);
    QCOMPARE(lut.mapFloat(20.0f), lut.mapInt16(20));
}

void TestWindowLevel::stateAppliesPresetsAndFormatsHounsfield()
{
    auto volume = std::make_shared<Volume>(
        ImageGeometry({4, 4, 4}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}), PixelType::Int16);
    volume->int16Data()[volume->offset(2, 2, 2)] = -35;
    ImageInfo info;
    info.modality = QStringLiteral("CT");
    ViewerState state;
    state.setImage(volume, info, {100, 0});
    QCOMPARE(state.presetKey(), QStringLiteral("auto"));
    QCOMPARE(state.cursor(), (ViewerState::Index{2, 2, 2}));
    QVERIFY(state.readoutText().contains(QStringLiteral("-35 HU")));
    QVERIFY(state.applyPreset(QStringLiteral("lung")));
    QCOMPARE(state.window(), (WindowLevel{1500, -600}));
    QVERIFY(state.applyPreset(QStringLiteral("auto")));
    QCOMPARE(state.window(), (WindowLevel{100, 0}));
    QVERIFY(!state.applyPreset(QStringLiteral("nonsense")));
    state.setCursor({-5, 99, 1});
    QCOMPARE(state.cursor(), (ViewerState::Index{0, 3, 1})); // clamped
}

void TestWindowLevel::automaticWindowLeavesOutPadding_data()
{
    QTest::addColumn<bool>("asFloat");
    QTest::newRow("int16") << false;
    QTest::newRow("float32") << true;
}

void TestWindowLevel::automaticWindowLeavesOutPadding()
{
    QFETCH(bool, asFloat);
    // 60 % of the voxels are the padding value -3024 (a CT's fill outside its circular field of view); the rest
    // are a permutation of -1000..399. Counting the padding would put the lower end of the window at -3024.
    Volume volume(ImageGeometry({50, 50, 4}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}), PixelType::Int16);
    std::vector<double> body;
    for (std::size_t n = 0; n < volume.voxelCount(); ++n) {
        const bool padding = n % 5 < 3;
        const int16_t value = padding ? int16_t(-3024) : int16_t(int((n * 7919) % 1400) - 1000);
        volume.int16Data()[n] = value;
        if (!padding)
            body.push_back(value);
    }
    if (asFloat)
        volume = volume.toFloat32();
    std::sort(body.begin(), body.end());
    const PixelPaddingRange padding{true, -3024, -3024};
    const WindowLevel window = WindowLevelPresets::automatic(volume, padding);
    QVERIFY2(std::abs(window.lower() - percentile(body, 0.01, false)) <= 1.0, qPrintable(QString::number(window.lower())));
    QVERIFY2(std::abs(window.upper() - percentile(body, 0.99, true)) <= 1.0, qPrintable(QString::number(window.upper())));
    // Without the padding declared, it dominates: the window's lower end is the padding value.
    QCOMPARE(WindowLevelPresets::automatic(volume).lower(), -3024.0);
    // Other percentiles, and a padding range (value to range limit) rather than one value.
    const WindowLevel narrow = WindowLevelPresets::automatic(volume, PixelPaddingRange{true, -3100, -3000}, 5, 95);
    QVERIFY(std::abs(narrow.lower() - percentile(body, 0.05, false)) <= 1.0);
    QVERIFY(std::abs(narrow.upper() - percentile(body, 0.95, true)) <= 1.0);
    // A volume of padding only: the padding is all there is to show.
    Volume empty(ImageGeometry({4, 4, 1}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}), PixelType::Int16);
    std::fill_n(empty.int16Data(), empty.voxelCount(), int16_t(-3024));
    QCOMPARE(WindowLevelPresets::automatic(empty, padding).center, -3024.0);
}

void TestWindowLevel::thumbnailLeavesOutPadding()
{
    // Left half padding (-3024), right half a ramp 0..255 along x: with the padding left out the ramp spans the
    // grey scale; counted, it squeezes the ramp into the top few grey levels.
    Volume volume(ImageGeometry({64, 64, 1}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}), PixelType::Int16);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            volume.int16Data()[volume.offset(x, y, 0)] = int16_t(x < 32 ? -3024 : (x - 32) * 8);
    const auto spread = [](const QImage& image) {
        int low = 255, high = 0;
        for (int x = 36; x < 60; ++x) {
            low = std::min(low, qGray(image.pixel(x, 32)));
            high = std::max(high, qGray(image.pixel(x, 32)));
        }
        return high - low;
    };
    const QImage without = renderThumbnail(volume, 0, 64, PixelPaddingRange{true, -3024, -3024});
    const QImage with = renderThumbnail(volume, 0, 64, PixelPaddingRange{});
    QCOMPARE(without.width(), 64);
    QVERIFY2(spread(without) > 150, qPrintable(QString::number(spread(without))));
    QVERIFY2(spread(with) < 30, qPrintable(QString::number(spread(with))));
}

void TestWindowLevel::scannerWindowIsTheDefaultAndOffered()
{
    auto volume = std::make_shared<Volume>(
        ImageGeometry({4, 4, 4}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}), PixelType::Int16);
    ImageInfo info;
    info.modality = QStringLiteral("CT");
    info.seriesKey = QStringLiteral("1.2.3");
    info.storedWindows = {StoredWindow{40, 400, QString()}, StoredWindow{-600, 1500, QStringLiteral("LUNG")}};
    ViewerState state;
    state.setImage(volume, info, {100, 0});
    QCOMPARE(state.window(), (WindowLevel{400, 40}));
    QCOMPARE(state.presetKey(), QStringLiteral("scanner1"));
    QCOMPARE(state.presetName(), QStringLiteral("Scanner 1: 40/400"));
    QStringList keys, names;
    for (const auto& choice : state.windowChoices()) {
        keys << choice.key;
        names << choice.name;
    }
    QCOMPARE(keys.mid(0, 3), (QStringList{"scanner1", "scanner2", "auto"}));
    QCOMPARE(names.at(1), QStringLiteral("Scanner: LUNG (-600/1500)"));
    QVERIFY(keys.contains(QStringLiteral("bone"))); // CT presets for CT
    QVERIFY(state.applyPreset(QStringLiteral("scanner2")));
    QCOMPARE(state.window(), (WindowLevel{1500, -600}));
    QVERIFY(!state.applyPreset(QStringLiteral("scanner3")));
    QVERIFY(!state.applyPreset(QStringLiteral("p2-98"))); // percentile sets are for images without CT presets
    // A preset asked for on the command line wins over the scanner's window.
    state.setImage(volume, info, {100, 0}, QStringLiteral("bone"));
    QCOMPARE(state.window(), (WindowLevel{1800, 400}));
}

void TestWindowLevel::mrGetsPercentileWindowsNotCtPresets()
{
    // An MR of 1000 voxels with values 0..999 in a permuted order.
    auto volume = std::make_shared<Volume>(
        ImageGeometry({10, 10, 10}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}), PixelType::Int16);
    std::vector<double> values;
    for (int n = 0; n < 1000; ++n) {
        volume->int16Data()[n] = int16_t((n * 7919) % 1000);
        values.push_back((n * 7919) % 1000);
    }
    std::sort(values.begin(), values.end());
    ImageInfo info;
    info.modality = QStringLiteral("MR");
    ViewerState state;
    state.setImage(volume, info, WindowLevelPresets::automatic(*volume), QStringLiteral("lung"));
    QCOMPARE(state.presetKey(), QStringLiteral("auto")); // a CT preset asked for is not applied to an MR
    QStringList keys;
    for (const auto& choice : state.windowChoices())
        keys << choice.key;
    QCOMPARE(keys, (QStringList{"auto", "p2-98", "p5-95"}));
    for (const WindowLevelPreset& preset : WindowLevelPresets::ctPresets())
        QVERIFY2(!state.applyPreset(preset.key), qPrintable(preset.key));
    QVERIFY(state.applyPreset(QStringLiteral("p5-95")));
    QVERIFY(std::abs(state.window().lower() - percentile(values, 0.05, false)) <= 1.0);
    QVERIFY(std::abs(state.window().upper() - percentile(values, 0.95, true)) <= 1.0);
    QCOMPARE(state.presetName(), QStringLiteral("Automatic 5-95 %"));
}

void TestWindowLevel::invertedLutMirrorsTheWindow()
{
    DisplayLut lut;
    lut.setWindow({80, 40}, true);
    QCOMPARE(qGray(lut.mapInt16(-1000)), 255);
    QCOMPARE(qGray(lut.mapInt16(0)), 255);
    QCOMPARE(qGray(lut.mapInt16(80)), 0);
    QCOMPARE(qGray(lut.mapInt16(3000)), 0);
    DisplayLut plain;
    plain.setWindow({80, 40});
    for (int v = -10; v <= 90; ++v) // grey levels mirror each other (within rounding)
        QVERIFY2(std::abs(qGray(lut.mapInt16(int16_t(v))) + qGray(plain.mapInt16(int16_t(v))) - 255) <= 1, qPrintable(QString::number(v)));
    QCOMPARE(lut.mapFloat(20.0f), lut.mapInt16(20));
}

QTEST_GUILESS_MAIN(TestWindowLevel)
#include "tst_WindowLevel.moc"
