// The History dock: every undoable edit by name ("Brush, label 2 Liver, 40 dabs"), the current position marked,
// undone steps greyed; clicking a row undoes or redoes up to it.
#pragma once

#include <QDockWidget>

class QLabel;
class QListWidget;

namespace delineate {

class SegmentationSession;

class HistoryPanel : public QDockWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(SegmentationSession* session, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }

private:
    void rebuild();

    SegmentationSession* m_session;
    QListWidget* m_list;
    QLabel* m_memory;
    bool m_rebuilding = false;
};

} // namespace delineate
