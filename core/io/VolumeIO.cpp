// ITK-backed reading and writing of volumes and label maps, with exceptions turned into Errors.
#include "io/VolumeIO.h"

#include <QCoreApplication>
#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#include <itkImage.h>
#include <itkImageFileReader.h>
#include <itkImageFileWriter.h>
#include <itkImageIOBase.h>
#include <itkMetaImageIO.h>
#include <itkNiftiImageIO.h>
#include <itkNrrdImageIO.h>
#include <itkPNGImageIO.h>
#include <itkImportImageFilter.h>

#include "io/ItkGeometry.h"
#include "io/ItkImageFile.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <zlib.h>

namespace delineate {

namespace {

using itkgeometry::geometryOf;

// Translation context "VolumeIO" (lupdate reads it from the macro).
class VolumeIOText
{
    Q_DECLARE_TR_FUNCTIONS(VolumeIO)
};

template <typename PixelT>
using ItkImage = itk::Image<PixelT, 3>;

template <typename PixelT>
typename ItkImage<PixelT>::Pointer wrap(const ImageGeometry& g, const PixelT* data)
{
    using Importer = itk::ImportImageFilter<PixelT, 3>;
    auto importer = Importer::New();
    typename Importer::SizeType size;
    typename Importer::IndexType start;
    start.Fill(0);
    itk::SpacePrecisionType origin[3], spacing[3];
    typename ItkImage<PixelT>::DirectionType direction;
    for (int i = 0; i < 3; ++i) {
        size[i] = static_cast<itk::SizeValueType>(g.size()[i]);
        origin[i] = g.origin()[i];
        spacing[i] = g.spacing()[i];
        for (int j = 0; j < 3; ++j)
            direction[i][j] = g.direction()[i][j];
    }
    typename Importer::RegionType region(start, size);
    importer->SetRegion(region);
    importer->SetOrigin(origin);
    importer->SetSpacing(spacing);
    importer->SetDirection(direction);
    importer->SetImportPointer(const_cast<PixelT*>(data), g.voxelCount(), false);
    importer->Update();
    typename ItkImage<PixelT>::Pointer image = importer->GetOutput();
    return image;
}

template <typename PixelT>
Expected<typename ItkImage<PixelT>::Pointer> readItk(const QString& path, itk::ImageIOBase* io)
{
    try {
        auto reader = itk::ImageFileReader<ItkImage<PixelT>>::New();
        reader->SetFileName(QFile::encodeName(path).toStdString());
        reader->SetImageIO(io);
        reader->Update();
        typename ItkImage<PixelT>::Pointer image = reader->GetOutput();
        // A damaged header may still come out as an image with no voxels (MetaIO read a 'NDims' whose '=' was on
        // the next line, and gave 23 x 38 x 0): nothing to show, and not a success.
        const auto size = image->GetLargestPossibleRegion().GetSize();
        if (size[0] == 0 || size[1] == 0 || size[2] == 0)
            return Error::failed(VolumeIOText::tr("%1: the file holds no voxels (%2 x %3 x %4): its header is damaged")
                                     .arg(path).arg(size[0]).arg(size[1]).arg(size[2]));
        return image;
    } catch (const itk::ExceptionObject& e) {
        return Error::failed(VolumeIOText::tr("%1: cannot read the image: %2").arg(path, QString::fromLocal8Bit(e.GetDescription())));
    } catch (const std::exception& e) {
        return Error::failed(VolumeIOText::tr("%1: cannot read the image: %2").arg(path, QString::fromLocal8Bit(e.what())));
    }
}

// A header whose voxels lie in a second file (.mhd + .zraw, .nhdr + .raw.gz) names that file inside itself, so the
// temporary-file-and-rename of writeAtomically would leave a header naming the temporary data file. Both are
// written under their final names in a private folder beside the target, checked, then the data file moved into
// place and the header last: a kill leaves the old pair, or the new data beside the old header (which readers
// refuse when the sizes differ), never a header naming a file that is not there.
bool hasDetachedData(const QString& path)
{
    return path.endsWith(QLatin1String(".mhd"), Qt::CaseInsensitive) || path.endsWith(QLatin1String(".nhdr"), Qt::CaseInsensitive);
}

template <typename Writer>
Expected<void> writeDetachedAtomically(const QString& path, Writer writer)
{
    const QFileInfo target(path);
    const QDir destination = target.dir();
    const QString folder = destination.filePath(
        QStringLiteral(".%1.partial-%2").arg(target.fileName(), QString::number(QRandomGenerator::global()->generate(), 16)));
    if (::mkdir(QFile::encodeName(folder).constData(), 0700) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        return Error::failed(VolumeIOText::tr("%1: not saved: the folder %2 takes no new file (%3). Any earlier version of the file is unchanged.")
                                 .arg(path, QDir::toNativeSeparators(target.absolutePath()), reason));
    }
    const QString header = QDir(folder).filePath(target.fileName());
    Expected<void> written = writer(header);
    if (written.ok())
        written = checkWrittenFile(header, path);
    if (!written.ok()) {
        Error error = discardFailedWrite(header, path, written.error());
        QDir(folder).removeRecursively();
        return error;
    }
    Expected<void> replaced;
    for (const QString& name : QDir(folder).entryList(QDir::Files | QDir::Hidden))
        if (name != target.fileName() && replaced.ok())
            replaced = replaceFile(QDir(folder).filePath(name), destination.filePath(name));
    if (replaced.ok())
        replaced = replaceFile(header, path);
    QDir(folder).removeRecursively();
    return replaced;
}

template <typename PixelT>
Expected<void> writeItk(const ImageGeometry& g, const PixelT* data, const QString& path)
{
    const auto writeTo = [&](const QString& file) -> Expected<void> {
        try {
            auto writer = itk::ImageFileWriter<ItkImage<PixelT>>::New();
            writer->SetFileName(QFile::encodeName(file).toStdString());
            writer->SetInput(wrap(g, data));
            writer->SetUseCompression(true);
            writer->Update();
            return {};
        } catch (const itk::ExceptionObject& e) {
            return Error::failed(VolumeIOText::tr("%1: cannot write the image: %2").arg(path, QString::fromLocal8Bit(e.GetDescription())));
        }
    };
    return hasDetachedData(path) ? writeDetachedAtomically(path, writeTo) : writeAtomically(path, writeTo);
}

// The fields of a MetaImage header (.mha/.mhd) up to ElementDataFile, where LOCAL data starts, read the way MetaIO's
// MET_Read reads them, not as lines: a field name runs from the first non-space character to '=', ':' or the
// line's end and is compared as a C string (cut at its first NUL byte); its value starts after the next '=' or
// ':', on this line or a later one, and runs to the end of that line. A line-by-line reading saw another
// ElementDataFile than MetaIO did (fuzz_volume_mha, finding 24: "ElementDataFile\0..." with its '=' and a '%'
// pattern two lines further down).
struct MetaImageHeaderText
{
    QList<QByteArray> dimensions;    // every NDims value (a damaged header may repeat it)
    std::optional<QList<QByteArray>> sizes; // DimSize
    int dimensionsBeforeSizes = 0;   // how many NDims lines came before DimSize
    bool compressed = false;
    qint64 compressedSize = -1;
    QByteArray dataFile;             // ElementDataFile
    qint64 dataOffset = -1, fileSize = 0;
    int longestKey = 0;              // the longest field name as MetaIO copies it (a C string)
};

std::optional<MetaImageHeaderText> readMetaImageHeaderText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    MetaImageHeaderText header;
    header.fileSize = file.size();
    const QByteArray text = file.read(1 << 20); // a header is a few hundred bytes
    qsizetype at = 0;
    const auto atEnd = [&] { return at >= text.size(); };
    const auto separator = [](char c) { return c == '=' || c == ':'; };
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    for (int fields = 0; fields < 1000 && !atEnd(); ++fields) {
        while (!atEnd() && !separator(text[at]) && std::isspace(static_cast<unsigned char>(text[at])))
            ++at;
        const qsizetype nameStart = at;
        while (!atEnd() && !separator(text[at]) && text[at] != '\r' && text[at] != '\n' && at - nameStart < 500)
            ++at;
        if (atEnd() || at - nameStart >= 500)
            break;
        QByteArray key = text.mid(nameStart, at - nameStart);
        if (const int nul = key.indexOf('\0'); nul >= 0)
            key.truncate(nul);
        while (!key.isEmpty() && blank(key.back()))
            key.chop(1);
        header.longestKey = std::max(header.longestKey, int(key.size()));
        // The value: past the next separator (possibly lines further down) and the separators and blanks after it,
        // to the end of that line.
        while (!atEnd() && !separator(text[at]))
            ++at;
        while (!atEnd() && (separator(text[at]) || blank(text[at])))
            ++at;
        if (atEnd())
            break;
        const qsizetype lineEnd = text.indexOf('\n', at);
        QByteArray value = text.mid(at, (lineEnd < 0 ? text.size() : lineEnd) - at);
        at = lineEnd < 0 ? text.size() : lineEnd + 1;
        if (const int nul = value.indexOf('\0'); nul >= 0)
            value.truncate(nul); // MetaIO reads a value as a C string
        value = value.trimmed();
        if (key == "NDims")
            header.dimensions.append(value);
        else if (key == "DimSize") {
            header.sizes = value.simplified().split(' ');
            header.dimensionsBeforeSizes = int(header.dimensions.size());
        }
        else if (key == "CompressedData")
            header.compressed = !value.isEmpty() && (value[0] == 'T' || value[0] == 't' || value[0] == '1'); // as MetaIO
        else if (key == "CompressedDataSize")
            header.compressedSize = value.toLongLong();
        else if (key == "ElementDataFile") {
            header.dataFile = value;
            header.dataOffset = at;
            break;
        }
    }
    return header;
}

// ITK 5.2's MetaImage reader trusts NDims and DimSize: NDims above MetaIO's 10 slots, or fewer sizes than NDims,
// leaves dimensions it then divides by uninitialised or zero (SIGFPE in MetaImageIO::ReadImageInformation), and a
// size of 0 does the same. The header's text is checked first. Empty when it looks usable.
QString metaImageHeaderProblem(const QString& path, const MetaImageHeaderText& header)
{
    // MetaIO copies a field name it does not know into a 255-byte buffer: a longer one overflows it (glibc's
    // fortified strcpy then aborts the process).
    if (header.longestKey >= 255)
        return VolumeIOText::tr("%1: the MetaImage header holds a field name of %2 characters or more (at most 254 can be read)")
            .arg(path).arg(header.longestKey);
    int dimensions = -1;
    for (const QByteArray& value : header.dimensions) {
        bool ok = false;
        dimensions = value.toInt(&ok);
        if (!ok || dimensions < 1 || dimensions > 10)
            return VolumeIOText::tr("%1: the MetaImage header declares NDims = %2; 1 to 10 dimensions can be read")
                .arg(path, QString::fromLatin1(value.left(40)));
    }
    // MetaIO reads as many sizes as the NDims read before DimSize says: a DimSize before any NDims, or an NDims that
    // changes after it, leaves sizes it never read (uninitialised: a 23 x 38 x 0 volume one time, an allocation
    // failure the next).
    if (header.sizes && (header.dimensionsBeforeSizes == 0 ||
                         std::any_of(header.dimensions.begin(), header.dimensions.end(),
                                     [&](const QByteArray& value) { return value.toInt() != dimensions; })))
        return VolumeIOText::tr("%1: the MetaImage header's DimSize does not follow one NDims (NDims given %2 time(s), %3 before DimSize)")
            .arg(path).arg(header.dimensions.size()).arg(header.dimensionsBeforeSizes);
    // Compressed data in the same file without its size: ITK 5.2 then asks for an absurd buffer (2^63 bytes) or
    // returns a volume of zeros, silently.
    if (header.compressed && (header.dataFile == "LOCAL" || header.dataFile.isEmpty()) && header.compressedSize <= 0)
        return VolumeIOText::tr("%1: the MetaImage header says the data is compressed but gives no CompressedDataSize").arg(path);
    // ElementDataFile with a '%' names one file per slice through a pattern that MetaIO hands to sprintf as its
    // format, with bounds and a step parsed from the same line (a step of 0: a division by zero, SIGFPE in
    // MetaImage::ReadStream; '%s': a read of whatever lies on the stack). Not a form Delineate reads.
    // LIST names one file per slice on the lines after it; MetaIO skips a slice file it cannot open ("cannot open
    // slice") and returns the volume with that slice as it was allocated: a list of missing files opened as zeros.
    if (header.dataFile == "LIST" || header.dataFile.startsWith("LIST "))
        return VolumeIOText::tr("%1: the MetaImage header's ElementDataFile is a list of slice files (LIST), which is not supported; "
                                "save the volume as a single .mha or .nrrd file")
            .arg(path);
    if (header.dataFile.contains('%'))
        return VolumeIOText::tr("%1: the MetaImage header's ElementDataFile is a file-name pattern ('%' form), which is not supported; "
                                "save the volume as a single .mha or .nrrd file")
            .arg(path);
    if (!header.sizes || dimensions < 0)
        return QString(); // the reader says what is missing
    bool valid = header.sizes->size() == dimensions;
    for (const QByteArray& size : *header.sizes) {
        bool ok = false;
        const qlonglong n = size.toLongLong(&ok);
        valid = valid && ok && n >= 1 && n <= std::numeric_limits<int>::max();
    }
    if (!valid)
        return VolumeIOText::tr("%1: the MetaImage header's DimSize (%2) is not %3 whole numbers of at least 1")
            .arg(path, QString::fromLatin1(header.sizes->join(' ').left(80))).arg(dimensions);
    return QString();
}

// Inflates `bytes` bytes of `file` from its current position as MetaIO does (zlib or gzip framing) and says how it
// ends: empty when the stream is complete and gives exactly `expected` bytes. ITK 5.2's MET_PerformUncompression
// loops for ever on some damaged streams (fuzz_volume_mha, finding 23: 100 % CPU, SIGTERM ignored), so a compressed
// MetaImage is inflated here once, in bounded chunks, before ITK sees it.
QString metaImageInflationProblem(QFile& file, qint64 bytes, uint64_t expected)
{
    z_stream stream{};
    if (::inflateInit2(&stream, 15 + 32) != Z_OK)
        return VolumeIOText::tr("zlib cannot start");
    std::vector<unsigned char> in(1 << 16), out(1 << 18);
    uint64_t produced = 0;
    int code = Z_OK;
    QString problem;
    while (code != Z_STREAM_END && problem.isEmpty()) {
        if (stream.avail_in == 0) {
            if (bytes <= 0) {
                problem = VolumeIOText::tr("its compressed data ends before the image does");
                break;
            }
            const qint64 got = file.read(reinterpret_cast<char*>(in.data()), std::min<qint64>(bytes, qint64(in.size())));
            if (got <= 0) {
                problem = VolumeIOText::tr("its compressed data cannot be read");
                break;
            }
            bytes -= got;
            stream.next_in = in.data();
            stream.avail_in = uInt(got);
        }
        stream.next_out = out.data();
        stream.avail_out = uInt(out.size());
        code = ::inflate(&stream, Z_NO_FLUSH);
        produced += out.size() - stream.avail_out;
        if (code == Z_NEED_DICT || code == Z_DATA_ERROR || code == Z_MEM_ERROR || code == Z_STREAM_ERROR)
            problem = VolumeIOText::tr("its compressed data is damaged (%1)")
                          .arg(stream.msg ? QString::fromLatin1(stream.msg)
                                          : code == Z_NEED_DICT ? VolumeIOText::tr("a preset dictionary is asked for")
                                                                : VolumeIOText::tr("zlib code %1").arg(code));
        else if (code == Z_BUF_ERROR && stream.avail_in != 0)
            problem = VolumeIOText::tr("its compressed data is damaged (zlib makes no progress)");
        else if (produced > expected)
            problem = VolumeIOText::tr("its compressed data holds more than the %1 bytes the header declares").arg(expected);
    }
    ::inflateEnd(&stream);
    if (problem.isEmpty() && produced != expected)
        problem = VolumeIOText::tr("its compressed data holds %1 bytes, the header declares %2").arg(produced).arg(expected);
    return problem;
}

// A MetaImage file (.mha) whose data, after the header, is shorter than the header declares: CompressedDataSize
// bytes when compressed, the voxels' bytes when not; compressed data must also inflate, completely, to the voxels'
// bytes. Empty when complete.
QString metaImageDataProblem(const QString& path, uint64_t voxelBytes)
{
    const auto header = readMetaImageHeaderText(path);
    if (!header)
        return QString();
    if (header->dataFile != "LOCAL") {
        // A detached data file (.mhd + .raw): MetaIO reads what it holds and leaves the rest of the voxels as they
        // were, silently. Its name is relative to the header's folder; a missing one the reader reports itself.
        if (header->dataFile.isEmpty())
            return QString();
        QString dataPath = QFile::decodeName(header->dataFile);
        if (QFileInfo(dataPath).isRelative())
            dataPath = QFileInfo(path).dir().filePath(dataPath);
        const QFileInfo data(dataPath);
        // MetaIO also tries the name with .gz and .Z; when none is there it says so on stderr, and a compressed header
        // then had ITK 5.2 ask for 2^63 bytes (fuzz_volume_mha).
        if (!data.isFile() && !QFileInfo(dataPath + QLatin1String(".gz")).isFile() && !QFileInfo(dataPath + QLatin1String(".Z")).isFile())
            return VolumeIOText::tr("%1: its data file %2 is missing").arg(path, dataPath);
        const qint64 declared = header->compressed ? header->compressedSize : qint64(voxelBytes);
        if (data.isFile() && declared >= 0 && data.size() < declared)
            return VolumeIOText::tr("%1: its data file %2 is cut short: it holds %3 bytes, the header declares %4")
                .arg(path, dataPath).arg(data.size()).arg(declared);
        if (data.isFile() && header->compressed) {
            QFile stream(dataPath);
            if (!stream.open(QIODevice::ReadOnly))
                return VolumeIOText::tr("%1: its data file %2 cannot be opened").arg(path, dataPath);
            if (const QString problem = metaImageInflationProblem(stream, declared > 0 ? declared : data.size(), voxelBytes);
                !problem.isEmpty())
                return VolumeIOText::tr("%1: its data file %2 is damaged: %3").arg(path, dataPath, problem);
        }
        return QString();
    }
    const qint64 held = header->fileSize - header->dataOffset;
    const qint64 declared = header->compressed ? header->compressedSize : qint64(voxelBytes);
    if (declared >= 0 && held < declared)
        return VolumeIOText::tr("%1: the file is cut short: it holds %2 bytes of image data, the header declares %3")
            .arg(path).arg(held).arg(declared);
    if (header->compressed) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || !file.seek(header->dataOffset))
            return VolumeIOText::tr("%1: it cannot be opened again").arg(path);
        if (const QString problem = metaImageInflationProblem(file, declared, voxelBytes); !problem.isEmpty())
            return VolumeIOText::tr("%1: the file is damaged: %2").arg(path, problem);
    }
    return QString();
}

