// StudyBrowser from a hand-made ScanResult: hierarchy, non-image objects under their study, warnings under their
// series, unreadable files, thumbnails, activation signals.
#include "TestData.h"

#include "dicom/DicomScanner.h"
#include "dicom/DicomSeries.h"
#include "widgets/StudyBrowser.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace delineate;

class TestStudyBrowser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheScan();
    void countsNonDicomFilesAndShowsWholeReasons();
};

void TestStudyBrowser::showsTheScan()
{
    ScanResult scan;
    PatientInfo patient;
    patient.patientName = QStringLiteral("DOE^JANE");
    patient.patientId = QStringLiteral("P1");
    StudyInfo study;
    study.studyDate = QStringLiteral("20240102");
    study.studyDescription = QStringLiteral("CT ABDOMEN");
    SeriesInfo series;
    series.key = QStringLiteral("s1");
    series.seriesNumber = 3;
    series.seriesDescription = QStringLiteral("Portal venous");
    series.subSeriesLabel = QStringLiteral("echo 2");
    series.modality = QStringLiteral("CT");
    series.frames.resize(120);
    series.warnings << QStringLiteral("gantry tilt of 12.00 degrees");
    series.lossyCompressed = true;
    study.series << series;
    NonImageObject seg;
    seg.file = QStringLiteral("/data/seg.dcm");
    seg.kind = QStringLiteral("SEG");
    seg.modality = QStringLiteral("SEG");
    seg.seriesDescription = QStringLiteral("Liver");
    study.nonImageObjects << seg;
    patient.studies << study;
    scan.patients << patient;
    scan.unreadable << UnreadableFile{QStringLiteral("/data/notes.txt"), QStringLiteral("not DICOM")};

    StudyBrowser browser;
    browser.showScan(scan);
    QTreeWidget* tree = browser.tree();
    QCOMPARE(tree->topLevelItemCount(), 2); // the patient, the unreadable files
    QTreeWidgetItem* patientItem = tree->topLevelItem(0);
    QCOMPARE(patientItem->text(0), QStringLiteral("DOE, JANE (ID P1)"));
    QTreeWidgetItem* studyItem = patientItem->child(0);
    QCOMPARE(studyItem->text(0), QStringLiteral("2024-01-02  CT ABDOMEN"));
    QTreeWidgetItem* seriesItem = browser.seriesItem(QStringLiteral("s1"));
    QCOMPARE(seriesItem->parent(), studyItem);
    QCOMPARE(seriesItem->text(0), QStringLiteral("3: Portal venous [echo 2]"));
    QCOMPARE(seriesItem->text(1), QStringLiteral("CT"));
    QCOMPARE(seriesItem->text(2), QStringLiteral("120"));
    QCOMPARE(seriesItem->childCount(), 2); // lossy, tilt
    QVERIFY(seriesItem->child(1)->text(0).endsWith(QStringLiteral("gantry tilt of 12.00 degrees")));
    QTreeWidgetItem* segItem = studyItem->child(1);
    QCOMPARE(segItem->text(0), QStringLiteral("SEG: Liver"));
    QVERIFY(tree->topLevelItem(1)->text(0).contains(QStringLiteral("1 file")));

    // Loader warnings are added once, however often they arrive.
    browser.addSeriesWarnings(QStringLiteral("s1"), {QStringLiteral("about 2 slice(s) missing")});
    browser.addSeriesWarnings(QStringLiteral("s1"), {QStringLiteral("about 2 slice(s) missing")});
    QCOMPARE(seriesItem->childCount(), 3);

    QImage thumbnail(30, 60, QImage::Format_RGB32);
    thumbnail.fill(Qt::gray);
    browser.setThumbnail(QStringLiteral("s1"), thumbnail);
    QVERIFY(!seriesItem->icon(0).isNull());

    QSignalSpy activated(&browser, &StudyBrowser::seriesActivated);
    QSignalSpy objects(&browser, &StudyBrowser::nonImageObjectActivated);
    Q_EMIT tree->itemActivated(seriesItem, 0);
    Q_EMIT tree->itemActivated(segItem, 0);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("s1"));
    QCOMPARE(objects.count(), 1);
    QCOMPARE(objects.first().at(0).toString(), QStringLiteral("SEG"));
    QCOMPARE(objects.first().at(1).toString(), QStringLiteral("/data/seg.dcm"));

    browser.addVolumeFiles({QStringLiteral("/data/a.nii.gz")});
    QVERIFY(browser.hasVolumeFile(QStringLiteral("/data/a.nii.gz")));
    browser.setCurrent(QStringLiteral("s1"));
    QVERIFY(seriesItem->font(0).bold());
}

void TestStudyBrowser::countsNonDicomFilesAndShowsWholeReasons()
{
    // A folder as a clinician gets it: real CT slices, a text note, a JSON sidecar, and one slice cut short.
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcmqi-seg/ct-3slice"));
    QTemporaryDir folder;
    for (const char* name : {"02.dcm", "03.dcm"})
        QVERIFY(QFile::copy(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice/") + QLatin1String(name)), folder.filePath(QLatin1String(name))));
    QFile source(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice/01.dcm")));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QFile cut(folder.filePath(QStringLiteral("01.dcm")));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(source.read(source.size() / 2));
    cut.close();
    for (const char* name : {"notes.txt", "02.json", "README"}) {
        QFile text(folder.filePath(QLatin1String(name)));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("{\"SeriesDescription\": \"abdomen\"}\n");
    }
    SimpleJobControl control;
    auto scan = scanDicom(folder.path(), control);
    QVERIFY(scan);

    StudyBrowser browser;
    browser.resize(300, 500);
    browser.show();
    browser.showScan(*scan);
    QTreeWidget* tree = browser.tree();
    QCOMPARE(tree->topLevelItemCount(), 3); // the patient, the file that could not be read, the skipped files
    QTreeWidgetItem* failed = tree->topLevelItem(1);
    QVERIFY2(failed->text(0).startsWith(QStringLiteral("1 file")), qPrintable(failed->text(0))); // (s): no translator here
    QCOMPARE(failed->childCount(), 1);
    QTreeWidgetItem* skipped = tree->topLevelItem(2);
    QVERIFY2(skipped->text(0).startsWith(QStringLiteral("3 non-DICOM file")), qPrintable(skipped->text(0)));
    for (const char* name : {"notes.txt", "02.json", "README"})
        QVERIFY2(skipped->toolTip(0).contains(QLatin1String(name)), name);
    // The whole reason: in the tooltip, and under the tree once the line is selected, however narrow the dock.
    const QString reason = scan->unreadable.first().reason;
    QVERIFY(reason.contains(QLatin1String("cut short")));
    const QString withoutPath = reason.mid(reason.indexOf(QLatin1String(": ")) + 2);
    QVERIFY(failed->child(0)->toolTip(0).contains(withoutPath.toHtmlEscaped()));
    QVERIFY(browser.details().isEmpty());
    tree->setCurrentItem(failed->child(0));
    QVERIFY2(browser.details().contains(withoutPath), qPrintable(browser.details()));
    QLabel* details = browser.findChild<QLabel*>(QStringLiteral("StudyBrowserDetails"));
    QVERIFY(details && details->isVisible() && details->wordWrap());
    tree->setCurrentItem(tree->topLevelItem(0));
    QVERIFY(browser.details().isEmpty());
}

QTEST_MAIN(TestStudyBrowser)
#include "tst_StudyBrowser.moc"
