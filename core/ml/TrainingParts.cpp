// The parts of a training run: slices, patch sampling, loss, weight average, validation, checkpoints.
#include "ml/TrainingParts.h"

#include "ml/ModelInternals.h"
#include "ml/SliceAccess.h"

#include <ATen/CPUGeneratorImpl.h>

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>
#include <mutex>
#include <sstream>

namespace delineate::ml::training {

namespace {

// Translation context "Trainer" (lupdate reads it from the macro).
class TrainerText
{
    Q_DECLARE_TR_FUNCTIONS(Trainer)
};

constexpr int64_t kCheckpointFormat = 1;

int64_t roundUp(int64_t value, int64_t multiple)
{
    return (value + multiple - 1) / multiple * multiple;
}

void writeTensors(torch::serialize::OutputArchive& archive, const std::string& prefix, const std::vector<torch::Tensor>& tensors)
{
    archive.write(prefix + "_count", c10::IValue(int64_t(tensors.size())));
    for (std::size_t i = 0; i < tensors.size(); ++i)
        archive.write(prefix + "_" + std::to_string(i), tensors[i].detach().contiguous());
}

// Reads tensors written by writeTensors; with `targets`, checks their count and shapes and copies in place.
bool readTensors(torch::serialize::InputArchive& archive, const std::string& prefix, std::vector<torch::Tensor>& out)
{
    c10::IValue count;
    if (!archive.try_read(prefix + "_count", count) || !count.isInt())
        return false;
    out.clear();
    for (int64_t i = 0; i < count.toInt(); ++i) {
        torch::Tensor t;
        archive.read(prefix + "_" + std::to_string(i), t);
        out.push_back(t);
    }
    return true;
}

bool copyInto(const std::vector<torch::Tensor>& targets, const std::vector<torch::Tensor>& values)
{
    if (targets.size() != values.size())
        return false;
    for (std::size_t i = 0; i < targets.size(); ++i)
        if (targets[i].sizes() != values[i].sizes())
            return false;
    assign(targets, values);
    return true;
}

} // namespace

Expected<std::vector<TrainingSlice>> makeSlices(const QVector<TrainingPair>& pairs, const ModelHeader& header,
                                                const std::array<int, 256>& classOf, int64_t minimumEdge, int64_t multiple,
                                                const QVector<int>& selected)
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
            if (!selected.isEmpty() && !selected.contains(int(k)))
                continue;
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

PatchSampler::PatchSampler(std::vector<TrainingSlice>& slices, int classCount, int64_t patch, double foregroundSampling,
                           uint64_t seed)
    : m_slices(slices), m_patch(patch), m_foregroundSampling(foregroundSampling), m_random(seed)
{
    // Minority classes (all but the most frequent) are what foreground-aware sampling centres patches on.
    std::vector<int64_t> classCounts(std::size_t(classCount), 0);
    for (const TrainingSlice& s : m_slices) {
        auto counts = torch::bincount(s.classes.flatten(), {}, classCount);
        for (int i = 0; i < classCount; ++i)
            classCounts[std::size_t(i)] += counts[i].item<int64_t>();
    }
    const int majority = m_majority = int(std::max_element(classCounts.begin(), classCounts.end()) - classCounts.begin());
    for (std::size_t n = 0; n < m_slices.size(); ++n) {
        TrainingSlice& s = m_slices[n];
        auto positions = torch::nonzero((s.classes != majority).flatten()).flatten().to(torch::kInt);
        s.foreground.assign(positions.data_ptr<int32_t>(), positions.data_ptr<int32_t>() + positions.numel());
        if (!s.foreground.empty())
            m_slicesWithForeground.push_back(n);
    }
}

std::pair<torch::Tensor, torch::Tensor> PatchSampler::next(int batchSize)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<torch::Tensor> images, labels;
    for (int b = 0; b < batchSize; ++b) {
        std::size_t n;
        int64_t y0, x0;
        const bool centred = !m_slicesWithForeground.empty() && unit(m_random) < m_foregroundSampling;
        if (centred)
            n = m_slicesWithForeground[m_random() % m_slicesWithForeground.size()];
        else
            n = m_random() % m_slices.size();
        const TrainingSlice& s = m_slices[n];
        const int64_t h = s.classes.size(0), w = s.classes.size(1);
        if (centred) {
            const int32_t position = s.foreground[m_random() % s.foreground.size()];
            y0 = std::clamp<int64_t>(position / w - m_patch / 2, 0, h - m_patch);
            x0 = std::clamp<int64_t>(position % w - m_patch / 2, 0, w - m_patch);
        } else {
            y0 = int64_t(m_random() % uint64_t(h - m_patch + 1));
            x0 = int64_t(m_random() % uint64_t(w - m_patch + 1));
        }
        images.push_back(s.image.narrow(1, y0, m_patch).narrow(2, x0, m_patch));
        labels.push_back(s.classes.narrow(0, y0, m_patch).narrow(1, x0, m_patch));
    }
    return {torch::stack(images), torch::stack(labels)};
}

std::string PatchSampler::state() const
{
    std::ostringstream out;
    out << m_random;
    return out.str();
}

bool PatchSampler::setState(const std::string& state)
{
    std::istringstream in(state);
    std::mt19937_64 restored;
    in >> restored;
    if (in.fail())
        return false;
    m_random = restored;
    return true;
}

