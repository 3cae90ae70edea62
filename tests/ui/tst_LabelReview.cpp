// The label list's statistics, review status and coded meaning, and the reviewed-slice strips, in the main window
// (offscreen) on dcmqi's real CT: the Voxels and Volume columns show the counts this test makes by counting voxels
// (live during a stroke, and after undo); the review status is chosen in the list's combo box and undone; the meaning
// picker writes SNOMED CT codes through the edit path; R marks the slice of the view in use, the strip shows it and
// a click on the strip goes to a slice; undo takes the mark away.
#include "EditingTestSupport.h"

#include "edit/LabelEdits.h"
#include "edit/SegmentationDocument.h"
#include "image/SegmentTerminology.h"
#include "model/SegmentationLayer.h"
#include "model/SegmentationSession.h"
#include "tools/BrushTool.h"
#include "tools/LassoTool.h"
#include "widgets/LabelOperationsBox.h"
#include "widgets/ReviewStrip.h"
#include "widgets/SegmentMeaningDialog.h"
#include "widgets/SegmentationPanel.h"
#include "widgets/SliceView.h"
#include "widgets/ToolOptions.h"
#include "widgets/ViewerPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLocale>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace delineate;
using namespace delineate::testing;

class TestLabelReview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void statisticsColumnsFollowEveryEdit();
    void reviewStatusIsChosenInTheListAndUndoable();
    void meaningPickerWritesSnomedCodes();
    void reviewStripShowsMarksAndUndoRemovesThem();
    void markingUsesTheAxisOfTheViewInUse();
    void documentationScreenshot();

private:
    SliceView* axial() const { return m_window->viewerPanel()->axialView(); }
    QPointF screenOf(double i, double j) const
    {
        return axial()->screenPoint({i, j, double(axial()->currentSlice())});
    }
    SegmentationPanel* panel() const { return m_window->segmentationPanel(); }
    QTableWidget* table() const { return panel()->labelTable(); }
    SegmentationDocument* document() const { return m_window->segmentationSession()->document(); }
    QTableWidgetItem* cell(int label, int column) const
    {
        const int row = panel()->rowOfLabel(label);
        return row >= 0 ? table()->item(row, column) : nullptr;
    }
    // The colour of the strip of `view` at the middle of `slice`'s rows, as the view is drawn on screen.
    QColor stripColour(SliceView* view, int64_t slice) const
    {
        const ReviewStrip* strip = view->reviewStrip();
        const QPointF at = strip->geometry().topLeft() + strip->sliceRect(slice).center();
        return view->grab().toImage().pixelColor(at.toPoint());
    }

    MainWindow* m_window = nullptr;
    QTemporaryDir m_home;
};

void TestLabelReview::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_LabelReview"));
    QSettings().clear();
}

