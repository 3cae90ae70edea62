// StudyBrowser from a hand-made ScanResult: hierarchy, non-image objects under their study, warnings under their
// series, unreadable files, thumbnails, activation signals.
#include "dicom/DicomSeries.h"
#include "widgets/StudyBrowser.h"

#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace delineate;

class TestStudyBrowser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheScan();
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

QTEST_MAIN(TestStudyBrowser)
#include "tst_StudyBrowser.moc"
