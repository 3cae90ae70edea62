// Undo history bookkeeping and its memory bound.
#include "edit/EditHistory.h"

namespace delineate {

void EditHistory::push(std::shared_ptr<const EditRecord> record)
{
    while (int(m_records.size()) > m_position) {
        m_bytes -= m_records.back()->byteSize();
        m_records.pop_back();
    }
    m_bytes += record->byteSize();
    m_records.push_back(std::move(record));
    m_position = int(m_records.size());
    trim();
}

void EditHistory::replaceTop(std::shared_ptr<const EditRecord> record)
{
    if (m_records.empty() || m_position != int(m_records.size())) {
        push(std::move(record));
        return;
    }
    m_bytes -= m_records.back()->byteSize();
    m_bytes += record->byteSize();
    m_records.back() = std::move(record);
    trim();
}

void EditHistory::clear()
{
    m_records.clear();
    m_position = 0;
    m_bytes = 0;
}

void EditHistory::setMemoryLimit(std::size_t limit)
{
    m_limit = limit;
    trim();
}

uint64_t EditHistory::currentSequence() const
{
    return m_position > 0 ? m_records[std::size_t(m_position - 1)]->sequence : m_droppedSequence;
}

void EditHistory::trim()
{
    // Keep at least the newest record so that the last edit can always be undone.
    while (m_bytes > m_limit && m_records.size() > 1 && m_position > 0) {
        m_bytes -= m_records.front()->byteSize();
        m_droppedSequence = m_records.front()->sequence;
        m_records.erase(m_records.begin());
        --m_position;
        ++m_dropped;
    }
}

} // namespace delineate
