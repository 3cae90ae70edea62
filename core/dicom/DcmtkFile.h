// Loading a DICOM file with DCMTK without letting its C++ exceptions escape.
#pragma once

#include <QFile>
#include <QString>

#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/ofstd/ofcond.h>

#include <exception>

namespace delineate {

// DcmFileFormat::loadFile, with what DCMTK 3.6.7 throws on some damaged files (std::out_of_range from
// DcmByteString::verify while it looks for a directory record's type: fuzz_dicom_file, finding 27) returned as a
// bad condition carrying the exception's text, like any other read error. Escaping, it ended the scan of the
// whole folder (the parallel scan rethrows it) and, in the fuzzer, the process.
inline OFCondition loadDicomFile(DcmFileFormat& file, const QString& path, E_TransferSyntax syntax = EXS_Unknown,
                                 E_GrpLenEncoding groupLength = EGL_noChange, Uint32 maxReadLength = DCM_MaxReadLength,
                                 E_FileReadMode mode = ERM_autoDetect)
{
    try {
        return file.loadFile(OFFilename(QFile::encodeName(path).constData()), syntax, groupLength, maxReadLength, mode);
    } catch (const std::exception& e) {
        return OFCondition(OFM_dcmdata, 999, OF_error, e.what());
    }
}

} // namespace delineate
