// AI runs on the worker, their merge on the UI thread, the live threshold and the uncertainty pictures.
#include "model/AiSession.h"

#include "edit/SegmentationDocument.h"
#include "image/SlicePlane.h"
#include "image/Volume.h"
#include "ml/EngineLoader.h"
#include "model/OverlayLayer.h"
#include "model/SegmentationLayer.h"
#include "model/SegmentationSession.h"
#include "model/ViewerState.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <numeric>
#include <utility>

namespace delineate {

struct AiSession::RunOutput
{
    std::shared_ptr<ml::EngineModel> model; // the model it ran (loaded on the worker when new)
    ProbabilityMap part;                    // the probabilities of the part it ran on
    std::array<int64_t, 3> origin{0, 0, 0}; // where that part lies in the image
    double seconds = 0.0;
    QString engine;
};

namespace {

uint16_t foregroundValueOf(const ml::ModelHeader& header)
{
    return uint16_t(std::max(1, header.classValue(1)));
}

bool isSoftmax(const ml::ModelHeader& header)
{
    return header.architecture.activation == ml::OutputActivation::Softmax && header.architecture.outputChannels > 2;
}

} // namespace

AiSession::AiSession(ViewerState* state, SegmentationSession* segmentation, SegmentationLayer* layer, QObject* parent)
    : QObject(parent), m_state(state), m_segmentation(segmentation), m_layer(layer), m_overlay(new OverlayLayer(this)),
      m_runner(new JobRunner(this))
{
    connect(m_state, &ViewerState::imageChanged, this, [this]() {
        // A result belongs to the image it was computed on.
        if (m_state->volume() != m_resultImage) {
            m_result.reset();
            m_resultImage = nullptr;
            m_uncertainRanking.clear();
            m_overlay->hide();
            Q_EMIT resultChanged();
            if (hasPendingMerge())
                QMetaObject::invokeMethod(this, &AiSession::mergePending, Qt::QueuedConnection); // it lapses
        }
        if (m_header)
            Q_EMIT modelChanged(); // whether the model fits depends on the image
    });
    connect(m_segmentation, &SegmentationSession::documentChanged, this, &AiSession::onDocumentChanged);
    onDocumentChanged();
}

AiSession::~AiSession()
{
    // The run is cancelled and joined before the jobs it holds go on.
    delete m_runner;
    m_runner = nullptr;
    releaseOtherJobs();
}

QStringList AiSession::defaultModelPaths()
{
    QStringList folders;
    if (QCoreApplication::instance()) {
        const QDir app(QCoreApplication::applicationDirPath());
        folders << app.filePath(QStringLiteral("../share/delineate/models"));
    }
#ifdef DELINEATE_MODELS_DIR
    folders << QStringLiteral(DELINEATE_MODELS_DIR);
#endif
    QStringList paths;
    for (const QString& folder : folders) {
        const QFileInfoList files = QDir(folder).entryInfoList({QStringLiteral("*.dlm")}, QDir::Files, QDir::Name);
        for (const QFileInfo& file : files)
            paths << file.canonicalFilePath();
        if (!paths.isEmpty())
            break;
    }
    return paths;
}

Expected<void> AiSession::selectModel(const QString& path)
{
    auto header = ml::readModelHeader(path);
    if (!header)
        return header.error();
    m_modelPath = QFileInfo(path).absoluteFilePath();
    m_header = std::move(header).value();
    Q_EMIT modelChanged();
    return {};
}

QStringList AiSession::compatibilityWarnings() const
{
    QStringList warnings;
    if (!m_header)
        return warnings;
    if (m_header->architecture.inputChannels != 1)
        warnings << tr("The model expects %1 input channels; images here have one.").arg(m_header->architecture.inputChannels);
    if (m_state->hasImage() && !m_header->modality.isEmpty() && !m_state->info().modality.isEmpty()
        && m_header->modality.compare(m_state->info().modality, Qt::CaseInsensitive) != 0)
        warnings << tr("The model was made for %1 images; this image is %2.").arg(m_header->modality, m_state->info().modality);
    if (m_state->hasImage() && m_header->spacing[0] > 0.0) {
        const auto& spacing = m_state->volume()->geometry().spacing();
        const double ratio = std::max(spacing[0], spacing[1]) / m_header->spacing[0];
        if (ratio > 3.0 || ratio < 1.0 / 3.0)
            warnings << tr("The model was trained at %1 mm pixels; this image has %2 mm (it is resampled).")
                            .arg(m_header->spacing[0], 0, 'g', 3)
                            .arg(std::max(spacing[0], spacing[1]), 0, 'g', 3);
    }
    return warnings;
}

void AiSession::setComputeSettings(const QString& device, const QString& precision, int threads)
{
    m_device = device;
    m_precision = precision;
    m_threads = threads;
}

void AiSession::holdDuringRuns(JobRunner* runner)
{
    m_heldDuringRuns.append(runner);
}

void AiSession::holdOtherJobs()
{
    for (const auto& other : m_heldDuringRuns)
        if (other && !m_holding.contains(other)) {
            other->hold();
            m_holding.append(other);
        }
}

void AiSession::releaseOtherJobs()
{
    // Only the holds this run took: a pause the user chose stays.
    const auto holding = std::exchange(m_holding, {});
    for (const auto& other : holding)
        if (other)
            other->release();
}

QString AiSession::engineStatus() const
{
    if (ml::EngineLoader::isLoaded()) {
        auto engine = ml::EngineLoader::engine();
        return engine ? (*engine)->description() : engine.error().message;
    }
    const QString error = ml::EngineLoader::lastError();
    if (!error.isEmpty())
        return tr("The AI engine could not be loaded, so models cannot run (viewing and editing work as before): %1").arg(error);
    return tr("The engine loads when a model first runs.");
}

void AiSession::onDocumentChanged()
{
    if (SegmentationDocument* document = m_segmentation->document())
        connect(document, &SegmentationDocument::editEnded, this, &AiSession::onEditEnded, Qt::UniqueConnection);
    m_dragging = false;
    m_slabs.clear();
    if (hasPendingMerge())
        QMetaObject::invokeMethod(this, &AiSession::mergePending, Qt::QueuedConnection); // it lapses
}

void AiSession::onEditEnded()
{
    // Whoever ended it, an AI edit of a threshold drag is over (a tool's beginEdit cancels it, for one).
    m_dragging = false;
    m_slabs.clear();
    // Not from inside the ending edit's call: the tool that ended it may begin the next one right away.
    if (hasPendingMerge())
        QMetaObject::invokeMethod(this, &AiSession::mergePending, Qt::QueuedConnection);
}

void AiSession::mergePending()
{
    if (!hasPendingMerge())
        return;
    SegmentationDocument* document = m_segmentation->document();
    if (!document || document != m_pendingDocument || !m_result || m_resultImage != m_state->volume()) {
        const bool run = m_pendingRun.has_value();
        m_pendingRun.reset();
        m_pendingThreshold = false;
        m_pendingDocument = nullptr;
        if (run)
            Q_EMIT runFinished(false, tr("The segmentation or the image was closed before the AI result could be merged."));
        return;
    }
    if (document->isEditing())
        return; // the next edit began first: wait for its end
    m_pendingDocument = nullptr;
    if (m_pendingRun) {
        const PendingRun run = *m_pendingRun;
        m_pendingRun.reset();
        mergeRun(run);
    }
    if (m_pendingThreshold) {
        m_pendingThreshold = false;
        applyThreshold(m_threshold);
    }
}

SegmentationDocument* AiSession::ensureDocument()
{
    if (!m_segmentation->document()) {
        if (auto created = m_segmentation->createEmpty(); !created) {
            m_lastError = created.error().message;
            return nullptr;
        }
    }
    return m_segmentation->document();
}

bool AiSession::run(Scope scope, const VoxelBox& box)
{
    m_lastError.clear();
    if (!m_state->hasImage()) {
        m_lastError = tr("Open an image first.");
        return false;
    }
    if (!m_header) {
        m_lastError = tr("Choose a model first.");
        return false;
    }
    if (m_runner->isRunning()) {
        m_runner->cancel();
        m_runner->setPaused(false);
        // The new request starts when the cancelled run has stopped.
        connect(m_runner, &JobRunner::finished, this, [this, scope, box]() { run(scope, box); },
                Qt::SingleShotConnection);
        return true;
    }
    const std::shared_ptr<const Volume> volume = m_state->sharedVolume();
    const ImageGeometry& grid = volume->geometry();
    const int axis = std::clamp(m_header->sliceAxis, 0, 2);
    // The part of the image the network runs on.
    VoxelBox region = VoxelBox::everything(grid);
    if (scope == Scope::Slice) {
        region.lower[axis] = region.upper[axis] = m_state->cursor()[std::size_t(axis)];
    } else if (scope == Scope::Box) {
        if (box.isEmpty()) {
            m_lastError = tr("Draw a box first.");
            return false;
        }
        for (int a = 0; a < 3; ++a) {
            region.lower[a] = std::clamp<int64_t>(box.lower[a], 0, grid.size()[a] - 1);
            region.upper[a] = std::clamp<int64_t>(box.upper[a], region.lower[a], grid.size()[a] - 1);
        }
    }
    std::array<int64_t, 3> origin{}, size{};
    for (int a = 0; a < 3; ++a) {
        origin[a] = region.lower[a];
        size[a] = region.upper[a] - region.lower[a] + 1;
    }
    ml::InferenceOptions options;
    options.device = m_device;
    options.precision = ml::parseComputePrecision(m_precision).value_or(ml::ComputePrecision::Auto);
    options.threads = m_threads > 0 ? m_threads : std::max(1, QThread::idealThreadCount() - 1);
    if (m_header->normalization.kind == ml::IntensityNormalization::Kind::ZScore && scope != Scope::Series) {
        // A slice or a box is normalised like the whole volume, as the network saw it in training.
        const auto [mean, sd] = volumeMeanAndSd(*volume);
        options.zScoreMean = mean;
        options.zScoreSd = sd;
    }
    const QString path = m_modelPath;
    std::shared_ptr<ml::EngineModel> model = m_loadedModelPath == path ? m_model : nullptr;
    const ml::ModelHeader header = *m_header;
    const bool whole = scope == Scope::Series;
    const QString title = scope == Scope::Slice ? tr("AI on the current slice")
                          : scope == Scope::Box ? tr("AI on the box")
                                                : tr("AI on the whole series");
    holdOtherJobs();
    m_runner->start<RunOutput>(
        title,
        [volume, origin, size, whole, options, path, model, header](JobControl& control) -> Expected<RunOutput> {
            control.reportProgress(0.0, tr("Loading the engine"));
            auto engine = ml::EngineLoader::engine(ml::EngineLoadOptions{true});
            if (!engine)
                return engine.error();
            (*engine)->setThreads(options.threads);
            RunOutput output;
            output.engine = (*engine)->description();
            output.model = model;
            if (!output.model) {
                control.reportProgress(0.0, tr("Loading the model"));
                auto loaded = (*engine)->loadModel(path);
                if (!loaded)
                    return loaded.error();
                output.model = std::shared_ptr<ml::EngineModel>(std::move(loaded).value());
            }
            if (control.isCancelled())
                return Error::cancelled();
            const Volume part = whole ? Volume() : cropVolume(*volume, origin, size);
            auto result = (*engine)->segment(whole ? *volume : part, *output.model, options, control);
            if (!result)
                return result.error();
            auto map = ProbabilityMap::fromResult(result->probabilities, result->labels, foregroundValueOf(header),
                                                  isSoftmax(header));
            if (!map)
                return map.error();
            output.part = std::move(map).value();
            output.origin = origin;
            output.seconds = result->seconds;
            return output;
        },
        [this, scope, region](Expected<RunOutput> output) { finishRun(std::move(output), scope, region); });
    return true;
}

void AiSession::cancel()
{
    m_runner->cancel();
}

void AiSession::finishRun(Expected<RunOutput> output, Scope scope, const VoxelBox& region)
{
    releaseOtherJobs();
    Q_EMIT engineStatusChanged();
    if (!output) {
        const QString message = output.error().isCancelled() ? tr("Cancelled: the segmentation is unchanged.")
                                                             : output.error().message;
        Q_EMIT runFinished(false, message);
        return;
    }
    ++m_networkRuns;
    m_model = output->model;
    m_loadedModelPath = m_modelPath;
    if (!m_state->hasImage() || output->part.voxelCount() == 0) {
        Q_EMIT runFinished(false, tr("The image was closed while the network ran."));
        return;
    }
    const ImageGeometry& grid = m_state->volume()->geometry();
    if (scope == Scope::Series) {
        m_result = std::make_shared<ProbabilityMap>(std::move(output->part));
    } else {
        if (!m_result || m_resultImage != m_state->volume())
            m_result = std::make_shared<ProbabilityMap>(grid, output->part.foregroundLabel());
        m_result->paste(output->part, output->origin);
    }
    m_resultImage = m_state->volume();
    m_uncertainRanking.clear();
    SegmentationDocument* document = ensureDocument();
    if (!document) {
        Q_EMIT runFinished(false, m_lastError);
        return;
    }
    PendingRun run{region, output->seconds, output->engine};
    if (document->isEditing() && !m_dragging) {
        // The user's edit in progress (a stroke while the mouse is down) is theirs: the merge waits for its end.
        if (m_pendingRun) // an earlier result waiting too: one merge of both regions
            run.region.include(m_pendingRun->region);
        m_pendingRun = run;
        m_pendingDocument = document;
        Q_EMIT mergeWaiting(tr("The AI result is merged when the edit in progress ends."));
        return;
    }
    mergeRun(run);
}

void AiSession::mergeRun(const PendingRun& run)
{
    SegmentationDocument* document = m_segmentation->document();
    if (document->isEditing()) // only ever this session's threshold drag: the new result replaces its preview
        document->cancelEdit();
    // One AI step: the merge of this run's region (voxels the previous AI result left elsewhere stay).
    document->beginEdit(EditKind::Ai, tr("AI %1 (threshold %2)").arg(m_header->name).arg(m_threshold, 0, 'f', 2));
    ensureClassLabels(*document);
    const AiMergeReport report = mergeAiResult(*document, *m_result, mergeOptions(m_threshold), run.region, true);
    document->commitEdit();
    m_lastAiSequence = document->history().currentSequence();
    refreshOverlay();
    Q_EMIT resultChanged();
    QString message = tr("%1 voxels labelled in %2 s (%3).").arg(report.labelled).arg(run.seconds, 0, 'f', 1).arg(run.engine);
    if (report.keptHandEdited > 0)
        message += QLatin1Char(' ') + tr("%1 hand-edited voxels kept.").arg(report.keptHandEdited);
    if (report.keptLocked > 0)
        message += QLatin1Char(' ') + tr("%1 voxels of locked labels kept.").arg(report.keptLocked);
    Q_EMIT runFinished(true, message);
}

AiMergeOptions AiSession::mergeOptions(double threshold) const
{
    AiMergeOptions options;
    options.threshold = threshold;
    options.policy = m_policy;
    options.overwriteHandEdits = m_overwriteHand;
    options.modelName = m_header ? m_header->name : QString();
    options.modelVersion = m_header ? m_header->versionText() : QString();
    if (m_header) {
        for (int c = 1; c < std::max(2, int(m_header->classes.size())); ++c) {
            const uint16_t predicted = uint16_t(std::max(1, m_header->classValue(c)));
            options.labelFor[predicted] = m_targetLabel != 0 ? m_targetLabel : predicted;
        }
    }
    return options;
}

void AiSession::ensureClassLabels(SegmentationDocument& document)
{
    // Each class of the model gets a label of the same value, named and coloured after it, unless the user has
    // named that label already (a label still called "Label N" takes the class's name).
    if (!m_header || m_targetLabel != 0)
        return;
    LabelTable table = document.labels();
    bool changed = false;
    for (int c = 1; c < m_header->classes.size(); ++c) {
        const ml::ClassInfo& info = m_header->classes[c];
        const uint16_t value = uint16_t(std::max(1, info.value));
        const LabelEntry* existing = table.find(value);
        if (existing && existing->name != LabelTable::defaultName(value))
            continue;
        LabelEntry entry = existing ? *existing : table.makeEntry(value);
        if (!info.name.isEmpty())
            entry.name = info.name;
        if (auto colour = parseColourName(info.colour))
            entry.colour = *colour;
        // An unnamed label without hand-made voxels becomes the model's: automatic, not semi-automatic.
        bool handMade = false;
        if (existing) {
            const Segmentation& s = document.segmentation();
            for (std::size_t o = 0; o < s.voxelCount() && !handMade; ++o)
                handMade = s.hasLabel(value, o);
        }
        if (!handMade)
            entry.algorithm = SegmentAlgorithm::Automatic;
        table.set(entry);
        changed = true;
    }
    if (changed)
        document.setLabelTableInEdit(table);
}

bool AiSession::startThresholdEdit()
{
    SegmentationDocument* document = m_segmentation->document();
    if (!document || !m_result || document->isEditing()) // an edit in progress is the user's: never cancelled here
        return false;
    document->beginEdit(EditKind::Ai, QString());
    ensureClassLabels(*document);
    // The states of the three slices on screen as they are now: the preview re-merges them from these.
    m_slabs.clear();
    const Segmentation& s = document->segmentation();
    const int layer = aiMergeLayer(s, mergeOptions(m_threshold));
    for (int axis = 0; axis < 3; ++axis) {
        VoxelBox slab = VoxelBox::everything(s.geometry());
        slab.lower[axis] = slab.upper[axis] = m_state->cursor()[std::size_t(axis)];
        // Where the slices cross, a voxel is in two slabs; both decide it the same way from the same states.
        m_slabs.push_back(gatherAiSlab(s, *m_result, layer, slab));
    }
    m_dragging = true;
    return true;
}

void AiSession::previewThreshold(double threshold)
{
    if (!m_result || !m_segmentation->document())
        return;
    m_threshold = threshold;
    if (!m_dragging && !startThresholdEdit())
        return; // an edit in progress: the release applies the threshold when it has ended
    SegmentationDocument* document = m_segmentation->document();
    const AiMergeOptions options = mergeOptions(threshold);
    for (AiSlab& slab : m_slabs)
        previewAiSlab(*document, slab, options);
    Q_EMIT thresholdChanged(threshold);
}

void AiSession::applyThreshold(double threshold)
{
    if (!m_result || !m_segmentation->document())
        return;
    SegmentationDocument* document = m_segmentation->document();
    m_threshold = threshold;
    if (!m_dragging && !startThresholdEdit()) {
        // The user's edit in progress: the whole volume takes the threshold when it ends.
        m_pendingThreshold = true;
        m_pendingDocument = document;
        Q_EMIT thresholdChanged(threshold);
        return;
    }
    // First the slices the preview changed, from their states before it; then every voxel, from the states it has
    // now (the re-merged slices come out the same, the merge being idempotent).
    previewThreshold(threshold);
    const Segmentation& s = document->segmentation();
    mergeAiResult(*document, *m_result, mergeOptions(threshold), VoxelBox::everything(s.geometry()), true);
    const QString description = tr("AI %1 (threshold %2)").arg(m_header ? m_header->name : QString()).arg(threshold, 0, 'f', 2);
    // The AI step on top of the history takes the new threshold (one undo still removes the whole AI result);
    // after other edits it becomes a step of its own.
    if (m_lastAiSequence != 0 && document->history().currentSequence() == m_lastAiSequence)
        document->commitEditAmendingLast(description);
    else
        document->commitEdit(description);
    m_lastAiSequence = document->history().currentSequence();
    m_dragging = false;
    m_slabs.clear();
    if (m_uncertainty == Uncertainty::Band)
        refreshOverlay();
    Q_EMIT thresholdChanged(threshold);
}

void AiSession::setUncertainty(Uncertainty mode)
{
    m_uncertainty = mode;
    refreshOverlay();
}

void AiSession::refreshOverlay()
{
    if (!m_result || m_uncertainty == Uncertainty::None) {
        m_overlay->hide();
        return;
    }
    if (m_uncertainty == Uncertainty::Heat) {
        // The probabilities themselves, shared with the result (no copy).
        std::shared_ptr<const LabelLayer> bytes(m_result, &m_result->probabilityBytes());
        m_overlay->show(bytes, OverlayLayer::heatColours(), LabelDrawing::Fill);
        return;
    }
    auto band = std::make_shared<LabelLayer>(m_result->uncertainBand(0.3, 0.7));
    m_overlay->show(band, OverlayLayer::singleColour(qRgba(255, 0, 255, 255)), LabelDrawing::Outline);
}

int AiSession::nextUncertainSlice()
{
    if (!m_result || !m_state->hasImage())
        return -1;
    const int axis = m_header ? std::clamp(m_header->sliceAxis, 0, 2) : 2;
    if (m_uncertainRanking.empty()) {
        const std::vector<double> entropy = m_result->sliceEntropy(axis);
        for (int s = 0; s < int(entropy.size()); ++s)
            if (entropy[std::size_t(s)] > 0.0)
                m_uncertainRanking.push_back(s);
        std::stable_sort(m_uncertainRanking.begin(), m_uncertainRanking.end(),
                         [&](int a, int b) { return entropy[std::size_t(a)] > entropy[std::size_t(b)]; });
        m_uncertainCursor = -1;
    }
    if (m_uncertainRanking.empty())
        return -1;
    m_uncertainCursor = (m_uncertainCursor + 1) % int(m_uncertainRanking.size());
    const int slice = m_uncertainRanking[std::size_t(m_uncertainCursor)];
    auto cursor = m_state->cursor();
    cursor[std::size_t(axis)] = slice;
    m_state->setCursor(cursor);
    return slice;
}

} // namespace delineate
