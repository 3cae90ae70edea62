// The readout under the mouse pointer (offscreen): hovering over a view shows the value, 1-based voxel index and LPS
// position of the voxel under the mouse in the status bar without moving the crosshair; leaving the view brings the
// crosshair's readout back; the readout never runs into the other status bar widgets.
#include "TestData.h"

#include "dicom/AcquiredSlices.h"
#include "image/Volume.h"
#include "model/AcquiredImages.h"
#include "model/ViewerState.h"
#include "widgets/JobStatusWidget.h"
#include "widgets/MainWindow.h"
#include "widgets/SliceView.h"
#include "widgets/ViewerPanel.h"

#include <QAction>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace delineate;

namespace {

constexpr int kLoadTimeout = 60000;

QString voxelText(int64_t i, int64_t j, int64_t k)
{
    return QStringLiteral("Voxel (%1, %2, %3)").arg(i).arg(j).arg(k);
}

QString mmText(const Vector3& p)
{
    auto one = [](double c) { return QString::number(std::abs(c) < 0.05 ? 0.0 : c, 'f', 1); };
    return QStringLiteral("LPS (%1, %2, %3) mm").arg(one(p[0]), one(p[1]), one(p[2]));
}

void leave(QWidget* widget)
{
    QEvent event(QEvent::Leave);
    QCoreApplication::sendEvent(widget, &event);
}

} // namespace

class TestPointerReadout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hoverShowsTheVoxelUnderThePointer();

private:
    QTemporaryDir m_home;
};

void TestPointerReadout::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_PointerReadout"));
    QSettings().clear();
    QVERIFY(m_home.isValid());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
}

void TestPointerReadout::hoverShowsTheVoxelUnderThePointer()
{
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcm_qa_ct/In/GE"));
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(&window, &MainWindow::imageShown);
    window.openPath(delineate::testing::dataPath(QStringLiteral("dcm_qa_ct/In/GE")));
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(window.lastError()));

    ViewerState* state = window.state();
    const Volume& volume = *state->volume();
    SliceView* axial = window.viewerPanel()->axialView();
    const ViewerState::Index cursor = state->cursor();
    // The crosshair's readout, 1-based like the slice numbers.
    QVERIFY2(window.readoutText().contains(voxelText(cursor[0] + 1, cursor[1] + 1, cursor[2] + 1)),
             qPrintable(window.readoutText()));

    // A voxel away from the crosshair, on the axial slice on screen: the mouse over its centre (3 screen pixels
    // per voxel, so that the pixel holding the centre lies inside the voxel).
    axial->setZoomPerVoxel(3.0);
    const ViewerState::Index target{cursor[0] + 21, cursor[1] - 26, cursor[2]};
    const QPoint at = axial->screenPoint({double(target[0]), double(target[1]), double(target[2])}).toPoint();
    QTest::mouseMove(axial, at);
    const QString readout = window.readoutText();
    const double value = volume.value(target[0], target[1], target[2]);
    QVERIFY2(readout.startsWith(QStringLiteral("Pointer")), qPrintable(readout));
    QVERIFY2(readout.contains(voxelText(target[0] + 1, target[1] + 1, target[2] + 1)), qPrintable(readout));
    QVERIFY2(readout.contains(mmText(volume.geometry().indexToPhysical({double(target[0]), double(target[1]), double(target[2])}))),
             qPrintable(readout));
    QVERIFY2(readout.endsWith(QStringLiteral("Value %1 HU").arg(qint64(value))), qPrintable(readout));
    QCOMPARE(state->cursor(), cursor); // reading a value does not move the crosshair

    // Leaving the view: the crosshair's readout again.
    leave(axial);
    QCOMPARE(window.readoutText(), state->readoutText());
    QCOMPARE(state->cursor(), cursor);

    // On the acquired images the pointer reads the acquired image's own voxel and position.
    QAction* toggle = window.findChild<QAction*>(QStringLiteral("ShowAcquiredImagesAction"));
    QVERIFY(toggle);
    toggle->trigger();
    QVERIFY(axial->showsAcquired());
    const ViewerState::Index after = state->cursor();
    const Volume& stack = window.viewerPanel()->acquiredImages()->slices()->stack;
    QCOMPARE(stack.geometry().size()[2], int64_t(28));
    const int k = axial->currentSlice();
    axial->setZoomPerVoxel(3.0);
    const QPoint onAcquired = axial->screenPoint({266.0, 244.0, double(k)}).toPoint();
    QTest::mouseMove(axial, onAcquired);
    QVERIFY2(window.readoutText().contains(voxelText(267, 245, k + 1)), qPrintable(window.readoutText()));
    QVERIFY2(window.readoutText().endsWith(QStringLiteral("Value %1 HU").arg(qint64(stack.value(266, 244, k)))),
             qPrintable(window.readoutText()));
    QCOMPARE(state->cursor(), after);
    leave(axial);
    toggle->trigger();

    // The readout keeps to its own room: a long message and a narrow window never push it into the job status,
    // and what does not fit is elided, whole in the tooltip.
    window.statusBar()->showMessage(QString(400, QLatin1Char('x')));
    window.resize(700, 600);
    QTest::mouseMove(axial, axial->rect().center());
    QApplication::processEvents();
    auto* label = window.findChild<QLabel*>(QStringLiteral("Readout"));
    QVERIFY(label);
    QVERIFY(label->width() <= label->maximumWidth());
    QVERIFY(label->fontMetrics().horizontalAdvance(label->text()) <= label->maximumWidth());
    QVERIFY(label->geometry().right() < window.jobStatus()->geometry().left() || !window.jobStatus()->isVisible());
    QVERIFY(label->toolTip().startsWith(QStringLiteral("Pointer")));
}

QTEST_MAIN(TestPointerReadout)
#include "tst_PointerReadout.moc"
