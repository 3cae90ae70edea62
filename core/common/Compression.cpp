// zlib wrappers.
#include "common/Compression.h"

#include <QCoreApplication>

#include <zlib.h>

namespace delineate {

namespace {
class CompressionText
{
    Q_DECLARE_TR_FUNCTIONS(Compression)
};
} // namespace

QByteArray deflateBytes(const void* data, std::size_t size, int level)
{
    uLongf bound = compressBound(uLong(size));
    QByteArray out(qsizetype(bound), Qt::Uninitialized);
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &bound, static_cast<const Bytef*>(data), uLong(size), level) != Z_OK)
        return {};
    out.resize(qsizetype(bound));
    return out;
}

Expected<QByteArray> inflateBytes(const QByteArray& compressed, std::size_t expectedSize)
{
    // Deflate never compresses more than 1032:1: a larger expected size is a damaged record, refused before the
    // buffer is allocated (a damaged journal must not ask for gigabytes).
    if (expectedSize / 1032 > std::size_t(compressed.size()) + 64)
        return Error::failed(CompressionText::tr("damaged compressed data (%1 bytes cannot hold %2)").arg(compressed.size()).arg(expectedSize));
    QByteArray out(qsizetype(expectedSize), Qt::Uninitialized);
    uLongf size = uLongf(expectedSize);
    const int status = uncompress(reinterpret_cast<Bytef*>(out.data()), &size,
                                  reinterpret_cast<const Bytef*>(compressed.constData()), uLong(compressed.size()));
    if (status != Z_OK || size != expectedSize)
        return Error::failed(CompressionText::tr("damaged compressed data (zlib status %1)").arg(status));
    return out;
}

uint32_t crc32Of(const void* data, std::size_t size)
{
    return uint32_t(crc32(0L, static_cast<const Bytef*>(data), uInt(size)));
}

} // namespace delineate
