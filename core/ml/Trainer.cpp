// The training loop: slices in memory, foreground-aware patches, augmentation, Adam with cosine decay,
// validation on whole slices after every epoch, the best weights kept (and written) by mean Dice, and a
// checkpoint of the whole state after every epoch. The parts it puts together are in TrainingParts.h.
#include "ml/Trainer.h"

#include "ml/Augmentation.h"
#include "ml/ComputeRuntime.h"
#include "ml/ModelInternals.h"
#include "ml/OverlapMetrics.h"
#include "ml/SliceAccess.h"
#include "ml/Synthesis.h"
#include "ml/TrainingData.h"
#include "ml/TrainingParts.h"
#include "image/LabelTable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>

#include <cmath>
#include <limits>
#include <optional>

namespace delineate::ml {

namespace {

// Translation context "Trainer" (lupdate reads it from the macro).
class TrainerText
{
    Q_DECLARE_TR_FUNCTIONS(Trainer)
};

using namespace training;

int64_t roundUp(int64_t value, int64_t multiple)
{
    return (value + multiple - 1) / multiple * multiple;
}

// The run's training and validation pairs: from memory (the store) or from folders.
struct RunData
{
    QVector<TrainingPair> train, validation;
    QString name; // how messages name the data
    QVector<int> trainSlices, validationSlices; // slices along axis 2 (all when empty)
};

// Slices along axis 2 of the smallest and largest volume.
std::pair<int, int> sliceCounts(const QVector<TrainingPair>& pairs)
{
    int fewest = std::numeric_limits<int>::max(), most = 0;
    for (const TrainingPair& pair : pairs) {
        fewest = std::min(fewest, int(pair.image.geometry().size()[2]));
        most = std::max(most, int(pair.image.geometry().size()[2]));
    }
    return {fewest, most};
}

// Validation slices of the training volumes (and training on the rest), after checking the lists.
Expected<void> chooseSlices(const TrainingOptions& options, RunData& data)
{
    data.trainSlices = options.trainSlices;
    data.validationSlices = options.validationSlices;
    for (const auto& [list, pairs] : {std::pair{&data.trainSlices, &data.train}, std::pair{&data.validationSlices, &data.validation}}) {
        if (list->isEmpty() || pairs->isEmpty())
            continue;
        const int fewest = sliceCounts(*pairs).first;
        for (int s : *list)
            if (s >= fewest)
                return Error::failed(TrainerText::tr("%1: slice %2 was asked for, but a volume has only %3 slices (0-%4)")
                                         .arg(data.name).arg(s).arg(fewest).arg(fewest - 1));
    }
    return {};
}

Expected<RunData> loadRunData(const TrainingOptions& options, JobControl& control)
{
    RunData data;
    data.name = !options.dataName.isEmpty() ? options.dataName : options.dataFolder;
    if (!options.trainingSet.isEmpty()) {
        data.train = options.trainingSet;
        data.validation = options.validationSet;
        if (auto checked = chooseSlices(options, data); !checked)
            return checked.error();
        return data;
    }
    auto train = loadTrainingPairs(options.dataFolder, options.trainIndices, options.nonZeroLabelIsForeground, control);
    if (!train)
        return train.error();
    data.train = std::move(*train);
    if (!options.validationFolder.isEmpty() || !options.validationIndices.isEmpty()) {
        auto loaded = loadTrainingPairs(options.validationFolder.isEmpty() ? options.dataFolder : options.validationFolder,
                                        options.validationIndices, options.nonZeroLabelIsForeground, control);
        if (!loaded)
            return loaded.error();
        data.validation = std::move(*loaded);
    } else if (!options.validationSlices.isEmpty()) {
        // Held-back slices of the training volumes: validation reads them, training (by default) the others.
        data.validation = data.train;
        if (auto checked = chooseSlices(options, data); !checked)
            return checked.error();
        if (data.trainSlices.isEmpty()) {
            for (int s = 0; s < sliceCounts(data.train).second; ++s)
                if (!data.validationSlices.contains(s))
                    data.trainSlices.append(s);
        }
        for (int s : data.trainSlices)
            if (data.validationSlices.contains(s))
                return Error::failed(TrainerText::tr("%1: slice %2 is both a training and a validation slice").arg(data.name).arg(s));
        return data;
    }
    if (auto checked = chooseSlices(options, data); !checked)
        return checked.error();
    return data;
}

// The model to train: fine-tuned from a file, or a new one whose classes are the label values found in the data
// (coloured as new labels are, from LabelTable's palette).
Expected<SegmentationModel> startingModel(const TrainingOptions& options, const RunData& data)
{
    if (!options.fromModel.isEmpty()) {
        auto parent = SegmentationModel::load(options.fromModel);
        if (!parent)
            return parent.error();
        if (parent->isTorchScript())
            return Error::failed(TrainerText::tr("%1: TorchScript models cannot be fine-tuned here; use a Delineate model file")
                                     .arg(options.fromModel));
        ModelHeader header = parent->header();
        header.provenance.parentModel = QFileInfo(options.fromModel).fileName();
        parent->setHeader(header);
        return parent;
    }
    std::array<int64_t, 256> histogram{};
    for (const TrainingPair& pair : data.train)
        for (std::size_t n = 0; n < pair.labels.voxelCount(); ++n)
            ++histogram[pair.labels.at(n)];
    QVector<int> values;
    for (int v = 0; v < 256; ++v)
        if (histogram[std::size_t(v)] > 0)
            values.append(v);
    if (values.size() < 2)
        return Error::failed(TrainerText::tr("%1: the labels hold a single value; at least two classes are needed").arg(data.name));
    auto architecture = UNetArchitecture::fromPreset(options.architecture);
    if (!architecture)
        return architecture.error();
    if (options.baseWidth > 0)
        architecture->baseWidth = options.baseWidth;
    if (options.depth > 0)
        architecture->depth = options.depth;
    if (!options.normalization.isEmpty()) {
        auto json = architecture->toJson();
        json.insert(QStringLiteral("normalization"), options.normalization);
        auto changed = UNetArchitecture::fromJson(json);
        if (!changed)
            return changed.error();
        *architecture = *changed;
    }
    if (values.size() > 2) {
        if (architecture->preset == QLatin1String("simple"))
            return Error::failed(TrainerText::tr("the 'simple' reference U-Net is binary; the labels hold %1 values").arg(values.size()));
        architecture->activation = OutputActivation::Softmax;
        architecture->outputChannels = values.size();
    }
    ModelHeader header;
    header.architecture = *architecture;
    header.name = options.modelName.isEmpty() ? QFileInfo(options.outputPath).completeBaseName() : options.modelName;
    // 8-bit PNG images keep their fixed 0-255 scale; anything else is standardised per volume.
    bool eightBitPng = true;
    for (const TrainingPair& pair : data.train) {
        const ValueRange range = pair.image.valueRange();
        eightBitPng = eightBitPng && pair.imagePath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) &&
                      range.minimum >= 0.0 && range.maximum <= 255.0;
    }
    header.normalization.kind = eightBitPng ? IntensityNormalization::Kind::Window : IntensityNormalization::Kind::ZScore;
    const auto& spacing = data.train.first().image.geometry().spacing();
    header.spacing = {spacing[0], spacing[1]};
    // Volumes sliced along their head-foot axis: the model runs on axial slices of any volume, however stored.
    bool axial = true;
    for (const TrainingPair& pair : data.train)
        axial = axial && !pair.imagePath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) &&
                pair.image.geometry().headFootAxis() == 2;
    header.axialSlices = axial;
    for (int i = 0; i < values.size(); ++i) {
        const int value = values[i];
        const QString colour = value == 0 ? QStringLiteral("#000000")
                                          : QStringLiteral("#%1").arg(LabelTable::defaultColour(value) & 0xffffffu, 6, 16, QLatin1Char('0'));
        // Names stay untranslated: they are data (metric keys, file headers), not interface text.
        header.classes.append(ClassInfo{value, options.classNames.value(i, QStringLiteral("label %1").arg(value)), colour});
    }
    return SegmentationModel::create(header, options.seed);
}