// The byte order of a NIfTI-1 header (true: swapped) as nifti1_io finds it: from dim[0], which must be 1-7 one way
// or the other; the library reads a header whose sizeof_hdr is damaged (or 540, NIfTI-2's: ITK 5.2 reads NIfTI-1
// only) as long as dim[0] is usable, so that field decides only when dim[0] is 0. Nothing when neither works.
std::optional<bool> niftiOneSwapped(const QByteArray& h)
{
    if (h.size() < 348)
        return std::nullopt;
    const auto u16 = [&](int at) { return uint16_t(uint8_t(h[at])) | uint16_t(uint8_t(h[at + 1])) << 8; };
    const auto s16 = [](uint16_t v) { return int16_t(v); };
    const uint16_t d0 = u16(40);
    if (s16(d0) >= 1 && s16(d0) <= 7)
        return false;
    if (const int16_t swapped = s16(uint16_t((d0 >> 8) | (d0 << 8))); swapped >= 1 && swapped <= 7)
        return true;
    if (d0 == 0) {
        const uint32_t size = uint32_t(u16(0)) | uint32_t(u16(2)) << 16;
        if (size == 348)
            return false;
        if (size == 0x5c010000u)
            return true;
    }
    return std::nullopt;
}

// The 32-bit word at `at` of a NIfTI-1 header, in the header's byte order.
uint32_t niftiWord(const QByteArray& h, int at, bool swap)
{
    uint32_t v = uint32_t(uint8_t(h[at])) | uint32_t(uint8_t(h[at + 1])) << 8 | uint32_t(uint8_t(h[at + 2])) << 16 |
                 uint32_t(uint8_t(h[at + 3])) << 24;
    return swap ? (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24) : v;
}

