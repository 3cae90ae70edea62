// Decodes the pixel data of one DICOM file, frame by frame: DCMTK's JPEG, JPEG-LS and RLE decoders, GDCM for
// JPEG 2000, DCMTK's dcmimage for colour (converted to luminance). Unsupported syntaxes are named in the error.
#pragma once

#include "common/Expected.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace delineate {

// One decoded frame's samples before rescale: integer stored values, or float values (colour luminance, float
// pixel data), or a view of 16-bit words. Exactly one of the three is set.
struct DecodedFrame
{
    int rows = 0, columns = 0;
    std::vector<int32_t> stored;
    std::vector<float> values;
    // Fast path for the most common format (16 bits allocated and stored, MONOCHROME2): the decoded words
    // themselves, valid until the next decode on this thread. When set, `stored` and `values` are empty.
    const int16_t* raw16 = nullptr;
    bool raw16Unsigned = false;
    bool isColour = false;
    int bitsStored = 16;
    bool isSigned = false;
};

class PixelDecoder
{
public:
    PixelDecoder();
    ~PixelDecoder();
    PixelDecoder(const PixelDecoder&) = delete;
    PixelDecoder& operator=(const PixelDecoder&) = delete;

    Expected<void> open(const QString& path);
    int frameCount() const;
    // Decodes frame `index` (0-based) into `out` (its buffers are reused between calls).
    // MONOCHROME1 is inverted here so that larger values are brighter, as for MONOCHROME2.
    Expected<void> decodeFrame(int index, DecodedFrame& out);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Registers DCMTK's decoders and sets its reading options once per process (thread-safe).
void registerDicomDecoders();

} // namespace delineate
