// Why a DICOM file the library cannot read is unreadable: cut short (a valid start that ends inside an element) or
// misencoded (elements that do not follow the encoding, e.g. an implicit-VR data set under an explicit-VR transfer
// syntax, or bytes shifted). DCMTK reports both as "premature end of stream", since a garbage length runs past the
// end of the file too; a walk over the element structure tells them apart.
#pragma once

#include <QString>

namespace delineate {

enum class DicomEncodingVerdict {
    Consistent,   // every element parses to the end of the file
    CutShort,     // every element up to the last parses, and that one runs past the end of the file
    Misencoded,   // an element does not parse: a tag out of order or unknown, a value representation that is none
    Undetermined, // deflated data set, or the data dictionary is not loaded
};

// Walks the elements (the file meta group, then the data set in its transfer syntax; sequences, items and
// encapsulated pixel data included). Public (even-group) tags must be in the data dictionary and tags must
// ascend within each data set.
DicomEncodingVerdict checkDicomEncoding(const QString& path);

} // namespace delineate
