// The Training panel's logic: the store, Accept on the worker, training on the worker, model versions.
#include "model/TrainingSession.h"

#include "io/VolumeIO.h"

#include "edit/SegmentationDocument.h"
#include "image/Segmentation.h"
#include "io/DicomSeg.h"
#include "ml/Engine.h"
#include "ml/EngineLoader.h"
#include "ml/TrainingTypes.h"
#include "model/SegmentationSession.h"
#include "model/ViewerState.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonObject>
#include <QFileInfo>
#include <QJsonDocument>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace delineate {

namespace {

// The engine's per-epoch metrics become typed results for the UI; everything else goes to the runner's control.
class ForwardingControl : public JobControl
{
public:
    ForwardingControl(JobControl& inner, std::function<void(const QVariantMap&)> onPublish)
        : m_inner(inner), m_onPublish(std::move(onPublish))
    {
    }
    void reportProgress(double fraction, const QString& message) override { m_inner.reportProgress(fraction, message); }
    void publish(const QVariantMap& intermediate) override { m_onPublish(intermediate); }
    bool isCancelled() const override { return m_inner.isCancelled(); }
    void waitWhilePaused() override { m_inner.waitWhilePaused(); }

private:
    JobControl& m_inner;
    std::function<void(const QVariantMap&)> m_onPublish;
};

} // namespace

TrainingSession::TrainingSession(ViewerState* state, SegmentationSession* segmentation, QObject* parent)
    : QObject(parent), m_state(state), m_segmentation(segmentation), m_acceptRunner(new JobRunner(this)),
      m_trainRunner(new JobRunner(this))
{
    qRegisterMetaType<EpochMetrics>();
    m_editor = QSettings().value(QStringLiteral("training/editor")).toString();
    connect(m_segmentation, &SegmentationSession::documentChanged, this, &TrainingSession::canAcceptChanged);
    connect(m_state, &ViewerState::imageChanged, this, &TrainingSession::canAcceptChanged);
    connect(m_acceptRunner, &JobRunner::finished, this, &TrainingSession::canAcceptChanged);
}

TrainingSession::~TrainingSession()
{
    if (m_stop)
        m_stop->store(true);
}

QString TrainingSession::defaultStoreFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("training-store"));
}

Expected<void> TrainingSession::openStore(const QString& folder)
{
    auto store = TrainingStore::open(folder, true);
    if (!store)
        return store.error();
    auto registry = ml::ModelRegistry::open(folder);
    if (!registry)
        return registry.error();
    m_store = std::move(store.value());
    m_registry = std::move(registry.value());
    QSettings().setValue(QStringLiteral("training/store"), m_store->folder());
    Q_EMIT storeChanged();
    Q_EMIT versionsChanged();
    Q_EMIT activeModelChanged(activeModelPath());
    return {};
}

void TrainingSession::reload()
{
    if (!m_store)
        return;
    const QString folder = m_store->folder();
    if (auto store = TrainingStore::open(folder, false))
        m_store = std::move(store.value());
    if (auto registry = ml::ModelRegistry::open(folder))
        m_registry = std::move(registry.value());
}

QString TrainingSession::activeModelPath() const
{
    if (!m_registry || m_registry->active().isEmpty())
        return QString();
    return m_registry->modelPath(m_registry->active());
}

void TrainingSession::setEditorName(const QString& name)
{
    m_editor = name;
    QSettings().setValue(QStringLiteral("training/editor"), name);
}

bool TrainingSession::canAccept() const
{
    return m_state->hasImage() && m_segmentation->document() && !m_acceptRunner->isRunning();
}