// The first 348 bytes of a .nii or .nii.gz (zlib reads a plain file as it is); shorter when the file is.
QByteArray niftiHeaderBytes(const QString& path)
{
    QByteArray h(348, '\0');
    int got = 0;
    if (gzFile gz = gzopen(QFile::encodeName(path).constData(), "rb")) {
        got = gzread(gz, h.data(), 348);
        gzclose(gz);
    }
    h.truncate(std::max(got, 0));
    return h;
}

// Where a NIfTI-1 header says its voxels start and how many bytes they take as stored (ITK reports the rescaled
// type, not the stored one).
struct NiftiExtent
{
    uint64_t start = 0, bytes = 0;
};

std::optional<NiftiExtent> niftiOneExtent(const QByteArray& h)
{
    const std::optional<bool> swapped = niftiOneSwapped(h);
    if (!swapped)
        return std::nullopt;
    const bool swap = *swapped;
    const auto i16 = [&](int at) {
        const uint16_t v = uint16_t(uint8_t(h[at])) | uint16_t(uint8_t(h[at + 1])) << 8;
        return int16_t(swap ? uint16_t((v >> 8) | (v << 8)) : v);
    };
    const uint32_t offsetBits = niftiWord(h, 108, swap);
    const int dims = std::clamp<int>(i16(40), 0, 7);
    uint64_t voxels = 1;
    for (int d = 1; d <= dims; ++d)
        voxels *= uint64_t(std::max<int16_t>(1, i16(40 + 2 * d)));
    float offset = 0.0f;
    std::memcpy(&offset, &offsetBits, 4);
    NiftiExtent extent;
    // vox_offset is a float: one beyond any file (or not a number) must not overflow the conversion.
    extent.start = offset < 1.0e15f ? uint64_t(std::max(348.0f, offset)) : uint64_t(1) << 50;
    extent.bytes = voxels * uint64_t(std::max<int16_t>(1, i16(72))) / 8;
    return extent;
}

