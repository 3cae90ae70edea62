#include "dicom/JpegLsDecoder.h"

#include <charls/charls.h>

#include <QCoreApplication>
#include <QString>

#include <dlfcn.h>

#include <mutex>

namespace delineate {

namespace {

// Translation context "JpegLsDecoder" (lupdate reads it from the macro).
class JpegLsDecoderText
{
    Q_DECLARE_TR_FUNCTIONS(JpegLsDecoder)
};

// CharLS 2's C API, resolved in libcharls.so.2 itself (see the header for why not by the linker).
struct CharLs
{
    decltype(&charls_jpegls_decoder_create) create = nullptr;
    decltype(&charls_jpegls_decoder_destroy) destroy = nullptr;
    decltype(&charls_jpegls_decoder_set_source_buffer) setSource = nullptr;
    decltype(&charls_jpegls_decoder_read_header) readHeader = nullptr;
    decltype(&charls_jpegls_decoder_get_frame_info) frameInfo = nullptr;
    decltype(&charls_jpegls_decoder_get_interleave_mode) interleaveMode = nullptr;
    decltype(&charls_jpegls_decoder_get_destination_size) destinationSize = nullptr;
    decltype(&charls_jpegls_decoder_decode_to_buffer) decode = nullptr;
    decltype(&charls_get_error_message) errorMessage = nullptr;
    bool ok = false;
};

const CharLs& charLs()
{
    static CharLs library;
    static std::once_flag once;
    std::call_once(once, [] {
        void* handle = dlopen("libcharls.so.2", RTLD_NOW | RTLD_LOCAL);
        if (!handle)
            return;
        auto get = [&](auto& function, const char* name) {
            function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(handle, name));
            return function != nullptr;
        };
        library.ok = get(library.create, "charls_jpegls_decoder_create") && get(library.destroy, "charls_jpegls_decoder_destroy") &&
                     get(library.setSource, "charls_jpegls_decoder_set_source_buffer") &&
                     get(library.readHeader, "charls_jpegls_decoder_read_header") &&
                     get(library.frameInfo, "charls_jpegls_decoder_get_frame_info") &&
                     get(library.interleaveMode, "charls_jpegls_decoder_get_interleave_mode") &&
                     get(library.destinationSize, "charls_jpegls_decoder_get_destination_size") &&
                     get(library.decode, "charls_jpegls_decoder_decode_to_buffer") &&
                     get(library.errorMessage, "charls_get_error_message");
        // The handle stays open for the life of the process (the library is GDCM's dependency anyway).
    });
    return library;
}

} // namespace

Expected<JpegLsFrame> decodeJpegLs(const uint8_t* data, std::size_t size)
{
    const CharLs& charls = charLs();
    if (!charls.ok)
        return Error::failed(JpegLsDecoderText::tr("CharLS 2 (libcharls.so.2) is not available"));
    charls_jpegls_decoder* decoder = charls.create();
    if (!decoder)
        return Error::failed(JpegLsDecoderText::tr("CharLS could not create a decoder"));
    auto failed = [&](charls_jpegls_errc code) {
        charls.destroy(decoder);
        return Error::failed(QString::fromUtf8(charls.errorMessage(code)));
    };
    if (charls_jpegls_errc e = charls.setSource(decoder, data, size); e != charls::jpegls_errc::success)
        return failed(e);
    if (charls_jpegls_errc e = charls.readHeader(decoder); e != charls::jpegls_errc::success)
        return failed(e);
    charls_frame_info info{};
    charls_interleave_mode interleave = charls::interleave_mode::none;
    if (charls_jpegls_errc e = charls.frameInfo(decoder, &info); e != charls::jpegls_errc::success)
        return failed(e);
    if (charls_jpegls_errc e = charls.interleaveMode(decoder, &interleave); e != charls::jpegls_errc::success)
        return failed(e);
    size_t bytes = 0;
    if (charls_jpegls_errc e = charls.destinationSize(decoder, 0, &bytes); e != charls::jpegls_errc::success)
        return failed(e);
    JpegLsFrame frame;
    frame.width = int(info.width);
    frame.height = int(info.height);
    frame.components = info.component_count;
    frame.bitsPerSample = info.bits_per_sample;
    frame.planar = interleave == charls::interleave_mode::none && info.component_count > 1;
    frame.samples.resize(bytes);
    if (charls_jpegls_errc e = charls.decode(decoder, frame.samples.data(), frame.samples.size(), 0); e != charls::jpegls_errc::success)
        return failed(e);
    charls.destroy(decoder);
    return frame;
}

} // namespace delineate
