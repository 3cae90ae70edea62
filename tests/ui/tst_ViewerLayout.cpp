// The main window's layout (offscreen): the views take most of a 1600 x 1000 window, 1 x 1 shows the view last used,
// and the layout chosen in the View menu and the study browser closed survive into a new window (QSettings).
#include "TestData.h"

#include "widgets/MainWindow.h"
#include "widgets/SliceView.h"
#include "widgets/StudyBrowser.h"
#include "widgets/ViewerPanel.h"

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace delineate;

class TestViewerLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void viewsTakeTheSpace();
    void oneByOneShowsTheViewLastUsed();
    void layoutAndBrowserSurviveANewWindow();

private:
    QTemporaryDir m_home;
};

void TestViewerLayout::initTestCase()
{
    // Keep the tests' settings away from the user's.
    QCoreApplication::setOrganizationName(QStringLiteral("DelineateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ViewerLayout"));
    QSettings().clear();
    QVERIFY(m_home.isValid());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
}

void TestViewerLayout::viewsTakeTheSpace()
{
    QSettings().clear();
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(100); // the first dock sizes are set once the window is laid out
    ViewerPanel* panel = window.viewerPanel();
    // The right-hand panels need 411 px (the segmentation panel's label table): the views get the rest but a
    // narrow study browser (with the docks of 280 and 500 px the views had 51 %).
    QVERIFY2(panel->width() >= 0.58 * window.width(),
             qPrintable(QStringLiteral("views %1 px of %2").arg(panel->width()).arg(window.width())));
    // The study browser is narrower than one of the three views.
    QVERIFY2(window.studyBrowser()->width() < panel->axialView()->width(),
             qPrintable(QStringLiteral("browser %1 px, axial view %2 px")
                            .arg(window.studyBrowser()->width()).arg(panel->axialView()->width())));
    // Closed, the browser leaves its room to the views.
    window.studyBrowser()->toggleViewAction()->trigger();
    QTRY_VERIFY2(panel->width() >= 0.7 * window.width(), qPrintable(QString::number(panel->width())));
}

void TestViewerLayout::oneByOneShowsTheViewLastUsed()
{
    QSettings().clear();
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ViewerPanel* panel = window.viewerPanel();
    SliceView* coronal = panel->view(1);
    coronal->setFocus(); // the view last used
    QTRY_COMPARE(panel->activeView(), coronal);
    const int threeViewsWidth = coronal->width();
    QAction* oneByOne = window.findChild<QAction*>(QStringLiteral("Layout1x1Action"));
    QVERIFY(oneByOne);
    oneByOne->trigger();
    QCOMPARE(panel->layoutMode(), ViewLayout::OneByOne);
    QVERIFY(coronal->isVisible());
    QVERIFY(!panel->view(0)->isVisible());
    QVERIFY(!panel->view(2)->isVisible());
    QTRY_VERIFY(coronal->width() > 2 * threeViewsWidth);
    window.findChild<QAction*>(QStringLiteral("Layout1x3Action"))->trigger();
    for (int n = 0; n < 3; ++n)
        QVERIFY(panel->view(n)->isVisible());
}

void TestViewerLayout::layoutAndBrowserSurviveANewWindow()
{
    QSettings().clear();
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.viewerPanel()->layoutMode(), ViewLayout::OneByThree);
        QVERIFY(window.studyBrowser()->isVisible());
        window.findChild<QAction*>(QStringLiteral("Layout1x1Action"))->trigger();
        window.studyBrowser()->toggleViewAction()->trigger(); // View > Study Browser: closed
        QVERIFY(!window.studyBrowser()->isVisible());
        QVERIFY(window.close());
    }
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.viewerPanel()->layoutMode(), ViewLayout::OneByOne);
        QVERIFY(window.findChild<QAction*>(QStringLiteral("Layout1x1Action"))->isChecked());
        QVERIFY(!window.studyBrowser()->isVisible());
        window.studyBrowser()->toggleViewAction()->trigger(); // open again
        window.findChild<QAction*>(QStringLiteral("Layout2x2Action"))->trigger();
        QVERIFY(window.close());
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.viewerPanel()->layoutMode(), ViewLayout::TwoByTwo);
    QVERIFY(window.studyBrowser()->isVisible());
}

QTEST_MAIN(TestViewerLayout)
#include "tst_ViewerLayout.moc"
