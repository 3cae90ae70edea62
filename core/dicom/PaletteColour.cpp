// Palette colour lookup tables: the descriptors, plain data, and the expansion of segmented data (PS3.3 C.7.9.2).
#include "dicom/PaletteColour.h"

#include <QCoreApplication>
#include <QString>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {

// Translation context "PaletteColour" (lupdate reads it from the macro).
class PaletteText
{
    Q_DECLARE_TR_FUNCTIONS(PaletteColour)
};

class SegmentExpander
{
public:
    SegmentExpander(const uint16_t* words, std::size_t count, std::size_t entries, int unitBytes)
        : m_words(words), m_count(count), m_entries(entries), m_unitBytes(unitBytes)
    {
        m_out.reserve(entries);
    }

    // Expands the segments from unit `at` on: all of them (`limit` < 0), or `limit` segments (an indirect copy,
    // which may not hold another indirect segment). Returns what is wrong, or "".
    QString run(std::size_t at, long limit)
    {
        for (long done = 0; limit < 0 || done < limit; ++done) {
            // A trailing pad word (odd byte count rounded up) ends the data as well as its end does.
            if (limit < 0 && at + 1 >= m_count)
                return QString();
            if (at + 1 >= m_count)
                return PaletteText::tr("an indirect segment copies more segments than follow its offset");
            const uint16_t type = m_words[at], length = m_words[at + 1];
            const std::size_t start = at;
            at += 2;
            if (type == 0) { // discrete: `length` values
                if (at + length > m_count)
                    return PaletteText::tr("a discrete segment at position %1 runs past the data").arg(start);
                if (QString problem = append(m_words + at, length); !problem.isEmpty())
                    return problem;
                at += length;
            } else if (type == 1) { // linear: from the last value to the next word, in `length` steps
                if (at >= m_count)
                    return PaletteText::tr("a linear segment at position %1 runs past the data").arg(start);
                if (m_out.empty())
                    return PaletteText::tr("a linear segment at position %1 has no value before it").arg(start);
                const double y0 = m_out.back(), y1 = m_words[at];
                ++at;
                if (m_out.size() + length > m_entries)
                    return tooLong();
                for (unsigned k = 1; k <= length; ++k)
                    m_out.push_back(uint16_t(std::lround(y0 + (y1 - y0) * k / length)));
            } else if (type == 2) { // indirect: `length` earlier segments, found by their byte offset
                if (limit >= 0)
                    return PaletteText::tr("an indirect segment copies another indirect segment");
                // The 32-bit offset: two words, or four bytes, least significant first.
                const std::size_t units = m_unitBytes == 2 ? 2 : 4;
                if (at + units > m_count)
                    return PaletteText::tr("an indirect segment at position %1 runs past the data").arg(start);
                uint32_t offset = 0;
                for (std::size_t u = units; u-- > 0;)
                    offset = offset << (8 * m_unitBytes) | m_words[at + u];
                at += units;
                if (offset % unsigned(m_unitBytes) != 0 || offset / unsigned(m_unitBytes) >= start)
                    return PaletteText::tr("an indirect segment at position %1 points at byte %2, not at an earlier segment")
                        .arg(start).arg(offset);
                if (QString problem = run(offset / unsigned(m_unitBytes), length); !problem.isEmpty())
                    return problem;
            } else {
                return PaletteText::tr("the segment at position %1 has the unknown type %2").arg(start).arg(type);
            }
        }
        return QString();
    }

    std::vector<uint16_t> take() { return std::move(m_out); }

private:
    QString append(const uint16_t* values, std::size_t n)
    {
        if (m_out.size() + n > m_entries)
            return tooLong();
        m_out.insert(m_out.end(), values, values + n);
        return QString();
    }

    QString tooLong() const { return PaletteText::tr("the segments hold more than the %1 entries described").arg(m_entries); }

    const uint16_t* m_words;
    std::size_t m_count, m_entries;
    int m_unitBytes;
    std::vector<uint16_t> m_out;
};

struct Channel
{
    const DcmTagKey descriptor, data, segmented;
};

} // namespace

std::vector<float> PaletteLut::luminance() const
{
    const std::size_t n = channels[0].size();
    std::vector<float> out(n);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = float(0.299 * channels[0][i] + 0.587 * channels[1][i] + 0.114 * channels[2][i]);
    return out;
}

