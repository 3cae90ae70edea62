// SliceView on the Colin 27 T1 (ch2.nii.gz): scroll, zoom about the cursor, pan, window/level drag, crosshair and
// readout against the core's voxel values, aspect from spacing, caching of the slice, the label overlay.
#include "TestData.h"

#include "edit/SegmentationDocument.h"
#include "image/Volume.h"
#include "io/VolumeIO.h"
#include "model/SegmentationLayer.h"
#include "model/ViewerState.h"
#include "model/WindowLevel.h"
#include "widgets/SliceOverlay.h"
#include "widgets/SliceView.h"

#include <QPainter>
#include <QSet>
#include <QTest>
#include <QWheelEvent>

#include <cmath>

using namespace delineate;

namespace {

const QString kColin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");

void sendWheel(QWidget* widget, const QPointF& position, int steps, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWheelEvent event(position, widget->mapToGlobal(position), QPoint(), QPoint(0, 120 * steps), Qt::NoButton,
                      modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

void sendMouse(QWidget* widget, QEvent::Type type, Qt::MouseButton button, const QPointF& position,
               Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    const Qt::MouseButtons buttons = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::MouseButtons(button);
    QMouseEvent event(type, position, widget->mapToGlobal(position), button, buttons, modifiers);
    QApplication::sendEvent(widget, &event);
}

} // namespace

class TestSliceView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void scrollsWithWheelAndKeys();
    void zoomKeepsThePointUnderTheCursor();
    void pansWithMiddleDrag();
    void windowLevelByRightDrag();
    void crosshairReadoutMatchesCore();
    void shiftMoveDragsCrosshair();
    void sliceCachedUntilSliceOrWindowChanges();
    void aspectFollowsSpacing();
    void labelOverlayIsDrawn();
    void interpolationChangesTheZoomedPicture();
    void toolOverlayPaintsOnTopWithoutRebuildingTheSlice();

private:
    std::shared_ptr<Volume> m_colin;
    ViewerState* m_state = nullptr;
    SliceView* m_view = nullptr;
};

void TestSliceView::initTestCase()
{
    DELINEATE_REQUIRE_PACKAGED(kColin);
    Expected<Volume> volume = readVolume(kColin);
    QVERIFY2(volume.ok(), qPrintable(volume.error().message));
    m_colin = std::make_shared<Volume>(std::move(volume).value());
    QCOMPARE(m_colin->geometry().size(), (std::array<int64_t, 3>{181, 217, 181}));
}

void TestSliceView::init()
{
    m_state = new ViewerState(this);
    m_state->setImage(m_colin, ImageInfo::fromVolumeFile(kColin), WindowLevelPresets::automatic(*m_colin));
    m_view = new SliceView(m_state, ViewOrientation::Axial);
    m_view->resize(600, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->fitToWindow();
}

void TestSliceView::cleanup()
{
    delete m_view;
    delete m_state;
}

void TestSliceView::scrollsWithWheelAndKeys()
{
    const int axis = m_view->model().sliceAxis();
    QCOMPARE(axis, 2); // ch2 is stored axially
    const int64_t start = m_state->cursor()[axis];
    sendWheel(m_view, QPointF(300, 300), 1);
    QCOMPARE(m_state->cursor()[axis], start + 1);
    sendWheel(m_view, QPointF(300, 300), -3);
    QCOMPARE(m_state->cursor()[axis], start - 2);
    for (int n = 0; n < 4; ++n) { // a touchpad: four deltas of 30 make one step
        QWheelEvent small(QPointF(300, 300), m_view->mapToGlobal(QPointF(300, 300)), QPoint(), QPoint(0, 30),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(m_view, &small);
    }
    QCOMPARE(m_state->cursor()[axis], start - 1);
    m_state->moveCursor(axis, -1);
    QTest::keyClick(m_view, Qt::Key_Up);
    QCOMPARE(m_state->cursor()[axis], start - 1);
    QTest::keyClick(m_view, Qt::Key_PageDown);
    QCOMPARE(m_state->cursor()[axis], start - 11);
    QTest::keyClick(m_view, Qt::Key_PageUp);
    QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(m_state->cursor()[axis], start - 2);
    for (int n = 0; n < 30; ++n)
        QTest::keyClick(m_view, Qt::Key_PageUp);
    QCOMPARE(m_state->cursor()[axis], int64_t(180)); // clamped at the last slice
    QCOMPARE(m_view->currentSlice(), 180);
}

void TestSliceView::zoomKeepsThePointUnderTheCursor()
{
    const QPointF anchor(200, 350);
    const Vector3 before = m_view->voxelIndexAt(anchor);
    const double zoom = m_view->zoomPerVoxel();
    sendWheel(m_view, anchor, 2, Qt::ControlModifier);
    QVERIFY(std::abs(m_view->zoomPerVoxel() - zoom * 1.25 * 1.25) < 1e-9);
    const Vector3 after = m_view->voxelIndexAt(anchor);
    for (int axis = 0; axis < 3; ++axis)
        QVERIFY2(std::abs(after[axis] - before[axis]) < 1e-6, qPrintable(QString::number(after[axis] - before[axis])));
    m_view->setZoomPerVoxel(1.0); // "1:1"
    QCOMPARE(m_view->zoomPerVoxel(), 1.0);
    QVERIFY(!m_view->isFitted());
    m_view->fitToWindow();
    QVERIFY(m_view->isFitted());
    // Fit: the whole 181 x 217 mm slice fits 600 x 600 and touches two edges.
    const QRectF shown = m_view->imageRectOnScreen();
    QVERIFY(std::abs(shown.height() - 600.0) < 1e-6);
    QVERIFY(shown.width() <= 600.0);
}

void TestSliceView::pansWithMiddleDrag()
{
    const QPointF probe(300, 300);
    const Vector3 before = m_view->voxelIndexAt(probe);
    sendMouse(m_view, QEvent::MouseButtonPress, Qt::MiddleButton, QPointF(300, 300));
    sendMouse(m_view, QEvent::MouseMove, Qt::MiddleButton, QPointF(330, 280));
    sendMouse(m_view, QEvent::MouseButtonRelease, Qt::MiddleButton, QPointF(330, 280));
    const Vector3 after = m_view->voxelIndexAt(QPointF(330, 280));
    for (int axis = 0; axis < 3; ++axis)
        QVERIFY(std::abs(after[axis] - before[axis]) < 1e-6); // the image moved with the mouse
}

void TestSliceView::windowLevelByRightDrag()
{
    const WindowLevel start = m_state->window();
    sendMouse(m_view, QEvent::MouseButtonPress, Qt::RightButton, QPointF(300, 300));
    sendMouse(m_view, QEvent::MouseMove, Qt::RightButton, QPointF(400, 340));
    sendMouse(m_view, QEvent::MouseButtonRelease, Qt::RightButton, QPointF(400, 340));
    const WindowLevel after = m_state->window();
    QVERIFY(after.width > start.width);   // right: wider
    QVERIFY(after.center > start.center); // down: higher level
    QVERIFY(m_state->presetKey().isEmpty());
    // The pixel under the crosshair shows the voxel through the new window.
    m_view->repaint();
    const auto c = m_state->cursor();
    const QPointF image = m_view->model().imagePoint({double(c[0]), double(c[1]), double(c[2])});
    DisplayLut lut;
    lut.setWindow(after);
    QCOMPARE(m_view->sliceImage().pixel(int(image.x()), int(image.y())), lut.mapInt16(int16_t(m_colin->value(c[0], c[1], c[2]))));
}

void TestSliceView::crosshairReadoutMatchesCore()
{
    const QPointF click(250.4, 333.7);
    QTest::mouseClick(m_view, Qt::LeftButton, Qt::NoModifier, click.toPoint());
    const Vector3 expected = m_view->voxelIndexAt(click.toPoint());
    const auto cursor = m_state->cursor();
    QCOMPARE(cursor[0], int64_t(std::llround(expected[0])));
    QCOMPARE(cursor[1], int64_t(std::llround(expected[1])));
    const double value = m_colin->value(cursor[0], cursor[1], cursor[2]);
    QCOMPARE(m_state->cursorValue(), value);
    const QString readout = m_state->readoutText();
    QVERIFY2(readout.contains(QStringLiteral("Voxel (%1, %2, %3)").arg(cursor[0] + 1).arg(cursor[1] + 1).arg(cursor[2] + 1)),
             qPrintable(readout));
    QVERIFY2(readout.endsWith(QStringLiteral("Value %1").arg(qint64(value))), qPrintable(readout));
    const Vector3 mm = m_colin->geometry().indexToPhysical({double(cursor[0]), double(cursor[1]), double(cursor[2])});
    QVERIFY2(readout.contains(QStringLiteral("(%1, %2, %3) mm").arg(mm[0], 0, 'f', 1).arg(mm[1], 0, 'f', 1).arg(mm[2], 0, 'f', 1)),
             qPrintable(readout));
    // The crosshair is drawn through the centre of that voxel.
    const QPointF centre = m_view->screenPoint({double(cursor[0]), double(cursor[1]), double(cursor[2])});
    QVERIFY(std::abs(centre.x() - click.x()) <= m_view->zoomPerVoxel());
}

void TestSliceView::shiftMoveDragsCrosshair()
{
    const auto before = m_state->cursor();
    sendMouse(m_view, QEvent::MouseMove, Qt::NoButton, QPointF(100, 100)); // no Shift: nothing
    QCOMPARE(m_state->cursor(), before);
    sendMouse(m_view, QEvent::MouseMove, Qt::NoButton, QPointF(100, 100), Qt::ShiftModifier);
    QVERIFY(m_state->cursor() != before);
    QCOMPARE(m_state->cursor()[2], before[2]); // in-plane only
}

void TestSliceView::sliceCachedUntilSliceOrWindowChanges()
{
    m_view->repaint();
    const int built = m_view->sliceRebuildCount();
    auto cursor = m_state->cursor();
    cursor[0] += 5; // in-plane move: only the crosshair changes
    m_state->setCursor(cursor);
    m_view->repaint();
    QCOMPARE(m_view->sliceRebuildCount(), built);
    m_state->moveCursor(2, 1);
    m_view->repaint();
    QCOMPARE(m_view->sliceRebuildCount(), built + 1);
    m_state->setWindow({50, 50});
    m_view->repaint();
    QCOMPARE(m_view->sliceRebuildCount(), built + 2);
    m_view->zoomBy(2.0, QPointF(300, 300));
    m_view->repaint();
    QCOMPARE(m_view->sliceRebuildCount(), built + 2); // zoom redraws the cached slice
}

void TestSliceView::aspectFollowsSpacing()
{
    auto anisotropic = std::make_shared<Volume>(
        ImageGeometry({100, 50, 10}, {0.5, 2.0, 3.0}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}), PixelType::Int16);
    m_state->setImage(anisotropic, ImageInfo(), {100, 50});
    m_view->fitToWindow();
    const QRectF axial = m_view->imageRectOnScreen();
    QVERIFY(std::abs(axial.width() / axial.height() - (100 * 0.5) / (50 * 2.0)) < 1e-9);
}

void TestSliceView::labelOverlayIsDrawn()
{
    SegmentationDocument document{Segmentation(m_colin->geometry())};
    LabelTable table;
    LabelEntry red = table.makeEntry(1);
    red.colour = 0xff0000;
    table.set(red);
    QVERIFY(document.setLabelTable(table, QString()).ok());
    SegmentationLayer layer;
    layer.setOpacity(1.0);
    layer.setDocument(&document);
    m_view->setSegmentationLayer(&layer);
    const auto c = m_state->cursor();
    document.beginEdit(EditKind::Manual, QString());
    for (int64_t dj = -10; dj <= 10; ++dj)
        for (int64_t di = -10; di <= 10; ++di)
            document.setVoxel(0, m_colin->offset(c[0] + di, c[1] + dj, c[2]), 1);
    QVERIFY(document.commitEdit().ok());
    const QPointF inside = m_view->screenPoint({double(c[0] + 5), double(c[1] + 5), double(c[2])});
    const QPointF outside = m_view->screenPoint({double(c[0] + 15), double(c[1] + 5), double(c[2])});
    QImage shown = m_view->grab().toImage();
    QCOMPARE(shown.pixel(inside.toPoint()), qRgb(255, 0, 0));
    QVERIFY(shown.pixel(outside.toPoint()) != qRgb(255, 0, 0));

    // An edit on another slice leaves this view's labels alone; one on this slice rebuilds them once. Neither
    // rebuilds the image slice.
    const int labelBuilds = m_view->labelRebuildCount();
    const int sliceBuilds = m_view->sliceRebuildCount();
    document.beginEdit(EditKind::Manual, QString());
    document.setVoxel(0, m_colin->offset(c[0], c[1], c[2] + 20), 1);
    QVERIFY(document.commitEdit().ok());
    m_view->repaint();
    QCOMPARE(m_view->labelRebuildCount(), labelBuilds);
    document.beginEdit(EditKind::Manual, QString());
    document.setVoxel(0, m_colin->offset(c[0] + 5, c[1] + 5, c[2]), 0);
    QVERIFY(document.commitEdit().ok());
    m_view->repaint();
    QCOMPARE(m_view->labelRebuildCount(), labelBuilds + 1);
    QCOMPARE(m_view->sliceRebuildCount(), sliceBuilds);
    shown = m_view->grab().toImage();
    QVERIFY(shown.pixel(inside.toPoint()) != qRgb(255, 0, 0));

    // Edits redraw only the area they touch: after a series of small ones (outline mode too) the picture equals a
    // full redraw.
    for (LabelDrawing drawing : {LabelDrawing::Fill, LabelDrawing::Outline}) {
        layer.setDrawing(drawing);
        m_view->setZoomPerVoxel(2.7); // a zoom that does not map voxels to whole pixels
        m_view->repaint();
        for (int n = 0; n < 12; ++n) {
            document.beginEdit(EditKind::Manual, QString());
            for (int64_t d = 0; d < 3; ++d)
                document.setVoxel(0, m_colin->offset(c[0] - 12 + 2 * n, c[1] - 8 + d + n % 4, c[2]), uint16_t(n % 2));
            QVERIFY(document.commitEdit().ok());
            m_view->repaint();
        }
        const QImage partial = m_view->grab().toImage();
        layer.setOpacity(layer.opacity() - 0.01); // any display change rebuilds the whole label picture
        layer.setOpacity(layer.opacity() + 0.01);
        const QImage full = m_view->grab().toImage();
        QCOMPARE(partial, full);
    }
    layer.setDrawing(LabelDrawing::Fill);
    m_view->fitToWindow();

    // Hiding the label (a table edit) takes it off screen.
    red.visible = false;
    table.set(red);
    QVERIFY(document.setLabelTable(table, QString()).ok());
    shown = m_view->grab().toImage();
    const QPointF other = m_view->screenPoint({double(c[0] - 5), double(c[1] - 5), double(c[2])});
    QVERIFY(shown.pixel(other.toPoint()) != qRgb(255, 0, 0));
    m_view->setSegmentationLayer(nullptr);
}

void TestSliceView::interpolationChangesTheZoomedPicture()
{
    // At 8 screen pixels per voxel, nearest neighbour shows flat 8 x 8 blocks; linear shows ramps between voxels.
    m_view->setZoomPerVoxel(8.0);
    const auto c = m_state->cursor();
    const QPointF centre = m_view->screenPoint({double(c[0]) + 0.5, double(c[1]) + 0.5, double(c[2])});
    const auto distinctAlongRow = [&]() {
        const QImage shown = m_view->grab().toImage();
        QSet<QRgb> colours;
        for (int dx = 0; dx < 64; ++dx)
            colours.insert(shown.pixel(int(centre.x()) + 20 + dx, int(centre.y()) + 20));
        return colours.size();
    };
    m_state->setInterpolation(Interpolation::Nearest);
    const int nearest = distinctAlongRow();
    QVERIFY2(nearest <= 9, qPrintable(QString::number(nearest))); // 64 pixels cross at most 9 voxels
    m_state->setInterpolation(Interpolation::Linear);
    const int linear = distinctAlongRow();
    QVERIFY2(linear > nearest, qPrintable(QStringLiteral("%1 vs %2").arg(linear).arg(nearest)));
}

void TestSliceView::toolOverlayPaintsOnTopWithoutRebuildingTheSlice()
{
    // A brush outline as the editing tools will draw it: a filled circle around a voxel.
    struct Brush : SliceOverlay
    {
        Vector3 centre{};
        int paints = 0;
        void paint(QPainter& painter, const SliceView& view) override
        {
            ++paints;
            painter.setBrush(QColor(0, 255, 0));
            painter.setPen(Qt::NoPen);
            painter.drawEllipse(view.screenPoint(centre), 10.0, 10.0);
        }
    } brush;
    const auto c = m_state->cursor();
    brush.centre = {double(c[0] + 20), double(c[1] + 20), double(c[2])};
    m_view->addOverlay(&brush);
    m_view->repaint();
    const int built = m_view->sliceRebuildCount();
    for (int n = 0; n < 5; ++n) { // the brush follows the mouse: repaints only
        brush.centre[0] += 1.0;
        m_view->repaint();
    }
    QCOMPARE(m_view->sliceRebuildCount(), built);
    QVERIFY(brush.paints >= 6);
    const QImage shown = m_view->grab().toImage();
    QCOMPARE(shown.pixel(m_view->screenPoint(brush.centre).toPoint()), qRgb(0, 255, 0));
    m_view->removeOverlay(&brush);
    const int paints = brush.paints;
    m_view->repaint();
    QCOMPARE(brush.paints, paints);
}

QTEST_MAIN(TestSliceView)
#include "tst_SliceView.moc"
