// Editing in the main window (offscreen), end to end through real mouse and key events: brush strokes on dcmqi's
// CT compared with a disk computed here, undo/redo by keys and by the history list, locked labels, the
// unsaved-changes prompt, masks refused for a shifted origin or another grid (and resampled on request), and the
// recovery of edits left by a session that did not end cleanly.
#include "EditingTestSupport.h"
#include "TestData.h"

#include "edit/RecoveryJournal.h"
#include "edit/SegmentationDocument.h"
#include "image/GeometryMatch.h"
#include "image/Volume.h"
#include "io/DicomSeg.h"
#include "io/SegmentationIO.h"
#include "io/VolumeIO.h"
#include "model/WindowLevel.h"
#include "model/SegmentationLayer.h"
#include "model/SegmentationSession.h"
#include "model/ViewerState.h"
#include "tools/BrushTool.h"
#include "widgets/HistoryPanel.h"
#include "widgets/MainWindow.h"
#include "widgets/RecoveryDialog.h"
#include "widgets/SegmentationPanel.h"
#include "widgets/SliceView.h"
#include "widgets/StudyBrowser.h"
#include "widgets/ViewerPanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextDocument>
#include <QSlider>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <functional>
#include <set>

using namespace delineate;

namespace {

constexpr int kLoadTimeout = 60000;
const QString kColin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");

// Answers the next message box with the button whose text contains `buttonText` (or the standard button).
void answerMessageBox(const std::function<bool(QAbstractButton*, QMessageBox*)>& choose, QString* seenText = nullptr)
{
    auto* poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, choose, seenText]() {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (seenText)
            *seenText = box->text() + QLatin1Char('\n') + box->informativeText();
        for (QAbstractButton* button : box->buttons())
            if (choose(button, box)) {
                poll->stop();
                poll->deleteLater();
                button->click();
                return;
            }
    });
    poll->start();
}

auto standard(QMessageBox::StandardButton which)
{
    return [which](QAbstractButton* button, QMessageBox* box) { return box->standardButton(button) == which; };
}

auto textContaining(const QString& text)
{
    return [text](QAbstractButton* button, QMessageBox*) { return button->text().contains(text); };
}

void press(QWidget* view, const QPointF& at, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(QEvent::MouseButtonPress, at, view->mapToGlobal(at), Qt::LeftButton, Qt::LeftButton, modifiers);
    QApplication::sendEvent(view, &event);
}

void moveTo(QWidget* view, const QPointF& at)
{
    QMouseEvent event(QEvent::MouseMove, at, view->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view, &event);
}

void release(QWidget* view, const QPointF& at)
{
    QMouseEvent event(QEvent::MouseButtonRelease, at, view->mapToGlobal(at), Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view, &event);
}

// Voxels of a 2D disk in slice k (axial) whose centres lie within `radius` mm of voxel (ci, cj, k).
std::set<std::size_t> axialDisk(const ImageGeometry& g, int64_t ci, int64_t cj, int64_t k, double radius)
{
    std::set<std::size_t> voxels;
    for (int64_t j = 0; j < g.size()[1]; ++j)
        for (int64_t i = 0; i < g.size()[0]; ++i) {
            const double dx = double(i - ci) * g.spacing()[0], dy = double(j - cj) * g.spacing()[1];
            if (dx * dx + dy * dy <= radius * radius + 1e-9)
                voxels.insert(std::size_t(i + g.size()[0] * (j + g.size()[1] * k)));
        }
    return voxels;
}

std::set<std::size_t> voxelsOf(const Segmentation& s, uint16_t label)
{
    std::set<std::size_t> voxels;
    for (std::size_t o = 0; o < s.voxelCount(); ++o)
        if (s.labelAt(s.labels().layerOf(label), o) == label)
            voxels.insert(o);
    return voxels;
}

} // namespace

// OPEN_CT() (EditingTestSupport.h) opens dcmqi's 3-slice CT in m_window, skipping without the data.

class TestEditing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void brushStrokeMatchesAnalyticDisk();
    void undoRedoByKeysAndHistoryList();
    void lockedLabelIsUntouched();
    void overwritePolicyAndEraserOnTheSampleSeries();
    void newLabelOnItsOwnLayerKeepsOverlaps();
    void numberKeysChooseLabelsAndOverlayToggles();
    void unsavedChangesPromptGuardsEveryExit();
    void refusesMaskOnAnotherGrid_data();
    void refusesMaskOnAnotherGrid();
    void restoresEditsLeftByAnUncleanEnd();
    void recoverMenuListsEveryJournal();
    void helpListsEveryShortcut();
    void documentationScreenshots();
    void dicomSegOpensFromTheBrowserAndSavesBack();

private:
    void openSample();
    SliceView* axial() const { return m_window->viewerPanel()->axialView(); }
    QPointF screenOf(int64_t i, int64_t j) const;

    MainWindow* m_window = nullptr;
    QTemporaryDir m_home;
    QString m_sample; // the sample series as scripts/run makes it (delineate-cli make-series from mricron-data)
};

void TestEditing::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Recovery journals and settings go to a folder of this test, never the user's.
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_Editing"));
    QSettings().clear();
    // The sample study as scripts/run makes it: a DICOM series written from mricron-data's Colin 27 T1.
    DELINEATE_REQUIRE_PACKAGED(kColin);
    QVERIFY2(QFileInfo::exists(testing::cliPath()), "DELINEATE_CLI must name delineate-cli (it writes the sample series)");
    m_sample = m_home.filePath(QStringLiteral("colin27-t1"));
    const testing::CliRun made = testing::runCli({QStringLiteral("make-series"), kColin, m_sample, QStringLiteral("--modality"),
                                                  QStringLiteral("MR"), QStringLiteral("--description"),
                                                  QStringLiteral("Colin 27 T1 (mricron-data)")});
    QVERIFY2(!made.crashed && made.exitCode == 0, made.err.constData());
}

