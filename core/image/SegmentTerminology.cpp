// SNOMED CT codes of DICOM PS3.16 CID 7150 (categories) and of the context groups CID 7151 draws its types from
// (CID 7154 abdominal, 7155 thoracic, 7152 cardiac, 7166 tissue, 7159 morphologically abnormal structures).
#include "image/SegmentTerminology.h"

#include <QCoreApplication>

namespace delineate {

namespace {

class TerminologyText
{
    Q_DECLARE_TR_FUNCTIONS(SegmentTerminology)
};

CodedConcept sct(const char* code, const char* meaning)
{
    return CodedConcept{QString::fromLatin1(code), QStringLiteral("SCT"), QString::fromLatin1(meaning)};
}

CodedConcept tissue() { return sct("85756007", "Tissue"); }
CodedConcept anatomical() { return sct("91723000", "Anatomical Structure"); }
CodedConcept abnormal() { return sct("49755003", "Morphologically Abnormal Structure"); }
CodedConcept physicalObject() { return sct("260787004", "Physical object"); }
CodedConcept bodySubstance() { return sct("91720002", "Body Substance"); }
CodedConcept spatial() { return sct("309825002", "Spatial and Relational Concept"); }

QString normalised(QString text)
{
    text = text.toLower().simplified();
    text.replace(QLatin1String("tumour"), QLatin1String("tumor"));
    text.replace(QLatin1String("oedema"), QLatin1String("edema"));
    text.replace(QLatin1String("haemorrhage"), QLatin1String("hemorrhage"));
    return text;
}

} // namespace

QVector<CodedConcept> segmentCategories()
{
    return {tissue(), anatomical(), abnormal(), bodySubstance(), physicalObject(), spatial()};
}

QString categoryDisplayName(const CodedConcept& category)
{
    if (category.code == QLatin1String("85756007"))
        return TerminologyText::tr("Tissue");
    if (category.code == QLatin1String("91723000") || category.code == QLatin1String("123037004"))
        return TerminologyText::tr("Anatomical structure");
    if (category.code == QLatin1String("49755003"))
        return TerminologyText::tr("Morphologically abnormal structure");
    if (category.code == QLatin1String("91720002"))
        return TerminologyText::tr("Body substance");
    if (category.code == QLatin1String("260787004"))
        return TerminologyText::tr("Physical object");
    if (category.code == QLatin1String("309825002"))
        return TerminologyText::tr("Spatial and relational concept");
    return category.meaning;
}

QVector<TerminologyType> allSegmentTypes()
{
    const auto type = [](const CodedConcept& category, const char* code, const char* meaning, const QString& name) {
        return TerminologyType{category, sct(code, meaning), name};
    };
    return {
        type(tissue(), "85756007", "Tissue", TerminologyText::tr("Tissue")),
        type(tissue(), "272673000", "Bone", TerminologyText::tr("Bone")),
        type(tissue(), "21793004", "Connective tissue", TerminologyText::tr("Connective tissue")),
        type(tissue(), "71616004", "Muscle", TerminologyText::tr("Muscle")),
        type(tissue(), "51114001", "Artery", TerminologyText::tr("Artery")),
        type(tissue(), "29092000", "Vein", TerminologyText::tr("Vein")),
        type(anatomical(), "12738006", "Brain", TerminologyText::tr("Brain")),
        type(anatomical(), "10200004", "Liver", TerminologyText::tr("Liver")),
        type(anatomical(), "78961009", "Spleen", TerminologyText::tr("Spleen")),
        type(anatomical(), "64033007", "Kidney", TerminologyText::tr("Kidney")),
        type(anatomical(), "15776009", "Pancreas", TerminologyText::tr("Pancreas")),
        type(anatomical(), "28231008", "Gallbladder", TerminologyText::tr("Gallbladder")),
        type(anatomical(), "23451007", "Adrenal gland", TerminologyText::tr("Adrenal gland")),
        type(anatomical(), "30315005", "Small Intestine", TerminologyText::tr("Small intestine")),
        type(anatomical(), "64131007", "Inferior vena cava", TerminologyText::tr("Inferior vena cava")),
        type(anatomical(), "80891009", "Heart", TerminologyText::tr("Heart")),
        type(anatomical(), "15825003", "Aorta", TerminologyText::tr("Aorta")),
        type(anatomical(), "87878005", "Left Ventricle", TerminologyText::tr("Left ventricle")),
        type(anatomical(), "53085002", "Right Ventricle", TerminologyText::tr("Right ventricle")),
        type(anatomical(), "39607008", "Lung", TerminologyText::tr("Lung")),
        type(anatomical(), "44567001", "Trachea", TerminologyText::tr("Trachea")),
        type(anatomical(), "32849002", "Esophagus", TerminologyText::tr("Esophagus")),
        type(anatomical(), "5798000", "Diaphragm", TerminologyText::tr("Diaphragm")),
        type(anatomical(), "59820001", "Blood Vessel", TerminologyText::tr("Blood vessel")),
        type(abnormal(), "108369006", "Neoplasm", TerminologyText::tr("Tumor")),
        type(abnormal(), "52988006", "Lesion", TerminologyText::tr("Lesion")),
        type(abnormal(), "6574001", "Necrosis", TerminologyText::tr("Necrosis")),
        type(abnormal(), "79654002", "Edema", TerminologyText::tr("Edema")),
        type(abnormal(), "50960005", "Hemorrhage", TerminologyText::tr("Hemorrhage")),
    };
}

QVector<TerminologyType> segmentTypes(const CodedConcept& category)
{
    QVector<TerminologyType> types;
    for (const TerminologyType& t : allSegmentTypes())
        if (t.category.code == category.code)
            types.push_back(t);
    return types;
}

CodedMeaning defaultSegmentMeaning()
{
    CodedMeaning meaning;
    meaning.category = tissue();
    meaning.type = tissue();
    return meaning;
}

CodedMeaning guessSegmentMeaning(const QString& name)
{
    const QString wanted = normalised(name);
    if (!wanted.isEmpty()) {
        for (const TerminologyType& t : allSegmentTypes()) {
            if (normalised(t.type.meaning) == wanted || normalised(t.displayName) == wanted
                || (wanted == QLatin1String("tumor") && t.type.code == QLatin1String("108369006"))) {
                CodedMeaning meaning;
                meaning.category = t.category;
                meaning.type = t.type;
                return meaning;
            }
        }
    }
    return defaultSegmentMeaning();
}

CodedMeaning effectiveMeaning(const LabelEntry& entry)
{
    return entry.meaning.isEmpty() ? guessSegmentMeaning(entry.name) : entry.meaning;
}

} // namespace delineate
