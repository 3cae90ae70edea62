// Volumes and label maps to and from NIfTI (.nii, .nii.gz), NRRD, MHA/MHD and 2D PNG through ITK, in LPS.
#pragma once

#include "common/Expected.h"
#include "common/PhaseTrace.h"
#include "image/LabelMap.h"
#include "image/Volume.h"

#include <QFileDevice>
#include <QString>

namespace delineate {

// True for the file name extensions VolumeIO reads and writes.
bool isVolumeFileName(const QString& path);

// A 4D file (time series, several echoes) holds several volumes: `timePoint` picks one (0-based).
Expected<Volume> readVolume(const QString& path, int timePoint = 0);
Expected<LabelMap> readLabelMap(const QString& path);

// Written atomically: a temporary file beside the target, then renamed over it.
Expected<void> writeVolume(const Volume& volume, const QString& path);
Expected<void> writeLabelMap(const LabelMap& labels, const QString& path);

// Writes through `writer(temporaryPath)`, then renames the temporary file over `path`.
// The temporary file keeps the target's extension so that format detection by name still works. A write that fails
// or stops short (disk full, file-size limit, read-only folder; some libraries do not report failed writes) is
// refused before the rename: any earlier file at `path` stays as it was, the temporary file is removed, and the
// message names `path` and, where it can be seen, the cause.
template <typename Writer>
Expected<void> writeAtomically(const QString& path, Writer writer);

QString temporaryPathFor(const QString& path);
// Flushes the temporary file to disk, renames it over `path` and flushes the folder, so that even a power cut leaves
// the old or the new file.
Expected<void> replaceFile(const QString& temporaryPath, const QString& path);
// The empty temporary file, made before any writer runs: where the folder takes no new file (read-only, missing,
// not a folder, full), this fails with the system's reason.
Expected<void> createTemporaryFile(const QString& temporaryPath, const QString& path);
// After a writer reported success: the temporary file exists and, for image files, is as long as its own header
// says (NIfTI, compressed NIfTI, MetaImage).
Expected<void> checkWrittenFile(const QString& temporaryPath, const QString& path);
// Writes all of `bytes` to `file`, continuing after short writes: QFile reports a write cut short by a full disk or
// a file-size limit as a short count without a reason, and only the next write gives the system's reason in
// errorString(). Then flushes. False when not all of it was written.
bool writeAll(QFileDevice& file, const QByteArray& bytes);
// `bytes` written atomically to `path` through writeAtomically (a JSON record, a model checkpoint).
Expected<void> writeBytesAtomically(const QString& path, const QByteArray& bytes);
// Flushes a folder's entries to disk (after renaming a file or a folder into it).
void syncFolder(const QString& folder);
// Removes the temporary file of a failed write and returns its error, told as "not saved" with the cause where
// one can be seen (the disk is full, the process's file-size limit was reached).
Error discardFailedWrite(const QString& temporaryPath, const QString& path, const Error& error);

template <typename Writer>
Expected<void> writeAtomically(const QString& path, Writer writer)
{
    const QString temporary = temporaryPathFor(path);
    phase::mark("temp-begin", path);
    if (Expected<void> created = createTemporaryFile(temporary, path); !created.ok())
        return created;
    Expected<void> written = writer(temporary);
    if (written.ok())
        written = checkWrittenFile(temporary, path);
    if (!written.ok())
        return discardFailedWrite(temporary, path, written.error());
    phase::testDelay();
    Expected<void> replaced = replaceFile(temporary, path);
    phase::mark("temp-end", path);
    return replaced;
}

} // namespace delineate
