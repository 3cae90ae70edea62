// The catalogue of bad inputs: every entry is made here from real data (never a hand-edited binary checked in), put
// beside a good series, and must give a message naming the file with the entry's phrase, without a crash, while the
// good series still loads. The generator is tested too: each generated file is checked to be what its entry says.
#include "TestData.h"
#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"
#include "edit/RecoveryJournal.h"
#include "edit/SegmentationDocument.h"
#include "image/Segmentation.h"
#include "io/DicomSeg.h"
#include "io/ImageSource.h"
#include "io/SegmentationIO.h"
#include "io/VolumeIO.h"
#include "ml/ModelHeader.h"
#include "ml/TrainingStore.h"
#include "common/Compression.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <functional>
#include <limits>

using namespace delineate;

namespace {

const QString kPydicom = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/");

QString ct(int n)
{
    return testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice/0%1.dcm").arg(n));
}

QString newUid()
{
    char buffer[100];
    dcmGenerateUniqueIdentifier(buffer, SITE_INSTANCE_UID_ROOT);
    return QString::fromLatin1(buffer);
}

bool copyTo(const QString& from, const QString& to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

// Loads `from`, lets `change` modify the dataset, saves to `to` in the original transfer syntax. A modified copy is
// a new image of a new series unless `change` says otherwise.
bool modified(const QString& from, const QString& to, const std::function<void(DcmDataset&)>& change, bool newSeries = true)
{
    DcmFileFormat file;
    if (file.loadFile(QFile::encodeName(from).constData()).bad())
        return false;
    DcmDataset& d = *file.getDataset();
    d.loadAllDataIntoMemory();
    const E_TransferSyntax xfer = d.getOriginalXfer();
    d.putAndInsertString(DCM_SOPInstanceUID, newUid().toLatin1().constData());
    if (newSeries)
        d.putAndInsertString(DCM_SeriesInstanceUID, newUid().toLatin1().constData());
    change(d);
    file.getMetaInfo()->putAndInsertString(DCM_MediaStorageSOPInstanceUID, "");
    return file.saveFile(QFile::encodeName(to).constData(), xfer == EXS_Unknown ? EXS_LittleEndianExplicit : xfer).good();
}

bool truncated(const QString& from, const QString& to, qint64 keep)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    QFile out(to);
    return out.open(QIODevice::WriteOnly) && out.write(in.read(keep)) == keep;
}

bool bytes(const QString& to, const QByteArray& content)
{
    QFile out(to);
    return out.open(QIODevice::WriteOnly) && out.write(content) == content.size();
}

// The first fragment of an encapsulated pixel stream overwritten with 0xFF after its first two bytes (the stream's
// own header markers survive; no decoder can make an image of the rest).
bool corruptStream(const QString& from, const QString& to)
{
    DcmFileFormat file;
    if (file.loadFile(QFile::encodeName(from).constData()).bad())
        return false;
    DcmDataset& d = *file.getDataset();
    d.loadAllDataIntoMemory();
    const E_TransferSyntax xfer = d.getOriginalXfer();
    DcmElement* element = nullptr;
    if (d.findAndGetElement(DCM_PixelData, element).bad())
        return false;
    DcmPixelSequence* sequence = nullptr;
    if (static_cast<DcmPixelData*>(element)->getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() || !sequence)
        return false;
    DcmPixelItem* fragment = nullptr;
    if (sequence->getItem(fragment, 1).bad() || !fragment)
        return false;
    Uint8* data = nullptr;
    if (fragment->getUint8Array(data).bad() || !data)
        return false;
    const Uint32 length = fragment->getLength();
    for (Uint32 i = 2; i < length; ++i)
        data[i] = 0xff;
    d.putAndInsertString(DCM_SOPInstanceUID, newUid().toLatin1().constData());
    d.putAndInsertString(DCM_SeriesInstanceUID, newUid().toLatin1().constData());
    return file.saveFile(QFile::encodeName(to).constData(), xfer).good();
}

struct Entry
{
    QString name;
    QString file;     // the bad file's name in the test folder
    QString phrase;   // what the message must say
    std::function<bool(const QString& folder)> make;
};

QVector<Entry> catalogue()
{
    const auto dcm = [](const QString& folder, const QString& name) { return QDir(folder).filePath(name); };
    QVector<Entry> entries;
    const auto add = [&](const QString& name, const QString& file, const QString& phrase, std::function<bool(const QString&)> make) {
        entries.append({name, file, phrase, std::move(make)});
    };
    add("zero bytes", "empty.dcm", "empty (0 bytes)", [=](const QString& f) { return bytes(dcm(f, "empty.dcm"), {}); });
    add("truncated header", "header.dcm", "cut short", [=](const QString& f) { return truncated(ct(1), dcm(f, "header.dcm"), 300); });
    add("truncated pixel data", "cut.dcm", "cut short",
        [=](const QString& f) { return truncated(ct(1), dcm(f, "cut.dcm"), QFileInfo(ct(1)).size() - 100000); });
    add("pixels shorter than declared", "rows.dcm", "shorter than declared",
        [=](const QString& f) { return modified(ct(1), dcm(f, "rows.dcm"), [](DcmDataset& d) { d.putAndInsertUint16(DCM_Rows, 1024); }); });
    add("pixels longer than declared", "long.dcm", "longer than declared",
        [=](const QString& f) { return modified(ct(1), dcm(f, "long.dcm"), [](DcmDataset& d) { d.putAndInsertUint16(DCM_Rows, 500); }); });
    add("wrong preamble", "preamble.dcm", "not a readable DICOM file", [=](const QString& f) {
        QFile in(ct(1));
        in.open(QIODevice::ReadOnly);
        QByteArray content = in.readAll();
        content.replace(128, 4, "DICN");
        return bytes(dcm(f, "preamble.dcm"), content);
    });
    add("random bytes", "random.dcm", "not a readable DICOM file", [=](const QString& f) {
        QByteArray content(4096, '\0');
        QRandomGenerator random(5);
        for (char& c : content)
            c = char(random.bounded(256));
        content.replace(128, 4, "DICM"); // looks like DICOM, holds noise
        return bytes(dcm(f, "random.dcm"), content);
    });
    add("size overflowing 32 bits", "overflow.dcm", "too large", [=](const QString& f) {
        return modified(ct(1), dcm(f, "overflow.dcm"), [](DcmDataset& d) { d.putAndInsertString(DCM_NumberOfFrames, "70000"); });
    });
    add("memory bomb", "bomb.dcm", "too large", [=](const QString& f) {
        return modified(ct(1), dcm(f, "bomb.dcm"), [](DcmDataset& d) {
            d.putAndInsertUint16(DCM_Rows, 65535);
            d.putAndInsertUint16(DCM_Columns, 65535);
            d.putAndInsertString(DCM_NumberOfFrames, "4000");
        });
    });
    add("negative spacing", "negative.dcm", "not a valid spacing", [=](const QString& f) {
        return modified(ct(1), dcm(f, "negative.dcm"), [](DcmDataset& d) { d.putAndInsertString(DCM_PixelSpacing, "-0.8\\-0.8"); });
    });
    add("zero spacing", "zero.dcm", "not a valid spacing", [=](const QString& f) {
        return modified(ct(1), dcm(f, "zero.dcm"), [](DcmDataset& d) { d.putAndInsertString(DCM_PixelSpacing, "0\\0"); });
    });
    add("NaN spacing", "nanspacing.dcm", "not a valid spacing", [=](const QString& f) {
        return modified(ct(1), dcm(f, "nanspacing.dcm"), [](DcmDataset& d) { d.putAndInsertString(DCM_PixelSpacing, "NaN\\NaN"); });
    });
    add("NaN rescale", "nanrescale.dcm", "is not a number", [=](const QString& f) {
        return modified(ct(1), dcm(f, "nanrescale.dcm"), [](DcmDataset& d) { d.putAndInsertString(DCM_RescaleSlope, "NaN"); });
    });
    add("zero rescale slope", "slope.dcm", "RescaleSlope is 0", [=](const QString& f) {
        return modified(ct(1), dcm(f, "slope.dcm"), [](DcmDataset& d) { d.putAndInsertString(DCM_RescaleSlope, "0"); });
    });
    add("orientation not unit vectors", "orient.dcm", "not two perpendicular unit vectors", [=](const QString& f) {
        return modified(ct(1), dcm(f, "orient.dcm"), [](DcmDataset& d) { d.putAndInsertString(DCM_ImageOrientationPatient, "1\\1\\0\\0\\1\\0"); });
    });
    add("Rows zero", "rows0.dcm", "declares 0 rows", [=](const QString& f) {
        return modified(ct(1), dcm(f, "rows0.dcm"), [](DcmDataset& d) { d.putAndInsertUint16(DCM_Rows, 0); });
    });
    add("BitsAllocated 13", "bits.dcm", "BitsAllocated", [=](const QString& f) {
        return modified(ct(1), dcm(f, "bits.dcm"), [](DcmDataset& d) { d.putAndInsertUint16(DCM_BitsAllocated, 13); });
    });
    add("SamplesPerPixel 2", "samples.dcm", "SamplesPerPixel", [=](const QString& f) {
        return modified(ct(1), dcm(f, "samples.dcm"), [](DcmDataset& d) { d.putAndInsertUint16(DCM_SamplesPerPixel, 2); });
    });
    add("image without pixel data", "nopixels.dcm", "no pixel data", [=](const QString& f) {
        return modified(ct(1), dcm(f, "nopixels.dcm"), [](DcmDataset& d) { delete d.remove(DCM_PixelData); });
    });
    add("unsupported transfer syntax", "mpeg.dcm", "not supported", [=](const QString& f) {
        // An encapsulated stream relabelled as MPEG-2, which nothing here decodes.
        DcmFileFormat file;
        if (file.loadFile(QFile::encodeName(kPydicom + "JPEG-lossy.dcm").constData()).bad())
            return false;
        file.getDataset()->loadAllDataIntoMemory();
        file.getDataset()->putAndInsertString(DCM_SeriesInstanceUID, newUid().toLatin1().constData());
        file.getDataset()->putAndInsertString(DCM_SOPInstanceUID, newUid().toLatin1().constData());
        file.getMetaInfo()->putAndInsertString(DCM_TransferSyntaxUID, UID_MPEG2MainProfileAtMainLevelTransferSyntax);
        return file.saveFile(QFile::encodeName(dcm(f, "mpeg.dcm")).constData(), EXS_Unknown, EET_UndefinedLength, EGL_recalcGL,
                             EPD_noChange, 0, 0, EWM_dontUpdateMeta).good();
    });
    add("corrupt JPEG", "jpeg.dcm", "corrupt", [=](const QString& f) { return corruptStream(kPydicom + "JPEG-lossy.dcm", dcm(f, "jpeg.dcm")); });
    add("corrupt JPEG-LS", "jpls.dcm", "corrupt", [=](const QString& f) { return corruptStream(kPydicom + "MR_small_jpeg_ls_lossless.dcm", dcm(f, "jpls.dcm")); });
    add("corrupt JPEG 2000", "j2k.dcm", "corrupt", [=](const QString& f) { return corruptStream(kPydicom + "JPEG2000.dcm", dcm(f, "j2k.dcm")); });
    add("corrupt RLE", "rle.dcm", "corrupt", [=](const QString& f) { return corruptStream(kPydicom + "MR_small_RLE.dcm", dcm(f, "rle.dcm")); });
    return entries;
}

// Every message the scan and the loads give for the folder, and whether the good series (3 slices) loaded.
QStringList messagesFor(const QString& folder, bool& goodLoaded)
{
    QStringList messages;
    goodLoaded = false;
    SimpleJobControl control;
    auto scan = scanDicom(folder, control);
    if (!scan) {
        messages << scan.error().message;
        return messages;
    }
    for (const UnreadableFile& f : scan->unreadable)
        messages << f.reason;
    for (const SeriesInfo& series : scan->allSeries()) {
        messages << series.warnings;
        auto loaded = loadSeries(series, control);
        if (!loaded) {
            messages << loaded.error().message;
            continue;
        }
        messages << loaded->warnings;
        if (series.frames.size() == 3 && loaded->volume.geometry().size()[2] == 3)
            goodLoaded = true;
    }
    return messages;
}

} // namespace

