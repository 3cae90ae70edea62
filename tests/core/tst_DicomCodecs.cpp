// Every transfer syntax in the test data either decodes (identical to its uncompressed twin where one exists)
// or fails with a message naming the file and the syntax or the damage; nothing crashes. What each file must do is
// stated in a table, one row per file.
#include "TestData.h"

#include "dicom/DcmtkFile.h"
#include "dicom/DicomScanner.h"
#include "dicom/PaletteColour.h"
#include "dicom/SeriesLoader.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cmath>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcxfer.h>

using namespace delineate;

namespace {

const QString kPydicomFiles = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files");

QString resolve(const QString& name)
{
    if (name.startsWith(QLatin1String("debian-pydicom:")))
        return kPydicomFiles + QLatin1Char('/') + name.mid(15);
    return delineate::testing::dataPath(name);
}

Expected<Volume> loadFirst(const QString& path)
{
    SimpleJobControl control;
    auto scan = scanDicom(path, control);
    if (!scan)
        return scan.error();
    if (scan->allSeries().isEmpty())
        return Error::failed(scan->unreadable.isEmpty() ? QStringLiteral("no image series")
                                                        : scan->unreadable.first().reason);
    auto loaded = loadSeries(scan->allSeries().first(), control);
    if (!loaded)
        return loaded.error();
    return std::move(loaded->volume);
}


// What each test file is, and so what must happen to it. Sizes and syntaxes are from the files' own headers
// (Columns x Rows x Frames, as read by pydicom, an independent reader), the intent from the names and pydicom's
// README/tests. Rows marked bug() are what should happen but does not yet: they fail as expected (XFAIL) until fixed,
// and then pass unexpectedly (XPASS, a failure) so the mark is removed.
enum class Outcome { Decodes, NotAnImage, Refused };

struct Expectation
{
    const char* file = nullptr;
    Outcome outcome = Outcome::Decodes;
    const char* transferSyntax = nullptr; // Decodes: the syntax the scan must report
    int columns = 0, rows = 0, frames = 0; // Decodes: the volume's size
    const char* phrase = nullptr;         // Refused: in the message; NotAnImage: the kind; Decodes: in a warning
    const char* forbidden = nullptr;      // never in the message (a wrong diagnosis)
    const char* knownBug = nullptr;       // why today's behaviour differs (reported; the row is an expected failure)