// The whole gzip stream of a .nii.gz decompresses to its end (with its check sum): a file cut short does not.
QString gzipProblem(const QString& path)
{
    gzFile file = ::gzopen(QFile::encodeName(path).constData(), "rb");
    if (!file)
        return VolumeIOText::tr("it cannot be opened again");
    ::gzbuffer(file, 1 << 17);
    std::vector<char> buffer(1 << 18);
    int read = 0;
    while ((read = ::gzread(file, buffer.data(), unsigned(buffer.size()))) > 0) {
    }
    int code = Z_OK;
    const QString message = QString::fromLatin1(::gzerror(file, &code));
    ::gzclose(file);
    if (read < 0 || (code != Z_OK && code != Z_STREAM_END))
        return VolumeIOText::tr("its compressed data is incomplete (%1)").arg(message);
    return QString();
}

} // namespace

itk::ImageIOBase::Pointer imageIOFor(const QString& path)
{
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".nii")) || lower.endsWith(QLatin1String(".nii.gz")))
        return itk::NiftiImageIO::New().GetPointer();
    if (lower.endsWith(QLatin1String(".nrrd")) || lower.endsWith(QLatin1String(".nhdr")))
        return itk::NrrdImageIO::New().GetPointer();
    if (lower.endsWith(QLatin1String(".mha")) || lower.endsWith(QLatin1String(".mhd")))
        return itk::MetaImageIO::New().GetPointer();
    if (lower.endsWith(QLatin1String(".png")))
        return itk::PNGImageIO::New().GetPointer();
    return nullptr;
}

