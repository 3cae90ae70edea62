// History list over the document's EditHistory.
#include "widgets/HistoryPanel.h"

#include "edit/SegmentationDocument.h"
#include "model/SegmentationSession.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace delineate {

HistoryPanel::HistoryPanel(SegmentationSession* session, QWidget* parent)
    : QDockWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("HistoryPanel"));
    setWindowTitle(tr("History"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    m_list = new QListWidget(body);
    m_memory = new QLabel(body);
    m_memory->setWordWrap(true);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_memory);
    setWidget(body);
    connect(m_session, &SegmentationSession::documentChanged, this, [this]() {
        if (SegmentationDocument* document = m_session->document())
            connect(document, &SegmentationDocument::historyChanged, this, &HistoryPanel::rebuild, Qt::UniqueConnection);
        rebuild();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_rebuilding || row < 0 || !m_session->document())
            return;
        m_session->document()->goToPosition(row); // row 0 is the start, row n is after the n-th edit
    });
    rebuild();
}

void HistoryPanel::rebuild()
{
    m_rebuilding = true;
    m_list->clear();
    SegmentationDocument* document = m_session->document();
    if (!document) {
        m_memory->setText(tr("No segmentation open."));
        m_rebuilding = false;
        return;
    }
    const EditHistory& history = document->history();
    const int dropped = history.droppedCount();
    m_list->addItem(dropped > 0 ? tr("Start (%1 older steps dropped to save memory)").arg(dropped) : tr("Start"));
    for (int n = 0; n < history.size(); ++n) {
        auto* item = new QListWidgetItem(history.at(n).description, m_list);
        if (n >= history.position())
            item->setForeground(QColor(140, 140, 140)); // undone: redo brings it back
    }
    m_list->setCurrentRow(history.position());
    m_memory->setText(tr("%1 steps, %2 MB of undo memory").arg(history.size()).arg(double(history.byteSize()) / 1048576.0, 0, 'f', 2));
    m_rebuilding = false;
}

} // namespace delineate
