// Palette colour lookup tables (DICOM PS3.3 C.7.6.3.1.5-6 and C.7.9): plain or segmented, read from the data set
// as DCMTK holds it. dcmimage decodes plain palettes; segmented ones (ultrasound, some secondary captures) and the
// palettes of frames decoded elsewhere (JPEG 2000) are expanded here, without GDCM's file reader.
#pragma once

#include "common/Expected.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

class DcmItem;

namespace delineate {

struct PaletteLut
{
    // The stored value mapped to the first entry; values below it take the first entry, above the last the last.
    int32_t firstMapped = 0;
    int bitsPerEntry = 16;
    // Red, green, blue; each the same length (1 to 65536 entries).
    std::array<std::vector<uint16_t>, 3> channels;

    // Rec. 601 luminance of each entry, in the entries' own range (0-255 or 0-65535).
    std::vector<float> luminance() const;
};

// Expands segmented lookup table data (discrete, linear and indirect segments) into `entries` values. The data is
// made of units of `unitBytes`: 16-bit words for 16-bit entries, bytes (one per element of `words`) for 8-bit
// ones. An indirect segment's 32-bit offset (two words or four bytes, least significant first) counts bytes from
// the start of the data; it copies earlier discrete or linear segments. Fails, naming the problem, on an unknown segment type, a
// segment that runs past the data, a linear segment with nothing before it, an indirect offset that does not
// point at an earlier segment, or a table that does not come out `entries` long.
Expected<std::vector<uint16_t>> expandSegmentedLut(const uint16_t* words, std::size_t count, std::size_t entries,
                                                   int unitBytes = 2);

// Reads the palette of `item`: the three descriptors (0028,1101-1103) and either the plain (0028,1201-1203) or the
// segmented (0028,1221-1223) data. `signedIndices` reads the first mapped value as signed (Pixel Representation 1);
// `bigEndian` says the file's transfer syntax was big endian (the order of bytes in 8-bit segmented data).
Expected<PaletteLut> readPaletteLut(DcmItem& item, bool signedIndices, bool bigEndian);

} // namespace delineate