Expected<itk::ImageIOBase::Pointer> probeImageFile(const QString& path)
{
    if (!QFileInfo::exists(path))
        return Error::failed(VolumeIOText::tr("%1: no such file").arg(path));
    if (const QString lowerName = path.toLower(); lowerName.endsWith(QLatin1String(".mha")) || lowerName.endsWith(QLatin1String(".mhd")))
        if (const auto header = readMetaImageHeaderText(path))
            if (const QString problem = metaImageHeaderProblem(path, *header); !problem.isEmpty())
                return Error::failed(problem);
    try {
        // The reader is chosen by the name and never by content (ItkImageFile.h): a .nii.gz whose header is
        // damaged went to GDCM's reader, which asserted, and PNG bytes under a NIfTI name to libpng, which aborted.
        itk::ImageIOBase::Pointer io = imageIOFor(path);
        if (!io || !io->CanReadFile(QFile::encodeName(path).constData()))
            return Error::failed(VolumeIOText::tr("%1: not a supported image file (NIfTI, NRRD, MHA or PNG expected)").arg(path));
        // ITK's NIfTI reader aborts the process (vnl's assert_finite) on a header whose voxel sizes or orientation
        // are not finite numbers or too large to square: those are checked first.
        const QString lower = path.toLower();
        const bool niftiName = lower.endsWith(QLatin1String(".nii")) || lower.endsWith(QLatin1String(".nii.gz"));
        const QByteArray niftiHeader = niftiName ? niftiHeaderBytes(path) : QByteArray();
        if (niftiName) {
            const QByteArray& h = niftiHeader;
            bool finite = true;
            if (h.size() == 348)
                if (const std::optional<bool> swap = niftiOneSwapped(h)) {
                    for (int at : {76, 80, 84, 88, 92, 96, 100, 104, 256, 260, 264, 268, 272, 276, 280, 284, 288, 292, 296,
                                   300, 304, 308, 312, 316, 320, 324}) {
                        const uint32_t bits = niftiWord(h, at, *swap);
                        float v = 0.0f;
                        std::memcpy(&v, &bits, 4);
                        finite = finite && std::isfinite(v) && std::fabs(v) < 1.0e15f; // squares must stay finite too
                    }
                }
            if (!finite)
                return Error::failed(VolumeIOText::tr("%1: the NIfTI header's voxel sizes or orientation are not usable numbers").arg(path));
        }
        io->SetFileName(QFile::encodeName(path).toStdString());
        io->ReadImageInformation();
        if (io->GetNumberOfDimensions() > 4 && io->GetDimensions(4) > 1)
            return Error::failed(VolumeIOText::tr("%1: %2-dimensional images are not supported").arg(path).arg(io->GetNumberOfDimensions()));
        // A header may declare fewer than two dimensions (a damaged MetaImage: NDims = 1 or 0).
        if (io->GetNumberOfDimensions() < 2)
            return Error::failed(VolumeIOText::tr("%1: %2-dimensional images are not supported").arg(path).arg(io->GetNumberOfDimensions()));
        const auto sizeAlong = [&](unsigned axis) { return axis < io->GetNumberOfDimensions() ? io->GetDimensions(axis) : 1; };
        if (sizeAlong(0) == 0 || sizeAlong(1) == 0 || sizeAlong(2) == 0)
            return Error::failed(VolumeIOText::tr("%1: the file holds no voxels (%2 x %3 x %4): its header is damaged")
                                     .arg(path).arg(sizeAlong(0)).arg(sizeAlong(1)).arg(sizeAlong(2)));
        const double voxels = double(io->GetDimensions(0)) * io->GetDimensions(1) *
                              (io->GetNumberOfDimensions() > 2 ? io->GetDimensions(2) : 1);
        if (voxels > 4.0e9)
            return Error::failed(VolumeIOText::tr("%1: the image is too large (%2 voxels)").arg(path).arg(voxels, 0, 'g', 3));
        // An uncompressed NIfTI shorter than its voxels: the library would read what is there and leave the rest
        // as it was, silently.
        if (lower.endsWith(QLatin1String(".nii.gz"))) {
            const auto extent = niftiOneExtent(niftiHeader);
            QFile file(path);
            if (extent && file.open(QIODevice::ReadOnly) && file.size() > 18) {
                // deflate packs at most 1032 bytes into one: fewer compressed bytes than that ratio allows cannot hold
                // the image, whatever the size modulo 2^32 at the end says (a memory bomb otherwise allocated first).
                const uint64_t declared = extent->start + extent->bytes;
                if (declared / 1032 > uint64_t(file.size()))
                    return Error::failed(VolumeIOText::tr("%1: the file is cut short or damaged: %2 bytes of compressed data cannot hold an image of %3 bytes")
                                             .arg(path).arg(file.size()).arg(declared));
                // A gzip file ends with the uncompressed size (mod 2^32): header (348 bytes and any extensions) plus
                // voxels. A file cut short ends inside the compressed data instead.
                if (declared < (uint64_t(1) << 31) && file.seek(file.size() - 4)) {
                    const QByteArray tail = file.read(4);
                    const uint32_t size = uint32_t(uint8_t(tail[0])) | uint32_t(uint8_t(tail[1])) << 8 | uint32_t(uint8_t(tail[2])) << 16 |
                                          uint32_t(uint8_t(tail[3])) << 24;
                    if (size < extent->bytes + 348 || size > declared + (1u << 24))
                        return Error::failed(VolumeIOText::tr("%1: the file is cut short or damaged: its compressed data does not end as a complete image of %2 bytes")
                                                 .arg(path).arg(extent->bytes));
                }
                // The trailer may still look right after a stream cut short (bytes that happen to read as a size).
                // ITK's NIfTI reader stops once it has its voxels, before the end of the stream where its CRC is
                // checked, and takes whatever a damaged stream inflates to: the whole stream is inflated once here.
                if (const QString incomplete = gzipProblem(path); !incomplete.isEmpty())
                    return Error::failed(VolumeIOText::tr("%1: the file is cut short or damaged: %2").arg(path, incomplete));
            }
        }
        if (lower.endsWith(QLatin1String(".nii"))) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                if (const auto extent = niftiOneExtent(niftiHeader)) {
                    const uint64_t needed = extent->start + extent->bytes;
                    if (uint64_t(file.size()) < needed)
                        return Error::failed(VolumeIOText::tr("%1: the file is cut short: it holds %2 bytes, the header declares %3")
                                                 .arg(path).arg(file.size()).arg(needed));
                }
        }
        if (lower.endsWith(QLatin1String(".mha")) || lower.endsWith(QLatin1String(".mhd"))) {
            // MetaImage reads a file cut short with a warning on stderr and the rest of the voxels left as they were.
            if (const QString problem = metaImageDataProblem(path, uint64_t(io->GetImageSizeInBytes())); !problem.isEmpty())
                return Error::failed(problem);
        }
        return io;
    } catch (const itk::ExceptionObject& e) {
        return Error::failed(VolumeIOText::tr("%1: cannot read the image header: %2").arg(path, QString::fromLocal8Bit(e.GetDescription())));
    }
}