    Expectation warns(const char* text) const { Expectation e = *this; e.phrase = text; return e; }
    Expectation never(const char* text) const { Expectation e = *this; e.forbidden = text; return e; }
    Expectation bug(const char* why) const { Expectation e = *this; e.knownBug = why; return e; }
};

Expectation decodes(const char* file, const char* syntax, int columns, int rows, int frames)
{
    Expectation e;
    e.file = file;
    e.transferSyntax = syntax;
    e.columns = columns;
    e.rows = rows;
    e.frames = frames;
    return e;
}

Expectation notAnImage(const char* file, const char* kind)
{
    Expectation e;
    e.file = file;
    e.outcome = Outcome::NotAnImage;
    e.phrase = kind;
    return e;
}

Expectation refused(const char* file, const char* phrase)
{
    Expectation e;
    e.file = file;
    e.outcome = Outcome::Refused;
    e.phrase = phrase;
    return e;
}


const QList<Expectation>& expectations()
{
    static const QList<Expectation> table = {
        decodes("pydicom-data/693_J2KR.dcm", "1.2.840.10008.1.2.4.90", 512, 512, 1),  // JPEG 2000 Image Compression (Lossless Only), CT Image Storage
        decodes("pydicom-data/693_UNCI.dcm", "1.2.840.10008.1.2.1", 512, 512, 1),  // Explicit VR Little Endian, CT Image Storage
        decodes("pydicom-data/693_UNCR.dcm", "1.2.840.10008.1.2.1", 512, 512, 1),  // Explicit VR Little Endian, CT Image Storage
        refused("pydicom-data/HTJ2KLossless_08_RGB.dcm", "HTJ2K").never("shorter than declared"),  // HTJ2K: not supported by our codecs
        refused("pydicom-data/HTJ2K_08_RGB.dcm", "HTJ2K").never("shorter than declared"),  // HTJ2K: not supported by our codecs
        decodes("pydicom-data/JLSL_08_07_0_1F.dcm", "1.2.840.10008.1.2.4.80", 128, 128, 1),  // JPEG-LS Lossless Image Compression, Secondary Capture Image Storage — valid: pydicom's pixel reference decodes it
        decodes("pydicom-data/JLSL_16_15_1_1F.dcm", "1.2.840.10008.1.2.4.80", 128, 128, 1),  // JPEG-LS Lossless Image Compression, Secondary Capture Image Storage
        decodes("pydicom-data/JLSL_RGB_ILV0.dcm", "1.2.840.10008.1.2.4.80", 256, 256, 1),  // JPEG-LS Lossless Image Compression, Secondary Capture Image Storage
        decodes("pydicom-data/JLSL_RGB_ILV1.dcm", "1.2.840.10008.1.2.4.80", 256, 256, 1),  // JPEG-LS Lossless Image Compression, Secondary Capture Image Storage
        decodes("pydicom-data/JLSL_RGB_ILV2.dcm", "1.2.840.10008.1.2.4.80", 256, 256, 1),  // JPEG-LS Lossless Image Compression, Secondary Capture Image Storage
        decodes("pydicom-data/JLSN_RGB_ILV0.dcm", "1.2.840.10008.1.2.4.81", 256, 256, 1),  // JPEG-LS Lossy (Near-Lossless) Image Compression, Secondary Capture Image Storage
        decodes("pydicom-data/JPEG-LL.dcm", "1.2.840.10008.1.2.4.70", 256, 1024, 1),  // JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1]), Secondary Capture Image Storage
        decodes("pydicom-data/JPEG2000_UNC.dcm", "1.2.840.10008.1.2.1", 256, 1024, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/JPGLosslessP14SV1_1s_1f_8b.dcm", "1.2.840.10008.1.2.4.70", 1024, 768, 1),  // JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1]), Ultrasound Image Storage
        decodes("pydicom-data/MR-SIEMENS-DICOM-WithOverlays.dcm", "1.2.840.10008.1.2.1", 484, 484, 1),  // Explicit VR Little Endian, MR Image Storage
        decodes("pydicom-data/MR2_J2KI.dcm", "1.2.840.10008.1.2.4.91", 1024, 1024, 1),  // JPEG 2000 Image Compression, MR Image Storage
        decodes("pydicom-data/MR2_J2KR.dcm", "1.2.840.10008.1.2.4.90", 1024, 1024, 1),  // JPEG 2000 Image Compression (Lossless Only), MR Image Storage
        decodes("pydicom-data/MR2_UNCI.dcm", "1.2.840.10008.1.2.1", 1024, 1024, 1),  // Explicit VR Little Endian, MR Image Storage
        decodes("pydicom-data/MR2_UNCR.dcm", "1.2.840.10008.1.2.1", 1024, 1024, 1),  // Explicit VR Little Endian, MR Image Storage
        decodes("pydicom-data/OBXXXX1A.dcm", "1.2.840.10008.1.2.1", 800, 600, 1),  // Explicit VR Little Endian, Ultrasound Image Storage
        decodes("pydicom-data/OBXXXX1A_2frame.dcm", "1.2.840.10008.1.2.1", 800, 600, 2),  // Explicit VR Little Endian, Ultrasound Image Storage
        decodes("pydicom-data/OBXXXX1A_expb.dcm", "1.2.840.10008.1.2.2", 800, 600, 1),  // Explicit VR Big Endian, Ultrasound Image Storage
        decodes("pydicom-data/OBXXXX1A_expb_2frame.dcm", "1.2.840.10008.1.2.2", 800, 600, 2),  // Explicit VR Big Endian, Ultrasound Image Storage
        decodes("pydicom-data/OBXXXX1A_rle.dcm", "1.2.840.10008.1.2.5", 800, 600, 1),  // RLE Lossless, Ultrasound Image Storage
        decodes("pydicom-data/OBXXXX1A_rle_2frame.dcm", "1.2.840.10008.1.2.5", 800, 600, 2),  // RLE Lossless, Ultrasound Multi-frame Image Storage
        decodes("pydicom-data/OT-PAL-8-face.dcm", "1.2.840.10008.1.2", 640, 480, 1),  // no file meta: implicit VR little endian, Secondary Capture Image Storage
        decodes("pydicom-data/RG1_J2KI.dcm", "1.2.840.10008.1.2.4.91", 1841, 1955, 1).warns("not a valid spacing"),  // JPEG 2000 Image Compression, Computed Radiography Image Storage — PixelSpacing 0\0
        decodes("pydicom-data/RG3_J2KI.dcm", "1.2.840.10008.1.2.4.91", 1760, 1760, 1),  // JPEG 2000 Image Compression, Computed Radiography Image Storage
        decodes("pydicom-data/RG3_J2KR.dcm", "1.2.840.10008.1.2.4.90", 1760, 1760, 1),  // JPEG 2000 Image Compression (Lossless Only), Computed Radiography Image Storage
        decodes("pydicom-data/SC_rgb.dcm", "1.2.840.10008.1.2.1", 100, 100, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_16bit.dcm", "1.2.840.10008.1.2.1", 100, 100, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_16bit_2frame.dcm", "1.2.840.10008.1.2.1", 100, 100, 2),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_2frame.dcm", "1.2.840.10008.1.2.1", 100, 100, 2),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_32bit.dcm", "1.2.840.10008.1.2.1", 100, 100, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_32bit_2frame.dcm", "1.2.840.10008.1.2.1", 100, 100, 2),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_dcmtk_ebcr_dcmd.dcm", "1.2.840.10008.1.2.1", 100, 100, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_dcmtk_ebcyn1_dcmd.dcm", "1.2.840.10008.1.2.1", 100, 100, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_dcmtk_ebcyn2_dcmd.dcm", "1.2.840.10008.1.2.1", 100, 100, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_dcmtk_ebcynp_dcmd.dcm", "1.2.840.10008.1.2.1", 100, 100, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_dcmtk_ebcys2_dcmd.dcm", "1.2.840.10008.1.2.1", 100, 100, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_dcmtk_ebcys4_dcmd.dcm", "1.2.840.10008.1.2.1", 100, 100, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_expb.dcm", "1.2.840.10008.1.2.2", 100, 100, 1),  // Explicit VR Big Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_expb_16bit.dcm", "1.2.840.10008.1.2.2", 100, 100, 1),  // Explicit VR Big Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_expb_16bit_2frame.dcm", "1.2.840.10008.1.2.2", 100, 100, 2),  // Explicit VR Big Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_expb_2frame.dcm", "1.2.840.10008.1.2.2", 100, 100, 2),  // Explicit VR Big Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_expb_32bit.dcm", "1.2.840.10008.1.2.2", 100, 100, 1),  // Explicit VR Big Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_expb_32bit_2frame.dcm", "1.2.840.10008.1.2.2", 100, 100, 2),  // Explicit VR Big Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_rgb_gdcm2k_uncompressed.dcm", "1.2.840.10008.1.2.1", 100, 100, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/SC_ybr_full_uncompressed.dcm", "1.2.840.10008.1.2.1", 100, 100, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/US1_J2KI.dcm", "1.2.840.10008.1.2.4.91", 640, 480, 1),  // JPEG 2000 Image Compression, Ultrasound Image Storage
        decodes("pydicom-data/US1_J2KR.dcm", "1.2.840.10008.1.2.4.90", 640, 480, 1),  // JPEG 2000 Image Compression (Lossless Only), Ultrasound Image Storage
        decodes("pydicom-data/US1_UNCI.dcm", "1.2.840.10008.1.2.1", 640, 480, 1),  // Explicit VR Little Endian, Ultrasound Image Storage
        decodes("pydicom-data/US1_UNCR.dcm", "1.2.840.10008.1.2.1", 640, 480, 1),  // Explicit VR Little Endian, Ultrasound Image Storage
        decodes("pydicom-data/bad_sequence.dcm", "1.2.840.10008.1.2.4.70", 512, 512, 1),  // JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1]), CT Image Storage
        decodes("pydicom-data/color-pl.dcm", "1.2.840.10008.1.2.1", 256, 120, 1),  // Explicit VR Little Endian, Ultrasound Image Storage
        decodes("pydicom-data/color-px.dcm", "1.2.840.10008.1.2.1", 256, 120, 1),  // Explicit VR Little Endian, Ultrasound Image Storage
        decodes("pydicom-data/eCT_Supplemental.dcm", "1.2.840.10008.1.2.1", 512, 512, 2),  // Explicit VR Little Endian, Enhanced CT Image Storage
        decodes("pydicom-data/emri_small.dcm", "1.2.840.10008.1.2.1", 64, 64, 10),  // Explicit VR Little Endian, Enhanced MR Image Storage
        decodes("pydicom-data/emri_small_RLE.dcm", "1.2.840.10008.1.2.5", 64, 64, 10),  // RLE Lossless, Enhanced MR Image Storage
        decodes("pydicom-data/emri_small_big_endian.dcm", "1.2.840.10008.1.2.2", 64, 64, 10),  // Explicit VR Big Endian, Enhanced MR Image Storage
        decodes("pydicom-data/emri_small_jpeg_2k_lossless.dcm", "1.2.840.10008.1.2.4.90", 64, 64, 10),  // JPEG 2000 Image Compression (Lossless Only), Enhanced MR Image Storage
        refused("pydicom-data/emri_small_jpeg_2k_lossless_too_short.dcm", "cut short"),  // ends inside the encapsulated pixel data
        decodes("pydicom-data/emri_small_jpeg_ls_lossless.dcm", "1.2.840.10008.1.2.4.80", 64, 64, 10),  // JPEG-LS Lossless Image Compression, Enhanced MR Image Storage
        decodes("pydicom-data/explicit_VR-UN.dcm", "1.2.840.10008.1.2.4.90", 512, 512, 1),  // JPEG 2000 Image Compression (Lossless Only), CT Image Storage
        decodes("pydicom-data/gdcm-US-ALOKA-16.dcm", "1.2.840.10008.1.2", 640, 480, 1),  // Implicit VR Little Endian, Ultrasound Image Storage
        decodes("pydicom-data/gdcm-US-ALOKA-16_big.dcm", "1.2.840.10008.1.2.2", 640, 480, 1),  // Explicit VR Big Endian, Ultrasound Image Storage
        notAnImage("pydicom-data/liver.dcm", "SEG"),
        notAnImage("pydicom-data/liver_deflate.dcm", "SEG"),
        notAnImage("pydicom-data/liver_expb.dcm", "SEG"),
        notAnImage("pydicom-data/liver_j2k.dcm", "SEG"),
        notAnImage("pydicom-data/liver_nonbyte_aligned.dcm", "SEG"),
        notAnImage("pydicom-data/liver_nonbyte_aligned_deflate.dcm", "SEG"),
        notAnImage("pydicom-data/liver_nonbyte_aligned_j2k.dcm", "SEG"),
        notAnImage("pydicom-data/liver_nonbyte_aligned_rle.dcm", "SEG"),
        notAnImage("pydicom-data/liver_rle.dcm", "SEG"),
        decodes("pydicom-data/mlut_18.dcm", "1.2.840.10008.1.2.1", 512, 512, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("pydicom-data/parametric_map_double_float.dcm", "1.2.840.10008.1.2.1", 128, 128, 1),  // Explicit VR Little Endian, Parametric Map Storage
        decodes("pydicom-data/parametric_map_float.dcm", "1.2.840.10008.1.2.1", 128, 128, 1),  // Explicit VR Little Endian, Parametric Map Storage
        decodes("pydicom-data/vlut_04.dcm", "1.2.840.10008.1.2.1", 512, 512, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("debian-pydicom:693_J2KI.dcm", "1.2.840.10008.1.2.4.91", 512, 512, 1),  // JPEG 2000 Image Compression, CT Image Storage
        decodes("debian-pydicom:CT_small.dcm", "1.2.840.10008.1.2.1", 128, 128, 1),  // Explicit VR Little Endian, CT Image Storage
        decodes("debian-pydicom:ExplVR_BigEnd.dcm", "1.2.840.10008.1.2.2", 80, 60, 1),  // Explicit VR Big Endian, Ultrasound Image Storage
        notAnImage("debian-pydicom:ExplVR_BigEndNoMeta.dcm", "RTPLAN"),
        notAnImage("debian-pydicom:ExplVR_LitEndNoMeta.dcm", "RTPLAN"),
        decodes("debian-pydicom:GDCMJ2K_TextGBR.dcm", "1.2.840.10008.1.2.4.90", 400, 400, 1),  // JPEG 2000 Image Compression (Lossless Only), Secondary Capture Image Storage
        decodes("debian-pydicom:J2K_pixelrep_mismatch.dcm", "1.2.840.10008.1.2.4.90", 512, 512, 1),  // JPEG 2000 Image Compression (Lossless Only), CT Image Storage
        decodes("debian-pydicom:JPEG-lossy.dcm", "1.2.840.10008.1.2.4.51", 256, 1024, 1),  // JPEG Extended (Process 2 and 4), Secondary Capture Image Storage
        refused("debian-pydicom:JPEG2000-embedded-sequence-delimiter.dcm", "corrupt"),  // 4 bytes of the J2K stream overwritten on purpose (pydicom README)
        decodes("debian-pydicom:JPEG2000.dcm", "1.2.840.10008.1.2.4.91", 256, 1024, 1),  // JPEG 2000 Image Compression, Secondary Capture Image Storage
        decodes("debian-pydicom:JPGExtended.dcm", "1.2.840.10008.1.2.4.51", 256, 1024, 1),  // JPEG Extended (Process 2 and 4), Secondary Capture Image Storage
        decodes("debian-pydicom:MR_small.dcm", "1.2.840.10008.1.2.1", 64, 64, 1),  // Explicit VR Little Endian, MR Image Storage
        decodes("debian-pydicom:MR_small_RLE.dcm", "1.2.840.10008.1.2.5", 64, 64, 1),  // RLE Lossless, MR Image Storage
        decodes("debian-pydicom:MR_small_bigendian.dcm", "1.2.840.10008.1.2.2", 64, 64, 1),  // Explicit VR Big Endian, MR Image Storage
        decodes("debian-pydicom:MR_small_expb.dcm", "1.2.840.10008.1.2.2", 64, 64, 1),  // Explicit VR Big Endian, MR Image Storage
        decodes("debian-pydicom:MR_small_implicit.dcm", "1.2.840.10008.1.2", 64, 64, 1),  // Implicit VR Little Endian, MR Image Storage
        decodes("debian-pydicom:MR_small_jp2klossless.dcm", "1.2.840.10008.1.2.4.90", 64, 64, 1),  // JPEG 2000 Image Compression (Lossless Only), MR Image Storage
        decodes("debian-pydicom:MR_small_jpeg_ls_lossless.dcm", "1.2.840.10008.1.2.4.80", 64, 64, 1),  // JPEG-LS Lossless Image Compression, MR Image Storage
        decodes("debian-pydicom:MR_small_padded.dcm", "1.2.840.10008.1.2.1", 64, 64, 1).warns("longer than declared"),  // Explicit VR Little Endian, MR Image Storage — pixel data padded past its declared size
        refused("debian-pydicom:MR_truncated.dcm", "cut short"),  // pixel data cut off
        decodes("debian-pydicom:SC_jpeg_no_color_transform.dcm", "1.2.840.10008.1.2.4.50", 256, 256, 1),  // JPEG Baseline (Process 1), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_jpeg_no_color_transform_2.dcm", "1.2.840.10008.1.2.4.50", 256, 256, 1),  // JPEG Baseline (Process 1), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_dcmtk_+eb+cr.dcm", "1.2.840.10008.1.2.4.50", 100, 100, 1),  // JPEG Baseline (Process 1), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_dcmtk_+eb+cy+n1.dcm", "1.2.840.10008.1.2.4.50", 100, 100, 1),  // JPEG Baseline (Process 1), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_dcmtk_+eb+cy+n2.dcm", "1.2.840.10008.1.2.4.50", 100, 100, 1),  // JPEG Baseline (Process 1), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_dcmtk_+eb+cy+np.dcm", "1.2.840.10008.1.2.4.50", 100, 100, 1),  // JPEG Baseline (Process 1), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_dcmtk_+eb+cy+s2.dcm", "1.2.840.10008.1.2.4.50", 100, 100, 1),  // JPEG Baseline (Process 1), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_dcmtk_+eb+cy+s4.dcm", "1.2.840.10008.1.2.4.50", 100, 100, 1),  // JPEG Baseline (Process 1), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_gdcm_KY.dcm", "1.2.840.10008.1.2.4.91", 100, 100, 1),  // JPEG 2000 Image Compression, Secondary Capture Image Storage
        refused("debian-pydicom:SC_rgb_jpeg.dcm", "misencoded").never("cut short"),  // implicit VR data set under an explicit-VR JPEG syntax: non-conformant, not cut short
        decodes("debian-pydicom:SC_rgb_jpeg_app14_dcmd.dcm", "1.2.840.10008.1.2.4.50", 256, 256, 1),  // JPEG Baseline (Process 1), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_jpeg_dcmd.dcm", "1.2.840.10008.1.2", 256, 256, 1),  // Implicit VR Little Endian, Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_jpeg_dcmtk.dcm", "1.2.840.10008.1.2.4.50", 100, 100, 1),  // JPEG Baseline (Process 1), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_jpeg_gdcm.dcm", "1.2.840.10008.1.2.4.70", 100, 100, 1),  // JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1]), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_jpeg_lossy_gdcm.dcm", "1.2.840.10008.1.2.4.50", 100, 100, 1),  // JPEG Baseline (Process 1), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_rle.dcm", "1.2.840.10008.1.2.5", 100, 100, 1),  // RLE Lossless, Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_rle_16bit.dcm", "1.2.840.10008.1.2.5", 100, 100, 1),  // RLE Lossless, Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_rle_16bit_2frame.dcm", "1.2.840.10008.1.2.5", 100, 100, 2),  // RLE Lossless, Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_rle_2frame.dcm", "1.2.840.10008.1.2.5", 100, 100, 2),  // RLE Lossless, Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_rle_32bit.dcm", "1.2.840.10008.1.2.5", 100, 100, 1),  // RLE Lossless, Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_rle_32bit_2frame.dcm", "1.2.840.10008.1.2.5", 100, 100, 2),  // RLE Lossless, Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_small_odd.dcm", "1.2.840.10008.1.2.1", 3, 3, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        decodes("debian-pydicom:SC_rgb_small_odd_jpeg.dcm", "1.2.840.10008.1.2.4.50", 3, 3, 1),  // JPEG Baseline (Process 1), Secondary Capture Image Storage
        decodes("debian-pydicom:SC_ybr_full_422_uncompressed.dcm", "1.2.840.10008.1.2.1", 100, 100, 1),  // Explicit VR Little Endian, Secondary Capture Image Storage
        refused("debian-pydicom:UN_sequence.dcm", "no pixel data"),  // meta says CT image; the data set is one private UN sequence
        decodes("debian-pydicom:badVR.dcm", "1.2.840.10008.1.2.1", 10, 10, 1).warns("longer than declared"),  // Explicit VR Little Endian, RT Dose Storage — NumberOfFrames "1A" (invalid IS): one frame read, the rest reported
        notAnImage("debian-pydicom:empty_charset_LEI.dcm", "no pixel data"),  // no SOP class, no image attributes
        decodes("debian-pydicom:image_dfl.dcm", "1.2.840.10008.1.2.1.99", 512, 512, 1),  // Deflated Explicit VR Little Endian, Secondary Capture Image Storage
        notAnImage("debian-pydicom:liver_1frame.dcm", "SEG"),
        notAnImage("debian-pydicom:liver_expb_1frame.dcm", "SEG"),
        refused("debian-pydicom:meta_missing_tsyntax.dcm", "0 rows and 0 columns"),  // a 2-byte Pixel Data without Rows/Columns
        refused("debian-pydicom:nested_priv_SQ.dcm", "0 rows and 0 columns"),  // a 2-byte Pixel Data without Rows/Columns
        refused("debian-pydicom:no_meta.dcm", "misencoded").never("cut short"),  // CT_small without file meta, starting one byte early: unreadable, but not cut short
        refused("debian-pydicom:no_meta_group_length.dcm", "no pixel data"),  // meta says RT image; no pixel data kept
        refused("debian-pydicom:priv_SQ.dcm", "no pixel data"),  // meta says MR image; only a private sequence kept
        notAnImage("debian-pydicom:reportsi.dcm", "SR"),
        notAnImage("debian-pydicom:reportsi_with_empty_number_tags.dcm", "SR"),
        decodes("debian-pydicom:rtdose.dcm", "1.2.840.10008.1.2", 10, 10, 15),  // Implicit VR Little Endian, RT Dose Storage
        decodes("debian-pydicom:rtdose_1frame.dcm", "1.2.840.10008.1.2", 10, 10, 1),  // Implicit VR Little Endian, RT Dose Storage
        decodes("debian-pydicom:rtdose_expb.dcm", "1.2.840.10008.1.2.2", 10, 10, 15),  // Explicit VR Big Endian, RT Dose Storage
        decodes("debian-pydicom:rtdose_expb_1frame.dcm", "1.2.840.10008.1.2.2", 10, 10, 1),  // Explicit VR Big Endian, RT Dose Storage
        decodes("debian-pydicom:rtdose_rle.dcm", "1.2.840.10008.1.2.5", 10, 10, 15),  // RLE Lossless, RT Dose Storage
        decodes("debian-pydicom:rtdose_rle_1frame.dcm", "1.2.840.10008.1.2.5", 10, 10, 1),  // RLE Lossless, RT Dose Storage
        notAnImage("debian-pydicom:rtplan.dcm", "RTPLAN"),
        refused("debian-pydicom:rtplan_truncated.dcm", "cut short"),  // an RT plan cut off
        notAnImage("debian-pydicom:rtstruct.dcm", "RTSTRUCT"),
        notAnImage("debian-pydicom:test-SR.dcm", "SR"),
        notAnImage("debian-pydicom:waveform_ecg.dcm", "ECG"),
    };
    return table;
}

} // namespace

class TestDicomCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesLikeItsTwin_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("twin");
        QTest::addColumn<double>("tolerance"); // largest allowed |difference|; 0 for lossless
        // The same Siemens mosaic in nine encodings (dcm_qa_ts): identical voxels.
        for (int i = 2; i <= 9; ++i)
            QTest::newRow(qPrintable(QStringLiteral("dcm_qa_ts %1").arg(i)))
                << QStringLiteral("dcm_qa_ts/In/%1.dcm").arg(i) << QStringLiteral("dcm_qa_ts/In/1.dcm") << 0.0;
        const QList<std::tuple<const char*, const char*, double>> pairs = {
            {"pydicom-data/emri_small_RLE.dcm", "pydicom-data/emri_small.dcm", 0.0},
            {"pydicom-data/emri_small_big_endian.dcm", "pydicom-data/emri_small.dcm", 0.0},
            {"pydicom-data/emri_small_jpeg_2k_lossless.dcm", "pydicom-data/emri_small.dcm", 0.0},
            {"pydicom-data/emri_small_jpeg_ls_lossless.dcm", "pydicom-data/emri_small.dcm", 0.0},
            {"pydicom-data/MR2_J2KR.dcm", "pydicom-data/MR2_UNCR.dcm", 0.0},
            // Colour: the twin's luminance comes from dcmimage, this one's from GDCM's RGB: rounding may differ by 1.
            {"pydicom-data/US1_J2KR.dcm", "pydicom-data/US1_UNCR.dcm", 1.0},
            {"pydicom-data/693_J2KR.dcm", "pydicom-data/693_UNCR.dcm", 0.0},
            {"pydicom-data/OBXXXX1A_expb.dcm", "pydicom-data/OBXXXX1A.dcm", 0.0},
            {"pydicom-data/OBXXXX1A_rle.dcm", "pydicom-data/OBXXXX1A.dcm", 0.0},
            {"pydicom-data/OBXXXX1A_expb_2frame.dcm", "pydicom-data/OBXXXX1A_2frame.dcm", 0.0},
            {"pydicom-data/OBXXXX1A_rle_2frame.dcm", "pydicom-data/OBXXXX1A_2frame.dcm", 0.0},
            {"pydicom-data/SC_rgb_expb.dcm", "pydicom-data/SC_rgb.dcm", 0.0},
            {"pydicom-data/SC_rgb_expb_2frame.dcm", "pydicom-data/SC_rgb_2frame.dcm", 0.0},
            {"pydicom-data/SC_rgb_expb_16bit.dcm", "pydicom-data/SC_rgb_16bit.dcm", 0.0},
            {"pydicom-data/SC_rgb_expb_32bit.dcm", "pydicom-data/SC_rgb_32bit.dcm", 0.0},
            {"pydicom-data/SC_rgb_expb_32bit_2frame.dcm", "pydicom-data/SC_rgb_32bit_2frame.dcm", 0.0},
            {"pydicom-data/gdcm-US-ALOKA-16_big.dcm", "pydicom-data/gdcm-US-ALOKA-16.dcm", 0.0},
            {"pydicom-data/JLSL_RGB_ILV1.dcm", "pydicom-data/JLSL_RGB_ILV0.dcm", 0.0},
            {"pydicom-data/JLSL_RGB_ILV2.dcm", "pydicom-data/JLSL_RGB_ILV0.dcm", 0.0},
            {"debian-pydicom:SC_rgb_rle.dcm", "pydicom-data/SC_rgb.dcm", 0.0},
            {"debian-pydicom:SC_rgb_rle_16bit.dcm", "pydicom-data/SC_rgb_16bit.dcm", 0.0},
            {"debian-pydicom:SC_rgb_rle_32bit.dcm", "pydicom-data/SC_rgb_32bit.dcm", 0.0},
            {"debian-pydicom:MR_small_RLE.dcm", "debian-pydicom:MR_small.dcm", 0.0},
            {"debian-pydicom:MR_small_bigendian.dcm", "debian-pydicom:MR_small.dcm", 0.0},
            {"debian-pydicom:MR_small_expb.dcm", "debian-pydicom:MR_small.dcm", 0.0},
            {"debian-pydicom:MR_small_implicit.dcm", "debian-pydicom:MR_small.dcm", 0.0},
            {"debian-pydicom:MR_small_jp2klossless.dcm", "debian-pydicom:MR_small.dcm", 0.0},
            {"debian-pydicom:MR_small_jpeg_ls_lossless.dcm", "debian-pydicom:MR_small.dcm", 0.0},
            // Lossy files against their reference decodes (*_UNCI): decoders may round differently by a unit.
            {"pydicom-data/MR2_J2KI.dcm", "pydicom-data/MR2_UNCI.dcm", 1.0},
            {"pydicom-data/US1_J2KI.dcm", "pydicom-data/US1_UNCI.dcm", 1.0},
            {"debian-pydicom:693_J2KI.dcm", "pydicom-data/693_UNCI.dcm", 1.0},
        };
        for (const auto& [file, twin, tolerance] : pairs)
            QTest::newRow(file) << QString::fromLatin1(file) << QString::fromLatin1(twin) << tolerance;
    }

