// The coded meanings a segment is most often given, from DICOM's Segmentation Property Category (CID 7150) and
// Type (CID 7151) context groups with their SNOMED CT codes (coding scheme designator "SCT"): the picker's list, a
// default for segments nobody coded, and a guess from a segment's name ("Liver" -> Anatomical Structure / Liver).
#pragma once

#include "image/LabelTable.h"

#include <QString>
#include <QVector>

namespace delineate {

struct TerminologyType
{
    CodedConcept category;
    CodedConcept type;
    QString displayName; // translated, for the picker
};

// The categories of CID 7150 offered in the picker, and the common types of each.
QVector<CodedConcept> segmentCategories();
QVector<TerminologyType> segmentTypes(const CodedConcept& category);
QVector<TerminologyType> allSegmentTypes();
// The category's translated name.
QString categoryDisplayName(const CodedConcept& category);

// Tissue / Tissue, as 3D Slicer names an uncoded segment.
CodedMeaning defaultSegmentMeaning();
// The type whose code meaning or translated name matches `name` (case and spacing aside, "tumour" for "tumor"),
// else the default.
CodedMeaning guessSegmentMeaning(const QString& name);
// The meaning to write for `entry`: its own, else the guess from its name.
CodedMeaning effectiveMeaning(const LabelEntry& entry);

} // namespace delineate
