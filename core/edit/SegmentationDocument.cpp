// The edit path: recording, committing, undo/redo, journalling and change notification.
#include "edit/SegmentationDocument.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <set>

namespace delineate {

namespace {
class DocumentText
{
    Q_DECLARE_TR_FUNCTIONS(SegmentationDocument)
};

// Says that the edit ended when the function ending it returns, by whichever return, its work done.
class EditEndedNotice
{
public:
    explicit EditEndedNotice(SegmentationDocument* document) : m_document(document) {}
    ~EditEndedNotice() { Q_EMIT m_document->editEnded(); }
    EditEndedNotice(const EditEndedNotice&) = delete;
    EditEndedNotice& operator=(const EditEndedNotice&) = delete;

private:
    SegmentationDocument* m_document;
};
} // namespace

SegmentationDocument::SegmentationDocument(Segmentation segmentation, QObject* parent)
    : QObject(parent), m_segmentation(std::move(segmentation))
{
}

SegmentationDocument::~SegmentationDocument() = default;

VoxelState SegmentationDocument::stateOf(int layer, std::size_t offset) const
{
    return VoxelState(m_segmentation.labelAt(layer, offset)) | (m_segmentation.isHandEdited(offset) ? kHandEditedBit : 0u);
}

void SegmentationDocument::beginEdit(EditKind kind, const QString& description)
{
    if (m_editing)
        cancelEdit();
    m_editing = true;
    m_editKind = kind;
    m_editDescription = description;
    m_touched.clear();
    m_layerCountBefore = m_segmentation.layerCount();
    m_tableBefore.reset();
    m_reviewBefore.reset();
    m_aiChanged = false;
    m_aiBefore.reset();
    m_unflushed = VoxelBox();
}

bool SegmentationDocument::setVoxel(int layer, std::size_t offset, uint16_t value)
{
    const bool hand = m_editKind == EditKind::Manual ? true
                      : (m_editKind == EditKind::LabelTable ? m_segmentation.isHandEdited(offset) : false);
    return setVoxelState(layer, offset, VoxelState(value) | (hand ? kHandEditedBit : 0u));
}

bool SegmentationDocument::setVoxelState(int layer, std::size_t offset, VoxelState after)
{
    Q_ASSERT(m_editing);
    const uint16_t value = uint16_t(after & 0xffff);
    const bool hand = (after & kHandEditedBit) != 0;
    const VoxelState before = stateOf(layer, offset);
    if (before == after)
        return false;
    std::vector<uint64_t>& bits = m_touchedBits[layer];
    if (bits.empty())
        bits.assign((m_segmentation.voxelCount() + 63) / 64, 0);
    uint64_t& word = bits[offset >> 6];
    const uint64_t bit = uint64_t(1) << (offset & 63);
    if (!(word & bit)) {
        word |= bit;
        m_touched[layer].emplace_back(offset, before);
    }
    m_segmentation.setLabel(layer, offset, value);
    m_segmentation.setHandEdited(offset, hand);
    const auto& size = m_segmentation.geometry().size();
    const int64_t sliceSize = size[0] * size[1];
    const int64_t o = int64_t(offset);
    m_unflushed.include(o % size[0], (o % sliceSize) / size[0], o / sliceSize);
    return true;
}

int SegmentationDocument::addLayer()
{
    Q_ASSERT(m_editing);
    m_segmentation.setLayerCount(m_segmentation.layerCount() + 1);
    Q_EMIT layersChanged();
    return m_segmentation.layerCount() - 1;
}

void SegmentationDocument::flushChanges()
{
    if (m_unflushed.isEmpty())
        return;
    const VoxelBox box = m_unflushed;
    m_unflushed = VoxelBox();
    Q_EMIT voxelsChanged(box);
}

std::size_t SegmentationDocument::voxelsChangedInEdit() const
{
    std::size_t n = 0;
    for (const auto& entry : m_touched)
        n += entry.second.size();
    return n;
}

void SegmentationDocument::setAiResultInEdit(std::shared_ptr<const AiResult> result)
{
    Q_ASSERT(m_editing);
    if (!m_aiChanged) {
        m_aiChanged = true;
        m_aiBefore = m_segmentation.sharedAiResult();
    }
    m_segmentation.setAiResult(std::move(result));
}

void SegmentationDocument::setLabelTableInEdit(const LabelTable& table)
{
    Q_ASSERT(m_editing);
    if (!m_tableBefore)
        m_tableBefore = m_segmentation.labels();
    m_segmentation.setTable(table);
    Q_EMIT labelTableChanged();
}

void SegmentationDocument::setReviewedSlicesInEdit(const ReviewedSlices& reviewed)
{
    Q_ASSERT(m_editing);
    if (reviewed.size() != m_segmentation.geometry().size())
        return;
    if (!m_reviewBefore)
        m_reviewBefore = m_segmentation.reviewedSlices();
    m_segmentation.setReviewedSlices(reviewed);
    Q_EMIT reviewedSlicesChanged();
}

Expected<void> SegmentationDocument::commitEditAmendingLast(const QString& description)
{
    if (!m_editing)
        return {};
    if (!m_history.canUndo() || m_history.canRedo())
        return commitEdit(description);
    const std::shared_ptr<const EditRecord> earlier = m_history.shared(m_history.position() - 1);
    flushChanges();
    m_editing = false;
    const EditEndedNotice notice(this);
    auto record = std::make_shared<EditRecord>(*earlier);
    record->description = description.isEmpty() ? m_editDescription : description;
    record->timeMs = QDateTime::currentMSecsSinceEpoch();
    record->layerCountAfter = m_segmentation.layerCount();
    record->diffs.clear();
    std::set<int> layersDone;
    for (auto& [layer, touched] : m_touched) {
        std::sort(touched.begin(), touched.end());
        std::vector<uint64_t>& bits = m_touchedBits[layer];
        for (const auto& entry : touched)
            bits[entry.first >> 6] = 0;
        const auto previous = std::find_if(earlier->diffs.begin(), earlier->diffs.end(),
                                           [layer = layer](const LayerDiff& d) { return d.layer() == layer; });
        if (previous != earlier->diffs.end()) {
            auto combined = LayerDiff::combine(*previous, touched, m_segmentation);
            if (!combined)
                return combined.error();
            if (!combined->isEmpty())
                record->diffs.push_back(std::move(combined).value());
        } else {
            LayerDiff diff = LayerDiff::build(layer, touched, m_segmentation);
            if (!diff.isEmpty())
                record->diffs.push_back(std::move(diff));
        }
        layersDone.insert(layer);
    }
    for (const LayerDiff& d : earlier->diffs)
        if (!layersDone.count(d.layer()))
            record->diffs.push_back(d);
    m_touched.clear();
    if (earlier->tableAfter || (m_tableBefore && *m_tableBefore != m_segmentation.labels())) {
        record->tableBefore = earlier->tableAfter ? earlier->tableBefore : m_tableBefore;
        record->tableAfter = m_segmentation.labels();
    }
    m_tableBefore.reset();
    if (earlier->reviewAfter || (m_reviewBefore && *m_reviewBefore != m_segmentation.reviewedSlices())) {
        record->reviewBefore = earlier->reviewAfter ? earlier->reviewBefore : m_reviewBefore;
        record->reviewAfter = m_segmentation.reviewedSlices();
    }
    m_reviewBefore.reset();
    if (m_aiChanged) {
        record->aiChanged = true;
        if (!earlier->aiChanged)
            record->aiBefore = m_aiBefore;
        record->aiAfter = m_segmentation.sharedAiResult();
    }
    m_aiBefore.reset();
    m_aiChanged = false;
    return recordCommitted(std::move(record), true);
}

Expected<void> SegmentationDocument::commitEdit(const QString& description)
{
    if (!m_editing)
        return {};
    flushChanges();
    m_editing = false;
    const EditEndedNotice notice(this);
    auto record = std::make_shared<EditRecord>();
    record->kind = m_editKind;
    record->description = description.isEmpty() ? m_editDescription : description;
    record->timeMs = QDateTime::currentMSecsSinceEpoch();
    record->layerCountBefore = m_layerCountBefore;
    record->layerCountAfter = m_segmentation.layerCount();
    std::set<uint16_t> labelsTouched;
    for (auto& [layer, touched] : m_touched) {
        std::sort(touched.begin(), touched.end());
        if (m_editKind == EditKind::Manual)
            for (const auto& [offset, before] : touched) {
                const uint16_t now = m_segmentation.labelAt(layer, std::size_t(offset));
                if (now != uint16_t(before & 0xffff)) {
                    labelsTouched.insert(uint16_t(before & 0xffff));
                    labelsTouched.insert(now);
                }
            }
        // Clear the per-voxel "seen" bits word by word: cheaper than refilling the whole bit set.
        std::vector<uint64_t>& bits = m_touchedBits[layer];
        for (const auto& entry : touched)
            bits[entry.first >> 6] = 0;
        LayerDiff diff = LayerDiff::build(layer, touched, m_segmentation);
        if (!diff.isEmpty())
            record->diffs.push_back(std::move(diff));
    }
    m_touched.clear();
    // A segment an AI made that a hand now changed is semi-automatic (as DICOM SEG says it).
    for (uint16_t label : labelsTouched) {
        const LabelEntry* entry = m_segmentation.labels().find(label);
        if (label == 0 || !entry || entry->algorithm != SegmentAlgorithm::Automatic)
            continue;
        LabelTable table = m_segmentation.labels();
        LabelEntry changed = *entry;
        changed.algorithm = SegmentAlgorithm::SemiAutomatic;
        table.set(changed);
        if (!m_tableBefore)
            m_tableBefore = m_segmentation.labels();
        m_segmentation.setTable(table);
        Q_EMIT labelTableChanged();
    }
    if (m_tableBefore && *m_tableBefore != m_segmentation.labels()) {
        record->tableBefore = m_tableBefore;
        record->tableAfter = m_segmentation.labels();
    }
    m_tableBefore.reset();
    if (m_reviewBefore && *m_reviewBefore != m_segmentation.reviewedSlices()) {
        record->reviewBefore = m_reviewBefore;
        record->reviewAfter = m_segmentation.reviewedSlices();
    }
    m_reviewBefore.reset();
    if (m_aiChanged) {
        record->aiChanged = true;
        record->aiBefore = m_aiBefore;
        record->aiAfter = m_segmentation.sharedAiResult();
    }
    m_aiBefore.reset();
    m_aiChanged = false;
    if (!record->changesVoxels() && !record->tableAfter && !record->reviewAfter && !record->aiChanged)
        return {};
    return recordCommitted(std::move(record), false);
}

Expected<void> SegmentationDocument::recordCommitted(std::shared_ptr<EditRecord> record, bool amendsLast)
{
    const bool wasModified = isModified();
    record->sequence = m_nextSequence++;
    if (amendsLast)
        m_history.replaceTop(record);
    else
        m_history.push(record);
    Expected<void> journalled;
    if (m_journal) {
        journalled = amendsLast ? m_journal->appendAmend(*record) : m_journal->appendEdit(*record);
        if (!journalled)
            Q_EMIT journalFailed(journalled.error().message);
    }
    Q_EMIT historyChanged();
    if (wasModified != isModified())
        Q_EMIT modifiedChanged(isModified());
    return journalled;
}

void SegmentationDocument::cancelEdit()
{
    if (!m_editing)
        return;
    m_editing = false;
    const EditEndedNotice notice(this);
    VoxelBox changed;
    const auto& size = m_segmentation.geometry().size();
    const int64_t sliceSize = size[0] * size[1];
    for (auto& [layer, touched] : m_touched) {
        std::vector<uint64_t>& bits = m_touchedBits[layer];
        for (const auto& [offset, before] : touched) {
            m_segmentation.setLabel(layer, std::size_t(offset), uint16_t(before & 0xffff));
            m_segmentation.setHandEdited(std::size_t(offset), (before & kHandEditedBit) != 0);
            bits[offset >> 6] = 0;
            const int64_t o = int64_t(offset);
            changed.include(o % size[0], (o % sliceSize) / size[0], o / sliceSize);
        }
    }
    m_touched.clear();
    if (m_segmentation.layerCount() != m_layerCountBefore) {
        m_segmentation.setLayerCount(m_layerCountBefore);
        Q_EMIT layersChanged();
    }
    if (m_tableBefore) {
        m_segmentation.setTable(*m_tableBefore);
        m_tableBefore.reset();
        Q_EMIT labelTableChanged();
    }
    if (m_reviewBefore) {
        m_segmentation.setReviewedSlices(*m_reviewBefore);
        m_reviewBefore.reset();
        Q_EMIT reviewedSlicesChanged();
    }
    if (m_aiChanged) {
        m_segmentation.setAiResult(m_aiBefore);
        m_aiChanged = false;
        m_aiBefore.reset();
    }
    m_unflushed = VoxelBox();
    if (!changed.isEmpty())
        Q_EMIT voxelsChanged(changed);
}

Expected<void> SegmentationDocument::setLabelTable(const LabelTable& table, const QString& description)
{
    if (m_editing)
        return Error::failed(DocumentText::tr("Finish the edit in progress first."));
    if (table == m_segmentation.labels())
        return {};
    beginEdit(EditKind::LabelTable, description);
    setLabelTableInEdit(table);
    return commitEdit();
}

void SegmentationDocument::applyRecord(const EditRecord& record, bool forward)
{
    const int layersBefore = m_segmentation.layerCount();
    const LabelTable tableBefore = m_segmentation.labels();
    const bool reviewChanges = record.reviewBefore || record.reviewAfter;
    // Records in the history were built against this segmentation, so applying them cannot fail short of a bug;
    // a failure is reported rather than ignored.
    if (auto applied = record.apply(m_segmentation, forward); !applied)
        Q_EMIT journalFailed(applied.error().message);
    if (m_segmentation.layerCount() != layersBefore)
        Q_EMIT layersChanged();
    if (m_segmentation.labels() != tableBefore)
        Q_EMIT labelTableChanged();
    if (reviewChanges)
        Q_EMIT reviewedSlicesChanged();
    const VoxelBox box = record.layerCountBefore != record.layerCountAfter
                             ? VoxelBox::everything(m_segmentation.geometry())
                             : record.bounds();
    if (!box.isEmpty())
        Q_EMIT voxelsChanged(box);
}

void SegmentationDocument::journalUndoRedo(bool undo)
{
    if (!m_journal)
        return;
    auto written = undo ? m_journal->appendUndo() : m_journal->appendRedo();
    if (!written)
        Q_EMIT journalFailed(written.error().message);
}

void SegmentationDocument::afterHistoryMove(bool wasModified)
{
    Q_EMIT historyChanged();
    if (wasModified != isModified())
        Q_EMIT modifiedChanged(isModified());
}

bool SegmentationDocument::undo()
{
    if (!canUndo())
        return false;
    const bool wasModified = isModified();
    applyRecord(*m_history.undoRecord(), false);
    m_history.stepBack();
    journalUndoRedo(true);
    afterHistoryMove(wasModified);
    return true;
}

bool SegmentationDocument::redo()
{
    if (!canRedo())
        return false;
    const bool wasModified = isModified();
    applyRecord(*m_history.redoRecord(), true);
    m_history.stepForward();
    journalUndoRedo(false);
    afterHistoryMove(wasModified);
    return true;
}

bool SegmentationDocument::goToPosition(int position)
{
    if (m_editing || position < 0 || position > m_history.size())
        return false;
    while (m_history.position() > position)
        undo();
    while (m_history.position() < position)
        redo();
    return true;
}

void SegmentationDocument::markSaved()
{
    const bool wasModified = isModified();
    m_savedSequence = m_history.currentSequence();
    if (m_journal) {
        if (auto rebased = m_journal->rebase(m_segmentation); !rebased)
            Q_EMIT journalFailed(rebased.error().message);
    }
    if (wasModified)
        Q_EMIT modifiedChanged(false);
}

void SegmentationDocument::markUnsaved()
{
    const bool wasModified = isModified();
    m_savedSequence = ~uint64_t(0);
    if (!wasModified)
        Q_EMIT modifiedChanged(true);
}

void SegmentationDocument::attachJournal(std::unique_ptr<RecoveryJournal> journal)
{
    m_journal = std::move(journal); // a previous journal is closed and kept: only discardJournal() deletes one
}

void SegmentationDocument::discardJournal()
{
    if (m_journal)
        m_journal->discard();
    m_journal.reset();
}

void SegmentationDocument::adoptRestoredEdits(const std::vector<std::shared_ptr<const EditRecord>>& edits)
{
    m_history.clear();
    for (const auto& record : edits) {
        auto copy = std::make_shared<EditRecord>(*record);
        copy->sequence = m_nextSequence++;
        m_history.push(copy);
    }
    m_savedSequence = 0; // restored edits are unsaved work
    Q_EMIT historyChanged();
    Q_EMIT modifiedChanged(isModified());
}

} // namespace delineate
