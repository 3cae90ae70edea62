// Declared pixel-data sizes in checked 64-bit arithmetic, and the messages that refuse or warn about them.
#include "dicom/DeclaredImageSize.h"

#include "common/SystemMemory.h"

#include <QCoreApplication>

namespace delineate {

namespace {

// Translation context "DeclaredImageSize" (lupdate reads it from the macro).
class DeclaredImageSizeText
{
    Q_DECLARE_TR_FUNCTIONS(DeclaredImageSize)
};

std::optional<uint64_t> multiply(std::optional<uint64_t> a, int64_t b)
{
    uint64_t product = 0;
    if (!a || b < 0 || __builtin_mul_overflow(*a, uint64_t(b), &product))
        return std::nullopt;
    return product;
}

// Bits to whole bytes, rounding up (1-bit data packs eight samples in a byte).
std::optional<uint64_t> bitsToBytes(std::optional<uint64_t> bits)
{
    if (!bits)
        return std::nullopt;
    return *bits / 8 + (*bits % 8 ? 1 : 0);
}

constexpr uint64_t kMaximumFrameBytes = uint64_t(0xFFFFFFFE); // DICOM lengths are 32-bit; 0xFFFFFFFF means undefined

} // namespace

std::optional<uint64_t> DeclaredImageSize::voxelCount() const
{
    return multiply(multiply(multiply(uint64_t(1), rows), columns), frames);
}

std::optional<uint64_t> DeclaredImageSize::frameByteCount() const
{
    return bitsToBytes(multiply(multiply(multiply(multiply(uint64_t(1), rows), columns), samplesPerPixel), bitsAllocated));
}

std::optional<uint64_t> DeclaredImageSize::byteCount() const
{
    return bitsToBytes(multiply(multiply(voxelCount(), samplesPerPixel), bitsAllocated));
}

QString DeclaredImageSize::text() const
{
    return DeclaredImageSizeText::tr("Rows x Columns x Frames x Samples x Bits = %1 x %2 x %3 x %4 x %5")
        .arg(rows).arg(columns).arg(frames).arg(samplesPerPixel).arg(bitsAllocated);
}

Expected<void> checkDeclaredImageSize(const QString& path, const DeclaredImageSize& size, uint64_t memoryBytes)
{
    if (size.rows <= 0 || size.columns <= 0)
        return Error::failed(DeclaredImageSizeText::tr("%1: broken image: it declares %2 rows and %3 columns")
                                 .arg(path).arg(size.rows).arg(size.columns));
    if (size.bitsAllocated != 1 && (size.bitsAllocated <= 0 || size.bitsAllocated > 64 || size.bitsAllocated % 8 != 0))
        return Error::failed(DeclaredImageSizeText::tr("%1: broken image: BitsAllocated %2 is neither 1 nor a whole number of bytes up to 64")
                                 .arg(path).arg(size.bitsAllocated));
    if (size.samplesPerPixel != 1 && size.samplesPerPixel != 3 && size.samplesPerPixel != 4)
        return Error::failed(DeclaredImageSizeText::tr("%1: broken image: SamplesPerPixel %2 is not 1, 3 or 4")
                                 .arg(path).arg(size.samplesPerPixel));
    if (size.frames <= 0)
        return Error::failed(DeclaredImageSizeText::tr("%1: broken image: it declares %2 frames").arg(path).arg(size.frames));
    const std::optional<uint64_t> voxels = size.voxelCount();
    const std::optional<uint64_t> bytes = size.byteCount();
    const std::optional<uint64_t> frameBytes = size.frameByteCount();
    if (!voxels || !bytes || !frameBytes)
        return Error::failed(DeclaredImageSizeText::tr("%1: the declared image size overflows 64-bit arithmetic (%2): refused")
                                 .arg(path, size.text()));
    if (double(*voxels) > kMaximumVolumeVoxels)
        return Error::failed(DeclaredImageSizeText::tr("%1: the declared image is too large to load (%2: %3 voxels, at most %4)")
                                 .arg(path, size.text()).arg(*voxels).arg(kMaximumVolumeVoxels, 0, 'g', 3));
    if (memoryBytes > 0 && *bytes > memoryBytes)
        return Error::failed(DeclaredImageSizeText::tr("%1: the declared image needs %2 of memory (%3), more than this computer's %4")
                                 .arg(path, byteSizeText(*bytes), size.text(), byteSizeText(memoryBytes)));
    if (*frameBytes > kMaximumFrameBytes)
        return Error::failed(DeclaredImageSizeText::tr("%1: one frame would hold %2 bytes (%3), more than DICOM's 4 GiB limit")
                                 .arg(path).arg(*frameBytes).arg(size.text()));
    return {};
}

int64_t storedSamplesPerPixel(int64_t samplesPerPixel, const QString& photometric)
{
    const bool subsampled = photometric.startsWith(QLatin1String("YBR_FULL_422")) || photometric.startsWith(QLatin1String("YBR_PARTIAL_422"));
    return samplesPerPixel == 3 && subsampled ? 2 : samplesPerPixel;
}

Expected<QString> checkNativePixelLength(const QString& path, const DeclaredImageSize& size, uint64_t storedBytes)
{
    const std::optional<uint64_t> declared = size.byteCount();
    if (!declared)
        return Error::failed(DeclaredImageSizeText::tr("%1: the declared image size overflows 64-bit arithmetic (%2): refused")
                                 .arg(path, size.text()));
    if (storedBytes < *declared)
        return Error::failed(DeclaredImageSizeText::tr("%1: the pixel data is shorter than declared: it holds %2 bytes, "
                                                       "but %3 declares %4 bytes")
                                 .arg(path).arg(storedBytes).arg(size.text()).arg(*declared));
    // Values of odd length are padded to an even one: that byte is not extra data.
    const uint64_t padded = *declared + (*declared % 2);
    if (storedBytes > padded)
        return DeclaredImageSizeText::tr("the pixel data is longer than declared: it holds %1 bytes, but %2 declares %3 bytes; "
                                         "the extra bytes are ignored")
            .arg(storedBytes).arg(size.text()).arg(*declared);
    return QString();
}

} // namespace delineate
