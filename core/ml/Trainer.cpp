// The training loop: slices in memory, foreground-aware patches, augmentation, Adam with cosine decay,
// validation on whole slices after every epoch, the best weights kept (and written) by mean Dice.
#include "ml/Trainer.h"

#include "ml/Augmentation.h"
#include "ml/ComputeRuntime.h"
#include "ml/ModelInternals.h"
#include "ml/OverlapMetrics.h"
#include "ml/SliceAccess.h"
#include "ml/TrainingData.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <cmath>
#include <limits>

namespace delineate::ml {

namespace {

// Translation context "Trainer" (lupdate reads it from the macro).
class TrainerText
{
    Q_DECLARE_TR_FUNCTIONS(Trainer)
};

const char* const kPalette[] = {"#000000", "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6"};

struct TrainingSlice
{
    torch::Tensor image;            // 1 x H x W float, padded to at least the patch size
    torch::Tensor classes;          // H x W long class indices
    std::vector<int32_t> foreground; // flat positions of minority-class pixels
    int64_t height = 0, width = 0;  // unpadded size (validation crops the prediction back to it)
};

int64_t roundUp(int64_t value, int64_t multiple)
{
    return (value + multiple - 1) / multiple * multiple;
}

// Slices of every pair along axis 2, with labels mapped to class indices and padded to `minimumEdge` and to
// multiples of `multiple` (replicated image border, class 0 in the padding).
Expected<std::vector<TrainingSlice>> makeSlices(const QVector<TrainingPair>& pairs, const ModelHeader& header,
                                                const std::array<int, 256>& classOf, int64_t minimumEdge, int64_t multiple)
{
    std::vector<TrainingSlice> slices;
    for (const TrainingPair& pair : pairs) {
        const SliceLayout layout(pair.image.geometry(), 2);
        const IntensityMapping mapping = IntensityMapping::forVolume(pair.image, header.normalization);
        std::vector<float> image(std::size_t(layout.width * layout.height));
        std::vector<uint8_t> labels(image.size());
        const int64_t paddedHeight = roundUp(std::max(layout.height, minimumEdge), multiple);
        const int64_t paddedWidth = roundUp(std::max(layout.width, minimumEdge), multiple);
        for (int64_t k = 0; k < layout.count; ++k) {
            readSlice(pair.image, layout, k, mapping, image.data());
            readLabelSlice(pair.labels, layout, k, labels.data());
            std::vector<int64_t> classes(labels.size());
            for (std::size_t i = 0; i < labels.size(); ++i) {
                const int c = classOf[labels[i]];
                if (c < 0)
                    return Error::failed(TrainerText::tr("%1: label value %2 is not one of the model's classes").arg(pair.labelPath).arg(labels[i]));
                classes[i] = c;
            }
            TrainingSlice slice;
            slice.height = layout.height;
            slice.width = layout.width;
            auto imageTensor = torch::from_blob(image.data(), {1, 1, layout.height, layout.width}).clone();
            slice.image = torch::replication_pad2d(imageTensor, {0, paddedWidth - layout.width, 0, paddedHeight - layout.height})[0];
            auto classTensor = torch::from_blob(classes.data(), {layout.height, layout.width}, torch::kLong).clone();
            slice.classes = torch::constant_pad_nd(classTensor, {0, paddedWidth - layout.width, 0, paddedHeight - layout.height}, 0);
            slices.push_back(std::move(slice));
        }
    }
    return slices;
}

torch::Tensor lossFor(const torch::Tensor& logits, const torch::Tensor& classes, bool sigmoid, LossKind kind)
{
    namespace F = torch::nn::functional;
    const double smooth = 1.0;
    if (sigmoid) {
        auto logit = logits.select(1, 0);
        auto target = classes.to(torch::kFloat);
        auto loss = F::binary_cross_entropy_with_logits(logit, target);
        if (kind == LossKind::DiceAndCrossEntropy) {
            // Soft Dice of both classes: the thin minority class (EM membranes) weighs as much as the bulk.
            auto p = torch::sigmoid(logit);
            auto diceForeground = (2.0 * (p * target).sum() + smooth) / (p.sum() + target.sum() + smooth);
            auto q = 1.0 - p, u = 1.0 - target;
            auto diceBackground = (2.0 * (q * u).sum() + smooth) / (q.sum() + u.sum() + smooth);
            loss = loss + 1.0 - 0.5 * (diceForeground + diceBackground);
        }
        return loss;
    }
    auto loss = F::cross_entropy(logits, classes);
    if (kind == LossKind::DiceAndCrossEntropy) {
        auto p = torch::softmax(logits, 1);
        auto oneHot = F::one_hot(classes, logits.size(1)).permute({0, 3, 1, 2}).to(torch::kFloat);
        auto intersection = (p * oneHot).sum({0, 2, 3});
        auto dice = (2.0 * intersection + smooth) / (p.sum({0, 2, 3}) + oneHot.sum({0, 2, 3}) + smooth);
        loss = loss + 1.0 - dice.mean();
    }
    return loss;
}

// What decides a network's output: its parameters, then its buffers (batch-norm statistics).
std::vector<torch::Tensor> stateOf(UNet& network)
{
    std::vector<torch::Tensor> state = network->parameters();
    for (const auto& b : network->buffers())
        state.push_back(b);
    return state;
}

std::vector<torch::Tensor> cloned(const std::vector<torch::Tensor>& tensors)
{
    std::vector<torch::Tensor> copies;
    for (const auto& t : tensors)
        copies.push_back(t.detach().clone());
    return copies;
}

// Copies `values` into `targets` (same order and shapes), in place, so the optimiser keeps its parameters.
void assign(const std::vector<torch::Tensor>& targets, const std::vector<torch::Tensor>& values)
{
    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < targets.size(); ++i)
        targets[i].detach().copy_(values[i]);
}

// Whole-slice prediction, Dice per class index.
OverlapReport validate(UNet& network, const std::vector<TrainingSlice>& slices, bool sigmoid, bool bfloat16)
{
    torch::NoGradGuard noGrad;
    network->eval();
    OverlapCounter counter;
    for (const TrainingSlice& slice : slices) {
        auto input = slice.image.unsqueeze(0).contiguous(torch::MemoryFormat::ChannelsLast);
        const auto logits = forwardInFloat32Out(bfloat16, [&] { return network->forward(input); });
        auto predicted = sigmoid ? (logits.select(1, 0) >= 0.0f).to(torch::kUInt8) : logits.argmax(1).to(torch::kUInt8);
        auto p = predicted[0].narrow(0, 0, slice.height).narrow(1, 0, slice.width).contiguous();
        auto r = slice.classes.narrow(0, 0, slice.height).narrow(1, 0, slice.width).to(torch::kUInt8).contiguous();
        counter.add(p.data_ptr<uint8_t>(), r.data_ptr<uint8_t>(), std::size_t(p.numel()));
    }
    network->train();
    return counter.report();
}

} // namespace

