// JSON form of model headers; every missing or wrong field is reported by name.
#include "ml/ModelHeader.h"

#include <cmath>

#include "io/VolumeIO.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace delineate::ml {

namespace {

// Translation context "ModelHeader" (lupdate reads it from the macro).
class ModelHeaderText
{
    Q_DECLARE_TR_FUNCTIONS(ModelHeader)
};

const char* normalizationName(Normalization n)
{
    switch (n) {
    case Normalization::None: return "none";
    case Normalization::BatchNorm: return "batch";
    case Normalization::InstanceNorm: return "instance";
    case Normalization::GroupNorm: return "group";
    }
    return "none";
}

} // namespace

UNetArchitecture UNetArchitecture::simple(int inputChannels)
{
    UNetArchitecture a;
    a.preset = QStringLiteral("simple");
    a.inputChannels = inputChannels;
    a.depth = 4;
    a.baseWidth = 32;
    a.convolutionsPerLevel = 1;
    a.normalization = Normalization::None;
    return a;
}

UNetArchitecture UNetArchitecture::recommended(int inputChannels)
{
    UNetArchitecture a;
    a.preset = QStringLiteral("unet");
    a.inputChannels = inputChannels;
    a.depth = 4;
    a.baseWidth = 16;
    a.convolutionsPerLevel = 2;
    a.normalization = Normalization::BatchNorm;
    return a;
}

Expected<UNetArchitecture> UNetArchitecture::fromPreset(const QString& name, int inputChannels)
{
    if (name == QLatin1String("simple"))
        return simple(inputChannels);
    if (name == QLatin1String("unet"))
        return recommended(inputChannels);
    return Error::failed(ModelHeaderText::tr("unknown architecture '%1' (expected 'simple' or 'unet')").arg(name));
}

double UNetArchitecture::forwardFlops(int64_t height, int64_t width) const
{
    double flops = 0.0;
    double pixels = double(height) * double(width);
    int64_t in = inputChannels;
    for (int level = 0; level < depth; ++level) {
        const double w = double(int64_t(baseWidth) << level);
        for (int c = 0; c < convolutionsPerLevel; ++c) {
            flops += 2.0 * 9.0 * double(c == 0 ? in : w) * w * pixels; // encoder
            if (level < depth - 1)
                flops += 2.0 * 9.0 * (c == 0 ? 2.0 * w : w) * w * pixels; // decoder
        }
        if (level < depth - 1)
            flops += 2.0 * 9.0 * (2.0 * w) * w * pixels / 4.0; // up-convolution, at the coarser input
        in = int64_t(w);
        pixels /= 4.0;
    }
    flops += 2.0 * 9.0 * baseWidth * outputChannels * double(height) * double(width); // head
    return flops;
}

QJsonObject UNetArchitecture::toJson() const
{
    return QJsonObject{
        {QStringLiteral("preset"), preset},
        {QStringLiteral("input_channels"), inputChannels},
        {QStringLiteral("output_channels"), outputChannels},
        {QStringLiteral("depth"), depth},
        {QStringLiteral("base_width"), baseWidth},
        {QStringLiteral("convolutions_per_level"), convolutionsPerLevel},
        {QStringLiteral("normalization"), QLatin1String(normalizationName(normalization))},
        {QStringLiteral("dropout"), dropout},
        {QStringLiteral("activation"),
         activation == OutputActivation::Sigmoid ? QStringLiteral("sigmoid") : QStringLiteral("softmax")},
    };
}

