// The model registry of a training store: every training run on the store yields a version (model file, parent,
// data snapshot, split version, hyper-parameters, metrics, time); one version is active, and promotions are kept
// as a history so that a promotion can be rolled back. Torch-free: files and JSON only.
//
// Layout: STORE/models/vN/model.dlm and STORE/models/vN/version.json (a version appears by renaming its complete
// folder into place); STORE/models/active.json {"active": "vN", "history": ["v1", "vN"]} (written atomically);
// STORE/models/interrupted-run.ckpt, the checkpoint of a run that has not ended (see checkpoints()).
#pragma once

#include "common/Expected.h"
#include "ml/TrainingTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace delineate::ml {

struct ModelVersion
{
    QString version;            // "v1", "v2", ...
    QString parent;             // the version (or outside model file) it was fine-tuned from; "" from scratch
    QString dataHash;           // the data snapshot (the model header's data-set hash)
    int splitVersion = 0;       // the store's split version it was validated on
    QJsonObject hyperParameters;
    QJsonObject metrics;        // the best validation metrics of the run
    QDateTime created;

    QJsonObject toJson() const;
    static ModelVersion fromJson(const QJsonObject& json);
};

class ModelRegistry
{
public:
    // The registry of the store at `storeFolder` (created on first use).
    static Expected<ModelRegistry> open(const QString& storeFolder);

    const QVector<ModelVersion>& versions() const { return m_versions; }
    const ModelVersion* find(const QString& version) const;
    QString active() const { return m_history.isEmpty() ? QString() : m_history.last(); }
    const QStringList& history() const { return m_history; }
    QString modelPath(const QString& version) const;

    // Copies `modelFile` in as the next version (its number is set here). The first version becomes active.
    Expected<ModelVersion> add(const QString& modelFile, ModelVersion info);
    Expected<void> promote(const QString& version);
    // Back to the version active before the last promotion; returns it.
    Expected<QString> rollback();

    // Where a training run on the store keeps its checkpoint after every epoch. A run that ends (finished,
    // stopped or cancelled) discards it; one that was killed leaves it, to be resumed with the same options
    // (delineate-cli train --store S --resume, or the Training panel's Resume).
    std::shared_ptr<CheckpointSink> checkpoints() const;
    bool hasInterruptedRun() const;

private:
    Expected<void> writeActive() const;

    QString m_folder; // STORE/models
    QVector<ModelVersion> m_versions;
    QStringList m_history;
};

} // namespace delineate::ml
