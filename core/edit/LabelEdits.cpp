// Label-table edits through the document's edit path.
#include "edit/LabelEdits.h"

#include <QCoreApplication>

namespace delineate {

namespace {
class LabelEditsText
{
    Q_DECLARE_TR_FUNCTIONS(LabelEdits)
};
} // namespace

QString labelDisplayName(const LabelTable& labels, uint16_t value)
{
    const LabelEntry* e = labels.find(value);
    // A default name ("Label 3") adds nothing to "label 3".
    const bool named = e && !e->name.isEmpty() && e->name != LabelTable::defaultName(value);
    return named ? LabelEditsText::tr("label %1 %2").arg(value).arg(e->name) : LabelEditsText::tr("label %1").arg(value);
}

Expected<uint16_t> addLabel(SegmentationDocument& document)
{
    const uint16_t value = document.labels().nextFreeValue();
    if (value == 0)
        return Error::failed(LabelEditsText::tr("All 65535 label values are in use."));
    LabelTable table = document.labels();
    table.set(table.makeEntry(value));
    if (auto done = document.setLabelTable(table, LabelEditsText::tr("Add label %1").arg(value)); !done)
        return done.error();
    return value;
}

Expected<uint16_t> addLabelOnNewLayer(SegmentationDocument& document)
{
    if (document.isEditing())
        return Error::failed(LabelEditsText::tr("Finish the edit in progress first."));
    const uint16_t value = document.labels().nextFreeValue();
    if (value == 0)
        return Error::failed(LabelEditsText::tr("All 65535 label values are in use."));
    // The label table and the files number layers 0-255.
    if (document.segmentation().layerCount() >= 256)
        return Error::failed(LabelEditsText::tr("The segmentation has 256 layers already, the most it can hold."));
    document.beginEdit(EditKind::LabelTable, QString());
    const int layer = document.addLayer();
    LabelTable table = document.labels();
    LabelEntry entry = table.makeEntry(value);
    entry.layer = layer;
    table.set(entry);
    document.setLabelTableInEdit(table);
    if (auto done = document.commitEdit(LabelEditsText::tr("Add label %1 on layer %2").arg(value).arg(layer + 1)); !done)
        return done.error();
    return value;
}

Expected<void> ensureLabel(SegmentationDocument& document, uint16_t value)
{
    if (value == 0)
        return Error::failed(LabelEditsText::tr("Label 0 is the background."));
    if (document.labels().contains(value))
        return {};
    LabelTable table = document.labels();
    table.set(table.makeEntry(value));
    return document.setLabelTable(table, LabelEditsText::tr("Add label %1").arg(value));
}

Expected<void> removeLabel(SegmentationDocument& document, uint16_t value)
{
    const LabelEntry* entry = document.labels().find(value);
    if (!entry)
        return Error::failed(LabelEditsText::tr("There is no label %1.").arg(value));
    const QString name = labelDisplayName(document.labels(), value);
    if (entry->locked)
        return Error::failed(LabelEditsText::tr("%1 is locked: unlock it before removing it.").arg(name));
    if (document.isEditing())
        return Error::failed(LabelEditsText::tr("Finish the edit in progress first."));
    const Segmentation& s = document.segmentation();
    const int layer = std::min(entry->layer, s.layerCount() - 1);
    document.beginEdit(EditKind::Manual, QString());
    std::size_t removed = 0;
    for (std::size_t o = 0; o < s.voxelCount(); ++o)
        if (s.labelAt(layer, o) == value && document.setVoxel(layer, o, 0))
            ++removed;
    LabelTable table = document.labels();
    table.remove(value);
    document.setLabelTableInEdit(table);
    return document.commitEdit(LabelEditsText::tr("Remove %1 (%2 voxels)").arg(name).arg(removed));
}

Expected<void> updateLabel(SegmentationDocument& document, const LabelEntry& entry)
{
    const LabelEntry* old = document.labels().find(entry.value);
    if (!old)
        return Error::failed(LabelEditsText::tr("There is no label %1.").arg(entry.value));
    QString description;
    const QString name = labelDisplayName(document.labels(), entry.value);
    if (old->name != entry.name)
        description = LabelEditsText::tr("Rename %1 to \"%2\"").arg(name, entry.name);
    else if (old->visible != entry.visible)
        description = entry.visible ? LabelEditsText::tr("Show %1").arg(name) : LabelEditsText::tr("Hide %1").arg(name);
    else if (old->locked != entry.locked)
        description = entry.locked ? LabelEditsText::tr("Lock %1").arg(name) : LabelEditsText::tr("Unlock %1").arg(name);
    else if (old->colour != entry.colour)
        description = LabelEditsText::tr("Colour of %1").arg(name);
    else if (old->review != entry.review)
        description = LabelEditsText::tr("Review of %1: %2").arg(name, reviewStatusName(entry.review));
    else if (!(old->meaning == entry.meaning))
        description = LabelEditsText::tr("Meaning of %1: %2").arg(name, entry.meaning.type.meaning);
    else
        description = LabelEditsText::tr("Change %1").arg(name);
    LabelTable table = document.labels();
    if (auto set = table.set(entry); !set)
        return set;
    return document.setLabelTable(table, description);
}

Expected<void> setSlicesReviewed(SegmentationDocument& document, int axis, int64_t first, int64_t last, bool reviewed)
{
    if (document.isEditing())
        return Error::failed(LabelEditsText::tr("Finish the edit in progress first."));
    const auto& size = document.geometry().size();
    if (axis < 0 || axis > 2 || first < 0 || last < first || last >= size[std::size_t(axis)])
        return Error::failed(LabelEditsText::tr("There is no such slice to mark."));
    ReviewedSlices marks = document.segmentation().reviewedSlices();
    for (int64_t s = first; s <= last; ++s)
        marks.setReviewed(axis, s, reviewed);
    if (marks == document.segmentation().reviewedSlices())
        return {};
    const QString slices = first == last ? QString::number(first + 1) : QStringLiteral("%1-%2").arg(first + 1).arg(last + 1);
    const QString axisName = QString(QLatin1Char(char('i' + axis)));
    const QString description = reviewed ? LabelEditsText::tr("Slice %1 (%2) reviewed").arg(slices, axisName)
                                         : LabelEditsText::tr("Slice %1 (%2) no longer reviewed").arg(slices, axisName);
    document.beginEdit(EditKind::LabelTable, description);
    document.setReviewedSlicesInEdit(marks);
    return document.commitEdit();
}

} // namespace delineate