Expected<UNetArchitecture> UNetArchitecture::fromJson(const QJsonObject& json)
{
    UNetArchitecture a;
    for (const char* key : {"input_channels", "output_channels", "depth", "base_width", "convolutions_per_level"})
        if (!json.value(QLatin1String(key)).isDouble())
            return Error::failed(ModelHeaderText::tr("architecture field '%1' is missing or not a number").arg(QLatin1String(key)));
    a.preset = json.value(QStringLiteral("preset")).toString(QStringLiteral("custom"));
    a.inputChannels = json.value(QStringLiteral("input_channels")).toInt();
    a.outputChannels = json.value(QStringLiteral("output_channels")).toInt();
    a.depth = json.value(QStringLiteral("depth")).toInt();
    a.baseWidth = json.value(QStringLiteral("base_width")).toInt();
    a.convolutionsPerLevel = json.value(QStringLiteral("convolutions_per_level")).toInt();
    a.dropout = json.value(QStringLiteral("dropout")).toDouble(0.0);
    if (a.inputChannels < 1 || a.inputChannels > 16 || a.outputChannels < 1 || a.outputChannels > 255 || a.depth < 1 ||
        a.depth > 7 || a.baseWidth < 1 || a.baseWidth > 512 || a.convolutionsPerLevel < 1 || a.convolutionsPerLevel > 2 ||
        a.dropout < 0.0 || a.dropout >= 1.0)
        return Error::failed(ModelHeaderText::tr("architecture values out of range (channels, depth 1-7, width, convolutions 1-2, dropout)"));
    const QString norm = json.value(QStringLiteral("normalization")).toString(QStringLiteral("none"));
    bool known = false;
    for (Normalization n : {Normalization::None, Normalization::BatchNorm, Normalization::InstanceNorm,
                            Normalization::GroupNorm})
        if (norm == QLatin1String(normalizationName(n))) {
            a.normalization = n;
            known = true;
        }
    if (!known)
        return Error::failed(ModelHeaderText::tr("unknown normalization '%1' (none, batch, instance or group)").arg(norm));
    const QString activation = json.value(QStringLiteral("activation")).toString(QStringLiteral("sigmoid"));
    if (activation == QLatin1String("sigmoid"))
        a.activation = OutputActivation::Sigmoid;
    else if (activation == QLatin1String("softmax"))
        a.activation = OutputActivation::Softmax;
    else
        return Error::failed(ModelHeaderText::tr("unknown activation '%1' (sigmoid or softmax)").arg(activation));
    if (a.activation == OutputActivation::Sigmoid && a.outputChannels != 1)
        return Error::failed(ModelHeaderText::tr("a sigmoid model has one output channel, not %1").arg(a.outputChannels));
    return a;
}

QJsonObject IntensityNormalization::toJson() const
{
    if (kind == Kind::ZScore)
        return QJsonObject{{QStringLiteral("kind"), QStringLiteral("zscore")}};
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("window")},
                       {QStringLiteral("lower"), lower},
                       {QStringLiteral("upper"), upper}};
}

Expected<IntensityNormalization> IntensityNormalization::fromJson(const QJsonObject& json)
{
    IntensityNormalization n;
    const QString kind = json.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("zscore")) {
        n.kind = Kind::ZScore;
        return n;
    }
    if (kind != QLatin1String("window"))
        return Error::failed(ModelHeaderText::tr("input normalization kind '%1' is not 'window' or 'zscore'").arg(kind));
    n.lower = json.value(QStringLiteral("lower")).toDouble(0.0);
    n.upper = json.value(QStringLiteral("upper")).toDouble(0.0);
    if (!(n.upper > n.lower))
        return Error::failed(ModelHeaderText::tr("input window upper (%1) must exceed lower (%2)").arg(n.upper).arg(n.lower));
    return n;
}

QJsonObject ModelHeader::toJson() const
{
    QJsonArray classArray;
    for (const ClassInfo& c : classes)
        classArray.append(QJsonObject{{QStringLiteral("value"), c.value},
                                      {QStringLiteral("name"), c.name},
                                      {QStringLiteral("colour"), c.colour}});
    const QJsonObject provenanceJson{
        {QStringLiteral("data_set_sha256"), provenance.dataSetHash},
        {QStringLiteral("data_set"), provenance.dataSetDescription},
        {QStringLiteral("epochs"), provenance.epochs},
        {QStringLiteral("training_minutes"), provenance.trainingMinutes},
        {QStringLiteral("metrics"), provenance.metrics},
        {QStringLiteral("parent_model"), provenance.parentModel},
        {QStringLiteral("created"), provenance.created},
        {QStringLiteral("software"), provenance.software},
        {QStringLiteral("notes"), provenance.notes},
    };
    return QJsonObject{
        {QStringLiteral("format"), format},
        {QStringLiteral("format_version"), kFormatVersion},
        {QStringLiteral("name"), name},
        {QStringLiteral("version"), version},
        {QStringLiteral("modality"), modality},
        {QStringLiteral("architecture"), architecture.toJson()},
        {QStringLiteral("input_normalization"), normalization.toJson()},
        {QStringLiteral("spacing_mm"), QJsonArray{spacing[0], spacing[1]}},
        {QStringLiteral("patch_size"), patchSize},
        {QStringLiteral("tile_size"), tileSize},
        {QStringLiteral("slice_axis"), sliceAxis},
        {QStringLiteral("slice_plane"), axialSlices ? QStringLiteral("axial") : QStringLiteral("axis")},
        {QStringLiteral("weights_precision"), weightsPrecision},
        {QStringLiteral("classes"), classArray},
        {QStringLiteral("provenance"), provenanceJson},
    };
}

