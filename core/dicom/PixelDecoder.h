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
// pixel data). Exactly one of the two vectors is filled.
struct DecodedFrame
{
    int rows = 0, columns = 0;
    std::vector<int32_t> stored;
    std::vector<float> values;
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

// Registers DCMTK's decoders once per process (thread-safe).
void registerDicomDecoders();

} // namespace delineate
