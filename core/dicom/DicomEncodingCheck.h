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

enum class DicomTagRule {
    KnownAndAscending, // public (even-group) tags must be in the data dictionary and tags ascend in each data set
    StructureOnly,     // any tag in any order: only value representations, lengths, items and fragments count
};

// Walks the elements (the file meta group, then the data set in its transfer syntax; sequences, items and
// encapsulated pixel data included). StructureOnly asks whether another parser can walk the file at all (a public
// tag newer than DCMTK's dictionary is no reason to refuse a file to GDCM).
DicomEncodingVerdict checkDicomEncoding(const QString& path, DicomTagRule rule = DicomTagRule::KnownAndAscending);

} // namespace delineate
