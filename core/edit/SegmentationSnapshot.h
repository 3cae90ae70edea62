// A whole segmentation as bytes (grid, label table, layers, hand-edited bits, AI result), deflated: the recovery
// journal's base and the state a restored session starts from.
#pragma once

#include "common/ByteStream.h"
#include "common/Expected.h"
#include "image/Segmentation.h"

#include <QByteArray>

namespace delineate {

class SegmentationSnapshot
{
public:
    static QByteArray write(const Segmentation& segmentation);
    static Expected<Segmentation> read(const QByteArray& bytes);

    static void writeGeometry(ByteWriter& out, const ImageGeometry& geometry);
    static ImageGeometry readGeometry(ByteReader& in);
};

} // namespace delineate
