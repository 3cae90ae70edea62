// What a DICOM header declares about its pixel data, checked against the bytes stored and against this computer
// before anything is allocated: a header is a claim, and a damaged or hostile file can claim anything.
#pragma once

#include "common/Expected.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace delineate {

// Beyond this many voxels a volume cannot be addressed safely on the machines we target (8 GiB of int16).
constexpr double kMaximumVolumeVoxels = 4.0e9;

struct DeclaredImageSize
{
    int64_t rows = 0, columns = 0, frames = 1, samplesPerPixel = 1, bitsAllocated = 0;

    // Each is empty when the product overflows 64 bits.
    std::optional<uint64_t> voxelCount() const;     // rows x columns x frames
    std::optional<uint64_t> frameByteCount() const; // one uncompressed frame
    std::optional<uint64_t> byteCount() const;      // every frame uncompressed: what native pixel data must hold
    // "Rows x Columns x Frames x Samples x Bits = 512 x 512 x 1 x 1 x 16"
    QString text() const;
};

// Refuses what cannot be loaded, before any allocation: zero rows or columns, samples or bits no decoder knows, a
// product that overflows 64 bits, more voxels than a volume may hold, more bytes than `memoryBytes` (0: no check),
// a frame over DICOM's 4 GiB. The Error names the file and the figures.
Expected<void> checkDeclaredImageSize(const QString& path, const DeclaredImageSize& size, uint64_t memoryBytes);

// Samples stored per pixel in native pixel data: YBR_FULL_422 and YBR_PARTIAL_422 keep one Cb and one Cr for
// every two pixels, so two where SamplesPerPixel says three.
int64_t storedSamplesPerPixel(int64_t samplesPerPixel, const QString& photometric);

// Native (uncompressed) pixel data of `storedBytes` against the declaration: an Error naming the file and both
// lengths when it is shorter; when it is longer, the warning to give (the extra bytes are ignored); else empty.
Expected<QString> checkNativePixelLength(const QString& path, const DeclaredImageSize& size, uint64_t storedBytes);

} // namespace delineate
