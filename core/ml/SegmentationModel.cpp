// Model files: header + weights in one file, shapes checked tensor by tensor; TorchScript with a JSON sidecar.
#include "ml/ModelInternals.h"

#include "io/VolumeIO.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

#include <sstream>

namespace delineate::ml {

namespace {

// Translation context "SegmentationModel" (lupdate reads it from the macro).
class SegmentationModelText
{
    Q_DECLARE_TR_FUNCTIONS(SegmentationModel)
};

void appendLength(QByteArray& bytes, uint64_t length)
{
    for (int i = 0; i < 8; ++i)
        bytes.append(char((length >> (8 * i)) & 0xff));
}

QString shapeText(const torch::Tensor& t)
{
    QStringList parts;
    for (int64_t s : t.sizes())
        parts << QString::number(s);
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

// Copies every parameter and buffer of `module` from `archive`, refusing missing tensors and wrong shapes
// (LibTorch's own Module::load would silently resize a parameter to whatever the file holds).
Expected<void> readWeights(torch::nn::Module& module, torch::serialize::InputArchive& archive, const std::string& prefix)
{
    torch::NoGradGuard noGrad;
    auto check = [&](const std::string& key, torch::Tensor& target, bool buffer) -> Expected<void> {
        torch::Tensor stored;
        if (!archive.try_read(key, stored, buffer))
            return Error::failed(SegmentationModelText::tr("tensor '%1' is missing").arg(QString::fromStdString(prefix + key)));
        if (stored.sizes() != target.sizes())
            return Error::failed(SegmentationModelText::tr("tensor '%1' has shape %2 but the architecture in the header needs %3")
                                     .arg(QString::fromStdString(prefix + key), shapeText(stored), shapeText(target)));
        target.copy_(stored);
        return {};
    };
    for (auto& p : module.named_parameters(/*recurse=*/false))
        if (auto ok = check(p.key(), p.value(), false); !ok)
            return ok;
    for (auto& b : module.named_buffers(/*recurse=*/false))
        if (auto ok = check(b.key(), b.value(), true); !ok)
            return ok;
    for (auto& child : module.named_children()) {
        torch::serialize::InputArchive childArchive;
        if (!archive.try_read(child.key(), childArchive))
            return Error::failed(SegmentationModelText::tr("layer '%1' is missing").arg(QString::fromStdString(prefix + child.key())));
        if (auto ok = readWeights(*child.value(), childArchive, prefix + child.key() + "."); !ok)
            return ok;
    }
    return {};
}

// Module::save's nested layout (one archive per submodule), with tensors converted for storage.
void writeWeights(const torch::nn::Module& module, torch::serialize::OutputArchive& archive, bool half)
{
    auto stored = [&](const torch::Tensor& t) {
        auto cpu = t.detach().to(torch::kCPU).contiguous();
        return half && cpu.is_floating_point() ? cpu.to(torch::kHalf) : cpu;
    };
    for (const auto& p : module.named_parameters(/*recurse=*/false))
        archive.write(p.key(), stored(p.value()));
    for (const auto& b : module.named_buffers(/*recurse=*/false))
        archive.write(b.key(), stored(b.value()), /*is_buffer=*/true);
    for (const auto& child : module.named_children()) {
        torch::serialize::OutputArchive childArchive(archive.compilation_unit());
        writeWeights(*child.value(), childArchive, half);
        archive.write(child.key(), childArchive);
    }
}

Expected<SegmentationModel> loadTorchScript(const QString& path)
{
    auto header = readModelHeader(path);
    if (!header)
        return header.error();
    SegmentationModel model;
    auto made = SegmentationModel::create(*header);
    if (!made)
        return made.error();
    model = std::move(*made);
    try {
        auto& internals = model.internals();
        internals.script = torch::jit::load(QFile::encodeName(path).toStdString());
        internals.scripted = true;
        internals.network = nullptr;
        // Fail now, not on the first slice, when the module does not map C channels to the header's outputs.
        const int edge = header->architecture.sizeMultiple() * 2;
        torch::NoGradGuard noGrad;
        internals.script.eval();
        auto output = internals.script.forward({torch::zeros({1, header->architecture.inputChannels, edge, edge})}).toTensor();
        if (output.dim() != 4 || output.size(1) != header->architecture.outputChannels || output.size(2) != edge ||
            output.size(3) != edge)
            return Error::failed(SegmentationModelText::tr("%1: forward() returned shape %2 for input [1, %3, %4, %4]; expected [1, %5, %4, %4]")
                                     .arg(path, shapeText(output))
                                     .arg(header->architecture.inputChannels)
                                     .arg(edge)
                                     .arg(header->architecture.outputChannels));
    } catch (const std::exception& e) {
        return Error::failed(SegmentationModelText::tr("%1: cannot load the TorchScript model: %2").arg(path, describeTorchError(e)));
    }
    return model;
}

} // namespace

QString describeTorchError(const std::exception& error)
{
    if (const auto* c10Error = dynamic_cast<const c10::Error*>(&error))
        return QString::fromStdString(c10Error->what_without_backtrace()).section(QLatin1Char('\n'), 0, 0).trimmed();
    return QString::fromLocal8Bit(error.what()).section(QLatin1Char('\n'), 0, 0).trimmed();
}

QString torchScriptSidecarPath(const QString& modelPath)
{
    return modelPath + QStringLiteral(".json");
}

void SegmentationModel::Private::prepareForInference(const torch::Device& target)
{
    std::lock_guard<std::mutex> lock(mutex);
    if (preparedForInference && device == target)
        return;
    torch::NoGradGuard noGrad;
    if (scripted) {
        script.eval();
        script.to(target);
    } else {
        network->eval();
        network->to(target);
        // oneDNN's fast convolutions want NHWC weights as well as NHWC activations.
        for (auto& p : network->parameters())
            if (p.dim() == 4)
                p.set_data(p.contiguous(torch::MemoryFormat::ChannelsLast));
        network->prepareForInference();
    }
    device = target;
    preparedForInference = true;
}

torch::Tensor SegmentationModel::Private::forward(const torch::Tensor& input)
{
    if (scripted)
        return script.forward({input}).toTensor();
    return network->forward(input);
}

SegmentationModel::SegmentationModel() = default;
SegmentationModel::~SegmentationModel() = default;
SegmentationModel::SegmentationModel(SegmentationModel&&) noexcept = default;
SegmentationModel& SegmentationModel::operator=(SegmentationModel&&) noexcept = default;

Expected<SegmentationModel> SegmentationModel::create(const ModelHeader& header, uint64_t seed)
{
    try {
        SegmentationModel model;
        model.m_private = std::make_unique<Private>();
        model.m_private->header = header;
        torch::manual_seed(seed);
        model.m_private->network = UNet(header.architecture);
        return model;
    } catch (const std::exception& e) {
        return Error::failed(SegmentationModelText::tr("cannot build the network: %1").arg(describeTorchError(e)));
    }
}

Expected<SegmentationModel> SegmentationModel::load(const QString& path)
{
    if (!QFileInfo::exists(path))
        return Error::failed(SegmentationModelText::tr("%1: no such model file").arg(path));
    if (isTorchScriptModelPath(path))
        return loadTorchScript(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(SegmentationModelText::tr("%1: cannot open the model file: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    auto layout = parseModelFile(bytes, path);
    if (!layout)
        return layout.error();
    const ModelHeader* header = &layout->header;
    const qsizetype at = layout->weightsOffset;
    const qsizetype weightsLength = layout->weightsLength;
    auto made = create(*header);
    if (!made)
        return made.error();
    try {
        std::istringstream stream(std::string(bytes.constData() + at, std::size_t(weightsLength)));
        torch::serialize::InputArchive archive;
        archive.load_from(stream);
        if (auto read = readWeights(*made->m_private->network, archive, ""); !read)
            return Error::failed(SegmentationModelText::tr("%1: the weights do not fit the header's architecture: %2").arg(path, read.error().message));
    } catch (const std::exception& e) {
        return Error::failed(SegmentationModelText::tr("%1: cannot read the weights: %2").arg(path, describeTorchError(e)));
    }
    return made;
}

Expected<SegmentationModel> SegmentationModel::clone() const
{
    if (!m_private)
        return Error::failed(SegmentationModelText::tr("no model to copy"));
    try {
        SegmentationModel copy;
        copy.m_private = std::make_unique<Private>();
        copy.m_private->header = m_private->header;
        if (m_private->scripted) {
            copy.m_private->script = m_private->script.clone();
            copy.m_private->scripted = true;
            return copy;
        }
        copy.m_private->network = UNet(m_private->header.architecture);
        // Through the same archive format as files: every parameter and buffer, shapes checked.
        std::stringstream stream;
        torch::serialize::OutputArchive out;
        writeWeights(*m_private->network, out, false);
        out.save_to(stream);
        torch::serialize::InputArchive in;
        in.load_from(stream);
        if (auto read = readWeights(*copy.m_private->network, in, ""); !read)
            return read.error();
        if (!m_private->network->is_training())
            copy.m_private->network->eval();
        return copy;
    } catch (const std::exception& e) {
        return Error::failed(SegmentationModelText::tr("cannot copy the model: %1").arg(describeTorchError(e)));
    }
}

Expected<void> SegmentationModel::save(const QString& path) const
{
    if (!m_private)
        return Error::failed(SegmentationModelText::tr("%1: no model to save").arg(path));
    if (m_private->scripted)
        return Error::failed(SegmentationModelText::tr("%1: a TorchScript model cannot be saved as a Delineate model file").arg(path));
    std::ostringstream stream;
    try {
        torch::serialize::OutputArchive archive;
        // Weights are stored on the CPU in the default (contiguous) layout so any build can read them.
        // CPU, default layout, optionally float16 (half the file; loading converts back to float32).
        writeWeights(*m_private->network, archive, m_private->header.weightsPrecision == QLatin1String("float16"));
        archive.save_to(stream);
    } catch (const std::exception& e) {
        return Error::failed(SegmentationModelText::tr("%1: cannot serialise the weights: %2").arg(path, describeTorchError(e)));
    }
    const std::string weights = stream.str();
    QByteArray bytes(kModelFileMagic, 16);
    ModelHeader header = m_private->header;
    header.format = QStringLiteral("delineate-unet");
    const QByteArray json = QJsonDocument(header.toJson()).toJson(QJsonDocument::Indented);
    appendLength(bytes, uint64_t(json.size()));
    bytes.append(json);
    appendLength(bytes, uint64_t(weights.size()));
    bytes.append(weights.data(), qsizetype(weights.size()));
    return writeAtomically(path, [&](const QString& temporary) -> Expected<void> {
        QFile file(temporary);
        if (!file.open(QIODevice::WriteOnly) || !writeAll(file, bytes)) {
            // The reason before anything else touches the file (writeAtomically removes it).
            return Error::failed(SegmentationModelText::tr("%1: cannot write the model file: %2").arg(path, file.errorString()));
        }
        file.close();
        return {};
    });
}

const ModelHeader& SegmentationModel::header() const
{
    return m_private->header;
}

void SegmentationModel::setHeader(const ModelHeader& header)
{
    m_private->header = header;
}

bool SegmentationModel::isTorchScript() const
{
    return m_private && m_private->scripted;
}

int64_t SegmentationModel::parameterCount() const
{
    if (!m_private)
        return 0;
    int64_t count = 0;
    if (m_private->scripted) {
        for (const auto& p : m_private->script.parameters())
            count += p.numel();
        return count;
    }
    return delineate::ml::parameterCount(*m_private->network);
}

} // namespace delineate::ml