void TestEditing::init()
{
    m_window = new MainWindow;
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestEditing::cleanup()
{
    if (m_window && m_window->segmentationSession()->isModified())
        m_window->segmentationSession()->close(); // no prompt on the way out
    delete m_window;
    m_window = nullptr;
}

void TestEditing::openSample()
{
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(m_sample);
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(m_window->lastError()));
    QVERIFY(m_window->state()->info().dicomSource); // the DICOM series, not a volume file
    QCOMPARE(m_window->state()->volume()->geometry().size(), (std::array<int64_t, 3>{181, 217, 181}));
    QTest::qWait(50);
}

QPointF TestEditing::screenOf(int64_t i, int64_t j) const
{
    return axial()->screenPoint({double(i), double(j), double(axial()->currentSlice())});
}

void TestEditing::brushStrokeMatchesAnalyticDisk()
{
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_B);
    QCOMPARE(m_window->segmentationPanel()->activeTool(), SegmentationPanel::ToolKind::Brush);
    BrushSettings settings = m_window->brushTool()->settings();
    settings.radius = 4.0;
    settings.unit = BrushUnit::Millimetres;
    settings.shape = BrushShape::Disk;
    m_window->brushTool()->setSettings(settings);
    QCOMPARE(m_window->segmentationPanel()->sizeBox()->value(), 4.0);

    const int64_t k = axial()->currentSlice();
    press(axial(), screenOf(200, 300));
    release(axial(), screenOf(200, 300));
    SegmentationDocument* document = m_window->segmentationSession()->document();
    QVERIFY(document); // the first stroke made a segmentation with label 1
    const ImageGeometry& g = document->geometry();
    QVERIFY(voxelsOf(document->segmentation(), 1) == axialDisk(g, 200, 300, k, 4.0));
    QCOMPARE(document->history().size(), 1);
    QCOMPARE(document->history().at(0).description, QStringLiteral("Brush, label 1, 1 dab"));

    // A fast drag from (300, 100) to (340, 100), one move event: both ends and every voxel between them painted.
    press(axial(), screenOf(300, 100));
    moveTo(axial(), screenOf(340, 100));
    release(axial(), screenOf(340, 100));
    std::set<std::size_t> expected = axialDisk(g, 200, 300, k, 4.0);
    for (int64_t i = 300; i <= 340; ++i) {
        const std::size_t o = std::size_t(i + 512 * (100 + 512 * k));
        QVERIFY2(document->segmentation().labelAt(0, o) == 1, qPrintable(QString::number(i)));
    }
    for (int64_t i : {300, 340})
        for (std::size_t o : axialDisk(g, i, 100, k, 4.0))
            QVERIFY(document->segmentation().labelAt(0, o) == 1);
    QCOMPARE(document->history().size(), 2);
    // The view shows the label where it was painted.
    const QImage shown = axial()->grab().toImage();
    const QColor painted = shown.pixelColor(screenOf(200, 300).toPoint());
    QVERIFY2(painted.red() > painted.green() + 40, qPrintable(painted.name())); // label 1 is red, blended
    QVERIFY(m_window->windowTitle().contains(QLatin1Char('*')));
    if (const QString dir = qEnvironmentVariable("DELINEATE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        m_window->grab().save(QDir(dir).filePath(QStringLiteral("editing-ct-brush.png")));
    }
}

void TestEditing::undoRedoByKeysAndHistoryList()
{
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_B);
    press(axial(), screenOf(100, 100));
    release(axial(), screenOf(100, 100));
    SegmentationDocument* document = m_window->segmentationSession()->document();
    const Segmentation afterOne = document->segmentation();
    press(axial(), screenOf(150, 150));
    moveTo(axial(), screenOf(170, 150));
    release(axial(), screenOf(170, 150));
    const Segmentation afterTwo = document->segmentation();
    QVERIFY(!(afterTwo == afterOne));

    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(document->segmentation() == afterOne);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(document->segmentation() == afterTwo);

    QListWidget* list = m_window->historyPanel()->list();
    QCOMPARE(list->count(), 3); // start + two strokes
    QCOMPARE(list->currentRow(), 2);
    QVERIFY(list->item(2)->text().startsWith(QStringLiteral("Brush, label 1")));
    list->setCurrentRow(0); // back to the start
    QCOMPARE(document->history().position(), 0);
    QVERIFY(voxelsOf(document->segmentation(), 1).empty());
    QCOMPARE(list->count(), 3); // undone steps stay listed until a new edit
    list->setCurrentRow(1);
    QVERIFY(document->segmentation() == afterOne);
    // A new edit after undo drops the undone one.
    press(axial(), screenOf(400, 400));
    release(axial(), screenOf(400, 400));
    QCOMPARE(list->count(), 3);
    QCOMPARE(document->history().size(), 2);
}