bool isVolumeFileName(const QString& path)
{
    const QString lower = path.toLower();
    for (const char* ext : {".nii", ".nii.gz", ".nrrd", ".nhdr", ".mha", ".mhd", ".png"})
        if (lower.endsWith(QLatin1String(ext)))
            return true;
    return false;
}

namespace {

// Integer-valued data within the int16 range is stored as int16, as for DICOM (half the memory).
Volume volumeFromFloats(const ImageGeometry& g, const float* source)
{
    const std::size_t n = g.voxelCount();
    bool integral = true;
    for (std::size_t i = 0; i < n && integral; ++i)
        integral = source[i] == std::nearbyint(source[i]) && source[i] >= -32768.0f && source[i] <= 32767.0f;
    if (integral) {
        Volume volume(g, PixelType::Int16);
        int16_t* out = volume.int16Data();
        for (std::size_t i = 0; i < n; ++i)
            out[i] = static_cast<int16_t>(source[i]);
        return volume;
    }
    Volume volume(g, PixelType::Float32);
    std::copy_n(source, n, volume.float32Data());
    return volume;
}

Expected<Volume> readTimePoint(const QString& path, itk::ImageIOBase* io, int timePoint)
{
    try {
        using Image4 = itk::Image<float, 4>;
        auto reader = itk::ImageFileReader<Image4>::New();
        reader->SetFileName(QFile::encodeName(path).toStdString());
        reader->SetImageIO(io);
        reader->Update();
        Image4::Pointer image = reader->GetOutput();
        const auto size = image->GetLargestPossibleRegion().GetSize();
        if (timePoint < 0 || timePoint >= int(size[3]))
            return Error::failed(VolumeIOText::tr("%1: no volume %2 (the file holds %3)").arg(path).arg(timePoint + 1).arg(size[3]));
        const ImageGeometry g = geometryOf(image.GetPointer());
        return volumeFromFloats(g, image->GetBufferPointer() + g.voxelCount() * std::size_t(timePoint));
    } catch (const itk::ExceptionObject& e) {
        return Error::failed(VolumeIOText::tr("%1: cannot read the image: %2").arg(path, QString::fromLocal8Bit(e.GetDescription())));
    }
}

} // namespace

