// The recovery journal reader (readJournal): identity, base snapshot (SegmentationSnapshot::read) and edit, undo,
// redo and amend records replayed onto it (EditRecord::deserialize, LayerDiff::apply). Every record carries a CRC-32
// of its payload, which random mutations almost never match; so before writing the file the target recomputes the
// CRC of every complete record whose first reserved byte is 0 (the writer always writes 0 there). A mutation of
// that byte keeps the stale CRC and exercises the checksum refusal.
#include "FuzzSupport.h"

#include "common/Compression.h"
#include "edit/RecoveryJournal.h"

#include <cstring>

using namespace delineate;

namespace {

constexpr qsizetype kMagicSize = 16;
constexpr qsizetype kFrameSize = 4 + 4 + 8 + 4;

uint64_t readU64(const char* p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v |= uint64_t(uint8_t(p[i])) << (8 * i);
    return v;
}

void fixChecksums(QByteArray& bytes)
{
    qsizetype at = kMagicSize;
    while (bytes.size() - at >= kFrameSize) {
        char* frame = bytes.data() + at;
        const uint64_t length = readU64(frame + 8);
        if (length > uint64_t(bytes.size() - at - kFrameSize))
            return;
        if (frame[5] == 0) {
            const uint32_t crc = crc32Of(frame + kFrameSize, std::size_t(length));
            for (int i = 0; i < 4; ++i)
                frame[16 + i] = char(uint8_t(crc >> (8 * i)));
        }
        at += kFrameSize + qsizetype(length);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::silenceLibraries();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    fixChecksums(bytes);
    const QString path = fuzz::writeInput(QStringLiteral("input.djournal"), bytes.constData(), std::size_t(bytes.size()));
    auto recovered = readJournal(path);
    if (recovered && recovered->recordsRead < 0)
        std::abort();
    return 0;
}
