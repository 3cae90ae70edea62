// Frame decoding: monochrome through DcmPixelData::getUncompressedFrame, colour through dcmimage's luminance (the
// variants it lacks, 32-bit samples and segmented palettes, from DCMTK's samples here), JPEG 2000 through GDCM's
// codec. Every failure becomes an Error naming the file and the transfer syntax.
#include "dicom/PixelDecoder.h"
#include "dicom/DcmtkFile.h"

#include "dicom/DeclaredImageSize.h"
#include "dicom/JpegLsDecoder.h"
#include "dicom/PaletteColour.h"
#include "dicom/SopClasses.h"
#include "image/Volume.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdlib>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/oflog/oflog.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcvr.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmimage/diregist.h>
#include <dcmtk/dcmimgle/dcmimage.h>
#include <dcmtk/dcmimgle/dipixel.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>

#include <gdcmImage.h>
#include <gdcmSequenceOfFragments.h>
#include <gdcmTransferSyntax.h>
#include <gdcmTrace.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <optional>
#include <utility>

namespace delineate {

namespace {

// Translation context "PixelDecoder" (lupdate reads it from the macro).
class PixelDecoderText
{
    Q_DECLARE_TR_FUNCTIONS(PixelDecoder)
};

bool isJpeg2000(const QString& uid)
{
    return uid.startsWith(QLatin1String("1.2.840.10008.1.2.4.9"));
}

bool isJpegLs(const QString& uid)
{
    return uid == QLatin1String("1.2.840.10008.1.2.4.80") || uid == QLatin1String("1.2.840.10008.1.2.4.81");
}

// The compressed bytes of frame `index`: every fragment for a single frame, else one fragment per frame.
Expected<std::vector<uint8_t>> frameStream(DcmDataset& dataset, int index, int frames)
{
    DcmElement* element = nullptr;
    DcmPixelSequence* sequence = nullptr;
    auto* pixelData = dataset.findAndGetElement(DCM_PixelData, element).good() ? dynamic_cast<DcmPixelData*>(element) : nullptr;
    if (!pixelData || pixelData->getEncapsulatedRepresentation(dataset.getOriginalXfer(), nullptr, sequence).bad() || !sequence)
        return Error::failed(PixelDecoderText::tr("no encapsulated pixel data"));
    const unsigned long fragments = sequence->card() - 1; // item 0 is the offset table
    if (frames > 1 && fragments != unsigned(frames))
        return Error::failed(PixelDecoderText::tr("%1 fragments for %2 frames").arg(fragments).arg(frames));
    std::vector<uint8_t> bytes;
    const unsigned long first = frames > 1 ? unsigned(index) + 1 : 1, last = frames > 1 ? first : fragments;
    for (unsigned long n = first; n <= last; ++n) {
        DcmPixelItem* item = nullptr;
        Uint8* data = nullptr;
        if (sequence->getItem(item, n).bad() || !item || item->getUint8Array(data).bad())
            return Error::failed(PixelDecoderText::tr("fragment %1 cannot be read").arg(n));
        if (data)
            bytes.insert(bytes.end(), data, data + item->getLength());
    }
    return bytes;
}

bool isHtj2k(const QString& uid)
{
    return uid.startsWith(QLatin1String("1.2.840.10008.1.2.4.20"));
}

// Sign-extends or masks a stored value to BitsStored bits (the high bits may hold overlays or garbage).
inline int32_t storedValue(uint32_t raw, int bitsStored, bool isSigned)
{
    if (bitsStored >= 32)
        return static_cast<int32_t>(raw);
    const uint32_t mask = (uint32_t(1) << bitsStored) - 1u;
    raw &= mask;
    if (isSigned && (raw & (uint32_t(1) << (bitsStored - 1))))
        return static_cast<int32_t>(raw | ~mask);
    return static_cast<int32_t>(raw);
}

template <typename T>
void unpackSamples(const T* source, std::size_t count, int bitsStored, bool isSigned, int32_t* out)
{
    using Unsigned = std::make_unsigned_t<T>;
    if (bitsStored == int(8 * sizeof(T))) {
        // All bits are the value (the common case): a plain widening copy, which the compiler vectorises.
        if (isSigned)
            for (std::size_t i = 0; i < count; ++i)
                out[i] = static_cast<int32_t>(source[i]);
        else
            for (std::size_t i = 0; i < count; ++i)
                out[i] = static_cast<int32_t>(static_cast<Unsigned>(source[i]));
        return;
    }
    for (std::size_t i = 0; i < count; ++i)
        out[i] = storedValue(static_cast<uint32_t>(static_cast<Unsigned>(source[i])), bitsStored, isSigned);
}

// Stored samples of `bitsAllocated` (8, 16 or 32) bits at `raw`, widened to int32.
void unpackStoredSamples(const void* raw, std::size_t count, int bitsAllocated, int bitsStored, bool isSigned, int32_t* out)
{
    if (bitsAllocated == 8)
        unpackSamples(static_cast<const int8_t*>(raw), count, bitsStored, isSigned, out);
    else if (bitsAllocated == 16)
        unpackSamples(static_cast<const int16_t*>(raw), count, bitsStored, isSigned, out);
    else
        unpackSamples(static_cast<const int32_t*>(raw), count, bitsStored, isSigned, out);
}

void invertMonochrome1(DecodedFrame& frame)
{
    // MONOCHROME1: minimum is white. Mirror within the stored range so that bigger is brighter.
    const int64_t low = frame.isSigned ? -(int64_t(1) << (frame.bitsStored - 1)) : 0;
    const int64_t high = frame.isSigned ? (int64_t(1) << (frame.bitsStored - 1)) - 1 : (int64_t(1) << frame.bitsStored) - 1;
    for (int32_t& v : frame.stored)
        v = static_cast<int32_t>(high + low - v);
}

// Transfer syntaxes with a decoder here: native, deflated, JPEG (baseline, extended, lossless), JPEG-LS, RLE, and
// JPEG 2000 through GDCM.
bool hasDecoderFor(const QString& uid)
{
    static const QStringList known{QStringLiteral("1.2.840.10008.1.2"), QStringLiteral("1.2.840.10008.1.2.1"),
                                   QStringLiteral("1.2.840.10008.1.2.1.99"), QStringLiteral("1.2.840.10008.1.2.2"),
                                   QStringLiteral("1.2.840.10008.1.2.4.50"), QStringLiteral("1.2.840.10008.1.2.4.51"),
                                   QStringLiteral("1.2.840.10008.1.2.4.57"), QStringLiteral("1.2.840.10008.1.2.4.70"),
                                   QStringLiteral("1.2.840.10008.1.2.4.80"), QStringLiteral("1.2.840.10008.1.2.4.81"),
                                   QStringLiteral("1.2.840.10008.1.2.5")};
    return known.contains(uid) || isJpeg2000(uid);
}

// GDCM asserts (aborting the process) on some malformed JPEG headers instead of failing: a stream goes to GDCM
// only when its first fragment starts like the format it claims. Returns what is wrong, or "" when plausible.
QString encapsulatedStreamProblem(DcmDataset& dataset, const QString& transferSyntax)
{
    DcmElement* element = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, element).bad() || !element)
        return QStringLiteral("no pixel data");
    const E_TransferSyntax xfer = dataset.getOriginalXfer();
    if (!DcmXfer(xfer).isEncapsulated())
        return QString();
    DcmPixelSequence* sequence = nullptr;
    auto* pixelData = dynamic_cast<DcmPixelData*>(element);
    if (!pixelData || pixelData->getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() || !sequence)
        return QStringLiteral("no encapsulated pixel data");
    DcmPixelItem* fragment = nullptr;
    Uint8* data = nullptr;
    if (sequence->card() < 2 || sequence->getItem(fragment, 1).bad() || !fragment || fragment->getUint8Array(data).bad() || !data)
        return QStringLiteral("no pixel data fragment");
    const std::size_t length = fragment->getLength();
    const auto u16 = [&](std::size_t at) { return at + 1 < length ? (unsigned(data[at]) << 8) | data[at + 1] : 0u; };
    const QString uid = transferSyntax;
    const bool jpeg = uid.startsWith(QLatin1String("1.2.840.10008.1.2.4.5")) || uid == QLatin1String("1.2.840.10008.1.2.4.70") ||
                      uid == QLatin1String("1.2.840.10008.1.2.4.80") || uid == QLatin1String("1.2.840.10008.1.2.4.81");
    if (jpeg) {
        if (u16(0) != 0xffd8)
            return QStringLiteral("no JPEG start-of-image marker");
        // Walk the marker segments to the frame header (SOFn, or SOF55 for JPEG-LS) and check it.
        std::size_t at = 2;
        while (at + 4 <= length) {
            if (data[at] != 0xff)
                return QStringLiteral("a JPEG marker segment is damaged");
            const unsigned marker = data[at + 1];
            if (marker == 0xff) { // fill byte
                ++at;
                continue;
            }
            const unsigned segment = u16(at + 2);
            const bool frameHeader = (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) ||
                                     marker == 0xf7;
            if (frameHeader) {
                if (segment < 8 || at + 2 + segment > length)
                    return QStringLiteral("the JPEG frame header is truncated");
                const unsigned precision = data[at + 4];
                const unsigned height = u16(at + 5), width = u16(at + 7), components = data[at + 9];
                if (precision < 2 || precision > 16 || width == 0 || components < 1 || components > 4)
                    return QStringLiteral("the JPEG frame header is invalid (precision %1, width %2, %3 components)")
                        .arg(precision).arg(width).arg(components);
                Q_UNUSED(height);
                return QString();
            }
            if (marker == 0xd9 || marker == 0xda || segment < 2)
                return QStringLiteral("no JPEG frame header before the image data");
            at += 2 + segment;
        }
        return QStringLiteral("no JPEG frame header");
    }
    if (isJpeg2000(uid)) {
        // A J2K codestream starts with SOC (FF4F) and SIZ (FF51); a JP2 file with its signature box.
        const bool codestream = u16(0) == 0xff4f && u16(2) == 0xff51;
        const bool jp2 = length >= 12 && data[4] == 'j' && data[5] == 'P';
        if (!codestream && !jp2)
            return QStringLiteral("no JPEG 2000 codestream header");
        // GDCM decodes a codestream into a buffer sized from the data set's Rows, Columns and Samples per Pixel,
        // but writes what the codestream's SIZ marker declares: a frame whose SIZ said 131136 rows for 64 overflowed
        // the heap (fuzz_dicom_file; "free(): invalid pointer" in Release). Every fragment that starts a codestream
        // must declare the data set's size.
        Uint16 rows = 0, columns = 0, samples = 1;
        dataset.findAndGetUint16(DCM_Rows, rows);
        dataset.findAndGetUint16(DCM_Columns, columns);
        dataset.findAndGetUint16(DCM_SamplesPerPixel, samples);
        for (unsigned long item = 1; item < sequence->card(); ++item) {
            DcmPixelItem* part = nullptr;
            Uint8* bytes = nullptr;
            if (sequence->getItem(part, item).bad() || !part || part->getUint8Array(bytes).bad() || !bytes)
                continue;
            const std::size_t size = part->getLength();
            if (size < 4 || bytes[0] != 0xff || bytes[1] != 0x4f || bytes[2] != 0xff || bytes[3] != 0x51)
                continue; // a continuation of the previous frame's codestream, or a JP2 box
            if (size < 4 + 40)
                return QStringLiteral("a JPEG 2000 size marker is truncated");
            const auto be32 = [&](std::size_t at) {
                return uint32_t(bytes[at]) << 24 | uint32_t(bytes[at + 1]) << 16 | uint32_t(bytes[at + 2]) << 8 | uint32_t(bytes[at + 3]);
            };
            // SIZ after its marker: Lsiz, Rsiz (2 bytes each), Xsiz, Ysiz, XOsiz, YOsiz, ... (4 each), Csiz (2).
            const uint32_t width = be32(8) - std::min(be32(8), be32(16));
            const uint32_t height = be32(12) - std::min(be32(12), be32(20));
            const unsigned components = unsigned(bytes[40]) << 8 | bytes[41];
            if (width != columns || height != rows || components != samples)
                return QStringLiteral("a JPEG 2000 frame declares %1 x %2 pixels of %3 component(s), the image %4 x %5 of %6")
                    .arg(width).arg(height).arg(components).arg(columns).arg(rows).arg(samples);
        }
        return QString();
    }
    if (uid == QLatin1String("1.2.840.10008.1.2.5")) {
        // RLE: a 64-byte header, the number of segments (1-15), then increasing offsets within the fragment.
        if (length < 64)
            return QStringLiteral("the RLE header is truncated");
        const auto u32 = [&](std::size_t at) { return uint32_t(data[at]) | uint32_t(data[at + 1]) << 8 | uint32_t(data[at + 2]) << 16 | uint32_t(data[at + 3]) << 24; };
        const uint32_t segments = u32(0);
        if (segments < 1 || segments > 15)
            return QStringLiteral("the RLE header names %1 segments").arg(segments);
        uint32_t previous = 0;
        for (uint32_t n = 0; n < segments; ++n) {
            const uint32_t offset = u32(4 + 4 * n);
            if (offset < 64 || offset <= previous || offset >= length)
                return QStringLiteral("the RLE segment offsets are invalid");
            previous = offset;
        }
    }
    return QString();
}

} // namespace