torch::Tensor trainingLoss(const torch::Tensor& logits, const torch::Tensor& classes, bool sigmoid, LossKind kind)
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

void assign(const std::vector<torch::Tensor>& targets, const std::vector<torch::Tensor>& values)
{
    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < targets.size(); ++i)
        targets[i].detach().copy_(values[i]);
}

WeightAverage::WeightAverage(double decay, const std::vector<torch::Tensor>& parameters)
    : m_decay(std::clamp(decay, 0.0, 0.9999))
{
    if (m_decay > 0.0)
        m_averaged = cloned(parameters);
}

void WeightAverage::update(const std::vector<torch::Tensor>& parameters, int64_t stepsTaken)
{
    if (m_averaged.empty())
        return;
    torch::NoGradGuard noGrad;
    const double decay = std::min(m_decay, double(1 + stepsTaken) / double(10 + stepsTaken));
    for (std::size_t i = 0; i < m_averaged.size(); ++i)
        m_averaged[i].mul_(decay).add_(parameters[i].detach(), 1.0 - decay);
}

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

QByteArray writeCheckpoint(const QString& fingerprint, UNet& network, torch::optim::Optimizer& optimizer,
                           WeightAverage& average, const PatchSampler& sampler, const RunState& state)
{
    torch::serialize::OutputArchive archive;
    archive.write("format", c10::IValue(kCheckpointFormat));
    archive.write("fingerprint", c10::IValue(fingerprint.toStdString()));
    archive.write("epochs_done", c10::IValue(int64_t(state.epochsDone)));
    archive.write("steps_taken", c10::IValue(state.stepsTaken));
    archive.write("samples", c10::IValue(state.samples));
    archive.write("seconds", c10::IValue(state.seconds));
    archive.write("best_score", c10::IValue(state.bestScore));
    archive.write("best_epoch", c10::IValue(int64_t(state.bestEpoch)));
    archive.write("best_metrics", c10::IValue(QJsonDocument(state.bestMetrics).toJson(QJsonDocument::Compact).toStdString()));
    writeTensors(archive, "network", stateOf(network));
    writeTensors(archive, "average", average.tensors());
    writeTensors(archive, "best", state.bestState);
    torch::serialize::OutputArchive optimizerArchive;
    optimizer.save(optimizerArchive);
    archive.write("optimizer", optimizerArchive);
    archive.write("sampler_random", c10::IValue(sampler.state()));
    {
        auto generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(generator.mutex());
        archive.write("torch_random", generator.get_state());
    }
    std::ostringstream out;
    archive.save_to(out);
    const std::string bytes = out.str();
    return QByteArray(bytes.data(), int(bytes.size()));
}

Expected<void> readCheckpoint(const QByteArray& bytes, const QString& fingerprint, UNet& network,
                              torch::optim::Optimizer& optimizer, WeightAverage& average, PatchSampler& sampler,
                              RunState& state)
{
    const auto unreadable = [] { return Error::failed(TrainerText::tr("the checkpoint is damaged or of another version of Delineate")); };
    try {
        std::istringstream in(std::string(bytes.constData(), std::size_t(bytes.size())));
        torch::serialize::InputArchive archive;
        archive.load_from(in);
        c10::IValue value;
        if (!archive.try_read("format", value) || !value.isInt() || value.toInt() != kCheckpointFormat)
            return unreadable();
        if (!archive.try_read("fingerprint", value) || !value.isString())
            return unreadable();
        if (QString::fromStdString(value.toStringRef()) != fingerprint)
            return Error::failed(TrainerText::tr("the interrupted run was started with other options or data; start a new run instead"));
        RunState restored;
        archive.read("epochs_done", value);
        restored.epochsDone = int(value.toInt());
        archive.read("steps_taken", value);
        restored.stepsTaken = value.toInt();
        archive.read("samples", value);
        restored.samples = value.toInt();
        archive.read("seconds", value);
        restored.seconds = value.toDouble();
        archive.read("best_score", value);
        restored.bestScore = value.toDouble();
        archive.read("best_epoch", value);
        restored.bestEpoch = int(value.toInt());
        archive.read("best_metrics", value);
        restored.bestMetrics = QJsonDocument::fromJson(QByteArray::fromStdString(value.toStringRef())).object();
        std::vector<torch::Tensor> networkState, averaged;
        if (!readTensors(archive, "network", networkState) || !readTensors(archive, "average", averaged) ||
            !readTensors(archive, "best", restored.bestState))
            return unreadable();
        if (!copyInto(stateOf(network), networkState) || averaged.size() != average.tensors().size() ||
            (!restored.bestState.empty() && restored.bestState.size() != networkState.size()))
            return Error::failed(TrainerText::tr("the checkpoint does not fit this network"));
        if (!copyInto(average.tensors(), averaged))
            return Error::failed(TrainerText::tr("the checkpoint does not fit this network"));
        torch::serialize::InputArchive optimizerArchive;
        archive.read("optimizer", optimizerArchive);
        optimizer.load(optimizerArchive);
        archive.read("sampler_random", value);
        if (!value.isString() || !sampler.setState(value.toStringRef()))
            return unreadable();
        torch::Tensor generatorState;
        archive.read("torch_random", generatorState);
        {
            auto generator = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(generator.mutex());
            generator.set_state(generatorState);
        }
        state = std::move(restored);
    } catch (const std::exception&) {
        return unreadable();
    }
    return {};
}

} // namespace delineate::ml::training
