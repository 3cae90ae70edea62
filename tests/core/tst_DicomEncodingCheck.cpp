// The element walk that tells a DICOM file cut short from a misencoded one (DicomEncodingCheck): every file DCMTK
// reads (pydicom's test files and the project's data) walks to its end; the same files cut at many points are cut
// short; files whose elements are shifted or read in the wrong encoding are misencoded, as are the two files
// pydicom documents as misencoded.
#include "TestData.h"

#include "dicom/DicomEncodingCheck.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <dcmtk/dcmdata/dcfilefo.h>

using namespace delineate;

namespace {

const QString kPydicomFiles = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files");

const char* verdictName(DicomEncodingVerdict verdict)
{
    switch (verdict) {
    case DicomEncodingVerdict::Consistent:
        return "consistent";
    case DicomEncodingVerdict::CutShort:
        return "cut short";
    case DicomEncodingVerdict::Misencoded:
        return "misencoded";
    case DicomEncodingVerdict::Undetermined:
        break;
    }
    return "undetermined";
}

bool dcmtkReads(const QString& path)
{
    DcmFileFormat file;
    return file.loadFile(OFFilename(QFile::encodeName(path).constData())).good();
}

QByteArray bytesOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString written(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return QString();
    return path;
}

// Files with a variety of encodings: implicit and explicit VR, big endian, encapsulated pixel data, sequences,
// no file meta group.
const char* const kSamples[] = {"CT_small.dcm", "MR_small.dcm", "MR_small_bigendian.dcm", "MR_small_jpeg_ls_lossless.dcm",
                                "MR_small_RLE.dcm", "nested_priv_SQ.dcm", "rtplan.dcm", "no_meta_group_length.dcm"};

} // namespace

class TestDicomEncodingCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readableFilesAreConsistent()
    {
        DELINEATE_REQUIRE_PACKAGED(kPydicomFiles + QStringLiteral("/CT_small.dcm"));
        QStringList files;
        for (const QString& name : QDir(kPydicomFiles).entryList({QStringLiteral("*.dcm")}, QDir::Files))
            files << QDir(kPydicomFiles).filePath(name);
        if (QFileInfo::exists(testing::dataPath(QStringLiteral("pydicom-data"))))
            for (const QString& name : QDir(testing::dataPath(QStringLiteral("pydicom-data"))).entryList({QStringLiteral("*.dcm")}, QDir::Files))
                files << testing::dataPath(QStringLiteral("pydicom-data/") + name);
        int checked = 0;
        QStringList wrong;
        for (const QString& path : files) {
            if (!dcmtkReads(path))
                continue;
            const DicomEncodingVerdict verdict = checkDicomEncoding(path);
            if (verdict == DicomEncodingVerdict::Undetermined)
                continue; // deflated
            ++checked;
            if (verdict != DicomEncodingVerdict::Consistent)
                wrong << QStringLiteral("%1: %2").arg(path, QLatin1String(verdictName(verdict)));
        }
        qInfo("%d readable files walked", checked);
        QVERIFY(checked >= 50);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    void truncatedFilesAreCutShort()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        int cuts = 0;
        for (const char* name : kSamples) {
            const QString path = kPydicomFiles + QLatin1Char('/') + QLatin1String(name);
            DELINEATE_REQUIRE_PACKAGED(path);
            const QByteArray bytes = bytesOf(path);
            QVERIFY(bytes.size() > 300);
            // Cuts in the file meta group, in the data set's elements, inside the pixel data, one byte short.
            for (const double fraction : {0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 0.9, 0.99}) {
                const int length = int(bytes.size() * fraction);
                if (length < 132 && bytes.mid(128, 4) == "DICM")
                    continue; // inside the preamble: nothing says DICOM yet
                const QString cut = written(dir, QStringLiteral("cut.dcm"), bytes.left(length));
                QVERIFY(!cut.isEmpty());
                if (dcmtkReads(cut))
                    continue; // cut on an element boundary: a shorter file, but a readable one
                ++cuts;
                const DicomEncodingVerdict verdict = checkDicomEncoding(cut);
                QVERIFY2(verdict == DicomEncodingVerdict::CutShort,
                         qPrintable(QStringLiteral("%1 cut to %2 of %3 bytes: %4").arg(QLatin1String(name)).arg(length).arg(bytes.size()).arg(QLatin1String(verdictName(verdict)))));
            }
            const QString lastByte = written(dir, QStringLiteral("cut.dcm"), bytes.left(bytes.size() - 1));
            QCOMPARE(verdictName(checkDicomEncoding(lastByte)), "cut short");
        }
        QVERIFY(cuts >= 50);
    }

    void shiftedElementsAreMisencoded()
    {
        // One byte inserted right after the file meta group (or at the start of a file without one): every tag of
        // the data set is read from the wrong bytes.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const char* name : kSamples) {
            const QString path = kPydicomFiles + QLatin1Char('/') + QLatin1String(name);
            DELINEATE_REQUIRE_PACKAGED(path);
            QByteArray bytes = bytesOf(path);
            int at = 0;
            if (bytes.mid(128, 4) == "DICM") {
                at = 132;
                while (at + 8 <= bytes.size() && bytes[at] == 0x02 && bytes[at + 1] == 0x00) {
                    const bool longLength = bytes.mid(at + 4, 2) == "OB" || bytes.mid(at + 4, 2) == "UN";
                    const auto u16 = [&](int i) { return int(uint8_t(bytes[i])) | int(uint8_t(bytes[i + 1])) << 8; };
                    at += longLength ? 12 + (u16(at + 8) | u16(at + 10) << 16) : 8 + u16(at + 6);
                }
            }
            for (const char inserted : {'\0', 'A', '\x08'}) {
                QByteArray shifted = bytes;
                shifted.insert(at, inserted);
                const QString file = written(dir, QStringLiteral("shifted.dcm"), shifted);
                const DicomEncodingVerdict verdict = checkDicomEncoding(file);
                QVERIFY2(verdict == DicomEncodingVerdict::Misencoded,
                         qPrintable(QStringLiteral("%1 with a byte inserted at %2: %3").arg(QLatin1String(name)).arg(at).arg(QLatin1String(verdictName(verdict)))));
            }
        }
    }

    void documentedMisencodedFiles()
    {
        // pydicom's README: SC_rgb_jpeg.dcm holds an implicit-VR data set under an explicit-VR syntax; no_meta.dcm
        // is CT_small without its meta group, starting one byte early.
        for (const char* name : {"SC_rgb_jpeg.dcm", "no_meta.dcm"}) {
            const QString path = kPydicomFiles + QLatin1Char('/') + QLatin1String(name);
            DELINEATE_REQUIRE_PACKAGED(path);
            QCOMPARE(verdictName(checkDicomEncoding(path)), "misencoded");
        }
    }

    void structureOnlyIgnoresTagsNotStructure()
    {
        // A public tag unknown to the dictionary (here SamplesPerPixel moved to group 2F28, as fuzz_dicom_file
        // did) is misencoded to the strict walk but walkable to another parser; a value representation that is
        // none in the meta group is neither (GDCM asserts on it).
        const QString path = kPydicomFiles + QStringLiteral("/CT_small.dcm");
        DELINEATE_REQUIRE_PACKAGED(path);
        QTemporaryDir dir;
        QByteArray bytes = bytesOf(path);
        QCOMPARE(verdictName(checkDicomEncoding(path, DicomTagRule::StructureOnly)), "consistent");
        const int samples = bytes.indexOf(QByteArray::fromHex("28000200") + "US");
        QVERIFY(samples > 0);
        bytes[samples + 1] = char(0x2f);
        const QString unknownTag = written(dir, QStringLiteral("unknown-tag.dcm"), bytes);
        QCOMPARE(verdictName(checkDicomEncoding(unknownTag)), "misencoded");
        QCOMPARE(verdictName(checkDicomEncoding(unknownTag, DicomTagRule::StructureOnly)), "consistent");
        const int instance = bytes.indexOf(QByteArray::fromHex("02000300") + "UI");
        QVERIFY(instance > 0);
        bytes[instance + 4] = ';';
        const QString badVr = written(dir, QStringLiteral("bad-vr.dcm"), bytes);
        QCOMPARE(verdictName(checkDicomEncoding(badVr, DicomTagRule::StructureOnly)), "misencoded");
    }
};

QTEST_GUILESS_MAIN(TestDicomEncodingCheck)
#include "tst_DicomEncodingCheck.moc"
