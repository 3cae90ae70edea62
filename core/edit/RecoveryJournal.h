// The recovery journal: every completed edit is appended (checksummed, fdatasync'ed) before the next one starts, so
// that after a crash or kill the next start restores every completed edit onto the right series. A journal starts
// with a snapshot of the segmentation it edits (its base); undo and redo are journalled as markers. Journals live in
// a per-user folder (owner-only) and carry no patient identifier: the series is matched by a salted hash.
#pragma once

#include "common/Expected.h"
#include "edit/EditRecord.h"
#include "image/Segmentation.h"

#include <QDateTime>
#include <QString>
#include <QVector>

#include <memory>
#include <vector>

namespace delineate {

// What a journal says about the series it belongs to: nothing that identifies the patient.
struct JournalIdentity
{
    QString seriesHash; // seriesIdentityHash() of the series
    QString summary;    // e.g. "CT, 512 x 512 x 3" for the recovery prompt
};

class RecoveryJournal
{
public:
    // ~/.local/share/Delineate/recovery (XDG_DATA_HOME respected), created owner-only.
    static QString defaultFolder();
    // Creates `folder` (mode 0700) if needed. The salt behind the series hashes lives there (mode 0600).
    static Expected<void> prepareFolder(const QString& folder);
    // SHA-256 (hex) of the folder's salt, the series key (series UID and sub-series, or the file's absolute path)
    // and the grid: the same series always maps to the same hash in one folder, and the hash reveals nothing.
    static Expected<QString> seriesIdentityHash(const QString& folder, const QString& seriesKey,
                                                const ImageGeometry& geometry);

    // Starts a journal in `folder` whose base is `base`.
    static Expected<std::unique_ptr<RecoveryJournal>> create(const QString& folder, const JournalIdentity& identity,
                                                             const Segmentation& base);
    ~RecoveryJournal(); // closes the file and keeps it (discard() deletes it)
    RecoveryJournal(const RecoveryJournal&) = delete;
    RecoveryJournal& operator=(const RecoveryJournal&) = delete;

    QString path() const { return m_path; }
    const JournalIdentity& identity() const { return m_identity; }
    int recordCount() const { return m_records; }

    Expected<void> appendEdit(const EditRecord& record);
    Expected<void> appendUndo();
    Expected<void> appendRedo();
    // The last done edit was replaced by `record` (an amended step): replay applies it and takes it as that step.
    Expected<void> appendAmend(const EditRecord& record);
    // After a save: replaces the journal atomically by one whose base is `current` (the saved state).
    Expected<void> rebase(const Segmentation& current);
    // The segmentation was saved and closed, or the user discarded it: the journal is deleted.
    void discard();

private:
    RecoveryJournal() = default;
    Expected<void> appendRecord(uint8_t type, const QByteArray& payload);
    static Expected<int> openLocked(const QString& path, bool create);

    QString m_path;
    QString m_folder;
    JournalIdentity m_identity;
    int m_fd = -1;
    int m_records = 0;
};

// A journal read back: the base with every complete record replayed.
struct RecoveredJournal
{
    QString path;
    JournalIdentity identity;
    QDateTime created;
    Segmentation segmentation;
    // The edits done at the end (in order), so that the restored segmentation can still undo them.
    std::vector<std::shared_ptr<const EditRecord>> doneEdits;
    int recordsRead = 0;   // edit, undo and redo records replayed
    bool cut = false;      // the file ends in an incomplete or damaged record (a crash mid-write)
    qint64 cutOffset = 0;
    QString cutReason;
};

Expected<RecoveredJournal> readJournal(const QString& path);

struct JournalListing
{
    QString path;
    JournalIdentity identity;
    QDateTime modified;
    int edits = 0; // edit records in the file
};

// Journals in `folder` that no running Delineate holds open (a live session keeps a lock on its own).
QVector<JournalListing> listJournals(const QString& folder);

} // namespace delineate
