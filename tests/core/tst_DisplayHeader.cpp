// What the header says about display: the scanner's stored windows (WindowCenter/WindowWidth with their
// explanations), PixelPaddingValue rescaled to the volume's units, and ProtocolName, read from real files; the
// padding value written by SeriesWriter is read back as written.
#include "TestData.h"

#include "dicom/DicomFileHeader.h"
#include "dicom/DicomScanner.h"
#include "dicom/SeriesWriter.h"
#include "image/Volume.h"

#include <QTemporaryDir>
#include <QTest>

using namespace delineate;

class TestDisplayHeader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ctStoresWindowPaddingAndProtocol();
    void mrWindowKeepsItsExplanation();
    void writtenPaddingIsReadBack();
    void fileWithoutWindowsHasNone();
};

void TestDisplayHeader::ctStoresWindowPaddingAndProtocol()
{
    // dcmdump of ct-3slice/01.dcm: WindowCenter 40, WindowWidth 400, PixelPaddingValue SS -2000, RescaleIntercept
    // -1024, SeriesDescription empty, ProtocolName "6.9 Colonoscopy".
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcmqi-seg/ct-3slice"));
    auto header = readDicomFileHeader(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice/01.dcm")));
    QVERIFY2(header, qPrintable(header ? QString() : header.error().message));
    QCOMPARE(header->windows.size(), 1);
    QCOMPARE(header->windows[0].center, 40.0);
    QCOMPARE(header->windows[0].width, 400.0);
    QVERIFY(header->windows[0].explanation.isEmpty());
    QVERIFY(header->hasPixelPadding);
    QCOMPARE(header->pixelPaddingValue, -2000.0);
    QVERIFY(!header->hasPaddingRangeLimit);

    SimpleJobControl control;
    auto scan = scanDicom(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")), control);
    QVERIFY(scan);
    const QVector<SeriesInfo> series = scan->allSeries();
    QCOMPARE(series.size(), 1);
    const SeriesInfo& ct = series.first();
    QCOMPARE(ct.windows.size(), 1);
    QCOMPARE(ct.windows[0].width, 400.0);
    QVERIFY(ct.padding.present);
    QCOMPARE(ct.padding.low, -3024.0); // -2000 * 1 - 1024
    QCOMPARE(ct.padding.high, -3024.0);
    QVERIFY(ct.padding.contains(-3024.0));
    QVERIFY(!ct.padding.contains(-1024.0));
    QVERIFY(ct.seriesDescription.isEmpty());
    QCOMPARE(ct.protocolName, QStringLiteral("6.9 Colonoscopy"));
    QCOMPARE(ct.displayDescription(), QStringLiteral("6.9 Colonoscopy"));
}

void TestDisplayHeader::mrWindowKeepsItsExplanation()
{
    // dcm_qa_ts/In/1.dcm (Siemens MR): WindowCenter 763, WindowWidth 1639, explanation "Algo1"; no padding.
    DELINEATE_REQUIRE_DATA(QStringLiteral("dcm_qa_ts/In/1.dcm"));
    auto header = readDicomFileHeader(testing::dataPath(QStringLiteral("dcm_qa_ts/In/1.dcm")));
    QVERIFY(header);
    QCOMPARE(header->modality, QStringLiteral("MR"));
    QCOMPARE(header->windows.size(), 1);
    QCOMPARE(header->windows[0].center, 763.0);
    QCOMPARE(header->windows[0].width, 1639.0);
    QCOMPARE(header->windows[0].explanation, QStringLiteral("Algo1"));
    QVERIFY(!header->hasPixelPadding);
    QVERIFY(!header->paddingRange(1.0, 0.0).present);
}

void TestDisplayHeader::writtenPaddingIsReadBack()
{
    // A CT written with a padding value of -2000 HU: stored with the writer's intercept, read back in HU.
    Volume volume(ImageGeometry({8, 6, 2}, {0.5, 0.5, 2.0}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}), PixelType::Int16);
    for (std::size_t n = 0; n < volume.voxelCount(); ++n)
        volume.int16Data()[n] = int16_t(n % 2 ? -2000 : 40);
    QTemporaryDir folder;
    SeriesWriteOptions options;
    options.modality = QStringLiteral("CT");
    options.pixelPaddingValue = -2000.0;
    SimpleJobControl control;
    QVERIFY(writeDicomSeries(volume, folder.path(), options, control));
    auto scan = scanDicom(folder.path(), control);
    QVERIFY(scan);
    QCOMPARE(scan->allSeries().size(), 1);
    const PixelPaddingRange padding = scan->allSeries().first().padding;
    QVERIFY(padding.present);
    QCOMPARE(padding.low, -2000.0);
    QCOMPARE(padding.high, -2000.0);
}

void TestDisplayHeader::fileWithoutWindowsHasNone()
{
    // SeriesWriter writes no window: nothing is made up.
    Volume volume(ImageGeometry({4, 4, 1}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}), PixelType::Int16);
    QTemporaryDir folder;
    SimpleJobControl control;
    QVERIFY(writeDicomSeries(volume, folder.path(), SeriesWriteOptions(), control));
    auto scan = scanDicom(folder.path(), control);
    QVERIFY(scan);
    QCOMPARE(scan->allSeries().size(), 1);
    QVERIFY(scan->allSeries().first().windows.isEmpty());
    QVERIFY(!scan->allSeries().first().padding.present);
}

QTEST_GUILESS_MAIN(TestDisplayHeader)
#include "tst_DisplayHeader.moc"
