// Picks a segment's coded meaning: a category of DICOM CID 7150 and a type of CID 7151, each shown with its SNOMED CT
// code (coding scheme designator "SCT"), from core's list of the common ones.
#pragma once

#include "image/LabelTable.h"
#include "image/SegmentTerminology.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace delineate {

class SegmentMeaningDialog : public QDialog
{
    Q_OBJECT
public:
    // `current` is preselected (a meaning not in the list selects its category, or the first).
    SegmentMeaningDialog(const QString& segmentName, const CodedMeaning& current, QWidget* parent = nullptr);

    QComboBox* categoryBox() const { return m_category; }
    QTreeWidget* typeList() const { return m_types; }
    // The category and type chosen (empty when no type is selected).
    CodedMeaning meaning() const;
    // Selects the type with this SNOMED CT code (and its category); false when it is not offered.
    bool selectType(const QString& code);

private:
    QVector<TerminologyType> currentTypes() const;
    void fillTypes();
    void updateSummary();

    QComboBox* m_category;
    QTreeWidget* m_types;
    QLabel* m_summary;
};

} // namespace delineate