Expected<std::vector<uint16_t>> expandSegmentedLut(const uint16_t* words, std::size_t count, std::size_t entries,
                                                   int unitBytes)
{
    SegmentExpander expander(words, count, entries, unitBytes);
    if (const QString problem = expander.run(0, -1); !problem.isEmpty())
        return Error::failed(problem);
    std::vector<uint16_t> out = expander.take();
    if (out.size() != entries)
        return Error::failed(PaletteText::tr("the segments hold %1 entries, the descriptor %2").arg(out.size()).arg(entries));
    return out;
}

Expected<PaletteLut> readPaletteLut(DcmItem& item, bool signedIndices, bool bigEndian)
{
    static const Channel channels[3] = {
        {DCM_RedPaletteColorLookupTableDescriptor, DCM_RedPaletteColorLookupTableData,
         DCM_SegmentedRedPaletteColorLookupTableData},
        {DCM_GreenPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableData,
         DCM_SegmentedGreenPaletteColorLookupTableData},
        {DCM_BluePaletteColorLookupTableDescriptor, DCM_BluePaletteColorLookupTableData,
         DCM_SegmentedBluePaletteColorLookupTableData}};
    PaletteLut lut;
    for (int c = 0; c < 3; ++c) {
        const Channel& channel = channels[c];
        const QString name = c == 0 ? PaletteText::tr("red") : c == 1 ? PaletteText::tr("green") : PaletteText::tr("blue");
        Uint16 described[3] = {0, 0, 0};
        for (unsigned long v = 0; v < 3; ++v)
            if (item.findAndGetUint16(channel.descriptor, described[v], v).bad())
                return Error::failed(PaletteText::tr("the %1 palette descriptor is missing or not three numbers").arg(name));
        const std::size_t entries = described[0] == 0 ? 65536 : described[0];
        const int32_t first = signedIndices ? int32_t(int16_t(described[1])) : int32_t(described[1]);
        const int bits = described[2];
        if (bits != 8 && bits != 16)
            return Error::failed(PaletteText::tr("the %1 palette has %2 bits per entry, not 8 or 16").arg(name).arg(bits));
        if (c > 0 && (entries != lut.channels[0].size() || first != lut.firstMapped || bits != lut.bitsPerEntry))
            return Error::failed(PaletteText::tr("the %1 palette is described unlike the red one").arg(name));
        lut.firstMapped = first;
        lut.bitsPerEntry = bits;
        const Uint16* words = nullptr;
        unsigned long count = 0;
        std::vector<uint16_t> values;
        if (item.findAndGetUint16Array(channel.data, words, &count).good() && words && count > 0) {
            if (count >= entries) {
                values.assign(words, words + entries);
            } else if (bits == 8 && 2 * count >= entries) { // 8-bit entries packed two to a word, first in the low byte
                values.resize(entries);
                for (std::size_t i = 0; i < entries; ++i)
                    values[i] = uint16_t((words[i / 2] >> (8 * (i % 2))) & 0xff);
            } else {
                return Error::failed(PaletteText::tr("the %1 palette holds %2 words for %3 entries").arg(name).arg(count).arg(entries));
            }
        } else if (item.findAndGetUint16Array(channel.segmented, words, &count).good() && words && count > 0) {
            // Segments of 8-bit entries are made of bytes (PS3.3 C.7.9.2), in the file's order: DCMTK has turned
            // the words into host order, so they are taken apart by the file's byte order.
            std::vector<uint16_t> bytes;
            if (bits == 8) {
                bytes.resize(2 * count);
                for (unsigned long i = 0; i < count; ++i) {
                    bytes[2 * i + (bigEndian ? 1 : 0)] = uint16_t(words[i] & 0xff);
                    bytes[2 * i + (bigEndian ? 0 : 1)] = uint16_t(words[i] >> 8);
                }
            }
            auto expanded = bits == 8 ? expandSegmentedLut(bytes.data(), bytes.size(), entries, 1)
                                      : expandSegmentedLut(words, count, entries, 2);
            if (!expanded)
                return Error::failed(PaletteText::tr("the segmented %1 palette cannot be expanded: %2").arg(name, expanded.error().message));
            values = std::move(*expanded);
        } else {
            return Error::failed(PaletteText::tr("the %1 palette has no data").arg(name));
        }
        // 8-bit entries written in the high byte of their word (every value a multiple of 256).
        if (bits == 8 && std::any_of(values.begin(), values.end(), [](uint16_t v) { return v > 0xff; }))
            for (uint16_t& v : values)
                v = uint16_t(v >> 8);
        lut.channels[c] = std::move(values);
    }
    return lut;
}

} // namespace delineate
