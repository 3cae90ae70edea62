#include "dicom/DicomEncodingCheck.h"

#include <QFile>

#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dctagkey.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace delineate {

namespace {

constexpr uint32_t kUndefinedLength = 0xffffffffu;
constexpr uint32_t kImplausibleLength = 0x80000000u;
constexpr int kMaximumDepth = 16;

enum class Step { Done, CutShort, Misencoded };

bool isValueRepresentation(const char* vr)
{
    static const char* const known[] = {"AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF",
                                        "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN",
                                        "UR", "US", "UT", "UV"};
    for (const char* k : known)
        if (vr[0] == k[0] && vr[1] == k[1])
            return true;
    return false;
}

// Explicit-VR elements of these representations have a 4-byte length after 2 reserved bytes.
bool hasLongLength(const char* vr)
{
    static const char* const longOnes[] = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"};
    for (const char* k : longOnes)
        if (vr[0] == k[0] && vr[1] == k[1])
            return true;
    return false;
}

class Walker
{
public:
    Walker(const uint8_t* data, uint64_t size, const DcmDataDictionary& dictionary, DicomTagRule rule)
        : m_data(data), m_size(size), m_dictionary(dictionary), m_rule(rule)
    {
    }

    bool explicitVr = true;
    bool bigEndian = false;

    uint16_t u16(uint64_t at) const
    {
        return bigEndian ? uint16_t(m_data[at] << 8 | m_data[at + 1]) : uint16_t(m_data[at] | m_data[at + 1] << 8);
    }
    uint32_t u32(uint64_t at) const
    {
        return bigEndian ? uint32_t(u16(at)) << 16 | u16(at + 2) : uint32_t(u16(at)) | uint32_t(u16(at + 2)) << 16;
    }

    // The elements of one data set from `pos`: to `end` (a defined length), or to an item delimiter when
    // `delimited`. Returns with `pos` after them.
    Step dataSet(uint64_t& pos, uint64_t end, bool delimited, int depth)
    {
        if (depth > kMaximumDepth)
            return Step::Misencoded;
        uint32_t last = 0;
        bool first = true;
        std::vector<uint32_t> creators; // private creator tags (gggg,00xx) of this data set
        for (;;) {
            if (!delimited && pos == end)
                return Step::Done;
            if (pos + 8 > m_size)
                return Step::CutShort;
            if (!delimited && pos + 8 > end)
                return Step::Misencoded;
            const uint16_t group = u16(pos), element = u16(pos + 2);
            const uint32_t tag = uint32_t(group) << 16 | element;
            if (group == 0xfffe) {
                if (delimited && element == 0xe00d) {
                    pos += 8;
                    return Step::Done;
                }
                return Step::Misencoded;
            }
            if (m_rule == DicomTagRule::KnownAndAscending && ((!first && tag <= last) || !plausible(group, element)))
                return Step::Misencoded;
            if (group == 0xffff)
                return Step::Misencoded;
            // Real files carry private elements without their creator (gggg,00xx) now and then, but one that
            // also runs past the end of the file is more likely bytes read from the wrong place.
            const bool orphan = group % 2 == 1 && element >= 0x0100 &&
                                std::find(creators.begin(), creators.end(), uint32_t(group) << 16 | uint32_t(element >> 8)) == creators.end();
            if (group % 2 == 1 && element >= 0x0010 && element <= 0x00ff)
                creators.push_back(tag);
            first = false;
            last = tag;
            char vr[2] = {0, 0};
            uint32_t length = 0;
            if (explicitVr) {
                vr[0] = char(m_data[pos + 4]);
                vr[1] = char(m_data[pos + 5]);
                if (!isValueRepresentation(vr))
                    return Step::Misencoded;
                if (hasLongLength(vr)) {
                    if (pos + 12 > m_size)
                        return Step::CutShort;
                    length = u32(pos + 8);
                    pos += 12;
                } else {
                    length = u16(pos + 6);
                    pos += 8;
                }
            } else {
                length = u32(pos + 4);
                pos += 8;
            }
            if (length == kUndefinedLength) {
                if (explicitVr && !(vr[0] == 'S' && vr[1] == 'Q') && !(vr[0] == 'U' && vr[1] == 'N') && !(vr[0] == 'O' && vr[1] == 'B') &&
                    !(vr[0] == 'O' && vr[1] == 'W'))
                    return Step::Misencoded;
                if (tag == 0x7fe00010u) {
                    if (const Step step = fragments(pos); step != Step::Done)
                        return step;
                    continue;
                }
                // An undefined-length UN element is a sequence encoded in implicit VR little endian (CP-246).
                const bool wasExplicit = explicitVr, wasBigEndian = bigEndian;
                if (explicitVr && vr[0] == 'U' && vr[1] == 'N') {
                    explicitVr = false;
                    bigEndian = false;
                }
                const Step step = sequence(pos, depth);
                explicitVr = wasExplicit;
                bigEndian = wasBigEndian;
                if (step != Step::Done)
                    return step;
                continue;
            }
            // No element of a real file is 2 GiB or more (a frame that large breaks DICOM's 4 GiB limit on
            // the whole pixel data first); such a length is bytes read from the wrong place.
            if (length >= kImplausibleLength)
                return Step::Misencoded;
            if (pos + length > m_size)
                return orphan ? Step::Misencoded : Step::CutShort;
            if (!delimited && pos + length > end)
                return Step::Misencoded;
            pos += length;
        }
    }

private:
    // Even groups are public: their tags must be known (group lengths always are). Odd groups are private (files
    // in the wild use even the reserved 0001-0007); FFFF may not be used.
    bool plausible(uint16_t group, uint16_t element) const
    {
        if (group % 2 == 1)
            return group != 0xffff;
        if (element == 0x0000)
            return true;
        return m_dictionary.findEntry(DcmTagKey(group, element), nullptr) != nullptr;
    }

