// Volumes and label maps to and from NIfTI (.nii, .nii.gz), NRRD, MHA/MHD and 2D PNG through ITK, in LPS.
#pragma once

#include "common/Expected.h"
#include "common/PhaseTrace.h"
#include "image/LabelMap.h"
#include "image/Volume.h"

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
// The temporary file keeps the target's extension so that format detection by name still works.
template <typename Writer>
Expected<void> writeAtomically(const QString& path, Writer writer);

QString temporaryPathFor(const QString& path);
// Flushes the temporary file to disk, renames it over `path` and flushes the folder, so that even a power cut leaves
// the old or the new file.
Expected<void> replaceFile(const QString& temporaryPath, const QString& path);

template <typename Writer>
Expected<void> writeAtomically(const QString& path, Writer writer)
{
    const QString temporary = temporaryPathFor(path);
    phase::mark("temp-begin", path);
    Expected<void> written = writer(temporary);
    if (!written.ok())
        return written;
    phase::testDelay();
    Expected<void> replaced = replaceFile(temporary, path);
    phase::mark("temp-end", path);
    return replaced;
}

} // namespace delineate