class TestBadInputs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dicomCatalogue_data();
    void dicomCatalogue();
    void catalogueIsLargeEnough();
    void badNifti();
    void badModelFiles();
    void badSegs();
    void damagedStoreAndJournal();
    void fuzzFindings();
};

void TestBadInputs::dicomCatalogue_data()
{
    QTest::addColumn<int>("index");
    const QVector<Entry> entries = catalogue();
    for (int i = 0; i < entries.size(); ++i)
        QTest::newRow(qPrintable(entries[i].name)) << i;
}

void TestBadInputs::dicomCatalogue()
{
    QFETCH(int, index);
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    DELINEATE_REQUIRE_PACKAGED(kPydicom + "JPEG2000.dcm");
    const Entry entry = catalogue().at(index);
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("study"));
    QVERIFY(QDir().mkpath(folder));
    // The good series beside it.
    for (int n = 1; n <= 3; ++n)
        QVERIFY(copyTo(ct(n), QDir(folder).filePath(QStringLiteral("good%1.dcm").arg(n))));
    QVERIFY2(entry.make(folder), "the generator failed");
    const QString bad = QDir(folder).filePath(entry.file);
    QVERIFY2(QFileInfo::exists(bad), qPrintable(bad));
    bool goodLoaded = false;
    const QStringList messages = messagesFor(folder, goodLoaded);
    QVERIFY2(goodLoaded, qPrintable(messages.join(QLatin1Char('\n'))));
    const QStringList naming = messages.filter(bad);
    QVERIFY2(!naming.filter(entry.phrase).isEmpty(),
             qPrintable(QStringLiteral("expected '%1' with %2 in:\n%3").arg(entry.phrase, bad, messages.join(QLatin1Char('\n')))));
}