void registerDicomDecoders()
{
    static std::once_flag once;
    std::call_once(once, []() {
        // Problems reach the user as Errors naming the file; the libraries' own console chatter is noise.
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
        gdcm::Trace::SetWarning(false);
        gdcm::Trace::SetError(false);
        gdcm::Trace::SetDebug(false);
        // Elements written with VR UN although the dictionary knows them (explicit_VR-UN.dcm, rtdose_rle.dcm) are
        // read with their real VR, as dcm2niix and pydicom do; otherwise position, spacing and modality are lost.
        dcmEnableUnknownVRConversion.set(OFTrue);
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
        // DCMTK frees its codec list's entries only in cleanup(); its static list goes at exit without them
        // (LeakSanitizer's report in the viewer's suites). Registered after the list exists, so this runs first.
        std::atexit([] {
            DJDecoderRegistration::cleanup();
            DJLSDecoderRegistration::cleanup();
            DcmRLEDecoderRegistration::cleanup();
        });
    });
}

// The image description read from the data set when a file is opened.
struct PixelDescription
{
    QString photometric;
    int rows = 0, columns = 0, samples = 1, bitsAllocated = 16, bitsStored = 16, frames = 1;
    bool isSigned = false;
    int planar = 0;
};

struct PixelDecoder::Private : PixelDescription
{
    QString path;
    DcmFileFormat file;
    QString transferSyntax;
    bool floatPixels = false;
    // GDCM fallback: all frames decoded at once.
    bool useGdcm = false;
    std::vector<char> gdcmBuffer;
    Uint32 nextFragment = 0;
    // The palette's luminance per entry, read with the first palette frame.
    std::vector<float> paletteLuminance;
    int32_t paletteFirst = 0;

