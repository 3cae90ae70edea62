// The Training panel's logic (no widgets): the training-sample store the user chose, "Accept correction" of the
// segmentation on screen through the store's own accept (on the worker: writing a volume takes seconds), fine-tuning
// or training on the store's frozen split on the worker (the engine is loaded there) with per-epoch metrics, pause,
// stop (keeps the best so far) and cancel (discards), and the store's model versions (promote, roll back).
#pragma once

#include "common/Expected.h"
#include "jobs/JobRunner.h"
#include "ml/ModelRegistry.h"
#include "ml/TrainingStore.h"
#include "ml/VersionComparison.h"

#include <QObject>
#include <QString>
#include <QVariantMap>
#include <QVector>

#include <atomic>
#include <memory>
#include <optional>

namespace delineate {

class SegmentationSession;
class ViewerState;

struct TrainingSettings
{
    bool fromActive = true;   // fine-tune the active version (else train a new model from scratch)
    int epochs = 5;
    int stepsPerEpoch = 20;
    int batchSize = 4;
    int patchSize = 256;
    double learningRate = 1e-3;
    int width = 0;            // a new model's first-level channels (0: the preset's)
    int threads = 0;
    uint64_t seed = 1;
};

struct EpochMetrics
{
    int epoch = 0;
    double loss = 0.0;
    double validationDice = -1.0; // mean over classes; -1 without validation
    bool best = false;
};

class TrainingSession : public QObject
{
    Q_OBJECT
public:
    TrainingSession(ViewerState* state, SegmentationSession* segmentation, QObject* parent = nullptr);
    ~TrainingSession() override;

    // The store under the app's data folder unless the user chose another (remembered in the settings).
    static QString defaultStoreFolder();
    // Opens (creating it when needed) the store at `folder`.
    Expected<void> openStore(const QString& folder);
    QString storeFolder() const { return m_store ? m_store->folder() : QString(); }
    const TrainingStore* store() const { return m_store ? &*m_store : nullptr; }
    const ml::ModelRegistry* registry() const { return m_registry ? &*m_registry : nullptr; }
    QString activeModelPath() const;

    QString editorName() const { return m_editor; }
    void setEditorName(const QString& name);

    // Adds the segmentation on screen with its image to the store (only the reviewed slices when asked); false
    // with lastError() when it cannot start. acceptFinished reports the outcome.
    bool acceptCorrection(bool reviewedSlicesOnly);
    bool canAccept() const;

    // Trains on the store on the worker; epochFinished for each epoch, trainingFinished at the end. Started while an
    // AI run computes (the runner is held), it begins when the run has ended.
    bool startTraining(const TrainingSettings& settings);
    // A run on this store that did not end (the app was killed or crashed): its checkpoint and the settings it was
    // started with are in the registry. Resuming goes on from its last epoch as if it had never stopped.
    bool hasInterruptedRun() const;
    bool resumeTraining();
    // The user's pause: an AI run's hold comes and goes without changing it.
    void pauseTraining(bool paused);
    void stopTraining();   // ends after the current step; the best model so far becomes a version
    void cancelTraining(); // discards the run
    bool isTraining() const { return m_trainRunner->isRunning(); }
    bool isAccepting() const { return m_acceptRunner->isRunning(); }
    const QVector<EpochMetrics>& epochs() const { return m_epochs; }
    JobRunner* trainingRunner() const { return m_trainRunner; }
    JobRunner* acceptRunner() const { return m_acceptRunner; }

    // Segments every validation sample with versions `a` and `b` on the worker (one network job at a time: not
    // while training); comparisonFinished reports it, comparison() holds the per-case Dice.
    bool compareVersions(const QString& a, const QString& b);
    const std::optional<ml::VersionComparison>& comparison() const { return m_comparison; }

    Expected<void> promote(const QString& version);
    Expected<QString> rollback();

    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void storeChanged();      // opened, a sample accepted
    void acceptFinished(bool ok, const QString& message);
    void epochFinished(const EpochMetrics& metrics);
    void trainingFinished(bool ok, const QString& message);
    void comparisonFinished(bool ok, const QString& message);
    void versionsChanged();   // a new version, a promotion, a roll-back
    void activeModelChanged(const QString& path);
    void canAcceptChanged();  // an image or a segmentation came or went

private:
    void reload();
    bool startRun(const TrainingSettings& settings, const QString& parentVersion, bool resume);
    QString interruptedRunFile() const;

    ViewerState* m_state;
    SegmentationSession* m_segmentation;
    JobRunner* m_acceptRunner;
    JobRunner* m_trainRunner;
    std::optional<TrainingStore> m_store;
    std::optional<ml::ModelRegistry> m_registry;
    std::shared_ptr<std::atomic<bool>> m_stop;
    QVector<EpochMetrics> m_epochs;
    std::optional<ml::VersionComparison> m_comparison;
    QString m_editor;
    QString m_lastError;
};

} // namespace delineate

Q_DECLARE_METATYPE(delineate::EpochMetrics)
