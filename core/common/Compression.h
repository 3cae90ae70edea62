// zlib deflate/inflate and CRC-32 for edit diffs, journal records and snapshots.
#pragma once

#include "common/Expected.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace delineate {

// Level 1: label data compresses well already at the fastest level, and edits must not wait.
QByteArray deflateBytes(const void* data, std::size_t size, int level = 1);
// `expectedSize` is the size recorded when compressing; a mismatch or damaged stream is an Error.
Expected<QByteArray> inflateBytes(const QByteArray& compressed, std::size_t expectedSize);
uint32_t crc32Of(const void* data, std::size_t size);

} // namespace delineate
