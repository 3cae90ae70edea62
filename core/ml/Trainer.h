// Training a U-Net on image/label pairs as a job: augmentation, patch sampling, validation, best checkpoint.
#pragma once

#include "common/Expected.h"
#include "jobs/JobControl.h"
#include "ml/ComputeRuntime.h"
#include "ml/TrainingTypes.h"
#include "ml/SegmentationModel.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cstdint>

namespace delineate::ml {

struct TrainingResult
{
    SegmentationModel model;         // best weights by mean validation Dice (or the last ones without validation)
    QJsonObject bestMetrics;
    int epochs = 0;
    int bestEpoch = 0;
    double seconds = 0.0;
    double samplesPerSecond = 0.0;
    ComputePrecision precision = ComputePrecision::Float32; // what actually ran
};

// Publishes {"epoch", "loss", "learning_rate", "seconds", "val_dice_<class>", "val_mean_dice", "best"} per epoch.
Expected<TrainingResult> trainModel(const TrainingOptions& options, JobControl& control);

} // namespace delineate::ml