void TestLabelReview::init()
{
    m_window = new MainWindow;
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestLabelReview::cleanup()
{
    if (m_window)
        m_window->segmentationSession()->close(); // the journal too: nothing is offered to the next test
    delete m_window;
    m_window = nullptr;
}

void TestLabelReview::statisticsColumnsFollowEveryEdit()
{
    OPEN_CT();
    const ImageGeometry& g = m_window->state()->volume()->geometry();
    const double voxelMl = g.spacing()[0] * g.spacing()[1] * g.spacing()[2] / 1000.0;
    const QLocale locale;
    // What is wrong with the row of `label` (empty when its Voxels and Volume cells show the voxels counted here).
    const auto rowProblem = [&](int label) -> QString {
        const std::size_t counted = voxelsOf(document()->segmentation(), uint16_t(label)).size();
        QTableWidgetItem* voxels = cell(label, SegmentationPanel::VoxelsColumn);
        QTableWidgetItem* volume = cell(label, SegmentationPanel::VolumeColumn);
        if (!voxels || !volume)
            return QStringLiteral("no row for label %1").arg(label);
        if (voxels->text() != locale.toString(qulonglong(counted)))
            return QStringLiteral("label %1: %2 voxels shown, %3 counted").arg(label).arg(voxels->text()).arg(counted);
        bool ok = false;
        const double shown = locale.toDouble(volume->text(), &ok);
        if (!ok || std::abs(shown - double(counted) * voxelMl) > 0.005)
            return QStringLiteral("label %1: %2 ml shown, %3 voxels counted").arg(label).arg(volume->text()).arg(counted);
        return QString();
    };
#define CHECK_ROW(label) QVERIFY2(rowProblem(label).isEmpty(), qPrintable(rowProblem(label)))

    // A stroke: the counts follow while it is drawn, not only at the end.
    QTest::keyClick(m_window, Qt::Key_B);
    press(axial(), screenOf(150, 150));
    QApplication::processEvents();
    CHECK_ROW(1);
    const QString afterOneDab = cell(1, SegmentationPanel::VoxelsColumn)->text();
    moveTo(axial(), screenOf(190, 160));
    QApplication::processEvents();
    CHECK_ROW(1);
    QVERIFY(cell(1, SegmentationPanel::VoxelsColumn)->text() != afterOneDab);
    release(axial(), screenOf(190, 160));
    CHECK_ROW(1);

    // A lasso in label 2, then undo and redo: both rows always show what the voxels say.
    QTest::keyClick(m_window, Qt::Key_2);
    QTest::keyClick(m_window, Qt::Key_L);
    press(axial(), screenOf(300.5, 300.5));
    moveTo(axial(), screenOf(360.5, 300.5));
    moveTo(axial(), screenOf(360.5, 340.5));
    release(axial(), screenOf(300.5, 340.5));
    CHECK_ROW(2);
    QCOMPARE(cell(2, SegmentationPanel::VoxelsColumn)->text(), locale.toString(60 * 40)); // voxels 301-360 x 301-340
    CHECK_ROW(1);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier); // the lasso
    CHECK_ROW(2);
    QCOMPARE(cell(2, SegmentationPanel::VoxelsColumn)->text(), locale.toString(0));
    CHECK_ROW(1);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier); // label 2 itself
    QCOMPARE(panel()->rowOfLabel(2), -1);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier); // the stroke
    QCOMPARE(cell(1, SegmentationPanel::VoxelsColumn)->text(), locale.toString(0));
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK_ROW(1);
    QVERIFY(cell(1, SegmentationPanel::VoxelsColumn)->text() != locale.toString(0));
#undef CHECK_ROW
}

void TestLabelReview::reviewStatusIsChosenInTheListAndUndoable()
{
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_1); // a segmentation with label 1
    QVERIFY(document());
    QTableWidgetItem* review = cell(1, SegmentationPanel::ReviewColumn);
    QVERIFY(review);
    QCOMPARE(review->text(), reviewStatusName(ReviewStatus::NotStarted));

    table()->editItem(review);
    auto* editor = table()->findChild<QComboBox*>(QStringLiteral("ReviewStatusEditor"));
    QVERIFY(editor);
    QCOMPARE(editor->count(), 4);
    QCOMPARE(editor->currentData().toInt(), int(ReviewStatus::NotStarted));
    editor->setCurrentIndex(editor->findData(int(ReviewStatus::Completed)));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(document()->labels().find(1)->review, ReviewStatus::Completed);
    QTRY_COMPARE(cell(1, SegmentationPanel::ReviewColumn)->text(), reviewStatusName(ReviewStatus::Completed));
    QVERIFY2(document()->history().undoRecord()->description.startsWith(QStringLiteral("Review of label 1: Completed")),
             qPrintable(document()->history().undoRecord()->description));

    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(document()->labels().find(1)->review, ReviewStatus::NotStarted);
    QCOMPARE(cell(1, SegmentationPanel::ReviewColumn)->text(), reviewStatusName(ReviewStatus::NotStarted));
}

