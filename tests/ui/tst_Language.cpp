// Chinese UI: our embedded translation and Qt's own (qtbase_zh_CN.qm) are both installed and used.
#include "TestData.h"

#include "LanguageSetup.h"
#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QMenuBar>
#include <QPushButton>
#include <QTest>

using namespace delineate;

class TestLanguage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void chineseMenusAndQtStrings();
    void coreMessagesTranslated();
};

void TestLanguage::initTestCase()
{
    const QLocale locale = installTranslations(QStringLiteral("zh_CN"));
    QCOMPARE(locale.language(), QLocale::Chinese);
}

void TestLanguage::chineseMenusAndQtStrings()
{
    MainWindow window;
    const auto menus = window.menuBar()->actions();
    QVERIFY(!menus.isEmpty());
    QCOMPARE(menus.first()->text(), QStringLiteral("文件(&F)"));
    // A string of Qt itself, from qt6-translations-l10n.
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
}

void TestLanguage::coreMessagesTranslated()
{
    // The loader's warnings reach the user through the study browser and the info pane: they must be Chinese too.
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcm_qa_ct/In/GE"));
    SimpleJobControl control;
    Expected<ScanResult> scan = scanDicom(delineate::testing::dataPath(QStringLiteral("dcm_qa_ct/In/GE")), control);
    QVERIFY(scan.ok());
    QCOMPARE(scan->allSeries().size(), 1);
    Expected<LoadedSeries> loaded = loadSeries(scan->allSeries().first(), control);
    QVERIFY(loaded.ok());
    const QString warnings = loaded->warnings.join(QStringLiteral(" | "));
    QVERIFY2(warnings.contains(QStringLiteral("机架倾斜")), qPrintable(warnings));
}

QTEST_MAIN(TestLanguage)
#include "tst_Language.moc"
