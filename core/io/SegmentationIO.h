// Segmentations to and from files with their label names and colours: NIfTI (.nii, .nii.gz) with a JSON sidecar,
// NRRD with key/value fields the way 3D Slicer's .seg.nrrd writes them, and MHA. One layer is a 3D file; several
// layers are one file with a component per layer. Writes are atomic (temporary file, then rename).
#pragma once

#include "common/Expected.h"
#include "image/LabelLayer.h"
#include "image/LabelTable.h"
#include "image/Segmentation.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace delineate {

// What a label file holds, before it is attached to a series.
struct SegmentationFile
{
    QString path;
    ImageGeometry geometry;
    std::vector<LabelLayer> layers;
    LabelTable labels;      // from the sidecar or NRRD fields; labels found only in the voxels get defaults
    ReviewedSlices reviewed; // slices marked reviewed (sidecar "reviewedSlices" or NRRD Delineate_ReviewedSlices)
    QStringList notes;       // how the file was interpreted, for the user (a DICOM SEG's fractional values, ...)
};

bool isSegmentationFileName(const QString& path); // .nii, .nii.gz, .nrrd, .seg.nrrd, .mha
// mask.nii.gz -> mask.json (as BIDS sidecars are named).
QString labelSidecarPath(const QString& imagePath);

// What a file with AI segments (automatic or semi-automatic labels) says about them: the models that made them and
// that they are for research use, not for diagnosis. Empty when every label is manual.
QString aiDescription(const Segmentation& segmentation);

Expected<SegmentationFile> readSegmentationFile(const QString& path);
Expected<void> writeSegmentationFile(const Segmentation& segmentation, const QString& path);

// Attaches a file to a series' grid: refused (the message names both geometries) unless it fits; with
// `resampleOnto` it is resampled onto the series by nearest neighbour instead.
Expected<Segmentation> attachToSeries(const SegmentationFile& file, const ImageGeometry& series,
                                      const QString& seriesName, bool resampleOnto);

} // namespace delineate
