// Bounds-checked parsing of Siemens CSA headers: every length is checked against the buffer before use.
#include "dicom/SiemensCsaHeader.h"

#include <cstdint>
#include <cstring>

namespace delineate {

namespace {

bool readInt32(const char* data, std::size_t length, std::size_t offset, int32_t& value)
{
    if (offset + 4 > length)
        return false;
    std::memcpy(&value, data + offset, 4); // CSA is little endian, as is every platform we build for
    return true;
}

} // namespace

int SiemensCsaHeader::integer(const QString& name, int fallback) const
{
    const auto it = elements.find(name);
    if (it == elements.end() || it->isEmpty())
        return fallback;
    bool ok = false;
    const int v = it->first().trimmed().toInt(&ok);
    return ok ? v : fallback;
}

QVector<double> SiemensCsaHeader::numbers(const QString& name) const
{
    QVector<double> result;
    const auto it = elements.find(name);
    if (it == elements.end())
        return result;
    for (const QString& item : *it) {
        bool ok = false;
        const double v = item.trimmed().toDouble(&ok);
        if (ok)
            result << v;
    }
    return result;
}

SiemensCsaHeader parseSiemensCsaHeader(const char* data, std::size_t length)
{
    SiemensCsaHeader header;
    std::size_t offset = 0;
    if (length >= 8 && std::memcmp(data, "SV10", 4) == 0)
        offset = 8; // "SV10" + 4 unused bytes
    int32_t elementCount = 0, unused = 0;
    if (!readInt32(data, length, offset, elementCount) || !readInt32(data, length, offset + 4, unused))
        return header;
    offset += 8;
    if (elementCount <= 0 || elementCount > 1000)
        return header;
    for (int32_t e = 0; e < elementCount; ++e) {
        // name[64], vm, vr[4], syngodt, nitems, xx
        if (offset + 84 > length)
            return header;
        const char* namePtr = data + offset;
        const QString name = QString::fromLatin1(namePtr, int(strnlen(namePtr, 64)));
        int32_t itemCount = 0;
        readInt32(data, length, offset + 76, itemCount);
        offset += 84;
        if (itemCount < 0 || itemCount > 10000)
            return header;
        QStringList items;
        for (int32_t i = 0; i < itemCount; ++i) {
            int32_t itemLength[4];
            for (int k = 0; k < 4; ++k)
                if (!readInt32(data, length, offset + 4 * k, itemLength[k]))
                    return header;
            offset += 16;
            // The second word holds the value length (the others repeat it or hold bookkeeping).
            const int32_t valueLength = itemLength[1];
            const int32_t used = valueLength;
            if (valueLength < 0 || offset + static_cast<std::size_t>(valueLength) > length)
                return header;
            if (used > 0)
                items << QString::fromLatin1(data + offset, int(strnlen(data + offset, std::size_t(used))));
            offset += (static_cast<std::size_t>(valueLength) + 3) & ~std::size_t(3);
        }
        header.elements.insert(name, items);
    }
    return header;
}

} // namespace delineate
