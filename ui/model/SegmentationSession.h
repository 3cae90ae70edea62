// The segmentation of the image on screen as the application manages it (no widgets): create, open (refusing a
// mask on another grid unless resampling was chosen), save, close, the recovery journal of every open document,
// and journals left by a crashed session for the same series. The UI asks the questions; this does the work.
#pragma once

#include "common/Expected.h"
#include "edit/RecoveryJournal.h"
#include "image/ImageGeometry.h"
#include "model/SegmentationLayer.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace delineate {

class SegmentationDocument;
class SegmentationLayer;
class ViewerState;

class SegmentationSession : public QObject
{
    Q_OBJECT
public:
    SegmentationSession(ViewerState* state, SegmentationLayer* layer, QObject* parent = nullptr);
    ~SegmentationSession() override; // keeps the journal of unsaved work (a crash-like end is recoverable)

    // Where journals go; RecoveryJournal::defaultFolder() unless set (tests).
    QString recoveryFolder() const { return m_recoveryFolder; }
    void setRecoveryFolder(const QString& folder) { m_recoveryFolder = folder; }

    SegmentationDocument* document() const { return m_document.get(); }
    bool hasSegmentation() const { return m_document != nullptr; }
    bool isModified() const;
    // The file last opened or saved ("" for a new segmentation).
    QString filePath() const { return m_filePath; }
    // What the user calls it: the file name, or "New segmentation".
    QString displayName() const;
    // Why the journal could not be written, when it could not (edits are then not crash-safe).
    QString journalProblem() const { return m_journalProblem; }

    // An empty segmentation (with the default label 1) on the image on screen.
    Expected<void> createEmpty();
    // A label file onto the image on screen; refused naming both geometries unless it fits, or resampled by nearest
    // neighbour onto the series when `resampleOnto`.
    // A DICOM SEG is read onto the DICOM series on screen (the one it refers to); `notes()` then says how it was
    // read (fractional values, overlapping segments on layers, resampling onto a regularised series).
    Expected<void> openFile(const QString& path, bool resampleOnto);
    Expected<void> save(const QString& path);
    // Saves as a DICOM SEG referencing the series on screen (not the segmentation's working file: a later plain save
    // still asks for a label file). `notes()` then says what the SEG could not carry or how it differs.
    Expected<void> saveDicomSeg(const QString& path);
    bool canSaveDicomSeg() const; // the image on screen is a DICOM series
    QStringList notes() const { return m_notes; }
    // Forgets the segmentation and deletes its journal (after a save, or when the user chose to discard).
    void close();

    // Journals a previous session left for the image on screen (most recent first).
    QVector<JournalListing> pendingRecoveries() const;
    // Every journal left behind in the folder, whatever its series.
    QVector<JournalListing> allPendingRecoveries() const;
    // Restores a journal onto the image on screen: every complete edit comes back, undoable; the journal is
    // continued by a new one. The result says how many edits came back and whether the file was cut.
    Expected<RecoveredJournal> restore(const JournalListing& listing);
    void discardRecovery(const JournalListing& listing);

Q_SIGNALS:
    void documentChanged();
    void modifiedChanged(bool modified);

private:
    Expected<QString> currentSeriesHash() const;
    QString seriesName() const;
    void adopt(std::unique_ptr<SegmentationDocument> document, const QString& filePath);
    void startJournal();

    ViewerState* m_state;
    QPointer<SegmentationLayer> m_layer; // may be destroyed first when both are children of one window
    std::unique_ptr<SegmentationDocument> m_document;
    QString m_filePath;
    QString m_recoveryFolder;
    QString m_journalProblem;
    QStringList m_notes;
};

} // namespace delineate