    Expected<void> decodeWithGdcm();
    Expected<void> frameFromGdcm(int index, DecodedFrame& out);
    Expected<void> colourFrame(int index, DecodedFrame& out);
    Expected<void> ownColourFrame(int index, DecodedFrame& out);
    Expected<void> paletteFrame(const int32_t* indices, DecodedFrame& out);
};

PixelDecoder::PixelDecoder() : d(std::make_unique<Private>()) {}
PixelDecoder::~PixelDecoder() = default;

int PixelDecoder::frameCount() const
{
    return d->frames;
}

Expected<void> PixelDecoder::open(const QString& path)
{
    registerDicomDecoders();
    d->path = path;
    const OFCondition status = loadDicomFile(d->file, path, EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect);
    if (status.bad())
        return Error::failed(PixelDecoderText::tr("%1: cannot read the DICOM file (%2)").arg(path, QString::fromLatin1(status.text())));
    DcmDataset* dataset = d->file.getDataset();
    // The meta header names the syntax even when DCMTK does not know it (HTJ2K): read it from there first.
    OFString syntax;
    if (d->file.getMetaInfo() && d->file.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, syntax).good() &&
        !syntax.empty())
        d->transferSyntax = QString::fromLatin1(syntax.c_str()).trimmed();
    else
        d->transferSyntax = QString::fromLatin1(DcmXfer(dataset->getOriginalXfer()).getXferID());
    Uint16 value = 0;
    auto u16 = [&](const DcmTagKey& key, int fallback) {
        return dataset->findAndGetUint16(key, value).good() ? int(value) : fallback;
    };
    d->rows = u16(DCM_Rows, 0);
    d->columns = u16(DCM_Columns, 0);
    d->samples = u16(DCM_SamplesPerPixel, 1);
    d->bitsAllocated = u16(DCM_BitsAllocated, 16);
    d->bitsStored = u16(DCM_BitsStored, d->bitsAllocated);
    d->isSigned = u16(DCM_PixelRepresentation, 0) == 1;
    d->planar = u16(DCM_PlanarConfiguration, 0);
    OFString text;
    if (dataset->findAndGetOFString(DCM_NumberOfFrames, text).good())
        d->frames = std::max(1, QString::fromLatin1(text.c_str()).trimmed().toInt()); // 0 for text or overflow
    if (dataset->findAndGetOFString(DCM_PhotometricInterpretation, text).good())
        d->photometric = QString::fromLatin1(text.c_str()).trimmed();
    d->floatPixels = !dataset->tagExists(DCM_PixelData) &&
                     (dataset->tagExists(DCM_FloatPixelData) || dataset->tagExists(DCM_DoubleFloatPixelData));
    if (d->rows <= 0 || d->columns <= 0)
        return Error::failed(PixelDecoderText::tr("%1: the image has no rows or columns").arg(path));
    if (!d->floatPixels && !dataset->tagExists(DCM_PixelData))
        return Error::failed(PixelDecoderText::tr("%1: the file has no pixel data").arg(path));
    // Required for every image; without it neither DCMTK nor GDCM's codecs know what the samples are.
    if (!d->floatPixels && d->photometric.isEmpty())
        return Error::failed(PixelDecoderText::tr("%1: the image has no Photometric Interpretation (0028,0004)").arg(path));
    // The scan checked these too, but the file may have changed since, and every buffer below is sized from them.
    const DcmTagKey pixelTag = d->floatPixels ? (dataset->tagExists(DCM_FloatPixelData) ? DCM_FloatPixelData : DCM_DoubleFloatPixelData)
                                              : DCM_PixelData;
    const DeclaredImageSize size{d->rows, d->columns, d->frames, d->floatPixels ? 1 : d->samples,
                                 d->floatPixels ? (pixelTag == DCM_FloatPixelData ? 32 : 64) : d->bitsAllocated};
    if (auto checked = checkDeclaredImageSize(path, size, 0); !checked) // memory: the loader checks the whole series
        return checked.error();
    // DCMTK 3.6.7 does not know HTJ2K and would take its stream for native pixel data.
    if (isHtj2k(d->transferSyntax))
        return Error::failed(PixelDecoderText::tr("%1: the transfer syntax %2 (%3) is not supported: no HTJ2K decoder is available")
                                 .arg(path, transferSyntaxName(d->transferSyntax), d->transferSyntax));
    DcmElement* pixelElement = nullptr;
    if (dataset->findAndGetElement(pixelTag, pixelElement).good() && pixelElement &&
        (d->floatPixels || (!DcmXfer(dataset->getOriginalXfer()).isEncapsulated() && !isEncapsulatedTransferSyntax(d->transferSyntax) &&
                            pixelElement->getLength() != DCM_UndefinedLength)))
    {
        DeclaredImageSize stored = size;
        stored.samplesPerPixel = d->floatPixels ? 1 : storedSamplesPerPixel(d->samples, d->photometric);
        if (auto length = checkNativePixelLength(path, stored, pixelElement->getLength()); !length)
            return length.error();
    }
    if (d->bitsAllocated != 8 && d->bitsAllocated != 16 && d->bitsAllocated != 32 && !d->floatPixels)
        return Error::failed(PixelDecoderText::tr("%1: %2 bits allocated per sample is not supported").arg(path).arg(d->bitsAllocated));
    if (d->bitsStored <= 0 || d->bitsStored > d->bitsAllocated)
        d->bitsStored = d->bitsAllocated;
    if (isJpeg2000(d->transferSyntax))
        return d->decodeWithGdcm();
    return {};
}