    void decodesLikeItsTwin()
    {
        QFETCH(QString, file);
        QFETCH(QString, twin);
        QFETCH(double, tolerance);
        for (const QString& name : {file, twin}) {
            if (name.startsWith(QLatin1String("debian-pydicom:")))
                DELINEATE_REQUIRE_PACKAGED(resolve(name));
            else
                DELINEATE_REQUIRE_DATA(name);
        }
        auto a = loadFirst(resolve(file));
        QVERIFY2(a.ok(), qPrintable(a.error().message));
        auto b = loadFirst(resolve(twin));
        QVERIFY2(b.ok(), qPrintable(b.error().message));
        QCOMPARE(a->geometry().size(), b->geometry().size());
        double largest = 0.0;
        for (std::size_t i = 0; i < a->voxelCount(); ++i)
            largest = std::max(largest, std::abs(a->valueAt(i) - b->valueAt(i)));
        QVERIFY2(largest <= tolerance,
                 qPrintable(QStringLiteral("largest voxel difference %1 > %2").arg(largest).arg(tolerance)));
        // A twin comparison of two blank images would prove nothing.
        QVERIFY(a->valueRange().maximum > a->valueRange().minimum);
    }

    void thirtyTwoBitColourIsTheEightBitPictureScaled()
    {
        // pydicom's SC_rgb* files hold one picture at 8, 16 and 32 bits per sample, each sample the 8-bit one times
        // (2^bits - 1) / 255: the 32-bit luminance, scaled back, must be the 8-bit file's (which dcmimage decodes,
        // to a whole number: within one unit). dcmimage does not decode 32-bit colour samples; Delineate does, from
        // DCMTK's samples.
        const QList<std::pair<const char*, const char*>> pairs = {{"pydicom-data/SC_rgb_32bit.dcm", "pydicom-data/SC_rgb.dcm"},
                                                                  {"pydicom-data/SC_rgb_32bit_2frame.dcm", "pydicom-data/SC_rgb_2frame.dcm"}};
        for (const auto& [wide, narrow] : pairs) {
            DELINEATE_REQUIRE_DATA(QLatin1String(wide));
            DELINEATE_REQUIRE_DATA(QLatin1String(narrow));
            auto a = loadFirst(resolve(QLatin1String(wide)));
            QVERIFY2(a.ok(), qPrintable(a.error().message));
            auto b = loadFirst(resolve(QLatin1String(narrow)));
            QVERIFY2(b.ok(), qPrintable(b.error().message));
            QCOMPARE(a->geometry().size(), b->geometry().size());
            const double scale = 4294967295.0 / 255.0;
            double largest = 0.0;
            for (std::size_t i = 0; i < a->voxelCount(); ++i)
                largest = std::max(largest, std::abs(a->valueAt(i) / scale - b->valueAt(i)));
            QVERIFY2(largest < 1.0, qPrintable(QStringLiteral("%1: largest difference %2 (8-bit units)").arg(QLatin1String(wide)).arg(largest)));
            QVERIFY(b->valueRange().maximum > b->valueRange().minimum);
        }
    }

