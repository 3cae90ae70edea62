// Image/label pairs for training and validation: a folder with image/ and label/ (PNG slices or volumes).
#pragma once

#include "common/Expected.h"
#include "image/LabelMap.h"
#include "image/Volume.h"
#include "jobs/JobControl.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace delineate::ml {

struct TrainingPair
{
    QString imagePath;
    QString labelPath;
    Volume image;
    LabelMap labels;
};

// Natural order of file names: digit runs compare as numbers, so 2.png comes before 10.png.
bool naturalLess(const QString& a, const QString& b);

// "0-23" or "0-3,7,9-11" -> indices; empty text -> empty list (meaning all). Errors name the bad part.
Expected<QVector<int>> parseIndexRanges(const QString& text);

// Label 1 where `volume` is non-zero, 0 elsewhere, on its grid: a skull-stripped image read as a brain mask.
LabelMap nonZeroMask(const Volume& volume);

// Pairs FOLDER/image/NAME with FOLDER/label/NAME (same file name up to the extension), in natural order
// (2.png before 10.png); `indices` select by position in that order (all when empty). With
// `nonZeroIsForeground` a label file's non-zero voxels become label 1 (e.g. a skull-stripped image as a mask).
Expected<QVector<TrainingPair>> loadTrainingPairs(const QString& folder, const QVector<int>& indices,
                                                  bool nonZeroIsForeground, JobControl& control);

// SHA-256 over the pairs' file names and bytes: the data-set identity recorded in a model's provenance.
QString hashTrainingFiles(const QVector<TrainingPair>& pairs);
// The same over any files (names and bytes, in the order given).
QString hashFiles(const QStringList& paths);

// The synthesis label map of each pair: FOLDER/NAME with the pair's image name (any volume extension), on the
// image's grid. Their paths go to `paths` when given.
Expected<QVector<LabelMap>> loadSynthesisLabels(const QString& folder, const QVector<TrainingPair>& pairs,
                                                QStringList* paths = nullptr);

} // namespace delineate::ml
