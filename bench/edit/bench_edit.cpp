// Editing benchmark on a 512x512x300 map (Colin 27 resampled in memory, given CT-like 0.7 x 0.7 x 1 mm voxels).
// Last line: one JSON object with
//   p50_ms, p95_ms   from a synthetic mouse event (a brush dab in the axial view: press and release, 5 mm sphere,
//                    placed on the crosshair and alternating labels 1 and 2, so that every voxel of it changes and
//                    all three views must show it) until all three views have repainted
//   blit_p95_ms      three repaints of plain blit widgets of the same size (the floor)
//   history_mb, bytes_per_changed_voxel   undo history after 100 strokes of 40 dabs along random 3D paths
//   journal_ms       appending and fdatasync'ing one stroke's record to the recovery journal (median)
//   undo_ms          undoing one 40-dab stroke (median of undo/redo cycles)
#include "common/ViewBenchSupport.h"
#include "edit/Brush.h"
#include "edit/RecoveryJournal.h"
#include "edit/SegmentationDocument.h"
#include "model/SegmentationLayer.h"
#include "model/ViewerState.h"
#include "model/WindowLevel.h"
#include "tools/BrushTool.h"
#include "widgets/SliceView.h"
#include "widgets/ViewerPanel.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

using namespace delineate;
using namespace delineate::bench;

namespace {

constexpr int kViewSize = 640;
constexpr int kEvents = 300;

void sendMouse(QWidget* view, QEvent::Type type, const QPointF& at)
{
    const Qt::MouseButtons buttons = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, at, view->mapToGlobal(at), type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton,
                      buttons, Qt::NoModifier);
    QApplication::sendEvent(view, &event);
}