    void segmentedLookupTablesExpandAsTheStandardSays()
    {
        // PS3.3 C.7.9.2: a discrete segment lists its values; a linear one continues from the last value to its Y1
        // in Segment Length steps (ending on Y1); an indirect one copies earlier segments found by byte offset.
        const std::vector<uint16_t> words = {0, 3, 10, 20, 30, // discrete: 10 20 30
                                             1, 4, 70,         // linear from 30: 40 50 60 70
                                             2, 2, 0, 0};      // the two segments at byte 0 again: 10 20 30, then 40..70
        const std::vector<uint16_t> expected = {10, 20, 30, 40, 50, 60, 70, 10, 20, 30, 40, 50, 60, 70};
        auto expanded = expandSegmentedLut(words.data(), words.size(), expected.size());
        QVERIFY2(expanded.ok(), qPrintable(expanded.error().message));
        QCOMPARE(*expanded, expected);
        // A linear segment copied later starts from the value before the copy; the offset may point past word 0.
        const std::vector<uint16_t> rising = {0, 1, 0, 1, 2, 100, 0, 1, 200, 2, 1, 6, 0};
        auto copied = expandSegmentedLut(rising.data(), rising.size(), 6);
        QVERIFY2(copied.ok(), qPrintable(copied.error().message));
        QCOMPARE(*copied, (std::vector<uint16_t>{0, 50, 100, 200, 150, 100}));
        // A trailing pad word (odd byte length rounded up) ends the data.
        std::vector<uint16_t> padded = words;
        padded.push_back(0);
        QVERIFY(expandSegmentedLut(padded.data(), padded.size(), expected.size()).ok());
        // 8-bit entries: the segments are bytes, the indirect offset four of them.
        const std::vector<uint16_t> bytes = {0, 2, 5, 9, 1, 2, 13, 2, 1, 0, 0, 0, 0};
        auto small = expandSegmentedLut(bytes.data(), bytes.size(), 6, 1);
        QVERIFY2(small.ok(), qPrintable(small.error().message));
        QCOMPARE(*small, (std::vector<uint16_t>{5, 9, 11, 13, 5, 9}));
        // What is refused, each with the reason.
        const QList<std::tuple<std::vector<uint16_t>, std::size_t, const char*>> bad = {
            {{1, 2, 7}, 2, "no value before it"},
            {{0, 2, 1, 2, 3, 1}, 2, "unknown type"},
            {{0, 5, 1, 2}, 5, "runs past"},
            {{0, 2, 1, 2, 1}, 2, ""}, // a lone word after the last segment is padding
            {{0, 2, 1, 2, 2, 1, 8, 0}, 4, "not at an earlier segment"},
            {{0, 2, 1, 2, 2, 1, 0, 0, 2, 1, 8, 0}, 6, "another indirect"},
            {{0, 3, 1, 2, 3}, 2, "more than the 2 entries"},
            {{0, 3, 1, 2, 3}, 4, "3 entries, the descriptor 4"},
        };
        for (const auto& [data, entries, phrase] : bad) {
            auto result = expandSegmentedLut(data.data(), data.size(), entries);
            if (QByteArray(phrase).isEmpty()) {
                QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
                continue;
            }
            QVERIFY2(!result.ok(), phrase);
            QVERIFY2(result.error().message.contains(QLatin1String(phrase)), qPrintable(result.error().message));
        }
    }

