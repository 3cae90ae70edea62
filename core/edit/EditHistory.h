// The undo/redo history: completed edit records in order, the position between done and undone ones, and a memory
// bound past which the oldest records are dropped (their edits stay; they just cannot be undone any more).
#pragma once

#include "edit/EditRecord.h"

#include <memory>
#include <vector>

namespace delineate {

class EditHistory
{
public:
    static constexpr std::size_t kDefaultMemoryLimit = std::size_t(512) << 20;

    explicit EditHistory(std::size_t memoryLimit = kDefaultMemoryLimit) : m_limit(memoryLimit) {}

    // Adds a done edit: the undone ones after the current position are discarded, then the bound is applied.
    void push(std::shared_ptr<const EditRecord> record);
    void clear();
    // Replaces the last done record (the one on top, nothing undone after it).
    void replaceTop(std::shared_ptr<const EditRecord> record);

    int size() const { return int(m_records.size()); }
    int position() const { return m_position; } // records [0, position) are done
    const EditRecord& at(int index) const { return *m_records.at(std::size_t(index)); }
    std::shared_ptr<const EditRecord> shared(int index) const { return m_records.at(std::size_t(index)); }
    bool canUndo() const { return m_position > 0; }
    bool canRedo() const { return m_position < size(); }
    // The record an undo / redo applies.
    const EditRecord* undoRecord() const { return canUndo() ? m_records[std::size_t(m_position - 1)].get() : nullptr; }
    const EditRecord* redoRecord() const { return canRedo() ? m_records[std::size_t(m_position)].get() : nullptr; }
    void stepBack() { --m_position; }
    void stepForward() { ++m_position; }

    std::size_t byteSize() const { return m_bytes; }
    std::size_t memoryLimit() const { return m_limit; }
    void setMemoryLimit(std::size_t limit);
    int droppedCount() const { return m_dropped; }
    // Sequence of the last done edit (0 when none): identifies a saved state across drops.
    uint64_t currentSequence() const;

private:
    void trim();

    std::vector<std::shared_ptr<const EditRecord>> m_records;
    int m_position = 0;
    std::size_t m_bytes = 0;
    std::size_t m_limit;
    int m_dropped = 0;
    uint64_t m_droppedSequence = 0; // sequence of the newest dropped record
};

} // namespace delineate