Expected<Volume> readVolume(const QString& path, int timePoint)
{
    auto io = probeImageFile(path);
    if (!io)
        return io.error();
    if ((*io)->GetNumberOfDimensions() > 3 && (*io)->GetDimensions(3) > 1)
        return readTimePoint(path, imageIOFor(path), timePoint);
    if (timePoint != 0)
        return Error::failed(VolumeIOText::tr("%1: no volume %2 (the file holds one)").arg(path).arg(timePoint + 1));
    using C = itk::IOComponentEnum;
    const auto component = (*io)->GetComponentType();
    const bool fitsInt16 = component == C::UCHAR || component == C::CHAR || component == C::SHORT;
    if (fitsInt16 && (*io)->GetNumberOfComponents() == 1) {
        auto image = readItk<int16_t>(path, imageIOFor(path));
        if (!image)
            return image.error();
        Volume volume(geometryOf(image->GetPointer()), PixelType::Int16);
        std::copy_n((*image)->GetBufferPointer(), volume.voxelCount(), volume.int16Data());
        return volume;
    }
    auto image = readItk<float>(path, imageIOFor(path));
    if (!image)
        return image.error();
    return volumeFromFloats(geometryOf(image->GetPointer()), (*image)->GetBufferPointer());
}

Expected<LabelMap> readLabelMap(const QString& path)
{
    auto io = probeImageFile(path);
    if (!io)
        return io.error();
    auto image = readItk<float>(path, imageIOFor(path));
    if (!image)
        return image.error();
    LabelMap labels(geometryOf(image->GetPointer()));
    const float* source = (*image)->GetBufferPointer();
    uint8_t* out = labels.data();
    for (std::size_t i = 0; i < labels.voxelCount(); ++i) {
        const float v = source[i];
        if (v < 0.0f || v > 255.0f || v != std::nearbyint(v))
            return Error::failed(VolumeIOText::tr("%1: not a label map (voxel value %2 is not an integer in 0..255)").arg(path).arg(v));
        out[i] = static_cast<uint8_t>(v);
    }
    return labels;
}