void TestEditing::lockedLabelIsUntouched()
{
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_2); // label 2 is created and made active
    QCOMPARE(m_window->segmentationLayer()->activeLabel(), 2);
    QTest::keyClick(m_window, Qt::Key_B);
    press(axial(), screenOf(250, 250));
    release(axial(), screenOf(250, 250));
    SegmentationDocument* document = m_window->segmentationSession()->document();
    const std::set<std::size_t> two = voxelsOf(document->segmentation(), 2);
    QVERIFY(!two.empty());

    // Lock label 2 with its check box in the label list.
    QTableWidget* table = m_window->segmentationPanel()->labelTable();
    int row = -1;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 1)->text() == QLatin1String("2"))
            row = r;
    QVERIFY(row >= 0);
    table->item(row, 4)->setCheckState(Qt::Checked);
    QVERIFY(document->labels().isLocked(2));
    QVERIFY(m_window->historyPanel()->list()->item(m_window->historyPanel()->list()->count() - 1)->text().startsWith(
        QStringLiteral("Lock label 2")));

    // Painting label 1 over it and erasing everything there leave it whole; painting label 2 is refused.
    QTest::keyClick(m_window, Qt::Key_1);
    BrushSettings big = m_window->brushTool()->settings();
    big.radius = 8.0;
    m_window->brushTool()->setSettings(big);
    press(axial(), screenOf(252, 250));
    release(axial(), screenOf(252, 250));
    QVERIFY(voxelsOf(document->segmentation(), 2) == two);
    QVERIFY(!voxelsOf(document->segmentation(), 1).empty());
    QTest::keyClick(m_window, Qt::Key_E);
    press(axial(), screenOf(250, 250));
    release(axial(), screenOf(250, 250));
    QVERIFY(voxelsOf(document->segmentation(), 2) == two);
    QTest::keyClick(m_window, Qt::Key_B);
    QTest::keyClick(m_window, Qt::Key_2);
    const int steps = document->history().size();
    QSignalSpy message(m_window->brushTool(), &SliceTool::message);
    press(axial(), screenOf(300, 300));
    release(axial(), screenOf(300, 300));
    QCOMPARE(document->history().size(), steps);
    QCOMPARE(message.count(), 1);
    QVERIFY(message.first().first().toString().contains(QStringLiteral("locked")));
}

void TestEditing::overwritePolicyAndEraserOnTheSampleSeries()
{
    // On the sample series' grid (1 mm voxels): label 1 is painted, then label 2 beside it with each overwrite
    // policy, then the eraser with "only the active label" and "any unlocked label"; every expected voxel set is a
    // disk computed here. The radii (6.2 and 4.4 mm) keep every voxel centre at least 0.07 mm from a disk's edge.
    openSample();
    if (QTest::currentTestFailed())
        return;
    const ImageGeometry g = m_window->state()->volume()->geometry();
    const int64_t k = axial()->currentSlice();
    QTest::keyClick(m_window, Qt::Key_B);
    SegmentationPanel* panel = m_window->segmentationPanel();
    BrushSettings settings = m_window->brushTool()->settings();
    settings.radius = 6.2;
    settings.unit = BrushUnit::Millimetres;
    settings.shape = BrushShape::Disk;
    m_window->brushTool()->setSettings(settings);
    const auto dab = [&](int64_t i, int64_t j) {
        press(axial(), screenOf(i, j));
        release(axial(), screenOf(i, j));
    };
    const auto minus = [](std::set<std::size_t> a, const std::set<std::size_t>& b) {
        for (std::size_t o : b)
            a.erase(o);
        return a;
    };
    const auto both = [](const std::set<std::size_t>& a, const std::set<std::size_t>& b) {
        std::set<std::size_t> out;
        for (std::size_t o : a)
            if (b.count(o))
                out.insert(o);
        return out;
    };
    dab(80, 100);
    SegmentationDocument* document = m_window->segmentationSession()->document();
    QVERIFY(document);
    const std::set<std::size_t> one = axialDisk(g, 80, 100, k, 6.2);
    QVERIFY(voxelsOf(document->segmentation(), 1) == one);
    const std::set<std::size_t> two = axialDisk(g, 86, 100, k, 6.2);
    QVERIFY(!both(one, two).empty() && !minus(two, one).empty());

    QTest::keyClick(m_window, Qt::Key_2);
    panel->policyBox()->setCurrentIndex(int(OverwriteMode::EmptyOnly));
    dab(86, 100);
    QVERIFY(voxelsOf(document->segmentation(), 2) == minus(two, one));
    QVERIFY(voxelsOf(document->segmentation(), 1) == one);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);

    panel->policyBox()->setCurrentIndex(int(OverwriteMode::LabelOnly));
    QComboBox* only = panel->toolOptions()->policyLabelBox();
    QVERIFY(only->findData(1) >= 0);
    only->setCurrentIndex(only->findData(1));
    QCOMPARE(m_window->brushTool()->settings().policy.onlyLabel, uint16_t(1));
    dab(86, 100);
    QVERIFY(voxelsOf(document->segmentation(), 2) == both(two, one));
    QVERIFY(voxelsOf(document->segmentation(), 1) == minus(one, two));
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);

    panel->policyBox()->setCurrentIndex(int(OverwriteMode::All));
    dab(86, 100);
    QVERIFY(voxelsOf(document->segmentation(), 2) == two);
    QVERIFY(voxelsOf(document->segmentation(), 1) == minus(one, two));

    // The eraser limited to the active label (2) leaves label 1 alone; with "any unlocked label" it clears both.
    QTest::keyClick(m_window, Qt::Key_E);
    QCOMPARE(panel->activeTool(), SegmentationPanel::ToolKind::Eraser);
    BrushSettings eraser = m_window->eraserTool()->settings();
    eraser.radius = 4.4;
    eraser.unit = BrushUnit::Millimetres;
    eraser.shape = BrushShape::Disk;
    m_window->eraserTool()->setSettings(eraser);
    panel->policyBox()->setCurrentIndex(int(OverwriteMode::LabelOnly));
    dab(78, 100);
    const std::set<std::size_t> erased = axialDisk(g, 78, 100, k, 4.4);
    QVERIFY(voxelsOf(document->segmentation(), 2) == minus(two, erased));
    QVERIFY(voxelsOf(document->segmentation(), 1) == minus(one, two));
    panel->policyBox()->setCurrentIndex(int(OverwriteMode::All));
    dab(84, 100);
    const std::set<std::size_t> erasedAll = axialDisk(g, 84, 100, k, 4.4);
    QVERIFY(voxelsOf(document->segmentation(), 2) == minus(minus(two, erased), erasedAll));
    QVERIFY(voxelsOf(document->segmentation(), 1) == minus(minus(one, two), erasedAll));
}