namespace {

// GDCM's photometric interpretation of `name`, only when GDCM names it exactly: its lookup matches by prefix ("PAL"
// reads as PALETTE COLOR) and its reader and codecs assert on what they do not handle (finding 28).
std::optional<gdcm::PhotometricInterpretation::PIType> gdcmPhotometric(const QString& name)
{
    const auto type = gdcm::PhotometricInterpretation::GetPIType(name.toLatin1().constData());
    if (type == gdcm::PhotometricInterpretation::UNKNOWN || type == gdcm::PhotometricInterpretation::PI_END ||
        QString::fromLatin1(gdcm::PhotometricInterpretation::GetPIString(type)).trimmed() != name)
        return std::nullopt;
    return type;
}

// A GDCM image that holds only what its codecs need to decode the compressed frames: the size, pixel format,
// photometric interpretation and planar configuration DCMTK read (open()), the transfer syntax, and the fragments.
Expected<void> gdcmCodecImage(DcmDataset& dataset, const PixelDescription& description, gdcm::Image& image)
{
    const auto photometric = gdcmPhotometric(description.photometric);
    if (!photometric)
        return Error::failed(PixelDecoderText::tr("the photometric interpretation '%1' is missing or unknown")
                                 .arg(description.photometric.left(32)));
    const int samples = description.samples, bitsAllocated = description.bitsAllocated, bitsStored = description.bitsStored;
    if ((samples != 1 && samples != 3) || (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32))
        return Error::failed(PixelDecoderText::tr("the image description cannot be decoded"));
    Uint16 highBit = 0;
    if (dataset.findAndGetUint16(DCM_HighBit, highBit).bad() || highBit < bitsStored - 1 || highBit >= bitsAllocated)
        highBit = Uint16(bitsStored - 1);
    const gdcm::TransferSyntax transfer = gdcm::TransferSyntax::GetTSType(DcmXfer(dataset.getOriginalXfer()).getXferID());
    if (transfer == gdcm::TransferSyntax::TS_END || !transfer.IsEncapsulated())
        return Error::failed(PixelDecoderText::tr("no GDCM codec for this transfer syntax"));
    DcmElement* element = nullptr;
    DcmPixelSequence* sequence = nullptr;
    auto* pixelData = dataset.findAndGetElement(DCM_PixelData, element).good() ? dynamic_cast<DcmPixelData*>(element) : nullptr;
    if (!pixelData || pixelData->getEncapsulatedRepresentation(dataset.getOriginalXfer(), nullptr, sequence).bad() || !sequence ||
        sequence->card() < 2)
        return Error::failed(PixelDecoderText::tr("no encapsulated pixel data"));
    gdcm::SmartPointer<gdcm::SequenceOfFragments> fragments = new gdcm::SequenceOfFragments;
    for (unsigned long n = 1; n < sequence->card(); ++n) { // item 0 is the offset table
        DcmPixelItem* item = nullptr;
        Uint8* data = nullptr;
        if (sequence->getItem(item, n).bad() || !item || item->getUint8Array(data).bad())
            return Error::failed(PixelDecoderText::tr("fragment %1 cannot be read").arg(n));
        gdcm::Fragment fragment;
        fragment.SetByteValue(reinterpret_cast<const char*>(data), gdcm::VL(uint32_t(data ? item->getLength() : 0)));
        fragments->AddFragment(fragment);
    }
    const int frames = description.frames;
    image.SetNumberOfDimensions(frames > 1 ? 3 : 2);
    image.SetDimension(0, unsigned(description.columns));
    image.SetDimension(1, unsigned(description.rows));
    if (frames > 1)
        image.SetDimension(2, unsigned(frames));
    image.SetPixelFormat(gdcm::PixelFormat(uint16_t(samples), uint16_t(bitsAllocated), uint16_t(bitsStored), highBit,
                                           description.isSigned ? 1 : 0));
    image.SetPhotometricInterpretation(*photometric);
    image.SetPlanarConfiguration(samples == 3 && description.planar == 1 ? 1u : 0u);
    image.SetTransferSyntax(transfer);
    gdcm::DataElement pixels(gdcm::Tag(0x7fe0, 0x0010));
    pixels.SetVR(gdcm::VR::OB);
    pixels.SetValue(*fragments);
    image.SetDataElement(pixels);
    return {};
}

} // namespace