    void plainPalettesAreReadAsDescribed()
    {
        // Plain tables (the palettes of frames GDCM's codec decodes): the descriptor's entries, first mapped value
        // (signed with signed pixels) and bits; 8-bit entries one per word, packed two to a word, or in the high byte.
        const auto palette = [](Uint16 entries, Uint16 first, Uint16 bits, const std::vector<Uint16>& red,
                                const std::vector<Uint16>& green, const std::vector<Uint16>& blue) {
            auto item = std::make_unique<DcmItem>();
            const DcmTagKey descriptors[] = {DCM_RedPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableDescriptor,
                                             DCM_BluePaletteColorLookupTableDescriptor};
            const DcmTagKey data[] = {DCM_RedPaletteColorLookupTableData, DCM_GreenPaletteColorLookupTableData,
                                      DCM_BluePaletteColorLookupTableData};
            const std::vector<Uint16>* tables[] = {&red, &green, &blue};
            for (int c = 0; c < 3; ++c) {
                const Uint16 descriptor[3] = {entries, first, bits};
                item->putAndInsertUint16Array(descriptors[c], descriptor, 3);
                if (!tables[c]->empty())
                    item->putAndInsertUint16Array(data[c], tables[c]->data(), static_cast<unsigned long>(tables[c]->size()));
            }
            return item;
        };
        auto sixteen = palette(4, 10, 16, {0, 1000, 2000, 65535}, {0, 0, 0, 65535}, {65535, 0, 0, 65535});
        auto lut = readPaletteLut(*sixteen, false, false);
        QVERIFY2(lut.ok(), qPrintable(lut.error().message));
        QCOMPARE(lut->firstMapped, 10);
        QCOMPARE(lut->channels[0], (std::vector<uint16_t>{0, 1000, 2000, 65535}));
        const std::vector<float> luminance = lut->luminance();
        QCOMPARE(luminance.size(), std::size_t(4));
        QVERIFY(std::abs(luminance[0] - 0.114f * 65535) < 0.5f && std::abs(luminance[3] - 65535.0f) < 0.5f);
        QVERIFY(std::abs(luminance[1] - 0.299f * 1000) < 0.01f);
        auto negative = palette(4, 0xfffe, 16, {1, 2, 3, 4}, {1, 2, 3, 4}, {1, 2, 3, 4});
        QCOMPARE(readPaletteLut(*negative, true, false)->firstMapped, -2);
        QCOMPARE(readPaletteLut(*negative, false, false)->firstMapped, 65534);
        auto packed = palette(4, 0, 8, {0x2010, 0x4030}, {0x2010, 0x4030}, {0x2010, 0x4030});
        QCOMPARE(readPaletteLut(*packed, false, false)->channels[1], (std::vector<uint16_t>{0x10, 0x20, 0x30, 0x40}));
        auto high = palette(2, 0, 8, {0x1000, 0xff00}, {0x1000, 0xff00}, {0x1000, 0xff00});
        QCOMPARE(readPaletteLut(*high, false, false)->channels[2], (std::vector<uint16_t>{0x10, 0xff}));
        // Refused, with the reason.
        const std::vector<std::pair<std::unique_ptr<DcmItem>, const char*>> bad = [&] {
            std::vector<std::pair<std::unique_ptr<DcmItem>, const char*>> list;
            list.emplace_back(palette(4, 0, 12, {1, 2, 3, 4}, {1, 2, 3, 4}, {1, 2, 3, 4}), "12 bits per entry");
            list.emplace_back(palette(4, 0, 16, {1, 2, 3}, {1, 2, 3, 4}, {1, 2, 3, 4}), "3 words for 4 entries");
            list.emplace_back(palette(4, 0, 16, {1, 2, 3, 4}, {}, {1, 2, 3, 4}), "green palette has no data");
            auto unlike = palette(4, 0, 16, {1, 2, 3, 4}, {1, 2, 3, 4}, {1, 2, 3, 4});
            const Uint16 other[3] = {4, 1, 16};
            unlike->putAndInsertUint16Array(DCM_BluePaletteColorLookupTableDescriptor, other, 3);
            list.emplace_back(std::move(unlike), "blue palette is described unlike the red one");
            auto missing = palette(4, 0, 16, {1, 2, 3, 4}, {1, 2, 3, 4}, {1, 2, 3, 4});
            delete missing->remove(DCM_RedPaletteColorLookupTableDescriptor);
            list.emplace_back(std::move(missing), "red palette descriptor is missing");
            return list;
        }();
        for (const auto& [item, phrase] : bad) {
            auto result = readPaletteLut(*item, false, false);
            QVERIFY2(!result.ok(), phrase);
            QVERIFY2(result.error().message.contains(QLatin1String(phrase)), qPrintable(result.error().message));
        }
    }

