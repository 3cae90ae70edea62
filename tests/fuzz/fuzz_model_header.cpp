// A model file's header without LibTorch: readModelHeader on a .dlm (magic, lengths, JSON), parseModelFile on the
// same bytes in memory, and the JSON parser alone on the bytes after the first 24 (where a .dlm keeps its JSON), so
// that mutations of the JSON are not all spent on the length fields.
#include "FuzzSupport.h"

#include "ml/ModelHeader.h"

using namespace delineate;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::silenceLibraries();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString path = fuzz::writeInput(QStringLiteral("input.dlm"), data, size);
    auto header = ml::readModelHeader(path);
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    auto layout = ml::parseModelFile(bytes, path);
    // The file reader and the in-memory parser must agree on whether the header is usable.
    if (header.ok() != layout.ok())
        std::abort();
    if (layout && (layout->weightsOffset < 24 || layout->weightsOffset + layout->weightsLength != qsizetype(size)))
        std::abort();
    if (size > 24) {
        auto json = ml::parseModelHeaderJson(bytes.mid(24), path);
        if (json) {
            // What parses serialises and parses back to the same header.
            auto again = ml::ModelHeader::fromJson(json->toJson(), path);
            if (!again || again->toJson() != json->toJson())
                std::abort();
        }
    }
    return 0;
}