Expected<TrainingResult> trainModel(const TrainingOptions& options, JobControl& control)
{
    QElapsedTimer timer;
    timer.start();
    prepareTorchRuntime(options.threads);
    torch::manual_seed(options.seed);
    std::mt19937_64 random(options.seed);

    const bool inMemory = !options.trainingSet.isEmpty();
    auto trainPairs = inMemory ? Expected<QVector<TrainingPair>>(options.trainingSet)
                               : loadTrainingPairs(options.dataFolder, options.trainIndices, options.nonZeroLabelIsForeground, control);
    if (!trainPairs)
        return trainPairs.error();
    const QString dataName = !options.dataName.isEmpty() ? options.dataName : options.dataFolder;
    QVector<TrainingPair> validationPairs;
    if (inMemory) {
        validationPairs = options.validationSet;
    } else if (!options.validationFolder.isEmpty() || !options.validationIndices.isEmpty()) {
        auto loaded = loadTrainingPairs(options.validationFolder.isEmpty() ? options.dataFolder : options.validationFolder,
                                        options.validationIndices, options.nonZeroLabelIsForeground, control);
        if (!loaded)
            return loaded.error();
        validationPairs = std::move(*loaded);
    }

    // The model: fine-tuned from a file, or a new one whose classes are the label values found in the data.
    SegmentationModel model;
    ModelHeader header;
    if (!options.fromModel.isEmpty()) {
        auto parent = SegmentationModel::load(options.fromModel);
        if (!parent)
            return parent.error();
        if (parent->isTorchScript())
            return Error::failed(TrainerText::tr("%1: TorchScript models cannot be fine-tuned here; use a Delineate model file")
                                     .arg(options.fromModel));
        model = std::move(*parent);
        header = model.header();
        header.provenance.parentModel = QFileInfo(options.fromModel).fileName();
    } else {
        std::array<int64_t, 256> histogram{};
        for (const TrainingPair& pair : *trainPairs)
            for (std::size_t n = 0; n < pair.labels.voxelCount(); ++n)
                ++histogram[pair.labels.at(n)];
        QVector<int> values;
        for (int v = 0; v < 256; ++v)
            if (histogram[std::size_t(v)] > 0)
                values.append(v);
        if (values.size() < 2)
            return Error::failed(TrainerText::tr("%1: the labels hold a single value; at least two classes are needed").arg(dataName));
        auto architecture = UNetArchitecture::fromPreset(options.architecture);
        if (!architecture)
            return architecture.error();
        if (options.baseWidth > 0)
            architecture->baseWidth = options.baseWidth;
        if (options.depth > 0)
            architecture->depth = options.depth;
        if (values.size() > 2) {
            if (architecture->preset == QLatin1String("simple"))
                return Error::failed(TrainerText::tr("the 'simple' reference U-Net is binary; the labels hold %1 values").arg(values.size()));
            architecture->activation = OutputActivation::Softmax;
            architecture->outputChannels = values.size();
        }
        header.architecture = *architecture;
        header.name = options.modelName.isEmpty() ? QFileInfo(options.outputPath).completeBaseName() : options.modelName;
        // 8-bit PNG images keep their fixed 0-255 scale; anything else is standardised per volume.
        bool eightBitPng = true;
        for (const TrainingPair& pair : *trainPairs) {
            const ValueRange range = pair.image.valueRange();
            eightBitPng = eightBitPng && pair.imagePath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) &&
                          range.minimum >= 0.0 && range.maximum <= 255.0;
        }
        header.normalization.kind = eightBitPng ? IntensityNormalization::Kind::Window : IntensityNormalization::Kind::ZScore;
        const auto& spacing = trainPairs->first().image.geometry().spacing();
        header.spacing = {spacing[0], spacing[1]};
        for (int i = 0; i < values.size(); ++i)
            header.classes.append(ClassInfo{values[i], options.classNames.value(i, QStringLiteral("label %1").arg(values[i])),
                                            QLatin1String(kPalette[i % 8])});
        auto created = SegmentationModel::create(header, options.seed);
        if (!created)
            return created.error();
        model = std::move(*created);
    }
    header.patchSize = options.patchSize;
    if (options.halfPrecisionFile)
        header.weightsPrecision = QStringLiteral("float16");
    const bool sigmoid = header.architecture.activation == OutputActivation::Sigmoid;
    const bool bfloat16 = resolveComputePrecision(options.precision, /*onCuda=*/false, header.architecture,
                                                  /*torchScript=*/false) == ComputePrecision::BFloat16;
    const int64_t multiple = header.architecture.sizeMultiple();
    const int64_t patch = roundUp(options.patchSize, multiple);
    std::array<int, 256> classOf;
    classOf.fill(-1);
    for (int i = 0; i < header.classes.size(); ++i)
        classOf[std::size_t(header.classes[i].value)] = i;

    AugmentationOptions augmentation;
    const QString mirroring = options.mirroring.toLower();
    if (mirroring == QLatin1String("all")) {
        augmentation.mirroring = AugmentationOptions::Mirroring::All;
    } else if (mirroring == QLatin1String("horizontal")) {
        augmentation.mirroring = AugmentationOptions::Mirroring::Horizontal;
    } else if (mirroring == QLatin1String("auto")) {
        bool allPng = true;
        for (const TrainingPair& pair : *trainPairs)
            allPng = allPng && pair.imagePath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive);
        augmentation.mirroring = allPng ? AugmentationOptions::Mirroring::Horizontal : AugmentationOptions::Mirroring::None;
    } else if (mirroring != QLatin1String("none")) {
        return Error::failed(TrainerText::tr("mirroring must be auto, none, horizontal or all, not '%1'").arg(options.mirroring));
    }

    TrainingResult result;
    try {
        auto trainSlices = makeSlices(*trainPairs, header, classOf, patch, multiple);
        if (!trainSlices)
            return trainSlices.error();
        auto validationSlices = makeSlices(validationPairs, header, classOf, multiple, multiple);
        if (!validationSlices)
            return validationSlices.error();
        // Minority classes (all but the most frequent) are what foreground-aware sampling centres patches on.
        std::vector<int64_t> classCounts(std::size_t(header.classes.size()), 0);
        for (const TrainingSlice& s : *trainSlices) {
            auto counts = torch::bincount(s.classes.flatten(), {}, header.classes.size());
            for (int i = 0; i < header.classes.size(); ++i)
                classCounts[std::size_t(i)] += counts[i].item<int64_t>();
        }
        const int majority = int(std::max_element(classCounts.begin(), classCounts.end()) - classCounts.begin());
        std::vector<std::size_t> slicesWithForeground;
        for (std::size_t n = 0; n < trainSlices->size(); ++n) {
            TrainingSlice& s = (*trainSlices)[n];
            auto positions = torch::nonzero((s.classes != majority).flatten()).flatten().to(torch::kInt);
            s.foreground.assign(positions.data_ptr<int32_t>(), positions.data_ptr<int32_t>() + positions.numel());
            if (!s.foreground.empty())
                slicesWithForeground.push_back(n);
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

        const double minutes = (options.epochs == 0 && options.minutes <= 0.0) ? TrainingOptions::kDefaultMinutes : options.minutes;
        const int maxEpochs = options.epochs > 0 ? options.epochs : std::numeric_limits<int>::max();
        const int steps = std::max(1, options.stepsPerEpoch);
        const int batchSize = std::max(1, options.batchSize);
        const double minimumLearningRate = options.learningRate * 0.02;
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        std::vector<torch::Tensor> bestState;
        // Exponential moving average of the weights (Polyak averaging): what is validated, kept and written.
        // The average of the recent steps generalises better than the last step and smooths out the
        // epoch-to-epoch swings of the validation score; batch-norm statistics are taken as they are.
        const double averageDecay = std::clamp(options.weightAveraging, 0.0, 0.9999);
        std::vector<torch::Tensor> averaged; // parameters only
        if (averageDecay > 0.0)
            averaged = cloned(network->parameters());
        int64_t stepsTaken = 0;
        double bestScore = -1.0;
        int64_t samples = 0;
        bool outOfTime = false;

        auto trainingFraction = [&](int epoch, int step) {
            double f = 0.0;
            if (options.epochs > 0)
                f = (double(epoch) * steps + step) / (double(options.epochs) * steps);
            if (minutes > 0.0)
                f = std::max(f, double(timer.elapsed()) / (minutes * 60000.0));
            return std::min(1.0, f);
        };

        for (int epoch = 0; epoch < maxEpochs && !outOfTime; ++epoch) {
            double lossSum = 0.0;
            int stepsDone = 0;
            for (int step = 0; step < steps; ++step) {
                control.waitWhilePaused();
                if (control.isCancelled())
                    return Error::cancelled();
                const double fraction = trainingFraction(epoch, step);
                if (fraction >= 1.0 || (options.stopRequested && options.stopRequested->load())) {
                    outOfTime = true;
                    break;
                }
                // Cosine decay from the initial rate to 2% of it over the whole budget.
                const double rate = minimumLearningRate + 0.5 * (options.learningRate - minimumLearningRate) * (1.0 + std::cos(M_PI * fraction));
                static_cast<torch::optim::AdamOptions&>(optimizer.param_groups()[0].options()).lr(rate);

                std::vector<torch::Tensor> images, labels;
                for (int b = 0; b < batchSize; ++b) {
                    std::size_t n;
                    int64_t y0, x0;
                    const bool centred = !slicesWithForeground.empty() && unit(random) < options.foregroundSampling;
                    if (centred) {
                        n = slicesWithForeground[random() % slicesWithForeground.size()];
                    } else {
                        n = random() % trainSlices->size();
                    }
                    const TrainingSlice& s = (*trainSlices)[n];
                    const int64_t h = s.classes.size(0), w = s.classes.size(1);
                    if (centred) {
                        const int32_t position = s.foreground[random() % s.foreground.size()];
                        y0 = std::clamp<int64_t>(position / w - patch / 2, 0, h - patch);
                        x0 = std::clamp<int64_t>(position % w - patch / 2, 0, w - patch);
                    } else {
                        y0 = int64_t(random() % uint64_t(h - patch + 1));
                        x0 = int64_t(random() % uint64_t(w - patch + 1));
                    }
                    images.push_back(s.image.narrow(1, y0, patch).narrow(2, x0, patch));
                    labels.push_back(s.classes.narrow(0, y0, patch).narrow(1, x0, patch));
                }
                auto imageBatch = torch::stack(images);
                auto labelBatch = torch::stack(labels);
                if (options.augment)
                    augmentBatch(imageBatch, labelBatch, random, augmentation);
                const auto logits = forwardInFloat32Out(bfloat16, [&] {
                    return network->forward(imageBatch.contiguous(torch::MemoryFormat::ChannelsLast));
                });
                auto loss = lossFor(logits, labelBatch, sigmoid, options.loss);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                if (!averaged.empty()) {
                    torch::NoGradGuard noGrad;
                    // Shorter memory at the start, so the average does not drag the random initial weights along.
                    const double decay = std::min(averageDecay, double(1 + stepsTaken) / double(10 + stepsTaken));
                    const auto parameters = network->parameters();
                    for (std::size_t i = 0; i < averaged.size(); ++i)
                        averaged[i].mul_(decay).add_(parameters[i].detach(), 1.0 - decay);
                }
                ++stepsTaken;
                lossSum += loss.item<double>();
                ++stepsDone;
                samples += batchSize;
                const double elapsed = double(timer.elapsed()) / 1000.0;
                const double done = trainingFraction(epoch, step + 1);
                control.reportProgress(0.05 + 0.95 * done,
                                       TrainerText::tr("Epoch %1, loss %2, about %3 min left")
                                           .arg(epoch + 1)
                                           .arg(lossSum / stepsDone, 0, 'f', 4)
                                           .arg(done > 0.0 ? elapsed * (1.0 - done) / done / 60.0 : 0.0, 0, 'f', 1));
            }
            if (stepsDone == 0)
                break;
            result.epochs = epoch + 1;
            QVariantMap metrics{{QStringLiteral("epoch"), epoch + 1},
                                {QStringLiteral("loss"), lossSum / stepsDone},
                                {QStringLiteral("learning_rate"), optimizer.param_groups()[0].options().get_lr()},
                                {QStringLiteral("seconds"), double(timer.elapsed()) / 1000.0}};
            double score = -lossSum / stepsDone; // without validation data the last epoch wins
            std::vector<torch::Tensor> trainingWeights;
            if (!averaged.empty()) {
                // The averaged weights are validated, kept and written; the training weights come back below.
                trainingWeights = cloned(network->parameters());
                assign(network->parameters(), averaged);
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
            const bool best = score > bestScore;
            metrics.insert(QStringLiteral("best"), best);
            control.publish(metrics);
            if (best) {
                bestScore = score;
                result.bestEpoch = epoch + 1;
                result.bestMetrics = QJsonObject::fromVariantMap(metrics);
                result.bestMetrics.remove(QStringLiteral("best"));
                bestState = cloned(stateOf(network));
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
        }
        if (!bestState.empty())
            assign(stateOf(network), bestState);
        network->eval();
        result.seconds = double(timer.elapsed()) / 1000.0;
        result.samplesPerSecond = result.seconds > 0.0 ? double(samples) / result.seconds : 0.0;
        result.precision = bfloat16 ? ComputePrecision::BFloat16 : ComputePrecision::Float32;
    } catch (const std::exception& e) {
        return Error::failed(TrainerText::tr("training failed: %1").arg(describeTorchError(e)));
    }

    header.provenance.dataSetHash = hashTrainingFiles(*trainPairs + validationPairs);
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
    result.model = std::move(model);
    return result;
}

} // namespace delineate::ml