Expected<void> PixelDecoder::Private::decodeWithGdcm()
{
    // GDCM is a codec here, never a file reader: its image reader works out the whole file's geometry and palette
    // with assertions (Debian builds it with them: the process aborts) on what it cannot place — damaged functional
    // groups (fuzz_dicom_file, finding 25), a value representation that is not the dictionary's (26), a
    // photometric interpretation it half knows (28), a damaged meta group (29). Compressed frames go to its codec
    // with the image description DCMTK read and the fragments DCMTK holds.
    DcmDataset& dataset = *file.getDataset();
    if (!DcmXfer(dataset.getOriginalXfer()).isEncapsulated())
        return Error::failed(PixelDecoderText::tr("%1: only compressed pixel data is decoded through GDCM").arg(path));
    // GDCM's JPEG-LS codec would call DCMTK's bundled CharLS under CharLS 2's names (JpegLsDecoder.h).
    if (isJpegLs(transferSyntax))
        return Error::failed(PixelDecoderText::tr("%1: JPEG-LS is not decoded through GDCM").arg(path));
    // DCMTK decodes every valid RLE stream, so a failure there means corrupt data, and GDCM's RLE decoder reads past
    // its input on such data (SEGV under ASan, fuzz_dicom_file).
    if (transferSyntax == QLatin1String("1.2.840.10008.1.2.5"))
        return Error::failed(PixelDecoderText::tr("%1: RLE is not decoded through GDCM").arg(path));
    if (const QString problem = encapsulatedStreamProblem(dataset, transferSyntax); !problem.isEmpty())
        return Error::failed(PixelDecoderText::tr("%1: the %2 pixel data is corrupt (%3)").arg(path, transferSyntaxName(transferSyntax), problem));
    gdcm::Image codecImage;
    if (auto prepared = gdcmCodecImage(dataset, *this, codecImage); !prepared)
        return Error::failed(PixelDecoderText::tr("%1: the %2 pixel data cannot be decoded (%3)")
                                 .arg(path, transferSyntaxName(transferSyntax), prepared.error().message));
    const gdcm::Image& image = codecImage;
    gdcmBuffer.resize(image.GetBufferLength());
    if (gdcmBuffer.empty() || !image.GetBuffer(gdcmBuffer.data()))
        return Error::failed(PixelDecoderText::tr("%1: the %2 pixel data cannot be decoded (corrupt stream)")
                                 .arg(path, transferSyntaxName(transferSyntax)));
    const gdcm::PixelFormat& format = image.GetPixelFormat();
    bitsAllocated = format.GetBitsAllocated();
    bitsStored = format.GetBitsStored();
    isSigned = format.GetPixelRepresentation() == 1;
    samples = format.GetSamplesPerPixel();
    photometric = QString::fromLatin1(gdcm::PhotometricInterpretation::GetPIString(image.GetPhotometricInterpretation()))
                      .trimmed();
    planar = image.GetPlanarConfiguration();
    const std::size_t frameBytes = std::size_t(rows) * columns * samples * (bitsAllocated / 8);
    if (bitsAllocated % 8 != 0 || frameBytes == 0 || gdcmBuffer.size() < frameBytes * std::size_t(frames))
        return Error::failed(PixelDecoderText::tr("%1: decoded %2 data has an unexpected size").arg(path, transferSyntaxName(transferSyntax)));
    useGdcm = true;
    return {};
}