void TestEditing::newLabelOnItsOwnLayerKeepsOverlaps()
{
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_B);
    BrushSettings settings = m_window->brushTool()->settings();
    settings.radius = 5.0;
    settings.unit = BrushUnit::Millimetres;
    settings.shape = BrushShape::Disk;
    m_window->brushTool()->setSettings(settings);
    const int64_t k = axial()->currentSlice();
    press(axial(), screenOf(200, 300));
    release(axial(), screenOf(200, 300));
    SegmentationDocument* document = m_window->segmentationSession()->document();
    QVERIFY(document);
    const ImageGeometry& g = document->geometry();
    const std::set<std::size_t> a = axialDisk(g, 200, 300, k, 5.0);
    QVERIFY(voxelsOf(document->segmentation(), 1) == a);
    const int stepsBefore = document->history().size();

    // "New label on its own layer": label 2 on layer 2, active, one history step.
    m_window->segmentationPanel()->addOnNewLayerButton()->click();
    QCOMPARE(document->segmentation().layerCount(), 2);
    QVERIFY(document->labels().contains(2));
    QCOMPARE(document->labels().layerOf(2), 1);
    QCOMPARE(m_window->segmentationLayer()->activeLabel(), 2);
    QCOMPARE(document->history().size(), stepsBefore + 1);
    QCOMPARE(document->history().at(stepsBefore).description, QStringLiteral("Add label 2 on layer 2"));

    // Label 2 painted over label 1: both are kept.
    press(axial(), screenOf(205, 300));
    release(axial(), screenOf(205, 300));
    const std::set<std::size_t> b = axialDisk(g, 205, 300, k, 5.0);
    std::size_t shared = 0;
    for (std::size_t o : b)
        shared += a.count(o);
    QVERIFY(shared > 20);
    QVERIFY(voxelsOf(document->segmentation(), 2) == b);
    QVERIFY(voxelsOf(document->segmentation(), 1) == a);
    const QImage shown = axial()->grab().toImage();
    QVERIFY(!shown.isNull());

    // Undo takes the stroke back, then the layer and the label together.
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(voxelsOf(document->segmentation(), 2).empty());
    QCOMPARE(document->segmentation().layerCount(), 2);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(document->segmentation().layerCount(), 1);
    QVERIFY(!document->labels().contains(2));
    QVERIFY(voxelsOf(document->segmentation(), 1) == a);
    // And redo brings both back.
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(document->segmentation().layerCount(), 2);
    QVERIFY(voxelsOf(document->segmentation(), 2) == b);
    QVERIFY(voxelsOf(document->segmentation(), 1) == a);
}

void TestEditing::numberKeysChooseLabelsAndOverlayToggles()
{
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_3);
    SegmentationDocument* document = m_window->segmentationSession()->document();
    QVERIFY(document);
    QVERIFY(document->labels().contains(3));
    QCOMPARE(m_window->segmentationLayer()->activeLabel(), 3);
    QVERIFY(m_window->segmentationLayer()->isVisible());
    QTest::keyClick(m_window, Qt::Key_O);
    QVERIFY(!m_window->segmentationLayer()->isVisible());
    QTest::keyClick(m_window, Qt::Key_O);
    QTest::keyClick(m_window, Qt::Key_O, Qt::ShiftModifier);
    QCOMPARE(m_window->segmentationLayer()->drawing(), LabelDrawing::Outline);
    m_window->segmentationPanel()->opacitySlider()->setValue(20);
    QCOMPARE(m_window->segmentationLayer()->opacity(), 0.2);
}

void TestEditing::unsavedChangesPromptGuardsEveryExit()
{
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_B);
    press(axial(), screenOf(200, 200));
    release(axial(), screenOf(200, 200));
    SegmentationSession* session = m_window->segmentationSession();
    QVERIFY(session->isModified());
    const QString journal = session->document()->journal()->path();
    QVERIFY(QFileInfo::exists(journal));

    // Cancel: nothing happens.
    QString asked;
    answerMessageBox(standard(QMessageBox::Cancel), &asked);
    m_window->openPath(m_sample);
    QVERIFY(asked.contains(QStringLiteral("unsaved changes")));
    QVERIFY(session->isModified());
    QCOMPARE(m_window->state()->volume()->geometry().size()[2], 3);

    // Closing the window asks too.
    answerMessageBox(standard(QMessageBox::Cancel));
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());

    // Save: the file is written, then the new image opens.
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("ct-mask.nii.gz"));
    QVERIFY(m_window->saveSegmentationTo(saved));
    QVERIFY(!session->isModified());
    press(axial(), screenOf(300, 300));
    release(axial(), screenOf(300, 300));
    QVERIFY(session->isModified());
    const Segmentation edited = session->document()->segmentation();
    answerMessageBox(standard(QMessageBox::Save));
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(m_sample);
    QVERIFY(shown.wait(kLoadTimeout));
    auto file = readSegmentationFile(saved);
    QVERIFY(file.ok());
    QVERIFY(file->layers.front() == edited.layer(0));
    QVERIFY(!session->hasSegmentation());
    QVERIFY(!QFileInfo::exists(journal)); // saved and closed: nothing left to recover

    // Discard: the edits and their journal go.
    QTest::keyClick(m_window, Qt::Key_B);
    press(axial(), axial()->rect().center());
    release(axial(), axial()->rect().center());
    const QString secondJournal = session->document()->journal()->path();
    answerMessageBox(standard(QMessageBox::Discard));
    m_window->openPath(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")));
    QVERIFY(shown.wait(kLoadTimeout));
    QVERIFY(!session->hasSegmentation());
    QVERIFY(!QFileInfo::exists(secondJournal));
}