bool TrainingSession::acceptCorrection(bool reviewedSlicesOnly)
{
    if (!m_store) {
        // The first accepted correction starts the default store.
        if (auto opened = openStore(defaultStoreFolder()); !opened) {
            m_lastError = opened.error().message;
            return false;
        }
    }
    if (!m_state->hasImage() || !m_segmentation->document()) {
        m_lastError = tr("Open an image and its corrected segmentation first.");
        return false;
    }
    if (m_acceptRunner->isRunning()) {
        m_lastError = tr("A correction is being accepted already.");
        return false;
    }
    const std::shared_ptr<const Volume> image = m_state->sharedVolume();
    const auto segmentation = std::make_shared<const Segmentation>(m_segmentation->document()->segmentation());
    SampleIdentity identity;
    if (const auto& source = m_state->info().dicomSource) {
        identity.patientId = source->info.patientId;
        identity.studyInstanceUid = source->info.studyInstanceUid;
        identity.seriesInstanceUid = source->info.seriesInstanceUid;
    }
    AcceptOptions options;
    options.editor = m_editor;
    options.reviewedSlicesOnly = reviewedSlicesOnly;
    const QString folder = m_store->folder();
    return m_acceptRunner->start<SampleRecord>(
        tr("Accepting the correction"),
        [image, segmentation, identity, options, folder](JobControl& control) -> Expected<SampleRecord> {
            control.reportProgress(0.1, tr("Writing the sample into the training store"));
            auto store = TrainingStore::open(folder, true);
            if (!store)
                return store.error();
            return store->accept(*image, *segmentation, identity, options);
        },
        [this](Expected<SampleRecord> record) {
            if (!record) {
                Q_EMIT acceptFinished(false, record.error().isCancelled() ? tr("Accepting was cancelled.") : record.error().message);
                return;
            }
            reload();
            Q_EMIT storeChanged();
            const QString role = m_store ? (m_store->roleOf(*record) == SplitRole::Validation ? tr("validation") : tr("training"))
                                         : QString();
            Q_EMIT acceptFinished(true, record->effortVoxelsChanged >= 0
                                            ? tr("Accepted as sample %1 (%2); %3 voxels corrected from the model's result.")
                                                  .arg(record->id, role).arg(record->effortVoxelsChanged)
                                            : tr("Accepted as sample %1 (%2).").arg(record->id, role));
        });
}

bool TrainingSession::startTraining(const TrainingSettings& settings)
{
    if (!m_store) {
        m_lastError = tr("Choose a training store first.");
        return false;
    }
    if (m_trainRunner->isRunning()) {
        m_lastError = tr("A training is running already.");
        return false;
    }
    if (m_store->count(SplitRole::Train) == 0) {
        m_lastError = tr("The store has no training samples yet: accept corrections first.");
        return false;
    }
    const QString parentVersion = settings.fromActive && m_registry ? m_registry->active() : QString();
    if (settings.fromActive && parentVersion.isEmpty()) {
        m_lastError = tr("The store has no model yet: train one from scratch first.");
        return false;
    }
    return startRun(settings, parentVersion, false);
}

QString TrainingSession::interruptedRunFile() const
{
    return m_store ? QDir(m_store->folder()).filePath(QStringLiteral("models/interrupted-run.json")) : QString();
}

bool TrainingSession::hasInterruptedRun() const
{
    return m_registry && m_registry->hasInterruptedRun() && QFileInfo::exists(interruptedRunFile());
}

bool TrainingSession::resumeTraining()
{
    if (!hasInterruptedRun()) {
        m_lastError = tr("There is no interrupted training run to resume.");
        return false;
    }
    if (m_trainRunner->isRunning()) {
        m_lastError = tr("A training is running already.");
        return false;
    }
    QFile file(interruptedRunFile());
    if (!file.open(QIODevice::ReadOnly)) {
        m_lastError = tr("%1: cannot read (%2)").arg(file.fileName(), file.errorString());
        return false;
    }
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    TrainingSettings settings;
    settings.fromActive = json.value(QStringLiteral("from_active")).toBool();
    settings.epochs = json.value(QStringLiteral("epochs")).toInt(settings.epochs);
    settings.stepsPerEpoch = json.value(QStringLiteral("steps_per_epoch")).toInt(settings.stepsPerEpoch);
    settings.batchSize = json.value(QStringLiteral("batch")).toInt(settings.batchSize);
    settings.patchSize = json.value(QStringLiteral("patch")).toInt(settings.patchSize);
    settings.learningRate = json.value(QStringLiteral("learning_rate")).toDouble(settings.learningRate);
    settings.width = json.value(QStringLiteral("width")).toInt(settings.width);
    settings.threads = json.value(QStringLiteral("threads")).toInt(settings.threads);
    settings.seed = json.value(QStringLiteral("seed")).toString().toULongLong();
    const QString parentVersion = json.value(QStringLiteral("parent")).toString();
    if (!parentVersion.isEmpty() && !m_registry->find(parentVersion)) {
        m_lastError = tr("The interrupted run fine-tuned version %1, which is no longer in the store.").arg(parentVersion);
        return false;
    }
    return startRun(settings, parentVersion, true);
}