    void segmentedPaletteOfARealFile()
    {
        // gdcm-US-ALOKA-16 (an ultrasound image, little and big endian): 65,536 entries per colour from segments.
        // Its red table begins (dcmdump) 0000 0002 0000 7070 0001 0005 c0c0 0000 0012 c8c8: two discrete values,
        // a linear ramp of five to 0xc0c0, then discrete values from 0xc8c8. GDCM's own expansion
        // (gdcmconv --decompress-lut) is no oracle here: its linear segments start on the previous value and stop
        // a step short of Y1 (0000 7070 7070 8080 ... b0b0 c8c8), against PS3.3 C.7.9.2.2 and pydicom.
        std::array<std::vector<uint16_t>, 3> little;
        for (const char* name : {"pydicom-data/gdcm-US-ALOKA-16.dcm", "pydicom-data/gdcm-US-ALOKA-16_big.dcm"}) {
            DELINEATE_REQUIRE_DATA(QLatin1String(name));
            DcmFileFormat file;
            QVERIFY(loadDicomFile(file, resolve(QLatin1String(name))).good());
            const bool bigEndian = DcmXfer(file.getDataset()->getOriginalXfer()).isBigEndian();
            auto lut = readPaletteLut(*file.getDataset(), false, bigEndian);
            QVERIFY2(lut.ok(), qPrintable(lut.error().message));
            QCOMPARE(lut->bitsPerEntry, 16);
            QCOMPARE(lut->firstMapped, 0);
            for (const auto& channel : lut->channels)
                QCOMPARE(channel.size(), std::size_t(65536));
            const std::vector<uint16_t> redStart(lut->channels[0].begin(), lut->channels[0].begin() + 8);
            QCOMPARE(redStart, (std::vector<uint16_t>{0x0000, 0x7070, 0x8080, 0x9090, 0xa0a0, 0xb0b0, 0xc0c0, 0xc8c8}));
            if (!bigEndian)
                little = lut->channels;
            else
                QVERIFY(lut->channels == little);
        }
    }

