// JPEG-LS frames the DICOM library's bundled codec (CharLS 1.0 in DCMTK 3.6.7) refuses, such as 7-bit samples,
// decoded with Debian's CharLS 2. Its functions are looked up in libcharls.so.2 itself (dlopen/dlsym): DCMTK's bundled
// copy exports the same legacy names (JpegLsDecode, ...) with another ABI, and whichever library loads first would
// otherwise serve both. GDCM's JPEG-LS codec calls those legacy names and so lands in DCMTK's copy: JPEG-LS never
// goes to GDCM.
#pragma once

#include "common/Expected.h"

#include <cstdint>
#include <vector>

namespace delineate {

struct JpegLsFrame
{
    int width = 0, height = 0, components = 0, bitsPerSample = 0;
    bool planar = false;           // components one after the other (interleave mode "none"), else interleaved
    std::vector<uint8_t> samples;  // 1 byte per sample up to 8 bits, 2 bytes (little endian) above
};

// Decodes one JPEG-LS stream (the bytes of one frame's fragments). Fails with the library's reason, or when
// CharLS 2 is not installed.
Expected<JpegLsFrame> decodeJpegLs(const uint8_t* data, std::size_t size);

} // namespace delineate
