// Segmentation > Recover Unsaved Edits: every journal a session left behind, with its stored summary (modality and
// size, no patient identifier), its edit count and the time of its last edit; restores one onto the series on screen
// when it belongs to it, and says which series to open otherwise.
#pragma once

#include "edit/RecoveryJournal.h"

#include <QDialog>
#include <QVector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace delineate {

class SegmentationSession;

class RecoveryDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { SeriesColumn, EditsColumn, LastEditColumn, StateColumn, ColumnCount };

    explicit RecoveryDialog(SegmentationSession* session, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QPushButton* restoreButton() const { return m_restore; }
    QPushButton* discardButton() const { return m_discard; }
    const QVector<JournalListing>& listings() const { return m_listings; }

    // What the status bar says after a restore (the edit count, and where a cut journal was cut).
    static QString restoredText(const RecoveredJournal& restored);

Q_SIGNALS:
    void message(const QString& text);

private:
    void rebuild();
    void updateButtons();
    void restoreSelected();
    void discardSelected();
    bool belongsToOpenSeries(const JournalListing& listing) const;

    SegmentationSession* m_session;
    QVector<JournalListing> m_listings;
    QVector<QString> m_openSeriesJournals; // paths of the journals of the series on screen
    QTableWidget* m_table = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_restore = nullptr;
    QPushButton* m_discard = nullptr;
};

} // namespace delineate
