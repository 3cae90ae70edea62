// The one edit path of a segmentation. Tools, AI results and label-table changes all change it here: each edit
// records the voxels it changes (their old state, once), becomes one compressed diff in the undo history, is appended
// to the recovery journal before the next edit starts, and tells the views which box of voxels to repaint.
#pragma once

#include "edit/EditHistory.h"
#include "edit/EditRecord.h"
#include "edit/RecoveryJournal.h"
#include "image/Segmentation.h"

#include <QObject>
#include <QString>

#include <map>
#include <memory>
#include <vector>

namespace delineate {

class SegmentationDocument : public QObject
{
    Q_OBJECT
public:
    explicit SegmentationDocument(Segmentation segmentation, QObject* parent = nullptr);
    ~SegmentationDocument() override;

    const Segmentation& segmentation() const { return m_segmentation; }
    const ImageGeometry& geometry() const { return m_segmentation.geometry(); }
    const LabelTable& labels() const { return m_segmentation.labels(); }
    const EditHistory& history() const { return m_history; }
    void setHistoryMemoryLimit(std::size_t bytes) { m_history.setMemoryLimit(bytes); }

    // --- An edit in progress (one at a time). Voxels change at once (the views show a stroke as it is drawn); the
    // edit becomes undoable and journalled at commitEdit().
    bool isEditing() const { return m_editing; }
    void beginEdit(EditKind kind, const QString& description);
    // Sets `value` at `offset` on `layer` (the layer must exist). Manual edits mark the voxel hand-edited, AI and
    // import edits clear the mark. Returns true when the voxel's state changed.
    bool setVoxel(int layer, std::size_t offset, uint16_t value);
    // Sets a voxel's exact state (label and hand-edited mark): to put back what was there before (AI previews).
    bool setVoxelState(int layer, std::size_t offset, VoxelState state);
    // Adds an empty layer within the edit; returns its index.
    int addLayer();
    // Tells the views about the voxels changed since the last flush (a tool calls it after each dab).
    void flushChanges();
    // Ends the edit: nothing changed -> no record. The record is journalled; a journal failure is returned but the
    // edit stays done (in memory and undoable) and journalFailed() is emitted.
    Expected<void> commitEdit(const QString& description = QString());
    // Ends the edit by folding it into the last step of the history (which must be on top and done): one undo then
    // reverts both. The AI panel's threshold changes amend the AI step this way. Falls back to a plain commit when
    // there is no such step.
    Expected<void> commitEditAmendingLast(const QString& description);
    // Puts every voxel changed since beginEdit back.
    void cancelEdit();
    std::size_t voxelsChangedInEdit() const;

    // A label-table change as one undoable edit (a rename, a colour, a lock, a new label...).
    Expected<void> setLabelTable(const LabelTable& table, const QString& description);
    // Replaces the kept AI result within the current edit (the AI panel's merge).
    void setAiResultInEdit(std::shared_ptr<const AiResult> result);
    // Within the current edit: replaces the label table (e.g. the AI merge adds its classes).
    void setLabelTableInEdit(const LabelTable& table);
    // Within the current edit: replaces the reviewed-slice marks (same grid).
    void setReviewedSlicesInEdit(const ReviewedSlices& reviewed);

    bool canUndo() const { return !m_editing && m_history.canUndo(); }
    bool canRedo() const { return !m_editing && m_history.canRedo(); }
    bool undo();
    bool redo();
    // Undoes or redoes until `position` edits are done (the history list's click).
    bool goToPosition(int position);

    // Modified since the last save (or since it was created/opened).
    bool isModified() const { return m_history.currentSequence() != m_savedSequence; }
    void markSaved();
    // The current state is not what any file holds (e.g. a mask resampled onto the series on opening).
    void markUnsaved();

    // The journal receives every committed edit, undo and redo from now on; rebased on markSaved(). Replacing or
    // destroying the document closes the journal and keeps its file: a session that ends without discardJournal()
    // is offered for recovery.
    void attachJournal(std::unique_ptr<RecoveryJournal> journal);
    RecoveryJournal* journal() const { return m_journal.get(); }
    // Deletes the journal (after the user saved and closed, or chose to discard the edits).
    void discardJournal();
    // Seeds the history with edits restored from a journal (they can be undone; the document counts as modified).
    void adoptRestoredEdits(const std::vector<std::shared_ptr<const EditRecord>>& edits);

Q_SIGNALS:
    // Voxels inside `box` (on any layer) changed: views that show a slice through it repaint.
    void voxelsChanged(const delineate::VoxelBox& box);
    void labelTableChanged();
    void reviewedSlicesChanged();
    void layersChanged();
    void historyChanged();
    // The edit in progress ended (committed, folded into the last step or cancelled): work that must not run inside
    // someone else's edit (an AI result's merge) can go ahead.
    void editEnded();
    void modifiedChanged(bool modified);
    void journalFailed(const QString& message);

private:
    VoxelState stateOf(int layer, std::size_t offset) const;
    void applyRecord(const EditRecord& record, bool forward);
    void afterHistoryMove(bool wasModified);
    void journalUndoRedo(bool undo);
    // The end of every commit: its sequence number, into the history (on top, or replacing the top one), into the
    // journal, then the signals.
    Expected<void> recordCommitted(std::shared_ptr<EditRecord> record, bool amendsLast);

    Segmentation m_segmentation;
    EditHistory m_history;
    std::unique_ptr<RecoveryJournal> m_journal;
    uint64_t m_savedSequence = 0;
    uint64_t m_nextSequence = 1;

    // The edit in progress.
    bool m_editing = false;
    EditKind m_editKind = EditKind::Manual;
    QString m_editDescription;
    std::map<int, LayerDiff::Touched> m_touched;         // per layer: offsets and their state before
    std::map<int, std::vector<uint64_t>> m_touchedBits;  // per layer, one bit per voxel, allocated on first use
    int m_layerCountBefore = 1;
    std::optional<LabelTable> m_tableBefore;
    std::optional<ReviewedSlices> m_reviewBefore;
    bool m_aiChanged = false;
    std::shared_ptr<const AiResult> m_aiBefore;
    VoxelBox m_unflushed;
};

} // namespace delineate