void TestEditing::refusesMaskOnAnotherGrid_data()
{
    QTest::addColumn<double>("shiftVoxels");
    QTest::addColumn<double>("spacingScale");
    QTest::newRow("origin shifted half a voxel") << 0.5 << 1.0;
    QTest::newRow("right size, another grid") << 0.0 << 1.25;
}

void TestEditing::refusesMaskOnAnotherGrid()
{
    QFETCH(double, shiftVoxels);
    QFETCH(double, spacingScale);
    OPEN_CT();
    // dcmqi's liver mask fits the CT as it is ...
    const QString liver = testing::dataPath(QStringLiteral("dcmqi-seg/liver_seg.nrrd"));
    m_window->openSegmentationFile(liver);
    QVERIFY2(m_window->segmentationSession()->hasSegmentation(), qPrintable(m_window->lastError()));
    QVERIFY(!m_window->segmentationSession()->isModified());
    m_window->segmentationSession()->close();

    // ... a copy moved off the grid does not.
    auto file = readSegmentationFile(liver);
    QVERIFY(file.ok());
    ImageGeometry moved = file->geometry;
    Vector3 origin = moved.origin();
    for (int r = 0; r < 3; ++r)
        origin[r] += moved.direction()[r][0] * moved.spacing()[0] * shiftVoxels;
    moved.setOrigin(origin);
    moved.setSpacing({moved.spacing()[0] * spacingScale, moved.spacing()[1] * spacingScale, moved.spacing()[2]});
    auto copy = Segmentation::fromLayers(moved, file->layers, file->labels);
    QVERIFY(copy.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("moved-liver.nii.gz"));
    QVERIFY(writeSegmentationFile(*copy, path).ok());

    QString asked;
    answerMessageBox(standard(QMessageBox::Cancel), &asked);
    m_window->openSegmentationFile(path);
    QVERIFY(!m_window->segmentationSession()->hasSegmentation());
    QVERIFY2(asked.contains(QStringLiteral("moved-liver.nii.gz")), qPrintable(asked));
    QVERIFY2(asked.contains(describeGeometry(moved)), qPrintable(asked));
    QVERIFY2(asked.contains(describeGeometry(m_window->state()->volume()->geometry())), qPrintable(asked));

    // Resampling is the user's explicit choice, said on the button, and leaves an unsaved segmentation.
    answerMessageBox(textContaining(QStringLiteral("nearest neighbour")));
    m_window->openSegmentationFile(path);
    QVERIFY(m_window->segmentationSession()->hasSegmentation());
    QVERIFY(m_window->segmentationSession()->isModified());
    QVERIFY(m_window->segmentationSession()->filePath().isEmpty());
}

void TestEditing::restoresEditsLeftByAnUncleanEnd()
{
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_B);
    press(axial(), screenOf(120, 200));
    moveTo(axial(), screenOf(160, 220));
    release(axial(), screenOf(160, 220));
    QTest::keyClick(m_window, Qt::Key_2);
    press(axial(), screenOf(300, 200));
    release(axial(), screenOf(300, 200));
    const Segmentation before = m_window->segmentationSession()->document()->segmentation();
    // The window goes away without closeEvent: what a crash or kill leaves behind is the journal.
    delete m_window;
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));

    QString asked;
    answerMessageBox(textContaining(QStringLiteral("Restore")), &asked);
    OPEN_CT();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->segmentationSession()->hasSegmentation(), 5000);
    QVERIFY2(asked.contains(QStringLiteral("3 unsaved edit")), qPrintable(asked)); // two strokes and label 2
    SegmentationDocument* document = m_window->segmentationSession()->document();
    QVERIFY(document->segmentation() == before);
    QVERIFY(m_window->segmentationSession()->isModified());
    QCOMPARE(document->history().size(), 3); // and they can be undone
    QVERIFY(document->undo());
    QVERIFY(voxelsOf(document->segmentation(), 2).empty());
    // Nothing more is offered: the old journal was replaced by the new session's.
    QCOMPARE(m_window->segmentationSession()->pendingRecoveries().size(), 0);
}