void TestLabelReview::meaningPickerWritesSnomedCodes()
{
    OPEN_CT();
    QTest::keyClick(m_window, Qt::Key_1);
    QVERIFY(document());
    QTableWidgetItem* meaning = cell(1, SegmentationPanel::MeaningColumn);
    QVERIFY(meaning);
    QCOMPARE(meaning->text(), QStringLiteral("Tissue")); // the default until chosen, in italics
    QVERIFY(meaning->font().italic());

    QStringList offered;
    answerModal<SegmentMeaningDialog>([&](SegmentMeaningDialog* dialog) {
        for (int n = 0; n < dialog->categoryBox()->count(); ++n)
            offered << dialog->categoryBox()->itemText(n);
        dialog->selectType(QStringLiteral("10200004"));
        QTest::keyClick(dialog, Qt::Key_Return);
    });
    doubleClick(table()->viewport(), table()->visualItemRect(meaning).center());
    QVERIFY2(offered.contains(QStringLiteral("Anatomical structure (SCT 91723000)")), qPrintable(offered.join(", ")));
    const LabelEntry* entry = document()->labels().find(1);
    QCOMPARE(entry->meaning.type.code, QStringLiteral("10200004"));
    QCOMPARE(entry->meaning.type.scheme, QStringLiteral("SCT"));
    QCOMPARE(entry->meaning.type.meaning, QStringLiteral("Liver"));
    QCOMPARE(entry->meaning.category.code, QStringLiteral("91723000"));
    QCOMPARE(cell(1, SegmentationPanel::MeaningColumn)->text(), QStringLiteral("Liver"));
    QVERIFY(!cell(1, SegmentationPanel::MeaningColumn)->font().italic());
    QVERIFY(cell(1, SegmentationPanel::MeaningColumn)->toolTip().contains(QStringLiteral("SCT 10200004")));
    QCOMPARE(document()->history().undoRecord()->description, QStringLiteral("Meaning of label 1: Liver"));

    // Cancel changes nothing; undo takes the meaning back.
    const int steps = document()->history().size();
    answerModal<SegmentMeaningDialog>([](SegmentMeaningDialog* dialog) {
        dialog->selectType(QStringLiteral("64033007"));
        dialog->reject();
    });
    panel()->chooseMeaning(panel()->rowOfLabel(1));
    QCOMPARE(document()->history().size(), steps);
    m_window->activateWindow(); // as the window manager does when the dialog goes
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(document()->labels().find(1)->meaning.isEmpty());
    QCOMPARE(cell(1, SegmentationPanel::MeaningColumn)->text(), QStringLiteral("Tissue"));
}

void TestLabelReview::reviewStripShowsMarksAndUndoRemovesThem()
{
    OPEN_CT();
    axial()->setFocus();
    QCOMPARE(m_window->viewerPanel()->activeView(), axial());
    ReviewStrip* strip = axial()->reviewStrip();
    QVERIFY(strip->isVisible());
    QVERIFY(!m_window->segmentationSession()->hasSegmentation());
    const int64_t k = axial()->currentSlice();
    QCOMPARE(k, int64_t(1));
    const QColor green = ReviewStrip::reviewedColour();
    QVERIFY(stripColour(axial(), k) != green);

    // R on the axial view: the document is created and slice k is marked, in one undoable step.
    QTest::keyClick(m_window, Qt::Key_R);
    QVERIFY(document());
    QVERIFY(document()->segmentation().reviewedSlices().isReviewed(2, k));
    QCOMPARE(document()->segmentation().reviewedSlices().count(2), int64_t(1));
    QCOMPARE(document()->history().undoRecord()->description, QStringLiteral("Slice 2 (k) reviewed"));
    QCOMPARE(stripColour(axial(), k), green);

    // A click on the strip goes to slice 0; slice 1 still shows reviewed, slices 0 and 2 do not.
    QTest::mouseClick(strip, Qt::LeftButton, Qt::NoModifier, strip->sliceRect(0).center().toPoint());
    QCOMPARE(axial()->currentSlice(), 0);
    QCOMPARE(m_window->state()->cursor()[2], int64_t(0));
    QCOMPARE(stripColour(axial(), 1), green);
    QVERIFY(stripColour(axial(), 0) != green);
    QVERIFY(stripColour(axial(), 2) != green);

    // Undo and redo by keys.
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!document()->segmentation().reviewedSlices().isReviewed(2, 1));
    QVERIFY(stripColour(axial(), 1) != green);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(document()->segmentation().reviewedSlices().isReviewed(2, 1));
    QCOMPARE(stripColour(axial(), 1), green);

    // R toggles: the menu action marks slice 0, then unmarks it.
    QAction* mark = m_window->markSliceReviewedAction();
    QCOMPARE(mark->shortcut(), QKeySequence(Qt::Key_R));
    mark->trigger();
    QVERIFY(document()->segmentation().reviewedSlices().isReviewed(2, 0));
    mark->trigger();
    QVERIFY(!document()->segmentation().reviewedSlices().isReviewed(2, 0));
    QVERIFY(document()->segmentation().reviewedSlices().isReviewed(2, 1));
    QCOMPARE(document()->history().undoRecord()->description, QStringLiteral("Slice 1 (k) no longer reviewed"));
}