int ModelHeader::sliceAxisFor(const ImageGeometry& geometry) const
{
    return axialSlices ? geometry.headFootAxis() : sliceAxis;
}

Expected<ModelHeader> ModelHeader::fromJson(const QJsonObject& json, const QString& origin)
{
    auto failed = [&](const QString& why) { return Error::failed(ModelHeaderText::tr("%1: bad model header: %2").arg(origin, why)); };
    ModelHeader h;
    h.format = json.value(QStringLiteral("format")).toString();
    if (h.format != QLatin1String("delineate-unet") && h.format != QLatin1String("torchscript"))
        return failed(ModelHeaderText::tr("format '%1' is not 'delineate-unet' or 'torchscript'").arg(h.format));
    const int version = json.value(QStringLiteral("format_version")).toInt(-1);
    if (version < 1 || version > kFormatVersion)
        return failed(ModelHeaderText::tr("format_version %1 is not supported (this build reads 1 to %2)").arg(version).arg(kFormatVersion));
    h.name = json.value(QStringLiteral("name")).toString();
    h.version = json.value(QStringLiteral("version")).toString();
    h.modality = json.value(QStringLiteral("modality")).toString();
    auto architecture = UNetArchitecture::fromJson(json.value(QStringLiteral("architecture")).toObject());
    if (!architecture)
        return failed(architecture.error().message);
    h.architecture = *architecture;
    auto normalization = IntensityNormalization::fromJson(json.value(QStringLiteral("input_normalization")).toObject());
    if (!normalization)
        return failed(normalization.error().message);
    h.normalization = *normalization;
    const QJsonArray spacing = json.value(QStringLiteral("spacing_mm")).toArray();
    if (spacing.size() == 2) {
        h.spacing = {spacing[0].toDouble(), spacing[1].toDouble()};
        if (h.spacing[0] < 0.0 || h.spacing[1] < 0.0)
            return failed(ModelHeaderText::tr("negative spacing_mm"));
    }
    h.patchSize = json.value(QStringLiteral("patch_size")).toInt(256);
    h.tileSize = json.value(QStringLiteral("tile_size")).toInt(512);
    h.sliceAxis = json.value(QStringLiteral("slice_axis")).toInt(2);
    const QString plane = json.value(QStringLiteral("slice_plane")).toString(QStringLiteral("axis"));
    if (plane != QLatin1String("axis") && plane != QLatin1String("axial"))
        return failed(ModelHeaderText::tr("slice_plane '%1' is not 'axis' or 'axial'").arg(plane));
    h.axialSlices = plane == QLatin1String("axial");
    h.weightsPrecision = json.value(QStringLiteral("weights_precision")).toString(QStringLiteral("float32"));
    if (h.weightsPrecision != QLatin1String("float32") && h.weightsPrecision != QLatin1String("float16"))
        return failed(ModelHeaderText::tr("weights_precision '%1' is not float32 or float16").arg(h.weightsPrecision));
    const int multiple = h.architecture.sizeMultiple();
    if (h.patchSize < multiple || h.tileSize < multiple || h.tileSize % multiple != 0 || h.sliceAxis < 0 ||
        h.sliceAxis > 2)
        return failed(ModelHeaderText::tr("patch_size, tile_size (multiples of %1) or slice_axis (0-2) out of range").arg(multiple));
    for (const QJsonValue& value : json.value(QStringLiteral("classes")).toArray()) {
        const QJsonObject c = value.toObject();
        h.classes.append(ClassInfo{c.value(QStringLiteral("value")).toInt(), c.value(QStringLiteral("name")).toString(),
                                   c.value(QStringLiteral("colour")).toString()});
    }
    const int expectedClasses = h.architecture.activation == OutputActivation::Sigmoid ? 2 : h.architecture.outputChannels;
    if (h.classes.size() != expectedClasses)
        return failed(ModelHeaderText::tr("%1 classes listed, the architecture has %2").arg(h.classes.size()).arg(expectedClasses));
    const QJsonObject p = json.value(QStringLiteral("provenance")).toObject();
    h.provenance.dataSetHash = p.value(QStringLiteral("data_set_sha256")).toString();
    h.provenance.dataSetDescription = p.value(QStringLiteral("data_set")).toString();
    h.provenance.epochs = p.value(QStringLiteral("epochs")).toInt();
    h.provenance.trainingMinutes = p.value(QStringLiteral("training_minutes")).toDouble();
    h.provenance.metrics = p.value(QStringLiteral("metrics")).toObject();
    h.provenance.parentModel = p.value(QStringLiteral("parent_model")).toString();
    h.provenance.created = p.value(QStringLiteral("created")).toString();
    h.provenance.software = p.value(QStringLiteral("software")).toString();
    h.provenance.notes = p.value(QStringLiteral("notes")).toString();
    return h;
}