void TestEditing::recoverMenuListsEveryJournal()
{
    // A journal of the CT left by a session that ended without closing, and one of another series (written here).
    const QString folder = m_window->segmentationSession()->recoveryFolder();
    for (const QString& name : QDir(folder).entryList({QStringLiteral("*.djournal")}, QDir::Files))
        QFile::remove(QDir(folder).filePath(name));
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_B);
    press(axial(), screenOf(120, 200));
    moveTo(axial(), screenOf(160, 220));
    release(axial(), screenOf(160, 220));
    press(axial(), screenOf(300, 200));
    release(axial(), screenOf(300, 200));
    const Segmentation before = m_window->segmentationSession()->document()->segmentation();
    delete m_window;
    {
        // One edit of a series that is not open, journalled as the app journals it.
        const ImageGeometry other({20, 20, 10}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
        auto journal = RecoveryJournal::create(folder, {QString(64, QLatin1Char('0')), QStringLiteral("MR, 20 x 20 x 10")},
                                               Segmentation(other));
        QVERIFY2(journal.ok(), qPrintable(journal.error().message));
        SegmentationDocument document{Segmentation(other)};
        document.attachJournal(std::move(journal).value());
        document.beginEdit(EditKind::Manual, QString());
        document.setVoxel(0, 5, 1);
        QVERIFY(document.commitEdit(QStringLiteral("Brush, label 1, 1 dab")).ok());
    } // the document goes away without discarding its journal, as in a crash
    m_window = new MainWindow;
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QAction* recover = m_window->findChild<QAction*>(QStringLiteral("RecoverAction"));
    QVERIFY(recover);

    // Nothing on screen: both journals listed with their summary, edit count and time; none can be restored.
    int rows = 0;
    QStringList summaries, states;
    bool restoreEnabled = true;
    testing::answerModal<RecoveryDialog>([&](RecoveryDialog* dialog) {
        rows = dialog->table()->rowCount();
        for (int row = 0; row < rows; ++row) {
            summaries << dialog->table()->item(row, RecoveryDialog::SeriesColumn)->text() + QLatin1Char('|')
                             + dialog->table()->item(row, RecoveryDialog::EditsColumn)->text() + QLatin1Char('|')
                             + dialog->table()->item(row, RecoveryDialog::LastEditColumn)->text();
            states << dialog->table()->item(row, RecoveryDialog::StateColumn)->text();
        }
        restoreEnabled = dialog->restoreButton()->isEnabled();
        dialog->reject();
    });
    recover->trigger();
    QCOMPARE(rows, 2);
    const QString today = QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat).left(6);
    QVERIFY2(summaries.filter(QStringLiteral("CT, 512 x 512 x 3|2|")).size() == 1, qPrintable(summaries.join(QLatin1Char('\n'))));
    QVERIFY2(summaries.filter(QStringLiteral("MR, 20 x 20 x 10|1|")).size() == 1, qPrintable(summaries.join(QLatin1Char('\n'))));
    QVERIFY2(summaries.filter(today).size() == 2, qPrintable(today + QLatin1Char('\n') + summaries.join(QLatin1Char('\n'))));
    QVERIFY2(states.filter(QStringLiteral("Open its series (CT, 512 x 512 x 3)")).size() == 1, qPrintable(states.join(QLatin1Char('\n'))));
    QVERIFY(!restoreEnabled);

    // With the CT on screen (its own prompt answered "Later"), the CT's journal is restored from the menu.
    QString asked;
    answerMessageBox(textContaining(QStringLiteral("Later")), &asked);
    OPEN_CT();
    QTRY_VERIFY(!asked.isEmpty());
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QVERIFY(!m_window->segmentationSession()->hasSegmentation());
    QString chosenSummary;
    testing::answerModal<RecoveryDialog>([&](RecoveryDialog* dialog) {
        const int row = dialog->table()->currentRow();
        chosenSummary = dialog->table()->item(row, RecoveryDialog::SeriesColumn)->text();
        if (dialog->restoreButton()->isEnabled())
            dialog->restoreButton()->click();
        else
            dialog->reject();
    });
    recover->trigger();
    QCOMPARE(chosenSummary, QStringLiteral("CT, 512 x 512 x 3"));
    QVERIFY(m_window->segmentationSession()->hasSegmentation());
    SegmentationDocument* document = m_window->segmentationSession()->document();
    QVERIFY(document->segmentation() == before);
    QCOMPARE(document->history().size(), 2);
    // The other series' journal is still waiting; discarding it from the list removes it.
    QCOMPARE(m_window->segmentationSession()->allPendingRecoveries().size(), 1);
    testing::answerModal<RecoveryDialog>([&](RecoveryDialog* dialog) {
        QCOMPARE(dialog->table()->rowCount(), 1);
        dialog->table()->selectRow(0);
        QVERIFY(!dialog->restoreButton()->isEnabled());
        dialog->discardButton()->click();
        QCOMPARE(dialog->table()->rowCount(), 0);
        dialog->reject();
    });
    recover->trigger();
    QCOMPARE(m_window->segmentationSession()->allPendingRecoveries().size(), 0);
}

namespace {

// "1 to 9" and "Alt+1 to Alt+8" stand for every key in between.
QString withRangesSpelledOut(const QString& text)
{
    static const QRegularExpression range(QStringLiteral("(?<![\\w+])((?:\\w+\\+)*)(\\d) to \\1(\\d)"));
    QString out = text;
    for (auto it = range.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        for (int n = match.captured(2).toInt(); n <= match.captured(3).toInt(); ++n)
            out += QStringLiteral(" %1%2 ").arg(match.captured(1)).arg(n);
    }
    return out;
}

// Whether `text` names `key` as a key of its own ("O" in "O show", not in "Ctrl+O" or "Overlay").
bool namesKey(const QString& text, const QString& key)
{
    const QRegularExpression alone(QStringLiteral("(?<![\\w+])%1(?![\\w+])").arg(QRegularExpression::escape(key)));
    return alone.match(withRangesSpelledOut(text)).hasMatch();
}

} // namespace