    // The header of an item or a delimiter (FFFE,xxxx) at `pos`, which moves past it. False when the file ends
    // inside it.
    bool itemHeader(uint64_t& pos, uint16_t& group, uint16_t& element, uint32_t& length) const
    {
        if (pos + 8 > m_size)
            return false;
        group = u16(pos);
        element = u16(pos + 2);
        length = u32(pos + 4);
        pos += 8;
        return true;
    }

    // Items of an undefined-length sequence, up to its delimiter.
    Step sequence(uint64_t& pos, int depth)
    {
        for (;;) {
            uint16_t group = 0, element = 0;
            uint32_t length = 0;
            if (!itemHeader(pos, group, element, length))
                return Step::CutShort;
            if (group != 0xfffe)
                return Step::Misencoded;
            if (element == 0xe0dd)
                return Step::Done;
            if (element != 0xe000)
                return Step::Misencoded;
            if (length == kUndefinedLength) {
                if (const Step step = dataSet(pos, 0, true, depth + 1); step != Step::Done)
                    return step;
                continue;
            }
            if (pos + length > m_size)
                return Step::CutShort;
            if (const Step step = dataSet(pos, pos + length, false, depth + 1); step != Step::Done)
                return step;
        }
    }

    // The fragments of encapsulated pixel data, up to the sequence delimiter.
    Step fragments(uint64_t& pos)
    {
        for (;;) {
            uint16_t group = 0, element = 0;
            uint32_t length = 0;
            if (!itemHeader(pos, group, element, length))
                return Step::CutShort;
            if (group != 0xfffe || (element != 0xe000 && element != 0xe0dd))
                return Step::Misencoded;
            if (element == 0xe0dd)
                return Step::Done;
            if (pos + length > m_size)
                return Step::CutShort;
            pos += length;
        }
    }