void TestBadInputs::catalogueIsLargeEnough()
{
    // With the non-DICOM cases below (NIfTI, models, SEGs, store, journal).
    QVERIFY(catalogue().size() >= 22);
}

void TestBadInputs::badNifti()
{
    DELINEATE_REQUIRE_PACKAGED(QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz"));
    QTemporaryDir dir;
    auto colin = readVolume(QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz"));
    QVERIFY(colin.ok());
    const QString plain = dir.filePath(QStringLiteral("plain.nii"));
    QVERIFY(writeVolume(*colin, plain).ok());
    // A header whose sizeof_hdr is wrong, and a file cut in its voxels.
    QFile in(plain);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray header = in.readAll();
    const QByteArray whole = header;
    header[40] = char(12); // dim[0]: more than NIfTI's 7 dimensions
    const QString badHeader = dir.filePath(QStringLiteral("badheader.nii"));
    QVERIFY(bytes(badHeader, header));
    const QString cut = dir.filePath(QStringLiteral("cut.nii"));
    QVERIFY(bytes(cut, whole.left(whole.size() / 2)));
    for (const QString& path : {badHeader, cut}) {
        auto read = readVolume(path);
        QVERIFY2(!read.ok(), qPrintable(path));
        QVERIFY2(read.error().message.contains(path), qPrintable(read.error().message));
    }
}

void TestBadInputs::badModelFiles()
{
    const QString shipped = QStringLiteral(DELINEATE_SOURCE_DIR "/resources/models/em-membranes.dlm");
    QTemporaryDir dir;
    QFile in(shipped);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray model = in.readAll();
    const QString cut = dir.filePath(QStringLiteral("cut.dlm"));
    QVERIFY(bytes(cut, model.left(200)));
    const QString notTorchScript = dir.filePath(QStringLiteral("fake.pt"));
    QVERIFY(bytes(notTorchScript, QByteArray("this is not a TorchScript archive")));
    for (const QString& path : {cut, notTorchScript}) {
        auto header = ml::readModelHeader(path);
        QVERIFY2(!header.ok(), qPrintable(path));
        QVERIFY2(header.error().message.contains(path), qPrintable(header.error().message));
    }
}

void TestBadInputs::badSegs()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/liver.dcm");
    SimpleJobControl control;
    auto series = loadOneSeries(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")), QString(), control);
    QVERIFY(series.ok());
    QTemporaryDir dir;
    // A SEG whose frames reference images that are not in the series, and have no usable position.
    const QString missing = dir.filePath(QStringLiteral("missing.dcm"));
    QVERIFY(modified(testing::dataPath(QStringLiteral("dcmqi-seg/liver.dcm")), missing, [](DcmDataset& d) {
        DcmSequenceOfItems* frames = nullptr;
        d.findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, frames);
        for (unsigned long f = 0; frames && f < frames->card(); ++f) {
            DcmItem* derivation = nullptr;
            DcmItem* source = nullptr;
            if (frames->getItem(f)->findAndGetSequenceItem(DCM_DerivationImageSequence, derivation).good() &&
                derivation->findAndGetSequenceItem(DCM_SourceImageSequence, source).good())
                source->putAndInsertString(DCM_ReferencedSOPInstanceUID, "1.2.3.4.5.6.7");
            delete frames->getItem(f)->remove(DCM_PlanePositionSequence);
        }
    }, false));
    // A SEG with a frame moved outside the series.
    const QString outside = dir.filePath(QStringLiteral("outside.dcm"));
    QVERIFY(modified(testing::dataPath(QStringLiteral("dcmqi-seg/liver.dcm")), outside, [](DcmDataset& d) {
        DcmSequenceOfItems* frames = nullptr;
        d.findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, frames);
        DcmItem* frame = frames->getItem(0);
        delete frame->remove(DCM_DerivationImageSequence);
        DcmItem* plane = nullptr;
        frame->findAndGetSequenceItem(DCM_PlanePositionSequence, plane);
        plane->putAndInsertString(DCM_ImagePositionPatient, "0\\0\\900");
    }, false));
    for (const auto& [path, phrase] : {std::pair<QString, QString>{missing, QStringLiteral("no position")},
                                       std::pair<QString, QString>{outside, QStringLiteral("lies on no slice")}}) {
        auto read = readDicomSeg(path, *series);
        QVERIFY2(!read.ok(), qPrintable(path));
        QVERIFY2(read.error().message.contains(path) && read.error().message.contains(phrase), qPrintable(read.error().message));
    }
}

void TestBadInputs::damagedStoreAndJournal()
{
    QTemporaryDir dir;
    // A store with a sample's image missing.
    const QString folder = dir.filePath(QStringLiteral("store"));
    auto store = TrainingStore::open(folder, true);
    QVERIFY(store.ok());
    const ImageGeometry grid({8, 8, 2}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
    Volume image(grid, PixelType::Int16);
    LabelMap labels(grid);
    labels.data()[5] = 1;
    auto added = store->add(image, labels, {}, {});
    QVERIFY(added.ok());
    const QString imagePath = QDir(folder).filePath(QStringLiteral("samples/%1/image.nii.gz").arg(added->id));
    QVERIFY(QFile::remove(imagePath));
    const auto problems = TrainingStore::open(folder, false)->check();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().path, imagePath);
    QVERIFY(problems.first().problem.contains(QLatin1String("missing")));
    // A recovery journal cut in the middle of its last record: the complete edits come back, the cut is said.
    const QString journals = dir.filePath(QStringLiteral("journals"));
    auto journal = RecoveryJournal::create(journals, {QStringLiteral("series"), QStringLiteral("hash")}, Segmentation(grid));
    QVERIFY2(journal.ok(), qPrintable(journal.error().message));
    SegmentationDocument document{Segmentation(grid)};
    for (int n = 0; n < 2; ++n) {
        document.beginEdit(EditKind::Manual, QStringLiteral("edit %1").arg(n));
        LabelTable table;
        table.set(table.makeEntry(uint16_t(n + 1)));
        document.setLabelTableInEdit(table);
        QVERIFY(document.commitEdit().ok());
        QVERIFY((*journal)->appendEdit(document.history().at(n)).ok());
    }
    const QString path = (*journal)->path();
    journal->reset();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(file.size() - 5));
    file.close();
    auto recovered = readJournal(path);
    QVERIFY2(recovered.ok(), qPrintable(recovered.error().message));
    QVERIFY(recovered->cut);
    QVERIFY(!recovered->cutReason.isEmpty());
}