void TestEditing::helpListsEveryShortcut()
{
    // Every key sequence of the window's actions, and the keys the views and tools handle themselves, appear in
    // Help > Mouse and Keys and in docs/editing.md's table of mouse and keys.
    QStringList keys{QStringLiteral("Escape"), QStringLiteral("Page Up"), QStringLiteral("Page Down"), QStringLiteral("Shift")};
    QAction* helpAction = nullptr;
    for (QAction* action : m_window->findChildren<QAction*>())
        for (const QKeySequence& sequence : action->shortcuts()) {
            keys << sequence.toString(QKeySequence::NativeText);
            if (sequence == QKeySequence(QKeySequence::HelpContents))
                helpAction = action;
        }
    keys.removeDuplicates();
    QVERIFY(helpAction);
    for (const char* expected : {"Ctrl+N", "Ctrl+L", "Ctrl+Shift+S", "Ctrl+Shift+O", "[", "]", "9", "Alt+8"})
        QVERIFY2(keys.contains(QLatin1String(expected)), expected);
    QString shown;
    answerMessageBox(standard(QMessageBox::Ok), &shown);
    helpAction->trigger();
    QTextDocument html;
    html.setHtml(shown);
    const QString help = html.toPlainText();
    QFile docsFile(QStringLiteral(DELINEATE_SOURCE_DIR "/docs/editing.md"));
    QVERIFY(docsFile.open(QIODevice::ReadOnly));
    const QString docs = QString::fromUtf8(docsFile.readAll());
    const int from = docs.indexOf(QStringLiteral("### Mouse and keys"));
    QVERIFY2(from >= 0, "docs/editing.md has no \"### Mouse and keys\" table");
    const QString table = docs.mid(from, docs.indexOf(QStringLiteral("\n#"), from + 4) - from).remove(QLatin1Char('`'));
    for (const QString& key : keys) {
        QVERIFY2(namesKey(help, key), qPrintable(QStringLiteral("Help > Mouse and Keys does not list %1:\n%2").arg(key, help)));
        QVERIFY2(namesKey(table, key), qPrintable(QStringLiteral("docs/editing.md's table does not list %1").arg(key)));
    }
}

void TestEditing::documentationScreenshots()
{
    // DELINEATE_SCREENSHOT_DIR=... writes the editing screenshots of README.md and docs/editing.md: the sample series
    // (the DICOM series scripts/run opens) with its brain mask (mricron-data's ch2bet > 0) being corrected, and
    // dcmqi's CT with its liver mask named "Liver", a correction, and the History dock naming both steps.
    const QString dir = qEnvironmentVariable("DELINEATE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set DELINEATE_SCREENSHOT_DIR to write the documentation screenshots");
    const QString bet = QStringLiteral("/usr/share/mricron/templates/ch2bet.nii.gz");
    DELINEATE_REQUIRE_PACKAGED(bet);
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    m_window->resize(1900, 1100);
    // Views 2 x 2, so that each is wide enough for its corner texts; the label list wide enough for every column.
    m_window->viewerPanel()->setLayoutMode(ViewLayout::TwoByTwo);
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    openSample();
    if (QTest::currentTestFailed())
        return;
    m_window->resizeDocks({m_window->studyBrowser(), m_window->segmentationPanel()}, {340, 530}, Qt::Horizontal);
    // The brain mask is made on the series' grid: ch2bet's voxels looked up at each series voxel's position.
    const ImageGeometry series = m_window->state()->volume()->geometry();
    auto brain = readVolume(bet);
    QVERIFY(brain.ok());
    std::vector<uint8_t> values(brain->voxelCount());
    for (std::size_t o = 0; o < values.size(); ++o)
        values[o] = brain->valueAt(o) > 0 ? 1 : 0;
    const LabelLayer onSeries = resampleLabelsNearest(LabelLayer::fromUInt8(std::move(values)), brain->geometry(), series);
    std::size_t inside = 0;
    for (std::size_t o = 0; o < onSeries.voxelCount(); ++o)
        inside += onSeries.at(o) == 1 ? 1 : 0;
    QVERIFY(inside > 1000000);
    LabelTable table;
    LabelEntry entry = table.makeEntry(1);
    entry.name = QStringLiteral("Brain");
    entry.colour = 0x3cb4e6;
    table.set(entry);
    LabelEntry correction = table.makeEntry(2);
    correction.name = QStringLiteral("Correction");
    correction.colour = 0xffb000;
    table.set(correction);
    auto mask = Segmentation::fromLayers(series, {onSeries}, table);
    QVERIFY(mask.ok());
    QTemporaryDir files;
    const QString maskPath = files.filePath(QStringLiteral("brain-mask.nii.gz"));
    QVERIFY(writeSegmentationFile(*mask, maskPath).ok());
    m_window->openSegmentationFile(maskPath);
    QVERIFY2(m_window->segmentationSession()->hasSegmentation(), qPrintable(m_window->lastError()));
    QCOMPARE(voxelsOf(m_window->segmentationSession()->document()->segmentation(), 1).size(), inside);
    m_window->segmentationLayer()->setOpacity(0.4);
    QTest::keyClick(m_window, Qt::Key_2);
    QTest::keyClick(m_window, Qt::Key_B);
    BrushSettings s = m_window->brushTool()->settings();
    s.radius = 4.0;
    m_window->brushTool()->setSettings(s);
    const auto c = m_window->state()->cursor();
    const auto at = [&](double di, double dj) { return axial()->screenPoint({c[0] + di, c[1] + dj, double(c[2])}); };
    press(axial(), at(-30, -40));
    for (int n = 1; n <= 12; ++n)
        moveTo(axial(), at(-30 + 4 * n, -40 + 2 * n));
    release(axial(), at(18, -16));
    moveTo(axial(), at(20, 10));
    QTest::qWait(100);
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("editing-sample-mri.png"))));

    // The CT with dcmqi's liver mask, label 1 renamed "Liver" in the label list, a correction painted with label 2,
    // and the History dock beside the label list.
    m_window->segmentationSession()->close();
    m_window->viewerPanel()->setLayoutMode(ViewLayout::OneByThree); // the 3-slice CT's axial view fills the panel
    m_window->openPath(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")));
    QVERIFY(shown.wait(kLoadTimeout));
    m_window->state()->applyPreset(QStringLiteral("abdomen"));
    m_window->openSegmentationFile(testing::dataPath(QStringLiteral("dcmqi-seg/liver_seg.nrrd")));
    QVERIFY(m_window->segmentationSession()->hasSegmentation());
    SegmentationPanel* panel = m_window->segmentationPanel();
    const int liverRow = panel->rowOfLabel(1);
    QVERIFY(liverRow >= 0);
    panel->labelTable()->item(liverRow, SegmentationPanel::NameColumn)->setText(QStringLiteral("Liver"));
    SegmentationDocument* document = m_window->segmentationSession()->document();
    QCOMPARE(document->labels().find(1)->name, QStringLiteral("Liver"));
    m_window->segmentationLayer()->setOpacity(0.4);
    QTest::keyClick(m_window, Qt::Key_2);
    press(axial(), screenOf(150, 250));
    for (int n = 1; n <= 10; ++n)
        moveTo(axial(), screenOf(150 + 6 * n, 250 + 3 * n));
    release(axial(), screenOf(210, 280));
    moveTo(axial(), screenOf(230, 290));
    QVERIFY(document->history().at(document->history().size() - 1).description.startsWith(QStringLiteral("Brush, label 2")));
    // The History dock below the study list (out of the tabs it shares with the Segmentation dock).
    HistoryPanel* history = m_window->historyPanel();
    m_window->removeDockWidget(history);
    m_window->addDockWidget(Qt::LeftDockWidgetArea, history);
    m_window->splitDockWidget(m_window->studyBrowser(), history, Qt::Vertical);
    history->show();
    m_window->resizeDocks({m_window->studyBrowser(), history}, {380, 560}, Qt::Vertical);
    m_window->resizeDocks({m_window->studyBrowser(), panel}, {360, 530}, Qt::Horizontal);
    QTest::qWait(100);
    QVERIFY(m_window->historyPanel()->isVisible() && panel->isVisible());
    QVERIFY(m_window->historyPanel()->list()->count() >= 3);
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("editing-ct-liver.png"))));
    m_window->segmentationSession()->close();
}