Expected<AugmentationOptions> augmentationFor(const TrainingOptions& options, const RunData& data)
{
    AugmentationOptions augmentation;
    const QString mirroring = options.mirroring.toLower();
    if (mirroring == QLatin1String("all")) {
        augmentation.mirroring = AugmentationOptions::Mirroring::All;
    } else if (mirroring == QLatin1String("horizontal")) {
        augmentation.mirroring = AugmentationOptions::Mirroring::Horizontal;
    } else if (mirroring == QLatin1String("auto")) {
        bool allPng = true;
        for (const TrainingPair& pair : data.train)
            allPng = allPng && pair.imagePath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive);
        augmentation.mirroring = allPng ? AugmentationOptions::Mirroring::Horizontal : AugmentationOptions::Mirroring::None;
    } else if (mirroring != QLatin1String("none")) {
        return Error::failed(TrainerText::tr("mirroring must be auto, none, horizontal or all, not '%1'").arg(options.mirroring));
    }
    return augmentation;
}

QString listText(const QVector<int>& values)
{
    QStringList parts;
    for (int v : values)
        parts.append(QString::number(v));
    return parts.join(QLatin1Char(','));
}

// What a checkpoint must match to be resumed: every option that changes the run, the starting model and the data.
QString runFingerprint(const TrainingOptions& options, const ModelHeader& header, const QString& dataHash)
{
    const QJsonObject json{{QStringLiteral("architecture"), header.architecture.toJson()},
                           {QStringLiteral("classes"), double(header.classes.size())},
                           {QStringLiteral("from"), options.fromModel},
                           {QStringLiteral("data"), dataHash},
                           {QStringLiteral("epochs"), options.epochs},
                           {QStringLiteral("minutes"), options.minutes},
                           {QStringLiteral("steps"), options.stepsPerEpoch},
                           {QStringLiteral("batch"), options.batchSize},
                           {QStringLiteral("patch"), options.patchSize},
                           {QStringLiteral("lr"), options.learningRate},
                           {QStringLiteral("loss"), int(options.loss)},
                           {QStringLiteral("augment"), options.augment},
                           {QStringLiteral("mirroring"), options.mirroring},
                           {QStringLiteral("foreground"), options.foregroundSampling},
                           {QStringLiteral("average"), options.weightAveraging},
                           {QStringLiteral("keep_last"), options.keepLast},
                           {QStringLiteral("train_slices"), listText(options.trainSlices)},
                           {QStringLiteral("val_slices"), listText(options.validationSlices)},
                           {QStringLiteral("synthesis"), options.synthesisFolder.isEmpty() ? 0.0 : options.synthesisFraction},
                           {QStringLiteral("seed"), QString::number(options.seed)},
                           {QStringLiteral("precision"), int(options.precision)}};
    return QString::fromLatin1(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

} // namespace

Expected<TrainingResult> trainModel(const TrainingOptions& options, JobControl& control)
{
    QElapsedTimer timer;
    timer.start();
    prepareTorchRuntime(options.threads);
    torch::manual_seed(options.seed);

    auto data = loadRunData(options, control);
    if (!data)
        return data.error();
    auto started = startingModel(options, *data);
    if (!started)
        return started.error();
    SegmentationModel model = std::move(*started);
    ModelHeader header = model.header();
    header.patchSize = options.patchSize;
    if (options.halfPrecisionFile)
        header.weightsPrecision = QStringLiteral("float16");
    auto augmentation = augmentationFor(options, *data);
    if (!augmentation)
        return augmentation.error();
    QString dataHash = hashTrainingFiles(data->train + data->validation);
    QVector<LabelMap> synthesisLabels;
    if (!options.synthesisFolder.isEmpty()) {
        if (options.synthesisFraction <= 0.0 || options.synthesisFraction > 1.0)
            return Error::failed(TrainerText::tr("the fraction of synthetic samples must be above 0 and at most 1, not %1").arg(options.synthesisFraction));
        QStringList paths;
        auto maps = loadSynthesisLabels(options.synthesisFolder, data->train, &paths);
        if (!maps)
            return maps.error();
        synthesisLabels = std::move(*maps);
        dataHash = hashFiles(paths + QStringList{dataHash});
    }
    const bool sigmoid = header.architecture.activation == OutputActivation::Sigmoid;
    const bool bfloat16 = resolveComputePrecision(options.precision, /*onCuda=*/false, header.architecture,
                                                  /*torchScript=*/false) == ComputePrecision::BFloat16;
    const int64_t multiple = header.architecture.sizeMultiple();
    const int64_t patch = roundUp(options.patchSize, multiple);
    std::array<int, 256> classOf;
    classOf.fill(-1);
    for (int i = 0; i < header.classes.size(); ++i)
        classOf[std::size_t(header.classes[i].value)] = i;

    TrainingResult result;
    try {
        auto trainSlices = makeSlices(data->train, header, classOf, patch, multiple, data->trainSlices);
        if (!trainSlices)
            return trainSlices.error();
        auto validationSlices = makeSlices(data->validation, header, classOf, multiple, multiple, data->validationSlices);
        if (!validationSlices)
            return validationSlices.error();
        if (trainSlices->empty())
            return Error::failed(TrainerText::tr("%1: no training slices are left").arg(data->name));
        PatchSampler sampler(*trainSlices, header.classes.size(), patch, options.foregroundSampling, options.seed);
        std::optional<SynthesisSampler> synthesis;
        if (!synthesisLabels.isEmpty()) {
            std::vector<SynthesisVolume> volumes;
            for (int n = 0; n < data->train.size(); ++n)
                volumes.push_back(makeSynthesisVolume(synthesisLabels[n], data->train[n].labels, classOf, data->trainSlices));
            synthesis.emplace(std::move(volumes), SynthesisOptions{}, options.synthesisFraction, options.foregroundSampling,
                              sampler.majorityClass());
        }

        auto& internals = model.internals();
        UNet network = internals.network;
        internals.preparedForInference = false;
        network->to(torch::kCPU);
        network->train();
        for (auto& p : network->parameters())
            if (p.dim() == 4)
                p.set_data(p.contiguous(torch::MemoryFormat::ChannelsLast));
        torch::optim::Adam optimizer(network->parameters(), torch::optim::AdamOptions(options.learningRate));
        WeightAverage average(options.weightAveraging, network->parameters());

        RunState state;
        const QString fingerprint = runFingerprint(options, header, dataHash);
        if (options.resume) {
            if (!options.checkpoints)
                return Error::failed(TrainerText::tr("there is no checkpoint to resume from"));
            auto bytes = options.checkpoints->load();
            if (!bytes)
                return bytes.error();
            if (bytes->isEmpty())
                return Error::failed(TrainerText::tr("%1: there is no interrupted run to resume").arg(data->name));
            if (auto restored = readCheckpoint(*bytes, fingerprint, network, optimizer, average, sampler, state); !restored)
                return restored.error();
            result.epochs = state.epochsDone;
            result.bestEpoch = state.bestEpoch;
            result.bestMetrics = state.bestMetrics;
        }

        const double minutes = (options.epochs == 0 && options.minutes <= 0.0) ? TrainingOptions::kDefaultMinutes : options.minutes;
        const int maxEpochs = options.epochs > 0 ? options.epochs : std::numeric_limits<int>::max();
        const int steps = std::max(1, options.stepsPerEpoch);
        const int batchSize = std::max(1, options.batchSize);
        const double minimumLearningRate = options.learningRate * 0.02;
        const double earlierSeconds = state.seconds;
        const auto secondsSoFar = [&] { return earlierSeconds + double(timer.elapsed()) / 1000.0; };
        bool outOfTime = false;

        auto trainingFraction = [&](int epoch, int step) {
            double f = 0.0;
            if (options.epochs > 0)
                f = (double(epoch) * steps + step) / (double(options.epochs) * steps);
            if (minutes > 0.0)
                f = std::max(f, secondsSoFar() / (minutes * 60.0));
            return std::min(1.0, f);
        };

        for (int epoch = state.epochsDone; epoch < maxEpochs && !outOfTime; ++epoch) {
            double lossSum = 0.0;
            int stepsDone = 0;
            for (int step = 0; step < steps; ++step) {
                control.waitWhilePaused();
                if (control.isCancelled()) {
                    if (options.checkpoints)
                        options.checkpoints->discard();
                    return Error::cancelled();
                }
                const double fraction = trainingFraction(epoch, step);
                if (fraction >= 1.0 || (options.stopRequested && options.stopRequested->load())) {
                    outOfTime = true;
                    break;
                }
                // Cosine decay from the initial rate to 2% of it over the whole budget.
                const double rate = minimumLearningRate + 0.5 * (options.learningRate - minimumLearningRate) * (1.0 + std::cos(M_PI * fraction));
                static_cast<torch::optim::AdamOptions&>(optimizer.param_groups()[0].options()).lr(rate);

                auto [imageBatch, labelBatch] = sampler.next(batchSize);
                if (synthesis)
                    synthesis->mix(imageBatch, labelBatch, sampler.random());
                if (options.augment)
                    augmentBatch(imageBatch, labelBatch, sampler.random(), *augmentation);
                const auto logits = forwardInFloat32Out(bfloat16, [&] {
                    return network->forward(imageBatch.contiguous(torch::MemoryFormat::ChannelsLast));
                });
                auto loss = trainingLoss(logits, labelBatch, sigmoid, options.loss);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                average.update(network->parameters(), state.stepsTaken);
                ++state.stepsTaken;
                lossSum += loss.item<double>();
                ++stepsDone;
                state.samples += batchSize;
                const double done = trainingFraction(epoch, step + 1);
                control.reportProgress(0.05 + 0.95 * done,
                                       TrainerText::tr("Epoch %1, loss %2, about %3 min left")
                                           .arg(epoch + 1)
                                           .arg(lossSum / stepsDone, 0, 'f', 4)
                                           .arg(done > 0.0 ? secondsSoFar() * (1.0 - done) / done / 60.0 : 0.0, 0, 'f', 1));
            }
            if (stepsDone == 0)
                break;
            result.epochs = epoch + 1;
            QVariantMap metrics{{QStringLiteral("epoch"), epoch + 1},
                                {QStringLiteral("loss"), lossSum / stepsDone},
                                {QStringLiteral("learning_rate"), optimizer.param_groups()[0].options().get_lr()},
                                {QStringLiteral("seconds"), secondsSoFar()}};
            double score = -lossSum / stepsDone; // without validation data the last epoch wins
            std::vector<torch::Tensor> trainingWeights;
            if (average.enabled()) {
                // The averaged weights are validated, kept and written; the training weights come back below.
                trainingWeights = cloned(network->parameters());
                assign(network->parameters(), average.tensors());
            }
            if (!validationSlices->empty()) {
                const OverlapReport report = validate(network, *validationSlices, sigmoid, bfloat16);
                double sum = 0.0;
                for (const ClassOverlap& c : report.classes) {
                    const ClassInfo& info = header.classes[c.value];
                    metrics.insert(QStringLiteral("val_dice_%1").arg(info.name.isEmpty() ? QString::number(info.value) : info.name),
                                   c.dice);
                    sum += c.dice;
                }
                score = report.classes.isEmpty() ? 0.0 : sum / report.classes.size();
                metrics.insert(QStringLiteral("val_mean_dice"), score);
                metrics.insert(QStringLiteral("val_pixel_error"), report.pixelError);
            } else {
                score = double(epoch);
            }
            const bool best = options.keepLast || score > state.bestScore;
            metrics.insert(QStringLiteral("best"), best);
            control.publish(metrics);
            if (best) {
                state.bestScore = score;
                state.bestEpoch = result.bestEpoch = epoch + 1;
                result.bestMetrics = QJsonObject::fromVariantMap(metrics);
                result.bestMetrics.remove(QStringLiteral("best"));
                state.bestMetrics = result.bestMetrics;
                state.bestState = cloned(stateOf(network));
                if (!options.outputPath.isEmpty()) {
                    ModelHeader checkpoint = header;
                    checkpoint.provenance.epochs = epoch + 1;
                    checkpoint.provenance.metrics = result.bestMetrics;
                    checkpoint.provenance.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
                    model.setHeader(checkpoint);
                    if (auto saved = model.save(options.outputPath); !saved)
                        return saved.error();
                }
            }
            if (!trainingWeights.empty())
                assign(network->parameters(), trainingWeights);
            state.epochsDone = epoch + 1;
            if (options.checkpoints) {
                state.seconds = secondsSoFar();
                const QByteArray bytes = writeCheckpoint(fingerprint, network, optimizer, average, sampler, state);
                if (auto saved = options.checkpoints->save(bytes); !saved)
                    return saved.error();
            }
        }
        if (!state.bestState.empty())
            assign(stateOf(network), state.bestState);
        network->eval();
        result.seconds = secondsSoFar();
        result.samplesPerSecond = result.seconds > 0.0 ? double(state.samples) / result.seconds : 0.0;
        result.precision = bfloat16 ? ComputePrecision::BFloat16 : ComputePrecision::Float32;
    } catch (const std::exception& e) {
        return Error::failed(TrainerText::tr("training failed: %1").arg(describeTorchError(e)));
    }

    header.provenance.dataSetHash = dataHash;
    header.provenance.dataSetDescription = options.dataDescription;
    header.provenance.epochs = result.epochs;
    header.provenance.trainingMinutes = result.seconds / 60.0;
    header.provenance.metrics = result.bestMetrics;
    header.provenance.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    header.provenance.software = QStringLiteral("Delineate %1, LibTorch %2").arg(QStringLiteral(DELINEATE_VERSION), QStringLiteral(TORCH_VERSION));
    model.setHeader(header);
    if (!options.outputPath.isEmpty())
        if (auto saved = model.save(options.outputPath); !saved)
            return saved.error();
    if (options.checkpoints)
        options.checkpoints->discard();
    result.model = std::move(model);
    return result;
}

} // namespace delineate::ml