namespace {

// YBR_FULL and YBR_PARTIAL carry luminance in their first sample; JPEG 2000's YBR_RCT/ICT arrive as RGB.
bool luminanceIsFirstSample(const QString& photometric)
{
    return photometric.startsWith(QLatin1String("YBR_FULL")) || photometric.startsWith(QLatin1String("YBR_PARTIAL"));
}

// Interleaved or planar samples of a frame -> luminance (Rec. 601 weights for RGB; Y for YBR).
void luminanceFromSamples(const int32_t* samples, std::size_t pixels, int planar, const QString& photometric,
                          std::vector<float>& out)
{
    out.resize(pixels);
    const bool ybr = luminanceIsFirstSample(photometric);
    for (std::size_t i = 0; i < pixels; ++i) {
        const int32_t a = planar ? samples[i] : samples[3 * i];
        const int32_t b = planar ? samples[pixels + i] : samples[3 * i + 1];
        const int32_t c = planar ? samples[2 * pixels + i] : samples[3 * i + 2];
        out[i] = ybr ? float(a) : float(0.299 * a + 0.587 * b + 0.114 * c);
    }
}

// The same for three 32-bit samples per pixel, which int32 does not hold when unsigned: from the words themselves.
void luminanceFrom32BitSamples(const uint8_t* source, std::size_t pixels, int planar, bool isSigned, int bitsStored,
                               const QString& photometric, std::vector<float>& out)
{
    out.resize(pixels);
    const bool ybr = luminanceIsFirstSample(photometric);
    const auto sample = [&](std::size_t at) -> double {
        uint32_t word;
        std::memcpy(&word, source + 4 * at, 4);
        return isSigned || bitsStored < 32 ? double(storedValue(word, bitsStored, isSigned)) : double(word);
    };
    for (std::size_t i = 0; i < pixels; ++i) {
        const double a = sample(planar ? i : 3 * i), b = sample(planar ? pixels + i : 3 * i + 1),
                     c = sample(planar ? 2 * pixels + i : 3 * i + 2);
        out[i] = float(ybr ? a : 0.299 * a + 0.587 * b + 0.114 * c);
    }
}

// A big-endian file's OW pixel data arrives swapped per 16-bit word: 32-bit samples still need their two halves
// exchanged (rtdose_expb.dcm, SC_rgb_expb_32bit.dcm).
void swapWordHalves(uint8_t* data, std::size_t words)
{
    for (std::size_t i = 0; i < words; ++i) {
        uint8_t* v = data + 4 * i;
        std::swap(v[0], v[2]);
        std::swap(v[1], v[3]);
    }
}

} // namespace

Expected<void> PixelDecoder::Private::paletteFrame(const int32_t* indices, DecodedFrame& out)
{
    if (paletteLuminance.empty()) {
        DcmDataset& dataset = *file.getDataset();
        auto lut = readPaletteLut(dataset, isSigned, DcmXfer(dataset.getOriginalXfer()).isBigEndian());
        if (!lut)
            return Error::failed(PixelDecoderText::tr("%1: the palette colour lookup table cannot be read: %2").arg(path, lut.error().message));
        paletteLuminance = lut->luminance();
        paletteFirst = lut->firstMapped;
    }
    const std::size_t pixels = std::size_t(rows) * columns;
    const int64_t last = int64_t(paletteLuminance.size()) - 1;
    out.rows = rows;
    out.columns = columns;
    out.isColour = true;
    out.stored.clear();
    out.values.resize(pixels);
    for (std::size_t i = 0; i < pixels; ++i)
        out.values[i] = paletteLuminance[std::size_t(std::clamp<int64_t>(int64_t(indices[i]) - paletteFirst, 0, last))];
    return {};
}

// Colour frames dcmimage does not decode (three 32-bit samples per pixel, segmented palettes): DCMTK gives the
// stored samples of the frame (native, RLE or JPEG), the luminance is worked out here.
Expected<void> PixelDecoder::Private::ownColourFrame(int index, DecodedFrame& out)
{
    const bool palette = photometric == QLatin1String("PALETTE COLOR");
    if (!(palette && samples == 1) && !(samples == 3 && bitsAllocated == 32))
        return Error::failed(PixelDecoderText::tr("%1: no decoder for this colour image").arg(path));
    DcmDataset* dataset = file.getDataset();
    DcmElement* element = nullptr;
    auto* pixelData = dataset->findAndGetElement(DCM_PixelData, element).good() ? dynamic_cast<DcmPixelData*>(element) : nullptr;
    if (!pixelData)
        return Error::failed(PixelDecoderText::tr("%1: the file has no pixel data").arg(path));
    const std::size_t pixels = std::size_t(rows) * columns;
    const std::size_t count = pixels * std::size_t(samples);
    std::vector<uint8_t> frame(count * std::size_t(bitsAllocated / 8));
    Uint32 fragment = 0;
    OFString colourModel;
    const OFCondition status = pixelData->getUncompressedFrame(dataset, Uint32(index), fragment, frame.data(), Uint32(frame.size()), colourModel);
    if (status.bad())
        return Error::failed(PixelDecoderText::tr("%1: the %2 pixel data is corrupt or truncated (%3)")
                                 .arg(path, transferSyntaxName(transferSyntax), QString::fromLatin1(status.text())));
    if (bitsAllocated == 32 && DcmXfer(dataset->getOriginalXfer()).isBigEndian() && element->getVR() == EVR_OW)
        swapWordHalves(frame.data(), count);
    if (!palette) {
        out.rows = rows;
        out.columns = columns;
        out.isColour = true;
        out.stored.clear();
        luminanceFrom32BitSamples(frame.data(), pixels, planar, isSigned, bitsStored, photometric, out.values);
        return {};
    }
    std::vector<int32_t> indices(pixels);
    unpackStoredSamples(frame.data(), pixels, bitsAllocated, bitsStored, isSigned, indices.data());
    return paletteFrame(indices.data(), out);
}