    const uint8_t* m_data;
    uint64_t m_size;
    const DcmDataDictionary& m_dictionary;
    const DicomTagRule m_rule;
};

DicomEncodingVerdict verdictOf(Step step)
{
    switch (step) {
    case Step::Done:
        return DicomEncodingVerdict::Consistent;
    case Step::CutShort:
        return DicomEncodingVerdict::CutShort;
    case Step::Misencoded:
        break;
    }
    return DicomEncodingVerdict::Misencoded;
}

DicomEncodingVerdict walk(const uint8_t* data, uint64_t size, const DcmDataDictionary& dictionary, DicomTagRule rule)
{
    Walker walker(data, size, dictionary, rule);
    uint64_t pos = 0;
    QByteArray syntax;
    if (size >= 132 && std::memcmp(data + 128, "DICM", 4) == 0) {
        // The file meta group: explicit VR little endian, group 0002 only.
        pos = 132;
        uint64_t metaEnd = pos;
        while (metaEnd + 8 <= size && (data[metaEnd] | data[metaEnd + 1] << 8) == 0x0002) {
            const uint16_t element = uint16_t(data[metaEnd + 2] | data[metaEnd + 3] << 8);
            const char vr[2] = {char(data[metaEnd + 4]), char(data[metaEnd + 5])};
            if (!isValueRepresentation(vr))
                return DicomEncodingVerdict::Misencoded;
            uint64_t header = 8;
            uint64_t length = uint64_t(data[metaEnd + 6] | data[metaEnd + 7] << 8);
            if (hasLongLength(vr)) {
                if (metaEnd + 12 > size)
                    return DicomEncodingVerdict::CutShort;
                header = 12;
                length = walker.u32(metaEnd + 8);
            }
            if (length == kUndefinedLength)
                return DicomEncodingVerdict::Misencoded;
            if (metaEnd + header + length > size)
                return DicomEncodingVerdict::CutShort;
            if (element == 0x0010)
                syntax = QByteArray(reinterpret_cast<const char*>(data + metaEnd + header), int(length)).trimmed();
            metaEnd += header + length;
        }
        pos = metaEnd;
        while (syntax.endsWith('\0'))
            syntax.chop(1);
    }
    if (syntax == "1.2.840.10008.1.2.1.99")
        return DicomEncodingVerdict::Undetermined; // deflated: the walk would need to inflate first
    if (syntax.isEmpty()) {
        // No meta group (or no syntax in it): explicit VR when a value representation follows the first tag, as
        // the library guesses.
        const char vr[2] = {pos + 6 <= size ? char(data[pos + 4]) : '\0', pos + 6 <= size ? char(data[pos + 5]) : '\0'};
        walker.explicitVr = isValueRepresentation(vr);
        // Big endian when the first group reads smaller that way (0008 rather than 0800).
        if (pos + 2 <= size)
            walker.bigEndian = walker.explicitVr && (data[pos] << 8 | data[pos + 1]) < (data[pos] | data[pos + 1] << 8);
    } else {
        walker.explicitVr = syntax != "1.2.840.10008.1.2";
        walker.bigEndian = syntax == "1.2.840.10008.1.2.2";
    }
    return verdictOf(walker.dataSet(pos, size, false, 0));
}

} // namespace

DicomEncodingVerdict checkDicomEncoding(const QString& path, DicomTagRule rule)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return DicomEncodingVerdict::Undetermined;
    const uint64_t size = uint64_t(file.size());
    const uchar* data = file.map(0, file.size());
    if (!data)
        return DicomEncodingVerdict::Undetermined;
    const DcmDataDictionary& dictionary = dcmDataDict.rdlock();
    const DicomEncodingVerdict verdict = dictionary.isDictionaryLoaded() ? walk(data, size, dictionary, rule) : DicomEncodingVerdict::Undetermined;
    dcmDataDict.rdunlock();
    file.unmap(const_cast<uchar*>(data));
    return verdict;
}

} // namespace delineate