Expected<void> writeVolume(const Volume& volume, const QString& path)
{
    if (volume.isEmpty())
        return Error::failed(VolumeIOText::tr("%1: nothing to write, the volume is empty").arg(path));
    if (volume.pixelType() == PixelType::Int16)
        return writeItk<int16_t>(volume.geometry(), volume.int16Data(), path);
    return writeItk<float>(volume.geometry(), volume.float32Data(), path);
}

Expected<void> writeLabelMap(const LabelMap& labels, const QString& path)
{
    if (labels.isEmpty())
        return Error::failed(VolumeIOText::tr("%1: nothing to write, the label map is empty").arg(path));
    return writeItk<uint8_t>(labels.geometry(), labels.data(), path);
}

QString temporaryPathFor(const QString& path)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    // Keep the whole extension (".nii.gz") so that writers that choose the format by name still do.
    const int dot = name.indexOf(QLatin1Char('.'), 1);
    const QString stem = dot > 0 ? name.left(dot) : name;
    const QString extension = dot > 0 ? name.mid(dot) : QString();
    const QString unique = QString::number(QRandomGenerator::global()->generate(), 16);
    return info.dir().filePath(QStringLiteral(".%1.partial-%2%3").arg(stem, unique, extension));
}

Expected<void> replaceFile(const QString& temporaryPath, const QString& path)
{
    if (const int fd = ::open(QFile::encodeName(temporaryPath).constData(), O_RDONLY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    // rename(2) replaces the target atomically on POSIX file systems.
    if (std::rename(QFile::encodeName(temporaryPath).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temporaryPath);
        return Error::failed(VolumeIOText::tr("%1: cannot replace the file (%2)").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    syncFolder(QFileInfo(path).absolutePath());
    return {};
}

void syncFolder(const QString& folder)
{
    if (const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

Expected<void> writeBytesAtomically(const QString& path, const QByteArray& bytes)
{
    return writeAtomically(path, [&](const QString& temporary) -> Expected<void> {
        QFile file(temporary);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !writeAll(file, bytes))
            return Error::failed(VolumeIOText::tr("%1: cannot write (%2)").arg(path, file.errorString()));
        return {};
    });
}

Expected<void> createTemporaryFile(const QString& temporaryPath, const QString& path)
{
    const int fd = ::open(QFile::encodeName(temporaryPath).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        return Error::failed(VolumeIOText::tr("%1: not saved: the folder %2 takes no new file (%3). Any earlier version of the file is unchanged.")
                                 .arg(path, QDir::toNativeSeparators(QFileInfo(path).absolutePath()), reason));
    }
    ::close(fd);
    return {};
}

namespace {

// Why a write stopped, where the system shows it; empty when it does not.
QString visibleWriteCause(const QString& temporaryPath)
{
    const QFileInfo written(temporaryPath);
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && written.exists() &&
        uint64_t(written.size()) >= uint64_t(limit.rlim_cur))
        return VolumeIOText::tr("the file reached the largest size this process may write (%1 bytes)").arg(qulonglong(limit.rlim_cur));
    struct statvfs disk {};
    if (::statvfs(QFile::encodeName(written.absolutePath()).constData(), &disk) == 0) {
        const uint64_t available = uint64_t(::geteuid() == 0 ? disk.f_bfree : disk.f_bavail) * uint64_t(disk.f_frsize);
        if (available < (uint64_t(1) << 20))
            return VolumeIOText::tr("the disk is full");
    }
    return QString();
}

} // namespace

Expected<void> checkWrittenFile(const QString& temporaryPath, const QString& path)
{
    const QFileInfo written(temporaryPath);
    if (!written.exists() || written.size() == 0)
        return Error::failed(VolumeIOText::tr("%1: nothing was written").arg(path));
    const QString lower = path.toLower();
    const bool nifti = lower.endsWith(QLatin1String(".nii")) || lower.endsWith(QLatin1String(".nii.gz"));
    if (!nifti && !lower.endsWith(QLatin1String(".mha")))
        return {};
    // The libraries behind these formats report a failed write on stderr at most: the file must hold what its own
    // header declares.
    QString problem;
    if (auto io = probeImageFile(temporaryPath); !io.ok()) {
        problem = io.error().message; // for a .nii.gz this inflated the whole stream (gzipProblem)
        if (problem.startsWith(temporaryPath + QLatin1String(": ")))
            problem = problem.mid(temporaryPath.size() + 2);
    }
    if (problem.isEmpty())
        return {};
    return Error::failed(VolumeIOText::tr("%1: the file was not written completely: %2").arg(path, problem));
}

bool writeAll(QFileDevice& file, const QByteArray& bytes)
{
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 written = file.write(bytes.constData() + done, bytes.size() - done);
        if (written <= 0)
            return false;
        done += written;
    }
    return file.flush();
}

Error discardFailedWrite(const QString& temporaryPath, const QString& path, const Error& error)
{
    const QString cause = visibleWriteCause(temporaryPath);
    QFile::remove(temporaryPath);
    if (cause.isEmpty())
        return error;
    QString detail = error.message;
    if (detail.startsWith(path + QLatin1String(": ")))
        detail = detail.mid(path.size() + 2);
    return Error::failed(VolumeIOText::tr("%1: not saved: %2. Any earlier version of the file is unchanged. (%3)").arg(path, cause, detail.trimmed()));
}

} // namespace delineate