Expected<void> PixelDecoder::Private::frameFromGdcm(int index, DecodedFrame& out)
{
    const std::size_t pixels = std::size_t(rows) * columns;
    const std::size_t count = pixels * samples;
    const std::size_t frameBytes = count * (bitsAllocated / 8);
    const char* source = gdcmBuffer.data() + frameBytes * std::size_t(index);
    if (samples == 3 && bitsAllocated == 32) {
        out.rows = rows;
        out.columns = columns;
        out.isColour = true;
        out.stored.clear();
        luminanceFrom32BitSamples(reinterpret_cast<const uint8_t*>(source), pixels, planar, isSigned, bitsStored, photometric, out.values);
        return {};
    }
    std::vector<int32_t> unpacked(count);
    unpackStoredSamples(source, count, bitsAllocated, bitsStored, isSigned, unpacked.data());
    out.rows = rows;
    out.columns = columns;
    out.bitsStored = bitsStored;
    out.isSigned = isSigned;
    if (samples == 3) {
        out.isColour = true;
        out.stored.clear();
        luminanceFromSamples(unpacked.data(), pixels, planar, photometric, out.values);
        return {};
    }
    if (photometric == QLatin1String("PALETTE COLOR")) // the codec gives the indices
        return paletteFrame(unpacked.data(), out);
    out.isColour = false;
    out.values.clear();
    out.stored = std::move(unpacked);
    if (photometric == QLatin1String("MONOCHROME1"))
        invertMonochrome1(out);
    return {};
}

Expected<void> PixelDecoder::Private::colourFrame(int index, DecodedFrame& out)
{
    // dcmimage knows every colour model (RGB, YBR_*, palette) and planar configuration.
    DicomImage image(&file, file.getDataset()->getOriginalXfer(), CIF_UsePartialAccessToPixelData, Uint32(index), 1);
    if (image.getStatus() != EIS_Normal)
        return Error::failed(PixelDecoderText::tr("%1: the colour image cannot be decoded (%2)")
                                 .arg(path, QString::fromLatin1(DicomImage::getString(image.getStatus()))));
    std::unique_ptr<DicomImage> mono(image.isMonochrome() ? nullptr : image.createMonochromeImage());
    const DicomImage& source = mono ? *mono : image;
    const DiPixel* pixels = source.getInterData();
    if (!pixels || !pixels->getData())
        return Error::failed(PixelDecoderText::tr("%1: the colour image cannot be converted to luminance").arg(path));
    const std::size_t count = std::size_t(rows) * columns;
    out.values.resize(count);
    out.stored.clear();
    const void* data = pixels->getData();
    switch (pixels->getRepresentation()) {
    case EPR_Uint8: for (std::size_t i = 0; i < count; ++i) out.values[i] = static_cast<const Uint8*>(data)[i]; break;
    case EPR_Sint8: for (std::size_t i = 0; i < count; ++i) out.values[i] = static_cast<const Sint8*>(data)[i]; break;
    case EPR_Uint16: for (std::size_t i = 0; i < count; ++i) out.values[i] = static_cast<const Uint16*>(data)[i]; break;
    case EPR_Sint16: for (std::size_t i = 0; i < count; ++i) out.values[i] = static_cast<const Sint16*>(data)[i]; break;
    case EPR_Uint32: for (std::size_t i = 0; i < count; ++i) out.values[i] = float(static_cast<const Uint32*>(data)[i]); break;
    case EPR_Sint32: for (std::size_t i = 0; i < count; ++i) out.values[i] = float(static_cast<const Sint32*>(data)[i]); break;
    }
    out.rows = rows;
    out.columns = columns;
    out.isColour = true;
    return {};
}