    void jpegLsDecodesLikeGdcmAlone()
    {
        // An independent decode: GDCM's gdcmconv in its own process (Debian's CharLS 2, no DCMTK) writes the
        // pixels uncompressed. JLSL_08_07 (7-bit samples) goes through Delineate's CharLS 2 path, since DCMTK's
        // bundled codec refuses it; JLSL_16_15 through DCMTK's.
        DELINEATE_REQUIRE_PACKAGED(QStringLiteral("/usr/bin/gdcmconv"));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const char* name : {"pydicom-data/JLSL_08_07_0_1F.dcm", "pydicom-data/JLSL_16_15_1_1F.dcm"}) {
            DELINEATE_REQUIRE_DATA(QLatin1String(name));
            const QString raw = dir.filePath(QStringLiteral("raw.dcm"));
            QFile::remove(raw);
            QCOMPARE(QProcess::execute(QStringLiteral("/usr/bin/gdcmconv"), {QStringLiteral("--raw"), resolve(QLatin1String(name)), raw}), 0);
            auto ours = loadFirst(resolve(QLatin1String(name)));
            QVERIFY2(ours.ok(), qPrintable(ours.error().message));
            auto theirs = loadFirst(raw);
            QVERIFY2(theirs.ok(), qPrintable(theirs.error().message));
            QCOMPARE(ours->geometry().size(), theirs->geometry().size());
            std::size_t different = 0;
            for (std::size_t i = 0; i < ours->voxelCount(); ++i)
                different += ours->valueAt(i) != theirs->valueAt(i);
            QCOMPARE(different, std::size_t(0));
            QVERIFY(ours->valueRange().maximum > ours->valueRange().minimum);
        }
    }

    void everyFileHasAnExpectation()
    {
        // A file added to either folder needs its row: the table, not the code's behaviour, says what is right.
        QStringList listed;
        for (const Expectation& e : expectations())
            listed << resolve(QString::fromLatin1(e.file));
        QStringList missing;
        for (const QString& folder : {delineate::testing::dataPath(QStringLiteral("pydicom-data")), kPydicomFiles}) {
            QDirIterator it(folder, {QStringLiteral("*.dcm")}, QDir::Files);
            while (it.hasNext()) {
                const QString path = it.next();
                if (!listed.contains(path))
                    missing << path;
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no expected outcome for: ") + missing.join(QStringLiteral(", "))));
    }

    void everyFileDecodesOrSaysWhy_data()
    {
        QTest::addColumn<int>("row");
        for (int n = 0; n < expectations().size(); ++n)
            QTest::newRow(expectations()[n].file) << n;
    }

    void everyFileDecodesOrSaysWhy()
    {
        QFETCH(int, row);
        const Expectation& expected = expectations()[row];
        const QString name = QString::fromLatin1(expected.file);
        if (name.startsWith(QLatin1String("debian-pydicom:")))
            DELINEATE_REQUIRE_PACKAGED(resolve(name));
        else
            DELINEATE_REQUIRE_DATA(name);
        const QString path = resolve(name);

        // What happened: refused (by the scan or the load, with the message), listed as another kind of object,
        // or decoded (size, syntax, warnings).
        SimpleJobControl control;
        auto scan = scanDicom(path, control);
        QVERIFY2(scan.ok(), qPrintable(scan.error().message));
        Outcome outcome = Outcome::Decodes;
        QString message, syntax;
        QStringList kinds, warnings;
        std::array<int64_t, 3> size{0, 0, 0};
        for (const UnreadableFile& f : scan->unreadable) {
            QCOMPARE(f.path, path);
            outcome = Outcome::Refused;
            message = f.reason;
        }
        for (const NonImageObject& object : scan->allNonImageObjects())
            kinds << object.kind;
        const QVector<SeriesInfo> series = scan->allSeries();
        QVERIFY2(series.size() <= 1, qPrintable(QStringLiteral("%1 series from one file").arg(series.size())));
        if (outcome != Outcome::Refused && series.isEmpty())
            outcome = kinds.isEmpty() ? Outcome::Refused : Outcome::NotAnImage;
        for (const SeriesInfo& s : series) {
            auto loaded = loadSeries(s, control);
            if (!loaded.ok()) {
                outcome = Outcome::Refused;
                message = loaded.error().message;
                continue;
            }
            QVERIFY(!loaded->volume.isEmpty());
            size = loaded->volume.geometry().size();
            syntax = s.transferSyntax;
            warnings = loaded->warnings;
        }
        static const char* const outcomeNames[] = {"decodes", "not an image", "refused"};
        const QString actual = QStringLiteral("%1: %2 | kinds: %3 | size %4 x %5 x %6, syntax %7 | warnings: %8")
                                   .arg(QLatin1String(outcomeNames[int(outcome)]), message, kinds.join(QStringLiteral(", ")))
                                   .arg(size[0]).arg(size[1]).arg(size[2])
                                   .arg(syntax, warnings.join(QStringLiteral(" / ")));

        // Whatever the outcome, a message names the file.
        if (outcome == Outcome::Refused)
            QVERIFY2(message.contains(path), qPrintable(actual));

        bool asExpected = outcome == expected.outcome;
        switch (expected.outcome) {
        case Outcome::Decodes:
            asExpected = asExpected && size == std::array<int64_t, 3>{expected.columns, expected.rows, expected.frames} &&
                         syntax == QLatin1String(expected.transferSyntax);
            if (expected.phrase)
                asExpected = asExpected && warnings.join(QLatin1Char('\n')).contains(QLatin1String(expected.phrase));
            break;
        case Outcome::NotAnImage:
            asExpected = asExpected && kinds == QStringList{QString::fromLatin1(expected.phrase)};
            break;
        case Outcome::Refused:
            asExpected = asExpected && message.contains(QLatin1String(expected.phrase));
            break;
        }
        if (expected.forbidden)
            asExpected = asExpected && !message.contains(QLatin1String(expected.forbidden));
        if (expected.knownBug)
            QEXPECT_FAIL("", expected.knownBug, Abort);
        QVERIFY2(asExpected, qPrintable(QStringLiteral("expected %1 %2; got %3")
                                            .arg(QLatin1String(outcomeNames[int(expected.outcome)]),
                                                 expected.phrase ? QLatin1String(expected.phrase) : QLatin1String(""), actual)));
    }
};

QTEST_GUILESS_MAIN(TestDicomCodecs)
#include "tst_DicomCodecs.moc"