bool TrainingSession::startRun(const TrainingSettings& settings, const QString& parentVersion, bool resume)
{
    if (!resume) {
        // What a later Resume needs: the settings and the parent version of this run, beside its checkpoint.
        const QJsonObject json{{QStringLiteral("from_active"), settings.fromActive},
                               {QStringLiteral("parent"), parentVersion},
                               {QStringLiteral("epochs"), settings.epochs},
                               {QStringLiteral("steps_per_epoch"), settings.stepsPerEpoch},
                               {QStringLiteral("batch"), settings.batchSize},
                               {QStringLiteral("patch"), settings.patchSize},
                               {QStringLiteral("learning_rate"), settings.learningRate},
                               {QStringLiteral("width"), settings.width},
                               {QStringLiteral("threads"), settings.threads},
                               {QStringLiteral("seed"), QString::number(settings.seed)}};
        if (auto written = writeBytesAtomically(interruptedRunFile(), QJsonDocument(json).toJson()); !written) {
            m_lastError = written.error().message;
            return false;
        }
    }
    const QString runFile = interruptedRunFile();
    const std::shared_ptr<ml::CheckpointSink> checkpoints = m_registry ? m_registry->checkpoints() : nullptr;
    const QString fromModel = parentVersion.isEmpty() ? QString() : m_registry->modelPath(parentVersion);
    const QString folder = m_store->folder();
    m_stop = std::make_shared<std::atomic<bool>>(false);
    const auto stop = m_stop;
    m_epochs.clear();
    using Publish = std::function<void(EpochMetrics)>;
    return m_trainRunner->start<ml::ModelVersion, EpochMetrics>(
        resume ? tr("Training (resumed)") : tr("Training"),
        [settings, folder, fromModel, parentVersion, stop, checkpoints, resume, runFile](JobControl& control, const Publish& publish) -> Expected<ml::ModelVersion> {
            auto store = TrainingStore::open(folder, false);
            if (!store)
                return store.error();
            auto sets = store->trainingSets(control);
            if (!sets)
                return sets.error();
            ml::TrainingOptions options;
            options.trainingSet = std::move(sets->train);
            options.validationSet = std::move(sets->validation);
            options.dataName = folder;
            options.dataDescription = tr("Training store, split version %1: %2 training and %3 validation samples")
                                          .arg(store->splitVersion()).arg(options.trainingSet.size()).arg(options.validationSet.size());
            options.fromModel = fromModel;
            options.epochs = settings.epochs;
            options.stepsPerEpoch = settings.stepsPerEpoch;
            options.batchSize = settings.batchSize;
            options.patchSize = settings.patchSize;
            options.learningRate = settings.learningRate;
            options.baseWidth = settings.width;
            options.threads = settings.threads;
            options.seed = settings.seed;
            options.stopRequested = stop;
            options.checkpoints = checkpoints;
            options.resume = resume;
            options.outputPath = QDir(folder).filePath(QStringLiteral("models/.training-%1-%2.dlm")
                                                           .arg(QCoreApplication::applicationPid())
                                                           .arg(QDateTime::currentMSecsSinceEpoch()));
            auto engine = ml::EngineLoader::engine();
            if (!engine)
                return engine.error();
            ForwardingControl forwarding(control, [&publish](const QVariantMap& m) {
                EpochMetrics e;
                e.epoch = m.value(QStringLiteral("epoch")).toInt();
                e.loss = m.value(QStringLiteral("loss")).toDouble();
                e.validationDice = m.value(QStringLiteral("val_mean_dice"), -1.0).toDouble();
                e.best = m.value(QStringLiteral("best")).toBool();
                publish(e);
            });
            auto result = (*engine)->train(options, forwarding);
            if (!result) {
                QFile::remove(options.outputPath);
                if (result.error().isCancelled())
                    QFile::remove(runFile); // Cancel discards the run (the trainer dropped its checkpoint)
                return result.error();
            }
            QFile::remove(runFile);
            auto registry = ml::ModelRegistry::open(folder);
            if (!registry) {
                QFile::remove(options.outputPath);
                return registry.error();
            }
            ml::ModelVersion version;
            version.parent = parentVersion;
            version.splitVersion = store->splitVersion();
            version.metrics = result->bestMetrics;
            version.dataHash = result->model->header().provenance.dataSetHash;
            version.hyperParameters = QJsonObject{{QStringLiteral("epochs"), result->epochs},
                                                  {QStringLiteral("steps_per_epoch"), settings.stepsPerEpoch},
                                                  {QStringLiteral("batch"), settings.batchSize},
                                                  {QStringLiteral("patch"), settings.patchSize},
                                                  {QStringLiteral("learning_rate"), settings.learningRate},
                                                  {QStringLiteral("width"), settings.width},
                                                  {QStringLiteral("seed"), double(settings.seed)},
                                                  {QStringLiteral("stopped_early"), stop->load()}};
            auto added = registry->add(options.outputPath, version);
            QFile::remove(options.outputPath);
            return added;
        },
        [this](EpochMetrics metrics) {
            m_epochs.append(metrics);
            Q_EMIT epochFinished(metrics);
        },
        [this](Expected<ml::ModelVersion> version) {
            if (!version) {
                Q_EMIT trainingFinished(false, version.error().isCancelled() ? tr("Training cancelled; nothing was kept.")
                                                                             : version.error().message);
                return;
            }
            const QString previousActive = m_registry ? m_registry->active() : QString();
            reload();
            Q_EMIT versionsChanged();
            if (m_registry && m_registry->active() != previousActive)
                Q_EMIT activeModelChanged(activeModelPath()); // the store's first version became active
            const double dice = version->metrics.value(QStringLiteral("val_mean_dice")).toDouble(-1.0);
            Q_EMIT trainingFinished(true, dice >= 0.0 ? tr("Version %1 trained: validation Dice %2. Compare it, then promote it to use it.")
                                                            .arg(version->version).arg(dice, 0, 'f', 4)
                                                      : tr("Version %1 trained (no validation samples).").arg(version->version));
        });
}