// What the libFuzzer targets found (docs/fuzzing.md), each input generated here the way the fuzzer's was made.
void TestBadInputs::fuzzFindings()
{
    QTemporaryDir dir;
    // fuzz_model_header: a model file of 24 to 31 bytes passed the header-length check (the file size minus 32
    // wrapped around) and asked for a 256 GiB read.
    const QString shortModel = dir.filePath(QStringLiteral("short.dlm"));
    QByteArray model(ml::kModelFileMagic, 16);
    model += QByteArray::fromHex("0a20202020000000") + QByteArray(7, '\0');
    QVERIFY(bytes(shortModel, model));
    auto header = ml::readModelHeader(shortModel);
    QVERIFY(!header.ok());
    QVERIFY2(header.error().message.contains(shortModel) && header.error().message.contains(QLatin1String("truncated")),
             qPrintable(header.error().message));
    // fuzz_volume_niigz: PNG bytes under a NIfTI name went to ITK's PNG reader, and libpng aborted the process on
    // the damaged header. Made from a real PNG with its header chunk's CRC broken.
    DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/image/0.png");
    QFile png(testing::dataPath(QStringLiteral("isbi2012-membrane/train/image/0.png")));
    QVERIFY(png.open(QIODevice::ReadOnly));
    QByteArray pngBytes = png.read(64);
    pngBytes[29] = char(pngBytes[29] ^ 0xff); // inside IHDR's CRC
    const QString pngAsNifti = dir.filePath(QStringLiteral("png.nii.gz"));
    QVERIFY(bytes(pngAsNifti, pngBytes));
    auto fromPng = readVolume(pngAsNifti);
    QVERIFY(!fromPng.ok());
    QVERIFY2(fromPng.error().message.contains(pngAsNifti) && fromPng.error().message.contains(QLatin1String("not a supported image file")),
             qPrintable(fromPng.error().message));
    // NIfTI files written by Delineate, then bytes of their header written over; and the check that a read was
    // refused naming the file and the entry's phrase.
    const ImageGeometry grid({4, 4, 2}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
    const auto patchedNifti = [&](const QString& name, std::initializer_list<std::pair<qint64, QByteArray>> patches) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!writeVolume(Volume(grid, PixelType::Int16), path).ok() || !file.open(QIODevice::ReadWrite))
            return QString();
        for (const auto& [at, patch] : patches)
            if (!file.seek(at) || file.write(patch) != patch.size())
                return QString();
        return path;
    };
    const auto floatBytes = [](float v) { return QByteArray(reinterpret_cast<const char*>(&v), 4); };
    const auto refused = [](const Expected<Volume>& read, const QString& path, const char* phrase) {
        if (read.ok())
            return QStringLiteral("%1 was read").arg(path);
        return read.error().message.contains(path) && read.error().message.contains(QLatin1String(phrase)) ? QString() : read.error().message;
    };
    const float notANumber = std::numeric_limits<float>::quiet_NaN();
    // The bytes of a file of the real data (after DELINEATE_REQUIRE_DATA); empty when it cannot be read.
    const auto dataBytes = [](const char* relative) {
        QFile file(testing::dataPath(QLatin1String(relative)));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    // A DICOM file alone in a folder, scanned and loaded as the application does: every message, joined.
    const auto messagesOfOneFile = [&](const QString& name, const QByteArray& content, QString& path) {
        const QString folder = dir.filePath(name + QStringLiteral(".folder"));
        path = QDir(folder).filePath(name);
        bool loaded = false;
        return QDir().mkpath(folder) && bytes(path, content) ? messagesFor(folder, loaded).join(QLatin1Char('\n')) : QString();
    };
    // Such a file refused: empty when a message names it with `phrase`, else what was said (for the failure).
    const auto oneFileRefused = [&](const QString& name, const QByteArray& content, const char* phrase) {
        QString path;
        const QString messages = messagesOfOneFile(name, content, path);
        if (messages.contains(path) && messages.contains(QLatin1String(phrase)))
            return QString();
        return messages.isEmpty() ? QStringLiteral("%1: no message").arg(name) : messages;
    };
    // fuzz_volume_nii: a vox_offset of 1e20 overflowed the conversion to an integer (undefined behaviour).
    const QString nifti = patchedNifti(QStringLiteral("offset.nii"), {{108, floatBytes(1.0e20f)}});
    QVERIFY(!nifti.isEmpty());
    QString why = refused(readVolume(nifti), nifti, "cut short");
    QVERIFY2(why.isEmpty(), qPrintable(why));
    // fuzz_volume_nii: a NaN in the orientation made ITK's NIfTI reader abort the process (vnl's assert_finite).
    const QString nanOrientation = patchedNifti(QStringLiteral("nan.nii"), {{256, floatBytes(notANumber)}}); // quatern_b
    QVERIFY(!nanOrientation.isEmpty());
    why = refused(readVolume(nanOrientation), nanOrientation, "usable numbers");
    QVERIFY2(why.isEmpty(), qPrintable(why));
    // fuzz_volume_nii: the same check skipped headers whose sizeof_hdr read 540 (NIfTI-2's) either way, but ITK 5.2
    // reads every header as NIfTI-1: a NaN in srow_y with sizeof_hdr = 540 big-endian aborted the process again.
    const int16_t sformCode = 1;
    const QString nifti2Size = patchedNifti(QStringLiteral("sizeof540.nii"),
                                            {{0, QByteArray::fromHex("0000021c")},
                                             {254, QByteArray(reinterpret_cast<const char*>(&sformCode), 2)},
                                             {300, floatBytes(notANumber)}}); // srow_y[1]
    QVERIFY(!nifti2Size.isEmpty());
    why = refused(readVolume(nifti2Size), nifti2Size, "usable numbers");
    QVERIFY2(why.isEmpty(), qPrintable(why));
    // fuzz_volume_nii: nifti1_io reads a header whose sizeof_hdr is damaged when dim[0] is 1-7, and the length
    // check looked only at headers with sizeof_hdr = 348: 437 bytes opened as a 5926 x 768 x 256 volume of zeros
    // (exit 0). Here 300 x 300 x 100 voxels of int16 declared in 500 bytes.
    const QString damagedSize = dir.filePath(QStringLiteral("sizeof.nii"));
    QVERIFY(writeVolume(Volume(grid, PixelType::Int16), damagedSize).ok());
    QFile damagedFile(damagedSize);
    QVERIFY(damagedFile.open(QIODevice::ReadWrite));
    QByteArray niftiBytes = damagedFile.readAll();
    QCOMPARE(niftiBytes.size(), 352 + 4 * 4 * 2 * 2);
    const int32_t wrongSize = 1828716892;
    const int16_t bigDims[4] = {3, 300, 300, 100};
    std::memcpy(niftiBytes.data(), &wrongSize, 4);
    std::memcpy(niftiBytes.data() + 40, bigDims, sizeof bigDims);
    QVERIFY(damagedFile.seek(0) && damagedFile.write(niftiBytes) == niftiBytes.size());
    damagedFile.close();
    auto damagedRead = readVolume(damagedSize);
    QVERIFY(!damagedRead.ok());
    QVERIFY2(damagedRead.error().message.contains(damagedSize) && damagedRead.error().message.contains(QLatin1String("cut short")),
             qPrintable(damagedRead.error().message));
    // fuzz_volume_niigz: a .nii.gz of 97 bytes declaring 12 GB: the gzip trailer holds the size modulo 2^32 only, so
    // the check skipped images over 2 GiB and ITK allocated them before reading. Deflate's 1032:1 bound now refuses
    // it first. Here 2000 x 2000 x 1000 int16 (8 GB) behind the same header, gzipped.
    std::memcpy(niftiBytes.data(), "\x5c\x01\x00\x00", 4); // sizeof_hdr 348 again
    const int16_t hugeDims[4] = {3, 2000, 2000, 1000};
    std::memcpy(niftiBytes.data() + 40, hugeDims, sizeof hugeDims);
    const QString bomb = dir.filePath(QStringLiteral("bomb.nii.gz"));
    gzFile gz = gzopen(QFile::encodeName(bomb).constData(), "wb9");
    QVERIFY(gz);
    QCOMPARE(gzwrite(gz, niftiBytes.constData(), unsigned(niftiBytes.size())), int(niftiBytes.size()));
    QCOMPARE(gzclose(gz), Z_OK);
    auto bombRead = readVolume(bomb);
    QVERIFY(!bombRead.ok());
    QVERIFY2(bombRead.error().message.contains(bomb) && bombRead.error().message.contains(QLatin1String("cannot hold")),
             qPrintable(bombRead.error().message));
    // fuzz_volume_niigz: a .nii.gz cut after 128 bytes, followed by 'DICM'. Where NIfTI's reader refused it, ITK's
    // factory asked every other reader, GDCM's among them, which took it for DICOM and asserted (abort, Release
    // CLI included); the reader is now chosen by the name alone, for volumes and label files alike.
    {
        // dcmqi's 23 x 38 x 3 CT, written by Delineate as the fuzzer's seed was.
        DELINEATE_REQUIRE_DATA("dcmqi-seg/23x38x3/image");
        SimpleJobControl ctControl;
        auto ctSeries = loadOneSeries(testing::dataPath(QStringLiteral("dcmqi-seg/23x38x3/image")), QString(), ctControl);
        QVERIFY2(ctSeries.ok(), qPrintable(ctSeries ? QString() : ctSeries.error().message));
        const Volume& ct = ctSeries->volume;
        const QString whole = dir.filePath(QStringLiteral("ct.nii.gz"));
        QVERIFY(writeVolume(ct, whole).ok());
        QFile wholeFile(whole);
        QVERIFY(wholeFile.open(QIODevice::ReadOnly));
        const QByteArray compressed = wholeFile.readAll();
        QVERIFY(compressed.size() > 128);
        const QString dicm = dir.filePath(QStringLiteral("dicm.nii.gz"));
        QVERIFY(bytes(dicm, compressed.left(128) + QByteArray("DICM\0", 5)));
        // The stream ends inside its data; what zlib makes of 'DICM' after it read as a volume before the whole
        // stream was inflated once: every voxel after the cut was wrong.
        auto asVolume = readVolume(dicm);
        QVERIFY(!asVolume.ok());
        QVERIFY2(asVolume.error().message.contains(dicm) && asVolume.error().message.contains(QLatin1String("cut short or damaged")),
                 qPrintable(asVolume.error().message));
        auto asLabels = readSegmentationFile(dicm);
        QVERIFY(!asLabels.ok());
        QVERIFY2(asLabels.error().message.contains(dicm), qPrintable(asLabels.error().message));
    }
    // fuzz_volume_mha: ITK's MetaImage reader trusts NDims and DimSize; a size of 0, fewer sizes than NDims or NDims
    // beyond MetaIO's 10 slots made it divide by zero (SIGFPE in MetaImageIO::ReadImageInformation); compressed data
    // without its CompressedDataSize made it ask for 2^63 bytes, or read as zeros; a field name of 255 characters
    // or more overflowed MetaIO's buffer (abort by glibc's fortified strcpy); an ElementDataFile pattern ('%')
    // went to MetaIO's sprintf and step arithmetic. Made from a MetaImage written
    // here (compressed), its header's text edited.
    const QString metaImage = dir.filePath(QStringLiteral("good.mha"));
    QVERIFY(writeVolume(Volume(grid, PixelType::Int16), metaImage).ok());
    QFile metaFile(metaImage);
    QVERIFY(metaFile.open(QIODevice::ReadOnly));
    const QByteArray metaBytes = metaFile.readAll();
    QVERIFY(metaBytes.contains("DimSize = 4 4 2") && metaBytes.contains("NDims = 3") && metaBytes.contains("CompressedDataSize = "));
    const int sizeLine = metaBytes.indexOf("CompressedDataSize = ");
    const QByteArray sizeText = metaBytes.mid(sizeLine, metaBytes.indexOf('\n', sizeLine) + 1 - sizeLine);
    // A field name of 300 characters before NDims: MetaIO's strcpy into 255 bytes aborted the process.
    const QByteArray longName = QByteArray(300, 'N') + " = 1\nNDims = 3";
    QVERIFY(readVolume(metaImage).ok());
    const struct { const char* name; const char* from; const char* to; const char* phrase; } damaged[] = {
        {"zero.mha", "DimSize = 4 4 2", "DimSize = 4 4 0", "DimSize"},
        {"fewer.mha", "DimSize = 4 4 2", "DimSize = 4 4", "DimSize"},
        {"sixty.mha", "NDims = 3", "NDims = 60", "NDims = 60"},
        {"unsized.mha", sizeText.constData(), "", "CompressedDataSize"},
        {"longname.mha", "NDims = 3", longName.constData(), "field name"},
        // A file-name pattern with a step of 0: MetaIO divided by the step (SIGFPE in MetaImage::ReadStream).
        {"pattern.mha", "ElementDataFile = LOCAL", "ElementDataFile = slice%03d.raw 1 3 0", "file-name pattern"},
    };
    for (const auto& d : damaged) {
        const QString path = dir.filePath(QLatin1String(d.name));
        QVERIFY(bytes(path, QByteArray(metaBytes).replace(d.from, d.to)));
        auto read = readVolume(path);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message.contains(path) && read.error().message.contains(QLatin1String(d.phrase)),
                 qPrintable(read.error().message));
    }
    // fuzz_volume_mha, finding 24: MetaIO reads a field name up to the line's end when it has no '=' and compares
    // it as a C string, then takes the value after the next '=' however many lines down. "ElementDataFile", a NUL
    // and junk on one line, and the '%' pattern (step 0) two lines further: a line-by-line check saw no
    // ElementDataFile and MetaIO divided by the step (SIGFPE; under ASan its sprintf of the pattern).
    {
        const QString path = dir.filePath(QStringLiteral("nul-name.mha"));
        QVERIFY(bytes(path, QByteArray(metaBytes).replace("ElementDataFile = LOCAL",
                                                          QByteArray("ElementDataFile\0\x92junk\n\nX = slice%03d.raw 1 3 0", 46))));
        const QString problem = refused(readVolume(path), path, "file-name pattern");
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // fuzz_dicom_file: DCMTK could not decode a slice whose SamplesPerPixel was lost (its tag moved to group
    // 2F28) under an unknown transfer syntax, so GDCM was asked to; GDCM's reader asserted on the meta group's
    // value representation ';I' (which DCMTK reads with a warning) and the process aborted, Release CLI included.
    DELINEATE_REQUIRE_DATA("dcmqi-seg/23x38x3/image/IMG0001.dcm");
    QFile slice(testing::dataPath(QStringLiteral("dcmqi-seg/23x38x3/image/IMG0001.dcm")));
    QVERIFY(slice.open(QIODevice::ReadOnly));
    QByteArray sliceBytes = slice.readAll();
    const int instanceVr = sliceBytes.indexOf(QByteArray::fromHex("02000300") + "UI");
    const int samplesTag = sliceBytes.indexOf(QByteArray::fromHex("28000200020000000100"));
    QVERIFY(instanceVr > 0 && samplesTag > 0 && sliceBytes.contains(QByteArray("1.2.840.10008.1.2\0", 18)));
    sliceBytes[instanceVr + 4] = ';';
    sliceBytes[samplesTag + 1] = char(0x2f);
    sliceBytes.replace(QByteArray("1.2.840.10008.1.2\0", 18), QByteArray("1.2.840.1000!.1.2\0", 18));
    const QString gdcmRefusal = oneFileRefused(QStringLiteral("meta-vr.dcm"), sliceBytes, "corrupt");
    QVERIFY2(gdcmRefusal.isEmpty(), qPrintable(gdcmRefusal));
    // fuzz_dicom_file: pixel data under the value representation 'OO' (none) is a plain element to DCMTK, not
    // pixel data, and was cast to one (UBSan: a downcast to a type the object is not).
    const QString ctSmall = kPydicom + QStringLiteral("CT_small.dcm");
    DELINEATE_REQUIRE_PACKAGED(ctSmall);
    QFile ct(ctSmall);
    QVERIFY(ct.open(QIODevice::ReadOnly));
    QByteArray ctBytes = ct.readAll();
    const int pixelTag = ctBytes.lastIndexOf(QByteArray::fromHex("e07f1000") + "OW");
    QVERIFY(pixelTag > 0);
    ctBytes[pixelTag + 5] = 'O';
    const QString ooRefusal = oneFileRefused(QStringLiteral("oo.dcm"), ctBytes, "cannot be read as pixel data");
    QVERIFY2(ooRefusal.isEmpty(), qPrintable(ooRefusal));
    // fuzz_volume_mha: NDims = 2 before DimSize and NDims = 3 after it (no TransformMatrix): MetaIO read two sizes
    // and then three dimensions, the third size never read (uninitialised): the file opened as a 23 x 38 x 0 volume
    // with nothing in it (exit 0), or failed to allocate, from one run to the next.
    {
        QByteArray twice = metaBytes;
        const int matrix = twice.indexOf("TransformMatrix = ");
        QVERIFY(matrix >= 0);
        twice.remove(matrix, twice.indexOf('\n', matrix) + 1 - matrix);
        twice.replace("NDims = 3\n", "NDims = 2\n").replace("DimSize = 4 4 2\n", "DimSize = 4 4 2\nNDims = 3\n");
        const QString path = dir.filePath(QStringLiteral("ndims-twice.mha"));
        QVERIFY(bytes(path, twice));
        auto read = readVolume(path);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message.contains(path) && read.error().message.contains(QLatin1String("does not follow one NDims")),
                 qPrintable(read.error().message));
    }
    // Found reading MetaIO's code beside finding 11: a LIST of slice files that are not there opened as a volume of
    // zeros, and a detached data file (.mhd) shorter than the header declares as a volume whose end was zeros.
    {
        const int dataStart = metaBytes.indexOf("ElementDataFile = LOCAL\n");
        QVERIFY(dataStart > 0);
        const QByteArray headerText = metaBytes.left(dataStart);
        const QByteArray data = metaBytes.mid(dataStart + int(qstrlen("ElementDataFile = LOCAL\n")));
        const QString list = dir.filePath(QStringLiteral("list.mha"));
        QVERIFY(bytes(list, headerText + "ElementDataFile = LIST\nslice0.raw\nslice1.raw\n"));
        auto listRead = readVolume(list);
        QVERIFY(!listRead.ok());
        QVERIFY2(listRead.error().message.contains(list) && listRead.error().message.contains(QLatin1String("LIST")),
                 qPrintable(listRead.error().message));
        const QString detached = dir.filePath(QStringLiteral("detached.mhd"));
        QVERIFY(bytes(detached, headerText + "ElementDataFile = detached.zraw\n"));
        QVERIFY(bytes(dir.filePath(QStringLiteral("detached.zraw")), data));
        QVERIFY2(readVolume(detached).ok(), "the whole detached data file reads");
        QVERIFY(bytes(dir.filePath(QStringLiteral("detached.zraw")), data.left(data.size() / 2)));
        auto shortRead = readVolume(detached);
        QVERIFY(!shortRead.ok());
        QVERIFY2(shortRead.error().message.contains(detached) && shortRead.error().message.contains(QLatin1String("cut short")),
                 qPrintable(shortRead.error().message));
        // fuzz_volume_mha: compressed data in a detached file that is not there, without CompressedDataSize: ITK 5.2
        // asked for 2^63 bytes (std::bad_alloc in Release, an abort under ASan).
        QByteArray unsized = headerText;
        unsized.replace(sizeText, "");
        const QString missing = dir.filePath(QStringLiteral("missing.mhd"));
        QVERIFY(bytes(missing, unsized + "ElementDataFile = missing.zraw\n"));
        auto missingRead = readVolume(missing);
        QVERIFY(!missingRead.ok());
        QVERIFY2(missingRead.error().message.contains(missing) && missingRead.error().message.contains(QLatin1String("is missing")),
                 qPrintable(missingRead.error().message));
        // fuzz_volume_mha, finding 23: a zlib stream whose header asks for a preset dictionary (flag byte 0x20; the
        // fuzzer's input began its data with "x "). ITK 5.2's MET_PerformUncompression took zlib's Z_NEED_DICT for
        // progress and looped for ever (Release CLI: 100 % CPU, SIGTERM ignored). The same data in the file and in a
        // detached .zraw; and a complete stream of fewer bytes than the header declares, which ITK read with the rest
        // of the voxels left as allocated.
        QVERIFY(data.size() > 6 && uint8_t(data[0]) == 0x78);
        QByteArray dictionary = data;
        dictionary[1] = char(0x20); // 0x7820 is a multiple of 31: a valid header with FDICT set
        const QString dictLocal = dir.filePath(QStringLiteral("dictionary.mha"));
        QVERIFY(bytes(dictLocal, headerText + "ElementDataFile = LOCAL\n" + dictionary));
        QVERIFY(bytes(dir.filePath(QStringLiteral("dictionary.zraw")), dictionary));
        const QString dictDetached = dir.filePath(QStringLiteral("dictionary.mhd"));
        QVERIFY(bytes(dictDetached, headerText + "ElementDataFile = dictionary.zraw\n"));
        const QByteArray fewer = qCompress(QByteArray(4 * 4 * 2 * 2 - 2, '\1')).mid(4); // zlib framing, one voxel short
        QByteArray fewerHeader = headerText;
        fewerHeader.replace(sizeText, "CompressedDataSize = " + QByteArray::number(fewer.size()) + "\n");
        const QString shortStream = dir.filePath(QStringLiteral("short-stream.mha"));
        QVERIFY(bytes(shortStream, fewerHeader + "ElementDataFile = LOCAL\n" + fewer));
        const struct { QString path; const char* phrase; } inflated[] = {
            {dictLocal, "preset dictionary"}, {dictDetached, "preset dictionary"}, {shortStream, "holds 62 bytes, the header declares 64"}};
        for (const auto& d : inflated) {
            const QString problem = refused(readVolume(d.path), d.path, d.phrase);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }
    // fuzz_dicom_file, finding 25: dcmqi's legacy converted enhanced CT (3 frames, native) with its Photometric
    // Interpretation and the shared Image Orientation (Patient) under other tags. DCMTK could not decode the frames
    // without the first, so GDCM's image reader was asked, and it asserted on the missing second while working out
    // the frames' spacing (ComputeZSpacingFromIPP; abort, Release CLI too). GDCM now decodes compressed streams
    // only, as a codec given what DCMTK read, and a frame without a Photometric Interpretation is refused.
    {
        DELINEATE_REQUIRE_DATA("dcmqi-seg/23x38x3/multiframe/mf.dcm");
        QByteArray mfBytes = dataBytes("dcmqi-seg/23x38x3/multiframe/mf.dcm");
        QVERIFY(!mfBytes.isEmpty());
        const int orientation = mfBytes.indexOf(QByteArray::fromHex("20003700") + "DS");
        const int photometricTag = mfBytes.indexOf(QByteArray::fromHex("28000400") + "CS");
        QVERIFY(orientation > 0 && photometricTag > 0 && mfBytes.indexOf(QByteArray::fromHex("20003700") + "DS", orientation + 1) < 0);
        mfBytes[orientation + 2] = char(0x36);
        mfBytes[photometricTag + 2] = char(0x03);
        const QString mfRefusal = oneFileRefused(QStringLiteral("mf-no-orientation.dcm"), mfBytes, "Photometric Interpretation");
        QVERIFY2(mfRefusal.isEmpty(), qPrintable(mfRefusal));
    }
    // fuzz_dicom_file, finding 26: a native RGB image whose HighBit is written as LO. dcmimage could not decode it, so
    // GDCM's image reader was asked, and its typed attribute asserted on the value representation (abort, Release
    // CLI too). GDCM's reader is out of the process now: 32-bit colour samples and segmented palettes, the variants
    // only it had decoded, are decoded from DCMTK's samples, which need no HighBit. Made from pydicom-data's
    // SC_rgb_32bit.dcm: it decodes with HighBit as LO as it does unchanged.
    {
        DELINEATE_REQUIRE_DATA("pydicom-data/SC_rgb_32bit.dcm");
        QByteArray rgbBytes = dataBytes("pydicom-data/SC_rgb_32bit.dcm");
        QVERIFY(!rgbBytes.isEmpty());
        const int highBit = rgbBytes.indexOf(QByteArray::fromHex("28000201") + "US");
        QVERIFY(highBit > 0 && rgbBytes.indexOf(QByteArray::fromHex("28000201") + "US", highBit + 1) < 0);
        QString goodFile;
        const QString goodMessages = messagesOfOneFile(QStringLiteral("rgb32.dcm"), rgbBytes, goodFile);
        QVERIFY2(!goodMessages.contains(goodFile), qPrintable(goodMessages)); // it decodes as it is
        rgbBytes[highBit + 4] = 'L';
        rgbBytes[highBit + 5] = 'O';
        QString rgbFile;
        const QString rgbMessages = messagesOfOneFile(QStringLiteral("rgb32-highbit-lo.dcm"), rgbBytes, rgbFile);
        QVERIFY2(!rgbMessages.contains(rgbFile), qPrintable(rgbMessages));
    }
    // fuzz_dicom_file, finding 29: pydicom-data's SC_rgb_dcmtk_ebcys2_dcmd.dcm (8-bit RGB) with an item of its
    // DerivationCodeSequence one byte longer (0x34 -> 0x35 at offset 908) and its Pixel Representation renamed
    // (0028,FC02). dcmimage refused it (missing attribute), GDCM's image reader was asked, read the file again and
    // asserted in FileMetaInformation::ReadCompat ("is.good()"; abort, Release CLI too). The three changed bytes
    // alone aborted the fuzz build of 4485551. GDCM reads no file now: the image is refused, named.
    {
        DELINEATE_REQUIRE_DATA("pydicom-data/SC_rgb_dcmtk_ebcys2_dcmd.dcm");
        QByteArray scBytes = dataBytes("pydicom-data/SC_rgb_dcmtk_ebcys2_dcmd.dcm");
        QCOMPARE(scBytes.size(), 31662);
        QCOMPARE(quint8(scBytes.at(908)), quint8(0x34));
        QCOMPARE(scBytes.mid(1596, 4), QByteArray::fromHex("28000301"));
        scBytes[908] = char(0x35);
        scBytes[1598] = char(0x02);
        scBytes[1599] = char(0xfc);
        const QString scRefusal = oneFileRefused(QStringLiteral("sc-rgb-item-length.dcm"), scBytes, "cannot be decoded");
        QVERIFY2(scRefusal.isEmpty(), qPrintable(scRefusal));
    }
    // fuzz_dicom_file, finding 28: pydicom-data's big-endian RGB image with its Photometric Interpretation "RGB"
    // made "PAL". dcmimage refused it, GDCM's image reader was asked and asserted on the interpretation it does not
    // know (gdcmPixmapReader.cxx: "Assertion `0' failed"; abort, Release CLI too). It is refused before GDCM now.
    {
        DELINEATE_REQUIRE_DATA("pydicom-data/SC_rgb_expb.dcm");
        QByteArray expbBytes = dataBytes("pydicom-data/SC_rgb_expb.dcm");
        QVERIFY(!expbBytes.isEmpty());
        const int rgbValue = expbBytes.indexOf(QByteArray::fromHex("00280004") + "CS" + QByteArray::fromHex("0004") + "RGB ");
        QVERIFY(rgbValue > 0);
        expbBytes.replace(rgbValue + 8, 4, "PAL ");
        const QString palRefusal = oneFileRefused(QStringLiteral("rgb-expb-pal.dcm"), expbBytes, "cannot be decoded");
        QVERIFY2(palRefusal.isEmpty(), qPrintable(palRefusal));
    }
    // fuzz_dicom_file, finding 27: dcm_qa_ct's Philips DICOMDIR (DIRFILE) with one byte 0xff inserted at offset 1238,
    // inside its first directory record. DCMTK 3.6.7's loadFile threw std::out_of_range (DcmByteString::verify,
    // looking for the record's type) instead of returning an error: the parallel scan rethrew it and the whole
    // folder's scan ended with a message naming no file (in the fuzzer, the process). Caught now where DCMTK loads.
    {
        DELINEATE_REQUIRE_DATA("dcm_qa_ct/In/Philips/S21610/S2010/DIRFILE");
        QByteArray dirBytes = dataBytes("dcm_qa_ct/In/Philips/S21610/S2010/DIRFILE");
        QVERIFY(!dirBytes.isEmpty());
        QCOMPARE(dirBytes.size(), 45390);
        dirBytes.insert(1238, char(0xff));
        const QString dirRefusal = oneFileRefused(QStringLiteral("dirfile-ff.dcm"), dirBytes, "not a readable DICOM file");
        QVERIFY2(dirRefusal.isEmpty(), qPrintable(dirRefusal));
    }
    // fuzz_dicom_file: pydicom-data's emri_small_RLE.dcm with the fuzzer's 35 changed bytes (the photometric
    // interpretation and bytes inside the RLE segments). DCMTK refused the stream, and GDCM's RLE decoder, asked
    // next, read past its input (SEGV under the address pass; in Release the read happened to land in mapped
    // memory). DCMTK is the only RLE decoder for one sample per pixel now; this input guards that in the address pass.
    {
        DELINEATE_REQUIRE_DATA("pydicom-data/emri_small_RLE.dcm");
        QByteArray rleBytes = dataBytes("pydicom-data/emri_small_RLE.dcm");
        QCOMPARE(rleBytes.size(), 49022);
        const struct { int at; uint8_t value; } changes[] = {
            {2182, 0x59}, {2183, 0x42}, {2184, 0x52}, {2185, 0x5f}, {2186, 0x49}, {2187, 0x43}, {2188, 0x54},
            {9976, 0x32}, {17037, 0xff}, {17038, 0xff}, {17039, 0xff}, {22760, 0x39}, {22761, 0x30}, {23653, 0x23},
            {23654, 0x71}, {23655, 0x77}, {23656, 0x62}, {23657, 0x80}, {23658, 0x91}, {23659, 0x22}, {25783, 0xff},
            {25784, 0x27}, {25785, 0x12}, {25786, 0x03}, {31597, 0x00}, {31598, 0x00}, {31599, 0x62}, {31600, 0x00},
            {31601, 0x00}, {31602, 0x07}, {31603, 0x6e}, {31604, 0x90}, {39560, 0x01}, {39561, 0xf8}, {43184, 0x40}};
        for (const auto& change : changes)
            rleBytes[change.at] = char(change.value);
        const QString rleRefusal = oneFileRefused(QStringLiteral("rle.dcm"), rleBytes, "RLE");
        QVERIFY2(rleRefusal.isEmpty(), qPrintable(rleRefusal));
    }
    // fuzz_dicom_file: pydicom-data's emri_small_jpeg_2k_lossless.dcm with the fuzzer's 6 changed bytes, one of them
    // making the first frame's SIZ marker declare 131136 rows for the image's 64. GDCM decoded it into a buffer of
    // 64 x 64 and wrote past it (heap overflow; "free(): invalid pointer" and an abort in the Release CLI).
    {
        DELINEATE_REQUIRE_DATA("pydicom-data/emri_small_jpeg_2k_lossless.dcm");
        QByteArray j2kBytes = dataBytes("pydicom-data/emri_small_jpeg_2k_lossless.dcm");
        QCOMPARE(j2kBytes.size(), 40324);
        const struct { int at; uint8_t value; } changes[] = {{2381, 2}, {13616, 189}, {25897, 49}, {26981, 5}, {26982, 199}, {37189, 76}};
        for (const auto& change : changes)
            j2kBytes[change.at] = char(change.value);
        const QString j2kRefusal = oneFileRefused(QStringLiteral("j2k.dcm"), j2kBytes, "JPEG 2000 frame declares 64 x 131136");
        QVERIFY2(j2kRefusal.isEmpty(), qPrintable(j2kRefusal));
    }
    // fuzz_journal: a damaged snapshot declaring 8 GB of voxels behind a few compressed bytes had them allocated
    // before inflating; now refused at once.
    const QByteArray small = deflateBytes("label", 5);
    auto inflated = inflateBytes(small, std::size_t(8) << 30);
    QVERIFY(!inflated.ok());
    QVERIFY(inflated.error().message.contains(QLatin1String("damaged")));
}

QTEST_GUILESS_MAIN(TestBadInputs)
#include "tst_BadInputs.moc"