const char kModelFileMagic[17] = "DELINEATE-MODEL\n";

namespace {

bool readLength(const QByteArray& bytes, qsizetype at, uint64_t& length)
{
    if (at < 0 || at + 8 > bytes.size())
        return false;
    length = 0;
    for (int i = 0; i < 8; ++i)
        length |= uint64_t(uint8_t(bytes[at + i])) << (8 * i);
    return true;
}

} // namespace

bool isTorchScriptModelPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("pt") || suffix == QLatin1String("pts") || suffix == QLatin1String("torchscript");
}

Expected<ModelHeader> parseModelHeaderJson(const QByteArray& json, const QString& origin)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::failed(ModelHeaderText::tr("%1: the model header is not valid JSON (%2)").arg(origin, parseError.errorString()));
    return ModelHeader::fromJson(document.object(), origin);
}

Expected<ModelFileLayout> parseModelFile(const QByteArray& bytes, const QString& path)
{
    const QByteArray magic(kModelFileMagic, 16);
    if (!bytes.startsWith(magic))
        return Error::failed(ModelHeaderText::tr("%1: not a Delineate model file (it does not start with DELINEATE-MODEL)").arg(path));
    qsizetype at = magic.size();
    uint64_t headerLength = 0;
    if (!readLength(bytes, at, headerLength) || headerLength > uint64_t(bytes.size() - at - 8))
        return Error::failed(ModelHeaderText::tr("%1: the model file is truncated (in its header)").arg(path));
    at += 8;
    auto header = parseModelHeaderJson(bytes.mid(at, qsizetype(headerLength)), path);
    if (!header)
        return header.error();
    if (header->format != QLatin1String("delineate-unet"))
        return Error::failed(ModelHeaderText::tr("%1: header format '%2' in a model file; expected 'delineate-unet'").arg(path, header->format));
    at += qsizetype(headerLength);
    uint64_t weightsLength = 0;
    if (!readLength(bytes, at, weightsLength) || weightsLength != uint64_t(bytes.size() - at - 8))
        return Error::failed(ModelHeaderText::tr("%1: the model file is truncated or has trailing bytes (weights: %2 bytes expected, %3 present)")
                                 .arg(path)
                                 .arg(weightsLength)
                                 .arg(std::max<qsizetype>(0, bytes.size() - at - 8)));
    return ModelFileLayout{std::move(header).value(), at + 8, qsizetype(weightsLength)};
}