bool TrainingSession::compareVersions(const QString& a, const QString& b)
{
    if (!m_store || !m_registry) {
        m_lastError = tr("Choose a training store first.");
        return false;
    }
    if (m_trainRunner->isRunning()) {
        m_lastError = tr("Wait for the training to end: one network job runs at a time.");
        return false;
    }
    if (a == b || !m_registry->find(a) || !m_registry->find(b)) {
        m_lastError = tr("Choose two different versions to compare.");
        return false;
    }
    const QString folder = m_store->folder();
    m_comparison.reset();
    return m_trainRunner->start<ml::VersionComparison>(
        tr("Comparing %1 and %2").arg(a, b),
        [folder, a, b](JobControl& control) -> Expected<ml::VersionComparison> {
            auto store = TrainingStore::open(folder, false);
            if (!store)
                return store.error();
            auto registry = ml::ModelRegistry::open(folder);
            if (!registry)
                return registry.error();
            auto engine = ml::EngineLoader::engine();
            if (!engine)
                return engine.error();
            return ml::compareVersions(*store, *registry, **engine, a, b, control);
        },
        [this](Expected<ml::VersionComparison> comparison) {
            if (!comparison) {
                Q_EMIT comparisonFinished(false, comparison.error().isCancelled() ? tr("Comparison cancelled.") : comparison.error().message);
                return;
            }
            m_comparison = std::move(*comparison);
            Q_EMIT comparisonFinished(true, tr("Mean foreground Dice on %1 validation sample(s): %2 %3, %4 %5.")
                                                .arg(m_comparison->cases.size())
                                                .arg(m_comparison->versions[0]).arg(m_comparison->mean[0], 0, 'f', 4)
                                                .arg(m_comparison->versions[1]).arg(m_comparison->mean[1], 0, 'f', 4));
        });
}

void TrainingSession::pauseTraining(bool paused)
{
    m_trainRunner->setPaused(paused);
}

void TrainingSession::stopTraining()
{
    if (m_stop)
        m_stop->store(true);
    m_trainRunner->setPaused(false);
}

void TrainingSession::cancelTraining()
{
    m_trainRunner->cancel();
}

Expected<void> TrainingSession::promote(const QString& version)
{
    if (!m_registry)
        return Error::failed(tr("Choose a training store first."));
    if (auto promoted = m_registry->promote(version); !promoted)
        return promoted;
    Q_EMIT versionsChanged();
    Q_EMIT activeModelChanged(activeModelPath());
    return {};
}

Expected<QString> TrainingSession::rollback()
{
    if (!m_registry)
        return Error::failed(tr("Choose a training store first."));
    auto back = m_registry->rollback();
    if (!back)
        return back;
    Q_EMIT versionsChanged();
    Q_EMIT activeModelChanged(activeModelPath());
    return back;
}

} // namespace delineate
