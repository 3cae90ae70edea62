// The AI panel's logic (no widgets): the chosen model and its header (read without the engine), runs of the network
// on the current slice, a box or the whole series through the job runner (the engine is loaded on the first run),
// the kept probabilities, the live threshold, the uncertainty pictures, and the merge into the segmentation as one
// undoable AI step that leaves locked and hand-edited voxels alone.
#pragma once

#include "common/Expected.h"
#include "edit/AiMerge.h"
#include "edit/EditRecord.h"
#include "image/ProbabilityMap.h"
#include "jobs/JobRunner.h"
#include "ml/ModelHeader.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace delineate {

namespace ml {
class EngineModel;
}

class OverlayLayer;
class SegmentationDocument;
class SegmentationLayer;
class SegmentationSession;
class ViewerState;

class AiSession : public QObject
{
    Q_OBJECT
public:
    enum class Scope { Slice, Box, Series };
    enum class Uncertainty { None, Heat, Band };

    AiSession(ViewerState* state, SegmentationSession* segmentation, SegmentationLayer* layer, QObject* parent = nullptr);
    ~AiSession() override;

    // The models shipped with Delineate (resources/models, or share/delineate/models when installed).
    static QStringList defaultModelPaths();

    // Reads the model's header (no engine): the panel shows it before anything runs.
    Expected<void> selectModel(const QString& path);
    QString modelPath() const { return m_modelPath; }
    const std::optional<ml::ModelHeader>& header() const { return m_header; }
    // Why the model may not fit the image on screen (modality, channels); empty when it fits.
    QStringList compatibilityWarnings() const;

    // Where the result goes: 0 = each model class into a label of its own (named and coloured after the class),
    // else this label. The policy, and whether hand-edited voxels may be replaced.
    void setTargetLabel(uint16_t label) { m_targetLabel = label; }
    uint16_t targetLabel() const { return m_targetLabel; }
    void setPolicy(const OverwritePolicy& policy) { m_policy = policy; }
    void setOverwriteHandEdits(bool overwrite) { m_overwriteHand = overwrite; }

    // Device and precision ("auto", "cpu", "cuda"; "auto", "float32", "bfloat16") and intra-op threads.
    void setComputeSettings(const QString& device, const QString& precision, int threads);
    QString device() const { return m_device; }
    QString precision() const { return m_precision; }

    // Starts a run on the worker; false (with the reason in lastError()) when it cannot start. A run while another
    // is running replaces it (the running one is cancelled).
    bool run(Scope scope, const VoxelBox& box = VoxelBox());
    void cancel();
    bool isRunning() const { return m_runner->isRunning(); }
    JobRunner* runner() const { return m_runner; }
    QString lastError() const { return m_lastError; }
    // Runners of other torch jobs (a fine-tune) that a run holds while it computes, one torch job at a time: a running
    // job waits at its next step, one started meanwhile waits to begin. The user's own pause is not touched: a
    // training the user paused stays paused after the run.
    void holdDuringRuns(JobRunner* runner);

    // The probabilities of the last runs, on the image's grid (empty before the first run).
    const ProbabilityMap* result() const { return m_result ? m_result.get() : nullptr; }
    double threshold() const { return m_threshold; }
    // While the threshold slider moves: the three slices on screen show the new threshold (nothing else changes).
    void previewThreshold(double threshold);
    // The slider released (or a value typed): the whole volume at the new threshold, as the AI step.
    void applyThreshold(double threshold);
    int networkRuns() const { return m_networkRuns; }
    // A result (or a threshold) waiting for the edit in progress (a brush stroke) to end before it is merged: the
    // user's edit is never cancelled for it.
    bool hasPendingMerge() const { return m_pendingRun.has_value() || m_pendingThreshold; }

    OverlayLayer* overlay() const { return m_overlay; }
    void setUncertainty(Uncertainty mode);
    Uncertainty uncertainty() const { return m_uncertainty; }
    // Moves the crosshair to the next slice (along the model's slice axis) in order of decreasing uncertainty
    // (mean entropy of the probabilities); returns the slice, or -1 without a result.
    int nextUncertainSlice();

    // "not loaded yet", "LibTorch 1.13.1, CPU", or why it cannot load.
    QString engineStatus() const;

Q_SIGNALS:
    void modelChanged();
    void resultChanged();
    void thresholdChanged(double threshold);
    void engineStatusChanged();
    // ok false: message says why (a cancel says so too). After the merge, which may wait for an edit in progress.
    void runFinished(bool ok, const QString& message);
    // The network has finished, but an edit is in progress: the result is merged when it ends.
    void mergeWaiting(const QString& message);

private:
    struct RunOutput;
    struct PendingRun
    {
        VoxelBox region;
        double seconds = 0.0;
        QString engine;
    };
    SegmentationDocument* ensureDocument();
    AiMergeOptions mergeOptions(double threshold) const;
    void ensureClassLabels(SegmentationDocument& document);
    bool startThresholdEdit();
    void finishRun(Expected<RunOutput> output, Scope scope, const VoxelBox& region);
    void mergeRun(const PendingRun& run);
    void onDocumentChanged();
    void onEditEnded();
    void mergePending();
    void holdOtherJobs();
    void releaseOtherJobs();
    void refreshOverlay();

    ViewerState* m_state;
    SegmentationSession* m_segmentation;
    SegmentationLayer* m_layer;
    OverlayLayer* m_overlay;
    JobRunner* m_runner;
    QVector<QPointer<JobRunner>> m_heldDuringRuns;
    QVector<QPointer<JobRunner>> m_holding; // the runners the run in progress holds (each once)
    QString m_modelPath;
    std::optional<ml::ModelHeader> m_header;
    std::shared_ptr<ml::EngineModel> m_model; // loaded by the first run of this path (on the worker)
    QString m_loadedModelPath;
    std::shared_ptr<ProbabilityMap> m_result;
    const void* m_resultImage = nullptr;      // the volume the result belongs to
    double m_threshold = 0.5;
    uint16_t m_targetLabel = 0;
    OverwritePolicy m_policy;
    bool m_overwriteHand = false;
    QString m_device = QStringLiteral("auto");
    QString m_precision = QStringLiteral("auto");
    int m_threads = 0;
    QString m_lastError;
    int m_networkRuns = 0;
    uint64_t m_lastAiSequence = 0;            // history sequence of the last AI step made here
    Uncertainty m_uncertainty = Uncertainty::None;
    std::vector<int> m_uncertainRanking;
    int m_uncertainCursor = -1;

    // A threshold drag in progress: the open AI edit and the states of the slices it re-merges, as they were.
    bool m_dragging = false;
    std::vector<AiSlab> m_slabs;

    // Merges waiting for the edit in progress on this document to end.
    std::optional<PendingRun> m_pendingRun;
    bool m_pendingThreshold = false;
    QPointer<SegmentationDocument> m_pendingDocument;
};

} // namespace delineate
