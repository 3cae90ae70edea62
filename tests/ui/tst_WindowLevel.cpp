// Window/level: CT presets, the automatic 1-99 % window, and the display table that applies a window.
#include "image/Volume.h"
#include "model/DisplayLut.h"
#include "model/ViewerState.h"
#include "model/WindowLevel.h"

#include <QTest>

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
};

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

QTEST_GUILESS_MAIN(TestWindowLevel)
#include "tst_WindowLevel.moc"