Expected<ModelHeader> readModelHeader(const QString& path)
{
    if (!QFileInfo::exists(path))
        return Error::failed(ModelHeaderText::tr("%1: no such model file").arg(path));
    if (isTorchScriptModelPath(path)) {
        const QString sidecar = path + QStringLiteral(".json");
        QFile file(sidecar);
        if (!file.open(QIODevice::ReadOnly))
            return Error::failed(ModelHeaderText::tr("%1: a TorchScript model needs its JSON header beside it, %2, which cannot be read")
                                     .arg(path, sidecar));
        auto header = parseModelHeaderJson(file.readAll(), sidecar);
        if (header && header->format != QLatin1String("torchscript"))
            return Error::failed(ModelHeaderText::tr("%1: format must be 'torchscript' for a TorchScript model").arg(sidecar));
        return header;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(ModelHeaderText::tr("%1: cannot open the model file: %2").arg(path, file.errorString()));
    // The weights can be large: read the magic and the header only, then check the declared sizes against the file.
    const QByteArray start = file.read(24);
    const QByteArray magic(kModelFileMagic, 16);
    uint64_t headerLength = 0;
    if (!start.startsWith(magic))
        return Error::failed(ModelHeaderText::tr("%1: not a Delineate model file (it does not start with DELINEATE-MODEL)").arg(path));
    if (!readLength(start, 16, headerLength) || file.size() < 32 || headerLength > uint64_t(file.size()) - 24 - 8)
        return Error::failed(ModelHeaderText::tr("%1: the model file is truncated (in its header)").arg(path));
    const QByteArray json = file.read(qint64(headerLength));
    const QByteArray lengthBytes = file.read(8);
    uint64_t weightsLength = 0;
    if (qsizetype(json.size()) != qsizetype(headerLength) || !readLength(lengthBytes, 0, weightsLength)
        || weightsLength != uint64_t(file.size() - file.pos()))
        return Error::failed(ModelHeaderText::tr("%1: the model file is truncated or has trailing bytes").arg(path));
    auto header = parseModelHeaderJson(json, path);
    if (header && header->format != QLatin1String("delineate-unet"))
        return Error::failed(ModelHeaderText::tr("%1: header format '%2' in a model file; expected 'delineate-unet'").arg(path, header->format));
    return header;
}

Expected<void> rewriteModelHeader(const QString& path, const ModelHeader& header)
{
    auto current = readModelHeader(path);
    if (!current)
        return current.error();
    if (current->architecture.toJson() != header.architecture.toJson() || current->normalization.toJson() != header.normalization.toJson()
        || current->classes.size() != header.classes.size())
        return Error::failed(ModelHeaderText::tr("%1: the architecture, classes and normalisation describe the weights and cannot be changed").arg(path));
    const auto writeBytes = [](const QString& target, const QByteArray& bytes) {
        return writeAtomically(target, [&](const QString& temporary) -> Expected<void> {
            QFile file(temporary);
            if (!file.open(QIODevice::WriteOnly) || !writeAll(file, bytes)) {
                // The reason before anything else touches the file (writeAtomically removes it).
                return Error::failed(ModelHeaderText::tr("%1: cannot write (%2)").arg(target, file.errorString()));
            }
            return {};
        });
    };
    if (isTorchScriptModelPath(path))
        return writeBytes(path + QStringLiteral(".json"), QJsonDocument(header.toJson()).toJson(QJsonDocument::Indented));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(ModelHeaderText::tr("%1: cannot open the model file: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    auto layout = parseModelFile(bytes, path);
    if (!layout)
        return layout.error();
    const QByteArray json = QJsonDocument(header.toJson()).toJson(QJsonDocument::Indented);
    QByteArray out(kModelFileMagic, 16);
    const auto appendLength = [&out](uint64_t length) {
        for (int i = 0; i < 8; ++i)
            out.append(char((length >> (8 * i)) & 0xff));
    };
    appendLength(uint64_t(json.size()));
    out.append(json);
    appendLength(uint64_t(layout->weightsLength));
    out.append(bytes.mid(layout->weightsOffset, layout->weightsLength));
    return writeBytes(path, out);
}

} // namespace delineate::ml
