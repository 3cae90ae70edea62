// Running a segmentation model on a volume as a job: slice-wise, batched, tiled, on the input geometry.
#pragma once

#include "common/Expected.h"
#include "image/LabelMap.h"
#include "image/Volume.h"
#include "jobs/JobControl.h"
#include "ml/ComputeRuntime.h"
#include "ml/InferenceTypes.h"
#include "ml/SegmentationModel.h"

#include <QString>

namespace delineate::ml {

// Progress reports carry an ETA; cancel is honoured between batches (Error::cancelled()).
Expected<SegmentationResult> segmentVolume(const Volume& volume, const SegmentationModel& model,
                                           const InferenceOptions& options, JobControl& control);


} // namespace delineate::ml