// 100 strokes of 40 dabs (5 mm sphere) along random 3D paths; returns the voxels they changed.
std::size_t paintRandomStrokes(SegmentationDocument& document, int strokes, quint64 seed)
{
    QRandomGenerator random(seed);
    const auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * random.generateDouble(); };
    const auto& size = document.geometry().size();
    std::size_t changed = 0;
    for (int stroke = 0; stroke < strokes; ++stroke) {
        BrushSettings s;
        s.radius = 5.0;
        s.shape = BrushShape::Sphere;
        s.label = uint16_t(1 + stroke % 4);
        Vector3 p{uniform(20, double(size[0]) - 20), uniform(20, double(size[1]) - 20), uniform(10, double(size[2]) - 10)};
        document.beginEdit(EditKind::Manual, QString());
        paintDab(document, s, p);
        for (int dab = 1; dab < 40; ++dab) {
            // About 1.5 mm per step: a continuous stroke, as a hand drags it.
            p = {std::clamp(p[0] + uniform(-2.2, 2.2), 0.0, double(size[0] - 1)),
                 std::clamp(p[1] + uniform(-2.2, 2.2), 0.0, double(size[1] - 1)),
                 std::clamp(p[2] + uniform(-1.5, 1.5), 0.0, double(size[2] - 1))};
            paintDab(document, s, p);
        }
        changed += document.voxelsChangedInEdit();
        document.commitEdit(brushDescription(document.labels(), s, 40));
    }
    return changed;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QJsonObject result;

    Volume volume = makeBenchVolume("bench_edit");
    ImageGeometry grid = volume.geometry();
    grid.setSpacing({0.7, 0.7, 1.0});
    volume.setGeometry(grid);
    auto shared = std::make_shared<Volume>(std::move(volume));
    result.insert(QStringLiteral("volume"), QStringLiteral("512x512x300, 0.7 x 0.7 x 1 mm"));

    // --- Latency: a brush drag in the axial view until all three views show it.
    ViewerState state;
    state.setImage(shared, ImageInfo(), WindowLevelPresets::automatic(*shared));
    SegmentationDocument document{Segmentation(grid)};
    {
        LabelTable table;
        table.set(table.makeEntry(1));
        table.set(table.makeEntry(2));
        document.setLabelTable(table, QString());
    }
    SegmentationLayer layer;
    layer.setDocument(&document);
    layer.setActiveLabel(1);
    ViewerPanel panel(&state);
    panel.resize(3 * kViewSize, kViewSize);
    panel.setSegmentationLayer(&layer);
    BrushTool brush(false, &layer, [&]() { return &document; });
    BrushSettings settings = brush.settings();
    settings.radius = 5.0;
    settings.shape = BrushShape::Sphere;
    brush.setSettings(settings);
    panel.setTool(&brush);
    panel.show();
    waitUntilExposed(&panel);
    SliceView* axial = panel.axialView();
    const auto repaintAll = [&]() {
        for (int n = 0; n < 3; ++n)
            panel.view(n)->repaint();
    };
    repaintAll();
    const auto c = state.cursor();
    std::vector<double> latency, latencyCpu, editOnly;
    // Dabs within 3 voxels of the crosshair, so that every one crosses the coronal and sagittal slices.
    const auto pointAt = [&](int n) {
        const double di = (n % 7) - 3.0, dj = ((n / 7) % 3) - 1.0;
        return axial->screenPoint({double(c[0]) + di, double(c[1]) + dj, double(c[2])});
    };
    const int rebuildsBefore = panel.view(1)->labelRebuildCount() + panel.view(2)->labelRebuildCount();
    for (int n = 1; n <= kEvents; ++n) {
        layer.setActiveLabel(uint16_t(1 + n % 2));
        QElapsedTimer timer;
        const double cpu = threadCpuMs();
        timer.start();
        sendMouse(axial, QEvent::MouseButtonPress, pointAt(n));
        sendMouse(axial, QEvent::MouseButtonRelease, pointAt(n));
        editOnly.push_back(msSince(timer));
        repaintAll();
        latency.push_back(msSince(timer));
        latencyCpu.push_back(threadCpuMs() - cpu);
    }
    const int otherViewRebuilds = panel.view(1)->labelRebuildCount() + panel.view(2)->labelRebuildCount() - rebuildsBefore;

    std::vector<double> blits;
    {
        BlitWidget a(kViewSize), b(kViewSize), d(kViewSize);
        for (QWidget* w : {static_cast<QWidget*>(&a), static_cast<QWidget*>(&b), static_cast<QWidget*>(&d)}) {
            w->show();
            waitUntilExposed(w);
        }
        for (int n = 0; n < kEvents; ++n) {
            QElapsedTimer timer;
            timer.start();
            a.repaint();
            b.repaint();
            d.repaint();
            blits.push_back(msSince(timer));
        }
    }
    result.insert(QStringLiteral("view_px"), kViewSize);
    result.insert(QStringLiteral("p50_ms"), rounded(percentile(latency, 0.50)));
    result.insert(QStringLiteral("p95_ms"), rounded(percentile(latency, 0.95)));
    result.insert(QStringLiteral("cpu_p95_ms"), rounded(percentile(latencyCpu, 0.95)));
    result.insert(QStringLiteral("edit_part_p50_ms"), rounded(percentile(editOnly, 0.50))); // the dab and its commit
    result.insert(QStringLiteral("blit_p95_ms"), rounded(percentile(blits, 0.95)));
    result.insert(QStringLiteral("other_view_label_rebuilds"), otherViewRebuilds); // 2 per event: both showed the dab

    // --- History: 100 strokes of 40 dabs.
    SegmentationDocument big{Segmentation(grid)};
    big.setHistoryMemoryLimit(std::size_t(4) << 30); // measure, do not drop
    QElapsedTimer paintTimer;
    paintTimer.start();
    const std::size_t changed = paintRandomStrokes(big, 100, 20261125);
    const double strokeMs = msSince(paintTimer) / 100.0;
    const double historyBytes = double(big.history().byteSize());
    result.insert(QStringLiteral("strokes"), 100);
    result.insert(QStringLiteral("changed_voxels"), qint64(changed));
    result.insert(QStringLiteral("history_mb"), std::round(historyBytes / 1048576.0 * 1000.0) / 1000.0);
    result.insert(QStringLiteral("bytes_per_changed_voxel"), std::round(historyBytes / double(changed) * 10000.0) / 10000.0);
    result.insert(QStringLiteral("stroke_ms"), rounded(strokeMs));

    // --- Journal: append + fdatasync of each stroke's record, in a folder on the same disk as the user's data.
    {
        QTemporaryDir folder(QDir::home().filePath(QStringLiteral(".bench_edit-XXXXXX")));
        auto journal = RecoveryJournal::create(folder.path(), {QStringLiteral("bench"), QStringLiteral("bench")},
                                               Segmentation(grid));
        if (!journal) {
            std::fprintf(stderr, "bench_edit: %s\n", qPrintable(journal.error().message));
            return 1;
        }
        std::vector<double> appends;
        for (int n = 0; n < big.history().size(); ++n) {
            QElapsedTimer timer;
            timer.start();
            (*journal)->appendEdit(big.history().at(n));
            appends.push_back(msSince(timer));
        }
        result.insert(QStringLiteral("journal_ms"), rounded(percentile(appends, 0.50)));
        result.insert(QStringLiteral("journal_p95_ms"), rounded(percentile(appends, 0.95)));
        (*journal)->discard();
    }

    // --- Undo of one 40-dab stroke.
    std::vector<double> undos;
    for (int n = 0; n < 20; ++n) {
        QElapsedTimer timer;
        timer.start();
        big.undo();
        undos.push_back(msSince(timer));
        big.redo();
    }
    result.insert(QStringLiteral("undo_ms"), rounded(percentile(undos, 0.50)));
    result.insert(QStringLiteral("platform"), QGuiApplication::platformName());
    QFile loadAverage(QStringLiteral("/proc/loadavg"));
    if (loadAverage.open(QIODevice::ReadOnly))
        result.insert(QStringLiteral("load_average_1min"),
                      QString::fromLatin1(loadAverage.readAll()).section(QLatin1Char(' '), 0, 0).toDouble());
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}