void TestEditing::dicomSegOpensFromTheBrowserAndSavesBack()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/liver.dcm");
    QSignalSpy shown(m_window, &MainWindow::imageShown);
    m_window->openPath(testing::dataPath(QStringLiteral("dcmqi-seg")));
    QVERIFY2(shown.wait(kLoadTimeout), qPrintable(m_window->lastError()));
    // dcmqi's liver SEG as the study browser lists it, double-clicked: its CT comes on screen with the liver on it.
    QTreeWidgetItem* segItem = nullptr;
    for (QTreeWidgetItemIterator it(m_window->studyBrowser()->tree()); *it; ++it)
        if ((*it)->toolTip(0).contains(QLatin1String("liver.dcm")))
            segItem = *it;
    QVERIFY(segItem);
    Q_EMIT m_window->studyBrowser()->tree()->itemActivated(segItem, 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->segmentationSession()->hasSegmentation(), kLoadTimeout);
    QCOMPARE(m_window->state()->volume()->geometry().size(), (std::array<int64_t, 3>{512, 512, 3}));
    const Segmentation& opened = m_window->segmentationSession()->document()->segmentation();
    auto oracle = readVolume(testing::dataPath(QStringLiteral("dcmqi-seg/liver_seg.nrrd")));
    QVERIFY(oracle.ok());
    std::set<std::size_t> expected;
    for (std::size_t o = 0; o < oracle->voxelCount(); ++o)
        if (oracle->valueAt(o) != 0.0)
            expected.insert(o);
    QVERIFY(expected.size() > 1000);
    QCOMPARE(voxelsOf(opened, 1), expected);
    QCOMPARE(opened.labels().find(1)->name, QStringLiteral("Liver"));
    // DELINEATE_SCREENSHOT_DIR=... writes docs/screenshots/dicom-seg-opened.png: the SEG as it opens from the browser.
    if (const QString dir = qEnvironmentVariable("DELINEATE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        m_window->resize(1600, 1000);
        m_window->state()->applyPreset(QStringLiteral("abdomen"));
        QTest::qWait(100);
        QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("dicom-seg-opened.png"))));
    }
    // Saved back as a DICOM SEG of the same series: the same voxels when read onto it.
    const QString out = m_home.filePath(QStringLiteral("liver-again.dcm"));
    auto saved = m_window->segmentationSession()->saveDicomSeg(out);
    QVERIFY2(saved.ok(), qPrintable(saved.error().message));
    auto back = readDicomSeg(out, *m_window->state()->info().dicomSource);
    QVERIFY2(back.ok(), qPrintable(back.error().message));
    std::set<std::size_t> again;
    for (std::size_t o = 0; o < back->layers.front().voxelCount(); ++o)
        if (back->layers.front().at(o) == 1)
            again.insert(o);
    QCOMPARE(again, expected);
}

QTEST_MAIN(TestEditing)
#include "tst_Editing.moc"