Expected<void> PixelDecoder::decodeFrame(int index, DecodedFrame& out)
{
    if (index < 0 || index >= d->frames)
        return Error::failed(PixelDecoderText::tr("%1: frame %2 does not exist (%3 frames)").arg(d->path).arg(index + 1).arg(d->frames));
    out.raw16 = nullptr;
    if (d->useGdcm)
        return d->frameFromGdcm(index, out);
    DcmDataset* dataset = d->file.getDataset();
    const std::size_t pixels = std::size_t(d->rows) * d->columns;
    if (d->floatPixels) {
        out.rows = d->rows;
        out.columns = d->columns;
        out.isColour = false;
        out.stored.clear();
        out.values.resize(pixels);
        const Float32* floats = nullptr;
        unsigned long count = 0;
        if (dataset->findAndGetFloat32Array(DCM_FloatPixelData, floats, &count).good() && floats &&
            count >= pixels * std::size_t(index + 1)) {
            std::copy_n(floats + pixels * std::size_t(index), pixels, out.values.begin());
            return {};
        }
        const Float64* doubles = nullptr;
        if (dataset->findAndGetFloat64Array(DCM_DoubleFloatPixelData, doubles, &count).good() && doubles &&
            count >= pixels * std::size_t(index + 1)) {
            for (std::size_t i = 0; i < pixels; ++i)
                out.values[i] = float(doubles[pixels * std::size_t(index) + i]);
            return {};
        }
        return Error::failed(PixelDecoderText::tr("%1: the float pixel data is shorter than its %2 frames").arg(d->path).arg(d->frames));
    }
    if (d->samples != 1 || d->photometric == QLatin1String("PALETTE COLOR")) {
        auto colour = d->colourFrame(index, out);
        if (colour.ok())
            return colour;
        // dcmimage lacks some variants (32-bit samples, segmented palettes): decoded here from DCMTK's samples.
        if (auto own = d->ownColourFrame(index, out); own.ok())
            return own;
        // Compressed streams DCMTK's codecs refuse (other JPEG variants, odd encoders): GDCM's codec may know them.
        if (d->decodeWithGdcm().ok())
            return d->frameFromGdcm(index, out);
        return colour;
    }

    DcmElement* element = nullptr;
    if (dataset->findAndGetElement(DCM_PixelData, element).bad() || !element)
        return Error::failed(PixelDecoderText::tr("%1: the file has no pixel data").arg(d->path));
    // DCMTK makes (7FE0,0010) a DcmPixelData only where it expects pixel data; elsewhere (a damaged file) the same
    // tag may be a plain OB/OW element, which has no frames to give.
    auto* pixelData = dynamic_cast<DcmPixelData*>(element);
    if (!pixelData)
        return Error::failed(PixelDecoderText::tr("%1: the pixel data element cannot be read as pixel data (value representation %2)")
                                 .arg(d->path, QString::fromLatin1(DcmVR(element->getVR()).getVRName())));
    const std::size_t frameBytes = pixels * std::size_t(d->bitsAllocated / 8);
    // Raw bytes of one frame, reused by every decoder on this thread (the loader decodes a file per task).
    thread_local std::vector<uint8_t, DefaultInitAllocator<uint8_t>> frameBuffer;
    frameBuffer.resize(frameBytes + 1);
    OFString colourModel;
    if (index == 0)
        d->nextFragment = 0;
    OFCondition status = pixelData->getUncompressedFrame(dataset, Uint32(index), d->nextFragment, frameBuffer.data(),
                                                         Uint32(frameBytes), colourModel);
    if (status.bad() && isJpegLs(d->transferSyntax)) {
        // DCMTK's bundled CharLS 1.0 refuses some valid streams (7-bit samples): Debian's CharLS 2 decodes them.
        const QString dcmtkReason = QString::fromLatin1(status.text());
        auto stream = frameStream(*dataset, index, d->frames);
        auto decoded = stream ? decodeJpegLs(stream->data(), stream->size()) : Expected<JpegLsFrame>(stream.error());
        if (!decoded)
            return Error::failed(PixelDecoderText::tr("%1: the %2 pixel data is corrupt or truncated (%3; %4)")
                                     .arg(d->path, transferSyntaxName(d->transferSyntax), dcmtkReason, decoded.error().message));
        const int bytesPerSample = decoded->bitsPerSample > 8 ? 2 : 1;
        if (decoded->width != d->columns || decoded->height != d->rows || decoded->components != 1 ||
            bytesPerSample != d->bitsAllocated / 8 || decoded->samples.size() < frameBytes)
            return Error::failed(PixelDecoderText::tr("%1: the JPEG-LS stream holds %2 x %3 pixels of %4 sample(s) at %5 bits, "
                                                      "which does not match the image's %6 x %7 at %8 bits allocated")
                                     .arg(d->path).arg(decoded->width).arg(decoded->height).arg(decoded->components)
                                     .arg(decoded->bitsPerSample).arg(d->columns).arg(d->rows).arg(d->bitsAllocated));
        std::copy_n(decoded->samples.data(), frameBytes, frameBuffer.data());
        status = EC_Normal;
    }
    const bool encapsulated = DcmXfer(dataset->getOriginalXfer()).isEncapsulated();
    if (status.bad() && !encapsulated && d->bitsAllocated == 8) {
        // DCMTK refuses a native 8-bit frame of an odd number of bytes ("Illegal call": highdicom's 169 x 211
        // dx_image.dcm). Its bytes are read as stored: the element's length was checked against the image's
        // description when the file was opened, and is checked again here.
        Uint8* bytes = nullptr;
        Uint16* words = nullptr;
        const std::size_t end = frameBytes * std::size_t(index + 1);
        const uint8_t* stored = nullptr;
        if (element->getVR() == EVR_OB && pixelData->getUint8Array(bytes).good())
            stored = bytes;
        else if (element->getVR() == EVR_OW && Q_BYTE_ORDER == Q_LITTLE_ENDIAN && !DcmXfer(dataset->getOriginalXfer()).isBigEndian() &&
                 pixelData->getUint16Array(words).good())
            stored = reinterpret_cast<const uint8_t*>(words);
        if (stored && pixelData->getLength() >= end) {
            std::copy_n(stored + frameBytes * std::size_t(index), frameBytes, frameBuffer.data());
            status = EC_Normal;
        }
    }
    if (status.bad()) {
        // DCMTK could not decode this stream: let GDCM's codec try before giving up (other JPEG variants, odd
        // encoders; decodeWithGdcm refuses native data, RLE and JPEG-LS, which DCMTK alone decodes).
        const QString dcmtkReason = QString::fromLatin1(status.text());
        if (d->decodeWithGdcm().ok())
            return d->frameFromGdcm(index, out);
        const QString syntax = transferSyntaxName(d->transferSyntax);
        // A transfer syntax we have a decoder for is corrupt when it fails; only the others are unsupported.
        if (!hasDecoderFor(d->transferSyntax) &&
            (status == EC_CannotChangeRepresentation || dcmtkReason.contains(QLatin1String("codec"), Qt::CaseInsensitive)))
            return Error::failed(PixelDecoderText::tr("%1: the transfer syntax %2 is not supported (%3)").arg(d->path, syntax, dcmtkReason));
        return Error::failed(PixelDecoderText::tr("%1: the %2 pixel data is corrupt or truncated (%3)").arg(d->path, syntax, dcmtkReason));
    }
    if (d->bitsAllocated == 32 && DcmXfer(dataset->getOriginalXfer()).isBigEndian() && element->getVR() == EVR_OW)
        swapWordHalves(frameBuffer.data(), pixels);
    out.rows = d->rows;
    out.columns = d->columns;
    out.isColour = false;
    out.values.clear();
    out.bitsStored = d->bitsStored;
    out.isSigned = d->isSigned;
    const uint8_t* raw = frameBuffer.data();
    if (d->bitsAllocated == 16 && d->bitsStored == 16 && d->photometric != QLatin1String("MONOCHROME1")) {
        out.stored.clear();
        out.raw16 = reinterpret_cast<const int16_t*>(raw);
        out.raw16Unsigned = !d->isSigned;
        return {};
    }
    out.stored.resize(pixels);
    unpackStoredSamples(raw, pixels, d->bitsAllocated, d->bitsStored, d->isSigned, out.stored.data());
    if (d->photometric == QLatin1String("MONOCHROME1"))
        invertMonochrome1(out);
    return {};
}

} // namespace delineate