void TestLabelReview::markingUsesTheAxisOfTheViewInUse()
{
    OPEN_CT();
    SliceView* coronal = m_window->viewerPanel()->view(1);
    click(coronal, coronal->rect().center());
    QCOMPARE(m_window->viewerPanel()->activeView(), coronal);
    const int64_t j = coronal->currentSlice();
    QTest::keyClick(m_window, Qt::Key_R);
    QVERIFY(document());
    const ReviewedSlices& reviewed = document()->segmentation().reviewedSlices();
    QVERIFY(reviewed.isReviewed(1, j));
    QCOMPARE(reviewed.count(1), int64_t(1));
    QCOMPARE(reviewed.count(2), int64_t(0));
    // Its strip: 512 slices on a few hundred pixels; a click at a slice's row goes to that slice.
    ReviewStrip* strip = coronal->reviewStrip();
    QTest::mouseClick(strip, Qt::LeftButton, Qt::NoModifier, strip->sliceRect(100).center().toPoint());
    QVERIFY2(std::abs(coronal->currentSlice() - 100) <= 1, qPrintable(QString::number(coronal->currentSlice())));
}

void TestLabelReview::documentationScreenshot()
{
    // DELINEATE_SCREENSHOT_DIR=... writes docs/screenshots/editing-tools-ct.png: dcmqi's CT with its liver mask, the
    // label list with statistics, review status and meaning, reviewed slices in the strips, a lasso being drawn.
    const QString dir = qEnvironmentVariable("DELINEATE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set DELINEATE_SCREENSHOT_DIR to write the documentation screenshot");
    m_window->resize(1600, 1000);
    OPEN_CT();
    m_window->state()->applyPreset(QStringLiteral("abdomen"));
    m_window->openSegmentationFile(dataPath(QStringLiteral("dcmqi-seg/liver_seg.nrrd")));
    QVERIFY2(document(), qPrintable(m_window->lastError()));
    m_window->segmentationLayer()->setOpacity(0.35);
    const uint16_t liver = document()->labels().at(0).value;
    LabelEntry entry = *document()->labels().find(liver);
    entry.name = QStringLiteral("Liver");
    QVERIFY(updateLabel(*document(), entry).ok());
    entry.meaning = guessSegmentMeaning(QStringLiteral("Liver"));
    QVERIFY(updateLabel(*document(), entry).ok());
    entry.review = ReviewStatus::InProgress;
    QVERIFY(updateLabel(*document(), entry).ok());
    QVERIFY(setSlicesReviewed(*document(), 2, 0, 0, true).ok());
    QVERIFY(setSlicesReviewed(*document(), 1, 180, 330, true).ok());
    QVERIFY(setSlicesReviewed(*document(), 0, 140, 260, true).ok());
    // A second label being outlined with the lasso.
    QTest::keyClick(m_window, Qt::Key_2);
    entry = *document()->labels().find(2);
    entry.name = QStringLiteral("Lesion");
    QVERIFY(updateLabel(*document(), entry).ok());
    QTest::keyClick(m_window, Qt::Key_L);
    const QPointF centre(175, 300);
    press(axial(), screenOf(centre.x() + 30, centre.y()));
    for (int n = 1; n <= 26; ++n) {
        const double angle = n * 2 * M_PI / 32;
        const double radius = 30 + 6 * std::sin(3 * angle);
        moveTo(axial(), screenOf(centre.x() + radius * std::cos(angle), centre.y() + radius * std::sin(angle)));
    }
    QApplication::processEvents();
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("editing-tools-ct.png"))));
    release(axial(), screenOf(centre.x() + 30, centre.y() - 10));
}

QTEST_MAIN(TestLabelReview)
#include "tst_LabelReview.moc"
